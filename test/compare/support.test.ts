import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeOverlapping, oneAct, oneActApart, onlyWho, sideRemark, thinDescription, toldAsGiven } from '../../src/compare/support.js';
import { corroboratedShortIds, firstSentenceClaims, publishedAt } from './story.js';

// Invented wording throughout.
const PUBLISHED = publishedAt('2019-03-14T09:00:00Z');

const sentenceClaims = (text: string) => firstSentenceClaims(text, PUBLISHED);
const corroborated = (texts: string[]) => corroboratedShortIds(texts, PUBLISHED);

describe('an act told as possible is no support for the act done', () => {
  it('a modal of what may be, a condition or a hedge marks the claim; "would", "should" and "could not" do not', () => {
    const hedged = (text: string) => sentenceClaims(text).some((c) => c.hedged);
    assert.ok(hedged('Police said the ferry road was likely to remain closed through the weekend.'));
    assert.ok(hedged('The ferry road could stay closed through the weekend.'));
    assert.ok(hedged('The Kelso council might close the ferry road before the weekend.'));
    assert.ok(hedged('If the Kelso council decides to close the ferry road, the buses will stop.'));
    assert.ok(!hedged('The council said the ferry road would be closed until further notice.'));
    assert.ok(!hedged('The council says all drivers should avoid the ferry road until Monday.'));
    assert.ok(!hedged('The crews could not reopen the ferry road before the bridge collapsed.'));
    assert.ok(!hedged('The ferry road was closed until about 4 p.m. on Saturday.'));
  });
  it('what a possible act\'s clause tells of it is as possible: "could stall the plan by buying the site"', () => {
    const claims = sentenceClaims('The Kelso council could stall the harbour plan by buying the old ferry site before the spring.');
    assert.ok(claims.length >= 1 && claims.every((c) => c.hedged));
  });
  it('"was likely to remain closed" and "was closed" are two acts', () => {
    const found = corroborated([
      'The ferry road near the Kelso bridge was closed for several hours on Saturday after the landslide.',
      'Police said the ferry road near the Kelso bridge was likely to remain closed for several hours after the landslide.',
    ]);
    assert.deepEqual(found, []);
  });
});

describe('one act on two days is two acts', () => {
  it('a claim keeps the month and day its time expressions resolve to', () => {
    const claims = sentenceClaims('Ann Roe will appear before the Kelso magistrates on Tuesday.');
    assert.deepEqual(
      claims.flatMap((c) => [...c.days]),
      ['03-19'],
    );
  });
  it('"will appear on Tuesday" and "to appear on 2 April" are two appearances', () => {
    const found = corroborated([
      'Ann Roe, of Bridge Road, will appear before the Kelso magistrates on Tuesday charged with arson.',
      'Ann Roe, of Bridge Road, was remanded in custody to appear before the Kelso magistrates on 2 April charged with arson.',
    ]);
    assert.deepEqual(found, []);
  });
});

describe('a sentence that only introduces what is said states nothing', () => {
  it('"The council said in a statement last week:" has no claim; "The council said in a statement last week that ..." has one', () => {
    assert.deepEqual(sentenceClaims('The Kelso council said in a statement last week:'), []);
    assert.ok(sentenceClaims('The Kelso council said in a statement last week that the ferry road was closed.').length >= 1);
    assert.ok(sentenceClaims('Ann Roe has been charged on suspicion of arson.').length >= 1);
  });
});

describe('overlapping claim facts are one fact only when they state one statement', () => {
  it('groups sharing most members stay apart when the callback says they state two things', () => {
    assert.deepEqual(mergeOverlapping([[0, 1, 2, 3], [1, 2, 3, 4]], () => false), [[0, 1, 2, 3], [1, 2, 3, 4]]);
    assert.deepEqual(mergeOverlapping([[0, 1, 2, 3], [1, 2, 3, 4]], () => true), [[0, 1, 2, 3, 4]]);
  });
  it('"threw for 300 yards and the team secured the second seed" told by most outlets: the seed is a fact of its own', () => {
    const found = corroborated([
      'Ann Roe threw for 312 yards and three touchdowns, and the Kelso Comets secured the second seed in the northern playoffs.',
      'Ann Roe threw for 312 yards and three touchdowns, helping the Kelso Comets secure the second seed in the northern playoffs.',
      'Ann Roe completed 25 of 31 passes for 312 yards and three touchdowns in the win.',
      'The Kelso Comets secured the second seed in the northern playoffs.',
    ]);
    assert.ok(found.includes('a0 a1 a3'), found.join(' | '));
    assert.ok(!found.some((f) => f.includes('a2') && f.includes('a3')), found.join(' | '));
  });
});

describe('one act told of other patients or on other days keeps two facts apart (the fact merge guard)', () => {
  const apart = (a: string, b: string) => sentenceClaims(a).some((x) => sentenceClaims(b).some((y) => oneActApart(x, y)));
  it('the same verbs with other patients, or dated on other days, are two happenings', () => {
    assert.ok(apart('The Kelso club placed Jon Roe on the injured list on Tuesday.', 'The Kelso club placed Tim Poe on the injured list on Wednesday.'));
    assert.ok(apart('The Kelso club placed Jon Roe on the injured list on Tuesday.', 'The Kelso club placed Jon Roe on the injured list on Wednesday.'));
  });
  it('one patient spelled two ways, a weekday both name, or other verbs are not told apart', () => {
    assert.ok(!apart('The Kelso club placed Jon Roe on the injured list on Tuesday.', 'The Kelso club placed Jon Roe on the injured list.'));
    assert.ok(!apart('Climbers tried to rescue Ann Raite on the glacier.', 'Climbers tried to rescue Ann Rait on the glacier.'));
    assert.ok(!apart('Voting at the Kelso booths will close at 6:00 p.m. on Sunday.', 'The Kelso booths closed at 6:00 p.m. on Sunday.'));
    assert.ok(!apart('The Kelso club placed Jon Roe on the injured list on Tuesday.', 'The Kelso club released Tim Poe on Wednesday.'));
  });
});

describe('a background clause supports another member only when it tells the same act', () => {
  it('a clause opened by "after" is told as a circumstance; the main clause is not', () => {
    const claims = sentenceClaims('The Kelso side stretched its lead to ten points after Ann Roe passed Jo Poe for the club record.');
    // (the passing is the circumstance, the stretched lead what the sentence states)
    assert.deepEqual(
      claims.map((c) => [[...c.acts].join(' '), c.circumstance]),
      [
        ['stretch', false],
        ['pass', true],
      ],
    );
  });
  it('a relative clause and a main clause of the same act are one; of another act, or a description, a side remark', () => {
    const [background, main] = [
      sentenceClaims('The harbour master, who closed the ferry road on Saturday, spoke to reporters at noon.').find((c) => c.relative),
      sentenceClaims('The harbour master closed the ferry road on Saturday.')[0],
    ];
    assert.ok(background && main && !main.relative);
    assert.ok(!sideRemark(background, main));
    const other = sentenceClaims('The ferry road is the only way into the Kelso harbour on Saturday.')[0];
    assert.ok(sideRemark(background, other));
    // (two main clauses are left to oneAct)
    assert.ok(!sideRemark(main, other));
  });
});

describe('a name and the words that describe it are who two claims speak of, not what they state', () => {
  it('two acts of one person that share only the name and the post: no support', () => {
    const urged = sentenceClaims('Ann Roe, director of the Kelso harbour trust, urged drivers to avoid the ferry road.').find((c) => c.acts.size);
    const opened = sentenceClaims('Harbour trust director Ann Roe opened the new pier on Friday.');
    assert.ok(urged && urged.named.has('roe'));
    assert.ok(opened.some((c) => onlyWho(urged, c)));
  });
  it('a description that shares only who with an act says nothing of it, unless it names the act by a noun', () => {
    const urged = sentenceClaims('Ann Roe, director of the Kelso harbour trust, urged drivers to avoid the ferry road.').find((c) => c.acts.size)!;
    // (a quotation folded with its speaker: its only words in common with the act are the speaker's name and post)
    const said = sentenceClaims('"The repairs to the old pier are not over," said harbour trust director Ann Roe.');
    assert.ok(said.some((c) => !c.acts.size && onlyWho(urged, c)));
    assert.ok(said.some((c) => !c.acts.size && onlyWho(c, urged)));
    const [died] = sentenceClaims('Harbour trust director Ann Roe died on the ferry road on Friday.');
    const [death] = sentenceClaims('The death of Ann Roe, director of the Kelso harbour trust.');
    assert.ok(died.acts.has('die') && !death.acts.size && death.keys.has('death'));
    assert.ok(!onlyWho(died, death) && !onlyWho(death, died));
  });
  it('a figure both give, or words both state, are content: "Ann Roe, 41, closed" / "Ann Roe, 41, spoke"', () => {
    const [closed] = sentenceClaims('Ann Roe, 41, closed the ferry road on Saturday.');
    const spoke = sentenceClaims('Ann Roe, 41, spoke to reporters about the ferry road at noon.');
    assert.ok(spoke.every((c) => !onlyWho(closed, c)));
  });
  it('a month or a year both give is when the case happened, a weekday or a day stays content', () => {
    const convicted = sentenceClaims('A Kelso jury convicted harbour pilot Ann Roe of sinking the old ferry in March 2011.').find((c) => c.acts.has('convict'));
    const weighed = sentenceClaims('The judge weighed the damage done by harbour pilot Ann Roe in March 2011.').find((c) => c.acts.size);
    assert.ok(convicted && weighed && convicted.values.has('2011') && weighed.values.has('march'));
    assert.ok(onlyWho(convicted, weighed));
    const fined = sentenceClaims('The judge fined harbour pilot Ann Roe on Tuesday.').find((c) => c.acts.size);
    const jailed = sentenceClaims('A Kelso court jailed harbour pilot Ann Roe on Tuesday.').find((c) => c.acts.size);
    assert.ok(fined && jailed && !onlyWho(fined, jailed));
  });
});

describe('a restrictive relative clause tells as given what it says of its noun', () => {
  const closed = (text: string) => sentenceClaims(text).find((c) => c.acts.has('clos'));
  it('a relative pronoun with no comma before it is given; one set off by a comma, or a main clause, is news', () => {
    assert.equal(closed('The woman who closed the ferry road on Saturday will face a disciplinary hearing.')?.given, true);
    assert.equal(closed('The woman, who closed the ferry road on Saturday, will face a disciplinary hearing.')?.given, false);
    assert.equal(closed('The harbour master closed the ferry road on Saturday.')?.given, false);
  });
  it('told as given by one and as news by the other, no figure both give: not one statement by itself', () => {
    const given = closed('The woman who closed the ferry road on Saturday will face a disciplinary hearing.')!;
    const news = closed('The harbour master closed the ferry road on Saturday.')!;
    assert.ok(toldAsGiven(given, news) && toldAsGiven(news, given));
    assert.ok(!toldAsGiven(news, news) && !toldAsGiven(given, given));
    const givenFigure = closed('The woman who closed the ferry road for 12 hours will face a disciplinary hearing.')!;
    const newsFigure = closed('The harbour master closed the ferry road for 12 hours on Saturday.')!;
    assert.ok(givenFigure.given && !toldAsGiven(givenFigure, newsFigure));
  });
});

describe('a year is a time two acts share, not a figure that makes a side remark one statement', () => {
  it('a relative clause of another act sharing only a year is a side remark; sharing an amount, not', () => {
    const left = sentenceClaims('Ann Roe, who left the Kelso clinic in 2004, spoke to reporters at noon.').find((c) => c.relative);
    const took = sentenceClaims('In 2004, Ann Roe took a job at the harbour trust.').find((c) => c.acts.size);
    assert.ok(left && took && left.values.has('2004') && took.values.has('2004'));
    assert.ok(sideRemark(left, took));
    const paid = sentenceClaims('Ann Roe, who paid 2,400 pounds for the old ferry, spoke to reporters at noon.').find((c) => c.relative);
    const bought = sentenceClaims('Ann Roe bought the old ferry for 2,400 pounds.').find((c) => c.acts.size);
    assert.ok(paid && bought && !sideRemark(paid, bought));
  });
});

describe('a description meets an act on more than one word', () => {
  const description = (text: string) => sentenceClaims(text).find((c) => !c.acts.size && c.keys.size >= 2);
  const act = (text: string) => sentenceClaims(text).find((c) => c.acts.size);
  it('one shared word and no value: not one statement; two words, or a value, or a fragment of one word: left to oneAct', () => {
    const closed = act('The trust closed the harbour road on Saturday.')!;
    const timetable = description('The new timetable is for every route of the harbour.')!;
    assert.ok(closed && timetable);
    assert.ok(thinDescription(closed, timetable) && thinDescription(timetable, closed));
    assert.ok(!thinDescription(closed, description('The harbour road is the only way into the old town.')!));
    assert.ok(!thinDescription(closed, closed));
    const fragment = { ...timetable, keys: new Set(['harbour']) };
    assert.ok(!thinDescription(closed, fragment));
  });
});

describe('a description (a copular clause) meets an act only when it is told of what the act is told of', () => {
  const description = (text: string) => sentenceClaims(text).find((c) => !c.acts.size && c.predicate !== null)!;
  const act = (text: string) => sentenceClaims(text).find((c) => c.acts.size)!;
  it('its subject is the act’s subject or object: one statement', () => {
    const oldest = description('The ferry was the oldest vessel in the harbour fleet.');
    assert.ok(oldest, 'read as a description');
    const reached = act('Divers reached the ferry off the cape on Saturday.');
    assert.ok(oneAct(oldest, reached) && oneAct(reached, oldest));
    assert.ok(!oneAct(description('The cape is the windiest point of the coast.'), reached));
  });
  it('another subject, no shared figure, the predicate not in the act’s words: not one statement, however many words they share', () => {
    const lead = description('Her lead in pledged delegates will be insurmountable after the contests in Kelso and Ashby next week.');
    const perform = act('The senator would perform strongly in the contests in Kelso and Ashby next week.');
    assert.ok(lead && perform);
    assert.ok(!oneAct(lead, perform) && !oneAct(perform, lead));
  });
  it('the act’s words hold its predicate, or both give one figure: one statement', () => {
    assert.ok(oneAct(description('It was only the third fight of his career.'), act('The champion was fighting for only the third time in his career.')));
    assert.ok(oneAct(description('The deal is worth $160 million.'), act('The club offered $160 million.')));
  });
});

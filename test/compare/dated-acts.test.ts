import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseArticle } from '../../src/analyse/index.js';
import { crossCheckStory } from '../../src/compare/index.js';
import { actOfTime } from '../../src/compare/dated-acts.js';
import { prepareStory } from '../../src/compare/prepare.js';
import { bareArticle } from '../helpers.js';
import { crossCheckTexts, publishedAt } from './story.js';

// Invented wording in the shape of a sports transaction story (a player signed on one of two days).
const PUBLISHED = { iso: '2011-01-06T12:00:00Z', precision: 'minute' as const, source: 'text' };
const art = (id: string, text: string) => analyseArticle(bareArticle(id, text, { outlet: `Outlet ${id}`, published: PUBLISHED }));
const dated = (x: ReturnType<typeof crossCheckStory>) => x.conflicts.filter((c) => c.kind === 'date');

// Invented obituaries published on one day: each article is the lead, then its own words. Given a
// lead per outlet, each outlet tells it in its own words (one lead shared word for word with short
// texts would make the articles rewrites of one dispatch, one source: stories/dispatch.ts).
const OBITUARY_DAY = { iso: '2008-12-12T12:00:00Z', precision: 'minute' as const, source: 'text' };
const obituaries =
  (lead: string | string[]) =>
  (...texts: string[]) =>
    crossCheckStory({
      storyId: 's',
      articles: texts.map((t, i) => analyseArticle(bareArticle('abc'[i], `${typeof lead === 'string' ? lead : lead[i]}${t}`, { outlet: `Outlet ${'abc'[i]}`, published: OBITUARY_DAY }))),
      copies: [],
    });
const years = (x: ReturnType<typeof crossCheckStory>) => dated(x).map((c) => c.sides.map((s) => s.value).sort().join(' vs '));

describe('dates of one act read from the parse', () => {
  it('finds one player signed on two different days by two outlets', () => {
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        art('a', 'The club lost its starting running back for the season.\n\nThe club signed Marcus Delaney on Tuesday after a workout at the team facility.'),
        art('b', 'The club lost its starting running back for the season.\n\nThe club signed Marcus Delaney on Monday after a workout at the team facility.'),
      ],
      copies: [],
    });
    const c = dated(x);
    assert.equal(c.length, 1, JSON.stringify(x.conflicts.map((k) => k.slot)));
    assert.deepEqual(c[0].sides.map((s) => s.wordings[0]).sort(), ['Monday', 'Tuesday']);
  });

  it('does not dispute two players signed on two days', () => {
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        art('a', 'The club lost its starting running back for the season.\n\nThe club signed Marcus Delaney on Tuesday and Tom Brandt on Wednesday.'),
        art('b', 'The club lost its starting running back for the season.\n\nThe club signed Tom Brandt on Wednesday after a workout.'),
      ],
      copies: [],
    });
    assert.deepEqual(dated(x).map((c) => c.note), []);
  });

  it('does not date what someone will do or said', () => {
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        art('a', 'The club lost its starting running back for the season.\n\nThe club will sign Marcus Delaney on Tuesday, the coach said.'),
        art('b', 'The club lost its starting running back for the season.\n\nThe coach said on Monday that the club is talking to Marcus Delaney.'),
      ],
      copies: [],
    });
    assert.deepEqual(dated(x).map((c) => c.note), []);
  });
});

describe('dates of one act in an undated story', () => {
  // Invented wording: two outlets give two days for one person's admission; neither article is dated.
  const undated = (id: string, text: string) => analyseArticle(bareArticle(id, text, { outlet: `Outlet ${id}` }));
  it('a full date that names its weekday ("on Tuesday, March 3, 2009") dates the event, not the past', () => {
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        undated('a', 'The singer Jane Roe checked into a clinic in Eastbury on Friday for an unspecified problem, her agent said.'),
        undated(
          'b',
          'The singer has gone to a clinic for treatment, her agent said in a short statement.\n\nFriends said they were glad she sought help after a difficult year.\n\nRoe checked herself in on Tuesday, March 3, 2009.',
        ),
      ],
      copies: [],
    });
    const c = dated(x);
    assert.equal(c.length, 1, JSON.stringify(x.conflicts.map((k) => k.note)));
    assert.deepEqual(c[0].sides.map((s) => s.articles.join()).sort(), ['a', 'b']);
  });
});

describe('times of day of one event', () => {
  // Invented wording: two outlets give two times for one stop, a third agrees with the first.
  it('opposes "about 1 a.m." and "about 1:30 a.m." for one event, and agrees "about 1:30" with "1:35"', () => {
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        art('a', 'The club lost its starting running back for the season.\n\nPolice stopped Marcus Delaney on the coastal highway at about 1:30 a.m. Sunday for speeding, an officer said.'),
        art('b', 'The club lost its starting running back for the season.\n\nPolice stopped Marcus Delaney on the coastal highway at about 1 a.m. Sunday for speeding, an officer said.'),
        art('c', 'The club lost its starting running back for the season.\n\nPolice stopped Marcus Delaney on the coastal highway at 1:35 a.m. Sunday for speeding, an officer said.'),
      ],
      copies: [],
    });
    const c = x.conflicts.filter((k) => k.slot === 'time of day of the event');
    assert.equal(c.length, 1, JSON.stringify(x.conflicts.map((k) => k.note)));
    assert.deepEqual(c[0].sides.map((s) => [s.value, s.articles.join()]), [['01:00', 'b'], ['01:30', 'a,c']]);
  });

  it('does not oppose the times of two different events of one person', () => {
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        art('a', 'The club lost its starting running back for the season.\n\nPolice stopped Marcus Delaney on the coastal highway at about 1:30 a.m. Sunday for speeding, an officer said.'),
        art('b', 'The club lost its starting running back for the season.\n\nMarcus Delaney left a downtown restaurant with friends at about 11 p.m. Saturday, a waiter said.'),
      ],
      copies: [],
    });
    assert.deepEqual(x.conflicts.filter((k) => k.slot === 'time of day of the event').map((k) => k.note), []);
  });

  // (the two sentences share few words, so no fact or close wording joins them: only the act does)
  const whenLead = 'The club lost its starting running back for the season.\n\n';
  const stopped = 'Marcus Delaney was stopped at about 1:30 a.m. Sunday on the coastal highway.';
  const heading = (who: string, day: string) =>
    `${who}, 27, faces a drunk-driving charge. According to the patrol, he had been heading home from a party at about 1 a.m. ${day} when officers stopped him.`;
  const clockNotes = (a: string, b: string) =>
    crossCheckStory({ storyId: 's', articles: [art('a', `${whenLead}${a}`), art('b', `${whenLead}${b}`)], copies: [] })
      .conflicts.filter((k) => k.slot === 'time of day of the event')
      .map((k) => k.note);

  it('a "when" clause is at the time of the clause it hangs on: "heading home at about 1 a.m. Sunday when officers stopped him" dates the stop', () => {
    assert.deepEqual(clockNotes(stopped, heading('Marcus Delaney', 'Sunday')), ['01:00 vs 01:30: different times of day for the same event']);
  });

  it('does not join one verb\'s acts done to two people, nor on two days', () => {
    assert.deepEqual(clockNotes(stopped, heading('Tom Brandt', 'Sunday')), []);
    assert.deepEqual(clockNotes(stopped, heading('Marcus Delaney', 'Saturday')), []);
  });
});

describe('an event told with no one named is dated by its subject noun, in the leads', () => {
  it('opposes "the quake struck on Sunday" and "an earthquake hit on Monday" (one act class, one event noun)', () => {
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        art('q1', 'A strong quake struck the coastal province on Sunday, officials said, and hundreds of homes were damaged.'),
        art('q2', 'A strong earthquake hit the coastal province on Monday, officials said, and hundreds of homes were damaged.'),
      ],
      copies: [],
    });
    assert.equal(dated(x).length, 1, JSON.stringify(x.conflicts.map((c) => c.note)));
    assert.deepEqual(dated(x)[0].sides.map((s) => /Sunday|Monday/.exec(s.value)?.[0]).sort(), ['Monday', 'Sunday']);
  });

  it('does not date a later sentence\'s event noun against the lead\'s ("a fire erupted on Monday" in paragraph five is another fire)', () => {
    const filler = 'Residents of the nearby streets gathered outside the town hall for news. Crews from three stations worked through the night to contain it. ';
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        art('f1', 'A fire erupted at a warehouse in the port on Sunday, officials said, and two workers were hurt in the blaze.'),
        art('f2', `Two workers were hurt in a warehouse blaze in the port, officials said on Sunday night. ${filler}${filler}A fire erupted at the same warehouse on Monday.`),
      ],
      copies: [],
    });
    assert.deepEqual(dated(x).map((c) => c.note), []);
  });
});

describe('a day counted from the writing ("yesterday") dates the act it attaches to', () => {
  const on = (iso: string) => ({ iso, precision: 'minute' as const, source: 'text' });
  const dayArt = (id: string, text: string, iso: string) => analyseArticle(bareArticle(id, text, { outlet: `Outlet ${id}`, published: on(iso) }));
  it('opposes "Tom Ashby was arrested yesterday" (written on Wednesday) to "… on Monday", and agrees it with "… on Tuesday"', () => {
    const yesterday = dayArt('y1', 'Tom Ashby was arrested yesterday at his home in the north of the city.', '2011-01-05T12:00:00Z');
    const monday = dayArt('y2', 'Tom Ashby was arrested on Monday at his home in the north of the city.', '2011-01-05T12:00:00Z');
    const tuesday = dayArt('y3', 'Tom Ashby was arrested on Tuesday at his home in the north of the city.', '2011-01-05T12:00:00Z');
    assert.equal(dated(crossCheckStory({ storyId: 's', articles: [yesterday, monday], copies: [] })).length, 1);
    assert.deepEqual(dated(crossCheckStory({ storyId: 's', articles: [yesterday, tuesday], copies: [] })).map((c) => c.note), []);
  });
});

describe('a year or a month dates an act at its own grain', () => {
  // Invented wording: two outlets give the year a named person founded a company; a third its month.
  // Each outlet words the lead its own way: two independent reports, not rewrites of one dispatch.
  const leads = ['The chief executive of the bakery chain stepped down on Tuesday after a long dispute with the board.', 'After months of quarrels with his board, the head of a chain of bakeries resigned on Tuesday.'];
  const story = (a: string, b: string) =>
    crossCheckStory({ storyId: 's', articles: [art('a', `${leads[0]}\n\n${a}`), art('b', `${leads[1]}\n\n${b}`)], copies: [] });

  it('two years for one act of one person, in sentences stating one fact, are a conflict', () => {
    const x = story('Peter Vanlo founded the bakery chain in 1998 with two shops in the north.', 'Peter Vanlo founded the bakery chain in 2001 with two shops in the north.');
    const c = dated(x);
    assert.equal(c.length, 1, JSON.stringify(x.conflicts.map((k) => k.note)));
    assert.deepEqual(c[0].sides.map((s) => s.value).sort(), ['1998', '2001']);
  });

  it('a year and a month of that year agree (compared at the coarser grain)', () => {
    const x = story('Peter Vanlo founded the bakery chain in 1998 with two shops in the north.', 'Peter Vanlo founded the bakery chain in March 1998 with two shops in the north.');
    assert.deepEqual(dated(x).map((c) => c.note), []);
  });

  it('two years of one act in sentences that state different facts are not compared (a person does an act again)', () => {
    const x = story(
      'Peter Vanlo founded the bakery chain in 1998 with two shops in the north.',
      'Long before the chain grew, Peter Vanlo founded a football club for the children of his home town in 2001.',
    );
    assert.deepEqual(dated(x).map((c) => c.note), []);
  });
});

describe('a month names its month in a story with no date, and a participle of naming dates no act', () => {
  // Invented wording: two undated articles give two months for one person's launch of one product.
  const undated = (id: string, text: string) => analyseArticle(bareArticle(id, text, { outlet: `Outlet ${id}` }));
  const lead = 'The actress Nora Belcastro has signed a new television deal, her agent said.';
  const story = (a: string, b: string) =>
    crossCheckStory({ storyId: 's', articles: [undated('a', `${lead}\n\n${a}`), undated('b', `${lead}\n\n${b}`)], copies: [] });

  it('"launched a line called X in December" dates the launch, against "in September"', () => {
    const x = story(
      'Nora Belcastro launched a new jewellery line called Lumen in December.',
      'Nora Belcastro, who launched a new jewellery line called Lumen in September, spoke about her plans.',
    );
    const c = dated(x);
    assert.equal(c.length, 1, JSON.stringify(x.conflicts.map((k) => k.note)));
    assert.deepEqual(c[0].sides.map((s) => s.wordings[0]).sort(), ['December', 'September']);
  });

  it('the same month agrees, and two launches of two things are not compared', () => {
    const same = story('Nora Belcastro launched a new jewellery line called Lumen in December.', 'Nora Belcastro launched a new jewellery line called Lumen in December.');
    assert.deepEqual(dated(same).map((c) => c.note), []);
    const other = story('Nora Belcastro launched a new jewellery line called Lumen in December.', 'Nora Belcastro launched a cooking podcast called Ember in September.');
    assert.deepEqual(dated(other).map((c) => c.note), []);
  });
});

describe('a plea entered in the past, dated with its year', () => {
  // Invented obituary wording: a former official who died this week, his plea decades earlier.
  const OBIT = { iso: '2004-07-29T12:00:00Z', precision: 'minute' as const, source: 'text' };
  const obit = (id: string, text: string) => analyseArticle(bareArticle(id, text, { outlet: `Outlet ${id}`, published: OBIT }));
  const lead = 'Harold Brenner, a former campaign aide, died on Tuesday at his home. He was 75.\n\n';

  it('opposes "On June 27, 1973, he pleaded guilty to obstruction" and "pleaded guilty to obstruction in July 1973"', () => {
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        obit('a', `${lead}On June 27, 1973, Brenner pleaded guilty to obstruction of justice and began cooperating with prosecutors.`),
        obit('b', `${lead}Mr. Brenner pleaded guilty to obstruction of justice in July 1973 and cooperated with prosecutors.`),
      ],
      copies: [],
    });
    const c = dated(x).filter((k) => /plead/.test(k.slot));
    assert.equal(c.length, 1, JSON.stringify(x.conflicts.map((k) => k.slot)));
  });

  it('does not oppose two past acts of the kind that state different facts', () => {
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        obit('a', `${lead}On June 27, 1973, Brenner pleaded guilty to obstruction of justice and began cooperating with prosecutors.`),
        obit('b', `${lead}In 1981, Brenner pleaded guilty to a charge of tax evasion in a separate case in Texas.`),
      ],
      copies: [],
    });
    assert.deepEqual(dated(x).filter((k) => /plead/.test(k.slot)).map((k) => k.note), []);
  });
});

describe('a year dates one act of a named person across differently worded sentences', () => {
  // Invented obituary wording: a retired singer who died this week; the years of earlier acts of her life.
  const story = obituaries('Greta Stone, a singer of the 1950s, died on Thursday in a hospital. She was 85.\n\n');

  it('opposes "In 1957, Stone disappeared from public view" and "Stone suddenly vanished from the scene in 1958" (WordNet synonyms, a surname tagged a noun)', () => {
    const x = story('In 1957, Stone disappeared from public view and moved to a small town.', 'Stone suddenly vanished from the scene in 1958.');
    assert.deepEqual(years(x), ['1957 vs 1958'], JSON.stringify(x.conflicts.map((k) => k.note)));
  });

  it('a year written as a bound ("after 1957", "by 1958") does not oppose another year', () => {
    const x = story('Stone disappeared from public view after 1957.', 'Stone suddenly vanished from the scene in 1958.');
    assert.deepEqual(years(x), []);
  });

  it('a sentence that writes two years is a chronology: "released in late 2008 after serving time on a 2006 conviction" does not oppose "released in 2006"', () => {
    const x = story('Stone was released in 2006 and went back to the stage.', 'Stone had been released from the hospital in late 2008 after serving time on a 2006 conviction.');
    assert.deepEqual(years(x), []);
  });

  it('an article that dates the act twice tells a repeated act: its years oppose no other', () => {
    const x = story('Stone was released from the hospital in 1990. Years later, Stone was released from the hospital in 1996.', 'Stone was released from the hospital in 1992.');
    assert.deepEqual(years(x), []);
  });
});

describe('an act done twice is not one act told with two years', () => {
  // Invented obituary wording: a singer who won one prize twice; outlets give one or both years.
  const story = obituaries('Greta Hollis, a singer of the 1950s, died on Thursday in a hospital. She was 85.\n\n');

  it('two articles that give one act two years conflict', () => {
    const x = story('Hollis won the Harbour Prize in 1961 for her recordings.', 'Hollis won the Harbour Prize in 1964 for her recordings.');
    assert.deepEqual(years(x), ['1961 vs 1964'], JSON.stringify(x.conflicts.map((k) => k.note)));
  });

  it('"won the prize in 1961 and 1964" in one article: neither year opposes another article\'s', () => {
    const x = story('Hollis won the Harbour Prize in 1961 and 1964 for her recordings.', 'Hollis won the Harbour Prize in 1961 for her recordings.');
    assert.deepEqual(years(x), [], JSON.stringify(x.conflicts.map((k) => k.note)));
  });

  it('"won in 1961" and "won in 1964" do not conflict when a third article tells both wins', () => {
    for (const third of ['Hollis won the Harbour Prize in 1961 and again in 1964 for her recordings.', 'Hollis won the Harbour Prize in 1961. She won the Harbour Prize again in 1964.']) {
      const x = story('Hollis won the Harbour Prize in 1961 for her recordings.', 'Hollis won the Harbour Prize in 1964 for her recordings.', third);
      assert.deepEqual(years(x), [], `${third}: ${JSON.stringify(x.conflicts.map((k) => k.note))}`);
    }
  });
});

describe('a year told by reference to one named before ("that same year") dates its act', () => {
  // Invented obituary wording: a farmer's brother killed in an accident in a year each outlet names by reference.
  const story = obituaries([
    'Walter Hollis, a farmer and former state senator, died on Thursday at his home. He was 85.\n\n',
    'Former state senator Walter Hollis, who farmed all his life, has died at 85, his family said on Thursday.\n\n',
  ]);

  it('opposes "sold in 1957. Later that year, Hollis shot and killed his brother" and "sold in 1967. That same year he shot and killed his brother"', () => {
    const x = story(
      'The family sold its farm for $3 million in 1957. Later that year, Mr. Hollis shot and killed his brother in a hunting accident in Canada.',
      'The family farm was sold for $3 million in 1967. That same year he shot and killed his brother in a hunting accident in Canada.',
    );
    // (and the sale itself, one price told in two years: deal-years.ts)
    assert.deepEqual(years(x), ['That same year [1967] vs that year [1957]', '1957 vs 1967'], JSON.stringify(x.conflicts.map((k) => k.note)));
  });

  it('agrees "a year later" with the year after the one named before, and reads no year when the sentence before names two or none', () => {
    const later = story('Hollis was elected to the state senate in 1960. A year later, he shot and killed his brother in a hunting accident in Canada.', 'In 1961, Hollis shot and killed his brother in a hunting accident in Canada.');
    assert.deepEqual(years(later), []);
    const two = story('Hollis served in the state senate from 1960 to 1966. That same year he shot and killed his brother in a hunting accident in Canada.', 'In 1961, Hollis shot and killed his brother in a hunting accident in Canada.');
    assert.deepEqual(years(two), []);
    const none = story('Hollis served in the state senate for many years. That same year he shot and killed his brother in a hunting accident in Canada.', 'In 1961, Hollis shot and killed his brother in a hunting accident in Canada.');
    assert.deepEqual(years(none), []);
  });

  it('"a year later" against another year is a conflict', () => {
    const x = story('Hollis was elected to the state senate in 1960. A year later, he shot and killed his brother in a hunting accident in Canada.', 'In 1964, Hollis shot and killed his brother in a hunting accident in Canada.');
    assert.deepEqual(years(x), ['1964 vs A year later [1961]'], JSON.stringify(x.conflicts.map((k) => k.note)));
  });
});

describe('a phrasal verb dates the act of the verb its first WordNet sense is', () => {
  // Invented obituary wording: the year a singer's husband died, told as "died" and "passed away".
  const story = obituaries('Greta Hollis, a singer of the 1950s, died on Thursday in a hospital. She was 85.\n\n');

  it('opposes "Tom Brandt passed away in 1961" and "Tom Brandt died in 1964", and agrees them on one year', () => {
    const x = story('Her husband, Tom Brandt, passed away in 1961 after a long illness.', 'Her husband, Tom Brandt, died in 1964 after a long illness.');
    assert.deepEqual(years(x), ['1961 vs 1964'], JSON.stringify(x.conflicts.map((k) => k.note)));
    assert.deepEqual(years(story('Her husband, Tom Brandt, passed away in 1961 after a long illness.', 'Her husband, Tom Brandt, died in 1961 after a long illness.')), []);
  });

  it('a day in parentheses with GMT restates the local time in another zone: "passed away at 6:41 p.m. PST on Wednesday (0241 GMT Thursday)" does not oppose "died on Wednesday"', () => {
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        art('a', 'Tom Brandt, a retired actor, passed away at 6:41 p.m. PST on Wednesday (0241 GMT Thursday) in a hospital in Eastbury, his agent said.'),
        art('b', 'Tom Brandt, a retired actor, died on Wednesday in a hospital in Eastbury, his agent said.'),
      ],
      copies: [],
    });
    assert.deepEqual(dated(x).map((c) => c.note), []);
  });
});

describe('a time that opens a coordinated clause dates its verb', () => {
  it('"after putting Delaney on injured reserve and on Wednesday, signed Poe" does not date the placement Wednesday', () => {
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        art('a', 'The club lost its starting running back for the season.\n\nThe club picked up Tom Brandt on Monday after putting Marcus Delaney on injured reserve and on Wednesday, signed Joe Poe to replace him.'),
        art('b', 'The club lost its starting running back for the season.\n\nMarcus Delaney was placed on injured reserve on Tuesday.'),
      ],
      copies: [],
    });
    assert.deepEqual(dated(x).map((c) => c.note), []);
  });
});

describe('a day told by reference to another act\'s day ("the next day", "four days earlier") dates its act', () => {
  // Invented transaction wording: a second player released on a day each outlet tells its own way (published Thursday 2011-01-06).
  const LEAD = 'The club lost its starting running back for the season.\n\n';
  const story = (...texts: string[]) => crossCheckStory({ storyId: 's', articles: texts.map((t, i) => art('abc'[i], `${LEAD}${t}`)), copies: [] });
  const days = (x: ReturnType<typeof crossCheckStory>) => dated(x).map((c) => c.sides.map((s) => s.wordings.join('|')).sort().join(' vs '));
  const released = 'The club released Tom Brandt on Thursday after a physical.';

  it('opposes "signed Delaney on Tuesday. The next day, the club released Brandt" and "released Brandt on Thursday"', () => {
    const x = story('The club signed Marcus Delaney on Tuesday. The next day, the club released Tom Brandt after a physical.', released);
    assert.deepEqual(days(x), ['The next day [2011-01-05] vs Thursday'], JSON.stringify(x.conflicts.map((k) => k.note)));
  });

  it('counts days within the sentence ("on Monday ... two days later") and agrees with the day it names', () => {
    const x = story('The club signed Marcus Delaney on Monday and released Tom Brandt two days later after a physical.', released);
    assert.deepEqual(days(x), ['Thursday vs two days later [2011-01-05]'], JSON.stringify(x.conflicts.map((k) => k.note)));
    assert.deepEqual(days(story('The club signed Marcus Delaney on Tuesday. The club released Tom Brandt the day after, following a physical.', 'The club released Tom Brandt on Wednesday after a physical.')), []);
  });

  it('reads no day when the sentence before names two days, none, or stands in another paragraph', () => {
    const two = story('The club signed Marcus Delaney on Monday and Joe Poe on Tuesday. The next day, the club released Tom Brandt after a physical.', released);
    assert.deepEqual(days(two), []);
    const none = story('The club signed Marcus Delaney after a workout. The next day, the club released Tom Brandt after a physical.', released);
    assert.deepEqual(days(none), []);
    const paragraph = story('The club signed Marcus Delaney on Tuesday.\n\nThe next day, the club released Tom Brandt after a physical.', released);
    assert.deepEqual(days(paragraph), []);
  });

  it('in an undated article (its days guessed from the story\'s date), counts from the month and day written: "Jan. 2 ... the next day" opposes "Jan. 5" and agrees with "Jan. 3"', () => {
    const undated = analyseArticle(bareArticle('a', `${LEAD}The club signed Marcus Delaney on Jan. 2. The next day, the club released Tom Brandt after a physical.`, { outlet: 'Outlet a' }));
    const pair = (text: string) => crossCheckStory({ storyId: 's', articles: [undated, art('b', `${LEAD}${text}`)], copies: [] });
    const x = pair('The club released Tom Brandt on Jan. 5 after a physical.');
    assert.deepEqual(days(x), ['Jan. 5 vs The next day [2011-01-03]'], JSON.stringify(x.conflicts.map((k) => k.note)));
    assert.deepEqual(days(pair('The club released Tom Brandt on Jan. 3 after a physical.')), []);
  });

  it('"the day before" a noun, "the same day as" a noun, is that noun\'s day, not read', () => {
    const x = story('The club signed Marcus Delaney on Tuesday and released Tom Brandt the day before his physical.', released);
    assert.deepEqual(days(x), []);
    assert.deepEqual(days(story('The club signed Marcus Delaney on Tuesday. The club released Tom Brandt the same day as his physical.', released)), []);
  });
});

describe('two happenings of one act class with one participant stay apart', () => {
  // Invented wording: a second meeting, a second arrest, a first signing against a re-signing.
  const pair = (a: string, b: string) => dated(crossCheckStory({ storyId: 's', articles: [art('a', a), art('b', b)], copies: [] })).map((c) => c.note);
  const talks = 'Prime Minister Alan Kessler met President Maria Doukas in Vienna on Wednesday for talks on gas supplies.';
  const home = 'Prime Minister Alan Kessler flew home after talks on gas supplies.\n\n';

  it('"met again on Monday, their second meeting" does not oppose "met on Wednesday"', () => {
    assert.deepEqual(pair(talks, 'Prime Minister Alan Kessler met President Maria Doukas again on Monday in Prague, their second meeting in a week.'), []);
  });

  it('"arrested again on Wednesday" and "first signed him on Dec. 6" tell other happenings than the plain act', () => {
    assert.deepEqual(pair('Police arrested Tom Ashby on Tuesday at his home in the north of the city.', 'Tom Ashby was arrested again on Wednesday, a day after his release on bail.'), []);
    assert.deepEqual(pair('The club re-signed Marcus Delaney on Tuesday after releasing him last month.', 'The club first signed Marcus Delaney on Monday, Dec. 6, before releasing him.'), []);
    assert.deepEqual(pair('Police arrested Tom Ashby on Tuesday at his home in the north of the city.', 'Tom Ashby was arrested on Monday in a separate incident, police said.'), []);
  });

  it('one act at two places by the parse ("met ... in Vienna", "had met ... in Prague") is two happenings; at one place, or with no place, one', () => {
    assert.deepEqual(pair(talks, `${home}Kessler had met President Maria Doukas in Prague on Monday.`), []);
    assert.equal(pair(talks, `${home}Kessler had met President Maria Doukas in Vienna on Monday.`).length, 1);
    assert.equal(pair(talks, `${home}Kessler had met President Maria Doukas on Monday.`).length, 1);
  });

  it('a demonym is no place of the act ("at a Canadian resort" / "in Canada"): not parted', () => {
    const notes = pair(talks.replace('Vienna', 'Canada'), `${home}Kessler had met President Maria Doukas at a Canadian resort on Monday.`);
    assert.equal(notes.length, 1, JSON.stringify(notes));
  });
  it('two people of one family, one surname ("Jane Roe", her son "Tom Roe"), are two people\'s acts; "Fred" and "Frederick" one person\'s', () => {
    const home = 'at his home in the north of the city, police said.';
    assert.deepEqual(pair(`Jane Roe was arrested on Tuesday ${home.replace('his', 'her')}`, `Tom Roe was arrested on Monday ${home}`), []);
    assert.deepEqual(pair('Fred Hollis died on Saturday at his home in Texas, his family said.', 'Fred Hollis died at his home in Texas, his family said.\n\nHis father, Ike Hollis, died on Monday, March 3, 1980.'), []);
    assert.equal(pair(`Frederick Roe was arrested on Tuesday ${home}`, `Fred Roe was arrested on Monday ${home}`).length, 1);
  });
});

describe('a dated noun of an act names its people ("Tom Ashby\'s resignation on Monday")', () => {
  // Invented wording: an act told by its verb in one article and by its noun, with its person, in another.
  const lead = 'The club named a new treasurer after a long inquiry into missing funds.\n\n';
  const pair = (a: string, b: string) => dated(crossCheckStory({ storyId: 's', articles: [art('a', `${lead}${a}`), art('b', `${lead}${b}`)], copies: [] })).map((c) => c.note);

  it('opposes "Tom Ashby resigned on Tuesday" and "learned of Tom Ashby\'s resignation on Monday" (WordNet: resignation, resign)', () => {
    assert.equal(pair('Tom Ashby resigned as treasurer on Tuesday, the club said.', "The members learned of Tom Ashby's resignation on Monday from a letter.").length, 1);
  });

  it('a name inside the noun\'s phrase is not its person: "the death of Hollis\'s father on Monday, March 3, 1980" is not Hollis\'s death', () => {
    assert.deepEqual(pair('Fred Hollis died on Saturday at his home in Texas, his family said.', "Fred Hollis died at his home in Texas, his family said.\n\nThe death of Hollis's father on Monday, March 3, 1980, shook the family."), []);
  });
});

describe('a definite role noun stands for the one person the article names with it', () => {
  // Invented wording: one article names the gunman, the other calls him "the gunman" in the dated sentence.
  it('opposes "Carl Meyer killed two guards on Thursday" and "the gunman killed two guards on Friday" when the article writes "Carl Meyer, the gunman,"', () => {
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        art('a', 'Police named the gunman as Carl Meyer, a former worker at the plant.\n\nPolice said Carl Meyer killed two guards at the plant on Thursday.'),
        art('b', 'Carl Meyer, the gunman, had worked at the plant for years.\n\nPolice said the gunman killed two guards at the plant on Friday.'),
      ],
      copies: [],
    });
    assert.equal(dated(x).length, 1, JSON.stringify(x.conflicts.map((c) => c.note)));
  });

  it('a role noun two people of the article hold stands for neither', () => {
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        art('a', 'Police named the gunman as Carl Meyer, a former worker at the plant.\n\nPolice said Carl Meyer killed two guards at the plant on Thursday.'),
        art('b', 'Carl Meyer, the gunman, had worked at the plant. Ed Brandt, the gunman at a second plant, had not.\n\nPolice said the gunman killed two guards at the plant on Friday.'),
      ],
      copies: [],
    });
    assert.deepEqual(dated(x).map((c) => c.note), []);
  });
});

describe('a verb with no subject of its own is done by its controller', () => {
  // Invented wording: a lead and four paragraphs, then each outlet's own sentence (out of the lead,
  // so only the act's own participants can join two sentences). Each outlet words them its own way:
  // two independent reports, not rewrites of one dispatch (stories/dispatch.ts).
  const leads = [
    [
      'A former bank clerk faces charges over the theft of cash from a branch in the town centre.',
      'The branch had been closed for repairs for most of the previous month, staff said.',
      'Customers were told to use a branch in a nearby town while the work went on.',
      'The bank has not said how much cash was taken from the safe in the back office.',
      'Its staff were interviewed by detectives over several weeks last year.',
    ],
    [
      'Cash went missing from a town centre bank branch, and a man who once worked there as a clerk has been charged.',
      'Repairs had kept that branch shut for weeks before the money vanished, according to employees.',
      'During the works its customers had been sent to another branch a few miles away.',
      'How much money was stolen from the back office safe remains unknown, as the bank gives no figure.',
      'Detectives questioned the employees one by one over a number of weeks last year.',
    ],
  ].map((x) => x.join('\n\n'));
  const story = (a: string, b: string) => crossCheckStory({ storyId: 's', articles: [art('a', `${leads[0]}\n\n${a}`), art('b', `${leads[1]}\n\n${b}`)], copies: [] });
  const days = (x: ReturnType<typeof crossCheckStory>) => dated(x).map((c) => c.sides.map((s) => s.value.replace(/^\S+ /, '')).sort().join(' vs '));

  it('a coordinated verb shares the subject of the first: "fell ill and died on Thursday" against "died on Friday"', () => {
    assert.deepEqual(days(story('Tom Ashby fell ill in his cell and died on Thursday in hospital, his family said.', 'Tom Ashby died on Friday in hospital, his family said.')), ['(Friday) vs (Thursday)']);
  });

  it('a coordinated participle shares the voice of the first: "was arrested and taken to the station on Monday" is done to Ashby', () => {
    assert.deepEqual(days(story('Tom Ashby was arrested at his home and taken to the police station on Monday.', 'Tom Ashby was taken to the police station on Tuesday after his arrest.')), ['(Monday) vs (Tuesday)']);
  });

  it('a gerund after "after" is done by the subject above it, through an adjective predicate', () => {
    assert.deepEqual(days(story('Tom Ashby was found unconscious by guards after collapsing in his cell on Monday.', 'Tom Ashby collapsed in his cell on Tuesday and was found unconscious by guards.')), ['(Monday) vs (Tuesday)']);
  });

  it('a verb coordinated under a modal is no fact, and an open complement of a verb with an object is the object\'s act', () => {
    assert.deepEqual(days(story('Tom Ashby said he would repay the cash and leave the bank on Friday.', 'Tom Ashby left the bank on Tuesday and said he would repay the cash.')), []);
    assert.deepEqual(days(story('The lawyer Ann Dorr helped Tom Ashby leave the country on Monday, police said.', 'The lawyer Ann Dorr left the country on Tuesday, police said.')), []);
  });
});

describe('a present participle on a noun is a state, not an act of the day (dated-acts.ts ongoingHost)', () => {
  const lemmaOf = (text: string, day: string) => {
    const story = prepareStory({ articles: [art('p0', text)], copies: [] });
    const s = story.sentences[0];
    const t = s.times.find((x) => x.text.includes(day));
    assert.ok(t, `no time "${day}" in ${JSON.stringify(s.times.map((x) => x.text))}`);
    return actOfTime(s, t)?.lemma;
  };
  it('"repelled a raid on tankers crossing the strait on Friday" dates the repelling', () => {
    assert.equal(lemmaOf('A coast guard cutter repelled a raid on oil tankers crossing the strait on Friday, seizing two small boats.', 'Friday'), 'repel');
  });
  it('"The coast guard patrolling the strait on Thursday repelled a raid" dates the repelling', () => {
    assert.equal(lemmaOf('The coast guard patrolling the strait on Thursday repelled a raid by armed men on two oil tankers.', 'Thursday'), 'repel');
  });
  it('keeps a past participle\'s own day: "a man arrested on Friday was charged on Monday"', () => {
    assert.equal(lemmaOf('A man arrested on Friday was charged on Monday with theft.', 'Friday'), 'arrest');
  });
});

describe('two leads that state one fact with two verbs (date-conflicts.ts oneVerbTwoThings)', () => {
  // Invented leads of one story, published on one day; no one named in either.
  const leads = (...texts: string[]) =>
    dated(crossCheckStory({ storyId: 's', articles: texts.map((t, i) => art('lmn'[i], `${t}\n\nThe crew was not hurt, the coast guard said.`)), copies: [] }));
  it('opposes "on Thursday seized two boats ... and repelled a raid" and "repelled a raid ... on Friday": two verbs, two objects, one happening', () => {
    const c = leads(
      'A coast guard cutter on Thursday seized two armed boats in the strait and repelled a raid on oil tankers.',
      'A coast guard cutter repelled a raid on oil tankers crossing the strait on Friday, seizing two armed boats.',
    );
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
    assert.deepEqual(c[0].sides.map((s) => s.wordings[0]).sort(), ['Friday', 'Thursday']);
  });
  it('does not oppose one verb told with two things: "robbed a bank on Monday" / "robbed a shop on Tuesday"', () => {
    const c = leads('A masked gunman robbed a bank in the town centre on Monday and fled in a car.', 'A masked gunman robbed a shop in the town centre on Tuesday and fled in a car.');
    assert.deepEqual(c.map((k) => k.note), []);
  });
});

describe('a name as object is no noun of speech', () => {
  it('"capsized off Harbour Point on Saturday" is no statement dated against "the coastguard said on Sunday"', () => {
    const texts = [
      'The death toll from the sinking of a ferry off Harbour Point rose to 23 on Sunday, the coastguard said.\n\nThe ferry, the Blue Tern, capsized in heavy seas on Saturday evening.',
      'At least 31 people were killed when the Blue Tern ferry capsized off Harbour Point on Saturday evening.\n\nThe coastguard said 48 passengers had been rescued.',
      'Twenty-three people lost their lives when the ferry Blue Tern overturned near Harbour Point, the coastguard said on Sunday.',
    ];
    const dates = crossCheckTexts(texts, publishedAt('2031-05-11T12:00:00Z')).conflicts.filter((c) => c.severity === 'conflict' && c.kind === 'date');
    assert.deepEqual(dates.map((c) => c.slot), []);
  });
});

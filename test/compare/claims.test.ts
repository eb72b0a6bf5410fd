import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { claimsOf } from '../../src/compare/claims.js';
import { mergeOverlapping } from '../../src/compare/support.js';
import { prepareStory } from '../../src/compare/prepare.js';
import { corroboratedShortIds, crossCheckTexts, firstSentenceClaims, inventedArticle, publishedAt } from './story.js';

// Invented wording throughout.
const PUBLISHED = publishedAt('2019-03-14T09:00:00Z');

const sentenceClaims = (text: string) => firstSentenceClaims(text, PUBLISHED);
const corroborated = (texts: string[]) => corroboratedShortIds(texts, PUBLISHED);

describe('claims of a sentence', () => {
  it('a sentence that states two things has two claims, one per clause', () => {
    const claims = sentenceClaims('Rangers questioned a poacher on suspicion of smuggling ivory after two rhinos were found dead near the river camp.');
    assert.equal(claims.length, 2);
    const has = (i: number, word: string) => [...claims[i].keys].some((k) => word.startsWith(k) || k.startsWith(word));
    assert.ok(has(0, 'smuggling') && !has(0, 'camp'));
    assert.ok(has(1, 'camp') && has(1, 'dead') && !has(1, 'smuggling'));
  });
  it('who says so is no claim: what is said is', () => {
    const claims = sentenceClaims('A park spokeswoman said the northern gate would stay closed until the weekend.');
    const keys = claims.flatMap((c) => [...c.keys]);
    assert.ok(!keys.some((k) => 'spokeswoman'.startsWith(k)));
    assert.ok(keys.some((k) => 'gate'.startsWith(k)));
  });
  it('claims are kept per sentence: asked again, the same claims; another sentence object at that index is read on its own', () => {
    const story = prepareStory({
      articles: [inventedArticle('c0', 'The ferry left the harbour at dawn. Divers searched the bay after the hull was found.', PUBLISHED)],
      copies: [],
    });
    const [first, second] = story.sentences;
    assert.equal(claimsOf(first), claimsOf(first));
    const keys = (s: typeof first) => claimsOf(s).flatMap((c) => [...c.keys]).sort();
    const firstKeys = keys(first);
    // (the second sentence's words under the first one's index: its own claims, not the cached ones)
    const impostor = { ...second, index: first.index };
    assert.deepEqual(keys(impostor), keys(second));
    assert.notDeepEqual(keys(impostor), firstKeys);
    assert.deepEqual(keys(first), firstKeys);
  });
  it('a clause of one word joins the clause above it', () => {
    const claims = sentenceClaims('The ranger was taken to the district hospital in Kelso, where she died.');
    assert.equal(claims.length, 1);
  });
});

describe('a compound sentence supports two facts without chaining them', () => {
  const texts = [
    'Rangers questioned a poacher on suspicion of smuggling ivory after two rhinos were found dead near the river camp.',
    'The poacher was arrested at the border post on suspicion of smuggling ivory.',
    'Two rhinos were found dead near the river camp on the edge of the reserve.',
  ];
  const facts = crossCheckTexts(texts, PUBLISHED)
    .facts.filter((f) => f.status === 'corroborated')
    .map((f) => f.articles.map((a) => a.slice(-2)).sort());
  it('the outlet that tells both joins each of the others in a fact of its own', () => {
    assert.deepEqual(facts.map((f) => f.join(' ')).sort(), ['a0 a1', 'a0 a2']);
  });
  it('the outlets that tell one thing each are never one fact', () => {
    assert.ok(!facts.some((f) => f.includes('a1') && f.includes('a2')));
  });
});

describe('a verb of saying that states an act is that act, not a description any act matches', () => {
  const texts = [
    'A local man has denied arson following a blaze at the Eastbury timber yard early on Sunday.',
    'A local man has been charged with arson following a blaze at the Eastbury timber yard.',
    'A local man was charged with arson after the blaze that gutted the Eastbury timber yard.',
  ];
  const facts = corroborated(texts);
  it('the two outlets that report the charge are one fact', () => {
    assert.ok(facts.includes('a1 a2'), facts.join(' | '));
  });
  it('the outlet that reports the denial is not in it', () => {
    assert.ok(!facts.some((f) => f.includes('a0')), facts.join(' | '));
  });
});

describe('who does the act, and to whom, is part of the claim', () => {
  it('a named subject is the agent, a named object or passive subject the patient; a coordinated verb keeps its subject', () => {
    const [placed] = sentenceClaims('The Northfield Rovers placed Jane Roe on the injured list.');
    assert.ok([...placed.agents].some((k) => k.includes('rovers')), [...placed.agents].join());
    assert.ok([...placed.patients].some((k) => k.includes('roe')), [...placed.patients].join());
    const [passive] = sentenceClaims('Jane Roe was placed on the injured list by the Northfield Rovers.');
    assert.ok([...passive.patients].some((k) => k.includes('roe')), [...passive.patients].join());
    const claims = sentenceClaims('Tom Doe has been at the Eastbury mill for 37 years and worked on the third floor with the two victims.');
    assert.ok(claims.some((c) => [...c.keys].some((k) => 'worked'.startsWith(k)) && [...c.agents].some((a) => a.includes('doe'))));
  });
  it('a relative pronoun stands for the noun it refers to; names coordinated with a subject or object take its part', () => {
    const claims = sentenceClaims('Ann Poe, who was released by the Eastbury Wolves on Monday, joined the Northfield Rovers.');
    assert.ok(
      claims.some((c) => [...c.keys].some((k) => 'released'.startsWith(k)) && [...c.patients].some((p) => p.includes('poe'))),
      claims.map((c) => `${[...c.keys].join(' ')} / ${[...c.patients].join()}`).join(' | '),
    );
    const [signed] = sentenceClaims('The Northfield Rovers signed Tom Doe and Ann Poe from the reserve squad.');
    assert.ok([...signed.patients].some((p) => p.includes('doe')) && [...signed.patients].some((p) => p.includes('poe')), [...signed.patients].join());
  });
  const texts = [
    'Tom Doe has been at the Eastbury mill for 37 years and worked on the third floor with the two victims and the suspect, Ann Poe.',
    'Ann Poe worked with the two victims on the third floor of the Eastbury mill at the end of Bridge Road.',
  ];
  it('two claims of one act done by two named people are not one fact', () => {
    const facts = crossCheckTexts(texts, PUBLISHED).facts.filter((f) => f.status === 'corroborated');
    assert.deepEqual(facts, []);
  });
});

describe('claim facts that share most of their members are one fact', () => {
  it('groups sharing more than half of the smaller one are merged; a sentence in two facts that share nothing else is not', () => {
    assert.deepEqual(mergeOverlapping([[0, 1, 2, 3], [1, 2, 3, 4]]), [[0, 1, 2, 3, 4]]);
    assert.deepEqual(mergeOverlapping([[0, 1], [0, 2]]), [[0, 1], [0, 2]]);
    assert.deepEqual(mergeOverlapping([[0, 1, 2], [2, 3], [3, 4, 5]]), [[0, 1, 2], [2, 3], [3, 4, 5]]);
  });
});

describe('a participle after a copula states its act', () => {
  it('"was wounded" tagged an adjective is the act of wounding; an adjective that is no participle states none', () => {
    const wounded = sentenceClaims('Two guards died at the gate of the Eastbury depot, and a young driver was wounded.');
    assert.ok(wounded.some((c) => [...c.acts].some((a) => 'wounded'.startsWith(a))), JSON.stringify(wounded.map((c) => [...c.acts])));
    const unaware = sentenceClaims('The young driver of the Eastbury depot was unaware of the danger.');
    assert.ok(unaware.every((c) => c.acts.size === 0), JSON.stringify(unaware.map((c) => [...c.acts])));
  });
});

describe('what will be done is no support for what was done', () => {
  it('a clause with "will", or "is due to", is ahead; a past-tense verb or a perfect is past; another modal, or "was to", neither', () => {
    // (the main clause's claim comes first)
    const time = (text: string) => [sentenceClaims(text)[0].time];
    assert.deepEqual(time('The skipper will see a knee specialist in Hull on Friday.'), ['future']);
    assert.deepEqual(time('The skipper is due to appear before the Kelso magistrates on Tuesday.'), ['future']);
    assert.deepEqual(time('The skipper met a knee specialist in Hull this week.'), ['past']);
    assert.deepEqual(time('The skipper has seen a knee specialist in Hull.'), ['past']);
    assert.deepEqual(time('The ferry road could stay closed through the weekend.'), [null]);
    assert.deepEqual(time('The ferry road was to remain closed through the weekend.'), [null]);
  });
  it('"will see the specialist on Friday" and "met the specialist this week" are two acts', () => {
    const found = corroborated([
      'The skipper met the knee specialist Dr Ann Poe in Hull this week for a scan of his injured knee.',
      'The skipper will see the knee specialist Dr Ann Poe in Hull on Friday for a scan of his injured knee.',
    ]);
    assert.deepEqual(found, []);
  });
  it('a schedule kept is one fact: both give the act the same time', () => {
    const found = corroborated([
      'Voting at the 2,000 booths in the Kelso district will close at 6:00 p.m. local time on Sunday.',
      'The 2,000 booths in the Kelso district closed at 6:00 p.m. local time on Sunday.',
    ]);
    assert.deepEqual(found, ['a0 a1']);
  });
});

describe('a denied act is no support for the act', () => {
  it('"not", "n\'t" or "never" on the verb denies its act; a "not" that opens a phrase further ahead does not', () => {
    const denied = (text: string) => sentenceClaims(text).flatMap((c) => [...c.denied]);
    assert.ok(denied('The Kelso goalkeeper is not signed for the new season.').some((a) => 'signed'.startsWith(a)));
    assert.ok(denied('The Kelso goalkeeper didn’t sign for the new season.').some((a) => 'signed'.startsWith(a)));
    assert.ok(denied('The Kelso office said the case hadn ’ t been submitted as of Tuesday.').some((a) => 'submitted'.startsWith(a)));
    assert.deepEqual(denied('Not a week ago, the Kelso Rovers signed the goalkeeper for the new season.'), []);
  });
  it('a subject under "no", or a negative quantifier, denies its verb as "not" does; "no" elsewhere does not', () => {
    const denied = (text: string) => sentenceClaims(text).flatMap((c) => [...c.denied]);
    assert.ok(denied('No decision has been reached on the harbour trust board.').some((a) => 'reached'.startsWith(a)));
    assert.ok(denied('Nobody was injured in the fire at the Eastbury timber yard.').some((a) => 'injured'.startsWith(a)));
    assert.deepEqual(denied('The harbour trust board reached a decision with no vote on Tuesday.'), []);
  });
  it('"no decision has been reached" is no support for "reached a decision"', () => {
    const facts = corroborated([
      'No decision has been reached on the future of the Kelso ferry service, the harbour trust said.',
      'The harbour trust reached a decision on the future of the Kelso ferry service on Tuesday.',
      'On Tuesday the harbour trust reached its decision on the future of the Kelso ferry service.',
    ]);
    assert.ok(!facts.some((f) => f.includes('a0')), facts.join(' | '));
  });
  it('"is not signed" and "is signed" are two facts', () => {
    const facts = corroborated([
      'Unlike the two forwards, the Kelso Rovers goalkeeper Tom Doe is not signed for the new season.',
      'The Kelso Rovers goalkeeper Tom Doe is signed for the new season, the club said on Monday.',
      'The Kelso Rovers have signed their goalkeeper Tom Doe for the new season.',
    ]);
    assert.ok(facts.includes('a1 a2'), facts.join(' | '));
    assert.ok(!facts.some((f) => f.includes('a0')), facts.join(' | '));
  });
});

describe('a noun of a thing is not the act its verb names (WordNet, data/lexicons/wordnet-nouns.tsv)', () => {
  it('"to take Reed\'s place" holds "place" as a thing; "his arrest" holds "arrest" as the act', () => {
    const nouns = (text: string) => sentenceClaims(text).flatMap((c) => [...c.nouns]);
    assert.ok(nouns('The Hawks signed guard Tom Ashby to take Reed’s place on the roster on Tuesday.').some((k) => 'place'.startsWith(k)));
    assert.ok(!nouns('The guard will play on Sunday despite his arrest on Friday.').some((k) => 'arrest'.startsWith(k)));
  });
  it('"placed on the list on Tuesday" and "to take Reed\'s place on Tuesday" are two acts', () => {
    const facts = corroborated([
      "The Hawks re-signed guard Tom Ashby to take Sam Reed's place on the roster on Tuesday.",
      'Sam Reed was placed on the injured reserve list on Tuesday with a knee injury.',
      'The Hawks placed guard Sam Reed on the injured reserve list on Tuesday.',
    ]);
    assert.deepEqual(facts, ['a1 a2']);
  });
});

describe('a relative clause tells of a noun on the way', () => {
  it('a relative clause, and a clause the parse hung on its noun with a relative pronoun as subject, are relative; the main clause is not', () => {
    const claims = sentenceClaims('The ferry captain, who had sailed the strait for twenty years, steered the damaged boat back to the harbour.');
    const holding = (word: string) => claims.find((c) => [...c.keys].some((k) => word.startsWith(k)));
    assert.equal(holding('strait')?.relative, true);
    assert.equal(holding('boat')?.relative, false);
  });
  it('a complement with a relative pronoun as its subject, of a verb that attributes nothing, is relative; one of "said" is not', () => {
    // ("a hit and run that injured a cyclist": the parse hangs "injured" on "run" as its complement, "that" its subject)
    const charged = sentenceClaims('A Kelso man has been charged with careless driving in a hit and run that injured a cyclist near the harbour.');
    assert.equal(charged.find((c) => c.keys.has('cyclist'))?.relative, true);
    assert.equal(charged.find((c) => c.keys.has('careless'))?.relative, false);
    const said = sentenceClaims('The harbour master said that was the worst storm in years.');
    assert.ok(said.some((c) => c.keys.has('storm')) && said.every((c) => !c.relative));
  });
  it('"told the inspector that the crew was resting" is what is told, not a relative clause', () => {
    const claims = sentenceClaims('The owner told the inspector that the crew was resting in the port hostel.');
    assert.ok(claims.some((c) => !c.relative && [...c.keys].some((k) => 'hostel'.startsWith(k))));
  });
  it('two outlets that tell only one noun\'s background, each stating something else, are not one fact', () => {
    const facts = corroborated([
      'A hiker who saw her friend slip from the icy northern ridge said she expected to freeze that night.',
      'A hiker who saw her friend slip from the icy northern ridge is lucky to be alive, police said.',
    ]);
    assert.deepEqual(facts, []);
  });
});

describe('a copular clause is a description: its subject and its predicate, as UD annotates a copula', () => {
  it('the predicate noun heads it, the subject is its nsubj; a pronoun subject is none that can be compared', () => {
    const [road] = sentenceClaims('The harbour road is the only way into the old town.');
    assert.equal(road.acts.size, 0);
    assert.equal(road.subject, 'road');
    assert.equal(road.predicate, 'way');
    const [storm] = sentenceClaims('It was the worst storm in a decade.');
    assert.equal(storm.subject, '');
    assert.equal(storm.predicate, 'storm');
  });
  it('a clause with a verb is no description: its subject and arguments are read, no predicate', () => {
    const [closed] = sentenceClaims('The trust closed the harbour road on Saturday.');
    assert.equal(closed.subject, 'trust');
    assert.equal(closed.predicate, null);
    assert.ok(closed.args.has('road') && closed.args.has('trust'));
    assert.equal(sentenceClaims('She closed the harbour road on Saturday.')[0].subject, '');
  });
});

describe('a conjunct with a subject of its own is a claim of its own, however the parse hung it', () => {
  it('"..., and the frigate was 13 miles away" is a description apart from the attack it is coordinated with', () => {
    const claims = sentenceClaims('The attack took place 150 nautical miles off the port, and the frigate was 13 nautical miles away.');
    const attack = claims.find((c) => c.keys.has('attack'));
    const frigate = claims.find((c) => c.subject === 'frigat');
    assert.ok(attack && frigate && attack !== frigate);
    assert.ok(attack.values.has('150') && !attack.values.has('13'));
    assert.ok(frigate.values.has('13') && !frigate.values.has('150'));
    assert.equal(frigate.acts.size, 0);
  });
});

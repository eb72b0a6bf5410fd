import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actClass, datedActClass, namesAThing, newsActKind, phrasalAct, spelledVerb } from '../../src/compare/act-classes.js';
import { crossCheckStory } from '../../src/compare/index.js';
import { crossCheckTexts, inventedArticle, publishedAt } from './story.js';

// Invented wording in the shape of local news.
const PUBLISHED = publishedAt('2011-03-02T12:00:00Z');
const art = (id: string, text: string) => inventedArticle(id, text, PUBLISHED);
const LEAD = 'A bus driver was shot dead outside a depot in the city on Monday, police said.\n\n';
const sinceConflicts = (texts: string[]) =>
  crossCheckTexts(texts, PUBLISHED, { lead: LEAD }).conflicts.filter((c) => c.slot.startsWith('how long ago'));

describe('act classes (data/lexicons/act-classes.tsv)', () => {
  it('gives verbs of one FrameNet frame one class, and an unlisted verb its own lemma', () => {
    assert.equal(actClass('sever'), actClass('damage'));
    assert.equal(actClass('hire'), actClass('sign'));
    assert.equal(actClass('re-sign'), actClass('sign'));
    assert.equal(actClass('wed'), actClass('marry'));
    assert.notEqual(actClass('kill'), actClass('shoot'));
    assert.equal(actClass('paint'), 'paint');
  });
});

describe('act classes across the lemmatiser\'s misspellings and WordNet entailments (scripts/build-wordnet-act-links.ts)', () => {
  it('reads a lemma one suffix edit from a WordNet verb, and no word of WordNet, as that verb', () => {
    assert.equal(spelledVerb('barricad'), 'barricade');
    assert.equal(spelledVerb('defeate'), 'defeat');
    assert.equal(spelledVerb('emptie'), 'empty');
    assert.equal(spelledVerb('ramm'), 'ram');
    assert.equal(actClass('bombe'), actClass('bomb'));
    assert.equal(datedActClass('explod'), datedActClass('explode'));
    // (words of their own stay themselves: "cute" is not "cut", "quite" not "quit")
    assert.equal(spelledVerb('cute'), 'cute');
    assert.equal(actClass('quite'), 'quite');
    assert.equal(actClass('severe'), 'severe');
  });

  it('keeps a verb out of a frame that holds the act it entails (divorce entails marry), not a synonym (commence / begin)', () => {
    assert.notEqual(actClass('divorce'), actClass('marry'));
    assert.notEqual(datedActClass('divorce'), datedActClass('marry'));
    assert.equal(actClass('wed'), actClass('marry'));
    assert.equal(actClass('commence'), actClass('begin'));
  });
});

describe('classes of dated acts (act-classes.tsv frames, then verb-synonyms.tsv, WordNet 3.1 first senses)', () => {
  it('joins verbs whose first senses are one synset, keeps a FrameNet class, and does not join by a rarer sense', () => {
    assert.equal(datedActClass('vanish'), datedActClass('disappear'));
    assert.equal(datedActClass('hire'), actClass('hire'));
    assert.equal(datedActClass('nab'), actClass('arrest'));
    assert.notEqual(datedActClass('found'), datedActClass('launch'));
    assert.notEqual(datedActClass('vanish'), datedActClass('die'));
    assert.equal(datedActClass('paint'), 'paint');
  });

  it('reads a phrasal verb as the single verb its first sense is (phrasal-synonyms.tsv), and keeps the hand-built phrasal acts first', () => {
    assert.equal(phrasalAct('pass', 'away', true), 'die');
    assert.equal(phrasalAct('break', 'out', true), 'erupt');
    assert.equal(phrasalAct('pass', 'away'), 'pass');
    assert.equal(phrasalAct('move', 'back', true), 'return');
    assert.equal(phrasalAct('step', 'down', true), 'step');
  });
});

describe('kinds of dated acts (act-classes.tsv frames, attribution-cues.tsv speech)', () => {
  it('gives the verbs of the frames of one kind that kind, by lemma, whatever the verb a hand list would have named', () => {
    assert.equal(newsActKind('strike', false), 'attack');
    assert.equal(newsActKind('murder', false), 'attack');
    assert.equal(newsActKind('bomb', true), 'attack');
    assert.equal(newsActKind('apprehend', false), 'arrest');
    assert.equal(newsActKind('indict', false), 'arrest');
    assert.equal(newsActKind('fire', false), 'resignation');
    assert.equal(newsActKind('land', false), 'arrival');
    assert.equal(newsActKind('leave', false), 'departure');
    assert.equal(newsActKind('meet', false), 'meeting');
    assert.equal(newsActKind('sign', false), 'signing');
  });

  it('gives a verb of speech "statement", not a noun of speech, and no kind to other words', () => {
    assert.equal(newsActKind('say', false), 'statement');
    assert.equal(newsActKind('vow', false), 'statement');
    assert.equal(newsActKind('statement', true), null);
    assert.equal(newsActKind('spokesman', true), null);
    for (const w of ['paint', 'constructor', '', 'toString']) assert.equal(newsActKind(w, false), null, w);
  });
});

describe('the act a date dates, by the parse', () => {
  it('does not give the saying a date the parse gives to another verb ("hurt his knee last Thursday and the coach said")', () => {
    const published = publishedAt('2011-01-07T12:00:00Z');
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        inventedArticle('a0', 'Harbor Gulls running back Tom Ashby hurt his knee last Thursday and coach Rosa Kettering said the team put Ashby on injured reserve.', published),
        inventedArticle('a1', 'Harbor Gulls coach Rosa Kettering said on Wednesday that the team put running back Tom Ashby on injured reserve.', published),
      ],
      copies: [],
    });
    assert.deepEqual(x.conflicts.filter((c) => c.kind === 'date').map((c) => c.note), []);
  });
});

describe('nouns of things and nouns of acts (data/lexicons/wordnet-nouns.tsv, WordNet 3.1)', () => {
  it('"place" and "anchor" name things; "arrest" and "fumble" acts; a verb of the act classes ("steal") and a word no one uses as a verb ("network") are no thing', () => {
    assert.ok(namesAThing('place') && namesAThing('anchor'));
    for (const n of ['arrest', 'fumble', 'steal', 'network', 'magazine']) assert.ok(!namesAThing(n), n);
  });
});

describe('how long ago an act was', () => {
  it('opposes "married two weeks ago" and "married three weeks before he was killed"', () => {
    const c = sinceConflicts([
      'The driver, Tom Ashby, was married two weeks ago to his second wife.',
      'Ashby had married his wife three weeks before he was killed, a neighbour said.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
    assert.equal(c[0].sides.length, 2);
  });

  it('opposes "returned 12 weeks ago" and "moved back six weeks ago" (a phrasal verb of return), also beside "moved there four years ago" on another verb', () => {
    assert.equal(phrasalAct('move', 'back'), 'return');
    assert.equal(phrasalAct('move', 'in'), 'move');
    assert.equal(actClass('return'), actClass('arrive'));
    const c = sinceConflicts([
      'Ashby moved to the coast four years ago, but returned to his home town 12 weeks ago.',
      'Ashby had been living on the coast and had moved back to his home town around six weeks ago.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
    assert.equal(c[0].sides.length, 2);
  });

  it('does not oppose figures that agree, count forward, or date another past', () => {
    const c = sinceConflicts([
      'The driver, Tom Ashby, was married about two weeks ago.',
      'Ashby had married his wife two weeks before he was killed, a neighbour said.',
      'Ashby was promoted two weeks after the wedding.',
      'In 2005, Ashby had married his first wife three weeks before moving to the city.',
    ]);
    assert.deepEqual(c.map((k) => k.note), []);
  });
});

describe('sums of money: a rate is not a total, and two payers are two sums', () => {
  const LEAD2 = 'Three clubs made offers for the striker Paul Denby this week, reports said.\n\n';
  const money = (texts: string[]) =>
    crossCheckTexts(texts, PUBLISHED, { prefix: 'm', lead: LEAD2 }).conflicts.filter((c) => /USD/.test(c.slot) && c.severity === 'conflict');
  it('does not oppose "$23 million per season" to the "$184 million" total', () => {
    assert.deepEqual(money(['Denby was offered a deal worth $184 million over eight years.', 'Denby was offered a deal worth $23 million per season.']).map((c) => c.note), []);
  });
  it('does not oppose one club\u2019s offer to another\u2019s, but opposes two figures for one club\u2019s', () => {
    assert.deepEqual(money(['The Rovers offered Denby a deal worth $150 million.', 'The Wanderers offered Denby a deal worth $184 million.']).map((c) => c.note), []);
    assert.equal(money(['The Rovers offered Denby a deal worth $150 million.', 'The Rovers offered Denby a deal worth $184 million, a source said.']).length, 1);
  });
});

describe('how long an act of a named class holds ("sentenced to 2 years")', () => {
  const LEAD3 = 'A man was charged on Monday with robbing a petrol station in the town, police said.\n\n';
  const terms = (texts: string[]) =>
    crossCheckTexts(texts, PUBLISHED, { prefix: 't', lead: LEAD3 }).conflicts.filter((c) => c.slot.startsWith('how long ('));
  it('opposes two terms of one sentence told alike (by the verb or by the noun that names the act), not terms of sentences that state other facts', () => {
    assert.equal(terms(['In 2004 he was sentenced to 2 years for a burglary in the same town.', 'In 2004 he was given a 2-1/2 year sentence for a burglary in the same town.']).length, 1);
    assert.equal(terms(['In 2004 he was sentenced to 2 years for a burglary in the same town.', 'In 2004 he was sentenced to 2 1/2 years for a burglary in the same town.']).length, 1);
    assert.deepEqual(terms(['In 2004 he was sentenced to 2 years for a burglary in the same town.', 'His brother was sentenced to five years last spring for fraud at a bank in another county.']).map((c) => c.note), []);
  });
});

describe('a count of protests is not a count of protesters', () => {
  it('does not oppose "two separate demonstrations" to a crowd of 20,000 in one statement', () => {
    const lead = 'Unions marched through the capital on Wednesday against the new budget, police said.\n\n';
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        art('p1', `${lead}After rallying in two separate demonstrations in the capital, the unions converged on parliament.`),
        art('p2', `${lead}After rallying with 20,000 people in the capital, the unions converged on parliament.`),
      ],
      copies: [],
    });
    assert.deepEqual(x.conflicts.filter((c) => /protesters/.test(c.slot)).map((c) => c.note), []);
  });
});

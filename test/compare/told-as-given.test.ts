import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corroboratedShortIds, firstSentenceClaims, publishedAt } from './story.js';

// Invented wording throughout.
const PUBLISHED = publishedAt('2019-03-14T09:00:00Z');
const sentenceClaims = (text: string) => firstSentenceClaims(text, PUBLISHED);
const told = (text: string, act: string) => sentenceClaims(text).find((c) => c.acts.has(act));

describe('a clause that tells its act only as given', () => {
  it('an act a naming preposition makes the object of a charge is given; the charge is stated', () => {
    const claims = sentenceClaims('The ferry pilot accused of sinking two fishing boats in the harbour was released on bail yesterday.');
    const sank = claims.find((c) => [...c.acts].some((a) => a.startsWith('sink')));
    assert.ok(sank, 'the sinking is a claim of its own');
    assert.equal(sank.given, true);
    assert.ok(claims.some((c) => !c.given && [...c.acts].some((a) => a.startsWith('releas'))));
  });
  it('an accuser with a subject of its own reports a claim, read as what is said is: not given', () => {
    const sank = sentenceClaims('The harbour master accused the ferry pilot of sinking two fishing boats.').find((c) => [...c.acts].some((a) => a.startsWith('sink')));
    assert.equal(sank?.given ?? false, false);
  });
  it('a condition is given; a purpose, the main clause, a clause of time and a means are asserted', () => {
    assert.equal(told('The council will close the ferry road if the river floods the lower town.', 'flood')?.given, true);
    // (a purpose is left asserted: a bare "to" cannot be told from a result, "scored 20 points to break the record")
    assert.equal(told('Engineers closed the bridge on Monday so that workers could repair the deck.', 'repair')?.given, false);
    assert.equal(told('The council closed the ferry road after the river flooded the lower town.', 'flood')?.given, false);
    assert.equal(told('The council repaired the old harbour bridge by closing the ferry road for a week.', 'clos')?.given, false);
    assert.equal(told('The river flooded the lower town on Saturday night.', 'flood')?.given, false);
  });
});

describe('a restrictive relative clause and the clauses the parse hangs on it', () => {
  it('a clause with a subject of its own hung under a restrictive relative clause is the sentence\'s own news', () => {
    const claims = sentenceClaims('Engineers estimated that one in every 300 ferries had been exposed to storms that damaged the hull and the number of repairs was increasing at a rate of 40% a year.');
    const increasing = claims.find((c) => [...c.acts].some((a) => a.startsWith('increas')));
    const damaged = claims.find((c) => [...c.acts].some((a) => a.startsWith('damag')));
    assert.equal(damaged?.given, true);
    assert.equal(increasing?.given, false);
  });
});

describe('a fact needs two articles that assert it', () => {
  it('a member that tells the act only as charged is no support: two such members and one statement are no fact', () => {
    const facts = corroboratedShortIds(
      [
        'Ann Roe sank two fishing boats in the Kelso harbour on Saturday night.',
        'The ferry pilot accused of sinking two fishing boats in the Kelso harbour is a careful sailor, her brother says.',
        'A neighbour says the ferry pilot accused of sinking two fishing boats in the Kelso harbour is a careful sailor.',
      ],
      PUBLISHED,
    );
    assert.ok(!facts.some((f) => f.split(' ').includes('a0')), `no fact of the sinking: ${JSON.stringify(facts)}`);
  });
  it('two articles that state the act make a fact, without the member that only names it', () => {
    const facts = corroboratedShortIds(
      [
        'Ann Roe sank two fishing boats in the Kelso harbour on Saturday night.',
        'The ferry pilot Ann Roe sank two fishing boats in the Kelso harbour late on Saturday.',
        'A neighbour says the ferry pilot accused of sinking two fishing boats in the Kelso harbour is a careful sailor.',
      ],
      PUBLISHED,
    );
    assert.deepEqual(facts.filter((f) => f.split(' ').includes('a0')), ['a0 a1'], JSON.stringify(facts));
  });
});

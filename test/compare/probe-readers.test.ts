/**
 * The readers the probe suite (test/compare/probes/) showed missing, on invented sentences: tolls told
 * through "crushed to death", "lost their lives", residents evacuated; a sale's price
 * and a fine; ages told after a name; a distance from "the city of X"; a share of the vote.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conflictLines, publishedAt } from './story.js';

const PUBLISHED = publishedAt('2026-03-04T12:00:00Z');
const conflictsOf = (texts: string[]) => conflictLines(texts, PUBLISHED, ' vs ');

describe('tolls and counts of people told in other words', () => {
  it('"crushed to death" and "lost their lives" are the death toll', () => {
    const c = conflictsOf([
      'A stampede at a fair in the town of Brellin left 11 people dead on Saturday, police said.',
      'Police said 16 people were crushed to death in a stampede at a fair in Brellin on Saturday.',
      'Twenty people lost their lives in a stampede at the Brellin fair on Saturday, police said.',
    ]);
    assert.deepEqual(c, ['death toll: 11 people vs 16 people vs 20 people']);
  });

  it('"11 people remain missing" counts the missing; residents evacuated are no population', () => {
    const missing = conflictsOf(['Eleven people remain missing after a boat sank off Tarvo on Monday, the navy said.', 'The navy said 7 people were still missing after the boat sank off Tarvo on Monday.']);
    assert.equal(missing.length, 1, JSON.stringify(missing));
    const held = conflictsOf(['About 3,000 residents were evacuated as a fire spread toward Olmo on Saturday.', 'The town of Olmo is home to 9,000 residents, and a fire spread toward it on Saturday.']);
    assert.deepEqual(held, []);
  });

  it('does not join the toll of two blasts of one day, nor a subset to its total', () => {
    const c = conflictsOf([
      'Two bombs exploded in Karvi province on Monday. The first, near the town of Ulm, killed four soldiers. The second, outside the provincial capital, killed nine civilians.',
      'Nine civilians were killed by a bomb outside the capital of Karvi province on Monday, officials said. Hours earlier, four soldiers died in a separate blast near Ulm.',
      'Sixty people were detained in Karvi on Saturday, police said. Twelve of them were under 18.',
    ]);
    assert.deepEqual(c, []);
  });
});

describe('sums, ages, distances and shares told in other words', () => {
  it('a sale verb gives its sum a price, keyed by both parties whichever is named nearer', () => {
    const c = conflictsOf([
      'The group Acme Holdings agreed to sell its shipping arm to the firm Globex Partners for $2.1 billion, the companies said on Monday.',
      'Globex Partners bought the shipping arm of Acme Holdings for $1.8 billion, the companies said on Monday.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c));
  });

  it('"Jane Roe, the 59-year-old chief executive" and "Jane Roe, who is 61," are her ages', () => {
    const c = conflictsOf([
      'Maria Velden, the 59-year-old chief executive of the bank Orvo Trust, will step down, the bank said on Monday.',
      'Orvo Trust said on Monday that its chief executive, Maria Velden, who is 61, would retire.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c));
    assert.match(c[0], /^age of Maria Velden/);
  });

  it('"30 km south of the city of X" is a distance from X', () => {
    const c = conflictsOf(['The epicentre was 30 kilometres south of the city of Harlow, the survey said on Monday.', 'The quake on Monday was centred 80 kilometres south of Harlow, the survey said.']);
    assert.equal(c.length, 1, JSON.stringify(c));
  });

  it("a share of the vote is its candidate's result; turnout is no share of the vote", () => {
    const c = conflictsOf([
      'Mayor Jana Morrow won re-election in Tilsby on Sunday with 54 percent of the vote, official results showed. Turnout was 61 percent.',
      'Jana Morrow was re-elected mayor of Tilsby on Sunday, taking 58 percent of the vote.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c));
    assert.match(c[0], /share of the vote/);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossCheckTexts, publishedAt } from './story.js';

// Invented wording: most outlets tell two things in one sentence (the injury, and the matches missed after surgery);
// one outlet tells only the injury, another only the missed matches, and one tells both in one clause, which joins the
// two chains of claims into one group. Each thing is a fact of the members that state the whole of it, shown by a
// member that states only it.
const PUBLISHED = publishedAt('2011-12-20T12:00:00Z');
const TEXTS = [
  'Marsh suffered a right ankle injury against the Herons on March 3 and missed the next three matches following keyhole surgery.',
  'Marsh injured her right ankle on March 3 and had keyhole surgery to fix a torn ligament and missed three matches.',
  'Marsh suffered a right ankle injury against the Herons on March 3.',
  'She missed three matches after having keyhole surgery back in March.',
  "The second-year forward was the club's leading scorer this season, despite missing three matches to recover from keyhole surgery for an ankle injury suffered in a March 3 match against the Herons.",
  'Marsh hurt her right ankle against the Herons on March 3 and, after missing three matches during rehabilitation, has struggled to regain her form.',
];

describe('a fact whose members state only part of it is one fact per thing stated', () => {
  const facts = crossCheckTexts(TEXTS, PUBLISHED).facts.filter((f) => f.status === 'corroborated');
  it('the injury and the missed matches are two facts, each of the members that state it', () => {
    assert.deepEqual(
      facts.map((f) => f.articles.join(' ')),
      ['a0 a1 a2 a4 a5', 'a0 a1 a3 a4 a5'],
    );
  });
  it('each is shown by a member that states only it, not by the sentence that states both', () => {
    assert.deepEqual(
      facts.map((f) => f.statement),
      [TEXTS[2], TEXTS[3]],
    );
  });
});

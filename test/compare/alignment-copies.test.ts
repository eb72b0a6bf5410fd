/**
 * A large story of syndicated copies: the alignment takes the copies of a sentence as one node
 * (`sentence-copies.ts`) once the story reads lists longer than the candidate search's window. Each
 * statement is then one fact of all its copies, and the report does not depend on the order the
 * articles come in.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type AlignmentCounts, noAlignmentCounts, POSTING_WINDOW } from '../../src/compare/facts.js';
import { crossCheckStory } from '../../src/compare/index.js';
import type { AnnotatedArticle } from '../../src/model/types.js';
import { inventedArticle, publishedAt } from './story.js';

const published = publishedAt('2031-03-04T09:00');
// invented wire texts: every one has the town's name in its first sentence, so that word's list is
// longer than the window once each text has enough copies
const TEXTS = [
  'The town council of Brenmoor voted on Tuesday to close the riverside library after a budget review. Librarians said the collection would move to the school. The closure takes effect in June.',
  'Brenmoor town firefighters rescued four hikers from the quarry cliffs late on Monday night. The hikers had lost their way in thick fog. None of them needed hospital treatment.',
  'A new ferry route will link Brenmoor town harbour with the offshore islands from next spring. The operator ordered two electric vessels for the crossing. Tickets go on sale in January.',
  'Brenmoor town market traders protested against higher stall fees outside the municipal offices. The fees rose by a third this year. Officials promised to review the charges.',
  'Engineers found cracks in the old stone bridge over the canal in Brenmoor town on Wednesday. The bridge was closed to lorries at once. Repairs could last until the autumn.',
  'The Brenmoor town orchestra won the regional brass band championship for the second year. Its conductor thanked the volunteers who raised money for new instruments. The final was held in a packed hall.',
];

/** `n` articles: each invented text analysed once, the others its copies under other ids and outlets (as syndication repeats a wire story). */
function copiesStory(n: number): AnnotatedArticle[] {
  const base = TEXTS.map((t, i) => inventedArticle(`w${i}`, t, published));
  return Array.from({ length: n }, (_, k) => {
    const a = base[k % base.length];
    const docId = `w${k % base.length}-copy${String(k).padStart(4, '0')}`;
    return { ...a, article: { ...a.article, docId, outlet: `Outlet ${k % 50}` } };
  });
}

/** A deterministic shuffle (a linear congruential generator): the same order on every run. */
function shuffled<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('a large story of copies (the alignment takes copies as one node)', () => {
  // (more copies of each text than the window holds: its words' lists are longer than the window)
  const articles = copiesStory(TEXTS.length * (POSTING_WINDOW / 2 + 2));
  const counts: AlignmentCounts = noAlignmentCounts();
  const report = crossCheckStory({ storyId: 's', articles, copies: [] }, undefined, counts);

  it('makes each statement one corroborated fact of all its copies', () => {
    const perText = articles.length / TEXTS.length;
    const full = report.facts.filter((f) => f.status === 'corroborated' && f.articles.length === perText);
    // three sentences a text, each of its copies
    assert.equal(full.length, 3 * TEXTS.length);
    for (const f of full) assert.equal(new Set(f.articles.map((a) => a.split('-')[0])).size, 1, f.statement);
  });

  it('searches pairs of nodes, not of copies', () => {
    // every copy aligns with every other copy of its text: sentence by sentence, at least one edge
    // per copy; as nodes, one sentence each
    assert.ok(counts.edges < 3 * TEXTS.length * 3, `${counts.edges} edges`);
    assert.ok(counts.pairsMet < 3 * TEXTS.length * 3 * TEXTS.length, `${counts.pairsMet} pairs met`);
  });

  it('gives the same report whatever order the articles come in', () => {
    for (const seed of [1, 2]) assert.deepEqual(crossCheckStory({ storyId: 's', articles: shuffled(articles, seed), copies: [] }), report);
  });
});

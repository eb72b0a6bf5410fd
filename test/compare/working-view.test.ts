import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseArticle } from '../../src/analyse/index.js';
import { noAlignmentCounts } from '../../src/compare/facts.js';
import { type CrossCheckTimings, crossCheckStory } from '../../src/compare/index.js';
import { prepareStory } from '../../src/compare/prepare.js';
import { wordTokens } from '../../src/compare/text.js';
import { bareArticle } from '../helpers.js';

const SHARED = 'The harbour authority said on Tuesday that 14 ships were held outside the port for two days.';
const wire = analyseArticle(bareArticle('wire-a', `${SHARED}\n\nCrews were told to wait for the storm to pass.`, { outlet: 'Wire A' }));
// the same sentence later in another article, at other offsets, with a different sentence before it
const copy = analyseArticle(bareArticle('paper-b', `Shipping stopped along the coast.\n\n${SHARED}\n\nThe port reopened on Thursday.`, { outlet: 'Paper B' }));

describe('working view', () => {
  it("gives a sentence repeated in another article its own offsets (tokens are normalised once per distinct sentence)", () => {
    const story = prepareStory({ articles: [wire, copy], copies: [] });
    const repeated = story.sentences.filter((s) => s.art.text.slice(s.span.start, s.span.end) === SHARED);
    assert.equal(repeated.length, 2);
    assert.notEqual(repeated[0].span.start, repeated[1].span.start);
    for (const s of repeated) {
      // exactly what tokenising the sentence where it stands gives
      assert.deepEqual(s.tokens, wordTokens(s.art.text, s.span.start, s.span.end));
      for (const t of s.tokens) assert.equal(s.art.text.slice(t.start, t.end), t.text);
    }
    assert.notEqual(repeated[0].tokens, repeated[1].tokens);
    assert.deepEqual([...repeated[0].keys], [...repeated[1].keys]);
  });

  it('reports the CPU time of each phase when asked, with the same report as without', () => {
    const timings: CrossCheckTimings = { prepare: 0, align: 0, conflicts: 0, facts: 0, quotes: 0, framing: 0, timeline: 0, brief: 0 };
    const timed = crossCheckStory({ storyId: 's', articles: [wire, copy], copies: [] }, timings);
    const plain = crossCheckStory({ storyId: 's', articles: [copy, wire], copies: [] });
    assert.deepEqual(timed, plain);
    for (const [phase, ms] of Object.entries(timings)) assert.ok(Number.isFinite(ms) && ms >= 0, `${phase}: ${ms}`);
    assert.ok(timings.prepare + timings.align > 0);
  });

  it("counts the fact alignment's work when asked, with the same report as without", () => {
    const work = noAlignmentCounts();
    const counted = crossCheckStory({ storyId: 's', articles: [wire, copy], copies: [] }, undefined, work);
    assert.deepEqual(counted, crossCheckStory({ storyId: 's', articles: [wire, copy], copies: [] }));
    // the shared sentence: met, scored, one edge, one merge of two sentences (no average to take)
    assert.equal(work.edges, 1);
    assert.equal(work.merges, 1);
    assert.equal(work.averages, 0);
    assert.ok(work.pairsMet >= work.pairsScored && work.pairsScored >= work.edges, JSON.stringify(work));
    assert.ok(work.similarities >= 1 && work.sentences >= 4, JSON.stringify(work));
  });
});

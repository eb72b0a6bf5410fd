/**
 * The pass's join of an undated article (StoryIndex.undatedJoin): it joins the dated story it fits as
 * that story's members fit each other, and clearly better than the undated story of the topic's other
 * event, instead of piling up there (the only stories an undated article could join before). With no
 * undated story to weigh the dated one against, it founds a story. Invented words: the topic's words
 * are in every report, each event's in its own.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { groupStories, storyFeatures, type StoryFeatures } from '../../src/stories/index.js';
import { traceDecisions } from '../../src/stories/story-index.js';
import { prng } from '../../src/util/random.js';
import { assertRunsGiveBatch, block } from './invented.js';

const TOPIC = block('tp', 30);
const DATED = block('da', 30);
const PILE = block('pl', 30);

/** A report of these words in an order of its own, comma-separated (no two-word phrases, no shared shingles: no copies). */
function report(id: string, words: string[], published: string | null): StoryFeatures {
  const r = prng([...id].reduce((a, c) => a * 31 + c.charCodeAt(0), 7));
  const text = words.map((w) => [r(), w] as const).sort((a, b) => a[0] - b[0]).map((x) => x[1]).join(', ') + '.';
  return storyFeatures({ id, title: null, text, outlet: `outlet-${id}`, published, eventDates: [], entities: [], weekdays: [] });
}

const dated = ['d1', 'd2', 'd3'].map((id, i) => report(id, [...TOPIC, ...DATED.slice(i * 3, i * 3 + 20), ...block(id, 10)], '2024-05-07'));
const pile = ['p1', 'p2', 'p3', 'p4'].map((id, i) => report(id, [...TOPIC, ...PILE.slice(i * 3, i * 3 + 20), ...block(id, 10)], null));
/** Undated, told as the dated reports tell their event (a report that lost its date). */
const stray = report('x', [...TOPIC, ...DATED.slice(3, 23), ...PILE.slice(0, 2)], null);
/** Undated, told as the undated reports tell theirs. */
const own = report('y', [...TOPIC, ...PILE.slice(3, 23)], null);

/** Where the pass put each article (its first placement), by the story's first member. */
function passPlacements(all: StoryFeatures[]): Map<string, string> {
  const founder = new Map<string, string>();
  const placed = new Map<string, string>();
  traceDecisions((doc, story, step) => {
    if (!founder.has(story)) founder.set(story, doc);
    if (!placed.has(doc)) placed.set(doc, `${founder.get(story)} (${step})`);
  });
  try {
    groupStories(all);
  } finally {
    traceDecisions(null);
  }
  return placed;
}

describe('stories: an undated article joins the dated story it fits as its members do', () => {
  test('a stray of the dated event joins the dated story in the pass, not the undated story', () => {
    const placed = passPlacements([...dated, ...pile, stray, own]);
    assert.equal(placed.get('x'), 'd1 (join undated)');
    assert.equal(placed.get('y'), 'p1 (join undated)');
    // (settle may still move it: refine weighs it by centroid cosine, which favours the larger story)
    const groups = groupStories([...dated, ...pile, stray, own]);
    const of = (id: string) => groups.find((g) => g.members.includes(id))!.members;
    assert.deepEqual(of('d1'), ['d1', 'd2', 'd3']);
    assert.ok(of('p1').includes('y'));
  });

  test('with the rule off (weights), the stray joins the undated story in the pass', () => {
    const placed = new Map<string, string>();
    const founder = new Map<string, string>();
    traceDecisions((doc, story, step) => {
      if (!founder.has(story)) founder.set(story, doc);
      if (!placed.has(doc)) placed.set(doc, `${founder.get(story)} (${step})`);
    });
    try {
      groupStories([...dated, ...pile, stray, own], { weights: { undatedDatedFit: Number.POSITIVE_INFINITY } });
    } finally {
      traceDecisions(null);
    }
    assert.equal(placed.get('x'), 'p1 (join undated)');
  });

  test('with no undated story to weigh against, an undated article founds one', () => {
    const placed = passPlacements([...dated, stray]);
    assert.equal(placed.get('x'), 'x (found)');
  });

  test('ledger runs in any order and batching give the batch', async () => {
    await assertRunsGiveBatch([...dated, ...pile, stray, own]);
  });
});

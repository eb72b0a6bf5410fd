/**
 * The second look at the end of a time step (StoryIndex.rejoinStep): the first report of an event
 * placed before the step's later reports have built its story meets only one of them; once the
 * step is placed it joins the story they built, in the batch and in every sequence of ledger runs.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { groupStories, StoryLedger, storyFeatures, type StoryFeatures } from '../../src/stories/index.js';
import { assertRunsGiveBatch, block } from './invented.js';

function report(id: string, words: string[], day = '2024-05-02'): StoryFeatures {
  return storyFeatures({ id, title: null, text: words.join(' ') + '.', outlet: `outlet-${id}`, published: day, eventDates: [], entities: [] });
}

/**
 * a (first in id order) shares a few words with b and many with c; b and c share the most. On one
 * day: a founds a story, b finds too little in common with a alone and founds its own, c joins b's.
 * Only then does a fit the story b and c made.
 */
function step(): StoryFeatures[] {
  const ab = block('ab', 4);
  const ac = block('xc', 24);
  const bc = block('bc', 28);
  // (c's words shared with b come first: its query terms find b's story, not a's)
  return [report('a', [...ab, ...ac, ...block('aa', 32)]), report('b', [...ab, ...bc, ...block('bb', 28)]), report('c', [...bc, ...ac, ...block('cc', 8)])];
}

/** An unrelated report three weeks later. */
const LATER = report('z', block('zz', 60), '2024-05-23');

describe('stories: second look at the end of a time step', () => {
  test('the first report joins the story the later reports of its day built', () => {
    // (a report weeks later closes the day's stories before the batch settles: refine cannot repair them)
    const groups = groupStories([...step(), LATER]);
    assert.deepEqual(
      groups.map((g) => g.members),
      [['a', 'b', 'c'], ['z']],
    );
  });

  test('a short report (20 words, 39 features) takes the second look too', async () => {
    // (its words weigh more than a day of time gap: FOLLOW_UP_KEYS 30; at 60 it stayed alone)
    const short = [report('a', [...block('ab', 2), ...block('xc', 12), ...block('aa', 6)]), ...step().slice(1), LATER];
    assert.deepEqual(
      groupStories(short).map((g) => g.members),
      [['a', 'b', 'c'], ['z']],
    );
    await assertRunsGiveBatch(short);
  });

  test('a headline-length text takes no second look', () => {
    const short = groupStories([report('a', [...block('ab', 1), ...block('xc', 3), ...block('aa', 4)]), ...step().slice(1), LATER]);
    assert.deepEqual(
      short.map((g) => g.members),
      [['a'], ['b', 'c'], ['z']],
    );
  });

  test('a story founded the day before takes the first report in canonical order, before a later report of the day', async () => {
    // p (day 1) founds; a (day 2) shares too little with p alone; c (day 2, after a) joins p's story;
    // a then fits p + c, and the story is rebuilt as p, a, c (the order a ledger run restores it in)
    const all = [report('p', [...block('ab', 4), ...block('bc', 28), ...block('pp', 28)], '2024-05-01'), report('a', [...block('ab', 4), ...block('xc', 24), ...block('aa', 32)]), report('c', [...block('bc', 28), ...block('xc', 24), ...block('cc', 8)]), LATER];
    // (without the second look: p + c, a alone)
    const batch = groupStories(all);
    assert.deepEqual(
      batch.map((g) => g.members),
      [['p', 'a', 'c'], ['z']],
    );
    for (const cut of [1, 2, 3]) {
      const ledger = new StoryLedger();
      await ledger.update(all.slice(cut));
      await ledger.update(all.slice(0, cut));
      assert.equal(JSON.stringify(ledger.stories()), JSON.stringify(batch), `runs cut at ${cut}`);
    }
  });

  test('ledger runs in any order and batching give the batch', async () => {
    const all = [...step(), LATER, report('d', block('dd', 60), '2024-05-03'), report('e', [...block('xc', 24), ...block('ee', 40)], '2024-05-01')];
    await assertRunsGiveBatch(all);
  });
});

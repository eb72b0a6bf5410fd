/**
 * A fragment that is one copy group (a text and its reprints) joins the larger story its original
 * fits, whole (StoryIndex.attachCopies): a copy pair's near-identity no longer keeps it apart.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { groupStories, storyFeatures, type StoryFeatures } from '../../src/stories/index.js';
import { assertRunsGiveBatch, block } from './invented.js';

const article = (id: string, words: string[], outlet = `outlet-${id}`): StoryFeatures =>
  storyFeatures({ id, title: null, text: words.join(' ') + '.', outlet, published: null, eventDates: [], entities: [] });

/** Three undated reports of one event, and a reprinted text that shares a few of their words (too few to join one of them in the pass). */
function articles(shared: number): StoryFeatures[] {
  const reprint = [...block('core', shared), ...block('cc', 30)];
  return [
    article('e1', [...block('core', 20), ...block('ea', 20)]),
    article('e2', [...block('core', 20), ...block('eb', 20)]),
    article('e3', [...block('core', 20), ...block('ec', 20)]),
    article('c1', reprint),
    article('c2', reprint, 'wire-2'),
  ];
}

/**
 * Four undated reports of one event; a reprinted text; and a fragment of two later reports that
 * share more words with the reprint than with the event's other reports, and join the event's
 * story in `attachFragments` after the reprints have looked (the copy group's story was founded first).
 */
function throughFragment(): StoryFeatures[] {
  const reprint = [...block('mid', 6), ...block('core', 5), ...block('cc', 30)];
  return [
    ...['a1', 'a2', 'a3', 'a4'].map((id) => article(id, [...block('core', 20), ...block(`o${id}`, 20)])),
    article('c1', reprint),
    article('c2', reprint, 'wire-2'),
    article('f1', [...block('mid', 20), ...block('core', 12), ...block('fa', 20)]),
    article('f2', [...block('mid', 20), ...block('core', 12), ...block('fb', 20)]),
  ];
}

describe('stories: a fragment of copies', () => {
  test('joins the story its original fits, its copies with it', () => {
    const groups = groupStories(articles(8));
    assert.deepEqual(
      groups.map((g) => [g.members, g.copies]),
      [[['c1', 'c2', 'e1', 'e2', 'e3'], [['c1', 'c2']]]],
    );
  });

  test('stays apart when it fits no story', () => {
    const groups = groupStories(articles(4));
    assert.deepEqual(
      groups.map((g) => g.members),
      [['c1', 'c2'], ['e1', 'e2', 'e3']],
    );
  });

  test('looks again at the end when the story it fitted best was a fragment no larger than itself (it joined the larger story since)', () => {
    // (without the second look: [a1 a2 a3 a4 f1 f2] and [c1 c2])
    assert.deepEqual(
      groupStories(throughFragment()).map((g) => [g.members, g.copies]),
      [[['a1', 'a2', 'a3', 'a4', 'c1', 'c2', 'f1', 'f2'], [['c1', 'c2']]]],
    );
  });

  test('ledger runs in any order and batching give the batch', async () => {
    await assertRunsGiveBatch(articles(8));
    await assertRunsGiveBatch(throughFragment());
  });
});

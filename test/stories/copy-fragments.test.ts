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

  test('ledger runs in any order and batching give the batch', async () => {
    const all = articles(8);
    await assertRunsGiveBatch(all);
  });
});

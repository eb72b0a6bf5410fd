import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pairErrorsByDay } from '../../bench/stories/errors.js';
import type { StoryFeatures } from '../../src/stories/index.js';

const f = (id: string, day: number | null) => ({ id, day }) as StoryFeatures;

test('pairErrorsByDay counts wrongly merged and wrongly split pairs by publication day', () => {
  // gold: a1 a2 (day 10, 11), b1 (day 10), c1 c2 (day 10, undated)
  const gold = new Map([
    ['a1', 'a'],
    ['a2', 'a'],
    ['b1', 'b'],
    ['c1', 'c'],
    ['c2', 'c'],
  ]);
  const features = [f('a1', 10), f('a2', 11), f('b1', 10), f('c1', 10), f('c2', null)];
  // a1 with b1 (merged, same day), a2 with c2 (merged, undated), c1 alone
  const counts = pairErrorsByDay(gold, features, [['a1', 'b1'], ['a2', 'c2'], ['c1']]);
  assert.deepEqual(counts, { mergedSameDay: 1, mergedOtherDays: 0, mergedUndated: 1, splitSameDay: 0, splitOtherDays: 1, splitUndated: 1 });
  // the gold grouping has no error
  assert.deepEqual(pairErrorsByDay(gold, features, [['a1', 'a2'], ['b1'], ['c1', 'c2']]), { mergedSameDay: 0, mergedOtherDays: 0, mergedUndated: 0, splitSameDay: 0, splitOtherDays: 0, splitUndated: 0 });
});

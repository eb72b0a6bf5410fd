/**
 * The process's key strings (src/stories/key-table.ts): an article's keys come back as the table's
 * strings with the frequency-table slot their hash gives, the same as computed afresh; past its
 * bound the table starts again and still answers the same.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KeyTable } from '../../src/stories/key-table.js';
import { fnv1a } from '../../src/stories/minhash.js';

const MASK = (1 << 21) - 1;
/** A fresh string of the same text (as JSON.parse gives each article's keys), not the literal's. */
const fresh = (s: string) => JSON.parse(JSON.stringify(s)) as string;

test('keys come back as one string per text, with the slot of their hash', () => {
  const table = new KeyTable(MASK);
  const first = ['quake', 'chile quake', '@ENT:chile'].map(fresh);
  const slots = new Array<number>(first.length);
  table.intern(first, slots);
  assert.deepEqual(slots, first.map((k) => fnv1a(k) & MASK));
  const again = ['@ENT:chile', 'rescue', 'quake'].map(fresh);
  const kept = [...again];
  const slots2 = new Array<number>(again.length);
  table.intern(again, slots2);
  assert.deepEqual(again, ['@ENT:chile', 'rescue', 'quake']);
  assert.deepEqual(slots2, again.map((k) => fnv1a(k) & MASK));
  // (the same text: the table's string where it had one, the article's own for a new key)
  assert.equal(again[1], kept[1]);
  assert.equal(table.size, 4);
});

test('past its bound the table starts again, with the same answers', () => {
  const table = new KeyTable(MASK, 8);
  const words = Array.from({ length: 30 }, (_, i) => `w${i}`);
  for (let i = 0; i + 3 <= words.length; i += 3) {
    const keys = words.slice(i, i + 3).map(fresh);
    const slots = new Array<number>(3);
    table.intern(keys, slots);
    assert.deepEqual(keys, words.slice(i, i + 3));
    assert.deepEqual(slots, keys.map((k) => fnv1a(k) & MASK));
    assert.ok(table.size <= 8, `${table.size} keys held`);
  }
});

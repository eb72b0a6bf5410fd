import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readSparseWeights, scoreOf, type SparseWeights, weightOf, weightTable, writeSparseWeights } from '../../src/analyse/learn/sparse-weights.js';

/** The weight of h by a binary search of the ascending keys: what the table must give. */
function searched(m: SparseWeights, h: number): number {
  const k = h >>> 0;
  let lo = 0;
  let hi = m.keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (m.keys[mid] < k) lo = mid + 1;
    else if (m.keys[mid] > k) hi = mid - 1;
    else return m.weights[mid];
  }
  return 0;
}

/** A model of n keys drawn from a fixed generator (some next to each other, 0 and 2^32-1 among them). */
function model(n: number, seed: number): SparseWeights {
  let x = seed;
  const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
  const keys = new Set<number>([0, 0xffffffff]);
  while (keys.size < n) {
    const k = next();
    keys.add(k);
    if (k % 5 === 0) keys.add((k + 1) >>> 0);
  }
  const sorted = Uint32Array.from([...keys].sort((a, b) => a - b));
  return { keys: sorted, weights: Float32Array.from(sorted, (_, i) => ((i * 7919) % 201) / 10 - 10), meta: {} };
}

describe('sparse weights (learn/sparse-weights.ts)', () => {
  it('looks up every key and every absent hash as the sorted keys give them', () => {
    for (const n of [2, 3, 100, 3000]) {
      const m = model(n, n);
      for (const k of m.keys) assert.equal(weightOf(m, k), searched(m, k));
      // signed and unsigned forms of the same hash, absent hashes
      for (const k of m.keys) assert.equal(weightOf(m, k | 0), searched(m, k));
      for (let h = 1; h < 5000; h += 7) assert.equal(weightOf(m, h * 2654435761), searched(m, h * 2654435761));
    }
  });

  it('scores a set of features as the sum of their weights, in their order', () => {
    const m = model(500, 7);
    const fs = [...m.keys.slice(0, 20), 123, 456, m.keys[3]];
    let s = 0;
    for (const f of fs) s += searched(m, f);
    assert.equal(scoreOf(m, fs), s);
    assert.equal(weightTable(m).score(fs), s);
    assert.equal(weightTable(m), weightTable(m));
  });

  it('gives the same weights after a round trip through its file', () => {
    const m = model(300, 11);
    const back = readSparseWeights(writeSparseWeights('TEST', m), 'TEST', 'a test model');
    for (const k of m.keys) assert.equal(weightOf(back, k), searched(m, k));
    assert.equal(weightOf({ keys: new Uint32Array(0), weights: new Float32Array(0), meta: {} }, 42), 0);
  });
});

/**
 * How both back-ends encode the story ledger's rows (src/store/ledger-rows.ts): the sparse
 * frequency table and the key dictionary give back exactly what was stored; a damaged table is
 * read as none instead of allocating what its length claims.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { frequenciesOf, frequencyBytes, KeyDictionary, LedgerDocCache, type LedgerRow } from '../../src/store/ledger-rows.js';
import type { LedgerDoc } from '../../src/stories/index.js';

test('the sparse frequency table gives back the dense table, and is small when most buckets are empty', () => {
  const counts = new Uint32Array(1 << 21);
  for (let i = 0; i < 5000; i++) counts[(i * 7919) % counts.length] = 1 + (i % 13);
  const { n, df } = frequencyBytes({ n: 12345, counts });
  assert.ok(df.byteLength < 50_000, `${df.byteLength} bytes`);
  const back = frequenciesOf(n, df)!;
  assert.equal(back.n, 12345);
  assert.deepEqual(back.counts, counts);
  assert.deepEqual(frequenciesOf(n, frequencyBytes({ n: 0, counts: new Uint32Array(4) }).df)!.counts, new Uint32Array(4));
});

test('a damaged frequency table reads as none', () => {
  const n = Buffer.from('3');
  assert.equal(frequenciesOf(n, Buffer.from([1, 2, 3])), null);
  assert.equal(frequenciesOf(n, Buffer.from(new Uint32Array([0xffffffff, 1, 1]).buffer)), null);
  assert.equal(frequenciesOf(undefined, Buffer.alloc(8)), null);
  // a bucket past the stated length is ignored
  assert.deepEqual(frequenciesOf(n, Buffer.from(new Uint32Array([2, 1, 5, 9, 7]).buffer))!.counts, new Uint32Array([0, 5]));
});

test('vector keys go through the key dictionary and come back in order, strings shared', () => {
  const write = new KeyDictionary();
  const doc = (id: string, keys: string[]): LedgerDoc => ({ id, t: 1, day: 1, story: 's', copyOf: null, vec: { keys, vals: new Float32Array(keys.length) }, f: {} as LedgerDoc['f'] });
  const docs = [doc('a', ['quake', 'ENT:chile', 'quake chile']), doc('b', ['ENT:chile', 'rescue'])];
  const missing = write.missingKeys(docs);
  assert.deepEqual(missing, ['quake', 'ENT:chile', 'quake chile', 'rescue']);
  missing.forEach((k, i) => write.add(i + 1, k));
  assert.deepEqual(write.missingKeys(docs), []);
  const rows: LedgerRow[] = docs.map((x) => ({ doc_id: x.id, t: 1, day: 1, story: 's', copy_of: null, key_ids: write.encode(x.vec.keys), vals: Buffer.from(new Float32Array(x.vec.keys.length).buffer), lite: '{}', sealed: 0 }));
  const read = new KeyDictionary();
  assert.deepEqual(read.missingIds(rows).sort(), [1, 2, 3, 4]);
  missing.forEach((k, i) => read.add(i + 1, k));
  const [a, b] = rows.map((r) => read.decode(r));
  assert.deepEqual(a.vec.keys, docs[0].vec.keys);
  assert.deepEqual(b.vec.keys, docs[1].vec.keys);
  assert.equal(a.sealed, false);
  // an id the dictionary does not hold fails the run (which then keeps the previous stories) instead of placing a wrong vector
  assert.throws(() => new KeyDictionary().decode(rows[0]), /unknown key id/);
});

test('encodeAll gives each vector its ids with one lookup per key, filling the keys given ids afterwards', () => {
  const dict = new KeyDictionary();
  const doc = (id: string, keys: string[]): LedgerDoc => ({ id, t: 1, day: 1, story: 's', copyOf: null, vec: { keys, vals: new Float32Array(keys.length) }, f: {} as LedgerDoc['f'] });
  dict.add(7, 'quake');
  const docs = [doc('a', ['quake', 'chile']), doc('b', []), doc('c', ['rescue', 'chile', 'quake'])];
  const { ids, missing, fill } = dict.encodeAll(docs);
  assert.deepEqual(missing, ['chile', 'rescue']);
  dict.add(9, 'chile');
  dict.add(3, 'rescue');
  fill();
  assert.deepEqual(ids.map((b) => [...new Uint32Array(b.buffer, b.byteOffset, b.byteLength / 4)]), [[7, 9], [], [3, 9, 7]]);
  assert.deepEqual(ids.map((b) => b), [dict.encode(['quake', 'chile']), dict.encode([]), dict.encode(['rescue', 'chile', 'quake'])]);
});

test('the kept key dictionary lasts while the ledger is the one this process committed, and not past a run that added keys and did not commit', () => {
  const cache = new LedgerDocCache();
  cache.check(null);
  cache.keys.add(1, 'quake');
  cache.committed('t1', { deleteDocs: [], putDocs: [], sealDocs: [] });
  cache.check('t1');
  assert.equal(cache.keys.size, 1);
  // a run that gave a key an id and then failed: the id may not exist
  cache.keys.add(2, 'rescue');
  cache.uncommitted();
  cache.check('t1');
  assert.equal(cache.keys.size, 0);
  // another process's commit
  cache.keys.add(1, 'quake');
  cache.committed('t2', { deleteDocs: [], putDocs: [], sealDocs: [] });
  cache.check('t3');
  assert.equal(cache.keys.size, 0);
});

/**
 * How both back-ends encode the story ledger's rows (src/store/ledger-rows.ts): the sparse
 * frequency table and the key dictionary give back exactly what was stored; a damaged table is
 * read as none instead of allocating what its length claims.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { frequenciesOf, frequencyBytes, KeyDictionary, LedgerDamaged, LedgerDocCache, type LedgerRow } from '../../src/store/ledger-rows.js';
import { type LedgerDoc, STORIES_VERSION, type StoryFeatures } from '../../src/stories/index.js';

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
  const { missing, rows: encoded } = write.encodeAll(docs);
  assert.deepEqual(missing, ['quake', 'ENT:chile', 'quake chile', 'rescue']);
  missing.forEach((k, i) => write.add(i + 1, k));
  assert.deepEqual(write.encodeAll(docs).missing, []);
  const { ids } = encoded();
  const rows: LedgerRow[] = docs.map((x, i) => ({ doc_id: x.id, t: 1, day: 1, story: 's', copy_of: null, key_ids: ids[i], vals: Buffer.from(new Float32Array(x.vec.keys.length).buffer), lite: '{}', packed: null, sealed: 0 }));
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
  const { missing, rows } = dict.encodeAll(docs);
  assert.deepEqual(missing, ['chile', 'rescue']);
  dict.add(9, 'chile');
  dict.add(3, 'rescue');
  const { ids } = rows();
  assert.deepEqual(ids.map((b) => [...new Uint32Array(b.buffer, b.byteOffset, b.byteLength / 4)]), [[7, 9], [], [3, 9, 7]]);
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

test('the output stories a commit wrote are known until the ledger is another than the one this process committed', () => {
  const cache = new LedgerDocCache();
  cache.check(null);
  const story = (id: string, members: string[]) => ({ id, members });
  cache.committed('t1', { deleteDocs: [], putDocs: [], sealDocs: [], putOutputs: [story('s1', ['a', 'b']), story('s2', ['c'])], changedOutputs: ['s1'] });
  cache.check('t1');
  assert.deepEqual(['a', 'b', 'c'].map((id) => cache.outputOf(id)), ['s1', 's1', undefined], 'an unchanged story was not written: its member is not known');
  // the next commit: s1 unchanged (its members keep what they had), b moved to a changed s3, a member of no story dropped
  cache.committed('t2', { deleteDocs: [], putDocs: [], sealDocs: [], putOutputs: [story('s1', ['a']), story('s3', ['b', 'd'])], changedOutputs: ['s3'] });
  cache.check('t2');
  assert.deepEqual(['a', 'b', 'c', 'd'].map((id) => cache.outputOf(id)), ['s1', 's3', undefined, 's3']);
  // another process's commit: nothing is known
  cache.check('t9');
  assert.equal(cache.outputOf('a'), undefined);
});

/** A row as a back-end writes it (`encodeAll`, every key given an id) and reads it back. */
function throughRow(docs: LedgerDoc[], clean?: (k: string) => string): { rows: LedgerRow[]; read: KeyDictionary } {
  const write = new KeyDictionary();
  const { missing, rows } = write.encodeAll(docs, clean);
  missing.forEach((k, i) => write.add(100 + i, k));
  const { ids, packed } = rows();
  const stored = docs.map((x, i): LedgerRow => ({
    doc_id: x.id,
    t: x.t,
    day: x.day,
    story: x.story,
    copy_of: x.copyOf,
    key_ids: Buffer.from(ids[i]),
    vals: Buffer.from(x.vec.vals.buffer),
    lite: packed[i] ? '' : JSON.stringify(x.f),
    // (copied, as a database gives it back: at any offset)
    packed: packed[i] ? Buffer.concat([Buffer.alloc(i % 3), packed[i]!]).subarray(i % 3) : null,
    sealed: 0,
  }));
  const read = new KeyDictionary();
  for (const id of read.missingIds(stored)) {
    const k = missing[id - 100];
    if (k !== undefined) read.add(id, k);
  }
  return { rows: stored, read };
}

const features = (id: string, over: Partial<StoryFeatures> = {}): StoryFeatures => ({
  v: STORIES_VERSION,
  id,
  outlet: 'Outlet é',
  title: 'A "title" — with ünïcode',
  day: 20_000,
  published: '2024-10-04',
  eventDay: null,
  terms: [],
  entities: [
    ['PER:ann_lee', 3],
    ['ORG:acme', 1.5],
  ],
  places: [['LOC:lima', 2]],
  // (64 values, as minhash.ts makes them: empty bins are 0xffffffff)
  sketch: { k: 5, sig: [0, 1, 0xffffffff, ...Array.from({ length: 61 }, (_, i) => Math.imul(i + 1, 2654435761) >>> 0)] },
  textHash: 'abc',
  words: 321,
  status: 'ok',
  messages: [],
  ...over,
});

test('a ledger row packs its features and gives back exactly what was stored, in the binary form when it can and as JSON when it cannot', () => {
  const doc = (f: StoryFeatures): LedgerDoc => ({ id: f.id, t: f.day, day: f.day, story: 's', copyOf: null, vec: { keys: ['acme', '@ORG:acme'], vals: new Float32Array([0.6, 0.8]) }, f });
  const fs = [
    features('a'),
    features('b', { sketch: null, venue: 'lima', inheritsStoryId: 'story-1', entities: [], places: [] }),
    // a field this form does not know comes back (the stories helper may add optional fields)
    { ...features('c'), claims: [['x', 1]] } as unknown as StoryFeatures,
    // densified sketch bins are negative (minhash.ts): int32 values
    features('f', { sketch: { k: 3, sig: [-1869589886, 0, 0x7fffffff, -0x80000000] } }),
    // a sketch value that is not a whole 32-bit number, or values of both kinds: kept as JSON
    features('d', { sketch: { k: 5, sig: [1.5] } }),
    features('g', { sketch: { k: 5, sig: [-1, 0xffffffff] } }),
    // a count float32 cannot hold exactly: counts as float64
    features('h', { entities: [['PER:x', 0.1]], places: [['LOC:y', 1e300]] }),
    // an entity id PostgreSQL would change (NUL): kept as JSON
    features('e', { entities: [['PER:a\0b', 1]] }),
  ];
  const docs = fs.map(doc);
  const noNul = (s: string) => s.replace(/\0/g, '');
  const { rows, read } = throughRow(docs, noNul);
  assert.deepEqual(
    rows.map((r) => r.packed !== null),
    [true, true, true, true, false, false, true, false],
  );
  const back = rows.map((r) => read.decode(r));
  for (let i = 0; i < docs.length; i++) {
    assert.deepEqual(back[i].f, JSON.parse(JSON.stringify(docs[i].f)), docs[i].id);
    assert.deepEqual(back[i].vec.keys, docs[i].vec.keys);
  }
  // smaller than the JSON it replaces
  assert.ok(rows[0].packed!.byteLength < JSON.stringify(docs[0].f).length * 0.75, `${rows[0].packed!.byteLength} bytes`);
});

test('a row written before the packed form (JSON in lite) is read as before; a damaged packed row fails the run as a damaged ledger', () => {
  const f = features('a');
  const { rows, read } = throughRow([{ id: 'a', t: 1, day: 1, story: 's', copyOf: null, vec: { keys: ['k'], vals: new Float32Array([1]) }, f }]);
  const old: LedgerRow = { ...rows[0], lite: JSON.stringify(f), packed: null };
  assert.deepEqual(read.decode(old).f, f);
  for (const bad of [rows[0].packed!.subarray(0, 30), Buffer.alloc(rows[0].packed!.byteLength), Buffer.concat([rows[0].packed!, Buffer.from('x')])])
    assert.throws(() => read.decode({ ...rows[0], packed: bad }), LedgerDamaged);
  // a packed row naming an id the dictionary does not hold
  assert.throws(() => new KeyDictionary().decode(rows[0]), LedgerDamaged);
});

test("encodeAll reads a vector key's id from the placing index's key ids, and looks the key up when that id stands for another key now", () => {
  // a stand-in for the index's table (story-index.ts KeyIds): index id -> key, plus what was kept per id
  const table = new Map<number, string>([[0, 'quake'], [1, 'chile'], [2, 'rescue']]);
  const kept = new Map<number, { key: string; value: number; owner: object }>();
  let recalled = 0;
  const known = {
    recall(id: number, key: string, owner: object) {
      const k = kept.get(id);
      if (table.get(id) !== key || !k || k.owner !== owner || k.key !== key) return -1;
      recalled++;
      return k.value;
    },
    remember(id: number, key: string, value: number, owner: object) {
      if (table.get(id) === key) kept.set(id, { key, value, owner });
    },
  };
  const doc = (id: string, keys: string[], ids: number[]): LedgerDoc => ({ id, t: 1, day: 1, story: 's', copyOf: null, vec: { keys, vals: new Float32Array(keys.length) }, ids: Int32Array.from(ids), f: {} as LedgerDoc['f'] });
  const asArrays = (ids: Buffer[]) => ids.map((b) => [...new Uint32Array(b.buffer, b.byteOffset, b.byteLength / 4)]);
  const dict = new KeyDictionary();
  dict.add(7, 'quake');
  const first = dict.encodeAll([doc('a', ['quake', 'chile'], [0, 1])], undefined, known);
  assert.deepEqual(first.missing, ['chile']);
  dict.add(9, 'chile');
  assert.deepEqual(asArrays(first.rows().ids), [[7, 9]]);
  assert.equal(recalled, 0);
  // both ids are kept with the index now: no look-up, same ids
  const second = dict.encodeAll([doc('b', ['chile', 'quake'], [1, 0])], undefined, known);
  assert.deepEqual(second.missing, []);
  assert.deepEqual(asArrays(second.rows().ids), [[9, 7]]);
  assert.equal(recalled, 2);
  // index id 1 given back and reused for another key: the key is looked up, not read as 'chile'
  table.set(1, 'flood');
  dict.add(4, 'flood');
  assert.deepEqual(asArrays(dict.encodeAll([doc('c', ['flood', 'quake'], [1, 0])], undefined, known).rows().ids), [[4, 7]]);
  // another dictionary (another store, or one started again) does not read this one's ids
  const other = new KeyDictionary();
  other.add(1, 'quake');
  other.add(2, 'flood');
  assert.deepEqual(asArrays(other.encodeAll([doc('d', ['quake', 'flood'], [0, 1])], undefined, known).rows().ids), [[1, 2]]);
  // without the index's ids (a row restored from the store) the keys are looked up as before
  assert.deepEqual(asArrays(dict.encodeAll([doc('e', ['quake'], [])], undefined, known).rows().ids), [[7]]);
});

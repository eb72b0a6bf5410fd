/** The model file's run-time tables: every kept feature is found with its weights, the file round-trips. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prng } from '../../src/util/random.js';
import { pack, packedScorer, readSyntaxModel, syntaxModel, writeSyntaxModel } from '../../src/analyse/syntax/model-file.js';
import { HashedStrings } from '../../src/analyse/syntax/string-table.js';
import { tagSentence } from '../../src/analyse/syntax/tagger.js';
import { buildTable, find, WORDS } from '../../src/analyse/syntax/weights.js';
import { wordAtoms } from '../../src/analyse/syntax/words.js';
import { tokenize } from '../../src/analyse/tokenize.js';

const randomKeys = (n: number, seed: number) => {
  const rand = prng(seed);
  const keys = new Set<number>();
  while (keys.size < n) keys.add(Math.floor(rand() * 2 ** 32) || 1);
  return Uint32Array.from(keys);
};
const view16 = (t: Uint32Array) => new Uint16Array(t.buffer, t.byteOffset, t.length * 2);

describe('bucket tables', () => {
  it('find every kept key with its value, in a table filled to 95 % (overflowing buckets)', () => {
    const keys = randomKeys(5000, 1);
    const values = Uint32Array.from(keys, (_, i) => i * 7 + 3);
    const buckets = Math.ceil(5000 / (10 * 0.95));
    const { table, kept } = buildTable(keys, values, buckets);
    const fp = view16(table);
    let dropped = 0;
    keys.forEach((k, r) => {
      if (!kept[r]) return void dropped++;
      const i = find(fp, buckets, k);
      assert.ok(i >= 0, `key ${r} found`);
      assert.equal(table[i], values[r]);
    });
    assert.ok(dropped < 10, `${dropped} keys shadowed by an equal fingerprint`);
    // absent keys: nearly all answer "absent" (a fingerprint match is the rare exception)
    const absent = randomKeys(20000, 2).filter((k) => !keys.includes(k));
    const falseHits = absent.filter((k) => find(fp, buckets, k) >= 0).length;
    assert.ok(falseHits / absent.length < 0.005, `false hits ${falseHits}/${absent.length}`);
  });

  it('HashedStrings answers as the Map it was built from', () => {
    const entries = Array.from({ length: 3000 }, (_, i) => [`w${i}`, `v${i % 17}`] as const);
    const h = HashedStrings.of(entries);
    for (const [k, v] of entries) assert.equal(h.get(k), v);
    assert.equal(h.get('absent-word'), undefined);
    assert.equal(h.values.length, 17);
  });
});

describe('packed weights', () => {
  const rows = 2000;
  const keys = randomKeys(rows, 3);
  const dense = (classes: number, seed: number) => {
    const rand = prng(seed);
    return Float32Array.from({ length: rows * classes }, () => (rand() < 0.3 ? (rand() - 0.5) * 4 : 0));
  };

  it('moves keep the differences to SHIFT (all the argmax needs), within the quantisation step', () => {
    const w = dense(3, 4);
    const packed = pack(keys, w, 3);
    const scorer = packedScorer(packed);
    const step = packed.meta.scale;
    const rand = prng(5);
    for (let trial = 0; trial < 200; trial++) {
      const feats = Uint32Array.from({ length: 30 }, () => keys[Math.floor(rand() * rows)]);
      const exact = [0, 0, 0];
      for (const f of feats) for (let c = 0; c < 3; c++) exact[c] += w[keys.indexOf(f) * 3 + c];
      const out = new Float32Array(3);
      scorer.score(feats, feats.length, out);
      assert.equal(out[0], 0);
      for (const c of [1, 2]) assert.ok(Math.abs(out[c] * step - (exact[c] - exact[0])) <= feats.length * step, `trial ${trial}, move ${c}`);
    }
  });

  it('packs a snapshot of earlier weights with fewer rows than the feature table (the best epoch)', () => {
    for (const classes of [3, 5]) {
      const w = dense(classes, 9).subarray(0, (rows / 2) * classes);
      const packed = pack(keys, w, classes);
      assert.ok(Number.isFinite(packed.meta.scale) && packed.meta.scale > 0, `scale of ${classes} classes`);
      assert.ok(packed.meta.rows > 0 && packed.meta.rows <= rows / 2);
      const out = new Float32Array(classes);
      packedScorer(packed).score(keys.subarray(0, 20), 20, out);
      assert.ok(out.some((x) => x !== 0), 'weights survive packing');
    }
  });

  it('a model file round-trips: header, word lists and every weight set', () => {
    const sets = [pack(keys, dense(10, 6), 10), pack(keys, dense(3, 7), 3), pack(keys, dense(5, 8), 5)];
    const buf = writeSyntaxModel(
      {
        tags: ['NOUN|NN'],
        labels: ['root'],
        tagDict: [[12345, 0]],
        clusters: [['news', '0101']],
        ordinary: ['the'],
        lemma: { rules: [['NOUN|NN|s', 'K1:']], exceptions: [['went\tVERB|VBD', 'go']] },
        meta: { test: true },
      },
      sets,
    );
    const m = readSyntaxModel(buf);
    assert.equal(m.clusters.get('news'), '0101');
    assert.equal(m.ordinary.get('the'), 'L');
    assert.equal(m.lemma.exceptions.get('went\tVERB|VBD'), 'go');
    assert.equal(m.tagDict.get(12345), 0);
    const feats = keys.subarray(0, 50);
    for (const [scorer, set] of [[m.tagger, sets[0]], [m.moves, sets[1]], [m.labeller, sets[2]]] as const) {
      const a = new Float32Array(scorer.classes);
      const b = new Float32Array(scorer.classes);
      scorer.score(feats, feats.length, a);
      packedScorer(set).score(feats, feats.length, b);
      assert.deepEqual(a, b);
    }
    assert.equal(m.tagger2, undefined);
    assert.equal(WORDS, 16);
  });
});

describe('tagger word sums on the shipped model', () => {
  it('tags and margins are the same with each word type\'s own templates summed once', () => {
    const m = syntaxModel();
    assert.ok(m, 'models/syntax.bin');
    const text = 'Officials in the northern province said on Tuesday that 12 people were killed when the bridge collapsed. The minister, who visited the site, said the bridge had been inspected in 2019. Officials said the bridge would be rebuilt.';
    const forms = tokenize(text, 0, text.length).map((t) => t.text);
    const atoms = wordAtoms(forms, m.clusters);
    const run = (withForms: boolean) => {
      const margins = new Float32Array(forms.length);
      const one = tagSentence({ tags: m.tags, weights: m.tagger, tagDict: m.tagDict }, atoms, undefined, margins, withForms ? forms : undefined);
      const two = tagSentence({ tags: m.tags, weights: m.tagger2!, tagDict: m.tagDict, sure: m.secondPassSure }, atoms, one, margins, withForms ? forms : undefined);
      return { one: [...one], two: [...two], margins: [...margins] };
    };
    const plain = run(false);
    assert.deepEqual(run(true), plain);
    assert.deepEqual(run(true), plain); // second time from the cached sums
  });
});

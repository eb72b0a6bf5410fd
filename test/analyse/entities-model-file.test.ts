import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { join } from 'node:path';
import { committedClusters, readClusters } from '../../src/analyse/entities/clusters.js';
import { FlatLexicon } from '../../src/analyse/entities/flat-file.js';
import { readFlatFile, writeFlatFile } from '../../src/util/flat-file.js';
import { DEFAULT_MODEL_PATH, loadTagger, readTaggerFile, SHIPPED_MODEL_PATH, writeTaggerFile } from '../../src/analyse/entities/model.js';
import { WordCache } from '../../src/util/word-cache.js';

describe('entity model file', () => {
  it('a FlatLexicon answers get and iterates like the Map it was written from', () => {
    const words = new Map<string, string>([['moscow', '0110'], ['são paulo', '10'], ['', 'e'], ['naïve', 'L'], ['北京', 'C']]);
    for (let i = 0; i < 500; i++) words.set(`w${i}`, String(i % 7));
    const numbers = new Map<string, number>([['united nations', 12], ['kremlin', -3]]);
    const file = writeFlatFile('TEST', { note: 'x' }, { ...prefixed('w', FlatLexicon.arraysOf(words)), ...prefixed('n', FlatLexicon.arraysOf(numbers)) });
    const { header, arrays } = readFlatFile<{ note: string }>(file, 'TEST', 'a test');
    assert.equal(header.note, 'x');
    const w = new FlatLexicon<string>(unprefixed('w', arrays));
    const n = new FlatLexicon<number>(unprefixed('n', arrays));
    assert.deepEqual([...w], [...words]);
    assert.deepEqual([...n], [...numbers]);
    for (const [k, v] of words) assert.equal(w.get(k), v);
    assert.equal(n.get('kremlin'), -3);
    assert.equal(w.get('moscow '), undefined);
    assert.equal(w.get('Moscow'), undefined);
    assert.equal(n.get('united'), undefined);
    assert.equal(w.size, words.size);
  });

  it('a truncated or foreign file is refused with a message', () => {
    const file = writeFlatFile('TEST', {}, { a: new Int32Array(100) });
    assert.throws(() => readFlatFile(file.subarray(0, file.length - 8), 'TEST', 'a test'), /truncated/);
    assert.throws(() => readFlatFile(Buffer.from('GZIP....'), 'TEST', 'a test'), /not a test file/);
  });

  it('the shipped model written again gives the same bytes (the layout is a pure function of the tables)', () => {
    const file = readFileSync(DEFAULT_MODEL_PATH);
    assert.ok(writeTaggerFile(readTaggerFile(file)).equals(file));
    assert.ok(loadTagger().hasDocumentPass);
  });

  it('train:ner reads the word clusters the shipped model carries (data/lexicons/word-clusters.tsv): a retrain does not redraw them', () => {
    const committed = committedClusters();
    const shipped = readTaggerFile(readFileSync(SHIPPED_MODEL_PATH)).lex.clusters;
    assert.ok(committed.size > 10_000);
    assert.equal(committed.size, shipped.size);
    for (const [word, bits] of committed) assert.equal(shipped.get(word), bits, word);
    // comment lines (no tab) are skipped; a word that starts with '#' is a word
    assert.deepEqual([...readClusters('# built by x\n#\t0101\nthe\t11\n')], [['#', '0101'], ['the', '11']]);
  });

  it('TRIANGULATE_NER_MODEL points the loader at another tagger file (a retrain measured downstream)', () => {
    const modelTs = join(import.meta.dirname, '../../src/analyse/entities/model.ts');
    const code = `const m = await import(${JSON.stringify(modelTs)}); console.log(m.DEFAULT_MODEL_PATH); try { m.loadTagger(); } catch (e) { console.log(e.code); }`;
    const run = (env: NodeJS.ProcessEnv) =>
      execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { env, encoding: 'utf8' }).trim().split('\n');
    const missing = join(import.meta.dirname, 'no-such-tagger.bin');
    assert.deepEqual(run({ ...process.env, TRIANGULATE_NER_MODEL: missing }), [missing, 'ENOENT']);
    const { TRIANGULATE_NER_MODEL: _unset, ...rest } = process.env;
    assert.deepEqual(run(rest), [DEFAULT_MODEL_PATH]);
  });
});

describe('WordCache', () => {
  it('keeps at most two generations and keeps the words in use', () => {
    const cache = new WordCache<number>(3);
    for (let i = 0; i < 100; i++) {
      cache.set(`once${i}`, i);
      assert.equal(cache.get('common') ?? (cache.set('common', -1), -1), -1);
      assert.ok(cache.size <= 6);
    }
    assert.equal(cache.get('once99'), 99);
    assert.equal(cache.get('once0'), undefined);
  });
});

function prefixed(p: string, o: object): Record<string, never> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [`${p}.${k}`, v])) as Record<string, never>;
}
function unprefixed(p: string, o: Record<string, unknown>): never {
  return Object.fromEntries(Object.entries(o).filter(([k]) => k.startsWith(`${p}.`)).map(([k, v]) => [k.slice(p.length + 1), v])) as never;
}

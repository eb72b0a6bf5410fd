/** `triangulate parse`: text, JSON and CoNLL-U output of a real seed article, offsets into the clean text. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { main, type Io } from '../../src/cli/main.js';
import { SEEDS, seedFile } from '../helpers.js';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const io: Io = { stdout: (s) => (out += s), stderr: (s) => (err += s) };
  const code = await main(args, io);
  return { code, out, err };
}

describe('triangulate parse', () => {
  const file = SEEDS + seedFile('003');

  it('prints CoNLL-U with one tree per sentence and character ranges', async () => {
    const { code, out } = await run(['parse', file, '--format', 'conllu']);
    assert.equal(code, 0);
    const blocks = out.trim().split('\n\n');
    assert.ok(blocks.length > 5);
    for (const b of blocks) {
      const words = b.split('\n').filter((l) => /^\d/.test(l)).map((l) => l.split('\t'));
      assert.ok(words.length > 0);
      assert.equal(words.filter((w) => w[6] === '0').length, 1, 'one root');
      for (const w of words) {
        assert.equal(w.length, 10);
        assert.ok(Number(w[6]) >= 0 && Number(w[6]) <= words.length);
        assert.match(w[9], /^TokenRange=\d+:\d+$/);
      }
    }
  });

  it('JSON words carry spans into the clean text, and the text format names each head', async () => {
    const json = await run(['parse', file, '--format', 'json']);
    const doc = JSON.parse(json.out) as { sentences: { text: string; start: number; words: { text: string; start: number; end: number; head: number }[] }[] };
    for (const s of doc.sentences) for (const w of s.words) assert.equal(s.text.slice(w.start - s.start, w.end - s.start), w.text);
    const text = await run(['parse', file]);
    assert.match(text.out, /signed\s+VERB\s+VBD\s+sign\s/);
  });

  it('a bad --format is a usage error', async () => {
    assert.equal((await run(['parse', file, '--format', 'xml'])).code, 1);
  });
});

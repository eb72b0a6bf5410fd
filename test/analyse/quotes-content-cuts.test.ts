import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bestCut, type ContentCutsModel, contentCuts, readContentCutsFile, writeContentCutsFile } from '../../src/analyse/quotes/content-cuts.js';
import { endQuestion } from '../../src/analyse/quotes/content-ends.js';
import { childrenOf } from '../../src/analyse/syntax/helpers.js';
import { parseSentences } from '../../src/analyse/syntax/index.js';
import { splitSentences } from '../../src/analyse/tokenize.js';
import type { Span } from '../../src/model/types.js';

const parse = (text: string) => parseSentences(text, splitSentences(text)).tokens;
const spanOf = (text: string, s: string): Span => {
  const at = text.indexOf(s);
  assert.ok(at >= 0, s);
  return { start: at, end: at + s.length };
};
const indexOf = (tokens: { start: number }[], text: string, word: string) => tokens.findIndex((t) => t.start === text.indexOf(word));

/** A model that weighs the features only cut `k` of `feats` has. */
function favouring(feats: number[][], k: number, weight = 1000): ContentCutsModel {
  const others = new Set(feats.flatMap((fs, j) => (j === k ? [] : fs.map((f) => f >>> 0))));
  const keys = [...new Set(feats[k].map((f) => f >>> 0))].filter((f) => !others.has(f)).sort((a, b) => a - b);
  return { keys: Uint32Array.from(keys), weights: new Float32Array(keys.length).fill(weight), meta: {} };
}

const TEXT = 'The harbour master said the new pier would open in spring, after a long delay over its cost. Nobody answered.';

describe('content cuts (quotes/content-cuts.ts)', () => {
  const tokens = parse(TEXT);
  const kids = childrenOf(tokens);
  const cue = indexOf(tokens, TEXT, 'said');
  const qn = endQuestion(tokens, spanOf(TEXT, 'the new pier would open in spring, after a long delay over its cost'), cue)!;

  it('offers a cut at the comma after a word, each cut ending on a word of the content', () => {
    const cuts = contentCuts(tokens, kids, qn);
    const lasts = cuts.map((c) => tokens[c.last].text);
    assert.ok(lasts.includes('spring'), lasts.join(' '));
    for (const c of cuts) {
      assert.ok(c.last >= qn.first && c.last < qn.current);
      assert.ok(/\p{L}/u.test(tokens[c.last].text));
      assert.ok(c.feats.length > 10 && c.feats.every((f) => Number.isInteger(f)));
    }
    // deterministic
    assert.deepEqual(contentCuts(tokens, kids, qn), cuts);
  });

  it('cuts where the model ranks a cut above keeping the content, and keeps it otherwise', () => {
    const cuts = contentCuts(tokens, kids, qn);
    const k = cuts.findIndex((c) => tokens[c.last].text === 'spring');
    assert.equal(tokens[bestCut(favouring(cuts.map((c) => c.feats), k), tokens, kids, qn, 4)].text, 'spring');
    // a cut that does not beat the keep bonus leaves the content as it was
    assert.equal(bestCut(favouring(cuts.map((c) => c.feats), k, 0.001), tokens, kids, qn, 4), qn.current);
    const empty: ContentCutsModel = { keys: new Uint32Array(0), weights: new Float32Array(0), meta: {} };
    assert.equal(bestCut(empty, tokens, kids, qn, 0), qn.current);
  });

  it('round-trips its model file', () => {
    const m = favouring(contentCuts(tokens, kids, qn).map((c) => c.feats), 0);
    const back = readContentCutsFile(writeContentCutsFile({ ...m, meta: { seed: 1 } }));
    assert.deepEqual([...back.keys], [...m.keys]);
    assert.deepEqual([...back.weights], [...m.weights]);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bestCut, type ContentCutsModel, contentCuts, readContentCutsFile, writeContentCutsFile } from '../../src/analyse/quotes/content-cuts.js';
import { endQuestion } from '../../src/analyse/quotes/content-ends.js';
import { scoreOf } from '../../src/analyse/learn/sparse-weights.js';
import { childrenOf } from '../../src/analyse/syntax/helpers.js';
import { parseText, spanOf, tokenIndexOf } from '../helpers.js';

const parse = parseText;
const indexOf = tokenIndexOf;

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

  it('ranks as the scores of contentCuts rank, whatever the weights (the cue feature asked for only when a cut can win)', () => {
    const texts = [
      TEXT,
      'Officials said on Monday that the bridge, which opened in 1932, would close for repairs next year; drivers should expect delays, they warned, because the detour runs through town.',
      'The minister told reporters the plan was sound - though critics, who met him later, called it reckless - and that work would start soon after the vote in parliament.',
    ];
    let seed = 7;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296) * 20 - 10;
    let compared = 0;
    for (const text of texts) {
      const toks = parse(text);
      const ks = childrenOf(toks);
      for (let cue = 0; cue < toks.length; cue++) {
        if (toks[cue].upos !== 'VERB') continue;
        const start = cue + 1 < toks.length ? toks[cue + 1].start : -1;
        const end = toks[toks.length - 2].end;
        const q = start >= 0 && start < end ? endQuestion(toks, { start, end }, cue, (j) => (toks[j].upos === 'VERB' ? (j % 7) * 5 - 15 : null)) : null;
        if (!q) continue;
        const cuts = contentCuts(toks, ks, q);
        const keys = [...new Set(cuts.flatMap((c) => c.feats.map((f) => f >>> 0)))].sort((a, b) => a - b);
        for (let trial = 0; trial < 20; trial++) {
          const m: ContentCutsModel = { keys: Uint32Array.from(keys), weights: Float32Array.from(keys, () => rand()), meta: {} };
          for (const bonus of [-20, 0, 8]) {
            let want: number = q.current;
            let top = bonus;
            for (const c of cuts) {
              const sc = scoreOf(m, c.feats);
              if (sc > top) [top, want] = [sc, c.last];
            }
            while (want < q.current && /^[”’"»]$/.test(toks[want + 1].text)) want++;
            assert.equal(bestCut(m, toks, ks, q, bonus), want);
            compared++;
          }
        }
      }
    }
    assert.ok(compared > 100, String(compared));
  });

  it('round-trips its model file', () => {
    const m = favouring(contentCuts(tokens, kids, qn).map((c) => c.feats), 0);
    const back = readContentCutsFile(writeContentCutsFile({ ...m, meta: { seed: 1 } }));
    assert.deepEqual([...back.keys], [...m.keys]);
    assert.deepEqual([...back.weights], [...m.weights]);
  });
});

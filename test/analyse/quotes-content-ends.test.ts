import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bestEnd, type ContentEndsModel, crossings, endCandidates, endQuestion, loadContentEnds, readContentEndsFile, writeContentEndsFile } from '../../src/analyse/quotes/content-ends.js';
import { childrenOf } from '../../src/analyse/syntax/helpers.js';
import { parseText, spanOf, tokenIndexOf } from '../helpers.js';

const parse = parseText;
const indexOf = tokenIndexOf;

/** A model that weighs the features only candidate `k` of `feats` has. */
function favouring(feats: number[][], k: number): ContentEndsModel {
  const others = new Set(feats.flatMap((fs, j) => (j === k ? [] : fs.map((f) => f >>> 0))));
  const keys = [...new Set(feats[k].map((f) => f >>> 0))].filter((f) => !others.has(f)).sort((a, b) => a - b);
  return { keys: Uint32Array.from(keys), weights: new Float32Array(keys.length).fill(1000), meta: {} };
}

const TEXT = 'The harbour master said the new pier would open in spring, after a long delay over its cost. Nobody answered.';

describe('content-end ranker (quotes/content-ends.ts)', () => {
  const tokens = parse(TEXT);
  const kids = childrenOf(tokens);
  const cue = indexOf(tokens, TEXT, 'said');

  it('asks about indirect content after its cue within the cue sentence only', () => {
    const qn = endQuestion(tokens, spanOf(TEXT, 'the new pier would open in spring'), cue);
    assert.ok(qn);
    assert.equal(tokens[qn.first].text, 'the');
    assert.equal(tokens[qn.current].text, 'spring');
    assert.equal(tokens[qn.last].sentence, tokens[cue].sentence);
    assert.equal(tokens[qn.last + 1].sentence, tokens[cue].sentence + 1);
    // content before its cue, and content that runs into the next sentence, are left alone
    assert.equal(endQuestion(tokens, spanOf(TEXT, 'The harbour master'), cue), null);
    assert.equal(endQuestion(tokens, spanOf(TEXT, 'its cost. Nobody answered'), cue), null);
    assert.equal(endQuestion(tokens, spanOf(TEXT, 'the new pier'), -1), null);
  });

  it('offers every word from the content start to the sentence end, each with its features', () => {
    const qn = endQuestion(tokens, spanOf(TEXT, 'the new pier would open in spring'), cue)!;
    const { ends, feats } = endCandidates(tokens, kids, qn);
    assert.deepEqual(
      ends.map((e) => tokens[e].text),
      ['the', 'new', 'pier', 'would', 'open', 'in', 'spring', 'after', 'a', 'long', 'delay', 'over', 'its', 'cost'],
    );
    assert.equal(feats.length, ends.length);
    for (const fs of feats) assert.ok(fs.length > 10 && fs.every((f) => Number.isInteger(f)));
    // the same question gives the same features (deterministic)
    assert.deepEqual(endCandidates(tokens, kids, qn).feats, feats);
    // asked from a later end (as bestEnd asks from the current one), the later candidates keep their features
    const from = endCandidates(tokens, kids, qn, qn.current);
    assert.deepEqual(from.ends, ends.slice(ends.indexOf(qn.current)));
    assert.deepEqual(from.feats, feats.slice(ends.indexOf(qn.current)));
  });

  it('keeps the end with no evidence, extends it when the model prefers a later end, and never moves it earlier', () => {
    const qn = endQuestion(tokens, spanOf(TEXT, 'the new pier would open in spring'), cue)!;
    const { ends, feats } = endCandidates(tokens, kids, qn);
    const empty: ContentEndsModel = { keys: new Uint32Array(0), weights: new Float32Array(0), meta: {} };
    assert.equal(bestEnd(empty, tokens, kids, qn), qn.current);
    assert.equal(tokens[bestEnd(favouring(feats, ends.length - 1), tokens, kids, qn)].text, 'cost');
    assert.equal(bestEnd(favouring(feats, 1), tokens, kids, qn), qn.current);
  });

  it("reads the cue classifier's scores of the verbs a candidate takes in or leaves out", () => {
    const text = 'The mayor said the bridge would close in May, and the engineers warned that it was unsafe.';
    const t = parse(text);
    const k = childrenOf(t);
    const said = indexOf(t, text, 'said');
    const warned = indexOf(t, text, 'warned');
    const span = spanOf(text, 'the bridge would close in May');
    const plain = endQuestion(t, span, said)!;
    // a scorer that takes "warned" for a cue, and one that asks about nothing: only the candidates past "warned" differ
    const sure = endQuestion(t, span, said, (j) => (j === warned ? 20 : null))!;
    const none = endQuestion(t, span, said, () => null)!;
    const a = endCandidates(t, k, plain).feats;
    assert.deepEqual(endCandidates(t, k, none).feats, a);
    const b = endCandidates(t, k, sure).feats;
    const ends = endCandidates(t, k, plain).ends;
    ends.forEach((e, x) => {
      if (e < warned) assert.deepEqual(b[x], a[x], t[e].text);
      else assert.notDeepEqual(b[x], a[x], t[e].text);
    });
  });

  it('reads back the file it writes, byte for byte, and refuses a damaged one', () => {
    const m: ContentEndsModel = { keys: Uint32Array.from([3, 9, 4000000000]), weights: Float32Array.from([0.5, -2, 7]), meta: { data: 'test' } };
    const file = writeContentEndsFile(m);
    const back = readContentEndsFile(file);
    assert.deepEqual([...back.keys], [...m.keys]);
    assert.deepEqual([...back.weights], [...m.weights]);
    assert.deepEqual(writeContentEndsFile(back), file);
    assert.throws(() => readContentEndsFile(Buffer.from('ATRF0000')));
    assert.throws(() => readContentEndsFile(writeContentEndsFile({ ...m, keys: Uint32Array.from([9, 3, 4]) })));
    assert.throws(() => readContentEndsFile(file.subarray(0, file.length - 8)));
    assert.equal(loadContentEnds('/nonexistent/content-ends.bin'), null);
  });

  it('bears a sentence of 600 words without running away', () => {
    const long = `The clerk said ${Array.from({ length: 600 }, (_, i) => `word${i}`).join(' ')} today.`;
    const t = parse(long);
    const qn = endQuestion(t, { start: long.indexOf('word0'), end: long.indexOf('word5 ') + 5 }, 2);
    assert.ok(qn);
    const { ends } = endCandidates(t, childrenOf(t), qn);
    assert.ok(ends.length <= 120 && ends[0] === qn.first);
    const end = bestEnd({ keys: new Uint32Array(0), weights: new Float32Array(0), meta: {} }, t, childrenOf(t), qn);
    assert.equal(end, qn.current);
  });

  it('counts the dependencies each end cuts as a count per end would (crossings), also past MAX_SPAN tokens', () => {
    const long = `The mayor said ${Array.from({ length: 70 }, (_, i) => `the ${i % 2 ? 'old' : 'new'} road, which the town built in ${1900 + i},`).join(' ')} would close. Nobody answered.`;
    for (const text of [TEXT, 'Officials said on Monday that the bridge, which opened in 1932, would close for repairs next year; drivers should expect delays, they warned.', long]) {
      const toks = parse(text);
      const said = indexOf(toks, text, 'said');
      let s1 = said;
      while (s1 + 1 < toks.length && toks[s1 + 1].sentence === toks[said].sentence) s1++;
      const P = (i: number) => !/[\p{L}\p{N}]/u.test(toks[i].text) || toks[i].upos === 'PUNCT';
      for (const a of [said + 1, said + 3]) {
        const last = Math.min(s1, a + 119);
        const { out, inn } = crossings(toks, P, a, last, s1);
        for (let e = a; e <= last; e++) {
          let o = 0;
          for (let i = a; i <= e; i++) if (!P(i) && toks[i].head > e && toks[i].head <= s1) o++;
          let n = 0;
          for (let i = e + 1; i <= s1 && i <= e + 120; i++) if (!P(i) && toks[i].head >= a && toks[i].head <= e) n++;
          assert.equal(out[e - a], o, `out at ${e}`);
          assert.equal(inn[e - a], n, `inn at ${e}`);
        }
      }
      if (text === long) assert.ok(s1 - said > 240, String(s1 - said));
    }
  });
});

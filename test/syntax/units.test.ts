/** Units of the syntax layer that need no trained model: CoNLL-U, lemma scripts, UD sub-tokens, the oracle, the second tagging pass. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { readConllu } from '../../src/analyse/syntax/conllu.js';
import { applyScript, editScript, learnLemmatiser, lemmatise } from '../../src/analyse/syntax/lemma.js';
import { Oracle, projectivise } from '../../src/analyse/syntax/oracle.js';
import { MOVES, ParseState } from '../../src/analyse/syntax/state.js';
import { strHash } from '../../src/analyse/syntax/hash.js';
import type { Scorer } from '../../src/analyse/syntax/perceptron.js';
import { udTokens } from '../../src/analyse/syntax/subtokens.js';
import { contextFeatures, TAGGER_FEATURES, tagFeatures, tagSentence, wordFeatures } from '../../src/analyse/syntax/tagger.js';
import { wordAtoms } from '../../src/analyse/syntax/words.js';
import { tokenize } from '../../src/analyse/tokenize.js';

const TRAIN = new URL('../../../shared/data/syntax/ud-english-ewt/en_ewt-ud-train.conllu', import.meta.url);

describe('CoNLL-U', () => {
  it('skips multiword ranges and empty nodes, keeps syntactic words', () => {
    const text = ['# sent_id = a', '1-2\tdon\'t\t_\t_\t_\t_\t_\t_\t_\t_', "1\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_", "2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_", '2.1\tx\tx\tX\tX\t_\t_\t_\t_\t_', '3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_', ''].join('\n');
    const [s] = readConllu(text);
    assert.equal(s.id, 'a');
    assert.deepEqual(s.words.map((w) => w.form), ['do', "n't", 'go']);
    assert.deepEqual(s.words.map((w) => w.head), [3, 3, 0]);
  });
});

describe('lemmatiser', () => {
  it('edit scripts carry suffix changes and case', () => {
    assert.equal(editScript('studies', 'study'), 'K3:y');
    assert.equal(applyScript('Ladies', 'K3:y'), 'Lady');
    assert.equal(editScript('The', 'the'), 'L0:');
    assert.equal(applyScript('The', 'L0:'), 'the');
  });
  it('learns rules that generalise to unseen words, and irregular exceptions', () => {
    const words = readConllu(readFileSync(TRAIN, 'utf8'))
      .slice(0, 3000)
      .flatMap((s) => s.words.map((w) => ({ form: w.form, tag: `${w.upos}|${w.xpos}`, lemma: w.lemma })));
    const m = learnLemmatiser(words);
    // a made-up regular plural and past tense: only the suffix rules can produce these
    assert.equal(lemmatise(m, 'blorfings', 'NOUN|NNS'), 'blorfing');
    assert.equal(lemmatise(m, 'zanked', 'VERB|VBD'), 'zank');
    assert.equal(lemmatise(m, 'went', 'VERB|VBD'), 'go');
    assert.equal(lemmatise(m, 'was', 'AUX|VBD'), 'be');
  });
});

describe('UD sub-tokenisation of our tokens', () => {
  it('splits clitics as UD does and keeps character spans on the text', () => {
    const text = 'They don’t know, I’m sure it can’t last; we cannot wait and we’re gonna see.';
    const words = udTokens(tokenize(text));
    const forms = words.map((w) => w.form);
    assert.deepEqual(forms.slice(0, 4), ['They', 'do', "n't", 'know']);
    assert.ok(forms.includes("'m") && forms.includes('ca') && forms.includes('can') && forms.includes('not') && forms.includes("'re") && forms.includes('gon') && forms.includes('na'));
    for (const w of words) assert.equal(text.slice(w.start, w.end), w.text);
  });
});

describe('arc-hybrid dynamic oracle', () => {
  it('following zero-cost moves rebuilds every projectivised training tree exactly', () => {
    const sents = readConllu(readFileSync(TRAIN, 'utf8')).slice(0, 800);
    const valid = new Uint8Array(MOVES);
    const costs = new Int32Array(MOVES);
    let lifted = 0;
    for (const s of sents) {
      const gold = Int32Array.from([0, ...s.words.map((w) => w.head)]);
      lifted += projectivise(gold) ? 1 : 0;
      const st = new ParseState(s.words.length);
      const oracle = new Oracle(gold);
      while (!st.done()) {
        st.valid(valid);
        oracle.costs(st, costs);
        let mv = -1;
        for (let m = 0; m < MOVES; m++) if (valid[m] && (mv < 0 || costs[m] < costs[mv])) mv = m;
        assert.equal(costs[mv], 0, `a zero-cost move exists (${s.id})`);
        const popped = st.apply(mv, 0);
        oracle.sync(st, mv, popped);
      }
      assert.deepEqual([...st.heads.subarray(1, s.words.length + 1)], [...gold.subarray(1)], s.id);
    }
    assert.ok(lifted > 0, 'some trees needed lifting');
  });
});

describe('second tagging pass', () => {
  // Two made-up classes: the first tagger prefers class 0 by a margin of 2, the second class 1.
  const scorer = (a: number, b: number): Scorer => ({ classes: 2, score: (_f, _n, out) => { out[0] += a; out[1] += b; } });
  const first = { tags: ['X|A', 'X|B'], weights: scorer(5, 3), tagDict: new Map([[strHash('the'), 1]]) };
  const atoms = wordAtoms(['the', 'blorf', 'zank']);
  it('the first pass writes each word\'s margin (Infinity for words of the tag dictionary)', () => {
    const margins = new Float32Array(3);
    assert.deepEqual([...tagSentence(first, atoms, undefined, margins)], [1, 0, 0]);
    assert.deepEqual([...margins], [Infinity, 2, 2]);
  });
  it('the second pass leaves alone the words the first was sure of, and revises the others', () => {
    const margins = new Float32Array(3);
    const tags = tagSentence(first, atoms, undefined, margins);
    const second = { ...first, weights: scorer(0, 9) };
    assert.deepEqual([...tagSentence({ ...second, sure: 2 }, atoms, tags, margins)], [1, 0, 0]);
    assert.deepEqual([...tagSentence({ ...second, sure: 2.5 }, atoms, tags, margins)], [1, 1, 1]);
    assert.deepEqual([...tagSentence({ ...second, sure: 2 }, atoms, tags)], [1, 1, 1], 'without margins every word is revised');
  });
});

describe('per-word-type sums of the tagger', () => {
  const atoms = wordAtoms(['Officials', 'said', 'the', 'blorf', 'rose', '12', '%', '.']);
  const first = Int32Array.from([3, 1, 4, 1, 5, 9, 2, 6]);
  it('the word templates and the context templates are together exactly the full template set', () => {
    for (const withFirst of [undefined, first])
      for (let i = 0; i < atoms.n; i++) {
        const full = new Uint32Array(TAGGER_FEATURES);
        const part = new Uint32Array(TAGGER_FEATURES);
        const n = tagFeatures(atoms, i, 7, 8, full, withFirst);
        const w = wordFeatures(atoms, i, part);
        const c = contextFeatures(atoms, i, 7, 8, part.subarray(w), withFirst);
        assert.equal(w + c, n);
        assert.deepEqual([...part.subarray(0, n)].sort(), [...full.subarray(0, n)].sort());
      }
  });
});

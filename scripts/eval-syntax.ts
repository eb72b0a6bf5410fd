/**
 * Evaluates the shipped syntax model on a CoNLL-U file with gold tokenisation, with the CoNLL 2018
 * shared-task definitions: UPOS/XPOS/lemma accuracy over all words, UAS and LAS over all words
 * (punctuation included), LAS comparing only the universal part of the relation (before ':').
 *   npm run eval:syntax -- [file] [--model FILE]
 * Speed is tokens/s of tag + parse on one core (lemmas excluded, then included), after warm-up.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readConllu } from '../src/analyse/syntax/conllu.js';
import { MODEL_PATH, readSyntaxModel } from '../src/analyse/syntax/model-file.js';
import { analyseWords } from '../src/analyse/syntax/words-analysis.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { model: { type: 'string' } } });
const file = positionals[0] ?? '../shared/data/syntax/ud-english-ewt/en_ewt-ud-dev.conllu';
const t0 = performance.now();
const model = readSyntaxModel(readFileSync(values.model ?? MODEL_PATH()));
const loadMs = performance.now() - t0;
const sentences = readConllu(readFileSync(file, 'utf8'));
const forms = sentences.map((s) => s.words.map((w) => w.form));
const tokens = forms.reduce((a, f) => a + f.length, 0);

const universal = (r: string) => r.split(':')[0];
let upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0, lasFull = 0;
sentences.forEach((s, i) => {
  const out = analyseWords(model, forms[i]);
  s.words.forEach((g, j) => {
    const p = out[j];
    if (p.upos === g.upos) upos++;
    if (p.xpos === g.xpos) xpos++;
    if (p.lemma === g.lemma) lemma++;
    if (p.head === g.head) {
      uas++;
      if (universal(p.deprel) === universal(g.deprel)) las++;
      if (p.deprel === g.deprel) lasFull++;
    }
  });
});

/** Median tokens/s over `rounds` passes. */
function speed(lemmas: boolean, rounds = 3): number {
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    for (const f of forms) analyseWords(model, f, { lemmas });
    rates.push(tokens / ((performance.now() - t) / 1000));
  }
  return rates.sort((a, b) => a - b)[Math.floor(rounds / 2)];
}
const tps = speed(false);
const tpsLemma = speed(true);
const r4 = (x: number) => Math.round(x * 10000) / 10000;
const rows: [string, string][] = [
  ['file', file],
  ['sentences / words', `${sentences.length} / ${tokens}`],
  ['UPOS', (upos / tokens).toFixed(4)],
  ['XPOS', (xpos / tokens).toFixed(4)],
  ['lemma', (lemma / tokens).toFixed(4)],
  ['UAS', (uas / tokens).toFixed(4)],
  ['LAS (universal relation)', (las / tokens).toFixed(4)],
  ['LAS (full relation with subtype)', (lasFull / tokens).toFixed(4)],
  ['tokens/s tag+parse (median of 3)', tps.toFixed(0)],
  ['tokens/s tag+parse+lemma', tpsLemma.toFixed(0)],
  ['model load (ms)', loadMs.toFixed(0)],
];
const w = Math.max(...rows.map((r) => r[0].length));
for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
console.log(JSON.stringify({ upos: r4(upos / tokens), xpos: r4(xpos / tokens), lemma: r4(lemma / tokens), uas: r4(uas / tokens), las: r4(las / tokens), tokensPerSecond: Math.round(tps), loadMs: Math.round(loadMs) }));

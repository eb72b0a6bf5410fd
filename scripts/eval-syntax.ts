/**
 * Evaluates the shipped syntax model on a CoNLL-U file with gold tokenisation, with the CoNLL 2018
 * shared-task definitions: UPOS/XPOS/lemma accuracy over all words, UAS and LAS over all words
 * (punctuation included), LAS comparing only the universal part of the relation (before ':').
 *   npm run eval:syntax -- [file] [--model FILE]
 * Speed is tokens per CPU-second of tag + parse on one thread (lemmas excluded, then included).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
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

// What one would get without a trained parser: each word's most frequent tag in train (UPOS),
// and attaching every word to the next one / previous one (UAS).
function baselines() {
  const train = readConllu(readFileSync(file.replace(/-(dev|test)\.conllu$/, '-train.conllu'), 'utf8'));
  const counts = new Map<string, Map<string, number>>();
  for (const s of train) for (const w of s.words) {
    let c = counts.get(w.form);
    if (!c) counts.set(w.form, (c = new Map()));
    c.set(w.upos, (c.get(w.upos) ?? 0) + 1);
  }
  const best = (form: string) => [...(counts.get(form) ?? new Map([['NOUN', 1]]))].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
  let tag = 0, next = 0, prev = 0;
  for (const s of sentences) s.words.forEach((w, j) => {
    if (best(w.form) === w.upos) tag++;
    if (w.head === (j + 2 > s.words.length ? 0 : j + 2)) next++;
    if (w.head === j) prev++;
  });
  return { upos: tag / tokens, uasNext: next / tokens, uasPrev: prev / tokens };
}

/**
 * Median tokens per second over `rounds` passes, of CPU time of this process (one thread): on a
 * shared machine wall time measures the other processes; both are printed.
 */
function speed(lemmas: boolean, rounds = 3): { cpu: number; wall: number } {
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    const c = process.cpuUsage();
    for (const f of forms) analyseWords(model, f, { lemmas });
    const d = process.cpuUsage(c);
    cpu.push(tokens / ((d.user + d.system) / 1e6));
    wall.push(tokens / ((performance.now() - t) / 1000));
  }
  const med = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(rounds / 2)];
  return { cpu: med(cpu), wall: med(wall) };
}
const speedParse = speed(false);
const speedLemma = speed(true);
const tps = speedParse.cpu;
const tpsLemma = speedLemma.cpu;
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
  ['tokens/s tag+parse, CPU time (median of 3)', tps.toFixed(0)],
  ['tokens/s tag+parse+lemma, CPU time', tpsLemma.toFixed(0)],
  ['tokens/s tag+parse, wall clock (shared machine)', speedParse.wall.toFixed(0)],
  ['model load (ms)', loadMs.toFixed(0)],
];
const base = baselines();
rows.push(
  ['baseline UPOS: most frequent tag of the word in train', base.upos.toFixed(4)],
  ['baseline UAS: attach to next word / previous word', `${base.uasNext.toFixed(4)} / ${base.uasPrev.toFixed(4)}`],
  ['reference (issue 14): UDPipe 1.2 LAS, gold tokens', '≈ 0.80'],
);
const w = Math.max(...rows.map((r) => r[0].length));
for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
const result = { upos: r4(upos / tokens), xpos: r4(xpos / tokens), lemma: r4(lemma / tokens), uas: r4(uas / tokens), las: r4(las / tokens), tokensPerSecond: Math.round(tps), loadMs: Math.round(loadMs) };
mkdirSync('bench/results', { recursive: true });
writeFileSync(`bench/results/syntax-${basename(file, '.conllu')}.json`, JSON.stringify({ file, ...result, lasFull: r4(lasFull / tokens), tokensPerSecondWithLemmas: Math.round(tpsLemma), baselines: base }, null, 2) + '\n');
console.log(JSON.stringify({ upos: r4(upos / tokens), xpos: r4(xpos / tokens), lemma: r4(lemma / tokens), uas: r4(uas / tokens), las: r4(las / tokens), tokensPerSecond: Math.round(tps), loadMs: Math.round(loadMs) }));

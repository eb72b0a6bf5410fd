/**
 * Evaluates the shipped syntax model on a CoNLL-U file with gold tokenisation, with the CoNLL 2018
 * shared-task definitions: UPOS/XPOS/lemma accuracy over all words, UAS and LAS over all words
 * (punctuation included), LAS comparing only the universal part of the relation (before ':').
 *   npm run eval:syntax -- [file] [--model FILE]
 * Speed is tokens per CPU-second of tag + parse on one thread (lemmas excluded, then included).
 * Clause relations are scored on their own (scripts/clause-scores.ts): per relation recall and
 * precision, and the clause LAS.
 *   --heldout: score the held-out slice of train (every 20th sentence, as train-syntax holds out)
 *   --errors N: print the clause errors by kind, and N of them spread over the file (gold and predicted head and relation)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { readConllu } from '../src/analyse/syntax/conllu.js';
import { MODEL_PATH, readSyntaxModel } from '../src/analyse/syntax/model-file.js';
import { analyseWords, type WordAnalysis } from '../src/analyse/syntax/words-analysis.js';
import { ClauseScores, clauseErrorKind, isClauseWord } from './clause-scores.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { model: { type: 'string' }, heldout: { type: 'boolean', default: false }, errors: { type: 'string', default: '0' } },
});
const TRAIN = '../shared/data/syntax/ud-english-ewt/en_ewt-ud-train.conllu';
const file = positionals[0] ?? (values.heldout ? TRAIN : '../shared/data/syntax/ud-english-ewt/en_ewt-ud-dev.conllu');
const t0 = performance.now();
const model = readSyntaxModel(readFileSync(values.model ?? MODEL_PATH()));
const loadMs = performance.now() - t0;
const sentences = readConllu(readFileSync(file, 'utf8')).filter((_, i) => !values.heldout || i % 20 === 19);
const forms = sentences.map((s) => s.words.map((w) => w.form));
const tokens = forms.reduce((a, f) => a + f.length, 0);

const universal = (r: string) => r.split(':')[0];
let upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0, lasFull = 0;
const clauses = new ClauseScores();
const errors: string[] = [];
const errorKinds = new Map<string, number>();
/** Gold → predicted relation of the clause errors with the right head. */
const confusions = new Map<string, number>();
sentences.forEach((s, i) => {
  const out = analyseWords(model, forms[i]);
  clauses.add(s.words, out);
  errors.push(...clauseErrors(s.words, out, forms[i], errorKinds));
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

/** One line per clause-relation word whose head or relation is wrong: the sentence with the word marked. */
function clauseErrors(gold: readonly { head: number; deprel: string; upos: string }[], out: readonly WordAnalysis[], words: readonly string[], kinds: Map<string, number>): string[] {
  const at = (h: number) => (h === 0 ? 'ROOT' : `${words[h - 1]}#${h}`);
  const lines: string[] = [];
  gold.forEach((g, j) => {
    const p = out[j];
    if (!isClauseWord(gold, out, j)) return;
    if (g.head === p.head && universal(g.deprel) === universal(p.deprel)) return;
    const kind = clauseErrorKind(gold, out, j);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    if (g.head === p.head) confusions.set(`${universal(g.deprel)}→${universal(p.deprel)}`, (confusions.get(`${universal(g.deprel)}→${universal(p.deprel)}`) ?? 0) + 1);
    const text = words.map((w, k) => (k === j ? `[${w}]` : w)).join(' ');
    lines.push(`${words[j]}#${j + 1}  gold ${g.deprel} <- ${at(g.head)}  pred ${p.deprel} <- ${at(p.head)}  | ${text}`);
  });
  return lines;
}

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
rows.push(['clause LAS (words of a clause relation, gold or predicted)', `${clauses.clauseLas.toFixed(4)} (${clauses.clauseWords} words)`]);
for (const r of clauses.rows()) rows.push([`  ${r.relation}: recall / precision / F1 (gold ${r.gold})`, `${r.recall.toFixed(4)} / ${r.precision.toFixed(4)} / ${r.f1.toFixed(4)}`]);
// The held-out slice is part of train: the baselines (learned from train) would be flattered.
const base = values.heldout ? undefined : baselines();
if (base) rows.push(
  ['baseline UPOS: most frequent tag of the word in train', base.upos.toFixed(4)],
  ['baseline UAS: attach to next word / previous word', `${base.uasNext.toFixed(4)} / ${base.uasPrev.toFixed(4)}`],
  ['reference (issue 14): UDPipe 1.2 LAS, gold tokens', '≈ 0.80'],
);
const w = Math.max(...rows.map((r) => r[0].length));
for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
const sample = Number(values.errors);
if (sample > 0) {
  console.log(`\n${errors.length} clause errors by kind:`);
  for (const [k, v] of [...errorKinds].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) console.log(`${String(v).padStart(5)}  ${((100 * v) / errors.length).toFixed(1).padStart(5)} %  ${k}`);
  const byCount = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  console.log(`  right head, wrong relation: ${byCount(confusions).slice(0, 8).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`\n${sample} of ${errors.length} clause errors, evenly spaced:`);
  for (let k = 0; k < Math.min(sample, errors.length); k++) console.log(errors[Math.floor((k * errors.length) / Math.min(sample, errors.length))]);
}
const relations = Object.fromEntries(clauses.rows().map((r) => [r.relation, { recall: r.recall, precision: r.precision }]));
const result = { upos: r4(upos / tokens), xpos: r4(xpos / tokens), lemma: r4(lemma / tokens), uas: r4(uas / tokens), las: r4(las / tokens), clauseLas: r4(clauses.clauseLas), tokensPerSecond: Math.round(tps), loadMs: Math.round(loadMs) };
mkdirSync('bench/results', { recursive: true });
const name = `${basename(file, '.conllu')}${values.heldout ? '-heldout' : ''}`;
writeFileSync(`bench/results/syntax-${name}.json`, JSON.stringify({ file, heldOutSlice: values.heldout, ...result, lasFull: r4(lasFull / tokens), tokensPerSecondWithLemmas: Math.round(tpsLemma), clauseRelations: relations, baselines: base }, null, 2) + '\n');
console.log(JSON.stringify({ ...result, clauseRelations: relations }));

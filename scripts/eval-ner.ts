/**
 * Evaluates the entity tagger on a CoNLL file, entity-level as conlleval computes it.
 *
 *   npm run eval:ner -- [file] [--model models/ner.bin.gz] [--repeats 5]
 *
 * Prints model load time, per-type and overall precision/recall/F1, tagging throughput
 * (tokens/s on one core, median of repeats), and ends with one JSON line.
 */
import { join } from 'node:path';
import { readConll } from '../src/analyse/entities/conll.js';
import { scoreConll } from '../src/analyse/entities/conll.js';
import { DEFAULT_MODEL_PATH, deserializeModel, Tagger } from '../src/analyse/entities/model.js';
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : def;
};
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
const FILE = positional[0] ?? join(import.meta.dirname, '../../shared/data/ner/conll2003/eng.testa');
const MODEL = opt('model', DEFAULT_MODEL_PATH);
const REPEATS = Math.max(1, Number(opt('repeats', '3')));

const t0 = performance.now();
const tagger = new Tagger(deserializeModel(readFileSync(MODEL)));
const loadMs = performance.now() - t0;

const sents = readConll(FILE);
const tokens = sents.reduce((a, s) => a + s.words.length, 0);
let pred: string[][] = [];
const times: number[] = [];
for (let r = 0; r < REPEATS; r++) {
  const t = performance.now();
  pred = sents.map((s) => tagger.tag(s.words));
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const medianMs = times[Math.floor(times.length / 2)];
const score = scoreConll(
  sents.map((s) => s.tags),
  pred,
);

const pct = (x: number) => (100 * x).toFixed(2).padStart(6);
console.log(`file: ${FILE}`);
console.log(`model: ${MODEL}`);
console.log(`model load: ${loadMs.toFixed(0)} ms`);
console.log(`sentences: ${sents.length}, tokens: ${tokens}, token accuracy: ${pct(score.tokenAccuracy)}%`);
console.log('');
console.log('type   precision  recall      F1   gold  pred  correct');
for (const [t, s] of Object.entries(score.byType)) {
  console.log(`${t.padEnd(6)} ${pct(s.precision)}%  ${pct(s.recall)}%  ${pct(s.f1)}%  ${String(s.gold).padStart(5)} ${String(s.predicted).padStart(5)} ${String(s.correct).padStart(7)}`);
}
const o = score.overall;
console.log(`${'ALL'.padEnd(6)} ${pct(o.precision)}%  ${pct(o.recall)}%  ${pct(o.f1)}%  ${String(o.gold).padStart(5)} ${String(o.predicted).padStart(5)} ${String(o.correct).padStart(7)}`);
console.log('');
const tps = tokens / (medianMs / 1000);
console.log(`throughput: ${Math.round(tps)} tokens/s (median of ${REPEATS} runs, ${medianMs.toFixed(0)} ms per pass, one core)`);
const r4 = (x: number) => Math.round(x * 10000) / 10000;
console.log(
  JSON.stringify({
    precision: r4(o.precision),
    recall: r4(o.recall),
    f1: r4(o.f1),
    byType: Object.fromEntries(Object.entries(score.byType).map(([t, s]) => [t, { precision: r4(s.precision), recall: r4(s.recall), f1: r4(s.f1) }])),
    tokensPerSecond: Math.round(tps),
    loadMs: Math.round(loadMs),
    tokens,
  }),
);

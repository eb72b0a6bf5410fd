/**
 * Trains the content-boundary model (src/analyse/attribution/bounds.ts): an averaged perceptron
 * ranker that picks where an indirect content ends among candidate cut points.
 *
 *   npm run train:bounds [-- --holdout N --out models/bounds.txt.gz --epochs N --folds K --work DIR]
 *
 * Data: PolNeAR train (same articles, order and `--holdout N` as scripts/train-attrib.ts; the dev
 * split is never read). The contents to learn from are the ones findQuotes predicts with a tagger
 * that did not see the article: the training articles are split into K folds (every K-th article),
 * scripts/train-attrib.ts trains one tagger without each fold (into --work, reused when there), and
 * findQuotes runs on the fold with it. For each predicted indirect content that overlaps an annotated
 * content, the best candidate is the one whose word tokens overlap that content most (the scorer's
 * measure: shared tokens over the larger set), ties to the predicted end; contents where no
 * candidate reaches 50% or all score the same teach nothing and are skipped.
 *
 * To score the holdout:
 *   npm run train:attrib -- --holdout 120 --holdout-dir /tmp/hold --out /tmp/m-base.bin.gz
 *   npm run train:bounds -- --holdout 120 --out /tmp/b.txt.gz
 *   TRIANGULATE_ATTRIB_MODEL=/tmp/m-base.bin.gz TRIANGULATE_BOUNDS_MODEL=/tmp/b.txt.gz npm run eval:quotes -- /tmp/hold --no-speed
 *
 * Deterministic: sorted files, fixed shuffling seed, sorted output, no clock in the output.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readBratAttributions } from '../src/analyse/attribution/brat.js';
import { type BoundaryInput, boundaryCandidates, boundaryFeatures, serializeBoundaryModel } from '../src/analyse/attribution/bounds.js';
import { useAttributionModel } from '../src/analyse/attribution/model.js';
import { recogniseEntities } from '../src/analyse/entities/index.js';
import { findQuotes } from '../src/analyse/quotes.js';
import { splitSentences } from '../src/analyse/tokenize.js';

const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : def;
};
const DATA = opt('data', join(import.meta.dirname, '../../shared/data/attribution/polnear/train'));
const OUT = opt('out', join(import.meta.dirname, '../models/bounds.txt.gz'));
const EPOCHS = Number(opt('epochs', '10'));
const HOLDOUT = Number(opt('holdout', '0'));
const FOLDS = Number(opt('folds', '2'));
const WORK = resolve(opt('work', `/tmp/triangulate-bounds-h${HOLDOUT}-k${FOLDS}`));
const MIN_COUNT = Number(opt('min-count', '2'));
const TARGET = opt('target', 'match');

const t0 = performance.now();
const log = (msg: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(1)}s] ${msg}`);

// ---------- jackknife taggers ----------
mkdirSync(WORK, { recursive: true });
const foldModel = (f: number) => join(WORK, `attrib-f${f}.bin.gz`);
for (let f = 0; f < FOLDS; f++) {
  if (existsSync(foldModel(f))) continue;
  log(`training the tagger without fold ${f + 1}/${FOLDS}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'train-attrib.ts'), '--data', DATA, '--holdout', String(HOLDOUT), '--folds', String(FOLDS), '--fold', String(f), '--out', foldModel(f)], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`train-attrib failed for fold ${f}`);
}

// ---------- documents (as train-attrib.ts lists them) ----------
const annFiles = readdirSync(join(DATA, 'attributions'))
  .filter((f) => f.endsWith('.ann'))
  .sort();
const names = readdirSync(join(DATA, 'text'))
  .filter((f) => f.endsWith('.txt'))
  .sort();
const usable = names.filter((name) => annFiles.some((f) => f.startsWith(`${name.slice(0, -4)}_`)));
const trainNames = HOLDOUT > 0 ? usable.slice(0, usable.length - HOLDOUT) : usable;

interface Example {
  /** Feature ids per candidate. */
  feats: number[][];
  /** Index of the best candidate. */
  best: number;
  /** Index of the predicted end, the overlap score of each candidate, the fold. */
  pi: number;
  score: number[];
  fold: number;
}
const featId = new Map<string, number>();
const featCount: number[] = [];
const examples: Example[] = [];
let seen = 0;
let atPred = 0;
let predScore = 0;
let oracleScore = 0;

const isWordTok = (s: string) => /[\p{L}\p{N}]/u.test(s);

for (let f = 0; f < FOLDS; f++) {
  useAttributionModel(foldModel(f));
  trainNames.forEach((name, i) => {
    if (i % FOLDS !== f) return;
    const base = name.slice(0, -4);
    const ann = annFiles.find((a) => a.startsWith(`${base}_`) && /^_[0-9a-f]+\.ann$/.test(a.slice(base.length)));
    if (!ann) return;
    const text = readFileSync(join(DATA, 'text', name), 'utf8');
    const sentences = splitSentences(text);
    const entities = recogniseEntities(text, sentences);
    const inputs: BoundaryInput[] = [];
    findQuotes(text, sentences, entities, { bounds: false, onBoundary: (x) => inputs.push(x) });
    const golds = readBratAttributions(readFileSync(join(DATA, 'attributions', ann), 'utf8')).filter((a) => a.content.length);
    if (!inputs.length) return;
    const toks = inputs[0].toks;
    // gold word tokens by token index
    const goldSets = golds.map((g) => {
      const set = new Set<number>();
      for (const sp of g.content) for (let x = 0; x < toks.length; x++) if (toks[x].start >= sp.start && toks[x].end <= sp.end && isWordTok(toks[x].text)) set.add(x);
      return set;
    });
    for (const input of inputs) {
      const wordsIn = (a: number, b: number) => {
        const s: number[] = [];
        for (let x = a; x < b; x++) if (isWordTok(toks[x].text)) s.push(x);
        return s;
      };
      const pred = wordsIn(input.lo, input.end);
      let g = -1;
      let gi = 0;
      for (let k = 0; k < goldSets.length; k++) {
        let n = 0;
        for (const x of pred) if (goldSets[k].has(x)) n++;
        if (n > gi) {
          gi = n;
          g = k;
        }
      }
      if (g < 0) continue;
      seen++;
      const gold = goldSets[g];
      const cands = boundaryCandidates(input);
      const score = cands.map((b) => {
        const w = wordsIn(input.lo, b);
        let n = 0;
        for (const x of w) if (gold.has(x)) n++;
        return w.length && gold.size ? n / Math.max(w.length, gold.size) : 0;
      });
      const pi = cands.indexOf(input.end);
      let best = pi;
      for (let k = 0; k < cands.length; k++) if (score[k] > score[best] + 1e-9 || (Math.abs(score[k] - score[best]) < 1e-9 && Math.abs(cands[k] - input.end) < Math.abs(cands[best] - input.end))) best = k;
      // a predicted end that already matches (>= 50%) is kept: the scorer gains nothing from a better cut there
      if (TARGET === 'match' && score[pi] >= 0.5) best = pi;
      predScore += score[pi] >= 0.5 ? 1 : 0;
      oracleScore += score[best] >= 0.5 ? 1 : 0;
      if (best === pi) atPred++;
      if (score[best] < 0.5 || score.every((s) => Math.abs(s - score[0]) < 1e-9)) continue;
      const feats = cands.map((b) =>
        boundaryFeatures(input, b).map((s) => {
          let id = featId.get(s);
          if (id === undefined) {
            id = featId.size;
            featId.set(s, id);
            featCount.push(0);
          }
          featCount[id]++;
          return id;
        }),
      );
      examples.push({ feats, best, pi, score, fold: f });
    }
  });
  log(`fold ${f + 1}/${FOLDS}: ${examples.length} examples so far`);
}
useAttributionModel(null);
log(`${seen} predicted indirect contents overlap an annotated one; the predicted end is the best cut for ${atPred}; matched (>= 50%) at the predicted end ${predScore}, at the best candidate ${oracleScore}; ${examples.length} examples, ${featId.size} features`);

// ---------- averaged perceptron ranker ----------
const F = featId.size;
function train(ids: number[]): Float64Array {
  const w = new Float64Array(F);
  const u = new Float64Array(F);
  let c = 1;
  let seed = 12345;
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
  const order = [...ids];
  const scoreOf = (fs: number[]) => {
    let s = 0;
    for (const id of fs) s += w[id];
    return s;
  };
  for (let ep = 0; ep < EPOCHS; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errs = 0;
    for (const ei of order) {
      const ex = examples[ei];
      let arg = 0;
      let top = -Infinity;
      for (let k = 0; k < ex.feats.length; k++) {
        const s = scoreOf(ex.feats[k]);
        if (s > top + 1e-9) {
          top = s;
          arg = k;
        }
      }
      if (arg !== ex.best) {
        errs++;
        for (const id of ex.feats[ex.best]) {
          w[id] += 1;
          u[id] += c;
        }
        for (const id of ex.feats[arg]) {
          w[id] -= 1;
          u[id] -= c;
        }
      }
      c++;
    }
    if (ep === EPOCHS - 1) log(`epoch ${ep + 1}: ranking errors ${((100 * errs) / order.length).toFixed(1)}%`);
  }
  const avg = new Float64Array(F);
  for (let i = 0; i < F; i++) avg[i] = featCount[i] < MIN_COUNT ? 0 : Math.round((w[i] - u[i] / c) * 1000) / 1000;
  return avg;
}

if (args.includes('--cv')) {
  // fold against fold: contents matched (>= 50%) at the predicted end and at the chosen end, by margin over the predicted end
  for (const margin of [0, 0.5, 1, 2, 4, 8]) {
    let atPredM = 0;
    let atChosen = 0;
    for (let f = 0; f < FOLDS; f++) {
      const wf = train(examples.map((_, i) => i).filter((i) => examples[i].fold !== f));
      for (const ex of examples) {
        if (ex.fold !== f) continue;
        const sc = ex.feats.map((fs) => fs.reduce((a, id) => a + wf[id], 0));
        let arg = ex.pi;
        for (let k = 0; k < sc.length; k++) if (sc[k] > sc[arg] + 1e-9 && sc[k] > sc[ex.pi] + margin) arg = k;
        atPredM += ex.score[ex.pi] >= 0.5 ? 1 : 0;
        atChosen += ex.score[arg] >= 0.5 ? 1 : 0;
      }
    }
    log(`cv margin ${margin}: matched at the predicted end ${atPredM}, at the chosen end ${atChosen}`);
  }
}
const wAll = train(examples.map((_, i) => i));
const weights = new Map<string, number>();
for (const [s, id] of featId) {
  if (wAll[id] !== 0) weights.set(s, wAll[id]);
}
const body = serializeBoundaryModel(weights, { data: 'PolNeAR train', heldOut: HOLDOUT, folds: FOLDS, epochs: EPOCHS, examples: examples.length });
const buf = gzipSync(Buffer.from(body), { level: 9 });
writeFileSync(OUT, buf);
log(`wrote ${OUT}: ${weights.size} weights, ${(buf.length / 1024).toFixed(1)} KB`);

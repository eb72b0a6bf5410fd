/**
 * Trains the content-cut model (src/analyse/quotes/content-cuts.ts) on the contents the quote
 * passes find in PolNeAR train: indirect content after a verb cue within its sentence, as findQuotes
 * returns it (tagger, rules, review and the content-end ranker) before any cut. The options of a
 * content are keeping it and each of its cuts; the one to rank first is the one whose content
 * overlaps the annotated content best (eval:quotes' overlap: shared words over the larger word
 * count), keeping it on a tie. The annotated content is the one some option overlaps most; contents
 * no option overlaps by half teach nothing and are left out.
 *
 * The tagger must not have seen the articles it tags here: as for train-content-ends, each half of
 * the training articles (even / odd position) is tagged by a tagger trained on the other half
 * (`train:attrib -- --fold k --out PREFIXk.bin`), read by a child process of this script.
 *
 *   npm run train:attrib -- --fold 0 --out /tmp/fold0.bin && npm run train:attrib -- --fold 1 --out /tmp/fold1.bin
 *   npm run train:content-cuts -- --fold-models /tmp/fold [--out models/content-cuts.bin --epochs N --seed N --min-count N --cost N]
 *     [--cache FILE] [--check-fold K] [--first-features N] [--drop-features I,J] [--cue-fold-models PREFIX --ends-fold-models PREFIX]
 *
 * The articles are read (parsed, tagged, their contents found) by content-questions.ts, as for
 * train-content-ends; `--cache FILE` keeps what was read (the parse, the annotated contents' words,
 * each content asked about with the cue classifier's scores) so that the cut's features can change
 * without tagging again (92 MB for PolNeAR train).
 *
 * `--cue-fold-models` and `--ends-fold-models` read each fold with the cue classifier and the
 * content-end ranker that did not see it (`npm run train:quotes`, scripts/train-quotes.ts, chains the
 * trainings); `--check-fold K` writes the cut for fold K's articles (trained on the other fold's).
 *
 * The dev split is never read. Deterministic: sorted files, a fixed shuffling seed, keys sorted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentCuts, DEFAULT_CONTENT_CUTS_MODEL, writeContentCutsFile } from '../src/analyse/quotes/content-cuts.js';
import { type ArticleContents, articleContents, overlap, readContents, type StoredContents, storeContents, wordsFrom, wordsIn } from './content-questions.js';
import { trainSplit } from './polnear-split.js';

const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : def;
};
const DATA = opt('data', join(import.meta.dirname, '../../shared/data/attribution/polnear/train'));
const OUT = opt('out', DEFAULT_CONTENT_CUTS_MODEL);
const EPOCHS = Number(opt('epochs', '10'));
const SEED = Number(opt('seed', '12345'));
const MIN_COUNT = Number(opt('min-count', '2'));
const COST = Number(opt('cost', '0'));
const FOLD_MODELS = opt('fold-models', '');
// --cue-fold-models / --ends-fold-models PREFIX: fold k read with the cue classifier and the content-end ranker PREFIXk.bin, trained without it
const CUE_FOLDS = opt('cue-fold-models', '');
const ENDS_FOLDS = opt('ends-fold-models', '');
const COLLECT = opt('collect', '');
const COLLECT_OUT = opt('collect-out', '');

const t0 = performance.now();
const log = (msg: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(1)}s] ${msg}`);

/** One content: its cuts' features, each cut's overlap with the annotated content, and keeping's. */
interface Example {
  feats: number[][];
  scores: number[];
  keep: number;
  /** The fold of its article. */
  fold: number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The examples of one article's contents (those with a cut and an annotated content some option overlaps by half). */
function examplesOf(a: ArticleContents, fold: number): Example[] {
  const { tokens, kids, gold } = a;
  const out: Example[] = [];
  for (const { span, qn } of a.questions) {
    const cuts = contentCuts(tokens, kids, qn);
    if (!cuts.length) continue;
    const options = [wordsIn(tokens, [span]), ...cuts.map((c) => wordsFrom(tokens, qn.first, c.last))];
    let g: Set<number> | null = null;
    let top = 0;
    for (const x of gold)
      for (const o of options) {
        const s = overlap(o, x);
        if (s > top) [top, g] = [s, x];
      }
    if (!g || top < 0.5) continue;
    const scores = options.map((o) => round(overlap(o, g)));
    out.push({ feats: cuts.map((c) => c.feats), keep: scores[0], scores: scores.slice(1), fold });
  }
  return out;
}

const split = trainSplit(DATA, 0, false);
if (COLLECT) {
  // in a child process: one fold's articles as findQuotes reads them with that fold's tagger, stored
  const names = split.train.filter((_, i) => i % 2 === Number(COLLECT));
  writeFileSync(COLLECT_OUT, JSON.stringify([...articleContents(DATA, names, split.annFiles)].filter((a) => a.questions.length).map(storeContents)));
  process.exit(0);
}
/** The contents of one fold, read in a child process with the tagger at `tagger` and no cut model. */
function readPart(part: string, tagger: string): StoredContents[] {
  const file = join(tmpdir(), `content-cuts-${process.pid}-${part}.json`);
  const own = ['--out', '--fold-models', '--cue-fold-models', '--ends-fold-models', '--cache'];
  // with train-quotes.ts' chain, the part's cue classifier and content-end ranker are those that did not see it
  const folded = (prefix: string, name: string) => (prefix ? { [name]: `${prefix}${part}.bin` } : {});
  const passOn = args.filter((a, i) => !own.includes(a) && !own.includes(args[i - 1]));
  const r = spawnSync(process.execPath, [...process.execArgv, process.argv[1], ...passOn, '--collect', part, '--collect-out', file], {
    stdio: 'inherit',
    env: { ...process.env, ...folded(CUE_FOLDS, 'TRIANGULATE_CUE_MODEL'), ...folded(ENDS_FOLDS, 'TRIANGULATE_CONTENT_ENDS_MODEL'), TRIANGULATE_ATTRIB_MODEL: tagger, TRIANGULATE_CONTENT_CUTS_MODEL: join(tmpdir(), 'no-content-cuts-model.bin') },
  });
  if (r.status !== 0) throw new Error(`train-content-cuts: reading part ${part} failed`);
  const got = JSON.parse(readFileSync(file, 'utf8')) as StoredContents[];
  rmSync(file);
  return got;
}

if (!FOLD_MODELS) throw new Error('train-content-cuts: --fold-models PREFIX is required (see the comment at the top)');
// --cache FILE: the folds' contents (parse, gold, questions) read once and kept there: features and
// training options can then be changed without tagging again
const CACHE = opt('cache', '');
let folds: StoredContents[][];
if (CACHE && existsSync(CACHE)) folds = JSON.parse(readFileSync(CACHE, 'utf8')) as StoredContents[][];
else {
  folds = [0, 1].map((fold) => readPart(String(fold), `${FOLD_MODELS}${fold}.bin`));
  if (CACHE) writeFileSync(CACHE, JSON.stringify(folds));
}
let examples: Example[] = [];
let quotes = 0;
folds.forEach((stored, fold) => {
  const before = examples.length;
  for (const s of stored) {
    const a = readContents(s);
    quotes += a.questions.length;
    examples.push(...examplesOf(a, fold));
  }
  log(`fold ${fold}: ${examples.length - before} contents with a cut of ${stored.reduce((n, s) => n + s.questions.length, 0)}`);
});
// --first-features N: each cut's first N features only (a model without the later slots, for comparison)
const NFEAT = Number(opt('first-features', '0'));
if (NFEAT) for (const ex of examples) ex.feats = ex.feats.map((fs) => fs.slice(0, NFEAT));
// --drop-features 18,20: those feature slots left out (an ablation; the runtime model then has no weights for them)
const DROP = new Set(opt('drop-features', '').split(',').filter(Boolean).map(Number));
if (DROP.size) for (const ex of examples) ex.feats = ex.feats.map((fs) => fs.filter((_, k) => !DROP.has(k)));
// --check-fold k: train on the other fold's contents alone and print the sweep below on fold k's (a held-out check on train)
const CHECK = Number(opt('check-fold', '-1'));
const checked = CHECK >= 0 ? examples.filter((ex) => ex.fold === CHECK) : examples;
if (CHECK >= 0) examples = examples.filter((ex) => ex.fold !== CHECK);
const better = examples.filter((ex) => Math.max(...ex.scores) > ex.keep).length;
const matchable = examples.filter((ex) => ex.keep < 0.5 && Math.max(...ex.scores) >= 0.5).length;
log(`${examples.length} contents with cuts (of ${quotes}); a cut overlaps better in ${better}, turns a miss into a match in ${matchable}`);

const counts = new Map<number, number>();
for (const ex of examples) for (const fs of ex.feats) for (const f of fs) counts.set(f >>> 0, (counts.get(f >>> 0) ?? 0) + 1);
const keys = [...counts].filter(([, c]) => c >= MIN_COUNT).map(([k]) => k).sort((a, b) => a - b);
const rowOf = new Map(keys.map((k, i) => [k, i]));
const rows = examples.map((ex) => ex.feats.map((fs) => Int32Array.from(fs.map((f) => rowOf.get(f >>> 0) ?? -1).filter((r) => r >= 0))));
log(`${keys.length} features kept (count >= ${MIN_COUNT})`);
/** Per example, the option to rank first: -1 keeping, else the cut of the best overlap (the earliest of equals). */
const target = examples.map((ex) => {
  let t = -1;
  let top = ex.keep;
  ex.scores.forEach((s, k) => {
    if (s > top) [top, t] = [s, k];
  });
  return t;
});

/** The averaged perceptron over the options (keeping scores 0), examples shuffled from seed `start`. */
function train(start: number): Float64Array {
  const w = new Float64Array(keys.length);
  const u = new Float64Array(keys.length);
  let c = 1;
  let seed = start;
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
  const order = examples.map((_, i) => i);
  const score = (rs: Int32Array) => {
    let s = 0;
    for (let q = 0; q < rs.length; q++) s += w[rs[q]];
    return s;
  };
  const step = (rs: Int32Array, by: number) => {
    for (const r of rs) {
      w[r] += by;
      u[r] += by * c;
    }
  };
  for (let ep = 0; ep < EPOCHS; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errors = 0;
    for (const x of order) {
      const ex = examples[x];
      // cost-augmented: an option must win by COST times its loss (missing the match 1, each missed share of the best overlap 1)
      const top = Math.max(ex.keep, ...ex.scores);
      const loss = (o: number) => (o < 0.5 ? 1 : 0) + (top - o);
      let best = -1;
      let bestScore = COST * loss(ex.keep);
      rows[x].forEach((rs, k) => {
        const s = score(rs) + COST * loss(ex.scores[k]);
        if (s > bestScore) [bestScore, best] = [s, k];
      });
      const t = target[x];
      const got = best < 0 ? ex.keep : ex.scores[best];
      const want = t < 0 ? ex.keep : ex.scores[t];
      if (got < want) {
        errors++;
        if (t >= 0) step(rows[x][t], 1);
        if (best >= 0) step(rows[x][best], -1);
      }
      c++;
    }
    if (ep === EPOCHS - 1) log(`seed ${start}, epoch ${ep + 1}: ${((100 * errors) / examples.length).toFixed(1)}% of contents not at their best option`);
  }
  const avg = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) avg[i] = w[i] - u[i] / c;
  return avg;
}

// --bag N: the weights averaged over N trainings shuffled from seeds SEED .. SEED+N-1 (less seed noise)
const BAG = Number(opt('bag', '1'));
const avg = train(SEED);
for (let b = 1; b < BAG; b++) {
  const one = train(SEED + b);
  for (let i = 0; i < keys.length; i++) avg[i] += one[i];
}
if (BAG > 1) for (let i = 0; i < keys.length; i++) avg[i] /= BAG;
const kept = keys.map((_, i) => i).filter((i) => avg[i] !== 0);
const meta = { data: 'PolNeAR train', articles: split.train.length, examples: examples.length, tagged: 'two folds, each by a tagger trained on the other', ...(CUE_FOLDS ? { cues: 'each fold scored by a cue classifier and ended by a content-end ranker trained on the other' } : {}), ...(CHECK >= 0 ? { forFold: CHECK } : {}), epochs: EPOCHS, minCount: MIN_COUNT, seed: SEED, cost: COST, ...(BAG > 1 ? { bag: BAG } : {}) };
const buf = writeContentCutsFile({ keys: Uint32Array.from(kept.map((i) => keys[i])), weights: Float32Array.from(kept.map((i) => avg[i])), meta });
writeFileSync(OUT, buf);
log(`wrote ${OUT}: ${kept.length} weights, ${(buf.length / 1024).toFixed(0)} KB`);

// what each keep bonus does on the training contents (the model saw them), or with --check-fold on the other fold's
const weight = new Map(keys.map((k, i) => [k, avg[i]]));
for (const bonus of [0, 2, 4, 6, 8, 10, 12, 16]) {
  let [gained, lost, moved, closer] = [0, 0, 0, 0];
  for (const ex of checked) {
    let best = -1;
    let bestScore = bonus;
    ex.feats.forEach((fs, k) => {
      let s = 0;
      for (const f of fs) s += weight.get(f >>> 0) ?? 0;
      if (s > bestScore) [bestScore, best] = [s, k];
    });
    if (best < 0) continue;
    moved++;
    const [k0, p0] = [ex.keep, ex.scores[best]];
    if (k0 < 0.5 && p0 >= 0.5) gained++;
    if (k0 >= 0.5 && p0 < 0.5) lost++;
    closer += p0 > k0 ? 1 : p0 < k0 ? -1 : 0;
  }
  log(`${CHECK >= 0 ? `fold ${CHECK}'s contents (not trained on)` : 'training contents'}, keep bonus ${bonus}: ${moved} cut, matches +${gained} -${lost}, closer minus farther ${closer}`);
}

/**
 * Trains the content-end ranker (src/analyse/quotes/content-ends.ts) on the contents the quote
 * passes find in PolNeAR train: indirect content after a verb cue within its sentence, as
 * findQuotes returns it (tagger, rules and review) before the ranker. The candidates are every word
 * from the content's first to the sentence's end; the one to rank first is the end whose content
 * overlaps the annotated content it overlaps most best (eval:quotes' overlap: shared words over the
 * larger word count; the exact end when there is one). Contents that overlap no annotated content
 * by half teach nothing about ends and are left out.
 *
 * The tagger must not have seen the articles it tags here: the training articles are split in two
 * by position (even / odd), and each half is tagged by a model trained on the other
 * (`train:attrib -- --fold k`, the same --holdout options), given as `--fold-models PREFIX`
 * (PREFIX0.bin tags the articles of fold 0, trained on fold 1). Each half is read by a child process
 * of this script (the tagger is chosen by TRIANGULATE_ATTRIB_MODEL, loaded once per process).
 *
 *   npm run train:attrib -- [--holdout 119 --holdout-per-outlet] --fold 0 --out /tmp/fold0.bin   (and --fold 1)
 *   npm run train:content-ends -- --fold-models /tmp/fold [--holdout 119 --holdout-per-outlet --holdout-dir DIR] [--out models/content-ends.bin --epochs N --seed N --min-count N]
 *     [--held-tagger PATH --held-cache FILE] [--cache FILE] [--first-features N] [--cue-fold-models PREFIX] [--for-fold K]
 *
 * The features include the cue classifier's scores (models/cues.bin) as findQuotes gives them to the
 * review; `--first-features 21` trains on the features without them, for comparison. With
 * `--cue-fold-models PREFIX` each fold is scored by the classifier PREFIXk.bin that did not see it
 * (`train:cues -- --folds`), so that the ranker learns the scores of articles the classifier never
 * saw; `--for-fold K` (with `--cache`) trains on the other fold's contents alone: the ranker for
 * fold K's articles. `npm run train:quotes` chains these (scripts/train-quotes.ts).
 *
 * The held-out articles are those of train-attrib.ts with the same options (scripts/polnear-split.ts);
 * the dev split is never read. Deterministic: sorted files, a fixed shuffling seed, keys sorted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONTENT_ENDS_MODEL, endCandidates, writeContentEndsFile } from '../src/analyse/quotes/content-ends.js';
import { articleContents, overlap, wordsIn } from './content-questions.js';
import { linkHeldOut, trainSplit } from './polnear-split.js';

const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : def;
};
const DATA = opt('data', join(import.meta.dirname, '../../shared/data/attribution/polnear/train'));
const OUT = opt('out', DEFAULT_CONTENT_ENDS_MODEL);
const EPOCHS = Number(opt('epochs', '10'));
const HOLDOUT = Number(opt('holdout', '0'));
const HOLDOUT_DIR = opt('holdout-dir', '');
const PER_OUTLET = args.includes('--holdout-per-outlet');
const SEED = Number(opt('seed', '12345'));
const MIN_COUNT = Number(opt('min-count', '2'));
// what the ranker is taught to reach: `overlap`, any end whose content overlaps the annotated one
// by half (eval:quotes' match; a content already matched is left alone), or `best`, the end of
// the highest overlap
const OBJECTIVE = opt('objective', 'best');
const FOLD_MODELS = opt('fold-models', '');
/** In a child process: the fold whose articles to read, and the file to write their examples to. */
const COLLECT = opt('collect', '');
const COLLECT_OUT = opt('collect-out', '');

const t0 = performance.now();
const log = (msg: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(1)}s] ${msg}`);

/** One content to end: the candidates' features and which candidate to rank first. */
interface Example {
  feats: number[][];
  /** Per candidate, its overlap with the annotated content (eval:quotes' overlap score). */
  scores: number[];
  /** The candidate the passes gave. */
  current: number;
}

/** The examples of the articles of one fold, tagged by the model the environment names. */
function collect(names: readonly string[], annFiles: readonly string[]): { examples: Example[]; quotes: number } {
  const examples: Example[] = [];
  let quotes = 0;
  for (const { tokens, kids, gold, questions } of articleContents(DATA, names, annFiles)) {
    for (const { span, qn } of questions) {
      quotes++;
      const { ends, feats } = endCandidates(tokens, kids, qn);
      const pred = wordsIn(tokens, [span]);
      let g = null as Set<number> | null;
      for (const x of gold) if (!g || overlap(pred, x) > overlap(pred, g)) g = x;
      if (!g || !ends.includes(qn.current)) continue;
      // the best end: the highest overlap with the annotated content, the current end on a tie, else the earliest
      let best = ends.indexOf(qn.current);
      const words = new Set<number>();
      const scores = ends.map((e) => {
        for (let i = qn.first; i <= e; i++) if (/[\p{L}\p{N}]/u.test(tokens[i].text)) words.add(i);
        return overlap(words, g);
      });
      let bestScore = scores[best];
      scores.forEach((s, k) => {
        if (s > bestScore) {
          bestScore = s;
          best = k;
        }
      });
      if (bestScore < 0.5) continue;
      examples.push({ feats, scores: scores.map((x) => Math.round(x * 1000) / 1000), current: ends.indexOf(qn.current) });
    }
  }
  return { examples, quotes };
}

const split = trainSplit(DATA, HOLDOUT, PER_OUTLET);
if (COLLECT) {
  const r = collect(COLLECT === 'held' ? split.held : split.train.filter((_, i) => i % 2 === Number(COLLECT)), split.annFiles);
  writeFileSync(COLLECT_OUT, JSON.stringify(r));
  process.exit(0);
}
/**
 * The examples of one part of the articles ('0', '1': the folds; 'held'), tagged in a child process by the tagger at `tagger`,
 * with the cue classifier at `cues` when given (a fold's classifier that did not see the part: train-quotes.ts).
 */
function readPart(part: string, tagger: string, cues?: string): { examples: Example[]; quotes: number } {
  const file = join(tmpdir(), `content-ends-${process.pid}-${part}.json`);
  const own = ['--out', '--fold-models', '--cue-fold-models', '--fold-out', '--holdout-dir', '--cache', '--held-tagger', '--held-cache'];
  const passOn = args.filter((a, i) => !own.includes(a) && !own.includes(args[i - 1]));
  const r = spawnSync(process.execPath, [...process.execArgv, process.argv[1], ...passOn, '--collect', part, '--collect-out', file], {
    stdio: 'inherit',
    // the contents before the ranker and before the content cut (applied after the ranker, review.ts), as the shipped model was trained
    env: { ...process.env, ...(cues ? { TRIANGULATE_CUE_MODEL: cues } : {}), TRIANGULATE_ATTRIB_MODEL: tagger, TRIANGULATE_CONTENT_ENDS_MODEL: join(tmpdir(), 'no-content-ends-model.bin'), TRIANGULATE_CONTENT_CUTS_MODEL: join(tmpdir(), 'no-content-cuts-model.bin') },
  });
  if (r.status !== 0) throw new Error(`train-content-ends: reading part ${part} failed`);
  const got = JSON.parse(readFileSync(file, 'utf8')) as { examples: Example[]; quotes: number };
  rmSync(file);
  return got;
}

if (!FOLD_MODELS) throw new Error('train-content-ends: --fold-models PREFIX is required (see the comment at the top)');
if (HOLDOUT_DIR && split.held.length) linkHeldOut(DATA, split, HOLDOUT_DIR);
// --cache FILE: the examples read once and kept there (training options can then be tried without tagging again)
const CACHE = opt('cache', '');
// --cue-fold-models PREFIX: each fold read with the cue classifier PREFIXk.bin that did not see it (train:cues --folds), as the tagger
const CUE_FOLDS = opt('cue-fold-models', '');
let examples: Example[] = [];
/** Per example, the fold of its article. */
let foldOf: number[] = [];
let quotes = 0;
if (CACHE && existsSync(CACHE)) ({ examples, foldOf, quotes } = JSON.parse(readFileSync(CACHE, 'utf8')) as { examples: Example[]; foldOf: number[]; quotes: number });
else {
  for (let fold = 0; fold < 2; fold++) {
    const got = readPart(String(fold), `${FOLD_MODELS}${fold}.bin`, CUE_FOLDS && `${CUE_FOLDS}${fold}.bin`);
    examples.push(...got.examples);
    foldOf.push(...got.examples.map(() => fold));
    quotes += got.quotes;
    log(`fold ${fold}: ${got.examples.length} of ${got.quotes} contents`);
  }
  if (CACHE) writeFileSync(CACHE, JSON.stringify({ examples, foldOf, quotes }));
}
// --first-features N: each candidate's first N features only (21: the ranker without the cue classifier's features, for comparison)
const NFEAT = Number(opt('first-features', '0'));
if (NFEAT) for (const ex of examples) ex.feats = ex.feats.map((fs) => fs.slice(0, NFEAT));
// --for-fold K: the model for fold K's articles, trained on the other fold's contents alone (out of fold: train-quotes.ts)
const FOR_FOLD = Number(opt('for-fold', '-1'));
if (FOR_FOLD >= 0) {
  if (foldOf?.length !== examples.length) throw new Error('--for-fold: the cache holds no folds (read it again)');
  examples = examples.filter((_, x) => foldOf[x] !== FOR_FOLD);
}
log(`${examples.length} contents to end (of ${quotes} the passes found) from ${split.train.length} articles${FOR_FOLD >= 0 ? `, for fold ${FOR_FOLD} (the other fold's alone)` : ''}; held out ${split.held.length}`);

// features seen at least MIN_COUNT times in gold candidates' and others' features
const counts = new Map<number, number>();
for (const ex of examples) for (const fs of ex.feats) for (const f of fs) counts.set(f >>> 0, (counts.get(f >>> 0) ?? 0) + 1);
const keys = [...counts].filter(([, c]) => c >= MIN_COUNT).map(([k]) => k).sort((a, b) => a - b);
const rowOf = new Map(keys.map((k, i) => [k, i]));
const rows = examples.map((ex) => ex.feats.map((fs) => Int32Array.from(fs.map((f) => rowOf.get(f >>> 0) ?? -1).filter((r) => r >= 0))));
log(`${keys.length} features kept (count >= ${MIN_COUNT})`);

// which candidates the ranker should reach (OBJECTIVE), and how often the passes' end already does
const okOf = examples.map((ex) => {
  const top = Math.max(...ex.scores);
  return ex.scores.map((x) => (OBJECTIVE === 'best' ? x === top : x >= 0.5));
});
log(`objective ${OBJECTIVE}: the passes' end reaches it in ${((100 * okOf.filter((ok, x) => ok[examples[x].current]).length) / examples.length).toFixed(1)}% of contents`);

// a candidate's cost: missing the overlap match costs 1, each missed share of the best overlap 1 more
const COST = Number(opt('cost', '4'));
const costOf = examples.map((ex) => {
  const top = Math.max(...ex.scores);
  return ex.scores.map((x) => (x < 0.5 ? 1 : 0) + (top - x));
});

/** The averaged perceptron over the candidates, examples shuffled from seed `start`. */
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
  for (let ep = 0; ep < EPOCHS; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errors = 0;
    for (const x of order) {
      const cands = rows[x];
      let best = 0;
      let bestScore = -Infinity;
      // cost-augmented: a wrong end must lose by a margin of its cost (COST)
      const cost = costOf[x];
      for (let k = 0; k < cands.length; k++) {
        const s = score(cands[k]) + COST * cost[k];
        if (s > bestScore) {
          bestScore = s;
          best = k;
        }
      }
      const ok = okOf[x];
      if (!ok[best]) {
        errors++;
        // the end to move toward: the one the model likes best among those it should reach
        let g = -1;
        let gScore = -Infinity;
        for (let k = 0; k < cands.length; k++) {
          if (!ok[k]) continue;
          const s = score(cands[k]);
          if (s > gScore) {
            gScore = s;
            g = k;
          }
        }
        for (const r of cands[g]) {
          w[r] += 1;
          u[r] += c;
        }
        for (const r of cands[best]) {
          w[r] -= 1;
          u[r] -= c;
        }
      }
      c++;
    }
    if (ep === EPOCHS - 1) log(`seed ${start}, epoch ${ep + 1}: ${((100 * errors) / examples.length).toFixed(1)}% of ends not reaching it`);
  }
  const avg = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) avg[i] = w[i] - u[i] / c;
  return avg;
}

// --bag N: the weights averaged over N trainings shuffled from seeds SEED .. SEED+N-1 (less seed noise)
const BAG = Number(opt('bag', '1'));
const avg = new Float32Array(keys.length);
for (let b = 0; b < BAG; b++) {
  const one = train(SEED + b);
  for (let i = 0; i < keys.length; i++) avg[i] += one[i] / BAG;
}
// rows whose averaged weight is 0 say nothing: not stored
const kept = keys.map((_, i) => i).filter((i) => avg[i] !== 0);
const meta = { data: 'PolNeAR train', articles: split.train.length, heldOut: split.held.length, examples: examples.length, tagged: 'two folds, each by a tagger trained on the other', ...(CUE_FOLDS ? { cues: 'each fold scored by a cue classifier trained on the other' } : {}), ...(FOR_FOLD >= 0 ? { forFold: FOR_FOLD } : {}), objective: OBJECTIVE, epochs: EPOCHS, minCount: MIN_COUNT, seed: SEED, bag: BAG, cost: COST };
const buf = writeContentEndsFile({ keys: Uint32Array.from(kept.map((i) => keys[i])), weights: Float32Array.from(kept.map((i) => avg[i])), meta });
writeFileSync(OUT, buf);
log(`wrote ${OUT}: ${kept.length} weights, ${(buf.length / 1024).toFixed(0)} KB`);

// --held-tagger PATH (a tagger trained without the held-out articles): the ranker scored on the
// held-out articles' contents, against the ends the passes gave
const HELD_TAGGER = opt('held-tagger', '');
if (HELD_TAGGER && split.held.length) {
  const HELD_CACHE = opt('held-cache', '');
  const held = HELD_CACHE && existsSync(HELD_CACHE) ? (JSON.parse(readFileSync(HELD_CACHE, 'utf8')) as { examples: Example[] }) : readPart('held', HELD_TAGGER);
  if (HELD_CACHE && !existsSync(HELD_CACHE)) writeFileSync(HELD_CACHE, JSON.stringify(held));
  if (NFEAT) for (const ex of held.examples) ex.feats = ex.feats.map((fs) => fs.slice(0, NFEAT));
  const weight = new Map(keys.map((k, i) => [k, avg[i]]));
  const sums = held.examples.map((ex) => ex.feats.map((fs) => fs.reduce((a, f) => a + (weight.get(f >>> 0) ?? 0), 0)));
  // the bonus of the passes' end, and the penalty of an earlier end (Infinity: the ranker only extends, as
  // content-ends.ts bestEnd does; the cuts are printed to show they still lose, README)
  const sweep = [0, 2, 8, 16, 32, 64].map((bonus) => [bonus, Infinity]);
  for (const cut of [0, 4, 8, 12, 16, 24]) for (const bonus of [8, 12, 16]) sweep.push([bonus, cut]);
  for (const [bonus, cut] of sweep) {
    let [curBest, pickBest, curOk, pickOk, moved, gained, lost] = [0, 0, 0, 0, 0, 0, 0];
    held.examples.forEach((ex, x) => {
      const top = Math.max(...ex.scores);
      let pick = 0;
      let pickScore = -Infinity;
      sums[x].forEach((sc, k) => {
        const s = sc + (k === ex.current ? bonus : k < ex.current ? -cut : 0);
        if (s > pickScore) {
          pickScore = s;
          pick = k;
        }
      });
      const [c0, p0] = [ex.scores[ex.current], ex.scores[pick]];
      curBest += c0 === top ? 1 : 0;
      pickBest += p0 === top ? 1 : 0;
      curOk += c0 >= 0.5 ? 1 : 0;
      pickOk += p0 >= 0.5 ? 1 : 0;
      moved += pick !== ex.current ? 1 : 0;
      gained += p0 >= 0.5 && c0 < 0.5 ? 1 : 0;
      lost += c0 >= 0.5 && p0 < 0.5 ? 1 : 0;
    });
    log(`held out, ${held.examples.length} contents, bonus ${bonus}, cut penalty ${cut}: best end ${curBest} -> ${pickBest}; overlapping by half ${curOk} -> ${pickOk} (+${gained} -${lost}); ends moved ${moved}`);
  }
}

/**
 * Trains the cue classifier (src/analyse/attribution/cue-classifier.ts): for every verb and noun of
 * PolNeAR train (and every word of the cue lexicon), does it lie in an annotated Cue span? An
 * averaged perceptron over the classifier's features, read from the dependency parse.
 *
 *   npm run train:cues [-- --out models/cues.bin --epochs N --holdout N [--holdout-per-outlet] --folds --seed N --scale]
 *
 * `--folds` also writes `<out>.fold0.bin` and `<out>.fold1.bin`, each trained on the training
 * articles whose position is not k modulo 2, so that train-attrib --cues gives the tagger the
 * decisions of a classifier that did not see the article (out-of-fold, as train-content-ends does).
 * `--holdout N --holdout-per-outlet` keeps the same articles out as train-attrib (polnear-split.ts)
 * and scores the classifier on them: precision, recall and F1 of cue tokens, against the tagger's
 * own notion of a likely cue (a word whose cue bin, learned from the same training articles, is 3
 * or more). Deterministic: sorted files, fixed shuffling seed, sorted keys, no clock in the output.
 * `--cache FILE` keeps each article's parse and entity mentions there (read once, about 7 minutes
 * under load): features are computed from them on every run, so a change of the classifier's
 * features is measured in a minute. With `--folds` it also prints, out of fold, the attributions
 * found at the score that lets 1,000 ... 8,000 false cue words through: two feature sets whose scores
 * run on other scales compare there. `--scale` (with `--folds`) maps the scores of the model and its
 * folds onto the shipped model's scale (shippedScale below). `--refusals` (with `--folds`) prints, out of
 * fold, the gold attributions whose cue words the classifier all refuses, by score, and how many of them
 * (and of those accepted at or below pass 3's threshold) have a clause pass 3 reads (parse-contents.ts
 * clauseOfCue): what any classifier could still add through pass 3 (quotes/NOTES.md, session 28).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBratAttributions } from '../src/analyse/attribution/brat.js';
import { CUE_BIAS_FEATURE, type CueModel, type CueQuestions, cueQuestions, cueScore, writeCueFile } from '../src/analyse/attribution/cue-classifier.js';
import { cueBin, keyOf, quotationFlags } from '../src/analyse/attribution/features.js';
import { recogniseEntities } from '../src/analyse/entities/index.js';
import { findQuotedSegments, normaliseQuoteMarks } from '../src/analyse/quotes.js';
import { clauseOfCue, PARSE_CONTENT_THRESHOLD } from '../src/analyse/quotes/parse-contents.js';
import { childrenOf } from '../src/analyse/syntax/helpers.js';
import { parseSentences } from '../src/analyse/syntax/index.js';
import { splitSentences, tokenAt, tokenize } from '../src/analyse/tokenize.js';
import type { EntityMention, SyntaxToken, Token } from '../src/model/types.js';
import { goldAnnFile, trainSplit } from './polnear-split.js';

const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : def;
};
const DATA = opt('data', join(import.meta.dirname, '../../shared/data/attribution/polnear/train'));
const OUT = opt('out', join(import.meta.dirname, '../models/cues.bin'));
const EPOCHS = Number(opt('epochs', '10'));
const HOLDOUT = Number(opt('holdout', '0'));
const PER_OUTLET = args.includes('--holdout-per-outlet');
const FOLDS = args.includes('--folds');
const SEED = Number(opt('seed', '12345'));
const CACHE = opt('cache', '');
const SCALE = args.includes('--scale');
const REFUSALS = args.includes('--refusals');
const MIN_COUNT = 2;

const t0 = performance.now();
const log = (msg: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(1)}s] ${msg}`);

interface Doc {
  toks: Token[];
  q: CueQuestions;
  /** Per question: 1 when the token lies in a gold Cue span. */
  gold: Uint8Array;
  /** Gold cue tokens of the document (all of them, asked about or not). */
  goldCues: number;
  /** Per gold attribution, the tokens of its cue. */
  attributions: number[][];
  /** With --refusals, per question: 1 when pass 3 reads a clause of it (clauseOfCue). */
  clause: Uint8Array | null;
}

/** Per article: its parse and entity mentions (the slow part of reading), from --cache when given. */
const analysed: Record<string, { parse: SyntaxToken[]; entities: EntityMention[] }> = CACHE && existsSync(CACHE) ? JSON.parse(readFileSync(CACHE, 'utf8')) : {};
const cached = Object.keys(analysed).length > 0;

function readDoc(name: string, annFiles: string[]): Doc | null {
  const ann = goldAnnFile(annFiles, name);
  if (!ann) return null;
  const original = readFileSync(join(DATA, 'text', name), 'utf8');
  const text = normaliseQuoteMarks(original);
  const toks = tokenize(text);
  const quoted = findQuotedSegments(text).map((s) => s.inner);
  if (!analysed[name]) {
    const sentences = splitSentences(original);
    analysed[name] = { parse: parseSentences(original, sentences).tokens, entities: recogniseEntities(original, sentences) };
  }
  const { parse, entities } = analysed[name];
  const { inQuote, mark } = quotationFlags(toks, quoted);
  const q = cueQuestions(toks, parse, entities, inQuote, mark);
  const cueTok = new Uint8Array(toks.length);
  const attributions: number[][] = [];
  for (const a of readBratAttributions(readFileSync(join(DATA, 'attributions', ann), 'utf8'))) {
    const own: number[] = [];
    for (const s of a.cue) for (let i = tokenAt(toks, s.start); i < toks.length && toks[i].start < s.end; i++) if (/\p{L}/u.test(toks[i].text)) own.push(i);
    for (const i of own) cueTok[i] = 1;
    if (own.length) attributions.push(own);
  }
  let goldCues = 0;
  for (const c of cueTok) goldCues += c;
  return { toks, q, gold: Uint8Array.from(q.tokens, (i) => cueTok[i]), goldCues, attributions, clause: REFUSALS ? clauses(toks, parse, q.tokens) : null };
}

/** Per question, 1 when pass 3 reads a clause of its word (the parse token the question's token starts in). */
function clauses(toks: Token[], parse: SyntaxToken[], questions: number[]): Uint8Array {
  const kids = childrenOf(parse);
  let j = 0;
  // questions ascend, as the parse does: one walk
  return Uint8Array.from(questions, (i) => {
    while (j < parse.length && parse[j].end <= toks[i].start) j++;
    return j < parse.length && parse[j].start <= toks[i].start && clauseOfCue(parse, kids, j) ? 1 : 0;
  });
}

/** Averaged binary perceptron over the questions of `docs`; features seen fewer than MIN_COUNT times dropped. */
function train(docs: Doc[], meta: Record<string, unknown>): CueModel {
  const counts = new Map<number, number>();
  for (const d of docs) for (const fs of d.q.feats) for (const f of fs) counts.set(f >>> 0, (counts.get(f >>> 0) ?? 0) + 1);
  const keys = Uint32Array.from([...counts].filter(([, c]) => c >= MIN_COUNT).map(([k]) => k)).sort();
  const rowOf = new Map<number, number>();
  keys.forEach((k, r) => rowOf.set(k, r));
  const items: { rows: Int32Array; y: number }[] = [];
  for (const d of docs)
    d.q.feats.forEach((fs, c) => {
      const rows = fs.map((f) => rowOf.get(f >>> 0) ?? -1).filter((r) => r >= 0);
      items.push({ rows: Int32Array.from(rows), y: d.gold[c] ? 1 : -1 });
    });
  const w = new Float64Array(keys.length);
  const u = new Float64Array(keys.length);
  let c = 1;
  let seed = SEED;
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
  const idx = items.map((_, i) => i);
  for (let ep = 0; ep < EPOCHS; ep++) {
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    let errs = 0;
    for (const i of idx) {
      const { rows, y } = items[i];
      let s = 0;
      for (const r of rows) s += w[r];
      if (y * s <= 0) {
        errs++;
        for (const r of rows) {
          w[r] += y;
          u[r] += y * c;
        }
      }
      c++;
    }
    if (ep === EPOCHS - 1 || ep % 3 === 0) log(`epoch ${ep + 1}: ${errs} errors of ${items.length}`);
  }
  const weights = Float32Array.from(w, (x, r) => x - u[r] / c);
  return { keys, weights, meta: { ...meta, epochs: EPOCHS, minCount: MIN_COUNT, seed: SEED, questions: items.length } };
}

/**
 * The shipped scale: out of fold on PolNeAR train, the classifier of session 19 (quotes-13) let
 * SHIPPED_FALSE[t] questions that are no cue score above t. The thresholds downstream were chosen on
 * that scale (the review's action floor at -10, pass 3 at 10; the rankers' bins at -10, 0 and 10). A
 * model with other features scores on another one (more features, wider sums), and each threshold
 * would cut elsewhere; `--scale` (with `--folds`) maps the scores affinely (every weight times a, b
 * added to the bias) so that out of fold as many false cues pass -10 and 10 as before: a better
 * model then gains at each threshold in right cues, not in a shifted cut.
 */
const SHIPPED_FALSE: Record<number, number> = { [-10]: 10139, 10: 1216 };

/** The affine map (a, b) of `scale`, fitted on the out-of-fold scores of the questions that are no cue. */
function shippedScale(negatives: number[]): { a: number; b: number } {
  const sorted = [...negatives].sort((x, y) => y - x);
  const lo = sorted[SHIPPED_FALSE[-10]];
  const hi = sorted[SHIPPED_FALSE[10]];
  const a = 20 / (hi - lo);
  return { a, b: -10 - a * lo };
}

function rescaled(m: CueModel, { a, b }: { a: number; b: number }): CueModel {
  const weights = Float32Array.from(m.weights, (w) => w * a);
  const bias = m.keys.indexOf(CUE_BIAS_FEATURE >>> 0);
  if (bias < 0) throw new Error('the model has no bias weight');
  weights[bias] += b;
  return { ...m, weights, meta: { ...m.meta, scaled: { a: Number(a.toFixed(6)), b: Number(b.toFixed(6)) } } };
}

/**
 * Precision, recall and F1 of cue words (recall of every letter token of a gold Cue span, asked
 * about or not), and the attributions found: the share of gold attributions whose cue has a word
 * accepted (what the tagger needs: one likely cue per attribution).
 */
function score(docs: Doc[], accept: (d: Doc, c: number) => boolean): string {
  let tp = 0;
  let fp = 0;
  let gold = 0;
  let atts = 0;
  let found = 0;
  for (const d of docs) {
    gold += d.goldCues;
    const yes = new Set<number>();
    d.q.tokens.forEach((i, c) => {
      if (!accept(d, c)) return;
      yes.add(i);
      if (d.gold[c]) tp++;
      else fp++;
    });
    atts += d.attributions.length;
    for (const a of d.attributions) if (a.some((i) => yes.has(i))) found++;
  }
  const p = tp / Math.max(1, tp + fp);
  const r = tp / Math.max(1, gold);
  const f1 = (2 * p * r) / Math.max(1e-9, p + r);
  return `P ${p.toFixed(4)} R ${r.toFixed(4)} F1 ${f1.toFixed(4)} (${tp} of ${gold} gold cue words, ${fp} false); attributions with a cue word accepted ${(found / Math.max(1, atts)).toFixed(4)} (${found} of ${atts})`;
}

/** The tagger's own likely cues: words whose cue bin, learned from `docs`, is 3 or more (train-attrib's lexicon). */
function lexiconCues(docs: Doc[]): (d: Doc, c: number) => boolean {
  const total = new Map<string, number>();
  const asCue = new Map<string, number>();
  for (const d of docs)
    d.toks.forEach((t) => {
      if (/\p{L}/u.test(t.text)) total.set(keyOf(t.text), (total.get(keyOf(t.text)) ?? 0) + 1);
    });
  for (const d of docs) for (const i of new Set(d.attributions.flat())) asCue.set(keyOf(d.toks[i].text), (asCue.get(keyOf(d.toks[i].text)) ?? 0) + 1);
  return (d, c) => {
    const k = keyOf(d.toks[d.q.tokens[c]].text);
    const a = asCue.get(k) ?? 0;
    return a >= 2 && cueBin(a / (total.get(k) ?? a)) >= 3;
  };
}

const split = trainSplit(DATA, HOLDOUT, PER_OUTLET);
const docs = split.train.map((name) => readDoc(name, split.annFiles));
const held = split.held.map((name) => readDoc(name, split.annFiles)).filter((d): d is Doc => d !== null);
const trainDocs = docs.filter((d): d is Doc => d !== null);
if (CACHE && !cached) writeFileSync(CACHE, JSON.stringify(analysed));
log(`train: ${trainDocs.length} articles, ${trainDocs.reduce((a, d) => a + d.q.tokens.length, 0)} questions; held out: ${held.length}`);
const meta = { data: 'PolNeAR train', articles: trainDocs.length, heldOut: held.length };
// with --folds, each fold's model is trained on the training articles whose position is not k modulo 2 (as train-attrib --fold and --cues count it: articles without annotations keep their place)
const own = (fold: number) => docs.filter((d, i): d is Doc => d !== null && i % 2 !== fold);
let folds = FOLDS ? [0, 1].map((fold) => train(own(fold), { ...meta, fold })) : [];
const outOfFold = (pick: (d: Doc, m: CueModel) => void) => docs.forEach((d, i) => d && pick(d, folds[i % 2]));
let model = train(trainDocs, meta);
if (SCALE) {
  if (!FOLDS) throw new Error('--scale needs --folds: the scale is fitted out of fold');
  const negatives: number[] = [];
  outOfFold((d, m) => d.q.feats.forEach((fs, c) => d.gold[c] || negatives.push(cueScore(m, fs))));
  const ab = shippedScale(negatives);
  model = rescaled(model, ab);
  folds = folds.map((m) => rescaled(m, ab));
  log(`scaled to the shipped model's out-of-fold false cues at -10 and 10: score times ${ab.a.toFixed(4)}, plus ${ab.b.toFixed(4)}`);
}
writeFileSync(OUT, writeCueFile(model));
log(`wrote ${OUT}: ${model.keys.length} features`);
if (held.length) {
  for (const th of [0, -2, -5, -10]) log(`held out, classifier, score > ${th}: ${score(held, (d, c) => cueScore(model, d.q.feats[c]) > th)}`);
  log(`held out, cue bin >= 3: ${score(held, lexiconCues(trainDocs))}`);
}
if (FOLDS) {
  folds.forEach((m, fold) => {
    const path = OUT.replace(/(\.bin)?$/, `.fold${fold}.bin`);
    writeFileSync(path, writeCueFile(m));
    log(`wrote ${path}`);
  });
  const byDoc = new Map<Doc, CueModel>();
  outOfFold((d, m) => byDoc.set(d, m));
  for (const th of [-10, 0, 10]) log(`train, out of fold, score > ${th}: ${score(trainDocs, (d, c) => cueScore(byDoc.get(d)!, d.q.feats[c]) > th)}`);
  // the trade without a threshold: at the score that lets a given number of false cue words through, how many attributions get a cue word
  // (two models whose scores have another scale compare here, where their counts above 0 and 10 do not)
  const negatives: number[] = [];
  for (const d of trainDocs) d.q.feats.forEach((fs, c) => d.gold[c] || negatives.push(cueScore(byDoc.get(d)!, fs)));
  negatives.sort((x, y) => y - x);
  for (const n of [1000, 2000, 3000, 5000, 8000]) {
    const th = negatives[Math.min(n, negatives.length - 1)];
    log(`train, out of fold, ${n} false cue words (score > ${th.toFixed(2)}): ${score(trainDocs, (d, c) => cueScore(byDoc.get(d)!, d.q.feats[c]) > th)}`);
  }
  // the long tail: attributions whose cue words are each a cue fewer than RARE times in the other fold's articles
  const RARE = 3;
  const asCue = [0, 1].map((fold) => {
    const n = new Map<string, number>();
    docs.forEach((d, i) => d && i % 2 !== fold && d.attributions.flat().forEach((t) => n.set(keyOf(d.toks[t].text), (n.get(keyOf(d.toks[t].text)) ?? 0) + 1)));
    return n;
  });
  const rare = (d: Doc, i: number) => d.attributions.filter((a) => a.every((t) => (asCue[i % 2].get(keyOf(d.toks[t].text)) ?? 0) < RARE));
  const tail = docs.flatMap((d, i) => (d ? [{ ...d, attributions: rare(d, i), goldCues: 0 }] : []));
  const tailOf = new Map(tail.map((t, k) => [t, byDoc.get(trainDocs[k])!]));
  for (const th of [0, 10]) log(`train, out of fold, attributions with cue words rare as cues (< ${RARE} in the other fold), score > ${th}: ${score(tail, (d, c) => cueScore(tailOf.get(d)!, d.q.feats[c]) > th).replace(/^.*; /, '')}`);
  if (REFUSALS) refusals(byDoc);
}

/**
 * Out of fold, the gold attributions whose asked cue words all score at or below 0, by their best score,
 * and those of them (and of the attributions accepted at or below pass 3's threshold) whose best word has
 * a clause pass 3 reads: the attributions a better classifier could give content through pass 3.
 */
function refusals(byDoc: Map<Doc, CueModel>): void {
  const bands = [-20, -10, -5, 0];
  const refused = [0, 0, 0, 0];
  let asked = 0;
  let clause = 0;
  let nearClause = 0;
  let below = 0;
  for (const d of trainDocs) {
    const at = new Map(d.q.tokens.map((i, c) => [i, c]));
    for (const a of d.attributions) {
      let best = -1;
      let bs = -Infinity;
      for (const i of a) {
        const c = at.get(i);
        const s = c === undefined ? -Infinity : cueScore(byDoc.get(d)!, d.q.feats[c]);
        if (c !== undefined && s > bs) [best, bs] = [c, s];
      }
      if (best < 0) continue;
      asked++;
      const withClause = d.clause![best] === 1;
      if (bs > 0) {
        if (bs <= PARSE_CONTENT_THRESHOLD && withClause) below++;
        continue;
      }
      refused[bands.findIndex((b) => bs <= b)]++;
      if (withClause) clause++;
      if (withClause && bs > -5) nearClause++;
    }
  }
  log(`train, out of fold, refusals: ${refused.reduce((x, y) => x + y, 0)} of ${asked} attributions asked about score every cue word <= 0 (<= -20 ${refused[0]}, (-20, -10] ${refused[1]}, (-10, -5] ${refused[2]}, (-5, 0] ${refused[3]})`);
  log(`train, out of fold, refusals with a clause pass 3 reads: ${clause} (${nearClause} of them above -5); accepted at or below pass 3's threshold (${PARSE_CONTENT_THRESHOLD}) with such a clause: ${below}`);
}

/**
 * Where indirect content ends: a learned ranker over the content's possible last words.
 *
 * The attribution tagger (../attribution) decides each token's tag with first-order transitions:
 * it cannot see the span it builds as a whole, and many of its boundary misses on PolNeAR are
 * content that stops short of the gold end or runs on past it. This model scores every way the
 * content can end, given where it starts and its cue, with features of the whole span: the words
 * and parts of speech at the boundary, the dependency relations that cross it (a span that cuts a
 * phrase in two leaves dependents outside it or heads outside it), whether the span ends where the
 * parse ends the cue's complement or the cue's clause, its length, its commas, the words left in
 * the sentence, how far the end lies from the end the earlier passes gave, and the cue
 * classifier's scores (../attribution/cue-classifier.ts) of the verbs inside the span after a comma
 * and between the end and the passes' end: a content that runs on into a second attribution takes
 * in a verb the classifier takes for a cue ("… not paid anything in federal income taxes ― as was
 * true for the few years … ― Trump boasted, …").
 *
 * It is a linear model, trained by scripts/train-content-ends.ts on the contents the quote passes
 * find in PolNeAR train (each half of train tagged by a tagger trained on the other half) as a
 * cost-augmented averaged perceptron over the candidates: the end to rank first is the one whose
 * content overlaps the annotated content most, and an end that misses eval:quotes' overlap match
 * must lose by a wider margin. At run time the end the passes gave gets a fixed bonus (KEEP_BONUS)
 * and only later ends compete with it: the ranker extends content, it never cuts it (on the train
 * holdout its cuts lost more matches than they gained).
 *
 * The model file is models/content-ends.bin (flat container, magic CEND: the feature hashes in
 * order, their float32 weights, the training metadata), trained by `npm run train:content-ends`
 * (quotes/NOTES.md: its figures); without the file the quotes are exactly those of the passes.
 */
import { join } from 'node:path';
import type { EntityMention, Span, SyntaxToken, Token } from '../../model/types.js';
import { tokenAt } from '../../text/tokenize.js';
import { hash } from '../entities/features.js';
import { mix } from '../attribution/features.js';
import { CueScores, loadCueClassifier } from '../attribution/cue-classifier.js';
import { packageRoot } from '../../util/paths.js';
import { readSparseWeights, type SparseWeights, sparseWeightsLoader, weightTable, writeSparseWeights } from '../learn/sparse-weights.js';
import { universalRelation } from '../syntax/helpers.js';
import { cueClassOf } from './cues.js';

const MAGIC = 'CEND';

/** The shipped model; `TRIANGULATE_CONTENT_ENDS_MODEL` points elsewhere (a model trained with a holdout). */
export const DEFAULT_CONTENT_ENDS_MODEL = process.env.TRIANGULATE_CONTENT_ENDS_MODEL || join(packageRoot(), 'models', 'content-ends.bin');

/**
 * Score added to the end the earlier passes gave (in weight units of a model trained with the
 * script's defaults). Chosen on the per-outlet train holdout (train-content-ends.ts --held-tagger
 * prints the sweep; end to end, eval:quotes on the 119 held-out articles): with the cue
 * classifier's features 8 and 16 gain most (overlap F1 0.696 / 0.697 against 0.695 at 12), 0-2
 * lose more matches than the larger bonuses, 32 moves almost nothing. `TRIANGULATE_KEEP_BONUS`
 * overrides it for a sweep (train-quotes.ts).
 */
export const KEEP_BONUS = keepBonus(process.env.TRIANGULATE_KEEP_BONUS);
function keepBonus(setting: string | undefined): number {
  if (setting === undefined || setting === '') return 16;
  const n = Number(setting);
  // (a sweep that mistypes its value must stop, not run every article with a NaN bonus)
  if (!Number.isFinite(n)) throw new Error(`TRIANGULATE_KEEP_BONUS must be a number, got "${setting}"`);
  return n;
}

/** Longest content (parse tokens) the ranker considers; longer sentences keep their end. */
const MAX_SPAN = 120;

/** One content to end: its cue and first token (parse indexes), and the last token of its sentence. */
export interface EndQuestion {
  cue: number;
  first: number;
  /** The sentence's last token (inclusive). */
  last: number;
  /** The content's last token as the earlier passes end it. */
  current: number;
  /** The cue classifier's score of a parse token (null: not a verb it is asked about, or no classifier). */
  cueScore?: CueScorer | null;
}

/** The cue classifier's score of parse token j as the head of an attribution; null when it is not asked about j. */
export type CueScorer = (j: number) => number | null;

/**
 * The cue classifier's scores of an article's verbs, for the ranker's features: a second
 * attribution a content runs on into starts at a word the classifier takes for a cue ("… income
 * taxes ― as was true … ― Trump boasted, …"). `scores` is the article's one cache of the
 * classifier's scores (QuoteDoc.cueScores, shared with pass 3); null without it.
 */
export function verbCueScorer(toks: Token[], parse: readonly SyntaxToken[], scores: CueScores | null): CueScorer | null {
  if (!scores || !parse.length) return null;
  return (j) => {
    if (parse[j].upos !== 'VERB') return null;
    const i = tokenAt(toks, parse[j].start);
    return i < toks.length && toks[i].start === parse[j].start ? scores.at(i) : null;
  };
}

/** verbCueScorer over a document given by its parts (the training script's documents). */
export function cueScorer(toks: Token[], quoted: Span[], entities: readonly EntityMention[], parse: readonly SyntaxToken[], kids: number[][]): CueScorer | null {
  const model = loadCueClassifier();
  return model && parse.length ? verbCueScorer(toks, parse, new CueScores(model, toks, parse, entities, quoted, () => kids)) : null;
}

const hasWord = (t: SyntaxToken) => /[\p{L}\p{N}]/u.test(t.text);

/**
 * The question to ask of a content `span` whose cue is parse token `cue`: its first and last words
 * and its sentence's last token; null when the content does not follow its cue within the cue's
 * sentence (the ranker is trained on such content only).
 */
export function endQuestion(tokens: readonly SyntaxToken[], span: Span, cue: number, cueScore: CueScorer | null = null): EndQuestion | null {
  if (cue < 0 || cue >= tokens.length) return null;
  let first = tokenAt(tokens, span.start);
  let current = tokenAt(tokens, span.end) - 1;
  if (first <= cue || current < first || current >= tokens.length) return null;
  while (first < current && !hasWord(tokens[first])) first++;
  while (current > first && !hasWord(tokens[current])) current--;
  const sentence = tokens[cue].sentence;
  if (tokens[first].sentence !== sentence || tokens[current].sentence !== sentence || !hasWord(tokens[current])) return null;
  let last = cue;
  while (last + 1 < tokens.length && tokens[last + 1].sentence === sentence) last++;
  return { cue, first, last, current, cueScore };
}

const T = Object.fromEntries(
  'last lastpos next nextpos nextword nwrel nword comp clause len cross atend remain cuelem commas cuein bal lastnext nwrelx cur curpc cuecut cuespan'.split(' ').map((t) => [t, hash(`cend:${t}`)]),
) as Record<string, number>;

// (shared with the content cut, content-cuts.ts: one reading of a token's relation, punctuation and a length's bucket)
export const rel = (t: SyntaxToken) => universalRelation(t.deprel);
export const isPunct = (t: SyntaxToken) => t.upos === 'PUNCT' || !/[\p{L}\p{N}]/u.test(t.text);
export const bucket = (n: number) => (n <= 2 ? n : n <= 4 ? 3 : n <= 8 ? 4 : n <= 16 ? 5 : n <= 32 ? 6 : 7);

/**
 * Per article (its parse), what the ranker and the content cut (content-cuts.ts) read of each token,
 * read once for all its contents: five numbers per token, its punctuation flag (1 a word, 2
 * punctuation) and the hashes of its lower-cased word, part of speech, relation and word as written;
 * 0 not read yet.
 */
const TOKEN_FACTS = new WeakMap<readonly SyntaxToken[], Uint32Array>();
export type TokenFacts = Uint32Array;
export function tokenFacts(tokens: readonly SyntaxToken[]): TokenFacts {
  let tf = TOKEN_FACTS.get(tokens);
  if (!tf) TOKEN_FACTS.set(tokens, (tf = new Uint32Array(5 * tokens.length)));
  return tf;
}
export const punctAt = (tf: TokenFacts, tokens: readonly SyntaxToken[], i: number) => (tf[5 * i] || (tf[5 * i] = isPunct(tokens[i]) ? 2 : 1)) === 2;
export const wordAt = (tf: TokenFacts, tokens: readonly SyntaxToken[], i: number) => tf[5 * i + 1] || (tf[5 * i + 1] = hash(tokens[i].text.toLowerCase()));
export const posAt = (tf: TokenFacts, tokens: readonly SyntaxToken[], i: number) => tf[5 * i + 2] || (tf[5 * i + 2] = hash(tokens[i].upos));
export const depAt = (tf: TokenFacts, tokens: readonly SyntaxToken[], i: number) => tf[5 * i + 3] || (tf[5 * i + 3] = hash(rel(tokens[i])));
const textAt = (tf: TokenFacts, tokens: readonly SyntaxToken[], i: number) => tf[5 * i + 4] || (tf[5 * i + 4] = hash(tokens[i].text));

/** The punctuation class of a token after the content: a comma, a stop, a dash, a quotation mark, a bracket, other punctuation, or a word. */
function punctClass(t: SyntaxToken | undefined): number {
  if (!t) return 0;
  const w = t.text;
  if (w === ',') return 1;
  if (/^[.!?]+$/.test(w)) return 2;
  if (/^[—–―-]+$/.test(w)) return 3;
  if (/^[“”"‘’'«»]$/.test(w)) return 4;
  if (/^[()[\]]$/.test(w)) return 5;
  if (w === ';' || w === ':') return 6;
  return isPunct(t) ? 7 : 8;
}

/** A cue classifier score in five bins: none asked, at or below -10, to 0, to 10, above 10. */
const scoreBin = (s: number) => (Number.isNaN(s) ? 0 : s <= -10 ? 1 : s <= 0 ? 2 : s <= 10 ? 3 : 4);

/**
 * Per token of the span [a, last], the cue classifier's score (NaN: not asked), and per candidate
 * end the highest score of a word between it and the passes' end (what a cut leaves out, what an
 * extension takes in). Empty arrays without a scorer. Only the words some candidate from `from` on
 * reads are scored: those after `from` and those after the span's first comma.
 */
function cueScores(tokens: readonly SyntaxToken[], qn: EndQuestion, a: number, last: number, from: number): { inSpan: Float32Array; between: Float32Array } {
  const n = last - a + 1;
  const inSpan = new Float32Array(n).fill(NaN);
  const between = new Float32Array(n).fill(NaN);
  const score = qn.cueScore;
  if (!score || n <= 0) return { inSpan, between };
  let comma = false;
  for (let k = 0; k < n; k++) {
    if (comma || a + k > from) inSpan[k] = score(a + k) ?? NaN;
    if (tokens[a + k].text === ',') comma = true;
  }
  const cur = qn.current - a;
  // before the passes' end: the words after the candidate up to that end; after it: the words after that end up to the candidate
  let m = NaN;
  for (let k = Math.min(cur, n - 1) - 1; k >= 0; k--) {
    const s = inSpan[k + 1];
    if (!Number.isNaN(s) && !(m >= s)) m = s;
    between[k] = m;
  }
  m = NaN;
  for (let k = cur + 1; k < n; k++) {
    const s = inSpan[k];
    if (!Number.isNaN(s) && !(m >= s)) m = s;
    between[k] = m;
  }
  return { inSpan, between };
}

/** Last token (non-punctuation) of the subtree of token r, within [lo, hi]. */
function subtreeEnd(tokens: readonly SyntaxToken[], kids: number[][], r: number, lo: number, hi: number): number {
  let end = r;
  const stack = [r];
  for (let steps = 0; stack.length && steps < 4 * MAX_SPAN; steps++) {
    const x = stack.pop()!;
    if (x >= lo && x <= hi && !isPunct(tokens[x]) && x > end) end = x;
    for (const c of kids[x]) stack.push(c);
  }
  return end;
}

/** Where token i's head lies relative to the span [a, e] and the cue: 0 inside, 1 the cue, 2 before, 3 after, 4 none. */
function attach(tokens: readonly SyntaxToken[], i: number, a: number, e: number, cue: number): number {
  const h = tokens[i].head;
  if (h < 0) return 4;
  if (h === cue) return 1;
  return h >= a && h <= e ? 0 : h < a ? 2 : 3;
}

/**
 * Per candidate end e in [a, last] (index e - a), the dependencies the boundary after e cuts: `out`,
 * the words of [a, e] whose head lies after e (up to the sentence's last token s1); `inn`, the words
 * after e (at most MAX_SPAN tokens after it, up to s1) whose head lies in [a, e]. Each word adds
 * itself to the range of ends it crosses (difference arrays): linear in the span, where counting
 * per end was quadratic.
 */
export function crossings(tokens: readonly SyntaxToken[], P: (i: number) => boolean, a: number, last: number, s1: number): { out: Int32Array; inn: Int32Array } {
  const n = last - a + 1;
  const out = new Int32Array(n + 1);
  const inn = new Int32Array(n + 1);
  for (let i = a; i <= s1 && i <= last + MAX_SPAN; i++) {
    if (P(i)) continue;
    const h = tokens[i].head;
    if (h > i && h <= s1 && i <= last) {
      // ends e with i <= e < h
      out[i - a]++;
      out[Math.min(h, last + 1) - a]--;
    } else if (h >= a && h < i) {
      // ends e with h <= e < i and i <= e + MAX_SPAN
      const lo = Math.max(h, i - MAX_SPAN);
      const hi = Math.min(i - 1, last);
      if (lo <= hi) {
        inn[lo - a]++;
        inn[hi + 1 - a]--;
      }
    }
  }
  for (let k = 1; k <= n; k++) {
    out[k] += out[k - 1];
    inn[k] += inn[k - 1];
  }
  return { out, inn };
}

/**
 * The candidates of one content: every non-punctuation token from its first on to the end of its
 * sentence (at most MAX_SPAN), each with its feature hashes. The caller scores them. Candidates
 * before `from` are left out (their words still count in the later ones' features): ranking only
 * needs the end the passes gave and the later ones.
 */
export function endCandidates(tokens: readonly SyntaxToken[], kids: number[][], qn: EndQuestion, from = qn.first): { ends: number[]; feats: number[][] } {
  const ends: number[] = [];
  const feats: number[][] = [];
  eachCandidate(tokens, kids, qn, from, (e, fs) => {
    ends.push(e);
    feats.push(fs.slice());
  });
  return { ends, feats };
}

/** Features per candidate end (CANDIDATE_FEATURES hashes). */
const CANDIDATE_FEATURES = 23;

/**
 * endCandidates one by one: `visit` gets each candidate end in text order with its feature hashes
 * in `fs`, a buffer the next candidate overwrites (the ranker scores it at once, keeping nothing).
 */
function eachCandidate(tokens: readonly SyntaxToken[], kids: number[][], qn: EndQuestion, from: number, visit: (e: number, fs: readonly number[]) => void): void {
  const { cue, first: a } = qn;
  const last = Math.min(qn.last, a + MAX_SPAN - 1);
  if (a > last || cue < 0) return;
  const fs: number[] = new Array<number>(CANDIDATE_FEATURES).fill(0);
  const cueTok = tokens[cue];
  const lemma = hash((cueClassOf(cueTok.lemma) ? cueTok.lemma : cueTok.upos).toLowerCase());
  // the cue's complement that holds the content's first word, and the cue's clause
  let comp = a;
  for (let d = 0; comp >= 0 && tokens[comp].head !== cue && d < 40; d++) comp = tokens[comp].head;
  const compEnd = comp >= 0 && tokens[comp].head === cue ? subtreeEnd(tokens, kids, comp, a, last) : -1;
  const clauseEnd = subtreeEnd(tokens, kids, cue, a, last);
  // each token's punctuation flag and hashes, read once per article (tokenFacts)
  const tf = tokenFacts(tokens);
  const P = (i: number) => punctAt(tf, tokens, i);
  const word = (i: number) => wordAt(tf, tokens, i);
  const pos = (i: number) => posAt(tf, tokens, i);
  const dep = (i: number) => depAt(tf, tokens, i);
  const { out: outAt, inn: innAt } = crossings(tokens, P, a, last, qn.last);
  const curPc = punctClass(qn.current < qn.last ? tokens[qn.current + 1] : undefined);
  let wordsTo = 0;
  for (let i = a; i <= qn.current; i++) if (!P(i)) wordsTo++;
  let wordsLeft = 0;
  for (let i = a; i <= qn.last; i++) if (!P(i)) wordsLeft++;
  const cs = cueScores(tokens, qn, a, last, from);
  let words = 0;
  let commas = 0;
  let balance = 0;
  let cueIn = 0;
  let cueInScore = NaN;
  for (let e = a; e <= last; e++) {
    const t = tokens[e];
    if (t.text === ',') commas++;
    if (/^[([]$/.test(t.text)) balance++;
    if (/^[)\]]$/.test(t.text)) balance--;
    if (P(e)) continue;
    words++;
    // a second reporting verb after a comma inside the content: often a second attribution
    if (commas > 0 && t.upos === 'VERB' && cueClassOf(t.lemma)) cueIn = 1;
    const ts = cs.inSpan[e - a];
    if (commas > 0 && e > a && !Number.isNaN(ts) && !(cueInScore >= ts)) cueInScore = ts;
    if (e < from) continue;
    const nx = e + 1 <= qn.last ? e + 1 : -1;
    let nw = nx;
    while (nw >= 0 && nw <= qn.last && P(nw)) nw++;
    if (nw > qn.last) nw = -1;
    const out = outAt[e - a];
    const inn = innAt[e - a];
    const pc = punctClass(nx >= 0 ? tokens[nx] : undefined);
    const nxKey = nx < 0 ? 1 : pc !== 8 ? textAt(tf, tokens, nx) : word(nx);
    const nwPos = nw >= 0 ? pos(nw) : 1;
    const nwDep = nw >= 0 ? dep(nw) : 1;
    const nwAt = nw >= 0 ? attach(tokens, nw, a, e, cue) : 5;
    const compRel = compEnd < 0 ? 3 : e < compEnd ? 0 : e === compEnd ? 1 : 2;
    const clauseRel = e < clauseEnd ? 0 : e === clauseEnd ? 1 : 2;
    const left = wordsLeft - words;
    const cross = Math.min(out, 3) * 4 + Math.min(inn, 3);
    // where the candidate lies from the end the earlier passes gave, in words
    const moved = words - wordsTo;
    const cur = moved === 0 ? 0 : moved < 0 ? 1 + bucket(-moved) : 9 + bucket(moved);
    fs[0] = mix(T.last, word(e));
    fs[1] = mix(mix(T.lastpos, pos(e)), pc);
    fs[2] = mix(T.next, nxKey);
    fs[3] = mix(mix(T.nextpos, nx >= 0 ? pos(nx) : 1), nx >= 0 ? dep(nx) : 1);
    fs[4] = mix(mix(T.nextword, nxKey), nwPos);
    fs[5] = mix(mix(T.nwrel, nwDep), nwAt);
    fs[6] = mix(mix(T.nword, nw >= 0 ? word(nw) : 1), nwAt);
    fs[7] = mix(mix(T.comp, compRel), pc);
    fs[8] = mix(mix(T.clause, clauseRel), pc);
    fs[9] = mix(T.len, bucket(words));
    fs[10] = mix(mix(T.cross, cross), pc);
    fs[11] = mix(T.atend, left === 0 ? 1 : 0);
    fs[12] = mix(T.remain, bucket(left));
    fs[13] = mix(mix(mix(T.cuelem, lemma), pc), compRel);
    fs[14] = mix(mix(T.commas, Math.min(commas, 4)), left === 0 ? 1 : 0);
    fs[15] = mix(mix(T.cuein, cueIn), pc);
    fs[16] = mix(T.bal, balance === 0 ? 0 : 1);
    fs[17] = mix(mix(T.lastnext, word(e)), nxKey);
    fs[18] = mix(mix(mix(T.nwrelx, nwDep), nxKey), inn > 0 ? 1 : 0);
    fs[19] = mix(mix(T.cur, cur), pc);
    fs[20] = mix(mix(T.curpc, curPc), Math.sign(moved) + 1);
    // the cue classifier: a likely cue between this end and the passes' end, a likely cue inside the span after a comma
    fs[21] = mix(mix(mix(T.cuecut, scoreBin(cs.between[e - a])), Math.sign(moved) + 1), pc);
    fs[22] = mix(mix(T.cuespan, scoreBin(cueInScore)), pc);
    visit(e, fs);
  }
}

/** The trained weights (a sparse linear model over the candidates' feature hashes). */
export type ContentEndsModel = SparseWeights;

export const writeContentEndsFile = (m: ContentEndsModel): Buffer => writeSparseWeights(MAGIC, m);
export const readContentEndsFile = (file: Buffer): ContentEndsModel => readSparseWeights(file, MAGIC, 'a content-ends model');

/**
 * The last token of the content (parse index): the end the model ranks first among the end the
 * earlier passes gave (`current`, with a bonus of KEEP_BONUS) and the later ones; `current` itself
 * when it is not a candidate. Ties go to the earlier end. The ranker only extends content: on the
 * train holdout its moves to a later end gained 19 matches and lost 5, its moves to an earlier end
 * gained 5 and lost 10 (NOTES.md).
 */
export function bestEnd(m: ContentEndsModel, tokens: readonly SyntaxToken[], kids: number[][], qn: EndQuestion): number {
  const { current } = qn;
  // the candidates from the current end on, scored as they come: none when the first is not the current end
  let first = true;
  let ranked = false;
  let best = current;
  let bestScore = -Infinity;
  const table = weightTable(m);
  eachCandidate(tokens, kids, qn, current, (e, fs) => {
    if (first) {
      first = false;
      ranked = e === current;
    }
    if (!ranked) return;
    const s = table.score(fs) + (e === current ? KEEP_BONUS : 0);
    if (s > bestScore) {
      bestScore = s;
      best = e;
    }
  });
  return ranked ? best : current;
}

/** The shipped model, loaded on first use and kept; null when the file is missing or unreadable. */
export const loadContentEnds: (path?: string) => ContentEndsModel | null = sparseWeightsLoader(DEFAULT_CONTENT_ENDS_MODEL, MAGIC, 'a content-ends model');

/**
 * Where indirect content stops, when it runs on: a learned "cut here" decision at the
 * boundaries inside a content where a phrase that is not part of what was reported can begin.
 *
 * The content-end ranker (content-ends.ts) only extends: its cuts, ranked among every word of the
 * sentence, gained as many matches as they lost. Many contents still run on past where PolNeAR's
 * content stops: an adjunct of the cue ("denounced [the annexation] in an on-air diatribe"), a
 * clause after a comma ("[he expects Clinton to fully recover], which forced her to leave …"), an
 * apposition, a second clause after a semicolon. This model looks at those boundaries only: a cut
 * before a punctuation mark that follows a word, and a cut before a phrase that hangs on the cue or
 * on the kept words as an adjunct, clause or modifier (by the parse). It ranks keeping the content
 * (with a fixed bonus, CUT_KEEP_BONUS) against each cut, with features of the boundary (its
 * punctuation, the phrase that would be cut: its relation, what it hangs on, its first word, whether
 * it holds a verb or a likely cue by the cue classifier, its length; the kept part's last word and
 * length; where the cue's complement and clause end) and the cue's word and class.
 *
 * A linear model, trained by scripts/train-content-cuts.ts on the contents the quote passes (with
 * the content-end ranker) find in PolNeAR train, each half tagged by a tagger trained on the other:
 * the option to rank first is the one whose content overlaps the annotated content best (keeping on
 * a tie). The model file is models/content-cuts.bin (flat container, magic CCUT); without it the
 * quotes are those of the passes and the ranker.
 */
import { join } from 'node:path';
import type { SyntaxToken } from '../../model/types.js';
import { hash } from '../entities/features.js';
import { mix } from '../attribution/features.js';
import { packageRoot } from '../../util/paths.js';
import { readSparseWeights, type SparseWeights, sparseWeightsLoader, type WeightTable, weightTable, writeSparseWeights } from '../learn/sparse-weights.js';
import { cueClassOf } from './cues.js';
import { bucket, depAt, type EndQuestion, isPunct, posAt, punctAt, rel, type TokenFacts, tokenFacts, wordAt } from './content-ends.js';

const MAGIC = 'CCUT';

/** The shipped model; `TRIANGULATE_CONTENT_CUTS_MODEL` points elsewhere (a model trained with a holdout, or a missing file: no cuts). */
export const DEFAULT_CONTENT_CUTS_MODEL = process.env.TRIANGULATE_CONTENT_CUTS_MODEL || join(packageRoot(), 'models', 'content-cuts.bin');

/**
 * Score added to keeping the content whole (weight units of a model trained with the script's
 * defaults): a cut must win by this much. Chosen on the development half of PolNeAR dev
 * (quotes/NOTES.md); `TRIANGULATE_CUT_BONUS` overrides it for that sweep.
 */
export const CUT_KEEP_BONUS = Number(process.env.TRIANGULATE_CUT_BONUS ?? '8');

/** Longest content (parse tokens) asked about. */
const MAX_SPAN = 120;

const T = Object.fromEntries(
  'bias pc nw nwpd unit unitcls unitlem verb cuescore kept cut lastpos comp clause quote nwunit pcat'.split(' ').map((t) => [t, hash(`ccut:${t}`)]),
) as Record<string, number>;

/** A boundary's punctuation: 0 none, 1 comma, 2 dash, 3 semicolon or colon, 4 bracket, 5 quotation mark, 6 other. */
function punctKind(t: SyntaxToken): number {
  const w = t.text;
  if (!isPunct(t)) return 0;
  if (w === ',') return 1;
  if (/^[—–―-]+$/.test(w)) return 2;
  if (w === ';' || w === ':') return 3;
  if (/^[()[\]]$/.test(w)) return 4;
  if (/^[“”"‘’'«»]+$/.test(w)) return 5;
  return 6;
}
/** Quotation marks a cut part can hold (one character each). */
const QUOTATION_MARKS = '“”"«»';
/** Relations of a phrase that can be a cut-off adjunct or an added clause rather than part of the content. */
const ADJUNCT = new Set(['obl', 'advcl', 'advmod', 'conj', 'acl', 'nmod', 'parataxis', 'appos', 'dep', 'xcomp', 'ccomp', 'cc']);

/** A cue classifier score in five bins: none asked, at or below -10, to 0, to 10, above 10. */
const scoreBin = (s: number) => (Number.isNaN(s) ? 0 : s <= -10 ? 1 : s <= 0 ? 2 : s <= 10 ? 3 : 4);

/** Last non-punctuation token of the subtree of r within [lo, hi] (-1: none). */
function subtreeEnd(tokens: readonly SyntaxToken[], kids: number[][], r: number, lo: number, hi: number): number {
  let end = -1;
  const stack = [r];
  for (let steps = 0; stack.length && steps < 4 * MAX_SPAN; steps++) {
    const x = stack.pop()!;
    if (x >= lo && x <= hi && !isPunct(tokens[x]) && x > end) end = x;
    for (const c of kids[x]) stack.push(c);
  }
  return end;
}

/** One cut: the content's new last token and the cut's feature hashes. */
export interface Cut {
  last: number;
  feats: number[];
}

/**
 * What the features of one cut are made of (eachCut): hashes of words, parts of speech and
 * relations, and small numbers. `featuresOf` makes the feature hashes of them, `CutWeights.weights`
 * their weights. The cue classifier's bin of the cut part is asked for apart (`cueBin`): it reads
 * the classifier's scores of the verbs the cut leaves out, which the ranker asks for only when the
 * cut can still win (bestCut).
 */
class CutFacts {
  /** The content's last token after the cut. */
  last = 0;
  /** The boundary's punctuation kind (punctKind): 0-6. */
  pk = 0;
  /** The first word cut: its lower-cased word, part of speech and relation (hashes). */
  word = 0;
  wordPos = 0;
  wordRel = 0;
  /** The cut phrase's relation (hash) and where its head lies: 0 the kept words, 1 the cue, 2 before the content, 3 after, 4 none. */
  unit = 0;
  where = 0;
  /** The kept part's last word's part of speech (hash). */
  lastPos = 0;
  /** Buckets (bucket) of the words kept and cut: 0-7. */
  kept = 0;
  cut = 0;
  /** The kept part's end against the end of the cue's complement and of its clause: 0-3. */
  comp = 0;
  clause = 0;
  /** A verb, a quotation mark in the cut part: 0 or 1. */
  verb = 0;
  quote = 0;
  /** The first token cut (the boundary). */
  k = 0;
  /** SUF_SCORE holds the likeliest cue from each token from this one on (scored back from the content's end). */
  private scoredFrom: number;

  constructor(
    private readonly tokens: readonly SyntaxToken[],
    private readonly qn: EndQuestion,
    /** The first boundary of the content (SUF_SCORE's index 0). */
    private readonly k0: number,
  ) {
    this.scoredFrom = qn.current + 1;
    SUF_SCORE[qn.current - k0 + 1] = NaN;
  }

  /** The cue classifier's bin (scoreBin) of the highest score of a verb the cut leaves out. */
  cueBin(): number {
    const { tokens, k0 } = this;
    for (; this.scoredFrom > this.k; this.scoredFrom--) {
      const i = this.scoredFrom - 1;
      const t = tokens[i];
      const s = t.upos === 'VERB' || t.upos === 'AUX' ? (this.qn.cueScore?.(i) ?? NaN) : NaN;
      const after = SUF_SCORE[i - k0 + 1];
      SUF_SCORE[i - k0] = Number.isNaN(s) || after >= s ? after : s;
    }
    return scoreBin(SUF_SCORE[this.k - k0]);
  }
}

/** Feature hashes per cut, in the model's slot order; the cue classifier's feature is slot CUE_SLOT. */
const CUT_FEATURES = 17;
const CUE_SLOT = 8;

/** The feature hashes of a cut into `fs`, with `bin` the cue classifier's bin of the cut part; cls and lem hash the cue's class and lemma. */
function featuresOf(f: CutFacts, cls: number, lem: number, bin: number, fs: number[]): number[] {
  const { pk } = f;
  fs[0] = T.bias;
  fs[1] = mix(T.pc, pk);
  fs[2] = mix(mix(T.nw, f.word), pk);
  fs[3] = mix(mix(mix(T.nwpd, f.wordPos), f.wordRel), pk);
  fs[4] = mix(mix(mix(T.unit, f.unit), f.where), pk);
  fs[5] = mix(mix(mix(T.unitcls, f.unit), cls), pk);
  fs[6] = mix(mix(T.unitlem, f.unit), lem);
  fs[7] = mix(mix(mix(T.verb, f.verb), f.unit), pk);
  fs[CUE_SLOT] = mix(mix(T.cuescore, bin), pk);
  fs[9] = mix(T.kept, f.kept);
  fs[10] = mix(mix(T.cut, f.cut), pk);
  fs[11] = mix(mix(T.lastpos, f.lastPos), pk);
  fs[12] = mix(mix(T.comp, f.comp), pk);
  fs[13] = mix(mix(T.clause, f.clause), pk);
  fs[14] = mix(mix(T.quote, f.quote), pk);
  fs[15] = mix(mix(T.nwunit, f.word), f.unit);
  fs[16] = mix(mix(mix(T.pcat, pk), f.where), cls);
  return fs;
}


/**
 * Scratch arrays of one content's boundaries and of what lies from each token to its end, reused
 * from content to content (no content asked about is longer than MAX_SPAN; eachCut is not re-entered).
 * Per boundary: the first token cut, the first word cut, the kept part's last word and its word
 * count, the punctuation kind, the cut phrase's head token and where that phrase hangs.
 */
const B_K = new Int32Array(MAX_SPAN);
const B_W = new Int32Array(MAX_SPAN);
const B_LAST = new Int32Array(MAX_SPAN);
const B_KEPT = new Int32Array(MAX_SPAN);
const B_PK = new Int32Array(MAX_SPAN);
const B_UNIT = new Int32Array(MAX_SPAN);
const B_WHERE = new Int32Array(MAX_SPAN);
const SUF_WORDS = new Uint16Array(MAX_SPAN + 2);
const SUF_VERB = new Uint8Array(MAX_SPAN + 2);
const SUF_QUOTE = new Uint8Array(MAX_SPAN + 2);
const SUF_SCORE = new Float64Array(MAX_SPAN + 2);

/**
 * The boundaries of content [a, z] (cue `cue`) where a cut is asked about, in text order, into the
 * B_ arrays; returns their count. A boundary is the first token after a word: a punctuation run
 * there (its kind the run's, quotation marks aside), or a word that starts a phrase hanging on the
 * cue or on the kept words as an adjunct or added clause.
 */
function boundaries(tokens: readonly SyntaxToken[], tf: TokenFacts, cue: number, a: number, z: number): number {
  let count = 0;
  let kept = 0;
  for (let k = a + 1; k <= z; k++) {
    if (punctAt(tf, tokens, k - 1)) continue;
    kept++;
    const lastWord = k - 1;
    let pk = 0;
    let w = k;
    for (; w <= z && punctAt(tf, tokens, w); w++) {
      const kind = punctKind(tokens[w]);
      if (kind !== 5 && (pk === 0 || kind < pk)) pk = kind;
    }
    if (w > z) break;
    // the phrase that begins there: the highest ancestor of w whose head lies outside the cut part
    let u = w;
    for (let d = 0; d < 40; d++) {
      const h = tokens[u].head;
      if (h < w || h > z) break;
      u = h;
    }
    const h = tokens[u].head;
    const where = h === cue ? 1 : h >= a && h < k ? 0 : h < a ? 2 : h < 0 ? 4 : 3;
    if (pk === 0 && !((where === 0 || where === 1) && ADJUNCT.has(rel(tokens[u])))) continue;
    B_K[count] = k;
    B_W[count] = w;
    B_LAST[count] = lastWord;
    B_KEPT[count] = kept;
    B_PK[count] = pk;
    B_UNIT[count] = u;
    B_WHERE[count] = where;
    count++;
  }
  return count;
}

/**
 * Where the cue's complement `comp` (-1: none) and the cue's clause end within the content: the last
 * word of each one's subtree there (-1: none), as subtreeEnd gives them. Each word from the content's
 * end back is placed by the heads above it, the labels kept along the way so that no token is walked
 * twice; in a sentence longer than subtreeEnd's walk (4 * MAX_SPAN tokens), by subtreeEnd itself.
 */
function clauseEnds(tokens: readonly SyntaxToken[], kids: number[][], tf: TokenFacts, qn: EndQuestion, comp: number): [number, number] {
  const { cue, first: a, current: z, last: s1 } = qn;
  let s0 = cue;
  while (s0 > 0 && tokens[s0 - 1].sentence === tokens[cue].sentence) s0--;
  if (s1 - s0 + 1 > 4 * MAX_SPAN) return [comp >= 0 ? subtreeEnd(tokens, kids, comp, a, z) : -1, subtreeEnd(tokens, kids, cue, a, z)];
  // per token of the sentence: 0 not placed yet, 1 in the complement, 2 in the clause outside it, 3 neither
  const label = new Uint8Array(s1 - s0 + 1);
  if (comp >= s0 && comp <= s1) label[comp - s0] = 1;
  label[cue - s0] = 2;
  let compEnd = -1;
  let clauseEnd = -1;
  // the tokens walked from a word up to a placed one (at most the sentence: a parse is a tree)
  const path = new Int32Array(s1 - s0 + 1);
  for (let i = z; i >= a && (clauseEnd < 0 || (comp >= 0 && compEnd < 0)); i--) {
    if (punctAt(tf, tokens, i)) continue;
    let x = i;
    let walked = 0;
    while (x >= s0 && x <= s1 && label[x - s0] === 0 && walked < path.length) {
      path[walked++] = x;
      x = tokens[x].head;
    }
    const l = x >= s0 && x <= s1 ? label[x - s0] || 3 : 3;
    for (let p = 0; p < walked; p++) label[path[p] - s0] = l;
    if (l === 1 && compEnd < 0) compEnd = i;
    if (l <= 2 && clauseEnd < 0) clauseEnd = i;
  }
  return [compEnd, clauseEnd];
}

/**
 * Visits the cuts of a content (qn: its cue, first and current last token, from content-ends'
 * endQuestion) in text order, at the boundaries (above). None for a content of one word or longer
 * than MAX_SPAN. `visit` gets the cut's facts (one object the next cut overwrites) and the hashes of
 * the cue's class and lemma.
 */
function eachCut(tokens: readonly SyntaxToken[], kids: number[][], qn: EndQuestion, visit: (f: CutFacts, cls: number, lem: number) => void): void {
  const { cue, first: a, current: z } = qn;
  if (z - a < 1 || z - a >= MAX_SPAN || cue < 0) return;
  const tf = tokenFacts(tokens);
  const count = boundaries(tokens, tf, cue, a, z);
  if (!count) return;
  const cueTok = tokens[cue];
  const cueCls = cueClassOf(cueTok.lemma.toLowerCase());
  const cls = hash(cueCls ?? 'none');
  const lem = hash((cueCls ? cueTok.lemma : cueTok.upos).toLowerCase());
  let comp = a;
  for (let d = 0; comp >= 0 && tokens[comp].head !== cue && d < 40; d++) comp = tokens[comp].head;
  const [compEnd, clauseEnd] = clauseEnds(tokens, kids, tf, qn, comp >= 0 && tokens[comp].head === cue ? comp : -1);
  // what lies from each token after the first boundary to the content's end: its words, a verb, a quotation mark
  const k0 = B_K[0];
  SUF_WORDS[z - k0 + 1] = 0;
  SUF_VERB[z - k0 + 1] = 0;
  SUF_QUOTE[z - k0 + 1] = 0;
  for (let i = z; i >= k0; i--) {
    const t = tokens[i];
    const k = i - k0;
    SUF_WORDS[k] = SUF_WORDS[k + 1] + (punctAt(tf, tokens, i) ? 0 : 1);
    SUF_VERB[k] = SUF_VERB[k + 1] | (t.upos === 'VERB' || t.upos === 'AUX' ? 1 : 0);
    SUF_QUOTE[k] = SUF_QUOTE[k + 1] | (t.text.length === 1 && QUOTATION_MARKS.includes(t.text) ? 1 : 0);
  }
  const f = new CutFacts(tokens, qn, k0);
  for (let b = 0; b < count; b++) {
    const k = B_K[b];
    const w = B_W[b];
    const lastWord = B_LAST[b];
    f.k = k;
    f.last = lastWord;
    f.pk = B_PK[b];
    f.word = wordAt(tf, tokens, w);
    f.wordPos = posAt(tf, tokens, w);
    f.wordRel = depAt(tf, tokens, w);
    f.unit = depAt(tf, tokens, B_UNIT[b]);
    f.where = B_WHERE[b];
    f.lastPos = posAt(tf, tokens, lastWord);
    f.kept = bucket(B_KEPT[b]);
    f.cut = bucket(SUF_WORDS[k - k0]);
    f.comp = compEnd < 0 ? 3 : lastWord < compEnd ? 0 : lastWord === compEnd ? 1 : 2;
    f.clause = clauseEnd < 0 ? 3 : lastWord < clauseEnd ? 0 : lastWord === clauseEnd ? 1 : 2;
    f.verb = SUF_VERB[k - k0];
    f.quote = SUF_QUOTE[k - k0];
    visit(f, cls, lem);
  }
}

/** The cuts of a content (see eachCut), each with its feature hashes (the training script's examples). */
export function contentCuts(tokens: readonly SyntaxToken[], kids: number[][], qn: EndQuestion): Cut[] {
  const out: Cut[] = [];
  eachCut(tokens, kids, qn, (f, cls, lem) => out.push({ last: f.last, feats: featuresOf(f, cls, lem, f.cueBin(), new Array<number>(CUT_FEATURES)) }));
  return out;
}

/** The trained weights (a sparse linear model over the cuts' feature hashes). */
export type ContentCutsModel = SparseWeights;

export const writeContentCutsFile = (m: ContentCutsModel): Buffer => writeSparseWeights(MAGIC, m);
export const readContentCutsFile = (file: Buffer): ContentCutsModel => readSparseWeights(file, MAGIC, 'a content-cuts model');

/**
 * A model's weights laid out for bestCut, each the model's weight of the feature's hash: the
 * model's weight table, and for the features of small numbers (the punctuation kind with a bucket,
 * a flag or the cue classifier's bin) the weight of every value in an array.
 */
class CutWeights {
  private readonly table: WeightTable;
  /** Indexed by punctuation kind (7), after the value: [value * 7 + pk]. */
  private readonly byKind: Record<'pc' | 'cut' | 'comp' | 'clause' | 'quote' | 'cue', Float64Array>;
  private readonly kept = new Float64Array(8);
  /** Per punctuation kind, the cue classifier's feature at its highest weight (over its five bins). */
  private readonly cueMax = new Float64Array(7).fill(-Infinity);
  private readonly bias: number;

  constructor(m: ContentCutsModel) {
    const table = (this.table = weightTable(m));
    const byValue = (t: number, values: number) => Float64Array.from({ length: values * 7 }, (_, i) => table.weight(mix(mix(t, Math.floor(i / 7)), i % 7)));
    this.byKind = { pc: Float64Array.from({ length: 7 }, (_, pk) => table.weight(mix(T.pc, pk))), cut: byValue(T.cut, 8), comp: byValue(T.comp, 4), clause: byValue(T.clause, 4), quote: byValue(T.quote, 2), cue: byValue(T.cuescore, 5) };
    for (let b = 0; b < 8; b++) this.kept[b] = table.weight(mix(T.kept, b));
    for (let i = 0; i < 35; i++) this.cueMax[i % 7] = Math.max(this.cueMax[i % 7], this.byKind.cue[i]);
    this.bias = table.weight(T.bias);
  }

  /** The cue classifier's feature's weight at punctuation kind pk and bin `bin`. */
  cueWeight(pk: number, bin: number): number {
    return this.byKind.cue[bin * 7 + pk];
  }

  /** The weights of a cut's features (featuresOf's slots) into w, the cue classifier's at bin `bin` (-1: its highest). */
  weights(f: CutFacts, cls: number, lem: number, bin: number, w: Float64Array): void {
    const { pk } = f;
    const K = this.byKind;
    w[0] = this.bias;
    w[1] = K.pc[pk];
    w[2] = this.table.weight(mix(mix(T.nw, f.word), pk));
    w[3] = this.table.weight(mix(mix(mix(T.nwpd, f.wordPos), f.wordRel), pk));
    w[4] = this.table.weight(mix(mix(mix(T.unit, f.unit), f.where), pk));
    w[5] = this.table.weight(mix(mix(mix(T.unitcls, f.unit), cls), pk));
    w[6] = this.table.weight(mix(mix(T.unitlem, f.unit), lem));
    w[7] = this.table.weight(mix(mix(mix(T.verb, f.verb), f.unit), pk));
    w[CUE_SLOT] = bin < 0 ? this.cueMax[pk] : this.cueWeight(pk, bin);
    w[9] = this.kept[f.kept];
    w[10] = K.cut[f.cut * 7 + pk];
    w[11] = this.table.weight(mix(mix(T.lastpos, f.lastPos), pk));
    w[12] = K.comp[f.comp * 7 + pk];
    w[13] = K.clause[f.clause * 7 + pk];
    w[14] = K.quote[f.quote * 7 + pk];
    w[15] = this.table.weight(mix(mix(T.nwunit, f.word), f.unit));
    w[16] = this.table.weight(mix(mix(mix(T.pcat, pk), f.where), cls));
  }
}

const CUT_WEIGHTS = new WeakMap<ContentCutsModel, CutWeights>();
function cutWeights(m: ContentCutsModel): CutWeights {
  let cw = CUT_WEIGHTS.get(m);
  if (!cw) CUT_WEIGHTS.set(m, (cw = new CutWeights(m)));
  return cw;
}

/** The sum of a cut's weights in slot order (the order scoreOf adds a cut's features in). */
function sumOf(w: Float64Array): number {
  let s = 0;
  for (let f = 0; f < w.length; f++) s += w[f];
  return s;
}

/**
 * The content's last token after the cut the model ranks first, or `qn.current` when keeping the
 * content whole (score CUT_KEEP_BONUS) ranks above every cut. Ties keep the content. A cut is first
 * scored with the cue classifier's feature at its highest weight: when that cannot win (most cuts;
 * addition rounds monotonically, so the score is no higher), the classifier is not asked about its
 * verbs.
 */
export function bestCut(m: ContentCutsModel, tokens: readonly SyntaxToken[], kids: number[][], qn: EndQuestion, bonus = CUT_KEEP_BONUS): number {
  let best = qn.current;
  let bestScore = bonus;
  const cw = cutWeights(m);
  const w = new Float64Array(CUT_FEATURES);
  eachCut(tokens, kids, qn, (f, cls, lem) => {
    cw.weights(f, cls, lem, -1, w);
    if (sumOf(w) <= bestScore) return;
    w[CUE_SLOT] = cw.cueWeight(f.pk, f.cueBin());
    const s = sumOf(w);
    if (s > bestScore) {
      bestScore = s;
      best = f.last;
    }
  });
  // a closing quotation mark right after the kept words stays with them
  while (best < qn.current && /^[”’"»]$/.test(tokens[best + 1].text)) best++;
  return best;
}

/** The shipped model, loaded on first use and kept; null when the file is missing or unreadable. */
export const loadContentCuts: (path?: string) => ContentCutsModel | null = sparseWeightsLoader(DEFAULT_CONTENT_CUTS_MODEL, MAGIC, 'a content-cuts model');

/**
 * Features of the attribution tagger, shared by training (scripts/train-attrib.ts) and inference
 * (model.ts), so both see exactly the same thing. Each feature is a 32-bit hash: the word hashes
 * come from the entity tagger's FNV-1a (`hash`, `shortShape` of src/analyse/entities/features.ts),
 * combined with template ids by `mix`, so no feature string is built per token.
 *
 * Per token: the word, its neighbours and bigrams, shape and suffix, membership in the cue lexicon
 * (learned from the training Cue spans, binned by how often the word is a cue), the distance to the
 * nearest likely cue on each side with that cue's word, clause markers between the cue and the token
 * (comma, "that", colon), whether the token is inside quotation marks, the entity type of the token
 * (when entity mentions are given), and its position in the sentence. When the article's dependency
 * parse is given (documentInfo's `parse`), also the tree features (TreeFacts): the token's relation,
 * the relation by which its branch hangs from the nearest cue above it, the arguments a cue takes,
 * the relation of the token's clause. A model trained with them (train-attrib --parse) should be
 * given the parse; a model trained without them ignores them (no weights).
 */
import type { EntityMention, Span, SyntaxToken, Token } from '../../model/types.js';
import { hash, type Lexicon, shortShape } from '../entities/features.js';

/** Lower-cased word (digits as 0) → cue bin 1..5 (5: nearly always a cue). Shipped in the model file. */
export type CueLexicon = Map<string, number>;
/** Lower-cased word → distributional cluster (bit string), copied from the entity model's lexicon into the attribution model. */
export type Clusters = Lexicon<string>;

/** Bin of a word's cue ratio (cue occurrences / occurrences) in the training data. */
export function cueBin(ratio: number): number {
  return ratio >= 0.6 ? 5 : ratio >= 0.35 ? 4 : ratio >= 0.15 ? 3 : ratio >= 0.05 ? 2 : 1;
}

/** Cue bins from which a word counts as a likely cue for the distance features. */
const STRONG = 3;

export function mix(h: number, v: number): number {
  let x = Math.imul(h ^ v, 0x01000193) >>> 0;
  x ^= x >>> 15;
  x = Math.imul(x, 0x2c1b3c6d) >>> 0;
  x ^= x >>> 13;
  return x === 0 ? 1 : x;
}

const T = Object.fromEntries(
  (
    'b w sh suf pre w-1 w+1 w-2 w+2 w-1w ww+1 sh-1 sh+1 cb cb-1 cb+1 cb+2 dl dr dlw drw dlc dlt dlq dlcol drc nocue q qdl qm ' +
    'e e-1 e+1 pos first last punct punctdl wdl wdr cap capdr sent w-1dl lcn ncue cbc cbe rcp k4 k8 k12 k8-1 k8+1 k8dl k8dr lck8 ' +
    'dep depu hcb hdep anc ancw kid frame clause linked'
  )
    .split(' ')
    .map((t) => [t, hash(`attr:${t}`)]),
) as Record<string, number>;

export const keyOf = (w: string): string => w.toLowerCase().replace(/[0-9]/g, '0');

const ENT_CODE: Record<string, number> = { PER: 1, ORG: 2, LOC: 3, MISC: 4 };

/** Per-token facts of one document, computed once. */
export interface DocInfo {
  toks: Token[];
  lowerH: Uint32Array;
  shapeH: Uint32Array;
  sufH: Uint32Array;
  preH: Uint32Array;
  cue: Uint8Array;
  /**
   * 1 for a likely cue, the token the distance and clause-mark features measure from: a word of cue
   * bin STRONG or more, or, once setLikelyCues has run (a tagger trained with the cue classifier,
   * cue-classifier.ts), the words the classifier accepts.
   */
  likely: Uint8Array;
  /** 1 inside quotation marks (the marks excluded). */
  inQuote: Uint8Array;
  /** 1 for a quotation mark. */
  mark: Uint8Array;
  /** Entity code ×2 (+1 inside a mention after its first token); 0 outside mentions. */
  ent: Uint8Array;
  cap: Uint8Array;
  /** Hashes of the word's cluster prefixes of 4, 8 and 12 bits (3 per token; 0 when unknown). */
  k: Uint32Array;
  /** 1 for a token with no letter or digit. */
  punct: Uint8Array;
  /**
   * Each token's row in the per-word facts `facts` (FACTS_STRIDE words per row): the word's own
   * facts, then from word SUMS_AT a tagger's weight sums (when documentInfo was given one).
   */
  rows: Int32Array;
  facts: Uint32Array;
  /**
   * The tagger whose weight sums of the word features (WordSums) are in the facts rows (from
   * SUMS_AT), when documentInfo was given one: sentenceFeatures then leaves the word features out
   * and the tagger adds the sums instead.
   */
  sums: WordSums | null;
  /** The dependency parse as tree facts per token (parseFacts), or null when no parse was given. */
  tree: TreeFacts | null;
}

/** Where the tagger's sums begin in a row of DocInfo.facts; uint32 words per row. */
export const SUMS_AT = 11;
/** Tags of the attribution tagger (model.ts TAGS), the length of each weight sum. */
const NTAGS = 7;
/** Values of a capped distance bucket (wordNear): 0 (no cue on that side), 1, 2, 3 and beyond. */
export const NEAR = 4;
export const FACTS_STRIDE = SUMS_AT + 3 * NTAGS + 2 * NEAR * NTAGS;

/**
 * A tagger that sums, once per word, the weights of the features that depend on that word alone:
 * as the token (wordU), as the token's left neighbour (wordL), as its right neighbour (wordR),
 * NTAGS int32 each; then the word's features with its capped distance to the nearest cue on the
 * left (wordNear side 0), NEAR sums of NTAGS, and on the right (side 1): 3 + 2 × NEAR sums written
 * at out[p..] from the word's own facts at f[o..].
 */
export interface WordSums {
  wordSums(f: Uint32Array, o: number, out: Uint32Array, p: number): void;
}

/** The features of a word alone as the token, from its facts at f[o..] (as sentenceFeatures writes them). */
export function wordU(f: Uint32Array, o: number): number[] {
  return [T_b, mix(T_w, f[o]), mix(T_sh, f[o + 1]), mix(T_suf, f[o + 2]), mix(T_pre, f[o + 3]), mix(T_cb, f[o + 4]), mix(T_k8, f[o + 6])];
}
/** The features of the word before the token: its key hash `w`, shape hash `sh`, cue bin `cb` (11, 11, 9 before the sentence). */
export function wordL(w: number, sh: number, cb: number): number[] {
  return [mix(T_wm1, w), mix(T_shm1, sh), mix(T_cbm1, cb)];
}
/** The features of the word after the token (13, 13, 9 after the sentence). */
export function wordR(w: number, sh: number, cb: number): number[] {
  return [mix(T_wp1, w), mix(T_shp1, sh), mix(T_cbp1, cb)];
}
/** The features of the word with its distance bucket `d` (capped at 3) to the nearest cue on its left (side 0) or right (side 1). */
export function wordNear(f: Uint32Array, o: number, side: 0 | 1, d: number): number[] {
  return side === 0 ? [mix(mix(T_wdl, f[o]), d), mix(mix(T_k8dl, f[o + 6]), d)] : [mix(mix(T_wdr, f[o]), d), mix(mix(T_k8dr, f[o + 6]), d)];
}

const isMark = (s: string) => /^[“”„«»"]$/.test(s);
const isPunct = (s: string) => !/[\p{L}\p{N}]/u.test(s);

/**
 * Uint32 words of facts per word: hashes of the key, shape, suffix, prefix; cue bin; cluster
 * prefixes ×3; mark; capital; punctuation (SUMS_AT words); then the tagger's weight sums (0 when
 * not given).
 */
const FACTS = FACTS_STRIDE;
/**
 * Per-word facts kept across documents for one lexicon (bounded): the word's row in `facts` (a
 * typed array, so that the hot loop below reads one kind of value).
 */
let wordCache: {
  lex: CueLexicon;
  clusters: Clusters;
  sums: WordSums | null;
  /** Each row's word (row r is words[r]). */
  words: string[];
  /** Open-addressing table of row + 1 by the word's hash (wordSlot); 0 is an empty slot. */
  slots: Int32Array;
  facts: Uint32Array;
} | null = null;

/**
 * Word forms kept before the cache starts again (checked between documents): a stream of records
 * each with its own numbers and codes would otherwise grow it without end. 30,000 forms are about
 * 10.5 MB of facts (352 bytes each, in a table grown by doubling to 11.5 MB) and hold the vocabulary
 * of several hundred articles (PolNeAR train: 840 articles, 31,301 forms).
 */
const WORDS_KEPT = 30_000;

/**
 * Slots of the word table at the start: a power of two over twice WORDS_KEPT (the cache starts
 * again past WORDS_KEPT, checked between documents; one document with more new words than that
 * doubles the table, wordRow). A table of our own in place of a Map keyed on the token's text:
 * every token is a new string, and a Map has V8 compute its hash out of line (the single costliest
 * line of the speed line, qspeed33/34); FNV-1a over its characters is computed here in line.
 */
const SLOTS = 1 << 16;

/** FNV-1a of the characters of `w` (entities/features.ts hash), its high bits mixed into the low ones the mask keeps. */
function wordHash(w: string): number {
  const h = hash(w);
  return h ^ (h >>> 17);
}

/** The slot of word `w` in table `slots`: its row's slot, or the empty slot where it goes. */
function wordSlot(words: readonly string[], slots: Int32Array, w: string): number {
  const mask = slots.length - 1;
  let s = wordHash(w) & mask;
  for (let r = slots[s]; r !== 0 && words[r - 1] !== w; r = slots[s]) s = (s + 1) & mask;
  return s;
}

/** The row of word `w` (at most 40 characters) in the cache's facts, computed on first sight. */
function wordRow(w: string): number {
  const cache = wordCache!;
  const s = wordSlot(cache.words, cache.slots, w);
  if (cache.slots[s] !== 0) return cache.slots[s] - 1;
  const r = cache.words.length;
  if (2 * (r + 1) > cache.slots.length) {
    // (more new words in one document than the table was made for: the same rows in a table twice the size)
    cache.slots = new Int32Array(2 * cache.slots.length);
    for (let k = 0; k < r; k++) cache.slots[wordSlot(cache.words, cache.slots, cache.words[k])] = k + 1;
    return wordRow(w);
  }
  if ((r + 1) * FACTS > cache.facts.length) {
    const grown = new Uint32Array(cache.facts.length * 2);
    grown.set(cache.facts);
    cache.facts = grown;
  }
  const k = keyOf(w);
  const cl = cache.clusters.get(w.toLowerCase());
  const f = cache.facts;
  const o = r * FACTS;
  f[o] = hash(k);
  f[o + 1] = hash(shortShape(w));
  f[o + 2] = hash(k.length > 3 ? k.slice(-3) : k);
  f[o + 3] = hash(k.length > 3 ? k.slice(0, 3) : k);
  f[o + 4] = cache.lex.get(k) ?? 0;
  f[o + 5] = cl ? hash(cl.slice(0, 4)) : 0;
  f[o + 6] = cl ? hash(cl.slice(0, 8)) : 0;
  f[o + 7] = cl ? hash(cl) : 0;
  f[o + 8] = isMark(w) ? 1 : 0;
  f[o + 9] = /^\p{Lu}/u.test(w) ? 1 : 0;
  f[o + 10] = isPunct(w) ? 1 : 0;
  if (cache.sums) cache.sums.wordSums(f, o, f, o + SUMS_AT);
  cache.words.push(w);
  cache.slots[s] = r + 1;
  return r;
}

/**
 * @param text the text the tokens index (quotation marks normalised, see normaliseQuoteMarks)
 * @param quoted quotation-marked segments (inner spans), sorted
 * @param sums when given, the tagger's sums of each word's features are kept (DocInfo.sums)
 */
export function documentInfo(
  _text: string,
  toks: Token[],
  quoted: Span[],
  entities: EntityMention[],
  lex: CueLexicon,
  clusters: Clusters,
  sums: WordSums | null = null,
  parse: readonly SyntaxToken[] | null = null,
): DocInfo {
  const n = toks.length;
  const info: DocInfo = {
    toks,
    lowerH: new Uint32Array(n),
    shapeH: new Uint32Array(n),
    sufH: new Uint32Array(n),
    preH: new Uint32Array(n),
    cue: new Uint8Array(n),
    likely: new Uint8Array(n),
    inQuote: new Uint8Array(n),
    mark: new Uint8Array(n),
    ent: new Uint8Array(n),
    cap: new Uint8Array(n),
    k: new Uint32Array(n * 3),
    punct: new Uint8Array(n),
    rows: new Int32Array(n),
    facts: new Uint32Array(0),
    sums,
    tree: null,
  };
  const c = wordCache;
  if (!c || c.lex !== lex || c.clusters !== clusters || c.sums !== sums || c.words.length > WORDS_KEPT)
    wordCache = { lex, clusters, sums, words: [], slots: new Int32Array(SLOTS), facts: new Uint32Array(4096 * FACTS) };
  wordFacts(info);
  quotationState(info, quoted);
  entityCodes(info, entities);
  if (parse?.length) info.tree = parseFacts(info, parse);
  return info;
}

/** The cached facts of each token's word. */
function wordFacts(info: DocInfo): void {
  const { toks, lowerH, shapeH, sufH, preH, cue, k: K, mark, cap, punct, rows } = info;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i].text;
    const w = t.length > 40 ? t.slice(0, 40) : t;
    const r = wordRow(w);
    const f = wordCache!.facts;
    const o = r * FACTS;
    lowerH[i] = f[o];
    shapeH[i] = f[o + 1];
    sufH[i] = f[o + 2];
    preH[i] = f[o + 3];
    cue[i] = f[o + 4];
    K[i * 3] = f[o + 5];
    K[i * 3 + 1] = f[o + 6];
    K[i * 3 + 2] = f[o + 7];
    mark[i] = f[o + 8];
    cap[i] = f[o + 9];
    // (the cached facts are of the first 40 characters)
    punct[i] = w === t ? f[o + 10] : isPunct(t) ? 1 : 0;
    rows[i] = r;
    info.likely[i] = cue[i] >= STRONG ? 1 : 0;
  }
  // (the facts only grow while rows are added: this array holds every row of the document)
  info.facts = wordCache!.facts;
}

/**
 * The cue classifier's decisions as the document's likely cues: where it was asked (`asked`, token
 * indexes), its answer (`accepted`, per token); elsewhere the cue bin decides as before.
 */
export function setLikelyCues(info: DocInfo, asked: readonly number[], accepted: Uint8Array): void {
  for (const i of asked) info.likely[i] = accepted[i];
}

/**
 * The quotation marks among `toks` and the tokens inside quotation-marked segments `quoted` (as
 * DocInfo.mark and .inQuote), for a reader that needs no more of the document's facts.
 */
export function quotationFlags(toks: Token[], quoted: Span[]): { inQuote: Uint8Array; mark: Uint8Array } {
  const mark = new Uint8Array(toks.length);
  for (let i = 0; i < toks.length; i++) if (toks[i].text.length === 1 && isMark(toks[i].text)) mark[i] = 1;
  const info = { toks, mark, inQuote: new Uint8Array(toks.length) } as DocInfo;
  quotationState(info, quoted);
  return { inQuote: info.inQuote, mark: info.mark };
}

/** Quotation state, by walking tokens and segments together. */
function quotationState(info: DocInfo, quoted: Span[]): void {
  const { toks, mark, inQuote } = info;
  const n = toks.length;
  let s = 0;
  for (let i = 0; i < n && s < quoted.length; i++) {
    const p = toks[i].start;
    while (s < quoted.length && quoted[s].end <= p) s++;
    if (s < quoted.length && quoted[s].start <= p && !mark[i]) inQuote[i] = 1;
  }
}

/** Entity codes of the tokens inside mentions. */
function entityCodes(info: DocInfo, entities: EntityMention[]): void {
  const { toks, ent } = info;
  const n = toks.length;
  let e = 0;
  const ents = entities.filter((m) => m.span && m.span.end > m.span.start).sort((a, b) => a.span.start - b.span.start);
  for (let i = 0; i < n && e < ents.length; i++) {
    const p = toks[i].start;
    while (e < ents.length && ents[e].span.end <= p) e++;
    if (e < ents.length && ents[e].span.start <= p) {
      const code = ENT_CODE[ents[e].type] ?? 4;
      ent[i] = code * 2 + (ents[e].span.start < p ? 1 : 0);
    }
  }
}

/**
 * The dependency tree as the tagger sees it, per token of the document (index into DocInfo.toks):
 * the token's relation and part of speech, its head, and what the tree says about attribution:
 * the nearest ancestor that is a likely cue (the content of "said" is its clausal complement, the
 * source its subject), the relation by which the token's branch hangs from that cue, the likeliest
 * cue among its children ("according" under the source of "according to"), the arguments it takes
 * itself (a cue with a clausal complement and a subject is an attribution frame) and the relation
 * of the clause it sits in (a relative or adverbial clause ends a content).
 */
export interface TreeFacts {
  /** Hash of the relation to the head (0 when the token has no parse token). */
  dep: Uint32Array;
  /** Hash of the universal part of speech. */
  upos: Uint32Array;
  head: Int32Array;
  /** Nearest ancestor with a cue bin of at least ANCESTOR_CUE_BIN within MAX_DEPTH steps, else -1. */
  anc: Int32Array;
  /** Hash of the relation of the child of `anc` on the path to the token (the token's own when the cue is its head). */
  top: Uint32Array;
  /** Steps from the token up to `anc`. */
  depth: Uint8Array;
  /** The child with the highest cue bin (at least ANCESTOR_CUE_BIN): its bin and the hash of its relation. */
  kidBin: Uint8Array;
  kidRel: Uint32Array;
  /** Bits of the token's children: 1 a clausal complement, 2 a subject, 4 an object. */
  args: Uint8Array;
  /** Hash of the relation of the nearest verb at or above the token (the clause it belongs to). */
  clause: Uint32Array;
}

/** Cue bin from which an ancestor counts as the cue a token's branch may report. */
const ANCESTOR_CUE_BIN = STRONG;
/** Steps walked up the tree looking for that cue. */
const MAX_DEPTH = 12;
const CLAUSAL = new Set(['ccomp', 'xcomp', 'parataxis', 'csubj']);
const SUBJECT = new Set(['nsubj', 'nsubj:pass', 'expl']);
const OBJECT = new Set(['obj', 'iobj']);

const labelHashes = new Map<string, number>();
const labelHash = (s: string): number => {
  let h = labelHashes.get(s);
  if (h === undefined) labelHashes.set(s, (h = hash(s) || 1));
  return h;
};

/**
 * Tree facts of the document's tokens from its parse (SyntaxToken offsets index the same text:
 * normaliseQuoteMarks keeps every offset). Each token takes the parse token it starts in.
 */
export function parseFacts(info: DocInfo, parse: readonly SyntaxToken[]): TreeFacts {
  const { toks, cue: C } = info;
  const n = toks.length;
  const P = parse.length;
  const synOf = new Int32Array(n).fill(-1);
  const attrOf = new Int32Array(P).fill(-1);
  for (let i = 0, j = 0; i < n; i++) {
    const s = toks[i].start;
    while (j < P && parse[j].end <= s) j++;
    if (j < P && parse[j].start <= s) {
      synOf[i] = j;
      if (attrOf[j] < 0) attrOf[j] = i;
    }
  }
  const t: TreeFacts = {
    dep: new Uint32Array(n),
    upos: new Uint32Array(n),
    head: new Int32Array(n).fill(-1),
    anc: new Int32Array(n).fill(-1),
    top: new Uint32Array(n),
    depth: new Uint8Array(n),
    kidBin: new Uint8Array(n),
    kidRel: new Uint32Array(n),
    args: new Uint8Array(n),
    clause: new Uint32Array(n),
  };
  const verb = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const j = synOf[i];
    if (j < 0) continue;
    const p = parse[j];
    t.dep[i] = labelHash(p.deprel);
    t.upos[i] = labelHash(p.upos);
    verb[i] = p.upos === 'VERB' ? 1 : 0;
    const h = p.head >= 0 && p.head < P ? attrOf[p.head] : -1;
    // (a second token inside one parse token hangs from the first)
    t.head[i] = attrOf[j] === i ? (h === i ? -1 : h) : attrOf[j];
    if (attrOf[j] !== i) continue;
    const hd = t.head[i];
    if (hd < 0) continue;
    if (C[i] >= ANCESTOR_CUE_BIN && C[i] > t.kidBin[hd]) {
      t.kidBin[hd] = C[i];
      t.kidRel[hd] = t.dep[i];
    }
    if (CLAUSAL.has(p.deprel)) t.args[hd] |= 1;
    else if (SUBJECT.has(p.deprel)) t.args[hd] |= 2;
    else if (OBJECT.has(p.deprel)) t.args[hd] |= 4;
  }
  for (let i = 0; i < n; i++) {
    let child = i;
    let a = t.head[i];
    for (let d = 1; a >= 0 && d <= MAX_DEPTH; d++) {
      if (C[a] >= ANCESTOR_CUE_BIN) {
        t.anc[i] = a;
        t.top[i] = t.dep[child];
        t.depth[i] = d;
        break;
      }
      child = a;
      a = t.head[a];
    }
    let v = i;
    for (let d = 0; v >= 0 && d <= MAX_DEPTH && !verb[v]; d++) v = t.head[v];
    t.clause[i] = v >= 0 && verb[v] ? t.dep[v] : 0;
  }
  return t;
}

const bucket = (d: number): number => (d <= 0 ? 0 : d <= 4 ? d : d <= 6 ? 5 : d <= 10 ? 6 : d <= 20 ? 7 : 8);

/**
 * The closed features: templates whose arguments are a few small integers (distance buckets, cue
 * bins, flags, entity codes), so that every feature they can give is known in advance. Each
 * (template, arguments) is one row of a small table: sentenceFeatures computes the row, its hash is
 * closedHashes()[row] (the same mix chain as any template: mix(mix(T, a), b)), and a tagger that sums
 * each row's weights once (AttributionTagger) reads them from a table that stays in cache instead
 * of looking up the hash in its weight tables for every token.
 *
 * Argument sizes: a distance bucket 0..8, a cue bin 0..9 (9 beyond the sentence), a flag 0..1, an
 * entity code 0..9 or 99 beyond the sentence (stored as 10).
 */
const DIST = 9;
const BIN = 10;
const FLAG = 2;
const ENT = 11;
const CLOSED_SPEC: [template: string, sizes: number[]][] = [
  ['cb+2', [BIN, BIN]],
  ['dl', [DIST]],
  ['dr', [DIST]],
  ['dlc', [DIST, FLAG, DIST]],
  ['dlt', [DIST, FLAG]],
  ['dlq', [DIST, FLAG]],
  ['dlcol', [DIST, FLAG]],
  ['drc', [DIST, FLAG]],
  ['nocue', [FLAG]],
  ['q', [FLAG, FLAG]],
  ['qdl', [FLAG, DIST]],
  ['e', [ENT, FLAG]],
  ['e-1', [ENT]],
  ['e+1', [ENT]],
  ['capdr', [FLAG, 5]],
  ['pos', [6]],
  ['ncue', [4, FLAG]],
  ['cbc', [BIN, 3]],
  ['cbe', [BIN, ENT]],
];
/** Closed features per token. */
export const CLOSED_COUNT = CLOSED_SPEC.length;
/** Each closed template's first row. */
const CLOSED_AT: number[] = [];
let closedRows = 0;
for (const [, sizes] of CLOSED_SPEC) {
  CLOSED_AT.push(closedRows);
  closedRows += sizes.reduce((a, b) => a * b, 1);
}
/** An entity code as a closed argument (99, beyond the sentence, is 10) and back. */
const entArg = (e: number): number => (e === 99 ? 10 : e);

let closedHashCache: Uint32Array | null = null;
/** The hash of each row of the closed features (CLOSED_SPEC order, arguments row-major). */
export function closedHashes(): Uint32Array {
  if (closedHashCache) return closedHashCache;
  const out = new Uint32Array(closedRows);
  CLOSED_SPEC.forEach(([name, sizes], c) => {
    const size = sizes.reduce((a, b) => a * b, 1);
    for (let r = 0; r < size; r++) {
      let h = T[name];
      // the arguments of row r, first one most significant
      let rest = r;
      const args = sizes.map(() => 0);
      for (let a = sizes.length - 1; a >= 0; a--) {
        args[a] = rest % sizes[a];
        rest = (rest - args[a]) / sizes[a];
      }
      sizes.forEach((s, a) => (h = mix(h, s === ENT && args[a] === 10 ? 99 : args[a])));
      out[CLOSED_AT[c] + r] = h;
    }
  });
  return (closedHashCache = out);
}

/** Feature hashes of n tokens, `stride` slots per token (0 = no feature). */
export interface Feats {
  n: number;
  stride: number;
  data: Uint32Array;
  /**
   * When the tagger sums the closed features itself (DocInfo.sums given): per token, CLOSED_COUNT
   * rows of its closed-feature table (closedHashes) in place of those features' hashes in `data`.
   */
  closed: Uint16Array | null;
  /** With `closed`: per token its capped distance buckets to the nearest cue on the left and on the right (wordNear). */
  near: Uint8Array | null;
  /**
   * With `closed`: the cue-context features (those of the nearest cue on one side at the token's
   * distance bucket: dlw, lcn, lck8 on the left, drw, rcp on the right) left out of `data`: per
   * token its left and right row of `sideHashes` (SIDE_WIDTH hashes per row, 0 = none). Tokens with
   * the same cue at the same distance bucket share a row, so the tagger looks each row up once per
   * sentence, not once per token.
   */
  sides: Uint32Array | null;
  sideHashes: Uint32Array | null;
  /** Rows of sideHashes in use. */
  sideRows: number;
}

/** Hashes per row of Feats.sideHashes. */
export const SIDE_WIDTH = 3;

/** Slots per token of sentenceFeatures (at least the number of templates). */
const STRIDE = 56;
/**
 * Slots per token of sentenceFeatures when the tagger sums the word, closed and cue-context
 * features itself (DocInfo.sums): only the open features are left (the two word bigrams and
 * punctdl), and the tree features when there is a parse. The tagger then visits 3 slots per token,
 * not 56 of which about 2 are set.
 */
const OPEN_STRIDE = 3;
const TREE_SLOTS = 10;
/** Slots per token of stackFeatures. */
const STACK_STRIDE = 13;

/** The feature hashes of token k of `f`, as a list (for training). */
export function featuresOf(f: Feats, k: number): number[] {
  const out: number[] = [];
  for (let j = k * f.stride; j < (k + 1) * f.stride; j++) if (f.data[j]) out.push(f.data[j]);
  return out;
}

/** The template ids as constants (read per token). */
const T_b = T['b'];
const T_w = T['w'];
const T_sh = T['sh'];
const T_suf = T['suf'];
const T_pre = T['pre'];
const T_wm1 = T['w-1'];
const T_wp1 = T['w+1'];
const T_wm1w = T['w-1w'];
const T_wwp1 = T['ww+1'];
const T_shm1 = T['sh-1'];
const T_shp1 = T['sh+1'];
const T_cb = T['cb'];
const T_cbm1 = T['cb-1'];
const T_cbp1 = T['cb+1'];
const T_dlw = T['dlw'];
const T_drw = T['drw'];
const T_wdl = T['wdl'];
const T_wdr = T['wdr'];
const T_punctdl = T['punctdl'];
const T_lcn = T['lcn'];
const T_rcp = T['rcp'];
const T_k8 = T['k8'];
const T_k8dl = T['k8dl'];
const T_k8dr = T['k8dr'];
const T_lck8 = T['lck8'];
const T_dep = T['dep'];
const T_depu = T['depu'];
const T_hcb = T['hcb'];
const T_hdep = T['hdep'];
const T_anc = T['anc'];
const T_ancw = T['ancw'];
const T_kid = T['kid'];
const T_frame = T['frame'];
const T_clause = T['clause'];
const T_linked = T['linked'];

/** The buffers sentenceFeatures reuses when asked to (grown as needed). */
let scratch = new Uint32Array(64 * STRIDE);
let closedScratch = new Uint16Array(64 * CLOSED_COUNT);
let nearScratch = new Uint8Array(128);
let sidesScratch = new Uint32Array(128);
let sideHashScratch = new Uint32Array(128 * SIDE_WIDTH);

/** Each closed template's column (C_) among a token's closed features and its first row (AT_). */
const closedColumn = (name: string): number => CLOSED_SPEC.findIndex(([t]) => t === name);
const [C_cbp2, C_dl, C_dr, C_dlc, C_dlt, C_dlq, C_dlcol, C_drc, C_nocue, C_q, C_qdl, C_e, C_em1, C_ep1, C_capdr, C_pos, C_ncue, C_cbc, C_cbe] = [
  'cb+2', 'dl', 'dr', 'dlc', 'dlt', 'dlq', 'dlcol', 'drc', 'nocue', 'q', 'qdl', 'e', 'e-1', 'e+1', 'capdr', 'pos', 'ncue', 'cbc', 'cbe',
].map(closedColumn);
const [AT_cbp2, AT_dl, AT_dr, AT_dlc, AT_dlt, AT_dlq, AT_dlcol, AT_drc, AT_nocue, AT_q, AT_qdl, AT_e, AT_em1, AT_ep1, AT_capdr, AT_pos, AT_ncue, AT_cbc, AT_cbe] = [
  C_cbp2, C_dl, C_dr, C_dlc, C_dlt, C_dlq, C_dlcol, C_drc, C_nocue, C_q, C_qdl, C_e, C_em1, C_ep1, C_capdr, C_pos, C_ncue, C_cbc, C_cbe,
].map((c) => CLOSED_AT[c]);

/**
 * A closed feature of the token whose closed features start at cl[o]: its row kept there (no slot
 * taken in data), or its hash written at data[j]. Returns the next free slot.
 */
function closedSlot(cl: Uint16Array | null, o: number, column: number, row: number, H: Uint32Array, data: Uint32Array, j: number): number {
  if (cl !== null) {
    cl[o + column] = row;
    return j;
  }
  data[j] = H[row];
  return j + 1;
}

/** The buffers of cueContext for sentences of up to `length` tokens. */
const contextBuffers = (length: number) => ({
  length,
  leftCue: new Int32Array(length),
  rightCue: new Int32Array(length),
  commaSince: new Uint8Array(length),
  thatAfterCue: new Uint8Array(length),
  quoteSince: new Uint8Array(length),
  colonSince: new Uint8Array(length),
});
let contextScratch = contextBuffers(256);

/** The nearest likely cue on each side of every token of lo..hi-1, and the clause marks between it and the token. */
function cueContext(info: DocInfo, lo: number, hi: number) {
  const { likely, toks } = info;
  const n = hi - lo;
  // (views of buffers kept across sentences, read by sentenceFeatures only; every cell is written below)
  if (contextScratch.length < n) contextScratch = contextBuffers(2 * n);
  const { leftCue, rightCue, commaSince, thatAfterCue, quoteSince, colonSince } = contextScratch;
  let last = -1;
  let comma = 0;
  let that = 0;
  let mark = 0;
  let anyColon = 0;
  for (let i = lo; i < hi; i++) {
    leftCue[i - lo] = last;
    commaSince[i - lo] = comma;
    thatAfterCue[i - lo] = that;
    quoteSince[i - lo] = mark;
    colonSince[i - lo] = anyColon;
    const t = toks[i].text;
    if (likely[i]) {
      last = i;
      comma = 0;
      that = 0;
      mark = 0;
    } else {
      if (t === ',') comma = 1;
      else if (t !== ':' && info.mark[i]) mark = 1;
      if (last >= 0 && i === last + 1 && (t === 'that' || t === 'That')) that = 1;
    }
    if (t === ':') anyColon = 1;
  }
  let next = -1;
  let nCues = 0;
  for (let i = hi - 1; i >= lo; i--) {
    rightCue[i - lo] = next;
    if (likely[i]) {
      next = i;
      nCues++;
    }
  }
  const hasCue = last >= 0 || next >= 0 ? 1 : 0;
  return { leftCue, rightCue, commaSince, thatAfterCue, quoteSince, colonSince, hasCue, nCues };
}

/**
 * The feature rows of a sentence of n tokens, and the closed features' rows and near-cue distances
 * when the tagger sums those itself (`info.sums`); with `reuse`, views of buffers shared by all calls.
 */
function featureBuffers(
  info: DocInfo,
  n: number,
  stride: number,
  reuse: boolean,
): { data: Uint32Array; cl: Uint16Array | null; nr: Uint8Array | null; sides: Uint32Array | null; sideHashes: Uint32Array | null } {
  let data: Uint32Array;
  if (reuse) {
    if (scratch.length < n * stride) scratch = new Uint32Array(2 * n * stride);
    data = scratch.subarray(0, n * stride);
    data.fill(0);
  } else data = new Uint32Array(n * stride);
  // the closed features' rows (closedHashes) when the tagger sums them itself, else their hashes in data
  if (info.sums === null) return { data, cl: null, nr: null, sides: null, sideHashes: null };
  // (at most a new left and a new right row per token)
  if (!reuse) return { data, cl: new Uint16Array(n * CLOSED_COUNT), nr: new Uint8Array(n * 2), sides: new Uint32Array(n * 2), sideHashes: new Uint32Array(2 * n * SIDE_WIDTH) };
  if (closedScratch.length < n * CLOSED_COUNT) closedScratch = new Uint16Array(2 * n * CLOSED_COUNT);
  if (nearScratch.length < n * 2) nearScratch = new Uint8Array(4 * n);
  if (sidesScratch.length < n * 2) {
    sidesScratch = new Uint32Array(4 * n);
    sideHashScratch = new Uint32Array(4 * n * SIDE_WIDTH);
  }
  const sideHashes = sideHashScratch.subarray(0, 2 * n * SIDE_WIDTH);
  sideHashes.fill(0);
  return { data, cl: closedScratch.subarray(0, n * CLOSED_COUNT), nr: nearScratch.subarray(0, n * 2), sides: sidesScratch.subarray(0, n * 2), sideHashes };
}

/**
 * Feature hashes of the tokens lo..hi-1 (one sentence) of a document. Outside lo..hi-1, a word or
 * shape is 11 (before the start) or 13 (after the end), a cue bin 9, an entity code 99.
 * `reuse`: the result is written into a buffer shared by all calls (valid until the next call).
 */
export function sentenceFeatures(info: DocInfo, lo: number, hi: number, reuse = false): Feats {
  const { lowerH: L, shapeH: S, cue: C } = info;
  const n = hi - lo;
  const E = info.ent;
  const { leftCue, rightCue, commaSince, thatAfterCue, quoteSince, colonSince, hasCue, nCues } = cueContext(info, lo, hi);
  // the word features (wordU, wordL, wordR) are left out when the tagger adds their sums
  const wf = info.sums === null;
  const tree = info.tree;
  const stride = wf ? STRIDE : OPEN_STRIDE + (tree ? TREE_SLOTS : 0);
  const { data, cl, nr, sides, sideHashes } = featureBuffers(info, n, stride, reuse);
  // the cue-context rows (Feats.sides): a new row when the token's cue or distance bucket on that side changes
  let sideRows = 0;
  let leftKey = -1;
  let rightKey = -1;
  let leftRow = 0;
  let rightRow = 0;
  const H = closedHashes();
  const K = info.k;
  const P = info.punct;
  const Q = info.inQuote;
  const M = info.mark;
  const CAP = info.cap;
  const tb = T_b;
  const ncue = Math.min(nCues, 3);
  // The features are written straight into `data`, in the order of the templates above (the
  // neighbours' values computed once per token); each slot not written stays 0 (no feature).
  // Without sums each template has its slot; with sums (`stride` smaller) only those written take one.
  for (let i = lo; i < hi; i++) {
    const k = i - lo;
    let j = k * stride;
    const o = k * CLOSED_COUNT;
    const w = L[i];
    const wm1 = i - 1 >= lo ? L[i - 1] : 11;
    const wp1 = i + 1 < hi ? L[i + 1] : 13;
    const c0 = C[i];
    const cm1 = i - 1 >= lo ? C[i - 1] : 9;
    const cp1 = i + 1 < hi ? C[i + 1] : 9;
    const cp2 = i + 2 < hi ? C[i + 2] : 9;
    const e0 = E[i];
    const em1 = i - 1 >= lo ? E[i - 1] : 99;
    const cap = CAP[i];
    const k8 = K[i * 3 + 1];
    if (wf) {
      data[j++] = tb;
      data[j++] = mix(T_w, w);
      data[j++] = mix(T_sh, S[i]);
      data[j++] = mix(T_suf, info.sufH[i]);
      data[j++] = mix(T_pre, info.preH[i]);
      data[j++] = mix(T_wm1, wm1);
      data[j++] = mix(T_wp1, wp1);
    }
    data[j++] = mix(mix(T_wm1w, wm1), w);
    data[j++] = mix(mix(T_wwp1, w), wp1);
    if (wf) {
      data[j++] = mix(T_shm1, i - 1 >= lo ? S[i - 1] : 11);
      data[j++] = mix(T_shp1, i + 1 < hi ? S[i + 1] : 13);
      data[j++] = mix(T_cb, c0);
      data[j++] = mix(T_cbm1, cm1);
      data[j++] = mix(T_cbp1, cp1);
    }
    j = closedSlot(cl, o, C_cbp2, AT_cbp2 + cp1 * BIN + cp2, H, data, j);
    const lc = leftCue[k];
    const rc = rightCue[k];
    const dl = lc >= 0 ? bucket(i - lc) : 0;
    const dr = rc >= 0 ? bucket(rc - i) : 0;
    j = closedSlot(cl, o, C_dl, AT_dl + dl, H, data, j);
    j = closedSlot(cl, o, C_dr, AT_dr + dr, H, data, j);
    if (sides === null) {
      data[j++] = mix(mix(T_dlw, dl), lc >= 0 ? L[lc] : 0);
      data[j++] = mix(mix(T_drw, dr), rc >= 0 ? L[rc] : 0);
    } else {
      // (dl, dr < DIST; lc, rc >= -1)
      const lk = (lc + 1) * DIST + dl;
      if (lk !== leftKey) {
        leftKey = lk;
        leftRow = sideRows++;
        const h = leftRow * SIDE_WIDTH;
        sideHashes![h] = mix(mix(T_dlw, dl), lc >= 0 ? L[lc] : 0);
        sideHashes![h + 1] = mix(mix(T_lcn, lc >= 0 ? (lc + 1 < hi ? L[lc + 1] : 13) : 0), dl > 4 ? 5 : dl);
        sideHashes![h + 2] = mix(mix(T_lck8, lc >= 0 ? K[lc * 3 + 1] : 0), dl > 4 ? 5 : dl);
      }
      sides[2 * k] = leftRow;
      const rk = (rc + 1) * DIST + dr;
      if (rk !== rightKey) {
        rightKey = rk;
        rightRow = sideRows++;
        const h = rightRow * SIDE_WIDTH;
        sideHashes![h] = mix(mix(T_drw, dr), rc >= 0 ? L[rc] : 0);
        sideHashes![h + 1] = mix(mix(T_rcp, rc >= 0 ? (rc - 1 >= lo ? L[rc - 1] : 11) : 0), dr > 4 ? 5 : dr);
      }
      sides[2 * k + 1] = rightRow;
    }
    j = closedSlot(cl, o, C_dlc, AT_dlc + (dl * FLAG + commaSince[k]) * DIST + dr, H, data, j);
    j = closedSlot(cl, o, C_dlt, AT_dlt + dl * FLAG + thatAfterCue[k], H, data, j);
    j = closedSlot(cl, o, C_dlq, AT_dlq + dl * FLAG + quoteSince[k], H, data, j);
    j = closedSlot(cl, o, C_dlcol, AT_dlcol + dl * FLAG + colonSince[k], H, data, j);
    j = closedSlot(cl, o, C_drc, AT_drc + dr * FLAG + cap, H, data, j);
    if (nr === null) {
      data[j++] = mix(mix(T_wdl, w), dl > 2 ? 3 : dl);
      data[j++] = mix(mix(T_wdr, w), dr > 2 ? 3 : dr);
    } else {
      nr[2 * k] = dl > 2 ? 3 : dl;
      nr[2 * k + 1] = dr > 2 ? 3 : dr;
    }
    j = closedSlot(cl, o, C_nocue, AT_nocue + hasCue, H, data, j);
    j = closedSlot(cl, o, C_q, AT_q + Q[i] * FLAG + M[i], H, data, j);
    j = closedSlot(cl, o, C_qdl, AT_qdl + Q[i] * DIST + dl, H, data, j);
    j = closedSlot(cl, o, C_e, AT_e + e0 * FLAG + cap, H, data, j);
    j = closedSlot(cl, o, C_em1, AT_em1 + entArg(em1), H, data, j);
    j = closedSlot(cl, o, C_ep1, AT_ep1 + entArg(i + 1 < hi ? E[i + 1] : 99), H, data, j);
    j = closedSlot(cl, o, C_capdr, AT_capdr + cap * 5 + (dr > 3 ? 4 : dr), H, data, j);
    const pos = k === 0 ? 0 : k === n - 1 ? 1 : 2 + ((4 * k) / n) | 0;
    j = closedSlot(cl, o, C_pos, AT_pos + pos, H, data, j);
    if (P[i]) data[j++] = mix(mix(T_punctdl, w), dl);
    if (sides === null) {
      data[j++] = mix(mix(T_lcn, lc >= 0 ? (lc + 1 < hi ? L[lc + 1] : 13) : 0), dl > 4 ? 5 : dl);
      data[j++] = mix(mix(T_rcp, rc >= 0 ? (rc - 1 >= lo ? L[rc - 1] : 11) : 0), dr > 4 ? 5 : dr);
    }
    j = closedSlot(cl, o, C_ncue, AT_ncue + ncue * FLAG + (dl > 0 ? 1 : 0), H, data, j);
    j = closedSlot(cl, o, C_cbc, AT_cbc + c0 * 3 + (i > lo ? CAP[i - 1] : 2), H, data, j);
    j = closedSlot(cl, o, C_cbe, AT_cbe + c0 * ENT + entArg(em1), H, data, j);
    if (wf) data[j++] = mix(T_k8, k8);
    if (nr === null) {
      data[j++] = mix(mix(T_k8dl, k8), dl > 2 ? 3 : dl);
      data[j++] = mix(mix(T_k8dr, k8), dr > 2 ? 3 : dr);
    }
    if (sides === null) data[j++] = mix(mix(T_lck8, lc >= 0 ? K[lc * 3 + 1] : 0), dl > 4 ? 5 : dl);
    if (tree) treeFeatures(tree, C, L, i, lc, rc, dl, data, j);
  }
  return { n, stride, data, closed: cl, near: nr, sides, sideHashes, sideRows };
}

/**
 * The tree features of token i (TreeFacts), written at data[j..j+9]; `lc`, `rc` the likely cues
 * nearest it on the left and right (-1 when none), `dl` its distance bucket to `lc`.
 */
function treeFeatures(tree: TreeFacts, C: Uint8Array, L: Uint32Array, i: number, lc: number, rc: number, dl: number, data: Uint32Array, j: number): void {
  const dep = tree.dep[i];
  const hd = tree.head[i];
  const a = tree.anc[i];
  const side = a < 0 ? 0 : a < i ? 1 : 2;
  const d = tree.depth[i];
  const depth = d <= 2 ? d : d <= 4 ? 3 : 4;
  data[j++] = mix(T_dep, dep);
  data[j++] = mix(mix(T_depu, dep), tree.upos[i]);
  data[j++] = mix(mix(T_hcb, dep), hd >= 0 ? C[hd] : 9);
  data[j++] = mix(mix(T_hdep, dep), hd >= 0 ? tree.dep[hd] : 0);
  data[j++] = mix(mix(mix(mix(T_anc, tree.top[i]), depth), a >= 0 ? C[a] : 0), side);
  data[j++] = mix(mix(mix(T_ancw, tree.top[i]), a >= 0 ? L[a] : 0), side);
  data[j++] = mix(mix(T_kid, tree.kidRel[i]), tree.kidBin[i]);
  data[j++] = mix(mix(mix(T_frame, C[i]), tree.args[i]), tree.upos[i]);
  data[j++] = mix(mix(T_clause, tree.clause[i]), tree.top[i]);
  // whether the tree ties the token to the nearest cue on either side (the content of that cue, or of another)
  const linked = a < 0 ? 0 : a === lc ? 1 : a === rc ? 2 : 3;
  data[j] = mix(mix(mix(T_linked, linked), tree.top[i]), dl > 2 ? 3 : dl);
}

const S = Object.fromEntries(
  't t-1 t+1 t-1tt+1 tw pdl pdr pdlw pdrw psrc pcon tdl tk8 nrun'.split(' ').map((t) => [t, hash(`attr2:${t}`)]),
) as Record<string, number>;

/** Role of a tag index: 0 O, 1 cue, 2 source, 3 content (see model.ts TAGS). */
const roleOf = (t: number) => (t + 1) >> 1;

/**
 * Features of the second (stacked) pass: what the first pass decided around the token: its tags in
 * a window, the distance to the nearest predicted cue on each side and that cue's word, whether the
 * first pass found a source and a content in the sentence, and the tag combined with the word.
 */
export function stackFeatures(info: DocInfo, lo: number, hi: number, first: Uint8Array): Feats {
  const n = hi - lo;
  const L = info.lowerH;
  const tg = (k: number) => (k >= 0 && k < n ? first[k] : 9);
  const left = new Int32Array(n).fill(-1);
  const right = new Int32Array(n).fill(-1);
  let last = -1;
  let hasSrc = 0;
  let hasCon = 0;
  let runs = 0;
  for (let k = 0; k < n; k++) {
    left[k] = last;
    const r = roleOf(first[k]);
    if (r === 1) last = k;
    if (r === 2) hasSrc = 1;
    if (r === 3) hasCon = 1;
    if (first[k] === 5) runs++;
  }
  let next = -1;
  for (let k = n - 1; k >= 0; k--) {
    right[k] = next;
    if (roleOf(first[k]) === 1) next = k;
  }
  const data = new Uint32Array(n * STACK_STRIDE);
  for (let k = 0; k < n; k++) {
    const i = lo + k;
    const t = first[k];
    const dl = left[k] >= 0 ? bucket(k - left[k]) : 0;
    const dr = right[k] >= 0 ? bucket(right[k] - k) : 0;
    const f = [
      mix(S.t, t),
      mix(S['t-1'], tg(k - 1)),
      mix(S['t+1'], tg(k + 1)),
      mix(mix(mix(S['t-1tt+1'], tg(k - 1)), t), tg(k + 1)),
      mix(mix(S.tw, t), L[i]),
      mix(mix(S.pdl, dl), t),
      mix(mix(S.pdr, dr), t),
      mix(mix(S.pdlw, dl > 3 ? 4 : dl), left[k] >= 0 ? L[lo + left[k]] : 0),
      mix(mix(S.pdrw, dr > 3 ? 4 : dr), right[k] >= 0 ? L[lo + right[k]] : 0),
      mix(mix(S.psrc, hasSrc), t),
      mix(mix(S.pcon, hasCon), dl > 0 ? 1 : 0),
      mix(mix(S.tk8, t), info.k[i * 3 + 1]),
      mix(S.nrun, runs > 2 ? 3 : runs),
    ];
    data.set(f, k * STACK_STRIDE);
  }
  return { n, stride: STACK_STRIDE, data, closed: null, near: null, sides: null, sideHashes: null, sideRows: 0 };
}

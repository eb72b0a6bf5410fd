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
 * (when entity mentions are given), and its position in the sentence.
 */
import type { EntityMention, Span, Token } from '../../model/types.js';
import { hash, shortShape } from '../entities/features.js';

/** Lower-cased word (digits as 0) → cue bin 1..5 (5: nearly always a cue). Shipped in the model file. */
export type CueLexicon = Map<string, number>;
/** Lower-cased word → distributional cluster (bit string), copied from the entity model's lexicon into the attribution model. */
export type Clusters = Map<string, string>;

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
    'e e-1 e+1 pos first last punct punctdl wdl wdr cap capdr sent w-1dl lcn ncue cbc cbe rcp k4 k8 k12 k8-1 k8+1 k8dl k8dr lck8'
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
  /** 1 inside quotation marks (the marks excluded). */
  inQuote: Uint8Array;
  /** 1 for a quotation mark. */
  mark: Uint8Array;
  /** Entity code ×2 (+1 inside a mention after its first token); 0 outside mentions. */
  ent: Uint8Array;
  cap: Uint8Array;
  /** Hashes of the word's cluster prefixes of 4, 8 and 12 bits (3 per token; 0 when unknown). */
  k: Uint32Array;
}

const isMark = (s: string) => /^[“”„«»"]$/.test(s);

type WordFacts = [number, number, number, number, number, number, number, number, number, number];
/** Per-word facts (hashes, cue bin, cluster prefixes, mark, capital) kept across documents for one lexicon; bounded. */
let wordCache: { lex: CueLexicon; clusters: Clusters; words: Map<string, WordFacts> } | null = null;

/**
 * @param text the text the tokens index (quotation marks normalised, see normaliseQuoteMarks)
 * @param quoted quotation-marked segments (inner spans), sorted
 */
export function documentInfo(_text: string, toks: Token[], quoted: Span[], entities: EntityMention[], lex: CueLexicon, clusters: Clusters): DocInfo {
  const n = toks.length;
  const info: DocInfo = {
    toks,
    lowerH: new Uint32Array(n),
    shapeH: new Uint32Array(n),
    sufH: new Uint32Array(n),
    preH: new Uint32Array(n),
    cue: new Uint8Array(n),
    inQuote: new Uint8Array(n),
    mark: new Uint8Array(n),
    ent: new Uint8Array(n),
    cap: new Uint8Array(n),
    k: new Uint32Array(n * 3),
  };
  if (!wordCache || wordCache.lex !== lex || wordCache.clusters !== clusters || wordCache.words.size > 200_000)
    wordCache = { lex, clusters, words: new Map() };
  const cache = wordCache.words;
  for (let i = 0; i < n; i++) {
    const w = toks[i].text.length > 40 ? toks[i].text.slice(0, 40) : toks[i].text;
    let c = cache.get(w);
    if (!c) {
      const k = keyOf(w);
      const cl = clusters.get(w.toLowerCase());
      c = [
        hash(k),
        hash(shortShape(w)),
        hash(k.length > 3 ? k.slice(-3) : k),
        hash(k.length > 3 ? k.slice(0, 3) : k),
        lex.get(k) ?? 0,
        cl ? hash(cl.slice(0, 4)) : 0,
        cl ? hash(cl.slice(0, 8)) : 0,
        cl ? hash(cl) : 0,
        isMark(w) ? 1 : 0,
        /^\p{Lu}/u.test(w) ? 1 : 0,
      ];
      cache.set(w, c);
    }
    info.lowerH[i] = c[0];
    info.shapeH[i] = c[1];
    info.sufH[i] = c[2];
    info.preH[i] = c[3];
    info.cue[i] = c[4];
    info.k[i * 3] = c[5];
    info.k[i * 3 + 1] = c[6];
    info.k[i * 3 + 2] = c[7];
    info.mark[i] = c[8];
    info.cap[i] = c[9];
  }
  // quotation state, by walking tokens and segments together
  let s = 0;
  for (let i = 0; i < n && s < quoted.length; i++) {
    const p = toks[i].start;
    while (s < quoted.length && quoted[s].end <= p) s++;
    if (s < quoted.length && quoted[s].start <= p && !info.mark[i]) info.inQuote[i] = 1;
  }
  let e = 0;
  const ents = entities.filter((m) => m.span && m.span.end > m.span.start).sort((a, b) => a.span.start - b.span.start);
  for (let i = 0; i < n && e < ents.length; i++) {
    const p = toks[i].start;
    while (e < ents.length && ents[e].span.end <= p) e++;
    if (e < ents.length && ents[e].span.start <= p) {
      const code = ENT_CODE[ents[e].type] ?? 4;
      info.ent[i] = code * 2 + (ents[e].span.start < p ? 1 : 0);
    }
  }
  return info;
}

const bucket = (d: number): number => (d <= 0 ? 0 : d <= 4 ? d : d <= 6 ? 5 : d <= 10 ? 6 : d <= 20 ? 7 : 8);

/** Feature hashes of n tokens, `stride` slots per token (0 = no feature). */
export interface Feats {
  n: number;
  stride: number;
  data: Uint32Array;
}

/** Slots per token of sentenceFeatures (at least the number of templates). */
const STRIDE = 48;
/** Slots per token of stackFeatures. */
const STACK_STRIDE = 13;

/** The feature hashes of token k of `f`, as a list (for training). */
export function featuresOf(f: Feats, k: number): number[] {
  const out: number[] = [];
  for (let j = k * f.stride; j < (k + 1) * f.stride; j++) if (f.data[j]) out.push(f.data[j]);
  return out;
}

/** Feature hashes of the tokens lo..hi-1 (one sentence) of a document. */
/** a[i] inside lo..hi-1, else a marker for before the start / after the end. */
function at(a: ArrayLike<number>, i: number, lo: number, hi: number, before: number, after: number): number {
  return i >= lo && i < hi ? a[i] : i < lo ? before : after;
}

export function sentenceFeatures(info: DocInfo, lo: number, hi: number): Feats {
  const { lowerH: L, shapeH: S, cue: C, toks } = info;
  const n = hi - lo;
  const E = info.ent;
  // nearest likely cue on each side; clause markers between it and the token
  const leftCue = new Int32Array(n).fill(-1);
  const rightCue = new Int32Array(n).fill(-1);
  const commaSince = new Uint8Array(n);
  const thatAfterCue = new Uint8Array(n);
  const quoteSince = new Uint8Array(n);
  const colonSince = new Uint8Array(n);
  let last = -1;
  let comma = 0;
  let that = 0;
  let mark = 0;
  let colon = 0;
  let anyColon = 0;
  for (let i = lo; i < hi; i++) {
    leftCue[i - lo] = last;
    commaSince[i - lo] = comma;
    thatAfterCue[i - lo] = that;
    quoteSince[i - lo] = mark;
    colonSince[i - lo] = anyColon;
    const t = toks[i].text;
    if (C[i] >= STRONG) {
      last = i;
      comma = 0;
      that = 0;
      mark = 0;
      colon = 0;
    } else {
      if (t === ',') comma = 1;
      else if (t === ':') colon = 1;
      else if (info.mark[i]) mark = 1;
      if (last >= 0 && i === last + 1 && (t === 'that' || t === 'That')) that = 1;
    }
    if (t === ':') anyColon = 1;
  }
  void colon;
  let next = -1;
  for (let i = hi - 1; i >= lo; i--) {
    rightCue[i - lo] = next;
    if (C[i] >= STRONG) next = i;
  }
  const hasCue = last >= 0 || next >= 0 ? 1 : 0;
  let nCues = 0;
  for (let i = lo; i < hi; i++) if (C[i] >= STRONG) nCues++;
  const data = new Uint32Array(n * STRIDE);
  const f: number[] = [];
  for (let i = lo; i < hi; i++) {
    const k = i - lo;
    f.length = 0;
    const w = L[i];
    f.push(T.b);
    f.push(mix(T.w, w));
    f.push(mix(T.sh, S[i]));
    f.push(mix(T.suf, info.sufH[i]));
    f.push(mix(T.pre, info.preH[i]));
    f.push(mix(T['w-1'], at(L, i - 1, lo, hi, 11, 13)));
    f.push(mix(T['w+1'], at(L, i + 1, lo, hi, 11, 13)));
    f.push(mix(mix(T['w-1w'], at(L, i - 1, lo, hi, 11, 13)), w));
    f.push(mix(mix(T['ww+1'], w), at(L, i + 1, lo, hi, 11, 13)));
    f.push(mix(T['sh-1'], at(S, i - 1, lo, hi, 11, 13)));
    f.push(mix(T['sh+1'], at(S, i + 1, lo, hi, 11, 13)));
    f.push(mix(T.cb, at(C, i, lo, hi, 9, 9)));
    f.push(mix(T['cb-1'], at(C, i - 1, lo, hi, 9, 9)));
    f.push(mix(T['cb+1'], at(C, i + 1, lo, hi, 9, 9)));
    f.push(mix(mix(T['cb+2'], at(C, i + 1, lo, hi, 9, 9)), at(C, i + 2, lo, hi, 9, 9)));
    const lc = leftCue[k];
    const rc = rightCue[k];
    const dl = lc >= 0 ? bucket(i - lc) : 0;
    const dr = rc >= 0 ? bucket(rc - i) : 0;
    f.push(mix(T.dl, dl));
    f.push(mix(T.dr, dr));
    f.push(mix(mix(T.dlw, dl), lc >= 0 ? L[lc] : 0));
    f.push(mix(mix(T.drw, dr), rc >= 0 ? L[rc] : 0));
    f.push(mix(mix(mix(T.dlc, dl), commaSince[k]), dr));
    f.push(mix(mix(T.dlt, dl), thatAfterCue[k]));
    f.push(mix(mix(T.dlq, dl), quoteSince[k]));
    f.push(mix(mix(T.dlcol, dl), colonSince[k]));
    f.push(mix(mix(T.drc, dr), info.cap[i]));
    f.push(mix(mix(T.wdl, w), dl > 2 ? 3 : dl));
    f.push(mix(mix(T.wdr, w), dr > 2 ? 3 : dr));
    f.push(mix(T.nocue, hasCue));
    f.push(mix(mix(T.q, info.inQuote[i]), info.mark[i]));
    f.push(mix(mix(T.qdl, info.inQuote[i]), dl));
    f.push(mix(mix(T.e, at(E, i, lo, hi, 99, 99)), info.cap[i]));
    f.push(mix(T['e-1'], at(E, i - 1, lo, hi, 99, 99)));
    f.push(mix(T['e+1'], at(E, i + 1, lo, hi, 99, 99)));
    f.push(mix(mix(T.capdr, info.cap[i]), dr > 3 ? 4 : dr));
    const pos = k === 0 ? 0 : k === n - 1 ? 1 : 2 + ((4 * k) / n) | 0;
    f.push(mix(T.pos, pos));
    if (!/[\p{L}\p{N}]/u.test(toks[i].text)) f.push(mix(mix(T.punctdl, w), dl));
    f.push(mix(mix(T.lcn, lc >= 0 ? at(L, lc + 1, lo, hi, 11, 13) : 0), dl > 4 ? 5 : dl));
    f.push(mix(mix(T.rcp, rc >= 0 ? at(L, rc - 1, lo, hi, 11, 13) : 0), dr > 4 ? 5 : dr));
    f.push(mix(mix(T.ncue, Math.min(nCues, 3)), dl > 0 ? 1 : 0));
    f.push(mix(mix(T.cbc, at(C, i, lo, hi, 9, 9)), i > lo ? info.cap[i - 1] : 2));
    f.push(mix(mix(T.cbe, at(C, i, lo, hi, 9, 9)), at(E, i - 1, lo, hi, 99, 99)));
    const K = info.k;
    f.push(mix(T.k8, K[i * 3 + 1]));
    f.push(mix(mix(T.k8dl, K[i * 3 + 1]), dl > 2 ? 3 : dl));
    f.push(mix(mix(T.k8dr, K[i * 3 + 1]), dr > 2 ? 3 : dr));
    f.push(mix(mix(T.lck8, lc >= 0 ? K[lc * 3 + 1] : 0), dl > 4 ? 5 : dl));
    for (let j = 0; j < f.length && j < STRIDE; j++) data[k * STRIDE + j] = f[j];
  }
  return { n, stride: STRIDE, data };
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
  return { n, stride: STACK_STRIDE, data };
}

/**
 * Feature extraction for the entity tagger. Shared by training (scripts/train-ner.ts) and
 * inference (model.ts), so both see exactly the same features. Each feature is a string hashed
 * to 32 bits (FNV-1a); the model stores weights for the hashes it kept.
 */
import { WordCache } from '../../util/word-cache.js';
import { TYPE_BIT as TYPE_BIT_IMPORTED } from './gazetteer.js';

/** Local copy: imported bindings can be accessor calls under some loaders, too slow in the inner loop. */
const TYPE_BIT: Record<string, number> = { ...TYPE_BIT_IMPORTED };

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export type Tag = (typeof TAGS)[number];
export const NT = TAGS.length;
export const TAG_INDEX = new Map<string, number>(TAGS.map((t, i) => [t, i]));

/**
 * A read-only word list with values: what the features ask of a lexicon. A Map is one (training
 * builds Maps); the shipped model's are FlatLexicons over the model file (flat-file.ts).
 */
export interface Lexicon<V> {
  get(key: string): V | undefined;
  readonly size: number;
  [Symbol.iterator](): Iterator<[string, V]>;
}

/** Lexicons the features consult. Built by the training script, shipped inside the model file. */
export interface Lexicons {
  /** lower-cased word → casing class in unlabeled text: 'C' nearly always capitalised … 'L' nearly always lower. */
  casing: Lexicon<string>;
  /** lower-cased word → distributional cluster id (bit string), from unlabeled text. */
  clusters: Lexicon<string>;
  /** Entity phrases seen in training data: lower-cased phrase → type bits. */
  gaz: Lexicon<number>;
  /** Hand-written gazetteer (countries, capitals, organisations): lower-cased phrase → type bits. */
  hand: Lexicon<number>;
  gazMaxLen: number;
  /** Words of entity names seen in training data: lower-cased word → bits (type × first/later/single word). */
  tokGaz: Lexicon<number>;
  /** Second pass only: lower-cased capitalised word → type it mostly gets in unlabeled news + confidence ("P3"). */
  prior?: Lexicon<string>;
}

/** Bit of the token gazetteer for a word at `pos` (0 first of several, 1 later word, 2 single word) of a `type` name. */
export const tokGazBit = (type: string, pos: number) => 1 << (['PER', 'ORG', 'LOC', 'MISC'].indexOf(type) * 3 + pos);

/** Typographic variants folded to the ASCII forms of the training data. */
export function normToken(w: string): string {
  if (/^[\x20-\x7e]*$/.test(w)) return w;
  return w
    .replace(/[’‘‛`´]/g, "'")
    .replace(/[“”„‟«»]/g, '"')
    .replace(/[–—―−]/g, '-')
    .replace(/…/g, '...')
    .normalize('NFC');
}

export function shape(w: string, max = 12): string {
  let s = '';
  for (let i = 0; i < w.length && s.length < max; i++) {
    const c = w[i];
    if (c >= 'a' && c <= 'z') s += 'x';
    else if (c >= 'A' && c <= 'Z') s += 'X';
    else if (c >= '0' && c <= '9') s += 'd';
    else if (/\p{Lu}/u.test(c)) s += 'X';
    else if (/\p{L}/u.test(c)) s += 'x';
    else if (/\p{N}/u.test(c)) s += 'd';
    else s += c;
  }
  return s;
}

export function shortShape(w: string): string {
  const s = shape(w, 40);
  let out = '';
  for (let i = 0; i < s.length; i++) if (i === 0 || s[i] !== s[i - 1]) out += s[i];
  return out;
}

const digitsToZero = (w: string) => w.replace(/[0-9]/g, '0');

/** FNV-1a, 32 bits, never 0 (0 marks empty slots in the model's hash table). */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h >>>= 0;
  return h === 0 ? 1 : h;
}

const isUpperInitial = (w: string) => /^\p{Lu}/u.test(w);
const hasLetter = (w: string) => /\p{L}/u.test(w);
const isAllCaps = (w: string) => hasLetter(w) && w === w.toUpperCase() && w !== w.toLowerCase();

const TYPE_NAMES = Object.keys(TYPE_BIT);
/** Mark kinds of a gazetteer phrase's words: first (B), inside (I), last (E), the whole phrase (U). */
const MARK_KINDS = ['B', 'I', 'E', 'U'] as const;
const [B, I, E, U] = [0, 1, 2, 3];
/** The hash of a gazetteer mark's name (`gPERB`, `hLOCU`, …), by mark code `type index × 4 + kind`. */
const markHashes = (prefix: string) => Uint32Array.from(TYPE_NAMES.flatMap((t) => MARK_KINDS.map((k) => hash(`${prefix}${t}${k}`))));

/**
 * Marks each token covered by a gazetteer phrase: per token the codes (type index × 4 + kind) of
 * the phrases it is in, in the order they are found; null for a token in none (most of them).
 */
function gazetteerMarks(info: WordInfo[], gaz: Lexicon<number>, maxLen: number): (number[] | null)[] {
  const n = info.length;
  const marks: (number[] | null)[] = new Array(n).fill(null);
  const mark = (k: number, code: number) => (marks[k] ??= []).push(code);
  for (let i = 0; i < n; i++) {
    if (!info[i].upperInitial) continue;
    let key = '';
    for (let len = 1; len <= maxLen && i + len <= n; len++) {
      key = len === 1 ? info[i].lower : `${key} ${info[i + len - 1].lower}`;
      const bits = gaz.get(key);
      if (!bits) continue;
      for (let t = 0; t < TYPE_NAMES.length; t++) {
        if (!(bits & TYPE_BIT[TYPE_NAMES[t]])) continue;
        if (len === 1) mark(i, t * 4 + U);
        else {
          mark(i, t * 4 + B);
          for (let k = i + 1; k < i + len - 1; k++) mark(k, t * 4 + I);
          mark(i + len - 1, t * 4 + E);
        }
      }
    }
  }
  return marks;
}

/** Mixes a value into a running feature hash (murmur3-style finaliser); never returns 0. */
function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h >>>= 0;
  return h === 0 ? 1 : h;
}

/** Template seeds: one per feature template. */
const T = Object.fromEntries(
  'b tg tg-1 tg+1 w l s ss p1 p2 p3 p4 x1 x2 x3 x4 l-1 l+1 l-2 l+2 l-1l ll+1 s-1 s+1 s-1ss+1 s-1l ls+1 first ac acl c c-1 c+1 k4 k6 k10 k k-1 k+1 g h g-1 g+1'
    .split(' ')
    .map((t) => [t, hash(`tpl:${t}`)]),
) as Record<string, number>;

/** What the document pass asks of a word as written (`documentFeatures`). */
interface DocWord {
  /** Normalised, lower-cased, digits as 0: the word's key in the document's counts and the prior. */
  lower: string;
  /** Written with a capital first letter. */
  capitalised: boolean;
  /** Holds a letter. */
  hasLetters: boolean;
  /** Written all in lower case (or without letters). */
  lowerCase: boolean;
}

const docWord = (raw: string, lower: string): DocWord => ({ lower, capitalised: isUpperInitial(raw), hasLetters: hasLetter(raw), lowerCase: raw === raw.toLowerCase() });
const keyOf = (raw: string) => digitsToZero(normToken(raw).toLowerCase());

/** What the features need of one word form, computed once per form (the cache below). */
export interface WordInfo extends DocWord {
  /** Hashes of: lower-cased form, shape, short shape, casing class, 8-bit cluster prefix. */
  l: number;
  s: number;
  ss: number;
  c: number;
  k8: number;
  /** Token gazetteer bits. */
  tg: number;
  /** Features of the word alone. */
  own: Uint32Array;
  upperInitial: boolean;
  allCaps: boolean;
  letters: boolean;
  /**
   * The summed weights of the word's own features under one tagger (model.ts fills it): kept with
   * the word's other facts so that one cache look-up per token serves both.
   */
  sums: { of: object; weights: Float64Array } | null;
}

const BOS = hash('<s>');
const EOS = hash('</s>');
/** Word forms whose WordInfo is kept (two generations of this many: a few MB per worker thread). */
const WORD_INFO_LIMIT = 10_000;
let cacheCasing: Lexicon<string> | null = null;
let cacheClusters: Lexicon<string> | null = null;
let cacheTokGaz: Lexicon<number> | null = null;
const cache = new WordCache<WordInfo>(WORD_INFO_LIMIT);

export function wordInfo(raw: string, lex: Lexicons): WordInfo {
  if (cacheCasing !== lex.casing || cacheClusters !== lex.clusters || cacheTokGaz !== lex.tokGaz) {
    cache.clear();
    cacheCasing = lex.casing;
    cacheClusters = lex.clusters;
    cacheTokGaz = lex.tokGaz;
  }
  const hit = cache.get(raw);
  if (hit) return hit;
  const w = normToken(raw);
  const lower = digitsToZero(w.toLowerCase());
  const shp = shape(w);
  const sshp = shortShape(w);
  const cas = lex.casing.get(lower) ?? '-';
  const clu = lex.clusters.get(lower) ?? '';
  const own: number[] = [mix(T.w, hash(w)), mix(T.l, hash(lower)), mix(T.s, hash(shp)), mix(T.ss, hash(sshp))];
  const P = [T.p1, T.p2, T.p3, T.p4];
  const X = [T.x1, T.x2, T.x3, T.x4];
  for (let k = 1; k <= 4 && k <= lower.length; k++) {
    own.push(mix(P[k - 1], hash(lower.slice(0, k))));
    own.push(mix(X[k - 1], hash(lower.slice(-k))));
  }
  if (clu) {
    own.push(mix(T.k4, hash(clu.slice(0, 4))), mix(T.k6, hash(clu.slice(0, 6))), mix(T.k10, hash(clu.slice(0, 10))), mix(T.k, hash(clu)));
  }
  const d = docWord(raw, lower);
  const info: WordInfo = {
    lower,
    capitalised: d.capitalised,
    hasLetters: d.hasLetters,
    lowerCase: d.lowerCase,
    l: hash(lower),
    s: hash(shp),
    ss: hash(sshp),
    c: hash(cas),
    k8: clu ? hash(clu.slice(0, 8)) : 0,
    tg: lex.tokGaz.get(lower) ?? 0,
    own: Uint32Array.from(own),
    upperInitial: isUpperInitial(w),
    allCaps: isAllCaps(w),
    letters: hasLetter(w) && w.length > 1,
    sums: null,
  };
  cache.set(raw, info);
  return info;
}

/**
 * The features of a token that depend on the word alone (bias, the word's own templates, its
 * gazetteer bits): the tagger sums their weights once per word type (`withOwn: false` leaves them
 * out of `sentenceFeatures`). Returns the word's cached list.
 */
export function wordFeatures(raw: string, lex: Lexicons): number[] {
  return ownFeatures(wordInfo(raw, lex));
}

const OWN = new WeakMap<WordInfo, number[]>();

export function ownFeatures(x: WordInfo): number[] {
  let f = OWN.get(x);
  if (!f) {
    f = [T.b, ...x.own];
    if (x.upperInitial && x.tg) for (let b = 0; b < 12; b++) if (x.tg & (1 << b)) f.push(mix(T.tg, b));
    OWN.set(x, f);
  }
  return f;
}

/**
 * Feature hashes of the tokens of one sentence, flat: token i's are `data[starts[i]]` up to
 * `data[starts[i + 1]]`. A tagger keeps one and refills it for every sentence, so tagging
 * allocates nothing per token.
 */
export class FeatureRows {
  data = new Uint32Array(4096);
  starts = new Uint32Array(257);
  n = 0;
  private len = 0;

  /** Empties the rows for a sentence of `n` tokens. */
  reset(n: number): void {
    if (this.starts.length < n + 1) this.starts = new Uint32Array(2 * n + 1);
    this.n = 0;
    this.len = 0;
    this.starts[0] = 0;
  }

  push(h: number): void {
    if (this.len === this.data.length) {
      const grown = new Uint32Array(2 * this.data.length);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.len++] = h;
  }

  /** Closes the current token's row. */
  next(): void {
    this.starts[++this.n] = this.len;
  }

  /** Each token's hashes as an array of its own (training keeps them). */
  copies(): Uint32Array[] {
    return Array.from({ length: this.n }, (_, i) => this.data.slice(this.starts[i], this.starts[i + 1]));
  }
}

const GAZ_MARKS = markHashes('g');
const HAND_MARKS = markHashes('h');

/**
 * Feature hashes for each token of one sentence; with `withOwn` false, without those of
 * `wordFeatures` (the caller adds their sums per word type).
 * @param rawWords the sentence's tokens, as written (normalised with `normToken` here).
 */
export function sentenceFeatures(rawWords: string[], lex: Lexicons, withOwn = true): Uint32Array[] {
  const rows = new FeatureRows();
  sentenceRows(rawWords.map((w) => wordInfo(w, lex)), lex, withOwn, rows);
  return rows.copies();
}

/** `sentenceFeatures` of the words `info` (from `wordInfo`), written into `out`. */
export function sentenceRows(info: WordInfo[], lex: Lexicons, withOwn: boolean, out: FeatureRows): void {
  const n = info.length;
  out.reset(n);
  // A headline in capitals: casing says nothing, so lexical evidence must carry it.
  let letters = 0;
  let caps = 0;
  for (const x of info) {
    if (x.letters) {
      letters++;
      if (x.allCaps) caps++;
    }
  }
  const ac = letters >= 2 && caps / letters > 0.8 ? 1 : 0;
  const gz = gazetteerMarks(info, lex.gaz, lex.gazMaxLen);
  const hz = gazetteerMarks(info, lex.hand, 6);
  const L = (i: number) => (i < 0 ? BOS : i >= n ? EOS : info[i].l);
  const S = (i: number) => (i < 0 ? BOS : i >= n ? EOS : info[i].ss);
  const C = (i: number) => (i < 0 ? BOS : i >= n ? EOS : info[i].c);
  const marks = (tpl: number, codes: number[] | null, hashes: Uint32Array) => {
    if (codes) for (const m of codes) out.push(mix(tpl, hashes[m]));
  };
  for (let i = 0; i < n; i++) {
    const x = info[i];
    const first = i === 0 ? 1 : 0;
    if (withOwn) {
      out.push(T.b);
      for (const h of x.own) out.push(h);
    }
    out.push(mix(T['l-1'], L(i - 1)));
    out.push(mix(T['l+1'], L(i + 1)));
    out.push(mix(T['l-2'], L(i - 2)));
    out.push(mix(T['l+2'], L(i + 2)));
    out.push(mix(mix(T['l-1l'], L(i - 1)), x.l));
    out.push(mix(mix(T['ll+1'], x.l), L(i + 1)));
    out.push(mix(T['s-1'], S(i - 1)));
    out.push(mix(T['s+1'], S(i + 1)));
    out.push(mix(mix(mix(T['s-1ss+1'], S(i - 1)), x.ss), S(i + 1)));
    out.push(mix(mix(T['s-1l'], S(i - 1)), x.l));
    out.push(mix(mix(T['ls+1'], x.l), S(i + 1)));
    out.push(mix(mix(T.first, first), x.ss));
    out.push(mix(mix(T.ac, ac), x.ss));
    out.push(mix(mix(T.acl, ac), x.l));
    out.push(mix(mix(mix(mix(T.c, x.c), ac), first), x.ss));
    out.push(mix(mix(T['c-1'], C(i - 1)), x.c));
    out.push(mix(mix(T['c+1'], x.c), C(i + 1)));
    if (i > 0 && info[i - 1].k8) out.push(mix(T['k-1'], info[i - 1].k8));
    if (i + 1 < n && info[i + 1].k8) out.push(mix(T['k+1'], info[i + 1].k8));
    if (withOwn && x.upperInitial && x.tg) {
      for (let b = 0; b < 12; b++) if (x.tg & (1 << b)) out.push(mix(T.tg, b));
    }
    if (i > 0 && info[i - 1].upperInitial && info[i - 1].tg) {
      for (let b = 0; b < 12; b++) if (info[i - 1].tg & (1 << b)) out.push(mix(T['tg-1'], b));
    }
    if (i + 1 < n && info[i + 1].upperInitial && info[i + 1].tg) {
      for (let b = 0; b < 12; b++) if (info[i + 1].tg & (1 << b)) out.push(mix(T['tg+1'], b));
    }
    marks(T.g, gz[i], GAZ_MARKS);
    marks(T.h, hz[i], HAND_MARKS);
    if (i > 0) marks(T['g-1'], gz[i - 1], GAZ_MARKS);
    if (i + 1 < n) marks(T['g+1'], gz[i + 1], GAZ_MARKS);
    out.next();
  }
}

const DOC_T = Object.fromEntries(
  's1 s1-1 s1+1 s1s1+1 dm dmx dmo dO dl dls1 pr prs1'.split(' ').map((t) => [t, hash(`doc:${t}`)]),
) as Record<string, number>;
/** Entity type index of a BIO tag index: 0 for O, 1 PER, 2 ORG, 3 LOC, 4 MISC. */
const typeOfTag = (t: number) => (t === 0 ? 0 : ((t + 1) >> 1));

/**
 * Document-level features for the second pass: what the first pass decided for this word elsewhere
 * in the document (the majority type of its other occurrences), whether the word appears in lower
 * case elsewhere (an ordinary word in a headline), the first-pass tags around it, and the type the
 * word mostly gets in a corpus of unlabeled news (`prior`).
 * @param docWords the document's sentences as token strings.
 * @param first first-pass tag indices (into TAGS) for each sentence.
 */
export function documentFeatures(docWords: string[][], first: Uint8Array[], prior?: Lexicon<string>): Uint32Array[][] {
  const words = docWords.map((s) => s.map((w) => docWord(w, keyOf(w))));
  const evidence = new DocumentEvidence(words, first, prior);
  const rows = new FeatureRows();
  return words.map((s, si) => {
    evidence.sentenceRows(s, first[si], rows);
    return rows.copies();
  });
}

/** What the first pass decided over a whole document: the evidence of the document features. */
export class DocumentEvidence {
  /** Per key, [O, PER, ORG, LOC, MISC] over capitalised occurrences. */
  private readonly counts = new Map<string, Int32Array>();
  /** Keys seen in lower case (not sentence-initial). */
  private readonly lower = new Set<string>();
  private readonly others = new Int32Array(5);

  constructor(
    docWords: DocWord[][],
    first: Uint8Array[],
    private readonly prior?: Lexicon<string>,
  ) {
    docWords.forEach((s, si) => {
      s.forEach((w, i) => {
        if (!w.hasLetters) return;
        if (w.capitalised) {
          let c = this.counts.get(w.lower);
          if (!c) this.counts.set(w.lower, (c = new Int32Array(5)));
          c[typeOfTag(first[si][i])]++;
        } else if (i > 0 && w.lowerCase) this.lower.add(w.lower);
      });
    });
  }

  /** The document features of one sentence's words (`t1`: its first-pass tags), written into `out`. */
  sentenceRows(s: DocWord[], t1: Uint8Array, out: FeatureRows): void {
    out.reset(s.length);
    for (let i = 0; i < s.length; i++) {
      const w = s[i];
      const own = t1[i];
      out.push(mix(DOC_T.s1, own));
      out.push(mix(DOC_T['s1-1'], i > 0 ? t1[i - 1] : 99));
      out.push(mix(DOC_T['s1+1'], i + 1 < s.length ? t1[i + 1] : 99));
      // (`s1s1` names no template: undefined mixes as 0; the trained weights are keyed by this hash)
      out.push(mix(mix(DOC_T.s1s1, own), i + 1 < s.length ? t1[i + 1] : 99));
      if (w.capitalised) this.nameRows(w.lower, own, out);
      out.next();
    }
  }

  /** The features of a capitalised word: its type elsewhere in the document, its prior, its lower-case use. */
  private nameRows(key: string, own: number, out: FeatureRows): void {
    const c = this.counts.get(key);
    if (c) {
      const others = this.others;
      others.set(c);
      others[typeOfTag(own)]--;
      const total = others[0] + others[1] + others[2] + others[3] + others[4];
      const ent = total - others[0];
      if (ent > 0) {
        let maj = 1;
        for (let t = 2; t <= 4; t++) if (others[t] > others[maj]) maj = t;
        const frac = others[maj] / total;
        out.push(mix(DOC_T.dm, maj));
        out.push(mix(DOC_T.dmx, maj * 8 + (frac < 0.34 ? 0 : frac < 0.67 ? 1 : frac < 1 ? 2 : 3)));
        out.push(mix(mix(DOC_T.dmo, maj), typeOfTag(own)));
      } else if (total > 0) out.push(mix(DOC_T.dO, total > 2 ? 3 : total));
    }
    const pr = this.prior?.get(key);
    if (pr) {
      const code = hash(pr);
      out.push(mix(DOC_T.pr, code));
      out.push(mix(mix(DOC_T.prs1, code), typeOfTag(own)));
    }
    const low = this.lower.has(key) ? 1 : 0;
    out.push(mix(DOC_T.dl, low));
    out.push(mix(mix(DOC_T.dls1, low), typeOfTag(own)));
  }
}

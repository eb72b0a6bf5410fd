/**
 * Feature extraction for the entity tagger. Shared by training (scripts/train-ner.ts) and
 * inference (model.ts), so both see exactly the same features. Each feature is a string hashed
 * to 32 bits (FNV-1a); the model stores weights for the hashes it kept.
 */
import { TYPE_BIT } from './gazetteer.js';

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export type Tag = (typeof TAGS)[number];
export const NT = TAGS.length;
export const TAG_INDEX = new Map<string, number>(TAGS.map((t, i) => [t, i]));

/** Lexicons the features consult. Built by the training script, shipped inside the model file. */
export interface Lexicons {
  /** lower-cased word → casing class in unlabeled text: 'C' nearly always capitalised … 'L' nearly always lower. */
  casing: Map<string, string>;
  /** lower-cased word → distributional cluster id (bit string), from unlabeled text. */
  clusters: Map<string, string>;
  /** Entity phrases seen in training data: lower-cased phrase → type bits. */
  gaz: Map<string, number>;
  /** Hand-written gazetteer (countries, capitals, organisations): lower-cased phrase → type bits. */
  hand: Map<string, number>;
  gazMaxLen: number;
}

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

/** Marks each token covered by a gazetteer phrase: per token a list of `type:B|I|U` tags. */
function gazetteerMarks(lw: string[], words: string[], gaz: Map<string, number>, maxLen: number, prefix: string): string[][] {
  const n = lw.length;
  const marks: string[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    if (!isUpperInitial(words[i])) continue;
    let key = '';
    for (let len = 1; len <= maxLen && i + len <= n; len++) {
      key = len === 1 ? lw[i] : `${key} ${lw[i + len - 1]}`;
      const bits = gaz.get(key);
      if (!bits) continue;
      for (const t of TYPE_NAMES) {
        if (!(bits & TYPE_BIT[t])) continue;
        if (len === 1) marks[i].push(`${prefix}${t}U`);
        else {
          marks[i].push(`${prefix}${t}B`);
          for (let k = i + 1; k < i + len - 1; k++) marks[k].push(`${prefix}${t}I`);
          marks[i + len - 1].push(`${prefix}${t}E`);
        }
      }
    }
  }
  return marks;
}

/**
 * Feature hashes for each token of one sentence.
 * @param words the sentence's tokens, as written (normalised with `normToken` here).
 */
export function sentenceFeatures(rawWords: string[], lex: Lexicons): Uint32Array[] {
  const n = rawWords.length;
  const words = rawWords.map(normToken);
  const lw = words.map((w) => digitsToZero(w.toLowerCase()));
  const shp = words.map((w) => shape(w));
  const sshp = words.map(shortShape);
  const cas = lw.map((w) => lex.casing.get(w) ?? '-');
  const clu = lw.map((w) => lex.clusters.get(w) ?? '');
  // A headline in capitals: casing says nothing, so lexical evidence must carry it.
  let letters = 0;
  let caps = 0;
  for (const w of words) {
    if (hasLetter(w) && w.length > 1) {
      letters++;
      if (isAllCaps(w)) caps++;
    }
  }
  const allCapsSent = letters >= 2 && caps / letters > 0.8 ? '1' : '0';
  const gz = gazetteerMarks(lw, words, lex.gaz, lex.gazMaxLen, 'g');
  const hz = gazetteerMarks(lw, words, lex.hand, 6, 'h');
  const W = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : lw[i]);
  const S = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : sshp[i]);
  const C = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : cas[i]);
  const out: Uint32Array[] = [];
  const f: string[] = [];
  for (let i = 0; i < n; i++) {
    f.length = 0;
    const w = words[i];
    const l = lw[i];
    f.push('b');
    f.push(`w=${w}`);
    f.push(`l=${l}`);
    f.push(`s=${shp[i]}`);
    f.push(`ss=${sshp[i]}`);
    for (let k = 1; k <= 4 && k <= l.length; k++) {
      f.push(`p${k}=${l.slice(0, k)}`);
      f.push(`x${k}=${l.slice(-k)}`);
    }
    f.push(`l-1=${W(i - 1)}`);
    f.push(`l+1=${W(i + 1)}`);
    f.push(`l-2=${W(i - 2)}`);
    f.push(`l+2=${W(i + 2)}`);
    f.push(`l-1l=${W(i - 1)}|${l}`);
    f.push(`ll+1=${l}|${W(i + 1)}`);
    f.push(`s-1=${S(i - 1)}`);
    f.push(`s+1=${S(i + 1)}`);
    f.push(`s-1ss+1=${S(i - 1)}|${sshp[i]}|${S(i + 1)}`);
    f.push(`s-1l=${S(i - 1)}|${l}`);
    f.push(`ls+1=${l}|${S(i + 1)}`);
    f.push(`first=${i === 0 ? 1 : 0}|${sshp[i]}`);
    f.push(`ac=${allCapsSent}|${sshp[i]}`);
    f.push(`acl=${allCapsSent}|${l}`);
    f.push(`c=${cas[i]}|${allCapsSent}|${i === 0 ? 1 : 0}|${sshp[i]}`);
    f.push(`c-1=${C(i - 1)}|${cas[i]}`);
    f.push(`c+1=${cas[i]}|${C(i + 1)}`);
    if (clu[i]) {
      f.push(`k4=${clu[i].slice(0, 4)}`);
      f.push(`k6=${clu[i].slice(0, 6)}`);
      f.push(`k10=${clu[i].slice(0, 10)}`);
      f.push(`k=${clu[i]}`);
    }
    if (i > 0 && clu[i - 1]) f.push(`k-1=${clu[i - 1].slice(0, 8)}`);
    if (i + 1 < n && clu[i + 1]) f.push(`k+1=${clu[i + 1].slice(0, 8)}`);
    for (const g of gz[i]) f.push(g);
    for (const g of hz[i]) f.push(g);
    if (i > 0) for (const g of gz[i - 1]) f.push(`-1${g}`);
    if (i + 1 < n) for (const g of gz[i + 1]) f.push(`+1${g}`);
    const h = new Uint32Array(f.length);
    for (let k = 0; k < f.length; k++) h[k] = hash(f[k]);
    out.push(h);
  }
  return out;
}

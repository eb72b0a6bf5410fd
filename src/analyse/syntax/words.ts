import * as hash from './hash.js';
import type { StringLookup } from './string-table.js';

const strHash = hash.strHash; // a local copy: imported bindings can be getter calls under tsx

/**
 * The integer identities of a sentence's words that the feature templates combine: lower-cased
 * form, form as written, prefixes and suffixes of 1–4 characters, and word shape. Computed once
 * per token, so templates only mix integers.
 */
export interface WordAtoms {
  n: number;
  lower: Uint32Array;
  form: Uint32Array;
  /** pre[i * 4 + k]: prefix of k + 1 characters. */
  pre: Uint32Array;
  suf: Uint32Array;
  shape: Uint32Array;
  longShape: Uint32Array;
  /** Word-cluster bit string of the word cut to 4 and 8 bits and whole (0 when the word has none). */
  c4: Uint32Array;
  c8: Uint32Array;
  cAll: Uint32Array;
}

/** Word → cluster bit string ("0110…"), learned from unlabeled text (see train-syntax). */
export type Clusters = StringLookup;

/** The clusters' key for a word: lower case, digits as 0 (as the entities' clusters use). */
export const clusterKey = (w: string) => w.toLowerCase().replace(/[0-9]/g, '0');

/** Character class of one character for shapes: X upper, x lower, d digit, l caseless letter, else itself. */
function charClass(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c < 128) {
    if (c >= 65 && c <= 90) return 'X';
    if (c >= 97 && c <= 122) return 'x';
    if (c >= 48 && c <= 57) return 'd';
    return ch;
  }
  if (/\p{Lu}/u.test(ch)) return 'X';
  if (/\p{Ll}/u.test(ch)) return 'x';
  if (/\p{N}/u.test(ch)) return 'd';
  if (/\p{L}/u.test(ch)) return 'l'; // letters without case (non-Latin scripts)
  return ch;
}

/** "McCain" → "XxXx", "2,000" → "d,d", "U.S." → "X.X.": character classes, runs collapsed (or the first 6 kept). */
export function shapeOf(w: string, collapse: boolean): string {
  let out = '';
  let prev = '';
  for (const ch of w) {
    const c = charClass(ch);
    if (collapse && c === prev) continue;
    if (!collapse && out.length >= 6) break;
    out += c;
    prev = c;
  }
  return out;
}

export function wordAtoms(forms: readonly string[], clusters?: Clusters): WordAtoms {
  const n = forms.length;
  const a: WordAtoms = {
    n,
    lower: new Uint32Array(n),
    form: new Uint32Array(n),
    pre: new Uint32Array(n * 4),
    suf: new Uint32Array(n * 4),
    shape: new Uint32Array(n),
    longShape: new Uint32Array(n),
    c4: new Uint32Array(n),
    c8: new Uint32Array(n),
    cAll: new Uint32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const w = forms[i];
    const lw = w.toLowerCase();
    a.lower[i] = strHash(lw);
    a.form[i] = strHash(w);
    for (let k = 0; k < 4; k++) {
      a.pre[i * 4 + k] = strHash(lw.slice(0, k + 1));
      a.suf[i * 4 + k] = strHash(lw.slice(Math.max(0, lw.length - k - 1)));
    }
    a.shape[i] = strHash(shapeOf(w, true));
    a.longShape[i] = strHash(shapeOf(w, false));
    const c = clusters?.get(clusterKey(w));
    if (c) {
      a.c4[i] = strHash(c.slice(0, 4)) || 1;
      a.c8[i] = strHash(c.slice(0, 8)) || 1;
      a.cAll[i] = strHash(c) || 1;
    }
  }
  return a;
}

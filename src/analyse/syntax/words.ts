import { strHash } from './hash.js';

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
}

/** "McCain" → "XxXx", "2,000" → "d,d", "U.S." → "X.X.": character classes, runs collapsed. */
export function shapeOf(w: string, collapse: boolean): string {
  let out = '';
  let prev = '';
  for (const ch of w) {
    let c: string;
    if (/\p{Lu}/u.test(ch)) c = 'X';
    else if (/\p{Ll}/u.test(ch)) c = 'x';
    else if (/\p{N}/u.test(ch)) c = 'd';
    else if (/\p{L}/u.test(ch)) c = 'l'; // letters without case (non-Latin scripts)
    else c = ch;
    if (collapse && c === prev) continue;
    if (!collapse && out.length >= 6) break;
    out += c;
    prev = c;
  }
  return out;
}

export function wordAtoms(forms: readonly string[]): WordAtoms {
  const n = forms.length;
  const a: WordAtoms = {
    n,
    lower: new Uint32Array(n),
    form: new Uint32Array(n),
    pre: new Uint32Array(n * 4),
    suf: new Uint32Array(n * 4),
    shape: new Uint32Array(n),
    longShape: new Uint32Array(n),
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
  }
  return a;
}

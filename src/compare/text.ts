/**
 * Set similarities for aligning wordings across outlets; word normalisation (case, spelling
 * variants, stemming, stop words) is the text toolkit's (src/text/normalise.ts), re-exported here.
 */
export { contentKeys, key, normalizeWord, stem, STOPWORDS, type WordForm, wordForms, type WordToken, wordTokens } from '../text/normalise.js';

/** Character n-grams of a normalised string (spaces collapsed). */
export function charNgrams(s: string, n = 3): Set<string> {
  const x = ` ${s.replace(/\s+/g, ' ').trim()} `;
  const out = new Set<string>();
  for (let i = 0; i + n <= x.length; i++) out.add(x.slice(i, i + n));
  return out;
}

export function jaccard<T>(a: Set<T>, b: Set<T>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let inter = 0;
  const [s, l] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of s) if (l.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/** |A ∩ B| / min(|A|, |B|). */
export function overlap<T>(a: Set<T>, b: Set<T>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  const [s, l] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of s) if (l.has(x)) inter++;
  return inter / s.size;
}

/** Whitespace that `clean` changes: at either end, other than a space, or two in a row. */
const UNCLEAN = /^\s|\s$|[^\S ]| {2}/;

/** Collapse whitespace for display. */
export function clean(s: string): string {
  // most sentences are clean already (all 31,604 of the PolNeAR pool): the same string, no copy
  return UNCLEAN.test(s) ? s.replace(/\s+/g, ' ').trim() : s;
}

export { cmpStr as cmp } from '../util/cmp.js';
export { unionFind } from '../util/union-find.js';

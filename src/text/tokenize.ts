import type { Span, Token } from '../model/types.js';
import { capitalised, MONTH_ABBREVIATIONS } from './calendar.js';

/**
 * Tokens with character offsets. Words keep inner apostrophes (straight or curly), hyphens and
 * periods of abbreviations ("U.S.", "Mr.") and of initials before a capitalised word or after
 * another initial ("John F. Kennedy", "the U. K. government"), as the treebanks the models learn from (UD EWT, CoNLL-2003) write them;
 * possessive "'s"/"’s" is its own token as in CoNLL/PTB.
 * Numbers keep separators ("1,000.5", "7.5%" splits the %).
 */
// the month abbreviations that take a period come from the calendar
const TOKEN_RE = new RegExp(
  String.raw`(?:[A-Za-z]\.){2,}(?![A-Za-z])|(?<![\p{L}\p{N}])\p{Lu}\.(?=\s+\p{Lu})|(?<=(?<![\p{L}\p{N}])\p{Lu}\.\s+)\p{Lu}\.(?![\p{L}\p{N}])|(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Cmdr|Adm|St|Jr|Sr|Inc|Corp|Ltd|Co|No|Vol|vs|etc|${MONTH_ABBREVIATIONS.map(capitalised).join('|')}|Mt|Ft|Rev|Hon|Pres|Gen)\.(?=\s)|\d+(?:[.,:]\d+)*|[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*(?=['’][sS]\b)|['’][sS]\b|[\p{L}\p{M}\p{N}]+(?:[-'’.][\p{L}\p{M}\p{N}]+)*|\S`,
  'gu',
);

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(slice); m; m = TOKEN_RE.exec(slice)) {
    out.push({ start: from + m.index, end: from + m.index + m[0].length, text: m[0] });
  }
  return out;
}

const ALNUM_RE = /[\p{L}\p{M}\p{N}]/u;

function isAlnum(c: number, text: string, i: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c === 0x2019) return false;
  if (c >= 0xd800 && c <= 0xdbff) return ALNUM_RE.test(text.slice(i, i + 2));
  return ALNUM_RE.test(text[i]);
}

/**
 * The words of a text with their offsets, punctuation dropped: runs of letters, marks and digits
 * joined by an inner hyphen, apostrophe or period ("U.S", "Lee's", "Franco-German"), the join rule of
 * `tokenize` without its finer cuts (possessive "'s", abbreviation periods, number separators).
 * What bulk features (story terms, shingles) read; a hand-written scanner because it is their hot
 * loop, several times faster than the token regex.
 */
export function words(text: string): { word: string; start: number }[] {
  const out: { word: string; start: number }[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isAlnum(text.charCodeAt(i), text, i)) {
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      while (i < n && isAlnum(text.charCodeAt(i), text, i)) i++;
      const c = text.charCodeAt(i);
      if (i + 1 < n && (c === 45 || c === 39 || c === 0x2019 || c === 46) && isAlnum(text.charCodeAt(i + 1), text, i + 1)) {
        i++;
        continue;
      }
      break;
    }
    out.push({ word: text.slice(start, i), start });
  }
  return out;
}

/** Index of the first token starting at or after `pos` (binary search over tokens in text order). */
export function tokenAt(toks: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Abbreviations after which a period does not end a sentence. Lower-cased, without the period. */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm st jr sr inc corp ltd co no vol vs etc ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mt ft rev hon pres u.s u.k u.n e.g i.e a.m p.m ' +
    'approx est dept univ assn bros gov’t govt'
  ).split(' '),
);

const CLOSERS = '"\'”’)]»';

/**
 * Sentence spans. A sentence ends at . ! ? (plus closing quotes/brackets) followed by space and an
 * upper-case letter, digit or opening quote, or at a paragraph break (blank line or newline).
 * Abbreviations, initials ("J. D. Vance") and decimals do not end sentences.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const n = text.length;
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) spans.push({ start: s, end: e });
    start = end;
  };
  for (let i = 0; i < n; i++) {
    const c = text[i];
    if (c === '\n') {
      push(i);
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?' && c !== '…') continue;
    let j = i + 1;
    while (j < n && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
    while (j < n && CLOSERS.includes(text[j])) j++;
    if (j < n && !/\s/.test(text[j])) continue;
    let k = j;
    while (k < n && (text[k] === ' ' || text[k] === '\t' || text[k] === '\u00a0')) k++;
    if (k >= n) {
      i = j - 1;
      continue;
    }
    if (text[k] === '\n') {
      i = j - 1;
      continue; // the newline ends it
    }
    const next = text[k];
    if (!/[\p{Lu}\p{N}"“‘'([«]/u.test(next)) continue;
    // “Why now?” Clinton asked. — a quoted question or exclamation followed by its attribution
    if (c !== '.' && c !== '…' && j > i + 1 && CLOSERS.includes(text[j - 1]) && ATTRIBUTION_AFTER_QUOTE.test(text.slice(k, k + 80))) continue;
    if (c === '.') {
      // word before the period
      let w = i;
      while (w > 0 && /[\p{L}.’']/u.test(text[w - 1])) w--;
      const word = text.slice(w, i).toLowerCase();
      // after a.m./p.m. a capital is as often a weekday or a name ("at 3 p.m. Friday") as a new sentence
      const clock = isClockSuffix(text, word, w);
      if (!clock && ABBREVIATIONS.has(word)) continue;
      if (/^\p{L}$/u.test(word) && /\p{Lu}/u.test(text[w])) continue; // initial "J."
      // "U.S." followed by a capital is ambiguous too: either ends only before a common sentence starter
      const dotted = /^(?:\p{L}\.)+\p{L}$/u.test(word) && /^\p{Lu}/u.test(next) && word.length <= 5;
      if ((clock || dotted) && !SENTENCE_STARTERS.has(/^\p{L}+/u.exec(text.slice(k))?.[0] ?? '')) continue;
    }
    push(j);
    i = j - 1;
  }
  push(n);
  return spans;
}

/** "a.m"/"p.m", or the "m" of a spaced "p. m." (the word before the period starts at `w`). */
function isClockSuffix(text: string, word: string, w: number): boolean {
  if (word === 'a.m' || word === 'p.m') return true;
  return word === 'm' && /(?:^|[^\p{L}])[ap]\. $/iu.test(text.slice(Math.max(0, w - 4), w));
}

/** One to three capitalised words and a reporting verb: the attribution of the quotation before it. */
const ATTRIBUTION_AFTER_QUOTE =
  /^(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}(?:said|says|asked|asks|added|adds|told|tells|wrote|writes|replied|replies|continued|explained|noted|insisted|argued|tweeted|shouted|wondered)\b/u;

const SENTENCE_STARTERS = new Set(
  'The A An It He She They We I In On At But And This That These Those There His Her Their Its As After Before When While If However Meanwhile'.split(
    ' ',
  ),
);

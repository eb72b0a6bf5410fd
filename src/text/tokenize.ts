import type { Span, Token } from '../model/types.js';
import { capitalised, MONTH_ABBREVIATIONS } from './calendar.js';
import { partitionPoint } from '../util/search.js';

/**
 * Tokens with character offsets. Words keep inner apostrophes (straight or curly), hyphens and
 * periods of abbreviations ("U.S.", "Mr.") and of initials before a capitalised word or after
 * another initial ("John F. Kennedy", "the U. K. government"), as the treebanks the models learn from (UD EWT, CoNLL-2003) write them;
 * possessive "'s"/"’s" is its own token as in CoNLL/PTB.
 * Numbers keep separators ("1,000.5", "7.5%" splits the %).
 */
// the month abbreviations that take a period come from the calendar
const TITLE_ABBREVIATIONS = new Set([
  ...'Mr Mrs Ms Dr Prof Sen Rep Gov Gen Col Lt Sgt Capt Cmdr Adm St Jr Sr Inc Corp Ltd Co No Vol vs etc'.split(' '),
  ...MONTH_ABBREVIATIONS.map(capitalised),
  ...'Mt Ft Rev Hon Pres'.split(' '),
]);

/**
 * The token rule, written as the regular expression it was first (tested against it on random and
 * real text, test/text/tokenize.test.ts), tried in this order at each non-space character:
 *   (?:[A-Za-z]\.){2,}(?![A-Za-z])                         "U.S."
 *   (?<![\p{L}\p{N}])\p{Lu}\.(?=\s+\p{Lu})                  an initial before a capital, "J. D."
 *   (?<=(?<![\p{L}\p{N}])\p{Lu}\.\s+)\p{Lu}\.(?![\p{L}\p{N}])  an initial after another, "the U. K."
 *   (?:Mr|Mrs|…)\.(?=\s)                                  TITLE_ABBREVIATIONS with their period
 *   \d+(?:[.,:]\d+)*                                      "1,000.5"
 *   WORD(?:[-'’]WORD)*(?=['’][sS]\b)                       a word before its possessive
 *   ['’][sS]\b                                             the possessive
 *   WORD(?:[-'’.]WORD)*                                     a word, WORD = [\p{L}\p{M}\p{N}]+
 *   \S                                                     any other character (a code point)
 * A scanner over char codes, as the tokenizer runs on every text of every stage: no match object
 * per token.
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  for (let p = tokenStart(text, from, to); p < to; ) {
    const end = tokenEnd(text, p, from, to);
    out.push({ start: p, end, text: text.slice(p, end) });
    p = tokenStart(text, end, to);
  }
  return out;
}

/**
 * Where the next token starts at or after p (`to` when none): with `tokenEnd`, the scan tokenize
 * makes, for a reader that needs each token's text but no object per token (the cross-check's
 * sentences are read once per story: hundreds of thousands of tokens).
 */
export function tokenStart(text: string, p: number, to: number): number {
  while (p < to && isSpace(text.charCodeAt(p))) p++;
  return p;
}

/** The end of the token starting at the non-space character p of text[from, to) (the rule above). */
export function tokenEnd(text: string, p: number, from: number, to: number): number {
  const c = text.charCodeAt(p);
  if (isAsciiLetter(c)) {
    // "U.S.": two or more letter-period pairs, no letter after
    let q = p;
    while (q + 1 < to && isAsciiLetter(text.charCodeAt(q)) && text.charCodeAt(q + 1) === DOT) q += 2;
    if (q - p >= 4 && !(q < to && isAsciiLetter(text.charCodeAt(q)))) return q;
  }
  const cp = codePointAt(text, p, to);
  const len = cp > 0xffff ? 2 : 1;
  if (isUpper(cp) && p + len < to && text.charCodeAt(p + len) === DOT) {
    if (initialBeforeCapital(text, p, len, from, to) || initialAfterInitial(text, p, len, from, to)) return p + len + 1;
  }
  if (isAsciiLetter(c)) {
    let q = p;
    while (q < to && isAsciiLetter(text.charCodeAt(q))) q++;
    if (q + 1 < to && text.charCodeAt(q) === DOT && isSpace(text.charCodeAt(q + 1)) && TITLE_ABBREVIATIONS.has(text.slice(p, q))) return q + 1;
  }
  if (c >= 48 && c <= 57) {
    let q = p + 1;
    for (;;) {
      while (q < to && isDigit(text.charCodeAt(q))) q++;
      const s = text.charCodeAt(q);
      if (q + 1 < to && (s === DOT || s === 44 || s === 58) && isDigit(text.charCodeAt(q + 1))) q++;
      else return q;
    }
  }
  if (isWordChar(cp)) return wordEnd(text, p, to);
  if ((c === APOSTROPHE || c === RIGHT_QUOTE) && isPossessiveAt(text, p, to)) return p + 2;
  return p + len;
}

/** The possessive "'s" at p ("['’][sS]\b"). */
function isPossessiveAt(text: string, p: number, to: number): boolean {
  const c = text.charCodeAt(p);
  if (c !== APOSTROPHE && c !== RIGHT_QUOTE) return false;
  if (p + 1 >= to) return false;
  const s = text.charCodeAt(p + 1);
  if (s !== 115 && s !== 83) return false;
  return p + 2 >= to || !isRegExpWordChar(text.charCodeAt(p + 2));
}

/**
 * The end of the word starting at p: the longest run of letters, marks and digits joined by a
 * hyphen, an apostrophe or a period; but the longest part of it joined without periods that a
 * possessive "'s" follows, when there is one ("Lee's" → "Lee", "'s").
 */
function wordEnd(text: string, p: number, to: number): number {
  let q = p;
  let noPeriodYet = true;
  let possessiveEnd = -1;
  for (;;) {
    while (q < to) {
      const cp = codePointAt(text, q, to);
      if (!isWordChar(cp)) break;
      q += cp > 0xffff ? 2 : 1;
    }
    if (noPeriodYet && isPossessiveAt(text, q, to)) possessiveEnd = q;
    const j = text.charCodeAt(q);
    if (q + 1 < to && (j === HYPHEN || j === APOSTROPHE || j === RIGHT_QUOTE || j === DOT) && isWordChar(codePointAt(text, q + 1, to))) {
      if (j === DOT) noPeriodYet = false;
      q++;
      continue;
    }
    return possessiveEnd >= 0 ? possessiveEnd : q;
  }
}

/** "(?<![\p{L}\p{N}])\p{Lu}\.(?=\s+\p{Lu})" at p (the capital is `len` code units). */
function initialBeforeCapital(text: string, p: number, len: number, from: number, to: number): boolean {
  if (p > from && isLetterOrNumber(codePointBefore(text, p, from))) return false;
  let r = p + len + 1;
  while (r < to && isSpace(text.charCodeAt(r))) r++;
  return r > p + len + 1 && r < to && isUpper(codePointAt(text, r, to));
}

/** "(?<=(?<![\p{L}\p{N}])\p{Lu}\.\s+)\p{Lu}\.(?![\p{L}\p{N}])" at p (the capital is `len` code units). */
function initialAfterInitial(text: string, p: number, len: number, from: number, to: number): boolean {
  const after = p + len + 1;
  if (after < to && isLetterOrNumber(codePointAt(text, after, to))) return false;
  let r = p;
  while (r > from && isSpace(text.charCodeAt(r - 1))) r--;
  if (r === p || r - 1 <= from || text.charCodeAt(r - 1) !== DOT) return false;
  const cap = codePointBefore(text, r - 1, from);
  if (!isUpper(cap)) return false;
  const s = r - 1 - (cap > 0xffff ? 2 : 1);
  return s <= from || !isLetterOrNumber(codePointBefore(text, s, from));
}

const DOT = 46;
const HYPHEN = 45;
const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;
const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** A word character of \b (ASCII letters, digits, underscore). */
const isRegExpWordChar = (c: number): boolean => isAsciiLetter(c) || isDigit(c) || c === 95;

/** The code point at p (a surrogate pair inside text[.., to) read whole). */
function codePointAt(text: string, p: number, to: number): number {
  const c = text.charCodeAt(p);
  if (c >= 0xd800 && c <= 0xdbff && p + 1 < to) {
    const d = text.charCodeAt(p + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}

/** The code point ending just before p (p > from). */
function codePointBefore(text: string, p: number, from: number): number {
  const d = text.charCodeAt(p - 1);
  if (d >= 0xdc00 && d <= 0xdfff && p - 2 >= from) {
    const c = text.charCodeAt(p - 2);
    if (c >= 0xd800 && c <= 0xdbff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return d;
}

/** \s of a regular expression (all of them in the BMP). */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Unicode classes of BMP code points, computed on first sight: bit 1 set once known, then WORD, LETTER_OR_NUMBER, UPPER. */
const KNOWN = 1;
const WORD = 2;
const LETTER_OR_NUMBER = 4;
const UPPER = 8;
const classes = new Uint8Array(0x10000);
const WORD_RE = /^[\p{L}\p{M}\p{N}]$/u;
const LETTER_OR_NUMBER_RE = /^[\p{L}\p{N}]$/u;
const UPPER_RE = /^\p{Lu}$/u;

function classOf(cp: number): number {
  if (cp <= 0xffff && classes[cp] & KNOWN) return classes[cp];
  const s = String.fromCodePoint(cp);
  const k = KNOWN | (WORD_RE.test(s) ? WORD : 0) | (LETTER_OR_NUMBER_RE.test(s) ? LETTER_OR_NUMBER : 0) | (UPPER_RE.test(s) ? UPPER : 0);
  if (cp <= 0xffff) classes[cp] = k;
  return k;
}
/** [\p{L}\p{M}\p{N}] */
const isWordChar = (cp: number): boolean => (cp < 128 ? isAsciiLetter(cp) || isDigit(cp) : (classOf(cp) & WORD) !== 0);
/** [\p{L}\p{N}] */
const isLetterOrNumber = (cp: number): boolean => (cp < 128 ? isAsciiLetter(cp) || isDigit(cp) : (classOf(cp) & LETTER_OR_NUMBER) !== 0);
/** \p{Lu} */
const isUpper = (cp: number): boolean => (cp < 128 ? cp >= 65 && cp <= 90 : (classOf(cp) & UPPER) !== 0);

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
    const first = codePointAt(text, i, n);
    if (!isWordChar(first)) {
      i += first > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    for (;;) {
      for (let cp = codePointAt(text, i, n); i < n && isWordChar(cp); cp = codePointAt(text, i, n)) i += cp > 0xffff ? 2 : 1;
      const c = text.charCodeAt(i);
      if (i + 1 < n && (c === HYPHEN || c === APOSTROPHE || c === RIGHT_QUOTE || c === DOT) && isWordChar(codePointAt(text, i + 1, n))) {
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
  return partitionPoint(toks, (t) => t.start < pos);
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

/**
 * The normaliser of the text toolkit: case, curly quotes, British/American spelling variants
 * (-ise/-ize, -isation/-ization, -our/-or, -yse/-yze, -tre/-ter, -ence/-ense), a light suffix
 * stemmer and stop words, and word tokens carrying their matching key. Two wordings of one
 * statement by two outlets meet on these keys.
 */
import type { Span } from '../model/types.js';
import { dataLines } from './lexicon.js';
import { tokenEnd, tokenStart } from './tokenize.js';

/**
 * Words that carry no content for alignment (data/lexicons/stopwords.txt: English function words,
 * reporting verbs and the commonest time and quantity words).
 */
export const STOPWORDS = new Set(dataLines('lexicons', 'stopwords.txt').flatMap((l) => l.trim().split(/\s+/)));

/**
 * Words that never tell two news events apart (data/lexicons/topic-stopwords.txt: a general English
 * stop list, the words every news page repeats, contractions): left out of the content terms that
 * group articles into stories. Broader than STOPWORDS, which must keep words an aligned statement
 * turns on.
 */
export const TOPIC_STOPWORDS = new Set(dataLines('lexicons', 'topic-stopwords.txt').flatMap((l) => l.trim().split(/\s+/)));

/**
 * A name with its accents taken off ("Café Zürich" → "Cafe Zurich"): compatibility forms split too
 * (NFKD: "ﬁ" → "fi", full-width letters → ASCII), then every combining mark dropped. The one fold for
 * names compared across outlets (entity ids, person keys, place names, outlet keys); case is the caller's.
 */
export function foldAccents(text: string): string {
  // (ASCII has no compatibility forms and no marks: the fold leaves it as it is, without the two passes)
  return /^[\0-\x7f]*$/.test(text) ? text : text.normalize('NFKD').replace(/\p{M}/gu, '');
}

const NORM_CACHE = new Map<string, string>();
const KEY_CACHE = new Map<string, string>();
const CACHE_MAX = 200_000;

/** Lower-case, unify apostrophes, map British spellings to American ones. */
export function normalizeWord(w: string): string {
  let v = NORM_CACHE.get(w);
  if (v === undefined) {
    v = normalizeWordUncached(w);
    if (NORM_CACHE.size > CACHE_MAX) NORM_CACHE.clear();
    NORM_CACHE.set(w, v);
  }
  return v;
}

function normalizeWordUncached(w: string): string {
  let s = w.toLowerCase().replace(/[’‘`]/g, "'");
  if (s.endsWith("'s")) s = s.slice(0, -2);
  s = s.replace(/'/g, '');
  if (s.length > 5) {
    s = s
      .replace(/isation(s?)$/, 'ization$1')
      .replace(/ising$/, 'izing')
      .replace(/ised$/, 'ized')
      .replace(/ises$/, 'izes')
      .replace(/iser(s?)$/, 'izer$1')
      .replace(/yse(s|d)?$/, 'yze$1')
      .replace(/ysing$/, 'yzing')
      .replace(/ogue(s?)$/, 'og$1')
      .replace(/([^aeiou])our(s|ed|ing|ite|ites|able)?$/, '$1or$2')
      .replace(/ence$/, (m) => (/(defence|offence|licence|pretence)$/.test(s) ? 'ense' : m))
      .replace(/programme(s?)$/, 'program$1')
      .replace(/([^aeiou])tre(s?)$/, '$1ter$2');
  } else if (s === 'ise' || s === 'ize') {
    s = 'ize';
  }
  if (/(?:^|[^a-z])(?:defence|offence)$/.test(s)) s = s.replace(/ence$/, 'ense');
  return s;
}

/** A light stemmer on normalised words: plural and verbal suffixes, so "talks"/"talk", "signed"/"sign" align. */
export function stem(w: string): string {
  let s = w;
  if (s.length <= 3) return s;
  if (s.endsWith('ies') && s.length > 4) return s.slice(0, -3) + 'y';
  if (s.endsWith('izing')) return s.slice(0, -5) + 'ize';
  if (s.endsWith('ized')) return s.slice(0, -4) + 'ize';
  if (s.endsWith('izes')) return s.slice(0, -4) + 'ize';
  if (s.endsWith('ing') && s.length > 5) {
    s = s.slice(0, -3);
    if (/([b-df-hj-np-tv-z])\1$/.test(s) && !/(ll|ss|ff|zz)$/.test(s)) s = s.slice(0, -1);
    return s;
  }
  if (s.endsWith('ed') && s.length > 4) {
    s = s.slice(0, -2);
    if (/([b-df-hj-np-tv-z])\1$/.test(s) && !/(ll|ss|ff|zz)$/.test(s)) s = s.slice(0, -1);
    return s;
  }
  if (s.endsWith('sses')) return s.slice(0, -2);
  if (s.endsWith('es') && /(ch|sh|x|ss)es$/.test(s)) return s.slice(0, -2);
  if (s.endsWith('s') && !s.endsWith('ss') && !s.endsWith('us') && !s.endsWith('is')) return s.slice(0, -1);
  return s;
}

/**
 * The lightest level of the normaliser: lower case, possessive and regular plural removed, nothing
 * else ("talks" → "talk", "Lee's" → "lee", "signed" stays), so names stay readable. What story terms
 * are made of; `stem` goes further for aligning statements.
 */
export function singular(word: string): string {
  let w = word.toLowerCase().replace(/’/g, "'");
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 4 && /(?:ss|ch|sh|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is|ous)$/.test(w)) return w.slice(0, -1);
  return w;
}

/** Reduce a stem further for matching: drop a final "e" so "signe"/"sign", "create"/"creat" meet. */
export function key(w: string): string {
  let v = KEY_CACHE.get(w);
  if (v === undefined) {
    const s = stem(normalizeWord(w));
    v = s.length > 4 && s.endsWith('e') ? s.slice(0, -1) : s;
    if (KEY_CACHE.size > CACHE_MAX) KEY_CACHE.clear();
    KEY_CACHE.set(w, v);
  }
  return v;
}

export interface WordToken extends Span {
  text: string;
  /** Matching key (normalised, stemmed). */
  key: string;
  /** Normalised surface (no stemming). */
  norm: string;
  content: boolean;
}

const WORDISH = /[\p{L}\p{N}]/u;

/** What a word token is besides where it is: its surface, matching key, normalised form, and whether it carries content. */
export interface WordForm {
  readonly text: string;
  /** Matching key (normalised, stemmed). */
  readonly key: string;
  /** Normalised surface (no stemming). */
  readonly norm: string;
  readonly content: boolean;
}

/** A word of a token (the token itself, or a part of a hyphen compound), at `at`..`end` in the token. */
interface TokenWord extends WordForm {
  at: number;
  end: number;
}

// A token's words depend only on its text: a story's hundreds of thousands of tokens are a few
// tens of thousands of distinct ones, so each is read once (one look-up per token instead of the
// normaliser's, the stemmer's and the stop list's)
const TOKEN_WORDS = new Map<string, TokenWord[]>();

/** The words of one token: punctuation gives none; a hyphen compound its parts (not a number range). */
function tokenWords(raw: string): TokenWord[] {
  let words = TOKEN_WORDS.get(raw);
  if (words) return words;
  const out: TokenWord[] = [];
  const add = (part: string, at: number) => {
    const norm = normalizeWord(part);
    if (norm) out.push({ at, end: at + part.length, text: part, key: key(part), norm, content: !STOPWORDS.has(norm) && norm.length > 1 });
  };
  if (WORDISH.test(raw)) {
    if (raw.includes('-') && !/^\d/.test(raw)) {
      let off = 0;
      for (const part of raw.split('-')) {
        if (part) add(part, off);
        off += part.length + 1;
      }
    } else add(raw, 0);
  }
  if (TOKEN_WORDS.size > CACHE_MAX) TOKEN_WORDS.clear();
  TOKEN_WORDS.set(raw, (words = out));
  return words;
}

/**
 * A word token as wordTokens gives it: its offsets, and its form shared with every other occurrence
 * of the same word (a story's hundreds of thousands of tokens live as long as its cross-check, so a
 * token of three fields instead of six is less for the garbage collector to copy and to keep).
 */
class WordAt implements WordToken {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly form: WordForm,
  ) {}
  get text(): string {
    return this.form.text;
  }
  get key(): string {
    return this.form.key;
  }
  get norm(): string {
    return this.form.norm;
  }
  get content(): boolean {
    return this.form.content;
  }
}

/** Word tokens of text[from, to) with matching keys; punctuation dropped; hyphen compounds split as well. */
export function wordTokens(text: string, from = 0, to = text.length): WordToken[] {
  const out: WordToken[] = [];
  // (tokenize's scan without its token objects: only the words are kept)
  for (let p = tokenStart(text, from, to); p < to; ) {
    const end = tokenEnd(text, p, from, to);
    for (const w of tokenWords(text.slice(p, end))) out.push(new WordAt(p + w.at, p + w.end, w));
    p = tokenStart(text, end, to);
  }
  return out;
}

/** The same words `by` characters later (a sentence repeated word for word elsewhere in a story). */
export function movedWords(tokens: readonly WordToken[], by: number): WordToken[] {
  return tokens.map((t) => new WordAt(t.start + by, t.end + by, t instanceof WordAt ? t.form : t));
}

/**
 * The words of text[from, to) as wordTokens reads them, without their offsets: each the one object
 * every occurrence of that word form shares, so a reader that needs no offsets makes no object per
 * token.
 */
export function wordForms(text: string, from = 0, to = text.length): WordForm[] {
  const out: WordForm[] = [];
  for (let p = tokenStart(text, from, to); p < to; ) {
    const end = tokenEnd(text, p, from, to);
    for (const w of tokenWords(text.slice(p, end))) out.push(w);
    p = tokenStart(text, end, to);
  }
  return out;
}

/** Keys of content words. */
export function contentKeys(text: string, from = 0, to = text.length): string[] {
  return wordForms(text, from, to)
    .filter((t) => t.content)
    .map((t) => t.key);
}


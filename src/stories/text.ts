import { dataLines } from '../text/lexicon.js';
import { singular, TOPIC_STOPWORDS } from '../text/normalise.js';
import { cityList, countryList, regionList, seatsOfGovernment } from '../text/places.js';
import { words } from '../text/tokenize.js';

/**
 * Text features for story grouping: content terms (lower-cased, lightly stemmed, stop words
 * removed), capitalised names (a fallback while no entity recogniser fills `StoryInput.entities`)
 * and a small gazetteer that tells which names are places. Words, stop words and the stemmer come
 * from the text toolkit (src/text/).
 */

/** Capitalised words that start sentences or headlines without naming anything (data/lexicons/capitalised-non-names.txt). */
const NOT_NAMES = new Set(dataLines('lexicons', 'capitalised-non-names.txt').flatMap((l) => l.trim().split(/\s+/)));

// the toolkit's word scanner, re-exported for the feature extractors that import it from here
export { words };

/** What story features need to know about a word form, computed once per distinct form. */
export interface WordInfo {
  /** Content term, or null. */
  term: string | null;
  /** FNV-1a hash of the term (0 when none). */
  termHash: number;
  /** FNV-1a hash of the lower-cased word (for shingles). */
  lowerHash: number;
}

const WORD_CACHE = new Map<string, WordInfo>();
const WORD_CACHE_MAX = 200_000;

/** Memoised `WordInfo` of a word form (bounded cache). */
export function wordInfo(word: string): WordInfo {
  const hit = WORD_CACHE.get(word);
  if (hit !== undefined) return hit;
  const t = computeTerm(word);
  const info: WordInfo = { term: t, termHash: t === null ? 0 : fnv32(t), lowerHash: fnv32(word.toLowerCase()) };
  if (WORD_CACHE.size >= WORD_CACHE_MAX) WORD_CACHE.clear();
  WORD_CACHE.set(word, info);
  return info;
}

/** Content term of a word, or null for stop words, single letters and bare short numbers (memoised). */
export function term(word: string): string | null {
  return wordInfo(word).term;
}

function fnv32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function computeTerm(word: string): string | null {
  const s = singular(word);
  if (s.length < 2 || TOPIC_STOPWORDS.has(s)) return null;
  if (/^\d+$/.test(s) && s.length < 2) return null;
  if (!/[\p{L}\d]/u.test(s)) return null;
  return s;
}

/** Adds the content terms of `text` to `into`, each occurrence counting `weight`. */
export function addTerms(
  text: string,
  weight: number,
  into: Map<string, number>,
  bigrams?: Map<string, number>,
  ws: { word: string; start: number }[] = words(text),
  minPhrase = 1,
  info: WordInfo[] = ws.map((m) => wordInfo(m.word)),
): number {
  // adjacent content words within a clause ("missile shield", "election day", "fifth term"):
  // counted by hash first, spelled out only when frequent enough to be kept
  const pairCounts = new Map<number, number>();
  const pairAt: number[] = [];
  for (let i = 0; i < ws.length; i++) {
    const t = info[i].term;
    if (t === null) continue;
    into.set(t, (into.get(t) ?? 0) + weight);
    if (bigrams && i > 0 && info[i - 1].term !== null && onlySpaces(text, ws[i - 1].start + ws[i - 1].word.length, ws[i].start)) {
      const key = (Math.imul(info[i - 1].termHash, 0x9e3779b1) ^ info[i].termHash) >>> 0;
      pairCounts.set(key, (pairCounts.get(key) ?? 0) + 1);
      pairAt.push(i, key);
    }
  }
  if (bigrams) {
    for (let k = 0; k < pairAt.length; k += 2) {
      if ((pairCounts.get(pairAt[k + 1]) ?? 0) < minPhrase) continue;
      const i = pairAt[k];
      const b = `${info[i - 1].term} ${info[i].term}`;
      bigrams.set(b, (bigrams.get(b) ?? 0) + weight);
    }
  }
  return ws.length;
}

function onlySpaces(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0 && c !== 45) return false;
  }
  return true;
}

const CAP_RE = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;

function isCap(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90 && (w.length < 2 || !/\d/.test(w));
  return CAP_RE.test(w);
}

/** True when the characters between two words end a sentence or a line. */
function sentenceGap(text: string, from: number, to: number): boolean {
  for (let i = to - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 0xa0) continue;
    return c === 46 || c === 33 || c === 63 || c === 58 || c === 10 || c === 34 || c === 0x201c || text.slice(from, to).includes('\n');
  }
  return false;
}

function slug(name: string): string {
  const lower = name.toLowerCase();
  if (/^[a-z0-9 ]+$/.test(lower)) return lower.replace(/ /g, '_');
  return lower
    .replace(/['’]s$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * Capitalised names: runs of capitalised words (allowing "of", "de", "bin" ... inside), skipping
 * the first word of a sentence or line unless it also occurs capitalised elsewhere. Headlines in
 * title case are skipped by the caller. Returns slugs with counts.
 */
export function capitalisedNames(text: string, ws: { word: string; start: number }[] = words(text)): Map<string, number> {
  const names = new Map<string, number>();
  const midCaps = new Set<string>();
  const starts = new Array<boolean>(ws.length).fill(false);
  for (let i = 0; i < ws.length; i++) {
    const prevEnd = i === 0 ? 0 : ws[i - 1].start + ws[i - 1].word.length;
    starts[i] = i === 0 || sentenceGap(text, prevEnd, ws[i].start);
    if (!starts[i] && isCap(ws[i].word)) midCaps.add(ws[i].word);
  }
  let run: string[] = [];
  const flush = () => {
    while (run.length > 0 && /^(?:of|de|la|bin|al|von|van|the|and)$/i.test(run[run.length - 1])) run.pop();
    if (run.length > 0) {
      const s = slug(run.join(' '));
      if (s.length > 1 && !/^\d+$/.test(s)) names.set(s, (names.get(s) ?? 0) + 1);
    }
    run = [];
  };
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i].word;
    const prevEnd = i === 0 ? 0 : ws[i - 1].start + ws[i - 1].word.length;
    const joined = run.length > 0 && onlySpaces(text, prevEnd, ws[i].start) && text.charCodeAt(prevEnd) !== 45;
    if (!joined) flush();
    const cap = w.length > 1 && isCap(w) && !NOT_NAMES.has(w) && !NOT_NAMES.has(w.replace(/['’]s$/, ''));
    if (cap && (!starts[i] || midCaps.has(w))) {
      run.push(w);
    } else if (run.length > 0 && joined && /^(?:of|de|la|bin|al|von|van)$/.test(w)) {
      run.push(w);
    } else {
      flush();
    }
    if (/['’]s$/.test(w)) flush();
  }
  flush();
  return names;
}

/** True when most words of a line are capitalised (a title-case headline tells nothing by case). */
export function isTitleCase(line: string): boolean {
  const ws = words(line).filter((w) => /\p{L}/u.test(w.word) && w.word.length > 3);
  if (ws.length < 3) return true;
  const caps = ws.filter((w) => /^\p{Lu}/u.test(w.word)).length;
  return caps / ws.length > 0.6;
}

/**
 * Places the fallback name extractor recognises: countries (with their demonyms and short forms,
 * which stand for the country) and major cities (which stay themselves: a summit in Moscow is
 * placed in Moscow, not just in Russia). Keys are slugs; values are the canonical place slug.
 */
const COUNTRIES: [string, string[]][] = [
  ...countryList().map((c): [string, string[]] => [slug(c.name), [...c.aliases, ...c.demonyms].map(slug)]),
  ...regionList().map((r): [string, string[]] => [slug(r), []]),
];

/** Cities by population (data/places/cities.tsv) and seats of government ("kremlin:moscow"), as `alias:place` slugs. */
const cityKey = (name: string) => slug(name.split(',')[0]);
const CITIES = [
  ...cityList().flatMap((c) => [c.name, ...c.forms].map((f) => `${slug(f)}:${cityKey(c.name)}`)),
  ...[...seatsOfGovernment()].map(([seat, city]) => `${slug(seat)}:${cityKey(city)}`),
].join(' ');

export const PLACES: Map<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [place, aliases] of COUNTRIES) {
    m.set(place, place);
    for (const a of aliases) m.set(a, place);
  }
  for (const c of CITIES.split(' ')) {
    const [alias, place] = c.split(':');
    m.set(alias, place ?? alias);
  }
  return m;
})();

/** The canonical place slug of a name slug, or null. */
export function placeOf(nameSlug: string): string | null {
  const direct = PLACES.get(nameSlug);
  if (direct) return direct;
  const bare = nameSlug.replace(/^(?:the_)/, '');
  return PLACES.get(bare) ?? null;
}

export { slug as nameSlug };

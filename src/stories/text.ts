import { cityList, countryList, regionList, seatsOfGovernment } from '../text/places.js';

/**
 * Text features for story grouping: content terms (lower-cased, lightly stemmed, stop words
 * removed), capitalised names (a fallback while no entity recogniser fills `StoryInput.entities`)
 * and a small gazetteer that tells which names are places.
 */



/** English function words plus words so common in news that they never tell two events apart. */
export const STOP_WORDS = new Set(
  (
    'a about above according across after afterwards again against ago all almost alone along already also although always am ' +
    'among amongst an and another any anyhow anyone anything anyway anywhere are around as at back be became because become ' +
    'becomes been before beforehand behind being below beside besides between beyond both but by can cannot could did do does ' +
    'doing done down due during each either else elsewhere enough etc even ever every everyone everything everywhere except few ' +
    'first for former formerly from further get gets getting give given go goes going got had has have having he hence her here ' +
    'hereby herein hers herself him himself his how however i if in indeed into is it its itself just last latter least less ' +
    'like made make makes many may me meanwhile might mine more moreover most mostly much must my myself namely neither never ' +
    'nevertheless next no nobody none nor not nothing now nowhere of off often on once one only onto or other others otherwise ' +
    'our ours ourselves out over own per perhaps please put rather re really said same say saying says see seem seemed seems ' +
    'several she should since so some somehow someone something sometime sometimes somewhere still such than that the their ' +
    'theirs them themselves then thence there thereafter thereby therefore therein these they this those though through ' +
    'throughout thru thus to together too toward towards under until up upon us very via was way we well were what whatever when ' +
    'whence whenever where whereas whereby wherein whether which while who whoever whole whom whose why will with within without ' +
    'would yet you your yours yourself yourselves ' +
    // news-generic
    'new news report reports reported reporting told tell tells according people time times year years day days week weeks ' +
    'month months today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday mr mrs ms dr via read ' +
    'also update updated updates latest watch video photo photos image images click share comment comments ' +
    "don't doesn't didn't isn't aren't wasn't weren't won't can't it's he's she's that's there's what's who's let's i'm we're they're"
  ).split(/\s+/),
);

/** Capitalised words that start sentences or headlines without naming anything. */
const NOT_NAMES = new Set(
  (
    'The A An This That These Those It Its He She They We I You His Her Their Our In On At By For From With As After Before ' +
    'When While If But And Or Not No Yes So Then There Here What Who Why How Where Which Also However Meanwhile According ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September ' +
    'October November December Mr Mrs Ms Dr President Prime Minister Minister Chairman Chief Secretary General Gen Sen Rep ' +
    'Gov Governor Senator Officials Official Read More Share Watch Photo Image Also Related Advertisement Click Sign Subscribe ' +
    'Home News Topics Others Explore Comment Comments Copyright Follow Now Today Yesterday Last Next Over Under Amid Ahead ' +
    'Many Some All Both Each Every Most Several Few One Two Three Four Five Six Seven Eight Nine Ten First Second Third'
  ).split(/\s+/),
);

/** Light, deterministic stemming: possessives and regular plurals only (keeps names readable). */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/’/g, "'");
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 4 && /(?:ss|ch|sh|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is|ous)$/.test(w)) return w.slice(0, -1);
  return w;
}

const ALNUM_RE = /[\p{L}\p{M}\p{N}]/u;

function isAlnum(c: number, text: string, i: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c === 0x2019) return false;
  if (c >= 0xd800 && c <= 0xdbff) return ALNUM_RE.test(text.slice(i, i + 2));
  return ALNUM_RE.test(text[i]);
}

/**
 * Words of a text with their offsets, as the term and shingle extractors see them: runs of letters,
 * marks and digits, joined by an inner hyphen, apostrophe or period ("U.S", "Xi's", "Russia-China").
 * A hand-written scanner (this is the hot loop of story features).
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
  const s = stem(word);
  if (s.length < 2 || STOP_WORDS.has(s)) return null;
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

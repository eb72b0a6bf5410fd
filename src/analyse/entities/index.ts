/**
 * Entities: people, organisations, places and other names (CoNLL types PER, ORG, LOC, MISC),
 * recognised by a tagger trained in the repo (scripts/train-ner.ts → models/entities.bin) and linked
 * within the article and across the articles of a story.
 *
 *   const mentions = recogniseEntities(article.text, sentences);   // standoff spans, linked ids
 *   const entities = entityIndex(mentions);                        // the article's entities
 *   const story = linkAcrossArticles([{ articleId, outlet, mentions }, ...]);
 */
import type { EntityMention, EntityType, Span, Token } from '../../model/types.js';
import { splitSentences, tokenize } from '../tokenize.js';
import { type Lexicon, TAGS as TAGS_IMPORTED } from './features.js';

const TAGS: readonly string[] = [...TAGS_IMPORTED];
import { COUNTRY_BY_DEMONYM, COUNTRY_BY_NAME, INSTITUTION_PLACES, ORG_BY_NAME, PLACE_NAMES } from './gazetteer.js';

const PLACE_SET = new Set(PLACE_NAMES.map((p) => p.toLowerCase()));
import { addressStart, initialsStart, routeEnd, streetWordAt } from './name-forms.js';
import { cleanName, linkWithinArticle } from './link.js';
import { loadTagger, modelLoadMs } from './model.js';

export type { StoryEntity } from './link.js';
export { cleanName, entityId, entityIndex, linkAcrossArticles, linkWithinArticle } from './link.js';
export { loadTagger, modelLoadMs } from './model.js';

/** Longest token run tagged at once; longer sentences (text without punctuation) are cut into windows. */
const MAX_WINDOW = 200;
/** Tokens longer than this (a run of text with no spaces) are not names. */
const MAX_TOKEN_CHARS = 60;

/**
 * Entity mentions of `text`, tagged sentence by sentence with the article as the document. `sentences` are spans into `text`
 * (from splitSentences); when empty, the text is split here. Mentions come sorted by offset,
 * each with the id of its entity within the article (`PER:jane_roe`).
 */
export function recogniseEntities(text: string, sentences: Span[]): EntityMention[] {
  if (!text || !/\p{L}/u.test(text)) return [];
  const tagger = loadTagger();
  const spans = sentences?.length ? sentences : splitSentences(text);
  const windows: Token[][] = [];
  for (const s of spans) {
    const start = Math.max(0, Math.min(text.length, s.start));
    const end = Math.max(start, Math.min(text.length, s.end));
    if (end <= start) continue;
    const toks = tokenize(text, start, end);
    for (let w = 0; w < toks.length; w += MAX_WINDOW) {
      const win = toks.slice(w, w + MAX_WINDOW);
      if (win.some((t) => /\p{L}/u.test(t.text))) windows.push(win);
    }
  }
  const words = windows.map((win) =>
    truecaseTitle(
      win.map((t) => (t.text.length > MAX_TOKEN_CHARS ? t.text.slice(0, MAX_TOKEN_CHARS) : t.text)),
      tagger.lex.casing,
    ),
  );
  // The whole article is one document: the second pass sees how each name was read elsewhere in it.
  const tagged = tagger.tagDocument(words);
  const ordinary = (w: string) => /^[lL]$/.test(tagger.lex.casing.get(w.toLowerCase()) ?? '');
  const mentions: EntityMention[] = [];
  windows.forEach((win, k) => {
    const tags = tagged[k];
    let i = 0;
    while (i < win.length) {
      const tag = TAGS[tags[i]];
      if (tag === 'O') {
        // "Mr. King", "Ms. Warren": an honorific followed by capitalised words the tagger left out is a person.
        if (i > 0 && HONORIFICS.has(win[i - 1].text) && /^\p{Lu}\p{Ll}/u.test(win[i].text)) {
          let j = i + 1;
          while (j < win.length && j < i + 3 && TAGS[tags[j]] === 'O' && /^\p{Lu}\p{Ll}/u.test(win[j].text)) j++;
          const m = makeMention(text, win.slice(i, j), 'PER', win[i - 1].text);
          if (m) mentions.push(m);
          i = j;
          continue;
        }
        i++;
        continue;
      }
      const type = tag.slice(2) as EntityType;
      let j = i + 1;
      while (j < win.length && TAGS[tags[j]] === `I-${type}`) j++;
      // a street address is a place whatever the tagger read ("43rd Street" tagged a person "Street"); its span stays the
      // tagger's (the ordinal and the house number stay words the fact alignment compares, not words of a name), a road
      // takes its number ("Route 17")
      const free = (k: number) => TAGS[tags[k]] === 'O';
      const at = addressStart(win, i, j, free);
      const route = at === null ? null : routeEnd(win, streetWordAt(win, i, j), j, free);
      if (route !== null) j = route;
      // initials start a person's name: ordinary words read in before them are a post ("General Manager T.K. Osei")
      const first = at === null && type === 'PER' ? initialsStart(win, i, j, ordinary) : i;
      const m = makeMention(text, win.slice(first, j), at === null ? type : 'LOC', first > 0 ? win[first - 1].text : '');
      if (m) mentions.push(m);
      i = j;
    }
  });
  mentions.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  // Overlapping sentence spans given by a caller would tag a stretch twice: keep the first, longest reading.
  const kept: EntityMention[] = [];
  for (const m of mentions) {
    const last = kept[kept.length - 1];
    if (last && m.span.start < last.span.end) continue;
    kept.push(m);
  }
  return linkWithinArticle(splitRunTogether(kept), text);
}

/**
 * Headlines in title case ("Roe and Doe Pledge Closer Ties Ahead of Summit") or in capitals
 * ("ROE AND DOE PLEDGE CLOSER TIES") hide the casing the tagger relies on in web news. Such a
 * sentence is re-cased before tagging (the spans still point at the original text): words that
 * running text nearly always writes in lower case are lowered, the others (names, unknown words)
 * get an initial capital, known acronyms stay. Ordinary sentences are returned unchanged.
 */
export function truecaseTitle(words: string[], casing: Pick<Lexicon<string>, 'get'>): string[] {
  const isOrdinary = (w: string) => {
    const c = casing.get(w.toLowerCase());
    return c === 'L' || c === 'l';
  };
  let long = 0;
  let capital = 0;
  let ordinary = 0;
  let letters = 0;
  let caps = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.length > 1 && /\p{L}/u.test(w)) {
      letters++;
      if (w === w.toUpperCase() && w !== w.toLowerCase()) caps++;
    }
    if (i === 0 || w.length < 4 || !/^\p{L}+$/u.test(w)) continue;
    long++;
    if (/^\p{Lu}\p{Ll}/u.test(w)) {
      capital++;
      if (isOrdinary(w)) ordinary++;
    }
  }
  if (letters >= 3 && caps / letters >= 0.8) {
    return words.map((w, i) => {
      if (!/^[\p{Lu}\p{N}'’.-]+$/u.test(w) || !/\p{Lu}/u.test(w)) return w;
      const lowerW = w.toLowerCase();
      if (ACRONYMS.has(lowerW)) return w;
      if (isOrdinary(w) && i > 0) return lowerW;
      return w[0] + lowerW.slice(1);
    });
  }
  if (long < 3 || capital < 0.75 * long || ordinary < 2) return words;
  return words.map((w, i) => {
    if (i === 0 || !/^\p{Lu}\p{Ll}+$/u.test(w)) return w;
    return isOrdinary(w) ? w.toLowerCase() : w;
  });
}

/** Acronyms kept in capitals when a headline in capitals is re-cased: known organisations and countries. */
const ACRONYMS = new Set(
  [...ORG_BY_NAME.keys(), ...COUNTRY_BY_NAME.keys()].filter((k) => /^[a-z.]{2,6}$/.test(k) && !/[aeiou]{2}/.test(k) && k.length <= 5),
);

const HONORIFICS = new Set(['Mr.', 'Mrs.', 'Ms.', 'Mr', 'Mrs', 'Ms', 'Dr.', 'Miss', 'Mx.']);

/** Words that introduce a person's name when written right before it ("President", "Mr.", "spokesman"). */
const PERSON_TITLES = new Set(
  (
    'mr mr. mrs mrs. ms ms. dr dr. president minister secretary senator sen. rep. gov. governor chancellor premier ' +
    'spokesman spokeswoman spokesperson pope ambassador envoy judge mayor general gen. chairman chairwoman ceo ' +
    'vice-president lawmaker congressman congresswoman king queen prince princess sheikh'
  ).split(' '),
);

function makeMention(
  text: string,
  toks: { start: number; end: number; text: string }[],
  type: EntityType,
  before: string,
): EntityMention | null {
  // Trim punctuation-only tokens and possessive endings at the edges; keep "People's Daily" whole.
  let a = 0;
  let b = toks.length;
  while (a < b && !/[\p{L}\p{N}]/u.test(toks[a].text)) a++;
  while (b > a && (!/[\p{L}\p{N}]/u.test(toks[b - 1].text) || /^['’][sS]$/.test(toks[b - 1].text))) b--;
  if (a >= b) return null;
  const span = { start: toks[a].start, end: toks[b - 1].end };
  const surface = text.slice(span.start, span.end);
  if (surface.length > 200 || toks[a].text.length > MAX_TOKEN_CHARS) return null;
  let t = type;
  // Seats of government stand for the institution ("the Kremlin said"): organisations, not places.
  const low = cleanName(surface).toLowerCase();
  if (t === 'LOC' && INSTITUTION_PLACES.has(low)) t = 'ORG';
  // A name right after a personal title is a person ("Vice President JD Vance"), unless it is a known place or body.
  else if (
    t !== 'PER' &&
    PERSON_TITLES.has(before.toLowerCase()) &&
    b - a <= 4 &&
    toks.slice(a, b).every((x) => /^\p{Lu}/u.test(x.text)) &&
    !COUNTRY_BY_NAME.has(low) &&
    !COUNTRY_BY_DEMONYM.has(low) &&
    !ORG_BY_NAME.has(low) &&
    !PLACE_SET.has(low)
  )
    t = 'PER';
  return { span, type: t, text: surface, entity: '' };
}

/**
 * A list of names without punctuation ("Topics : Jane Roe John Doe Trade Talks") reads
 * as one long name. A mention of four words or more that is exactly a sequence of names found
 * elsewhere in the article (or countries) is split into them, each with its own type.
 */
export function splitRunTogether(mentions: EntityMention[]): EntityMention[] {
  const known = new Map<string, EntityType>();
  for (const m of mentions) {
    const n = m.text.split(/\s+/).length;
    if (n <= 3 && !known.has(m.text)) known.set(m.text, m.type);
  }
  const out: EntityMention[] = [];
  for (const m of mentions) {
    const words = [...m.text.matchAll(/\S+/g)];
    if (words.length < 4) {
      out.push(m);
      continue;
    }
    const parts: EntityMention[] = [];
    let p = 0;
    while (p < words.length) {
      let found = 0;
      let type: EntityType | undefined;
      for (let len = Math.min(3, words.length - p); len >= 1; len--) {
        const a = words[p].index!;
        const b = words[p + len - 1].index! + words[p + len - 1][0].length;
        const sub = m.text.slice(a, b);
        type = known.get(sub) ?? (COUNTRY_BY_NAME.has(sub.toLowerCase()) ? 'LOC' : undefined);
        if (type && !(len === words.length)) {
          found = len;
          parts.push({ span: { start: m.span.start + a, end: m.span.start + b }, type, text: sub, entity: '' });
          break;
        }
      }
      if (!found) break;
      p += found;
    }
    if (p === words.length && parts.length >= 2) out.push(...parts);
    else out.push(m);
  }
  return out;
}

/** Milliseconds the shipped model took to load (null before first use). */
export function entityModelLoadMs(): number | null {
  return modelLoadMs();
}

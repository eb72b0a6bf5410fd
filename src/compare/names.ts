/**
 * One person, two given names: "agency director Jane Roe" in one outlet and "the founding director
 * Joan Roe" in another. When independent outlets put the same surname after the same post, and the
 * given names written before it cannot be one name, the outlets disagree about who the holder is
 * (an `actor` conflict): holders.ts compares posts whose holders have other surnames; this reader
 * the given name of one surname.
 *
 * The post is the text's tie between the two names (holders.ts reads it: the common words right
 * before the name, or an apposition after it, never after a word of rank or time, never a relative
 * or an honorific), compared by its head noun ("FBI director", "founding director"), told definite
 * ("the ... director": a bare "quarterback Jane Roe" is one of many), not of two organisations. Relatives share
 * surnames, so the guards are about them: a post of kin ("nephew Ravi Roe", "nephew Sam Roe") is
 * no post, and when any article of the story names both people (a father and a son, two sisters),
 * or gives the post both, they are two people. Two given names are one name when they sound alike
 * (`nameSound`: "Catherine", "Katherine"), when one is an initial or a beginning of the other
 * ("J.", "Jo", "Joanna"), or when one has a given name the other has ("J. Edgar", "Edgar"); a
 * surname alone ("Roe") agrees with both. The sides are every full mention of each name in the story.
 */
import type { EntityRef, Sent, StoryView } from './prepare.js';
import { holdingsOf, type Holding } from './holders.js';
import { nameSound, surnameSpelledTwoWays } from './person-keys.js';
import { crossOutletPairs, wordedSide } from './sides.js';
import { clean, cmp } from './text.js';
import type { Conflict } from './types.js';

/** Generational suffixes: a father and a son named alike ("Jane Roe Jr.") are told apart by them, not by the given name. */
const SUFFIX = /^(?:jr|sr|ii|iii|iv|v)\.?$/i;

/**
 * A person's name as given names and a surname, lower case, a possessive dropped, initials one letter
 * each ("J.R." and "JR" are j and r): "J. Alfred Roe's" → [["j", "alfred"], "roe"].
 */
export function nameParts(name: string): { given: string[]; surname: string } | null {
  const words = name
    .replace(/['’]s?$/u, '')
    .split(/\s+/)
    .filter((w) => w && !SUFFIX.test(w));
  if (words.length < 2 || !words.every((w) => /^\p{L}[\p{L}.'’-]*$/u.test(w))) return null;
  const given = words.slice(0, -1).flatMap((w) => (/^(?:\p{Lu}\.)+$|^\p{Lu}{2,3}$/u.test(w) ? [...w.replace(/\./g, '')] : [w.replace(/\.$/, '')]));
  return { given: given.map((w) => w.toLowerCase()), surname: words[words.length - 1].toLowerCase() };
}

/**
 * Whether one given name can be the other: the same sound, one letter apart (a name spelled or
 * transliterated two ways: "Yannis", "Giannis"), or an initial or a beginning of it ("J.", "Jo", "Joanna").
 */
function oneGiven(a: string, b: string): boolean {
  if (a === b || nameSound(a) === nameSound(b) || surnameSpelledTwoWays(a, b)) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.startsWith(short);
}

/** Whether two lists of given names can be one person's: some given name of one can be some of the other's. */
export function givenNamesAgree(a: readonly string[], b: readonly string[]): boolean {
  if (!a.length || !b.length) return true;
  return a.some((x) => b.some((y) => oneGiven(x, y)));
}

interface Mention {
  sent: Sent;
  given: string[];
  surname: string;
  name: string;
  span: { start: number; end: number };
}

/** Every person named with a given name in the story, by surname. */
function mentionsBySurname(story: StoryView): Map<string, Mention[]> {
  const out = new Map<string, Mention[]>();
  for (const a of story.articles)
    for (const s of a.sentences)
      for (const e of s.entities) {
        const m = mentionOf(s, e);
        if (m) (out.get(m.surname) ?? out.set(m.surname, []).get(m.surname)!).push(m);
      }
  return out;
}

function mentionOf(s: Sent, e: EntityRef): Mention | null {
  if (e.type !== 'PER') return null;
  const name = s.art.text.slice(e.span.start, e.span.end);
  const parts = nameParts(name);
  return parts && parts.given.length ? { sent: s, ...parts, name, span: { ...e.span } } : null;
}

/**
 * Whether the post is told as the one holder's: "the" before it ("the famous agency director Jane
 * Roe", "Jane Roe, the agency's director"). A bare post ("quarterback Jane Roe", "actress Ann Roe")
 * is one of many holders as often (two sisters both actresses, two brothers both quarterbacks).
 */
function definite(h: Holding): boolean {
  const text = h.sent.art.text;
  const nameAt = h.span.start + text.slice(h.span.start, h.span.end).lastIndexOf(h.name);
  if (nameAt > h.span.start) return /\bthe\s+$/i.test(text.slice(Math.max(0, h.span.start - 8), h.span.start));
  return /^,\s+the\s/i.test(text.slice(h.span.start + h.name.length, h.span.end));
}

/** Capitalised words written in the post, an organisation's ("FBI director" → fbi). */
const organisationWords = (h: Holding): string[] => h.written.split(' ').filter((w) => /^\p{Lu}/u.test(w)).map((w) => w.toLowerCase());

/** The head noun of a post ("fbi director" → "director"). */
const head = (h: Holding): string => h.post.split(' ').pop() ?? h.post;

/** Conflicts over the given name of the one holder of a post, told differently by independent sources. */
export function givenNameConflicts(story: StoryView): Conflict[] {
  const byPost = new Map<string, { h: Holding; given: string[] }[]>();
  for (const h of holdingsOf(story)) {
    const parts = nameParts(h.name);
    // (a capitalised post may be part of the name: "Director Edgar Roe" read as a post before "Roe")
    if (!parts?.given.length || !/^\p{Ll}/u.test(h.written.split(' ').pop() ?? '') || !definite(h)) continue;
    const key = `${parts.surname}|${head(h)}`;
    (byPost.get(key) ?? byPost.set(key, []).get(key)!).push({ h, given: parts.given });
  }
  let mentions: Map<string, Mention[]> | null = null;
  const out: Conflict[] = [];
  for (const key of [...byPost.keys()].sort(cmp)) {
    // (in story order: the first name of each side and the post's wording do not hang on the articles' order)
    const hs = byPost.get(key)!.sort((a, b) => cmp(a.h.sent.id, b.h.sent.id) || a.h.span.start - b.h.span.start);
    const names = namesApart(hs.map((x) => x.given));
    if (names.length !== 2) continue;
    const held = names.map((n) => hs.filter((x) => givenNamesAgree(x.given, n)));
    // two organisations before the post ("Colts quarterback", "Giants quarterback") are two posts
    const orgs = held.map((xs) => new Set(xs.flatMap((x) => organisationWords(x.h))));
    if (orgs.every((o) => o.size) && ![...orgs[0]].some((w) => orgs[1].has(w))) continue;
    // the post ties the two names only when independent outlets give it each
    const groups = held.map((xs) => new Set(xs.map((x) => x.h.sent.art.group)));
    if (![...groups[0]].some((g) => [...groups[1]].some((o) => o !== g))) continue;
    mentions ??= mentionsBySurname(story);
    const all = mentions.get(key.split('|')[0]) ?? [];
    // one article that names both is telling of two people (or of one post held by two)
    const [one, other] = names.map((n) => new Set(all.filter((m) => givenNamesAgree(m.given, n)).map((m) => m.sent.art.id)));
    if ([...one].some((id) => other.has(id))) continue;
    const sides = names.map((n) => all.filter((m) => givenNamesAgree(m.given, n) && !names.some((o) => o !== n && givenNamesAgree(m.given, o))));
    if (sides.some((x) => !x.length)) continue;
    const pairs = crossOutletPairs(sides);
    if (!pairs.length) continue;
    const post = hs.find((x) => x.h.lower)?.h.written ?? hs[0].h.written;
    out.push({
      id: '',
      kind: 'actor',
      slot: `who is the ${post} ${sideName(sides[0]).split(' ').pop()}`,
      severity: 'conflict',
      withinArticle: false,
      sides: sides.map((x) => wordedSide(story, x, () => sideName(x), { kind: 'actor', unit: 'person' })),
      pairs,
      note: `${sides.map((x) => sideName(x)).join(' vs ')}: one ${post} named with two given names`,
      factIds: [],
    });
  }
  return out;
}

/**
 * The names of a post's holders that cannot be one, each with the given names of its first mention:
 * two or more only when every holding agrees with exactly one of them (a bare "J." that agrees with two
 * names leaves them undecided).
 */
function namesApart(givens: string[][]): string[][] {
  const names: string[][] = [];
  for (const g of givens) if (!names.some((n) => givenNamesAgree(n, g))) names.push(g);
  if (names.length < 2) return names;
  return givens.every((g) => names.filter((n) => givenNamesAgree(n, g)).length === 1) ? names : [];
}

const sideName = (ms: Mention[]): string => clean([...new Set(ms.map((m) => m.name))].sort((a, b) => b.length - a.length || cmp(a, b))[0].replace(/['’]s?$/u, ''));

/**
 * One street, two spellings: "the bodies were found at 24 Carrowmore Street" in three outlets and
 * "the Carrowmoor Street apartment" in a fourth. A street name is the address a story's readers
 * would go to; two outlets that write one word of it two ways disagree about a `place`.
 *
 * Two street names are one street spelled two ways when they end in the same street word and have
 * the same words but one, and that word is one word written two ways: a long common beginning (five
 * letters or more, at least two thirds of the shorter word) and ends of at most two letters apart
 * ("Carrowmore", "Carrowmoor"), not by a plural "s", so that two streets of one story ("Elm Street", "Oak Street"; "Elm
 * Street", "Elm Road"; "Mill Street", "Mill Park Street") never are. Independent outlets only, and no
 * article may write both (an article that does names two streets). The sides are every mention of
 * each spelling.
 */
import type { Sent, StoryView } from './prepare.js';
import { STREET_NAME, streetKey } from './act-places.js';
import { crossOutletPairs, wordedSide } from './sides.js';
import { clean, cmp } from './text.js';
import type { Conflict } from './types.js';

interface StreetMention {
  sent: Sent;
  /** "independent street": the name without a house number or a capitalised word before it that is no name ("The", "On"). */
  key: string;
  written: string;
  span: { start: number; end: number };
}

/** Capitalised words a sentence may begin a street name's run with that are not part of it. */
const NOT_NAME = /^(?:the|a|an|on|in|at|near|from|to|of|off|along|and|by)$/;
/** Shortest word whose two spellings are compared (shorter words differ in too large a part). */
const MIN_WORD = 5;
/** Spellings of one bucket above which none is compared (see streetSpellingConflicts). */
const MAX_SPELLINGS = 6;

function streetMentions(story: StoryView): StreetMention[] {
  const out: StreetMention[] = [];
  for (const a of story.articles)
    for (const s of a.sentences) {
      const text = a.text.slice(s.span.start, s.span.end);
      for (const m of text.matchAll(STREET_NAME)) {
        // (a possessive's apostrophe is no spelling: "Magistrates' Court", "Magistrates Court")
        const words = streetKey(m[0]).replace(/['’]/g, '').split(' ');
        let drop = 0;
        while (drop < words.length - 2 && NOT_NAME.test(words[drop])) drop++;
        const key = words.slice(drop).join(' ');
        // (the written span starts at the name: "24 Linden Street" keeps its number, "The Linden Street" drops "The")
        const lead = drop ? m[0].split(/\s+/).slice(0, drop).join(' ').length + 1 : 0;
        const start = s.span.start + m.index! + lead;
        out.push({ sent: s, key, written: a.text.slice(start, s.span.start + m.index! + m[0].length), span: { start, end: s.span.start + m.index! + m[0].length } });
      }
    }
  return out;
}

/** Whether two words are one word written two ways: a long common beginning and short different ends. */
export function oneWordTwoWays(a: string, b: string): boolean {
  if (a === b || /\d/.test(a + b) || Math.min(a.length, b.length) < MIN_WORD) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  // (a plural or possessive "s" is one name written with or without it: "Magistrate Court", "Magistrates Court")
  if (a.replace(/s$/, '') === b.replace(/s$/, '')) return false;
  return i >= MIN_WORD && i * 3 >= Math.min(a.length, b.length) * 2 && a.length - i <= 2 && b.length - i <= 2;
}

/** Whether two street keys are one street spelled two ways: the same street word, the same words but one, that one written two ways. */
export function oneStreetTwoWays(a: string, b: string): boolean {
  const [x, y] = [a.split(' '), b.split(' ')];
  if (x.length !== y.length || x.length < 2) return false;
  const apart = x.map((w, i) => i).filter((i) => x[i] !== y[i]);
  return apart.length === 1 && apart[0] < x.length - 1 && oneWordTwoWays(x[apart[0]], y[apart[0]]);
}

/** Conflicts over how a street of the story is spelled, between independent outlets. */
export function streetSpellingConflicts(story: StoryView): Conflict[] {
  const byKey = new Map<string, StreetMention[]>();
  for (const m of streetMentions(story)) (byKey.get(m.key) ?? byKey.set(m.key, []).get(m.key)!).push(m);
  // Two spellings of one street fall in one bucket (the same words' first letters, the same street
  // word): only a bucket's keys are compared, and a bucket of many spellings is no one street (a
  // hostile list of near names stays linear).
  const buckets = new Map<string, string[]>();
  for (const k of [...byKey.keys()].sort(cmp)) {
    const b = k.split(' ').map((w) => w.slice(0, MIN_WORD)).join(' ');
    (buckets.get(b) ?? buckets.set(b, []).get(b)!).push(k);
  }
  const out: Conflict[] = [];
  for (const keys of [...buckets.values()]) {
    if (keys.length > MAX_SPELLINGS) continue;
    for (let i = 0; i < keys.length; i++)
      for (let j = i + 1; j < keys.length; j++) {
        if (!oneStreetTwoWays(keys[i], keys[j])) continue;
        const sides = [byKey.get(keys[i])!, byKey.get(keys[j])!];
        const arts = sides.map((x) => new Set(x.map((m) => m.sent.art.id)));
        if ([...arts[0]].some((id) => arts[1].has(id))) continue;
        // a third spelling near either makes the street's name too unsure to oppose two of them
        if (keys.some((k) => k !== keys[i] && k !== keys[j] && (oneStreetTwoWays(k, keys[i]) || oneStreetTwoWays(k, keys[j])))) continue;
        const c = streetConflict(story, keys[i], keys[j], sides);
        if (c) out.push(c);
      }
  }
  return out.sort((a, b) => cmp(a.slot, b.slot));
}

function streetConflict(story: StoryView, a: string, b: string, mentions: StreetMention[][]): Conflict | null {
  const pairs = crossOutletPairs(mentions);
  if (!pairs.length) return null;
  const sides = mentions.map((x) => wordedSide(story, x, (m) => clean(m.written.replace(/^\d[\w-]*\s+/, '')), { kind: 'place', unit: 'place' }));
  return {
    id: '',
    kind: 'place',
    slot: `street: ${a} / ${b}`,
    severity: 'conflict',
    withinArticle: false,
    sides,
    pairs,
    note: `${sides.map((x) => x.value).join(' vs ')}: one street spelled two ways`,
    factIds: [],
  };
}

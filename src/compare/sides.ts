/**
 * The sides of a conflict: mentions of one slot split by the value they give, and the pairs of sides
 * that oppose different outlets, and a side of a value told in words. Shared by the date, clock-time,
 * home, record and filler conflicts.
 */
import { evidence, type Sent, type StoryView } from './prepare.js';
import { clean, cmp } from './text.js';
import type { Conflict, ConflictSide, NormalizedValue } from './types.js';

/** Each mention joins the first side whose first mention it agrees with, in the order given, else opens a side. */
export function sidesByFirst<T>(mentions: Iterable<T>, agree: (first: T, m: T) => boolean): T[][] {
  const sides: T[][] = [];
  for (const m of mentions) {
    const side = sides.find((x) => agree(x[0], m));
    if (side) side.push(m);
    else sides.push([m]);
  }
  return sides;
}

/** Every pair of sides (a < b) in which the second holds an outlet group the first lacks: one source against itself is not a disagreement between outlets. */
export function crossOutletPairs<T extends { sent: { art: { group: string } } }>(sides: readonly T[][]): Conflict['pairs'] {
  const pairs: Conflict['pairs'] = [];
  for (let a = 0; a < sides.length; a++) {
    const ga = new Set(sides[a].map((m) => m.sent.art.group));
    for (let b = a + 1; b < sides.length; b++) if (sides[b].some((m) => !ga.has(m.sent.art.group))) pairs.push({ a, b, severity: 'conflict' });
  }
  return pairs;
}

/** Whether one article stands on two sides of a conflict (a contradiction of its own, `withinArticle`). */
export function articleOnTwoSides(sides: readonly (readonly { sent: { art: { id: string } } }[])[]): boolean {
  const arts = sides.map((x) => new Set(x.map((m) => m.sent.art.id)));
  return arts.some((x, i) => arts.some((y, j) => j > i && [...x].some((id) => y.has(id))));
}

/** A mention of a value told in words (a home, a record, a bone): its sentence and the span that states it. */
interface WordedMention {
  sent: Sent;
  span: { start: number; end: number };
}

/**
 * One side of a conflict over a value told in words: its mentions in story order, each way it is
 * written, its articles and outlets. `value` names the side from its first mention.
 */
export function wordedSide<T extends WordedMention>(story: StoryView, ms: T[], value: (first: T) => string, unit: Pick<NormalizedValue, 'kind' | 'unit'>): ConflictSide {
  const sorted = [...ms].sort((a, b) => cmp(a.sent.id, b.sent.id) || a.span.start - b.span.start);
  const articles = [...new Set(sorted.map((m) => m.sent.art.id))].sort(cmp);
  return {
    value: value(sorted[0]),
    normalized: { ...unit, value: null, low: null, high: null, qualifier: 'exact', date: null },
    wordings: [...new Set(sorted.map((m) => clean(m.sent.art.text.slice(m.span.start, m.span.end))))],
    articles,
    outlets: [...new Set(articles.map((id) => story.byId.get(id)!.outlet))],
    independentSources: story.independent(articles),
    evidence: sorted.map((m) => evidence(m.sent, { ...m.span })),
  };
}

/** Mentions grouped by slot, one conflict at most per slot, in slot order. */
export function slotConflicts<T extends { slot: string }>(mentions: readonly T[], conflictOf: (ms: T[]) => Conflict | null): Conflict[] {
  const bySlot = new Map<string, T[]>();
  for (const m of mentions) (bySlot.get(m.slot) ?? bySlot.set(m.slot, []).get(m.slot)!).push(m);
  const out: Conflict[] = [];
  for (const slot of [...bySlot.keys()].sort(cmp)) {
    const c = conflictOf(bySlot.get(slot)!);
    if (c) out.push(c);
  }
  return out;
}

/** Places a sentence names (linked keys). */
export function placesOf(s: Sent): Set<string> {
  return new Set(s.entities.filter((e) => e.type === 'LOC').map((e) => e.key));
}

/** Two sentences that each name places and share none (a crowd in one city, another in another). */
export function namesOtherPlaces(a: Sent, b: Sent): boolean {
  return apart(placesOf(a), placesOf(b));
}

/** Whether two sets share a member. */
export function shares(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const k of a) if (b.has(k)) return true;
  return false;
}

/** Both sets have members and none in common: places, people or days that tell two happenings apart. */
export function apart(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size > 0 && b.size > 0 && !shares(a, b);
}

/**
 * "Jane Roe was arrested on suspicion of drunk driving early Sunday" and "John Doe was arrested on
 * suspicion of drunk driving on Tuesday": alike in words, but each names people the other does not
 * (no one in common): two people's acts, whatever the anonymous act's verb.
 */
export function namesOthers(a: Sent, b: Sent): boolean {
  return apart(peopleOf(a), peopleOf(b));
}

/** The people a sentence names (their keys), read once per sentence: callers ask for every pair of many sentences. */
const PEOPLE = new WeakMap<Sent, Set<string>>();
export function peopleOf(s: Sent): Set<string> {
  let people = PEOPLE.get(s);
  if (!people) PEOPLE.set(s, (people = new Set(s.entities.filter((e) => e.type === 'PER').map((e) => e.key))));
  return people;
}

/** Bounded time: at most MAX_PER_SLOT values of one slot are compared pairwise (the first in story order). */
export const MAX_PER_SLOT = 400;
export function capPerSlot<T>(sorted: T[], slot: (x: T) => string) {
  let run = 0;
  let prev = '';
  let w = 0;
  for (const x of sorted) {
    const k = slot(x);
    run = k === prev ? run + 1 : 1;
    prev = k;
    if (run <= MAX_PER_SLOT) sorted[w++] = x;
  }
  sorted.length = w;
}

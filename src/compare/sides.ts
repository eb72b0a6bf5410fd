/**
 * The sides of a conflict: mentions of one slot split by the value they give, and the pairs of sides
 * that oppose different outlets, and a side of a value told in words. Shared by the date, clock-time,
 * home, record and filler conflicts.
 */
import { evidence, isParty, type Sent, type StoryView } from './prepare.js';
import { parseOf, spanTokens } from './syntax.js';
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

/** Places a sentence names (linked keys), read once per sentence: gathering (gatherSides) asks for many pairs. */
const PLACES = new WeakMap<Sent, Set<string>>();
export function placesOf(s: Sent): Set<string> {
  let places = PLACES.get(s);
  if (!places) PLACES.set(s, (places = new Set(s.entities.filter((e) => e.type === 'LOC').map((e) => e.key))));
  return places;
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

/**
 * The people and organisations (entity keys) that sentences of two sides or more of a conflict name:
 * whose figure or act the sides dispute ("Charles" in "an 84-yard scamper" and in "an 86-yard
 * touchdown run"), and the sources both sides cite.
 */
export function sharedHolders(sides: readonly (readonly { sent: Sent }[])[]): Set<string> {
  const count = new Map<string, number>();
  for (const side of sides) {
    const keys = new Set(side.flatMap((m) => m.sent.entities.filter(isParty).map((e) => e.key)));
    for (const k of keys) count.set(k, (count.get(k) ?? 0) + 1);
  }
  return new Set([...count].filter(([, n]) => n >= 2).map(([k]) => k));
}

/**
 * Whether a sentence tells an act of class `cls` by one of its verbs (`classOf` a verb's lemma,
 * lower case): "Roe was arrested on Tuesday after police found him barricaded" tells the arrest and
 * the barricade, "she felt she needed to be checked in" the checking in. Without a parse, no.
 */
export function tellsActOf(s: Sent, cls: string, classOf: (lemma: string) => string): boolean {
  const tokens = parseOf(s.art);
  if (!tokens) return false;
  const [lo, hi] = spanTokens(tokens, s.span);
  for (let i = lo; i < hi; i++) if (tokens[i].upos === 'VERB' && classOf(tokens[i].lemma.toLowerCase()) === cls) return true;
  return false;
}

/** Whether a sentence names one of `holders` (sharedHolders) as a person or an organisation. */
export function namesHolder(s: Sent, holders: ReadonlySet<string>): boolean {
  return s.entities.some((e) => isParty(e) && holders.has(e.key));
}

/**
 * Issue 15, a reported conflict names every article of each side: once two sources dispute a slot,
 * every other statement of one of the disputed values about the same thing joins that value's side,
 * though the slot reader left it under another key or none ("broke off an 86-yd TD run", whose
 * holder the parse read as "TD"; "WCVB-TV claims it was eight years and $184 million", with nothing
 * the figure measures). A candidate joins a side when it states the side's value (`sameValue`
 * with one of its members) and no other side's; when it is linked (`linked`: compatible
 * participants and one fact or one holder) to a member of the conflict as the sides were found;
 * when its sentence is on no side already and states no other side's value (a sentence that gives
 * two sides' values compares or lists them: "less than the $184 million reported"); and when its article is
 * on no other side (gathering never makes an article contradict itself). Gathered mentions only add
 * to sides: no conflict, side or pair is made here. A candidate may also link (`linkedAgain`) to one
 * gathered before it (the same person's age under their name, gathered through a sentence that
 * states one fact with a side's), until none joins: the closure of monotone links, so the sides do
 * not depend on the articles' order.
 */
export function gatherSides<T extends { sent: Sent }>(
  sides: T[][],
  candidates: readonly T[],
  sameValue: (c: T, m: T) => boolean,
  linked: (c: T, m: T) => boolean,
  linkedAgain: (c: T, g: T) => boolean = linked,
): void {
  const own = sides.map((x) => [...x]);
  const onSide = new Set(own.flatMap((x) => x.map((m) => m.sent.id)));
  const articles = own.map((x) => new Set(x.map((m) => m.sent.art.id)));
  // each candidate's one side, or none: the value it states, its sentence and article on no other side
  let open: { c: T; i: number }[] = [];
  for (const c of candidates) {
    if (onSide.has(c.sent.id)) continue;
    const states = own.map((_, i) => i).filter((i) => own[i].some((m) => sameValue(c, m)));
    if (states.length !== 1 || articles.some((arts, j) => j !== states[0] && arts.has(c.sent.art.id))) continue;
    open.push({ c, i: states[0] });
  }
  // a sentence whose figures state two sides' values lists or compares them ("the Angels at $160MM,
  // the Nationals at $140MM"): it states neither side
  const sidesOf = new Map<string, Set<number>>();
  for (const { c, i } of open) (sidesOf.get(c.sent.id) ?? sidesOf.set(c.sent.id, new Set()).get(c.sent.id)!).add(i);
  open = open.filter(({ c }) => sidesOf.get(c.sent.id)!.size === 1);
  let gathered: T[] = [];
  for (let first = true; open.length; first = false) {
    const joined = open.filter(({ c }) => (first ? own.some((x) => x.some((m) => linked(c, m))) : gathered.some((g) => linkedAgain(c, g))));
    if (!joined.length) break;
    for (const { c, i } of joined) sides[i].push(c);
    gathered = joined.map((x) => x.c);
    open = open.filter((x) => !joined.includes(x));
  }
}

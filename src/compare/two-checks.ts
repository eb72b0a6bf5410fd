/**
 * Second checks for durations and distances (issue 15: no conflict resting on one check). Some slots
 * take a figure from one reading of its words: "the 90-day stay" is `h|stay` by the noun the figure
 * measures, "1,500 kilometers south of Tehran" is `distance|tehran` by the place after it. The slot
 * says what is measured, not whose: two meetings, two outages, a town and an epicentre measured from
 * one capital share such a slot. Two figures of these slots are one quantity told two ways only
 * when two independent checks hold for some pair of their sentences (of different articles):
 * - **the same span**: the figure measures what the slot says by the parse (a duration's noun is a
 *   noun: "18 hours earlier", "two weeks later" and "around twelve days depending" name no thing), and
 *   both figures are the same kind of span (a distance a verb of motion covers is a trip, not where
 *   something lies: "fled 30 km from" / "lies 30 km from");
 * - **the same thing, the same participants**: the sentences state one fact (the alignment, naming no
 *   different places), or they name a participant in common (a person or an organisation; for a
 *   distance, a named thing other than the place measured from) and no different places.
 * Slots keyed by their holder (a person's fall, time served) and slots compared only between
 * sentences that state one fact (`Slot.aligned`) carry one of the two checks in their key; this file
 * adds the other: for a person's fall the same act of motion, for a term the same verb of the figure
 * (imposed or served), for a game clock's readings the same play.
 */
import type { Quantity } from '../model/types.js';
import { actClass } from './act-classes.js';
import { canonicalName, type Sent } from './prepare.js';
import { actsOf } from './facts.js';
import { figureVerb, parseOf, spanTokens } from './syntax.js';
import { termAct } from './time-slots.js';
import { namesOthers, peopleOf } from './sides.js';

/** A figure as the conflict finder holds it. */
export interface Figure {
  sent: Sent;
  q: Quantity;
}

/** What the caller knows of two sentences: whether they state one fact and name no different places, and whether they name different places. */
export interface FactChecks {
  oneFact: (a: Sent, b: Sent) => boolean;
  otherPlaces: (a: Sent, b: Sent) => boolean;
  /** Whether a duration's thing (its slot's noun) is the story's own in a sentence (story-event.ts storysOwnThing). */
  storysOwn?: (thing: string, s: Sent) => boolean;
}

/** Slots whose key is one reading's: a named thing's duration, a distance from a place, how long ago a listed act was. */
const NAMED_DURATION = /^h\|(?!act\|)[^|]+$/;
const FROM_PLACE = /^distance\|(?!person\||role\|)(.+)$/;
const SINCE = /^since\|/;
const PERSON_DISTANCE = /^distance\|person\|/;

/** Whether the slot's two sides `a` and `b` may be compared: true for slots these checks do not cover. */
export function twoChecksHold(slot: string, a: readonly Figure[], b: readonly Figure[], facts: FactChecks): boolean {
  const base = slot.split('|by|')[0];
  const check = pairCheck(base);
  if (!check) return true;
  return a.some((x) => b.some((y) => x.sent.art.id !== y.sent.art.id && check(x, y, facts)));
}

type PairCheck = (x: Figure, y: Figure, facts: FactChecks) => boolean;

function pairCheck(slot: string): PairCheck | null {
  if (NAMED_DURATION.test(slot)) {
    const thing = slot.slice(2);
    const own = (f: FactChecks, s: Sent) => !!f.storysOwn?.(thing, s);
    const ownOnBoth = (x: Figure, y: Figure, f: FactChecks) => !f.otherPlaces(x.sent, y.sent) && !namesOthers(x.sent, y.sent) && own(f, x.sent) && own(f, y.sent);
    return (x, y, f) => measuresNoun(x) && measuresNoun(y) && (sameParticipants(x.sent, y.sent, f, () => true) || ownOnBoth(x, y, f));
  }
  const place = FROM_PLACE.exec(slot)?.[1];
  if (place !== undefined) {
    const other = (e: { name: string }) => canonicalName(e.name) !== place;
    return (x, y, f) => sameSpanKind(x, y) && sameParticipants(x.sent, y.sent, f, other, true);
  }
  // (how long ago a listed act was: a sentence that names no person, "he married two weeks ago", is not told of
  // other people; requiring a participant in common lost two of the dev's true pairs, "he was married" / "the
  // deputy, who was wed ..., Waldie said")
  if (SINCE.test(slot)) return (x, y, f) => sameParticipants(x.sent, y.sent, f, () => true) || (!f.otherPlaces(x.sent, y.sent) && !(peopleOf(x.sent).size && peopleOf(y.sent).size));
  if (PERSON_DISTANCE.test(slot)) return (x, y) => sameSpanKind(x, y);
  if (TERM.test(slot)) return (x, y) => sameOwnVerb(x, y);
  if (CLOCK.test(slot)) return (x, y) => sameActTimed(x.sent, y.sent);
  return null;
}

const TERM = /^term\|/;
const CLOCK = /^clock\|/;

/**
 * "He was sentenced to one to three years" and "he served most of a six-month sentence": a term
 * slot (time-slots.ts termOfAct) takes the class of the first verb or noun of a listed act, so the
 * sentence imposed and the part of it served share `term|Sentencing`. The span is the act of the
 * verb the figure hangs on: two figures whose own verbs are of different classes (sentence, serve)
 * measure two spans; a figure with no verb of its own is either.
 */
function sameOwnVerb(x: Figure, y: Figure): boolean {
  const [a, b] = [ownVerb(x), ownVerb(y)];
  return !a || !b || actClass(a) === actClass(b);
}

/** The act a term's figure measures (time-slots.ts termAct: a listed act's verb or noun), else the verb it hangs on. */
function ownVerb(x: Figure): string | null {
  return termAct(x.sent, x.q) ?? figureVerb(x.sent, x.q);
}

/** The countdown's own verbs, which time nothing ("with 12 seconds left", "four minutes to play"). */
const COUNTDOWN_VERBS = new Set(['leave', 'left', 'remain', 'play', 'go', 'take', 'run']);

/**
 * A game clock's reading times one moment of a match ("took the lead with 4:48 remaining", "spiked
 * the ball with 48 seconds left"): two readings are one moment told two ways only when their
 * sentences state a common act besides the clock's own verbs (the same play), by the classes of
 * their verbs. Sentences aligned as one fact (the slot's other check) may share only the drive's
 * names and words, each a moment of it.
 */
function sameActTimed(a: Sent, b: Sent): boolean {
  const acts = (s: Sent) => new Set([...(actsOf(s) ?? [])].filter((v) => !COUNTDOWN_VERBS.has(v)).map(actClass));
  const [x, y] = [acts(a), acts(b)];
  return [...x].some((v) => y.has(v));
}

/** Parts of speech of a word that names a thing. */
const NOMINAL = /^(?:NOUN|PROPN)$/;

/**
 * Whether the word the analyser says the figure counts (q.counted) is a word the parse tags a noun
 * in its sentence. "18 hours earlier", "two weeks later", "twelve days depending on weather" give the
 * analyser a counted word that is an adverb or a verb: no thing whose duration two sentences give.
 * A figure with no counted word took its slot from the noun before its verb ("the talks lasted") or
 * from another article's figure of one fact (figure-joins.ts joinSpansToNamedDurations): the check
 * holds, as it does without a parse.
 */
export function measuresNoun(x: Figure): boolean {
  const tokens = parseOf(x.sent.art);
  const word = x.q.counted?.toLowerCase();
  if (!tokens || !word) return true;
  const [lo, hi] = spanTokens(tokens, x.sent.span);
  for (let i = lo; i < hi; i++) {
    const t = tokens[i];
    if (NOMINAL.test(t.upos) && (t.text.toLowerCase() === word || t.lemma.toLowerCase() === word)) return true;
  }
  return false;
}

/**
 * Whether two figures are the same kind of span: a distance covered by an act of motion (a fall, a
 * flight, a drive) and one where a thing lies are two spans; two acts of motion of different classes
 * are two trips. A figure that hangs on no verb, or on a light verb ("is", "located"), is where a
 * thing lies.
 */
function sameSpanKind(x: Figure, y: Figure): boolean {
  const [a, b] = [motionOf(x), motionOf(y)];
  return a === b;
}

/** Verbs that place a thing rather than move it: the figure is where it lies. */
const PLACING = new Set(['locate', 'situate', 'lie', 'sit', 'base', 'center', 'centre', 'strike', 'hit', 'occur', 'register', 'measure', 'put', 'say', 'report', 'record']);

/** The act class of the verb a distance hangs on when that verb moves something, else '' (where a thing lies). */
function motionOf(x: Figure): string {
  const verb = figureVerb(x.sent, x.q);
  if (!verb || PLACING.has(verb)) return '';
  return actClass(verb);
}

/**
 * Two sentences tell of one thing with the same participants: they state one fact (and name no
 * different places), or they name a participant in common, a person or an organisation (tagged so in
 * either sentence: the tagger calls one name a place in one sentence and a person in the next), or
 * (for a distance, `things`) any named thing the filter keeps, and no different places. For a
 * duration, a sentence that names no person is not told of other people: only two sentences that
 * each name people and share no participant are two acts.
 */
function sameParticipants(a: Sent, b: Sent, facts: FactChecks, keep: (e: { name: string }) => boolean, things = false): boolean {
  if (facts.otherPlaces(a, b)) return false;
  if (facts.oneFact(a, b)) return true;
  const named = (s: Sent) => {
    const out = new Map<string, boolean>();
    for (const e of s.entities) if (keep({ name: s.art.text.slice(e.span.start, e.span.end) })) out.set(e.key, out.get(e.key) || things || e.type === 'PER' || e.type === 'ORG');
    return out;
  };
  const [na, nb] = [named(a), named(b)];
  return [...na].some(([k, party]) => nb.has(k) && (party || nb.get(k)!));
}

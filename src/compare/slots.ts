/**
 * The slot of a reported figure: what it measures, so that only figures about the same thing are
 * compared. "killing at least 10 people" and "a total of 10 people had been killed" are the death
 * toll; "at least 50 injured" and "As many as 80 people were also wounded" the injured; a
 * "6.1-magnitude quake" and a "magnitude-5.9 earthquake" the main shock's magnitude, not an
 * aftershock's; "1,500 kilometers south of Tehran" a distance from that place. A figure that is
 * part of another ("30 of the 80 wounded"), an increment ("two more victims", "another 2,000") or
 * about a past event ("killed more than 26,000 people in Bam in December 2003") has no slot.
 *
 * This file is the dispatcher: it sends a figure to the reader of its unit and form and applies the
 * background rules. The readers: figure-parts.ts (parts, increments, hedges), count-slots.ts
 * (people and things counted), person-slots.ts (ages, distances, weights), money-slots.ts (sums),
 * time-slots.ts (durations, "ago", terms, time served, countdowns), measures.ts, game-figures.ts,
 * holdings.ts, shares.ts; background.ts (lead and background sentences) and person-keys.ts (whose).
 */
import type { Quantity } from '../model/types.js';
import { wordTable } from '../text/word-table.js';
import type { Sent, StoryView } from './prepare.js';
import { key } from './text.js';
import { heldAtTheEnd, holdingOf } from './holdings.js';
import { gameFigureOf } from './game-figures.js';
import { shareOf } from './shares.js';
import { reportsTheGame } from './scores.js';
import { toldAsInterim } from './counts.js';
import { ambiguousMeasures, measureNoun, measureOf } from './measures.js';
import { anotherDaysShock, backgroundSentences, type Background, inLead, storyEventDay } from './background.js';
import { CONJUNCT_PARTS, isHedged, LISTED_PARTS, partOf } from './figure-parts.js';
import { periodMoment, storysOwnMoment } from './period-marks.js';
import { countedThings, increment, peopleCount } from './count-slots.js';
import { listedThing } from './listed-things.js';
import { ageSlot, DISTANCE, distanceSlot, WEIGHT, weightSlot } from './person-slots.js';
import { sumSlot } from './money-slots.js';
import { durationSlot, hoursPer, pastBeyond, sinceAct, termOfAct, timeServed } from './time-slots.js';

export interface Slot {
  /** Comparable key: two figures are about the same thing only when their keys are equal. */
  key: string;
  /** What the figure measures, for people ("death toll", "magnitude of the quake"). */
  label: string;
  /** Unit the value is compared in (miles become kilometres). */
  unit: string;
  /** Factor from the quantity's unit to `unit`. */
  factor: number;
  /** About one named person (their age, how far they fell): the same whatever day the sentence is about. */
  personal?: boolean;
  /**
   * A sum agreed, not measured (a price or an offer, a fine, bail): written as agreed ("$184
   * million"), compared exact as a count is (figure-values.ts interval), not with a measure's 5 % for
   * rounding; a round figure near another stays a minor difference.
   */
  stated?: boolean;
  /** The person's name as written there, canonical ("mary ellen hartley roe"), for person slots. */
  person?: string;
  /** The acts the person takes part in there, by the parse (lemmas: "arrest", "charge"), for ages. */
  verbs?: string[];
  /** An age of someone named only by a role ("a 60-year-old woman"): compared once joined to a named person. */
  role?: boolean;
  /** Where the role's word is (its character offset), for a figure of someone named only by a role: the age that role carries is written there (role-ages.ts). */
  roleAt?: number;
  /**
   * The slot's word alone does not say the figures count the same thing ("three cables" may be the
   * ones cut or the ones laid): its figures are compared only between sentences that state the same
   * fact (aligned) and do not name different places.
   */
  aligned?: boolean;
  /**
   * A casualty figure or magnitude told after an article's lead, in a story whose leads tell none:
   * an article may list several events there (a column on an agency's record: "three people were
   * killed", "the nine people who were killed", "kill 49 people"), so its figures are compared
   * with other articles' only, never within their own article.
   */
  bodyOnly?: boolean;
}

/** Nouns of the same seismic event (an aftershock is another event). */
const SHOCK_CLASS: Readonly<Record<string, string>> = wordTable({ quake: 'quake', earthquake: 'quake', temblor: 'quake', tremor: 'quake', shock: 'quake', aftershock: 'aftershock', aftershocks: 'aftershock', foreshock: 'foreshock' });
/** Slots of the event itself (as opposed to a person's or a place's), and how far the lead goes. */
const EVENT_FRAMES = /^(?:people\|(?:deaths|injured|missing|arrested|evacuated|homeless|rescued)|magnitude\|)/;

/** The slot of `q` in sentence `s`, or null when the figure cannot be compared safely. */
export function slotOf(s: Sent, q: Quantity, background: Background): Slot | null {
  // "Carter had 12 points and four assists": a player's figures in the game are a list, not parts of a total
  const game = gameFigure(s, q);
  if (game) return background === 'none' && !isHedged(s, q) ? game : null;
  if (isHedged(s, q)) return null;
  // "after 44 seconds of the seventh round": a moment in a period, not a part of another figure nor a term
  const moment = periodMoment(s, q);
  if (moment) return background === 'none' ? moment : null;
  const part = partOf(s, q);
  // (a list of different things under one act, "recovered 12 rifles, three launchers and two grenades": each conjunct its own count, listed-things.ts)
  if (part) return background !== 'none' ? null : part === 'another N' ? increment(s, q) : LISTED_PARTS.has(part) ? listedThing(s, q) : null;
  // "married two weeks ago": how long ago an act was; its own "ago" marks the sentence's past
  const since = sinceAct(s, q);
  if (since) return background === 'other-day' || pastBeyond(s, q) ? null : since;
  const served = timeServed(s, q);
  if (served) return served;
  const term = termOfAct(s, q);
  if (term) return background === 'other-day' ? null : term;
  const slot = slotOfFigure(s, q) ?? heldTotal(s, q) ?? (background === 'none' ? countedThings(s, q) : null) ?? measureSlot(s, q);
  // a sentence about the past tells another event's figures, but a parent's children are counted
  // alike whatever year the sentence is about ("killing Jane Roe, a mother of 12, in 2011"), and a
  // total held now is told in the present tense ("now has 2,129 points, 13 more than Roe, 1995-99")
  if (background === 'past' && slot?.key !== 'people|children' && !slot?.key.startsWith('held:')) return null;
  // the event's own casualties and magnitude are told in the lead; later they are often another event's
  if (slot && EVENT_FRAMES.test(slot.key) && !inLead(s) && background !== 'none') return null;
  // a toll told as not yet final ("so far", "initially", "three by Tuesday") may have grown by the next article
  if (slot && slot.key.startsWith('people|') && EVENT_FRAMES.test(slot.key) && toldAsInterim(s, q)) return null;
  // a figure of another day than the lead's is another event's, unless it is a named person's (their age, their fall)
  if (!slot || (background === 'other-day' && !slot.personal)) return null;
  return slot;
}

/** The slot a figure would have were it not a part (`partOf`) nor in a background sentence: the funnel (scripts/dump-slots.ts) counts them. */
export function slotIgnoringParts(s: Sent, q: Quantity): Slot | null {
  return gameFigure(s, q) ?? slotOfFigure(s, q) ?? heldTotal(s, q) ?? countedThings(s, q) ?? measureSlot(s, q);
}

/** Where nothing else says what a figure measures: the thing its measure modifies or the act it is an argument of, and whose (measures.ts). */
function measureSlot(s: Sent, q: Quantity): Slot | null {
  const m = measureOf(s, q, measureDimension(s));
  const u = m && measureUnit(s, q);
  return m && u ? { key: m.key, label: m.label, unit: u.unit, factor: u.factor, aligned: true } : null;
}

/** The dimension measures.ts keys a sentence's figures by (see measureUnit); the funnel (scripts/dump-slots.ts) reads it too. */
export const measureDimension = (s: Sent) => (q: Quantity) => measureUnit(s, q)?.dimension ?? null;

/**
 * What a measure is compared in: distances in km, spans in hours, money in its currency; a count of
 * a measure noun ("61 yards", "a 20-point lead") in that noun, exact as a count (a play's yards and
 * a score are stated, not rounded).
 */
function measureUnit(s: Sent, q: Quantity): { dimension: string; unit: string; factor: number } | null {
  if (DISTANCE[q.unit] !== undefined) return { dimension: 'km', unit: 'km', factor: DISTANCE[q.unit] };
  if (q.unit === 'h' || q.unit === 'month' || q.unit === 'year') return { dimension: 'h', unit: 'h', factor: hoursPer(q.unit) };
  if (/^[A-Z]{3}$/.test(q.unit)) return { dimension: q.unit, unit: q.unit, factor: 1 };
  const noun = q.unit === 'count' ? measureNoun(s, q) : null;
  return noun ? { dimension: key(UNIT_WORD[noun] ?? noun), unit: 'count', factor: 1 } : null;
}
/** Abbreviations of measure nouns, as sports and local copy write them ("a 61-yd run"). */
const UNIT_WORD: Readonly<Record<string, string>> = wordTable({ yd: 'yard', yds: 'yard', pt: 'point', pts: 'point', ft: 'foot', mi: 'mile', km: 'kilometre' });

/** "Carter scored 14 points": a named player's figure in the game told (game-figures.ts), between sentences of one fact. */
function gameFigure(s: Sent, q: Quantity): Slot | null {
  const part = partOf(s, q);
  if (part && !CONJUNCT_PARTS.has(part)) return null;
  const g = gameFigureOf(s, q);
  return g ? { key: g.key, label: g.label, unit: 'count', factor: 1, personal: true, person: g.person, aligned: true } : null;
}

/** "Roe now has 2,301 career points": a named person's running total of a noun (holdings.ts), a person slot. */
function heldTotal(s: Sent, q: Quantity): Slot | null {
  const h = holdingOf(s, q);
  return h ? { key: h.key, label: h.label, unit: 'count', factor: 1, personal: true, person: h.person } : null;
}

function slotOfFigure(s: Sent, q: Quantity): Slot | null {
  const text = s.art.text;
  if (q.unit === 'magnitude') {
    const shock = SHOCK_CLASS[q.counted ?? ''] ?? (/aftershock/i.test(text.slice(s.span.start, s.span.end)) ? null : 'quake');
    return shock ? { key: `magnitude|${shock}`, label: `magnitude of the ${shock}`, unit: 'magnitude', factor: 1 } : null;
  }
  if (q.unit === 'age') return ageSlot(s, q);
  if (DISTANCE[q.unit] !== undefined) return distanceSlot(s, q);
  if (WEIGHT[q.unit] !== undefined) return weightSlot(s, q);
  if (/^[A-Z]{3}$/.test(q.unit)) return sumSlot(s, q);
  if (q.unit === 'h') return durationSlot(s, q);
  if (q.unit === '%') {
    // "up to 70 per cent of web services in Egypt": a share of one thing in one place (shares.ts)
    const share = shareOf(s, q);
    return share ? { ...share, unit: '%', factor: 1 } : null;
  }
  if (q.unit !== 'people' && q.unit !== 'count') return null;
  if (q.counted?.toLowerCase() === 'block') return streetBlock(s, q);
  return peopleCount(s, q);
}

/**
 * "the 12000 block of East 223rd Street": where on a street something happened, as police and
 * local news give addresses (the hundred-block). Compared by the street, its direction word left
 * out ("East 223rd Street" and "223rd Street" are one street); the number is the value.
 */
function streetBlock(s: Sent, q: Quantity): Slot | null {
  const m = STREET_AFTER_BLOCK.exec(s.art.text.slice(q.span.end, s.span.end));
  if (!m || q.value < 100 || q.value % 100 !== 0) return null;
  const street = `${m[1]} ${m[2]}`.replace(/\s+/g, ' ');
  return { key: `block|${street.toLowerCase()}`, label: `block of ${street}`, unit: 'block', factor: 1 };
}
/** After "N block": "of [East|West|North|South] <name words> <street type>". */
const STREET_AFTER_BLOCK =
  /^\s+of\s+(?:(?:East|West|North|South|E\.|W\.|N\.|S\.)\s+)?((?:[A-Z0-9][\w'-]*\s+){1,3}?)(Street|St\.|Avenue|Ave\.|Boulevard|Blvd\.|Road|Rd\.|Drive|Dr\.|Lane|Way|Place|Court|Parkway|Highway)\b/;

/**
 * Every figure of the story with the slot the cross-check compares it in (null: not compared):
 * the story's event day decides which sentences are background, and a magnitude of another day's
 * shock has no slot. A casualty figure or a magnitude later in an article of a story whose leads
 * tell none of that slot is marked `bodyOnly` (see Slot).
 */
export function figureSlots(story: StoryView): { sent: Sent; q: Quantity; slot: Slot | null }[] {
  // read once per story: the quantity conflicts and the record guard (records.ts) both ask
  let known = FIGURE_SLOTS.get(story);
  if (!known) FIGURE_SLOTS.set(story, (known = readFigureSlots(story)));
  return known;
}
const FIGURE_SLOTS = new WeakMap<StoryView, { sent: Sent; q: Quantity; slot: Slot | null }[]>();

function readFigureSlots(story: StoryView): { sent: Sent; q: Quantity; slot: Slot | null }[] {
  const eventDay = storyEventDay(story.articles);
  const out: { sent: Sent; q: Quantity; slot: Slot | null }[] = [];
  for (const a of story.articles) {
    const background = backgroundSentences(a.sentences, eventDay);
    for (const s of a.sentences)
      for (const q of s.quantities) {
        const slot = slotOf(s, q, background.get(s.index) ?? 'none');
        out.push({ sent: s, q, slot: slot && !(slot.unit === 'magnitude' && anotherDaysShock(s, eventDay)) ? slot : null });
      }
  }
  // a moment of a period that the story's own event happened at is one slot across the story; other acts' moments none (period-marks.ts)
  for (const x of out) if (x.slot) x.slot = storysOwnMoment(story, x.sent, x.q, x.slot);
  // a player's figure in the game only from articles that write the game's score (scores.ts): a round-up tells other games
  for (const x of out) if (x.slot?.key.startsWith('game:') && !reportsTheGame(story, x.sent.art)) x.slot = null;
  // a measure one article gives its holder twice, with two values, is two measures (measures.ts)
  const ambiguous = ambiguousMeasures(out.filter((x) => x.slot).map((x) => ({ article: x.sent.art.id, key: x.slot!.key, value: x.q.value * x.slot!.factor })));
  for (const x of out) if (x.slot && ambiguous.has(x.slot.key)) x.slot = null;
  const toldInLeads = new Set(out.filter((x) => x.slot && inLead(x.sent)).map((x) => x.slot!.key));
  for (const x of out) if (x.slot && EVENT_FRAMES.test(x.slot.key) && !inLead(x.sent) && !toldInLeads.has(x.slot.key)) x.slot = { ...x.slot, bodyOnly: true };
  joinTotalsAtTheEnd(out);
  return out;
}

/**
 * "Roe ended the game with 2,129 points" beside another article's "Roe now has 2,129 points": a
 * figure held at the end of an occasion (holdings.ts heldAtTheEnd) with no slot of its own takes
 * the holding of the same holder and noun when another article holds that very value now. It
 * restates that total, so it adds its sentence to that side and can open no disagreement; with
 * another value it may be the occasion's own figure, and stays without a slot.
 */
function joinTotalsAtTheEnd(out: { sent: Sent; q: Quantity; slot: Slot | null }[]): void {
  const held = out.filter((x) => x.slot?.key.startsWith('held:'));
  if (!held.length) return;
  for (const x of out) {
    // (a measure slot, measures.ts, is only the figure's own measure: the held total is what it restates)
    if ((x.slot && !x.slot.key.startsWith('measure|')) || x.q.unit !== 'count') continue;
    const h = heldAtTheEnd(x.sent, x.q);
    // (one name or the full one: "Roe" holds what "Jane Roe" holds, as resolveOneNameSlots joins them)
    const holder = (k: string) => k === h?.key || k.startsWith(`${h?.key}|`) || h?.key.startsWith(`${k}|`);
    const same = h && held.find((o) => holder(o.slot!.key) && o.sent.art.id !== x.sent.art.id && o.q.value === x.q.value && o.q.qualifier === x.q.qualifier);
    if (same) x.slot = { ...same.slot! };
  }
}

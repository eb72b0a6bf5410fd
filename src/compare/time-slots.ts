/**
 * What a span of time measures: the duration of a thing named ("the talks lasted three hours"), how
 * long an act lasted or lies from another ("12 days after the shooting"), how long ago it was
 * ("married two weeks ago"), the term an act sets ("sentenced to 2 years"), a named person's time
 * served, or a countdown clock's reading ("with 12 seconds left"). Spans are compared in hours.
 */
import type { Quantity } from '../model/types.js';
import { MONTHS, WEEKDAYS } from '../text/calendar.js';
import { actClass, phrasalAct } from './act-classes.js';
import type { Sent } from './prepare.js';
import { figureVerb, figureVerbIndex, particleOf, verbLemma } from './syntax.js';
import { key } from './text.js';
import { servedBy } from './time-served.js';
import { personKey } from './person-keys.js';
import { PAST_MARK } from './background.js';
import type { Slot } from './slots.js';

/** Meetings of any name are one kind of event for their duration ("talks", "meeting", "negotiations"). */
const MEETING_NOUNS = new Set(
  ['talk', 'talks', 'meeting', 'discussion', 'negotiation', 'summit', 'session', 'conversation', 'call', 'consultation', 'hearing', 'debate', 'interview'].map((w) => key(w)),
);
/** The thing a duration's noun names, as its slot keys it: a meeting, talks, a summit are one ("talks"), any other noun its own key. */
export function durationThing(noun: string): string {
  return MEETING_NOUNS.has(key(noun)) ? 'talks' : key(noun);
}

/** "The talks lasted three hours": what a duration measures when it follows the verb. */
function countedBefore(text: string, sentStart: number, at: number): string | null {
  const before = text.slice(Math.max(sentStart, at - 60), at);
  const m = LASTED.exec(before);
  // (a day between the noun and its verb is when it lasted, not what: "the blaze on Wednesday lasted")
  return m && !WHEN_WORD.test(m[1]) ? m[1].toLowerCase() : null;
}
const WHEN_WORD = new RegExp(`^(?:${[...WEEKDAYS, ...MONTHS].join('|')}|today|yesterday|tonight|morning|afternoon|evening|night|week|weekend)$`, 'i');
const LASTED = new RegExp(
  `\\b([a-z][a-z-]+)\\s+(?:(?:on\\s+|last\\s+|this\\s+)?(?:${WEEKDAYS.join('|')}|today|yesterday)(?:\\s+(?:morning|afternoon|evening|night))?\\s+)?` +
    '(?:had\\s+|have\\s+)?(?:lasted|last|lasts|took|takes|ran|runs|went on|continued|stretched)\\s+(?:for\\s+|nearly\\s+|about\\s+|over\\s+|more than\\s+|almost\\s+)*$',
  'i',
);

/** Hours in a span's unit (the analyser gives spans in hours, months or years; a month is a twelfth of a Julian year). */
export const hoursPer = (unit: string): number => (unit === 'h' ? 1 : unit === 'month' ? 730.5 : 8766);

/** A duration in hours: of the thing it names or that lasted, a countdown's reading, or how long the act it hangs on took; null for the part of an activity an aspectual verb tells. */
export function durationSlot(s: Sent, q: Quantity): Slot | null {
  const text = s.art.text;
  if (toldByAspectualVerb(s, q)) return null;
  if (COUNTDOWN.test(`${q.counted ?? ''} ${text.slice(q.span.end, s.span.end)}`)) return clockReading(s, q);
  const what = q.counted ?? countedBefore(text, s.span.start, q.span.start);
  if (!what) return spanOfAct(s, q);
  const cls = durationThing(what);
  return { key: `h|${cls}`, label: `duration of the ${cls === 'talks' ? 'talks' : what}`, unit: 'h', factor: 1 };
}

/**
 * "has just finished 30 days' worth of treatment", "completed 30 days of rehab": a span an aspectual
 * verb (act class Activity_finish / Activity_start) tells is the part of the activity done, not its
 * length, whether a noun names the activity or not.
 */
const ASPECTUAL = /^Activity_(?:finish|start)$/;
function toldByAspectualVerb(s: Sent, q: Quantity): boolean {
  const verb = figureVerb(s, q);
  return !!verb && ASPECTUAL.test(actClass(verb));
}

/** After a duration: a countdown clock ("with 12 seconds left", "four minutes remaining", "7:41 to go", "10:00 to play"). */
const COUNTDOWN = /^[\s-]*(?:left|remaining|to go|to play)\b/i;

/**
 * "with 12 seconds left, Garrard dropped back" and "a touchdown with four minutes left": a countdown
 * clock's reading is the moment of one act of the event (a play, a goal), not a length; a match or a
 * race is told as many such moments, so two readings are the same slot only when they time the same
 * act: between sentences that state one fact (aligned), per the act the clause tells (the verb the
 * figure hangs on by the parse, unless it is the countdown's own "left"/"remain").
 */
function clockReading(s: Sent, q: Quantity): Slot {
  const verb = figureVerb(s, q);
  const act = verb && !/^(?:leave|left|remain|go|play)$/.test(verb) ? actClass(verb) : '';
  // "with 6:00 remaining in the third quarter" and "with 10 minutes left in the fourth quarter": each
  // period of play has its own clock, so readings in two named periods are two moments
  const period = CLOCK_PERIOD.exec(s.art.text.slice(q.span.start, s.span.end))?.[1].toLowerCase().replace(/\s+/g, ' ') ?? '';
  const label = `time left on the clock${period ? ` in the ${period}` : ''}${verb && act ? ` (${verb})` : ''}`;
  return { key: `clock|${act}|${period}`, label, unit: 'h', factor: 1, aligned: true };
}
const CLOCK_PERIOD = /^[^,;]*?\b(?:left|remaining|to go|to play)\s+in\s+(?:the\s+)?((?:first|second|third|fourth|fifth|final|last|1st|2nd|3rd|4th)\s+(?:quarter|half|period|inning|set|round|frame)|overtime|extra time)\b/i;

/**
 * "it would take 12 days to repair the cable" against "take 10 days": a duration no noun names is
 * how long the act its phrase hangs on lasted (the verb by the parse, by its act class), or, with
 * "after", "before", "into" or "later" after it, how far that act lies from another ("arrested 12
 * days after the shooting"): a slot per act and reference word, compared only between sentences
 * that state one fact (Slot.aligned), since one verb measures many spans.
 */
function spanOfAct(s: Sent, q: Quantity): Slot | null {
  const verb = figureVerb(s, q);
  if (!verb) return null;
  const ref = /^[\s-]*(after|before|into|later|earlier|prior|remaining)\b/i.exec(s.art.text.slice(q.span.end, s.span.end))?.[1].toLowerCase() ?? '';
  const cls = actClass(verb);
  return { key: `h|act|${cls}|${ref}`, label: `how long (${verb}${ref ? ` ${ref}` : ''})`, unit: 'h', factor: 1, aligned: true };
}

/** After a duration: it dates an act back from the time of writing or of the event ("ago", "before", "earlier"). */
const BACK_FROM = /^[\s-]*(?:ago|before|earlier)\b/i;

/**
 * "He was married about two weeks ago" against "who married him three weeks before he was
 * killed": how long before the story's time an act was, by the act's class (act-classes.ts; the
 * verb the figure's clause hangs on, by the parse). Acts of a class the lexicon names are compared
 * across the story; other verbs ("moved", "worked") only between sentences that state one fact
 * (aligned). "two weeks after" counts forward from another act: no slot.
 */
export function sinceAct(s: Sent, q: Quantity): Slot | null {
  if (q.unit !== 'h' && q.unit !== 'month' && q.unit !== 'year') return null;
  if (q.counted && q.counted !== 'ago' && actClass(q.counted) === q.counted.toLowerCase()) return null;
  const after = s.art.text.slice(q.counted === 'ago' ? q.span.end - 3 : q.span.end, s.span.end);
  if (!BACK_FROM.test(after)) return null;
  const verb = actOfFigure(s, q);
  if (!verb) return null;
  const cls = actClass(verb);
  // an act the class lexicon names (a wedding, an arrest, a release) is told once per story;
  // any other verb only between sentences that state one fact
  return { key: `since|${cls}`, label: `how long ago (${verb})`, unit: 'h', factor: hoursPer(q.unit), aligned: cls === verb };
}

/**
 * "He was sentenced to 2 years" against "He was sentenced to 2 1/2 years": how long an act of a
 * class the lexicon names lasts or holds (a sentence, a contract, a ban), by the verb the figure
 * hangs on. A person is sentenced, hired or banned more than once in a story's background, so only
 * sentences that state one fact are compared (aligned), whatever year they are about.
 */
export function termOfAct(s: Sent, q: Quantity): Slot | null {
  if (q.unit !== 'h' && q.unit !== 'month' && q.unit !== 'year') return null;
  // "after over seven-hour-long talks, they signed": a duration of something it names is that thing's (slotOfFigure)
  if (q.counted && actClass(q.counted) === q.counted.toLowerCase()) return null;
  // "for the past three years", "two weeks after": a span up to now or counted from another act
  if (/^[\s-]*(?:after|later)\b/i.test(s.art.text.slice(q.span.end, s.span.end)) || /\b(?:past|last)\s+$/i.test(s.art.text.slice(Math.max(s.span.start, q.span.start - 6), q.span.start))) return null;
  const verb = termAct(s, q);
  if (!verb) return null;
  return { key: `term|${actClass(verb)}`, label: `how long (${verb})`, unit: 'h', factor: hoursPer(q.unit), aligned: true };
}

/** The act a term measures: the verb the figure hangs on, or the noun it measures when that noun names the act ("given a 2-1/2 year sentence"), when the class lexicon lists it; else undefined. */
export function termAct(s: Sent, q: Quantity): string | undefined {
  return [figureVerb(s, q), q.counted?.toLowerCase()].find((w): w is string => !!w && actClass(w) !== w);
}

/** "LaRue served four and a half months in prison": a named person's time served (time-served.ts), a person slot whatever day the sentence is about. */
export function timeServed(s: Sent, q: Quantity): Slot | null {
  const who = servedBy(s, q);
  if (!who) return null;
  return { key: `served|${personKey(who.person)}`, label: `time ${who.name} served`, unit: 'h', factor: hoursPer(q.unit), personal: true, person: who.person };
}

/** The verb a figure hangs on by the parse, a phrasal verb read as the verb it stands for ("moved back" → return). */
function actOfFigure(s: Sent, q: Quantity): string | null {
  const i = figureVerbIndex(s, q);
  const verb = verbLemma(s, i);
  return verb && phrasalAct(verb, particleOf(s, i));
}

/**
 * Another mark of the past in the sentence than the figure's own "ago" ("in 2005", "last year"): the
 * act is dated from another time. Another "N ago" on another verb dates that verb's act, not this one
 * ("moved there four years ago, but returned 12 weeks ago").
 */
export function pastBeyond(s: Sent, q: Quantity): boolean {
  const text = s.art.text;
  const blank = (t: string, from: number, to: number) => t.slice(0, from - s.span.start) + ' '.repeat(to - from) + t.slice(to - s.span.start);
  let rest = blank(text.slice(s.span.start, s.span.end), q.span.start, Math.min(s.span.end, q.span.end + 4));
  const verb = figureVerbIndex(s, q);
  // the other figures and relative times told back from now ("four years ago": a time, not a figure)
  const others = [...s.quantities.filter((o) => o !== q), ...s.times.filter((t) => t.kind === 'relative' && /\bago$/i.test(text.slice(t.span.start, t.span.end)))];
  for (const o of others) {
    if (verb < 0 || (o.span.start < q.span.end && q.span.start < o.span.end)) continue;
    const end = /\bago$/i.test(text.slice(o.span.start, o.span.end)) ? o.span.end - 3 : o.span.end;
    if (!BACK_FROM.test(text.slice(end, s.span.end))) continue;
    const other = figureVerbIndex(s, o);
    if (other >= 0 && other !== verb) rest = blank(rest, o.span.start, Math.min(s.span.end, o.span.end + 4));
  }
  return PAST_MARK.test(rest);
}

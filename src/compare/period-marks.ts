/**
 * The moment in a numbered period of play at which an act happened, told as the time gone in that
 * period: "stopped the fight 44 seconds into the seventh round", "after 44 seconds of the seventh
 * round", "stopping the fight at the 2:15 mark" (in a round the sentence names), "scored at 5:32 of
 * the second period". Boxing, wrestling and hockey copy times a stoppage or a goal so. Two outlets
 * that time one act of one period at two moments disagree.
 *
 * A countdown ("with 4:48 left", time-slots.ts clockReading) reads another clock, one that counts
 * down: its slot is kept apart, as one moment reads two numbers on the two clocks. A period is many
 * moments and many acts: a reading is compared only when it times the story's own event (the act
 * most leads name, story-event.ts: the stoppage of a fight), which happened once, per period, and
 * two-checks.ts asks the pair for a common act besides (the same play, as for the countdown).
 * Not read: a reading in no numbered period ("at the 10-minute mark" of a speech), a reading of an
 * hour or more (no period of play lasts one), a reading of any other act (slotOf reads it first as
 * a moment, then readFigureSlots drops it: a moment is no length of the act either).
 */
import type { Quantity } from '../model/types.js';
import { ORDINAL_SMALL, PERIODS_OF_PLAY } from '../text/numbers.js';
import { actClass } from './act-classes.js';
import type { Sent, StoryView } from './prepare.js';
import type { Slot } from './slots.js';
import { storyEvent, verbTellsEvent } from './story-event.js';
import { figureVerb } from './syntax.js';

/** An ordinal as news writes a period's number: a word ("seventh") or digits with a suffix ("7th"). */
const ORDINAL = String.raw`(\d{1,2}(?:st|nd|rd|th)|${Object.keys(ORDINAL_SMALL).join('|')})`;
/** The nouns of a numbered period of play. */
const PERIOD = `(?:${[...PERIODS_OF_PLAY].join('|')})`;
/**
 * After an ordinal with no period noun: the clause goes on ("in the seventh with a big left", "into the
 * seventh when"), so the ordinal stands for the period; another noun after it is another series
 * ("into the second day", "the third hour of talks").
 */
const BARE = String.raw`(?:\s+${PERIOD}\b|(?=\s*[,.;:!?)]|\s*$|\s+(?:when|before|after|as|and|with|of|on|in|at|to|by|but|for)\b))`;
/** Right after the figure: "into the seventh (round)", "of the seventh round" (with "of", the noun must say it is a period). */
const INTO_PERIOD = new RegExp(String.raw`^\s+(?:into\s+the\s+${ORDINAL}${BARE}|of\s+the\s+${ORDINAL}\s+${PERIOD}\b)`, 'i');
/** After "the 2:15 mark": "of the seventh", "in the 2nd round". */
const MARK_OF = new RegExp(String.raw`^\s+(?:of|in)\s+the\s+${ORDINAL}${BARE}`, 'i');
/** Before the figure in its sentence: "in the seventh (round)", "into the 7th": the period a mark is read in. */
const IN_PERIOD = new RegExp(String.raw`\b(?:in|into|during|of)\s+the\s+${ORDINAL}${BARE}`, 'gi');
/** The verbs of the clock itself, which time nothing ("with 12 seconds left", "four minutes to play"). */
const CLOCK_VERBS = /^(?:leave|left|remain|play|go)$/;

/** The period's number from its ordinal. */
function periodNumber(ordinal: string): number | null {
  const n = /^\d/.test(ordinal) ? Number.parseInt(ordinal, 10) : ORDINAL_SMALL[ordinal.toLowerCase()];
  return n === undefined || !Number.isFinite(n) ? null : n;
}

/** The period a figure reads time into: the ordinal right after it, else (for "the 2:15 mark") the last one named before it in its sentence. */
function periodOf(s: Sent, q: Quantity): number | null {
  const text = s.art.text;
  const after = INTO_PERIOD.exec(text.slice(q.span.end, s.span.end));
  if (after) return periodNumber(after[1] ?? after[2]);
  if (q.counted?.toLowerCase() !== 'mark' || !/\bthe\s*$/i.test(text.slice(Math.max(s.span.start, q.span.start - 5), q.span.start))) return null;
  const of = MARK_OF.exec(text.slice(q.span.end, s.span.end));
  if (of) return periodNumber(of[1]);
  let last: string | null = null;
  for (const m of text.slice(s.span.start, q.span.start).matchAll(IN_PERIOD)) last = m[1];
  return last === null ? null : periodNumber(last);
}

/**
 * "the referee stopped the fight 44 seconds into the seventh round" / "stopping the fight at the
 * 2:15 mark" in a story whose leads name the stoppage (story-event.ts): a reading of the story's own
 * event, told by a verb of it, times the one moment it happened, whoever the sentence names and
 * however else it is worded, so it is compared across the story (not only between sentences of one
 * fact); any other act of a period may happen many times in it ("floored her 30 seconds into the sixth"
 * / "floored her again at the 2:10 mark of the sixth": two knockdowns whose sentences align), so its
 * reading gets no slot.
 */
export function storysOwnMoment(story: StoryView, s: Sent, q: Quantity, slot: Slot): Slot | null {
  if (!MOMENT.test(slot.key)) return slot;
  const event = storyEvent(story);
  const verb = event ? figureVerb(s, q) : null;
  if (!event || !verb || !verbTellsEvent(verb, event)) return null;
  const period = slot.key.slice(slot.key.lastIndexOf('|') + 1);
  return { ...slot, key: `clock|into|event|${period}`, label: `time gone in period ${period} when the story's event happened (${verb})`, aligned: false };
}
const MOMENT = /^clock\|into\|/;

/** The slot of a time gone in a numbered period ("44 seconds into the seventh round"), or null when the figure is no such reading. */
export function periodMoment(s: Sent, q: Quantity): Slot | null {
  if (q.unit !== 'h' || q.value <= 0 || q.value >= 1) return null;
  const period = periodOf(s, q);
  if (period === null) return null;
  const verb = figureVerb(s, q);
  const act = verb && !CLOCK_VERBS.test(verb) ? actClass(verb) : '';
  return { key: `clock|into|${act}|${period}`, label: `time gone in period ${period}${verb && act ? ` (${verb})` : ''}`, unit: 'h', factor: 1, aligned: true };
}

import { weekdayIndex } from '../text/calendar.js';

/**
 * The weekday of the event an article reports, as its text names it ("fired on Saturday", "the
 * Friday night fire"): read from the time tagger's weekday expressions (their `anchor`,
 * `weekday:<name>:<direction>`), so an undated text, whose weekdays resolve to no date, still says
 * on which day of the week its event happened. Two similar events of one topic (two rule changes
 * of one agency, two fires in one town) rarely fall on the same weekday, and the articles of one
 * event name the same one: undated articles have no other time evidence.
 */

const ANCHOR = /weekday:([a-z]+):([a-z]+)/g;

/** Weekday names (lower case) of the past-tense weekday expressions of a text's time anchors. */
export function pastWeekdays(anchors: Iterable<string | undefined>): string[] {
  const out: string[] = [];
  for (const a of anchors) {
    if (!a) continue;
    // ("next Friday", "will meet on Friday": a day still to come is not the reported event's)
    for (const m of a.matchAll(ANCHOR)) if (m[2] !== 'future' && m[2] !== 'next' && weekdayIndex(m[1]) >= 0) out.push(m[1]);
  }
  return out;
}

/** The weekday (0 = Sunday) a text names most, or null when it names none or two equally often. */
export function namedWeekday(names: readonly string[] | null | undefined): number | null {
  if (!Array.isArray(names) || names.length === 0) return null;
  const counts = new Array<number>(7).fill(0);
  for (const n of names) {
    const i = typeof n === 'string' ? weekdayIndex(n) : -1;
    if (i >= 0) counts[i]++;
  }
  const top = Math.max(...counts);
  if (top === 0 || counts.filter((c) => c === top).length > 1) return null;
  return counts.indexOf(top);
}

/**
 * A story's weekday: the one most of its members that name a weekday name, when it is more than
 * half of them and (in a story of several articles) at least two: one article's weekday may be a
 * background day.
 */
export function storyWeekday(weekdays: Iterable<number | null | undefined>, members: number): number | null {
  const counts = new Array<number>(7).fill(0);
  let named = 0;
  for (const w of weekdays) {
    if (typeof w !== 'number' || w < 0 || w > 6) continue;
    counts[w]++;
    named++;
  }
  const top = Math.max(...counts);
  if (top * 2 <= named || top < Math.min(2, members)) return null;
  return counts.indexOf(top);
}

/**
 * Whether two weekdays are of different events: two or more days apart around the week. Adjacent
 * days are not evidence (an event late at night, reported by its local date or the next day's).
 */
export function weekdaysApart(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return false;
  const d = Math.abs(a - b) % 7;
  return Math.min(d, 7 - d) >= 2;
}

/** The weekday (0 = Sunday) of a day counted from 1970-01-01 (a Thursday). */
export function dayOfWeek(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

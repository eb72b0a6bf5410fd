import { validIsoDay } from '../ingest/validate.js';

/**
 * The calendar of English news text: weekday and month names (full and abbreviated), and the
 * weekday of a date. One table for every stage.
 */

/** Weekdays in `Date.getUTCDay()` order (Sunday first), lower-case. */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/** Month names, lower-case, January first. */
export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'] as const;

/**
 * The month number (1-12) of a month name or its usual abbreviation ("Sept.", "Dec", "june"), or 0.
 */
export function monthNumber(name: string): number {
  const s = name.toLowerCase().replace(/\.$/, '');
  if (s.length < 3) return 0;
  const i = MONTHS.findIndex((m) => m.startsWith(s.slice(0, 3)) && (m.startsWith(s) || s === 'sept'));
  return i + 1;
}

/** The weekday of a YYYY-MM-DD date ("Thursday"), or null when it is not a real calendar day ("2024-03-40"). */
export function weekdayName(iso: string): string | null {
  if (!validIsoDay(iso)) return null;
  const n = WEEKDAYS[new Date(`${iso.slice(0, 10)}T00:00:00Z`).getUTCDay()];
  return n[0].toUpperCase() + n.slice(1);
}

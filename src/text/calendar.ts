import { validIsoDay } from '../ingest/validate.js';

/**
 * The calendar of English news text: weekday and month names (full and abbreviated), and the
 * weekday of a date. One table for every stage.
 */

/** Weekdays in `Date.getUTCDay()` order (Sunday first), lower-case. */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/** Month names, lower-case, January first. */
export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'] as const;

/** The usual abbreviations of month names, lower-case, without their period. */
export const MONTH_ABBREVIATIONS = ['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'] as const;

const MONTH_BY_NAME = new Map<string, number>([
  ...MONTHS.map((m, i): [string, number] => [m, i + 1]),
  ...MONTH_ABBREVIATIONS.map((a): [string, number] => [a, MONTHS.findIndex((m) => m.startsWith(a.slice(0, 3))) + 1]),
]);

/**
 * Month abbreviations that running text may write without their period. Bare "Mar", "Apr", "Jun",
 * "Jul" and "Sep" are left out: "mar" is a verb, and the others are rarely written so in prose (a
 * capitalised word followed by a number is more often a name than one of them).
 */
export const MONTH_ABBREVIATIONS_WITHOUT_PERIOD = ['jan', 'feb', 'aug', 'sept', 'oct', 'nov', 'dec'] as const;

/** "march" -> "March". */
export const capitalised = (w: string) => w[0].toUpperCase() + w.slice(1);
const abbreviationsOf = (month: string) => MONTH_ABBREVIATIONS.filter((a) => month.startsWith(a));

/** A word that may stop after each of `stops` letters, as nested optional groups ("sep(?:t(?:ember)?)?"). */
function optionalTail(word: string, stops: number[]): string {
  const [first, ...rest] = stops;
  if (first === undefined) return word;
  let out = word.slice(0, first);
  let close = '';
  let from = first;
  for (const stop of [...rest, word.length]) {
    if (stop <= from) continue;
    out += `(?:${word.slice(from, stop)}`;
    close += ')?';
    from = stop;
  }
  return out + close;
}

/**
 * Regular-expression source (no group) of a month name or abbreviation in any case, to use with
 * the `i` flag: "jan(?:uary)?|feb(?:ruary)?|...|sep(?:t(?:ember)?)?|..." (a period after an
 * abbreviation is the caller's). For dates in page metadata and bylines, where case varies.
 */
export const MONTH_PATTERN_ANY_CASE = MONTHS.map((m) => optionalTail(m, abbreviationsOf(m).map((a) => a.length))).join('|');

/**
 * Regular-expression source (no group) of a month as running text writes it, case-sensitive: the
 * capitalised name, an abbreviation with its period ("Sept."), or one of the abbreviations
 * written without it (MONTH_ABBREVIATIONS_WITHOUT_PERIOD).
 */
export const MONTH_PATTERN = [
  ...MONTHS.map(capitalised),
  ...MONTH_ABBREVIATIONS.map((a) => `${capitalised(a)}\\.`),
  ...MONTH_ABBREVIATIONS_WITHOUT_PERIOD.map(capitalised),
].join('|');

/** Regular-expression source (no group) of a full month name, capitalised ("March"); no abbreviations. */
export const MONTH_NAME_PATTERN = MONTHS.map(capitalised).join('|');

/** The abbreviations of weekdays: their first three letters, and "tues", "thur", "thurs". */
const WEEKDAY_STOPS: Record<string, number[]> = { tuesday: [3, 4], thursday: [3, 4, 5] };

/**
 * Regular-expression source (no group) of a weekday name or abbreviation in any case, to use with
 * the `i` flag: "sun(?:day)?|mon(?:day)?|tue(?:s(?:day)?)?|...|thu(?:r(?:s(?:day)?)?)?|..." (a period
 * after an abbreviation is the caller's).
 */
export const WEEKDAY_PATTERN_ANY_CASE = WEEKDAYS.map((w) => optionalTail(w, WEEKDAY_STOPS[w] ?? [3])).join('|');

/** Regular-expression source (no group) of a capitalised weekday name, Monday first: "Monday|...|Sunday". */
export const WEEKDAY_PATTERN = [...WEEKDAYS.slice(1), WEEKDAYS[0]].map(capitalised).join('|');

/**
 * The month number (1-12) of a month name or its usual abbreviation, any case, with or without its
 * period ("Sept.", "Dec", "june"), or 0 for any other word ("Marc" is not March).
 */
export function monthNumber(name: string): number {
  return MONTH_BY_NAME.get(name.toLowerCase().replace(/\.$/, '')) ?? 0;
}

/** The index (0 = Sunday, as `Date.getUTCDay()`) of a weekday name, any case, or -1. */
export function weekdayIndex(name: string): number {
  return (WEEKDAYS as readonly string[]).indexOf(name.toLowerCase());
}

/** The weekday of a YYYY-MM-DD date ("Thursday"), or null when it is not a real calendar day ("2024-03-40"). */
export function weekdayName(iso: string): string | null {
  if (!validIsoDay(iso)) return null;
  const n = WEEKDAYS[new Date(`${iso.slice(0, 10)}T00:00:00Z`).getUTCDay()];
  return n[0].toUpperCase() + n.slice(1);
}

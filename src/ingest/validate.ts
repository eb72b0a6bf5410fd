/**
 * Validated values at the edge. Every way a document enters (files and standard input read by
 * the CLI, every body type of the HTTP API, feed items) goes through `readDecoded` and so through
 * `validateRecord` here: one rule set, one set of messages. A value that cannot be right (a date
 * in the year 1e20, "February 30", a title of 5,000 characters, a record nested 5,000 levels deep)
 * is refused or dropped where it enters, with a message, and never reaches a later stage, where it
 * would surface as an exception far from its cause.
 */

/** Dates outside these years are treated as errors in the data, not as history or science fiction. */
export const MIN_YEAR = 1800;
export const MAX_YEAR = 2200;

/**
 * Longest accepted value of each metadata field of a record, in characters. The HTTP API's JSON
 * schema documents the same numbers; a longer value refuses the record (whatever the body type).
 */
export const FIELD_LIMITS = { id: 500, url: 4000, title: 4000, published: 100, outlet: 500 } as const;

/** Deepest nesting of a JSON record (objects and arrays). Real articles use a handful of levels. */
export const MAX_DEPTH = 64;

/** True when year-month-day names a real calendar day within [MIN_YEAR, MAX_YEAR]. */
export function validCalendarDate(y: number, m: number, d: number): boolean {
  if (![y, m, d].every(Number.isInteger)) return false;
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1 || d > 31) return false;
  const dt = new Date(Date.UTC(2000, m - 1, d)); // a leap year, then the year's own check below
  if (dt.getUTCMonth() !== m - 1) return false;
  return !(m === 2 && d === 29 && !isLeapYear(y));
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** True when `iso` starts with a valid YYYY-MM-DD (see validCalendarDate). */
export function validIsoDay(iso: string | null | undefined): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return !!m && validCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** A time in epoch milliseconds as an ISO string, or null when it is not finite or out of range. */
export function isoOfEpochMs(ms: number): string | null {
  if (!Number.isFinite(ms)) return null;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return null;
  const y = d.getUTCFullYear();
  return y >= MIN_YEAR && y <= MAX_YEAR ? d.toISOString() : null;
}

/**
 * The `published` field of a record: a string is kept when it parses to a date in range (or when
 * it does not parse at all: extraction then treats it as an unreadable hint), a number is epoch
 * milliseconds. Anything else is dropped with a warning.
 */
export function publishedOf(value: unknown): { value?: string; warning?: string } {
  if (value === undefined || value === null || value === '') return {};
  if (typeof value === 'number') {
    const iso = isoOfEpochMs(value);
    return iso ? { value: iso } : { warning: `"published" ${String(value)} is not a time between ${MIN_YEAR} and ${MAX_YEAR} (epoch milliseconds); ignored` };
  }
  if (typeof value !== 'string') return { warning: `"published" is a ${typeof value}, not a date; ignored` };
  const s = value.trim();
  if (!s) return {};
  const t = Date.parse(s);
  if (Number.isFinite(t)) {
    const y = new Date(t).getUTCFullYear();
    if (y < MIN_YEAR || y > MAX_YEAR) return { warning: `"published" ${JSON.stringify(s.slice(0, 40))} is outside the years ${MIN_YEAR}-${MAX_YEAR}; ignored` };
  }
  const ymd = /^\s*([+-]?\d{4,})-(\d{1,2})-(\d{1,2})/.exec(s);
  if (ymd && !validCalendarDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]))) {
    return { warning: `"published" ${JSON.stringify(s.slice(0, 40))} is not a real calendar date between ${MIN_YEAR} and ${MAX_YEAR}; ignored` };
  }
  return { value: s };
}

/**
 * Depth of a parsed JSON value, walked with an explicit stack (a recursive walk overflows the call
 * stack on deep input). Stops counting once `limit` is passed.
 */
export function jsonDepth(value: unknown, limit = MAX_DEPTH): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    if (depth > max) max = depth;
    if (max > limit) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v as object)) if (child && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return max;
}

/**
 * Why a record must be refused, or null when it may enter. Checks the nesting depth and the length
 * and type of the known metadata fields.
 */
export function recordProblem(rec: Record<string, unknown>): string | null {
  const depth = jsonDepth(rec);
  if (depth > MAX_DEPTH) return `record is nested more than ${MAX_DEPTH} levels deep`;
  for (const [field, max] of Object.entries(FIELD_LIMITS)) {
    const v = rec[field];
    if (typeof v === 'string' && v.length > max) return `"${field}" is longer than ${max} characters (${v.length})`;
  }
  if (typeof rec.id === 'number' && !Number.isFinite(rec.id)) return '"id" is not a finite number';
  return null;
}

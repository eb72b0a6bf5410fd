import type { DateInfo, DatePrecision } from '../model/types.js';
import { MONTH_PATTERN_ANY_CASE, monthNumber, WEEKDAY_PATTERN_ANY_CASE } from '../text/calendar.js';
import { wordTable } from '../text/word-table.js';

/**
 * Date reading for extraction: ISO-like machine dates (JSON-LD, meta tags, <time datetime>),
 * dates in URLs, and English dates in visible text ("Last Updated : May 09 2025 | 6:47 AM IST",
 * "November 19th, 2019 at 8:40 AM", "19 Nov 2019 05:47 GMT") with their time zone when one is
 * written. Nothing is guessed: a date without a zone keeps no offset.
 */


/** Fixed offsets of common zone abbreviations (ambiguous ones like CST are read as the US zone). */
const ZONES: Readonly<Record<string, string>> = wordTable({
  utc: '+00:00',
  gmt: '+00:00',
  z: '+00:00',
  bst: '+01:00',
  cet: '+01:00',
  cest: '+02:00',
  eet: '+02:00',
  eest: '+03:00',
  msk: '+03:00',
  ist: '+05:30',
  pkt: '+05:00',
  npt: '+05:45',
  wib: '+07:00',
  ict: '+07:00',
  hkt: '+08:00',
  sgt: '+08:00',
  awst: '+08:00',
  jst: '+09:00',
  kst: '+09:00',
  aest: '+10:00',
  aedt: '+11:00',
  nzst: '+12:00',
  nzdt: '+13:00',
  est: '-05:00',
  edt: '-04:00',
  cst: '-06:00',
  cdt: '-05:00',
  mst: '-07:00',
  mdt: '-06:00',
  pst: '-08:00',
  pdt: '-07:00',
});

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function validDay(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1;
}

/** US Eastern/Central/... daylight time: second Sunday of March to first Sunday of November. */
function usDst(y: number, m: number, d: number): boolean {
  if (m < 3 || m > 11) return false;
  if (m > 3 && m < 11) return true;
  const firstDow = new Date(Date.UTC(y, m - 1, 1)).getUTCDay();
  const firstSunday = 1 + ((7 - firstDow) % 7);
  return m === 3 ? d >= firstSunday + 7 : d < firstSunday;
}

function zoneOffset(zone: string, y: number, m: number, d: number): string | null {
  const z = zone.toLowerCase().replace(/\./g, '');
  if (ZONES[z]) return ZONES[z];
  const us: Record<string, [string, string]> = {
    et: ['-05:00', '-04:00'],
    ct: ['-06:00', '-05:00'],
    mt: ['-07:00', '-06:00'],
    pt: ['-08:00', '-07:00'],
  };
  if (us[z]) return usDst(y, m, d) ? us[z][1] : us[z][0];
  const num = /^(?:utc|gmt)?([+-])(\d{1,2}):?(\d{2})?$/.exec(z);
  if (num) return `${num[1]}${pad(Number(num[2]))}:${num[3] ?? '00'}`;
  return null;
}

export interface ParsedDate {
  iso: string;
  precision: DatePrecision;
}

function build(
  y: number,
  m: number,
  d: number,
  h: number | null,
  mi: number | null,
  s: number | null,
  offset: string | null,
): ParsedDate | null {
  if (!validDay(y, m, d)) return null;
  const day = `${y}-${pad(m)}-${pad(d)}`;
  if (h === null || h > 23 || (mi ?? 0) > 59 || (s ?? 0) > 59) return { iso: day, precision: 'day' };
  const precision: DatePrecision = s !== null ? 'second' : 'minute';
  const iso = `${day}T${pad(h)}:${pad(mi ?? 0)}:${pad(s ?? 0)}${offset ?? ''}`;
  return { iso, precision };
}

/** ISO 8601 and close variants: `2019-11-19`, `2019-11-19T08:40:00-05:00`, `2019-11-19 08:40:00Z`, `2019-11`. */
export function parseIsoDate(value: string): ParsedDate | null {
  const v = value.trim();
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})?)?/i.exec(v);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    let off: string | null = null;
    if (m[7]) {
      const z = m[7].toUpperCase();
      off = z === 'Z' ? '+00:00' : z.length === 3 ? `${z}:00` : z.includes(':') ? z : `${z.slice(0, 3)}:${z.slice(3)}`;
    }
    if (m[4] === undefined) return build(y, mo, d, null, null, null, null);
    return build(y, mo, d, Number(m[4]), Number(m[5]), m[6] !== undefined ? Number(m[6]) : null, off);
  }
  const compact = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?$/.exec(v);
  if (compact) {
    return build(
      Number(compact[1]),
      Number(compact[2]),
      Number(compact[3]),
      compact[4] !== undefined ? Number(compact[4]) : null,
      compact[5] !== undefined ? Number(compact[5]) : null,
      compact[6] !== undefined ? Number(compact[6]) : null,
      null,
    );
  }
  const ym = /^(\d{4})-(\d{2})$/.exec(v);
  if (ym && Number(ym[2]) >= 1 && Number(ym[2]) <= 12) return { iso: `${ym[1]}-${ym[2]}`, precision: 'month' };
  // RFC 2822 ("Tue, 19 Nov 2019 08:40:00 -0500") and other text forms
  return parseTextDate(v)?.date ?? null;
}

const MONTH_RE = MONTH_PATTERN_ANY_CASE;
/**
 * Regular-expression source (no capturing group) of a weekday as a whole word, any case, whole or
 * abbreviated ("Tue", "Tues", "Thurs", "Wednesday": the calendar's), with a period after an
 * abbreviation; use with the `i` flag.
 */
export const WEEKDAY_ANY_CASE = `\\b(?:${WEEKDAY_PATTERN_ANY_CASE})\\b\\.?`;

/** "a.m.", "pm", and the spaced "a. m." of tokenised copies. */
const MERIDIEM = '[ap]\\.?\\s?m\\.?(?![a-z])';
const ZONE = '(?:utc|gmt)\\s*[+-]\\s*\\d{1,2}(?::?\\d{2})?|[A-Za-z]{1,4}T|[A-Za-z]{2,4}|[+-]\\d{2}:?\\d{2}';
const TIME_RE = `(?:\\s*(?:[|,@·•–—/-]|at)?\\s*(\\d{1,2})[:.h](\\d{2})(?::(\\d{2}))?\\s*(${MERIDIEM})?(?:\\s*\\(?\\s*(${ZONE})\\b\\)?)?)?`;
/**
 * A time written before its date, at the end of the text before it: "8:13 AM PDT 8/2/2013",
 * "12:52 p. m. EDT May 2, 2013", "7:00pm UK, Wednesday 05 May 2010", "22:07 GMT, 7 July 2012".
 */
const TIME_BEFORE = new RegExp(
  `(?:^|[\\s:|(])(\\d{1,2})[:.](\\d{2})(?::(\\d{2}))?\\s*(${MERIDIEM})?(?:\\s*(${ZONE}))?\\s*[,|]?\\s*(?:${WEEKDAY_ANY_CASE}\\s*,?\\s*)?$`,
  'i',
);

// "May 09 2025 | 6:47 AM IST", "November 19th, 2019 at 8:40 AM", "Nov 18, 2019 @17:19 PM"
const MDY = new RegExp(
  `\\b(${MONTH_RE})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME_RE}`,
  'i',
);
// "November 27-2005 at 16:12", "Dec-19-05 03:49 PM": dashes between the parts (a two-digit year
// only with a time, as with slashes); "June 7-10, 2013" is a range, not this
const MDY_DASHED = new RegExp(`\\b(${MONTH_RE})\\.?(?:\\s+|-)(\\d{1,2})-(\\d{4}|\\d{2})(?![\\d-])${TIME_RE}`, 'i');
// "19 November 2019 05:47 GMT", "20 Nov, 2019 05:47"
const DMY = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_RE})\\.?,?\\s+(\\d{4})${TIME_RE}`, 'i');
// "2019-11-19 08:40", "2012.08.08 09:01 AM" inside text
const YMD = new RegExp(`\\b(\\d{4})(?:-(\\d{2})-|\\.(\\d{2})\\.)(\\d{2})${TIME_RE}`, 'i');
// "05/10/2018 14:00", "10.05.2018", and the spaced "05 / 02 / 2013" of tokenised copies: one
// separator throughout (a slash, or a period without spaces), so that "3 / 4.2013" is no date
// a two-digit year ("8/2/13 at 1:30 PM") only with slashes, and with a time or on a line of its own
const NUM = new RegExp(`\\b(\\d{1,2})(?:\\s?(/)\\s?(\\d{1,2})\\s?/\\s?|(\\.)(\\d{1,2})\\.)(\\d{4}|\\d{2})(?![\\d/])${TIME_RE}`, 'i');

function hour12(h: number, ampm: string | undefined): number {
  if (!ampm) return h;
  const pm = ampm.toLowerCase().startsWith('p');
  if (h === 12) return pm ? 12 : 0;
  return pm && h < 12 ? h + 12 : h;
}

type Kind = 'mdy' | 'mdy-dashed' | 'dmy' | 'ymd' | 'num';

/** A year of four digits, or of two as POSIX strptime reads them: 69-99 are 1969-1999, 00-68 are 2000-2068. */
function fullYear(y: string): number {
  return y.length === 4 ? Number(y) : Number(y) + (Number(y) >= 69 ? 1900 : 2000);
}

/** Zones of North America, whose outlets write numeric dates month first (05/02/2013 is May 2). */
const MONTH_FIRST_ZONES = /^(?:e|c|m|p|ak|h)(?:s|d)?t$/i;

/** The date parts of one match, by pattern; `t` is the index of its first time group. */
function dateParts(m: RegExpExecArray, kind: Kind): { y: number; mo: number; d: number; t: number; alt: number | null } {
  if (kind === 'mdy') return { y: Number(m[3]), mo: monthNumber(m[1]), d: Number(m[2]), t: 4, alt: null };
  if (kind === 'mdy-dashed') return { y: fullYear(m[3]), mo: monthNumber(m[1]), d: Number(m[2]), t: 4, alt: null };
  if (kind === 'dmy') return { y: Number(m[3]), mo: monthNumber(m[2]), d: Number(m[1]), t: 4, alt: null };
  if (kind === 'ymd') return { y: Number(m[1]), mo: Number(m[2] ?? m[3]), d: Number(m[4]), t: 5, alt: null };
  // numeric: the first number is the day, unless it cannot be; `alt` is the other reading's month
  const a = Number(m[1]);
  const b = Number(m[3] ?? m[5]);
  const y = fullYear(m[6]);
  if (b > 12) return { y, mo: a, d: b, t: 7, alt: null };
  return { y, mo: b, d: a, t: 7, alt: a <= 12 && a !== b ? a : null };
}

/** The order of a numeric date's day and month. */
export type NumericOrder = 'month-first' | 'day-first';

export interface TextDate {
  date: ParsedDate;
  raw: string;
  index: number;
  /** A numeric date with slashes both of whose readings (day first, month first) are valid and differ. */
  ambiguous: boolean;
  /**
   * The order a numeric date with slashes shows by itself: one of its readings is impossible
   * (14/09/2013 is day first, 09/14/2013 month first). Null for any other date.
   */
  order: NumericOrder | null;
  /**
   * Both readings of an ambiguous date that nothing written with it settles (no zone): `date` is
   * the one the caller's `monthFirst` chose. Null for any other date.
   */
  readings: Record<NumericOrder, ParsedDate> | null;
}

/**
 * The first date written in a piece of text, with its time and zone when present: the time may
 * follow the date or come just before it ("8:13 AM PDT 8/2/2013"). A numeric date with periods
 * (10.05.2018) is day first, as the countries that write it so do. One with slashes is read the
 * only way it is valid (and its `order` says which), else by its zone when one is written (a
 * North American zone: month first; any other: day first), else month first when `monthFirst`
 * (US style), with both `readings` given for the caller that knows more (`numericOrder` in
 * text/extract.ts, the one place that chooses an order for a document's lines).
 */
export function parseTextDate(text: string, monthFirst = false): TextDate | null {
  const candidates: { m: RegExpExecArray; kind: Kind }[] = [];
  for (const [re, kind] of [
    [MDY, 'mdy'],
    [MDY_DASHED, 'mdy-dashed'],
    [DMY, 'dmy'],
    [YMD, 'ymd'],
    [NUM, 'num'],
  ] as const) {
    const m = re.exec(text);
    if (m) candidates.push({ m, kind });
  }
  if (!candidates.length) return null;
  candidates.sort((a, b) => a.m.index - b.m.index);
  for (const { m, kind } of candidates) {
    const p = dateParts(m, kind);
    let { mo, d } = p;
    const { y, t } = p;
    // a time before the date, when none follows it
    const before = m[t] === undefined ? TIME_BEFORE.exec(text.slice(Math.max(0, m.index - 40), m.index)) : null;
    const time = before ? [before[1], before[2], before[3], before[4], before[5]] : [m[t], m[t + 1], m[t + 2], m[t + 3], m[t + 4]];
    if (kind === 'num' && m[6].length === 2 && (m[2] !== '/' || (time[0] === undefined && m[0].trim() !== text.trim()))) continue;
    if (kind === 'mdy-dashed' && m[3].length === 2 && time[0] === undefined) continue;
    const zone = time[4]?.replace(/[\s.]+/g, '');
    const slashes = kind === 'num' && m[2] === '/';
    const ambiguous = slashes && p.alt !== null;
    const zoned = ambiguous && !!zone && (!!ZONES[zone.toLowerCase()] || /^(?:[ecmp]t)$/i.test(zone));
    if (ambiguous && (zoned ? MONTH_FIRST_ZONES.test(zone!) : monthFirst)) [mo, d] = [p.alt!, mo];
    if (!mo || !validDay(y, mo, d)) continue;
    // a number over 12 is the day, and where it is written shows the order the writer uses
    const order: NumericOrder | null = !slashes || ambiguous || d <= 12 ? null : d === Number(m[1]) ? 'day-first' : 'month-first';
    let h: number | null = null;
    let mi: number | null = null;
    let s: number | null = null;
    let off: string | null = null;
    if (time[0] !== undefined) {
      h = hour12(Number(time[0]), time[3]);
      mi = Number(time[1]);
      s = time[2] !== undefined ? Number(time[2]) : null;
      if (zone) off = zoneOffset(zone, y, mo, d);
    }
    const date = build(y, mo, d, h, mi, s, off);
    if (!date) continue;
    let readings: Record<NumericOrder, ParsedDate> | null = null;
    if (ambiguous && !zoned) {
      const other = build(y, d, mo, h, mi, s, off);
      if (other) readings = monthFirst ? { 'month-first': date, 'day-first': other } : { 'month-first': other, 'day-first': date };
    }
    let raw = m[0].trim();
    let index = m.index;
    if (m[t + 4] && !off) raw = raw.slice(0, raw.length - m[t + 4].length).trim().replace(/\($/, '').trim();
    if (before) {
      const start = m.index - (Math.min(40, m.index) - before.index) + (before[0].length - before[0].trimStart().length);
      const lead = /^[:|(]/.test(text.slice(start)) ? 1 : 0;
      index = start + lead;
      raw = text.slice(index, m.index + m[0].length).trim();
    }
    return { date, raw, index, ambiguous, order, readings };
  }
  return null;
}

/** Every date `parseTextDate` reads in a piece of text, left to right (at most `max`). */
export function textDates(text: string, monthFirst = false, max = 8): TextDate[] {
  const out: TextDate[] = [];
  for (let from = 0; out.length < max && from < text.length; ) {
    const d = parseTextDate(text.slice(from), monthFirst);
    if (!d) break;
    out.push({ ...d, index: d.index + from });
    from += d.index + Math.max(1, d.raw.length);
  }
  return out;
}

/** Dates in URL paths: /2019/11/19/, /2019-11-19-, /20191119/, /2019/11/. */
export function dateFromUrl(url: string): ParsedDate | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url;
  }
  const full = /(?:^|[/_-])((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)/.exec(path);
  if (full) {
    const y = Number(full[1]);
    const m = Number(full[2]);
    const d = Number(full[3]);
    if (validDay(y, m, d)) return { iso: `${full[1]}-${full[2]}-${full[3]}`, precision: 'day' };
  }
  const named = new RegExp(`/((?:19|20)\\d{2})/(${MONTH_RE})/(\\d{1,2})/`, 'i').exec(path);
  if (named) {
    const y = Number(named[1]);
    const m = monthNumber(named[2]);
    const d = Number(named[3]);
    if (m && validDay(y, m, d)) return { iso: `${y}-${pad(m)}-${pad(d)}`, precision: 'day' };
  }
  // a year and a month, not followed by a day that is no date (/2013/02/30/)
  const ym = /\/((?:19|20)\d{2})\/(0[1-9]|1[0-2])\/(?!\d{1,2}\/)/.exec(path);
  if (ym) return { iso: `${ym[1]}-${ym[2]}`, precision: 'month' };
  return null;
}

export function toDateInfo(p: ParsedDate, source: string, raw?: string): DateInfo {
  return raw ? { iso: p.iso, precision: p.precision, source, raw } : { iso: p.iso, precision: p.precision, source };
}

/** Days since 1970-01-01 of a YYYY-MM-DD day, or of the last day of a YYYY-MM month. */
function dayNumber(iso: string): number {
  const [y, m, d] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), iso.length >= 10 ? Number(iso.slice(8, 10)) : 0];
  return Date.UTC(y, m - (d ? 1 : 0), d) / 86_400_000;
}

/**
 * Days a publication date may lie after its URL's date: the URL's is often the start of an
 * archive (Blogger's "2005_05_01_archive" holds the month) or the eve of a late edition.
 */
const AFTER_URL_DAYS = 31;
/** Days it may lie after its own update date: the two are often written in different zones. */
const AFTER_UPDATE_DAYS = 1;

/**
 * Why a publication date cannot be right as the document itself tells it: it lies well after the
 * date its URL gives or after its own update date. Null when it agrees. Extraction never compares
 * a date with the clock (the same input gives the same article on any day); a date later than
 * the reader's day is for the stage that knows that day (story grouping's `now`). The date is
 * kept: the message says which of the document's dates disagree, for the report to show.
 */
export function laterThanOwnDates(published: DateInfo, modified: DateInfo | null, url: string | null): string | null {
  const day = published.iso.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const fromUrl = published.source === 'url' || !url ? null : dateFromUrl(url);
  if (fromUrl && dayNumber(day) > dayNumber(fromUrl.iso) + AFTER_URL_DAYS) {
    return `publication date ${day} (from the ${published.source}) is more than ${AFTER_URL_DAYS} days after the date in its URL (${fromUrl.iso}): kept as written`;
  }
  const updated = modified?.iso.slice(0, 10);
  if (updated && /^\d{4}-\d{2}-\d{2}$/.test(updated) && dayNumber(day) > dayNumber(updated) + AFTER_UPDATE_DAYS) {
    return `publication date ${day} (from the ${published.source}) is after its update date (${updated}): kept as written`;
  }
  return null;
}

/**
 * Time expressions resolved against the article's publication date.
 *
 * Hand-written (no chrono-node): a few anchored patterns over the text, each candidate turned into
 * an `anchor` string that says what resolution needs ("weekday:thursday:past", "month:-1",
 * "monthday:09-01:future", "time:17:00:-04:00;weekday:tuesday:past"), then resolved against a
 * reference date. Absolute expressions ("May 9, 2025") have a value without any reference.
 * In an undated article relative expressions keep `value: null` with their anchor, and
 * `resolveTimes` resolves them later from a story's date (`inferred: true`).
 *
 * Guards: month names only with a day, a year or a governing preposition ("in May", never
 * "will march" or "Theresa May ..."); years only four digits 1800-2199 with a governing word
 * ("in 2022", "by 2030", "the 2016 election"); impossible dates ("Feb 30") are dropped.
 */
import type { DateInfo, DatePrecision, Span, TimeExpr, TimeKind } from '../model/types.js';
import { MONTH_PATTERN, monthNumber, WEEKDAY_PATTERN, weekdayIndex } from '../text/calendar.js';
import { spelledNumber } from '../text/numbers.js';
import { wordTable } from '../text/word-table.js';

const MONTH_RE = `(${MONTH_PATTERN})`;
const WEEKDAY_RE = `(${WEEKDAY_PATTERN})`;
const YEAR_RE = '(1[89]\\d\\d|2[01]\\d\\d)';
const TZ_RE = '(ET|EDT|EST|CT|CDT|CST|MT|MDT|MST|PT|PDT|PST|GMT|UTC|BST|CET|CEST|MSK|IST|JST|Moscow time|Beijing time|local time)';

/** Fixed offsets; US zones "ET/CT/MT/PT" are resolved with daylight saving for the date. */
const TZ_OFFSETS: Readonly<Record<string, string>> = wordTable({
  EDT: '-04:00', EST: '-05:00', CDT: '-05:00', CST: '-06:00', MDT: '-06:00', MST: '-07:00', PDT: '-07:00', PST: '-08:00',
  GMT: '+00:00', UTC: '+00:00', BST: '+01:00', CET: '+01:00', CEST: '+02:00', MSK: '+03:00', 'Moscow time': '+03:00',
  IST: '+05:30', JST: '+09:00', 'Beijing time': '+08:00',
});
const US_ZONES: Readonly<Record<string, [number, number]>> = wordTable({ ET: [-4, -5], CT: [-5, -6], MT: [-6, -7], PT: [-7, -8] });

interface Candidate {
  start: number;
  end: number;
  kind: TimeKind;
  /** Absolute value when known without a reference date. */
  value: string | null;
  grain: DatePrecision | null;
  anchor?: string;
}

/**
 * A word every match of a pattern contains, and how far before that word a match can start: the
 * pattern is then tried only at those few places instead of at every word boundary of the text
 * (most patterns open with an optional or alternated word, which a scan tries everywhere).
 */
interface Near {
  /** Where the word occurs in the text (a global expression, case as the pattern reads it). */
  word: RegExp;
  /** Characters before the word's start where a match may start (0: the match starts at the word). */
  before: number;
}

interface Pattern {
  re: RegExp;
  make: (m: RegExpExecArray) => Candidate | null;
  near?: Near;
  /** `re` sticky (set from `re` when `near` is given): tried at one position at a time. */
  at?: RegExp;
}

const PATTERNS: Pattern[] = [];

/** The longest alternative of a regular-expression alternation of plain words ("in|since|by the end of" → 13). */
const longest = (words: string): number => Math.max(...words.split('|').map((w) => w.replace(/\\/g, '').length));

/** A month name or abbreviation (MONTH_PATTERN) starts with one of these three letters. */
const MONTH_WORD = new RegExp([...new Set(MONTH_PATTERN.split('|').map((a) => a.slice(0, 3)))].join('|'), 'g');
/** Every weekday name (WEEKDAY_PATTERN) ends in "day". */
const WEEKDAY_WORD = /day/g;
if (!WEEKDAY_PATTERN.split('|').every((w) => w.endsWith('day'))) throw new Error('time: a weekday name without "day"');
if (!MONTH_PATTERN.split('|').every((a) => /^[A-Z][a-z]{2}/.test(a))) throw new Error('time: a month name shorter than three letters');

/**
 * Where each pattern's word occurs in one text, found once per word: several patterns share one
 * (the month names open five of them), and scanning the text for it is most of what they cost.
 */
type WordPlaces = (word: RegExp) => number[];
function wordPlaces(text: string): WordPlaces {
  const found = new Map<RegExp, number[]>();
  return (word) => {
    let at = found.get(word);
    if (!at) {
      at = [];
      word.lastIndex = 0;
      for (let w = word.exec(text); w; w = word.exec(text)) at.push(w.index);
      found.set(word, at);
    }
    return at;
  };
}

/**
 * The matches of pattern `p` in `text`, in the order and with the overlaps a global scan gives:
 * each match is the leftmost one at or after the previous match's end. With `near`, a match can
 * only start within `before` characters before an occurrence of its word, so only those positions
 * are tried, in ascending order (each once): the first that matches is the leftmost match.
 */
function eachMatch(p: Pattern, text: string, places: WordPlaces, visit: (m: RegExpExecArray) => void): void {
  if (!p.near || !p.at) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      visit(m);
      if (m[0].length === 0) p.re.lastIndex++;
    }
    return;
  }
  const { word, before } = p.near;
  const at = p.at;
  let from = 0; // where the next match may start (the previous match's end)
  let tried = -1; // the last position tried
  for (const index of places(word)) {
    for (let s = Math.max(from, index - before, tried + 1); s <= index; s++) {
      tried = s;
      at.lastIndex = s;
      const m = at.exec(text);
      if (!m) continue;
      visit(m);
      from = s + Math.max(1, m[0].length);
      tried = from - 1;
      break;
    }
  }
}

/** "in|since" → "[Ii]n|[Ss]ince": governing words may start a sentence. */
function cap(words: string): string {
  return words
    .split('|')
    .map((w) => (/^[a-z]/.test(w) ? `[${w[0].toUpperCase()}${w[0]}]${w.slice(1)}` : w))
    .join('|');
}


function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function validDay(y: number | null, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y !== null && (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? 29 : y === null ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}

function dateCandidate(start: number, end: number, y: number | null, m: number, d: number): Candidate | null {
  if (!validDay(y, m, d)) return null;
  if (y !== null) return { start, end, kind: 'date', value: `${y}-${pad(m)}-${pad(d)}`, grain: 'day' };
  return { start, end, kind: 'date', value: null, grain: null, anchor: `monthday:${pad(m)}-${pad(d)}` };
}

// "May 9, 2025", "May 9", "Sept. 11", "June 16th of last year"
PATTERNS.push({
  re: new RegExp(`\\b${MONTH_RE} (\\d{1,2})(?:st|nd|rd|th)?\\b(?!:|\\d|,\\d| ?%)(?:,? ${YEAR_RE}\\b|,? (?:of )?(last|next|this) year\\b)?`, 'g'),
  near: { word: MONTH_WORD, before: 0 },
  make: (m) => {
    const c = dateCandidate(m.index, m.index + m[0].length, m[3] ? Number(m[3]) : null, monthNumber(m[1]), Number(m[2]));
    if (c && m[4]) c.anchor = `monthdayrel:${pad(monthNumber(m[1]))}:${pad(Number(m[2]))}:${m[4] === 'last' ? -1 : m[4] === 'next' ? 1 : 0}`;
    return c;
  },
});
// "9 May 2025", "9th of May"; not "the 19 Sept. 11 hijackers", where the month's day follows it ("Sept. 11", above)
PATTERNS.push({
  // (two digits, a suffix, a space and "of " before the month)
  near: { word: MONTH_WORD, before: 8 },
  re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?${MONTH_RE}(?!\\w)(?:,? ${YEAR_RE}\\b|(?! \\d{1,2}(?:st|nd|rd|th)?\\b(?![:.,]?\\d)))`, 'g'),
  make: (m) => dateCandidate(m.index, m.index + m[0].length, m[3] ? Number(m[3]) : null, monthNumber(m[2]), Number(m[1])),
});
// ranges within a month: "September 16-19", "May 7–10, 2025" → an ISO interval
PATTERNS.push({
  near: { word: MONTH_WORD, before: 0 },
  re: new RegExp(`\\b${MONTH_RE} (\\d{1,2})(?:st|nd|rd|th)? ?[-–] ?(\\d{1,2})(?:st|nd|rd|th)?\\b(?!:|\\d| ?%)(?:,? ${YEAR_RE}\\b)?`, 'g'),
  make: (m) => {
    const mo = monthNumber(m[1]);
    const d1 = Number(m[2]);
    const d2 = Number(m[3]);
    const y = m[4] ? Number(m[4]) : null;
    if (!mo || d2 <= d1 || !validDay(y, mo, d1) || !validDay(y, mo, d2)) return null;
    const c: Candidate = { start: m.index, end: m.index + m[0].length, kind: 'range', value: null, grain: null };
    if (y !== null) {
      c.value = `${y}-${pad(mo)}-${pad(d1)}/${y}-${pad(mo)}-${pad(d2)}`;
      c.grain = 'day';
    } else c.anchor = `monthdayrange:${pad(mo)}:${pad(d1)}:${pad(d2)}:tense`;
    return c;
  },
});
// ISO 2025-05-09
PATTERNS.push({
  re: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
  make: (m) => dateCandidate(m.index, m.index + m[0].length, Number(m[1]), Number(m[2]), Number(m[3])),
});
// "May 2025", "September of 2024"
PATTERNS.push({
  re: new RegExp(`\\b${MONTH_RE},? (?:of )?${YEAR_RE}\\b`, 'g'),
  near: { word: MONTH_WORD, before: 0 },
  make: (m) => {
    const mo = monthNumber(m[1]);
    return mo ? { start: m.index, end: m.index + m[0].length, kind: 'month', value: `${m[2]}-${pad(mo)}`, grain: 'month' } : null;
  },
});
// "in September", "last May", "early March" (a governing word is required)
const BEFORE_MONTH = 'in|since|until|till|by|from|through|throughout|during|early|late|mid-|last|next|this|before|after|between|of|and|to|or|each|every';
PATTERNS.push({
  re: new RegExp(`\\b(${cap(BEFORE_MONTH)}) ${MONTH_RE}(?!\\w| \\d)`, 'g'),
  near: { word: MONTH_WORD, before: longest(BEFORE_MONTH) + 1 },
  make: (m) => {
    const mo = monthNumber(m[2]);
    if (!mo || m[2].length < 4 && !m[2].endsWith('.') && m[2] !== 'May') return null;
    const word = m[1].toLowerCase();
    if (/^(each|every)$/.test(word)) return null;
    const start = /^(last|next|this|early|late|mid-)$/.test(word) ? m.index : m.index + m[1].length + 1;
    const dir = word === 'last' ? 'past' : word === 'next' ? 'future' : word === 'this' ? 'this' : 'tense';
    return { start, end: m.index + m[0].length, kind: 'month', value: null, grain: null, anchor: `monthname:${pad(mo)}:${dir}` };
  },
});
// years: "in 2022", "by 2030" (deadline), "the 2016 election", "since 2014"
const BEFORE_YEAR = 'in|since|until|till|by|from|through|during|before|after|of|early|late|mid-|the|and|to|between|year|around|circa|for|end of|start of|below|above|than|by the end of|until at least|by at least|until the end of';
PATTERNS.push({
  near: { word: new RegExp(YEAR_RE, 'g'), before: longest(BEFORE_YEAR) + 1 },
  re: new RegExp(`\\b(${cap(BEFORE_YEAR)}) ${YEAR_RE}\\b(?![-–.,]?\\d|%| percent| per\\b| people| (?:km|miles|meters|troops|soldiers|votes|delegates|members|workers|jobs|tons|barrels|cases|deaths)\\b)`, 'gi'),
  make: (m) => {
    const word = m[1].toLowerCase();
    const y = Number(m[2]);
    if (/^(by|until|till)\b/.test(word)) {
      return { start: m.index, end: m.index + m[0].length, kind: 'deadline', value: String(y), grain: 'year' };
    }
    const start = /^(early|late|mid-|end of|start of)$/.test(word) ? m.index : m.index + m[1].length + 1;
    if (word === 'the' && /^\d/.test(m.input.slice(m.index + m[0].length + 1, m.index + m[0].length + 2))) return null;
    return { start, end: m.index + m[0].length, kind: 'year', value: String(y), grain: 'year' };
  },
});
// weekdays
const BEFORE_WEEKDAY = 'last|next|this|on|late|early|until|by|since';
PATTERNS.push({
  near: { word: WEEKDAY_WORD, before: longest(BEFORE_WEEKDAY) + 1 + longest(WEEKDAY_PATTERN) - 'day'.length },
  re: new RegExp(`\\b(?:(${BEFORE_WEEKDAY}) )?${WEEKDAY_RE}(?:'s|’s)?(?: (morning|afternoon|evening|night))?\\b`, 'g'),
  make: (m) => {
    const word = (m[1] ?? '').toLowerCase();
    const wd = m[2].toLowerCase();
    const dir = word === 'last' ? 'last' : word === 'next' ? 'next' : word === 'this' ? 'this' : 'tense';
    const start = /^(last|next|this|late|early)$/.test(word) ? m.index : m.index + (m[1] ? m[1].length + 1 : 0);
    return { start, end: m.index + m[0].length, kind: 'weekday', value: null, grain: null, anchor: `weekday:${wd}:${dir}` };
  },
});
// yesterday, today, tomorrow, tonight
PATTERNS.push({
  re: /\b(yesterday|today|tomorrow|tonight|Yesterday|Today|Tomorrow|Tonight)\b/g,
  make: (m) => {
    const off = { yesterday: -1, today: 0, tonight: 0, tomorrow: 1 }[m[1].toLowerCase()] ?? 0;
    return { start: m.index, end: m.index + m[0].length, kind: 'relative', value: null, grain: null, anchor: `day:${off}` };
  },
});
// last week / next month / this year / earlier this month / past week
PATTERNS.push({
  re: /\b(?:(earlier|later) )?(last|next|this|past|coming) (week|weekend|month|year)\b/gi,
  near: { word: /week|month|year/gi, before: 'earlier coming '.length },
  make: (m) => {
    const rel = m[2].toLowerCase();
    const unit = m[3].toLowerCase();
    const off = rel === 'last' || rel === 'past' ? -1 : rel === 'next' || rel === 'coming' ? 1 : 0;
    return { start: m.index, end: m.index + m[0].length, kind: 'relative', value: null, grain: null, anchor: `${unit}:${off}` };
  },
});
// "two days ago", "three years ago"
PATTERNS.push({
  re: /\b(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?) (day|week|month|year)s? ago\b/gi,
  // ("seventy-seven months ago")
  near: { word: /ago/gi, before: 'seventy-seven months '.length },
  make: (m) => {
    const w = m[1].toLowerCase();
    const n = /^\d/.test(w) ? Number(w) : w === 'a' || w === 'an' ? 1 : (spelledNumber(w) ?? 0);
    if (!n || m[1].toLowerCase() === 'several' || m[1].toLowerCase() === 'few') return null;
    return { start: m.index, end: m.index + m[0].length, kind: 'relative', value: null, grain: null, anchor: `${m[2].toLowerCase()}:${-n}` };
  },
});
// clock times: "5 p.m.", "10:30 a.m. ET", "17:00 GMT"; "3 p. m." and "1:30 a. m" as tokenised copies write them
PATTERNS.push({
  re: new RegExp(`\\b(\\d{1,2})(?:[:.](\\d{2}))? ?([ap]\\. ?m\\.|[ap]\\. m\\b|am\\b|pm\\b|AM\\b|PM\\b)(?: \\(?${TZ_RE}\\)?)?|\\b([01]?\\d|2[0-3]):(\\d{2}) ${TZ_RE}\\b|\\b(noon|midnight)(?: ${TZ_RE}\\b)?`, 'g'),
  make: (m) => {
    let h: number;
    let mi: number;
    let tz: string | undefined;
    if (m[1] !== undefined) {
      h = Number(m[1]);
      mi = m[2] ? Number(m[2]) : 0;
      if (h < 1 || h > 12 || mi > 59) return null;
      const pm = m[3].toLowerCase().startsWith('p');
      if (pm && h < 12) h += 12;
      if (!pm && h === 12) h = 0;
      tz = m[4];
    } else if (m[5] !== undefined) {
      h = Number(m[5]);
      mi = Number(m[6]);
      if (mi > 59) return null;
      tz = m[7];
    } else {
      h = m[8].toLowerCase() === 'noon' ? 12 : 0;
      mi = 0;
      tz = m[9];
    }
    const end = m.index + m[0].length - (m[0].endsWith(')') ? 0 : 0);
    return { start: m.index, end, kind: 'time', value: null, grain: 'minute', anchor: `time:${pad(h)}:${pad(mi)}:${tz ?? ''}` };
  },
});

// (each pattern tried near its word is also tried at one position at a time)
for (const p of PATTERNS) if (p.near) p.at = new RegExp(p.re.source, `${p.re.flags.replace('g', '')}y`);

/** Past/future from the verbs nearest to the expression in its sentence. */
function tenseAt(text: string, sent: Span, pos: number, ownClause = false): 'past' | 'future' | 'none' {
  // the verbs near the expression decide; a window keeps run-on "sentences" linear
  const from = Math.max(sent.start, pos - 200);
  const s = text.slice(from, Math.min(sent.end, pos + 200));
  const rel = pos - from;
  let best: { d: number; t: 'past' | 'future' } | null = null;
  const FUT = /\b(will|'ll|’ll|shall|going to|is to|are to|set to|scheduled|expected to|expected|plans? to|planned|planning|upcoming|due to|would|aims to|intends to|(?:agreed|agree|agrees|pledged|promised|vowed|decided|hopes?|wants?|intends?|plans?) to \w+)\b/gi;
  const PAST = /\b(was|were|had|did|said|met|held|told|came|went|took|gave|made|spoke|signed|arrived|left|began|announced|attended|returned|\w{3,}ed)\b|, (\w{3,}ing)\b/gi;
  for (const [re, t] of [[FUT, 'future'], [PAST, 'past']] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      if (t === 'past' && /^(expected|scheduled|planned|based|used|related|needed|red|bed|need|united|seed|speed|feed|limited)$/i.test(m[0])) continue;
      const d = Math.abs(m.index - rel) + (m.index > rel ? 8 : 0) + (ownClause && acrossClause(s, m.index + (m[0].startsWith(',') ? 1 : 0), rel) ? CLAUSE_PENALTY : 0);
      // "will be held", "is expected to be signed": a participle governed by a future auxiliary
      const tt = t === 'past' && /\b(will|would|’ll|'ll|to be|to have|shall)\s+(?:\w+\s+){0,2}$/i.test(s.slice(Math.max(0, m.index - 30), m.index)) ? 'future' : t;
      if (!best || d < best.d) best = { d, t: tt };
    }
  }
  return best ? best.t : 'none';
}

/**
 * A verb beyond a comma, a semicolon, a dash or a parenthesis from the expression is in another
 * clause ("Clinton, who announced a plan on Monday, plans to focus on jobs"; "the state, which is
 * set to host the contest Tuesday, …"): for a weekday, its tense counts only when no verb of the
 * weekday's own clause is near. (A weekday lies within a week of writing, so its clause's tense
 * decides last or next; for months and dates the nearest verb of the sentence decided better on
 * PolNeAR: 3 of 7 changed right, 9 of 10 for weekdays.)
 */
function acrossClause(s: string, a: number, b: number): boolean {
  return /[,;:()—–]|\s-\s/.test(s.slice(Math.min(a, b), Math.max(a, b)));
}
const CLAUSE_PENALTY = 60;

interface Ref {
  y: number;
  m: number;
  d: number;
  /** Offset of the reference ("+05:30"), if known. */
  offset: string | null;
}

function parseRef(info: DateInfo | null): Ref | null {
  if (!info || typeof info.iso !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?/.exec(info.iso);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (!validDay(y, mo, d)) return null;
  let offset: string | null = null;
  if (m[4]) offset = m[4] === 'Z' ? '+00:00' : m[4].includes(':') ? m[4] : `${m[4].slice(0, 3)}:${m[4].slice(3)}`;
  return { y, m: mo, d, offset };
}

function ymd(t: number): string {
  const dt = new Date(t);
  return `${dt.getUTCFullYear()}-${pad(dt.getUTCMonth() + 1)}-${pad(dt.getUTCDate())}`;
}

const DAY = 86400000;

/** US daylight saving (second Sunday of March to first Sunday of November). */
function usDst(y: number, m: number, d: number): boolean {
  const secondSundayMarch = 14 - new Date(Date.UTC(y, 2, 1)).getUTCDay() + (new Date(Date.UTC(y, 2, 1)).getUTCDay() === 0 ? -7 : 0);
  const firstSundayNov = 7 - new Date(Date.UTC(y, 10, 1)).getUTCDay() + (new Date(Date.UTC(y, 10, 1)).getUTCDay() === 0 ? -6 : 1) - 1;
  const t = Date.UTC(y, m - 1, d);
  return t >= Date.UTC(y, 2, secondSundayMarch) && t < Date.UTC(y, 10, firstSundayNov);
}

/** Resolves one anchor against a reference date. Returns null when it cannot. */
export function resolveAnchor(anchor: string, ref: Ref): { value: string; grain: DatePrecision | null } | null {
  const parts = anchor.split(';');
  if (parts.length === 2 && parts[0].startsWith('time:')) {
    // time + day
    const day = resolveAnchor(parts[1], ref);
    if (day?.grain !== 'day') return day;
    const [, hh, mm, tz] = parts[0].split(':');
    return { value: `${day.value}T${hh}:${mm}${offsetFor(tz, day.value, ref)}`, grain: 'minute' };
  }
  const [type, a, b] = anchor.split(':');
  const base = Date.UTC(ref.y, ref.m - 1, ref.d);
  switch (type) {
    case 'abs':
      return /^\d{4}-\d\d-\d\d$/.test(a) ? { value: a, grain: 'day' } : null;
    case 'day':
      return { value: ymd(base + Number(a) * DAY), grain: 'day' };
    case 'week':
    case 'weekend': {
      // ISO week of the shifted date
      const t = base + Number(a) * 7 * DAY;
      const dt = new Date(t);
      const dow = (dt.getUTCDay() + 6) % 7;
      const thursday = new Date(t - dow * DAY + 3 * DAY);
      const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
      const week = Math.floor((thursday.getTime() - yearStart) / DAY / 7) + 1;
      return { value: `${thursday.getUTCFullYear()}-W${pad(week)}`, grain: null };
    }
    case 'month': {
      const total = ref.y * 12 + (ref.m - 1) + Number(a);
      return { value: `${Math.floor(total / 12)}-${pad((total % 12) + 1)}`, grain: 'month' };
    }
    case 'year':
      return { value: String(ref.y + Number(a)), grain: 'year' };
    case 'weekday': {
      const target = weekdayIndex(a);
      if (target < 0) return null;
      const dow = new Date(base).getUTCDay();
      let delta: number;
      const back = -(((dow - target) % 7) + 7) % 7; // 0..-6
      const fwd = (((target - dow) % 7) + 7) % 7; // 0..6
      if (b === 'last') delta = back === 0 ? -7 : back;
      else if (b === 'next') delta = fwd === 0 ? 7 : fwd;
      else if (b === 'future') delta = fwd;
      else if (b === 'this') delta = fwd;
      else delta = back; // past or no tense: the most recent one
      return { value: ymd(base + delta * DAY), grain: 'day' };
    }
    case 'monthday': {
      const mo = Number(a);
      const d = Number(b);
      const dir = anchor.split(':')[3] ?? 'none';
      let y = ref.y;
      const cand = Date.UTC(y, mo - 1, d);
      if (dir === 'past' && cand > base + DAY) y--;
      else if (dir === 'future' && cand < base - DAY) y++;
      else if (dir === 'none' && cand - base > 180 * DAY) y--;
      if (!validDay(y, mo, d)) return null;
      return { value: `${y}-${pad(mo)}-${pad(d)}`, grain: 'day' };
    }
    case 'monthdayrel': {
      const [, mo, d, off] = anchor.split(':').map(Number);
      const y = ref.y + off;
      return validDay(y, mo, d) ? { value: `${y}-${pad(mo)}-${pad(d)}`, grain: 'day' } : null;
    }
    case 'monthdayrange': {
      const [, mo, d1, d2] = anchor.split(':').map(Number);
      const first = resolveAnchor(`monthday:${pad(mo)}:${pad(d1)}:${anchor.split(':')[4] ?? 'none'}`, ref);
      if (!first) return null;
      const y = Number(first.value.slice(0, 4));
      return validDay(y, mo, d2) ? { value: `${first.value}/${y}-${pad(mo)}-${pad(d2)}`, grain: 'day' } : null;
    }
    case 'monthname': {
      const mo = Number(a);
      let y = ref.y;
      const dir = b === 'tense' ? (anchor.split(':')[3] ?? 'none') : b;
      if (dir === 'last' || dir === 'past') {
        if (mo > ref.m || (dir === 'last' && mo === ref.m)) y--;
      } else if (dir === 'next' || dir === 'future') {
        if (mo < ref.m || (dir === 'next' && mo === ref.m)) y++;
      }
      return { value: `${y}-${pad(mo)}`, grain: 'month' };
    }
    case 'time':
      return null; // a clock time alone does not say which day
    default:
      return null;
  }
}

/**
 * Minutes a named time zone lies east of UTC ("PST" → -480, "GMT" → 0), for comparing clock times
 * written in two zones; a US zone without daylight-saving mark ("PT") needs `day` (YYYY-MM-DD);
 * null for "local time" or a zone not listed.
 */
export function zoneOffsetMinutes(tz: string, day?: string): number | null {
  const fixed = TZ_OFFSETS[tz];
  if (fixed) return (fixed.startsWith('-') ? -1 : 1) * (Number(fixed.slice(1, 3)) * 60 + Number(fixed.slice(4, 6)));
  if (!US_ZONES[tz] || !day || !/^\d{4}-\d\d-\d\d/.test(day)) return null;
  return Number(offsetFor(tz, day, { y: 0, m: 0, d: 0, offset: null }).slice(0, 3)) * 60;
}

function offsetFor(tz: string, day: string, ref: Ref): string {
  if (!tz) return ref.offset ?? '';
  if (TZ_OFFSETS[tz]) return TZ_OFFSETS[tz];
  const us = US_ZONES[tz];
  if (us) {
    const [y, m, d] = day.split('-').map(Number);
    const h = usDst(y, m, d) ? us[0] : us[1];
    return `${h < 0 ? '-' : '+'}${pad(Math.abs(h))}:00`;
  }
  return ref.offset ?? ''; // "local time"
}

/** Finds time expressions. With `published`, relative ones are resolved; without, they keep their anchor. */
export function findTimes(text: string, sentences: Span[], published: DateInfo | null): TimeExpr[] {
  if (!text) return [];
  const cands: Candidate[] = [];
  const places = wordPlaces(text);
  for (const p of PATTERNS) {
    eachMatch(p, text, places, (m) => {
      const c = p.make(m);
      if (c && c.end > c.start) cands.push(c);
    });
  }
  // longest first, then drop overlaps
  cands.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: Candidate[] = [];
  for (const c of cands) {
    const last = kept[kept.length - 1];
    if (last && c.start < last.end) {
      if (c.end - c.start > last.end - last.start) kept[kept.length - 1] = c;
      continue;
    }
    kept.push(c);
  }
  // sentence of a position
  let si = 0;
  const sentAt = (pos: number): Span => {
    while (si + 1 < sentences.length && sentences[si + 1].start <= pos) si++;
    return sentences[si] ?? { start: 0, end: text.length };
  };
  // "Thursday, Aug. 11, 2016": the weekday only repeats the date
  for (let i = 0; i + 1 < kept.length; i++) {
    const a = kept[i];
    const b = kept[i + 1];
    if (a.kind === 'weekday' && b.kind === 'date' && /^,? $/.test(text.slice(a.end, b.start))) {
      kept.splice(i, 2, { ...b, start: a.start });
    }
  }
  // combine a clock time with an adjacent day ("5 p.m. ET Tuesday", "Tuesday at 5 p.m.", "at 10 a.m. on May 6")
  const merged: Candidate[] = [];
  for (let i = 0; i < kept.length; i++) {
    const c = kept[i];
    const next = kept[i + 1];
    if (next && ((c.kind === 'time' && isDay(next)) || (isDay(c) && next.kind === 'time'))) {
      const gap = text.slice(c.end, next.start);
      if (/^(?:,? (?:on|at|local time|,)?\s?|\s)$/.test(gap) || /^ (?:on|at) $/.test(gap)) {
        const time = c.kind === 'time' ? c : next;
        const day = c.kind === 'time' ? next : c;
        const dayAnchor = day.anchor ?? (day.value ? `abs:${day.value}` : '');
        merged.push({ start: c.start, end: next.end, kind: 'datetime', value: null, grain: null, anchor: `${time.anchor};${dayAnchor}` });
        i++;
        continue;
      }
    }
    merged.push(c);
  }
  const ref = parseRef(published);
  const out: TimeExpr[] = [];
  for (const c of merged) {
    let anchor = c.anchor;
    if (anchor) {
      const sent = sentAt(c.start);
      const tense = tenseAt(text, sent, c.start, /(?:^|;)weekday:/.test(anchor));
      anchor = anchor.replace(/(weekday:\w+):tense$/, `$1:${tense === 'future' ? 'future' : 'past'}`);
      anchor = anchor.replace(/(monthname:\d\d):tense$/, `$1:tense:${tense}`);
      anchor = anchor.replace(/(monthdayrange:\d\d:\d\d:\d\d):tense$/, `$1:${tense}`);
      anchor = anchor.replace(/^(monthday:\d\d-\d\d)$/, `$1:${tense}`).replace(/;(monthday:\d\d-\d\d)$/, `;$1:${tense}`);
      anchor = anchor.replace(/^monthday:(\d\d)-(\d\d)/, 'monthday:$1:$2').replace(/;monthday:(\d\d)-(\d\d)/, ';monthday:$1:$2');
    }
    const t: TimeExpr = {
      span: { start: c.start, end: c.end },
      text: text.slice(c.start, c.end),
      kind: c.kind,
      value: c.value,
      grain: c.grain,
      inferred: false,
    };
    if (anchor) t.anchor = anchor;
    if (t.value === null && anchor) {
      if (anchor.includes(';abs:')) {
        const [tm, abs] = anchor.split(';abs:');
        const [, hh, mm, tz] = tm.split(':');
        t.value = `${abs}T${hh}:${mm}${offsetFor(tz, abs, ref ?? { y: 0, m: 1, d: 1, offset: null })}`;
        t.grain = 'minute';
      } else if (ref) {
        const r = resolveAnchor(anchor, ref);
        if (r) {
          t.value = r.value;
          t.grain = r.grain;
        }
      }
    }
    if (t.kind === 'time' && !ref) t.grain = 'minute';
    out.push(t);
  }
  return out;
}

function isDay(c: Candidate): boolean {
  return c.kind === 'weekday' || (c.kind === 'date' && (c.grain === 'day' || c.anchor !== undefined)) || (c.kind === 'relative' && !!c.anchor?.startsWith('day:'));
}

/**
 * Resolves still-unresolved expressions against `anchor` (e.g. the date of the story the article
 * belongs to). Already resolved ones are returned unchanged; resolved ones get `inferred`.
 */
export function resolveTimes(times: TimeExpr[], anchor: DateInfo, inferred: boolean): TimeExpr[] {
  const ref = parseRef(anchor);
  return times.map((t) => {
    if (t.value !== null || !t.anchor || !ref) return t;
    const r = resolveAnchor(t.anchor, ref);
    if (!r) return t;
    return { ...t, value: r.value, grain: r.grain, inferred };
  });
}

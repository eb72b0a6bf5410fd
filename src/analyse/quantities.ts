/**
 * Quantities with unit, qualifier and what is counted: "over seven-hour-long talks" (duration,
 * more than 7 h, talks), "approximately four hours of talks" (about 4 h), "three-and-a-half hour
 * meeting" (3.5 h), "more than 20 cooperation agreements" (count > 20, agreements), "at least 27
 * million people", "$2.5 million" (2 500 000 USD), "13 countries", percentages, ranges
 * ("between 10 and 20"), spelled-out numbers ("two dozen", "twenty-five"), halves ("half a mile",
 * "a mile and a half", "two hours and a half"), fractions ("2 1/2 years") and durations in several
 * units or written like a clock, each one value ("2 hours 15 minutes" 2.25 h, "3 years, 4 months"
 * 40 months, "6:00 minutes" 0.1 h).
 *
 * Units: durations of seconds to weeks normalised to hours (`h`); months and years kept as `month`
 * and `year`; money as ISO currency codes; `%` and `pp` (percentage points); `km`, `mi`, `m`, `kg`, `nmi`
 * (nautical miles), `lb` (pounds of weight: "weighing 130 pounds", "5-foot-8, 135 pounds"; other pounds are GBP), `t`, `bbl`; `people` for people/persons; `count` for any other counted noun (`counted` is the head
 * noun as written, lower-cased: "talks", "agreements", "countries").
 * Not quantities: years and dates ("in 2022", "May 9"), clock times, ordinals, numbers inside
 * names or codes ("G20", "COVID-19", "Su-57"), anything that is not a finite number ("10^400").
 */
import type { Quantity, QuantityQualifier, Span } from '../model/types.js';
import { monthNumber } from '../text/calendar.js';
import { bareFigures } from './bare-figures.js';
import { MAYBE_ORDINAL, readOrdinal } from './ordinals.js';
import { dataRows } from '../text/lexicon.js';
import { wordTable } from '../text/word-table.js';
import { hyphenJoined, MAYBE_NUMBER, type NumberRead, type NumberWord, ORDINAL_SMALL, PERIODS_OF_PLAY, readNumber, SCALES, SMALL, spelledNumber, TENS } from '../text/numbers.js';

type Word = NumberWord;

// ("2, 000ft": a thousands group after a comma and a space, as text rebuilt from tokens spaces it;
// only a group starting with 0, which no list of separate numbers holds)
const WORD_RE = /(?<!\p{L})(?:US|CA?|AU?|NZ|HK|S)\$|[$€£¥₹]|\d+(?:,\d{3}|, 0\d\d)*(?:\.\d+)?|[\p{L}]+(?:['’][\p{L}]+)?|%|\S/gu;

const DURATION_H: Readonly<Record<string, number>> = wordTable({
  second: 1 / 3600, seconds: 1 / 3600, sec: 1 / 3600, secs: 1 / 3600, minute: 1 / 60, minutes: 1 / 60, min: 1 / 60, mins: 1 / 60,
  hour: 1, hours: 1, hr: 1, hrs: 1, day: 24, days: 24, week: 168, weeks: 168,
});
const CALENDAR: Readonly<Record<string, string>> = wordTable({ month: 'month', months: 'month', year: 'year', years: 'year' });
// the dollars of other countries carry the country's letters before the sign ("C$40M" is Canadian)
const CURRENCY_SYMBOL: Readonly<Record<string, string>> = wordTable({
  $: 'USD', US$: 'USD', C$: 'CAD', CA$: 'CAD', A$: 'AUD', AU$: 'AUD', NZ$: 'NZD', HK$: 'HKD', S$: 'SGD', '€': 'EUR', '£': 'GBP', '¥': 'CNY', '₹': 'INR',
});
const CURRENCY_WORD: Readonly<Record<string, string>> = wordTable({
  dollars: 'USD', dollar: 'USD', euros: 'EUR', euro: 'EUR', pounds: 'GBP', yuan: 'CNY', renminbi: 'CNY', rubles: 'RUB',
  roubles: 'RUB', ruble: 'RUB', rouble: 'RUB', rupees: 'INR', rupee: 'INR', yen: 'JPY', usd: 'USD', eur: 'EUR', gbp: 'GBP',
  rub: 'RUB', cny: 'CNY', inr: 'INR',
});
/**
 * The letters financial copy writes for the scale of a sum, glued or spaced ("$200MM", "$1.2B",
 * "€12mln", "$2tn"): read only with a currency sign or code before or a currency word after, as
 * after a bare number "5M" is metres and "MM" a numeral.
 */
const MONEY_SCALE: Readonly<Record<string, number>> = wordTable({ k: 1e3, m: 1e6, mm: 1e6, mn: 1e6, mln: 1e6, b: 1e9, bn: 1e9, bln: 1e9, tn: 1e12 });
/** "Rs" and the currency codes (written upper-case) that come before a sum: "EUR 3bn", "INR 500". */
const currencyBefore = (w: Word): string | undefined => (w.text === 'Rs' ? 'INR' : /^[A-Z]{3}$/.test(w.text) ? CURRENCY_WORD[w.lw] : undefined);
const MEASURE: Readonly<Record<string, string>> = wordTable({
  km: 'km', kilometres: 'km', kilometers: 'km', kilometre: 'km', kilometer: 'km', miles: 'mi', mile: 'mi', metres: 'm',
  meters: 'm', metre: 'm', meter: 'm', kg: 'kg', kilograms: 'kg', kilogram: 'kg', tonnes: 't', tons: 't', tonne: 't', ton: 't',
  barrels: 'bbl', barrel: 'bbl', feet: 'ft', foot: 'ft', ft: 'ft', m: 'm', lbs: 'lb', lb: 'lb',
  // (nautical miles: "nautical miles" is read with the word after it; "nm" is left alone, as chip makers' "5nm" is nanometres)
  nmi: 'nmi',
});

/** Units of speed written as one word ("150 kph", "90 mph"). */
const SPEED: Readonly<Record<string, string>> = wordTable({ mph: 'mph', kph: 'km/h', kmh: 'km/h' });
/** After a unit of distance, what makes it a speed: "/h", "per hour", "an hour". */
const SPEED_TAIL = /^(?:\s*\/\s*h(?:r|our)?\b|\s+(?:per|an|a)\s+hour\b)/i;

/** Qualifier phrases, matched on the lower-cased words just before the number (longest first). */
const QUALIFIERS: [string, QuantityQualifier][] = [
  ['more than', 'more-than'], ['greater than', 'more-than'], ['upwards of', 'more-than'], ['in excess of', 'more-than'],
  ['no fewer than', 'at-least'], ['no less than', 'at-least'], ['at least', 'at-least'], ['a minimum of', 'at-least'],
  ['no more than', 'at-most'], ['at most', 'at-most'], ['up to', 'at-most'], ['a maximum of', 'at-most'],
  ['less than', 'less-than'], ['fewer than', 'less-than'], ['close to', 'about'], ['an estimated', 'about'], ['as many as', 'at-most'], ['approximate', 'about'],
  ['some', 'about'], ['about', 'about'], ['around', 'about'], ['approximately', 'about'], ['approx', 'about'],
  ['roughly', 'about'], ['nearly', 'about'], ['almost', 'about'], ['circa', 'about'], ['over', 'more-than'],
  ['above', 'more-than'], ['exceeding', 'more-than'], ['under', 'less-than'], ['below', 'less-than'],
  ['just over', 'more-than'], ['just under', 'less-than'], ['well over', 'more-than'],
];

const STOP_AFTER = new Set(
  [
    'of in on at to from for by with and or but that which who was were is are be been has have had will would said says as than per a an the this these those it its their his her after before during since into over under about while when where if not also',
    // the rest of English's closed class of prepositions (UD English ADP): never what a figure
    // counts ("on state route 94 near the town" is no count of "near")
    'near across along toward towards against between among amid outside inside within without through throughout via onto upon beside besides behind beyond past despite off around',
  ]
    .join(' ')
    .split(' '),
);

/** Words before a four-digit number that make it a year ("below 2005 levels", "since 2014"). */
const YEAR_CONTEXT = new Set('in since by from below above than of until till before after during the through between around'.split(' '));


function words(text: string, span: Span): Word[] {
  const out: Word[] = [];
  const re = WORD_RE;
  re.lastIndex = 0;
  const slice = text.slice(span.start, span.end);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    // "5-foot-8,135 pounds": a height's inches, then a comma and the weight, not 8,135
    if (/^\d{1,2},\d{3}$/.test(m[0]) && /(?:foot|feet|ft)-$/i.test(slice.slice(Math.max(0, m.index - 5), m.index))) {
      const at = span.start + m.index;
      const comma = m[0].indexOf(',');
      out.push({ start: at, end: at + comma, text: m[0].slice(0, comma), lw: m[0].slice(0, comma) });
      out.push({ start: at + comma, end: at + comma + 1, text: ',', lw: ',' });
      out.push({ start: at + comma + 1, end: at + m[0].length, text: m[0].slice(comma + 1), lw: m[0].slice(comma + 1) });
      continue;
    }
    out.push({ start: span.start + m.index, end: span.start + m.index + m[0].length, text: m[0], lw: m[0].toLowerCase() });
  }
  return out;
}

/** A designation: a capital and up to four letters, then digits, hyphen-joined or glued ("F-16", "AH-64", "B52", "MiG-29", "F/A-18", "F-16I"). */
const DESIGNATION = /^\p{Lu}[\p{L}/]{0,4}-?\d{1,4}\p{Lu}?$/u;

/** The words from i written as one word (letters, digits, hyphens and slashes with no space between them), joined, and the index of the last. */
function gluedRun(ws: Word[], i: number): { text: string; last: number } {
  let last = i;
  while (last + 1 < ws.length && ws[last + 1].start === ws[last].end && /^(?:[\p{L}\d]|[-/]$)/u.test(ws[last + 1].text)) last++;
  return { text: ws.slice(i, last + 1).map((w) => w.text).join(''), last };
}

/** "four F-16s": a plural designation after the number is what it counts (as one word, "f-16s"). */
function pluralDesignation(ws: Word[], i: number): { head: Word; idx: number } | null {
  if (!ws[i] || !/^\p{Lu}/u.test(ws[i].text)) return null;
  const run = gluedRun(ws, i);
  const m = /^(.+?)['’]?s$/u.exec(run.text);
  if (!m || !DESIGNATION.test(m[1])) return null;
  return { head: { start: ws[i].start, end: ws[run.last].end, text: run.text, lw: run.text.toLowerCase() }, idx: run.last };
}

/**
 * "two Qassam rockets", "three AH-64 helicopters", "three Hamas militants": up to two capitalised
 * words or designations before a lower-case word modify it; the index of that word, else i (a
 * name with no common noun after it, "5 Main St", counts nothing; a month starts a date).
 */
function afterNameModifier(ws: Word[], i: number): number {
  let k = i;
  for (let n = 0; n < 2 && k < ws.length; n++) {
    const w = ws[k];
    if (!/^\p{Lu}/u.test(w.text) || monthNumber(w.lw) > 0) break;
    const run = gluedRun(ws, k);
    if (!/^\p{Lu}[\p{L}]*$/u.test(run.text) && !DESIGNATION.test(run.text)) break;
    k = run.last + 1;
    // "9 RPG 7 launchers", "two B 52 bombers": a model designation written with a space between its
    // capitals and its number is one modifier (the guns are 12, not 47)
    if (/^\p{Lu}{1,4}$/u.test(run.text) && /^\d{1,4}$/.test(ws[k]?.text ?? '') && ws[k].start > ws[run.last].end) k++;
  }
  // a plural noun follows, at most one other word before it ("F-16 fighter jets"); else the name
  // is what is counted or nothing is ("13 Republicans voted", "five Chinese died")
  const plural = (w: Word | undefined) => !!w && /^\p{Ll}+$/u.test(w.text) && !STOP_AFTER.has(w.lw) && ((PLURAL_HEAD.test(w.lw) && !/ss$/.test(w.lw)) || IRREGULAR_PLURAL.test(w.lw));
  const common = (w: Word | undefined) => !!w && /^\p{Ll}+$/u.test(w.text) && !STOP_AFTER.has(w.lw) && !/(?:ed|ing)$/.test(w.lw);
  return k > i && (plural(ws[k]) || (common(ws[k]) && plural(ws[k + 1]))) ? k : i;
}
const IRREGULAR_PLURAL = /^(?:people|children|men|women|police|staff|personnel|troops|aircraft)$/;

const QUALIFIER_PARTS: [string[], QuantityQualifier][] = QUALIFIERS.map(([p, q]) => [p.split(' '), q]);


function qualifierBefore(ws: Word[], i: number): { q: QuantityQualifier; start: number } | null {
  for (const [parts, q] of QUALIFIER_PARTS) {
    const k = i - parts.length;
    if (k < 0) continue;
    let ok = true;
    for (let p = 0; p < parts.length; p++) if (ws[k + p].lw !== parts[p]) ok = false;
    if (ok) return { q, start: ws[k].start };
  }
  return null;
}

const PLURAL_HEAD = /[^s]s$/;

/** "dozens of" (24-144), "hundreds of" (200-999), "thousands of", "millions of", "billions of"; "tens" only with a scale. */
const VAGUE: Readonly<Record<string, [number, number]>> = wordTable({
  dozens: [24, 144], hundreds: [200, 999], thousands: [2000, 9999], millions: [2e6, 9.99e6], billions: [2e9, 9.99e9], tens: [20, 99],
});
const VAGUE_SCALE: Readonly<Record<string, number>> = wordTable({ thousands: 1e3, millions: 1e6, billions: 1e9 });

/**
 * The counted noun after index i: up to three words, the last before a stop word or punctuation.
 * A name or a model designation before a common noun modifies it ("two Qassam rockets", "three
 * AH-64 helicopters": rockets, helicopters); a plural designation is the counted thing itself
 * ("four F-16s").
 */
function countedAfter(ws: Word[], i: number): { head: Word; idx: number } | null {
  const designation = pluralDesignation(ws, i);
  if (designation) return designation;
  const from = afterNameModifier(ws, i);
  let head: { head: Word; idx: number } | null = null;
  for (let k = from; k < ws.length && k < from + 3; k++) {
    const w = ws[k];
    if (!/^\p{L}+$/u.test(w.text) || STOP_AFTER.has(w.lw) || monthNumber(w.lw) > 0) break;
    if (k > i && /(ed|ing)$/.test(w.lw) && !/^(meeting|building|briefing|funding|hearing|ceasefire)$/.test(w.lw)) break;
    if (/^\p{Lu}/u.test(w.text) && k === from && !/^\p{Lu}\p{Ll}+s$/u.test(w.text)) break; // "13 Republicans" keeps, "5 Main St" does not
    head = { head: w, idx: k };
    if (hyphenJoined(ws, k)) break;
    if (PLURAL_HEAD.test(w.lw) && !/ss$/.test(w.lw)) break; // "world leaders [attend]"
    if (/^(people|children|men|women|police|staff|personnel|troops|talks)$/.test(w.lw)) break;
  }
  return head;
}

/** Finds quantities in `text`. */
export function findQuantities(text: string, sentences: Span[]): Quantity[] {
  if (!text) return [];
  const plain = findPlainQuantities(text, sentences);
  const spans = sentences.length ? sentences : [{ start: 0, end: text.length }];
  const measures = spans.flatMap((s) => findMeasures(text, s));
  const byStart = (a: Quantity, b: Quantity) => a.span.start - b.span.start || a.span.end - b.span.end;
  // a magnitude or an age read whole replaces the plain reading of its number ("6.1-magnitude quake")
  const read = measures.length ? [...plain.filter((q) => !measures.some((m) => m.numberStart >= q.span.start && m.numberStart < q.span.end)), ...measures.map((m) => m.q)].sort(byStart) : plain;
  // "Roe now has 2,301.": a figure written with no noun takes its holder's (bare-figures.ts)
  const bare = bareFigures(text, spans, read);
  const figures = bare.length ? [...read, ...bare].sort(byStart) : read;
  // "the sixth defense", "in the 4th quarter": places in a series (ordinals.ts), where no figure is read
  const ordinals = spans.flatMap((s) => findOrdinals(text, s)).filter((o) => !figures.some((q) => q.span.start < o.span.end && o.span.start < q.span.end));
  return ordinals.length ? [...figures, ...ordinals].sort(byStart) : figures;
}

function findOrdinals(text: string, sent: Span): Quantity[] {
  if (!MAYBE_ORDINAL.test(text.slice(sent.start, sent.end))) return [];
  const ws = words(text, sent);
  const out: Quantity[] = [];
  for (let i = 0; i < ws.length; i++) {
    const o = readOrdinal(text, ws, i, STOP_AFTER);
    if (o) out.push(o);
  }
  return out;
}

const NUM = String.raw`(\d{1,2}(?:\.\d{1,2})?)`;
/** Seismic magnitudes: "6.1-magnitude", "magnitude-5.9", "a magnitude of 6", "3.8 on the Richter scale". */
const MAGNITUDE_RES = [
  new RegExp(String.raw`\b(?:magnitude|richter)(?:[\s-]+(?:of|at|was|is|as|measured|reached|put|least|about|around|nearly|some|approximately))*[\s-]+${NUM}(?![\d.,]\d)`, 'giu'),
  new RegExp(String.raw`(?<![\d.])${NUM}(?:[\s-]+(?:on the\s+)?(?:magnitude|richter)\b(?:\s+scale)?)`, 'giu'),
];
/** "it was 6.1", "at 5.9" with nothing after but the clause's end: a magnitude when the sentence gives one (see findMeasures). */
const ELLIPTIC_MAGNITUDE = /\b(?:it was|it is|was put at|at)\s+(\d\.\d)(?=\s*(?:[.,;]|$))/giu;
/** Ages: "33-year-old", "Sixty-year-old", "sixty-one-year-old", "aged 70", "Jane Roe, 33, said". */
const AGE_RES = [
  /(?<![\d.])(\d{1,3})[\s-]+years?[\s-]+old\b/giu,
  /(?<![\p{L}-])(\p{L}+(?:-\p{L}+)?)[\s-]+years?[\s-]+old\b/giu,
  /\bage[ds]?\s+(\d{1,3})\b(?![\d.,]\d)/giu,
  /(?<=\p{Lu}[\p{L}’'.-]*,\s)(\d{1,3})(?=,\s)/gu,
  // a list of two ages: "61 and 48 years old", "8-and 10-year-old girls" (the first), "girls age 6 and 8" (the second)
  /(?<![\d.])(?<!\bbetween\s+)(\d{1,3})(?=\s*-?\s*and\s+\d{1,3}[\s-]+years?[\s-]+old\b)/giu,
  /(?<=\bage[ds]?\s+\d{1,3}\s+and\s+)(\d{1,3})\b(?![\d.,]\d)/giu,
  // a relative clause on a name: "Jane Roe, who is 34, won"
  /(?<=\p{Lu}[\p{L}’'.-]*,\s+who\s+(?:is|was)\s+)(\d{1,3})(?=\s*,)/gu,
];
/** What each of AGE_RES needs (AGE_GATE_OF: which), with the same flags: "N years old", "age N", ", N". */
const AGE_GATES = [/years?[\s-]+old\b/iu, /\bage[ds]?\s+\d/iu, /,\s\d/u, /,\s+who\s+(?:is|was)\s+\d/u];
const AGE_GATE_OF = [0, 0, 1, 2, 0, 1, 3];
const MEASURED_NOUN = /^[\s-]*(\p{Ll}{3,})/u;
const NOUN_BEFORE_MAGNITUDE =
  /(\p{Ll}{3,})\s+(?:measuring|registering|of|with|had)\s+(?:(?:at least|about|nearly|around|some|approximately|over)\s+)?(?:an?\s+)?(?:preliminary\s+|estimated\s+)?(?:magnitude|richter)?[\s-]*$/u;

interface Measure {
  q: Quantity;
  numberStart: number;
}

/**
 * The words of the sentence up to `end`, as `words` reads that stretch, without reading it again for
 * every figure (a long sentence of many ages was quadratic): the sentence's words that end by `end`
 * are the same words when none runs across `end` (a match that ends before the cut is the match the
 * shorter text gives: the word pattern looks nowhere ahead); when one does, the stretch is read.
 */
function wordsBefore(text: string, sent: Span, all: Word[], end: number): { ws: Word[]; n: number } {
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid].end <= end) lo = mid + 1;
    else hi = mid;
  }
  if (lo < all.length && all[lo].start < end) {
    const ws = words(text, { start: sent.start, end });
    return { ws, n: ws.length };
  }
  return { ws: all, n: lo };
}

function findMeasures(text: string, sent: Span): Measure[] {
  const chunk = text.slice(sent.start, sent.end);
  if (!/magnitude|richter|year|age|,\s\d|who\s+(?:is|was)\s+\d/i.test(chunk)) return [];
  const out: Measure[] = [];
  const taken = new Set<number>();
  let sentWords: Word[] | null = null;
  const wordsTo = (end: number) => wordsBefore(text, sent, (sentWords ??= words(text, sent)), end);
  const add = (m: RegExpExecArray, unit: string, counted: string | null) => {
    const numberStart = sent.start + m.index + m[0].indexOf(m[1]);
    if (taken.has(numberStart)) return;
    // digits, or one spelled-out number ("Sixty-year-old"); "several-year-old" is no age
    const value = /^\d/.test(m[1]) ? Number(m[1]) : (spelledNumber(m[1]) ?? Number.NaN);
    if (!Number.isFinite(value) || (unit === 'age' && value > 125) || (unit === 'magnitude' && value > 10)) return;
    // "at least magnitude-5.9" or "a magnitude of at least 5.9": the qualifier before the match or before the number
    const before = wordsTo(sent.start + m.index);
    const inner = wordsTo(numberStart);
    const q = qualifierBefore(inner.ws, inner.n) ?? qualifierBefore(before.ws, before.n);
    const start = q ? q.start : sent.start + m.index;
    const end = sent.start + m.index + m[0].length;
    taken.add(numberStart);
    out.push({ numberStart, q: { span: { start, end }, text: text.slice(start, end), value, low: null, high: null, unit, qualifier: q ? q.q : 'exact', counted } });
  };
  // (both magnitude patterns name the scale: most sentences that pass the test above are about years or ages)
  const magnitudes = /magnitude|richter/iu.test(chunk) ? MAGNITUDE_RES : [];
  for (const re of magnitudes) {
    re.lastIndex = 0;
    for (let m = re.exec(chunk); m; m = re.exec(chunk)) {
      const after = MEASURED_NOUN.exec(chunk.slice(m.index + m[0].length));
      const before = NOUN_BEFORE_MAGNITUDE.exec(chunk.slice(Math.max(0, m.index - 40), m.index));
      // the noun before ("an earthquake measuring 5.9") is surer than the word after, which may be a verb
      const noun = before ? before[1] : after && !STOP_AFTER.has(after[1]) ? after[1] : null;
      add(m, 'magnitude', noun);
    }
  }
  // "put the quake's magnitude at 5.9, but the Survey said it was 6.1": in a sentence that gives a
  // magnitude, a bare figure of one decimal said of "it" or "at" is a second reading of it
  if (out.length) {
    ELLIPTIC_MAGNITUDE.lastIndex = 0;
    for (let m = ELLIPTIC_MAGNITUDE.exec(chunk); m; m = ELLIPTIC_MAGNITUDE.exec(chunk)) add(m, 'magnitude', null);
  }
  // (each age pattern needs one of three phrases: most sentences that pass the test above have none)
  const gates = AGE_GATES.map((g) => g.test(chunk));
  for (let a = 0; a < AGE_RES.length; a++) {
    if (!gates[AGE_GATE_OF[a]]) continue;
    const re = AGE_RES[a];
    re.lastIndex = 0;
    for (let m = re.exec(chunk); m; m = re.exec(chunk)) add(m, 'age', null);
  }
  return out;
}

/**
 * The words that can start a quantity (lower-cased), besides a word starting with a digit: what
 * readVague and readValue read first (a vague plural, a currency sign or code, a number word, "a"
 * or "an" of "a dozen" and "a mile and a half", "half"). Every other word is passed over without
 * reading (most words of a sentence; and a word named like an Object property, "constructor",
 * is never looked up in the tables below).
 */
const STARTERS = new Set([
  ...Object.keys(VAGUE),
  ...Object.keys(CURRENCY_SYMBOL).map((w) => w.toLowerCase()),
  'rs',
  ...Object.entries(CURRENCY_WORD).filter(([w, code]) => w === code.toLowerCase()).map(([w]) => w),
  ...Object.keys(SMALL),
  ...Object.keys(TENS),
  'a',
  'an',
  'half',
]);
const canStart = (w: Word): boolean => STARTERS.has(w.lw) || (w.text.charCodeAt(0) >= 48 && w.text.charCodeAt(0) <= 57);

function findPlainQuantities(text: string, sentences: Span[]): Quantity[] {
  const out: Quantity[] = [];
  const spans = sentences.length ? sentences : [{ start: 0, end: text.length }];
  for (const sent of spans) {
    if (!MAYBE_NUMBER.test(text.slice(sent.start, sent.end))) continue;
    const ws = words(text, sent);
    for (let i = 0; i < ws.length; i++) {
      if (!canStart(ws[i])) continue;
      const vague = readVague(text, ws, i);
      if (vague === 'skip') continue;
      if (vague) {
        out.push(vague.quantity);
        i = vague.last;
        continue;
      }
      const figure = readFigure(text, ws, i);
      if (!figure) continue;
      out.push(figure.quantity);
      i = Math.max(i, figure.next - 1, figure.last);
      // skip words consumed by the counted noun
      while (i + 1 < ws.length && ws[i + 1].end <= figure.quantity.span.end) i++;
    }
  }
  return out;
}

/**
 * Vague plurals at word i: "tens of thousands of troops", "hundreds of people", "dozens of
 * agreements", with the last word used; 'skip' when word i can start no quantity at all ("tens"
 * without a scale).
 */
function readVague(text: string, ws: Word[], i: number): { quantity: Quantity; last: number } | 'skip' | null {
  const startWord = ws[i];
  const vague = VAGUE[startWord.lw];
  if (!vague || ws[i + 1]?.lw !== 'of' || (i > 0 && /^(\d|one|two|three|four|five|six|seven|eight|nine|ten|several|few|many|the)/.test(ws[i - 1].lw))) return null;
  let [low, high] = vague;
  let k = i + 2;
  const scale = ws[k] ? VAGUE_SCALE[ws[k].lw] : undefined;
  if (scale && ws[k + 1]?.lw === 'of') {
    low *= scale;
    high *= scale;
    k += 2;
  } else if (scale && startWord.lw === 'tens') {
    low *= scale;
    high *= scale;
    k += 1;
  } else if (startWord.lw === 'tens') return 'skip';
  const c = countedAfter(ws, k);
  if (!c || /^(them|us|those|these|you|which|whom)$/.test(c.head.lw)) return null;
  const start = startWord.start;
  const money = CURRENCY_WORD[c.head.lw];
  const quantity: Quantity = {
    span: { start, end: c.head.end },
    text: text.slice(start, c.head.end),
    value: (low + high) / 2,
    low,
    high,
    unit: money ?? (c.head.lw === 'people' || c.head.lw === 'persons' ? 'people' : 'count'),
    qualifier: 'range',
    counted: money ? null : c.head.lw,
  };
  return { quantity, last: c.idx };
}

/** A figure being read: its value so far, and where it starts and ends. */
interface Figure {
  /** Index of the currency sign or of the number's first word. */
  numIdx: number;
  num: NumberRead;
  currency: string | null;
  value: number;
  low: number | null;
  high: number | null;
  qualifier: QuantityQualifier;
  /** Whether the qualifier was written before the figure ("more than"). */
  qualified: boolean;
  start: number;
  end: number;
  /** Index of the last word of the number (or of the range's second number). */
  last: number;
  /** Index of the next word to read. */
  k: number;
  unit: string | null;
  counted: string | null;
}

/** A figure starting at word i, with its unit, qualifier and what it counts; null when there is none, or it is a date, a time or a year. */
function readFigure(text: string, ws: Word[], i: number): { quantity: Quantity; next: number; last: number } | null {
  const f = readValue(text, ws, i);
  if (!f || !readUnit(text, ws, i, f)) return null;
  const { numIdx, num, currency } = f;
  let { qualifier, end, k } = f;
  // "$2.5 million or more"
  if (qualifier === 'exact' && ws[k]?.lw === 'or' && /^(more|above|higher|over)$/.test(ws[k + 1]?.lw ?? '')) {
    qualifier = 'at-least';
    end = ws[k + 1].end;
    k += 2;
  } else if (qualifier === 'exact' && ws[k]?.lw === 'or' && /^(less|fewer|below|under)$/.test(ws[k + 1]?.lw ?? '')) {
    qualifier = 'at-most';
    end = ws[k + 1].end;
    k += 2;
  }
  let { unit, counted } = f;
  if (!counted && unit !== '%' && unit !== 'pp') {
    const c = countedAfter(ws, k);
    if (c) {
      counted = c.head.lw;
      end = c.head.end;
    }
  }
  // a bare figure governed by a noun or verb that names what it measures: "a population of 120,000",
  // "home to 120,000", "a toll of 50", "injuring 80" (data/lexicons/quantity-frames.tsv)
  if (!unit && !counted) counted = frameNounBefore(ws, numIdx) ?? frameVerbAfter(ws, numIdx, num.last);
  if (!unit) {
    if (!counted) return null;
    // years and dates are not quantities
    const raw = ws[numIdx].text;
    if (/^(1[89]\d\d|2[01]\d\d)$/.test(raw) && num.last === numIdx && (!/s$/.test(counted) || YEAR_CONTEXT.has(ws[numIdx - 1]?.lw ?? ''))) return null;
    if (counted === 'percent') return null;
    unit = counted === 'people' || counted === 'persons' ? 'people' : 'count';
  }
  if (/^(1[89]\d\d|2[01]\d\d)$/.test(ws[numIdx].text) && !currency && unit === 'year') return null;
  const next = ws[num.last + 1];
  if (next && monthNumber(next.lw) > 0 && /^\p{Lu}/u.test(next.text)) return null; // "9 May"
  const prevW = ws[numIdx - 1];
  if (prevW && monthNumber(prevW.lw) > 0 && /^\p{Lu}/u.test(prevW.text) && !currency) return null; // "May 9"
  if (!currency && abbreviatedMonthBefore(ws, numIdx)) return null; // "Sept. 11", "Jan. 6": a day, not a count
  if (next && /^(a\.?m|p\.?m)$/i.test(next.text + (ws[num.last + 2]?.text === '.' ? '' : ''))) return null;
  if (next && (next.lw === 'a' || next.lw === 'p') && ws[num.last + 2]?.text === '.') return null;
  const { start, value, low, high } = f;
  return { quantity: { span: { start, end }, text: text.slice(start, end), value, low, high, unit, qualifier, counted }, next: k, last: f.last };
}

/**
 * "the 19 Sept. 11 hijackers", "since Jan. 6": a number right after a month's abbreviation and its
 * point (the point written onto the abbreviation) is the day of that month, as US newsrooms write
 * dates, not a count of the noun after it.
 */
function abbreviatedMonthBefore(ws: Word[], numIdx: number): boolean {
  const dot = ws[numIdx - 1];
  const month = ws[numIdx - 2];
  if (dot?.text !== '.' || !month || month.end !== dot.start || month.text.length > 4) return false;
  return monthNumber(month.lw) > 0 && /^\p{Lu}/u.test(month.text) && /^\d{1,2}$/.test(ws[numIdx]!.text);
}

/** Units a fraction written onto a whole number measures: durations, months and years, distances and weights. */
function unitOfTimeOrMeasure(u: Word | undefined): boolean {
  return !!u && (DURATION_H[u.lw] !== undefined || !!CALENDAR[u.lw] || !!MEASURE[u.lw]);
}

/**
 * "served 41 / 2 months", "a 4-1 / 2-month prison term": a whole number and a half (or a quarter)
 * whose glyph ("4½") a copy flattened to "1/2", losing the space before it ("41/2") or spacing the
 * slash as text rebuilt from tokens spaces it ("4-1 / 2"). Read as 4.5 only right before a unit of
 * time or measure: 41 halves of a month is no figure news writes, and "21/2" elsewhere may be a date.
 */
function flattenedFraction(ws: Word[], i: number): NumberRead | null {
  const w = ws[i];
  const hyphen = ws[i + 1]?.text === '-' && ws[i + 1].start === w.end && ws[i + 2]?.start === ws[i + 1].end;
  let whole: number;
  let numerator: number;
  let k: number;
  let numEnd: number;
  if (hyphen && /^\d{1,2}$/.test(w.text) && /^\d$/.test(ws[i + 2].text)) {
    [whole, numerator, k, numEnd] = [Number(w.text), Number(ws[i + 2].text), i + 3, ws[i + 2].end];
  } else if (/^[1-9]\d{1,2}$/.test(w.text)) {
    [whole, numerator, k, numEnd] = [Number(w.text.slice(0, -1)), Number(w.text.slice(-1)), i + 1, w.end];
  } else return null;
  const [bar, den] = [ws[k], ws[k + 1]];
  if (bar?.text !== '/' || !den || !/^[24]$/.test(den.text)) return null;
  const spaced = bar.start > numEnd && den.start > bar.end;
  // (the tight hyphen form "4-1/2" is the number reader's)
  if (!(spaced || (!hyphen && bar.start === numEnd && den.start === bar.end))) return null;
  if (numerator < 1 || numerator >= Number(den.text) || numerator % 2 === 0) return null;
  const unit = hyphenJoined(ws, k + 1) ? ws[k + 3] : ws[k + 2];
  if (!unitOfTimeOrMeasure(unit)) return null;
  return { value: whole + numerator / Number(den.text), last: k + 1, spelled: false };
}

/**
 * "served 4\uFFFD months": a fraction glyph written onto a whole number and lost in decoding (the
 * replacement character) before a unit of time or measure: between the whole number and the next.
 */
function lostFraction(text: string, ws: Word[], num: NumberRead): boolean {
  const last = ws[num.last];
  const mark = ws[num.last + 1];
  return !num.spelled && /^\d+$/.test(last.text) && mark?.text === '\uFFFD' && mark.start === last.end && unitOfTimeOrMeasure(ws[num.last + 2]) && text[mark.end] === ' ';
}

/**
 * "$200MM", "€12mln", "40M dollars": digits and a letter scale (MONEY_SCALE) glued or one space
 * apart, a sum when a currency sign or code comes before (`currency`) or a currency word after.
 */
function scaledSum(text: string, ws: Word[], numIdx: number, currency: string | null): NumberRead | null {
  const [w, scale] = [ws[numIdx], ws[numIdx + 1]];
  if (!w || !scale || !/^\d/.test(w.text) || MONEY_SCALE[scale.lw] === undefined || !/^ ?$/.test(text.slice(w.end, scale.start))) return null;
  if (!currency && CURRENCY_WORD[ws[numIdx + 2]?.lw ?? ''] === undefined) return null;
  if (/[\p{L}\d_]/u.test(text[w.start - 1] ?? '')) return null; // "A40M dollars" is a name's
  const value = Number(w.text.replace(/,\s?/g, '')) * MONEY_SCALE[scale.lw];
  return Number.isFinite(value) ? { value, last: numIdx + 1, spelled: false } : null;
}

/**
 * "30K people", "40k jobs": digits with a "K" glued on (thousands) before a plural noun that counts
 * things. Only glued and only before a plural: "a 5K run", "the 10K race" are distances, "K" alone
 * may be a name's initial.
 */
function thousandsBeforePlural(ws: Word[], numIdx: number): NumberRead | null {
  const [w, k, noun] = [ws[numIdx], ws[numIdx + 1], ws[numIdx + 2]];
  if (!w || !k || !noun || !/^\d{1,3}(?:\.\d)?$/.test(w.text) || k.lw !== 'k' || k.start !== w.end || noun.start === k.end) return null;
  const plural = /^\p{Ll}+$/u.test(noun.text) && !STOP_AFTER.has(noun.lw) && ((PLURAL_HEAD.test(noun.lw) && !/ss$/.test(noun.lw)) || IRREGULAR_PLURAL.test(noun.lw));
  return plural ? { value: Number(w.text) * 1e3, last: numIdx + 1, spelled: false } : null;
}

/** The number at word i (after a currency sign), its qualifier ("more than") and range ("10 to 20"). */
function readValue(text: string, ws: Word[], i: number): Figure | null {
  const startWord = ws[i];
  let currency: string | null = null;
  let numIdx = i;
  if (CURRENCY_SYMBOL[startWord.text] !== undefined) {
    currency = CURRENCY_SYMBOL[startWord.text];
    numIdx = i + 1;
    if (numIdx >= ws.length || !/^\d/.test(ws[numIdx].text) || ws[numIdx].start !== startWord.end) return null;
  } else if (currencyBefore(startWord) && ws[i + 1] && /^\d/.test(ws[i + 1 + (ws[i + 1].text === '.' ? 1 : 0)]?.text ?? '')) {
    currency = currencyBefore(startWord)!;
    numIdx = i + 1 + (ws[i + 1].text === '.' ? 1 : 0);
  }
  const w = ws[numIdx];
  // "a mile and a half", "an hour and a half": one unit and a half (the half is read after the unit)
  const oneAndAHalf = (w.lw === 'a' || w.lw === 'an') && andAHalf(ws, numIdx + 2);
  // "half a mile", "half an hour", "half a percent": half of one unit (a scale word is the number reader's: "half a million")
  const unitWord = ws[numIdx + 2]?.lw ?? '';
  const halfA = w.lw === 'half' && /^an?$/.test(ws[numIdx + 1]?.lw ?? '') && (DURATION_H[unitWord] !== undefined || !!CALENDAR[unitWord] || !!MEASURE[unitWord] || !!CURRENCY_WORD[unitWord] || unitWord === 'percent');
  const halfScale = w.lw === 'half' && ws[numIdx + 1]?.lw === 'a' && (unitWord === 'dozen' || (!!SCALES[unitWord] && !/s$/.test(unitWord)));
  if (!/^\d/.test(w.text) && SMALL[w.lw] === undefined && TENS[w.lw] === undefined && !(w.lw === 'a' && /^(dozen)$/.test(ws[numIdx + 1]?.lw ?? '')) && !oneAndAHalf && !halfA && !halfScale) return null;
  // "at 19:30 hours": the minutes of a clock's reading are no span of their own (a clock-style span is read from its first group)
  if (text[w.start - 1] === ':' && /\d/.test(text[w.start - 2] ?? '') && DURATION_H[ws[numIdx + 1]?.lw ?? ''] !== undefined) return null;
  const spanLike = oneAndAHalf || halfA ? null : clockDuration(text, ws, numIdx);
  const reading = spanLike || currency || oneAndAHalf || halfA ? null : gameClock(text, ws, numIdx);
  const num = oneAndAHalf ? { value: 1, last: numIdx, spelled: true } : halfA ? { value: 0.5, last: numIdx + 1, spelled: true } : (spanLike ?? reading ?? flattenedFraction(ws, numIdx) ?? scaledSum(text, ws, numIdx, currency) ?? (currency ? null : thousandsBeforePlural(ws, numIdx)) ?? readNumber(text, ws, numIdx));
  if (!num) return null;
  const lost = lostFraction(text, ws, num);
  // "one" is a pronoun more often than a number: only with a unit right after
  if (num.spelled && (w.lw === 'one' || w.lw === 'zero') && num.last === numIdx) {
    const nx = ws[num.last + 1 + (hyphenJoined(ws, num.last) ? 1 : 0)];
    if (!nx || !(DURATION_H[nx.lw] !== undefined || CALENDAR[nx.lw])) return null;
  }
  const f: Figure = { numIdx, num, currency, value: num.value, low: null, high: null, qualifier: 'exact', qualified: false, start: currency ? startWord.start : w.start, end: 0, last: num.last, k: 0, unit: currency, counted: null };
  if (lost) Object.assign(f, { low: num.value, high: num.value + 1, value: num.value + 0.5, qualifier: 'range', last: num.last + 1 });
  // a game clock's reading is minutes and seconds: a span in hours like any other ("6:00 minutes")
  if (reading) Object.assign(f, { value: reading.value / 60, unit: 'h' });
  const q = qualifierBefore(ws, i);
  if (q) {
    f.qualifier = q.q;
    f.qualified = true;
    f.start = q.start;
  }
  // ranges: "10 to 20", "10-20", "between 10 and 20", "from 10 to 20"
  const sep = ws[f.last + 1];
  if (sep && (sep.lw === 'to' || sep.text === '-' || sep.text === '–' || (sep.lw === 'and' && ws[i - 1]?.lw === 'between')) && ws[f.last + 2]) {
    const at = f.last + 2 + (CURRENCY_SYMBOL[ws[f.last + 2].text] ? 1 : 0);
    const second = scaledSum(text, ws, at, currency) ?? readNumber(text, ws, at);
    if (second && second.value >= f.value && (sep.text !== '-' || !num.spelled)) {
      let low = f.value;
      // "2 to 3 million": the scale of the second applies to the first
      const scale = (w: Word) => SCALES[w.lw] ?? MONEY_SCALE[w.lw];
      if (second.value / f.value >= 1000 && !scale(ws[num.last]) && scale(ws[second.last])) low = f.value * scale(ws[second.last])!;
      f.low = low;
      f.high = second.value;
      f.value = (low + second.value) / 2;
      f.qualifier = 'range';
      f.last = second.last;
      if (ws[i - 1]?.lw === 'between' || ws[i - 1]?.lw === 'from') f.start = Math.min(f.start, ws[i - 1].start);
    }
  }
  f.end = ws[f.last].end;
  return f;
}

/**
 * The unit after the number, hyphen-joined ("seven-hour-long") or separate: %, percentage points,
 * durations (in hours), months and years, money, measures; "four hours of talks". False when the
 * figure is a time expression or an age ("three years ago", "five years old").
 */
function readUnit(text: string, ws: Word[], i: number, f: Figure): boolean {
  let k = hyphenJoined(ws, f.last) ? f.last + 2 : f.last + 1;
  const u = ws[k];
  if (u) {
    if (u.text === '%' || u.lw === 'percent' || u.lw === 'pct' || (u.lw === 'per' && ws[k + 1]?.lw === 'cent')) {
      f.unit = '%';
      f.end = (u.lw === 'per' ? ws[k + 1] : u).end;
      k = u.lw === 'per' ? k + 2 : k + 1;
      if (ws[k - 1].lw === 'percent' && ws[k]?.lw === 'points') {
        f.unit = 'pp';
        f.end = ws[k].end;
        k++;
      }
    } else if (u.lw === 'percentage' && ws[k + 1]?.lw === 'points') {
      f.unit = 'pp';
      f.end = ws[k + 1].end;
      k += 2;
    } else if (!f.currency && DURATION_H[u.lw] !== undefined) {
      const h = DURATION_H[u.lw];
      f.value *= h;
      if (f.low !== null) f.low *= h;
      if (f.high !== null) f.high *= h;
      f.unit = 'h';
      f.end = u.end;
      k++;
    } else if (!f.currency && CALENDAR[u.lw]) {
      f.unit = CALENDAR[u.lw];
      f.end = u.end;
      k++;
      // "add $84 billion over 10 years": "over" a span of time is "during", not "more than"
      if (f.qualified && f.qualifier === 'more-than' && ws[i - 1]?.lw === 'over' && k - 1 === f.last + 1) {
        f.qualifier = 'exact';
        f.start = ws[f.numIdx].start;
      }
      if (ws[k]?.lw === 'ago' || ws[k]?.lw === 'old') return false; // time expressions and ages
    } else if (!f.currency && CURRENCY_WORD[u.lw]) {
      f.unit = /^pounds?$/.test(u.lw) && weighed(ws, f.numIdx) ? 'lb' : CURRENCY_WORD[u.lw];
      f.end = u.end;
      k++;
    } else if (!f.currency && u.lw === 'nautical' && /^miles?$/.test(ws[k + 1]?.lw ?? '')) {
      // "200 nautical miles": the sea mile (1,852 m), not the statute mile
      f.unit = 'nmi';
      f.end = ws[k + 1].end;
      k += 2;
    } else if (!f.currency && MEASURE[u.lw] && !DESIGNATION.test(gluedRun(ws, k).text)) {
      // ("3 M-16 rifles": a designation, not metres)
      f.unit = MEASURE[u.lw];
      f.end = u.end;
      k++;
      // "winds of 150 km/h", "60 miles per hour": a speed, not a distance
      const per = SPEED_TAIL.exec(text.slice(u.end, u.end + 12));
      if (per && (f.unit === 'km' || f.unit === 'mi')) {
        f.unit = f.unit === 'km' ? 'km/h' : 'mph';
        f.end = u.end + per[0].length;
        while (k < ws.length && ws[k].start < f.end) k++;
      }
    } else if (!f.currency && SPEED[u.lw]) {
      f.unit = SPEED[u.lw];
      f.end = u.end;
      k++;
    }
    // "a mile and a half", "two hours and a half": the half after the unit
    if (f.unit && !f.currency && f.unit !== '%' && f.unit !== 'pp' && f.low === null && Number.isInteger(f.value / unitFactor(u.lw)) && andAHalf(ws, k)) {
      const factor = unitFactor(u.lw);
      f.value += 0.5 * factor;
      f.end = ws[k + 2].end;
      k += 3;
    }
    if ((f.unit === 'h' || f.unit === 'month' || f.unit === 'year') && f.low === null && f.end === u.end) k = readCompoundDuration(text, ws, k, u.lw, f);
    if ((f.unit === 'month' || f.unit === 'year') && (ws[k]?.lw === 'ago' || ws[k]?.lw === 'old')) return false; // "3 years, 4 months ago"
    if (f.unit === 'h' || f.unit === 'month' || f.unit === 'year') k = readDurationTail(ws, k, f);
  }
  f.k = k;
  return true;
}

/** How many of each duration unit make one of the unit above it (for a calendar span, in months). */
const CALENDAR_MONTHS: Readonly<Record<string, number>> = { month: 1, year: 12 };

/**
 * "2 hours 15 minutes", "1 hour and 20 minutes", "12 minutes, 31 seconds", "3 years, 4 months":
 * a duration written in several units is one value. After the unit word `unitWord` (ending at
 * word k-1), each further figure of a smaller unit of the same kind (hours to seconds, or years
 * and months), after nothing, a comma or "and", is added. Only a part below one of the unit before
 * it ("15 minutes" after hours, not "90 minutes") is a part of the same span; anything else is a
 * list of figures ("2 hours, 30 people") and left to be read on its own. Hour spans stay in hours;
 * years and months become months, the smaller unit. The next word to read.
 */
function readCompoundDuration(text: string, ws: Word[], k: number, unitWord: string, f: Figure): number {
  const calendar = f.unit !== 'h';
  // (a unit's size: hours for spans of hours, months for calendar spans)
  const size = (lw: string): number | undefined => (calendar ? CALENDAR_MONTHS[CALENDAR[lw] ?? ''] : DURATION_H[lw]);
  let last = size(unitWord);
  if (last === undefined) return k;
  // "between 1 hour and 20 minutes" would be a range's two ends, not one span
  const between = ws[f.numIdx - 1]?.lw === 'between';
  for (;;) {
    let j = k;
    if (ws[j]?.text === ',') j++;
    if (ws[j]?.lw === 'and' && !between) j++;
    const w = ws[j];
    if (!w || (!/^\d/.test(w.text) && SMALL[w.lw] === undefined && TENS[w.lw] === undefined)) return k;
    const part = readNumber(text, ws, j);
    const unit = part ? ws[part.last + 1] : undefined;
    const partSize = unit ? size(unit.lw) : undefined;
    if (!part || !unit || partSize === undefined || partSize >= last || part.value >= Math.round(last / partSize)) return k;
    f.value = calendar && f.unit === 'year' ? f.value * 12 : f.value;
    f.value += part.value * partSize;
    if (calendar) f.unit = 'month';
    f.end = unit.end;
    last = partSize;
    k = part.last + 2;
  }
}

/**
 * "6:00 minutes", "1:30 hours", "2:05:30 hours": a duration written like a clock's reading, before
 * a unit of minutes or hours, is one number in that unit (6 minutes, 1.5 hours); the groups after
 * the colon are the smaller units (two digits each, below 60). Null for anything else, a time of
 * day ("at 6:00", "at 19:00 hours") among it.
 */
function clockDuration(text: string, ws: Word[], i: number): NumberRead | null {
  if (!/^\d{1,2}$/.test(ws[i]?.text ?? '') || text[ws[i].end] !== ':') return null;
  // "at 19:00 hours", "from 7:15 hours": a time of day in the military style, not a span
  if (/^(?:at|by|until|till|from|since|to)$/.test(ws[i - 1]?.lw ?? '')) return null;
  const groups: number[] = [];
  let j = i + 1;
  while (ws[j]?.text === ':' && ws[j].start === ws[j - 1].end && /^\d\d$/.test(ws[j + 1]?.text ?? '') && ws[j + 1].start === ws[j].end) {
    groups.push(Number(ws[j + 1].text));
    j += 2;
  }
  const unit = ws[j]?.lw ?? '';
  const perGroup = DURATION_H[unit] === 1 ? 2 : DURATION_H[unit] === 1 / 60 ? 1 : 0;
  if (!groups.length || groups.length > perGroup || groups.some((g) => g >= 60) || /^[\d:.,]/.test(text[ws[j - 1].end] ?? '')) return null;
  const value = groups.reduce((v, g, n) => v + g / 60 ** (n + 1), Number(ws[i].text));
  return { value, last: j - 1, spelled: false };
}

/**
 * "with 10:03 to play", "4:48 remaining", "at the 2:15 mark", "1:30 into the round", "at 2:15 of the
 * seventh round": a game clock's reading written with no unit, minutes and seconds (a match clock
 * shows no hours), read only where the words after it say it is the clock: a countdown ("left",
 * "remaining", "to go", "to play") or a time into a period ("into", "mark", "of the Nth round").
 * Anything else written so ("at 6:41", "6:41 p.m.", a score "2:1") is a time of day or no figure.
 * The value in minutes; the reading's words after it are left to the slot readers.
 */
function gameClock(text: string, ws: Word[], i: number): NumberRead | null {
  const [m, colon, sec] = [ws[i], ws[i + 1], ws[i + 2]];
  if (!m || !/^\d{1,2}$/.test(m.text) || colon?.text !== ':' || colon.start !== m.end || !sec || !/^[0-5]\d$/.test(sec.text) || sec.start !== colon.end) return null;
  // (glued on before the minutes or after the seconds: "2:15:30", "2:15.4", "2:15pm")
  if (/[\d:.,/]/.test(text[m.start - 1] ?? '')) return null;
  if (/^[\d:.,\p{L}]/u.test(text[sec.end] ?? '') && !/^[.,]\s|^[.,]$/.test(text.slice(sec.end, sec.end + 2))) return null;
  const [a, b] = [ws[i + 3]?.lw ?? '', ws[i + 4]?.lw ?? ''];
  const countdown = a === 'left' || a === 'remaining' || (a === 'to' && (b === 'go' || b === 'play'));
  const into = a === 'into' || (a === 'mark' && ws[i - 1]?.lw === 'the') || (a === 'of' && b === 'the' && ofPeriod(ws[i + 5]?.lw ?? '', ws[i + 6]?.lw ?? ''));
  return countdown || into ? { value: Number(m.text) + Number(sec.text) / 60, last: i + 2, spelled: false } : null;
}
/** "of the seventh round", "of the 2nd period", "of the final quarter": the period a reading "at 2:15 of ..." is in. */
function ofPeriod(ordinal: string, noun: string): boolean {
  return (ORDINAL_SMALL[ordinal] !== undefined || ordinal === 'final' || /^\d{1,2}(?:st|nd|rd|th)$/.test(ordinal)) && PERIODS_OF_PLAY.has(noun);
}

/** "and a half" at word k. */
function andAHalf(ws: Word[], k: number): boolean {
  return ws[k]?.lw === 'and' && ws[k + 1]?.lw === 'a' && ws[k + 2]?.lw === 'half';
}

/** What one of the unit word stands for in the figure's value (durations are kept in hours). */
function unitFactor(unitWord: string): number {
  return DURATION_H[unitWord] ?? 1;
}

/**
 * "weighing 130 pounds", "5-foot-8, 135 pounds": pounds of a body's weight, not money. A weighing
 * verb or a height (feet, inches, tall) within the few words before the number says so.
 */
function weighed(ws: Word[], numIdx: number): boolean {
  for (let j = numIdx - 1; j >= Math.max(0, numIdx - 6); j--) if (/^(?:weigh\w*|foot|feet|inch|inches|tall)$/.test(ws[j].lw)) return true;
  return false;
}

/** After a duration: "-long", "long", and what it is of ("four hours of talks"). The next word to read. */
function readDurationTail(ws: Word[], k: number, f: Figure): number {
  if (!ws[k]) return k;
  if (ws[k].text === '-' && ws[k + 1]?.lw === 'long' && ws[k].start === ws[k - 1].end) {
    f.end = ws[k + 1].end;
    k += 2;
  } else if (ws[k].lw === 'long' && ws[k].start === ws[k - 1].end + 1) {
    f.end = ws[k].end;
    k++;
  }
  if (ws[k]?.lw === 'of' && /^\p{Ll}+$/u.test(ws[k + 1]?.text ?? '') && !STOP_AFTER.has(ws[k + 1].lw)) {
    const c = countedAfter(ws, k + 1);
    if (c) {
      f.counted = c.head.lw;
      f.end = c.head.end;
    }
  } else if (ws[k] && ws[k].text === '-' && ws[k].start === ws[k - 1].end) {
    k++;
  }
  return k;
}

/** The quantity-frames lexicon (data/lexicons/quantity-frames.tsv), read once: its words, and those that name what happened to people. */
let frames: { words: Set<string>; people: Set<string> } | null = null;
function frameLexicon(): { words: Set<string>; people: Set<string> } {
  if (frames) return frames;
  const rows = dataRows('lexicons', 'quantity-frames.tsv').map((row) => row.join(' ').trim().split(/\s+/));
  return (frames = {
    words: new Set(rows.map(([w]) => w.toLowerCase())),
    people: new Set(rows.filter(([, frame]) => /^(?:deaths|injured|missing|arrested|evacuated|rescued|homeless)$/.test(frame ?? '')).map(([w]) => w.toLowerCase())),
  });
}

/** The words of the quantity-frames lexicon. */
function frameWords(): Set<string> {
  return frameLexicon().words;
}

/** "Officials said 40 were injured": a bare figure as the subject of a passive verb of what happened to people counts them. */
function frameVerbAfter(ws: Word[], first: number, last: number): string | null {
  // "a father of 7 was killed": the figure is inside a phrase, not the subject
  if (/^(?:of|to|than)$/.test(ws[first - 1]?.lw ?? '')) return null;
  let i = last + 1;
  if (!/^(?:were|was|are|is|have|had|has)$/.test(ws[i]?.lw ?? '')) return null;
  i++;
  if (ws[i]?.lw === 'been') i++;
  if (/ly$/.test(ws[i]?.lw ?? '')) i++; // "were seriously injured"
  const verb = ws[i];
  return verb && frameLexicon().people.has(verb.lw) ? verb.lw : null;
}

/** The noun before "of"/"to" right before a figure, when the quantity-frames lexicon lists it as naming what figures measure. */
function frameNounBefore(ws: Word[], numIdx: number): string | null {
  const prep = ws[numIdx - 1];
  const noun = ws[numIdx - 2];
  // "killing 10 and injuring 80", "wounding other 70": the object of a frame verb counts what the verb did
  const verb = prep?.lw === 'other' ? noun : prep;
  if (verb && /ing$|ed$/.test(verb.lw) && frameWords().has(verb.lw)) return verb.lw;
  if (!prep || !noun || (prep.lw !== 'of' && prep.lw !== 'to')) return frameNounMoved(ws, numIdx);
  return frameWords().has(noun.lw) ? noun.lw : frameNounMoved(ws, numIdx);
}

/**
 * "the toll rose to 12", "the death toll has climbed to 30", "the toll stood at 12", "the toll
 * reached 40": a frame noun right before a verb of change or position on a scale (FrameNet
 * Change_position_on_a_scale, Position_on_a_scale: rise, climb, jump, increase, grow, reach, stand
 * at), with "to" or "at" before the figure, is what the figure measures. Or the noun followed by the
 * phrase that names its event ("the death toll from the sinking of a ferry off Port Vell rose to 23",
 * "the toll in the flooded valley stands at 9", the wire's form), unless that phrase names a year or
 * an earlier event ("the toll from the 2004 tsunami rose to", "the toll of the previous quake"),
 * which is another event's toll.
 */
function frameNounMoved(ws: Word[], numIdx: number): string | null {
  let i = numIdx - 1;
  if (ws[i]?.lw === 'to' || ws[i]?.lw === 'at') i--;
  if (!ON_A_SCALE.test(ws[i]?.lw ?? '') || (ws[numIdx - 1] === ws[i] && !/^(?:reached|reaches|hit|hits|topped|tops)$/.test(ws[i].lw))) return null;
  i--;
  if (/^(?:has|have|had|now)$/.test(ws[i]?.lw ?? '')) i--;
  if (ws[i]?.lw === 'now') i--;
  const noun = ws[i];
  if (noun && frameWords().has(noun.lw) && !/(?:ing|ed)$/.test(noun.lw)) return noun.lw;
  return frameNounOfEvent(ws, i);
}

/** How many words the phrase naming a toll's event may hold ("from the sinking of a ferry off Port Vell"). */
const EVENT_PHRASE_WORDS = 16;
/** Words of an event phrase that make it another event's: an earlier or previous one. */
const OTHER_EVENT = /^(?:previous|earlier|last|former|prior|past|first)$/;

/** The frame noun before "from"/"in"/"of" and the phrase ending at `last` (see frameNounMoved), or null. */
function frameNounOfEvent(ws: Word[], last: number): string | null {
  for (let j = last; j > 0 && last - j < EVENT_PHRASE_WORDS; j--) {
    const w = ws[j];
    // a clause or list boundary, a year or an earlier event: not this toll's phrase
    if (!/^[\p{L}\d'’-]+$/u.test(w.text) || /^(?:1[89]|20)\d\d$/.test(w.text) || OTHER_EVENT.test(w.lw)) return null;
    if (!/^(?:from|in|of)$/.test(w.lw)) continue;
    const noun = ws[j - 1];
    if (noun && /^(?:toll|tolls)$/.test(noun.lw)) return noun.lw;
  }
  return null;
}
const ON_A_SCALE = /^(?:rose|risen|rises|climbed|climbs|jumped|jumps|increased|increases|grew|grown|grows|soared|soars|reached|reaches|hit|hits|topped|tops|stood|stands)$/;

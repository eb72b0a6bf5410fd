/**
 * Quantities with unit, qualifier and what is counted: "over seven-hour-long talks" (duration,
 * more than 7 h, talks), "approximately four hours of talks" (about 4 h), "three-and-a-half hour
 * meeting" (3.5 h), "more than 20 cooperation agreements" (count > 20, agreements), "at least 27
 * million people", "$2.5 million" (2 500 000 USD), "13 countries", percentages, ranges
 * ("between 10 and 20"), spelled-out numbers ("two dozen", "twenty-five").
 *
 * Units: durations of seconds to weeks normalised to hours (`h`); months and years kept as `month`
 * and `year`; money as ISO currency codes; `%` and `pp` (percentage points); `km`, `mi`, `m`, `kg`,
 * `t`, `bbl`; `people` for people/persons; `count` for any other counted noun (`counted` is the head
 * noun as written, lower-cased: "talks", "agreements", "countries").
 * Not quantities: years and dates ("in 2022", "May 9"), clock times, ordinals, numbers inside
 * names or codes ("G20", "COVID-19", "Su-57"), anything that is not a finite number ("10^400").
 */
import type { Quantity, QuantityQualifier, Span } from '../model/types.js';
import { dataRows } from '../text/lexicon.js';

interface Word {
  start: number;
  end: number;
  text: string;
  lw: string;
}

const WORD_RE = /US\$|[$€£¥₹]|\d+(?:,\d{3})*(?:\.\d+)?|[\p{L}]+(?:['’][\p{L}]+)?|%|\S/gu;

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, mn: 1e6, crore: 1e7, lakh: 1e5, lakhs: 1e5, crores: 1e7,
  millions: 1e6, billions: 1e9, thousands: 1e3, hundreds: 100,
};

const DURATION_H: Record<string, number> = {
  second: 1 / 3600, seconds: 1 / 3600, sec: 1 / 3600, secs: 1 / 3600, minute: 1 / 60, minutes: 1 / 60, min: 1 / 60, mins: 1 / 60,
  hour: 1, hours: 1, hr: 1, hrs: 1, day: 24, days: 24, week: 168, weeks: 168,
};
const CALENDAR: Record<string, string> = { month: 'month', months: 'month', year: 'year', years: 'year' };
const CURRENCY_SYMBOL: Record<string, string> = { $: 'USD', US$: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'CNY', '₹': 'INR' };
const CURRENCY_WORD: Record<string, string> = {
  dollars: 'USD', dollar: 'USD', euros: 'EUR', euro: 'EUR', pounds: 'GBP', yuan: 'CNY', renminbi: 'CNY', rubles: 'RUB',
  roubles: 'RUB', ruble: 'RUB', rouble: 'RUB', rupees: 'INR', rupee: 'INR', yen: 'JPY', usd: 'USD', eur: 'EUR', gbp: 'GBP',
  rub: 'RUB', cny: 'CNY', inr: 'INR',
};
const MEASURE: Record<string, string> = {
  km: 'km', kilometres: 'km', kilometers: 'km', kilometre: 'km', kilometer: 'km', miles: 'mi', mile: 'mi', metres: 'm',
  meters: 'm', metre: 'm', meter: 'm', kg: 'kg', kilograms: 'kg', kilogram: 'kg', tonnes: 't', tons: 't', tonne: 't', ton: 't',
  barrels: 'bbl', barrel: 'bbl', feet: 'ft', foot: 'ft', ft: 'ft', m: 'm',
};

/** Qualifier phrases, matched on the lower-cased words just before the number (longest first). */
const QUALIFIERS: [string, QuantityQualifier][] = [
  ['more than', 'more-than'], ['greater than', 'more-than'], ['upwards of', 'more-than'], ['in excess of', 'more-than'],
  ['no fewer than', 'at-least'], ['no less than', 'at-least'], ['at least', 'at-least'], ['a minimum of', 'at-least'],
  ['no more than', 'at-most'], ['at most', 'at-most'], ['up to', 'at-most'], ['a maximum of', 'at-most'],
  ['less than', 'less-than'], ['fewer than', 'less-than'], ['close to', 'about'], ['an estimated', 'about'],
  ['some', 'about'], ['about', 'about'], ['around', 'about'], ['approximately', 'about'], ['approx', 'about'],
  ['roughly', 'about'], ['nearly', 'about'], ['almost', 'about'], ['circa', 'about'], ['over', 'more-than'],
  ['above', 'more-than'], ['exceeding', 'more-than'], ['under', 'less-than'], ['below', 'less-than'],
  ['just over', 'more-than'], ['just under', 'less-than'], ['well over', 'more-than'],
];

const STOP_AFTER = new Set(
  'of in on at to from for by with and or but that which who was were is are be been has have had will would said says as than per a an the this these those it its their his her after before during since into over under about while when where if not also'.split(' '),
);

/** Words before a four-digit number that make it a year ("below 2005 levels", "since 2014"). */
const YEAR_CONTEXT = new Set('in since by from below above than of until till before after during the through between around'.split(' '));

const MONTH_WORDS = new Set('january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '));

function words(text: string, span: Span): Word[] {
  const out: Word[] = [];
  const re = WORD_RE;
  re.lastIndex = 0;
  const slice = text.slice(span.start, span.end);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    out.push({ start: span.start + m.index, end: span.start + m.index + m[0].length, text: m[0], lw: m[0].toLowerCase() });
  }
  return out;
}

/** Words joined by a hyphen with no space ("seven-hour-long"). */
function hyphenJoined(ws: Word[], i: number): boolean {
  return i + 2 < ws.length && ws[i + 1].text === '-' && ws[i + 1].start === ws[i].end && ws[i + 2].start === ws[i + 1].end;
}

interface Num {
  value: number;
  /** Index of the last word used. */
  last: number;
  spelled: boolean;
}

/** Parses a number starting at word i: digits, or spelled words ("three-and-a-half", "two dozen", "twenty-five"). */
function parseNumber(text: string, ws: Word[], i: number): Num | null {
  const w = ws[i];
  if (/^\d/.test(w.text)) {
    const before = text[w.start - 1] ?? ' ';
    const after = text[w.end] ?? ' ';
    if (/[\p{L}^_/]/u.test(before) || /[\p{L}^_]/u.test(after) && !/^(bn|mn|m|k|pc)\b/i.test(text.slice(w.end, w.end + 3))) return null;
    if (before === '-' && /[\p{L}\d]/u.test(text[w.start - 2] ?? '')) return null; // COVID-19, Su-57
    if (after === ':' || (after === '/' && /\d/.test(text[w.end + 1] ?? ''))) return null; // times and dates
    if (after === '^' || (after === 'e' && /\d/.test(text[w.end + 1] ?? ''))) return null;
    const digits = w.text.replace(/,/g, '');
    if (digits.replace(/\.\d+$/, '').length > 15) return null; // beyond what is meaningful
    const v = Number(digits);
    if (!Number.isFinite(v)) return null;
    let value = v;
    let last = i;
    // "2.5 million", "27 million", "5bn"
    const nextIdx = hyphenJoined(ws, i) ? i + 2 : i + 1; // "$400-million-a-year"
    if (nextIdx < ws.length && SCALES[ws[nextIdx].lw] && ws[nextIdx].lw !== 'hundreds' && ws[nextIdx].lw !== 'thousands') {
      value *= SCALES[ws[nextIdx].lw];
      last = nextIdx;
      if (last + 1 < ws.length && /^(million|billion|trillion)$/.test(ws[last + 1].lw) && ws[last].lw === 'hundred') {
        value *= SCALES[ws[last + 1].lw];
        last++;
      }
    }
    // "a half": "2 and a half hours"
    if (ws[last + 1]?.lw === 'and' && ws[last + 2]?.lw === 'a' && ws[last + 3]?.lw === 'half') {
      value += 0.5;
      last += 3;
    }
    if (!Number.isFinite(value)) return null;
    return { value, last, spelled: false };
  }
  // spelled-out numbers, possibly hyphen-joined
  let j = i;
  let total = 0;
  let current = 0;
  let any = false;
  let lastUsed = i - 1;
  const step = (k: number): number => (hyphenJoined(ws, k) ? k + 2 : k + 1);
  if (ws[j].lw === 'a' && ws[j + 1] && (ws[j + 1].lw === 'dozen' || ws[j + 1].lw === 'hundred' || ws[j + 1].lw === 'thousand' || ws[j + 1].lw === 'million' || ws[j + 1].lw === 'billion')) {
    current = 1;
    any = true;
    lastUsed = j;
    j++;
  }
  while (j < ws.length) {
    const lw = ws[j].lw;
    if (SMALL[lw] !== undefined) {
      current += SMALL[lw];
    } else if (TENS[lw] !== undefined) {
      current += TENS[lw];
    } else if (lw === 'dozen' && any) {
      current = (current || 1) * 12;
    } else if (lw === 'hundred' && any) {
      current = (current || 1) * 100;
    } else if ((lw === 'thousand' || lw === 'million' || lw === 'billion' || lw === 'trillion') && any) {
      total += (current || 1) * SCALES[lw];
      current = 0;
    } else if (lw === 'and' && any && ws[step(j)]?.lw === 'a' && (ws[step(step(j))]?.lw === 'half' || ws[step(step(j))]?.lw === 'quarter')) {
      const h = step(step(j));
      current += ws[h].lw === 'half' ? 0.5 : 0.25;
      lastUsed = h;
      any = true;
      break;
    } else break;
    any = true;
    lastUsed = j;
    // continue over "-" or space-separated compounds ("twenty-five", "two hundred")
    if (hyphenJoined(ws, j)) j += 2;
    else j++;
  }
  if (!any) return null;
  return { value: total + current, last: lastUsed, spelled: true };
}

const QUALIFIER_PARTS: [string[], QuantityQualifier][] = QUALIFIERS.map(([p, q]) => [p.split(' '), q]);

/** Quick test: does a sentence hold anything that can start a number? */
const MAYBE_NUMBER = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozens?|zero|tens|hundreds|thousands|millions|billions)\b/i;

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
const VAGUE: Record<string, [number, number]> = {
  dozens: [24, 144], hundreds: [200, 999], thousands: [2000, 9999], millions: [2e6, 9.99e6], billions: [2e9, 9.99e9], tens: [20, 99],
};
const VAGUE_SCALE: Record<string, number> = { thousands: 1e3, millions: 1e6, billions: 1e9 };

/** The counted noun after index i: up to three words, the last before a stop word or punctuation. */
function countedAfter(ws: Word[], i: number): { head: Word; idx: number } | null {
  let head: { head: Word; idx: number } | null = null;
  for (let k = i; k < ws.length && k < i + 3; k++) {
    const w = ws[k];
    if (!/^\p{L}+$/u.test(w.text) || STOP_AFTER.has(w.lw) || MONTH_WORDS.has(w.lw)) break;
    if (k > i && /(ed|ing)$/.test(w.lw) && !/^(meeting|building|briefing|funding|hearing|ceasefire)$/.test(w.lw)) break;
    if (/^\p{Lu}/u.test(w.text) && k === i && !/^\p{Lu}\p{Ll}+s$/u.test(w.text)) break; // "13 Republicans" keeps, "5 Main St" does not
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
  if (!measures.length) return plain;
  // a magnitude or an age read whole replaces the plain reading of its number ("6.1-magnitude quake")
  const kept = plain.filter((q) => !measures.some((m) => m.numberStart >= q.span.start && m.numberStart < q.span.end));
  return [...kept, ...measures.map((m) => m.q)].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

const NUM = String.raw`(\d{1,2}(?:\.\d{1,2})?)`;
/** Seismic magnitudes: "6.1-magnitude", "magnitude-5.9", "a magnitude of 6", "3.8 on the Richter scale". */
const MAGNITUDE_RES = [
  new RegExp(String.raw`\b(?:magnitude|richter)(?:[\s-]+(?:of|at|was|is|as|measured|reached|put|least|about|around|nearly|some|approximately))*[\s-]+${NUM}(?![\d.,]\d)`, 'giu'),
  new RegExp(String.raw`(?<![\d.])${NUM}(?:[\s-]+(?:on the\s+)?(?:magnitude|richter)\b(?:\s+scale)?)`, 'giu'),
];
/** Ages: "33-year-old", "aged 70", "Jane Roe, 33, said". */
const AGE_RES = [
  /(?<![\d.])(\d{1,3})[\s-]+years?[\s-]+old\b/giu,
  /\bage[ds]?\s+(\d{1,3})\b(?![\d.,]\d)/giu,
  /(?<=\p{Lu}[\p{L}’'.-]*,\s)(\d{1,3})(?=,\s)/gu,
];
const MEASURED_NOUN = /^[\s-]*(\p{Ll}{3,})/u;
const NOUN_BEFORE_MAGNITUDE =
  /(\p{Ll}{3,})\s+(?:measuring|registering|of|with|had)\s+(?:(?:at least|about|nearly|around|some|approximately|over)\s+)?(?:an?\s+)?(?:preliminary\s+|estimated\s+)?(?:magnitude|richter)?[\s-]*$/u;

interface Measure {
  q: Quantity;
  numberStart: number;
}

function findMeasures(text: string, sent: Span): Measure[] {
  const chunk = text.slice(sent.start, sent.end);
  if (!/magnitude|richter|year|age|,\s\d/i.test(chunk)) return [];
  const out: Measure[] = [];
  const add = (m: RegExpExecArray, unit: string, counted: string | null) => {
    const numberStart = sent.start + m.index + m[0].indexOf(m[1]);
    if (out.some((o) => o.numberStart === numberStart)) return;
    const value = Number(m[1]);
    if (!Number.isFinite(value) || (unit === 'age' && value > 125) || (unit === 'magnitude' && value > 10)) return;
    // "at least magnitude-5.9" or "a magnitude of at least 5.9": the qualifier before the match or before the number
    const before = words(text, { start: sent.start, end: sent.start + m.index });
    const inner = words(text, { start: sent.start, end: numberStart });
    const q = qualifierBefore(inner, inner.length) ?? qualifierBefore(before, before.length);
    const start = q ? q.start : sent.start + m.index;
    const end = sent.start + m.index + m[0].length;
    out.push({ numberStart, q: { span: { start, end }, text: text.slice(start, end), value, low: null, high: null, unit, qualifier: q ? q.q : 'exact', counted } });
  };
  for (const re of MAGNITUDE_RES) {
    re.lastIndex = 0;
    for (let m = re.exec(chunk); m; m = re.exec(chunk)) {
      const after = MEASURED_NOUN.exec(chunk.slice(m.index + m[0].length));
      const before = NOUN_BEFORE_MAGNITUDE.exec(chunk.slice(Math.max(0, m.index - 40), m.index));
      // the noun before ("an earthquake measuring 5.9") is surer than the word after, which may be a verb
      const noun = before ? before[1] : after && !STOP_AFTER.has(after[1]) ? after[1] : null;
      add(m, 'magnitude', noun);
    }
  }
  for (const re of AGE_RES) {
    re.lastIndex = 0;
    for (let m = re.exec(chunk); m; m = re.exec(chunk)) add(m, 'age', null);
  }
  return out;
}

function findPlainQuantities(text: string, sentences: Span[]): Quantity[] {
  const out: Quantity[] = [];
  const spans = sentences.length ? sentences : [{ start: 0, end: text.length }];
  for (const sent of spans) {
    if (!MAYBE_NUMBER.test(text.slice(sent.start, sent.end))) continue;
    const ws = words(text, sent);
    for (let i = 0; i < ws.length; i++) {
      const startWord = ws[i];
      // vague plurals: "tens of thousands of troops", "hundreds of people", "dozens of agreements"
      const vague = VAGUE[startWord.lw];
      if (vague && ws[i + 1]?.lw === 'of' && !(i > 0 && /^(\d|one|two|three|four|five|six|seven|eight|nine|ten|several|few|many|the)/.test(ws[i - 1].lw))) {
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
        } else if (startWord.lw === 'tens') continue;
        const c = countedAfter(ws, k);
        if (c && !/^(them|us|those|these|you|which|whom)$/.test(c.head.lw)) {
          const start = startWord.start;
          const money = CURRENCY_WORD[c.head.lw];
          out.push({
            span: { start, end: c.head.end },
            text: text.slice(start, c.head.end),
            value: (low + high) / 2,
            low,
            high,
            unit: money ?? (c.head.lw === 'people' || c.head.lw === 'persons' ? 'people' : 'count'),
            qualifier: 'range',
            counted: money ? null : c.head.lw,
          });
          i = c.idx;
          continue;
        }
      }
      let currency: string | null = null;
      let numIdx = i;
      if (CURRENCY_SYMBOL[startWord.text] !== undefined) {
        currency = CURRENCY_SYMBOL[startWord.text];
        numIdx = i + 1;
        if (numIdx >= ws.length || !/^\d/.test(ws[numIdx].text) || ws[numIdx].start !== startWord.end) continue;
      } else if ((startWord.text === 'Rs' || startWord.text === 'INR') && ws[i + 1] && /^\d/.test(ws[i + 1 + (ws[i + 1].text === '.' ? 1 : 0)]?.text ?? '')) {
        currency = 'INR';
        numIdx = i + 1 + (ws[i + 1].text === '.' ? 1 : 0);
      }
      const w = ws[numIdx];
      if (!/^\d/.test(w.text) && SMALL[w.lw] === undefined && TENS[w.lw] === undefined && !(w.lw === 'a' && /^(dozen)$/.test(ws[numIdx + 1]?.lw ?? ''))) continue;
      // "one" is a pronoun more often than a number: only with a unit right after
      const num = parseNumber(text, ws, numIdx);
      if (!num) continue;
      // "£1.7m", "$300k": a letter scale written onto a sum of money
      const attached = ws[num.last + 1];
      if (currency && attached && attached.start === ws[num.last].end && (attached.lw === 'm' || attached.lw === 'k')) {
        num.value *= attached.lw === 'm' ? 1e6 : 1e3;
        num.last++;
      }
      if (num.spelled && (w.lw === 'one' || w.lw === 'zero') && num.last === numIdx) {
        const nx = ws[num.last + 1 + (hyphenJoined(ws, num.last) ? 1 : 0)];
        if (!nx || !(DURATION_H[nx.lw] !== undefined || CALENDAR[nx.lw])) continue;
      }
      let value = num.value;
      let low: number | null = null;
      let high: number | null = null;
      let qualifier: QuantityQualifier = 'exact';
      let start = currency ? startWord.start : w.start;
      let last = num.last;
      const q = qualifierBefore(ws, i);
      if (q) {
        qualifier = q.q;
        start = q.start;
      }
      // ranges: "10 to 20", "10-20", "between 10 and 20", "from 10 to 20"
      const sep = ws[last + 1];
      if (sep && (sep.lw === 'to' || sep.text === '-' || sep.text === '–' || (sep.lw === 'and' && ws[i - 1]?.lw === 'between')) && ws[last + 2]) {
        const second = parseNumber(text, ws, last + 2 + (CURRENCY_SYMBOL[ws[last + 2].text] ? 1 : 0));
        if (second && second.value >= value && (sep.text !== '-' || !num.spelled)) {
          low = value;
          high = second.value;
          // "2 to 3 million": the scale of the second applies to the first
          if (second.value / value >= 1000 && !SCALES[ws[num.last].lw] && SCALES[ws[second.last].lw]) low = value * SCALES[ws[second.last].lw];
          value = (low + high) / 2;
          qualifier = 'range';
          last = second.last;
          if (ws[i - 1]?.lw === 'between' || ws[i - 1]?.lw === 'from') start = Math.min(start, ws[i - 1].start);
        }
      }
      // unit after the number: hyphen-joined ("seven-hour-long") or separate
      let k = last + 1;
      if (hyphenJoined(ws, last)) k = last + 2;
      let unit: string | null = currency;
      let counted: string | null = null;
      let end = ws[last].end;
      const u = ws[k];
      if (u) {
        if (u.text === '%' || u.lw === 'percent' || u.lw === 'pct' || (u.lw === 'per' && ws[k + 1]?.lw === 'cent')) {
          unit = '%';
          end = (u.lw === 'per' ? ws[k + 1] : u).end;
          k = u.lw === 'per' ? k + 2 : k + 1;
          if (ws[k - 1].lw === 'percent' && ws[k]?.lw === 'points') {
            unit = 'pp';
            end = ws[k].end;
            k++;
          }
        } else if (u.lw === 'percentage' && ws[k + 1]?.lw === 'points') {
          unit = 'pp';
          end = ws[k + 1].end;
          k += 2;
        } else if (!currency && DURATION_H[u.lw] !== undefined) {
          const f = DURATION_H[u.lw];
          value *= f;
          if (low !== null) low *= f;
          if (high !== null) high *= f;
          unit = 'h';
          end = u.end;
          k++;
        } else if (!currency && CALENDAR[u.lw]) {
          unit = CALENDAR[u.lw];
          end = u.end;
          k++;
          // "add $84 billion over 10 years": "over" a span of time is "during", not "more than"
          if (q && qualifier === 'more-than' && ws[i - 1]?.lw === 'over' && k - 1 === last + 1) {
            qualifier = 'exact';
            start = w.start;
          }
          if (ws[k]?.lw === 'ago' || ws[k]?.lw === 'old') continue; // time expressions and ages
        } else if (!currency && CURRENCY_WORD[u.lw]) {
          unit = CURRENCY_WORD[u.lw];
          end = u.end;
          k++;
        } else if (!currency && MEASURE[u.lw]) {
          unit = MEASURE[u.lw];
          end = u.end;
          k++;
        }
        // "-long", "long"
        if ((unit === 'h' || unit === 'month' || unit === 'year') && ws[k]) {
          if (ws[k].text === '-' && ws[k + 1]?.lw === 'long' && ws[k].start === ws[k - 1].end) {
            end = ws[k + 1].end;
            k += 2;
          } else if (ws[k].lw === 'long' && ws[k].start === ws[k - 1].end + 1) {
            end = ws[k].end;
            k++;
          }
          // "four hours of talks"
          if (ws[k]?.lw === 'of' && /^\p{Ll}+$/u.test(ws[k + 1]?.text ?? '') && !STOP_AFTER.has(ws[k + 1].lw)) {
            const c = countedAfter(ws, k + 1);
            if (c) {
              counted = c.head.lw;
              end = c.head.end;
            }
          } else if (ws[k] && ws[k].text === '-' && ws[k].start === ws[k - 1].end) {
            k++;
          }
        }
      }
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
        if (!counted) continue;
        // years and dates are not quantities
        const raw = ws[numIdx].text;
        if (/^(1[89]\d\d|2[01]\d\d)$/.test(raw) && num.last === numIdx && (!/s$/.test(counted) || YEAR_CONTEXT.has(ws[numIdx - 1]?.lw ?? ''))) continue;
        if (counted === 'percent') continue;
        unit = counted === 'people' || counted === 'persons' ? 'people' : 'count';
      } else if (unit === 'count') {
        // unreachable, kept for clarity
      }
      if (/^(1[89]\d\d|2[01]\d\d)$/.test(ws[numIdx].text) && !currency && unit === 'year') continue;
      const next = ws[num.last + 1];
      if (next && MONTH_WORDS.has(next.lw) && /^\p{Lu}/u.test(next.text)) continue; // "9 May"
      const prevW = ws[numIdx - 1];
      if (prevW && MONTH_WORDS.has(prevW.lw) && /^\p{Lu}/u.test(prevW.text) && !currency) continue; // "May 9"
      if (next && /^(a\.?m|p\.?m)$/i.test(next.text + (ws[num.last + 2]?.text === '.' ? '' : ''))) continue;
      if (next && (next.lw === 'a' || next.lw === 'p') && ws[num.last + 2]?.text === '.') continue;
      out.push({
        span: { start, end },
        text: text.slice(start, end),
        value,
        low,
        high,
        unit,
        qualifier,
        counted,
      });
      i = Math.max(i, k - 1, last);
      // skip words consumed by the counted noun
      while (i + 1 < ws.length && ws[i + 1].end <= end) i++;
    }
  }
  return out;
}

let frameNouns: Set<string> | null = null;
/** The words of the quantity-frames lexicon (data/lexicons/quantity-frames.tsv). */
function frameWords(): Set<string> {
  frameNouns ??= new Set(dataRows('lexicons', 'quantity-frames.tsv').map(([w]) => w.trim().split(/\s+/)[0].toLowerCase()));
  return frameNouns;
}

let peopleFrameWords: Set<string> | null = null;
/** "Officials said 40 were injured": a bare figure as the subject of a passive verb of what happened to people counts them. */
function frameVerbAfter(ws: Word[], first: number, last: number): string | null {
  peopleFrameWords ??= new Set(
    dataRows('lexicons', 'quantity-frames.tsv')
      .map((row) => row.join(' ').trim().split(/\s+/))
      .filter(([, frame]) => /^(?:deaths|injured|missing|arrested|evacuated|rescued|homeless)$/.test(frame ?? ''))
      .map(([w]) => w.toLowerCase()),
  );
  // "a father of 7 was killed": the figure is inside a phrase, not the subject
  if (/^(?:of|to|than)$/.test(ws[first - 1]?.lw ?? '')) return null;
  let i = last + 1;
  if (!/^(?:were|was|are|is|have|had|has)$/.test(ws[i]?.lw ?? '')) return null;
  i++;
  if (ws[i]?.lw === 'been') i++;
  if (/ly$/.test(ws[i]?.lw ?? '')) i++; // "were seriously injured"
  const verb = ws[i];
  return verb && peopleFrameWords.has(verb.lw) ? verb.lw : null;
}

/** The noun before "of"/"to" right before a figure, when the quantity-frames lexicon lists it as naming what figures measure. */
function frameNounBefore(ws: Word[], numIdx: number): string | null {
  const prep = ws[numIdx - 1];
  const noun = ws[numIdx - 2];
  // "killing 10 and injuring 80", "wounding other 70": the object of a frame verb counts what the verb did
  const verb = prep?.lw === 'other' ? noun : prep;
  if (verb && /ing$|ed$/.test(verb.lw) && frameWords().has(verb.lw)) return verb.lw;
  if (!prep || !noun || (prep.lw !== 'of' && prep.lw !== 'to')) return null;
  return frameWords().has(noun.lw) ? noun.lw : null;
}

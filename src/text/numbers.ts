/**
 * The number reader of the text toolkit: numbers written in digits ("27", "1,200", "2.5 million",
 * "5bn") or in words ("twenty-five", "two dozen", "three-and-a-half", "a hundred"), over words that
 * carry their offsets. One table of number words for every stage (quantities, relative times).
 */
import { wordTable } from './word-table.js';
/** Units and teens. */
export const SMALL: Readonly<Record<string, number>> = wordTable({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
});
/** Tens. */
export const TENS: Readonly<Record<string, number>> = wordTable({ twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 });
/** Scale words, with the abbreviations and Indian scales English news uses (bn, mn, lakh, crore). */
export const SCALES: Readonly<Record<string, number>> = wordTable({
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, mn: 1e6, crore: 1e7, lakh: 1e5, lakhs: 1e5, crores: 1e7,
  millions: 1e6, billions: 1e9, thousands: 1e3, hundreds: 100,
});

/** Ordinal words of the units and teens ("first" … "nineteenth"). */
export const ORDINAL_SMALL: Readonly<Record<string, number>> = wordTable({
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11,
  twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19,
});
/** The nouns of a game's numbered periods of play ("the seventh round", "the 2nd period"): one list for analyse's game clocks and compare's period marks. */
export const PERIODS_OF_PLAY: ReadonlySet<string> = new Set(['round', 'period', 'quarter', 'half', 'inning', 'innings', 'set', 'frame']);
/** Ordinal words of the tens and the hundred ("twentieth" … "ninetieth", "hundredth"). */
export const ORDINAL_TENS: Readonly<Record<string, number>> = wordTable({
  twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60, seventieth: 70, eightieth: 80, ninetieth: 90, hundredth: 100,
});
/** The suffix English writes after a number in digits to make it an ordinal: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st. */
export function ordinalSuffix(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

/** A word with its offsets and its lower-cased form, as the number reader walks them. */
export interface NumberWord {
  start: number;
  end: number;
  text: string;
  /** Lower-cased text. */
  lw: string;
}

/**
 * The value of one spelled-out number written as a single word or a hyphenated compound
 * ("seven", "nineteen", "forty", "twenty-five"), or null for anything else ("several", "a").
 */
export function spelledNumber(word: string): number | null {
  const parts = word.toLowerCase().split('-');
  if (parts.length > 2) return null;
  if (parts.length === 2) {
    const [tens, unit] = parts;
    return TENS[tens] !== undefined && SMALL[unit] !== undefined && SMALL[unit] > 0 && SMALL[unit] < 10 ? TENS[tens] + SMALL[unit] : null;
  }
  return SMALL[parts[0]] ?? TENS[parts[0]] ?? null;
}

/** Words joined by a hyphen with no space ("seven-hour-long"). */
export function hyphenJoined(ws: NumberWord[], i: number): boolean {
  return i + 2 < ws.length && ws[i + 1].text === '-' && ws[i + 1].start === ws[i].end && ws[i + 2].start === ws[i + 1].end;
}

export interface NumberRead {
  value: number;
  /** Index of the last word used. */
  last: number;
  spelled: boolean;
}

/** Parses a number starting at word i: digits, or spelled words ("three-and-a-half", "two dozen", "twenty-five"). */
export function readNumber(text: string, ws: NumberWord[], i: number): NumberRead | null {
  const w = ws[i];
  if (/^\d/.test(w.text)) {
    const before = text[w.start - 1] ?? ' ';
    const after = text[w.end] ?? ' ';
    if (/[\p{L}^_/]/u.test(before) || /[\p{L}^_]/u.test(after) && !/^(bn|mn|m|k|pc|ft|km|kg|lbs?)\b/i.test(text.slice(w.end, w.end + 4))) return null;
    if (before === '-' && /[\p{L}\d]/u.test(text[w.start - 2] ?? '')) return null; // COVID-19, Su-57
    if (before === ':' && /\d/.test(text[w.start - 2] ?? '')) return null; // the minutes of a clock ("with 4:43 left", "at 6:41")
    // "2 1/2 years", "2-1/2 year sentence": a whole number and a fraction are one number
    const fraction = fractionAfter(text, ws, i);
    if (fraction) return fraction;
    if (after === ':' || (after === '/' && /\d/.test(text[w.end + 1] ?? ''))) return null; // times and dates
    if (after === '^' || (after === 'e' && /\d/.test(text[w.end + 1] ?? ''))) return null;
    const digits = w.text.replace(/,\s?/g, '');
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
  // "half a dozen", "half a million": half of a scale word ("half a mile" is the unit reader's)
  const scaleOfHalf = ws[j].lw === 'half' && ws[j + 1]?.lw === 'a' ? (ws[j + 2]?.lw === 'dozen' ? 12 : SCALES[ws[j + 2]?.lw ?? '']) : undefined;
  if (scaleOfHalf && !/s$/.test(ws[j + 2].lw)) return { value: scaleOfHalf / 2, last: j + 2, spelled: true };
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
      if (hyphenJoined(ws, j) && ORDINAL_SMALL[ws[j + 2].lw] !== undefined) break; // "twenty-first": an ordinal (analyse/ordinals.ts)
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

/** Denominators of the fractions news writes after a whole number ("2 1/2", "3 3/4"). */
const DENOMINATORS = new Set([2, 3, 4, 8]);

/**
 * "2 1/2", "2-1/2": a whole number followed by a proper fraction (written with a space or a
 * hyphen, digits round a slash with nothing between), read as one number. Null for anything else,
 * so "9/11" and "12/25" stay what they are (a name, a date).
 */
function fractionAfter(text: string, ws: NumberWord[], i: number): NumberRead | null {
  const [w, sep, n, slash, d] = [ws[i], ws[i + 1], ws[i + 2], ws[i + 3], ws[i + 4]];
  if (!/^\d{1,3}$/.test(w.text) || !sep || !n || !slash || !d) return null;
  let k = i + 1;
  if (sep.text === '-' && sep.start === w.end && n.start === sep.end) k = i + 2;
  else if (!/^\d$/.test(sep.text) || sep.start !== w.end + 1) return null;
  const [num, bar, den] = [ws[k], ws[k + 1], ws[k + 2]];
  if (!num || !bar || !den || bar.text !== '/' || bar.start !== num.end || den.start !== bar.end || !/^\d$/.test(num.text) || !/^\d$/.test(den.text)) return null;
  const a = Number(num.text);
  const b = Number(den.text);
  if (!DENOMINATORS.has(b) || a < 1 || a >= b || /[\d/]/.test(text[den.end] ?? '')) return null;
  return { value: Number(w.text) + a / b, last: k + 2, spelled: false };
}

/** Quick test: does a sentence hold anything that can start a number? */
export const MAYBE_NUMBER = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozens?|half|zero|tens|hundreds|thousands|millions|billions)\b/i;

/**
 * Figures written with no noun: "Roe now has 2,301.", "Carter added 12", "now has 2,302 for
 * his career". Sports and records copy writes the counted noun once and then leaves it out; the
 * quantity reader (quantities.ts) reads no figure there, since nothing says what it counts.
 *
 * A bare number right after a verb of scoring, holding or adding (FrameNet Possession: have, hold;
 * Getting and Amassing as sports copy writes them: score, add, post, total, tally, net, "chip in",
 * "pour in") whose holder is a name written before the verb takes the counted noun of that same
 * holder's other figure in the article (the nearest one, of the same surname, also held through
 * such a verb), with the holder kept. When the holder has none, a figure of a clause joined to
 * this one in the same sentence whose noun the clause leaves out ("X scored 14 points and Y scored
 * 13", "Y led with 13 points, while X added 12": English ellipsis of the repeated noun) gives its
 * noun, when every counted figure before it in the sentence counts that one noun. Never a noun of
 * another sentence's other holder: two people's figures in one article are often of two things.
 *
 * The figure's span covers the number alone, so that a reader can tell its noun was not written
 * there (`nounNotWritten`).
 */
import type { Quantity, Span } from '../model/types.js';
import { partitionPoint } from '../util/search.js';

/** Verbs of holding and scoring, as written (past, present and participle). */
const HOLD_VERBS = new Set(
  'has have had holds hold held scored scores score scoring added adds add adding posted posts totaled totalled totals tallied tallies netted nets contributed'.split(' '),
);
/** Two-word verbs of scoring ("chipped in 12", "poured in 18"). */
const PHRASAL = /\b(?:chipped|chips|poured|pours|threw|throws)\s+in$/i;
/** Adverbs between the verb and the number ("now has", "has now", "added just"). */
const ADVERB = /^(?:now|still|just|already|also|currently|only)$/i;
/** After the number: nothing that could be its own noun ("2,301.", "12 for the Bulldogs", "2,302 for his career", "13, and"). */
const ENDS_FIGURE = /^(?:\s*(?:[.,;:)!?—–-]|$)|\s+(?:for|in|on|off|as|while|and|but|to|with|against|before|after|when|during|from|of|at)\b)/i;
/** A plain number as digits ("12", "2,301"): a spelled number alone is too often a pronoun or a time. */
const DIGITS = /^\d{1,3}(?:,\d{3})*$/;
/** Between the holder's name and the verb: an appositive, "who", adverbs ("Roe, a junior, now has", "Roe, who now has"). */
const NAME_TO_VERB = /^(?:\s*,[^,;]{1,40},)?(?:\s*,)?\s*(?:(?:who|now|still|already|also|then|\p{Ll}+ly)\s+)*$/u;
/** A capitalised name: one to three capitalised words, the last one the surname. */
const NAME_END = /(?:^|[^\p{L}’'.-])((?:\p{Lu}[\p{L}’'.-]*\s+){0,2}\p{Lu}[\p{L}’'-]*)$/u;
/** Capitalised words that start sentences or clauses and are no name. */
const NOT_NAME = new Set('The A An He She It They We I His Her Their Its This That These Those Then But And Still Also Now'.split(' '));

interface Held {
  /** The holder's surname as written. */
  holder: string;
  /** Where the verb starts (the clause the figure is in starts at the name). */
  nameStart: number;
}

/** The named holder of a figure starting at `at` in the sentence: the name written before the verb right before it, or null. */
/** How far before a figure its verb and holder are looked for (characters): bounds the work in run-on text. */
const LOOK_BACK = 200;

function heldBy(text: string, sent: Span, at: number, withToo = false): Held | null {
  const before = text.slice(Math.max(sent.start, at - LOOK_BACK), at).trimEnd();
  const from = Math.max(sent.start, at - LOOK_BACK);
  const phrasal = PHRASAL.exec(before);
  if (phrasal) return nameBefore(text, sent, from + phrasal.index);
  const m = lastWords(before);
  if (!m) return null;
  // "has now 2,301", "added just 12": an adverb after the verb
  const [verb, verbAt] = m.second !== undefined && ADVERB.test(m.second) ? [m.first, m.index] : [m.second ?? m.first, before.length - (m.second ?? m.first).length];
  if (HOLD_VERBS.has(verb.toLowerCase())) return nameBefore(text, sent, from + verbAt);
  // (a figure with its noun may also be held "with": "finished with 20 points", "led the visitors with 13 points")
  return withToo && verb === 'with' ? clauseSubject(text, sent, from + verbAt) : null;
}

const LETTER = /^\p{L}$/u;
const SPACE = /^\s$/;

/** Where the run of letters (Unicode, by code point) that ends at `end` of `s` starts (`end` when none does). */
function lettersBefore(s: string, end: number): number {
  let e = end;
  while (e > 0) {
    const c = s.charCodeAt(e - 1);
    if (c < 128) {
      if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) break;
      e--;
      continue;
    }
    // a letter outside the BMP is a surrogate pair
    const n = c >= 0xdc00 && c <= 0xdfff && e >= 2 && (s.charCodeAt(e - 2) & 0xfc00) === 0xd800 ? 2 : 1;
    if (!LETTER.test(s.slice(e - n, e))) break;
    e -= n;
  }
  return e;
}

/**
 * The last word of `s` (letters up to its end) and, when only white space parts them, the word
 * before it, with where the match starts: what /(\p{L}+)(?:\s+(\p{L}+))?$/u finds, read from the
 * end (the expression is tried at every position of up to LOOK_BACK characters). Null when `s`
 * does not end in a letter.
 */
function lastWords(s: string): { index: number; first: string; second: string | undefined } | null {
  const last = lettersBefore(s, s.length);
  if (last === s.length) return null;
  let gap = last;
  // (white space is all in the BMP)
  while (gap > 0 && SPACE.test(s[gap - 1])) gap--;
  const first = gap < last ? lettersBefore(s, gap) : gap;
  return first < gap ? { index: first, first: s.slice(first, gap), second: s.slice(last) } : { index: last, first: s.slice(last), second: undefined };
}

/** The name that opens the clause a word at `at` is in ("Roe led the visitors with", ", while Roe finished with"). */
function clauseSubject(text: string, sent: Span, at: number): Held | null {
  if (at - sent.start > LOOK_BACK) return null;
  const upTo = text.slice(sent.start, at);
  const from = Math.max(upTo.lastIndexOf(','), upTo.lastIndexOf(';'), upTo.lastIndexOf(':')) + 1;
  const m = /^\s*(?:(?:while|and|but|as|when|whereas)\s+)?((?:\p{Lu}[\p{L}’'-]*\s+){0,2}\p{Lu}[\p{L}’'-]*)\s+\p{Ll}.*$/su.exec(upTo.slice(from));
  if (!m || NOT_NAME.has(m[1].split(/\s+/)[0])) return null;
  return { holder: m[1].split(/\s+/).pop()!.replace(/['’]s$/, ''), nameStart: sent.start + from + m[0].indexOf(m[1]) };
}

/** A sentence that opens with a name and its verb ("Roe finished with 20 points and now has"): the name. */
const OPENING_NAME = /^((?:\p{Lu}[\p{L}’'-]*\s+){0,2}\p{Lu}[\p{L}’'-]*)\s+\p{Ll}[^\p{Lu},;:]*\band\s+(?:(?:now|still|also|then)\s+)?$/u;

/** The name right before a verb starting at `verbStart` (past an appositive, "who", adverbs), or null. */
function nameBefore(text: string, sent: Span, verbStart: number, sentenceStart = true): Held | null {
  if (verbStart - sent.start > LOOK_BACK) return nameNear(text, verbStart);
  const upTo = text.slice(sent.start, verbStart);
  // a verb coordinated with the sentence's first verb has its subject: "Roe finished with 20 points and now has 2,302"
  const opening = sentenceStart ? OPENING_NAME.exec(upTo) : null;
  if (opening && !NOT_NAME.has(opening[1].split(/\s+/)[0])) return { holder: opening[1].split(/\s+/).pop()!.replace(/['’]s$/, ''), nameStart: sent.start };
  // the name's end: the last capitalised word before the verb with only NAME_TO_VERB between
  for (let end = upTo.length; end > 0; end--) {
    if (!/[\p{L}’'-]/u.test(upTo[end - 1]) || /[\p{L}’'-]/u.test(upTo[end] ?? '')) continue;
    if (!NAME_TO_VERB.test(upTo.slice(end))) return null;
    const m = NAME_END.exec(upTo.slice(0, end));
    if (!m) continue;
    const words = m[1].split(/\s+/);
    const surname = words[words.length - 1].replace(/['’]s$/, '');
    if (NOT_NAME.has(words[0]) && words.length === 1) continue;
    if (NOT_NAME.has(surname)) return null;
    return { holder: surname, nameStart: sent.start + m.index + m[0].indexOf(m[1]) };
  }
  return null;
}

/** In a long sentence, the name right before the verb only (past an appositive, "who", adverbs), in the last LOOK_BACK characters. */
function nameNear(text: string, verbStart: number): Held | null {
  return nameBefore(text, { start: verbStart - LOOK_BACK, end: verbStart }, verbStart, false);
}

/** A bare figure in parentheses right after a name: "Buford (2,116)", "Harstad (2,110)". */
const AFTER_NAME_PAREN = /(\p{Lu}[\p{L}’'-]+)\s+\((\d{1,3}(?:,\d{3})+|\d{1,3})\)/gu;

interface Bare {
  span: Span;
  value: number;
  holder: string;
  sent: Span;
  /** Where the holder's clause starts: a noun of the same sentence is taken only from before it. */
  clauseStart: number;
  /** Held through a verb ("added 12"), or in parentheses after the name ("Buford (2,116)"). */
  by: 'verb' | 'parenthesis';
}

/** The bare figures of a sentence (no quantity read there), after a verb of holding or in parentheses after a name. */
function bareOf(text: string, sent: Span, read: readonly Quantity[]): Bare[] {
  const out: Bare[] = [];
  const chunk = text.slice(sent.start, sent.end);
  // whether a quantity read overlaps [start, end): those starting before `end` are a prefix of `read` (text
  // order); the furthest end in that prefix decides, so a sentence of many figures stays n log n
  const furthestEnd: number[] = [];
  for (const q of read) furthestEnd.push(Math.max(q.span.end, furthestEnd[furthestEnd.length - 1] ?? -1));
  const taken = (start: number, end: number) => {
    const before = partitionPoint(read, (q) => q.span.start < end);
    return before > 0 && furthestEnd[before - 1] > start;
  };
  for (const m of chunk.matchAll(/\d[\d,]*/g)) {
    const start = sent.start + m.index;
    const digits = m[0].replace(/,$/, '');
    const end = start + digits.length;
    if (!DIGITS.test(digits) || /^(?:1[89]|2[01])\d\d$/.test(digits) || taken(start, end) || /[\d.:/-]/.test(text[start - 1] ?? '') || /^[.:/-]\d|^-/.test(text.slice(end, end + 2))) continue;
    if (!ENDS_FIGURE.test(text.slice(end, Math.min(sent.end, end + 40)))) continue;
    const held = heldBy(text, sent, start);
    if (held) out.push({ span: { start, end }, value: Number(digits.replace(/,/g, '')), holder: held.holder, sent, clauseStart: held.nameStart, by: 'verb' });
  }
  for (const m of chunk.matchAll(AFTER_NAME_PAREN)) {
    const start = sent.start + m.index + m[0].lastIndexOf(m[2]);
    const end = start + m[2].length;
    // a year in parentheses is a date ("The Golden Compass (2007)")
    if (/^(?:1[89]|2[01])\d\d$/.test(m[2]) || taken(start, end) || NOT_NAME.has(m[1])) continue;
    out.push({ span: { start, end }, value: Number(m[2].replace(/,/g, '')), holder: m[1].replace(/['’]s$/, ''), sent, clauseStart: sent.start + m.index, by: 'parenthesis' });
  }
  return out;
}

/** A counted figure (a count with its noun written), with its holder's surname when a verb of holding (or "with") names one. */
interface HeldFigure {
  q: Quantity;
  holder: string | null;
  sent: Span;
  /** Among the figures of its sentence up to it: whether they count more than one noun, and whether one has a named holder. */
  mixed: boolean;
  named: boolean;
}

/**
 * Gives the bare figures of an article their counted noun (see the file's comment). `read` are the
 * quantities read so far, in text order; returns the new ones (unit `count`, span the number alone).
 */
export function bareFigures(text: string, sentences: readonly Span[], read: readonly Quantity[]): Quantity[] {
  if (!read.length) return [];
  const counted: HeldFigure[] = [];
  const bare: Bare[] = [];
  let at = 0;
  for (const sent of sentences) {
    // (quantities and sentences are both in text order)
    while (at < read.length && read[at].span.start < sent.start) at++;
    let to = at;
    while (to < read.length && read[to].span.start < sent.end) to++;
    const inSent = read.slice(at, to).filter((q) => q.span.end <= sent.end);
    let prev: HeldFigure | null = null;
    for (const q of inSent) {
      if (q.unit !== 'count' || !q.counted || q.qualifier === 'range') continue;
      const holder = heldBy(text, sent, q.span.start, true)?.holder ?? null;
      const c: HeldFigure = { q, holder, sent, mixed: !!prev && (prev.mixed || prev.q.counted !== q.counted), named: !!prev?.named || holder !== null };
      counted.push(c);
      prev = c;
    }
    if (/\d/.test(text.slice(sent.start, sent.end))) bare.push(...bareOf(text, sent, inSent));
  }
  const byHolder = new Map<string, HeldFigure[]>();
  for (const c of counted) if (c.holder !== null) (byHolder.get(c.holder) ?? byHolder.set(c.holder, []).get(c.holder)!).push(c);
  const out: Quantity[] = [];
  for (const b of bare) {
    const noun = ownNoun(b, counted, byHolder.get(b.holder) ?? []) ?? elidedNoun(b, counted);
    if (!noun) continue;
    out.push({ span: b.span, text: text.slice(b.span.start, b.span.end), value: b.value, low: null, high: null, unit: 'count', qualifier: 'exact', counted: noun });
  }
  return out;
}

/** How many of `figures` (in text order) end at or before `at`. */
function endingBy(figures: readonly HeldFigure[], at: number): number {
  return partitionPoint(figures, (f) => f.q.span.end <= at);
}

/** The noun of the same holder's nearest other held figure in the article (the earlier of two as near). */
function ownNoun(b: Bare, counted: readonly HeldFigure[], mine: readonly HeldFigure[]): string | null {
  // a figure earlier in the holder's own clause ("Roe finished with 20 points and now has 2,302")
  const last = counted[endingBy(counted, b.span.start) - 1];
  if (last && last.sent === b.sent && last.q.span.start >= b.clauseStart) return last.q.counted;
  if (!mine.length) return null;
  const k = endingBy(mine, b.span.start);
  const [before, after] = [mine[k - 1], mine[k]];
  if (!after) return before.q.counted;
  if (!before) return after.q.counted;
  return b.span.start - before.q.span.start <= after.q.span.start - b.span.start ? before.q.counted : after.q.counted;
}

/** The noun a joined clause of the same sentence leaves out: every counted figure before the holder's clause counts it. */
function elidedNoun(b: Bare, counted: readonly HeldFigure[]): string | null {
  if (b.by !== 'verb') return null;
  const last = counted[endingBy(counted, b.clauseStart) - 1];
  // the clause that leaves the noun out repeats one whose holder is named ("X scored 14 points and Y scored 13")
  if (!last || last.sent !== b.sent || !last.named || last.mixed) return null;
  return last.q.counted;
}

/** Whether a figure's counted noun is not written in its own words (a bare figure given its noun here). */
export function nounNotWritten(q: Quantity): boolean {
  return q.counted !== null && q.unit === 'count' && /^\d[\d,]*$/.test(q.text);
}

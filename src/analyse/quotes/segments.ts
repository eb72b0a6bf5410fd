/**
 * Quotation marks: which stretches of the text are quoted. Pairs of double marks within a
 * paragraph (curly, straight, guillemets; NYT-style ''…'' and top-level ‘…’ after
 * normaliseQuoteMarks), a quotation left open over paragraphs, and look-ups over the pairs found
 * (sorted and disjoint, so binary search).
 */
import type { Quote, QuoteKind, Span } from '../../model/types.js';
import { CLOSE_DQ, CUE_FORMS, DOUBLE_MARK, OPEN_DQ } from './words.js';
import { partitionPoint } from '../../util/search.js';

const MARK_RE = new RegExp(DOUBLE_MARK.source, 'g');

export interface QuotedSegment {
  /** Inner span (without the marks). */
  inner: Span;
  /** Span including the marks. */
  outer: Span;
  /** The quote is left open at the end of its paragraph and reopened in the next (multi-paragraph quote). */
  continues: boolean;
}

/**
 * Pairs double quotation marks within paragraphs (curly, straight, guillemets). An unclosed mark
 * yields nothing, except the newspaper convention of a paragraph left open and the next one
 * reopening the quote; when `unclosed` is given, each such mark's stretch (from the mark to the
 * next opening mark or to the end of its paragraph) is added to it.
 */
export function findQuotedSegments(text: string, unclosed?: Span[]): QuotedSegment[] {
  const out: QuotedSegment[] = [];
  const n = text.length;
  let paraStart = 0;
  // a quotation open from an earlier paragraph closes at this mark (closingParagraph): it is no opening mark
  let closesAt = -1;
  const nextMark = markFinder(text);
  while (paraStart <= n) {
    let paraEnd = text.indexOf('\n', paraStart);
    if (paraEnd < 0) paraEnd = n;
    let open = -1;
    const from = closesAt >= 0 ? closesAt + 1 : paraStart;
    closesAt = -1;
    for (let mm = nextMark(from); mm && mm.index < paraEnd; mm = nextMark(mm.index + mm[0].length)) {
      const i = mm.index;
      const c = mm[0];
      if (OPEN_DQ.includes(c)) {
        if (open >= 0) unclosed?.push({ start: open, end: i }); // a second opening mark before any close: the first was stray
        open = i;
      } else if (CLOSE_DQ.includes(c)) {
        if (open >= 0 && i > open + 1) out.push({ inner: { start: open + 1, end: i }, outer: { start: open, end: i + 1 }, continues: false });
        open = -1;
      } else if (c === '"') {
        if (open < 0) open = i;
        else {
          if (i > open + 1) out.push({ inner: { start: open + 1, end: i }, outer: { start: open, end: i + 1 }, continues: false });
          open = -1;
        }
      }
    }
    if (open >= 0) {
      let k = paraEnd;
      while (k < n && /\s/.test(text[k])) k++;
      let e = paraEnd;
      while (e > open + 1 && /\s/.test(text[e - 1])) e--;
      const reopens = k < n && (OPEN_DQ.includes(text[k]) || text[k] === '"');
      const closing = reopens || e <= open + 1 || attributedAtEnd(text.slice(open + 1, e)) ? null : closingParagraph(text, paraEnd);
      if (e > open + 1 && (reopens || closing)) out.push({ inner: { start: open + 1, end: e }, outer: { start: open, end: e }, continues: true });
      else unclosed?.push({ start: open, end: paraEnd });
      if (closing) {
        // the paragraphs between, whole, then the closing one up to its mark
        for (const [a, b] of closing.between) out.push({ inner: { start: a, end: b }, outer: { start: a, end: b }, continues: true });
        out.push({ inner: { start: closing.start, end: closing.close }, outer: { start: closing.start, end: closing.close + 1 }, continues: false });
        closesAt = closing.close;
        paraEnd = closing.paraStart - 1;
      }
    }
    paraStart = paraEnd + 1;
  }
  return out;
}

/**
 * The first quotation mark at or after a position. The match found past a paragraph's end is kept
 * for the paragraphs that follow: asking again from each paragraph's start would scan to the next
 * mark every time, to the end of the text for every paragraph after the last mark (quadratic).
 */
function markFinder(text: string): (from: number) => RegExpExecArray | null {
  let cachedFrom = -1;
  let cached: RegExpExecArray | null = null;
  return (from) => {
    // the first match at or after cachedFrom is also the first at or after any position up to it
    if (cachedFrom >= 0 && cachedFrom <= from && (cached === null || cached.index >= from)) return cached;
    MARK_RE.lastIndex = from;
    cached = MARK_RE.exec(text);
    cachedFrom = from;
    return cached;
  };
}

/**
 * Whether a paragraph's text ends in its own attribution after a comma (", Putin said."): the
 * quotation it opened ended there without its closing mark, it does not run on.
 */
function attributedAtEnd(tail: string): boolean {
  const m = /,\s*((?:[^\s,.!?]+\.?\s+){0,6}[^\s,.!?]+)\s*[.!?]?\s*$/u.exec(tail);
  // (a finite reporting verb: ", calling Larry a cheater." is the quotation's own words)
  return m !== null && m[1].split(/\s+/).some((w) => CUE_FORMS.has(w.toLowerCase()) && !/ing$/i.test(w));
}

/** How many paragraphs with no quotation mark a quotation left open may run over before the one it closes in. */
const MAX_OPEN_PARAGRAPHS = 4;

/**
 * The newspaper convention written without reopening marks: a quotation left open at the end of a
 * paragraph (the one ending at `paraEnd`) and closed in a later paragraph, with none but the closing
 * mark between (" He was pretty shook up. ¶ He tried to provide first aid, " said Sgt. X). The
 * closing paragraph's first mark closes: a closing curly mark, or a straight one after the end of a
 * sentence or a comma when that paragraph holds an odd number of marks. The paragraphs between
 * (at most MAX_OPEN_PARAGRAPHS) hold no mark at all; otherwise, or when no paragraph closes it, the
 * opening mark stays unclosed. Reads at most MAX_OPEN_PARAGRAPHS + 1 paragraphs per open mark.
 */
function closingParagraph(text: string, paraEnd: number): { between: [number, number][]; paraStart: number; start: number; close: number } | null {
  const between: [number, number][] = [];
  let end = paraEnd;
  while (between.length <= MAX_OPEN_PARAGRAPHS && end < text.length) {
    const start = end + 1;
    end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const para = text.slice(start, end);
    if (!/\S/.test(para)) continue;
    const marks = [...para.matchAll(new RegExp(MARK_RE.source, 'g'))];
    let a = start;
    while (a < end && /\s/.test(text[a])) a++;
    if (!marks.length) {
      let b = end;
      while (b > a && /\s/.test(text[b - 1])) b--;
      between.push([a, b]);
      continue;
    }
    const first = marks[0];
    const i = start + first.index!;
    const closes = CLOSE_DQ.includes(first[0]) || (first[0] === '"' && marks.length % 2 === 1 && /[.,!?…—-]\s*$/.test(text.slice(a, i)));
    return closes && i > a ? { between, paraStart: start, start: a, close: i } : null;
  }
  return null;
}

/**
 * A closing curly mark that opens a paragraph right before a word ("”Fear. I am truly afraid …” ― X"): a
 * mark turned the wrong way. No quotation closes before the first word of its paragraph, so it opens one.
 */
const TURNED_OPENING = /(^|\n)([ \t]*)”(?=[\p{L}\p{N}])/gu;

/**
 * Same-length copy of `text` in which quotation marks written another way become double marks:
 * two apostrophes ('' as in the New York Times archive) become `" `, top-level single curly
 * quotes (‘…’ in headlines) become “…”, and a closing mark that opens a paragraph before a word
 * becomes an opening one. Offsets are unchanged, so spans index the original text.
 */
export function normaliseQuoteMarks(text: string): string {
  let work = text.includes("''") ? text.replace(/''/g, '" ') : text;
  if (work.includes('”')) work = work.replace(TURNED_OPENING, '$1$2“');
  if (!work.includes('‘')) return work;
  // the marks turned, in text order (opening, closing, …): the copy is built once at the end, and
  // only when a pair turns (most texts with a ‘ have none at the top level)
  const turned: number[] = [];
  // what the text holds at k, with the marks turned so far (only the last closing mark lies behind the scan)
  const at = (k: number): string => (k === turned[turned.length - 1] ? '”' : work[k]);
  let inDouble = false;
  // only the marks matter: jump from one to the next
  const marks = /[\n“„«”»"‘]/g;
  for (let mm = marks.exec(work); mm; mm = marks.exec(work)) {
    const i = mm.index;
    const c = work[i];
    if (c === '\n') inDouble = false;
    else if (OPEN_DQ.includes(c)) inDouble = true;
    else if (CLOSE_DQ.includes(c)) inDouble = false;
    else if (c === '"') inDouble = !inDouble;
    else if (c === '‘' && !inDouble && (i === 0 || /[\s([—–:-]/.test(at(i - 1))) && /[\p{L}\p{N}$]/u.test(work[i + 1] ?? '')) {
      for (let j = i + 2; j < Math.min(work.length, i + 400); j++) {
        const d = work[j];
        if (d === '\n' || d === '‘' || OPEN_DQ.includes(d) || d === '"') break;
        if (d !== '’') continue;
        const next = work[j + 1] ?? ' ';
        if (/[\p{L}\p{N}]/u.test(next)) continue; // apostrophe inside a word
        const prev = work[j - 1];
        if (/[.,!?]/.test(prev) || /[\s.,;:!?)—–-]/.test(next) && prev !== 's') {
          turned.push(i, j);
          marks.lastIndex = j + 1;
          break;
        }
      }
    }
  }
  if (!turned.length) return work;
  const parts: string[] = [];
  let from = 0;
  for (let k = 0; k < turned.length; k++) {
    parts.push(work.slice(from, turned[k]), k % 2 ? '”' : '“');
    from = turned[k] + 1;
  }
  parts.push(work.slice(from));
  return parts.join('');
}

/** Look-ups over the quotation segments of one text (sorted and disjoint): each O(log n). */
export class SegmentIndex {
  constructor(readonly segments: QuotedSegment[]) {}

  /** Index of the first segment whose `side` span ends after `pos`; segments.length if none. */
  firstEndingAfter(pos: number, side: 'inner' | 'outer'): number {
    return partitionPoint(this.segments, (g) => g[side].end <= pos);
  }

  /** Is `pos` inside the marks of some quotation? */
  inAnySegment(pos: number): boolean {
    const i = this.firstEndingAfter(pos, 'inner');
    return i < this.segments.length && this.segments[i].inner.start <= pos;
  }

  /** Does `span` share a character with the inner span of some quotation? */
  overlapsSegment(span: Span): boolean {
    const i = this.firstEndingAfter(span.start, 'inner');
    return i < this.segments.length && this.segments[i].inner.start < span.end;
  }

  /** Index of the segment whose outer span contains `pos`, else -1. */
  segmentAt(pos: number): number {
    const i = this.firstEndingAfter(pos, 'outer');
    return i < this.segments.length && this.segments[i].outer.start <= pos ? i : -1;
  }

  /** The last segment of the quotation that goes on from segment `g` over the next paragraphs (`continues`). */
  quotationEnd(g: number): number {
    let e = g;
    while (this.segments[e].continues && this.segments[e + 1]) e++;
    return e;
  }
}

/** `covers(a, b)`: does some quote start at or before `a` and end at or after `b`? O(log n) per query. */
export function coverIndex(quotes: Quote[]): (a: number, b: number) => boolean {
  const spans = quotes.map((q) => q.span).sort((x, y) => x.start - y.start);
  const maxEnd: number[] = [];
  for (let i = 0; i < spans.length; i++) maxEnd.push(Math.max(spans[i].end, i ? maxEnd[i - 1] : 0));
  return (a, b) => {
    const lo = partitionPoint(spans, (s) => s.start <= a);
    return lo > 0 && maxEnd[lo - 1] >= b;
  };
}

/** Direct when quotation marks cover at least 90% of the content, partial when they cover some, else indirect. */
export function kindOf(_text: string, content: Span, segments: QuotedSegment[]): QuoteKind {
  let covered = 0;
  let any = false;
  for (const seg of segments) {
    if (seg.outer.end <= content.start) continue;
    if (seg.outer.start >= content.end) break;
    any = true;
    covered += Math.max(0, Math.min(seg.inner.end, content.end) - Math.max(seg.inner.start, content.start));
  }
  if (!any) return 'indirect';
  return covered >= (content.end - content.start) * 0.9 ? 'direct' : 'partial';
}

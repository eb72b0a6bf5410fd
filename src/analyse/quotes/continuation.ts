/**
 * Continuation: a whole-sentence quotation with no cue (four words at least: shorter ones are
 * scare quotes and names) continues the nearest attributed quote before it in the same paragraph,
 * else the nearest after it in the same paragraph, else the nearest before it. In the same
 * paragraph after a direct quote ("“A,” X told Y. “B.”") it is a further part of that quote; an
 * earlier paragraph's quote gives only its speaker.
 */
import type { Quote } from '../../model/types.js';
import { tokenAt } from '../tokenize.js';
import type { QuoteDoc } from './document.js';
import { coverIndex, type QuotedSegment } from './segments.js';
import { isClose, isCue, isWord } from './words.js';

/** Adds the continuations to `d.quotes` (sorted by position on the way). */
export function continueQuotations(d: QuoteDoc): void {
  const { text, toks, segments, sentences, quotes, segQuote } = d;
  quotes.sort((x, y) => x.span.start - y.span.start || x.span.end - y.span.end);
  const cover = coverIndex(quotes);
  const taken = (seg: QuotedSegment) => cover(seg.inner.start + 1, seg.inner.end - 1);
  const extra: Quote[] = [];
  /** Position of the mark that closes a quotation ending at `end` (skipping , . ? !). */
  const segmentEndMark = (end: number): number => {
    let e = end;
    while (e < text.length && /[,.!?]/.test(text[e])) e++;
    return e;
  };
  /** Does quote `q` end at a closing quotation mark (after its , . ? !)? */
  const closed = (q: Quote) => isClose(text[q.span.end - 1]) || isClose(text[segmentEndMark(q.span.end)] ?? '');
  for (let si = 0; si < segments.length; si++) {
    const seg = segments[si];
    if (segQuote.has(si) || taken(seg)) continue;
    let words = 0;
    for (let x = tokenAt(toks, seg.inner.start); x < toks.length && toks[x].start < seg.inner.end && words < 4; x++) if (isWord(toks[x])) words++;
    if (words < 4) continue; // scare quotes and names
    const sIdx = d.sentOf(seg.outer.start);
    const sent = sentences[sIdx];
    const startsSentence = tokenAt(toks, sent.start) === tokenAt(toks, seg.outer.start);
    if (!startsSentence) continue;
    // nearest attributed quote within 600 characters before, else after in the same paragraph
    let prevQ: Quote | null = null;
    for (const q of quotes) {
      if (q.span.end > seg.outer.start) break;
      if (seg.outer.start - q.span.end < 600 && (q.speakerSpan || q.speaker)) prevQ = q;
    }
    let nextQ: Quote | null = null;
    for (const q of quotes) if (q.span.start >= seg.outer.end && q.span.start - seg.outer.end < 300 && !text.slice(seg.outer.end, q.span.start).includes('\n') && (q.speakerSpan || q.speaker)) {
      nextQ = q;
      break;
    }
    const prevSamePara = prevQ !== null && !text.slice(prevQ.span.end, seg.outer.start).includes('\n');
    const src = prevSamePara ? prevQ : (nextQ ?? prevQ);
    if (!src) continue;
    const sj = d.marks.quotationEnd(si);
    const end = segments[sj].inner.end;
    // the same speaker goes on in the same paragraph: after a quotation ("“A,” X told Y. “B.”") or after
    // reported speech ("X said that A. “B.”"), one attribution whose content is in fragments, as PolNeAR
    // annotates it (quotes NOTES.md, session 34: out of fold on train +0.0006 / +0.0004, development half +0.0008)
    if (prevSamePara && prevQ && prevQ === src && (prevQ.kind !== 'direct' || closed(prevQ))) {
      let ok = true;
      for (let x = tokenAt(toks, prevQ.span.end); x < tokenAt(toks, seg.outer.start) && ok; x++)
        if (isCue(toks, x, false) && toks[x].start !== prevQ.cue?.span.start) ok = false;
      if (ok) {
        prevQ.parts = [...(prevQ.parts ?? [prevQ.span]), { start: seg.inner.start, end }];
        prevQ.span = { start: prevQ.span.start, end };
        si = sj;
        continue;
      }
    }
    extra.push({
      span: { start: seg.inner.start, end },
      kind: 'direct',
      speakerSpan: src.speakerSpan,
      speaker: src.speaker,
      speakerName: src.speakerName,
      cue: null,
    });
    si = sj;
  }
  quotes.push(...extra);
}

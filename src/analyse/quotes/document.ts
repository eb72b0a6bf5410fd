/**
 * One article as the quote passes see it: the text (quotation marks normalised), its tokens,
 * sentences and quotation segments, and what the passes have found so far (quotes, the cues and
 * segments they used, the speakers named).
 */
import type { EntityMention, Quote, QuoteKind, Span, SyntaxToken, Token } from '../../model/types.js';
import { tokenize } from '../tokenize.js';
import { findQuotedSegments, normaliseQuoteMarks, type QuotedSegment, SegmentIndex } from './segments.js';
import { mentionsFrom, type Resolution, resolveSpeaker, type SpeakerContext } from './speakers.js';

export class QuoteDoc {
  readonly text: string;
  readonly toks: Token[];
  readonly segments: QuotedSegment[];
  readonly marks: SegmentIndex;
  readonly ctx: SpeakerContext;
  readonly quotes: Quote[] = [];
  /** Tokens already used as the cue of a quote. */
  readonly usedCue = new Set<number>();
  /** Segment index → quote index. */
  readonly segQuote = new Map<number, number>();
  /** Quotation marks that never close, from the mark to the next opening mark or the paragraph's end. */
  readonly unclosed: Span[] = [];

  constructor(
    original: string,
    readonly sentences: Span[],
    readonly entities: EntityMention[],
    /** The article's dependency parse (../syntax), when it was parsed: the tagger's tree features. */
    readonly parse: readonly SyntaxToken[] | null = null,
  ) {
    this.text = normaliseQuoteMarks(original);
    this.toks = tokenize(this.text);
    this.segments = findQuotedSegments(this.text, this.unclosed);
    this.marks = new SegmentIndex(this.segments);
    this.ctx = { text: this.text, toks: this.toks, mentions: mentionsFrom(entities), speakers: [] };
    this.ctx.quoted = (pos) => this.marks.inAnySegment(pos);
  }

  /** The sentence of a position. */
  sentOf(pos: number): number {
    const sentences = this.sentences;
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sentences[mid].start <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  inAnySegment(pos: number): boolean {
    return this.marks.inAnySegment(pos);
  }

  resolve(span: Span): Resolution {
    return resolveSpeaker(this.ctx, span);
  }

  /** A quote of `content` (trimmed) with its speaker resolved and recorded; null when the content has no word. */
  make(content: Span, speakerIn: Span | null, cue: Token | null, kind: QuoteKind, parts?: Span[]): Quote | null {
    const { text, ctx } = this;
    const c = trimSpan(text, content);
    let speakerSpan = speakerIn;
    // "what Roe claimed", "declared by Roe": the function word is not part of the speaker
    const lead = speakerSpan ? /^(?:what|by|that|which|as|and|but|so)\s+(?=\S)/i.exec(text.slice(speakerSpan.start, speakerSpan.end)) : null;
    if (speakerSpan && lead) speakerSpan = { start: speakerSpan.start + lead[0].length, end: speakerSpan.end };
    if (c.end - c.start < 2 || !/[\p{L}\p{N}]/u.test(text.slice(c.start, c.end))) return null;
    const who = speakerSpan ? resolveSpeaker(ctx, speakerSpan) : { entity: null, name: null };
    const q: Quote = {
      span: c,
      kind,
      speakerSpan,
      speaker: who.entity,
      speakerName: who.name,
      cue: cue ? { span: { start: cue.start, end: cue.end }, verb: cue.text.toLowerCase() } : null,
    };
    if (parts && parts.length > 1) q.parts = parts;
    if (speakerSpan) {
      const raw = text.slice(speakerSpan.start, speakerSpan.end).toLowerCase();
      ctx.speakers.push({
        pos: speakerSpan.start,
        entity: who.entity,
        name: who.name,
        span: speakerSpan,
        plural: /^(they|we)$/.test(raw) || (/s$/.test(raw) && !/[’']s$/.test(raw) && !/(?:^|\s)\p{Lu}\S*$/u.test(raw)),
      });
    }
    return q;
  }
}

export function trimSpan(text: string, s: Span): Span {
  let a = s.start;
  let b = s.end;
  while (a < b && /[\s,:;—–-]/.test(text[a])) a++;
  while (b > a && /[\s,:;—–-]/.test(text[b - 1])) b--;
  return { start: a, end: b };
}


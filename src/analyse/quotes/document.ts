/**
 * One article as the quote passes see it: the text (quotation marks normalised), its tokens,
 * sentences and quotation segments, and what the passes have found so far (quotes, the cues and
 * segments they used, the speakers named).
 */
import type { EntityMention, Quote, QuoteKind, Span, SyntaxToken, Token } from '../../model/types.js';
import { CueScores, loadCueClassifier } from '../attribution/cue-classifier.js';
import { tokenize } from '../tokenize.js';
import { partitionPoint } from '../../util/search.js';
import { parseChildren } from './review.js';
import { findQuotedSegments, normaliseQuoteMarks, type QuotedSegment, SegmentIndex } from './segments.js';
import { firstMentionReaching, mentionsFrom, type Resolution, resolveSpeaker, type SpeakerContext } from './speakers.js';

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
  private scores: CueScores | null | undefined;

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
    this.ctx = { text: this.text, toks: this.toks, mentions: mentionsFrom(entities, this.text), speakers: [], parse };
    this.ctx.quoted = (pos) => this.marks.inAnySegment(pos);
  }

  /**
   * The cue classifier's scores of this article's tokens, one cache for pass 3 and the review's
   * content-end ranker (the same tokens, parse, entities and quotations); null without a parse or
   * without the classifier's model file.
   */
  get cueScores(): CueScores | null {
    if (this.scores === undefined) {
      const model = this.parse?.length ? loadCueClassifier() : null;
      const parse = this.parse;
      this.scores = model && parse ? new CueScores(model, this.toks, parse, this.entities, this.segments.map((s) => s.inner), () => parseChildren(parse)) : null;
    }
    return this.scores;
  }

  /** The sentence of a position. */
  sentOf(pos: number): number {
    // the last sentence starting at or before pos (the first when none does)
    return Math.max(0, partitionPoint(this.sentences, (s) => s.start <= pos) - 1);
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
    let c = trimSpan(text, content);
    let speakerSpan = speakerIn;
    // "what Roe claimed", "declared by Roe": the function word is not part of the speaker
    const lead = speakerSpan ? /^(?:what|by|that|which|as|and|but|so)\s+(?=\S)/i.exec(text.slice(speakerSpan.start, speakerSpan.end)) : null;
    if (speakerSpan && lead) speakerSpan = { start: speakerSpan.start + lead[0].length, end: speakerSpan.end };
    if (c.end - c.start < 2 || !/[\p{L}\p{N}]/u.test(text.slice(c.start, c.end))) return null;
    if (speakerSpan) ({ content: c, speaker: speakerSpan } = speakerOutsideContent(text, c, speakerSpan, parts));
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
      // a person's name that ends in "s" is one person ("Officer Brian Pennings"), a capitalised
      // plural opening a sentence is not ("Experts said")
      const end = speakerSpan.end;
      let person = false;
      for (let i = firstMentionReaching(ctx.mentions, end - 1); i < ctx.mentions.length && !person; i++) {
        const m = ctx.mentions[i];
        if (m.span.start >= end) break;
        person = m.type === 'PER' && end <= m.span.end;
      }
      ctx.speakers.push({
        pos: speakerSpan.start,
        entity: who.entity,
        name: who.name,
        span: speakerSpan,
        plural: /^(they|we)$/.test(raw) || (/s$/.test(raw) && !/[’']s$/.test(raw) && !person),
      });
    }
    return q;
  }
}

/**
 * A speaker never lies inside the statement attributed to it. When the passes put it there:
 * - "according to [the Tax Foundation], more than twice …" / "said [X], …": a speaker at the start
 *   of the content, set off from the rest by a comma, is the cue's object: the content is what
 *   follows the comma;
 * - "… whether Scott had a gun, as [police] have said": a speaker at the end of the content after a
 *   comma (and "as" / "according to") attributes what comes before: the content ends at the comma;
 * - otherwise ("painting [Trump] as a caricature", a content that is the speaker) the phrase is the
 *   content's own subject or object, not who reports it: the quote keeps its content and has no
 *   speaker here (the review gives it the cue's subject when the article was parsed).
 */
export function speakerOutsideContent(text: string, content: Span, speaker: Span, parts?: Span[]): { content: Span; speaker: Span | null } {
  const holds = (p: Span) => p.start <= speaker.start && speaker.end <= p.end;
  if (parts && parts.length > 1) return { content, speaker: parts.some(holds) ? null : speaker };
  if (!holds(content)) return { content, speaker };
  const before = text.slice(content.start, speaker.start);
  const after = text.slice(speaker.end, content.end);
  const rest = /^\s*,/.exec(after);
  if (!/\S/.test(before) && rest && /[\p{L}\p{N}]/u.test(after.slice(rest[0].length))) return { content: trimSpan(text, { start: speaker.end + rest[0].length, end: content.end }), speaker };
  const lead = /,\s*(?:as\s+|according\s+to\s+)?$/i.exec(before);
  if (!/\S/.test(after) && lead && /[\p{L}\p{N}]/u.test(before.slice(0, lead.index))) return { content: trimSpan(text, { start: content.start, end: content.start + lead.index }), speaker };
  return { content, speaker: null };
}

export function trimSpan(text: string, s: Span): Span {
  let a = s.start;
  let b = s.end;
  while (a < b && /[\s,:;—–-]/.test(text[a])) a++;
  while (b > a && /[\s,:;—–-]/.test(text[b - 1])) b--;
  return { start: a, end: b };
}


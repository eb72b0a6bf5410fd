/**
 * Quotes with speakers: direct ("…," Xi said), split ("…," he said, "…"), multi-sentence and
 * multi-paragraph quotes, partial quotes inside indirect speech (calling them “deeply
 * destabilizing”), indirect speech with cue verbs (said that, told, stressed, warned, according to).
 *
 * Rule-based and linear in the text: one tokenisation (quotes/document.ts), then
 *   1. (quotes/marked.ts) every pair of double quotation marks is a candidate segment; a segment is attached to a
 *      speaker through the cue next to it ("…," X said / said X / X said: "…"), or, when it is a
 *      whole sentence with no cue, continues the nearest attributed quote of its paragraph;
 *   1b. (quotes/tagger.ts) the trained attribution tagger (./attribution, models/attrib.bin, trained by
 *      scripts/train-attrib.ts on PolNeAR train) tags cue, source and content per sentence; each
 *      content run not already inside a quotation-marked quote becomes a quote with the nearest cue
 *      of its sentence and the tagged source (else the subject the rules find for that cue). This
 *      covers indirect speech, "according to" and stance verbs ("opposed", "backed") that rules miss.
 *      A content run that is a quotation the sentence splitter cut takes the whole quotation; content
 *      before a cue joins the content after it only when the attribution between them is set off on
 *      both sides ("A, X said, B"), else the content after the cue is the attribution's; a content
 *      run that runs straight into another cue run takes that cue's content too;
 *      a cue that already attributes a quotation gives no second content after it outside quotation marks;
 *   2. (quotes/cue-sentences.ts) every sentence where the tagger found nothing and that has a reporting verb not used above
 *      gives an indirect quote (X said [that] CLAUSE / CLAUSE, X said / according to X, CLAUSE;
 *      "X said in a statement. “…”" takes the quotation after it).
 *   3. (quotes/parse-contents.ts) with the article's parse: a cue the cue classifier (models/cues.bin) accepts,
 *      which no earlier quote overlaps, gives the content the parse makes its argument (its clausal
 *      complement, the clause "X said" hangs on, the clause of "according to X", the controlled clause of
 *      a lexicon cue), said by its subject. An earlier quote the review will drop as an action verb's object
 *      (review.ts actionObjectQuote) blocks no clause and goes; an attribution nested whole in the clause
 *      ("X, which backed Y, spent …, according to Z") stays inside it.
 * A whole-sentence quotation with no cue (quotes/continuation.ts) that follows an attributed quote in the same paragraph
 * ("“A,” X told Y. “B.”", "X said that A. “B.”") is a further part of that quote; an earlier paragraph's quote gives only
 * its speaker. Questions to the reader ("Do you support …?") are not attributions.
 * Short quoted names with no cue ("Star Wars") are scare quotes, not quotes.
 *
 * Speakers (quotes/speakers.ts, quotes/pronouns.ts) are resolved against the entity mentions given (PER/ORG; the mention nearest the head
 * of the speaker phrase); when no mention covers the speaker, a small capitalised-name fallback
 * names it. Pronouns ("he said") resolve to the most recent compatible speaker, else the most
 * recent person mention: "he"/"she" skip names of the other gender (as the text genders them:
 * honorifics, role nouns, pronouns; see gender.ts), "it" takes organisations, "they" only plural speakers; "…, who said"
 * is written as "who" and resolved to the noun phrase before it.
 *
 * Content spans follow the attribution annotation convention of PolNeAR: the complementiser stays
 * in indirect content ("said that …"); a split quote's `parts` are its quoted pieces.
 * Quotation marks: “…”, "…", «…», NYT-style ''…'' and top-level ‘…’ (see normaliseQuoteMarks);
 * an opening mark that never closes gives nothing.
 */
import type { EntityMention, Quote, Span, SyntaxToken } from '../model/types.js';
import { continueQuotations } from './quotes/continuation.js';
import { cueSentenceQuotes } from './quotes/cue-sentences.js';
import { QuoteDoc } from './quotes/document.js';
import { quotationMarkedQuotes } from './quotes/marked.js';
import { reresolvePronouns } from './quotes/pronouns.js';
import { parseContentQuotes, type QuoteTrace } from './quotes/parse-contents.js';
import { verbCueScorer } from './quotes/content-ends.js';
import { linkSpeaker, reviewWithSyntax } from './quotes/review.js';
import { coverIndex } from './quotes/segments.js';
import { cuelessRunQuotes, taggerAttributions } from './quotes/tagger.js';
import { transcriptQuotes } from './quotes/transcripts.js';

export { findQuotedSegments, normaliseQuoteMarks, type QuotedSegment } from './quotes/segments.js';
export { fallbackSpeakerName } from './quotes/speakers.js';

export interface FindQuotesOptions {
  /** Use the trained attribution tagger (models/attrib.bin) for indirect speech; default true. */
  model?: boolean;
  /** The article's parse (../syntax): when given, quotes are reviewed with it (quotes/review.ts). */
  tokens?: readonly SyntaxToken[];
  /**
   * Receives the article's speaker linker once the quotes are found: a phrase → the entity it names
   * (pronouns by the speakers and mentions before it). Lets an evaluation link an annotated source
   * exactly as a predicted speaker is linked.
   */
  linker?: (link: (span: Span) => { entity: string | null; name: string | null }) => void;
  /** Receives the warnings about places in the text (a quotation mark that never closes), each with its span. */
  warnings?: { message: string; span: Span }[];
  /** Pass 3's cue-classifier threshold (PARSE_CONTENT_THRESHOLD when not given): for measuring other thresholds (quote-misses --pass3). */
  parseContentThreshold?: number;
  /** Receives why a cue gives no quote in pass 3, or why a later step drops its quote (quote-misses --stages). */
  trace?: QuoteTrace;
}
/** Finds quotes in `text`. `sentences` from splitSentences; `entities` may be empty. */
export function findQuotes(original: string, sentences: Span[], entities: EntityMention[], options: FindQuotesOptions = {}): Quote[] {
  if (!original || !sentences.length) return [];
  const d = new QuoteDoc(original, sentences, entities, options.tokens ?? null);
  if (options.warnings) options.warnings.push(...unclosedWarnings(d));
  quotationMarkedQuotes(d);
  const pass1Cover = coverIndex(d.quotes);
  const tagged = options.model !== false ? taggerAttributions(d, d.quotes.length) : { sentences: new Set<number>(), cueless: [] };
  cueSentenceQuotes(d, tagged.sentences, pass1Cover);
  continueQuotations(d);
  transcriptQuotes(d);
  if (options.model !== false) parseContentQuotes(d, options.parseContentThreshold, options.trace);
  cuelessRunQuotes(d, tagged.cueless);
  const all = options.trace ? [...d.quotes] : [];
  const out = withoutNested(d);
  if (options.trace) traceDropped(all, out, 'inside another quote (withoutNested)', options.trace);
  // the dependency tree, when the article was parsed: cue classes, speakers as subjects of their cues
  const resolve = (span: Span) => d.resolve(span);
  reresolvePronouns(d.ctx, out, resolve);
  const syntax = options.tokens;
  if (options.linker) options.linker(syntax?.length ? (span) => linkSpeaker(d.text, syntax, span, resolve) : resolve);
  if (!syntax) return out;
  const reviewed = reviewWithSyntax(d.text, out, syntax, resolve, verbCueScorer(d.toks, syntax, d.cueScores));
  if (options.trace) traceDropped(out, reviewed, 'the review (reviewWithSyntax)', options.trace);
  return reviewed;
}

/** Tells `trace` of each quote of `before` with a cue that no quote of `after` with that cue overlaps (the review copies quotes and may move their ends). */
function traceDropped(before: readonly Quote[], after: readonly Quote[], step: string, trace: QuoteTrace): void {
  const kept = (q: Quote) => after.some((o) => o.cue?.span.start === q.cue?.span.start && o.span.start < q.span.end && q.span.start < o.span.end);
  for (const q of before) if (q.cue && !kept(q)) trace(q.cue.span.start, `dropped by ${step}: ${q.kind}`);
}

/** Most warnings about unclosed quotation marks one article gives; the rest are summed up in the last one. */
const MAX_UNCLOSED_WARNINGS = 5;

/** A warning for each quotation mark that never closes (its text is not read as a quotation), at most MAX_UNCLOSED_WARNINGS. */
function unclosedWarnings(d: QuoteDoc): { message: string; span: Span }[] {
  const { text } = d;
  // (a mark with nothing after it in its paragraph leaves no text out; a straight mark followed by a
  // space closes a quotation that began in an earlier paragraph: an opening mark touches its word)
  const unclosed = d.unclosed.filter((s) => /\S/.test(text.slice(s.start + 1, s.end)) && !(text[s.start] === '"' && /\s/.test(text[s.start + 1] ?? '')));
  const trimmed = (s: Span): Span => {
    let end = s.end;
    while (end > s.start + 1 && /\s/.test(text[end - 1])) end--;
    return { start: s.start, end };
  };
  const one = 'a quotation mark opened here never closes in its paragraph: the text after it is not read as a quotation';
  if (unclosed.length <= MAX_UNCLOSED_WARNINGS) return unclosed.map((s) => ({ message: one, span: trimmed(s) }));
  const out = unclosed.slice(0, MAX_UNCLOSED_WARNINGS - 1).map((s) => ({ message: one, span: trimmed(s) }));
  const rest = unclosed.slice(MAX_UNCLOSED_WARNINGS - 1);
  out.push({
    message: `${rest.length} more quotation marks never close in their paragraphs (from here to the last of them): their text is not read as quotations`,
    span: trimmed({ start: rest[0].start, end: rest[rest.length - 1].end }),
  });
  return out;
}

/**
 * The quotes in text order without those inside another (a nested attribution with its own cue
 * in indirect speech stays) and without questions to the reader.
 */
function withoutNested(d: QuoteDoc): Quote[] {
  const { text, sentences, quotes } = d;
  quotes.sort((x, y) => x.span.start - y.span.start || y.span.end - x.span.end);
  const out: Quote[] = [];
  // a question to the reader ("Do you support Donald Trump?", "What do you think of …?") reports nobody
  const toReader = (q: Quote): boolean => {
    if (!q.speakerSpan || q.kind === 'direct' || !/^you$/i.test(text.slice(q.speakerSpan.start, q.speakerSpan.end)) || d.inAnySegment(q.speakerSpan.start)) return false;
    return /\?["”’]?\s*$/.test(text.slice(q.speakerSpan.start, sentences[d.sentOf(q.speakerSpan.start)].end));
  };
  for (const q of quotes) {
    if (toReader(q)) continue;
    const last = out[out.length - 1];
    const nestedAttribution = last?.cue && q.cue && last.cue.span.start !== q.cue.span.start && last.kind !== 'direct' && q.kind !== 'direct' && q.span.start > last.span.start;
    if (last && q.span.start >= last.span.start && q.span.end <= last.span.end && !nestedAttribution) continue;
    out.push(q);
  }
  return out;
}

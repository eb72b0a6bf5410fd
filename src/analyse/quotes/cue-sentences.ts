/**
 * Pass 2: sentences with a reporting verb no earlier pass used, where the tagger found nothing:
 * "X said [that] CLAUSE", "CLAUSE, X said", "according to X, CLAUSE", and headline labels
 * ("Name: CLAUSE"). A cue that gives nothing is retried on the rest of its sentence ("When asked
 * about it, Trump said …"); a reported clause with its own "X said" is looked at once more.
 */
import type { Span } from '../../model/types.js';
import { tokenAt } from '../tokenize.js';
import { type QuoteDoc, trimSpan } from './document.js';
import { kindOf } from './segments.js';
import { mainSubject, sectionHead, subjectAfter, subjectBefore } from './speakers.js';
import { ADDRESSEE_CUES, isCap, isClose, isCue, isOpen, isWord, lower, PARTICIPLE_CUES, TRAILERS } from './words.js';

/** A stretch of text to read: a sentence, or the rest of one after a cue that gave nothing. */
interface WorkItem {
  span: Span;
  retry: boolean;
}

/** The stretch being read, its tokens [lo, hi), and how to queue another stretch of the same sentence. */
interface Clause {
  sent: Span;
  lo: number;
  hi: number;
  retry: boolean;
  /** Read the rest of the sentence from token `from` again (only from a first reading). */
  again: (from: number) => void;
  /** Read the sentence again from position `start`. */
  queue: (start: number) => void;
}

/**
 * Pass 2 over the sentences (and the stretches queued on the way), except those the tagger gave a
 * quote (`modelSentences`) or that lie inside a quote of pass 1 (`pass1Cover`).
 */
export function cueSentenceQuotes(d: QuoteDoc, modelSentences: Set<number>, pass1Cover: (a: number, b: number) => boolean): void {
  const { toks, sentences } = d;
  // (spans copied, so that every entry has the same shape as those pushed below: one hidden class for the optimiser)
  const work: WorkItem[] = [];
  for (let s = 0; s < sentences.length; s++) work.push({ span: { start: sentences[s].start, end: sentences[s].end }, retry: false });
  for (let s = 0; s < work.length; s++) {
    const sent = work[s].span;
    const lo = tokenAt(toks, sent.start);
    const hi = tokenAt(toks, sent.end);
    if (hi - lo < 3) continue;
    if (!work[s].retry && modelSentences.has(s)) continue;
    // skip sentences wholly inside a quote already taken
    if (!work[s].retry && pass1Cover(sent.start + 1, sent.end - 2)) continue;
    const retry = work[s].retry;
    const cl: Clause = {
      sent,
      lo,
      hi,
      retry,
      again: (from) => {
        if (!retry && from < hi - 3) work.push({ span: { start: toks[from].start, end: sent.end }, retry: true });
      },
      queue: (start) => work.push({ span: { start, end: sent.end }, retry: true }),
    };
    const { cueIdx, according } = firstCue(d, lo, hi);
    if (according >= 0) accordingTo(d, cl, according);
    else if (cueIdx === -1) headlineLabel(d, cl);
    else if (cueIdx >= 0) cueSentence(d, cl, cueIdx);
  }
}

/** The first reporting verb or "according to" of tokens [lo, hi) outside quotation marks; cueIdx -2 when a used cue comes first. */
function firstCue(d: QuoteDoc, lo: number, hi: number): { cueIdx: number; according: number } {
  const { toks, usedCue } = d;
  let cueIdx = -1;
  let according = -1;
  for (let i = lo; i < hi; i++) {
    if (d.inAnySegment(toks[i].start)) continue;
    if (usedCue.has(i)) {
      cueIdx = -2;
      break;
    }
    const lw = lower(toks[i]);
    if (lw === 'according' && lower(toks[i + 1]) === 'to') {
      according = i;
      break;
    }
    if (isCue(toks, i, false, true)) {
      cueIdx = i;
      break;
    }
  }
  return { cueIdx, according };
}

/** "according to X, CLAUSE" / "CLAUSE, according to X". */
function accordingTo(d: QuoteDoc, { sent, lo, hi }: Clause, according: number): void {
  const { text, toks, segments, quotes } = d;
  let j = according + 2;
  while (j < hi && toks[j].text !== ',' && !/^[.;:]$/.test(toks[j].text)) j++;
  const src = j > according + 2 ? { start: toks[according + 2].start, end: toks[j - 1].end } : null;
  let content: Span;
  if (according === lo) content = { start: j < hi ? toks[j].end : sent.end, end: sent.end };
  else if (toks[according - 1].text === ',') content = { start: sent.start, end: toks[according - 1].start };
  else content = { start: sent.start, end: toks[according].start };
  if (according !== lo && j < hi - 2 && toks[j].text === ',') content = { start: content.start, end: sent.end };
  const q = d.make(content, src, toks[according], 'indirect');
  if (q) {
    q.kind = kindOf(text, q.span, segments);
    quotes.push(q);
  }
}

/** Headline style "Pence: Gennifer Flowers Won't Be at Debate": a short name, a colon, a clause. */
function headlineLabel(d: QuoteDoc, { sent, lo, hi }: Clause): void {
  const { text, toks, segments, quotes } = d;
  let colon = -1;
  for (let i = lo + 1; i < Math.min(hi, lo + 6); i++) if (toks[i].text === ':') colon = i;
  const label = colon > lo ? text.slice(toks[lo].start, toks[colon - 1].end) : '';
  const spaced = colon > lo && toks[colon].start > toks[colon - 1].end; // "Topics :" is a page label
  if (
    colon > lo &&
    colon < hi - 4 &&
    !spaced &&
    isCap(toks[lo]) &&
    !/\b(update[sd]?|note|editor|editor’s|editor's|photo|image|video|watch|read|related|source|sources|correction|by|topics?|tags?|published|posted|credit|share|follow|also|more|explore|subscribe|advertisement|warning|caption|file)\b/i.test(label) &&
    !d.inAnySegment(toks[colon + 1].start)
  ) {
    let names = true;
    for (let i = lo; i < colon; i++) if (!isCap(toks[i]) && !/^(of|the|and|['’]s|\.)$/.test(lower(toks[i]))) names = false;
    const speaker = { start: toks[lo].start, end: toks[colon - 1].end };
    if (names && !sectionHead(d.ctx, speaker)) {
      const q = d.make({ start: toks[colon + 1].start, end: sent.end }, speaker, toks[colon], 'indirect');
      if (q) {
        q.kind = kindOf(text, q.span, segments);
        quotes.push(q);
      }
    }
  }
}

/** The sentence of reporting verb `cueIdx`: its speaker, then the content before the speaker ("CLAUSE, X said") or after the cue ("X said [that] CLAUSE"). */
function cueSentence(d: QuoteDoc, cl: Clause, cueIdx: number): void {
  const { sent, lo, hi } = cl;
  const { text, toks, segments, quotes, usedCue, segQuote } = d;
  usedCue.add(cueIdx);
  const cue = toks[cueIdx];
  const cueLw = lower(cue);
  const prev = toks[cueIdx - 1];
  const inverted = cueIdx > lo && (prev.text === ',' || isClose(prev.text)) && isWord(toks[cueIdx + 1]) && lower(toks[cueIdx + 1]) !== 'that' && !PARTICIPLE_CUES.has(cueLw);
  let speaker: Span | null;
  let after = cueIdx + 1;
  if (inverted) {
    speaker = subjectAfter(toks, cueIdx + 1, hi);
    if (speaker) after = tokenAt(toks, speaker.end);
    // "Trump, asked about it, said Tuesday that …": not inverted after all
    else speaker = subjectBefore(toks, cueIdx, lo);
  } else if (PARTICIPLE_CUES.has(cueLw) && prev?.text === ',') {
    speaker = mainSubject(toks, lo, cueIdx);
  } else {
    speaker = subjectBefore(toks, cueIdx, lo);
  }
  const spStart = speaker && !inverted && speaker.start >= sent.start && speaker.end <= cue.start ? tokenAt(toks, speaker.start) : cueIdx;
  // addressee: "told reporters", "told Fox News"
  let k = after;
  if (ADDRESSEE_CUES.has(cueLw) && !inverted) {
    while (k < hi && k < after + 5 && isWord(toks[k]) && lower(toks[k]) !== 'that') {
      const lw = lower(toks[k]);
      if (k > after && /^(he|she|they|it|we|i|the|a|an|there|this)$/.test(lw)) break;
      if (!(TRAILERS.has(lw) || isCap(toks[k]) || /^(reporters|journalists|lawmakers|supporters|voters|audience|crowd|members|officials|him|her|them|me|us|listeners|viewers|students|people|congress)$/.test(lw))) break;
      k++;
    }
  }
  // trailing words only → the content is before the speaker
  let m = k;
  while (m < hi && !d.inAnySegment(toks[m].start) && (TRAILERS.has(lower(toks[m])) || (isCap(toks[m]) && m > k) || /^\d/.test(toks[m].text))) m++;
  const restIsTrailer = m >= hi || /^[.!?]$/.test(toks[m].text);
  const beforeMark = spStart > lo ? toks[spStart - 1].text : '';
  const contentBefore = spStart > lo + 1 && (beforeMark === ',' || isClose(beforeMark) || beforeMark === '—' || beforeMark === '–');
  if (contentBefore && (restIsTrailer || (toks[m]?.text === ',' && !PARTICIPLE_CUES.has(lower(toks[m + 1]))))) {
    let endTok = spStart - 1;
    if (toks[endTok].text === ',' && endTok > lo && isClose(toks[endTok - 1].text)) endTok--;
    let content: Span = { start: sent.start, end: toks[endTok].start };
    let parts: Span[] | undefined;
    if (!restIsTrailer && toks[m]?.text === ',' && m + 1 < hi) {
      // "CLAUSE, X said, CLAUSE." — or "And, X said, CLAUSE." with only a connective before
      let words = 0;
      for (let x = lo; x < spStart - 1; x++) if (isWord(toks[x])) words++;
      const after = { start: toks[m + 1].start, end: sent.end };
      if (words < 3) content = after;
      else {
        content = { start: sent.start, end: sent.end };
        parts = [trimSpan(text, { start: sent.start, end: toks[endTok].start }), trimSpan(text, after)];
      }
    }
    const q = d.make(content, speaker, cue, 'indirect', parts);
    if (q) {
      q.kind = kindOf(text, q.span, segments);
      quotes.push(q);
    }
    return;
  }
  if (!speaker) {
    cl.again(cueIdx + 1);
    return;
  }
  // X said [on Tuesday] [that] CLAUSE
  let c = k;
  while (c < hi && c < k + 6 && !d.inAnySegment(toks[c].start) && TRAILERS.has(lower(toks[c])) && !/^(a|an|the|this|it|his|her|their|its|by|as|when|while|after|before)$/.test(lower(toks[c]))) c++;
  // the complementiser stays in the content ("said that …"), as annotators of attribution mark it
  if (c < hi && /^(:|,)$/.test(lower(toks[c]))) c++;
  if (c < hi && lower(toks[c]) === 'out' && /^point/.test(cueLw)) c++;
  // "said in a statement that …", "testified before the panel last fall.": the phrase after a
  // preposition is an adjunct; the content is what follows it, if anything
  if (c > k && c < hi && /^(in|on|at|during|before|after|for|with|via|by|from)$/.test(lower(toks[c - 1]))) {
    let x = c;
    while (x < hi && x < c + 10 && !/^(that|,|:)$/.test(lower(toks[x])) && !isOpen(toks[x].text)) x++;
    c = x < hi && x < c + 10 ? (lower(toks[x]) === 'that' || isOpen(toks[x].text) ? x : x + 1) : hi;
    // "…, said in a statement. “…”": a quotation right after the sentence is the content
    if (c >= hi) {
      let n = sent.end;
      while (n < text.length && /\s/.test(text[n])) n++;
      const g = d.marks.segmentAt(n);
      if (g >= 0 && segments[g].outer.start === n && !segQuote.has(g)) {
        const gj = d.marks.quotationEnd(g);
        const q = d.make({ start: segments[g].inner.start, end: segments[gj].inner.end }, speaker, cue, 'direct');
        if (q) {
          for (let x2 = g; x2 <= gj; x2++) segQuote.set(x2, quotes.length);
          quotes.push(q);
        }
        return;
      }
    }
  }
  if (c >= hi - 1 && !(c === hi - 1 && isWord(toks[c]))) {
    cl.again(cueIdx + 1);
    return;
  }
  let end = sent.end;
  const gi = d.marks.segmentAt(toks[c].start);
  if (gi >= 0) end = Math.max(end, segments[d.marks.quotationEnd(gi)].inner.end);
  const q = d.make({ start: toks[c].start, end }, speaker, cue, 'indirect');
  if (q) {
    q.kind = kindOf(text, q.span, segments);
    quotes.push(q);
    // a reported clause with its own "X said" inside: a nested attribution, looked at once
    if (!cl.retry && q.kind !== 'direct') {
      for (let x = c + 2; x < hi - 2; x++) {
        if (d.inAnySegment(toks[x].start)) continue;
        if (/^(said|says|told|tells)$/.test(lower(toks[x])) && isCue(toks, x, false)) {
          cl.queue(toks[c + 1].start);
          break;
        }
      }
    }
  }
}

/**
 * Pass 1: quotations in quotation marks, attributed by the cue next to them ("…," X said / said X /
 * X said: "…"), with split quotes, multi-paragraph quotes and the quotation-only sentences that go
 * on after them.
 */
import type { QuoteKind, Span, Token } from '../../model/types.js';
import { tokenAt } from '../tokenize.js';
import type { QuoteDoc } from './document.js';
import type { QuotedSegment } from './segments.js';
import { universalRelation } from '../syntax/helpers.js';
import { cueClassOf } from './cues.js';
import { namePhrase, parseChildren, tokenCovering } from './review.js';
import { mainSubject, sectionHead, subjectAfter, subjectBefore } from './speakers.js';
import { CUE_FORMS, DETERMINERS, DOUBLE_MARK, isCap, isCue, isOpen, isWord, lower, PARTICIPLE_CUES, QUOTE_INTRO, TITLE_WORDS, TRAILERS } from './words.js';

/** Most tokens between the attribution of a split quote and its second piece ("…,” he said, referring to X, “…”). */
const SPLIT_GAP = 12;

interface Bounds {
  seg: QuotedSegment;
  /** The opening mark's token. */
  a: number;
  /** The closing mark's token (or the segment's last). */
  b: number;
  sentStartTok: number;
  sentEndTok: number;
}

/** A cue after a quotation, its speaker phrase and the token after the attribution. */
interface Found {
  cue: number;
  speaker: Span | null;
  nextIdx: number;
}

/** Pass 1 over every quotation segment. */
export function quotationMarkedQuotes(d: QuoteDoc): void {
  for (let si = 0; si < d.segments.length; si++) {
    const bounds = boundsOf(d, si);
    const found = cueAfterQuotation(d, bounds);
    if (found && !d.usedCue.has(found.cue)) si = quoteWithCueAfter(d, si, bounds, found);
    else si = quoteWithCueBefore(d, si, bounds);
  }
}

/** Where the quotation of segment `si` sits: its marks' tokens and its sentence's token range. */
function boundsOf(d: QuoteDoc, si: number): Bounds {
  const { text, toks, segments, sentences } = d;
  const seg = segments[si];
  const a = tokenAt(toks, seg.outer.start); // the opening mark
  const b = tokenAt(toks, seg.outer.end) - 1; // the closing mark (or the segment's last token)
  let sentEndTok = tokenAt(toks, sentences[d.sentOf(Math.max(seg.inner.end - 1, seg.inner.start))].end);
  // “… in our country?” Clinton said. — the sentence splitter ends a sentence after a question or
  // exclamation in quotation marks; the attribution that follows on the same line still belongs to it
  const sAfter = d.sentOf(Math.max(seg.inner.end - 1, seg.inner.start)) + 1;
  if (b + 1 >= sentEndTok && /[?!]\s*$/.test(text.slice(seg.inner.start, seg.inner.end)) && sAfter < sentences.length && !text.slice(seg.outer.end, sentences[sAfter].start).includes('\n'))
    sentEndTok = tokenAt(toks, sentences[sAfter].end);
  const sentStartTok = tokenAt(toks, sentences[d.sentOf(seg.outer.start)].start);
  return { seg, a, b, sentStartTok, sentEndTok };
}

/** The attribution right after a quotation (",” X said", ",” said X", "” ― Name"), if any. */
function cueAfterQuotation(d: QuoteDoc, { seg, a, b, sentStartTok, sentEndTok }: Bounds): Found | null {
  const { text, toks } = d;
  // a) after the closing mark: ,” X said / ,” said X
  let found: { cue: number; speaker: Span | null; nextIdx: number } | null = null;
  if (!seg.continues) {
    let i = b + 1;
    const limit = Math.min(sentEndTok, i + 16);
    const startsHere = i;
    for (; i < limit; i++) {
      const t = toks[i];
      if (isOpen(t.text) && i > startsHere) break;
      if (/^[.!?;]$/.test(t.text)) break;
      if (isCue(toks, i, i - startsHere <= 5 && isWord(toks[i - 1]))) {
        const inverted = i === startsHere || (i === startsHere + 1 && toks[startsHere].text === ',');
        const speaker = inverted ? subjectAfter(toks, i + 1, sentEndTok) : subjectBefore(toks, i, startsHere);
        if (!speaker && !inverted) break;
        let next = i + 1;
        if (inverted && speaker) next = tokenAt(toks, speaker.end);
        found = { cue: i, speaker, nextIdx: next };
        break;
      }
      if (!isWord(t) && t.text !== ',' && !/^['’]s$/.test(t.text) && t.text !== '(' && t.text !== ')' && t.text !== '-') break;
    }
    // testimonial style: “…” ― Name
    const dash = toks[b + 1];
    if (!found && dash && /^[―—–]$/.test(dash.text) && isCap(toks[b + 2])) {
      let e = b + 2;
      while (e + 1 < toks.length && !text.slice(toks[e].end, toks[e + 1].start).includes('\n') && (isWord(toks[e + 1]) || toks[e + 1].text === '.') && e < b + 8) e++;
      const lineEnd = e + 1 >= toks.length || text.slice(toks[e].end, toks[e + 1].start).includes('\n') || /^[.,]$/.test(toks[e + 1].text);
      if (lineEnd) found = { cue: b + 1, speaker: { start: toks[b + 2].start, end: toks[e].text === '.' ? toks[e - 1].end : toks[e].end }, nextIdx: e + 1 };
    }
  }
  // a cue whose own clause follows it ("On Tuesday's episode of “The Morning Show,” the nominee said [she wanted …]")
  // reports that clause: the quotation before it is a title or a phrase of the circumstances, not its content
  if (found && reportsClauseAfter(d, seg, found.cue)) return null;
  // a word taken as a cue only because it ends in -ed ("… “against the war” because it destabilized …")
  // does not attribute a quotation that a reporting verb before it introduces ("Trump told the forum he was “…”")
  if (found && !CUE_FORMS.has(lower(toks[found.cue])) && /^[\p{Ll}]+ed$/u.test(toks[found.cue].text)) {
    for (let x = sentStartTok; x < a; x++)
      if (isCue(toks, x, false)) {
        found = null;
        break;
      }
  }
  return found;
}

/** Most tokens after a cue searched for the head of its clausal complement ("said [the former … nominee] she wanted"). */
const COMPLEMENT_REACH = 24;

/**
 * Is the quotation `seg` a name or phrase with no verb ("The Morning Show"), and the cue at token `cue` after it a verb
 * with a clausal complement of its own after it, in no quotation (a split quote's second piece is the cue's
 * complement too: "“On this basis,” X said, “unemployment is …”")? False without a parse.
 */
function reportsClauseAfter(d: QuoteDoc, seg: QuotedSegment, cue: number): boolean {
  const parse = d.parse;
  if (!parse?.length) return false;
  const v = tokenCovering(parse, d.toks[cue].start);
  if (v < 0) return false;
  for (let x = tokenCovering(parse, seg.inner.start); x >= 0 && x < v && parse[x].start < seg.inner.end; x++) if (parse[x].upos === 'VERB' || parse[x].upos === 'AUX') return false;
  const end = Math.min(parse.length, v + 1 + COMPLEMENT_REACH);
  for (let c = v + 1; c < end && parse[c].sentence === parse[v].sentence; c++) {
    if (parse[c].head === v && parse[c].deprel === 'ccomp') return !DOUBLE_MARK.test(d.text.slice(parse[v].end, parse[c].start));
  }
  return false;
}


/**
 * A quotation attributed after it: with the second piece of a split quote (",” he said, “…”), the
 * paragraphs it began in, a lead-in of the same sentence before it, and the quotation-only
 * sentences that go on after it. Returns the last segment used.
 */
function quoteWithCueAfter(d: QuoteDoc, si: number, { seg, a, sentStartTok }: Bounds, found: Found): number {
  const { text, toks, segments, quotes, usedCue, segQuote } = d;
  usedCue.add(found.cue);
  // (si moves to the last segment used; the quotation began at this one)
  const firstSeg = si;
  // split quote: ,” he said, “…”
  let end = seg.inner.end;
  let parts: Span[] | undefined;
  let k = found.nextIdx;
  while (k < toks.length && k < found.nextIdx + 6 && isWord(toks[k]) && TRAILERS.has(lower(toks[k]))) k++;
  if (toks[k]?.text === ',' || toks[k]?.text === ':') k++;
  const nextSeg = segments[si + 1];
  // “A,” Tester said, referring to the excuse, “B” / “A,” he said, but “B”: the second piece
  // further on in the same sentence, with no other reporting verb or sentence end between
  let reaches = nextSeg !== undefined && toks[k] !== undefined && toks[k].start === nextSeg.outer.start;
  if (!reaches && nextSeg && toks[k] && nextSeg.outer.start > toks[k].start && d.sentOf(nextSeg.outer.start) === d.sentOf(toks[k].start)) {
    const to = tokenAt(toks, nextSeg.outer.start);
    let ok = to - k <= SPLIT_GAP && (toks[to - 1].text === ',' || /^(but|and)$/.test(lower(toks[to - 1])));
    // a participle cue may stand between the pieces ("…,” Thiel wrote in a statement explaining why …, “…”),
    // unless it introduces the next one ("…,” Trump said, adding, “…”): that is an attribution of its own
    const introduces = (x: number) => toks[x + 1]?.text === ',' || toks[x + 1]?.text === ':' || isOpen(toks[x + 1]?.text ?? '');
    for (let x = k; x < to && ok; x++) if (/^[.!?;:]$/.test(toks[x].text) || (isCue(toks, x, false) && (!PARTICIPLE_CUES.has(lower(toks[x])) || introduces(x)))) ok = false;
    reaches = ok;
  }
  if (nextSeg && reaches && !/[.!?]$/.test(text.slice(seg.inner.start, seg.inner.end).trim())) {
    const sj = d.marks.quotationEnd(si + 1);
    // the second piece goes on over the paragraphs it continues into
    parts = [{ start: seg.inner.start, end: seg.inner.end }, { start: nextSeg.inner.start, end: segments[sj].inner.end }];
    end = segments[sj].inner.end;
    for (let x = si; x <= sj; x++) segQuote.set(x, quotes.length);
    si = sj;
  }
  // the quote may have begun in an earlier paragraph (multi-paragraph quote)
  let start = seg.inner.start;
  let p = firstSeg;
  while (p > 0 && segments[p - 1].continues && !segQuote.has(p - 1)) {
    p--;
    start = segments[p].inner.start;
    segQuote.set(p, quotes.length);
  }
  // (the first piece of a split quote then begins where the quotation began)
  if (parts) parts[0] = { start, end: parts[0].end };
  // a lead-in of the same sentence before the opening mark ("He said the plan was “…,” he said") is part of the content
  let leadCue = -1;
  let leadSpeaker: Span | null = null;
  if (sentStartTok < a && !parts) {
    // (two words at least, counted on the tokens at hand: one long sentence of many quotations stays linear)
    let leadWords = 0;
    for (let x = sentStartTok; x < a && leadWords < 2; x++) if (isWord(toks[x])) leadWords++;
    if (leadWords >= 2 && toks[a - 1]?.text !== ':') {
      start = toks[sentStartTok].start;
      // "Flynn said Trump was “absolutely right” when he said …": the lead-in's own reporting
      // verb introduces the quotation; the content starts after it
      for (let x = Math.max(sentStartTok + 1, a - 40); x < a - 1; x++) {
        if (!isCue(toks, x, false) || usedCue.has(x) || PARTICIPLE_CUES.has(lower(toks[x]))) continue;
        const sp = subjectBefore(toks, x, sentStartTok);
        if (!sp) continue;
        leadCue = x;
        leadSpeaker = sp;
        start = toks[x + 1].start;
        break;
      }
    }
  }
  const lastMerged = extendInParagraph(d, si, found.cue);
  if (lastMerged > si) {
    parts = parts ?? [{ start: seg.inner.start, end: seg.inner.end }];
    for (let x = si + 1; x <= lastMerged; x++) {
      parts.push({ start: segments[x].inner.start, end: segments[x].inner.end });
      segQuote.set(x, quotes.length);
    }
    end = segments[lastMerged].inner.end;
  }
  const content = { start, end };
  const kind: QuoteKind = start < seg.inner.start - 1 ? 'partial' : 'direct';
  if (leadCue >= 0) usedCue.add(leadCue);
  const q = leadCue >= 0 ? d.make(content, leadSpeaker, toks[leadCue], kind, parts) : d.make(content, found.speaker, toks[found.cue], kind, parts);
  if (q) {
    segQuote.set(si, quotes.length);
    quotes.push(q);
  }
  si = Math.max(si, lastMerged);
  return Math.max(si, lastMerged);
}

/** A quotation attributed before it ("X said: “…”", "X said, “…”", "X: “…”", "X continued:" ending the sentence before). Returns the last segment used. */
function quoteWithCueBefore(d: QuoteDoc, si: number, { seg, a, sentStartTok }: Bounds): number {
  const { toks, segments, sentences, quotes, usedCue, segQuote } = d;
  // b) before the opening mark: X said: “…” / X said, “…” / X: “…”
  let j = a - 1;
  while (j >= sentStartTok && j > a - 4 && (toks[j].text === ',' || toks[j].text === ':' || TRAILERS.has(lower(toks[j])) && !DETERMINERS.has(lower(toks[j])))) j--;
  let cueIdx = -1;
  for (let x = j; x >= sentStartTok && x >= j - 1; x--) if (isCue(toks, x, false) || (QUOTE_INTRO.has(lower(toks[x])) && isWord(toks[x - 1]))) cueIdx = x;
  let colonSpeaker: Span | null = null;
  if (cueIdx < 0 && a - 1 >= sentStartTok && toks[a - 1].text === ':' && a - 1 - sentStartTok <= 6 && a - 1 > sentStartTok && isCap(toks[sentStartTok])) {
    colonSpeaker = { start: toks[sentStartTok].start, end: toks[a - 2].end };
  }
  // "NOTES: “…”": a section head names no one, nor does a clause subject inside it
  const head = !!colonSpeaker && sectionHead(d.ctx, colonSpeaker);
  if (head) colonSpeaker = null;
  let colonCue: Token | null = colonSpeaker ? toks[a - 1] : null;
  // "Hoff’s letter makes a libertarian-style case: “…”" — the subject of the clause the colon ends
  if (cueIdx < 0 && !colonSpeaker && !head && a - 1 > sentStartTok + 2 && toks[a - 1].text === ':') {
    // "… - Jeffrey M. Jones: “…”": a name right before the colon speaks; else the clause subject
    let n = a - 2;
    while (n > sentStartTok && a - 2 - n < 5 && (isCap(toks[n - 1]) || toks[n - 1].text === '.')) n--;
    const named = isCap(toks[n]) && isCap(toks[a - 2]) && !TITLE_WORDS.has(lower(toks[a - 2])) && /^[-–—,]$|^\p{Ll}/u.test(n > sentStartTok ? toks[n - 1].text : '-');
    colonSpeaker = named ? { start: toks[n].start, end: toks[a - 2].end } : mainSubject(toks, sentStartTok, a - 1);
    if (colonSpeaker) colonCue = toks[a - 1];
  }
  // "Caddell continued:" / "X said in a statement:" / "X issued the following statement on …:" ending the previous paragraph or sentence
  let prevLo = sentStartTok;
  let sharedCue = false;
  if (cueIdx < 0 && !colonSpeaker && a === sentStartTok) {
    const ps = d.sentOf(seg.outer.start) - 1;
    if (ps >= 0) {
      const pLo = tokenAt(toks, sentences[ps].start);
      const pHi = tokenAt(toks, sentences[ps].end);
      if (pHi - 1 > pLo && toks[pHi - 1].text === ':') {
        const announcer = announcingCue(d, pLo, pHi - 1);
        if (announcer.cue >= 0) cueIdx = announcer.cue;
        else if (announcer.noun >= 0) {
          colonSpeaker = objectVerbSubject(d, toks[announcer.noun].start) ?? mainSubject(toks, pLo, announcer.noun);
          if (colonSpeaker) colonCue = toks[announcer.noun];
        }
        // "Ramsey says she was escorted out …:" — the cue also reports the clause before the colon,
        // which pass 2 reads as its own (indirect) quote: the cue stays free for it
        for (let x = cueIdx + 1; cueIdx >= 0 && x < pHi - 1 && !sharedCue; x++) sharedCue = isWord(toks[x]) && !isCap(toks[x]) && !/^\d/.test(toks[x].text) && !TRAILERS.has(lower(toks[x]));
        prevLo = pLo;
      }
    }
  }
  if ((cueIdx >= 0 && !usedCue.has(cueIdx)) || colonSpeaker) {
    let speaker: Span | null = colonSpeaker;
    let cueTok: Token | null = colonCue;
    const sentStartTok = Math.min(prevLo, tokenAt(toks, sentences[d.sentOf(seg.outer.start)].start));
    if (cueIdx >= 0) {
      if (!sharedCue) usedCue.add(cueIdx);
      cueTok = toks[cueIdx];
      const participle = PARTICIPLE_CUES.has(lower(toks[cueIdx])) && toks[cueIdx - 1]?.text === ',';
      speaker = participle ? (participleSubject(d, toks[cueIdx].start, true) ?? mainSubject(toks, sentStartTok, cueIdx)) : subjectBefore(toks, cueIdx, sentStartTok);
      // (a participle outside the list, ", admitting in 2006:", takes the subject of its clause too)
      if (!speaker && toks[cueIdx - 1]?.text === ',' && /ing$/.test(lower(toks[cueIdx]))) speaker = participleSubject(d, toks[cueIdx].start, false);
      if (!speaker && PARTICIPLE_CUES.has(lower(toks[cueIdx]))) speaker = mainSubject(toks, sentStartTok, cueIdx);
      if (!speaker && sentStartTok < cueIdx && toks[cueIdx - 1].text === ',') speaker = subjectAfter(toks, cueIdx + 1, a);
    }
    const sj = extendInParagraph(d, d.marks.quotationEnd(si), -1);
    const end = segments[sj].inner.end;
    const q = d.make({ start: seg.inner.start, end }, speaker, cueTok, 'direct');
    if (q) {
      for (let x = si; x <= sj; x++) segQuote.set(x, quotes.length);
      quotes.push(q);
    }
    si = sj;
  }
  return si;
}

/**
 * The attribution of a sentence that ends in a colon and announces the quotation opening the next
 * paragraph or sentence: its reporting verb nearest the colon ("Caddell continued:", "X said in a
 * statement:", "X told reporters:"), else a noun of saying after a determiner, the object of its clause's verb ("X issued the following
 * statement on …:", the cue lexicon's speech nouns), whose clause subject is the speaker. Tokens
 * [lo, colon); -1 for none.
 */
function announcingCue(d: QuoteDoc, lo: number, colon: number): { cue: number; noun: number } {
  const { toks, usedCue } = d;
  let noun = -1;
  for (let x = colon - 1; x >= lo; x--) {
    if (d.inAnySegment(toks[x].start)) continue;
    if (isCue(toks, x, false)) {
      if (usedCue.has(x)) return { cue: -1, noun: -1 };
      // (the earliest of a cue run right before the colon: "continued, adding:")
      let first = x;
      while (first - 1 >= lo && first - 1 >= colon - 3 && isCue(toks, first - 1, false) && !usedCue.has(first - 1)) first--;
      return { cue: first, noun: -1 };
    }
    const lw = lower(toks[x]);
    if (noun < 0 && !CUE_FORMS.has(lw) && cueClassOf(lw) === 'speech' && (DETERMINERS.has(lower(toks[x - 1])) || DETERMINERS.has(lower(toks[x - 2])))) noun = x;
  }
  return { cue: -1, noun };
}

/**
 * The subject of the verb whose object is the noun at character `pos`, by the parse ("Smith issued
 * the following statement", "when, …, McDermott sent out the following message": the verb's own
 * subject, not the first of the sentence); null without a parse or such a verb.
 */
function objectVerbSubject(d: QuoteDoc, pos: number): Span | null {
  const parse = d.parse;
  if (!parse?.length) return null;
  const i = tokenCovering(parse, pos);
  if (i < 0 || universalRelation(parse[i].deprel) !== 'obj') return null;
  const verb = parse[i].head;
  if (verb < 0 || parse[verb].upos !== 'VERB') return null;
  const kids = parseChildren(parse);
  const subject = kids[verb].find((c) => parse[c].deprel === 'nsubj');
  return subject === undefined ? null : namePhrase(parse, kids, subject);
}

/** Relations by which a participle's clause hangs on the clause whose subject it shares. */
const CLAUSE_UP = new Set(['advcl', 'conj', 'xcomp']);

/**
 * The subject of the clause a participle cue hangs on, by the parse ("It was thirty four years before
 * he finally broke cover, admitting in 2006:" is "he", the subject of "broke", not the sentence's
 * first subject "It"): up from the participle through adverbial, coordinated and complement clauses
 * to the first verb with a subject (with `mainOnly`, only when that verb heads a main clause); null
 * without a parse or such a verb.
 */
function participleSubject(d: QuoteDoc, pos: number, mainOnly: boolean): Span | null {
  const parse = d.parse;
  if (!parse?.length) return null;
  let v = tokenCovering(parse, pos);
  const kids = parseChildren(parse);
  for (let up = 0; v >= 0 && up < 4; up++) {
    const subject = kids[v].find((c) => parse[c].deprel === 'nsubj');
    // (mainOnly: a subject of the main clause only; the parse often hangs a participle on the
    // nearest verb, inside a relative clause: "defend not paying an architect who said he was
    // stiffed after he designed …, saying")
    if (subject !== undefined) return mainOnly && !(parse[v].head === -1 || (parse[v].deprel === 'conj' && parse[parse[v].head].head === -1)) ? null : namePhrase(parse, kids, subject);
    if (!CLAUSE_UP.has(parse[v].deprel)) return null;
    v = parse[v].head;
  }
  return null;
}

/**
 * Later quotation-only sentences of the same paragraph belong to the same quote ("“A,” Clinton
 * said on Thursday. “B.”"): returns the index of the last segment to merge after segment `sj`.
 */
export function extendInParagraph(d: QuoteDoc, sj: number, cueTok: number): number {
  const { text, toks, segments, sentences, segQuote } = d;
  let last = sj;
  for (let n = sj + 1; n < segments.length; n++) {
    const gap = text.slice(segments[last].outer.end, segments[n].outer.start);
    if (gap.includes('\n') || gap.length > 240) break;
    if (segQuote.has(n)) break;
    const gs = segments[last].outer.end;
    const gapToks = toks.slice(tokenAt(toks, gs), tokenAt(toks, segments[n].outer.start));
    let ok = true;
    for (let g = 0; g < gapToks.length; g++) {
      const idx = tokenAt(toks, gs) + g;
      if (idx === cueTok) continue;
      if (isCue(toks, idx, false) || lower(toks[idx]) === 'according') ok = false;
    }
    if (!ok) break;
    if (gapToks.length && !/[.!?]["”’]?\s*$/.test(text.slice(gs - 2, segments[n].outer.start)) && !/[.!?]\s*$/.test(gap)) break;
    if (gapToks.length && last !== sj) break;
    if (d.sentOf(segments[n].outer.start) === d.sentOf(segments[last].outer.start) && gapToks.length) break;
    // a segment with its own attribution after it ("“…,” she said") starts a new quote
    const after = tokenAt(toks, segments[n].outer.end);
    const stop = tokenAt(toks, sentences[d.sentOf(segments[n].outer.end - 1)].end);
    let own = false;
    for (let x = after; x < Math.min(stop, after + 30) && !own; x++) if (isCue(toks, x, false) || /^[―—–]$/.test(toks[x].text)) own = true;
    if (own) break;
    last = d.marks.quotationEnd(n);
  }
  return last;
}

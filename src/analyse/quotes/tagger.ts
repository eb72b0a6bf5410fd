/**
 * Pass 1b: quotes from the trained attribution tagger (../attribution, models/attrib.bin,
 * trained by scripts/train-attrib.ts on PolNeAR train), which tags cue, source and content per
 * sentence. Each content run not already inside a quotation-marked quote becomes a quote with the
 * nearest cue of its sentence and the tagged source (else the subject the rules find for that
 * cue): indirect speech, "according to" and stance verbs ("opposed", "backed") that rules miss.
 */
import type { Quote, Span, Token } from '../../model/types.js';
import { loadAttributionTagger, tagAttributions, type TokenRun } from '../attribution/index.js';
import { tokenAt } from '../tokenize.js';
import { partitionPoint } from '../../util/search.js';
import { type QuoteDoc, trimSpan } from './document.js';
import { coverIndex, kindOf, type QuotedSegment } from './segments.js';
import { mainSubject, subjectAfter, subjectBefore } from './speakers.js';
import { ADJUNCT_STARTS, AUXILIARIES, CUE_FORMS, isAdverb, isClose, isOpen, isWord, lower, NOUN_LIKE, PARTICIPLE_CUES, TRAILERS, WEAK_CUES } from './words.js';

type TaggedSentence = ReturnType<typeof tagAttributions>[number];

/** A tagged cue run whose likeliest word has a lower cue bin than this (and is in no cue list) gives no quote. */
const WEAK_CUE_RUN_BIN = 3;

/** The cue classifier's score above which the verb the parse hangs a cueless content run on is its cue (parseCueOf). */
const PARSE_CUE_THRESHOLD = Number(process.env.TRIANGULATE_PARSE_CUE_THRESHOLD ?? '0');

/** Cue bin (attribution/features.ts) from which a word after "and" that the lists miss counts as a reporting verb. */
const COORD_CUE_BIN = 4;

/** Least mean emission margin over O of a tagged content run to become a quote (its tokens lean to content on average). */
const MIN_CONTENT_SCORE = 0;

/** The tagger's cue lexicon (lower-cased word → cue bin), or null when no model ships. */
function cueLexicon(): Map<string, number> | null {
  return loadAttributionTagger()?.lex ?? null;
}

/** Tokens between two runs (0 when they overlap). */
function dist(a: { lo: number; hi: number }, b: { lo: number; hi: number }): number {
  return a.hi <= b.lo ? b.lo - a.hi : a.lo >= b.hi ? a.lo - b.hi : 0;
}

/**
 * Quotes from the tagger's content runs, sentence by sentence, except content already taken by a
 * quotation-marked quote (the first `ruleQuotes` quotes). Each content run takes the nearest cue
 * run of its sentence; two content runs on either side of one cue are one split quote. Returns
 * the sentences that gave a quote, and the content runs with no cue in their sentence (for
 * `cuelessRunQuotes`, after pass 3).
 */
export function taggerAttributions(doc: QuoteDoc, ruleQuotes: number): { sentences: Set<number>; cueless: CuelessRun[] } {
  const { text, toks, segments, sentences, quotes, usedCue, entities } = doc;
  const done = new Set<number>();
  const cueless: CuelessRun[] = [];
  // the quotes the rules made, by the position of their cue
  const ruleCues = new Map<number, Quote>();
  for (let i = 0; i < ruleQuotes; i++) {
    const cue = quotes[i].cue;
    if (cue) ruleCues.set(cue.span.start, quotes[i]);
  }
  const taken = coverIndex(quotes.slice(0, ruleQuotes));
  // sentences wholly inside a quotation-marked quote already taken give nothing here: not tagged
  const ranges = sentences
    .filter((x) => x.end - x.start < 4 || !taken(x.start + 1, x.end - 2))
    .map((x) => ({ lo: tokenAt(toks, x.start), hi: tokenAt(toks, x.end) }));
  const quoted = segments.map((g) => g.inner);
  const tagged = tagAttributions(text, toks, ranges, quoted, entities, doc.parse);
  for (const ts of tagged) {
    const sIdx = doc.sentOf(toks[ts.lo].start);
    const contents = contentRuns(doc, ts, taken);
    if (!contents.length) continue;
    const cues = ts.cues.slice();
    splitAtCoordinatedCues(doc, contents, cues);
    const cueOf = contents.map((c) => {
      let best = -1;
      for (let k = 0; k < cues.length; k++) if (best < 0 || dist(cues[k], c) < dist(cues[best], c)) best = k;
      return best;
    });
    const run: SentenceRuns = { ts, contents, cues, cueOf, used: joinRunOn(contents, cues, cueOf) };
    for (let ci = 0; ci < contents.length; ci++) {
      if (run.used.has(ci)) continue;
      if (cueOf[ci] < 0) {
        cueless.push({ run, ci, ruleCues });
        continue;
      }
      const found = quoteOfContent(doc, run, ci, ruleCues);
      if (!found) continue;
      quotes.push(found.q);
      done.add(sIdx);
      usedCue.add(tokenAt(toks, found.cueTok.start));
    }
  }
  return { sentences: done, cueless };
}

/** A content run the tagger tagged with no cue in its sentence, kept for `cuelessRunQuotes`. */
export interface CuelessRun {
  run: SentenceRuns;
  ci: number;
  ruleCues: Map<number, Quote>;
}

/**
 * After the other passes (pass 3 included, so that a clause they attribute keeps its own cue): each
 * content run the tagger tagged with no cue in its sentence that no quote overlaps becomes a quote
 * when the parse gives it a verb the cue classifier accepts (parseCueOf).
 */
export function cuelessRunQuotes(doc: QuoteDoc, cueless: CuelessRun[]): void {
  const { quotes, toks, usedCue } = doc;
  for (const { run, ci, ruleCues } of cueless) {
    const c = run.contents[ci];
    const span = { start: toks[c.lo].start, end: toks[c.hi - 1].end };
    if (quotes.some((q) => q.span.start < span.end && span.start < q.span.end)) continue;
    const found = quoteOfContent(doc, run, ci, ruleCues);
    if (!found || usedCue.has(tokenAt(toks, found.cueTok.start))) continue;
    quotes.push(found.q);
    usedCue.add(tokenAt(toks, found.cueTok.start));
  }
}

/** The content runs of a tagged sentence that lie mostly outside quotes already taken, with runs broken by a token or two joined. */
function contentRuns(doc: QuoteDoc, ts: TaggedSentence, taken: (a: number, b: number) => boolean): TokenRun[] {
  const { toks } = doc;
  const contents = ts.contents.filter((c) => {
    let words = 0;
    let inside = 0;
    for (let x = c.lo; x < c.hi; x++) {
      if (!isWord(toks[x])) continue;
      words++;
      if (taken(toks[x].start, toks[x].end)) inside++;
  }
    return words > 0 && inside * 2 < words;
  });
  // a content run broken by a token or two the tagger left out ("…, …") is one content
  for (let x = contents.length - 1; x > 0; x--) {
    const a = contents[x - 1];
    const b = contents[x];
    if (b.lo - a.hi > 2 && !asideBetween(doc, a, b)) continue;
    if (ts.cues.some((r) => r.lo >= a.hi && r.hi <= b.lo) || ts.sources.some((r) => r.lo >= a.hi && r.hi <= b.lo)) continue;
    contents.splice(x - 1, 2, { lo: a.lo, hi: b.hi, score: Math.min(a.score ?? 0, b.score ?? 0) });
  }
  return contents;
}

/** Longest aside (tokens, its commas or dashes included) that joins the content runs around it. */
const MAX_ASIDE = 30;

/**
 * "that the immunity deals[, which now cover five staffers …,] did not require …": between two
 * content runs, a relative clause set off by commas or dashes on both sides, right after the first
 * run's last word and right before the second run: the content goes on around it.
 */
function asideBetween(doc: QuoteDoc, a: TokenRun, b: TokenRun): boolean {
  const { toks } = doc;
  const first = a.hi;
  const last = b.lo - 1;
  if (last - first + 1 > MAX_ASIDE || last - first < 2) return false;
  const open = toks[first].text;
  const close = toks[last].text;
  const delimiter = (w: string) => w === ',' || /^[—–-]$/.test(w);
  if (!delimiter(open) || !delimiter(close) || (open === ',') !== (close === ',')) return false;
  for (let x = first + 1; x < last; x++) if (/^[.;:!?]$/.test(toks[x].text) || delimiter(toks[x].text)) return false;
  return /^(who|which|whose|whom|where)$/i.test(toks[first + 1].text);
}

/**
 * "pointed out that Trump [was once an advocate for] many of the policies …": a content run that
 * runs straight into another cue run, with no punctuation or source between, is the subject of a
 * clause the tagger cut; the content goes on over that cue to the end of the content after it.
 * Returns the runs so absorbed.
 */
function joinRunOn(contents: TokenRun[], cues: TokenRun[], cueOf: number[]): Set<number> {
  const used = new Set<number>();
  for (let ci = 0; ci < contents.length; ci++) {
    const c = contents[ci];
    const k = cueOf[ci];
    if (k < 0 || cues[k].hi > c.lo) continue;
    for (let cj = ci + 1; cj < contents.length; cj++) {
      const d = contents[cj];
      const k2 = cueOf[cj];
      if (k2 < 0 || k2 === k || cues[k2].lo !== c.hi || cues[k2].hi > d.lo || d.lo - cues[k2].hi > 1) continue;
      contents[ci] = { lo: c.lo, hi: d.hi, score: c.score };
      used.add(cj);
      break;
    }
  }
  return used;
}

/** The runs of one tagged sentence: contents, cues, the cue of each content, and the contents already used. */
interface SentenceRuns {
  ts: TaggedSentence;
  contents: TokenRun[];
  cues: TokenRun[];
  cueOf: number[];
  used: Set<number>;
}

/** The quote of content run `ci` and its cue token, or null when it gives none. */
function quoteOfContent(doc: QuoteDoc, { ts, contents, cues, cueOf, used }: SentenceRuns, ci: number, ruleCues: Map<number, Quote>): { q: Quote; cueTok: Token } | null {
  const { text, toks, segments } = doc;
  let c = contents[ci];
  const k = cueOf[ci];
  let cueRun = k >= 0 ? cues[k] : null;
  if (!cueRun) {
    // content with no cue in its sentence: mostly pieces of longer quotes, unless the parse gives it a verb the cue classifier accepts
    const found = parseCueOf(doc, c, ts);
    if (!found) return null;
    ({ cue: cueRun, content: c } = found);
  } else if (weakCueRun(doc, cueRun)) return null; // a cue run of words that are rarely cues (cue bin 1-2 in training): right about a quarter of the time
  if ((c.score ?? 1) < MIN_CONTENT_SCORE) return null;
  let parts: Span[] | undefined;
  let span: Span = { start: toks[c.lo].start, end: toks[c.hi - 1].end };
  // "CLAUSE, X said, CLAUSE": one content on each side of the cue
  // content before its cue that is not set off from it, when the cue has content after it: the
  // attribution is the one after ("Even worse, …, 36 percent of Democrats said they were …")
  if (c.hi <= cueRun.lo && contents.some((d, cj) => cj > ci && cueOf[cj] === k && !used.has(cj) && d.lo >= cueRun.hi && !setOff(doc, c, cueRun, d, ts.sources))) return null;
  if (c.hi <= cueRun.lo) {
    for (let cj = ci + 1; cj < contents.length; cj++) {
      if (cueOf[cj] !== k || used.has(cj) || contents[cj].lo < cueRun.hi) continue;
      const d = contents[cj];
      parts = [span, { start: toks[d.lo].start, end: toks[d.hi - 1].end }];
      span = { start: span.start, end: parts[1].end };
      used.add(cj);
      break;
    }
  }
  // "The latest test, North Korea said, was its biggest yet": an attribution set off by commas
  // inside the sentence reports all of it, on both sides, whatever the tagger took as content
  if (!parts) {
    const aside = parenthetical(doc, ts.lo, ts.hi, cueRun, ts.sources);
    if (aside && ((c.hi <= aside.lo && c.hi >= aside.lo - 1) || (c.lo > aside.hi && c.lo <= aside.hi + 2))) {
      parts = [trimSpan(text, { start: toks[ts.lo].start, end: toks[aside.lo].start }), trimSpan(text, { start: toks[aside.hi].end, end: toks[ts.hi - 1].end })];
      span = { start: parts[0].start, end: parts[1].end };
      for (let cj = 0; cj < contents.length; cj++) if (cj !== ci && cueOf[cj] === k && contents[cj].lo >= ts.lo && contents[cj].hi <= ts.hi) used.add(cj);
    }
  }
  const { cueTok, verbTok } = cueTokens(toks, cueRun);
  // one attribution per cue: a cue that already attributes a quotation (“…,” he said to an enormous
  // cheer) gives no second content after it outside quotation marks; and the source of a rule's
  // quote is not content of the same cue (“…,” said the second official)
  const ruleQuote = cueTok ? ruleCues.get(cueTok.start) : undefined;
  if (ruleQuote && cueTok && span.start > cueTok.start && !doc.marks.overlapsSegment(span)) return null;
  if (ruleQuote?.speakerSpan && ruleQuote.speakerSpan.start <= span.start && span.end <= ruleQuote.speakerSpan.end) return null;
  const speaker = speakerOfCueRun(toks, ts, cueRun, cueTok);
  if (!parts && verbTok && !CUE_FORMS.has(lower(verbTok)) && c.hi > c.lo + 2) span = objectOnly(doc, c.lo, c.hi, span);
  if (!parts) span = wholeQuotation(doc, span, cueRun);
  const q = doc.make(span, speaker, verbTok, 'indirect', parts);
  if (!q) return null;
  q.kind = kindOf(text, q.span, segments);
  return { q, cueTok };
}

/** The cue token of a cue run (its most cue-like word: "according" of "according to") and the verb reported (not an adverb or auxiliary before it). */
function cueTokens(toks: Token[], cueRun: TokenRun): { cueTok: Token; verbTok: Token } {
  let cueTok = toks[cueRun.lo];
  for (let x = cueRun.lo; x < cueRun.hi; x++)
    if (CUE_FORMS.has(lower(toks[x])) || WEAK_CUES.has(lower(toks[x])) || lower(toks[x]) === 'according') {
      cueTok = toks[x];
      break;
    }
  // "also outlined", "is seizing on"
  let verbTok = cueTok;
  if (verbTok === toks[cueRun.lo]) {
    let v = cueRun.lo;
    while (v < cueRun.hi - 1 && (isAdverb(toks[v]) || AUXILIARIES.has(lower(toks[v])))) v++;
    verbTok = toks[v];
  }
  return { cueTok, verbTok };
}

/** The speaker of a cue run: the tagger's source run nearest it, else the subject the rules find for the cue. */
function speakerOfCueRun(toks: Token[], ts: TaggedSentence, cueRun: TokenRun, cueTok: Token): Span | null {
  let bestS = -1;
  for (let x = 0; x < ts.sources.length; x++) if (bestS < 0 || dist(ts.sources[x], cueRun) < dist(ts.sources[bestS], cueRun)) bestS = x;
  if (bestS >= 0) return { start: toks[ts.sources[bestS].lo].start, end: toks[ts.sources[bestS].hi - 1].end };
  const ci0 = tokenAt(toks, cueTok.start);
  const inverted = ci0 > ts.lo && (toks[ci0 - 1].text === ',' || isClose(toks[ci0 - 1].text)) && !PARTICIPLE_CUES.has(lower(toks[ci0]));
  if (PARTICIPLE_CUES.has(lower(toks[ci0])) && toks[ci0 - 1]?.text === ',') return mainSubject(toks, ts.lo, ci0);
  if (inverted) return subjectAfter(toks, cueRun.hi, ts.hi) ?? subjectBefore(toks, ci0, ts.lo);
  return subjectBefore(toks, ci0, ts.lo);
}

/**
 * "… criticized the plan and vowed to repeal it": a content run that goes on past "and"/"but" and
 * a reporting verb (CUE_FORMS, WEAK_CUES, or a word the tagger's cue lexicon rates a likely cue)
 * holds two attributions: it is cut there, and the verb becomes the second one's cue.
 */
function splitAtCoordinatedCues(doc: QuoteDoc, contents: TokenRun[], cues: TokenRun[]): void {
  const { toks } = doc;
  const lex = cueLexicon();
  for (let x = 0; x < contents.length; x++) {
    const c = contents[x];
    for (let i = c.lo + 2; i < c.hi - 2; i++) {
      const w = toks[i].text;
      if (w !== 'and' && w !== 'but' && w !== 'And' && w !== 'But') continue;
      let v = i + 1;
      while (v < c.hi - 2 && v < i + 3 && isAdverb(toks[v])) v++;
      const vt = toks[v];
      if (!/^\p{Ll}+$/u.test(vt.text) || doc.inAnySegment(vt.start)) continue;
      const vw = vt.text;
      const likely = CUE_FORMS.has(vw) || WEAK_CUES.has(vw) || (lex !== null && (lex.get(vw) ?? 0) >= COORD_CUE_BIN);
      if (!likely || NOUN_LIKE.has(vw) || PARTICIPLE_CUES.has(vw) || !/(ed|s|ght|ew|id|ld)$/.test(vw)) continue;
      contents.splice(x, 1, { lo: c.lo, hi: i, score: c.score }, { lo: v + 1, hi: c.hi, score: c.score });
      cues.push({ lo: v, hi: v + 1, score: 0 });
      break;
    }
  }
}

/**
 * The content of a stance or action cue ("criticized the plan during a stop in Flint", "backed
 * Clinton, who …") is its object: it ends before an adjunct or relative clause the tagger ran on into.
 */
function objectOnly(doc: QuoteDoc, lo: number, hi: number, span: Span): Span {
  const { toks } = doc;
  if (/^(that|whether|if|how|why|what|to)$/.test(lower(toks[lo]))) return span;
  for (let i = lo + 1; i < hi; i++) {
    const w = toks[i].text;
    const cut = ADJUNCT_STARTS.has(w) || ADJUNCT_STARTS.has(w.toLowerCase()) || (w === ',' && /^(who|which|whose|where|but)$/i.test(toks[i + 1]?.text ?? ''));
    if (cut && doc.inAnySegment(toks[i].start)) continue;
    if (cut) return { start: span.start, end: toks[i - 1].end };
  }
  return span;
}

/**
 * The commas around an attribution inside a sentence ("CLAUSE, X said, CLAUSE"): [lo, hi) from the
 * comma before the source to the comma after the cue (and its trailing words), with at least two
 * words of the sentence on each side; null when the cue run is not so set off.
 */
function parenthetical(doc: QuoteDoc, lo: number, hi: number, cueRun: TokenRun, sources: TokenRun[]): { lo: number; hi: number } | null {
  const { toks } = doc;
  let verb = -1;
  for (let x = cueRun.lo; x < cueRun.hi; x++) if (/^(said|says|added|adds|noted|notes|argued|argues|wrote|writes|explained|insisted|continued)$/.test(lower(toks[x]))) verb = x;
  if (verb < 0) return null;
  let a = cueRun.lo - 1;
  const src = sources.find((r) => r.hi === cueRun.lo || r.lo === cueRun.hi);
  if (src && src.hi === cueRun.lo) a = src.lo - 1;
  let b = cueRun.hi;
  if (src && src.lo === cueRun.hi) b = src.hi;
  if (!src) {
    const sp = subjectBefore(toks, cueRun.lo, lo);
    if (!sp) return null;
    a = tokenAt(toks, sp.start) - 1;
  }
  while (b < hi && b < cueRun.hi + 8 && toks[b].text !== ',' && TRAILERS.has(lower(toks[b]))) b++;
  if (a <= lo + 1 || toks[a].text !== ',' || b >= hi - 2 || toks[b].text !== ',') return null;
  return { lo: a, hi: b };
}

/**
 * A content run that opens at a quotation mark and stops inside the quotation, or closes at its
 * closing mark having begun inside it, is a quotation the sentence splitter cut ("X told CNN: “A.
 * B.”", "“A. B,” it read"): its content is the whole quotation, with the paragraphs it continues
 * over. Not when the cue is inside the quotation.
 */
function wholeQuotation(doc: QuoteDoc, span: Span, cue: TokenRun): Span {
  const { text, toks, segments } = doc;
  const cueSpan = { start: toks[cue.lo].start, end: toks[cue.hi - 1].end };
  const inside = (g: QuotedSegment) => cueSpan.start < g.outer.end && g.outer.start < cueSpan.end;
  let { start, end } = span;
  const a = doc.marks.segmentAt(span.start);
  if (a >= 0 && span.start <= segments[a].inner.start && !inside(segments[a])) {
    let b = a;
    while (segments[b].continues && segments[b + 1] && !inside(segments[b + 1])) b++;
    if (span.start === segments[a].outer.start) start = segments[a].inner.start;
    if (span.end < segments[b].inner.end || span.end === segments[b].outer.end) end = segments[b].inner.end;
    // "“…,” Fight for $15 organizing director Kendall Fells told …": the run went on past a quotation
    // whose comma marks the attribution after it
    else if (span.end > segments[b].outer.end && cueSpan.start >= segments[b].outer.end && /[,?!]\s*$/.test(text.slice(segments[b].inner.start, segments[b].inner.end)))
      end = segments[b].inner.end;
  }
  const z = doc.marks.segmentAt(span.end - 1);
  if (z >= 0 && span.end >= segments[z].inner.end && span.start > segments[z].inner.start && !inside(segments[z])) {
    let y = z;
    while (y > 0 && segments[y - 1].continues && !inside(segments[y - 1])) y--;
    start = segments[y].inner.start;
  }
  return { start, end };
}

/**
 * Content before its cue and content after it are two pieces of one content only when the
 * attribution between them is set off on both sides ("The move, Carr explained, was …"): a comma,
 * quotation mark or dash right after the first piece, then nothing but the source (and adverbs) up
 * to the cue, and a comma, colon, dash or quotation mark between the cue and the second piece.
 */
function setOff(doc: QuoteDoc, c: TokenRun, cue: TokenRun, d: TokenRun, sources: TokenRun[]): boolean {
  const { toks } = doc;
  const sep = (t: Token | undefined) => !!t && (t.text === ',' || isClose(t.text) || /^[—–]$/.test(t.text));
  if (!sep(toks[c.hi]) && !sep(toks[c.hi - 1])) return false;
  for (let x = c.hi; x < cue.lo; x++) {
    const t = toks[x];
    if (!isWord(t) || isAdverb(t) || sources.some((r) => r.lo <= x && x < r.hi)) continue;
    return false;
  }
  for (let x = cue.hi; x <= d.lo && x < toks.length; x++) if (/^[,:—–]$/.test(toks[x].text) || isOpen(toks[x].text)) return true;
  return false;
}


/**
 * The cue of a content run the tagger tagged with no cue in its sentence ("Obama and Clinton continue to
 * ignore [the reality that …]", "nations [that oppose radical Islamic ideology]"): the verb before the
 * run that the parse hangs the run's head on, or the run's own head when it is a verb (the content is
 * then what follows that verb: "[regulators did not consider] Mr. X a realistic option"), when the cue classifier scores that verb above PARSE_CUE_THRESHOLD. Two readings agree
 * there, the tagger's (content) and the classifier's (cue); either alone is right too rarely
 * (quotes/NOTES.md, session 23). Null when the article has no parse, no classifier or no such verb.
 */
function parseCueOf(doc: QuoteDoc, c: TokenRun, ts: TaggedSentence): { cue: TokenRun; content: TokenRun } | null {
  const { toks, parse } = doc;
  const scores = parse?.length ? doc.cueScores : null;
  if (!parse || !scores) return null;
  const start = toks[c.lo].start;
  const end = toks[c.hi - 1].end;
  const inside = (j: number) => parse[j].start >= start && parse[j].end <= end;
  let head = partitionPoint(parse, (t) => t.start < start);
  while (head < parse.length && parse[head].end <= end && (!isWord(parse[head]) || (parse[head].head >= 0 && inside(parse[head].head)))) head++;
  if (head >= parse.length || !inside(head)) return null;
  const gov = parse[head].head;
  let verb = -1;
  let lo = c.lo;
  if (gov >= 0 && parse[gov].upos === 'VERB' && parse[gov].end <= start && parse[gov].start >= toks[ts.lo].start) verb = gov;
  else if (parse[head].upos === 'VERB') {
    verb = head;
    lo = tokenAt(toks, parse[head].end);
  }
  if (verb < 0 || lo >= c.hi) return null;
  // a passive's content is no argument the tagger's run gives ("are supported [by a coalition]")
  for (let j = partitionPoint(parse, (t) => t.start < toks[ts.lo].start); j < parse.length && parse[j].start < toks[ts.hi - 1].end; j++)
    if (parse[j].head === verb && parse[j].deprel.endsWith(':pass')) return null;
  const i = tokenAt(toks, parse[verb].start);
  if (i >= toks.length || toks[i].start !== parse[verb].start) return null;
  const score = scores.at(i);
  if (score === null || score <= PARSE_CUE_THRESHOLD) return null;
  return { cue: { lo: i, hi: i + 1, score: 0 }, content: { lo, hi: c.hi, score: c.score } };
}

function weakCueRun(doc: QuoteDoc, r: TokenRun): boolean {
  const { toks } = doc;
  const lex = cueLexicon();
  if (!lex) return false;
  let best = 0;
  for (let x = r.lo; x < r.hi; x++) {
    const lw = lower(toks[x]);
    if (CUE_FORMS.has(lw) || WEAK_CUES.has(lw)) return false;
    best = Math.max(best, lex.get(lw) ?? 0);
  }
  return best > 0 && best < WEAK_CUE_RUN_BIN;
}

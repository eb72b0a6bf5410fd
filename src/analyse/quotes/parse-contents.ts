/**
 * Pass 3: content from the parse for the cues the cue classifier accepts and no earlier pass used
 * (../attribution/cue-classifier.ts, models/cues.bin). The largest class of missed attributions is
 * a cue the tagger knows with no content tagged for it; the classifier finds the cue, and the parse
 * gives what it introduces (PARC's and PolNeAR's reading: the content is the cue's argument):
 * - "X said [that] CLAUSE", "the claim that CLAUSE": the clausal complement (its subtree; the
 *   complementiser stays, as PolNeAR annotates);
 * - "CLAUSE, X said": the clause the cue hangs on as a parenthetical (parataxis), without the cue's
 *   own phrase; "A, X said, B" gives the two pieces as one split statement;
 * - "according to X, CLAUSE" / "CLAUSE, according to X": the clause of X's predicate without the
 *   "according to X" phrase.
 * The content ends at the end of that clause, or, when a quotation is open there and goes on past
 * it, at the quotation's end (over the following sentences and paragraphs it continues). The source
 * is the cue's subject (never a passive subject) or the object of "according to".
 * A cue gives content only where no earlier quote overlaps the cue or its content: the tagger and
 * the rules keep what they found, the parse only fills the attributions they left out. One
 * exception: an earlier indirect content that runs on into a second attribution (", and X is
 * promising to …", "…, contradicting the police's claim that …": a clause joined by a comma, dash
 * or conjunction whose cue the classifier accepts) ends before that clause, and the second
 * attribution gets its own quote.
 * The quotes made here follow PolNeAR's guideline (every kind of attribution); the review
 * (review.ts) gives them their cue class, and the quote ledger keeps speech only.
 */
import type { Quote, Span, SyntaxToken } from '../../model/types.js';
import { universalRelation } from '../syntax/helpers.js';
import { tokenAt } from '../tokenize.js';
import { type QuoteDoc, trimSpan } from './document.js';
import { namePhrase, parseChildren } from './review.js';
import { cueClassOf } from './cues.js';
import { kindOf } from './segments.js';

/** A cue gives content here when the classifier scores it above this (chosen on the train holdout: quotes/README.md). */
export const PARSE_CONTENT_THRESHOLD = 10;

/**
 * The relations by which a second attribution hangs inside an earlier content it ends: a coordinated
 * clause (", and X is promising to …"), an adverbial clause ("…, contradicting the police's claim
 * that …"), a parenthetical (quotes/README.md, "A second attribution inside a content").
 */
const RUN_ON_RELATIONS = new Set(['conj', 'advcl', 'parataxis']);

/** Most tokens walked for one subtree (a sentence's parse is far smaller). */
const MAX_SUBTREE = 2000;


/** The span of a token's subtree without punctuation at its edges, skipping the subtree of `except`. */
function subtreeSpans(parse: readonly SyntaxToken[], kids: number[][], top: number, except = -1): { lo: number; hi: number }[] {
  // the subtree's tokens, marked over the stretch they span (a sentence of the parse)
  const members: number[] = [];
  const stack = [top];
  let first = top;
  let last = top;
  for (let steps = 0; stack.length && steps < MAX_SUBTREE; steps++) {
    const x = stack.pop()!;
    if (x === except) continue;
    members.push(x);
    if (x < first) first = x;
    if (x > last) last = x;
    for (const c of kids[x]) stack.push(c);
  }
  const inside = new Uint8Array(last - first + 1);
  for (const m of members) inside[m - first] = 1;
  // runs of consecutive tokens: the subtree minus `except` may fall in two pieces
  const runs: { lo: number; hi: number }[] = [];
  for (let k = 0; k < inside.length; k++) {
    if (!inside[k]) continue;
    const prev = runs[runs.length - 1];
    if (prev && prev.hi === first + k - 1) prev.hi = first + k;
    else runs.push({ lo: first + k, hi: first + k });
  }
  const out: { lo: number; hi: number }[] = [];
  for (const r of runs) {
    let { lo, hi } = r;
    while (lo <= hi && parse[lo].upos === 'PUNCT') lo++;
    while (hi >= lo && parse[hi].upos === 'PUNCT') hi--;
    if (lo <= hi) out.push({ lo, hi });
  }
  return out;
}

/** Words that open a clause reported as a question ("how many tunnels there are", "which nominee that helps"). */
const WH = new Set(['what', 'which', 'who', 'whom', 'whose', 'how', 'why', 'when', 'where', 'whether', 'if']);

/**
 * A reported statement is a clause: its predicate is a verb, an auxiliary or a copula's complement,
 * with a subject of its own, a complementiser ("that", "whether", "if") or a question word first, and
 * it does not open with a coordinating conjunction (the parse taking the next clause of a coordination
 * for the complement: "… dismissed it, and so many others use …").
 */
function isClause(parse: readonly SyntaxToken[], kids: number[][], top: number): boolean {
  const t = parse[top];
  const copula = kids[top].some((k) => parse[k].deprel === 'cop');
  if (t.upos !== 'VERB' && t.upos !== 'AUX' && !copula) return false;
  let first = top;
  for (let x = top, steps = 0; kids[x].length && kids[x][0] < x && steps < 64; steps++) first = x = kids[x][0];
  if (parse[first].upos === 'CCONJ') return false;
  if (WH.has(parse[first].text.toLowerCase())) return true;
  for (const k of kids[top]) {
    const r = universalRelation(parse[k].deprel);
    if (r === 'nsubj' || r === 'csubj' || r === 'expl') return true;
    if (r === 'mark' && (WH.has(parse[k].lemma.toLowerCase()) || parse[k].lemma.toLowerCase() === 'that')) return true;
  }
  return false;
}

/** A clause reported before its cue is set off from it by a comma or a quotation mark ("…, X said"; "“…” X said"). */
function setOff(parse: readonly SyntaxToken[], kids: number[][], top: number, cue: number): boolean {
  const pieces = subtreeSpans(parse, kids, top, cue).filter((r) => r.hi < cue);
  if (!pieces.length) return false;
  const end = pieces[pieces.length - 1].hi;
  for (let i = end + 1; i < cue && i <= end + 2; i++) if (/^[,“”"]$/.test(parse[i].text)) return true;
  return false;
}

/** The subject of a cue verb that can say something: nsubj (not passive), a noun, name or pronoun. */
function sourceOf(parse: readonly SyntaxToken[], kids: number[][], cue: number): number | null {
  for (const c of kids[cue]) {
    const r = parse[c].deprel;
    if (r === 'nsubj' && (parse[c].upos === 'NOUN' || parse[c].upos === 'PROPN' || parse[c].upos === 'PRON')) return c;
  }
  return null;
}

/** Where the content of cue `j` lies in the tree: the subtree of `top` without that of `except` (-1: none), said by `source`. */
interface CueClause {
  top: number;
  except: number;
  source: number | null;
}

/** The clause cue `j` introduces, by its relations in the parse (see the module comment); null for most tokens, cheaply. */
function clauseOfCue(parse: readonly SyntaxToken[], kids: number[][], j: number): CueClause | null {
  const t = parse[j];
  // "according to X": X's predicate's clause without the phrase
  if (t.deprel === 'case') {
    if (t.text.length !== 9 || t.text.toLowerCase() !== 'according') return null;
    const x = t.head;
    const pred = x >= 0 ? parse[x].head : -1;
    return pred >= 0 && isClause(parse, kids, pred) ? { top: pred, except: x, source: x } : null;
  }
  const verb = t.upos === 'VERB';
  if (!verb && t.upos !== 'NOUN') return null;
  // "said [that] CLAUSE", "the claim that CLAUSE"
  for (const c of kids[j]) {
    const r = parse[c].deprel;
    if (verb ? r !== 'ccomp' : r !== 'acl' && r !== 'ccomp') continue;
    if (!verb && !hasMarkThat(parse, kids, c)) continue;
    if (!isClause(parse, kids, c) || (c < j && !setOff(parse, kids, c, j))) return null;
    return { top: c, except: -1, source: verb ? sourceOf(parse, kids, j) : null };
  }
  if (!verb) return null;
  // "vowed to repeal", "declined to address": a clause the cue controls, for a cue of the lexicon (its class, not the
  // clause, then decides whether the ledger keeps it: review.ts would call any verb that takes a clause speech)
  for (const c of kids[j]) {
    if (c < j || parse[c].deprel !== 'xcomp' || parse[c].upos !== 'VERB') continue;
    if (cueClassOf(t.lemma.toLowerCase()) === null) break;
    return { top: c, except: -1, source: sourceOf(parse, kids, j) };
  }
  // "CLAUSE, X said": the cue is a parenthetical of the clause it reports
  if (t.deprel === 'parataxis' && t.head >= 0 && t.head < j && isClause(parse, kids, t.head) && setOff(parse, kids, t.head, j)) return { top: t.head, except: j, source: sourceOf(parse, kids, j) };
  return null;
}

/** Does the clause headed by `c` open with the complementiser "that"? */
function hasMarkThat(parse: readonly SyntaxToken[], kids: number[][], c: number): boolean {
  for (const k of kids[c]) if (parse[k].deprel === 'mark' && parse[k].lemma.toLowerCase() === 'that') return true;
  return false;
}

/**
 * Pass 3 over the article's parse (QuoteDoc.parse): a quote for each cue the classifier accepts
 * (score above `threshold`) whose content, by the parse, no earlier quote overlaps.
 */
export function parseContentQuotes(d: QuoteDoc, threshold = PARSE_CONTENT_THRESHOLD): void {
  const parse = d.parse;
  if (!parse?.length) return;
  const scores = d.cueScores;
  if (!scores) return;
  const { toks, quotes, usedCue, text } = d;
  const overlapsEarlier = overlapIndex(quotes.map((q) => q.span));
  // the tokens that can introduce a clause (the head of a complement, a parenthetical cue, "according"): clauseOfCue's cases
  const asks = new Uint8Array(parse.length);
  for (let k = 0; k < parse.length; k++) {
    const r = parse[k].deprel;
    const c = r.charCodeAt(0);
    if (c !== 99 && c !== 97 && c !== 120 && c !== 112) continue; // c, a, x, p
    if ((r === 'ccomp' || r === 'acl' || r === 'xcomp') && parse[k].head >= 0) asks[parse[k].head] = 1;
    else if (r === 'parataxis' || (r === 'case' && parse[k].text.length === 9)) asks[k] = 1;
  }
  let kids: number[][] | null = null;
  const earlier = quotes.length;
  for (let j = 0; j < parse.length; j++) {
    if (!asks[j]) continue;
    // a cue inside an earlier indirect content may start a second attribution that content ran on into
    let host: Quote | null = null;
    if (overlapsEarlier(parse[j])) {
      host = hostOf(quotes, earlier, parse[j]);
      if (!host) continue;
    }
    kids ??= parseChildren(parse);
    const found = clauseOfCue(parse, kids, j);
    if (!found) continue;
    const i = tokenAt(toks, parse[j].start);
    if (i >= toks.length || toks[i].start !== parse[j].start || usedCue.has(i)) continue;
    const parts = subtreeSpans(parse, kids, found.top, found.except).map((r) => continuedQuotation(d, { start: parse[r.lo].start, end: parse[r.hi].end }));
    if (!parts.length) continue;
    const cut = host ? runOnStart(text, parse, kids, host, j, parts) : -1;
    if (host ? cut < 0 || !withinHost(quotes, host, parts) : parts.some(overlapsEarlier)) continue;
    // the classifier reads the few words that get this far (the review's ranker reuses the scores)
    const score = scores.at(i);
    if (score === null || score <= threshold) continue;
    if (host) host.span = trimSpan(text, { start: host.span.start, end: cut });
    const source = found.source === null ? null : namePhrase(parse, kids, found.source);
    const whole = trimSpan(text, { start: parts[0].start, end: parts[parts.length - 1].end });
    const q = d.make(whole, source, toks[i], kindOf(text, whole, d.segments), parts.length > 1 ? parts.map((p) => trimSpan(text, p)) : undefined);
    if (!q) continue;
    quotes.push(q);
    usedCue.add(i);
  }
}

/** `overlaps(s)`: does `s` share a character with one of `spans`? O(log n) per question. */
function overlapIndex(spans: Span[]): (s: Span) => boolean {
  const sorted = spans.map((x) => ({ start: x.start, end: x.end })).sort((x, y) => x.start - y.start);
  const maxEnd: number[] = [];
  for (let k = 0; k < sorted.length; k++) maxEnd.push(Math.max(sorted[k].end, k ? maxEnd[k - 1] : 0));
  return (s) => {
    // the spans that start before s ends; one of them overlaps s when the furthest end among them is past its start
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].start < s.end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnd[lo - 1] > s.start;
  };
}

/** A content that ends inside a quotation going on past it runs to the quotation's end (over the paragraphs it continues). */
function continuedQuotation(d: QuoteDoc, s: Span): Span {
  const g = d.marks.segmentAt(Math.max(s.start, s.end - 1));
  if (g < 0) return s;
  const seg = d.segments[d.marks.quotationEnd(g)];
  return seg.inner.end > s.end ? { start: s.start, end: seg.inner.end } : s;
}

/** The earlier indirect quote (of the first `n`, one span, no quotation) whose content holds token `t`. */
function hostOf(quotes: Quote[], n: number, t: SyntaxToken): Quote | null {
  for (let k = 0; k < n; k++) {
    const q = quotes[k];
    if (q.kind === 'indirect' && !q.parts && q.span.start <= t.start && t.end <= q.span.end && q.cue && q.cue.span.end <= q.span.start) return q;
  }
  return null;
}

/**
 * Where `host`'s content runs on into a second attribution with cue `j` (", and X is promising to
 * help", "…, contradicting the police's claim that …"): the highest ancestor of the cue inside the
 * content whose subtree starts after the content's first word, a clause joined to what comes before
 * (RUN_ON_RELATIONS) after a comma, semicolon, dash or coordinating conjunction, with a word of the
 * host before it; the character where the host should end, or -1.
 */
function runOnStart(text: string, parse: readonly SyntaxToken[], kids: number[][], host: Quote, j: number, parts: Span[]): number {
  const inside = (x: number) => x >= 0 && parse[x].start >= host.span.start && parse[x].end <= host.span.end;
  // the host's first word and its ancestors: a clause holding that word does not start after it
  let f = j;
  while (f > 0 && parse[f - 1].start >= host.span.start) f--;
  const holdsFirst = new Set<number>();
  for (let x = f, steps = 0; x >= 0 && steps < 64; steps++, x = parse[x].head) holdsFirst.add(x);
  let cutNode = -1;
  for (let a = j, steps = 0; inside(a) && !holdsFirst.has(a) && steps < 64; steps++, a = parse[a].head) cutNode = a;
  if (cutNode < 0 || !RUN_ON_RELATIONS.has(universalRelation(parse[cutNode].deprel))) return -1;
  const lo = subtreeStart(kids, cutNode);
  const first = parse[lo];
  const prev = lo > 0 ? parse[lo - 1] : null;
  const joined = first.upos === 'CCONJ' || first.upos === 'PUNCT' || (prev !== null && /^[,;:—–-]+$/.test(prev.text));
  if (!joined || first.start <= host.span.start || parts[0].start < first.start || !/[\p{L}\p{N}]/u.test(text.slice(host.span.start, first.start))) return -1;
  return first.start;
}

/** The second attribution's content lies inside its host's and overlaps no other quote. */
function withinHost(quotes: Quote[], host: Quote, parts: Span[]): boolean {
  for (const p of parts) {
    if (p.end > host.span.end) return false;
    for (const q of quotes) if (q !== host && q.span.start < p.end && p.start < q.span.end) return false;
  }
  return true;
}

/** The first token of a subtree. */
function subtreeStart(kids: number[][], top: number): number {
  let lo = top;
  const stack = [top];
  for (let steps = 0; stack.length && steps < MAX_SUBTREE; steps++) {
    const x = stack.pop()!;
    if (x < lo) lo = x;
    for (const c of kids[x]) stack.push(c);
  }
  return lo;
}

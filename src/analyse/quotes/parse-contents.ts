/**
 * Pass 3: content from the parse for the cues the cue classifier accepts and no earlier pass used
 * (../attribution/cue-classifier.ts, models/cues.bin). The largest class of missed attributions is
 * a cue the tagger knows with no content tagged for it; the classifier finds the cue, and the parse
 * gives what it introduces (PARC's and PolNeAR's reading: the content is the cue's argument):
 * - "X said [that] CLAUSE", "the claim that CLAUSE": the clausal complement (its subtree; the
 *   complementiser stays, as PolNeAR annotates);
 * - "CLAUSE, X said": the clause the cue hangs on as a parenthetical (parataxis), without the cue's
 *   own phrase; "A, X said, B" gives the two pieces as one split statement; also a sentence-final
 *   ", X said." / ", said X." the parse coordinates with the clause or makes its complement
 *   (postposedSource), and "as X noted, CLAUSE" / "CLAUSE, as X predicted" (asClause);
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
 * attribution gets its own quote. Another: an earlier quote of the same cue whose content lies
 * inside the cue's source phrase (the tagger took "one GOP source" of "…, said one GOP source" for
 * the content) gives way to the clause the cue reports (sourceTaken).
 * The quotes made here follow PolNeAR's guideline (every kind of attribution); the review
 * (review.ts) gives them their cue class, and the quote ledger keeps speech only.
 */
import type { Quote, Span, SyntaxToken } from '../../model/types.js';
import { universalRelation } from '../syntax/helpers.js';
import { tokenAt } from '../tokenize.js';
import { partitionPoint } from '../../util/search.js';
import { type QuoteDoc, trimSpan } from './document.js';
import { actionObjectQuote, namePhrase, parseChildren } from './review.js';
import { verbCueScorer } from './content-ends.js';
import { cueClassOf } from './cues.js';
import { CLOSING_DOUBLE_MARK } from './words.js';
import { kindOf } from './segments.js';

/** A cue gives content here when the classifier scores it above this (chosen on the train holdout: quotes/NOTES.md); `TRIANGULATE_PASS3_THRESHOLD` overrides it for a sweep. */
export const PARSE_CONTENT_THRESHOLD = Number(process.env.TRIANGULATE_PASS3_THRESHOLD ?? '10');

/**
 * The relations by which a second attribution hangs inside an earlier content it ends: a coordinated
 * clause (", and X is promising to …"), an adverbial clause ("…, contradicting the police's claim
 * that …"), a parenthetical (quotes/NOTES.md, "A second attribution inside a content").
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
    if (r === 'nsubj' && isSayer(parse[c])) return c;
  }
  return null;
}

/** Where the content of cue `j` lies in the tree: the subtree of `top` without that of `except` (-1: none), said by `source`. */
export interface CueClause {
  top: number;
  except: number;
  source: number | null;
}

/** The clause cue `j` introduces, by its relations in the parse (see the module comment); null for most tokens, cheaply. */
export function clauseOfCue(parse: readonly SyntaxToken[], kids: number[][], j: number): CueClause | null {
  const t = parse[j];
  // "according to X": X's predicate's clause without the phrase
  if (t.deprel === 'case') {
    if (t.text.length !== 9 || t.text.toLowerCase() !== 'according') return null;
    const x = t.head;
    const pred = x >= 0 ? clauseAbove(parse, kids, parse[x].head, j) : -1;
    return pred >= 0 ? { top: pred, except: x, source: x } : null;
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
  // "CLAUSE, X said": the cue is a parenthetical of the clause it reports; "CLAUSE, said X" parsed as a clause
  // coordinated with it, when the cue says nothing of its own (no complement, no object) and ends the sentence
  // "as X said, CLAUSE" / "CLAUSE, as X predicted": a cue in a clause marked "as" reports the clause it hangs on
  if (t.head >= 0 && asClause(parse, kids, j)) return isClause(parse, kids, t.head) ? { top: t.head, except: j, source: sourceOf(parse, kids, j) } : null;
  if (t.head < 0 || t.head >= j) return null;
  const source = t.deprel === 'parataxis' ? sourceOf(parse, kids, j) : t.deprel === 'conj' || t.deprel === 'ccomp' ? postposedSource(parse, kids, j) : -1;
  if (source === -1) return null;
  return isClause(parse, kids, t.head) && setOff(parse, kids, t.head, j) ? { top: t.head, except: j, source } : null;
}

/** Most steps climbed from the word "according to X" hangs on to the clause it reports. */
const MAX_CLIMB = 6;

/**
 * The clause "according to X" reports: the nearest clause at or above the word the phrase hangs
 * on, climbing over nouns, adjectives and subjectless verbs before it. The parse often hangs the phrase on a noun of the
 * clause ("… spent $345,430 on TV ads, according to the Brennan Center" as a modifier of "ads"),
 * where the attribution is the whole clause; -1 when no clause is near.
 */
function clauseAbove(parse: readonly SyntaxToken[], kids: number[][], from: number, according: number): number {
  for (let x = from, steps = 0; x >= 0 && steps <= MAX_CLIMB; steps++, x = parse[x].head) {
    if (isClause(parse, kids, x)) return reportAbove(parse, kids, x, according);
    // a verb with no subject of its own after the phrase is where the phrase belongs ("…, according to excerpts
    // released by …", the parse making "released" the head); one before it is a modifier the phrase trails
    // ("… next week as many people expected, according to an email …")
    if ((parse[x].upos === 'VERB' || parse[x].upos === 'AUX') && x > according) return -1;
  }
  return -1;
}

/**
 * The clause "according to X" reports when the nearest clause is `x`: the report that holds `x` as its complement
 * when the phrase trails it ("Police have said [they have no plans to …], according to attorneys for the family"):
 * PolNeAR's content of "according to" is the whole report, the nested "have said" with its clause (20 of the 21
 * such contents on train; no nested attribution annotated inside them).
 */
function reportAbove(parse: readonly SyntaxToken[], kids: number[][], x: number, according: number): number {
  const h = parse[x].head;
  return parse[x].deprel === 'ccomp' && h >= 0 && h < x && x < according && parse[h].upos === 'VERB' && isClause(parse, kids, h) ? h : x;
}

/**
 * A verb with a subject in a clause opened by "as" and set off by a comma from the clause it hangs on
 * ("As the senator noted, …", "…, as experts had predicted"): the clause it reports.
 */
function asClause(parse: readonly SyntaxToken[], kids: number[][], j: number): boolean {
  const r = universalRelation(parse[j].deprel);
  if (r !== 'advcl' && r !== 'ccomp' && r !== 'parataxis' && r !== 'conj') return false;
  let marked = false;
  let subject = false;
  for (const c of kids[j]) {
    const k = parse[c];
    if (k.deprel === 'mark' && c < j && k.text.toLowerCase() === 'as') marked = true;
    else if (k.deprel === 'nsubj' && isSayer(k)) subject = true;
    else if (k.deprel === 'ccomp' || k.deprel === 'xcomp') return false;
  }
  if (!marked || !subject) return false;
  const lo = subtreeStart(kids, j);
  const hi = subtreeEnd(kids, j);
  const comma = (k: number) => k >= 0 && k < parse.length && parse[k].text === ',';
  return parse[j].head > j ? comma(hi + 1) || comma(hi) : comma(lo - 1);
}

/**
 * The verbs of saying that news writing puts before their subject after a quotation or a reported
 * clause ("…, said the senator"; "…, added a spokesman"): quotative inversion, which the parse reads
 * as the verb taking an object. Other verbs with an object after them there are not inverted
 * ("…, discussed the controversy").
 */
const INVERTING = new Set(['say', 'add']);

/** Most tokens of a sentence-final reporting clause (", said a spokesman for the agency in a statement"). */
const MAX_POSTPOSED = 12;

/** Relations of a cue's own content: a cue with one of them is not a bare "said X" after the clause it reports. */
const OWN_CONTENT = new Set(['ccomp', 'xcomp', 'obj', 'iobj', 'csubj', 'advcl', 'conj']);

/**
 * A verb after a clause that is a "…, X said" / "…, said X" appended to it (the parse coordinating a
 * sentence-final reporting clause with the clause it reports, or making it that clause's complement): it takes no content of
 * its own and its phrase closes the sentence. Its source: its subject, or, with a verb of speech
 * and no subject, the object after it (the inverted subject of "said X", which the parse reads as an
 * object); -1 when it is not such a verb.
 */
function postposedSource(parse: readonly SyntaxToken[], kids: number[][], j: number): number {
  let subject = -1;
  let object = -1;
  for (const c of kids[j]) {
    const r = universalRelation(parse[c].deprel);
    if (r === 'obj' && object < 0 && c > j) object = c;
    else if (OWN_CONTENT.has(r)) return -1;
    // a subject that cannot say anything ("two of whom have pledged …") is no reporting clause's
    if (r === 'nsubj') subject = parse[c].deprel === 'nsubj' && isSayer(parse[c]) ? c : -2;
  }
  // the reporting clause is short and set off by a comma: ", said X." / ", X said."
  const span = shortSpan(kids, j, MAX_POSTPOSED + 2);
  if (!span) return -1;
  let first = span.lo;
  const last = span.hi;
  if (parse[first].text === ',') first++;
  if (first < 1 || parse[first - 1].text !== ',' || last - first > MAX_POSTPOSED) return -1;
  const inverted = subject === -1 && first === j && object >= 0 && isSayer(parse[object]) && INVERTING.has(parse[j].lemma.toLowerCase()) && kids[j].every((c) => c === object || parse[c].upos === 'PUNCT' || (parse[c].deprel === 'obl' && c > object));
  if (subject < 0 ? !inverted : object >= 0) return -1;
  const sentence = parse[j].sentence;
  for (let k = last + 1; k < parse.length && parse[k].sentence === sentence; k++) if (parse[k].upos !== 'PUNCT') return -1;
  return subject >= 0 ? subject : object;
}

/** A phrase that can say something: headed by a noun, name or pronoun. */
const isSayer = (t: SyntaxToken): boolean => t.upos === 'NOUN' || t.upos === 'PROPN' || t.upos === 'PRON';

/** The first and last token of a subtree of at most `limit` tokens; null for a larger one (walked no further). */
function shortSpan(kids: number[][], top: number, limit: number): { lo: number; hi: number } | null {
  let lo = top;
  let hi = top;
  const stack = [top];
  for (let n = 0; stack.length; n++) {
    if (n >= limit) return null;
    const x = stack.pop()!;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
    for (const c of kids[x]) stack.push(c);
  }
  return { lo, hi };
}

/** The last token of a subtree. */
function subtreeEnd(kids: number[][], top: number): number {
  let hi = top;
  const stack = [top];
  for (let steps = 0; stack.length && steps < MAX_SUBTREE; steps++) {
    const x = stack.pop()!;
    if (x > hi) hi = x;
    for (const c of kids[x]) stack.push(c);
  }
  return hi;
}

/** Does the clause headed by `c` open with the complementiser "that"? */
function hasMarkThat(parse: readonly SyntaxToken[], kids: number[][], c: number): boolean {
  for (const k of kids[c]) if (parse[k].deprel === 'mark' && parse[k].lemma.toLowerCase() === 'that') return true;
  return false;
}

/** Receives, for a cue (by its character start), the step that built no quote of it or dropped its quote (quote-misses --stages). */
export type QuoteTrace = (cueStart: number, step: string) => void;

/**
 * Pass 3 over the article's parse (QuoteDoc.parse): a quote for each cue the classifier accepts
 * (score above `threshold`) whose content, by the parse, no earlier quote overlaps.
 */
export function parseContentQuotes(d: QuoteDoc, threshold = PARSE_CONTENT_THRESHOLD, trace?: QuoteTrace): void {
  const parse = d.parse;
  if (!parse?.length) return;
  const scores = d.cueScores;
  if (!scores) return;
  const { toks, quotes, usedCue, text } = d;
  // an earlier quote the review will drop as an action verb's object blocks no clause (it goes if one overlaps it)
  let kids: number[][] | null = quotes.length ? parseChildren(parse) : null;
  const cueScore = verbCueScorer(toks, parse, scores);
  const doomed = quotes.map((q) => actionObjectQuote(text, q, parse, kids!, cueScore));
  const overlapsEarlier = overlapIndex(quotes.filter((_, k) => !doomed[k]).map((q) => q.span));
  // the tokens that can introduce a clause (the head of a complement, a parenthetical cue, "according"): clauseOfCue's cases
  const asks = new Uint8Array(parse.length);
  for (let k = 0; k < parse.length; k++) {
    const r = parse[k].deprel;
    const c = r.charCodeAt(0);
    if (c !== 99 && c !== 97 && c !== 120 && c !== 112) continue; // c, a, x, p
    if ((r === 'ccomp' || r === 'acl' || r === 'xcomp') && parse[k].head >= 0) asks[parse[k].head] = 1;
    if (r === 'parataxis' || (r === 'case' && parse[k].text.length === 9)) asks[k] = 1;
    // a reporting clause after or around the clause it reports (postposedSource, asClause): never inside an earlier content
    else if ((r === 'conj' || r === 'advcl' || r === 'ccomp') && !asks[k] && parse[k].upos === 'VERB') asks[k] = 2;
  }
  const earlier = quotes.length;
  const original = quotes.slice();
  const added: Quote[] = [];
  for (let j = 0; j < parse.length; j++) {
    if (!asks[j]) continue;
    // a cue inside an earlier indirect content may start a second attribution that content ran on into
    let host: Quote | null = null;
    if (overlapsEarlier(parse[j])) {
      host = asks[j] === 2 ? null : hostOf(quotes, earlier, parse[j], doomed);
      if (!host) {
        trace?.(parse[j].start, 'pass 3: the cue lies inside an earlier quote');
        continue;
      }
    }
    kids ??= parseChildren(parse);
    const found = clauseOfCue(parse, kids, j);
    if (!found) continue;
    const i = tokenAt(toks, parse[j].start);
    if (i >= toks.length || toks[i].start !== parse[j].start) continue;
    // a cue already used may have been given its own source or another phrase for content ("…, said [one GOP source]"): that quote gives way
    const taken = usedCue.has(i) ? sourceTaken(text, parse, kids, quotes, earlier, found, j) : -1;
    if (usedCue.has(i) && (taken < 0 || host)) {
      trace?.(parse[j].start, 'pass 3: an earlier pass used the cue');
      continue;
    }
    const parts = subtreeSpans(parse, kids, found.top, found.except).map((r) => continuedQuotation(d, { start: parse[r.lo].start, end: parse[r.hi].end }));
    if (!parts.length) continue;
    const cut = host ? runOnStart(text, parse, kids, host, j, parts) : -1;
    if (host ? cut < 0 || !withinHost(quotes, host, parts) : taken >= 0 ? !replacesTaken(text, quotes, earlier, doomed, taken, parts) : parts.some(overlapsEarlier) && !onlyNested(quotes, earlier, doomed, parts)) {
      trace?.(parse[j].start, host ? 'pass 3: the clause does not run on inside its host quote' : 'pass 3: the clause overlaps an earlier quote');
      continue;
    }
    // the classifier reads the few words that get this far (the review's ranker reuses the scores)
    const score = scores.at(i);
    if (score === null || score <= threshold) {
      trace?.(parse[j].start, 'pass 3: score at or below the threshold');
      continue;
    }
    if (host) host.span = trimSpan(text, { start: host.span.start, end: cut });
    // (a quote it replaces keeps the speaker the rules gave it when the parse gives the cue no subject)
    const source = found.source !== null ? namePhrase(parse, kids, found.source) : taken >= 0 ? quotes[taken].speakerSpan : null;
    const whole = trimSpan(text, { start: parts[0].start, end: parts[parts.length - 1].end });
    const q = d.make(whole, source, toks[i], kindOf(text, whole, d.segments), parts.length > 1 ? parts.map((p) => trimSpan(text, p)) : undefined);
    if (!q) {
      trace?.(parse[j].start, 'pass 3: no content words');
      continue;
    }
    if (taken >= 0) quotes[taken] = q;
    else quotes.push(q);
    added.push(q);
    usedCue.add(i);
  }
  for (let k = earlier - 1; k >= 0; k--) if (doomed[k] && quotes[k] === original[k] && added.some((q) => q.span.start < quotes[k].span.end && quotes[k].span.start < q.span.end)) quotes.splice(k, 1);
}

/**
 * The earlier quote (of the first `n`) with cue `j` whose content lies inside the cue's
 * source phrase by the parse: the tagger took the source for the content ("…, said [one GOP source
 * in the room]", "…, according to [an email from the president of …]"); its index, or -1.
 * For "according to X", not a content that opens X's relative clause ("according to a person familiar
 * …, [who has been friends with …]": 0 of 4 right on PolNeAR train), an attribution of its own; the
 * rest of X's phrase ("according to a poll of 400 [registered Latino voters released on Friday by …]")
 * is the source, and the clause the content. Also a content in the phrase of "say" / "add" after the
 * verb, set in or after the clause it reports: the tagger takes its adjunct for the content ("…, he
 * said [after meeting Thursday with aides]", "…, Wilkin said [during his speech]"); other verbs there
 * take objects and obliques PolNeAR annotates as content ("supported [the bill]", "called for […]").
 */
function sourceTaken(text: string, parse: readonly SyntaxToken[], kids: number[][], quotes: Quote[], n: number, found: CueClause, j: number): number {
  for (let k = 0; k < n; k++) {
    const q = quotes[k];
    if (q.cue?.span.start !== parse[j].start) continue;
    if (!q.parts && titleBeforeClause(text, parse, kids, found, j, q.span)) return k;
    if (q.kind === 'direct' || q.parts) return -1;
    return inSourcePhrase(parse, kids, found, q.span) || inReportingPhrase(parse, kids, found, j, q.span) ? k : -1;
  }
  return -1;
}

/**
 * Does span `s` open, after cue `j`, with a quoted name or phrase and no verb before the cue's clausal complement
 * `found` ("told ABC's [“Good Morning America”] that she would …", "said on [“Meet the Press”] that …"), alone or
 * running on into it? The quotation names the programme, where it was said; the complement is what was said.
 */
function titleBeforeClause(text: string, parse: readonly SyntaxToken[], kids: number[][], found: CueClause, j: number, s: Span): boolean {
  if (found.except !== -1 || found.top < j) return false;
  const clauseStart = parse[subtreeStart(kids, found.top)].start;
  if (s.start < parse[j].end || s.start >= clauseStart || !CLOSING_DOUBLE_MARK.test(text.slice(s.start, clauseStart))) return false;
  // (a name, not a passage: a few words, and the walk stays short in a hostile sentence)
  let x = j + 1;
  for (; x < parse.length && x <= j + TITLE_REACH && parse[x].start < clauseStart; x++) if (parse[x].start >= s.start && (parse[x].upos === 'VERB' || parse[x].upos === 'AUX')) return false;
  return x < parse.length && parse[x].start >= clauseStart;
}

/** Most tokens between a cue and its complement searched for a quoted name ("said on NBC's “Today” that"). */
const TITLE_REACH = 16;


/** Does span `s` lie inside the source phrase of `found` (for "according to X", not as X's relative clause)? */
function inSourcePhrase(parse: readonly SyntaxToken[], kids: number[][], found: CueClause, s: Span): boolean {
  if (found.source === null) return false;
  const first = subtreeStart(kids, found.source);
  // "according to X": X's phrase opens after "according to"
  const opens = found.source === found.except ? phraseOpening(parse, first, found.source) : Infinity;
  return parse[first].start <= s.start && (s.start <= opens || !opensRelative(parse, s.start)) && s.end <= parse[subtreeEnd(kids, found.source)].end;
}

/**
 * Does span `s` lie in the phrase of "say" / "add" set in or after the clause it reports, after the verb
 * ("…, he said [after meeting aides]")? That phrase is the source and the circumstances of saying, none of
 * it the content, but what the verb says itself (SAYS: "…, he said, [no]").
 */
function inReportingPhrase(parse: readonly SyntaxToken[], kids: number[][], found: CueClause, j: number, s: Span): boolean {
  if (found.except !== j || !INVERTING.has(parse[j].lemma.toLowerCase())) return false;
  return parse[j].end <= s.start && s.end <= parse[subtreeEnd(kids, j)].end && !inOwnContent(parse, kids, j, s);
}

/** Relations of what a verb of saying says itself ("said [that …]", "said [no]", "added [a caveat]"): a content there is its own. */
const SAYS = new Set(['ccomp', 'xcomp', 'obj', 'csubj', 'conj', 'parataxis']);

/** Does span `s` lie in what cue `j` says itself (the subtree of one of its SAYS dependents)? */
function inOwnContent(parse: readonly SyntaxToken[], kids: number[][], j: number, s: Span): boolean {
  for (const c of kids[j]) {
    if (!SAYS.has(universalRelation(parse[c].deprel))) continue;
    if (parse[subtreeStart(kids, c)].start <= s.start && s.start < parse[subtreeEnd(kids, c)].end) return true;
  }
  return false;
}

/** Relative pronouns: a content inside a source phrase that opens with one is the phrase's relative clause. */
const RELATIVE = new Set(['who', 'whom', 'whose', 'which', 'that']);

/** Does the token starting at character `start` open a relative clause? */
function opensRelative(parse: readonly SyntaxToken[], start: number): boolean {
  const t = parse.find((x) => x.start === start);
  return t !== undefined && RELATIVE.has(t.text.toLowerCase());
}

/** Where the phrase of "according to X" opens: the first word of X's subtree (from `first`) after "according" and "to". */
function phraseOpening(parse: readonly SyntaxToken[], first: number, x: number): number {
  let k = first;
  while (k < x && (parse[k].deprel === 'case' || parse[k].deprel === 'fixed')) k++;
  return parse[k].start;
}

/** `overlaps(s)`: does `s` share a character with one of `spans`? O(log n) per question. */
function overlapIndex(spans: Span[]): (s: Span) => boolean {
  const sorted = spans.map((x) => ({ start: x.start, end: x.end })).sort((x, y) => x.start - y.start);
  const maxEnd: number[] = [];
  for (let k = 0; k < sorted.length; k++) maxEnd.push(Math.max(sorted[k].end, k ? maxEnd[k - 1] : 0));
  return (s) => {
    // the spans that start before s ends; one of them overlaps s when the furthest end among them is past its start
    const lo = partitionPoint(sorted, (x) => x.start < s.end);
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

/** What may follow a clause's last word and still close it: punctuation and quotation marks, a few characters. */
const CLOSING = /^[.,;:!?"”’']{1,3}$/;

/**
 * Whether the earlier quotes (of the first `n`, but those the review drops) that `parts` overlap are all
 * attributions nested in the clause, cue and content inside it ("X, [which backed Y], spent …,
 * according to Z"): the content holds them, as withoutNested keeps a nested attribution.
 */
function onlyNested(quotes: Quote[], n: number, doomed: boolean[], parts: Span[], text?: string): boolean {
  const lo = parts[0].start;
  const hi = parts[parts.length - 1].end;
  // with `text`: a quotation closing just after the clause's last word ("…, and said they came away with "more questions than answers."") is inside
  const inside = (s: Span) => lo <= s.start && (s.end <= hi || (text !== undefined && CLOSING.test(text.slice(hi, s.end))));
  for (let k = 0; k < n; k++) {
    const q = quotes[k];
    if (doomed[k] || !parts.some((p) => p.start < q.span.end && q.span.start < p.end)) continue;
    if (q.kind === 'direct' || !q.cue || !inside(q.span) || !inside(q.cue.span)) return false;
  }
  return true;
}

/**
 * Whether the clause `parts` of a cue whose earlier quote `taken` held its source phrase may replace that quote: it
 * overlaps no quote pass 3 added, and of the earlier quotes only attributions nested whole in it ("Police have said
 * [they have no plans …], according to attorneys for the family": PolNeAR's content of "according to" holds the
 * nested "have said" and its clause, as onlyNested lets a clause hold one).
 */
function replacesTaken(text: string, quotes: Quote[], n: number, doomed: boolean[], taken: number, parts: Span[]): boolean {
  for (let k = n; k < quotes.length; k++) if (parts.some((p) => quotes[k].span.start < p.end && p.start < quotes[k].span.end)) return false;
  const skip = doomed.slice();
  skip[taken] = true;
  return onlyNested(quotes, n, skip, parts, text);
}

/** The earlier indirect quote (of the first `n`, one span, no quotation) whose content holds token `t`. */
function hostOf(quotes: Quote[], n: number, t: SyntaxToken, doomed: boolean[]): Quote | null {
  for (let k = 0; k < n; k++) {
    const q = quotes[k];
    if (doomed[k]) continue;
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

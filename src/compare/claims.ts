/**
 * Claims: the statements a sentence makes, one per clause of its parse (a predicate with the words
 * of its own arguments). A sentence that states two things ("rangers questioned a poacher on
 * suspicion of smuggling after two rhinos were found dead near the camp") makes two claims, the one
 * (arrested on suspicion of smuggling) and the other (two rhinos found dead); claim-facts.ts aligns
 * a cluster's members claim by claim, so that each is support for what it states.
 *
 * This file reads a sentence into its claims: each token's clause, each clause's words, acts and
 * days, small clauses folded into the one above, attributions left out. What one clause's words and
 * arcs tell (a denial, a hedge, a relative clause, circumstances, who takes part) is read in
 * clause-readings.ts; a clause's working part and the Claim it becomes are in clause-parts.ts.
 */
import { isClauseHead, universalRelation } from '../analyse/syntax/helpers.js';
import type { SyntaxToken } from '../model/types.js';
import { tokenAt } from '../text/tokenize.js';
import { isParty, type QuoteView, type Sent } from './prepare.js';
import { describedParties, RELATIVE_PRONOUNS } from './descriptions.js';
import { actAt, type ClauseTime, clauseTime, kidsOf, parseOf, spanTokens } from './syntax.js';
import { ownClauseUnderRelative, toldOnlyAsGiven } from './told-as-given.js';
import { claim, type ClausePart, newPart, NONE, PART_SETS, put } from './clause-parts.js';
import { attributing, clauseHedged, deniedBySubject, denies, HEDGES, inCircumstance, notAnAct, participleAct, readDescriptions, readParticipants, relativeStart, thingNoun, underAct } from './clause-readings.js';

/** One statement of a sentence: its predicate's key and the keys of the words of its clause. */
export interface Claim {
  /** The acts its verbs state (normalised lemmas); empty when it has none (a description, or no parse). */
  acts: ReadonlySet<string>;
  keys: ReadonlySet<string>;
  /** Its keys the parse reads only as nouns, not as gerunds ("to take Ivory's place"): the word of another claim's act ("was placed") but not that act: a noun of a thing (`namesAThing`), not one that names an act ("his arrest"). */
  nouns: ReadonlySet<string>;
  /** Its keys that are values: numbers (digits) and names of days and months. */
  values: ReadonlySet<string>;
  /** The people and organisations (linked keys) named as its subject ("the Nationals made an offer"), and as its object or passive subject ("placed Ivory on IR", "Ivory was placed"). */
  agents: ReadonlySet<string>;
  patients: ReadonlySet<string>;
  /** When its verb's form puts the act (`clauseTime`): a claim of what will happen is no support for one of what did. */
  time: ClauseTime | null;
  /** Its acts whose verb is denied ("is not signed", "never entered", "didn't land"): no support for a claim that the act was done. */
  denied: ReadonlySet<string>;
  /** Its act told as possible, not done (`clauseHedged`: "could stay closed", "was likely to remain closed"): no support for a claim that it was done. */
  hedged: boolean;
  /** The days its own time expressions resolve to, as month and day (`12-09`; from the article's date, not guessed from the story's). */
  days: ReadonlySet<string>;
  /** A relative clause ("Lynch, who first reported the meeting"): what the sentence tells of a noun on the way, not what it states. */
  relative: boolean;
  /**
   * A restrictive relative clause, opened by a relative pronoun with no comma or dash before it ("the woman who shot two
   * co-workers will face trial"): it picks out the noun by what the reader is taken to know, so the sentence tells it
   * as given, not as news; a relative clause set off by a comma ("Roe, who was booked and released, gave a sample")
   * adds what it tells as news. Also a clause of condition and an act a charge names ("accused of killing two"):
   * told-as-given.ts, which says why, and why a clause with a subject of its own that the parse hung under a
   * restrictive relative clause is news.
   */
  given: boolean;
  /** A clause of the circumstances of another act, or inside one ("shortly after Roe passed Doe", "while the film was a success", "although Roe denied it"): what the sentence tells on the way to its statement. */
  circumstance: boolean;
  /** Its keys read only from a person's or organisation's name and the words that describe it (`describedParties`: "Jane Roe, chief engineer of the harbour trust"): who, not what is stated of them. */
  named: ReadonlySet<string>;
  /**
   * The key of its subject (a party's key when it names one; '' when a pronoun or none; null with no parse) and, for a
   * description, a copular clause read as UD annotates it (the predicate noun or adjective is the head, the copula its
   * `cop` dependent: "Roe is the trust's new director", "the quake was the strongest in decades"), the key of its
   * predicate; null for a clause that is no description.
   */
  subject: string | null;
  predicate: string | null;
  /** The keys of the head words of its arguments (subject, passive subject, object) and the parties they name: who or what the act is told of. */
  args: ReadonlySet<string>;
}

/** A claim needs this many content keys of its own; a smaller clause ("which means", "he said") belongs to the clause above it. */
const MIN_CLAIM_KEYS = 2;

/** Per article, the claims of its sentences by index (with the sentence they were read from) and its direct quotes by sentence. */
interface ArticleClaims {
  bySentence: ({ s: Sent; claims: Claim[] } | undefined)[];
  direct: Map<Sent, QuoteView[]> | null;
}
const ARTICLES = new WeakMap<Sent['art'], ArticleClaims>();
const articleClaims = (art: Sent['art']): ArticleClaims => {
  let a = ARTICLES.get(art);
  if (!a) ARTICLES.set(art, (a = { bySentence: [], direct: null }));
  return a;
};

/**
 * The claims of a sentence, by the parse: each clause (root, coordinated verb, adverbial,
 * complement, relative or parenthetical clause; a controlled clause, "tried to leave", stays with
 * its verb) with its content keys. A clause that only attributes ("police said", a verb of saying
 * whose complement is a clause) is no claim: what is said is. One claim (all the keys) without a
 * parse. Once per sentence (kept by the article, under the sentence's index: one weak-map entry per
 * article, not per sentence).
 */
export function claimsOf(s: Sent): Claim[] {
  const { bySentence } = articleClaims(s.art);
  const known = bySentence[s.index];
  if (known?.s === s) return known.claims;
  const claims = findClaims(s);
  // (a sentence not at its index, or a second object for one index, is read again each time rather than mistaken)
  if (Number.isInteger(s.index) && s.index >= 0 && !known) bySentence[s.index] = { s, claims };
  return claims;
}

const NO_CUES: ReadonlySet<number> = new Set();
const NO_QUOTES: readonly QuoteView[] = [];

/**
 * Working arrays reused from one sentence and one pair to the next (a typed array costs more to
 * allocate than the few dozen entries a sentence or a pair of claims fills): each call gets an array
 * of at least the length it asks and writes every entry it reads; none of the callers is re-entered.
 */
export const scratch = (() => {
  let bytes = [new Uint8Array(64), new Uint8Array(64)];
  let ints = [new Int32Array(64), new Int32Array(64)];
  let doubles = new Float64Array(64);
  const grown = (n: number) => Math.max(64, 2 ** Math.ceil(Math.log2(n)));
  return {
    bytes: (which: 0 | 1, n: number) => {
      if (bytes[which].length < n) bytes = bytes.map((b, w) => (w === which ? new Uint8Array(grown(n)) : b));
      return bytes[which];
    },
    ints: (which: 0 | 1, n: number) => {
      if (ints[which].length < n) ints = ints.map((b, w) => (w === which ? new Int32Array(grown(n)) : b));
      return ints[which];
    },
    doubles: (n: number) => (doubles.length < n ? (doubles = new Float64Array(grown(n))) : doubles),
  };
})();

/** Each clause's part by its head's place in the sentence (reused from one sentence to the next: findClaims is not re-entered). */
let partsAt: (ClausePart | undefined)[] = [];

// Patterns and lists read for every sentence, clause or word, each made once: a regular expression
// or an array written inside a function is a new object each time it is reached
const ENDS_ON_COLON = /:\s*$/;
const CLAUSE_SAID: ReadonlySet<string> = new Set(['ccomp', 'parataxis']);
const MONTH_AND_DAY = /^\d{4}-(\d\d-\d\d)/;

function findClaims(s: Sent): Claim[] {
  const whole = (plain: Set<string> = s.keys): Claim[] => [claim({ ...newPart(null, 0), keys: s.keys, notNouns: s.keys, plain })];
  const tokens = parseOf(s.art);
  if (!tokens) return whole();
  const [lo, hi] = spanTokens(tokens, s.span);
  if (hi - lo < 2) return whole();
  const inside = (i: number) => i >= lo && i < hi;
  // (a controlled clause, "tried to leave", and a noun's infinitive or participle, "plans to expand",
  // "a man charged with", stay with the words they complete; a relative clause is a claim)
  // (a conjunct with a subject of its own is a clause however the parse hung it, copular too: "the bridge closed at
  // noon, and the ferry was two hours late" states two things, not one)
  const kids = kidsOf(tokens);
  const boundary = scratch.bytes(0, hi - lo);
  for (let i = lo; i < hi; i++) boundary[i - lo] = !inside(tokens[i].head) || (isClauseHead(tokens, i) && tokens[i].deprel !== 'xcomp' && tokens[i].deprel !== 'acl') || ownSubjectConjunct(tokens, kids, i, inside) ? 1 : 0;
  // each token's clause: the nearest boundary at or above it (the sentence's root is one)
  const clauseOf = clausesOf(tokens, lo, hi, boundary);
  // a clause that attributes what another clause says is no claim: a verb of saying with a clause
  // beside it, or the cue of a quote analyse read ("questioned on suspicion of smuggling" is an act)
  // (a quotation of a few words is a title or a phrase: "will appear in 'Dawn', while Roe is writing")
  const direct = directQuotes(s);
  // (most sentences quote no one: nothing to build for them)
  const cues = direct.length ? new Set(direct.filter((q) => q.quote.cue && q.text.split(/\s+/).length > 4).map((q) => q.quote.cue!.span.start)) : NO_CUES;
  // (inside a quotation, "I thought it was thunder", a verb of thinking is what is said)
  const quoted = direct.length ? direct.flatMap((q) => (q.quote.parts?.length ? q.quote.parts : [q.quote.span])) : [];
  // (asked of a clause up to three times: once for itself, once per small clause under it)
  const attributed = scratch.bytes(1, hi - lo).fill(2, 0, hi - lo);
  const attributes = (c: number): boolean => {
    if (attributed[c - lo] === 2) attributed[c - lo] = attributesAt(c) ? 1 : 0;
    return attributed[c - lo] === 1;
  };
  const introduces = ENDS_ON_COLON.test(s.art.text.slice(s.span.start, s.span.end));
  const attributesAt = (c: number) =>
    attributing(tokens[c].lemma.toLowerCase()) &&
    !quoted.some((q) => tokens[c].start >= q.start && tokens[c].end <= q.end) &&
    (cues.has(tokens[c].start) ||
      universalRelation(tokens[c].deprel) === 'parataxis' ||
      kids[c].some((k) => inside(k) && CLAUSE_SAID.has(universalRelation(tokens[k].deprel))) ||
      // (a verb of saying that ends its sentence on a colon with nothing said, "the council said in a
      // statement last week:": what it said follows; active, "has been charged" states an act)
      (introduces && tokens[c].upos === 'VERB' && kids[c].some((k) => tokens[k].deprel === 'nsubj') && !kids[c].some((k) => inside(k) && (SAID.has(universalRelation(tokens[k].deprel)) || tokens[k].deprel === 'aux:pass'))));
  // each clause's keys and acts, by its head's place in the sentence (so read in the sentence's order)
  const n = hi - lo;
  if (partsAt.length < n) partsAt = new Array<ClausePart | undefined>(n);
  const parts = partsAt.fill(undefined, 0, n);
  const part = (c: number) => (parts[c - lo] ??= newPart(clauseTime(tokens, kids, c), c));
  // (a clause inside a relative one, "who was on parole and had prior arrests", "who first reported
  // that the meeting would take place", tells of the same noun on the way: a word above its head
  // heads a relative clause; not past a comma or a dash after the clause's first word, where a parse
  // may have hung the sentence's own verb on it: "A figure who was later convicted of ..., Felt died")
  // (each word's start of a relative clause read once: every clause asks of all the words above it)
  const starts = scratch.ints(1, hi - lo).fill(UNREAD, 0, hi - lo);
  // (returns where the relative clause starts, -1 when the clause is in none)
  const relativeFrom = (c: number, last: number): number => {
    for (let q = c, steps = 0; inside(q) && steps < hi - lo; q = tokens[q].head, steps++) {
      if (starts[q - lo] === UNREAD) starts[q - lo] = relativeStart(tokens, kids, q);
      const from = starts[q - lo];
      if (from < 0) continue;
      let k = from + 1;
      while (k < last && !BREAK.test(tokens[k].text)) k++;
      if (k >= last) return from;
    }
    return -1;
  };
  const sentencePlain = readWords(s, tokens, kids, lo, hi, (i) => part(clauseOf[i - lo]));
  // (as statedActs reads them, but a verb of saying that is no attribution states its act: a claim
  // with no act is a description, which any act matches)
  for (let j = lo; j < hi; j++) {
    const act = actAt(tokens, j, notAnAct) ?? participleAct(tokens, kids, j);
    if (!act) continue;
    put(part(clauseOf[j - lo]), 'acts', act);
    if (denies(tokens, kids, j) || deniedBySubject(tokens, kids, j)) put(part(clauseOf[j - lo]), 'denied', act);
  }
  readParticipants(s, tokens, lo, hi, clauseOf, parts);
  readDescriptions(s, tokens, kids, lo, hi, clauseOf, parts);
  for (let c = lo; c < hi; c++) {
    const p = parts[c - lo];
    if (p) {
      const from = relativeFrom(c, p.last);
      p.relative = from >= 0;
      // (a relative pronoun, not a clause the parse hung on a noun with none, "Wednesday afternoon, the Saints
      // signed ..." read as a clause on "afternoon", nor one opened by the conjunction "that", "said on Tuesday
      // that Clinton had been careless" read as a clause on "Tuesday"; no comma or dash before it); or a condition or a
      // charge's act (told-as-given.ts)
      p.given = (from >= 0 && RELATIVE_PRONOUNS.has(tokens[from].text.toLowerCase()) && tokens[from].upos !== 'SCONJ' && (from <= lo || !BREAK.test(tokens[from - 1].text)) && !ownClauseUnderRelative(tokens, kids, c, lo, hi)) || toldOnlyAsGiven(tokens, kids, c, lo, hi);
      p.circumstance = inCircumstance(tokens, kids, c, lo, hi);
    }
  }
  // (a hedge before "to", "likely to remain closed", wherever the parse hung it, hedges its clause)
  for (let c = lo; c < hi; c++) {
    const p = parts[c - lo];
    if (p) p.hedged = clauseHedged(tokens, kids, c);
  }
  for (let j = lo; j < hi; j++) if (tokens[j].upos === 'ADJ' && HEDGES.has(tokens[j].lemma.toLowerCase()) && kids[j].some((k) => tokens[k].deprel === 'xcomp')) part(clauseOf[j - lo]).hedged = true;
  // (a day resolved from the article's own date; one guessed from the story's may be another day's)
  for (const t of s.times) {
    // (month and day: a date told without its year may have been resolved into another year)
    const day = t.resolved && !t.resolvedInferred ? MONTH_AND_DAY.exec(t.resolved)?.[1] : undefined;
    const j = day ? tokenAt(tokens, t.span.start) : -1;
    if (day && inside(j)) put(part(clauseOf[j - lo]), 'days', day);
  }
  // each clause's depth under the sentence's root (-1: no part yet; a part made below, for a clause
  // a small one folds into, is not folded itself)
  const depth = scratch.ints(1, n);
  let deepest = 0;
  for (let c = lo; c < hi; c++) {
    let d = -1;
    if (parts[c - lo]) {
      d = 0;
      for (let q = parentClause(tokens, c, clauseOf, lo, hi); q >= 0 && d < n; q = parentClause(tokens, q, clauseOf, lo, hi)) d++;
      if (d > deepest) deepest = d;
    }
    depth[c - lo] = d;
  }
  // (what a possible act's clause tells of it is as possible: "could stall the plan by buying the
  // site"; shallowest first, so that a hedge passes down)
  for (let d = 0; d <= deepest; d++)
    for (let c = lo; c < hi; c++) {
      if (depth[c - lo] !== d) continue;
      const parent = parentClause(tokens, c, clauseOf, lo, hi);
      if (parent >= 0 && parts[parent - lo]?.hedged && underAct(tokens, kids, c)) parts[c - lo]!.hedged = true;
    }
  // small clauses ("which means", "where she died") join the clause above, the deepest first (a
  // clause of one word under another of one word joins the clause above both)
  // (in the boundaries' bytes: they are read no more once each token has its clause)
  const folded = scratch.bytes(0, n).fill(0, 0, n);
  for (let d = deepest; d >= 0; d--)
    for (let c = lo; c < hi; c++) {
      if (depth[c - lo] !== d) continue;
      const p = parts[c - lo]!;
      const parent = parentClause(tokens, c, clauseOf, lo, hi);
      if (p.keys.size >= MIN_CLAIM_KEYS || parent < 0 || attributes(c) || attributes(parent)) continue;
      const up = part(parent);
      for (const field of PART_SETS) for (const k of p[field]) put(up, field, k);
      folded[c - lo] = 1;
    }
  const claims: Claim[] = [];
  let left = false;
  for (let c = lo; c < hi; c++) {
    const p = parts[c - lo];
    if (!p) continue;
    if (!folded[c - lo] && !attributes(c)) claims.push(claim(p));
    left = true;
  }
  // (a sentence that only introduces what is said, "the council said in a statement last week:",
  // states nothing; one with a quotation is the quotation, whatever words the parse hung on the cue)
  if (!claims.length && introduces && !direct.length && left) return [];
  return claims.length ? claims : whole(sentencePlain);
}

/**
 * Reads each content word of the sentence into its clause's part (`partAt`, by its parse token):
 * its key, whether the parse reads it as no noun of a thing, and whether it lies outside a name and
 * the words that describe it (`describedParties`). Returns the sentence's keys read outside names and
 * their posts, for a sentence read as one claim (one that only attributes, "'...,' said Roe").
 */
function readWords(s: Sent, tokens: readonly SyntaxToken[], kids: number[][], lo: number, hi: number, partAt: (i: number) => ClausePart): Set<string> {
  // (a sentence that names no person or organisation has no name or role)
  const naming = s.entities.some(isParty) ? describedParties(s, tokens, kids, lo, hi) : null;
  const sentencePlain = naming ? new Set<string>() : s.keys;
  // (the words and the parse's tokens are both in text order: one pass over both)
  let i = lo;
  for (const t of s.tokens) {
    while (i < hi && tokens[i].end <= t.start) i++;
    if (!t.content || i >= hi || tokens[i].start > t.start) continue;
    const p = partAt(i);
    // (the keys and the no-nouns by name, not through put's field: the story's every word passes here)
    (p.keys === NONE ? (p.keys = new Set()) : p.keys).add(t.key);
    p.last = Math.max(p.last, i);
    // (a key already read as no noun needs no second reading)
    if (!p.notNouns.has(t.key) && !thingNoun(tokens, kids, i)) (p.notNouns === NONE ? (p.notNouns = new Set()) : p.notNouns).add(t.key);
    if (!p.plain.has(t.key) && !naming?.[i - lo]) {
      (p.plain === NONE ? (p.plain = new Set()) : p.plain).add(t.key);
      sentencePlain.add(t.key);
    }
  }
  return sentencePlain;
}

/** Not yet read: a relative clause's start is -1 or a token's place, never this. */
const UNREAD = -2;

/**
 * Each token's clause (of the tokens lo..hi): the nearest clause boundary at or above it, by the
 * parse's heads. A walk that reaches a token already placed takes its clause, and every token on the
 * way gets it too: each token is read about once, not once per token under it. (In a parse with a
 * cycle and no boundary, a token's walk stops after hi - lo steps wherever it is.)
 */
function clausesOf(tokens: readonly SyntaxToken[], lo: number, hi: number, boundary: Uint8Array): Int32Array {
  const n = hi - lo;
  const clauseOf = scratch.ints(0, n).fill(-1, 0, n);
  // (the depth's array, free until the clauses are placed)
  const path = scratch.ints(1, n);
  for (let i = lo; i < hi; i++) {
    if (clauseOf[i - lo] >= 0) continue;
    let j = i;
    let on = 0;
    let steps = 0;
    for (; !boundary[j - lo] && clauseOf[j - lo] < 0 && steps < n; steps++) {
      path[on++] = j;
      j = tokens[j].head;
    }
    const c = boundary[j - lo] ? j : clauseOf[j - lo];
    if (c < 0) continue;
    for (let k = 0; k < on; k++) clauseOf[path[k] - lo] = c;
    clauseOf[j - lo] = c;
  }
  // (a walk into a cycle placed nothing: each of its tokens walks on its own)
  for (let i = lo; i < hi; i++) {
    if (clauseOf[i - lo] >= 0) continue;
    let j = i;
    for (let steps = 0; !boundary[j - lo] && steps < n; steps++) j = tokens[j].head;
    clauseOf[i - lo] = j;
  }
  return clauseOf;
}

/** A conjunct (`conj`) with a subject of its own (nsubj, nsubj:pass, csubj) in the sentence: a clause of its own. */
function ownSubjectConjunct(tokens: readonly SyntaxToken[], kids: number[][], i: number, inside: (i: number) => boolean): boolean {
  return universalRelation(tokens[i].deprel) === 'conj' && kids[i].some((k) => inside(k) && (universalRelation(tokens[k].deprel) === 'nsubj' || universalRelation(tokens[k].deprel) === 'csubj'));
}

/** The relations that hold what a verb of saying says or whom it tells: without one, the verb only attributes. */
const SAID = new Set(['obj', 'iobj', 'ccomp', 'xcomp', 'parataxis', 'advcl', 'conj']);

const BREAK = /^(?:,|;|:|--|—|–|\(|\))$/;

/** The direct quotes analyse read in a sentence (by article, once). */
function directQuotes(s: Sent): readonly QuoteView[] {
  const a = articleClaims(s.art);
  let bySent = a.direct;
  if (!bySent) {
    a.direct = bySent = new Map();
    for (const q of s.art.quotes) {
      if (q.quote.kind !== 'direct') continue;
      const list = bySent.get(q.sent);
      if (list) list.push(q);
      else bySent.set(q.sent, [q]);
    }
  }
  return bySent.get(s) ?? NO_QUOTES;
}

/** The clause above clause `c` (-1 at the sentence's root). */
function parentClause(tokens: readonly SyntaxToken[], c: number, clauseOf: Int32Array, lo: number, hi: number): number {
  const h = tokens[c].head;
  return h >= lo && h < hi && clauseOf[h - lo] !== c ? clauseOf[h - lo] : -1;
}

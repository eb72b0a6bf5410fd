/**
 * Claims: the statements a sentence makes, one per clause of its parse (a predicate with the words
 * of its own arguments), and the facts a cluster of aligned sentences holds when they are aligned
 * claim by claim. A sentence that states two things ("rangers questioned a poacher on suspicion of
 * smuggling after two rhinos were found dead near the camp") joins the outlets that tell the one
 * (arrested on suspicion of smuggling) and those that tell the other (two rhinos found dead); aligned
 * by sentence they are one fact, aligned by claim they are two, each with that sentence as support.
 */
import { cueClassOf } from '../analyse/quotes/cues.js';
import { isClauseHead, universalRelation } from '../analyse/syntax/helpers.js';
import type { SyntaxToken } from '../model/types.js';
import { tokenAt } from '../text/tokenize.js';
import { isParty, type QuoteView, type Sent } from './prepare.js';
import { namesAThing } from './act-classes.js';
import { describedParties, RELATIVE_PRONOUNS } from './descriptions.js';
import { mergeOverlapping, oneAct, oneStatement, onlyWho, sideRemark, thinDescription, toldAsGiven } from './support.js';
import { actAt, type ClauseTime, clauseTime, kidsOf, parseOf, partyAt, spanTokens } from './syntax.js';
import { key } from './text.js';
import { indexUnion } from '../util/union-find.js';

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
   * adds what it tells as news.
   */
  given: boolean;
  /** A clause of the circumstances of another act, or inside one ("shortly after Roe passed Doe", "while the film was a success", "although Roe denied it"): what the sentence tells on the way to its statement. */
  circumstance: boolean;
  /** Its keys read only from a person's or organisation's name and the words that describe it (`describedParties`: "Jane Roe, chief engineer of the harbour trust"): who, not what is stated of them. */
  named: ReadonlySet<string>;
}

/** A claim needs this many content keys of its own; a smaller clause ("which means", "he said") belongs to the clause above it. */
const MIN_CLAIM_KEYS = 2;

/** Clusters of more members are one fact as average link made them (a main fact most outlets restate). */
const MAX_MEMBERS = 60;

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
 * Verbs that state no act of a claim: verbs of thinking, evidence and stance ("found dead" tells a
 * state, "expected" a belief). A verb of saying does state one when its clause is a claim (a
 * clause that attributes is none): "denied arson" is not "charged with arson", and "cited tents as
 * the most needed items" is not "distributed the tents".
 */
const notAnAct = (lemma: string) => {
  const c = cueClassOf(lemma);
  return c !== null && c !== 'speech';
};

/** Verbs that say who says or thinks so ("said", "told", "believes"), not what happened ("found dead", "backed"). */
function attributing(lemma: string): boolean {
  const c = cueClassOf(lemma);
  return c === 'speech' || c === 'thought';
}

/**
 * Working arrays reused from one sentence and one pair to the next (a typed array costs more to
 * allocate than the few dozen entries a sentence or a pair of claims fills): each call gets an array
 * of at least the length it asks and writes every entry it reads; none of the callers is re-entered.
 */
const scratch = (() => {
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

/**
 * A clause's keys and acts while its sentence is read. Its sets start as the one shared empty set
 * (`NONE`) and get their own when `put` first adds to them: most clauses have no days, no denied
 * act, no patient, and a story reads hundreds of thousands of clauses.
 */
interface ClausePart {
  keys: Set<string>;
  /** Its keys the parse reads, at least once, as another part of speech than a noun. */
  notNouns: Set<string>;
  /** Its keys read, at least once, from a word outside a name and its role (`describedParties`). */
  plain: Set<string>;
  acts: Set<string>;
  agents: Set<string>;
  patients: Set<string>;
  time: ClauseTime | null;
  denied: Set<string>;
  hedged: boolean;
  days: Set<string>;
  relative: boolean;
  given: boolean;
  circumstance: boolean;
  /** Its last word's token (its content words all come before it, or at it). */
  last: number;
}
const PART_SETS = ['keys', 'notNouns', 'plain', 'acts', 'agents', 'patients', 'denied', 'days'] as const;
type PartSet = (typeof PART_SETS)[number];
/** Never added to: `put` replaces it with a set of the part's own first (a claim reads its sets only). */
const NONE: Set<string> = new Set();
const put = (p: ClausePart, field: PartSet, v: string) => {
  if (p[field] === NONE) p[field] = new Set();
  p[field].add(v);
};
const newPart = (time: ClauseTime | null, last: number): ClausePart => ({ keys: NONE, notNouns: NONE, plain: NONE, acts: NONE, agents: NONE, patients: NONE, time, denied: NONE, hedged: false, days: NONE, relative: false, given: false, circumstance: false, last });
/** Each clause's part by its head's place in the sentence (reused from one sentence to the next: findClaims is not re-entered). */
let partsAt: (ClausePart | undefined)[] = [];

// Patterns and lists read for every sentence, clause or word, each made once: a regular expression
// or an array written inside a function is a new object each time it is reached
const ENDS_ON_COLON = /:\s*$/;
const CLAUSE_SAID: ReadonlySet<string> = new Set(['ccomp', 'parataxis']);
const MONTH_AND_DAY = /^\d{4}-(\d\d-\d\d)/;
const PARTICIPLE_END = /(?:ed|en)$/i;
const GERUND_END = /ing$/i;
const APOSTROPHE_ONLY = /^['’]$/;
const N_END = /n$/i;

function findClaims(s: Sent): Claim[] {
  const whole = (plain: Set<string> = s.keys): Claim[] => [claim({ ...newPart(null, 0), keys: s.keys, notNouns: s.keys, plain })];
  const tokens = parseOf(s.art);
  if (!tokens) return whole();
  const [lo, hi] = spanTokens(tokens, s.span);
  if (hi - lo < 2) return whole();
  const inside = (i: number) => i >= lo && i < hi;
  // (a controlled clause, "tried to leave", and a noun's infinitive or participle, "plans to expand",
  // "a man charged with", stay with the words they complete; a relative clause is a claim)
  const boundary = scratch.bytes(0, hi - lo);
  for (let i = lo; i < hi; i++) boundary[i - lo] = !inside(tokens[i].head) || (isClauseHead(tokens, i) && tokens[i].deprel !== 'xcomp' && tokens[i].deprel !== 'acl') ? 1 : 0;
  // each token's clause: the nearest boundary at or above it (the sentence's root is one)
  const clauseOf = clausesOf(tokens, lo, hi, boundary);
  // a clause that attributes what another clause says is no claim: a verb of saying with a clause
  // beside it, or the cue of a quote analyse read ("questioned on suspicion of smuggling" is an act)
  const kids = kidsOf(tokens);
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
    if (denies(tokens, kids, j)) put(part(clauseOf[j - lo]), 'denied', act);
  }
  readParticipants(s, tokens, lo, hi, clauseOf, parts);
  for (let c = lo; c < hi; c++) {
    const p = parts[c - lo];
    if (p) {
      const from = relativeFrom(c, p.last);
      p.relative = from >= 0;
      // (a relative pronoun, not a clause the parse hung on a noun with none, "Wednesday afternoon, the Saints
      // signed ..." read as a clause on "afternoon", nor one opened by the conjunction "that", "said on Tuesday
      // that Clinton had been careless" read as a clause on "Tuesday"; no comma or dash before it)
      p.given = from >= 0 && RELATIVE_PRONOUNS.has(tokens[from].text.toLowerCase()) && tokens[from].upos !== 'SCONJ' && (from <= lo || !BREAK.test(tokens[from - 1].text));
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
 * cycle and no boundary, a token's walk stops after hi - lo steps wherever it is, as it always has.)
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

/**
 * A participle after a copula that the parser tagged an adjective states the act of a passive
 * ("a male co-worker was wounded": wound); an adjective that is no participle ("was unaware") none.
 */
function participleAct(tokens: readonly SyntaxToken[], kids: number[][], j: number): string | null {
  const t = tokens[j];
  if (t.upos !== 'ADJ' || !PARTICIPLE_END.test(t.text) || !kids[j].some((c) => tokens[c].deprel === 'cop' || tokens[c].deprel === 'aux:pass')) return null;
  return notAnAct(t.lemma.toLowerCase()) ? null : key(t.lemma.toLowerCase());
}

/**
 * The word at `i` is a noun of a thing, not an act: a noun with a determiner or a possessor ("to take
 * Ivory's place", "the place") that WordNet reads as a thing (`namesAThing`); not a gerund ("before
 * driving"), not a noun that names an act ("his arrest", "the break-in"), not a noun written like no
 * verb ("the men's magazines", which a parse may have read as a verb elsewhere), not a bare noun,
 * which is as often a verb the parser mistook ("LaSalle drank 1/2 liter").
 */
function thingNoun(tokens: readonly SyntaxToken[], kids: number[][], i: number): boolean {
  const t = tokens[i];
  if (t.upos !== 'NOUN' || GERUND_END.test(t.text) || !namesAThing(t.lemma)) return false;
  return kids[i].some((k) => tokens[k].deprel === 'det' || tokens[k].deprel === 'nmod:poss');
}

/** The relations that hold what a verb of saying says or whom it tells: without one, the verb only attributes. */
const SAID = new Set(['obj', 'iobj', 'ccomp', 'xcomp', 'parataxis', 'advcl', 'conj']);

/** Modals of what may be ("could face", "might close", "may be redirected"); not "will" or "would" (a past's "will": "said the road would be closed"), not "should" or "must" (what is asked: "says drivers should avoid the road"). */
const MAYBE = new Set(['could', 'might', 'may']);

/**
 * The clause headed by `c` tells how or to what end the act of the clause it hangs on is done: a
 * controlled clause, or an adverbial one of a gerund or an infinitive ("could stall the plan by
 * buying the site", "could backfire, angering"); not a clause of its own tense ("which she praised
 * on Tuesday", wherever the parse hung it), not a relative or a coordinated clause.
 */
function underAct(tokens: readonly SyntaxToken[], kids: number[][], c: number): boolean {
  const rel = universalRelation(tokens[c].deprel);
  if (rel === 'xcomp') return true;
  return rel === 'advcl' && (tokens[c].xpos === 'VBG' || kids[c].some((k) => universalRelation(tokens[k].deprel) === 'mark' && tokens[k].lemma.toLowerCase() === 'to'));
}

/** Words that put an act as possible, not done ("likely to remain closed", "possibly"). */
const HEDGES = new Set(['likely', 'unlikely', 'possibly', 'probably', 'perhaps', 'maybe']);

/**
 * The clause headed by `c` tells its act as possible, not done: a modal of what may be ("could
 * face", "might upset"; not "could not", was unable), a condition ("if the council decides"), or a
 * hedge on its head or as its head ("possibly", "is likely to").
 */
function clauseHedged(tokens: readonly SyntaxToken[], kids: number[][], c: number): boolean {
  const lemma = (k: number) => tokens[k].lemma.toLowerCase();
  if (HEDGES.has(lemma(c))) return true;
  return kids[c].some((k) => {
    const rel = universalRelation(tokens[k].deprel);
    if (rel === 'aux') return MAYBE.has(lemma(k)) && !(lemma(k) === 'could' && denies(tokens, kids, c));
    if (rel === 'mark') return lemma(k) === 'if';
    return rel === 'advmod' && HEDGES.has(lemma(k));
  });
}

/** Words that deny the verb they modify. */
const NOT = new Set(['not', "n't", 'n’t', 'never']);

/**
 * The verb at `j` is denied: a "not", "n't" or "never" on it, between its auxiliary and it or just
 * before it ("is not signed", "didn't land", "never entered"); a "not" that opens a phrase further
 * ahead ("Not a day ago, the Saints placed ...") denies the phrase, not the verb.
 */
function denies(tokens: readonly SyntaxToken[], kids: number[][], j: number): boolean {
  return kids[j].some((k) => k < j && j - k <= 3 && ((universalRelation(tokens[k].deprel) === 'advmod' && NOT.has(tokens[k].text.toLowerCase())) || spacedNot(tokens, k)));
}

/** "hadn ’ t": a contraction some outlets' text spaces around its apostrophe, which the parse reads as three words. */
const spacedNot = (tokens: readonly SyntaxToken[], k: number) => k >= 2 && tokens[k].text.toLowerCase() === 't' && APOSTROPHE_ONLY.test(tokens[k - 1].text) && N_END.test(tokens[k - 2].text);

const VALUE = /^(?:\d[\d.,:]*[a-z]*|(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|june|july|august|sept?\.?|september|oct\.?|october|nov\.?|november|dec\.?|december)$/;
const claim = (p: ClausePart): Claim => {
  let values = NONE;
  let nouns = NONE;
  let named = NONE;
  for (const k of p.keys) {
    if (VALUE.test(k)) (values === NONE ? (values = new Set()) : values).add(k);
    if (!p.notNouns.has(k)) (nouns === NONE ? (nouns = new Set()) : nouns).add(k);
    if (!p.plain.has(k)) (named === NONE ? (named = new Set()) : named).add(k);
  }
  // (each field named: a rest and a spread copy the part twice, and a story reads thousands of claims)
  return { keys: p.keys, acts: p.acts, agents: p.agents, patients: p.patients, time: p.time, denied: p.denied, hedged: p.hedged, days: p.days, relative: p.relative, given: p.given, circumstance: p.circumstance, nouns, values, named };
};

/**
 * Each clause's named participants, by the parse: a person or organisation the sentence names as
 * the subject of its verb is an agent, as its object or passive subject a patient. A coordinated
 * verb with no subject of its own has the subject of the verb it is coordinated with ("Roe joined
 * the plant in 1990 and worked with the victims": Roe worked).
 */
function readParticipants(s: Sent, tokens: readonly SyntaxToken[], lo: number, hi: number, clauseOf: Int32Array, parts: (ClausePart | undefined)[]): void {
  // (a sentence that names no person or organisation has no participant to read)
  if (!s.entities.some(isParty)) return;
  const named = (j: number) => partyAt(s, tokens, j);
  const subjectOf = new Set<number>();
  for (let j = lo; j < hi; j++) {
    const rel = universalRelation(tokens[j].deprel);
    if (rel !== 'nsubj' && rel !== 'obj') continue;
    if (rel === 'nsubj') subjectOf.add(clauseOf[j - lo]);
    const p = parts[clauseOf[j - lo] - lo];
    if (!p) continue;
    const role = rel === 'obj' || tokens[j].deprel === 'nsubj:pass' ? 'patients' : 'agents';
    // (and the names coordinated with it: "signed Doe and Poe" signed both)
    for (const k of [antecedentOf(tokens, j, clauseOf[j - lo]), ...conjoinedNouns(tokens, j, lo, hi)]) {
      const e = named(k);
      if (e) put(p, role, e.key);
    }
  }
  for (let c = lo; c < hi; c++) {
    const h = tokens[c].head;
    if (clauseOf[c - lo] !== c || subjectOf.has(c) || tokens[c].deprel !== 'conj' || h < lo || h >= hi) continue;
    const own = parts[c - lo];
    const up = parts[clauseOf[h - lo] - lo];
    if (own && up) for (const a of up.agents) put(own, 'agents', a);
  }
}

/** The nouns coordinated with the noun at `j` ("Wynn ... and Bell"), by the parse. */
function conjoinedNouns(tokens: readonly SyntaxToken[], j: number, lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let k = j + 1; k < hi && k >= lo; k++) if (tokens[k].head === j && tokens[k].deprel === 'conj' && (tokens[k].upos === 'PROPN' || tokens[k].upos === 'NOUN')) out.push(k);
  return out;
}

/**
 * The token a participant at `j` of clause `c` stands for: the noun a relative pronoun refers to
 * ("Mike Lynch, who first reported": Lynch reported), by the parse (the relative clause hangs on
 * that noun); `j` itself otherwise.
 */
function antecedentOf(tokens: readonly SyntaxToken[], j: number, c: number): number {
  if (tokens[c].deprel !== 'acl:relcl' || !RELATIVE_PRONOUNS.has(tokens[j].text.toLowerCase()) || tokens[j].head !== c) return j;
  const h = tokens[c].head;
  if (h < 0) return j;
  // (a relative clause after a list tells of its last item, "Bush, Jones and the newly signed Bell,
  // who was added off the practice squad", wherever the parser hung it)
  let last = h;
  for (let k = h + 1; k < j; k++) if (tokens[k].head === h && tokens[k].deprel === 'conj') last = k;
  return last;
}

/**
 * Where the relative clause headed by `c` starts (its relative pronoun, else its first word), -1
 * when it is none: the parse says it is one, or a relative pronoun is its subject or object ("The
 * suspect, who was on parole", which a parse may hang on the noun as a modifier); "said that" is a
 * complement, its "that" no argument.
 */
function relativeStart(tokens: readonly SyntaxToken[], kids: number[][], c: number): number {
  const rel = universalRelation(tokens[c].deprel);
  if (rel === 'root') return -1;
  const pronoun = kids[c].find((k) => k < c && RELATIVE_PRONOUNS.has(tokens[k].text.toLowerCase()) && ARGUMENT.has(universalRelation(tokens[k].deprel)));
  // (a complement is no relative clause, "said that the fire was out", unless a relative pronoun is its argument
  // and the verb it completes attributes nothing: "charged in a hit and run that killed a woman", which a parse may
  // hang on "run" as its complement; "said that was wrong", "asked who called" complete a verb of saying)
  if (rel === 'ccomp') return pronoun === undefined || tokens[pronoun].upos !== 'PRON' || tokens[c].head < 0 || attributing(tokens[tokens[c].head].lemma.toLowerCase()) ? -1 : pronoun;
  // ("told a judge that Lohan was settling in", which a parse may read as the judge's relative clause: what is told)
  const noun = tokens[c].head;
  if (pronoun !== undefined && tokens[pronoun].text.toLowerCase() === 'that' && noun >= 0 && tokens[noun].head >= 0 && attributing(tokens[tokens[noun].head].lemma.toLowerCase())) return -1;
  if (pronoun !== undefined) return pronoun;
  return tokens[c].deprel === 'acl:relcl' ? Math.min(c, ...kids[c]) : -1;
}
const ARGUMENT = new Set(['nsubj', 'obj']);

/** Conjunctions that open a clause of the circumstances of another act: its time, its cause, or what it stands against ("after he left", "while the film was a success", "although he denied it"). */
const CIRCUMSTANCE = new Set(['after', 'before', 'when', 'while', 'whilst', 'although', 'though', 'whereas', 'as', 'since', 'because', 'once', 'until']);

/**
 * The clause headed by `c` is, or lies inside, an adverbial clause opened by such a conjunction
 * (by the parse: "stretched the lead shortly after Hansbrough passed Ford", "After opening to the
 * third-biggest weekend, the film has grossed"): the circumstances of the sentence's statement.
 */
function inCircumstance(tokens: readonly SyntaxToken[], kids: number[][], c: number, lo: number, hi: number): boolean {
  for (let q = c, steps = 0; q >= lo && q < hi && steps < hi - lo; q = tokens[q].head, steps++)
    if (universalRelation(tokens[q].deprel) === 'advcl' && kids[q].some((k) => universalRelation(tokens[k].deprel) === 'mark' && CIRCUMSTANCE.has(tokens[k].lemma.toLowerCase()))) return true;
  return false;
}
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

/**
 * The facts of a cluster of aligned sentences (`members`, their articles `artOf`), aligned claim
 * by claim: each pair of members of two articles that aligns (`aligned`), and each member with
 * its closest member of another article, join the claims that carry what they share (those
 * holding at least three quarters of the best pair's shared weight; every claim when no pair of
 * claims shares a word: they met on a figure or a date), when those claims state one act
 * (`oneAct`). The claims joined so are the facts; a member is in every fact one of its claims is
 * in, and in none when no claim of it joined another article's ("He listed blankets as the most
 * needed items" / "Volunteers have handed out the blankets"). Groups whose members
 * would merge on their own (mean similarity at `mergeLevel`) are one fact told in other words.
 * Null when the cluster is one fact with all its members.
 */
export function claimFacts(
  members: Sent[],
  artOf: number[],
  sim: (i: number, j: number) => number,
  aligned: (v: number) => boolean,
  mergeLevel: number,
  weight: (k: string) => number,
): number[][] | null {
  const m = members.length;
  // (larger clusters are left whole, as splitAtBridge leaves them: the pairs are quadratic in the members)
  if (m > MAX_MEMBERS) return null;
  const claims = members.map((s) => claimsOf(s));
  // each claim a node of a union-find over integers: member i's claim x is first[i] + x
  const first = new Int32Array(m + 1);
  for (let i = 0; i < m; i++) first[i + 1] = first[i] + claims[i].length;
  const { find, union } = indexUnion(first[m]);
  // the similarities of members of two articles, read once (the scorer has them cached; sim is symmetric)
  const sims = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let j = i + 1; j < m; j++) if (artOf[i] !== artOf[j]) sims[i * m + j] = sims[j * m + i] = sim(i, j);
  const simOf = (i: number, j: number) => sims[i * m + j];
  const joined = new Uint8Array(m);
  const link = (i: number, j: number) => {
    const ci = claims[i];
    const cj = claims[j];
    const score = scratch.doubles(ci.length * cj.length);
    let best = -Infinity;
    let aside = 0;
    // (what one tells as given and the other as news is one statement only when what both tell as news meets too: support.ts toldAsGiven)
    // (read once, and only for a pair one of which tells as given: most sentences tell nothing so)
    let newsMeets: boolean | undefined;
    const meets = () => (newsMeets ??= ci.some((a) => !a.given && cj.some((b) => !b.given && !onlyWho(a, b) && !thinDescription(a, b) && sharedWeight(a.keys, b.keys, weight) > 0 && oneAct(a, b))));
    for (let x = 0; x < ci.length; x++)
      for (let y = 0; y < cj.length; y++) {
        const v = sharedWeight(ci[x].keys, cj[y].keys, weight);
        // (what a relative clause or a clause of circumstances shares with the other is a side remark,
        // unless the other states the same act: support.ts sideRemark; and a name with the words that
        // describe it is who both speak of, not what they state: onlyWho; a description that shares one
        // word with an act does not state it: thinDescription)
        if (sideRemark(ci[x], cj[y]) || onlyWho(ci[x], cj[y]) || thinDescription(ci[x], cj[y]) || (toldAsGiven(ci[x], cj[y]) && !meets())) {
          score[x * cj.length + y] = -1;
          if (v > aside) aside = v;
          continue;
        }
        score[x * cj.length + y] = v;
        if (v > best) best = v;
      }
    // (they share words only in side remarks: neither states what the other does)
    if (best <= 0 && aside > 0) return;
    // the claims that state one act, and of those the ones that carry most of what the pair shares
    // (a pair of claims under 0.3 of the best can neither be the top, which must reach half the
    // best, nor reach three quarters of it: its act is not read)
    let top = -Infinity;
    for (let x = 0; x < ci.length; x++)
      for (let y = 0; y < cj.length; y++) {
        const k = x * cj.length + y;
        if (best > 0 && score[k] >= 0 && (score[k] < 0.3 * best || !oneAct(ci[x], cj[y]))) score[k] = -1;
        if (score[k] > top) top = score[k];
      }
    if (top < 0 || (best > 0 && top < 0.5 * best)) return;
    // no claim shares a word: they share a figure or a date (their slots), or only who said it
    if (best <= 0 && !members[i].slots.some((f) => members[j].slots.includes(f))) return;
    for (let x = 0; x < ci.length; x++)
      for (let y = 0; y < cj.length; y++) {
        const v = score[x * cj.length + y];
        if (v < 0 || (top > 0 && v < 0.75 * top)) continue;
        union(first[i] + x, first[j] + y);
        joined[i] = joined[j] = 1;
      }
  };
  for (let i = 0; i < m; i++) {
    let closest = -1;
    let closestSim = -1;
    let linked = false;
    for (let j = 0; j < m; j++) {
      if (artOf[i] === artOf[j]) continue;
      const v = simOf(i, j);
      if (v > closestSim) {
        closest = j;
        closestSim = v;
      }
      if (aligned(v)) {
        linked = true;
        if (j > i) link(i, j);
      }
    }
    if (!linked && closest >= 0) link(i, closest);
  }
  // members by fact: each root of a claim, the members with a claim under it (and those claims)
  const byRoot = new Map<number, { members: Set<number>; claims: Claim[]; of: Map<number, Claim[]> }>();
  for (let i = 0; i < m; i++) {
    if (!joined[i]) continue;
    for (let x = 0; x < claims[i].length; x++) {
      const r = find(first[i] + x);
      let g = byRoot.get(r);
      if (!g) byRoot.set(r, (g = { members: new Set(), claims: [], of: new Map() }));
      g.members.add(i);
      g.claims.push(claims[i][x]);
      const own = g.of.get(i);
      if (own) own.push(claims[i][x]);
      else g.of.set(i, [claims[i][x]]);
    }
  }
  for (const g of byRoot.values()) if (g.members.size > 2) keepCore(g, artOf, simOf);
  let roots = [...byRoot.values()].filter((g) => new Set([...g.members].map((i) => artOf[i])).size >= 2).map((g) => ({ g: [...g.members].sort((a, b) => a - b), claims: g.claims }));
  // a group inside another (two sentences that both state two things, aligned claim by claim) adds no fact of its own
  roots = roots.filter(({ g }, a) => !roots.some(({ g: h }, b) => b !== a && g.every((i) => h.includes(i)) && (h.length > g.length || b < a)));
  let groups = mergeOverlapping(
    roots.map((r) => r.g),
    (a, b) => oneStatement(roots[a].claims, roots[b].claims),
  );
  groups = mergeRestatements(groups, artOf, simOf, mergeLevel);
  if (groups.length === 1 && groups[0].length === m) return null;
  return groups.sort((a, b) => a[0] - b[0] || a.length - b.length);
}

/**
 * A fact's members are those whose claim states the claim of its core member (the one closest to
 * the others, by summed similarity): claims joined in a chain, A with B and B with C, may hold a C
 * that states another act than A ("placed Thomas on IR a day after Ivory" / "placed Ivory on IR").
 */
function keepCore(g: { members: Set<number>; claims: Claim[]; of: Map<number, Claim[]> }, artOf: number[], sim: (i: number, j: number) => number): void {
  const ms = [...g.members].sort((a, b) => a - b);
  let core = ms[0];
  let best = -1;
  for (const i of ms) {
    let t = 0;
    for (const j of ms) if (artOf[j] !== artOf[i]) t += sim(i, j);
    if (t > best + 1e-9) {
      best = t;
      core = i;
    }
  }
  const coreClaims = g.of.get(core)!;
  for (const i of ms) {
    if (artOf[i] === artOf[core]) continue;
    if (g.of.get(i)!.some((c) => coreClaims.some((d) => oneAct(c, d)))) continue;
    g.members.delete(i);
    g.claims = g.claims.filter((c) => !g.of.get(i)!.includes(c));
  }
}

/** The summed squared weight of the keys two claims share (their part of a cosine's dot product). */
function sharedWeight(a: ReadonlySet<string>, b: ReadonlySet<string>, weight: (k: string) => number): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let t = 0;
  for (const k of small) if (large.has(k)) t += weight(k) ** 2;
  return t;
}

/** Groups whose members not shared align on average at the merge level are one group (one statement in other words). */
function mergeRestatements(groups: number[][], artOf: number[], sim: (i: number, j: number) => number, mergeLevel: number): number[][] {
  const out = groups.map((g) => [...g]);
  for (let merged = true; merged && out.length > 1; ) {
    merged = false;
    for (let a = 0; a < out.length && !merged; a++)
      for (let b = a + 1; b < out.length && !merged; b++) {
        let t = 0;
        let k = 0;
        for (const i of out[a])
          for (const j of out[b]) {
            if (artOf[i] === artOf[j] || out[b].includes(i) || out[a].includes(j)) continue;
            t += sim(i, j);
            k++;
          }
        if (k && t / k >= mergeLevel) {
          out[a] = [...new Set([...out[a], ...out[b]])].sort((x, y) => x - y);
          out.splice(b, 1);
          merged = true;
        }
      }
  }
  return out;
}

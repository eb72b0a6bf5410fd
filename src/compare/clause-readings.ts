/**
 * What a clause's words and arcs tell of the claim it makes, by the parse: whether its verb is an
 * act or only attributes ("said", "believes"), whether the act is denied ("never entered") or only
 * possible ("could face", "if", "likely to"), a participle's act ("was wounded"), a noun of a thing
 * (not an act), where a relative clause starts, whether it tells circumstances ("after he left"),
 * and who takes part (named agents and patients). claims.ts reads each sentence's clauses with these.
 */
import { cueClassOf } from '../analyse/quotes/cues.js';
import { universalRelation } from '../analyse/syntax/helpers.js';
import type { SyntaxToken } from '../model/types.js';
import { isParty, type Sent } from './prepare.js';
import { namesAThing } from './act-classes.js';
import { RELATIVE_PRONOUNS } from './descriptions.js';
import { partyAt } from './syntax.js';
import { key } from './text.js';
import { type ClausePart, put } from './clause-parts.js';

/**
 * Verbs that state no act of a claim: verbs of thinking, evidence and stance ("found dead" tells a
 * state, "expected" a belief). A verb of saying does state one when its clause is a claim (a
 * clause that attributes is none): "denied arson" is not "charged with arson", and "cited tents as
 * the most needed items" is not "distributed the tents".
 */
export const notAnAct = (lemma: string) => {
  const c = cueClassOf(lemma);
  return c !== null && c !== 'speech';
};

/** Verbs that say who says or thinks so ("said", "told", "believes"), not what happened ("found dead", "backed"). */
export function attributing(lemma: string): boolean {
  const c = cueClassOf(lemma);
  return c === 'speech' || c === 'thought';
}

const PARTICIPLE_END = /(?:ed|en)$/i;
const GERUND_END = /ing$/i;
const APOSTROPHE_ONLY = /^['’]$/;
const N_END = /n$/i;

/**
 * A participle after a copula that the parser tagged an adjective states the act of a passive
 * ("a male co-worker was wounded": wound); an adjective that is no participle ("was unaware") none.
 */
export function participleAct(tokens: readonly SyntaxToken[], kids: number[][], j: number): string | null {
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
export function thingNoun(tokens: readonly SyntaxToken[], kids: number[][], i: number): boolean {
  const t = tokens[i];
  if (t.upos !== 'NOUN' || GERUND_END.test(t.text) || !namesAThing(t.lemma)) return false;
  return kids[i].some((k) => tokens[k].deprel === 'det' || tokens[k].deprel === 'nmod:poss');
}

/** Modals of what may be ("could face", "might close", "may be redirected"); not "will" or "would" (a past's "will": "said the road would be closed"), not "should" or "must" (what is asked: "says drivers should avoid the road"). */
const MAYBE = new Set(['could', 'might', 'may']);

/**
 * The clause headed by `c` tells how or to what end the act of the clause it hangs on is done: a
 * controlled clause, or an adverbial one of a gerund or an infinitive ("could stall the plan by
 * buying the site", "could backfire, angering"); not a clause of its own tense ("which she praised
 * on Tuesday", wherever the parse hung it), not a relative or a coordinated clause.
 */
export function underAct(tokens: readonly SyntaxToken[], kids: number[][], c: number): boolean {
  const rel = universalRelation(tokens[c].deprel);
  if (rel === 'xcomp') return true;
  return rel === 'advcl' && (tokens[c].xpos === 'VBG' || kids[c].some((k) => universalRelation(tokens[k].deprel) === 'mark' && tokens[k].lemma.toLowerCase() === 'to'));
}

/** Words that put an act as possible, not done ("likely to remain closed", "possibly"). */
export const HEDGES = new Set(['likely', 'unlikely', 'possibly', 'probably', 'perhaps', 'maybe']);

/**
 * The clause headed by `c` tells its act as possible, not done: a modal of what may be ("could
 * face", "might upset"; not "could not", was unable), a condition ("if the council decides"), or a
 * hedge on its head or as its head ("possibly", "is likely to"). A figure's hedge is read on its
 * words instead (`figure-parts.ts isHedged`, which says why the two differ).
 */
export function clauseHedged(tokens: readonly SyntaxToken[], kids: number[][], c: number): boolean {
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
export function denies(tokens: readonly SyntaxToken[], kids: number[][], j: number): boolean {
  return kids[j].some((k) => k < j && j - k <= 3 && ((universalRelation(tokens[k].deprel) === 'advmod' && NOT.has(tokens[k].text.toLowerCase())) || spacedNot(tokens, k)));
}

/** Subjects that are a negative quantifier: they deny the verb they are the subject of. */
const NO_ONE: ReadonlySet<string> = new Set(['none', 'nobody', 'nothing', 'neither']);

/**
 * The verb at `j` is denied by its subject, as `denies` reads a "not" on it: a negative quantifier ("Nobody was
 * hurt", "None of the crew left") or a noun under the determiner "no" ("No agreement was reached"). A negative
 * word other than "not" negates the clause it stands in (clause negation, Quirk et al. 1985, ch. 10): "No agreement has
 * been reached" is "An agreement has not been reached", no support for "the board reached an agreement".
 */
export function deniedBySubject(tokens: readonly SyntaxToken[], kids: number[][], j: number): boolean {
  for (const k of kids[j]) {
    if (universalRelation(tokens[k].deprel) !== 'nsubj') continue;
    if (NO_ONE.has(tokens[k].text.toLowerCase())) return true;
    if (kids[k].some((d) => tokens[d].deprel === 'det' && tokens[d].text.toLowerCase() === 'no')) return true;
  }
  return false;
}

/** "hadn ’ t": a contraction some outlets' text spaces around its apostrophe, which the parse reads as three words. */
const spacedNot = (tokens: readonly SyntaxToken[], k: number) => k >= 2 && tokens[k].text.toLowerCase() === 't' && APOSTROPHE_ONLY.test(tokens[k - 1].text) && N_END.test(tokens[k - 2].text);

/**
 * Each clause's named participants, by the parse: a person or organisation the sentence names as
 * the subject of its verb is an agent, as its object or passive subject a patient. A coordinated
 * verb with no subject of its own has the subject of the verb it is coordinated with ("Roe joined
 * the plant in 1990 and worked with the victims": Roe worked).
 */
export function readParticipants(s: Sent, tokens: readonly SyntaxToken[], lo: number, hi: number, clauseOf: Int32Array, parts: (ClausePart | undefined)[]): void {
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
      if (!e) continue;
      put(p, role, e.key);
      // (the passive subject of a verb with a controlled clause does that clause's act: "Roe was scheduled to speak")
      if (tokens[j].deprel === 'nsubj:pass' && controls(tokens, tokens[j].head, lo, hi)) put(p, 'agents', e.key);
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

/** The verb at `v` has a controlled clause (xcomp) in the sentence [lo, hi): "was asked to release", "was expected to start". */
function controls(tokens: readonly SyntaxToken[], v: number, lo: number, hi: number): boolean {
  // (a controlled clause follows its verb within a few words, "was scheduled to deliver"; the window keeps it linear)
  for (let k = Math.max(lo, v + 1); k < hi && k <= v + 6; k++) if (tokens[k].head === v && tokens[k].deprel === 'xcomp') return true;
  return false;
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
export function relativeStart(tokens: readonly SyntaxToken[], kids: number[][], c: number): number {
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
 * (by the parse: "stretched the lead shortly after Roe passed Lindqvist", "After opening to the
 * third-biggest weekend, the film has grossed"): the circumstances of the sentence's statement.
 */
export function inCircumstance(tokens: readonly SyntaxToken[], kids: number[][], c: number, lo: number, hi: number): boolean {
  for (let q = c, steps = 0; q >= lo && q < hi && steps < hi - lo; q = tokens[q].head, steps++)
    if (universalRelation(tokens[q].deprel) === 'advcl' && kids[q].some((k) => universalRelation(tokens[k].deprel) === 'mark' && CIRCUMSTANCE.has(tokens[k].lemma.toLowerCase()))) return true;
  return false;
}

/**
 * Each clause's arguments (the head words of its subject, passive subject and object, and the parties they name: who
 * or what its act is told of) and, for a copular clause, its subject and predicate as UD annotates a copula: the
 * predicate noun or adjective heads the clause, the copula hangs on it as `cop`, the subject as `nsubj` ("Roe is the
 * trust's new director": director, of Roe). Every clause's subject is read (an act's too): a relative pronoun stands
 * for the noun its clause hangs on ("Roe, who is the director"); a pronoun names no subject that can be compared ('').
 */
export function readDescriptions(s: Sent, tokens: readonly SyntaxToken[], kids: number[][], lo: number, hi: number, clauseOf: Int32Array, parts: (ClausePart | undefined)[]): void {
  const wordKey = (j: number) => partyAt(s, tokens, j)?.key ?? key(tokens[j].text.toLowerCase());
  for (let j = lo; j < hi; j++) {
    const rel = universalRelation(tokens[j].deprel);
    if (rel !== 'nsubj' && rel !== 'obj') continue;
    const p = parts[clauseOf[j - lo] - lo];
    if (!p) continue;
    const k = antecedentOf(tokens, j, clauseOf[j - lo]);
    // (a pronoun stands for someone the claim does not name; a symbol, "$" of "$160 million", is no one)
    if (tokens[k].upos !== 'PRON' && tokens[k].upos !== 'SYM') put(p, 'args', wordKey(k));
  }
  for (let c = lo; c < hi; c++) {
    const p = parts[c - lo];
    if (!p || clauseOf[c - lo] !== c) continue;
    if (kids[c].some((k) => k >= lo && k < hi && tokens[k].deprel === 'cop')) p.predicate = wordKey(c);
    const subject = kids[c].find((k) => k >= lo && k < hi && universalRelation(tokens[k].deprel) === 'nsubj');
    const k = subject === undefined ? -1 : antecedentOf(tokens, subject, c);
    // (a subject the parse read as a verb, "Born in 1923, Roe was ...", is a slip: no subject named)
    p.subject = k >= 0 && SUBJECT_WORDS.has(tokens[k].upos) ? wordKey(k) : '';
  }
}
/** The parts of speech of a subject a claim names (not a pronoun, a symbol, or a verb the parse hung as one). */
const SUBJECT_WORDS: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'NUM', 'ADJ']);

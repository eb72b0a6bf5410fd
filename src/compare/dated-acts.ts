/**
 * Dated acts from the parse: "The Saints signed DeShawn Wynn on Tuesday" and "DeShawn Wynn, who
 * was signed on Monday" are one act (sign) with one patient (Wynn) on two days. The predicate a
 * date modifies is its act (by lemma); its participants are the people and organisations in its
 * subject and object, a relative pronoun standing for the noun it modifies. Two mentions are the
 * same slot when their acts share a lemma and a participant in the same role: the patient when
 * either has one (a team signs many players on many days), else the agent. Acts of saying are not
 * slots (people speak every day); neither are future, conditional or negated ones.
 */
import { articleGenders, type Gender, nameKey } from '../analyse/gender.js';
import { cueClassOf } from '../analyse/quotes/cues.js';
import { phraseHead, timePredicate } from '../analyse/syntax/helpers.js';
import type { SyntaxToken } from '../model/types.js';
import { tokenAt, tokenize } from '../text/tokenize.js';
import { type ArticleView, type EntityRef, isParty, type ResolvedTime, type Sent } from './prepare.js';
import { actClass, datedActClass, phrasalAct, verbOfActNoun } from './act-classes.js';
import { commonNoun, kidsOf, parseOf, particleOf, partyAt, rangeHead, relOf as rel, spanTokens } from './syntax.js';
import { nameSound } from './person-keys.js';
import { verbsOfEventNoun } from './story-event.js';

export interface DatedAct {
  sent: Sent;
  t: ResolvedTime;
  /** The act's lemma ("sign"). */
  lemma: string;
  agents: Set<string>;
  patients: Set<string>;
  /** Dated by its subject noun alone ("the quake struck on Sunday"): compared in the leads only. */
  byNoun?: boolean;
  /** The lemma of its direct object's head ("founded the bakery chain": chain), when it has one. */
  object?: string;
  /** That object's lemma when the parse makes it a common noun (a name, "Harbour Point", is never a noun of speech). */
  commonObject?: string;
  /** The head lemma of a prepositional complement of the act or its object ("pleaded guilty to obstruction": obstruction). */
  complement?: string;
  /** Named by its noun with the people it names ("Roe's arrest on Tuesday", nounAct): an act of theirs. */
  ofNoun?: boolean;
  /** Its one participant named by the noun may be its agent or its patient: keyed in both roles (actSlots). */
  anyRole?: boolean;
  /** The token index of the act's verb in its article's parse (none for an act dated by its noun). */
  verb?: number;
  /** The people of its participants named with a first name ("surname|sound of the first name", givenNameKey). */
  named?: Set<string>;
  /** Told as a repeated act ("met again", "their second meeting") or as the first of several ("first signed"): see repetitionOf. */
  repeat?: Repetition;
}

/** How an act is told among acts of its kind: done again (a second happening), or the first of them. */
export type Repetition = 'again' | 'first';

const RELATIVE = /^(?:who|whom|which)$/i;
const PERSONAL = /^(?:he|she|him|her)$/i;
/** Auxiliaries and particles that make an act not (yet) a fact ("I'll listen tonight": the contracted will too). */
const NOT_FACT = /^(?:will|would|could|might|may|should|shall|not|n't|never|to|'ll|’ll)$/i;

/** The tokens of a participant's subtree, without the clauses inside it ("the man who signed"). Iterative: trees may be deep. */
function subtree(tokens: readonly SyntaxToken[], kids: number[][], i: number, leave: (head: number, child: number) => boolean = () => false): number[] {
  const out: number[] = [];
  const stack = [i];
  while (stack.length) {
    const x = stack.pop()!;
    out.push(x);
    for (const c of kids[x]) if (!CLAUSES.has(rel(tokens[c])) && !leave(x, c)) stack.push(c);
  }
  return out;
}
const CLAUSES = new Set(['acl', 'advcl', 'ccomp', 'parataxis']);

/**
 * The words of an argument that may name its party: its subtree, less an apposition that renames
 * it with a common noun ("Jane Roe, a top Smith campaign aide who …": the names in such a
 * description are other parties, not the argument's).
 */
function argumentWords(tokens: readonly SyntaxToken[], kids: number[][], i: number): number[] {
  return subtree(tokens, kids, i, (x, c) => x === i && rel(tokens[c]) === 'appos' && tokens[c].upos === 'NOUN');
}

/** Entities (people, organisations) whose span holds one of the tokens. */
function entitiesAt(s: Sent, tokens: readonly SyntaxToken[], idx: number[]): EntityRef[] {
  return s.entities.filter((e) => isParty(e) && idx.some((i) => tokens[i].start >= e.span.start && tokens[i].end <= e.span.end));
}

/** What a relative pronoun stands for: the person or organisation named right before it ("Jane Roe, who was signed"). */
export function antecedent(s: Sent, at: number): EntityRef | null {
  const before = s.entities.filter((e) => isParty(e) && e.span.end <= at && /^[\s,]*$/.test(s.art.text.slice(e.span.end, at)));
  return before.pop() ?? null;
}

/**
 * The person a "he" or "she" at `at` stands for: the person named last before it, in its sentence
 * or the nearest sentence before that names one, at most three back (the usual antecedent of a
 * personal pronoun in news prose: "Roe was arrested. He was taken to jail. He was driving at 1
 * a.m." is Roe all along); null when none is named there. A person the article genders otherwise
 * than the pronoun ("Mr. Roe", "Roe, a spokeswoman", see analyse/gender.ts) is passed over: "Mr.
 * Doe met Ms. Roe. He was arrested on Tuesday" is Doe's arrest, not Roe's.
 */
export function pronounAntecedent(s: Sent, at: number): EntityRef | null {
  const want = PRONOUN_GENDER.get(/^\p{L}+/u.exec(s.art.text.slice(at, at + 4))?.[0].toLowerCase() ?? '');
  const tokens = parseOf(s.art);
  const fits = (e: EntityRef, ents: readonly EntityRef[]) => e.type === 'PER' && (!want || !clashes(s.art, e, want)) && !(tokens && coordinatedPerson(tokens, e, ents));
  // (the last that fits, read from the end: the gender is asked only of the people a reading reaches)
  const lastFit = (ents: readonly EntityRef[], before: number) => {
    for (let j = ents.length - 1; j >= 0; j--) if (ents[j].span.end <= before && fits(ents[j], ents)) return ents[j];
    return undefined;
  };
  const here = lastFit(s.entities, at);
  if (here) return here;
  for (let i = s.index - 1; i >= 0 && i >= s.index - PRONOUN_REACH; i--) {
    const ents = s.art.sentences[i]?.entities ?? [];
    // (in a sentence before, the person its clauses are told of, their subject, before one named on the way)
    const named = (tokens ? lastFit(ents.filter((e) => namedAsSubject(tokens, e)), Infinity) : undefined) ?? lastFit(ents, Infinity);
    if (named) return named;
  }
  return null;
}

/** Whether a person's name is the subject of a clause, by the parse ("Mr. Roe had a home where he lived with his wife, Ann Poe": Roe). */
function namedAsSubject(tokens: readonly SyntaxToken[], e: EntityRef): boolean {
  const head = nameHead(tokens, e);
  return head >= 0 && /^nsubj/.test(rel(tokens[head]));
}

/** The token of a name whose head lies outside it (the name's head word by the parse), or -1. */
export const nameHead = (tokens: readonly SyntaxToken[], e: EntityRef): number => rangeHead(tokens, spanTokens(tokens, e.span));
const PRONOUN_GENDER = new Map<string, Gender>([['he', 'm'], ['him', 'm'], ['she', 'f'], ['her', 'f']]);

/**
 * Whether a person is named as one conjunct of a coordination of people ("Tom and Ben",
 * "Jane Roe, John Doe and Ann Poe"), by the parse: a "he" or "she" stands for one person told of
 * alone, not for a member of a group named together ("They are Ann, Tom and Ben. In 1980,
 * he was charged" is not Ben's charge), so the reading goes on to the person named before.
 */
function coordinatedPerson(tokens: readonly SyntaxToken[], e: EntityRef, ents: readonly EntityRef[]): boolean {
  const inside = (i: number, x: EntityRef) => i >= 0 && i < tokens.length && tokens[i].start >= x.span.start && tokens[i].end <= x.span.end;
  const other = (i: number) => ents.some((x) => x !== e && x.type === 'PER' && inside(i, x));
  const i = nameHead(tokens, e);
  // the name's head word: a conjunct of another person's name, or the head of a conjunct that is one
  return i >= 0 && ((rel(tokens[i]) === 'conj' && other(tokens[i].head)) || kidsOf(tokens)[i].some((k) => rel(tokens[k]) === 'conj' && other(k)));
}

/**
 * Whether the article's text genders the person `e` otherwise than `want` (no gender in the text:
 * no clash). The gender is read per surname (analyse/gender.ts articleGenders, the quote stage's
 * reader), so a surname two people of the article share ("John Roe" and his daughter "Kate Roe")
 * says nothing about either.
 */
function clashes(art: ArticleView, e: EntityRef, want: Gender): boolean {
  const key = nameKeyOf(e.name);
  const g = key ? gendersOf(art).get(key) : undefined;
  return g !== undefined && g !== want;
}

/** A name's key (analyse/gender.ts nameKey), read once per written name: pronouns ask it of every person before them. */
const NAME_KEYS = new Map<string, string | null>();
function nameKeyOf(name: string): string | null {
  let k = NAME_KEYS.get(name);
  if (k === undefined) {
    if (NAME_KEYS.size >= 100_000) NAME_KEYS.clear();
    NAME_KEYS.set(name, (k = nameKey(name)));
  }
  return k;
}

/** Per article, the gender its text gives each person (by name key), read once. */
const GENDERS = new WeakMap<ArticleView, Map<string, Gender>>();
function gendersOf(art: ArticleView): Map<string, Gender> {
  const known = GENDERS.get(art);
  if (known) return known;
  const people = art.sentences.flatMap((x) => x.entities).filter((e) => e.type === 'PER').map((e) => ({ span: e.span, name: e.name, person: e.key }));
  // a pronoun and a name on different sides of a quotation mark are different voices (as the quote stage reads them)
  const marks = art.quotes.filter((q) => q.quote.kind !== 'indirect').flatMap((q) => q.quote.parts ?? [q.quote.span]);
  const quoted = (pos: number) => marks.some((m) => pos >= m.start && pos < m.end);
  const out = articleGenders(art.textTokens?.() ?? tokenize(art.text), people, quoted);
  GENDERS.set(art, out);
  return out;
}

/**
 * A proper noun the tagger left unnamed that is the surname of a person the article names
 * elsewhere ("LaRue" after "Fred LaRue"): that person, as written here.
 */
export function surnameAt(s: Sent, tokens: readonly SyntaxToken[], pos: number): EntityRef | null {
  const t = tokens[tokenAt(tokens, pos)];
  // (a surname that is also a word is often tagged a noun: "Page disappeared", "Bush said"; written with its capital it is the name)
  if (!t || t.start !== pos || !(t.upos === 'PROPN' || (t.upos === 'NOUN' && /^\p{Lu}\p{Ll}/u.test(t.text)))) return null;
  const named = surnamesOf(s.art).get(t.text);
  return named ? { ...named, span: { start: t.start, end: t.end } } : null;
}

/**
 * "The gunman opened fire on Thursday" in an article that writes "gunman Carl Meyer" or "Carl Meyer,
 * the gunman,": a definite role noun ("the" + a common noun) stands for the one person the article
 * names with that noun before or in apposition to the name (by the parse: compound or appos), as
 * written here; null when the article so names none or several ("the officer" of two officers).
 */
function roleReferent(s: Sent, tokens: readonly SyntaxToken[], kids: number[][], c: number): EntityRef | null {
  const t = tokens[c];
  if (t.upos !== 'NOUN' || !kids[c].some((k) => rel(tokens[k]) === 'det' && /^the$/i.test(tokens[k].text))) return null;
  const people = rolesOf(s.art, tokens).get(t.lemma.toLowerCase());
  if (!people || people.size !== 1) return null;
  const person = [...people.values()][0];
  return { ...person, span: { start: t.start, end: t.end } };
}

/** Per article, each role noun with the people it is written beside ("gunman Carl Meyer", "Meyer, the gunman"), by participant key; read once. */
const ROLES = new WeakMap<ArticleView, Map<string, Map<string, EntityRef>>>();
function rolesOf(art: ArticleView, tokens: readonly SyntaxToken[]): Map<string, Map<string, EntityRef>> {
  let out = ROLES.get(art);
  if (out) return out;
  out = new Map();
  const people = art.sentences.flatMap((x) => x.entities).filter((e) => e.type === 'PER');
  const personAt = (i: number) => people.find((e) => e.span.start <= tokens[i].start && tokens[i].end <= e.span.end);
  for (let i = 0; i < tokens.length; i++) {
    const h = tokens[i].head;
    if (h < 0) continue;
    // the role noun beside the name: "gunman Carl Meyer" (compound), "Carl Meyer, the gunman" (appos), "the gunman, Carl Meyer" (the name in apposition)
    const [noun, name] = tokens[i].upos === 'NOUN' && /^(?:compound|appos)$/.test(tokens[i].deprel) ? [i, h] : tokens[h].upos === 'NOUN' && tokens[i].deprel === 'appos' ? [h, i] : [-1, -1];
    if (noun < 0 || personAt(noun)) continue;
    const e = personAt(name);
    if (!e) continue;
    const role = tokens[noun].lemma.toLowerCase();
    (out.get(role) ?? out.set(role, new Map()).get(role)!).set(participantKey(e), e);
  }
  ROLES.set(art, out);
  return out;
}

/** Per article, the first person it names in full under each surname ("Fred LaRue" under "LaRue"), read once. */
const SURNAMES = new WeakMap<ArticleView, Map<string, EntityRef>>();
function surnamesOf(art: ArticleView): Map<string, EntityRef> {
  let out = SURNAMES.get(art);
  if (out) return out;
  out = new Map();
  for (const e of art.sentences.flatMap((x) => x.entities)) {
    const words = e.name.split(' ');
    if (e.type === 'PER' && words.length > 1 && !out.has(words[words.length - 1])) out.set(words[words.length - 1], e);
  }
  SURNAMES.set(art, out);
  return out;
}

/** How many sentences back a pronoun's antecedent is looked for. */
const PRONOUN_REACH = 3;

/**
 * The dated acts of a sentence that are slots: facts (not future, conditional or negated), not acts
 * of saying. With `anonymous`, also those with no one named in them ("a man was arrested on
 * Tuesday"), which the caller compares only between sentences that state one fact. None without a parse.
 */
export function datedActs(s: Sent, anonymous = false): DatedAct[] {
  const out: DatedAct[] = [];
  for (const times of [s.times, anaphoricYears(s), anaphoricDays(s)])
    for (const t of times) {
      const act = actOfTime(s, t);
      if (act?.fact && !act.speech && (anonymous || act.agents.size || act.patients.size)) out.push(act);
    }
  return out;
}

/**
 * "In 1967 the field was sold. That same year he shot his father": a year told by reference to one
 * named before ("that same year", "later that year", "the following year", "two years later") is
 * that year, or as many after or before it, as a time of the sentence (kind year, its anchor
 * `anaphor:<year>;from:<offset>` marking the year as stated, though its words write no digits, and
 * where the text that states it starts, the year referred to: `anaphorStart`). The year referred
 * to is the one year written before it in its sentence, else the one year the sentence before
 * writes; none when that names no year or two ("from 1963 to 1968. That year ..." does not say which).
 * A phrase analyse read as a time of its own is left to that reading.
 */
export function anaphoricYears(s: Sent): ResolvedTime[] {
  return referredTimes(s, YEAR_REFERENCE);
}

/**
 * "killed on June 24 while investigating a shooting four days earlier", "Roe was arrested on
 * Monday. The previous day, police had searched his home": a day told by reference to another
 * act's day ("the previous day", "the day before", "the next day", "two days later", "that same
 * day") is that day, or as many after or before it, read as anaphoricYears reads a year (kind date,
 * anchor `anaphor:<day>;from:<offset>`). The day referred to is the one day (a date, or a weekday
 * the time module resolved) written before it in its sentence, else the one day the sentence
 * before writes, in the same paragraph (a new paragraph may tell of another day); none when that
 * writes none, two, or a day counted from the writing ("yesterday": the analyser dates those
 * itself, and the next day of the article's date is not what the words refer to). A day referred
 * to that an undated article's date was guessed for ("June 24" with the story's year) makes this one
 * a guess too, which writes what the day referred to writes (`referredWords`: the month and day).
 */
export function anaphoricDays(s: Sent): ResolvedTime[] {
  return referredTimes(s, DAY_REFERENCE);
}

/** How a time told by reference to another is read: its words, which times it refers to, and how far from them. */
interface Reference {
  pattern: RegExp;
  /** A word every phrase of the pattern holds (tested first: cheaper than the pattern). */
  word: RegExp;
  kind: 'year' | 'date';
  grain: 'year' | 'day';
  /** Whether a time is one the phrase may refer to (one such before it in its sentence: the sentence before is not looked at). */
  refers: (t: ResolvedTime) => boolean;
  /** The one value the times write that the phrase refers to (`refers`), and its last mention; null when none or two. */
  written: (times: readonly ResolvedTime[]) => Referred | null;
  /** The value `phrase` names, from the value it refers to. */
  shift: (value: string, phrase: string) => string;
  /** Whether the sentence referred to may be in the paragraph before. */
  acrossParagraphs: boolean;
  cache: WeakMap<Sent, ResolvedTime[]>;
}

/** A sentence with no time told by reference: one list for all of them, frozen (read, never changed). */
const NO_TIMES: ResolvedTime[] = Object.freeze([]) as unknown as ResolvedTime[];

/** The value a phrase refers to, and the time that writes it last (a guess when resolved from the story's date: `inferred`). */
interface Referred {
  value: string;
  last: ResolvedTime;
}

/** The times of a sentence told by reference (see anaphoricYears), read once per sentence. */
function referredTimes(s: Sent, ref: Reference): ResolvedTime[] {
  const text = s.art.text;
  const body = text.slice(s.span.start, s.span.end);
  // (every phrase says its word, "year" or "day": most sentences are passed over by that one word,
  // not the whole pattern, and are neither read further nor kept)
  if (!ref.word.test(body)) return NO_TIMES;
  let out = ref.cache.get(s);
  if (out) return out;
  out = [];
  const prior = s.art.sentences[s.index - 1];
  const reachable = prior && (ref.acrossParagraphs || !/\n/.test(text.slice(prior.span.end, s.span.start)));
  for (const m of body.matchAll(ref.pattern)) {
    const start = s.span.start + m.index;
    const span = { start, end: start + m[0].length };
    if (s.times.some((t) => t.span.start < span.end && span.start < t.span.end)) continue;
    const before = s.times.filter((t) => t.span.end <= span.start);
    const own = ref.written(before);
    const base = own ?? (before.some(ref.refers) || !reachable ? null : ref.written(prior.times));
    if (base === null) continue;
    const value = ref.shift(base.value, m[0]);
    // (where the time referred to is written: in its sentence, or in the one before, from which the evidence cites)
    const from = own === null ? base.last.span.start : s.span.start;
    // (a day referred to that was resolved from the story's date is as much a guess here, and writes what its words write: referredWords)
    const guess = base.last.resolvedInferred;
    const anchor = `anaphor:${value};from:${from};of:${base.last.span.start}-${base.last.span.end}`;
    out.push({ span, text: m[0], kind: ref.kind, value, grain: ref.grain, inferred: guess, anchor, resolved: value, resolvedInferred: guess });
  }
  ref.cache.set(s, out);
  return out;
}

/** Where the text that states an anaphoric year or day starts (the sentence that writes the time referred to), or null for any other time. */
export function anaphorStart(t: ResolvedTime): number | null {
  const m = /^anaphor:[\d-]+;from:(\d+);/.exec(t.anchor ?? '');
  return m ? Number(m[1]) : null;
}

/**
 * The words that write a time's day, month or year: for a time told by reference ("four days
 * earlier"), those of the time it refers to ("June 24": the month and day are written, the year
 * is not), since the offset keeps what they state exact; for any other time, its own words.
 */
export function referredWords(t: ResolvedTime, text: string): string {
  const m = /^anaphor:[\d-]+;from:\d+;of:(\d+)-(\d+)$/.exec(t.anchor ?? '');
  return m ? text.slice(Number(m[1]), Number(m[2])) : t.text;
}
const COUNT_WORD = ['a', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const COUNT = `(?:${COUNT_WORD.join('|')}|\\d{1,2})`;
/**
 * "before" and "after" with nothing after them ("the day before."): followed by a noun they refer to
 * that noun's day ("the day before his murder"), as "the same day as" does.
 */
const ENDS_CLAUSE = `(?=\\s*(?:[,.;:!?)]|$))`;
const WRITTEN_YEAR = /\b\d{4}\b/;

const YEAR_REFERENCE: Reference = {
  pattern: new RegExp(
    `\\b(?:that (?:same |very )?year(?!['’])|the (?:same|very) year(?!['’])|the (?:following|next|previous|preceding) year|${COUNT} years? (?:later|earlier|afterwards?))\\b`,
    'gi',
  ),
  word: /year/i,
  kind: 'year',
  grain: 'year',
  refers: (t) => WRITTEN_YEAR.test(t.text),
  written: yearWritten,
  shift: (year, phrase) => String(Number(year) + referenceOffset(phrase, 'year')),
  acrossParagraphs: true,
  cache: new WeakMap(),
};

const DAY_REFERENCE: Reference = {
  pattern: new RegExp(
    `\\b(?:that (?:same |very )?day(?!['’]|\\s+as\\b)|the (?:same|very) day(?!['’]|\\s+as\\b)|the (?:following|next|previous|preceding|prior) day(?!['’])|the day (?:before|after)${ENDS_CLAUSE}|${COUNT} days? (?:later|earlier|afterwards?)(?!['’])|${COUNT} days? (?:before|after)${ENDS_CLAUSE})\\b`,
    'gi',
  ),
  word: /day/i,
  kind: 'date',
  grain: 'day',
  refers: (t) => t.kind === 'weekday' || t.kind === 'date' || t.kind === 'datetime' || (t.kind === 'relative' && /^day:/.test(t.anchor ?? '')),
  written: dayWritten,
  shift: (day, phrase) => {
    const [y, m, d] = day.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d + referenceOffset(phrase, 'day'))).toISOString().slice(0, 10);
  },
  acrossParagraphs: false,
  cache: new WeakMap(),
};

/** The one year the times write ("in 1957", "June 27, 1973") and where its last mention starts, or null when they write none or two. */
function yearWritten(times: readonly ResolvedTime[]): Referred | null {
  const written = times.filter((t) => WRITTEN_YEAR.test(t.text) && /^\d{4}/.test(t.resolved ?? ''));
  const years = new Set(written.map((t) => t.resolved!.slice(0, 4)));
  return years.size === 1 ? { value: [...years][0], last: lastOf(written) } : null;
}
const lastOf = (times: readonly ResolvedTime[]) => times.reduce((a, b) => (b.span.start > a.span.start ? b : a));

/**
 * The one day the times name ("on June 20", "on Monday" resolved), and where its last mention
 * starts; null when they name none, two, one not resolved, or one counted from the writing.
 */
function dayWritten(times: readonly ResolvedTime[]): Referred | null {
  const named = times.filter(DAY_REFERENCE.refers);
  if (!named.length || named.some((t) => t.kind === 'relative' || !/^\d{4}-\d\d-\d\d/.test(t.resolved ?? ''))) return null;
  const days = new Set(named.map((t) => t.resolved!.slice(0, 10)));
  return days.size === 1 ? { value: [...days][0], last: lastOf(named) } : null;
}

/** How many years or days after (or before, negative) the one referred to a phrase is: "the following year" 1, "four days earlier" -4, "the day before" -1. */
function referenceOffset(phrase: string, unit: 'year' | 'day'): number {
  const p = phrase.toLowerCase();
  if (/\b(?:following|next)\b/.test(p) || p === `the ${unit} after`) return 1;
  if (/\b(?:previous|preceding|prior)\b/.test(p) || p === `the ${unit} before`) return -1;
  const n = new RegExp(`^(\\S+) ${unit}s? (\\S+)`).exec(p);
  if (!n) return 0;
  const count = /^\d+$/.test(n[1]) ? Number(n[1]) : Math.max(1, COUNT_WORD.indexOf(n[1]));
  return /^(?:earlier|before)$/.test(n[2]) ? -count : count;
}

type ParsedAct = DatedAct & { fact: boolean; speech: boolean };
/** Per time expression: the lead's date check and the dated-act slots both ask for it. */
const ACTS = new WeakMap<ResolvedTime, ParsedAct | null>();

/** The act a date modifies, by the parse, with what kind of act it is; null without a parse or a verb. */
export function actOfTime(s: Sent, t: ResolvedTime): ParsedAct | null {
  if (!ACTS.has(t)) ACTS.set(t, readAct(s, t));
  return ACTS.get(t)!;
}

/** Whether a modal, a negation or "to" makes the verb at `v` not (yet) a fact: among its dependents, or written right before it. */
export function notFact(tokens: readonly SyntaxToken[], kids: number[][], v: number): boolean {
  if (v < 0) return false;
  const hedge = (i: number) => NOT_FACT.test(tokens[i].text) || contractedWould(tokens, i);
  if (kids[v].some((c) => ['aux', 'advmod', 'mark'].includes(rel(tokens[c])) && hedge(c))) return true;
  // by position too: parsers attach the auxiliary of a clause's verb variously ("will sign X on Tuesday, Y said")
  for (let i = v - 1; i >= 0 && i >= v - 3 && tokens[i].sentence === tokens[v].sentence; i--) {
    if (hedge(i)) return true;
    if (tokens[i].upos !== 'AUX' && tokens[i].upos !== 'ADV' && tokens[i].upos !== 'PART') break;
  }
  return false;
}

/**
 * Whether the token at `i` is "'d" standing for "would": the tagger reads every "'d" as a modal, but
 * "he'd left" is "had" (a fact) and "I'd go", "she'd have signed" are "would". The form of the next
 * verb or auxiliary tells them apart (adverbs skipped: "he'd never go"): bare after "would", a
 * participle after "had".
 */
function contractedWould(tokens: readonly SyntaxToken[], i: number): boolean {
  if (!/^['’]d$/i.test(tokens[i].text)) return false;
  for (let j = i + 1; j < tokens.length && j <= i + 4 && tokens[j].sentence === tokens[i].sentence; j++) {
    if (tokens[j].upos === 'ADV' || tokens[j].upos === 'PART') continue;
    return tokens[j].xpos === 'VB';
  }
  return false;
}

/**
 * The verb a time expression follows in its own clause by the words alone (no comma, colon or
 * subordinator in between), -1 when none: the reading of the date that does not depend on where
 * the parser attached it. `maxBack` bounds the words walked back (a caller that asks once per figure stays linear).
 */
export function verbBefore(tokens: readonly SyntaxToken[], at: number, maxBack = Infinity): number {
  const start = tokenAt(tokens, at);
  for (let i = start - 1; i >= 0 && start - i <= maxBack && tokens[i].sentence === tokens[start]?.sentence; i--) {
    const tk = tokens[i];
    if (tk.upos === 'VERB') return i;
    if (tk.upos === 'SCONJ' || /^[,;:]$/.test(tk.text)) return -1;
  }
  return -1;
}

/**
 * "typically releases patches on the second Tuesday of each month", "meets every Friday": a day that
 * recurs is a schedule, not the date of one act ("last Tuesday" is one day and stays).
 */
export function recurringDay(s: Sent, t: ResolvedTime): boolean {
  const text = s.art.text;
  const before = text.slice(Math.max(s.span.start, t.span.start - 12), t.span.start);
  const after = text.slice(t.span.end, Math.min(s.span.end, t.span.end + 24));
  return /\b(?:every|each)\s+$/i.test(before) || /^\s+of\s+(?:each|every)\s+(?:week|month|year|season)\b/i.test(after);
}

function readAct(s: Sent, t: ResolvedTime): ParsedAct | null {
  const tokens = parseOf(s.art);
  // a day named by the weekday or the date, or counted from the writing ("yesterday", "two days ago":
  // resolved against the article's own date; an undated article's guess is left out by the caller)
  const relativeDay = t.kind === 'relative' && /^day:/.test(t.anchor ?? '');
  // a year or a month ("in 2009", "in March") dates an act at its own granularity (see coarseDate)
  // (a month in a story with no date still names its month: "in December")
  const coarse = (t.kind === 'year' || t.kind === 'month') && (!!t.resolved || (t.kind === 'month' && /(?:^|;)monthname:\d\d/.test(t.anchor ?? '')));
  // a clock time alone dates no day, but says when the act it modifies happened (clock.ts)
  const clock = t.kind === 'time';
  if (!tokens || (t.kind !== 'weekday' && t.kind !== 'date' && t.kind !== 'datetime' && !relativeDay && !coarse && !clock)) return null;
  if (recurringDay(s, t)) return null;
  const kids = kidsOf(tokens);
  const dated = eventNounDated(tokens, t);
  // ("the 2006 attack" is another attack than the story's: an event named by its noun is dated by its day only)
  if (dated && coarse) return null;
  if (dated) return nounAct(s, t, tokens, kids, dated);
  const parsed = datedPredicate(tokens, kids, t);
  const p = parsed !== null && tokens[parsed].upos === 'VERB' ? parsed : openingTimeVerb(tokens, t);
  if (p === null) return null;
  // "re-signed" is signing again: one act; "passed away" is dying (the particle, by the parse)
  const lemma = phrasalAct(tokens[p].lemma.toLowerCase().replace(/^re-/, ''), particleOf(s, p), true);
  const fact = !notFact(tokens, kids, p) && !notFact(tokens, kids, verbBefore(tokens, t.span.start));
  const agents: EntityRef[] = [];
  const patients: EntityRef[] = [];
  const obliques: EntityRef[] = [];
  // one verb has one subject: a passive subject beside an active one is a parse slip ("Roe, who has
  // opened a shop", read with "Roe" as the passive subject of "opened" and "who" as its subject)
  const active = kids[p].some((c) => tokens[c].deprel === 'nsubj');
  for (const c of kids[p]) {
    const r = tokens[c].deprel;
    if (r === 'nsubj:pass' && active) continue;
    const found = argumentPeople(s, tokens, kids, c);
    if (r === 'nsubj' || r === 'obl:agent') agents.push(...found);
    else if (r === 'obj' || r === 'nsubj:pass') patients.push(...found);
    else if (r === 'obl') obliques.push(...found.filter((e) => e.type === 'PER'));
  }
  // "signed veteran Jane Roe on Tuesday" parsed with the name as an oblique: a person there is the patient when nothing else is
  if (!patients.length) patients.push(...obliques);
  if (!agents.length) agents.push(...subjectByWords(s, tokens, kids, p));
  // "died after suffering a heart attack on Monday", "was arrested on Monday and charged on Tuesday": the controller's subject
  const controller = controllerOf(s, tokens, kids, p);
  const shared = controller?.role === 'agent' ? agents : patients;
  if (controller && !shared.length) shared.push(...controller.people);
  // a verb hanging on a noun as a reduced clause ("the player signed on Tuesday", or a finite verb
  // the parser attached that way): the noun is its patient when the verb is a past participle,
  // else its agent
  const h = tokens[p].head;
  if (tokens[p].deprel === 'acl' && h >= 0 && (tokens[h].upos === 'NOUN' || tokens[h].upos === 'PROPN')) {
    const found = entitiesAt(s, tokens, subtree(tokens, kids, h));
    if (tokens[p].xpos === 'VBN') { if (!patients.length) patients.push(...found); }
    else if (!agents.length) agents.push(...found);
  }
  // "the quake struck on Sunday", "a fire erupted Tuesday": an event told with no one named is
  // dated by its subject noun (the lead's only; see eventNoun)
  // ("took place", "broke out": a happening too)
  const particle = (word: string) => kids[p].some((c) => rel(tokens[c]) === 'compound' && tokens[c].lemma.toLowerCase() === word);
  const happening =
    HAPPENING.test(actClass(lemma)) || (lemma === 'take' && kids[p].some((c) => rel(tokens[c]) === 'obj' && tokens[c].lemma.toLowerCase() === 'place')) || (lemma === 'break' && particle('out'));
  const subjectNoun = !agents.length && !patients.length && happening ? eventNoun(tokens, kids, p) : null;
  // the time expression is not a participant ("IR Wednesday"); "signed Jane Roe on Tuesday and
  // John Doe today": a participant after this time with another time after it has that time, and
  // one after the verb with another time between it and this one has that one (Roe is Tuesday's;
  // a subject before the verb is every coordinated act's: "Roe was arrested on Monday and charged on Tuesday")
  const between = (a: number, b: number) => s.times.some((o) => o !== t && o.span.start >= a && o.span.end <= b);
  const ownTime = (e: EntityRef) =>
    (e.span.end <= t.span.start && !(e.span.start > tokens[p].start && between(e.span.end, t.span.start))) ||
    (e.span.start >= t.span.end && !s.times.some((o) => o !== t && o.span.start >= e.span.end));
  const keys = (es: EntityRef[]) => new Set(es.filter(ownTime).map(participantKey));
  const named = new Set([...agents, ...patients].filter(ownTime).map((e) => givenNameKey(s.art, e)).filter((k): k is string => k !== null));
  const agentKeys = keys(agents);
  if (subjectNoun) agentKeys.add(subjectNoun);
  const obj = kids[p].find((c) => rel(tokens[c]) === 'obj');
  const object = obj === undefined ? undefined : tokens[obj].lemma.toLowerCase();
  const commonObject = obj !== undefined && commonNoun(tokens, obj) ? object : undefined;
  const complement = complementOf(tokens, kids, p) ?? (obj === undefined ? undefined : complementOf(tokens, kids, obj));
  const repeat = repetitionOf(tokens, kids, p, lemma);
  return { sent: s, t, lemma, agents: agentKeys, patients: keys(patients), fact, speech: cueClassOf(lemma) !== null && !pleaEntered(tokens, kids, p), byNoun: !!subjectNoun, object, commonObject, complement, verb: p, named, ...(repeat ? { repeat } : {}) };
}

/**
 * "met again on Monday", "arrested for the second time", "Monday's talks, their second meeting in a
 * week", "was arrested in a separate incident on Monday", "an earlier attack": an act its sentence
 * tells as done again, or as another one of its kind, is another happening than one told plainly (the
 * first meeting, the first arrest), and "first signed him in December" tells the first of several.
 * Read from the parse: an adverb of repetition or of order on the act's verb ("again", "anew",
 * "first", "initially", "originally"), or an ordinal or "another" on a noun of its clause that names
 * the same act (its verb of the same class, "meeting" for "met"), or on a noun of the occasion the act
 * takes ("for the second time", "in a separate incident").
 * Undefined when the sentence tells neither.
 */
export function repetitionOf(tokens: readonly SyntaxToken[], kids: number[][], p: number, lemma: string): Repetition | undefined {
  for (const c of kids[p]) {
    if (rel(tokens[c]) !== 'advmod') continue;
    const w = tokens[c].text.toLowerCase();
    if (AGAIN.test(w)) return 'again';
    if (FIRST.test(w)) return 'first';
  }
  const cls = datedActClass(lemma);
  // (the nouns of the verb's own sentence: its tokens lie together around it, no need to walk the article's)
  const sentence = tokens[p].sentence;
  let lo = p;
  while (lo > 0 && tokens[lo - 1].sentence === sentence) lo--;
  for (let i = lo; i < tokens.length && tokens[i].sentence === sentence; i++) {
    if (tokens[i].upos !== 'NOUN') continue;
    const noun = tokens[i].lemma.toLowerCase();
    // ("the second time", "a second meeting", "in a separate incident": the noun is the act itself, or its occasion; the verb may be its noun's own)
    const occasion = OCCASION.test(noun);
    if (!occasion && datedActClass(actOfNoun(noun) ?? noun) !== cls) continue;
    // ("for the first time" on another verb of the sentence says nothing of this one; "on Monday in a separate incident" hangs on the day)
    if (occasion && !hangsOn(tokens, i, p)) continue;
    for (const c of kids[i]) {
      const w = tokens[c].text.toLowerCase();
      if (!['amod', 'det'].includes(rel(tokens[c]))) continue;
      if (ORDINAL_AGAIN.test(w)) return 'again';
      if (w === 'first') return 'first';
    }
  }
  return undefined;
}
/** Whether the word at `i` hangs on the verb at `p`, directly or through one noun or name. */
function hangsOn(tokens: readonly SyntaxToken[], i: number, p: number): boolean {
  const h = tokens[i].head;
  return h === p || (h >= 0 && (tokens[h].upos === 'NOUN' || tokens[h].upos === 'PROPN') && tokens[h].head === p);
}
const AGAIN = /^(?:again|anew)$/;
const FIRST = /^(?:first|initially|originally)$/;
const ORDINAL_AGAIN = /^(?:another|second|third|fourth|fifth|latest|earlier|previous|prior|separate|unrelated)$/;
/** Nouns of an occasion, not of the act: "for the second time", "in a separate incident", "in an earlier case". */
const OCCASION = /^(?:time|occasion|incident|case|episode)$/;

/**
 * The head lemma of the first common noun the word at `p` (the act's verb, or its object) takes
 * with a preposition that marks an argument rather than a place, a source or a time ("pleaded
 * guilty to obstruction", "charged with theft", "voted for the bill"); undefined when it has none
 * ("disappeared from the scene").
 */
function complementOf(tokens: readonly SyntaxToken[], kids: number[][], p: number): string | undefined {
  for (const c of kids[p]) {
    if ((rel(tokens[c]) !== 'obl' && rel(tokens[c]) !== 'nmod') || tokens[c].upos !== 'NOUN') continue;
    if (kids[c].some((k) => rel(tokens[k]) === 'case' && ARGUMENT_CASE.test(tokens[k].text))) return tokens[c].lemma.toLowerCase();
  }
  return undefined;
}
const ARGUMENT_CASE = /^(?:to|with|for|of|against|into|as)$/i;

/**
 * "pleaded guilty", "pleaded not guilty", "pleads innocent": a verb of saying whose complement is
 * a plea is the act of entering it in court, dated like any act, not a statement of the day.
 */
function pleaEntered(tokens: readonly SyntaxToken[], kids: number[][], p: number): boolean {
  return kids[p].some((c) => ['xcomp', 'obj', 'advmod'].includes(rel(tokens[c])) && PLEA.test(tokens[c].text));
}
const PLEA = /^(?:guilty|innocent)$/i;

/** The predicate a time dates by the parse: its clause's head, past an infinitive it precedes or a participle of naming. */
export function datedPredicate(tokens: readonly SyntaxToken[], kids: number[][], t: ResolvedTime): number | null {
  return frontedClauseVerb(tokens, t) ?? ongoingHost(tokens, namedThingHost(tokens, infinitiveHost(tokens, kids, timePredicate(tokens, t.span), t.span.end)));
}

/**
 * "foiled an attack on merchant vessels transiting the Gulf on Friday", "The navy patrolling the
 * Gulf on Thursday thwarted an attack": a present participle with no clause of its own (a reduced
 * relative on a noun, or the parser's clausal subject) tells a state that holds while the act of
 * its clause happens, not an act of that day; a time the parser hangs on it (it ends the
 * participle's phrase) dates the verb of the clause the participle sits in, as a time after the
 * object does. The noun it modifies is climbed to that verb through at most MAX_NOUN_STEPS
 * nominal heads ("an attack on vessels transiting ..."). "A man arrested on Friday" (a past
 * participle: an act done that day) and "ended up patrolling" keep their own reading. Returns `p`
 * otherwise.
 */
function ongoingHost(tokens: readonly SyntaxToken[], p: number | null): number | null {
  if (p === null || tokens[p].upos !== 'VERB' || tokens[p].xpos !== 'VBG') return p;
  const r = tokens[p].deprel;
  let h = tokens[p].head;
  if (r === 'csubj') return h >= 0 && tokens[h].upos === 'VERB' ? h : p;
  if (r !== 'acl') return p;
  for (let steps = 0; h >= 0 && steps < MAX_NOUN_STEPS && NOMINAL.test(tokens[h].upos); steps++) {
    const up = tokens[h].head;
    if (up >= 0 && tokens[up].upos === 'VERB' && NOUN_ARGUMENT.has(rel(tokens[h]))) return up;
    if (!NOUN_INSIDE.has(rel(tokens[h]))) return p;
    h = up;
  }
  return p;
}
const MAX_NOUN_STEPS = 3;
const NOMINAL = /^(?:NOUN|PROPN)$/;
/** Relations by which a noun is an argument of the verb above it. */
const NOUN_ARGUMENT = new Set(['obj', 'nsubj', 'nsubj:pass', 'obl', 'iobj']);
/** Relations by which a noun sits inside another noun's phrase ("an attack on vessels"). */
const NOUN_INSIDE = new Set(['nmod', 'compound', 'appos']);

/**
 * "picked up Roe on Monday after putting Doe on injured reserve and on Wednesday, signed Poe": a
 * time after "and" (or "but") and before a comma that a verb follows opens that verb's clause and
 * dates it, wherever the parser coordinated it (here with "reserve"). Null otherwise.
 */
function frontedClauseVerb(tokens: readonly SyntaxToken[], t: ResolvedTime): number | null {
  let first = tokenAt(tokens, t.span.start);
  let last = first;
  while (last + 1 < tokens.length && tokens[last + 1].end <= t.span.end) last++;
  const comma = last + 1;
  const verb = comma + 1;
  if (verb >= tokens.length || tokens[comma].text !== ',' || tokens[verb].upos !== 'VERB' || !/^VB[DZP]$/.test(tokens[verb].xpos)) return null;
  if (first > 0 && tokens[first - 1].upos === 'ADP' && tokens[first - 1].end <= t.span.start) first--;
  const before = tokens[first - 1];
  return before && before.sentence === tokens[verb].sentence && before.upos === 'CCONJ' ? verb : null;
}

/**
 * "That same year he shot and killed his father", "Later that year, Mr. Roe shot and killed ...":
 * a time that opens its sentence (nothing but adverbs and prepositions before it) dates the
 * sentence's verb, the first finite verb or participle after it by the words, when the parse hangs
 * the time on no verb (parsers often make a fronted "that year" the root and the verb after it a
 * noun). Null otherwise.
 */
function openingTimeVerb(tokens: readonly SyntaxToken[], t: ResolvedTime): number | null {
  const first = tokenAt(tokens, t.span.start);
  const sentence = tokens[first]?.sentence;
  for (let i = first - 1; i >= 0 && tokens[i].sentence === sentence; i--) if (!/^(?:ADV|ADP|PUNCT)$/.test(tokens[i].upos)) return null;
  for (let i = first; i < tokens.length && tokens[i].sentence === sentence; i++) {
    if (tokens[i].start < t.span.end) continue;
    if (tokens[i].upos === 'SCONJ' || tokens[i].text === ';') return null;
    if (tokens[i].upos === 'VERB' && /^VB[DZPN]$/.test(tokens[i].xpos)) return i;
  }
  return null;
}

/**
 * The people an argument of a verb names: a relative pronoun stands for the noun before it, "he" or
 * "she" for the person named last ("She was arrested on Tuesday"); a surname the tagger left unnamed
 * for the article's person of that surname ("Page disappeared in 1958": Bettie Page), a definite role
 * noun for the one person the article gives that role ("the gunman").
 */
function argumentPeople(s: Sent, tokens: readonly SyntaxToken[], kids: number[][], c: number): EntityRef[] {
  const who = RELATIVE.test(tokens[c].text) ? antecedent(s, tokens[c].start) : PERSONAL.test(tokens[c].text) ? pronounAntecedent(s, tokens[c].start) : null;
  const named = who ? [who] : entitiesAt(s, tokens, argumentWords(tokens, kids, c));
  const surname = named.length ? null : (surnameAt(s, tokens, tokens[c].start) ?? roleReferent(s, tokens, kids, c));
  return surname ? [surname] : named;
}

/** Relations of a verb whose unexpressed subject is its head verb's (UD: coordinated, adverbial and open-complement predicates). */
const CONTROLLED = new Set(['conj', 'advcl', 'xcomp']);
/** How far up a chain of subjectless controlled verbs the controller is looked for ("was arrested, charged and released on Monday"). */
const CONTROL_REACH = 3;

/**
 * "She never recovered consciousness and died late on Thursday", "Roe was arrested on Monday and
 * charged on Tuesday", "Roe died after suffering a heart attack on Monday", "Roe was summoned to
 * testify in 2005": a verb with no subject of its own that is coordinated with a verb, or hangs on
 * one as a non-finite adverbial clause or open complement, shares that verb's subject (its
 * controller; English gives these predicates no subject of their own). Returns the people that
 * subject names and their role in this verb: the patient when it is passive ("and was arrested",
 * "after being released", a bare participle "Arrested on Monday, ..."), else the agent; a coordinated
 * participle with no auxiliary of its own ("was arrested on Monday and taken to jail on Tuesday") has
 * the role the subject has in the head. Null when the verb has a subject, is finite and not coordinated
 * (a parse slip more often than a shared subject), or the subject names no one.
 */
function controllerOf(s: Sent, tokens: readonly SyntaxToken[], kids: number[][], p: number): { role: 'agent' | 'patient'; people: EntityRef[] } | null {
  const subjectOf = (v: number) => kids[v].find((c) => /^(?:nsubj|csubj|expl)/.test(tokens[c].deprel));
  if (subjectOf(p) !== undefined) return null;
  const r = rel(tokens[p]);
  if (r !== 'conj' && !/^VB[GN]?$/.test(tokens[p].xpos)) return null;
  let v = p;
  let subject: number | undefined;
  for (let step = 0; step < CONTROL_REACH && subject === undefined; step++) {
    const h = tokens[v].head;
    // ("will move on and fight in April": a verb under a modal or a negation shares its mood; "helping
    // them join": an open complement of a verb with an object is done by that object, not the subject)
    // (an adjective predicate passes its subject on too: "was found unconscious after collapsing", "is fit to play")
    if (!CONTROLLED.has(rel(tokens[v])) || h < 0 || !/^(?:VERB|ADJ)$/.test(tokens[h].upos) || notFact(tokens, kids, h)) return null;
    if (rel(tokens[v]) === 'xcomp' && kids[h].some((c) => rel(tokens[c]) === 'obj')) return null;
    v = h;
    subject = subjectOf(v);
  }
  if (subject === undefined || !/^nsubj/.test(tokens[subject].deprel)) return null;
  const people = argumentPeople(s, tokens, kids, subject);
  if (!people.length) return null;
  const auxes = kids[p].filter((c) => rel(tokens[c]) === 'aux');
  const passive = kids[p].some((c) => tokens[c].deprel === 'aux:pass');
  // (a coordinated participle with no auxiliary of its own shares the head's voice: "was arrested and taken to jail";
  // a past tense is active whatever the head's: "was arrested and confessed")
  const bareParticiple = tokens[p].xpos === 'VBN' && !auxes.length && !passive;
  const role = passive || (bareParticiple && (r !== 'conj' || tokens[subject].deprel === 'nsubj:pass')) ? 'patient' : 'agent';
  return { role, people };
}

/**
 * "whom Fred Roe shot and killed in 1957", "Later that year, Mr. Roe shot and killed": a verb the
 * parse gives no subject, on its own or through the verb it is coordinated with, has for its
 * subject the person written right before it in its clause (after the last comma, subordinator or
 * relative pronoun), when nothing but nouns, names and "and" stand between: the parser read the
 * first verb of "shot and killed" as a noun. A "he" or "she" there stands for its antecedent. An
 * auxiliary or another verb between, or a verb with a subject of its own, gives none.
 */
function subjectByWords(s: Sent, tokens: readonly SyntaxToken[], kids: number[][], p: number): EntityRef[] {
  const hasSubject = (v: number) => kids[v].some((c) => /^(?:nsubj|csubj|expl)/.test(tokens[c].deprel));
  const h = tokens[p].head;
  if (hasSubject(p) || (rel(tokens[p]) === 'conj' && h >= 0 && tokens[h].upos === 'VERB')) return [];
  let i = p - 1;
  const start = tokens[p].sentence;
  for (; i >= 0 && tokens[i].sentence === start; i--) {
    const tk = tokens[i];
    if (tk.upos === 'SCONJ' || /^[,;:]$/.test(tk.text) || /^W(?:P|DT)$/.test(tk.xpos)) break;
    if (tk.upos === 'AUX' || tk.upos === 'VERB') return [];
  }
  const from = tokens[i + 1]?.start ?? tokens[p].start;
  const he = tokens.slice(i + 1, p).find((tk) => PERSONAL.test(tk.text));
  const who = he ? pronounAntecedent(s, he.start) : null;
  if (who) return [who];
  return s.entities.filter((e) => e.type === 'PER' && e.span.start >= from && e.span.end <= tokens[p].start);
}

/**
 * "he was driving at about 1 a.m. when the police stopped him": a clause of "when" says its act
 * happened at the time of the clause it hangs on, so a time of either dates the other's act too.
 * Returns that other act (its lemma, and the people it is done to, "him" as the person it stands
 * for), or null when the time's verb has no such clause or the other act is done to no one named.
 */
export function simultaneousAct(s: Sent, t: ResolvedTime): { lemma: string; patients: Set<string> } | null {
  const tokens = parseOf(s.art);
  const p = tokens ? timePredicate(tokens, t.span) : null;
  if (!tokens || p === null) return null;
  const kids = kidsOf(tokens);
  const when = (v: number) => rel(tokens[v]) === 'advcl' && kids[v].some((c) => (rel(tokens[c]) === 'mark' || rel(tokens[c]) === 'advmod') && /^when$/i.test(tokens[c].text));
  const v = kids[p].find((c) => when(c) && tokens[c].upos === 'VERB') ?? (when(p) && tokens[p].head >= 0 ? tokens[p].head : undefined);
  if (v === undefined || tokens[v].upos !== 'VERB') return null;
  const patients = new Set<string>();
  for (const c of kids[v]) {
    if (tokens[c].deprel !== 'obj' && tokens[c].deprel !== 'nsubj:pass') continue;
    const who = PERSONAL.test(tokens[c].text) ? pronounAntecedent(s, tokens[c].start) : null;
    for (const e of who ? [who] : entitiesAt(s, tokens, subtree(tokens, kids, c))) if (e.type === 'PER') patients.add(participantKey(e));
  }
  return patients.size ? { lemma: tokens[v].lemma.toLowerCase(), patients } : null;
}

/**
 * "signed Jane Roe on Tuesday to serve as a backup": a time written before the "to" of an
 * infinitive cannot modify it (an infinitive's dependents follow its marker), whatever the parser
 * attached it to; it dates the verb the infinitive hangs on. Returns `p` otherwise.
 */
function infinitiveHost(tokens: readonly SyntaxToken[], kids: number[][], p: number | null, timeEnd: number): number | null {
  if (p === null) return null;
  const to = kids[p].find((c) => rel(tokens[c]) === 'mark' && /^to$/i.test(tokens[c].text));
  return to !== undefined && tokens[to].start >= timeEnd && tokens[p].head >= 0 ? tokens[p].head : p;
}

/**
 * "launched a new fashion line called Mantra in December": a participle of naming ("called",
 * "named", "dubbed") on a noun says what the noun is called, not an act of that day; a time the
 * parser hangs on it (it ends the noun phrase) dates the verb the noun is an argument of, as a
 * time after an object does ("launched a line in December"). Returns `p` otherwise.
 */
function namedThingHost(tokens: readonly SyntaxToken[], p: number | null): number | null {
  if (p === null || tokens[p].deprel !== 'acl' || tokens[p].xpos !== 'VBN' || !NAMING.test(tokens[p].lemma.toLowerCase())) return p;
  const noun = tokens[p].head;
  const verb = noun >= 0 ? tokens[noun].head : -1;
  return verb >= 0 && tokens[noun].upos === 'NOUN' && ARGUMENT.has(rel(tokens[noun])) && tokens[verb].upos === 'VERB' ? verb : p;
}
/** Verbs of naming (FrameNet Name_conferral: call, name, dub, christen, nickname, title, term). */
const NAMING = /^(?:call|name|dub|christen|nickname|title|entitle|term)$/;
const ARGUMENT = new Set(['obj', 'nsubj', 'nsubj:pass']);

/**
 * Verbs whose subject is the event itself ("the quake struck", "a fire erupted", "the blast
 * occurred"), by act class or lemma; with other verbs a subject noun is an actor ("police
 * arrested"), and two arrests by police are not one act.
 */
const HAPPENING = /^(?:Impact|Cause_to_move_in_place|happen|occur|erupt)$/;

/** Nouns of one seismic event: outlets call the main shock a quake, an earthquake, a temblor. */
/**
 * The subject of the verb at `p` when it is a common noun with no name in it ("the quake", "a
 * fire"), as a participant key "N:<lemma>"; null otherwise. Pronouns, numbers and names are not
 * events.
 */
function eventNoun(tokens: readonly SyntaxToken[], kids: number[][], p: number): string | null {
  const subj = kids[p].find((c) => rel(tokens[c]) === 'nsubj');
  if (subj === undefined || tokens[subj].upos !== 'NOUN') return null;
  if (kids[subj].some((c) => tokens[c].upos === 'PROPN' || tokens[c].upos === 'NUM')) return null;
  const lemma = tokens[subj].lemma.toLowerCase();
  // an act noun as its verb ("the shootings happened" and "Thursday's shooting": shoot)
  return `N:${actOfNoun(lemma) ?? verbOfActNoun(lemma) ?? lemma}`;
}

/**
 * "Thursday's shooting", "the attack on Monday", "the shooting Thursday night": a time that
 * modifies a noun naming an act dates that act. The noun names an act when the act class lexicon
 * lists it as a verb ("attack", "arrest") or its -ing form's verb ("shooting" → shoot); it is
 * returned as that verb, so "the shooting on Thursday" and "shot … on Friday" are one act, with the
 * noun's token. Null when the time hangs on no such noun.
 */
function eventNounDated(tokens: readonly SyntaxToken[], t: ResolvedTime): { verb: string; at: number } | null {
  const h = phraseHead(tokens, t.span);
  if (h === null) return null;
  const n = tokens[h].head;
  // ("Thursday's shooting" with the gerund read as a verb: a possessive time modifies a noun)
  if (n < 0 || !(tokens[n].upos === 'NOUN' || (tokens[h].deprel === 'nmod:poss' && /ing$/i.test(tokens[n].text)))) return null;
  if (!['nmod', 'nmod:poss', 'nmod:tmod', 'nmod:unmarked', 'compound'].includes(tokens[h].deprel)) return null;
  const verb = actOfNoun(tokens[n].lemma.toLowerCase());
  return verb ? { verb, at: n } : null;
}

/**
 * The act a dated noun names ("the shooting on Thursday"): an event of the story's kind, keyed by
 * its noun (`N:<verb>`, byNoun), unless the noun names who did it or underwent it: "Roe's arrest on
 * Tuesday", "the June 24 murder of Ortiz", "his death on Friday" are acts of a named person, dated as
 * "police arrested Roe on Monday" and "Ortiz was killed on Friday" are, anywhere in the article. A
 * possessor and an "of" both named are the agent and the patient ("Roe's killing of Doe"); one alone
 * may be either (the death of Roe: Roe died; the arrest of Roe: Roe was arrested), so it is keyed in
 * both roles (`anyRole`).
 */
function nounAct(s: Sent, t: ResolvedTime, tokens: readonly SyntaxToken[], kids: number[][], dated: { verb: string; at: number }): ParsedAct {
  const { verb, at } = dated;
  const named = (rels: string[], cases: RegExp | null) => {
    const out: EntityRef[] = [];
    for (const c of kids[at]) {
      if (!rels.includes(tokens[c].deprel) || (cases && !kids[c].some((k) => rel(tokens[k]) === 'case' && cases.test(tokens[k].text)))) continue;
      // ("his death": the person the pronoun stands for; the name itself, not a name inside the phrase: "the death of Roe's father" is not Roe's)
      const who = /^(?:his|her)$/i.test(tokens[c].text) ? pronounAntecedent(s, tokens[c].start) : (partyAt(s, tokens, c) ?? surnameAt(s, tokens, tokens[c].start));
      if (who && !(who.span.start >= t.span.start && who.span.end <= t.span.end)) out.push(who);
    }
    return new Set(out.map(participantKey));
  };
  const owner = named(['nmod:poss'], null);
  const of = named(['nmod'], /^of$/i);
  if (!owner.size && !of.size) return { sent: s, t, lemma: verb, agents: new Set([`N:${verb}`]), patients: new Set(), fact: true, speech: false, byNoun: true };
  const one = owner.size ? owner : of;
  return owner.size && of.size
    ? { sent: s, t, lemma: verb, agents: owner, patients: of, fact: true, speech: false, ofNoun: true }
    : { sent: s, t, lemma: verb, agents: one, patients: new Set(one), fact: true, speech: false, ofNoun: true, anyRole: true };
}

/** The verb of a noun that names an act the act class lexicon lists ("shooting" → shoot, "attack", "death" → die), or null. */
function actOfNoun(lemma: string): string | null {
  const verb = verbOfActNoun(lemma) ?? (/ings?$/.test(lemma) ? lemma.replace(/ings?$/, '') : lemma);
  for (const v of [verb, `${verb}e`, verb.replace(/(.)\1$/, '$1')]) if (actClass(v) !== v) return v;
  // (else the verb WordNet derives from the noun's first sense, data/lexicons/event-nouns.tsv, when the noun is written from
  // it, "departure" → depart, "election" → elect: a synonym of another stem, "job" → engage, "use" → employ, is another act)
  for (const v of verbsOfEventNoun(lemma)) if (actClass(v) !== v && sameStem(lemma, v)) return v;
  return null;
}

/** A noun written from a verb: they share their first STEM letters (at least the verb's length less one, for short verbs). */
function sameStem(noun: string, verb: string): boolean {
  const n = Math.min(STEM, verb.length - 1);
  return n >= 3 && noun.slice(0, n) === verb.slice(0, n);
}
const STEM = 5;

/**
 * A participant's key: a person by surname (outlets vary the rest: "RB DeShawn Wynn", "DeShawn
 * Wynn", "Wynn"), an organisation by its linked name.
 */
export function participantKey(e: EntityRef): string {
  if (e.type !== 'PER') return e.key;
  // ("W. Mark Felt Sr.", "Felt": a generational suffix follows the surname)
  const words = e.key.split(' ');
  while (words.length > 1 && GENERATION.test(words[words.length - 1])) words.pop();
  return `PER:${words.pop()}`;
}
const GENERATION = /^(?:jr|sr|ii|iii|iv)\.?,?$/i;

/**
 * A person by surname and the sounds of the given names ("Jane Roe" → "roe|jn", "W. Mark Felt" →
 * "felt|w mrk"; person-keys.ts nameSound: "Caitlin" and "Kaitlyn" sound alike), so that two people of one
 * family ("Jane Roe", her son "Tom Roe"), one participant key (participantKey), stay two (samePerson).
 * A surname written alone is the one person of that surname the article names in full; null when
 * it names none or several, or for an organisation.
 */
export function givenNameKey(art: ArticleView, e: EntityRef): string | null {
  if (e.type !== 'PER') return null;
  const words = e.key.split(' ');
  while (words.length > 1 && GENERATION.test(words[words.length - 1])) words.pop();
  if (words.length > 1) return fullNameKey(words);
  const full = fullNamesOf(art).get(words[0]);
  return full?.size === 1 ? [...full][0] : null;
}
const fullNameKey = (words: string[]) => `${words[words.length - 1]}|${words.slice(0, -1).map((w) => nameSound(w.replace(/[^\p{L}]/gu, '') || w)).join(' ')}`;

/**
 * Whether two givenNameKey keys can be one person: one surname, and a given name of one sounds like
 * a given name of the other or begins it ("Fred" and "Frederick", "W." and "William"; a middle name
 * or an initial written by one outlet only: "W. Mark Felt" and "Mark Felt").
 */
export function samePerson(a: string, b: string): boolean {
  const [sa, ga] = a.split('|');
  const [sb, gb] = b.split('|');
  if (sa !== sb) return false;
  const other = gb.split(' ');
  return ga.split(' ').some((x) => other.some((y) => x.startsWith(y) || y.startsWith(x)));
}

/** Per article, the people it names in full under each surname (givenNameKey's keys), read once. */
const FULL_NAMES = new WeakMap<ArticleView, Map<string, Set<string>>>();
function fullNamesOf(art: ArticleView): Map<string, Set<string>> {
  let out = FULL_NAMES.get(art);
  if (out) return out;
  out = new Map();
  for (const x of art.sentences.flatMap((y) => y.entities)) {
    const words = x.type === 'PER' ? x.key.split(' ') : [];
    while (words.length > 1 && GENERATION.test(words[words.length - 1])) words.pop();
    if (words.length < 2) continue;
    const surname = words[words.length - 1];
    (out.get(surname) ?? out.set(surname, new Set()).get(surname)!).add(fullNameKey(words));
  }
  FULL_NAMES.set(art, out);
  return out;
}

/** Slot keys of an act: one per participant of its deciding role, under the act's class (act-classes.ts). */
export function actSlots(a: DatedAct): string[] {
  // an event named by its noun is one event whatever verb tells it happened ("the shooting took
  // place on Thursday", "the shootings happened Thursday", "Thursday's shooting")
  if (a.byNoun) return [...a.agents].sort().map((k) => `event|${k}`);
  const roles: [string, ReadonlySet<string>][] = a.anyRole ? [['agent', a.agents], ['patient', a.patients]] : [a.patients.size ? ['patient', a.patients] : ['agent', a.agents]];
  // by the act's class: "signed Jane Roe on Tuesday" and "hired Jane Roe on Monday" date one act
  // (and by WordNet synonyms the frames do not list: "disappeared in 1957" / "vanished in 1958")
  // (an act told as done again, or as the first of several, is compared only with acts told so: "met again on Monday" is not "met on Wednesday")
  const told = a.repeat ? `|${a.repeat}` : '';
  return roles.flatMap(([role, keys]) => [...keys].sort().map((k) => `${datedActClass(a.lemma)}|${role}|${k}${told}`));
}

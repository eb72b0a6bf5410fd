/**
 * Frame participants: two sentences whose statements give their subject slot to two different named
 * participants ("Lyon and Porto have expressed interest in Roe" / "Ajax also have expressed interest"; "Doe said he
 * would be ready Sunday against the Comets" / "He is expected to start Sunday against the Comets", where "he" is the
 * player the sentence before names) tell one kind of act of two
 * players, teams, bidders or contests, however many words (the act, the opponent, the day) they share: round-ups of
 * sports, markets and campaigns tell many such acts in one vocabulary. Read from the parse and the named entities:
 * the subject of the statement (the main clause, or the clause a verb of saying reports), a personal pronoun read
 * as the named speaker of the verb of saying that reports its clause or else the one named subject of the sentence
 * before (not the person named last: see subjectName), a relative pronoun as the name it follows.
 * No list of names or words: sameness is the linker's key, a name's own words or the sound of a name's words.
 */
import type { SyntaxToken } from '../model/types.js';
import { universalRelation } from '../analyse/syntax/helpers.js';
import type { EntityRef, Sent } from './prepare.js';
import { antecedent, surnameAt } from './dated-acts.js';
import { sameName } from './figure-holders.js';
import { nameSound } from './person-keys.js';
import { attributing } from './clause-readings.js';
import { kidsOf, parseOf, spanTokens } from './syntax.js';
import { key } from './text.js';

/** Per sentence, the named subjects of its statement (read once: a sentence meets many others). */
const SUBJECTS = new WeakMap<Sent, EntityRef[]>();

const PERSONAL = /^(?:he|she)$/i;
const RELATIVE = /^(?:who|which|that)$/i;
/** Relations by which a verb of saying hangs the clause it reports. */
const REPORTED = new Set(['ccomp', 'parataxis']);
/** Relations by which a main clause stands beside another ("Roe went on the injured list and the team lost Poe"). */
const CLAUSE_BESIDE = new Set(['conj', 'parataxis']);
/** A coordination longer than this is read as no list of subjects (a hostile sentence stays linear). */
const MAX_CONJUNCTS = 8;

/**
 * The named participants the sentence's statement has as subject: the subject of its main clause and of the verbs
 * coordinated with it; when the main verb only attributes ("Doe said he would be ready"), the subject of the clause
 * it reports. Empty without a parse, or when a main clause's subject is no name (a common noun, "it", "they").
 */
export function statementSubjects(s: Sent): EntityRef[] {
  return subjectsAt(s, 0);
}

/**
 * The heads of a sentence's main clauses: its root and the verbs beside it; when the root only attributes, the clause
 * it reports ("Doe said he would be ready", "the injury is a fracture, Doe said"; "is expected to start" reports none:
 * its subject is who will start), and none when it reports no clause the parse shows.
 */
function mainClauses(tokens: readonly SyntaxToken[], kids: number[][], lo: number, hi: number): number[] {
  let root = -1;
  for (let q = lo; q < hi && root < 0; q++) if (universalRelation(tokens[q].deprel) === 'root') root = q;
  if (root < 0) return [];
  const inside = (q: number) => q >= lo && q < hi;
  if (attributing(tokens[root].lemma.toLowerCase())) {
    const reported = kids[root].find((k) => inside(k) && REPORTED.has(universalRelation(tokens[k].deprel)));
    if (reported !== undefined) root = reported;
    else if (!kids[root].some((k) => inside(k) && universalRelation(tokens[k].deprel) === 'xcomp')) return [];
  }
  return [root, ...kids[root].filter((k) => inside(k) && CLAUSE_BESIDE.has(tokens[k].deprel) && (tokens[k].upos === 'VERB' || tokens[k].upos === 'AUX'))];
}

/**
 * The name a proper noun lies in (of any kind: "Lyon" for its club), or a surname; null for a common noun (a common
 * noun the recogniser took for a name, "the G-man", is no name to tell two apart), and for a name of no kind with an
 * article ("the New Zealand-born Australian": a description of someone the sentence does not name; "Republicans" is one).
 */
function nameAt(s: Sent, tokens: readonly SyntaxToken[], kids: number[][], q: number): EntityRef | null {
  const t = tokens[q];
  // (a post or role with the name beside it, "Democratic nominee Jane Roe", "the spokesman, John Doe,": the name)
  if (!s.entities.some((e) => e.span.start <= t.start && t.end <= e.span.end)) {
    for (const k of kids[q]) if (BESIDE.has(tokens[k].deprel) && tokens[k].upos === 'PROPN') {
      const beside = s.entities.find((e) => e.type !== 'MISC' && e.span.start <= tokens[k].start && tokens[k].end <= e.span.end);
      if (beside) return beside;
    }
  }
  // (a surname that is also a word is often tagged a noun, "Page disappeared": written with its capital inside a name, it is the name)
  if (t.upos !== 'PROPN' && !(t.upos === 'NOUN' && CAPITALISED.test(t.text))) return null;
  const described = kids[q].some((k) => universalRelation(tokens[k].deprel) === 'det');
  const at = (x: SyntaxToken) => s.entities.find((e) => (e.type !== 'MISC' || !described) && e.span.start <= x.start && x.end <= e.span.end);
  const e = at(t);
  if (!e) return t.upos === 'PROPN' ? surnameAt(s, tokens, t.start) : null;
  if (!dateline(s, e)) return e;
  // (a dateline the parse took into the subject, "PARIS - Jane Roe said": the name after it is the subject)
  for (const k of kids[q]) if (tokens[k].deprel === 'flat' && tokens[k].start >= e.span.end) return at(tokens[k]) ?? null;
  return null;
}
const CAPITALISED = /^\p{Lu}\p{Ll}/u;
/** Relations by which a name stands beside the post or role noun it names ("nominee Jane Roe", "the spokesman, John Doe"). */
const BESIDE = new Set(['flat', 'appos']);

/** The name opens its sentence as its dateline: a dash (or an agency in brackets and a dash) follows it. */
const dateline = (s: Sent, e: EntityRef) => e.span.start === s.span.start && DATELINE_END.test(s.art.text.slice(e.span.end, e.span.end + 12));
const DATELINE_END = /^,?\s*(?:\([^)]{1,8}\)\s*)?[-—–]/;

/** (read at depth 0 once per sentence; a read for a later sentence's pronoun, its chain cut shorter, is not kept: the same whatever the order) */
function subjectsAt(s: Sent, depth: number): EntityRef[] {
  let out = depth ? undefined : SUBJECTS.get(s);
  if (out) return out;
  out = [];
  if (!depth) SUBJECTS.set(s, out);
  const tokens = parseOf(s.art);
  // (a sentence that names no one may still have a named subject: "He is expected to start", by the sentence before)
  if (!tokens) return out;
  const [lo, hi] = spanTokens(tokens, s.span);
  const kids = kidsOf(tokens);
  const inside = (q: number) => q >= lo && q < hi;
  // (each main clause with a subject of its own: one whose subject is no name, "the team lost", may be the one another
  // sentence restates, so the sentence then has no named subject to tell it apart)
  const heads = mainClauses(tokens, kids, lo, hi);
  for (const h of heads) {
    const subject = kids[h].find((c) => inside(c) && universalRelation(tokens[c].deprel) === 'nsubj');
    if (subject === undefined) {
      if (h === heads[0]) return out;
      continue;
    }
    const conjuncts = [subject, ...kids[subject].filter((k) => inside(k) && tokens[k].deprel === 'conj').slice(0, MAX_CONJUNCTS)];
    const named = conjuncts.map((q) => subjectName(s, tokens, kids, q, depth));
    if (named.some((e) => !e)) {
      out.length = 0;
      return out;
    }
    for (const e of named) if (e && !out.some((o) => o.key === e.key)) out.push(e);
  }
  return out;
}

/**
 * The name a subject token stands for: the name it lies in (of any kind: "Washington" for its team), a surname, a
 * relative pronoun's antecedent; a personal pronoun outside a quotation is the speaker of the verb of saying that
 * reports its clause ("Doe said he would be ready"), else the one named subject of the sentence before, when that is
 * a person ("Roe was reinstated. He is expected to start"): a subject pronoun goes on with the subject, not
 * with the person named last ("Roe's lawyer met the judge. She said ...").
 */
function subjectName(s: Sent, tokens: readonly SyntaxToken[], kids: number[][], q: number, depth: number): EntityRef | null {
  const t = tokens[q];
  if (RELATIVE.test(t.text)) return antecedent(s, t.start);
  // (a name is a proper noun: a common noun the recogniser took for one, "the G-man", is no name to tell two apart)
  if (!PERSONAL.test(t.text)) return nameAt(s, tokens, kids, q);
  if (quoted(s, t.start)) return null;
  const speaker = reportingSpeaker(s, tokens, kids, q);
  if (speaker !== undefined) return speaker;
  const before = depth < PRONOUN_REACH ? s.art.sentences[s.index - 1] : undefined;
  if (!before || before.index !== s.index - 1) return null;
  const subjects = subjectsAt(before, depth + 1);
  return subjects.length === 1 && subjects[0].type === 'PER' ? subjects[0] : null;
}
/** How many sentences back a pronoun's subject chain is followed. */
const PRONOUN_REACH = 2;

/** The pronoun lies inside a quotation of its sentence (an odd number of quotation marks before it): another speaker's "he". */
function quoted(s: Sent, at: number): boolean {
  const before = s.art.text.slice(s.span.start, at);
  return (before.match(QUOTE_MARKS) ?? []).length % 2 === 1 || /^\s*["“‘']/.test(before);
}
const QUOTE_MARKS = /["“”]/g;

/**
 * The speaker a reported clause's pronoun stands for: the clause is the complement of a verb of saying whose subject
 * is a name ("Doe said he would be ready"); undefined when the clause is not so reported, null when the speaker is
 * no name ("a spokesman said he ...").
 */
function reportingSpeaker(s: Sent, tokens: readonly SyntaxToken[], kids: number[][], q: number): EntityRef | null | undefined {
  const clause = tokens[q].head;
  if (clause < 0 || universalRelation(tokens[clause].deprel) !== 'ccomp') return undefined;
  const say = tokens[clause].head;
  if (say < 0 || !attributing(tokens[say].lemma.toLowerCase())) return undefined;
  const subject = kids[say].find((k) => universalRelation(tokens[k].deprel) === 'nsubj');
  if (subject === undefined) return null;
  const t = tokens[subject];
  const e = s.entities.find((n) => n.span.start <= t.start && t.end <= n.span.end) ?? surnameAt(s, tokens, t.start);
  return e && e.type === 'PER' ? e : null;
}

/** The sentence names this participant: by the linker's key, or by every word of its name among its keys. */
function names(s: Sent, e: EntityRef): boolean {
  return namedIn(s, e.key, e.name.split(/\s+/).map(key).filter(Boolean));
}

/**
 * The sentence names a thing whose linker key is `link` and whose name has the (keyed) `words`: an entity of the
 * sentence with that key, or every word among the sentence's keys ("Liberals" / "Liberal"). Also parallel-events.ts's
 * test for a role's filler.
 */
export function namedIn(s: Sent, link: string, words: readonly string[]): boolean {
  if (s.entities.some((o) => sameName(o.key, link))) return true;
  return words.length > 0 && words.every((w) => s.keys.has(w));
}

/** A word of one name sounds like a word of the other ("Rait" / "Raite"): maybe one participant spelled two ways. */
function soundAlike(a: EntityRef[], b: EntityRef[]): boolean {
  const sounds = new Set<string>();
  for (const e of a) for (const w of e.key.split(' ')) if (/^\p{L}\p{L}/u.test(w)) sounds.add(nameSound(w));
  for (const e of b) for (const w of e.key.split(' ')) if (/^\p{L}\p{L}/u.test(w) && sounds.has(nameSound(w))) return true;
  return false;
}

/**
 * Two sentences' statements have two different named subjects: both name one, no subject of the one is a subject of
 * the other or named anywhere in it (a paraphrase that turns the sentence round, "the Colts beat the Jaguars" /
 * "Jacksonville lost to the Colts", names both), and no name of the one sounds like a name of the other.
 */
export function otherSubjects(a: Sent, b: Sent): boolean {
  const sa = statementSubjects(a);
  return sa.length > 0 && twoParticipants(sa, statementSubjects(b), a, b);
}

/** Participants `sa` of `a` and `sb` of `b` of one slot are two: both named, none shared, none named in the other sentence, none sounding alike. */
function twoParticipants(sa: EntityRef[], sb: EntityRef[], a: Sent, b: Sent): boolean {
  if (!sa.length || !sb.length) return false;
  for (const x of sa) for (const y of sb) if (sameName(x.key, y.key)) return false;
  if (sa.some((x) => names(b, x)) || sb.some((y) => names(a, y))) return false;
  return !soundAlike(sa, sb);
}

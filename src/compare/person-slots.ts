/**
 * A named person's figures: their age ("Jane Roe, 33,"; a group's ages by rank; someone named only
 * by a role, "a 60-year-old woman", joined to the named person later), how far they went ("Robert
 * Roe fell about 600 metres") or how far a place is ("1,500 kilometers south of Tehran"), and their
 * weight. A person's figure is the same whatever day the sentence is about (`Slot.personal`), so the
 * background rules do not drop it; relatives ("her 12-year-old daughter") are someone else.
 */
import type { Quantity, SyntaxToken } from '../model/types.js';
import { wordTable } from '../text/word-table.js';
import { tokenAt } from '../text/tokenize.js';
import { canonicalName, type EntityRef, type Sent } from './prepare.js';
import { antecedent, nameHead } from './dated-acts.js';
import { describedNoun, kidsOf, lemmaAt, parseOf, participantVerbs, relOf, verbSubject } from './syntax.js';
import { listedAge } from './listed-ages.js';
import { personKey } from './person-keys.js';
import { convertedFigure, possessedFigure } from './count-slots.js';
import type { Slot } from './slots.js';

export const DISTANCE: Readonly<Record<string, number>> = wordTable({ km: 1, mi: 1.609344, nmi: 1.852, m: 0.001, ft: 0.0003048 });
export const WEIGHT: Readonly<Record<string, number>> = wordTable({ kg: 1, lb: 0.45359237 });

/** An age: of the person named next to it, of a group whose ages are listed (by rank), or of someone named only by a role. */
export function ageSlot(s: Sent, q: Quantity): Slot | null {
  const text = s.art.text;
  // "Roe, then 15,", "the then-15-year-old": an age at an earlier time, not the person's age now
  if (/\bthen[\s-]*$/i.test(text.slice(Math.max(s.span.start, q.span.start - 8), q.span.start))) return null;
  const who = personNextTo(s, q);
  if (!who) {
    // "the women killed, who were 61 and 48 years old": a group's ages, compared by rank (listed-ages.ts)
    const listed = listedAge(s, q);
    return listed ? { ...listed, unit: 'years', factor: 1 } : roleAge(s, q);
  }
  const verbs = [...participantVerbs(s, who.span.start, who.span.end)];
  return { key: `age|${personKey(who.key)}`, label: `age of ${who.name}`, unit: 'years', factor: 1, personal: true, person: who.key, verbs };
}

/** A distance: from the place named after it, how far a named person went, or how far someone named by a role went. */
export function distanceSlot(s: Sent, q: Quantity): Slot | null {
  // "about 600 metres (2,000 feet)": a conversion in parentheses repeats the figure before it (which is compared)
  if (convertedFigure(s, q, (p) => p.unit in DISTANCE)) return null;
  const from = placeAfter(s, q);
  if (from) return { key: `distance|${from.key}`, label: `distance from ${from.name}`, unit: 'km', factor: DISTANCE[q.unit] };
  // "Robert Roe fell about 600 metres": how far a named person went, by the verb before the figure
  const moved = verbAndSubjectBefore(s, q);
  // (by the person alone: parses lemmatise "fell" as "fell" or "fall", and a story tells one distance of a person's)
  if (moved) return { key: `distance|person|${moved.key}`, label: `how far ${moved.name} ${moved.word}`, unit: 'km', factor: DISTANCE[q.unit], personal: true, person: canonicalName(moved.name) };
  // "the man fell around 2000ft": someone named by a role, compared once the story joins them to a named person (joinRoles)
  const role = roleBefore(s, q);
  return role ? { key: `distance|role|${s.id}|${q.span.start}`, label: `how far the ${role.noun} ${role.word}`, unit: 'km', factor: DISTANCE[q.unit], personal: true, role: true, verbs: [], roleAt: role.at } : null;
}

/** A weight: of the one person the sentence describes. */
export function weightSlot(s: Sent, q: Quantity): Slot | null {
  // a person's weight, as a description gives it ("Roe is 5-foot-8, 135 pounds"; "He is 5-feet-8 inches tall, weighing 130 pounds")
  const who = describedPerson(s);
  return who ? { key: `weight|${personKey(who)}`, label: `weight of ${who}`, unit: 'kg', factor: WEIGHT[q.unit], personal: true, person: who } : null;
}

const SUBJECT_PRONOUN = /^(?:he|she)$/i;
/**
 * The one person a sentence describes: the one person it names, or, when it names nobody and
 * its first word is "He" or "She", the one person the sentence before names (the usual antecedent
 * of a sentence-initial pronoun in news). Canonical name, or null.
 */
function describedPerson(s: Sent): string | null {
  const named = (x: Sent | undefined) => [...new Set((x?.entities ?? []).filter((e) => e.type === 'PER').map((e) => canonicalName(x!.art.text.slice(e.span.start, e.span.end))))];
  const here = named(s);
  if (here.length) return here.length === 1 ? here[0] : null;
  if (!SUBJECT_PRONOUN.test(s.tokens[0]?.text ?? '')) return null;
  const before = named(s.art.sentences[s.index - 1]);
  return before.length === 1 ? before[0] : null;
}

/** The person an age belongs to: named right before ("Jane Roe, 33,") or within a few words after ("the 33-year-old actress Jane Roe"). */
function personNextTo(s: Sent, q: Quantity): { key: string; name: string; span: { start: number; end: number } } | null {
  const text = s.art.text;
  const people = s.entities.filter((e) => e.type === 'PER');
  // "Jane Roe, 33," — an appositive right after the name; "Jane Roe, the 59-year-old chief executive" — the
  // appositive noun phrase her age opens; "Jane Roe, who is 34," — a relative clause on the name
  const before = people.find((e) => e.span.end <= q.span.start && /^,\s+(?:the\s+|an?\s+|who\s+(?:is|was)\s+)?$/i.test(text.slice(e.span.end, q.span.start)));
  // "33-year-old Jane Roe", "the 33-year-old actress Jane Roe" — at most one common noun between
  const after = people.find((e) => e.span.start >= q.span.end && /^\s+(?:[\p{L}-]+\s+)?$/u.test(text.slice(q.span.end, e.span.start)));
  const e = before ?? after ?? namedInApposition(s, q, people);
  // the name as written here, not as cross-article linking widened it (two people may share a surname)
  const named = e ? text.slice(e.span.start, e.span.end) : '';
  return e ? { key: canonicalName(named), name: named, span: e.span } : null;
}

/**
 * "The 45-year-old driver, Jane Roe, was arrested": the age's noun (one or two words right after it)
 * with the person's name in apposition to it, by the parse (the name's head hangs on the noun as
 * `appos`, or the noun on the name), not by the comma alone ("He was a 45-year-old teacher, Jane Roe
 * said" names a speaker). A name that gives its own age next ("a 45-year-old man, Jane Roe, 30,")
 * is another person's. Null without a parse.
 */
function namedInApposition(s: Sent, q: Quantity, people: readonly EntityRef[]): EntityRef | undefined {
  const text = s.art.text;
  const tokens = parseOf(s.art);
  if (!tokens) return undefined;
  const e = people.find((x) => x.span.start >= q.span.end && /^\s+(?:[\p{L}-]+\s+)?[\p{L}-]+,\s+$/u.test(text.slice(q.span.end, x.span.start)));
  if (!e || s.quantities.some((o) => o.unit === 'age' && o !== q && /^,\s*$/.test(text.slice(e.span.end, o.span.start)))) return undefined;
  // the word before the comma: the token that ends there
  const nounEnd = text.slice(0, e.span.start).replace(/,\s+$/, '').length;
  const noun = tokenAt(tokens, nounEnd) - 1;
  const head = nameHead(tokens, e);
  if (noun < 0 || head < 0 || tokens[noun].end !== nounEnd || tokens[noun].upos !== 'NOUN') return undefined;
  const inName = (i: number) => i >= 0 && tokens[i].start >= e.span.start && tokens[i].end <= e.span.end;
  const hangs = (relOf(tokens[head]) === 'appos' && tokens[head].head === noun) || (relOf(tokens[noun]) === 'appos' && inName(tokens[noun].head));
  return hangs ? e : undefined;
}

/** Relatives and partners: "her 12-year-old daughter" is someone else than the person the story names. */
const KIN = new Set('daughter son child kid mother father mom dad wife husband sister brother girlfriend boyfriend grandson granddaughter grandmother grandfather niece nephew cousin stepdaughter stepson partner fiance fiancee'.split(' '));

/**
 * "A 60-year-old woman charged with killing …": an age of someone the sentence names only by a
 * role noun, with the acts the parse makes them take part in. It is compared only once the story
 * resolves it to the one named person who takes part in one of those acts (resolveOneNameSlots);
 * a sentence that names a person, a relative ("her 12-year-old daughter") or an act-less role gives none.
 */
function roleAge(s: Sent, q: Quantity): Slot | null {
  if (s.entities.some((e) => e.type === 'PER')) return null;
  const d = describedNoun(s, q);
  if (!d) return null;
  const noun = d.tokens[d.noun];
  if (KIN.has(noun.lemma.toLowerCase()) || possessedFigure(s, q)) return null;
  const verbs = [...participantVerbs(s, noun.start, noun.end)];
  if (!verbs.length) return null;
  return { key: `age|role|${s.id}|${q.span.start}`, label: `age of the ${noun.text.toLowerCase()}`, unit: 'years', factor: 1, personal: true, verbs, role: true };
}

/** Qualifiers between a verb and its figure ("fell about 600 metres", "fell at least 60 metres"). */
const QUALIFIER_WORD = /^(?:about|around|some|nearly|almost|approximately|roughly|over|more|than|just|at|least|an|estimated)$/i;
/** The place of the word right before a figure, past its qualifiers (negative when there is none). */
function wordBeforeFigure(s: Sent, q: Quantity): number {
  const toks = s.tokens;
  let i = toks.findIndex((t) => t.start >= q.span.start) - 1;
  while (i >= 0 && QUALIFIER_WORD.test(toks[i].text)) i--;
  return i;
}

const STATIVE = /^(?:is|was|are|were|be|been|being|stands?|stood|measures?|measured|weighs?|weighed|weighing)$/i;

/**
 * The verb right before a figure (past adverbs and qualifiers) and the person named before it in
 * the clause: "Robert Roe, 32, fell about 2,000 feet" → fell, Robert Roe. The verb is compared by
 * its lemma when the article has a parse, else by its stem.
 */
function verbAndSubjectBefore(s: Sent, q: Quantity): { verb: string; word: string; key: string; name: string } | null {
  const toks = s.tokens;
  const i = wordBeforeFigure(s, q);
  if (i < 0 || !/^\p{Ll}+$/u.test(toks[i].text) || s.entities.some((e) => e.span.start <= toks[i].start && toks[i].end <= e.span.end)) return null;
  const verbTok = toks[i];
  // "Roe is 5-foot-8", "stands 6 feet": a height, not how far the person went
  if (STATIVE.test(verbTok.text)) return null;
  const text = s.art.text;
  // the person is the verb's subject: nothing but an age, an adverb or an auxiliary between ("Robert Roe, 32, has fallen")
  const between = /^(?:\s*,\s*\d{1,3}\s*,)?\s*(?:(?:\p{Ll}+ly|has|had|have|was|were|is)\s+)*$/u;
  const people = s.entities.filter((e) => e.type === 'PER');
  // or, by the parse, the subject of the verb or of the verb it continues ("Jane Roe died after slipping and falling 60 metres")
  const subject = verbSubject(s, verbTok.start);
  const who =
    people.filter((e) => e.span.end <= verbTok.start && between.test(text.slice(e.span.end, verbTok.start))).pop() ??
    subject.map((at) => people.find((e) => e.span.start <= at && at < e.span.end) ?? pronounFor(s, at)).find(Boolean);
  if (!who) return null;
  const named = text.slice(who.span.start, who.span.end);
  return { verb: lemmaAt(s.art, verbTok.start) ?? verbTok.key, word: verbTok.text, key: personKey(canonicalName(named)), name: named };
}

/**
 * The person a relative "who" at `at` stands for: the person named right before it ("Jane Roe, who
 * lived half a mile away"; dated-acts.ts). Not "he" or "she": the person named last before them
 * is often another (a friend quoted in between), and nothing here knows a name's gender.
 */
function pronounFor(s: Sent, at: number): EntityRef | undefined {
  const word = s.tokens.find((t) => t.start === at)?.text ?? '';
  const who = /^who$/i.test(word) ? antecedent(s, at) : null;
  return who?.type === 'PER' ? who : undefined;
}

/**
 * "The man fell about 600m", "the man aged in his early 30s fell about 600m": the verb before a
 * figure (as verbAndSubjectBefore reads it) whose subject, by the parse, is a common noun, not a
 * relative ("her son"); null when there is no such subject.
 * Its slot is compared only once joined to a named person's (figure-joins.ts joinRolesByArticle).
 */
function roleBefore(s: Sent, q: Quantity): { noun: string; word: string; at: number } | null {
  const toks = s.tokens;
  const i = wordBeforeFigure(s, q);
  if (i < 0 || !/^\p{Ll}+$/u.test(toks[i].text) || STATIVE.test(toks[i].text)) return null;
  const tokens = parseOf(s.art);
  if (!tokens) return null;
  for (const at of verbSubject(s, toks[i].start)) {
    const t = tokens[tokenAt(tokens, at)];
    if (t?.upos === 'NOUN' && !KIN.has(t.lemma.toLowerCase())) return { noun: t.lemma.toLowerCase(), word: toks[i].text, at: t.start };
    // "The 36-year-old, who lived in Perth, slipped and fell": an age standing for the person
    if (t && AGE_AS_NOUN.test(t.text)) return { noun: 'person', word: toks[i].text, at: t.start };
    // "A 36-year-old man died after he slipped and fell": "he" with no one named before it is the role of the clause above
    if (t && SUBJECT_PRONOUN.test(t.text) && !s.entities.some((e) => e.type === 'PER' && e.span.end <= t.start)) {
      const noun = subjectAbove(tokens, tokenAt(tokens, at));
      if (noun) return { noun: noun.lemma, word: toks[i].text, at: noun.at };
    }
  }
  return null;
}
const AGE_AS_NOUN = /^(?:\d+-)?years?-old$/i;

/** The common-noun subject (not a relative) of the nearest clause above the one whose subject is token `p`, at most four steps up; null when that subject is anything else. */
function subjectAbove(tokens: readonly SyntaxToken[], p: number): { lemma: string; at: number } | null {
  const kids = kidsOf(tokens);
  let v = tokens[p].head;
  for (let step = 0; step < 4 && v >= 0 && tokens[v].head >= 0; step++) {
    v = tokens[v].head;
    const subj = kids[v].find((c) => tokens[c].deprel === 'nsubj' || tokens[c].deprel === 'nsubj:pass');
    if (subj === undefined) continue;
    const t = tokens[subj];
    return t.upos === 'NOUN' && !KIN.has(t.lemma.toLowerCase()) ? { lemma: t.lemma.toLowerCase(), at: t.start } : null;
  }
  return null;
}

/** "1,500 kilometers south of Tehran", "58km south-west of Bandar Abbas": the place measured from. */
function placeAfter(s: Sent, q: Quantity): { key: string; name: string } | null {
  const text = s.art.text;
  const m = /^\s*(?:\([^)]*\)\s*)?(?:(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)(?:ern)?\s+)?(?:of|from)\s+/i.exec(text.slice(q.span.end, s.span.end));
  if (!m) return null;
  // ("30 km south of the city of Belmont": the kind of place before its name)
  const kind = /^the\s+\p{Ll}+\s+of\s+/u.exec(text.slice(q.span.end + m[0].length, s.span.end));
  const at = q.span.end + m[0].length + (kind?.[0].length ?? 0);
  const e = s.entities.find((x) => x.span.start >= at && x.span.start - at <= 4);
  // the place as named here, not as cross-article linking widened it ("Tehran" is not "Tehran University")
  const named = s.art.text.slice(e?.span.start ?? 0, e?.span.end ?? 0);
  return e ? { key: canonicalName(named), name: named } : null;
}

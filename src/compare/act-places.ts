/**
 * Where an act happened, as the parse gives it: the place phrase ("in", "at", "on", "inside") that
 * hangs on the act's verb, directly or through the nouns of its arguments ("was found barricaded
 * in a room on Philip Street", "died of heart failure at his home in Santa Rosa", where the parser
 * hangs the place on the cause). Two independent outlets that tell one act (the same act class,
 * dated-acts.ts `datedActClass`, done to or by the same named person) at two places disagree about
 * a place: "found in a dwelling on Phillips Road" against "found in a room on Philip Street".
 *
 * A place is compared at the finest grain both sides give: two streets (a proper name ending in a
 * street word) conflict when they share no name; else two towns (place entities) conflict unless
 * one name holds the other or either is a region (residence.ts `regionsOf`: countries, world
 * regions, the gazetteer's large cities, what the story writes after "<place>, "). A town and a
 * street never conflict (the street may lie in the town).
 *
 * One happening only: acts of saying, negated, modal and future acts give no place; a sentence
 * about the past or another day (background.ts `backgroundSentences`) gives none; two mentions dated on
 * different days are two acts; and a suspect arrested in another town than the crime is another
 * act (another class) or another patient.
 */
import type { SyntaxToken } from '../model/types.js';
import { cueClassOf } from '../analyse/quotes/cues.js';
import { datedActClass } from './act-classes.js';
import { antecedent, notFact, participantKey, pronounAntecedent, surnameAt } from './dated-acts.js';
import { canonicalName, type EntityRef, type Sent, type StoryView } from './prepare.js';
import { placesAgree, regionsOf } from './residence.js';
import { apart, articleOnTwoSides, crossOutletPairs, gatherSides, peopleOf, sidesByFirst, tellsActOf, slotConflicts, wordedSide } from './sides.js';
import { backgroundSentences, storyEventDay } from './background.js';
import { kidsOf, parseOf, partyAt, relOf, spanTokens } from './syntax.js';
import { clean, cmp } from './text.js';
import type { Conflict, ConflictSide } from './types.js';

interface ActPlace {
  sent: Sent;
  /** `<act class>|<role>|<participant key>`, as dated acts key theirs. */
  slot: string;
  /** The participant as written, for the label. */
  name: string;
  /** The verb as written. */
  verb: string;
  /** Street names (lower case, "st." read as "street"). */
  streets: string[];
  /** Canonical names of the towns and regions the phrase names, streets left out. */
  towns: string[];
  /** The days its sentence's times resolve to (two mentions dated apart tell two acts). */
  days: Set<string>;
  span: { start: number; end: number };
}

/** Prepositions of where something is or happens. */
const LOCATIVE = /^(?:in|at|on|inside)$/i;
/** A proper name ending in a street word: "Philip Street", "2088 Philip Street", "East 223rd St." */
export const STREET_NAME = /(?:\b[\dA-Z][\w'.-]*\s+)+(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Boulevard|Blvd\.?|Lane|Drive|Highway|Parkway|Place|Court|Terrace)\b/g;
/** A street word at the end of a word: every street name holds one (tested before STREET_NAME, whose runs of capitalised words are read from every capital). */
const STREET_END = /(?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Drive|Highway|Parkway|Place|Court|Terrace)\b/;
const STREET_WORD = /\b(?:street|st\.?|road|rd\.?|avenue|ave\.?|boulevard|blvd\.?|lane|drive|highway|parkway|place|court|terrace)$/i;
/** A place phrase reaches its act through at most this many nouns. */
const MAX_DEPTH = 4;
const RELATIVE = /^(?:who|whom|which|that)$/i;
const PERSONAL = /^(?:he|she|him|her)$/i;

/** The places of the story's acts done by or to named people. */
function actPlacesOf(story: StoryView): ActPlace[] {
  const out: ActPlace[] = [];
  const eventDay = storyEventDay(story.articles);
  for (const a of story.articles) {
    const tokens = parseOf(a);
    if (!tokens) continue;
    const background = backgroundSentences(a.sentences, eventDay);
    for (const s of a.sentences) if (!background.has(s.index)) out.push(...sentencePlaces(s, tokens));
  }
  return out;
}

/** The sentence's place phrases by the verb they hang on: the verb's index, the heads of its phrases (null: none). */
function placePhrases(s: Sent, tokens: readonly SyntaxToken[], kids: number[][]): Map<number, number[]> | null {
  const [lo, hi] = spanTokens(tokens, s.span);
  // (most sentences have no noun under a verb with a locative preposition: nothing is made for them)
  let phrases: Map<number, number[]> | null = null;
  for (let i = lo; i < hi; i++) {
    if (!(tokens[i].upos === 'NOUN' || tokens[i].upos === 'PROPN')) continue;
    const v = actAbove(tokens, i);
    if (v < 0 || !locative(tokens, kids, i)) continue;
    phrases ??= new Map();
    const heads = phrases.get(v);
    if (heads) heads.push(i);
    else phrases.set(v, [i]);
  }
  return phrases;
}

/**
 * Where the act of the verb at token `v` happened, by the parse: the streets and towns its place
 * phrases name ("met Doukas in Vienna": vienna); empty when it has none, or none that names a place
 * ("in a duck-hunting accident"). Read by date-conflicts.ts: one act at two places is two happenings.
 */
export function placesOfAct(s: Sent, v: number): Set<string> {
  const tokens = parseOf(s.art);
  if (!tokens) return new Set();
  const kids = kidsOf(tokens);
  const heads = placePhrases(s, tokens, kids)?.get(v);
  const place = heads ? placeOf(s, tokens, kids, heads) : null;
  return new Set(place ? [...place.streets, ...place.towns] : []);
}

/** Per verb of the sentence with a place phrase and a named participant: one mention per participant. */
function sentencePlaces(s: Sent, tokens: readonly SyntaxToken[]): ActPlace[] {
  const kids = kidsOf(tokens);
  const phrases = placePhrases(s, tokens, kids);
  if (!phrases) return [];
  const out: ActPlace[] = [];
  const days = daysOf(s);
  for (const [v, heads] of phrases) {
    const lemma = tokens[v].lemma.toLowerCase().replace(/^re-/, '');
    if (cueClassOf(lemma) !== null || notFact(tokens, kids, v)) continue;
    const place = placeOf(s, tokens, kids, heads);
    if (!place) continue;
    for (const { e, role } of participants(s, tokens, kids, v)) {
      const name = s.art.text.slice(e.span.start, e.span.end);
      out.push({ sent: s, slot: `${actKey(lemma)}|${role}|${participantKey(e)}`, name, verb: tokens[v].text, days, ...place });
    }
  }
  return out;
}

/**
 * The act's key: its class when the lexicons list the verb, else the lemma without a final "e"
 * (the lemmatiser gives "barricaded" as "barricad" in one sentence and "barricade" in the next).
 */
function actKey(lemma: string): string {
  for (const form of [lemma, `${lemma}e`]) {
    const cls = datedActClass(form);
    if (cls !== form) return cls;
  }
  return lemma.replace(/e$/, '');
}

/** The verb a place phrase's noun hangs on through nouns only (at most MAX_DEPTH steps), or -1. */
function actAbove(tokens: readonly SyntaxToken[], i: number): number {
  let x = tokens[i].head;
  for (let d = 0; d < MAX_DEPTH && x >= 0; d++) {
    if (tokens[x].upos === 'VERB') return x;
    if (!(tokens[x].upos === 'NOUN' || tokens[x].upos === 'PROPN' || tokens[x].upos === 'NUM')) return -1;
    x = tokens[x].head;
  }
  return -1;
}

/** The streets and towns the place phrases name: each phrase's noun with its modifiers and the places nested in it. */
function placeOf(s: Sent, tokens: readonly SyntaxToken[], kids: number[][], heads: number[]): Pick<ActPlace, 'streets' | 'towns' | 'span'> | null {
  const time = (i: number) => s.times.some((t) => t.span.start <= tokens[i].start && tokens[i].end <= t.span.end);
  let start = Infinity;
  let end = -1;
  for (const h of heads) {
    // the phrase: the noun and its modifiers, not its clauses
    const stack = [h];
    while (stack.length) {
      const x = stack.pop()!;
      start = Math.min(start, tokens[x].start);
      end = Math.max(end, tokens[x].end);
      for (const c of kids[x]) if (PHRASE.has(relOf(tokens[c])) || (relOf(tokens[c]) === 'conj' && tokens[c].upos === 'PROPN' && !time(c)) || (relOf(tokens[c]) === 'nmod' && locative(tokens, kids, c))) stack.push(c);
    }
  }
  if (end < 0) return null;
  const text = s.art.text.slice(start, end);
  const streets = STREET_END.test(text) ? [...text.matchAll(STREET_NAME)].map((m) => streetKey(m[0])) : [];
  const towns = s.entities
    .filter((e) => e.type === 'LOC' && e.span.start >= start && e.span.end <= end)
    .map((e) => canonicalName(s.art.text.slice(e.span.start, e.span.end)))
    .filter((n) => !STREET_WORD.test(n) && !streets.some((x) => x.includes(n)));
  return streets.length || towns.length ? { streets: [...new Set(streets)], towns: [...new Set(towns)], span: { start, end } } : null;
}

/** The relations of a place noun's own words ("2088 Philip Street", "his home", "the North End"). */
const PHRASE = new Set(['compound', 'flat', 'nummod', 'amod', 'det', 'nmod:poss', 'case', 'punct']);

/** Whether a locative preposition marks the noun at `i` (or its number or first name: "at 2088 Philip Street" hangs "at" on 2088). */
function locative(tokens: readonly SyntaxToken[], kids: number[][], i: number): boolean {
  if (locativeCase(tokens, kids, i)) return true;
  for (const c of kids[i]) {
    const r = relOf(tokens[c]);
    if ((r === 'nummod' || r === 'compound') && c < i && locativeCase(tokens, kids, c)) return true;
  }
  return false;
}

/** Whether a locative preposition hangs on the word at `x` (asked for each noun of a story: no closure per call). */
function locativeCase(tokens: readonly SyntaxToken[], kids: number[][], x: number): boolean {
  for (const k of kids[x]) if (relOf(tokens[k]) === 'case' && LOCATIVE.test(tokens[k].text)) return true;
  return false;
}

/** "2088 Philip St." → "philip street": the name without its house number. */
export function streetKey(written: string): string {
  return written
    .toLowerCase()
    .replace(/^(?:\d[\w-]*\s+)+/, '')
    .replace(/\bst\.?$/, 'street')
    .replace(/\brd\.?$/, 'road')
    .replace(/\bave\.?$/, 'avenue')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The named people and organisations who do or undergo the act at `v`: its subject (agent), its
 * object or passive subject (patient); a relative pronoun stands for the name before it, "he" or
 * "she" for the person named last; a verb controlled by another ("was found barricaded in a
 * room", "found him barricaded") takes the other's patient.
 */
function participants(s: Sent, tokens: readonly SyntaxToken[], kids: number[][], v: number): { e: EntityRef; role: 'agent' | 'patient' }[] {
  const out: { e: EntityRef; role: 'agent' | 'patient' }[] = [];
  const read = (p: number, inherit: boolean) => {
    for (const c of kids[p]) {
      const r = tokens[c].deprel;
      const role = r === 'nsubj' || r === 'obl:agent' ? 'agent' : r === 'obj' || r === 'nsubj:pass' ? 'patient' : null;
      if (!role || (inherit && role === 'agent' && r !== 'nsubj')) continue;
      const e = RELATIVE.test(tokens[c].text) ? antecedent(s, tokens[c].start) : PERSONAL.test(tokens[c].text) ? pronounAntecedent(s, tokens[c].start) : (partyAt(s, tokens, c) ?? surnameAt(s, tokens, tokens[c].start));
      if (e) out.push({ e, role: inherit ? 'patient' : role });
    }
  };
  read(v, false);
  const h = tokens[v].head;
  // the controller's patient (or the subject of its passive) is who the controlled act is done to
  if (!out.length && relOf(tokens[v]) === 'xcomp' && h >= 0 && tokens[h].upos === 'VERB') {
    read(h, true);
    return out.filter((x) => x.role === 'patient' && kids[h].some((c) => ['obj', 'nsubj:pass'].includes(tokens[c].deprel)));
  }
  return out;
}

/** The resolved days a sentence names (weekdays, dates, "yesterday"). */
function daysOf(s: Sent): Set<string> {
  return new Set(s.times.filter((t) => t.resolved && ['weekday', 'date', 'datetime', 'relative'].includes(t.kind) && /^\d{4}-\d\d-\d\d/.test(t.resolved)).map((t) => t.resolved!.slice(0, 10)));
}

/** Two places of one act agree: streets when both name one, else towns when both name one. */
function agree(a: ActPlace, b: ActPlace, regions: Set<string>): boolean {
  if (a.streets.length && b.streets.length) return a.streets.some((x) => b.streets.includes(x));
  // (a town and its state, "Rancho Mirage, Calif.": the town is compared; a region alone holds any town)
  const [x, y] = [a.towns.filter((t) => !regions.has(t)), b.towns.filter((t) => !regions.has(t))];
  return !x.length || !y.length || placesAgree(x, y, regions);
}

/** Conflicts over where one act of a named participant happened, told differently by independent sources. */
export function actPlaceConflicts(story: StoryView): Conflict[] {
  const mentions = actPlacesOf(story);
  if (mentions.length < 2) return [];
  const regions = regionsOf(story);
  return slotConflicts(mentions, (ms) => placeConflict(story, ms, regions, mentions));
}

function placeConflict(story: StoryView, ms: ActPlace[], regions: Set<string>, mentions: ActPlace[]): Conflict | null {
  if (story.independent(ms.map((m) => m.sent.art.id)) < 2) return null;
  // one article that tells the act at two places tells two acts (a second rehab, another arrest)
  if (ms.some((a) => ms.some((b) => a.sent.art.id === b.sent.art.id && !agree(a, b, regions)))) return null;
  // streets first, then towns: a mention joins the side of the finest place it agrees with
  const grain = (m: ActPlace) => (m.streets.length ? 0 : m.towns.some((t) => !regions.has(t)) ? 1 : 2);
  const sorted = [...ms].sort((a, b) => grain(a) - grain(b) || cmp(a.sent.id, b.sent.id) || a.span.start - b.span.start);
  const sides = sidesByFirst(sorted, (first, m) => agree(first, m, regions));
  if (sides.length < 2) return null;
  // two sides are one act only when no mention of one is dated on another day than every mention of the other
  // and an article that names both places tells of both (she left one rehab in Newport Beach and checked into another in Rancho Mirage)
  const named = story.articles.map(placesNamed);
  const both = (x: ActPlace, y: ActPlace) => named.some((n) => finest(x, regions).some((p) => n.has(p)) && finest(y, regions).some((p) => n.has(p)));
  const pairs = crossOutletPairs(sides).filter(({ a, b }) => sides[a].some((x) => sides[b].some((y) => x.sent.art.id !== y.sent.art.id && !apart(x.days, y.days))) && !sides[a].some((x) => sides[b].some((y) => both(x, y))));
  if (!pairs.length) return null;
  gatherPlaces(sides, ms, mentions, regions);
  const label = [...ms].sort((a, b) => b.name.length - a.name.length || cmp(a.name, b.name))[0];
  return {
    id: '',
    kind: 'place',
    slot: `where ${clean(label.name)} was ${label.verb.toLowerCase()}`,
    severity: 'conflict',
    withinArticle: articleOnTwoSides(sides),
    sides: sides.map((x) => placeSide(story, x)),
    pairs,
    note: `${sides.map((x) => display(x[0])).join(' vs ')}: different places for one act`,
    factIds: [],
  };
}

/**
 * Issue 15 (sides.ts gatherSides): the place another act of the same participant is told at joins
 * the side of the place it agrees with, when one of the two sentences tells the other's act too, on a day
 * that is not apart ("Roe was arrested on Tuesday after police found him barricaded in a room on
 * Elm Street": "Roe was arrested at an Elm Street apartment" is told of the same occasion as the
 * barricade). A place that agrees with two sides (a town both streets are in) joins neither.
 */
function gatherPlaces(sides: ActPlace[][], ms: ActPlace[], mentions: readonly ActPlace[], regions: Set<string>): void {
  const participant = (m: ActPlace) => m.slot.slice(m.slot.indexOf('|') + 1);
  const members = new Set(ms);
  const candidates = mentions.filter((c) => !members.has(c) && participant(c) === participant(ms[0])).sort((a, b) => cmp(a.sent.id, b.sent.id) || a.span.start - b.span.start);
  const act = (m: ActPlace) => m.slot.slice(0, m.slot.indexOf('|'));
  const tells = (x: ActPlace, y: ActPlace) => tellsActOf(x.sent, act(y), (lemma) => actKey(lemma.replace(/^re-/, '')));
  // (people by surname: the participant is keyed so, and a story of one family names "Gomes" for several of them)
  const surnames = (x: Sent) => new Set([...peopleOf(x)].map((k) => k.split(' ').pop()!));
  gatherSides(sides, candidates, (c, m) => agree(m, c, regions) && finest(c, regions).length > 0, (c, m) => !apart(surnames(c.sent), surnames(m.sent)) && !apart(c.days, m.days) && (tells(m, c) || tells(c, m)));
}

/** The places a mention is compared by: its streets, else its towns that are no region. */
function finest(m: ActPlace, regions: Set<string>): string[] {
  return m.streets.length ? m.streets : m.towns.filter((t) => !regions.has(t));
}

/** Every street and place entity an article names anywhere (as finest() gives them). */
const NAMED = new WeakMap<StoryView['articles'][number], Set<string>>();
function placesNamed(a: StoryView['articles'][number]): Set<string> {
  let out = NAMED.get(a);
  if (out) return out;
  out = new Set(STREET_END.test(a.text) ? [...a.text.matchAll(STREET_NAME)].map((m) => streetKey(m[0])) : []);
  for (const s of a.sentences) for (const e of s.entities) if (e.type === 'LOC') out.add(canonicalName(a.text.slice(e.span.start, e.span.end)));
  NAMED.set(a, out);
  return out;
}


function display(m: ActPlace): string {
  return clean(m.sent.art.text.slice(m.span.start, m.span.end));
}

function placeSide(story: StoryView, ms: ActPlace[]): ConflictSide {
  return wordedSide(story, ms, display, { kind: 'place', unit: 'place' });
}

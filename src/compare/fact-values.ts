/**
 * Two values of one slot inside one fact. The alignment already says that two sentences state one
 * statement (`statesOneFact`: one fact cluster, or close wording); when independent outlets' wordings of
 * it then give values of a closed class that exclude each other, the fact is a disagreement, not a
 * corroboration: "the ferry sank 40 miles north of Port Marel" / "sank about 40 miles south of Port
 * Marel"; "rescuers found the driver conscious" / "found the driver in the cab, unconscious". Two closed
 * classes, both derived from WordNet (scripts/build-wordnet-opposites.ts):
 *
 * - a direction from one named place: a compass point before "of <place>" (`compass-points.tsv`, each
 *   point's bearing); two points more than a right angle apart exclude each other ("east" / "west",
 *   "north" / "southeast"), near ones are one direction told roughly ("east" / "northeast");
 * - a state of one participant: an adjective told as the predicate of a clause, not on a noun
 *   (a depictive "found him conscious", a copula's "he was dead"), whose WordNet cluster is the antonym
 *   of the other's (`adjective-opposites.tsv`: "conscious" / "unconscious", "dead" / "alive"). The two
 *   states hang on one act (a verb above both, "found ... conscious" / "found ... unconscious") or are both told with a
 *   copula; their participants, when both are named by a noun, are the same word. A negated state
 *   ("was not hurt") tells nothing here.
 *
 * A sentence that gives both values (a direction and its opposite, "dead or alive") compares them and
 * opens no side. Only the sentences of one fact are compared: a story names many places and states.
 */
import type { SyntaxToken } from '../model/types.js';
import { dataRows } from '../text/lexicon.js';
import { type Alignment, statesOneFact } from './facts.js';
import type { Sent, StoryView } from './prepare.js';
import { denies } from './clause-readings.js';
import { articleOnTwoSides, crossOutletPairs, sidesByFirst, wordedSide } from './sides.js';
import { kidsOf, parseOf, relOf, spanTokens } from './syntax.js';
import { clean, cmp } from './text.js';
import type { Conflict } from './types.js';

/** One value a sentence gives: a direction from a place or a state of a participant. */
interface Told {
  sent: Sent;
  kind: 'place' | 'attribute';
  /** What the value is of: `direction|<place key>` or `state|<pole pair>`. */
  slot: string;
  /** The bearing in degrees (a direction) or the WordNet pole (a state). */
  value: string;
  /** For a state: the poles the value opposes. */
  opposes: string[];
  /** For a state: the participant's lemma when a noun names it, else null; the lemmas of the verbs above it. */
  who: string | null;
  acts: string[];
  copular: boolean;
  /** What the slot is about, for the label: the place, or the participant when a name tells it ("Port Marel", "Roe"). */
  about: string;
  span: { start: number; end: number };
}

let compass: Map<string, number> | null = null;
let opposites: Map<string, { pole: string; opposes: string[] }> | null = null;

function bearings(): Map<string, number> {
  compass ??= new Map(dataRows('lexicons', 'compass-points.tsv').map(([w, b]) => [w.trim(), Number(b)]));
  return compass;
}

function poles(): Map<string, { pole: string; opposes: string[] }> {
  opposites ??= new Map(dataRows('lexicons', 'adjective-opposites.tsv').map(([w, p, o]) => [w.trim(), { pole: p.trim(), opposes: (o ?? '').trim().split(',') }]));
  return opposites;
}

/** A compass point (a hyphen or space inside it dropped: "north-east", "north east") then "of" and a name. */
const DIRECTION = /\b((?:north|south|east|west)(?:[- ]?(?:north|south|east|west|by)){0,3}(?:ward)?)\s+of\s+(?:the\s+)?$/i;

/** The directions from a named place a sentence gives: the compass point just before "of <name>". */
function directionsOf(s: Sent): Told[] {
  const out: Told[] = [];
  const text = s.art.text;
  for (const e of s.entities) {
    if (e.type === 'PER') continue;
    const m = DIRECTION.exec(text.slice(Math.max(s.span.start, e.span.start - 40), e.span.start));
    const bearing = m && bearings().get(m[1].toLowerCase().replace(/[- ]/g, ''));
    if (bearing === undefined || bearing === null || !m) continue;
    const start = e.span.start - m[0].length;
    out.push({ sent: s, kind: 'place', slot: `direction|${e.key}`, value: String(bearing), opposes: [], who: null, acts: [], copular: false, about: e.name, span: { start, end: e.span.end } });
  }
  return out;
}

/** Relations by which a word is a clause's predicate, or a reduced clause on a noun ("found the man asleep": acl), not a modifier (amod). */
const PREDICATE = new Set(['root', 'xcomp', 'ccomp', 'advcl', 'conj', 'parataxis', 'acl']);
/** "no" as a determiner denies what it is on ("in no danger", "no one"); "not", "n't", "never" are clause-readings.ts `denies`. */
const NO = /^no$/i;
const NOBODY = /^(?:none|nobody|nothing|neither|no-one)$/i;
const PRONOUN = new Set(['PRON', 'DET']);

/** The states a sentence tells of a participant: a predicate adjective of a WordNet antonym cluster. */
function statesOf(s: Sent): Told[] {
  const tokens = parseOf(s.art);
  if (!tokens) return [];
  const kids = kidsOf(tokens);
  const [lo, hi] = spanTokens(tokens, s.span);
  const out: Told[] = [];
  for (let i = lo; i < hi; i++) {
    const t = tokens[i];
    if (!stateWord(tokens, kids, i)) continue;
    const entry = poles().get(t.text.toLowerCase());
    if (!entry || !PREDICATE.has(relOf(t)) || negated(tokens, kids, i)) continue;
    // (a conjunct of a noun's modifier is a modifier too: "a dead and a wounded man"; an adverb on the first conjunct
    // may bear on both, "poorly lit and ventilated")
    if (relOf(t) === 'conj' && (t.head < 0 || !PREDICATE.has(relOf(tokens[t.head])) || !/^(?:ADJ|VERB)$/.test(tokens[t.head].upos) || kids[t.head].some((k) => relOf(tokens[k]) === 'advmod')))
      continue;
    const copular = kids[i].some((k) => relOf(tokens[k]) === 'cop');
    const who = participant(tokens, kids, i);
    // (told of no one, the state is denied: "no one was hurt")
    if (who >= 0 && (NOBODY.test(tokens[who].text) || kids[who].some((k) => NO.test(tokens[k].text)) || denies(tokens, kids, who))) continue;
    const acts = verbsAbove(tokens, i);
    if (!copular && !acts.length) continue;
    const name = who >= 0 && !PRONOUN.has(tokens[who].upos) ? tokens[who].lemma.toLowerCase() : null;
    const pair = [entry.pole, ...entry.opposes].sort(cmp).join('/');
    out.push({ sent: s, kind: 'attribute', slot: `state|${pair}`, value: entry.pole, opposes: entry.opposes, who: name, acts, copular, about: who >= 0 && tokens[who].upos === 'PROPN' ? tokens[who].text : '', span: { start: t.start, end: t.end } });
  }
  return out;
}

/**
 * Whether a word reads as an adjective: tagged one, or a participle ("found him badly shaken"), or a
 * word the tagger took for a past tense that takes no object or clause of its own ("found the man
 * lying dazed", read as a VBD); a verb with an object, or a passive, tells an act, not a state.
 */
function stateWord(tokens: readonly SyntaxToken[], kids: number[][], i: number): boolean {
  const t = tokens[i];
  if (t.upos === 'ADJ') return true;
  if (t.upos !== 'VERB' || !['VBN', 'VBD', 'JJ'].includes(t.xpos)) return false;
  // (a passive, "was injured", tells the act done to the participant, which the act's own readers compare)
  return !kids[i].some((k) => ['obj', 'iobj', 'ccomp', 'xcomp'].includes(relOf(tokens[k])) || tokens[k].deprel === 'aux:pass' || (relOf(tokens[k]) === 'aux' && tokens[k].lemma.toLowerCase() === 'have'));
}

/** Whether a word or a verb it hangs on within its clause chain is denied ("was not found conscious", "wasn’t hurt", "hadn ’ t been"). */
function negated(tokens: readonly SyntaxToken[], kids: number[][], i: number): boolean {
  for (let at = i, steps = 0; at >= 0 && steps < 3; at = tokens[at].head, steps++) {
    if (denies(tokens, kids, at) || kids[at].some((k) => NO.test(tokens[k].text) && relOf(tokens[k]) === 'det')) return true;
    if (!['xcomp', 'conj'].includes(relOf(tokens[at]))) break;
  }
  return false;
}

/** Whom a state is told of: its own subject, else the object or subject of the verb it depicts on (up to three steps). */
function participant(tokens: readonly SyntaxToken[], kids: number[][], i: number): number {
  for (let at = i, steps = 0; at >= 0 && steps < 3; at = tokens[at].head, steps++) {
    const subject = kids[at].find((k) => relOf(tokens[k]) === 'nsubj');
    if (subject !== undefined && at === i) return subject;
    const object = kids[at].find((k) => relOf(tokens[k]) === 'obj');
    if (at !== i && object !== undefined) return object;
    if (subject !== undefined) return subject;
  }
  return -1;
}

/** The lemmas of the verbs a word hangs on, up to its sentence's root. */
function verbsAbove(tokens: readonly SyntaxToken[], i: number): string[] {
  const out: string[] = [];
  for (let at = tokens[i].head, steps = 0; at >= 0 && steps < 6; at = tokens[at].head, steps++) if (tokens[at].upos === 'VERB') out.push(tokens[at].lemma.toLowerCase());
  return out;
}

/** Two values that exclude each other: bearings more than a right angle apart; states of opposite poles. */
function opposed(a: Told, b: Told): boolean {
  if (a.kind === 'place') {
    const d = Math.abs(Number(a.value) - Number(b.value)) % 360;
    return Math.min(d, 360 - d) > 90;
  }
  return a.opposes.includes(b.value) || b.opposes.includes(a.value);
}

/** Whether two states are told of one participant in one act. */
function oneHolder(a: Told, b: Told): boolean {
  if (a.kind === 'place') return true;
  if (a.who && b.who && a.who !== b.who) return false;
  return (a.copular && b.copular) || a.acts.some((v) => b.acts.includes(v));
}

/** Mentions of one slot compared pairwise by wording; above it, by fact cluster only. */
const MAX_COMPARED = 60;

/** Conflicts over a closed-class value two independent outlets' sentences of one fact give two ways. */
export function factValueConflicts(story: StoryView, al: Alignment): Conflict[] {
  const told = story.sentences.flatMap((s) => [...directionsOf(s), ...statesOf(s)]);
  // a sentence that gives two opposed values of one slot compares them ("dead or alive")
  const bySent = new Map<string, Told[]>();
  for (const t of told) (bySent.get(t.sent.id) ?? bySent.set(t.sent.id, []).get(t.sent.id)!).push(t);
  const kept = told.filter((t) => !bySent.get(t.sent.id)!.some((u) => u.slot === t.slot && opposed(t, u)));
  const bySlot = new Map<string, Told[]>();
  for (const t of kept) (bySlot.get(t.slot) ?? bySlot.set(t.slot, []).get(t.slot)!).push(t);
  const out: Conflict[] = [];
  for (const slot of [...bySlot.keys()].sort(cmp)) {
    const ts = bySlot.get(slot)!;
    // (in a large story a slot's pairs are many: only one fact cluster then, not close wording, which costs a similarity per pair)
    const cluster = (x: Told) => al.clusterOf.get(x.sent.id);
    const oneFact = ts.length > MAX_COMPARED ? (a: Told, b: Told) => cluster(a) !== undefined && cluster(a) === cluster(b) : (a: Told, b: Told) => statesOneFact(al, a.sent, b.sent);
    // the mentions opposed to another outlet's in one fact, and the mentions of their values in those facts
    const opened = ts.filter((a) => ts.some((b) => b.sent.art.group !== a.sent.art.group && opposed(a, b) && oneHolder(a, b) && oneFact(a, b)));
    if (!opened.length) continue;
    const members = ts.filter((m) => opened.some((o) => o === m || (o.sent.art.group !== m.sent.art.group && oneHolder(o, m) && oneFact(o, m))));
    const c = valueConflict(story, members);
    if (c) out.push(c);
  }
  return out;
}

function valueConflict(story: StoryView, ms: Told[]): Conflict | null {
  if (story.independent(ms.map((m) => m.sent.art.id)) < 2) return null;
  const sorted = [...ms].sort((a, b) => cmp(a.sent.id, b.sent.id) || a.span.start - b.span.start);
  const sides = sidesByFirst(sorted, (a, b) => !opposed(a, b));
  if (sides.length < 2) return null;
  const pairs = crossOutletPairs(sides);
  if (!pairs.length) return null;
  const first = sorted[0];
  const place = first.kind === 'place';
  const display = (m: Told) => clean(m.sent.art.text.slice(m.span.start, m.span.end));
  return {
    id: '',
    kind: first.kind,
    slot: place ? `direction from ${first.about}` : `state of ${sorted.find((m) => m.about)?.about ?? 'one participant'}`,
    severity: 'conflict',
    withinArticle: articleOnTwoSides(sides),
    sides: sides.map((x) => wordedSide(story, x, display, { kind: first.kind, unit: place ? 'direction' : 'state' })),
    pairs,
    note: `${sides.map((x) => display(x[0])).join(' vs ')}: ${place ? 'opposite directions' : 'opposite states'} in one statement`,
    factIds: [],
  };
}

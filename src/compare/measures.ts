/**
 * Measures nothing else says the subject of: "a 61-yard touchdown run", "a six-year offer", "a
 * $90 million deal", "raced 61 yards". What the figure measures is read from the parse, not from
 * the words: the noun its measure modifies ("61-yard run", "a contract of six years": that thing's
 * length or value) or, when it modifies none, the act it is an argument of ("ran for 140 yards": how
 * far that act went, by its act class). Whose measure it is is the figure's holder (figure-holders.ts:
 * the possessor, or the named active subject of the predicate the phrase hangs on), so the run of
 * one player and the run of another, the offer of one team and the offer of another, are two slots;
 * a contract's length and its value are two dimensions.
 *
 * The key does not hold the measured noun: outlets name one thing many ways ("run", "scamper",
 * "rushing touchdown"; "offer", "deal", "contract"). One holder has many measures of one dimension
 * in a story (two runs, a field goal and a catch), so a measure slot is compared only between
 * sentences that state one fact (Slot.aligned), never within one sentence that gives the holder two
 * such measures, and not at all in a story where one article gives the holder two values of it
 * (`oneMeasurePerArticle`): that article tells two measures, and others may tell either.
 */
import type { Quantity, SyntaxToken } from '../model/types.js';
import { countsThings } from './counts.js';
import { figureHolder, figureToldWith, holderToken } from './figure-holders.js';
import { antecedent, pronounAntecedent } from './dated-acts.js';
import type { Sent } from './prepare.js';
import { figureTokens, figureVerbIndex, kidsOf, parseOf, partyAt, relOf, verbSubject } from './syntax.js';
import { tokenAt } from '../text/tokenize.js';
import { actClass } from './act-classes.js';

/** What slots.ts makes a slot of: the key and a label. */
export interface Measure {
  key: string;
  label: string;
}

/** Key prefix of a measure slot. */
const MEASURE_PREFIX = 'measure|';

/** Relations by which a measure modifies a noun ("61-yard run", "six-year offer", "$90 million deal"). */
const MODIFIES_NOUN = new Set(['compound', 'amod', 'nummod', 'nmod']);
/** Relations by which a measure is an argument of a verb ("ran for 140 yards", "raced 61 yards", "lived a mile away"). */
const ARGUMENT_OF_VERB = new Set(['obj', 'obl', 'advmod', 'nmod']);

/**
 * The measure slot of a figure, or null: no parse, no named holder, nothing the measure modifies or
 * is an argument of, or another figure of the sentence giving the same holder a measure of the same
 * kind. `dimension` is the unit slots.ts compares a figure in ("yard", "km", "h", "USD"), or null.
 */
export function measureOf(s: Sent, q: Quantity, dimension: (q: Quantity) => string | null): Measure | null {
  const own = readMeasure(s, q, dimension(q)).measure;
  if (!own) return null;
  // "made a 35-yard field goal ... but missed a 52-yard one": two measures of one holder in one sentence are two things
  for (const o of s.quantities) if (o !== q && readMeasure(s, o, dimension(o)).measure?.key === own.key) return null;
  return own;
}

/** How far measures.ts reads a figure, for the funnel (scripts/dump-slots.ts): a measure with its key, or where it stops. */
export function measureStage(s: Sent, q: Quantity, dimension: (q: Quantity) => string | null): string {
  const read = readMeasure(s, q, dimension(q));
  return read.measure ? (measureOf(s, q, dimension) ? 'measure' : 'measure, another of one holder in its sentence') : read.why;
}

/** The measure noun a count is told in ("61 yards", "a 61-yard run" → yard), by the parse, or null. */
export function measureNoun(s: Sent, q: Quantity): string | null {
  const tokens = parseOf(s.art);
  const fig = tokens && figureTokens(tokens, q);
  if (!tokens || !fig) return null;
  const unit = climb(tokens, fig.num).unit;
  return unit === null ? null : tokens[unit].lemma.toLowerCase();
}

function readMeasure(s: Sent, q: Quantity, dimension: string | null): { measure?: Measure; why: string } {
  if (!dimension) return { why: 'not a measure' };
  let thing = measuredThing(s, q, dimension);
  if (thing === 'not a measure') return { why: thing };
  // "$160 million over eight years", "Nationals (eight years, $160 million)": a figure told with
  // another as one thing's measures is that thing's, and its holder's, when its own words say neither
  if (typeof thing === 'string' || !thing.holder) {
    const withFigure = figureToldWith(s, q);
    const other = withFigure ? measuredThing(s, withFigure, dimension) : null;
    if (other && typeof other !== 'string' && other.holder) thing = typeof thing === 'string' ? other : { ...thing, holder: other.holder };
  }
  if (typeof thing === 'string') return { why: thing };
  const { what, noun, holder } = thing;
  if (!holder) return { why: `measure of ${what === 'of a thing' ? 'a noun' : 'an act'}, no named holder` };
  return { measure: { key: `${MEASURE_PREFIX}${dimension}|${what}|${holder.key}`, label: `${dimension} ${what === 'of a thing' ? `of the ${noun}` : `(${noun})`} of ${holder.name}` }, why: 'measure' };
}

/** What a measure measures (a thing, or an act by its class) with the noun or verb that tells it, and its named holder; or where the reading stops. */
function measuredThing(s: Sent, q: Quantity, dimension: string): { what: string; noun: string; holder: { key: string; name: string } | null } | string {
  const tokens = parseOf(s.art);
  const fig = tokens && figureTokens(tokens, q);
  if (!tokens || !fig) return 'no parse';
  const { governor, child, unit } = climb(tokens, fig.num);
  // a count is a measure only through a measure word ("61-yard", "140 yards"): "three cables" counts things
  if (q.unit === 'count' && unit === null) return 'not a measure';
  // "five times as many as last season", "five times the legal limit": a multiplier, not a count of occasions
  if (unit !== null && tokens[unit].lemma.toLowerCase() === 'time' && MULTIPLIES.test(tokens[unit + 1]?.text ?? '')) return 'not a measure';
  if (governor < 0 || child < 0) return 'measure, nothing it measures';
  // "a 61 yard rushing touchdown": a modifier of the noun between the measure and the noun
  let g = tokens[governor];
  let rel = relOf(tokens[child]);
  if ((rel === 'compound' || rel === 'amod') && g.upos !== 'NOUN' && (relOf(g) === 'compound' || relOf(g) === 'amod') && g.head >= 0) {
    rel = relOf(g);
    g = tokens[g.head];
  }
  // "a record of 4,051 yards"; and a measure in a phrase of "with", "for" or "at" on a noun measures
  // that noun ("five passes for 127 yards", "a season with 4,051 yards", "the record at 4,051 yards"),
  // but not a span of time, which tells how long a state lasted ("a deputy for three years")
  const of = MODIFIES_NOUN.has(rel) && (g.upos === 'NOUN' || g.upos === 'PROPN') && (rel !== 'nmod' || caseIs(tokens, child, 'of') || (dimension !== 'h' && THING_CASES.some((w) => caseIs(tokens, child, w))));
  const act = !of && g.upos === 'VERB' && ARGUMENT_OF_VERB.has(rel);
  if (!of && !act) return `measure, nothing it measures (${rel} of ${g.upos})`;
  const noun = g.lemma.toLowerCase();
  return { what: of ? 'of a thing' : `act ${actClass(noun)}`, noun, holder: namedHolder(s, q) };
}

/**
 * Up from the number through the words of its measure (numbers, symbols, hyphens and measure
 * nouns: "61" → "yard"; "$" → "90" → "million"): the first other word is what it measures
 * (`governor`), reached from `child`; `unit` is the measure noun passed, if any.
 */
function climb(tokens: readonly SyntaxToken[], num: number): { governor: number; child: number; unit: number | null } {
  let i = num;
  let child = -1;
  let unit: number | null = null;
  for (let step = 0; step < 5 && i >= 0; step++) {
    const t = tokens[i];
    const measureWord = (t.upos === 'NOUN' || hyphenedToNumber(tokens, i)) && !countsThings(t.lemma.toLowerCase());
    if (!(t.upos === 'NUM' || t.upos === 'SYM' || t.upos === 'PUNCT' || measureWord)) return { governor: i, child, unit };
    if (measureWord) unit ??= i;
    child = i;
    i = t.head;
  }
  return { governor: -1, child, unit };
}

/**
 * A word joined to a number by a hyphen ("61-yd", "61-yard"): the measure of an adjective of
 * measure, a noun whatever a tagger makes of an abbreviation ("yd" read as a participle).
 */
function hyphenedToNumber(tokens: readonly SyntaxToken[], i: number): boolean {
  const [num, dash, t] = [tokens[i - 2], tokens[i - 1], tokens[i]];
  return !!num && num.upos === 'NUM' && dash.text === '-' && num.end === dash.start && dash.end === t.start && /^\p{L}+$/u.test(t.text);
}

/** After "N times": a comparison the figure multiplies ("as many", "the limit", "more", "higher"), not occasions. */
const MULTIPLIES = /^(?:as|the|that|this|more|less|higher|lower|greater|larger|bigger|smaller|over)$/i;

/** Prepositions by which a measure's phrase on a noun gives that noun's measure, besides "of". */
const THING_CASES = ['with', 'for', 'at'];

function caseIs(tokens: readonly SyntaxToken[], i: number, word: string): boolean {
  return kidsOf(tokens)[i].some((c) => relOf(tokens[c]) === 'case' && tokens[c].text.toLowerCase() === word);
}

/**
 * The figure's named holder (a person before an organisation: "Rovers running back Jane Roe"
 * is Roe; then any other name that is the holder itself: teams, films and countries are often
 * recognised as places or other names, "the Nationals have offered", "The Hunger Games has brought
 * in", but a place that only modifies the holder's noun is not it, "a California native"), or the
 * person a "he" or "she" holding it stands for ("He cut back to the left ... for a 61-yard
 * touchdown run": dated-acts.ts pronounAntecedent), or the name a relative "who" holding it stands
 * for (dated-acts.ts antecedent); null when none is named.
 */
function namedHolder(s: Sent, q: Quantity): { key: string; name: string } | null {
  const keys = figureHolder(s, q);
  const named = keys ? s.entities.filter((e) => keys.includes(e.key)) : [];
  const tokens = parseOf(s.art);
  if (!tokens) return null;
  const head = keys ? tokens[holderToken(s, q)] : undefined;
  const itself = (x: (typeof named)[number]) => !!head && x.span.start <= head.start && head.start < x.span.end;
  const e = named.find((x) => x.type === 'PER') ?? named.find((x) => x.type === 'ORG') ?? named.find(itself);
  if (e) return { key: e.key, name: e.name };
  // no subject in the figure's own clause: the subject of the clause it continues ("He cut back ...
  // and outran the defence ... for a 61-yard run"; syntax.ts verbSubject, as a fall is its faller's)
  let at = holderToken(s, q);
  if (at < 0 && !keys) {
    const verb = figureVerbIndex(s, q);
    const subject = verb >= 0 ? verbSubject(s, tokens[verb].start)[0] : undefined;
    at = subject === undefined ? -1 : tokenAt(tokens, subject);
    const e2 = at >= 0 ? partyAt(s, tokens, at) : undefined;
    if (e2) return { key: e2.key, name: e2.name };
  }
  // a relative "who" stands for the name right before it ("Dennis Roe, who caught five passes for 127 yards")
  const word = at >= 0 ? tokens[at].text : '';
  const who = PERSONAL.test(word) ? pronounAntecedent(s, tokens[at].start) : /^who$/i.test(word) ? antecedent(s, tokens[at].start) : null;
  return who ? { key: who.key, name: who.name } : null;
}
const PERSONAL = /^(?:he|she)$/i;

/**
 * Measure slots a story cannot compare: a key one article gives two values that other articles
 * give too (an article that tells "a 5-yard run" and "a 40-yard run" of one player, each told
 * elsewhere, tells two runs, and another article may tell either). An article whose second value
 * no other article gives ("a 61-yard scamper" where every other outlet has 67 yards, and so does
 * that article later) may be one measure told two ways, and stays compared. `value` is the
 * figure in the slot's unit.
 */
export function ambiguousMeasures(figures: { article: string; key: string; value: number }[]): Set<string> {
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  const articlesOf = new Map<string, Set<string>>();
  const valuesOf = new Map<string, Set<number>>();
  for (const f of figures) {
    if (!f.key.startsWith(MEASURE_PREFIX)) continue;
    const told = `${f.key}\u0000${round(f.value)}`;
    const own = `${f.article}\u0000${f.key}`;
    (articlesOf.get(told) ?? articlesOf.set(told, new Set()).get(told)!).add(f.article);
    (valuesOf.get(own) ?? valuesOf.set(own, new Set()).get(own)!).add(round(f.value));
  }
  const out = new Set<string>();
  for (const [k, values] of valuesOf) {
    const [article, slot] = k.split('\u0000');
    const toldElsewhere = [...values].filter((v) => [...(articlesOf.get(`${slot}\u0000${v}`) ?? [])].some((a) => a !== article));
    if (toldElsewhere.length >= 2) out.add(slot);
  }
  return out;
}

/**
 * Conflicts: the same slot with incompatible values across (or within) articles.
 * - Quantities: slot = unit + what is counted (event nouns such as talks/meeting/negotiations are
 *   one class). Each value becomes an interval from its qualifier (exact ±5 %, about ±20 %, more
 *   than → [v, ∞) ...). Disjoint intervals (gap > 10 %) conflict; overlapping but different
 *   values are a minor discrepancy; equal values are one side.
 * - Dates: date-conflicts.ts.
 * No winner is picked: every side carries its value, outlets and sentences.
 */
import type { Quantity } from '../model/types.js';
import { clockConflicts } from './clock.js';
import { recordConflicts, surnameOf, toldAtTwoTimes } from './records.js';
import { standingConflicts } from './standings.js';
import { rankConflicts } from './ranks.js';
import { scoreConflicts } from './scores.js';
import { markConflicts } from './marks.js';
import { holderConflicts } from './holders.js';
import { residenceConflicts } from './residence.js';
import { actPlaceConflicts } from './act-places.js';
import { fillerConflicts } from './fillers.js';
import { joinRolesByAge } from './role-ages.js';
import { countryList, regionList } from '../text/places.js';
import { type Alignment, statesOneFact as oneFact } from './facts.js';
import { type ArticleView, canonicalName, evidence, type Sent, type StoryView } from './prepare.js';
import { apart, articleOnTwoSides, capPerSlot, gatherSides, MAX_PER_SLOT, namesHolder, namesOtherPlaces, namesOthers, placesOf, shares, sharedHolders } from './sides.js';
import { actDateConflicts, actReading, actorKeys, dateConflicts, dayOf } from './date-conflicts.js';
import { isHedged, isPart } from './figure-parts.js';
import { resolveOneNameSlots } from './person-keys.js';
import { figureSlots, measureDimension, type Slot } from './slots.js';
import { clean, cmp } from './text.js';
import { linkedGroups } from '../util/union-find.js';
import { joinByFact, joinCountsToActs, repeatedCounts } from './counts.js';
import { evolvingFigure, growsWhileUnfolding, pairTiming, readBareAsBound, slotTiming, type TimedSide } from './evolving.js';
import type { Conflict, ConflictSide, EvolvingFigure, NormalizedValue } from './types.js';
import { measuresNoun, twoChecksHold } from './two-checks.js';
import { storysOwnThing } from './story-event.js';

interface QMention {
  sent: Sent;
  q: Quantity;
  slot: string;
  label: string;
  low: number;
  high: number;
  /** Compared only with figures of aligned sentences (Slot.aligned). */
  aligned?: boolean;
  /** The slot's unit ("block": an address number, never a rounded figure). */
  unit: string;
  /** The person of a person slot (Slot.person), the acts they take part in and whether they are named by a role only (see Slot). */
  person?: string;
  verbs?: string[];
  role?: boolean;
  roleAt?: number;
  /** Slot.bodyOnly: not compared within its own article. */
  bodyOnly?: boolean;
}

/**
 * The values a figure allows, in the slot's unit: counts and ages are exact; magnitudes are read to
 * a tenth; measures (distances, durations, money) allow 5 % for rounding; "about" 20 %; "more
 * than" and "at least" are open above.
 */
function interval(q: Quantity, slot: Slot): { low: number; high: number } {
  const v = q.value * slot.factor;
  // (a person's weight is a description copied from the police or the family, written to the pound
  // or kilogram, not a measure the writer rounded: exact, as an age; a price or a fine is agreed, Slot.stated)
  const stated = slot.stated || slot.unit === 'people' || slot.unit === 'count' || slot.unit === 'block' || slot.unit === 'years' || (slot.unit === 'kg' && slot.personal);
  const exact = stated ? 0 : slot.unit === 'magnitude' ? 0.05 : v * 0.05;
  const about = slot.unit === 'magnitude' ? 0.3 : v * 0.2;
  switch (q.qualifier) {
    case 'about':
      return { low: v - about, high: v + about };
    case 'more-than':
    case 'at-least':
      return { low: v, high: Number.POSITIVE_INFINITY };
    case 'less-than':
    case 'at-most':
      return { low: 0, high: v };
    case 'range':
      return { low: (q.low ?? q.value) * slot.factor, high: (q.high ?? q.value) * slot.factor };
    default:
      return { low: v - exact, high: v + exact };
  }
}

/** `same`, `minor` (overlapping or nearly touching) or `conflict` (clearly disjoint). */
function compareIntervals(a: QMention, b: QMention): 'same' | 'minor' | 'conflict' {
  // overlapping intervals are compatible ("more than 5,000" and "5,200")
  if (a.low <= b.high && b.low <= a.high) return 'same';
  const gap = a.high < b.low ? b.low - a.high : a.low - b.high;
  const scale = Math.max(Math.abs(a.low), Math.abs(b.low), Math.abs(a.high === Infinity ? 0 : a.high), Math.abs(b.high === Infinity ? 0 : b.high), 1e-9);
  // a rounded figure just outside the other's tolerance is a rounding difference, not a dispute
  const rounded = (m: QMention) => m.unit !== 'block' && m.unit !== 'kg' && m.q.qualifier === 'exact' && m.q.value >= 100 && m.q.value % 10 === 0;
  return gap / scale <= 0.05 && (rounded(a) || rounded(b)) ? 'minor' : 'conflict';
}

function formatNumber(v: number): string {
  if (Math.abs(v) >= 1e9) return `${+(v / 1e9).toFixed(2)} billion`;
  if (Math.abs(v) >= 1e6) return `${+(v / 1e6).toFixed(2)} million`;
  return String(+v.toFixed(2));
}

function displayQuantity(q: Quantity): string {
  const unit = q.unit === 'h' ? ' h' : q.unit === 'count' ? '' : q.unit === '%' ? '%' : ` ${q.unit}`;
  const qual: Record<string, string> = {
    exact: '',
    about: 'about ',
    'more-than': 'more than ',
    'less-than': 'less than ',
    'at-least': 'at least ',
    'at-most': 'at most ',
    range: '',
  };
  if (q.qualifier === 'range' && q.low !== null && q.high !== null) return `${formatNumber(q.low)}–${formatNumber(q.high)}${unit}`;
  return `${qual[q.qualifier] ?? ''}${formatNumber(q.value)}${unit}`;
}

/** The story's conflicts; a growing total told higher on later days goes to `evolving` instead (evolving.ts). */
export function findConflicts(story: StoryView, al: Alignment, evolving: EvolvingFigure[] = []): Conflict[] {
  const dates = dateConflicts(story, al);
  return [...quantityConflicts(story, al, evolving), ...dates, ...actDateConflicts(story, dates, al), ...clockConflicts(story, al), ...residenceConflicts(story), ...actPlaceConflicts(story), ...fillerConflicts(story), ...recordConflicts(story), ...standingConflicts(story), ...rankConflicts(story), ...scoreConflicts(story), ...markConflicts(story), ...holderConflicts(story, al)];
}

function quantityConflicts(story: StoryView, al: Alignment, evolving: EvolvingFigure[]): Conflict[] {
  const mentions: QMention[] = [];
  for (const { sent, q, slot } of figureSlots(story)) {
    if (!slot || (slot.unit === 'h' && notALength(sent, q))) continue;
    const { low, high } = interval(q, slot);
    mentions.push({ sent, q, slot: slot.key, label: slot.label, low, high, aligned: slot.aligned, unit: slot.unit, person: slot.person, verbs: slot.verbs, role: slot.role, roleAt: slot.roleAt, bodyOnly: slot.bodyOnly });
    // what one agency said, also compared on its own: "the national seismic service said it was 6.1" against its 5.9 elsewhere
    // (a measure agencies publish; a count of things an act hit is one disagreement, not one per speaker)
    const agency = slot.personal || slot.aligned || slot.key.startsWith('count|') ? null : attributedTo(sent, q);
    if (agency) mentions.push({ sent, q, slot: `${slot.key}|by|${agency.key}`, label: `${slot.label} according to ${agency.name}`, low, high, unit: slot.unit });
  }
  const roleSlots = new Map(mentions.filter((m) => m.role).map((m) => [m, m.slot]));
  const oneNameAges = new Map(mentions.filter((m) => /^age\|[^| ]+$/.test(m.slot)).map((m) => [m, m.slot]));
  resolveOneNameSlots(mentions);
  keepOtherAgesApart(mentions, roleSlots);
  keepFirstNamesApart(mentions, oneNameAges);
  childrenByParent(mentions, al);
  joinRolesByAge(mentions);
  joinRolesByArticle(mentions);
  joinSpansToNamedDurations(mentions, al);
  joinCountsToActs(mentions, (a, b) => oneFact(al, a, b) && !namesOtherPlaces(a, b));
  const restated = repeatedCounts(mentions);
  splitByFact(mentions, al);
  for (const [m, own] of restated) [m.slot, m.label] = [own.slot, own.label];
  mentions.sort((a, b) => cmp(a.slot, b.slot) || cmp(a.sent.id, b.sent.id) || a.q.span.start - b.q.span.start);
  capPerSlot(mentions, (m) => m.slot);
  const figures = figuresByArticle(mentions);
  // (read once, and only when some slot has a conflict to gather for)
  let looseRead: LooseFigures | undefined;
  const loose = (values: Set<string>) => figuresWriting((looseRead ??= byNumber(looseFigures(story, mentions))), values);
  const out: Conflict[] = [];
  for (let i = 0; i < mentions.length; ) {
    let j = i;
    while (j < mentions.length && mentions[j].slot === mentions[i].slot) j++;
    const c = slotConflict(story, mentions.slice(i, j), al, figures, evolving, loose);
    if (c) out.push(c);
    i = j;
  }
  return out;
}

const NOT_A_LENGTH_BEFORE = /\b(?:(?:the|these|those)\s+(?:last|past|previous|next|coming|first)|within(?:\s+the\s+(?:next|coming))?|all\s+but)\s+$/i;
const AWAY = /^\s+(?:away|off)\b/i;
/**
 * Spans that are not how long an act lasted: "added to the roster in the last two days", "in the
 * past two weeks" (counted back or on from when the article was written: articles written on other
 * days give other lengths with nothing in dispute); "a patch within a few days", "Patch Tuesday is
 * three weeks away" (a deadline or a wait, hoped or expected); "one to three years, with all but six
 * months suspended" (the part left out of a span, not the span); "a zero-day flaw" (no span at all).
 */
function notALength(s: Sent, q: Quantity): boolean {
  const text = s.art.text;
  // ("a zero-day flaw": a name, not a span of nothing)
  if (q.value === 0 || q.counted === 'away') return true;
  return NOT_A_LENGTH_BEFORE.test(text.slice(Math.max(s.span.start, q.span.start - 30), q.span.start)) || AWAY.test(text.slice(q.span.end, Math.min(s.span.end, q.span.end + 8)));
}

const ATTRIBUTION = /\b(?:said|says|put|puts|measured|recorded|reported|registered|estimated|gave)\b/i;
/**
 * The organisation a figure is attributed to in its clause: the nearest one named before it, with a
 * verb of saying or measuring between and no turn to another source ("but", "while", ";").
 */
function attributedTo(s: Sent, q: Quantity): { key: string; name: string } | null {
  // (the tagger often tags an agency's name MISC)
  const org = s.entities.filter((e) => (e.type === 'ORG' || e.type === 'MISC') && e.span.end <= q.span.start).pop();
  if (!org) return null;
  const between = s.art.text.slice(org.span.end, q.span.start);
  if (between.length > 100 || !ATTRIBUTION.test(between) || /\b(?:but|while|whereas)\b|;/i.test(between)) return null;
  return { key: org.key, name: org.name };
}

/**
 * "a shooting in Columbus that killed a 13-year-old" and "killed 40-year-old Jane Roe" in one
 * article: a role-named age joined to a named person (resolveOneNameSlots) whose age the same
 * article states, and states otherwise, is someone else's age. News that introduces a person by a
 * role and then by name gives the same age twice; another age in the same article is another
 * person. The mention goes back to its own role slot, compared with nothing.
 */
function keepOtherAgesApart(mentions: QMention[], roleSlots: Map<QMention, string>): void {
  for (const [m, own] of roleSlots) {
    if (m.slot === own) continue;
    const named = mentions.filter((o) => !o.role && o.slot === m.slot && o.sent.art.id === m.sent.art.id);
    if (named.some((o) => compareIntervals(o, m) !== 'same') || !namesPerson(m.sent.art, m.slot)) m.slot = own;
  }
}

/**
 * "The victims have been identified as Gomes' mother, Katherine, 61": an age told under a first name
 * only joins the story's one person of that first name (resolveOneNameSlots) only when its article
 * writes that person's surname. News gives a first name alone for someone its article places by
 * another's name (a mother, a wife); an article that never writes the surname tells of another
 * Katherine (a second event grouped into the story), however alike the names sound. A one-name age
 * that is a surname ("Roe, 35") is not touched. The mention goes back to its own slot.
 */
function keepFirstNamesApart(mentions: QMention[], before: Map<QMention, string>): void {
  for (const [m, own] of before) {
    if (m.slot === own) continue;
    const one = own.slice('age|'.length).toLowerCase();
    const surname = (m.slot.split('|')[1] ?? '').toLowerCase();
    if (!surname || surname === one) continue;
    const written = m.sent.art.sentences.some((s) => s.entities.some((e) => e.type === 'PER' && e.key.split(' ').pop() === surname));
    if (!written) m.slot = own;
  }
}

/**
 * "a mother of 12", "one of her 12 children": a count of children is a parent's (slots.ts,
 * `people|children`), and a story may tell of two parents ("Jane Roe and her four children" in a
 * story grouped with a mother of 12 killed in another shooting). Two counts are one parent's when
 * their sentences name one person or state one fact; the slot is split by that link (single link,
 * as splitByFact), so a count is compared with the counts of its own parent only.
 */
function childrenByParent(mentions: QMention[], al: Alignment): void {
  const ms = mentions.filter((m) => m.slot === 'people|children').slice(0, MAX_PER_SLOT);
  const people = ms.map((m) => new Set(m.sent.entities.filter((e) => e.type === 'PER').map((e) => e.key)));
  const group = linkedGroups(ms.length, (i, j) => [...people[i]].some((k) => people[j].has(k)) || ms[i].sent.id === ms[j].sent.id || oneFact(al, ms[i].sent, ms[j].sent));
  ms.forEach((m, i) => (m.slot = `${m.slot}|${group[i]}`));
}

/**
 * Whether a role-named age may be the person of a person slot (`age|<surname>|<sound>`): its article
 * names that person (by the surname), or names no one. "A 59-year-old woman was killed", in an
 * article that names the driver and a friend but not the story's victim, may be another woman (a
 * similar crash grouped into the story); a one-line item that names no one ("A 60-year-old woman
 * charged with killing ...") leaves the role to the story's one person in that act.
 */
function namesPerson(art: ArticleView, slot: string): boolean {
  const surname = slot.split('|')[1];
  const people = art.sentences.flatMap((s) => s.entities.filter((e) => e.type === 'PER'));
  return !people.length || (!!surname && people.some((e) => e.key.split(' ').pop() === surname));
}

/**
 * "A British man has been killed after falling around 2,000ft while climbing. Robert Buckley, 32,
 * was climbing to a hut …": how far someone named only by a role went (Slot.role) is how far the
 * person the article names next went, in that sentence after the role or in the two after it, with
 * a figure of their own (an age, a distance): news introduces the one who fell by a role, then by
 * name. With no such person it stays alone, compared with nothing. (Ages by a role join by the acts
 * they share, resolveOneNameSlots: "an 18-year-old confessed", then the victim's age, is two people.)
 */
function joinRolesByArticle(mentions: QMention[]): void {
  const PERSON = /^(?:age\|(?!role\|)|distance\|person\|)(.+)$/;
  for (const m of mentions) {
    if (!m.role || !m.slot.startsWith('distance|role|')) continue;
    const next = mentions
      .filter((o) => !o.role && o.sent.art.id === m.sent.art.id && PERSON.test(o.slot) && o.sent.index - m.sent.index <= 2 && (o.sent.index > m.sent.index || o.q.span.start > m.q.span.end))
      .sort((x, y) => x.sent.index - y.sent.index || x.q.span.start - y.q.span.start)[0];
    if (!next) continue;
    const person = PERSON.exec(next.slot)![1];
    m.slot = `distance|person|${person}`;
  }
}

/**
 * "The talks lasted three hours" and "they met for four hours": a duration no noun names (slot
 * `h|act|…`, see slots.ts spanOfAct) is the duration of the event another article's sentence names,
 * when the two sentences state one fact (one fact cluster, or close wording) and name no different
 * places (counts.ts joinByFact). The first such named duration (in sentence order) gives its slot; else it stays with its act.
 */
function joinSpansToNamedDurations(mentions: QMention[], al: Alignment): void {
  const span = (m: QMention) => m.slot.startsWith('h|act|');
  // (a named duration whose counted word is no noun, "two weeks later", names no thing to join: two-checks.ts)
  joinByFact(mentions, span, (o) => o.slot.startsWith('h|') && !span(o) && measuresNoun(o), () => true, (a, b) => !namesOtherPlaces(a, b) && oneFact(al, a, b));
}

/**
 * Figures of an aligned-only slot are one slot per group of sentences that state the same fact
 * (single link over aligned pairs of different articles that do not name different places); a
 * figure whose sentence aligns with none stays alone and is compared with nothing.
 */
function splitByFact(mentions: QMention[], al: Alignment): void {
  const bySlot = new Map<string, QMention[]>();
  for (const m of mentions) if (m.aligned) (bySlot.get(m.slot) ?? bySlot.set(m.slot, []).get(m.slot)!).push(m);
  for (const all of bySlot.values()) {
    all.sort((a, b) => cmp(a.sent.id, b.sent.id) || a.q.span.start - b.q.span.start);
    // bounded time: pairs are compared among the first MAX_PER_SLOT figures; the rest stay alone
    const ms = all.slice(0, MAX_PER_SLOT);
    all.slice(MAX_PER_SLOT).forEach((m, i) => (m.slot = `${m.slot}|alone${i}`));
    const group = linkedGroups(ms.length, (i, j) => {
      const [a, b] = [ms[i].sent, ms[j].sent];
      // (counts of things, checked twice: one fact also names no different people; "Roe grabbed nine
      // rebounds" and "Doe had 16 rebounds" may align on their words, each a player's own figure)
      if (ms[i].slot.startsWith('count|') && namesOthers(a, b)) return false;
      return a.art.id !== b.art.id && !namesOtherPlaces(a, b) && oneFact(al, a, b);
    });
    ms.forEach((m, i) => (m.slot = `${m.slot}|${group[i]}`));
  }
}

/**
 * Sides of a slot: precise figures compatible with a side's first figure form that side; a vague
 * figure ("about 4 hours", "at least 5.9") is a side of its own unless it says the same value as a
 * side, so that it neither bridges two disputed figures nor disappears from the comparison.
 * Magnitudes more than a unit from the slot's most reported one are about another shock of the
 * sequence (an aftershock or an earlier quake), not a disagreement: agencies differ by tenths.
 */
function sidesOf(ms: QMention[]): { rep: QMention; members: QMention[] }[] {
  const vague = (m: QMention) => m.q.qualifier !== 'exact';
  let pool = ms;
  if (ms[0]?.slot.startsWith('magnitude|')) {
    const counts = new Map<number, number>();
    for (const m of ms) counts.set(m.q.value, (counts.get(m.q.value) ?? 0) + 1);
    const mode = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
    pool = ms.filter((m) => Math.abs(m.q.value - mode) <= 1);
  }
  const sorted = [...pool].sort((a, b) => Number(vague(a)) - Number(vague(b)) || a.low - b.low || a.high - b.high || cmp(a.sent.id, b.sent.id));
  const sides: { rep: QMention; members: QMention[] }[] = [];
  for (const m of sorted) {
    // (a vague figure says the same value in the slot's unit: "about 200 feet" is not "about 200 metres")
    const side = sides.find((x) => (vague(m) ? x.rep.low === m.low && x.rep.high === m.high && x.rep.q.qualifier === m.q.qualifier : compareIntervals(x.rep, m) === 'same' && !vague(x.rep)));
    if (side) side.members.push(m);
    else sides.push({ rep: m, members: [m] });
  }
  return sides.sort((a, b) => a.rep.q.value - b.rep.q.value || a.rep.low - b.rep.low || a.rep.high - b.rep.high);
}

/**
 * The conflict among the figures of one slot, or null when they are compatible or from one source,
 * or when they are a growing total told higher on later days (then added to `evolving`).
 */
function slotConflict(story: StoryView, slotMentions: QMention[], al: Alignment, figures: FiguresByArticle, evolving: EvolvingFigure[], loose: (values: Set<string>) => QMention[]): Conflict | null {
  const oneArticle = new Set(slotMentions.map((m) => m.sent.art.id)).size === 1;
  if (story.independent(slotMentions.map((m) => m.sent.art.id)) < 2 && !oneArticle) return null;
  // (a running total an article hedges once and then restates bare is its lower bound both times)
  const ms = growsWhileUnfolding(slotMentions[0].slot) ? readBareAsBound(slotMentions) : slotMentions;
  const sides = sidesOf(ms);
  if (sides.length < 2) return null;
  const pairs: Conflict['pairs'] = [];
  for (let a = 0; a < sides.length; a++)
    for (let b = a + 1; b < sides.length; b++) {
      // figures more than ten times apart measure two things (another event's haul, another day's toll), not one told two ways
      if (apartTenfold(sides[a].rep, sides[b].rep)) continue;
      const verdict = compareIntervals(sides[a].rep, sides[b].rep);
      // compatible but differently stated ("about 4 h" and "3.5 h") is shown, not disputed
      const sev = verdict === 'same' ? 'minor' : verdict;
      const groupsA = new Set(sides[a].members.map((m) => m.sent.art.group));
      const groupsB = new Set(sides[b].members.map((m) => m.sent.art.group));
      // one source against itself is not a disagreement between outlets (it is shown within the article)
      const across =
        (sides[b].members.some((m) => !groupsA.has(m.sent.art.group)) || sides[a].members.some((m) => !groupsB.has(m.sent.art.group))) &&
        sameTimeOfWriting(sides[a].members, sides[b].members) &&
        !agedBetweenWritings(sides[a].members, sides[b].members) &&
        !(ms[0].slot.startsWith('age|') && toldAtTwoTimes(story, sides[a].members, sides[b].members, surnameOf(ms[0].slot))) &&
        !otherEventsFigures(sides[a], sides[b], figures) &&
        !(ms[0].slot.startsWith('count|') && actsOfOtherPeople(sides[a].members, sides[b].members)) &&
        !(countOfAHappening(ms[0].slot) && !tellOneHappening(sides[a].members, sides[b].members, al)) &&
        // (a second check for a disputed pair only: values told alike are shown as a minor difference, as before)
        (sev !== 'conflict' || twoChecksHold(ms[0].slot, sides[a].members, sides[b].members, { oneFact: (x, y) => oneFact(al, x, y), otherPlaces: namesOtherPlaces, storysOwn: (thing, s) => storysOwnThing(story, thing, s) }));
      // one article against itself is a contradiction of its own, marked withinArticle below
      // (not for figures an article's body may tell of several events, Slot.bodyOnly)
      const sameArticle = oneArticle && sev === 'conflict' && !ms.some((m) => m.bodyOnly) && contradictsItself(sides[a].members, sides[b].members, al);
      if (across || sameArticle) pairs.push({ a, b, severity: sev });
    }
  if (!pairs.some((p) => p.severity === 'conflict')) return null;
  gatherFigures(sides, ms, loose, al);
  const withinArticle = articleOnTwoSides(sides.map((x) => x.members));
  const unit = sides[0].rep.q.unit;
  const kind = unit === 'h' ? 'duration' : unit === 'count' || unit === 'people' ? 'count' : 'quantity';
  // a total that only grows, higher in each later day's articles: an evolving figure (one article against itself stays a conflict)
  // (an article on two compatible sides, "at least 3" and "3", contradicts nothing: only a disputed pair counts)
  const contradicted = pairs.some((p) => p.severity === 'conflict' && articleOnTwoSides([sides[p.a].members, sides[p.b].members]));
  const timing = growsWhileUnfolding(ms[0].slot) && !contradicted ? slotTiming(sides.map((x) => timedSide(x.members)), pairs) : null;
  if (timing?.rises) {
    // (what one agency said, `|by|`, is among the slot's own figures: one sequence)
    if (kind !== 'duration' && !ms[0].slot.includes('|by|')) evolving.push(evolvingFigure(story, ms[0].slot, slotLabel(ms), kind, sides.map((x) => quantitySide(story, x.rep, x.members))));
    return null;
  }
  return {
    id: '',
    kind,
    slot: slotLabel(ms),
    severity: pairs.some((p) => p.severity === 'conflict') ? 'conflict' : 'minor',
    withinArticle,
    sides: sides.map((x) => quantitySide(story, x.rep, x.members)),
    pairs,
    note: [conflictNote(sides.map((x) => displayQuantity(x.rep.q)), pairs), ...(timing?.notes ?? [])].join('; '),
    factIds: [],
  };
}

/**
 * The figures a slot's conflict may gather (sides.ts gatherSides): every figure of the story under
 * another slot (not what one agency said, a copy) and every figure with none that is no part or
 * increment of another and not hedged ("another six engines", "could cost $5 million"), in story order.
 */
function looseFigures(story: StoryView, mentions: QMention[]): QMention[] {
  const slotted = new Set(mentions.map((m) => m.q));
  const unslotted = figureSlots(story)
    .filter(({ sent, q, slot }) => !slot && !slotted.has(q) && !isPart(sent, q) && !isHedged(sent, q))
    .map(({ sent, q }): QMention => ({ sent, q, slot: '', label: '', low: q.value, high: q.value, unit: q.unit }));
  return [...mentions.filter((m) => !m.slot.includes('|by|')), ...unslotted].sort((a, b) => cmp(a.sent.id, b.sent.id) || a.q.span.start - b.q.span.start);
}

/**
 * Every figure that states one of a conflict's disputed values about the same thing joins that
 * value's side (issue 15): the same number in the same unit and qualifier and, for a count, the same
 * measure noun ("86 yards" and "an 86-yard run", not 86 points) or, with none, the same counted noun.
 * It is linked to a member by compatible participants (no different people, no different places;
 * when the sides name whose figure they dispute, sharedHolders, one of them named) and by one fact or
 * that holder named; then to a figure gathered so by one fact or by its own slot ("Katherine Gomes,
 * 61" in other articles, once one of her 61s states one fact with "the women killed, who were 61 and
 * 48"). A figure of this slot that the sides left out (another fact, another shock) stays out.
 */
function gatherFigures(sides: { rep: QMention; members: QMention[] }[], ms: QMention[], loose: (values: Set<string>) => QMention[], al: Alignment): void {
  const slot = ms[0].slot;
  const base = slot.replace(/\|\d+$/, '');
  const members = new Set(ms);
  // (bounded time: only figures that write one of the sides' numbers are read further)
  const values = new Set(ms.map(written));
  const candidates = loose(values).filter((c) => !members.has(c) && (!c.slot || (c.slot !== slot && c.slot.replace(/\|\d+$/, '') !== base)));
  if (!candidates.length) return;
  const holders = sharedHolders(sides.map((x) => x.members));
  // (a count's measure noun, else its counted noun: "13 shots" states no "mother of 13"'s children)
  const dimensions = new Map<QMention, string>();
  const dimension = (m: QMention) => {
    let d = dimensions.get(m);
    if (d === undefined) dimensions.set(m, (d = m.q.unit === 'count' || m.q.unit === 'people' ? (measureDimension(m.sent)(m.q) ?? `n:${(m.q.counted ?? '').toLowerCase().replace(/s$/, '')}`) : m.q.unit));
    return d;
  };
  const sameValue = (c: QMention, m: QMention) => written(c) === written(m) && dimension(c) === dimension(m);
  // (when the sides name whose figure they dispute, a sentence that names none of them may give another's:
  // "His 14 points bettered his career high" beside "Richard Carter scored 14 points")
  const whose = (c: QMention) => !holders.size || namesHolder(c.sent, holders);
  const compatible = (c: QMention, m: QMention) => whose(c) && !namesOthers(c.sent, m.sent) && !namesOtherPlaces(c.sent, m.sent);
  // (the holder first: read once per figure, where one fact compares two sentences)
  const linked = (c: QMention, m: QMention) => compatible(c, m) && (namesHolder(c.sent, holders) || oneFact(al, c.sent, m.sent));
  // (then through a gathered figure: one fact, or its own slot, which already says the two are one thing)
  const again = (c: QMention, g: QMention) => compatible(c, g) && ((!!c.slot && c.slot === g.slot) || oneFact(al, c.sent, g.sent));
  gatherSides(sides.map((x) => x.members), candidates, sameValue, linked, again);
}

/** A figure's value as it is written: number, unit and qualifier (what gathering matches on). */
const written = (m: QMention) => `${m.q.value}|${m.q.unit}|${m.q.qualifier}`;
/** A figure's number and unit: what its written value keeps when a bare restatement is read as a bound (evolving.ts readBareAsBound changes only the qualifier). */
const numberOf = (m: QMention) => `${m.q.value}|${m.q.unit}`;

/** The loose figures in story order, and their places in it by number and unit. */
interface LooseFigures {
  list: QMention[];
  at: Map<string, number[]>;
}
function byNumber(list: QMention[]): LooseFigures {
  const at = new Map<string, number[]>();
  list.forEach((m, i) => {
    const k = numberOf(m);
    const l = at.get(k);
    if (l) l.push(i);
    else at.set(k, [i]);
  });
  return { list, at };
}

/**
 * The loose figures that write one of `values` (written), in story order: read through their
 * number and unit, not by a scan of every loose figure of the story for each conflict.
 */
function figuresWriting(loose: LooseFigures, values: Set<string>): QMention[] {
  const places: number[] = [];
  const numbers = new Set<string>();
  for (const v of values) numbers.add(v.slice(0, v.lastIndexOf('|')));
  for (const k of numbers) for (const i of loose.at.get(k) ?? []) if (values.has(written(loose.list[i]))) places.push(i);
  return places.sort((a, b) => a - b).map((i) => loose.list[i]);
}

/** A side's value interval (its first figure's) and its articles' publication days. */
function timedSide(members: QMention[]): TimedSide {
  return { low: members[0].low, high: members[0].high, days: members.map((m) => m.sent.art.published) };
}

/** Each article's figures by their final slot (what one agency said, `|by|`, is a copy of its slot's figure and left out). */
type FiguresByArticle = Map<string, Map<string, QMention[]>>;
function figuresByArticle(mentions: QMention[]): FiguresByArticle {
  const out: FiguresByArticle = new Map();
  for (const m of mentions) {
    if (m.slot.includes('|by|')) continue;
    const art = out.get(m.sent.art.id) ?? out.set(m.sent.art.id, new Map()).get(m.sent.art.id)!;
    (art.get(m.slot) ?? art.set(m.slot, []).get(m.slot)!).push(m);
  }
  return out;
}

/**
 * Two sides told by the articles of two events grouped as one story (two quakes on one island, a
 * magnitude-5.6 that hurt five and a 5.9 that killed ten and hurt 70): the articles of one side and
 * those of the other dispute another figure of the story too, agree on none, and one of the two
 * disputes is five times apart or more (five hurt, 70 hurt). Within one event, outlets that
 * dispute one figure share others or dispute them by a margin ("Buckley, 32" and "31" beside a
 * fall of 600 m and of 700 m: two disputes of one event, kept); a figure several times another
 * beside a second dispute is another event's. Figures of other slots told at other times of
 * writing (an age, a running count) are not read as disagreeing.
 */
function otherEventsFigures(sa: { rep: QMention; members: QMention[] }, sb: { rep: QMention; members: QMention[] }, figures: FiguresByArticle): boolean {
  const [a, b] = [sa.members, sb.members];
  const slot = a[0].slot.split('|by|')[0];
  const artsA = new Set(a.map((m) => m.sent.art.id));
  const artsB = new Set(b.map((m) => m.sent.art.id));
  if ([...artsA].some((id) => artsB.has(id))) return false;
  const bySlot = (arts: Set<string>) => {
    const out = new Map<string, QMention[]>();
    for (const id of arts) for (const [k, ms] of figures.get(id) ?? []) if (k !== slot) (out.get(k) ?? out.set(k, []).get(k)!).push(...ms);
    return out;
  };
  const [fa, fb] = [bySlot(artsA), bySlot(artsB)];
  let disagree = 0;
  let far = apartFivefold(sa.rep, sb.rep);
  for (const [k, xs] of fa) {
    const ys = fb.get(k);
    if (!ys) continue;
    if (xs.some((x) => ys.some((y) => compareIntervals(x, y) !== 'conflict'))) return false;
    if (!sameTimeOfWriting(xs, ys)) continue;
    disagree++;
    far ||= xs.every((x) => ys.every((y) => apartFivefold(x, y)));
  }
  return disagree > 0 && far;
}

/**
 * "Odum returning an interception 32 yards" and "Varga intercepted a pass and returned it 35
 * yards": a count of an act is one act's only between sentences that name its people alike. When
 * every sentence of one side and every sentence of the other (of other articles) each name people
 * and share none, they tell two people's acts (two plays of a game, two games), not one disputed.
 * Who a figure is attributed to ("Gov. Roe said 50 were injured") is the source, not a participant:
 * the speakers of the article's quotes are left out.
 */
function actsOfOtherPeople(a: QMention[], b: QMention[]): boolean {
  const people = (m: QMention) => {
    const speakers = m.sent.art.quotes.map((q) => q.quote.speakerSpan).filter((x): x is { start: number; end: number } => !!x);
    return new Set(m.sent.entities.filter((e) => e.type === 'PER' && !speakers.some((x) => x.start <= e.span.start && e.span.end <= x.end)).map((e) => e.key));
  };
  const pa = a.map(people);
  const pb = b.map(people);
  let pairs = 0;
  for (let i = 0; i < a.length; i++)
    for (let j = 0; j < b.length; j++) {
      if (a[i].sent.art.id === b[j].sent.art.id) continue;
      if (!pa[i].size || !pb[j].size || [...pa[i]].some((k) => pb[j].has(k))) return false;
      pairs++;
    }
  return pairs > 0;
}

/**
 * Figures of one happening: counts of what it hit or took part in, its things (`count|`) and its people by frame
 * (`people|`), not a parent's children (childrenByParent); and a shock's magnitude (`magnitude|`: two quakes told
 * on other days or in other towns are two shocks, not one measured two ways).
 */
const countOfAHappening = (slot: string) => /^(?:count|people|magnitude)\|/.test(slot) && !slot.startsWith('people|children');

/**
 * A count's second check (issue 15: no count conflict rests on one guard). The slot's key says the
 * counted noun and the act's class, or the casualty frame, and an aligned slot that the sentences
 * state one fact; this asks the sentences of the two sides themselves: some sentence of one and
 * some sentence of the other, in two articles, name no different people, places or weekdays, and
 * share something of the happening: a participant (a person or an organisation), a place, the
 * weekday, or one fact. A lead that recalls another shooting's "killed three" names its own place;
 * "two were arrested" on another day names another weekday; two leads' counts of one act class
 * that share nothing else may be two happenings.
 */
function tellOneHappening(a: QMention[], b: QMention[], al: Alignment): boolean {
  return a.some((x) => b.some((y) => x.sent.art.id !== y.sent.art.id && oneHappening(x.sent, y.sent, al)));
}

function oneHappening(x: Sent, y: Sent, al: Alignment): boolean {
  if (namesOthers(x, y)) return false;
  // (a country or a world region holds the other's town: "southern Iran" and "Qeshm island" are not two places)
  const [px, py] = [placesOf(x), placesOf(y)];
  const [nx, ny] = [[...px].filter((p) => !widePlaces().has(p)), [...py].filter((p) => !widePlaces().has(p))];
  if (nx.length && ny.length && !nx.some((p) => py.has(p))) return false;
  const [dx, dy] = [weekdaysOf(x), weekdaysOf(y)];
  if (apart(dx, dy)) return false;
  return shares(px, py) || shares(actorKeys(x), actorKeys(y)) || shares(dx, dy) || oneFact(al, x, y);
}

/** Countries (names and aliases) and world regions, as entity keys: places that hold the towns a story names. */
let WIDE_PLACES: Set<string> | null = null;
function widePlaces(): Set<string> {
  WIDE_PLACES ??= new Set([...countryList().flatMap((c) => [c.name, ...c.aliases]), ...regionList()].map((n) => canonicalName(n)));
  return WIDE_PLACES;
}

/** The weekdays a sentence dates its acts on (weekdays and full dates, by their day), not the day of a statement ("officials said on Wednesday": the report's). */
function weekdaysOf(s: Sent): Set<string> {
  const out = new Set<string>();
  for (const t of s.times) if ((t.kind === 'weekday' || t.kind === 'date' || t.kind === 'datetime') && actReading(s, t).act?.cls !== 'statement') {
    const day = dayOf(t)?.weekday;
    if (day) out.add(day);
  }
  return out;
}

/** Figures five times apart or more (five hurt and 50, two and 80): not one figure told two ways. */
function apartFivefold(a: QMention, b: QMention): boolean {
  const [lo, hi] = a.q.value <= b.q.value ? [a, b] : [b, a];
  return lo.q.value > 0 && Number.isFinite(lo.high) && hi.low >= 5 * lo.high;
}

function apartTenfold(a: QMention, b: QMention): boolean {
  const [lo, hi] = a.q.value <= b.q.value ? [a, b] : [b, a];
  return lo.q.value > 0 && Number.isFinite(hi.low) && hi.low > 10 * lo.high;
}

/**
 * One article against itself: two figures of one slot contradict each other only when their
 * sentences state one fact (one fact cluster, or close wording) and one of them is in the article's
 * own voice. An article that gives two figures for one slot in sentences about different things
 * tells of two things (two payments, another person's age); two figures inside quotations are what
 * its speakers said ("the memorized 25-second speech" and, later, "the 30-second speech"), which
 * the article reports rather than states.
 */
function contradictsItself(a: QMention[], b: QMention[], al: Alignment): boolean {
  return a.some((x) =>
    b.some((y) => {
      if (quoted(x) && quoted(y)) return false;
      return x.sent.id === y.sent.id || oneFact(al, x.sent, y.sent);
    }),
  );
}

/** Whether a figure lies inside a direct or partial quotation of its article (analyse's quotes). */
function quoted(m: QMention): boolean {
  const at = m.q.span.start;
  return m.sent.art.quotes.some((q) => q.quote.kind !== 'indirect' && (q.quote.parts ?? [q.quote.span]).some((p) => p.start <= at && at < p.end));
}

/**
 * An age is the person's age when the article was written: "Roe, 27" in articles of 2005 and
 * "Roe, 29" in articles of 2007 are one man two years apart, not a disagreement. Two sides of
 * an age are not compared when their dated articles were all published more than half a year
 * apart (the side's undated articles are taken to be of its dated ones' time); with no dated
 * article on a side they are (the reader sees both sentences).
 */
function sameTimeOfWriting(a: QMention[], b: QMention[]): boolean {
  // (a running total or a game's figure, held:/game:, changes with each game: articles a day apart at most)
  // (a count of the story's things told a day or more apart may have grown: compared only when it did,
  // then shown as an evolving figure, evolving.ts; a lower count days later may be of another event)
  if (a[0]?.slot.startsWith('count|') && pairTiming(timedSide(a), timedSide(b)) === 'rises') return true;
  const span = a[0]?.unit === 'years' ? AGE_SPAN_DAYS : /^(?:held|game):|^count\|/.test(a[0]?.slot ?? '') ? 1 : 0;
  if (!span) return true;
  // (publication days: "YYYY-MM-DD", see stories/facts.ts publicationDay)
  const days = (ms: QMention[]) => ms.map((m) => m.sent.art.published).filter((d): d is string => !!d).map((d) => Date.parse(d) / 86_400_000);
  const da = days(a);
  const db = days(b);
  if (!da.length || !db.length) return true;
  return da.some((x) => db.some((y) => Math.abs(x - y) <= span));
}
const AGE_SPAN_DAYS = 183;

/**
 * An age's second check of the time of writing (issue 15: "Orozco, 27" in the articles of the
 * shooting and "Orozco, 29" in those of the trial were held apart by publication days alone): the
 * latest year an article writes (a date, a month or a year, in its words) is a lower bound on when
 * it was written. When every article of the younger side that writes a year writes none after Y,
 * every article of the older side that writes one writes a year Y' > Y, and the ages differ by no
 * more than Y' - Y (plus one, for a birthday), the sides were written at two times, dated or not.
 * So were they when one article is on both sides: an article that gives one person two ages tells
 * of two times (then and now), whatever word marks the earlier one ("then 15", "who was 15 when").
 */
function agedBetweenWritings(a: QMention[], b: QMention[]): boolean {
  if (a[0]?.unit !== 'years') return false;
  // an article that gives the person both ages tells two times itself ("then-15-year-old Roe" and "Roe, now 16")
  const arts = new Set(a.map((m) => m.sent.art.id));
  if (b.some((m) => arts.has(m.sent.art.id))) return true;
  const [younger, older] = a[0].q.value <= b[0].q.value ? [a, b] : [b, a];
  const latest = (ms: QMention[]) => [...new Set(ms.map((m) => m.sent.art))].map(latestYearWritten).filter((y): y is number => y !== null);
  const [ly, lo] = [latest(younger), latest(older)];
  if (!ly.length || !lo.length) return false;
  const [y, later] = [Math.max(...ly), Math.min(...lo)];
  return later > y && older[0].q.value - younger[0].q.value <= later - y + 1;
}

/** The latest year an article's times write in figures ("in 2005", "June 24, 2005"), or null. */
const LATEST_YEAR = new WeakMap<ArticleView, number | null>();
function latestYearWritten(art: ArticleView): number | null {
  if (LATEST_YEAR.has(art)) return LATEST_YEAR.get(art)!;
  let out: number | null = null;
  for (const s of art.sentences)
    for (const t of s.times) {
      if (!t.resolved || !/^\d{4}/.test(t.resolved) || !/\b\d{4}\b/.test(t.text)) continue;
      const year = Number(t.resolved.slice(0, 4));
      if (out === null || year > out) out = year;
    }
  LATEST_YEAR.set(art, out);
  return out;
}

/** What a slot measures, named by its fullest mention ("age of Mary Ellen Hartley Roe", not "age of Roe"). */
function slotLabel(ms: QMention[]): string {
  const named = ms.filter((m) => m.person).sort((a, b) => b.person!.length - a.person!.length || cmp(a.label, b.label));
  return (named[0] ?? ms[0]).label;
}

function conflictNote(values: string[], pairs: Conflict['pairs']): string {
  const parts = pairs.map((p) => `${values[p.a]} vs ${values[p.b]}: ${p.severity === 'conflict' ? 'incompatible' : 'minor discrepancy'}`);
  return parts.join('; ');
}

function quantitySide(story: StoryView, rep: QMention, members: QMention[]): ConflictSide {
  const ms = [...members].sort((a, b) => cmp(a.sent.id, b.sent.id) || a.q.span.start - b.q.span.start);
  const articles = [...new Set(ms.map((m) => m.sent.art.id))].sort(cmp);
  const norm: NormalizedValue = {
    kind: 'quantity',
    unit: rep.q.unit,
    value: rep.q.value,
    low: Number.isFinite(rep.low) ? rep.low : null,
    high: Number.isFinite(rep.high) ? rep.high : null,
    qualifier: rep.q.qualifier,
    date: null,
  };
  return {
    value: displayQuantity(rep.q),
    normalized: norm,
    wordings: [...new Set(ms.map((m) => wordingAround(m.sent, m.q.span.start, m.q.span.end)))],
    articles,
    outlets: [...new Set(articles.map((id) => story.byId.get(id)!.outlet))],
    independentSources: story.independent(articles),
    evidence: ms.map((m) => evidence(m.sent, { ...m.q.span })),
  };
}

/** The quantity's words plus what it counts ("over seven-hour-long talks"). */
function wordingAround(s: Sent, start: number, end: number): string {
  const text = s.art.text;
  const after = /^[\s-]*(?:of\s+)?(?:[A-Za-z’'-]+)/.exec(text.slice(end, Math.min(s.span.end, end + 30)));
  return clean(text.slice(start, end) + (after ? after[0] : ''));
}

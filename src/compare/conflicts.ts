/**
 * Conflicts: the same slot with incompatible values across (or within) articles.
 * - Quantities: slot = unit + what is counted (event nouns such as talks/meeting/negotiations are
 *   one class). Each value becomes an interval from its qualifier (exact ±5 %, about ±20 %, more
 *   than → [v, ∞) ...). Disjoint intervals (gap > 10 %) conflict; overlapping but different
 *   values are a minor discrepancy; equal values are one side.
 * - Dates: slot = kind of act (statement, meeting, arrival, attack ...) + the actors; a weekday or
 *   calendar date near the act's verb is its value.
 * No winner is picked: every side carries its value, outlets and sentences.
 */
import type { Quantity } from '../model/types.js';
import { actKindOf } from './acts.js';
import { clockConflicts } from './clock.js';
import { recordConflicts, surnameOf, toldAtTwoTimes } from './records.js';
import { standingConflicts } from './standings.js';
import { scoreConflicts } from './scores.js';
import { markConflicts } from './marks.js';
import { holderConflicts } from './holders.js';
import { residenceConflicts } from './residence.js';
import { fillerConflicts } from './fillers.js';
import { joinRolesByAge } from './role-ages.js';
import { actOfTime, actSlots, datedActs, participantKey, pronounAntecedent, recurringDay } from './dated-acts.js';
import { actClass, newsActKind } from './act-classes.js';
import { MONTH_NAME_PATTERN, MONTH_PATTERN, WEEKDAY_PATTERN, weekdayName } from '../text/calendar.js';
import { countryList, regionList } from '../text/places.js';
import { type Alignment, statesOneFact as oneFact } from './facts.js';
import { type ArticleView, canonicalName, type EntityRef, evidence, type ResolvedTime, type Sent, type StoryView, sentText } from './prepare.js';
import { articleOnTwoSides, sidesByFirst } from './sides.js';
import { backgroundSentences, figureSlots, inLead, resolveOneNameSlots, type Slot, storyEventDay } from './slots.js';
import { parseOf } from './syntax.js';
import { clean, cmp } from './text.js';
import { linkedGroups } from '../util/union-find.js';
import { joinByFact, joinCountsToActs, repeatedCounts } from './counts.js';
import { evolvingFigure, growsWhileUnfolding, pairTiming, slotTiming, type TimedSide } from './evolving.js';
import type { Conflict, ConflictSide, EvolvingFigure, NormalizedValue } from './types.js';
import { argumentEvents, datesEvent, namesEvent, storyEvent } from './story-event.js';
import { measuresNoun, twoChecksHold } from './two-checks.js';

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
  // or kilogram, not a measure the writer rounded: exact, as an age)
  const stated = slot.unit === 'people' || slot.unit === 'count' || slot.unit === 'block' || slot.unit === 'years' || (slot.unit === 'kg' && slot.personal);
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
  return [...quantityConflicts(story, al, evolving), ...dates, ...actDateConflicts(story, dates, al), ...clockConflicts(story, al), ...residenceConflicts(story), ...fillerConflicts(story), ...recordConflicts(story), ...standingConflicts(story), ...scoreConflicts(story), ...markConflicts(story), ...holderConflicts(story, al)];
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
  const out: Conflict[] = [];
  for (let i = 0; i < mentions.length; ) {
    let j = i;
    while (j < mentions.length && mentions[j].slot === mentions[i].slot) j++;
    const c = slotConflict(story, mentions.slice(i, j), al, figures, evolving);
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

/** Two sentences that each name places and share none (a crowd in one city, another in another). */
function namesOtherPlaces(a: Sent, b: Sent): boolean {
  const pa = placesOf(a);
  const pb = placesOf(b);
  return pa.size > 0 && pb.size > 0 && ![...pa].some((x) => pb.has(x));
}

/** Places a sentence names (linked keys). */
function placesOf(s: Sent): Set<string> {
  return new Set(s.entities.filter((e) => e.type === 'LOC').map((e) => e.key));
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
    const side = sides.find((x) => (vague(m) ? x.rep.q.value === m.q.value && x.rep.q.qualifier === m.q.qualifier : compareIntervals(x.rep, m) === 'same' && !vague(x.rep)));
    if (side) side.members.push(m);
    else sides.push({ rep: m, members: [m] });
  }
  return sides.sort((a, b) => a.rep.q.value - b.rep.q.value || a.rep.low - b.rep.low || a.rep.high - b.rep.high);
}

/**
 * The conflict among the figures of one slot, or null when they are compatible or from one source,
 * or when they are a growing total told higher on later days (then added to `evolving`).
 */
function slotConflict(story: StoryView, ms: QMention[], al: Alignment, figures: FiguresByArticle, evolving: EvolvingFigure[]): Conflict | null {
  const oneArticle = new Set(ms.map((m) => m.sent.art.id)).size === 1;
  if (story.independent(ms.map((m) => m.sent.art.id)) < 2 && !oneArticle) return null;
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
        !(ms[0].slot.startsWith('age|') && toldAtTwoTimes(story, sides[a].members, sides[b].members, surnameOf(ms[0].slot))) &&
        !otherEventsFigures(sides[a], sides[b], figures) &&
        !(ms[0].slot.startsWith('count|') && actsOfOtherPeople(sides[a].members, sides[b].members)) &&
        !(countOfAHappening(ms[0].slot) && !tellOneHappening(sides[a].members, sides[b].members, al)) &&
        // (a second check for a disputed pair only: values told alike are shown as a minor difference, as before)
        (sev !== 'conflict' || twoChecksHold(ms[0].slot, sides[a].members, sides[b].members, { oneFact: (x, y) => oneFact(al, x, y), otherPlaces: namesOtherPlaces }));
      // one article against itself is a contradiction of its own, marked withinArticle below
      // (not for figures an article's body may tell of several events, Slot.bodyOnly)
      const sameArticle = oneArticle && sev === 'conflict' && !ms.some((m) => m.bodyOnly) && contradictsItself(sides[a].members, sides[b].members, al);
      if (across || sameArticle) pairs.push({ a, b, severity: sev });
    }
  if (!pairs.some((p) => p.severity === 'conflict')) return null;
  const withinArticle = articleOnTwoSides(sides.map((x) => x.members));
  const unit = sides[0].rep.q.unit;
  const kind = unit === 'h' ? 'duration' : unit === 'count' || unit === 'people' ? 'count' : 'quantity';
  // a total that only grows, higher in each later day's articles: an evolving figure (one article against itself stays a conflict)
  const timing = growsWhileUnfolding(ms[0].slot) && !withinArticle ? slotTiming(sides.map((x) => timedSide(x.members)), pairs) : null;
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

/** Counts of what a happening hit or took part in: its things (`count|`) and its people by frame (`people|`), not a parent's children (childrenByParent). */
const countOfAHappening = (slot: string) => /^(?:count|people)\|/.test(slot) && !slot.startsWith('people|children');

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
  if (dx.size && dy.size && !shares(dx, dy)) return false;
  return shares(px, py) || shares(actorKeys(x), actorKeys(y)) || shares(dx, dy) || oneFact(al, x, y);
}

/** Countries (names and aliases) and world regions, as entity keys: places that hold the towns a story names. */
let WIDE_PLACES: Set<string> | null = null;
function widePlaces(): Set<string> {
  WIDE_PLACES ??= new Set([...countryList().flatMap((c) => [c.name, ...c.aliases]), ...regionList()].map((n) => canonicalName(n)));
  return WIDE_PLACES;
}

const shares = (a: Set<string>, b: Set<string>) => [...a].some((k) => b.has(k));

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

/** What a slot measures, named by its fullest mention ("age of Mary Ellen Hartley Roe", not "age of Roe"). */
function slotLabel(ms: QMention[]): string {
  const named = ms.filter((m) => m.person).sort((a, b) => b.person!.length - a.person!.length || cmp(a.label, b.label));
  return (named[0] ?? ms[0]).label;
}

/** Bounded time: at most MAX_PER_SLOT values of one slot are compared pairwise (the first in story order). */
const MAX_PER_SLOT = 400;
function capPerSlot<T>(sorted: T[], slot: (x: T) => string) {
  let run = 0;
  let prev = '';
  let w = 0;
  for (const x of sorted) {
    const k = slot(x);
    run = k === prev ? run + 1 : 1;
    prev = k;
    if (run <= MAX_PER_SLOT) sorted[w++] = x;
  }
  sorted.length = w;
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
  let before = '';
  const pre = /(?:\b(?:a|an|the|over|after|about|during|some)\s+)$/i.exec(text.slice(Math.max(s.span.start, start - 10), start));
  if (pre) before = '';
  return clean(before + text.slice(start, end) + (after ? after[0] : ''));
}


// ---------------------------------------------------------------- dates


interface DMention {
  sent: Sent;
  t: ResolvedTime;
  act: string;
  actors: ReadonlySet<string>;
  /** Actors named before the act's verb. */
  subjects: ReadonlySet<string>;
  /** Comparable value: ISO date, or weekday name when unresolved. */
  value: string;
  weekday: string | null;
  /** Whom the act is done to, by the parse (participant keys); undefined without a parse. */
  patients?: Set<string>;
  /** The head lemma of the act's object, by the parse (dated-acts.ts). */
  object?: string;
  /** The head of its (or its object's) prepositional complement ("pleaded guilty to obstruction"; dated-acts.ts). */
  complement?: string;
  /** A day with its year written, in a sentence about the past ("On June 27, 1973, he pleaded guilty"): held to one fact as a year is. */
  pastDay?: boolean;
}

/** What a dated item says happened: the act its time dates (actAt) and who acts (actorKeys). */
export interface ActReading {
  act: { cls: string; at: number } | null;
  actors: ReadonlySet<string>;
}
/**
 * Per time expression (each belongs to one sentence, so this is per sentence and time), read once:
 * the lead's date check and the timeline ask for the same items' acts and actors (the parse's act
 * itself is kept by dated-acts.ts actOfTime, which actDateConflicts reads too).
 */
const READINGS = new WeakMap<ResolvedTime, ActReading>();
export function actReading(s: Sent, t: ResolvedTime): ActReading {
  let r = READINGS.get(t);
  if (!r) {
    r = { act: actAt(s, t), actors: actorKeys(s, t) };
    READINGS.set(t, r);
  }
  return r;
}

/**
 * The kind of act dated by `t` and where its verb is: the nearest act word within 6 words, of the
 * kind of the verb the parse says the date modifies. A date the parse gives to a verb of no kind
 * dates no act of one ("tweaked his knee last Thursday, the coach said": not the saying).
 */
export function actAt(s: Sent, t: ResolvedTime): { cls: string; at: number } | null {
  const parsed = actOfTime(s, t);
  const kind = parsed ? newsActKind(parsed.lemma, !!parsed.byNoun, parsed.object) : undefined;
  if (kind === null) return null;
  let best: { cls: string; d: number; at: number } | null = null;
  const idx = s.tokens.findIndex((tk) => tk.start >= t.span.start);
  const endIdx = s.tokens.findIndex((tk) => tk.start >= t.span.end);
  const first = idx < 0 ? s.tokens.length : idx;
  const last = endIdx < 0 ? s.tokens.length : endIdx;
  for (let i = Math.max(0, first - 6); i < Math.min(s.tokens.length, last + 8); i++) {
    if (i >= first && i < last) continue;
    const cls = actKindOf(s, s.tokens[i]);
    const d = i < first ? first - i : i - last + 1;
    if (cls && (kind === undefined || cls === kind) && (!best || d < best.d)) best = { cls, d, at: s.tokens[i].start };
  }
  return best ? { cls: best.cls, at: best.at } : null;
}

function dateConflicts(story: StoryView, al: Alignment): Conflict[] {
  const mentions: DMention[] = [];
  // the day of the event is told in the lead; later dates are mostly of other acts (reactions, earlier events)
  for (const s of story.sentences.filter(inLead))
    for (const t of s.times) {
      if (t.kind !== 'weekday' && t.kind !== 'date' && t.kind !== 'datetime') continue;
      if (t.resolved && t.resolved.length < 10 && t.kind !== 'weekday') continue;
      // "on the second Tuesday of each month": a schedule, not the day of one act
      if (recurringDay(s, t)) continue;
      const { act: found, actors } = actReading(s, t);
      if (!found || datesItsNoun(s, t, found.at)) continue;
      const act = found.cls;
      if (act === 'statement' && toldToday(s, t)) continue;
      if (!actors.size) continue;
      // who does it: the actors named before the verb (all of them for passives and inversions)
      const before = new Set(s.entities.filter((e) => actors.has(e.key) && e.span.end <= found.at).map((e) => e.key));
      const subjects = before.size ? before : actors;
      const day = dayOf(t);
      if (!day) continue;
      // the parse, when there is one, says whether the dated verb states a fact and whom it is done to
      const parsed = actOfTime(s, t);
      if (parsed && !parsed.fact) continue;
      mentions.push({ sent: s, t, act, actors, subjects, ...day, patients: parsed?.patients });
    }
  mentions.sort((a, b) => cmp(a.act, b.act) || cmp(a.sent.id, b.sent.id) || a.t.span.start - b.t.span.start);
  capPerSlot(mentions, (m) => m.act);
  const comparable = (a: DMention, b: DMention): boolean => {
    if (a.act !== b.act || a.sent.id === b.sent.id) return false;
    // "Trump said Tuesday Clinton …" and "Clinton said Wednesday Trump …" are two acts
    if (![...a.subjects].some((x) => b.subjects.has(x))) return false;
    // "signed Jane Roe on Tuesday" and "signed John Doe on Wednesday": one signer, two acts
    if (a.patients?.size && b.patients?.size && ![...a.patients].some((x) => b.patients!.has(x))) return false;
    const sameFact = al.clusterOf.has(a.sent.id) && al.clusterOf.get(a.sent.id) === al.clusterOf.get(b.sent.id);
    if (sameFact) return true;
    if (a.sent.art.id === b.sent.art.id) return false; // one article's two dates for one kind of act: usually two acts
    // People act on several days: the same act needs related wording, less of it for a joint act
    // of two or more named subjects ("Roe and Doe signed …"), which is distinctive.
    let sharedSubjects = 0;
    for (const x of a.subjects) if (b.subjects.has(x)) sharedSubjects++;
    const sim = al.sim(a.sent, b.sent);
    return sim >= 0.25 || (sharedSubjects >= 2 && sim >= 0.12);
  };
  const parent = mentions.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < mentions.length; i++)
    for (let j = i + 1; j < mentions.length && mentions[j].act === mentions[i].act; j++) {
      if (!comparable(mentions[i], mentions[j])) continue;
      const ri = find(i);
      const rj = find(j);
      if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
    }
  const groups = new Map<number, DMention[]>();
  mentions.forEach((m, i) => {
    const r = find(i);
    if (!groups.has(r)) groups.set(r, []);
    groups.get(r)!.push(m);
  });
  const out: Conflict[] = [];
  for (const ms of groups.values()) {
    const c = dateConflict(story, ms, `the ${ms[0].act}`);
    if (c) out.push(c);
  }
  return out;
}

/**
 * "gained six seats in Tuesday's election, officials said on Wednesday": a day in the possessive
 * dates the noun it qualifies, not a verb near it; an act word found elsewhere in the sentence (the
 * officials' saying) is not dated by it.
 */
function datesItsNoun(s: Sent, t: ResolvedTime, actAtOffset: number): boolean {
  if (!/['’]s$/.test(t.text)) return false;
  const next = s.tokens.find((tk) => tk.start >= t.span.end);
  return !next || next.start !== actAtOffset;
}

/** The conflict among dated mentions of one act, or null when they agree. `what` names the act ("the signing"). */
function dateConflict(story: StoryView, all: DMention[], what: string): Conflict | null {
  const ms = all.filter((m) => !guessedDay(m));
  if (ms.length < 2) return null;
  const sides = sidesByFirst(ms, sameDay);
  if (sides.length < 2) return null;
  sides.sort((a, b) => cmp(a[0].value, b[0].value));
  const common = [...ms[0].actors].filter((x) => ms.every((m) => m.actors.has(x) || ms.some((o) => o !== m && o.actors.has(x))));
  const actorNames = displayActors(ms, common);
  const pairs: Conflict['pairs'] = [];
  for (let a = 0; a < sides.length; a++) for (let b = a + 1; b < sides.length; b++) pairs.push({ a, b, severity: 'conflict' });
  const withinArticle = articleOnTwoSides(sides);
  const values = sides.map((x) => dateDisplay(x[0]));
  return {
    id: '',
    kind: 'date',
    slot: `date of ${what}${actorNames ? ` by ${actorNames}` : ''}`,
    severity: 'conflict',
    withinArticle,
    sides: sides.map((x) => dateSide(story, x)),
    pairs,
    note: `${values.join(' vs ')}: different days for the same ${what.replace(/^the /, '')}`,
    factIds: [],
  };
}

/**
 * "announced today (3 March 2019)": a statement dated by the article's own "today" is dated by
 * when the article was written. Two articles written on different days that each report a
 * statement "today" report two statements (or one repeated), not a disagreement over one day.
 */
function toldToday(s: Sent, t: ResolvedTime): boolean {
  const before = s.art.text.slice(Math.max(s.span.start, t.span.start - 12), t.span.start);
  return /\btoday\b/i.test(t.text) || /\btoday\s*[(,]?\s*$/i.test(before);
}

const NAMED_DAY = new RegExp(`\\d|\\b(?:${WEEKDAY_PATTERN}|${MONTH_NAME_PATTERN})\\b`, 'i');
/**
 * "midnight yesterday" in an undated article: its day is the story's date guessed for the article
 * (resolvedInferred), and the words name no day of their own. It cannot oppose a day another
 * article names: the article may have been written on another day than the story's.
 */
function guessedDay(m: DMention): boolean {
  return m.t.resolvedInferred && !NAMED_DAY.test(m.t.text);
}

/** Two dated mentions say the same day: equal values, or equal weekdays when one is only a weekday. */
function sameDay(a: DMention, b: DMention): boolean {
  if (a.value === b.value) return true;
  if (a.t.resolvedInferred || b.t.resolvedInferred) return sameAsWritten(a, b);
  if (COARSE.test(a.value) || COARSE.test(b.value)) return sameAtCoarserGrain(a.value, b.value);
  // "Thursday" in two articles is one day, whatever week each article's own date resolves it to
  const written = (m: DMention) => !!m.weekday && new RegExp(m.weekday, 'i').test(m.t.text);
  if (written(a) && written(b)) return a.weekday === b.weekday;
  if (a.weekday && b.weekday && (a.value.length < 10 || b.value.length < 10)) return a.weekday === b.weekday;
  return false;
}

const MONTH_IN_TEXT = new RegExp(`\\b(?:${MONTH_PATTERN})(?![a-z])|\\d{1,2}/\\d{1,2}`);
/**
 * A day of an undated article is resolved against the story's date, a guess (resolvedInferred):
 * "Tuesday" there is a Tuesday near the story's date, which a grouping error or a late article can
 * move by weeks. Such a day is compared only on what both mentions write: their weekdays when both
 * write one or give a full date ("Tuesday" / "on Jan. 6", a Tuesday), their months and days when
 * both write them; a weekday against a month and day that writes none ("Thursday" / "December 2")
 * says nothing either way.
 */
function sameAsWritten(a: DMention, b: DMention): boolean {
  // against a year or a month ("the leading rusher in 2009" / "on Wednesday"), the guessed day's year and month only as written
  if (COARSE.test(a.value) || COARSE.test(b.value)) return sameAtCoarserGrain(writtenPart(a), writtenPart(b));
  const hasWeekday = (m: DMention) => !!m.weekday && (WEEKDAY_IN_TEXT.test(m.t.text) || !m.t.resolvedInferred);
  if (hasWeekday(a) && hasWeekday(b)) return a.weekday === b.weekday;
  const monthDay = (m: DMention) => (MONTH_IN_TEXT.test(m.t.text) && m.value.length >= 10 ? m.value.slice(5, 10) : null);
  const [ma, mb] = [monthDay(a), monthDay(b)];
  return !ma || !mb || ma === mb;
}

/** A mention's value with what a guessed (resolvedInferred) day's words do not write as "?": "Wednesday" is "????-??-??". */
function writtenPart(m: DMention): string {
  if (!m.t.resolvedInferred || COARSE.test(m.value) || m.value.length < 10) return m.value;
  const year = /\b\d{4}\b/.test(m.t.text) ? m.value.slice(0, 4) : '????';
  return MONTH_IN_TEXT.test(m.t.text) ? `${year}${m.value.slice(4, 10)}` : `${year}-??-??`;
}

/** A year or a month ("2009", "2009-03"), its year "????" when the words do not write it ("in March"). */
const COARSE = /^(?:\d{4}|\?{4})(?:-\d\d)?$/;

/**
 * "in 2009" against "on May 2, 2009", "in March" against "in April 2009": a year or a month is
 * compared at the coarser grain of the two, and only on what both write (a month with no year
 * written has the year of the article's date, which the words do not state). A weekday alone
 * (unresolved) says nothing of the year or the month.
 */
function sameAtCoarserGrain(a: string, b: string): boolean {
  if (!/^[\d?]{4}/.test(a) || !/^[\d?]{4}/.test(b)) return true;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== '?' && b[i] !== '?' && a[i] !== b[i]) return false;
  return true;
}

/** The comparable value of a year or a month (COARSE), or null when `t` is neither or is unresolved. */
function coarseDate(t: ResolvedTime): string | null {
  if (t.kind !== 'year' && t.kind !== 'month') return null;
  // "in December" in a story with no date: the month its words name, with no year
  const named = /(?:^|;)monthname:(\d\d)\b/.exec(t.anchor ?? '');
  if (!t.resolved && named && t.kind === 'month' && !/\b\d{4}\b/.test(t.text)) return `????-${named[1]}`;
  if (!t.resolved || !/^\d{4}(?:-\d\d)?$/.test(t.resolved)) return null;
  return /\b\d{4}\b/.test(t.text) ? t.resolved : `????${t.resolved.slice(4)}`;
}

const WEEKDAY_IN_TEXT = new RegExp(`(?:${WEEKDAY_PATTERN})`, 'i');
/** The weekday and comparable value of a time: its written weekday, else the resolved day's; a year or a month as COARSE. */
function dayOf(t: ResolvedTime): { value: string; weekday: string | null } | null {
  const coarse = coarseDate(t);
  if (coarse) return { value: coarse, weekday: null };
  const wdText = WEEKDAY_IN_TEXT.exec(t.text)?.[0]?.toLowerCase() ?? null;
  const weekday = wdText ? wdText[0].toUpperCase() + wdText.slice(1) : t.resolved && t.resolved.length >= 10 ? weekdayName(t.resolved) : null;
  const value = t.resolved && t.resolved.length >= 10 ? t.resolved.slice(0, 10) : weekday;
  return value ? { value, weekday } : null;
}

/**
 * Conflicts over the day of one act read from the parse (see dated-acts.ts): the same act lemma
 * with the same participant in the same role, in sentences about the article's own events, told
 * by two independent sources with two days. A set of mentions already disputed by the lead's
 * date check is not repeated.
 */
function actDateConflicts(story: StoryView, already: Conflict[], al: Alignment): Conflict[] {
  const bySlot = new Map<string, DMention[]>();
  const anonymous: DMention[] = [];
  const leadActs: DMention[] = [];
  const eventDay = storyEventDay(story.articles);
  for (const a of story.articles) {
    const background = backgroundSentences(a.sentences, eventDay);
    for (const s of a.sentences) {
      const past = background.get(s.index) === 'past';
      for (const act of datedActs(s, inLead(s))) {
        // a sentence about the past tells other acts, except the one its own year or month dates (held to one fact below)
        const coarse = coarseDate(act.t) !== null;
        // (a day whose year is written dates its act in the past as its year does: "On June 27, 1973, he pleaded guilty")
        const pastDay = past && !coarse && /\b\d{4}\b/.test(act.t.text) && (act.t.resolved?.length ?? 0) >= 10;
        if (past && !coarse && !pastDay) continue;
        if ((coarse || pastDay) && !(act.agents.size || act.patients.size)) continue;
        if ((coarse || pastDay) && datesAnApposition(s, act.t)) continue;
        if (newsActKind(act.lemma, false) === 'statement' && toldToday(s, act.t)) continue;
        // an event named by a common noun is the article's own event in its lead only ("a fire broke out on Monday" later is another fire)
        if (act.byNoun && !inLead(s)) continue;
        const day = dayOf(act.t);
        if (!day) continue;
        const actors = new Set([...act.agents, ...act.patients]);
        const m: DMention = { sent: s, t: act.t, act: act.lemma, actors, subjects: act.patients.size ? act.patients : act.agents, object: act.object, complement: act.complement, pastDay, ...day };
        // ("for Sunday's game": a day in the possessive dates its noun, whatever verb the parse gives it)
        if (inLead(s) && !coarse && !pastDay && !/['’]s$/.test(act.t.text)) leadActs.push(m);
        // an event named by its noun only ("a fire broke out"): any fire of the story has that participant, so it is one act only as
        // an anonymous one is, between sentences that state one fact
        if (!actors.size || [...actors].every((k) => k.startsWith('N:'))) {
          anonymous.push(m);
          continue;
        }
        for (const k of actSlots(act)) {
          if (!bySlot.has(k)) bySlot.set(k, []);
          bySlot.get(k)!.push(m);
        }
      }
    }
  }
  for (const [k, ms] of anonymousActs(anonymous, al)) bySlot.set(k, ms);
  for (const [k, ms] of oneFactInLeads(leadActs, al)) bySlot.set(k, ms);
  splitByObject(bySlot);
  // (a date of the event an anonymous act's slot compares too is reported once: the story's event goes first, below)
  for (const [k, ms] of storyEventSlots(story, eventDay, al)) bySlot.set(k, ms);
  for (const [k, ms] of bySlot) bySlot.set(k, ms.filter((m) => (!COARSE.test(m.value) && !m.pastDay) || ms.some((o) => pastActPair(m, o, ms) && (statesOneFact(m, o, al) || oneLifeAct(k, m, o)))));
  const seen = new Set(already.flatMap((c) => c.sides.flatMap((x) => x.evidence.map((e) => `${e.articleId}:${e.span?.start ?? e.sentence.start}`))));
  const out: Conflict[] = [];
  // the story's event first: a conflict of one of its verbs is part of it
  const first = (k: string) => (k.startsWith(STORY_EVENT) ? 0 : 1);
  for (const k of [...bySlot.keys()].sort((a, b) => first(a) - first(b) || cmp(a, b))) {
    const ms = bySlot.get(k)!;
    if (story.independent(ms.map((m) => m.sent.art.id)) < 2) continue;
    const c = dateConflict(story, ms, k.startsWith(STORY_EVENT) ? `the ${ms[0].act}` : `the act "${ms[0].act}"`);
    if (!c) continue;
    const keys = c.sides.flatMap((x) => x.evidence.map((e) => `${e.articleId}:${e.span?.start ?? e.sentence.start}`));
    if (keys.every((x) => seen.has(x))) continue;
    keys.forEach((x) => seen.add(x));
    out.push(c);
  }
  return out;
}

const STORY_EVENT = 'story-event|';
/** Times that name a day: a weekday, a date, a day counted from the writing ("yesterday"). */
const dayTime = (t: ResolvedTime) => t.kind === 'weekday' || t.kind === 'date' || t.kind === 'datetime' || (t.kind === 'relative' && /^day:/.test(t.anchor ?? ''));

/**
 * The story's own event (story-event.ts) dated in the leads, whatever verb each outlet tells it by
 * and whether it names anyone ("the quake struck on Sunday", "Sunday's earthquake", "the island was
 * hit by a temblor on Monday"): one slot. Not in a sentence about the past, not a verb that states
 * no fact. An article whose lead gives the event two days (in its dates of it, or in two sentences
 * that name it) tells two events of its kind ("Monday's earthquake was the second one ... Earlier on
 * Sunday a quake jolted the island"): its dates stand for neither.
 */
function storyEventMentions(story: StoryView, eventDay: string | undefined): DMention[] {
  const ev = storyEvent(story);
  if (!ev) return [];
  const out: DMention[] = [];
  for (const a of story.articles) {
    const background = backgroundSentences(a.sentences, eventDay);
    const own: DMention[] = [];
    // the days the lead gives in sentences that name the event, however the parse dates them
    const near: string[] = [];
    for (const s of a.sentences) {
      if (!inLead(s) || background.get(s.index) === 'past') continue;
      if (namesEvent(s, ev)) for (const t of s.times) if (dayTime(t) && !t.resolvedInferred && t.resolved && t.resolved.length >= 10) near.push(t.resolved.slice(0, 10));
      for (const t of s.times) {
        if (!dayTime(t) || recurringDay(s, t) || !datesEvent(s, t, ev)) continue;
        const act = actOfTime(s, t);
        if (act && (!act.fact || act.speech)) continue;
        const day = dayOf(t);
        if (!day || COARSE.test(day.value)) continue;
        const actors = new Set([...(act?.agents ?? []), ...(act?.patients ?? [])].filter((k) => !k.startsWith('N:')));
        // what a verb of the event acts on is part of it ("released a patch", "released a fix": two releases, as
        // splitByObject reads an act); what the event's noun strikes is a place ("a quake struck the province")
        const object = act?.object && !argumentEvents(s, t).has(ev) ? act.object : undefined;
        own.push({ sent: s, t, act: ev.replace(/\.\d+$/, '').replace(/_/g, ' '), actors, subjects: actors, object, ...day });
      }
    }
    const days = new Set([...near, ...own.filter((m) => m.value.length >= 10).map((m) => m.value)]);
    if (own.every((m) => own.every((o) => sameDay(m, o))) && days.size <= 1) out.push(...own);
  }
  // two dates of the event that name different people ("Rait died on Friday", "Buckley died on
  // Saturday"): the story's noun covers several happenings, none of them the one event
  const people = (m: DMention) => [...m.actors].filter((k) => k.startsWith('PER:'));
  if (out.some((m) => out.some((o) => people(m).length > 0 && people(o).length > 0 && !people(m).some((k) => people(o).includes(k))))) return [];
  // dates that both name the people are the act slots' to compare (actSlots, with their checks); here
  // they must agree, or one person's two acts of the kind are in the story ("checked into one clinic
  // on Thursday, May 2", "into another on Thursday, May 9")
  // two leads that name places and share none tell two happenings of the kind (a quake in one
  // province, a quake in another)
  if (out.some((m) => out.some((o) => placesApart(m.sent.art, o.sent.art)))) return [];
  const named = out.filter((m) => people(m).length > 0);
  if (named.some((m) => named.some((o) => !sameDay(m, o)))) return [];
  return story.independent(out.map((m) => m.sent.art.id)) >= 2 ? out : [];
}

/**
 * The story's event dated in the leads (storyEventMentions), one slot per group of dates (single
 * link) that show they tell one happening: their sentences state one fact, or name one place, or
 * one participant. A noun of the event and a verb are what every happening of its kind shares ("the
 * fire broke out on Friday" in one town, "a large fire broke out this morning" in another): a date
 * with no such link to another article's is compared with none. A verb of the event with two
 * objects tells two acts (splitByObject).
 */
function storyEventSlots(story: StoryView, eventDay: string | undefined, al: Alignment): Map<string, DMention[]> {
  const ms = storyEventMentions(story, eventDay).sort((a, b) => cmp(a.sent.id, b.sent.id) || a.t.span.start - b.t.span.start).slice(0, MAX_PER_SLOT);
  const out = new Map<string, DMention[]>();
  if (!ms.length) return out;
  const shared = (x: ReadonlySet<string>, y: ReadonlySet<string>) => [...x].some((k) => y.has(k));
  const linked = (a: DMention, b: DMention) =>
    a.sent.art.id !== b.sent.art.id && (shared(placesOf(a.sent), placesOf(b.sent)) || shared(a.actors, b.actors) || oneFact(al, a.sent, b.sent));
  const group = linkedGroups(ms.length, (i, j) => linked(ms[i], ms[j]));
  ms.forEach((m, i) => {
    if (!ms.some((o) => o !== m && linked(m, o))) return;
    const k = `${STORY_EVENT}${m.act}|${group[i]}`;
    (out.get(k) ?? out.set(k, []).get(k)!).push(m);
  });
  splitByObject(out);
  return out;
}

/**
 * "Lena Roe, the club's top scorer in 2009, was put on injured reserve": a year or a month inside
 * an apposition set off by commas right after a person's name (a noun before it, no finite verb in it)
 * dates the description, not the sentence's act. ("Lena Roe, in 2009, moved ...", with no noun
 * before the year, still dates the act.)
 */
function datesAnApposition(s: Sent, t: ResolvedTime): boolean {
  const text = s.art.text;
  const open = text.lastIndexOf(',', t.span.start);
  const close = text.indexOf(',', t.span.end);
  if (open < s.span.start || close < 0 || close >= s.span.end) return false;
  if (!s.entities.some((e) => e.type === 'PER' && e.span.end <= open && !text.slice(e.span.end, open).trim())) return false;
  const inside = (parseOf(s.art) ?? []).filter((tk) => tk.start > open && tk.end <= close);
  // (a participle describes: "the leading rusher in 2009"; a finite verb makes it a clause)
  return inside.some((tk) => tk.end <= t.span.start && tk.upos === 'NOUN') && !inside.some((tk) => tk.upos === 'AUX' || /^(?:VBD|VBZ|VBP|MD)$/.test(tk.xpos));
}

/**
 * "took a detour on Wednesday" and "took the stage on Monday": one verb with two objects tells two
 * acts (the more so for verbs whose meaning is in their object). A slot whose mentions name
 * different objects (the head lemma of each act's object, by the parse) is one slot per object;
 * mentions with no object join each of them, as they may tell either act.
 */
function splitByObject(bySlot: Map<string, DMention[]>): void {
  for (const [k, ms] of [...bySlot]) {
    const objects = [...new Set(ms.map((m) => m.object).filter((o): o is string => !!o))].sort(cmp);
    if (objects.length < 2) continue;
    bySlot.delete(k);
    for (const o of objects) bySlot.set(`${k}|object|${o}`, ms.filter((m) => !m.object || m.object === o));
  }
}

/**
 * A year or a month dates one act of a person across the years ("released in 2006 and again in
 * 2008", "founded the chain in 1998" and "founded a club in 2001"): it is compared only with a
 * mention of another article that states the same fact (one fact cluster, or close wording) with
 * the same object, when both name one.
 */
function statesOneFact(m: DMention, o: DMention, al: Alignment): boolean {
  if (o === m || o.sent.art.id === m.sent.art.id) return false;
  if (m.object && o.object && m.object !== o.object) return false;
  return oneFact(al, m.sent, o.sent);
}

/**
 * Two mentions of one slot dated by a year, a month or a day in the past may date one act when
 * they are of two articles, neither year is a bound ("after 1957", "by 1958", "until 1963"),
 * which another year need not contradict, neither sentence writes two years (a chronology:
 * "released in late 2008 after serving time on a 2006 conviction", where another article's
 * "released in 2006" may date the earlier act), and neither article gives the slot two dates (a
 * repeated act: "released in 1990 ... released again in 1996").
 */
function pastActPair(m: DMention, o: DMention, ms: DMention[]): boolean {
  if (o === m || o.sent.art.id === m.sent.art.id) return false;
  if (yearBound(m) || yearBound(o) || chronology(m.sent) || chronology(o.sent)) return false;
  const repeated = (x: DMention) => ms.some((y) => y.sent.art.id === x.sent.art.id && !sameDay(x, y));
  return !repeated(m) && !repeated(o);
}

/**
 * A written year dates one act of a named person's life across articles ("In 1957, Page disappeared" /
 * "Page suddenly disappeared from the scene in 1958"), however differently the sentences are
 * worded, when they tell an act of one class that person does (the slot: actSlots, the person as
 * its agent) on nothing: no object, no prepositional complement. An act done to someone or to
 * something is often done again ("released in 2006", "released in 2008"; "won the title in 2005",
 * "won the title in 2008"; "pleaded guilty to obstruction" / "to a charge of tax evasion"): those
 * stay held to one fact (statesOneFact).
 */
function oneLifeAct(key: string, m: DMention, o: DMention): boolean {
  if (!PERSON_SLOT.test(key) || !YEAR_IN_TEXT.test(m.t.text) || !YEAR_IN_TEXT.test(o.t.text)) return false;
  return !m.object && !o.object && !m.complement && !o.complement;
}

/** A sentence that writes two years (read as times or not: "a 2006 conviction" names its year as a modifier). */
function chronology(s: Sent): boolean {
  return new Set(sentText(s).match(YEAR_WRITTEN) ?? []).size > 1;
}
const YEAR_IN_TEXT = /\b\d{4}\b/;
const YEAR_WRITTEN = /(?<![\d,.$])(?:1[6-9]|20)\d\d(?![\d,])/g;
const PERSON_SLOT = /\|agent\|PER:/;

/** "after 1957", "by 1958", "from 1951": a year or a month written as the bound of a span, not the date of an act. */
function yearBound(m: DMention): boolean {
  const text = m.sent.art.text;
  return BOUND_BEFORE.test(text.slice(Math.max(m.sent.span.start, m.t.span.start - 12), m.t.span.start)) || BOUND_IN.test(m.t.text);
}
const BOUND_BEFORE = /\b(?:after|before|by|since|until|till|through|from|between|to|and)\s+$/i;
const BOUND_IN = /^(?:after|before|by|since|until|till|through|from|between)\b|[-–]/i;

/**
 * "A man was arrested on Tuesday" against "a man was arrested on Monday": dated acts of a lead with
 * no one named in them are one act only between sentences that state one fact (one fact cluster,
 * or close wording: SAME_FACT_SIM) of different articles, and of one act class; each group of
 * such sentences (single link) is a slot of its own.
 */
function anonymousActs(ms: DMention[], al: Alignment): Map<string, DMention[]> {
  // (an act dated by its noun: the noun, whatever verb tells it, "Thursday's shooting" / "the shooting happened on Friday")
  const kind = (m: DMention) => (m.actors.size ? [...m.actors].sort(cmp).join('+') : actClass(m.act));
  const sorted = [...ms].sort((a, b) => cmp(a.sent.id, b.sent.id) || a.t.span.start - b.t.span.start).slice(0, MAX_PER_SLOT);
  // each mention's kind read once, not once per pair of mentions (and each sentence's people, peopleOf)
  const kinds = sorted.map(kind);
  const group = linkedGroups(sorted.length, (i, j) => {
    const [a, b] = [sorted[i], sorted[j]];
    if (a.sent.art.id === b.sent.art.id || kinds[i] !== kinds[j] || namesOthers(a.sent, b.sent)) return false;
    return oneFact(al, a.sent, b.sent);
  });
  const out = new Map<string, DMention[]>();
  sorted.forEach((m, i) => {
    const k = `${kinds[i]}|anonymous|${group[i]}`;
    (out.get(k) ?? out.set(k, []).get(k)!).push(m);
  });
  return out;
}

/**
 * "The store burned down on Friday" against "a fire destroyed the store on Saturday": the leads of
 * two articles that state one fact (one fact cluster, or close wording) and date it, one of them
 * naming no one, date one event, whatever verbs tell it (anonymousActs joins two that name no one
 * by one act class, in any sentence of the lead). Linked only when each sentence
 * names one day (a sentence with two, "broke out on Friday; residents returned on
 * Saturday", does not say which of them its fact is) and neither names people the other does not
 * name; each group of such sentences (single link) is a slot.
 */
function oneFactInLeads(ms: DMention[], al: Alignment): Map<string, DMention[]> {
  const sorted = ms.filter((m) => m.sent.times.filter(dayTime).length === 1).sort((a, b) => cmp(a.sent.id, b.sent.id)).slice(0, MAX_PER_SLOT);
  const linked = (a: DMention, b: DMention) =>
    a.sent.art.id !== b.sent.art.id && firstSentence(a.sent) && firstSentence(b.sent) && (!a.actors.size || !b.actors.size) && !namesOthers(a.sent, b.sent) && !otherHappenings(a, b) && !placesApart(a.sent.art, b.sent.art) && oneFact(al, a.sent, b.sent);
  const group = linkedGroups(sorted.length, (i, j) => linked(sorted[i], sorted[j]));
  const out = new Map<string, DMention[]>();
  sorted.forEach((m, i) => {
    if (!sorted.some((o) => o !== m && linked(m, o))) return;
    const k = `lead-fact|${group[i]}`;
    (out.get(k) ?? out.set(k, []).get(k)!).push(m);
  });
  return out;
}

/** "An earthquake struck on Tuesday" / "an aftershock shook the island on Wednesday": verbs whose nouns name two happenings (story-event.ts argumentEvents). */
function otherHappenings(a: DMention, b: DMention): boolean {
  const [x, y] = [argumentEvents(a.sent, a.t), argumentEvents(b.sent, b.t)];
  return x.size > 0 && y.size > 0 && ![...x].some((e) => y.has(e));
}

/** Whether the leads of two articles both name places and share none (linked place keys). */
function placesApart(a: ArticleView, b: ArticleView): boolean {
  if (a === b) return false;
  const [x, y] = [leadPlaces(a), leadPlaces(b)];
  return x.size > 0 && y.size > 0 && ![...x].some((k) => y.has(k));
}
const LEAD_PLACES = new WeakMap<ArticleView, Set<string>>();
function leadPlaces(a: ArticleView): Set<string> {
  let out = LEAD_PLACES.get(a);
  if (!out) LEAD_PLACES.set(a, (out = new Set(a.sentences.filter(inLead).flatMap((s) => [...placesOf(s)]))));
  return out;
}

/** The article's first sentence that reads as prose: the one that tells what happened, and when. */
const firstSentence = (s: Sent) => s.art.sentences.find(inLead) === s;

/**
 * "Jane Roe was arrested on suspicion of drunk driving early Sunday" and "John Doe was arrested on
 * suspicion of drunk driving on Tuesday": alike in words, but each names people the other does not
 * (no one in common): two people's acts, whatever the anonymous act's verb.
 */
function namesOthers(a: Sent, b: Sent): boolean {
  const [pa, pb] = [peopleOf(a), peopleOf(b)];
  return pa.size > 0 && pb.size > 0 && ![...pa].some((k) => pb.has(k));
}

/** The people a sentence names (their keys), read once per sentence: callers ask for every pair of many sentences. */
const PEOPLE = new WeakMap<Sent, Set<string>>();
function peopleOf(s: Sent): Set<string> {
  let people = PEOPLE.get(s);
  if (!people) PEOPLE.set(s, (people = new Set(s.entities.filter((e) => e.type === 'PER').map((e) => e.key))));
  return people;
}

/**
 * Who acts in a sentence: people and organisations (places say where, not who; demonyms are
 * places), and the person a "he" or "she" of the sentence stands for (pronounAntecedent).
 */
export function actorKeys(s: Sent, t?: { span: { start: number; end: number } }): Set<string> {
  const out = new Set(
    s.entities
      .filter((e) => (e.type === 'PER' || e.type === 'ORG') && !(t && t.span.start <= e.span.start && e.span.end <= t.span.end))
      .map((e) => e.key),
  );
  const who = pronounActor(s);
  if (who) out.add(who.key);
  return out;
}
const PERSONAL_PRONOUN = /^(?:he|she)$/i;

/** The person the sentence's first "he" or "she" stands for, or null: per sentence, read once (every time of it asks). */
const PRONOUN_ACTORS = new WeakMap<Sent, EntityRef | null>();
function pronounActor(s: Sent): EntityRef | null {
  if (!PRONOUN_ACTORS.has(s)) {
    const he = s.tokens.find((tk) => PERSONAL_PRONOUN.test(tk.text));
    PRONOUN_ACTORS.set(s, he ? pronounAntecedent(s, he.start) : null);
  }
  return PRONOUN_ACTORS.get(s)!;
}


function displayActors(ms: DMention[], keys: string[]): string {
  const names: string[] = [];
  for (const k of [...keys].sort(cmp).slice(0, 3)) {
    let best = '';
    for (const m of ms) for (const e of m.sent.entities) if ((e.key === k || participantKey(e) === k) && (e.name.length > best.length || (e.name.length === best.length && e.name < best))) best = e.name;
    names.push(best || k);
  }
  return names.join(', ');
}

function dateDisplay(m: DMention): string {
  if (m.value.length >= 10) return m.weekday ? `${m.value} (${m.weekday})` : m.value;
  if (COARSE.test(m.value)) return clean(m.t.text);
  return m.value;
}

function dateSide(story: StoryView, ms: DMention[]): ConflictSide {
  const sorted = [...ms].sort((a, b) => cmp(a.sent.id, b.sent.id) || a.t.span.start - b.t.span.start);
  const articles = [...new Set(sorted.map((m) => m.sent.art.id))].sort(cmp);
  return {
    value: dateDisplay(sorted[0]),
    normalized: { kind: 'date', unit: 'date', value: null, low: null, high: null, qualifier: sorted.every((m) => m.t.resolvedInferred) ? 'inferred' : 'exact', date: sorted[0].value },
    wordings: [...new Set(sorted.map((m) => clean(m.t.text)))],
    articles,
    outlets: [...new Set(articles.map((id) => story.byId.get(id)!.outlet))],
    independentSources: story.independent(articles),
    evidence: sorted.map((m) => evidence(m.sent, { ...m.t.span })),
  };
}

export { sentText };

/**
 * Conflicts: the same slot with incompatible values across (or within) articles.
 * - Quantities: each figure's slot (slots.ts) and interval (figure-values.ts); figures joined to
 *   their person, parent or fact first (figure-joins.ts); a slot's sides are the figures that agree;
 *   a pair of sides is disputed when their intervals are disjoint and the guards hold
 *   (figure-guards.ts: one event, one happening, one time of writing; two-checks.ts); a disputed
 *   slot gathers the story's other mentions of its values (figure-gathering.ts).
 * - Dates: date-conflicts.ts; times of day, places, holders, records and the rest: their readers,
 *   called from findConflicts.
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
import { givenNameConflicts } from './names.js';
import { streetSpellingConflicts } from './streets.js';
import { residenceConflicts } from './residence.js';
import { actPlaceConflicts } from './act-places.js';
import { fillerConflicts } from './fillers.js';
import { factValueConflicts } from './fact-values.js';
import { joinRolesByAge } from './role-ages.js';
import { type Alignment, statesOneFact as oneFact } from './facts.js';
import { evidence, type Sent, type StoryView } from './prepare.js';
import { articleOnTwoSides, capPerSlot, namesOtherPlaces } from './sides.js';
import { actDateConflicts, dateConflicts } from './date-conflicts.js';
import { workYearConflicts } from './work-years.js';
import { dealYearConflicts } from './deal-years.js';
import { resolveOneNameSlots } from './person-keys.js';
import { figureSlots } from './slots.js';
import { clean, cmp } from './text.js';
import { joinCountsToActs, repeatedCounts } from './counts.js';
import { joinListsByFact, listedConjunct } from './listed-things.js';
import { evolvingFigure, growsWhileUnfolding, readBareAsBound, slotTiming } from './evolving.js';
import type { Conflict, ConflictSide, EvolvingFigure, NormalizedValue } from './types.js';
import { twoChecksHold } from './two-checks.js';
import { storysOwnThing } from './story-event.js';
import { apartTenfold, compareIntervals, interval, type QMention } from './figure-values.js';
import { childrenByParent, joinRolesByArticle, joinSpansToNamedDurations, keepFirstNamesApart, keepOtherAgesApart, splitByFact } from './figure-joins.js';
import { byNumber, figuresWriting, gatherFigures, type LooseFigures, looseFigures } from './figure-gathering.js';
import { actsOfOtherPeople, agedBetweenWritings, contradictsItself, countOfAHappening, type FiguresByArticle, figuresByArticle, otherEventsFigures, sameTimeOfWriting, tellOneHappening, timedSide } from './figure-guards.js';

function formatNumber(v: number): string {
  if (Math.abs(v) >= 1e9) return `${+(v / 1e9).toFixed(2)} billion`;
  if (Math.abs(v) >= 1e6) return `${+(v / 1e6).toFixed(2)} million`;
  return String(+v.toFixed(2));
}

/** A span under an hour in minutes and seconds, as a reader and a game clock write it ("44 s", "2 min 15 s"), not "0.04 h". */
function formatMinutes(h: number): string {
  const s = Math.round(h * 3600);
  const [m, r] = [Math.floor(s / 60), s % 60];
  return m === 0 ? `${r} s` : r === 0 ? `${m} min` : `${m} min ${r} s`;
}

function displayQuantity(q: Quantity): string {
  if (q.unit === 'h' && q.value < 1 && q.qualifier !== 'range') return `${QUALIFIER_WORDS[q.qualifier] ?? ''}${formatMinutes(q.value)}`;
  const unit = q.unit === 'h' ? ' h' : q.unit === 'count' ? '' : q.unit === '%' ? '%' : ` ${q.unit}`;
  if (q.qualifier === 'range' && q.low !== null && q.high !== null) return `${formatNumber(q.low)}–${formatNumber(q.high)}${unit}`;
  return `${QUALIFIER_WORDS[q.qualifier] ?? ''}${formatNumber(q.value)}${unit}`;
}
const QUALIFIER_WORDS: Readonly<Record<string, string>> = {
  exact: '',
  about: 'about ',
  'more-than': 'more than ',
  'less-than': 'less than ',
  'at-least': 'at least ',
  'at-most': 'at most ',
  range: '',
};

/** The story's conflicts; a growing total told higher on later days goes to `evolving` instead (evolving.ts). */
export function findConflicts(story: StoryView, al: Alignment, evolving: EvolvingFigure[] = []): Conflict[] {
  const dates = dateConflicts(story, al);
  return [...quantityConflicts(story, al, evolving), ...dates, ...actDateConflicts(story, dates, al), ...clockConflicts(story, al), ...residenceConflicts(story), ...actPlaceConflicts(story), ...fillerConflicts(story), ...factValueConflicts(story, al), ...recordConflicts(story), ...standingConflicts(story), ...rankConflicts(story), ...scoreConflicts(story), ...markConflicts(story), ...holderConflicts(story, al), ...givenNameConflicts(story), ...streetSpellingConflicts(story), ...workYearConflicts(story), ...dealYearConflicts(story)];
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
  // (not onto a conjunct of a list, listed-things.ts: a list tells its own act, and another seizure's list reads alike)
  joinCountsToActs(mentions, (a, b) => oneFact(al, a, b) && !namesOtherPlaces(a, b), (m) => !listedConjunct(m.sent, m.q));
  joinListsByFact(mentions, (a, b) => oneFact(al, a, b) && !namesOtherPlaces(a, b));
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
        // (a second check for a disputed pair only: values told alike are shown as a minor difference without it)
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

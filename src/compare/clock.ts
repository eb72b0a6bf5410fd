/**
 * Times of day of one event: "was shot about 3 p.m." against "was shot at about 3:30 p.m.". A
 * clock time is compared only with clock times of sentences that state the same fact (one cluster
 * of the fact alignment, or close wording with the time on the same verb) and share a person or
 * organisation, in sentences about
 * the article's own events (not the past). "About" allows ten minutes either way, "shortly after"
 * twenty minutes after, an exact time five minutes; two times that no reading lets agree conflict.
 */
import { timePredicate } from '../analyse/syntax/helpers.js';
import { zoneOffsetMinutes } from '../analyse/time.js';
import { type Alignment, SAME_FACT_SIM } from './facts.js';
import { evidence, type ResolvedTime, type Sent, type StoryView } from './prepare.js';
import { actorKeys } from './date-conflicts.js';
import { actOfTime, simultaneousAct } from './dated-acts.js';
import { backgroundSentences, inLead, storyEventDay } from './background.js';
import { articleOnTwoSides, crossOutletPairs, shares, sidesByFirst } from './sides.js';
import { parseOf } from './syntax.js';
import { clean, cmp } from './text.js';
import type { Conflict, ConflictSide } from './types.js';
import { linkedGroups } from '../util/union-find.js';

interface ClockMention {
  sent: Sent;
  t: ResolvedTime;
  /** Minutes after midnight, the earliest and latest the wording allows. */
  low: number;
  high: number;
  /** As written, "3:30 p.m." → "15:30". */
  hhmm: string;
  /** The window in minutes after midnight UTC when the time names its zone ("6:41pm PST", "0241 GMT"), else null. */
  utc: { low: number; high: number } | null;
  actors: Set<string>;
  /** The lemma of the verb the time modifies, by the parse ("stop" in "was stopped at 1 a.m."); null without one. */
  act: string | null;
  /** The acts the time dates that are done to a named person: its own verb's, and a "when" clause's (simultaneousAct). */
  doneTo: { lemma: string; patients: Set<string> }[];
}

/** The clock time a time expression states ("time:15:30:" in its anchor, or "T15:30" in its value), or null. */
function clockOf(t: ResolvedTime): string | null {
  const fromAnchor = /(?:^|;)time:(\d\d):(\d\d)/.exec(t.anchor ?? '');
  if (fromAnchor) return `${fromAnchor[1]}:${fromAnchor[2]}`;
  const fromValue = /T(\d\d):(\d\d)/.exec(t.resolved ?? t.value ?? '');
  return fromValue ? `${fromValue[1]}:${fromValue[2]}` : null;
}

/** The minutes a clock time allows, from the words right before it ("about", "shortly after", "just before"). */
function window(s: Sent, t: ResolvedTime, minutes: number): { low: number; high: number } {
  const before = s.art.text.slice(Math.max(s.span.start, t.span.start - 30), t.span.start).toLowerCase();
  if (/\b(?:shortly|just|soon) (?:after|past)\s+$/.test(before)) return { low: minutes, high: minutes + 20 };
  if (/\b(?:shortly|just) before\s+$/.test(before)) return { low: minutes - 20, high: minutes };
  if (/\b(?:about|around|approximately|roughly|some|nearly|almost)\s+(?:at\s+)?$/.test(before)) return { low: minutes - 10, high: minutes + 10 };
  return { low: minutes - 5, high: minutes + 5 };
}

function clockMentions(story: StoryView): ClockMention[] {
  const out: ClockMention[] = [];
  const eventDay = storyEventDay(story.articles);
  for (const a of story.articles) {
    const background = backgroundSentences(a.sentences, eventDay);
    for (const s of a.sentences) {
      if (background.get(s.index) === 'past') continue;
      for (const t of s.times) {
        if (t.kind !== 'time' && t.kind !== 'datetime') continue;
        const hhmm = clockOf(t);
        const actors = actorKeys(s, t);
        // "the fire broke out at about 9 p.m.": an event with no one named is the event its noun names (in a lead: later, another fire)
        const event = actors.size || !inLead(s) ? null : eventOf(s, t);
        if (event) actors.add(event);
        if (!hhmm || !actors.size) continue;
        const minutes = Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
        const w = window(s, t, minutes);
        out.push({ sent: s, t, hhmm, actors, act: actLemma(s, t), doneTo: actsDoneTo(s, t), ...w, utc: inUtc(t, w) });
      }
    }
  }
  // bounded time: the pairwise grouping reads the first MAX_CLOCKS clock times in story order
  return out.sort((x, y) => cmp(x.sent.id, y.sent.id) || x.t.span.start - y.t.span.start).slice(0, MAX_CLOCKS);
}
const MAX_CLOCKS = 400;

/** The event a time dates when the parse makes a noun its subject or names it by a noun ("the shooting occurred at 3:10 p.m."): its key ("N:shoot"), or null. */
function eventOf(s: Sent, t: ResolvedTime): string | null {
  const a = actOfTime(s, t);
  return a?.byNoun && a.fact ? ([...a.agents][0] ?? null) : null;
}

function actLemma(s: Sent, t: ResolvedTime): string | null {
  const tokens = parseOf(s.art);
  const p = tokens ? timePredicate(tokens, t.span) : null;
  return tokens && p !== null ? tokens[p].lemma.toLowerCase() : null;
}

/**
 * Two clock mentions are about one event: different articles, a shared actor, and one fact (one
 * cluster of the fact alignment, or close wording with the time on the same verb). A person's day
 * holds many timed acts ("stopped at 1:30", "failed the test shortly after 2"), so close wording
 * alone does not make two times one event's.
 */
function sameEvent(a: ClockMention, b: ClockMention, al: Alignment): boolean {
  if (a.sent.art.id === b.sent.art.id || !shares(a.actors, b.actors)) return false;
  const cluster = al.clusterOf.get(a.sent.id);
  if (cluster !== undefined && cluster === al.clusterOf.get(b.sent.id)) return true;
  // an event named by its noun happened once, whatever verb says so ("occurred", "broke out")
  const byEvent = [...a.actors].some((k) => k.startsWith('N:') && b.actors.has(k));
  return (((a.act !== null && a.act === b.act) || byEvent) && al.sim(a.sent, b.sent) >= SAME_FACT_SIM) || sameActOnDay(a, b);
}

/** The acts a clock time dates that are done to named people (the parse's patients), its own and a "when" clause's. */
function actsDoneTo(s: Sent, t: ResolvedTime): { lemma: string; patients: Set<string> }[] {
  const own = actOfTime(s, t);
  const out = own?.fact && own.patients.size && !own.byNoun ? [{ lemma: own.lemma, patients: own.patients }] : [];
  const also = simultaneousAct(s, t);
  return also ? [...out, also] : out;
}

/**
 * "was stopped at approximately 1:30 a.m. Sunday" and "was driving at about 1 a.m. Sunday when the
 * police stopped him": one act (the same verb) done to one named person on one day, whatever else
 * the sentences say; a person is not stopped, shot or arrested twice in a night in most stories.
 */
function sameActOnDay(a: ClockMention, b: ClockMention): boolean {
  const day = (m: ClockMention) => (m.t.resolved && m.t.resolved.length >= 10 && !m.t.resolvedInferred ? m.t.resolved.slice(0, 10) : null);
  if (!day(a) || day(a) !== day(b)) return false;
  return a.doneTo.some((x) => b.doneTo.some((y) => x.lemma === y.lemma && shares(x.patients, y.patients)));
}

/** Conflicts over the time of day of one event told by at least two independent sources. */
export function clockConflicts(story: StoryView, al: Alignment): Conflict[] {
  const ms = clockMentions(story);
  const group = linkedGroups(ms.length, (i, j) => sameEvent(ms[i], ms[j], al));
  const groups = new Map<number, ClockMention[]>();
  ms.forEach((m, i) => (groups.get(group[i]) ?? groups.set(group[i], []).get(group[i])!).push(m));
  const out: Conflict[] = [];
  for (const g of groups.values()) {
    if (g.length < 2 || story.independent(g.map((m) => m.sent.art.id)) < 2) continue;
    const c = clockConflict(story, g);
    if (c) out.push(c);
  }
  return out;
}

/** A zoned clock time's window in UTC minutes (the zone from the time's anchor, "time:18:41:PST"), or null without a known zone. */
function inUtc(t: ResolvedTime, w: { low: number; high: number }): { low: number; high: number } | null {
  const zone = /(?:^|;)time:\d\d:\d\d:([^;]+)/.exec(t.anchor ?? '')?.[1];
  const offset = zone ? zoneOffsetMinutes(zone, t.resolved ?? t.value ?? undefined) : null;
  return offset === null ? null : { low: w.low - offset, high: w.high - offset };
}

/**
 * Two clock windows agree when they overlap: in UTC when both times name their zone ("6:41pm PST"
 * and "02:41 GMT" are one instant, whatever day each zone is on), else as written.
 */
function windowsMeet(a: ClockMention, b: ClockMention): boolean {
  if (!a.utc || !b.utc) return a.low <= b.high && b.low <= a.high;
  const [x, y] = [a.utc, b.utc];
  return [-1440, 0, 1440].some((d) => x.low <= y.high + d && y.low + d <= x.high);
}

/** Sides: mentions whose windows overlap the side's first (sorted by time); a conflict when two sides' windows are apart. */
function clockConflict(story: StoryView, g: ClockMention[]): Conflict | null {
  const byTime = [...g].sort((a, b) => a.low - b.low || a.high - b.high || cmp(a.sent.id, b.sent.id));
  const sides = sidesByFirst(byTime, windowsMeet);
  if (sides.length < 2) return null;
  const pairs = crossOutletPairs(sides);
  if (!pairs.length) return null;
  const values = sides.map((x) => x[0].hhmm);
  return {
    id: '',
    kind: 'date',
    slot: 'time of day of the event',
    severity: 'conflict',
    withinArticle: articleOnTwoSides(sides),
    sides: sides.map((x) => clockSide(story, x)),
    pairs,
    note: `${values.join(' vs ')}: different times of day for the same event`,
    factIds: [],
  };
}

function clockSide(story: StoryView, ms: ClockMention[]): ConflictSide {
  const sorted = [...ms].sort((a, b) => cmp(a.sent.id, b.sent.id) || a.t.span.start - b.t.span.start);
  const articles = [...new Set(sorted.map((m) => m.sent.art.id))].sort(cmp);
  return {
    value: sorted[0].hhmm,
    normalized: { kind: 'date', unit: 'time', value: null, low: null, high: null, qualifier: 'exact', date: sorted[0].hhmm },
    wordings: [...new Set(sorted.map((m) => clean(m.t.text)))],
    articles,
    outlets: [...new Set(articles.map((id) => story.byId.get(id)!.outlet))],
    independentSources: story.independent(articles),
    evidence: sorted.map((m) => evidence(m.sent, { ...m.t.span })),
  };
}

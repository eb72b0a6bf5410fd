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
import { ACT_CLASSES } from './acts.js';
import { weekdayName } from './fallback.js';
import type { Alignment } from './facts.js';
import { evidence, type ResolvedTime, type Sent, type StoryView, sentText } from './prepare.js';
import { clean, cmp, key } from './text.js';
import type { Conflict, ConflictSide, NormalizedValue } from './types.js';

const EVENT_NOUNS = new Set(
  ['talk', 'talks', 'meeting', 'discussion', 'negotiation', 'summit', 'session', 'conversation', 'call', 'consultation', 'hearing', 'debate', 'interview'].map(
    (w) => key(w),
  ),
);

interface QMention {
  sent: Sent;
  q: Quantity;
  slot: string;
  label: string;
  low: number;
  high: number;
}

function interval(q: Quantity): { low: number; high: number } {
  const v = q.value;
  switch (q.qualifier) {
    case 'about':
      return { low: v * 0.8, high: v * 1.2 };
    case 'more-than':
    case 'at-least':
      return { low: v, high: Number.POSITIVE_INFINITY };
    case 'less-than':
    case 'at-most':
      return { low: 0, high: v };
    case 'range':
      return { low: q.low ?? v, high: q.high ?? v };
    default:
      return { low: v * 0.95, high: v * 1.05 };
  }
}

/** `same`, `minor` (overlapping or nearly touching) or `conflict` (clearly disjoint). */
function compareIntervals(a: QMention, b: QMention): 'same' | 'minor' | 'conflict' {
  if (a.q.value === b.q.value && a.q.qualifier === b.q.qualifier) return 'same';
  if (a.low <= b.high && b.low <= a.high) {
    // overlapping: same value with a different qualifier ("four" vs "about four") is the same
    return a.q.value === b.q.value ? 'same' : 'minor';
  }
  const gap = a.high < b.low ? b.low - a.high : a.low - b.high;
  const scale = Math.max(Math.abs(a.q.value), Math.abs(b.q.value), 1e-9);
  return gap / scale <= 0.1 ? 'minor' : 'conflict';
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

/** "The talks lasted three hours": what a duration measures when it follows the verb. */
function countedBefore(text: string, sentStart: number, at: number): string | null {
  const before = text.slice(Math.max(sentStart, at - 60), at);
  const m = /\b([a-z][a-z-]+)\s+(?:had\s+|have\s+)?(?:lasted|last|lasts|took|takes|ran|runs|went on|continued|stretched)\s+(?:for\s+|nearly\s+|about\s+|over\s+|more than\s+|almost\s+)*$/i.exec(before);
  return m ? m[1].toLowerCase() : null;
}

function countedClass(counted: string | null): string | null {
  if (!counted) return null;
  const k = key(counted);
  return EVENT_NOUNS.has(k) ? 'talks' : k;
}

export function findConflicts(story: StoryView, al: Alignment): Conflict[] {
  return [...quantityConflicts(story, al), ...dateConflicts(story, al)];
}

function quantityConflicts(story: StoryView, al: Alignment): Conflict[] {
  const mentions: QMention[] = [];
  for (const s of story.sentences)
    for (const q of s.quantities) {
      const cls = countedClass(q.counted ?? countedBefore(s.art.text, s.span.start, q.span.start));
      if (!cls) continue;
      if (q.unit === 'count' && q.value < 3) continue; // "two leaders": not a checkable count
      if (q.unit === 'year' || q.unit === 'month') continue; // ages and anniversaries, not measured durations
      const { low, high } = interval(q);
      const what = q.counted ?? cls;
      const label = q.unit === 'h' ? `duration of the ${cls === 'talks' ? 'talks' : what}` : `number of ${what}`;
      mentions.push({ sent: s, q, slot: `${q.unit}|${cls}`, label, low, high });
    }
  mentions.sort((a, b) => cmp(a.slot, b.slot) || cmp(a.sent.id, b.sent.id) || a.q.span.start - b.q.span.start);
  capPerSlot(mentions, (m) => m.slot);
  // Which pairs are about the same thing?
  const comparable = (a: QMention, b: QMention): boolean => {
    if (a.slot !== b.slot) return false;
    if (a.sent.id === b.sent.id) return false; // two values in one sentence are usually two referents
    const sameFact = al.clusterOf.has(a.sent.id) && al.clusterOf.get(a.sent.id) === al.clusterOf.get(b.sent.id);
    if (sameFact) return true;
    const eventDuration = a.q.unit === 'h' && a.slot.endsWith('|talks');
    if (eventDuration) return true;
    if (a.sent.art.id === b.sent.art.id) return al.sim(a.sent, b.sent) >= 0.5;
    return al.sim(a.sent, b.sent) >= 0.2 && sharesActor(a.sent, b.sent);
  };
  const parent = mentions.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const pairSeverity = new Map<string, 'same' | 'minor' | 'conflict'>();
  for (let i = 0; i < mentions.length; i++)
    for (let j = i + 1; j < mentions.length && mentions[j].slot === mentions[i].slot; j++) {
      if (!comparable(mentions[i], mentions[j])) continue;
      const ri = find(i);
      const rj = find(j);
      if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
      pairSeverity.set(`${i}|${j}`, compareIntervals(mentions[i], mentions[j]));
    }
  const groups = new Map<number, number[]>();
  mentions.forEach((_, i) => {
    const r = find(i);
    if (!groups.has(r)) groups.set(r, []);
    groups.get(r)!.push(i);
  });
  const out: Conflict[] = [];
  for (const idxs of groups.values()) {
    if (idxs.length < 2) continue;
    // sides: mentions with the same value and qualifier
    const sides: { rep: QMention; members: QMention[] }[] = [];
    for (const i of idxs) {
      const m = mentions[i];
      const side = sides.find((s) => compareIntervals(s.rep, m) === 'same');
      if (side) side.members.push(m);
      else sides.push({ rep: m, members: [m] });
    }
    if (sides.length < 2) continue;
    sides.sort((a, b) => a.rep.q.value - b.rep.q.value || a.rep.low - b.rep.low || cmp(a.rep.q.qualifier, b.rep.q.qualifier));
    const pairs: Conflict['pairs'] = [];
    for (let a = 0; a < sides.length; a++)
      for (let b = a + 1; b < sides.length; b++) {
        const sev = compareIntervals(sides[a].rep, sides[b].rep);
        if (sev !== 'same') pairs.push({ a, b, severity: sev });
      }
    if (!pairs.length) continue;
    const severity = pairs.some((p) => p.severity === 'conflict') ? 'conflict' : 'minor';
    const arts = sides.map((s) => new Set(s.members.map((m) => m.sent.art.id)));
    const withinArticle = arts.some((x, i) => arts.some((y, j) => j > i && [...x].some((id) => y.has(id))));
    const kind = sides[0].rep.q.unit === 'h' ? 'duration' : sides[0].rep.q.unit === 'count' ? 'count' : 'quantity';
    out.push({
      id: '',
      kind,
      slot: sides[0].rep.label,
      severity,
      withinArticle,
      sides: sides.map((s) => quantitySide(story, s.rep, s.members)),
      pairs,
      note: conflictNote(sides.map((s) => displayQuantity(s.rep.q)), pairs),
      factIds: [],
    });
  }
  return out;
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

function sharesActor(a: Sent, b: Sent): boolean {
  const ka = new Set(a.entities.filter((e) => !/^(?:[a-z]+ian|[a-z]+ese|chinese|russian)$/.test(e.key)).map((e) => e.key));
  return b.entities.some((e) => ka.has(e.key));
}

// ---------------------------------------------------------------- dates


interface DMention {
  sent: Sent;
  t: ResolvedTime;
  act: string;
  actors: Set<string>;
  /** Actors named before the act's verb. */
  subjects: Set<string>;
  /** Comparable value: ISO date, or weekday name when unresolved. */
  value: string;
  weekday: string | null;
}

export function actOf(s: Sent, t: ResolvedTime): string | null {
  return actAt(s, t)?.cls ?? null;
}

/** The kind of act dated by `t` and where its verb is: the nearest act verb within 6 words. */
export function actAt(s: Sent, t: ResolvedTime): { cls: string; at: number } | null {
  let best: { cls: string; d: number; at: number } | null = null;
  const idx = s.tokens.findIndex((tk) => tk.start >= t.span.start);
  const endIdx = s.tokens.findIndex((tk) => tk.start >= t.span.end);
  const first = idx < 0 ? s.tokens.length : idx;
  const last = endIdx < 0 ? s.tokens.length : endIdx;
  for (let i = Math.max(0, first - 6); i < Math.min(s.tokens.length, last + 8); i++) {
    if (i >= first && i < last) continue;
    const w = s.tokens[i].norm;
    for (const [cls, re] of ACT_CLASSES)
      if (re.test(w)) {
        const d = i < first ? first - i : i - last + 1;
        if (!best || d < best.d) best = { cls, d, at: s.tokens[i].start };
      }
  }
  return best ? { cls: best.cls, at: best.at } : null;
}

function dateConflicts(story: StoryView, al: Alignment): Conflict[] {
  const mentions: DMention[] = [];
  for (const s of story.sentences)
    for (const t of s.times) {
      if (t.kind !== 'weekday' && t.kind !== 'date' && t.kind !== 'datetime') continue;
      if (t.resolved && t.resolved.length < 10 && t.kind !== 'weekday') continue;
      const found = actAt(s, t);
      if (!found) continue;
      const act = found.cls;
      const actors = actorKeys(s, t);
      if (!actors.size) continue;
      // who does it: the actors named before the verb (all of them for passives and inversions)
      const before = new Set(s.entities.filter((e) => actors.has(e.key) && e.span.end <= found.at).map((e) => e.key));
      const subjects = before.size ? before : actors;
      const wdText = /(monday|tuesday|wednesday|thursday|friday|saturday|sunday)/i.exec(t.text)?.[1]?.toLowerCase() ?? null;
      const weekday = wdText ? wdText[0].toUpperCase() + wdText.slice(1) : t.resolved && t.resolved.length >= 10 ? weekdayName(t.resolved) : null;
      const value = t.resolved && t.resolved.length >= 10 ? t.resolved.slice(0, 10) : weekday;
      if (!value) continue;
      mentions.push({ sent: s, t, act, actors, subjects, value, weekday });
    }
  mentions.sort((a, b) => cmp(a.act, b.act) || cmp(a.sent.id, b.sent.id) || a.t.span.start - b.t.span.start);
  capPerSlot(mentions, (m) => m.act);
  const sameValue = (a: DMention, b: DMention) => {
    if (a.value === b.value) return true;
    // one resolved, the other only a weekday: compare weekdays
    if (a.weekday && b.weekday && (a.value.length < 10 || b.value.length < 10)) return a.weekday === b.weekday;
    return false;
  };
  const comparable = (a: DMention, b: DMention): boolean => {
    if (a.act !== b.act || a.sent.id === b.sent.id) return false;
    // "Trump said Tuesday Clinton …" and "Clinton said Wednesday Trump …" are two acts
    if (![...a.subjects].some((x) => b.subjects.has(x))) return false;
    const sameFact = al.clusterOf.has(a.sent.id) && al.clusterOf.get(a.sent.id) === al.clusterOf.get(b.sent.id);
    if (sameFact) return true;
    if (a.sent.art.id === b.sent.art.id) return false; // one article's two dates for one kind of act: usually two acts
    // People act on several days: the same act needs related wording, less of it for a joint act
    // of two or more named subjects ("Putin and Xi signed …"), which is distinctive.
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
    if (ms.length < 2) continue;
    const sides: DMention[][] = [];
    for (const m of ms) {
      const side = sides.find((s) => sameValue(s[0], m));
      if (side) side.push(m);
      else sides.push([m]);
    }
    if (sides.length < 2) continue;
    sides.sort((a, b) => cmp(a[0].value, b[0].value));
    const common = [...ms[0].actors].filter((x) => ms.every((m) => m.actors.has(x) || ms.some((o) => o !== m && o.actors.has(x))));
    const actorNames = displayActors(ms, common);
    const pairs: Conflict['pairs'] = [];
    for (let a = 0; a < sides.length; a++) for (let b = a + 1; b < sides.length; b++) pairs.push({ a, b, severity: 'conflict' });
    const arts = sides.map((s) => new Set(s.map((m) => m.sent.art.id)));
    const withinArticle = arts.some((x, i) => arts.some((y, j) => j > i && [...x].some((id) => y.has(id))));
    const values = sides.map((s) => dateDisplay(s[0]));
    out.push({
      id: '',
      kind: 'date',
      slot: `date of the ${ms[0].act}${actorNames ? ` by ${actorNames}` : ''}`,
      severity: 'conflict',
      withinArticle,
      sides: sides.map((s) => dateSide(story, s)),
      pairs,
      note: `${values.join(' vs ')}: different days for the same ${ms[0].act}`,
      factIds: [],
    });
  }
  return out;
}

/** Who acts in a sentence: people and organisations (places say where, not who; demonyms are places). */
export function actorKeys(s: Sent, t?: { span: { start: number; end: number } }): Set<string> {
  return new Set(
    s.entities
      .filter((e) => (e.type === 'PER' || e.type === 'ORG') && !(t && t.span.start <= e.span.start && e.span.end <= t.span.end))
      .map((e) => e.key),
  );
}

function displayActors(ms: DMention[], keys: string[]): string {
  const names: string[] = [];
  for (const k of [...keys].sort(cmp).slice(0, 3)) {
    let best = '';
    for (const m of ms) for (const e of m.sent.entities) if (e.key === k && (e.name.length > best.length || (e.name.length === best.length && e.name < best))) best = e.name;
    names.push(best || k);
  }
  return names.join(', ');
}

function dateDisplay(m: DMention): string {
  if (m.value.length >= 10) return m.weekday ? `${m.value} (${m.weekday})` : m.value;
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

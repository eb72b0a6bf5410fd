/**
 * Grouping errors by kind, with the evidence each misplaced article shares with the articles it
 * was (or should have been) grouped with: what a change to the grouping has to fix.
 *
 * - merged: an article in a story whose other members mostly report another gold event; compared
 *   with those members (the story's majority event).
 * - split: an article of a gold event outside the story holding most of that event's articles,
 *   compared with that largest part; by where it went: a story of its own ("alone"), a fragment
 *   made mostly of its own event ("own fragment"), or a story of another event ("in other").
 *
 * Evidence is counted against the reference articles: terms, names (entity ids) and places shared
 * with at least half of them; time: the gap between the article's day (publication, else event
 * day) and the reference articles' span, or "undated" when either side has none; event days
 * (resolved dates in the text) within a day of a reference article's, or not.
 */
import type { StoryFeatures } from '../../src/stories/index.js';

export interface ErrorRow {
  kind: string;
  articles: number;
  terms3: number;
  terms1to2: number;
  terms0: number;
  names: number;
  places: number;
  gapWithin3: number;
  gapOver3: number;
  undated: number;
  eventDaySame: number;
  eventDayDiffers: number;
}

/** Values of `get` shared by the article and at least half of `others`. */
function sharedWithHalf(x: string[], others: string[][]): number {
  const mine = new Set(x);
  const counts = new Map<string, number>();
  for (const o of others) for (const v of new Set(o)) if (mine.has(v)) counts.set(v, (counts.get(v) ?? 0) + 1);
  let n = 0;
  for (const c of counts.values()) if (c * 2 >= others.length) n++;
  return n;
}

function count(row: ErrorRow, x: StoryFeatures, others: StoryFeatures[]): void {
  row.articles++;
  const terms = sharedWithHalf(
    x.terms.map((t) => t[0]),
    others.map((o) => o.terms.map((t) => t[0])),
  );
  if (terms >= 3) row.terms3++;
  else if (terms > 0) row.terms1to2++;
  else row.terms0++;
  if (sharedWithHalf(x.entities.map((e) => e[0]), others.map((o) => o.entities.map((e) => e[0]))) > 0) row.names++;
  if (sharedWithHalf(x.places.map((e) => e[0]), others.map((o) => o.places.map((e) => e[0]))) > 0) row.places++;
  const t = (f: StoryFeatures) => f.day ?? f.eventDay;
  const tx = t(x);
  const ts = others.map(t).filter((v): v is number => v !== null);
  if (tx === null || ts.length === 0) row.undated++;
  else {
    const gap = Math.max(0, Math.min(...ts) - tx, tx - Math.max(...ts));
    if (gap <= 3) row.gapWithin3++;
    else row.gapOver3++;
  }
  const ex = x.eventDay;
  const es = others.map((f) => f.eventDay).filter((v): v is number => v !== null);
  if (ex !== null && es.length > 0) {
    if (es.some((e) => Math.abs(e - ex) <= 1)) row.eventDaySame++;
    else row.eventDayDiffers++;
  }
}

/** The most frequent value (ties: the smallest). */
function majority(xs: string[]): string {
  const c = new Map<string, number>();
  for (const x of xs) c.set(x, (c.get(x) ?? 0) + 1);
  return [...c.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0][0];
}

/** Errors of `predicted` (member ids per story) against `gold`, by kind (rows in a fixed order). */
export function errorsByKind(gold: Map<string, string>, features: StoryFeatures[], predicted: string[][]): ErrorRow[] {
  const byId = new Map(features.map((f) => [f.id, f]));
  const kinds = ['merged', 'split: alone', 'split: own fragment', 'split: in other'];
  const rows = new Map(kinds.map((kind) => [kind, { kind, articles: 0, terms3: 0, terms1to2: 0, terms0: 0, names: 0, places: 0, gapWithin3: 0, gapOver3: 0, undated: 0, eventDaySame: 0, eventDayDiffers: 0 }]));
  const storyOf = new Map<string, number>();
  const majorityOf = predicted.map((members, i) => {
    for (const m of members) storyOf.set(m, i);
    return members.length > 0 ? majority(members.map((m) => gold.get(m) ?? m)) : '';
  });
  predicted.forEach((members, i) => {
    const ref = members.filter((m) => gold.get(m) === majorityOf[i]).map((m) => byId.get(m)!);
    for (const m of members) if (gold.get(m) !== majorityOf[i]) count(rows.get('merged')!, byId.get(m)!, ref);
  });
  const events = new Map<string, string[]>();
  for (const [id, g] of gold) {
    if (!byId.has(id)) continue;
    let e = events.get(g);
    if (!e) events.set(g, (e = []));
    e.push(id);
  }
  for (const [g, ids] of events) {
    const parts = new Map<number, string[]>();
    for (const id of ids) {
      const p = storyOf.get(id) ?? -1;
      let a = parts.get(p);
      if (!a) parts.set(p, (a = []));
      a.push(id);
    }
    const sorted = [...parts.entries()].sort((a, b) => b[1].length - a[1].length || a[0] - b[0]);
    const main = sorted[0][1].map((id) => byId.get(id)!);
    for (const [p, part] of sorted.slice(1)) {
      const size = p < 0 ? 1 : predicted[p].length;
      const kind = size === 1 ? 'split: alone' : majorityOf[p] === g ? 'split: own fragment' : 'split: in other';
      for (const id of part) count(rows.get(kind)!, byId.get(id)!, main);
    }
  }
  return [...rows.values()];
}

/** The table `bench:stories -- --errors` prints. */
export function errorTable(name: string, rows: ErrorRow[], totalsOnly = false): string[][] {
  const head = totalsOnly ? ['data', 'kind', 'articles'] : ['data', 'kind', 'articles', 'terms >=3', 'terms 1-2', 'terms 0', 'names', 'places', 'gap <=3 d', 'gap >3 d', 'undated', 'event day same', 'event day differs'];
  const out = [head];
  for (const r of rows) {
    const cells = totalsOnly ? [r.articles] : [r.articles, r.terms3, r.terms1to2, r.terms0, r.names, r.places, r.gapWithin3, r.gapOver3, r.undated, r.eventDaySame, r.eventDayDiffers];
    out.push([name, r.kind, ...cells.map(String)]);
  }
  return out;
}

/**
 * Article pairs grouped wrongly, by time: pairs of different gold events in one story ("merged")
 * and pairs of one gold event in two stories ("split"), each by whether the two articles have the
 * same publication day, different days, or one has none. Says how much of the error the text must
 * settle on its own: on UCI every gold story lies on one day, so a merged pair on two days is two
 * same-topic stories the gold tells apart by day (what time evidence finer than the window would
 * fix, and what the words of two headlines of one topic cannot).
 */
export interface PairsByDay {
  mergedSameDay: number;
  mergedOtherDays: number;
  mergedUndated: number;
  splitSameDay: number;
  splitOtherDays: number;
  splitUndated: number;
}

export function pairErrorsByDay(gold: Map<string, string>, features: StoryFeatures[], predicted: string[][]): PairsByDay {
  const day = new Map(features.map((f) => [f.id, f.day]));
  const out: PairsByDay = { mergedSameDay: 0, mergedOtherDays: 0, mergedUndated: 0, splitSameDay: 0, splitOtherDays: 0, splitUndated: 0 };
  const tally = (a: string, b: string, kind: 'merged' | 'split') => {
    const da = day.get(a) ?? null;
    const db = day.get(b) ?? null;
    const when = da === null || db === null ? 'Undated' : da === db ? 'SameDay' : 'OtherDays';
    out[`${kind}${when}`]++;
  };
  const storyOf = new Map<string, number>();
  predicted.forEach((members, i) => {
    for (const m of members) storyOf.set(m, i);
    for (let x = 0; x < members.length; x++) for (let y = x + 1; y < members.length; y++) if (gold.get(members[x]) !== gold.get(members[y])) tally(members[x], members[y], 'merged');
  });
  const events = new Map<string, string[]>();
  for (const [id, g] of gold) {
    if (!day.has(id)) continue;
    let e = events.get(g);
    if (!e) events.set(g, (e = []));
    e.push(id);
  }
  for (const ids of events.values()) for (let x = 0; x < ids.length; x++) for (let y = x + 1; y < ids.length; y++) if (storyOf.get(ids[x]) !== storyOf.get(ids[y])) tally(ids[x], ids[y], 'split');
  return out;
}

/** The pair table `bench:stories -- --errors` prints (one row per data set). */
export function pairTable(rows: [string, PairsByDay][]): string[][] {
  const head = ['data', 'merged: same day', 'merged: other days', 'merged: undated', 'split: same day', 'split: other days', 'split: undated'];
  return [head, ...rows.map(([name, p]) => [name, ...[p.mergedSameDay, p.mergedOtherDays, p.mergedUndated, p.splitSameDay, p.splitOtherDays, p.splitUndated].map(String)])];
}

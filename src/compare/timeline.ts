/**
 * Timeline: dated events from all articles merged. An event is a sentence with a resolved date;
 * sentences aligned into one fact (or naming the same act by the same actors) on the same date
 * are one event with several sources. Dates resolved from the story rather than the article's own
 * publication date are marked inferred.
 */
import { actReading } from './date-conflicts.js';
import type { Alignment } from './facts.js';
import { evidence, type ResolvedTime, type Sent, type StoryView, sentText } from './prepare.js';
import { clean, cmp } from './text.js';
import { indexUnion } from '../util/union-find.js';
import type { TimelineEvent } from './types.js';

export interface Item {
  sent: Sent;
  t: ResolvedTime;
  date: string;
  grain: string;
  act: string | null;
  actors: ReadonlySet<string>;
}

export function buildTimeline(story: StoryView, al: Alignment, factIdOfCluster: Map<number, string>): TimelineEvent[] {
  const items: Item[] = [];
  for (const s of story.sentences)
    for (const t of s.times) {
      if (!t.resolved || t.kind === 'duration') continue;
      const grain = t.resolved.length >= 10 ? 'day' : t.resolved.length === 7 ? 'month' : 'year';
      if (grain === 'year' && t.kind !== 'year') continue;
      const { act, actors } = actReading(s, t);
      items.push({ sent: s, t, date: t.resolved.slice(0, 10), grain, act: act?.cls ?? null, actors });
    }
  // group: same date and (same fact cluster, or the same act by the same actors)
  items.sort((a, b) => cmp(a.date, b.date) || cmp(a.sent.id, b.sent.id) || a.t.span.start - b.t.span.start);
  const { find, union } = indexUnion(items.length);
  for (let from = 0; from < items.length; ) {
    let to = from + 1;
    while (to < items.length && items[to].date === items[from].date) to++;
    sameEvents(items, from, to, al, union);
    from = to;
  }
  const byRoot = new Map<number, Item[]>();
  const groups: Item[][] = [];
  items.forEach((it, i) => {
    const r = find(i);
    let g = byRoot.get(r);
    if (!g) {
      g = [];
      byRoot.set(r, g);
      groups.push(g);
    }
    if (!g.some((x) => x.sent.id === it.sent.id)) g.push(it);
  });
  const out: TimelineEvent[] = groups.map((g) => {
    g.sort((a, b) => cmp(a.sent.id, b.sent.id));
    const articles = [...new Set(g.map((x) => x.sent.art.id))].sort(cmp);
    const c = al.clusterOf.get(g[0].sent.id);
    const rep = g[0].sent;
    return {
      date: g[0].date,
      grain: g[0].grain,
      inferred: g.every((x) => x.t.resolvedInferred),
      label: shorten(clean(sentText(rep)), 220),
      articles,
      outlets: [...new Set(articles.map((id) => story.byId.get(id)!.outlet))],
      evidence: g.map((x) => evidence(x.sent, { ...x.t.span })),
      factId: c !== undefined ? (factIdOfCluster.get(c) ?? null) : null,
    };
  });
  out.sort((a, b) => cmp(a.date, b.date) || b.articles.length - a.articles.length || cmp(a.evidence[0].articleId, b.evidence[0].articleId) || a.evidence[0].span.start - b.evidence[0].span.start);
  return out;
}

/** How far apart (in the date's items, in order) two items of one date can still be found one event. */
const SAME_DATE_WINDOW = 400;

/**
 * Joins the items [from, to) of one date that are one event: a later item of the next
 * SAME_DATE_WINDOW in the same fact cluster, or naming the same act by the same actors in another
 * article. Only items that share a cluster or an act can join, so each is compared with those, read
 * from a list per cluster and per act (a pair loop over every item of a busy date grew with the
 * square of the story); the pairs met and the verdicts are those of the pair loop.
 */
export function sameEvents(items: Item[], from: number, to: number, al: Alignment, union: (i: number, j: number) => void): void {
  const byCluster = new Map<number, number[]>();
  const byAct = new Map<string, number[]>();
  const clusterAt: (number | undefined)[] = [];
  // where each item sits in its cluster's and its act's list
  const inCluster: number[] = [];
  const inAct: number[] = [];
  for (let i = from; i < to; i++) {
    const c = al.clusterOf.get(items[i].sent.id);
    clusterAt[i - from] = c;
    if (c !== undefined) inCluster[i - from] = pushTo(byCluster, c, i);
    const act = items[i].act;
    if (act) inAct[i - from] = pushTo(byAct, act, i);
  }
  // each list in item order: a pair (i, j) is met from i, once, and only when j - i <= the window
  const later = (list: number[], at: number, i: number, each: (j: number) => void) => {
    for (let p = at + 1; p < list.length && list[p] - i <= SAME_DATE_WINDOW; p++) each(list[p]);
  };
  for (let i = from; i < to; i++) {
    const a = items[i];
    const ca = clusterAt[i - from];
    if (ca !== undefined)
      later(byCluster.get(ca)!, inCluster[i - from], i, (j) => {
        if (items[j].sent.id !== a.sent.id) union(i, j);
      });
    if (!a.act) continue;
    later(byAct.get(a.act)!, inAct[i - from], i, (j) => {
      const b = items[j];
      // (a pair of one cluster was joined above)
      if (b.sent.id === a.sent.id || (ca !== undefined && ca === clusterAt[j - from]) || a.sent.art.id === b.sent.art.id) return;
      let shared = 0;
      for (const x of a.actors) if (b.actors.has(x)) shared++;
      if (shared >= 2 || (shared >= 1 && al.sim(a.sent, b.sent) >= 0.2)) union(i, j);
    });
  }
}

/** Appends `i` to the list of `k`; its place in the list. */
function pushTo<K>(m: Map<K, number[]>, k: K, i: number): number {
  const list = m.get(k);
  if (!list) {
    m.set(k, [i]);
    return 0;
  }
  return list.push(i) - 1;
}

export function shorten(s: string, n: number): string {
  if (s.length <= n) return s;
  const cut = s.slice(0, n);
  const sp = cut.lastIndexOf(' ');
  return `${cut.slice(0, sp > n * 0.6 ? sp : n)}…`;
}

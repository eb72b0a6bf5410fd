/**
 * Timeline: dated events from all articles merged. An event is a sentence with a resolved date;
 * sentences aligned into one fact (or naming the same act by the same actors) on the same date
 * are one event with several sources. Dates resolved from the story rather than the article's own
 * publication date are marked inferred.
 */
import { actOf, actorKeys } from './conflicts.js';
import type { Alignment } from './facts.js';
import { evidence, type ResolvedTime, type Sent, type StoryView, sentText } from './prepare.js';
import { clean, cmp } from './text.js';
import type { TimelineEvent } from './types.js';

interface Item {
  sent: Sent;
  t: ResolvedTime;
  date: string;
  grain: string;
  act: string | null;
  actors: Set<string>;
}

export function buildTimeline(story: StoryView, al: Alignment, factIdOfCluster: Map<number, string>): TimelineEvent[] {
  const items: Item[] = [];
  for (const s of story.sentences)
    for (const t of s.times) {
      if (!t.resolved || t.kind === 'duration') continue;
      const grain = t.resolved.length >= 10 ? 'day' : t.resolved.length === 7 ? 'month' : 'year';
      if (grain === 'year' && t.kind !== 'year') continue;
      const act = actOf(s, t);
      items.push({ sent: s, t, date: t.resolved.slice(0, 10), grain, act, actors: actorKeys(s, t) });
    }
  // group: same date and (same fact cluster, or the same act by the same actors)
  items.sort((a, b) => cmp(a.date, b.date) || cmp(a.sent.id, b.sent.id) || a.t.span.start - b.t.span.start);
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length && j - i <= 400 && items[j].date === items[i].date; j++) {
      const a = items[i];
      const b = items[j];
      if (a.sent.id === b.sent.id) continue;
      const ca = al.clusterOf.get(a.sent.id);
      let same = ca !== undefined && ca === al.clusterOf.get(b.sent.id);
      if (!same && a.act && a.act === b.act && a.sent.art.id !== b.sent.art.id) {
        const shared = [...a.actors].filter((x) => b.actors.has(x)).length;
        same = shared >= 2 || (shared >= 1 && al.sim(a.sent, b.sent) >= 0.2);
      }
      if (same) {
        const ri = find(i);
        const rj = find(j);
        if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
      }
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

export function shorten(s: string, n: number): string {
  if (s.length <= n) return s;
  const cut = s.slice(0, n);
  const sp = cut.lastIndexOf(' ');
  return `${cut.slice(0, sp > n * 0.6 ? sp : n)}…`;
}

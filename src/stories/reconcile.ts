import type { StoryGroup } from './types.js';
import { cmpStr } from '../util/cmp.js';

/**
 * Keeps story ids stable across runs. Each new story takes the id of the previous story it shares
 * the most members with, greedily by overlap (ties: the previous story listed first, then the new
 * story with the smaller first member), each previous id used at most once. So:
 * - a story that gains (or loses some) members keeps its id;
 * - merge: when several previous stories end up in one, it keeps the id of the one that
 *   contributed most members; the other ids are listed in `mergedFrom` and are retired;
 * - split: the part holding most of the previous members keeps the id; the other parts get
 *   their own (new) ids;
 * - a story sharing no member with any previous story keeps the id it was given.
 * A new id that collides with a previous id assigned elsewhere gets a numeric suffix.
 */
export function reconcileStoryIds(previous: { id: string; members: string[] }[], next: StoryGroup[]): StoryGroup[] {
  const prevOf = new Map<string, number>();
  previous.forEach((p, i) => {
    for (const m of p.members) if (!prevOf.has(m)) prevOf.set(m, i);
  });
  const pairs: { n: number; p: number; overlap: number }[] = [];
  const perNext: Map<number, number>[] = next.map(() => new Map());
  next.forEach((g, n) => {
    for (const m of g.members) {
      const p = prevOf.get(m);
      if (p !== undefined) perNext[n].set(p, (perNext[n].get(p) ?? 0) + 1);
    }
    for (const [p, overlap] of perNext[n]) pairs.push({ n, p, overlap });
  });
  const first = (n: number) => next[n].members[0] ?? '';
  pairs.sort((a, b) => b.overlap - a.overlap || a.p - b.p || cmpStr(first(a.n), first(b.n)) || a.n - b.n);
  const idOfNext = new Map<number, string>();
  const usedPrev = new Set<number>();
  for (const { n, p } of pairs) {
    if (idOfNext.has(n) || usedPrev.has(p)) continue;
    idOfNext.set(n, previous[p].id);
    usedPrev.add(p);
  }
  const taken = new Set(idOfNext.values());
  // ids of previous stories that no longer exist must not be reused for unrelated new ones
  const retired = new Set(previous.map((p) => p.id));
  return next.map((g, n) => {
    let id = idOfNext.get(n);
    if (id === undefined) {
      id = g.id;
      for (let i = 2; taken.has(id) || retired.has(id); i++) id = `${g.id}-${i}`;
      taken.add(id);
    }
    const merged = [...perNext[n].keys()]
      .map((p) => previous[p].id)
      .filter((pid) => pid !== id && !usedPrevId(pid, idOfNext))
      .sort(cmpStr);
    const out: StoryGroup = { ...g, id };
    if (merged.length > 0) out.mergedFrom = merged;
    else delete out.mergedFrom;
    return out;
  });
}

function usedPrevId(pid: string, idOfNext: Map<number, string>): boolean {
  for (const v of idOfNext.values()) if (v === pid) return true;
  return false;
}

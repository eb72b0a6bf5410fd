import { StoryIndex, sortGroups } from './story-index.js';
import type { GroupOptions, StoryFeatures, StoryGroup } from './types.js';
import { cmpStr } from '../util/cmp.js';

/**
 * The canonical order in which articles are grouped: by time (publication day, else event day),
 * undated last, then by id. Batch grouping uses it, so the input order never matters; an
 * incremental index fed in this order gives the same stories as the batch.
 */
export function canonicalOrder(features: StoryFeatures[]): StoryFeatures[] {
  const t = (f: StoryFeatures) => f.day ?? f.eventDay ?? Number.POSITIVE_INFINITY;
  return [...features].sort((a, b) => t(a) - t(b) || cmpStr(a.id, b.id) || cmpStr(a.textHash, b.textHash));
}

/**
 * Batch grouping. Deterministic and independent of input order: the document frequencies are
 * computed over the whole collection first, then articles are assigned in canonical order
 * (`canonicalOrder`), then `StoryIndex.settle` merges fragments and reassigns stragglers.
 * A repeated id is grouped once (its first occurrence in canonical order).
 */
export function groupStories(features: StoryFeatures[], options: GroupOptions = {}): StoryGroup[] {
  const ordered = canonicalOrder(features);
  const seen = new Set<string>();
  const unique: StoryFeatures[] = [];
  for (const f of ordered) {
    if (seen.has(f.id)) continue;
    seen.add(f.id);
    unique.push(f);
  }
  const index = new StoryIndex(options);
  for (const f of unique) index.observe(f);
  for (const f of unique) index.add(f);
  index.settle();
  return sortGroups(index.stories());
}

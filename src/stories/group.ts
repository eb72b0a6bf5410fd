import { batchStories } from './ledger.js';
import type { GroupOptions, StoryFeatures, StoryGroup } from './types.js';
import { cmpStr } from '../util/cmp.js';

/**
 * The canonical order in which articles are grouped: by time (publication day, else event day),
 * undated last, then by id. Batch grouping uses it, so the input order never matters; an
 * incremental index fed in this order gives the same stories as the batch.
 */
export function canonicalOrder(features: StoryFeatures[]): StoryFeatures[] {
  return [...features].sort(canonicalCompare);
}

/** The comparator of `canonicalOrder`. */
export function canonicalCompare(a: StoryFeatures, b: StoryFeatures): number {
  const t = (f: StoryFeatures) => f.day ?? f.eventDay ?? Number.POSITIVE_INFINITY;
  return t(a) - t(b) || cmpStr(a.id, b.id) || cmpStr(a.textHash, b.textHash);
}

/**
 * Batch grouping. Deterministic and independent of input order: what one run of a fresh ledger
 * gives (ledger.ts `batchStories`): a single pass in canonical order (`canonicalOrder`) with document frequencies
 * counted up to each article's time, then `StoryIndex.settle` over the stories still open.
 * Incremental runs (`StoryLedger`, the store's ledger) give the same stories and ids.
 * A repeated id is grouped once (its first occurrence in canonical order).
 */
export function groupStories(features: StoryFeatures[], options: GroupOptions = {}): StoryGroup[] {
  return batchStories(features, options);
}

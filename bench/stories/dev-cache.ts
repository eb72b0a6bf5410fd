/**
 * The ECB+ development half (odd topics) and UCI half A as scripts/story-decisions.ts and
 * scripts/train-story-merges.ts read them: features cached in $STORY_DECISIONS_CACHE (default
 * /tmp/story-decisions-cache.json), and the dates-dropped copies of bench/stories/cv.ts
 * (`datesDropped`: the same draw for the same seed). Nothing of the held-out halves is read.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { StoryFeatures } from '../../src/stories/index.js';
import { prng } from '../../src/util/random.js';
import { ecbHalf, loadUci, type Split } from './quality.js';

interface Cached {
  name: string;
  ids: string[];
  gold: [string, string][];
  features: StoryFeatures[];
  /** Each article read as a text with no date (`Split.undated`); ECB+ only. */
  undated?: StoryFeatures[];
}

export function loadSplits(uci: boolean): Split[] {
  const path = process.env.STORY_DECISIONS_CACHE ?? '/tmp/story-decisions-cache-undated.json';
  let cached: Cached[] = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Cached[]) : [];
  const want = uci ? 2 : 1;
  if (cached.length < want) {
    const splits = [ecbHalf(1), ...(uci ? [loadUci().a] : [])];
    cached = splits.map((s) => ({ name: s.name, ids: s.ids, gold: [...s.gold], features: s.features, undated: s.undated?.() }));
    writeFileSync(path, JSON.stringify(cached));
  }
  return cached.slice(0, want).map((c) => ({ name: c.name, ids: c.ids, texts: [], gold: new Map(c.gold), features: c.features, ...(c.undated ? { undated: () => c.undated! } : {}) }));
}

export function dropDates(split: Split, fraction: number, seed: number): StoryFeatures[] {
  if (fraction === 0) return split.features;
  const rand = prng(seed * 31);
  const undated = split.undated?.();
  return split.features.map((x, i) => (x.day !== null && rand() < fraction ? (undated?.[i] ?? { ...x, day: null, published: null, eventDay: null }) : x));
}


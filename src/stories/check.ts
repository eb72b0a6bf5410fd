import { MAX_YEAR, MIN_YEAR } from '../ingest/validate.js';
import type { StoryFeatures } from './types.js';

const DAY_MS = 86_400_000;
const MIN_DAY = Math.floor(Date.UTC(MIN_YEAR, 0, 1) / DAY_MS);
const MAX_DAY = Math.floor(Date.UTC(MAX_YEAR, 11, 31) / DAY_MS);

const okDay = (d: unknown): d is number => typeof d === 'number' && Number.isInteger(d) && d >= MIN_DAY && d <= MAX_DAY;
const okPairs = (v: unknown): v is [string, number][] => Array.isArray(v) && v.every((p) => Array.isArray(p) && typeof p[0] === 'string' && Number.isFinite(p[1]));

/**
 * Stored features as grouping may read them, or a reason why they cannot be used. Features come
 * from the store, which may hold documents written by older versions (or edited by hand): a day
 * outside the sane years is dropped (the article counts as undated) rather than let through to
 * date arithmetic; features without an id or term lists are unusable.
 */
export function checkFeatures(f: unknown): { features: StoryFeatures; note?: string } | { problem: string } {
  if (!f || typeof f !== 'object') return { problem: 'story features are not an object' };
  const x = f as StoryFeatures;
  if (typeof x.id !== 'string' || !x.id) return { problem: 'story features have no id' };
  if (!okPairs(x.terms) || !okPairs(x.entities) || !okPairs(x.places)) return { problem: 'story features have malformed term lists' };
  if (x.sketch !== null && !(x.sketch && Array.isArray(x.sketch.sig) && x.sketch.sig.every(Number.isFinite))) return { problem: 'story features have a malformed sketch' };
  const badDay = (x.day !== null && !okDay(x.day)) || (x.eventDay !== null && x.eventDay !== undefined && !okDay(x.eventDay));
  if (!badDay) return { features: x };
  return {
    features: { ...x, day: okDay(x.day) ? x.day : null, eventDay: okDay(x.eventDay) ? x.eventDay : null, published: okDay(x.day) ? x.published : null },
    note: 'date outside the years 1800-2200 ignored for grouping',
  };
}


import { MAX_YEAR, MIN_YEAR } from '../ingest/validate.js';
import { guard } from '../util/guard.js';
import { groupStories } from './group.js';
import type { GroupOptions, StoryFeatures, StoryGroup } from './types.js';

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

export interface SafeGrouping {
  groups: StoryGroup[];
  /** One line per document left out or changed, and when grouping as a whole failed. */
  messages: { docId: string | null; message: string }[];
  /** False when grouping failed as a whole and `groups` is the fallback. */
  ok: boolean;
}

/**
 * `groupStories` under a guard. Unusable features leave their document out (with a message);
 * when grouping itself throws, the fallback keeps the stories as they were (`previous`) and puts
 * each document that had none in a story of its own, so the run still reports every document.
 */
export function groupStoriesSafely(stored: unknown[], previous: StoryGroup[], options: GroupOptions = {}): SafeGrouping {
  const messages: SafeGrouping['messages'] = [];
  const usable: StoryFeatures[] = [];
  for (const f of stored) {
    const c = checkFeatures(f);
    const id = f && typeof f === 'object' && typeof (f as { id?: unknown }).id === 'string' ? (f as { id: string }).id : null;
    if ('problem' in c) {
      messages.push({ docId: id, message: `left out of story grouping: ${c.problem}` });
      continue;
    }
    if (c.note) messages.push({ docId: id, message: c.note });
    usable.push(c.features);
  }
  const r = guard(() => groupStories(usable, options));
  if (r.ok) return { groups: r.value, messages, ok: true };
  messages.push({ docId: null, message: `story grouping failed (${r.error}); previous stories kept, new documents listed alone` });
  const placed = new Set(previous.flatMap((g) => g.members));
  const alone: StoryGroup[] = usable
    .filter((f) => !placed.has(f.id))
    .map((f) => ({
      id: f.id,
      members: [f.id],
      copies: [],
      independentSources: 1,
      title: f.title,
      span: { start: f.published?.slice(0, 10) ?? null, end: f.published?.slice(0, 10) ?? null },
      entities: [],
      places: [],
    }));
  const known = new Set(usable.map((f) => f.id));
  const kept = previous.map((g) => ({ ...g, members: g.members.filter((m) => known.has(m)) })).filter((g) => g.members.length);
  return { groups: [...kept, ...alone], messages, ok: false };
}

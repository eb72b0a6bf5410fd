import { guard } from '../util/guard.js';
import { checkFeatures } from './check.js';
import { groupStories } from './group.js';
import type { GroupOptions, StoryFeatures, StoryGroup } from './types.js';

export { checkFeatures } from './check.js';

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

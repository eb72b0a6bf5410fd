import { updateStories } from '../pipeline.js';
import type { Store } from '../store/index.js';

/**
 * One regrouping of the stored articles into stories, as `analyze` does it (`updateStories`, the
 * stories module's entry point: whatever grouping it implements, the server gets the same stories
 * and ids as the CLI), and what it changed: the stories whose members or grouping record differ
 * from before, and the stories that went. Runs in the grouping worker (group-worker.ts), never on
 * the server's event loop (except with an in-memory store).
 */
export interface GroupingRun {
  changed: { id: string; members: string[] }[];
  removed: string[];
  /** Per-document problems of the grouping (features that could not be used), with the document id. */
  messages: { docId: string | null; message: string }[];
  ms: number;
}

const signature = (members: string[], data: unknown) => `${[...members].sort().join()}\n${JSON.stringify(data)}`;

export async function regroupStore(store: Store): Promise<GroupingRun> {
  const t0 = performance.now();
  const before = new Map((await store.stories()).map((s) => [s.id, signature(s.members, s.data)]));
  const messages: GroupingRun['messages'] = [];
  const groups = await updateStories(store, (docId, message) => messages.push({ docId, message }));
  const after = new Set(groups.map((g) => g.id));
  return {
    changed: groups.filter((g) => before.get(g.id) !== signature(g.members, g)).map((g) => ({ id: g.id, members: g.members })),
    removed: [...before.keys()].filter((id) => !after.has(id)).sort(),
    messages,
    ms: performance.now() - t0,
  };
}

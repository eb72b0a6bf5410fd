import { ledgerRun } from '../pipeline.js';
import type { Store } from '../store/index.js';

/**
 * One regrouping of the stored articles into stories, as `analyze` and the workers do it
 * (`ledgerRun`, the pipeline's entry point to the story ledger: the server gets the same stories and
 * ids as the CLI), and what it changed: the stories that are new or differ, and the stories that went. Runs in the grouping worker (group-worker.ts), never on
 * the server's event loop (except with an in-memory store).
 */
export interface GroupingRun {
  changed: { id: string; members: string[] }[];
  removed: string[];
  /** Per-document problems of the grouping (features that could not be used), with the document id. */
  messages: { docId: string | null; message: string }[];
  ms: number;
}

export async function regroupStore(store: Store): Promise<GroupingRun> {
  const t0 = performance.now();
  const run = await ledgerRun(store);
  return {
    changed: run.changed.map((g) => ({ id: g.id, members: g.members })),
    removed: [...run.removed].sort(),
    messages: run.messages,
    ms: performance.now() - t0,
  };
}

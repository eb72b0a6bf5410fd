import { parentPort } from 'node:worker_threads';
import type { StoryGroup } from '../stories/index.js';
import { buildStoryReport } from './story-report.js';
import { storeAt } from './worker-store.js';

/**
 * Worker thread of the server that builds story reports (the cross-check is the heaviest thing
 * the server does: seconds for a story of a hundred articles) off the event loop, so health, UI
 * and API requests keep being answered. It reads the articles through its own connection to the
 * same store (SQLite in WAL mode: readers do not wait for the writer; or PostgreSQL) and caches
 * the finished report there. Jobs are handled one at a time, in order.
 */
/** A report to build: the story, its cache key, where the store is, and whether to cross-check. */
export type ReportJob = { db: string; group: StoryGroup; key: string; crossCheck: boolean; skippedBecause?: string };
type Job = ReportJob & { id: number };

let queue: Promise<unknown> = Promise.resolve();

parentPort?.on('message', (m: Job) => {
  queue = queue.then(async () => {
    try {
      const built = await buildStoryReport(await storeAt(m.db), m.group, m.key, m.crossCheck, m.skippedBecause);
      parentPort?.postMessage({ id: m.id, ok: true, result: built });
    } catch (e) {
      parentPort?.postMessage({ id: m.id, ok: false, error: (e as Error)?.message ?? String(e) });
    }
  });
});
parentPort?.postMessage({ ready: true });

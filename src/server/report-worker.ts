import { parentPort } from 'node:worker_threads';
import { openStore, type Store } from '../store/index.js';
import type { StoryGroup } from '../stories/index.js';
import { buildStoryReport } from './story-report.js';

/**
 * Worker thread of the server that builds story reports (the cross-check is the heaviest thing
 * the server does: seconds for a story of a hundred articles) off the event loop, so health, UI
 * and API requests keep being answered. It reads the articles through its own connection to the
 * same store (SQLite in WAL mode: readers do not wait for the writer; or PostgreSQL) and caches
 * the finished report there. Jobs are handled one at a time, in order.
 */
let store: { location: string; store: Promise<Store> } | null = null;

function storeAt(location: string): Promise<Store> {
  if (store && store.location === location) return store.store;
  const old = store;
  const opened = openStore(location, { poolSize: 2 });
  store = { location, store: opened };
  // a store that could not be opened is tried again by the next job
  opened.catch(() => {
    if (store?.store === opened) store = null;
  });
  if (old) void old.store.then((s) => s.close()).catch(() => undefined);
  return store.store;
}

type Job = { id: number; db: string; group: StoryGroup; key: string; crossCheck: boolean; skippedBecause?: string };

let queue: Promise<unknown> = Promise.resolve();

parentPort?.on('message', (m: Job) => {
  queue = queue.then(async () => {
    try {
      const built = await buildStoryReport(await storeAt(m.db), m.group, m.key, m.crossCheck, m.skippedBecause);
      parentPort?.postMessage({ id: m.id, ok: true, built });
    } catch (e) {
      parentPort?.postMessage({ id: m.id, ok: false, error: (e as Error)?.message ?? String(e) });
    }
  });
});
parentPort?.postMessage({ ready: true });

import { parentPort } from 'node:worker_threads';
import { Store } from '../store/sqlite.js';
import type { StoryGroup } from '../stories/index.js';
import { buildStoryReport } from './story-report.js';

/**
 * Worker thread of the server that builds story reports (the cross-check is the heaviest thing
 * the server does: seconds for a story of a hundred articles) off the event loop, so health, UI
 * and API requests keep being answered. It reads the articles through its own connection to the
 * same SQLite file (WAL: readers do not wait for the writer) and caches the finished report there.
 */
let store: Store | null = null;

function storeAt(path: string): Store {
  if (store && store.path === path) return store;
  store?.close();
  store = new Store(path);
  return store;
}

parentPort?.on('message', (m: { id: number; db: string; group: StoryGroup; key: string; crossCheck: boolean; skippedBecause?: string }) => {
  try {
    const built = buildStoryReport(storeAt(m.db), m.group, m.key, m.crossCheck, m.skippedBecause);
    parentPort?.postMessage({ id: m.id, ok: true, built });
  } catch (e) {
    parentPort?.postMessage({ id: m.id, ok: false, error: (e as Error)?.message ?? String(e) });
  }
});
parentPort?.postMessage({ ready: true });

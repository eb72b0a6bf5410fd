import { parentPort } from 'node:worker_threads';
import { regroupStore } from './grouping.js';
import { storeAt } from './worker-store.js';

/**
 * Worker thread of the server that regroups the stories (after posts, deletes, and other
 * processes' writes): grouping reads every article's features and can take seconds on a big
 * collection, so it runs here and the event loop keeps answering. The grouping is written through
 * this thread's own store connection, in one transaction: a regrouping stopped at its time budget
 * (the thread is terminated) leaves the previous stories in place. One job at a time, in order.
 */
let queue: Promise<unknown> = Promise.resolve();

parentPort?.on('message', (m: { id: number; db: string }) => {
  queue = queue.then(async () => {
    try {
      const run = await regroupStore(await storeAt(m.db));
      parentPort?.postMessage({ id: m.id, ok: true, result: run });
    } catch (e) {
      parentPort?.postMessage({ id: m.id, ok: false, error: (e as Error)?.message ?? String(e) });
    }
  });
});
parentPort?.postMessage({ ready: true });

import { parentPort } from 'node:worker_threads';
import type { AnalyseTask } from '../pool/analyse-worker.js';
import { processTask } from '../pipeline.js';

/**
 * Worker thread of the server: extracts and analyses posted documents (the CPU-heavy part of
 * ingest) off the event loop, so reads keep being served while articles arrive. The store writes
 * stay on the main thread, in one transaction per document.
 */
parentPort?.on('message', ({ id, ...task }: AnalyseTask & { id: number }) => {
  try {
    const result = processTask(task);
    parentPort?.postMessage({ id, ok: true, result });
  } catch (e) {
    parentPort?.postMessage({ id, ok: false, error: (e as Error)?.message ?? String(e) });
  }
});
parentPort?.postMessage({ ready: true });

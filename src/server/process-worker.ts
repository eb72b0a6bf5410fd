import { parentPort } from 'node:worker_threads';
import type { RawDocument } from '../model/types.js';
import { processDocument } from '../pipeline.js';

/**
 * Worker thread of the server: extracts and analyses posted documents (the CPU-heavy part of
 * ingest) off the event loop, so reads keep being served while articles arrive. The store writes
 * stay on the main thread, in one transaction per document.
 */
parentPort?.on('message', (m: { id: number; raw: RawDocument; timeBudgetMs?: number }) => {
  try {
    const result = processDocument(m.raw, m.timeBudgetMs);
    parentPort?.postMessage({ id: m.id, ok: true, result });
  } catch (e) {
    parentPort?.postMessage({ id: m.id, ok: false, error: (e as Error)?.message ?? String(e) });
  }
});
parentPort?.postMessage({ ready: true });

/**
 * Worker thread of a run: extracts, analyses and derives story features for one raw document
 * (`processDocument`), so that a run uses every core. The store is written by the caller's thread.
 */
import { parentPort } from 'node:worker_threads';
import type { RawDocument } from '../model/types.js';
import { processDocument } from '../pipeline.js';
import { serveTasks } from './pool.js';

export interface AnalyseTask {
  raw: RawDocument;
  timeBudgetMs?: number;
}

serveTasks(parentPort, (t: AnalyseTask) => processDocument(t.raw, t.timeBudgetMs));

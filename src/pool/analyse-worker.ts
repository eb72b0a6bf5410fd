/**
 * Worker thread of a run: extracts, analyses and derives story features for one raw document
 * (`processDocument`), or brings a stored analysis up to date (`reprocessStored`), so that a run
 * uses every core. The store is written by the caller's thread.
 */
import { parentPort } from 'node:worker_threads';
import { type AnalyserTimings, emptyAnalyserTimings } from '../analyse/index.js';
import type { RawDocument } from '../model/types.js';
import { type processDocument, processTask, type StoredAnalysis } from '../pipeline.js';
import { serveTasks } from './pool.js';
import { warmUp } from './warm-up.js';

export interface AnalyseTask {
  raw: RawDocument;
  timeBudgetMs?: number;
  /** A stored analysis some of whose components changed: only those run again (`reprocessStored`). */
  reuse?: StoredAnalysis;
}

/** What `processDocument` returns, with the time each analyser took on this document. */
export type AnalyseResult = ReturnType<typeof processDocument> & { analysers: AnalyserTimings };

serveTasks(parentPort, (t: AnalyseTask): AnalyseResult => {
  const analysers = emptyAnalyserTimings();
  return { ...processTask(t, analysers), analysers };
}, warmUp);

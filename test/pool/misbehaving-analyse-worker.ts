/**
 * The analyse worker of a run, for the pool tests, with two faults it injects on request: a
 * document whose text holds the marker THROW-IN-WORKER makes the worker throw, one holding
 * HANG-IN-WORKER makes it loop forever (the pool's time limit must replace it).
 */
import { parentPort } from 'node:worker_threads';
import { emptyAnalyserTimings } from '../../src/analyse/index.js';
import type { RawDocument } from '../../src/model/types.js';
import { processDocument } from '../../src/pipeline.js';
import { serveTasks } from '../../src/pool/pool.js';
import { warmUp } from '../../src/pool/warm-up.js';

serveTasks(parentPort, (t: { raw: RawDocument; timeBudgetMs?: number }) => {
  if (t.raw.content.includes('THROW-IN-WORKER')) throw new Error('injected fault');
  if (t.raw.content.includes('HANG-IN-WORKER')) for (;;);
  const analysers = emptyAnalyserTimings();
  return { ...processDocument(t.raw, t.timeBudgetMs, analysers), analysers };
}, warmUp);

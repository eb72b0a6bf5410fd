import type { Worker } from 'node:worker_threads';
import { spawnModuleWorker } from '../pool/pool.js';

/** Starts a worker thread of this folder by base name ("process-worker"), compiled or from the sources (see spawnModuleWorker). */
export function spawnWorker(name: string): Worker {
  return spawnModuleWorker(new URL(`./${name}.js`, import.meta.url));
}

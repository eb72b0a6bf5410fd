import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread of this folder by base name ("process-worker"): the compiled JavaScript
 * next to this file, or, when running from the TypeScript sources (tsx), a bootstrap that
 * registers tsx in the worker and imports the source.
 */
export function spawnWorker(name: string): Worker {
  const js = new URL(`./${name}.js`, import.meta.url);
  if (existsSync(fileURLToPath(js))) return new Worker(js);
  const ts = new URL(`./${name}.ts`, import.meta.url).href;
  const api = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(ts)}); })`, { eval: true });
}

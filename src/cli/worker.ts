import type { RunOptions, RunSummary } from '../pipeline.js';
import { isPostgres, type Store, storeLocation } from '../store/index.js';
import type { PostgresStore } from '../store/postgres/store.js';
import { redact } from '../store/location.js';

/** `triangulate worker --db postgresql://…`: processes queued work until stopped (or, with --exit-when-idle, until the queue is empty). */
export async function workerCommand(values: Record<string, unknown>, io: { stdout: (s: string) => void; stderr: (s: string) => void }): Promise<number> {
  const location = storeLocation(values.db);
  if (!isPostgres(location)) {
    io.stderr('triangulate: worker needs a PostgreSQL store: --db postgresql://user@host/database (or TRIANGULATE_DB); with SQLite, analyze processes its own documents\n');
    return 1;
  }
  const [{ PostgresStore }, { runWorker }] = await Promise.all([import('../store/postgres/store.js'), import('../worker/loop.js')]);
  let store: Awaited<ReturnType<typeof PostgresStore.open>>;
  try {
    store = await PostgresStore.open(location, { poolSize: 2 });
  } catch (e) {
    io.stderr(`triangulate: cannot open the store ${redact(location)}: ${(e as Error).message}\n`);
    return 1;
  }
  const stop = new AbortController();
  const onSignal = () => {
    io.stderr('triangulate worker: stopping after the current job\n');
    stop.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    io.stderr(`triangulate worker: working on ${store.path}\n`);
    const s = await runWorker(store, { exitWhenIdle: !!values['exit-when-idle'], signal: stop.signal, log: (l) => io.stderr(`${l}\n`), trace: (l) => io.stderr(`${l}\n`) });
    io.stderr(`triangulate worker: ${s.documents} documents, ${s.regroups} regroupings, ${s.crossChecks} cross-checks; ${s.retried} retried, ${s.dead} given up, ${s.reaped} taken back from lost workers\n`);
    return 0;
  } catch (e) {
    io.stderr(`triangulate worker: ${(e as Error).message}\n`);
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await store.close();
  }
}

/**
 * `analyze` on PostgreSQL: queue the run's documents, then work as one worker until they are done
 * (the caller groups and reports as with SQLite); with --enqueue-only, report what was queued and stop.
 */
export async function analyzeQueued(
  store: Store,
  inputs: string[],
  opts: RunOptions,
  enqueueOnly: boolean,
  io: { stdout: (s: string) => void; stderr: (s: string) => void },
): Promise<{ enqueueOnly: true; status: number } | { enqueueOnly: false; run: RunSummary }> {
  const { ingestViaQueue } = await import('../worker/analyze.js');
  const { summary, queued } = await ingestViaQueue(store as PostgresStore, inputs, { ...opts, enqueueOnly, worker: { log: (l) => io.stderr(`${l}\n`) } });
  if (!enqueueOnly) return { enqueueOnly: false, run: summary };
  const failed = summary.counts.failed;
  io.stderr(`triangulate: ${queued} documents queued for workers, ${summary.outcomes.length - queued - failed} already stored, ${failed} failed to read\n`);
  return { enqueueOnly: true, status: queued + summary.outcomes.length - failed > 0 ? 0 : 2 };
}

import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { isConnectionError } from '../store/postgres/connect.js';
import type { Job } from '../store/postgres/queue.js';
import type { PostgresStore } from '../store/postgres/store.js';
import { crossCheckJob, documentJob, regroupStories } from './jobs.js';

/**
 * The worker loop: claim a job, do it, finish it in the transaction that writes its results,
 * repeat. Any number of loops (processes, machines) share one database. A job that throws is
 * retried after a back-off and given up (status `dead`, with the reason) after its last attempt;
 * a lost database connection is reopened with a back-off, and the job it interrupted goes back to
 * the queue (the reaper finds its claim's connection gone).
 */

export interface WorkerOptions {
  /** A name for the claims this worker makes (default host:pid:random). */
  name?: string;
  /** Per-document time budget for extraction, ms. */
  timeBudgetMs?: number;
  /** How long to wait when the queue is empty, ms. */
  pollMs?: number;
  /** Checked when the queue has nothing for this worker: true stops the loop. */
  until?: () => Promise<boolean>;
  /** Stop when the queue is empty: nothing queued or running, for any worker. */
  exitWhenIdle?: boolean;
  signal?: AbortSignal;
  log?: (line: string) => void;
  /** Routine lines (one per story run, with what it cost); `worker` prints them, `analyze` does not. */
  trace?: (line: string) => void;
  /** Consecutive connection failures before giving up (default: never). */
  maxConnectionFailures?: number;
}

export interface WorkerStats {
  documents: number;
  regroups: number;
  crossChecks: number;
  retried: number;
  dead: number;
  lost: number;
  reaped: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A test hook: hold each claimed job this long before working on it (crash tests kill the worker then). */
const holdMs = () => Number(process.env.TRIANGULATE_WORKER_HOLD_MS ?? 0);

export async function runWorker(store: PostgresStore, opts: WorkerOptions = {}): Promise<WorkerStats> {
  const name = opts.name ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const log = opts.log ?? (() => undefined);
  const stats: WorkerStats = { documents: 0, regroups: 0, crossChecks: 0, retried: 0, dead: 0, lost: 0, reaped: 0 };
  let lastReap = 0;
  let failures = 0;
  while (!opts.signal?.aborted) {
    try {
      if (Date.now() - lastReap > 2000) {
        stats.reaped += await store.queue.reap();
        lastReap = Date.now();
      }
      if (opts.until && (await opts.until())) break;
      const job = await store.queue.claim(name);
      failures = 0;
      if (!job) {
        // other workers may still be running jobs that queue more (a regrouping queues cross-checks)
        if (opts.exitWhenIdle && (await store.queue.idle())) break;
        await sleep(opts.pollMs ?? 500);
        continue;
      }
      if (holdMs()) await sleep(holdMs());
      await work(store, job, opts, stats, log);
    } catch (e) {
      if (!isConnectionError(e) && !/^(cannot connect|PostgreSQL at)/.test((e as Error).message ?? '')) throw e;
      failures++;
      if (opts.maxConnectionFailures !== undefined && failures > opts.maxConnectionFailures) throw e;
      log(`triangulate worker: database connection lost (${(e as Error).message}); reconnecting`);
      // ending the claim connection lets the reaper hand the interrupted job to the next claim
      await store.queue.release();
      lastReap = 0;
      await sleep(Math.min(10_000, 200 * 2 ** Math.min(failures, 6)));
    }
  }
  await store.queue.release();
  return stats;
}

async function work(store: PostgresStore, job: Job, opts: WorkerOptions, stats: WorkerStats, log: (line: string) => void): Promise<void> {
  try {
    if (job.kind === 'document') {
      if ((await documentJob(store, job, opts.timeBudgetMs)) === 'lost') stats.lost++;
      else stats.documents++;
    } else if (job.kind === 'stories') {
      await regroupStories(store, log, opts.trace);
      await store.queue.completeRegroup(job);
      stats.regroups++;
    } else {
      await crossCheckJob(store, job.key);
      await store.queue.complete(job);
      stats.crossChecks++;
    }
  } catch (e) {
    if (isConnectionError(e) || /^(cannot connect|PostgreSQL at)/.test((e as Error).message ?? '')) throw e;
    const reason = `${(e as Error).message ?? String(e)}`;
    const verdict = await store.queue.fail(job, reason);
    if (verdict === 'dead') stats.dead++;
    else stats.retried++;
    log(`triangulate worker: ${job.kind} ${job.key.slice(0, 12)}: ${reason} (${verdict === 'dead' ? `given up after ${job.attempts} attempts` : 'will retry'})`);
  }
}

import pg from 'pg';
import type { RawDocument } from '../../model/types.js';
import type { DocumentOutputs } from '../types.js';
import { type Connection, explain } from './connect.js';
import { writeDocument } from './documents.js';

/**
 * The work queue, a table in the same database as the data (`SELECT … FOR UPDATE SKIP LOCKED`):
 * - `document` jobs (key: content hash, so enqueueing the same document twice is one job) are
 *   claimed by one worker each and finished in the transaction that writes the document;
 * - one `stories` job (key `all`) regroups the stories once documents stop arriving;
 * - `crosscheck` jobs (key: story id) rebuild the cross-check of stories whose membership changed.
 * A claim records the claiming connection's backend pid: a worker killed or cut off mid-job leaves
 * a `running` job whose pid is gone, which any worker puts back in the queue (or, after
 * `max_attempts` claims, marks `dead` with the reason).
 */

export type JobKind = 'document' | 'stories' | 'crosscheck';

export interface Job {
  id: number;
  kind: JobKind;
  key: string;
  payload: string;
  attempts: number;
  maxAttempts: number;
  worker: string;
}

/** What an `analyze` run needs to hear back about each of its documents. */
export interface JobState {
  key: string;
  status: 'queued' | 'running' | 'done' | 'dead';
  outcome: string | null;
  lastError: string | null;
  attempts: number;
}

export interface QueueStats {
  queued: number;
  running: number;
  done: number;
  dead: number;
  /** Document jobs: seconds from enqueue to start and to finish (median, p90). */
  waitMedian: number | null;
  latencyMedian: number | null;
  latencyP90: number | null;
  /** Document jobs: median seconds from claim to commit. */
  workMedian: number | null;
  /** Seconds from the first document claimed to the last one committed. */
  documentSpan: number | null;
}

/** Documents are done before stories are regrouped, unless documents keep arriving for this long. */
const REGROUP_MAX_WAIT = '30 seconds';

const CLAIM = (kindFilter: string) => `
  UPDATE jobs SET status = 'running', attempts = attempts + 1, worker = $1, worker_pid = pg_backend_pid(), started_at = now(),
    claimed_generation = generation
  WHERE id = (SELECT id FROM jobs WHERE status = 'queued' AND run_after <= now() AND ${kindFilter}
              ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
  RETURNING id, kind, key, payload, attempts, max_attempts`;

const CLAIM_DOCUMENT = CLAIM(`kind = 'document'`);
const CLAIM_OTHER = CLAIM(`kind <> 'document' AND (kind <> 'stories' OR enqueued_at < now() - interval '${REGROUP_MAX_WAIT}'
  OR NOT EXISTS (SELECT 1 FROM jobs d WHERE d.kind = 'document' AND d.status IN ('queued', 'running')))`);

export class WorkQueue {
  readonly conn: Connection;
  /** The worker's own connection: claims are made on it, and its backend pid marks them as alive. */
  private lease: pg.Client | null = null;

  constructor(conn: Connection) {
    this.conn = conn;
  }

  private async leaseClient(): Promise<pg.Client> {
    if (this.lease) return this.lease;
    const client = new pg.Client({ connectionString: this.conn.url, application_name: 'triangulate worker' });
    client.on('error', () => {
      if (this.lease === client) this.lease = null;
    });
    try {
      await client.connect();
    } catch (e) {
      throw explain(e, this.conn.url);
    }
    this.lease = client;
    return client;
  }

  /** Drops the lease connection (after an error, or at the end). */
  async release() {
    const c = this.lease;
    this.lease = null;
    await c?.end().catch(() => undefined);
  }

  /** Queues documents (idempotent by content hash); a dead or finished job of the same document is queued again. */
  async enqueueDocuments(docs: { raw: RawDocument; payload: unknown }[], maxAttempts = 3): Promise<void> {
    for (let i = 0; i < docs.length; i += 200) {
      const part = docs.slice(i, i + 200);
      await this.conn.query(
        `INSERT INTO jobs (kind, key, payload, max_attempts)
         SELECT 'document', k, p, $3 FROM unnest($1::text[], $2::text[]) AS t(k, p)
         ON CONFLICT (kind, key) DO UPDATE SET payload = excluded.payload, max_attempts = excluded.max_attempts,
           status = CASE WHEN jobs.status IN ('done', 'dead') THEN 'queued' ELSE jobs.status END,
           attempts = CASE WHEN jobs.status IN ('done', 'dead') THEN 0 ELSE jobs.attempts END,
           enqueued_at = CASE WHEN jobs.status IN ('done', 'dead') THEN now() ELSE jobs.enqueued_at END,
           run_after = CASE WHEN jobs.status IN ('done', 'dead') THEN now() ELSE jobs.run_after END`,
        [part.map((d) => d.raw.id), part.map((d) => JSON.stringify(d.payload)), maxAttempts],
      );
    }
  }

  /** Asks for a regrouping; one running now is run again when it ends. */
  async requestRegroup(): Promise<void> {
    await this.conn.query(
      `INSERT INTO jobs (kind, key) VALUES ('stories', 'all')
       ON CONFLICT (kind, key) DO UPDATE SET generation = jobs.generation + 1,
         status = CASE WHEN jobs.status = 'running' THEN 'running' ELSE 'queued' END,
         attempts = CASE WHEN jobs.status IN ('done', 'dead') THEN 0 ELSE jobs.attempts END,
         enqueued_at = CASE WHEN jobs.status IN ('done', 'dead') THEN now() ELSE jobs.enqueued_at END`,
    );
  }

  async enqueueCrossChecks(storyIds: string[]): Promise<void> {
    if (!storyIds.length) return;
    await this.conn.query(
      `INSERT INTO jobs (kind, key) SELECT 'crosscheck', k FROM unnest($1::text[]) AS t(k)
       ON CONFLICT (kind, key) DO UPDATE SET status = 'queued', attempts = 0, enqueued_at = now(), run_after = now()
       WHERE jobs.status <> 'running'`,
      [storyIds],
    );
  }

  /** The next job for this worker: documents first; regrouping once no document is waiting. Null when idle. */
  async claim(worker: string): Promise<Job | null> {
    const c = await this.leaseClient();
    for (const sql of [CLAIM_DOCUMENT, CLAIM_OTHER]) {
      const r = (await c.query(sql, [worker])).rows[0] as { id: string; kind: JobKind; key: string; payload: string; attempts: number; max_attempts: number } | undefined;
      if (r) return { id: Number(r.id), kind: r.kind, key: r.key, payload: r.payload, attempts: r.attempts, maxAttempts: r.max_attempts, worker };
    }
    return null;
  }

  /**
   * Finishes a document job and writes its outputs in one transaction. False (nothing written)
   * when the job is no longer this worker's claim: it was given up as lost and handed to another.
   */
  async completeDocument(job: Job, outcome: unknown, doc: { raw: RawDocument; outputs: DocumentOutputs } | null, beforeCommit?: () => Promise<void>): Promise<boolean> {
    return this.conn.tx(async (c) => {
      // the job first: it locks the row, and matches only while the claim is still this worker's
      const mine = await c.query(
        `UPDATE jobs SET status = 'done', finished_at = now(), outcome = $4, payload = '', last_error = NULL, worker_pid = NULL
         WHERE id = $1 AND status = 'running' AND worker = $2 AND attempts = $3`,
        [job.id, job.worker, job.attempts, JSON.stringify(outcome)],
      );
      if (!mine.rowCount) return false;
      if (doc) await writeDocument(c, doc.raw, doc.outputs);
      await beforeCommit?.();
      return true;
    });
  }

  /** Finishes a stories job; queued again when more was asked for while it ran. */
  async completeRegroup(job: Job): Promise<void> {
    await this.conn.query(
      `UPDATE jobs SET status = CASE WHEN generation > claimed_generation THEN 'queued' ELSE 'done' END,
         finished_at = now(), worker_pid = NULL, last_error = NULL WHERE id = $1 AND worker = $2 AND status = 'running'`,
      [job.id, job.worker],
    );
  }

  async complete(job: Job): Promise<void> {
    await this.conn.query(`UPDATE jobs SET status = 'done', finished_at = now(), worker_pid = NULL, last_error = NULL WHERE id = $1 AND worker = $2 AND status = 'running'`, [
      job.id,
      job.worker,
    ]);
  }

  /** A job that threw: queued again after a back-off, or dead (with the reason) after its last attempt. */
  async fail(job: Job, reason: string): Promise<'retry' | 'dead'> {
    const dead = job.attempts >= job.maxAttempts;
    await this.conn.query(
      `UPDATE jobs SET status = $3, last_error = $4, worker_pid = NULL, finished_at = CASE WHEN $3 = 'dead' THEN now() END,
         run_after = now() + make_interval(secs => $5) WHERE id = $1 AND worker = $2 AND status = 'running'`,
      [job.id, job.worker, dead ? 'dead' : 'queued', reason.slice(0, 2000), Math.min(60, 2 ** job.attempts)],
    );
    return dead ? 'dead' : 'retry';
  }

  /**
   * Puts back the jobs of workers that are gone: their claiming connection no longer exists
   * (killed, crashed, cut off) or they have held the job longer than the lease. Returns how many.
   */
  async reap(leaseSeconds = 1800): Promise<number> {
    const rows = await this.conn.query(
      `UPDATE jobs SET status = CASE WHEN attempts >= max_attempts THEN 'dead' ELSE 'queued' END,
         last_error = 'worker ' || coalesce(worker, '?') || ' stopped mid-job (process killed or connection lost) on attempt ' || attempts || ' of ' || max_attempts,
         finished_at = CASE WHEN attempts >= max_attempts THEN now() END, worker_pid = NULL
       WHERE status = 'running' AND (NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = jobs.worker_pid)
         OR started_at < now() - make_interval(secs => $1))
       RETURNING id`,
      [leaseSeconds],
    );
    return rows.length;
  }

  async states(keys: string[]): Promise<JobState[]> {
    const rows = await this.conn.query<{ key: string; status: JobState['status']; outcome: string | null; last_error: string | null; attempts: number }>(
      `SELECT key, status, outcome, last_error, attempts FROM jobs WHERE kind = 'document' AND key = ANY($1::text[])`,
      [keys],
    );
    return rows.map((r) => ({ key: r.key, status: r.status, outcome: r.outcome, lastError: r.last_error, attempts: r.attempts }));
  }

  /** True when no job of any kind is queued or running (a retry waiting for its back-off counts as queued). */
  async idle(): Promise<boolean> {
    const rows = await this.conn.query<{ busy: boolean }>(`SELECT EXISTS (SELECT 1 FROM jobs WHERE status IN ('queued', 'running')) AS busy`);
    return !rows[0].busy;
  }

  /** How many of these document jobs are still queued or running. */
  async pending(keys: string[]): Promise<number> {
    const rows = await this.conn.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE kind = 'document' AND key = ANY($1::text[]) AND status IN ('queued', 'running')`, [keys]);
    return rows[0].n;
  }

  async stats(): Promise<QueueStats> {
    const r = (
      await this.conn.query<Record<string, number | null>>(
        `SELECT count(*) FILTER (WHERE status = 'queued')::int AS queued, count(*) FILTER (WHERE status = 'running')::int AS running,
           count(*) FILTER (WHERE status = 'done')::int AS done, count(*) FILTER (WHERE status = 'dead')::int AS dead,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM started_at - enqueued_at)) FILTER (WHERE kind = 'document' AND status = 'done') AS wait_median,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - enqueued_at)) FILTER (WHERE kind = 'document' AND status = 'done') AS latency_median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - enqueued_at)) FILTER (WHERE kind = 'document' AND status = 'done') AS latency_p90,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - started_at)) FILTER (WHERE kind = 'document' AND status = 'done') AS work_median,
           extract(epoch FROM max(finished_at) FILTER (WHERE kind = 'document') - min(started_at) FILTER (WHERE kind = 'document')) AS document_span
         FROM jobs`,
      )
    )[0];
    const n = (v: number | null) => (v === null ? null : Number(v));
    return {
      queued: r.queued ?? 0,
      running: r.running ?? 0,
      done: r.done ?? 0,
      dead: r.dead ?? 0,
      waitMedian: n(r.wait_median),
      latencyMedian: n(r.latency_median),
      latencyP90: n(r.latency_p90),
      workMedian: n(r.work_median),
      documentSpan: n(r.document_span),
    };
  }

  /** The database's size on disk, bytes. */
  async databaseBytes(): Promise<number> {
    return Number((await this.conn.query<{ n: string }>('SELECT pg_database_size(current_database()) AS n'))[0].n);
  }

  /** Jobs given up on, with the reason (the dead-letter list). */
  async dead(limit = 100): Promise<{ kind: string; key: string; attempts: number; reason: string | null }[]> {
    return this.conn.query(`SELECT kind, key, attempts, last_error AS reason FROM jobs WHERE status = 'dead' ORDER BY id LIMIT $1`, [limit]);
  }
}

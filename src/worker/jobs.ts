import type { RawDocument } from '../model/types.js';
import { documentOutputs, extractionFailure, processDocument, runStoryLedger } from '../pipeline.js';
import { buildStory } from '../report/build.js';
import { reportExtras } from '../report/sections.js';
import type { PostgresStore } from '../store/postgres/store.js';
import type { Job } from '../store/postgres/queue.js';
import type { StoryGroup } from '../stories/index.js';

/**
 * What a worker does with each kind of job. Each handler either finishes its job or throws; the
 * loop (./loop.ts) turns a throw into a retry or a dead letter.
 */

/** A queued document: the raw input and what reading it already told us. */
export interface DocumentPayload {
  raw: RawDocument;
  warnings: string[];
  existed: boolean;
}

/** The per-document outcome a job records, read back by `analyze` (same fields as DocOutcome). */
export interface JobOutcome {
  status: 'new' | 'updated' | 'failed';
  reason?: string;
  warnings: string[];
}

/** Extracts and analyses one document and writes it, with the job's completion, in one transaction. */
export async function documentJob(store: PostgresStore, job: Job, timeBudgetMs?: number): Promise<'done' | 'lost'> {
  const { raw, warnings, existed } = JSON.parse(job.payload) as DocumentPayload;
  const processed = processDocument(raw, timeBudgetMs);
  const { article } = processed;
  let ok: boolean;
  if (article.status !== 'ok') {
    // an article with no body is an outcome, not an error: recorded once, not retried
    const reason = extractionFailure(article);
    ok = await store.queue.completeDocument(job, { status: 'failed', reason, warnings } satisfies JobOutcome, null);
  } else {
    const outcome: JobOutcome = { status: existed ? 'updated' : 'new', warnings: [...warnings, ...article.messages.filter((m) => m.level === 'warning').map((m) => m.message)] };
    const outputs = documentOutputs(processed);
    // test hook: hold the transaction open after the document rows are written (crash tests kill the worker here)
    const hold = Number(process.env.TRIANGULATE_WORKER_HOLD_IN_TX_MS ?? 0);
    ok = await store.queue.completeDocument(job, outcome, { raw, outputs }, hold ? () => new Promise((r) => setTimeout(r, hold)) : undefined);
    if (ok) await store.queue.requestRegroup();
  }
  return ok ? 'done' : 'lost';
}

/**
 * Brings the stories up to date through the story ledger (serialised across workers by the store's
 * lock; see `runStoryLedger`) and queues a cross-check for each story that changed. A run that
 * fails throws (it wrote nothing): the loop retries the job, or reconnects first when the
 * connection was lost.
 */
export async function regroupStories(store: PostgresStore, log: (line: string) => void = () => undefined, trace: (line: string) => void = () => undefined): Promise<{ stories: number; changed: string[] }> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const run = await runStoryLedger(store);
  const cpu = process.cpuUsage(cpu0);
  // one line per run: what holding the stories lock cost (bench:scale reads it)
  trace(
    `triangulate worker: stories: ${run.replayed} articles replayed, ${run.restored} restored, ${run.changed.length} of ${run.stories.length} stories changed in ${Math.round(performance.now() - t0)} ms (${Math.round((cpu.user + cpu.system) / 1000)} ms CPU)`,
  );
  for (const m of run.messages) log(`triangulate worker: ${m.docId ? `${m.docId.slice(0, 12)}: ` : ''}${m.message}`);
  // a story of one article has no cross-check to build
  const changed = run.changed.filter((g) => g.members.length > 1).map((g) => g.id);
  await store.queue.enqueueCrossChecks(changed);
  return { stories: run.stories.length, changed };
}

/**
 * Builds (and caches in the store) the cross-check of one story. The articles' report entries are
 * thrown away, so they are built lean: the cross-check loads its own sample whatever the detail.
 */
export async function crossCheckJob(store: PostgresStore, storyId: string): Promise<void> {
  const g = (await store.storyData(storyId)) as StoryGroup | null;
  if (g) await buildStory(store, g, new Map(), reportExtras(), 'lean');
}

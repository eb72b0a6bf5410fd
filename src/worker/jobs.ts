import type { RawDocument } from '../model/types.js';
import { documentOutputs, extractionFailure, processDocument } from '../pipeline.js';
import { buildStory } from '../report/build.js';
import { reportExtras } from '../report/sections.js';
import type { PostgresStore } from '../store/postgres/store.js';
import type { Job } from '../store/postgres/queue.js';
import { groupStories, reconcileStoryIds, type StoryFeatures, type StoryGroup } from '../stories/index.js';

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
 * Regroups every stored document into stories (serialised across workers by the store's lock) and
 * queues a cross-check for each story whose membership changed.
 */
export async function regroupStories(store: PostgresStore): Promise<{ stories: number; changed: string[] }> {
  let changed: string[] = [];
  const saved = await store.regroup((features, previous) => {
    const groups = reconcileStoryIds(previous, groupStories(features as StoryFeatures[]));
    const before = new Map(previous.map((p) => [p.id, [...p.members].sort().join()]));
    // a story of one article has no cross-check to build
    changed = groups.filter((g) => g.members.length > 1 && before.get(g.id) !== [...g.members].sort().join()).map((g) => g.id);
    return groups.map((g) => ({ id: g.id, members: g.members, data: g }));
  });
  await store.queue.enqueueCrossChecks(changed);
  return { stories: saved.length, changed };
}

/** Builds (and caches in the store) the cross-check of one story. */
export async function crossCheckJob(store: PostgresStore, storyId: string): Promise<void> {
  const g = (await store.storyData(storyId)) as StoryGroup | null;
  if (g) await buildStory(store, g, new Map(), reportExtras());
}

import { emptyAnalyserTimings } from '../analyse/index.js';
import { ingest, type ReadResult } from '../ingest/index.js';
import { type DocOutcome, reprocessStored, type RunOptions, type RunSummary, saveProcessed, storedState } from '../pipeline.js';
import type { PostgresStore } from '../store/postgres/store.js';
import type { DocumentPayload, JobOutcome } from './jobs.js';
import { runWorker, type WorkerOptions } from './loop.js';

/**
 * `triangulate analyze --db postgresql://…`: the run's documents go through the shared queue.
 * Documents already stored with current stage versions are reused (as with SQLite), those whose
 * annotations some changed analyse components made re-run only those here (as with SQLite); the others are
 * queued, and this process works as one more worker until every one of them is done (other workers
 * may take some). The outcomes come back from the jobs, so the report is the same as with SQLite.
 */

export interface QueuedRun {
  summary: RunSummary;
  /** Documents queued by this run (0 when all were known or failed to read). */
  queued: number;
}

type Slot = { outcome: DocOutcome } | { key: string; source: string; warnings: string[]; repeat?: boolean };

export async function ingestViaQueue(store: PostgresStore, inputs: string[], opts: RunOptions & { enqueueOnly?: boolean; worker?: WorkerOptions } = {}): Promise<QueuedRun> {
  const t0 = performance.now();
  const slots: Slot[] = [];
  const queued = new Map<string, { raw: DocumentPayload['raw']; payload: DocumentPayload }>();
  const seen = new Set<string>();
  for (const result of ingest(inputs, opts) as Iterable<ReadResult>) slots.push(await triage(store, result, seen, queued));
  await store.queue.enqueueDocuments([...queued.values()]);
  const tEnqueue = performance.now() - t0;
  const keys = [...queued.keys()];
  if (!opts.enqueueOnly && keys.length) {
    await runWorker(store, { ...opts.worker, until: async () => (await store.queue.pending(keys)) === 0 });
  }
  const states = new Map((await store.queue.states(keys)).map((s) => [s.key, s]));
  const outcomes = slots.map((slot): DocOutcome => {
    if ('outcome' in slot) return slot.outcome;
    const st = states.get(slot.key);
    if (opts.enqueueOnly) return { source: slot.source, docId: slot.key, status: 'known', warnings: slot.warnings };
    if (st?.status === 'done' && st.outcome) {
      const o = JSON.parse(st.outcome) as JobOutcome;
      if (slot.repeat && o.status !== 'failed') return { source: slot.source, docId: slot.key, status: 'known', warnings: slot.warnings };
      return { source: slot.source, docId: slot.key, status: o.status, reason: o.reason, warnings: slot.repeat ? slot.warnings : o.warnings };
    }
    const reason = st?.status === 'dead' ? `gave up after ${st.attempts} attempts: ${st.lastError ?? 'unknown error'}` : `not processed (${st?.status ?? 'missing job'})`;
    return { source: slot.source, docId: slot.key, status: 'failed', reason, warnings: slot.warnings };
  });
  return { summary: summarise(outcomes, opts, { enqueue: tEnqueue, work: performance.now() - t0 - tEnqueue }), queued: keys.length };
}

/** As pipeline.triage: a read error or a known document is an outcome at once; anything else is queued. */
async function triage(store: PostgresStore, result: ReadResult, seen: Set<string>, queued: Map<string, { raw: DocumentPayload['raw']; payload: DocumentPayload }>): Promise<Slot> {
  if (result.kind === 'error') return { outcome: { source: result.source, docId: null, status: 'failed', reason: result.reason, warnings: [] } };
  const raw = result.doc;
  // a repeat of a queued document shares its job: known when that one is stored, failed with it otherwise
  if (queued.has(raw.id)) return { key: raw.id, source: raw.source, warnings: [...result.warnings, 'same content as another input of this run'], repeat: true };
  if (seen.has(raw.id)) return { outcome: { source: raw.source, docId: raw.id, status: 'known', warnings: [...result.warnings, 'same content as another input of this run'] } };
  seen.add(raw.id);
  const state = await storedState(store, raw.id);
  if (state.current) {
    await store.addSource(raw.id, raw.source);
    return { outcome: { source: raw.source, docId: raw.id, status: 'known', warnings: result.warnings } };
  }
  if (state.reuse) {
    // a few components to re-run over stored layers: done here, not worth a queued job
    let processed: ReturnType<typeof reprocessStored>;
    try {
      processed = reprocessStored(state.reuse);
    } catch (e) {
      return { outcome: { source: raw.source, docId: raw.id, status: 'failed', reason: `internal error while re-analysing: ${e instanceof Error ? e.message : String(e)}`, warnings: result.warnings } };
    }
    const outcome = await saveProcessed(store, raw, result.warnings, processed, true, seen);
    if (outcome.status !== 'failed') await store.queue.requestRegroup();
    return { outcome };
  }
  queued.set(raw.id, { raw, payload: { raw, warnings: result.warnings, existed: state.existed } });
  return { key: raw.id, source: raw.source, warnings: result.warnings };
}

function summarise(outcomes: DocOutcome[], opts: RunOptions, timings: Record<string, number>): RunSummary {
  const docIds: string[] = [];
  const sources = new Map<string, string>();
  const counts = { new: 0, known: 0, updated: 0, failed: 0 };
  outcomes.forEach((o, i) => {
    counts[o.status]++;
    if (o.status !== 'failed' && o.docId && !sources.has(o.docId)) {
      docIds.push(o.docId);
      sources.set(o.docId, o.source);
    }
    opts.onProgress?.(i + 1, o);
  });
  return { outcomes, counts, docIds, sources, timings, analysers: emptyAnalyserTimings() };
}

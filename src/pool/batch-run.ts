/**
 * The order of a run: documents are read and triaged in input order, processed wherever the
 * DocumentProcessor puts them (worker threads or this thread, several at once), written to the
 * store in batches (one transaction each, every document all or nothing) and recorded in input
 * order. Only this thread writes the store. A bounded number of documents is in flight, so memory
 * does not grow with the input.
 */
import type { AnalyserTimings, Component } from '../analyse/index.js';
import type { ReadResult } from '../ingest/index.js';
import type { RawDocument } from '../model/types.js';
import { type DocOutcome, documentOutputs, storedOutcome, triage } from '../pipeline.js';
import type { Store } from '../store/index.js';
import { reasonOf } from '../util/guard.js';
import type { AnalyseResult } from './analyse-worker.js';
import type { DocumentProcessor } from './documents.js';
import { TaskStopped } from './pool.js';

/** A document to process, from triage to its outcome. */
interface Work {
  kind: 'work';
  raw: RawDocument;
  existed: boolean;
  warnings: string[];
  settled?: { ok: true; result: AnalyseResult } | { ok: false; reason: string };
  done: Promise<void>;
  storeError?: Error | null;
  outcome?: DocOutcome;
}

/** A document whose outcome needs no work, or a second copy of a document still in flight. */
type Entry = Work | { kind: 'done'; outcome: DocOutcome } | { kind: 'copy'; raw: RawDocument; warnings: string[]; of: Work };

export interface BatchRunContext {
  timeBudgetMs?: number;
  batchSize?: number;
  timings: Record<string, number>;
  analysers: AnalyserTimings;
  record: (o: DocOutcome) => void;
  /** The analyse registry the run writes the versions of (default: the registry). */
  components?: readonly Component[];
}

const now = () => performance.now();
const unsettled = (e: Entry) => e.kind === 'work' && !e.settled;
const toSave = (e: Entry): e is Work & { settled: { ok: true; result: AnalyseResult } } => e.kind === 'work' && !!e.settled?.ok && e.settled.result.article.status === 'ok';

export async function runInBatches(store: Store, results: Iterable<ReadResult>, processor: DocumentProcessor, ctx: BatchRunContext): Promise<void> {
  const seen = new Set<string>();
  const inFlight = new Map<string, Work>();
  const queue: Entry[] = [];
  const ready: Entry[] = [];
  const batchSize = Math.max(1, ctx.batchSize ?? 64);

  const admit = async (result: ReadResult): Promise<Entry> => {
    const first = result.kind === 'doc' && !seen.has(result.doc.id) ? inFlight.get(result.doc.id) : undefined;
    if (first && result.kind === 'doc') return { kind: 'copy', raw: result.doc, warnings: result.warnings, of: first };
    const next = await triage(store, result, seen, ctx.components);
    if ('outcome' in next) return { kind: 'done', outcome: next.outcome };
    const w: Work = { kind: 'work', raw: next.raw, existed: next.existed, warnings: result.kind === 'doc' ? result.warnings : [], done: Promise.resolve() };
    inFlight.set(w.raw.id, w);
    // a stored document whose analyse components changed carries its stored analysis: only those re-run
    w.done = processor.submit({ raw: w.raw, timeBudgetMs: ctx.timeBudgetMs, ...(next.reuse ? { reuse: next.reuse } : {}) }).then(
      (r) => void (w.settled = { ok: true, result: r }),
      (e) => void (w.settled = { ok: false, reason: e instanceof TaskStopped ? e.message : `internal error while processing: ${reasonOf(e)}` }),
    );
    return w;
  };

  const flush = async () => {
    const batch = ready.filter(toSave);
    const t0 = now();
    let errors: (Error | null)[];
    try {
      errors = batch.length ? await store.saveDocuments(batch.map((w) => ({ raw: w.raw, outputs: documentOutputs(w.settled.result, ctx.components) }))) : [];
    } catch (e) {
      errors = batch.map(() => (e instanceof Error ? e : new Error(String(e))));
    }
    ctx.timings.store += now() - t0;
    batch.forEach((w, i) => (w.storeError = errors[i]));
    for (const e of ready.splice(0)) ctx.record(await outcomeOf(e));
  };

  const outcomeOf = async (e: Entry): Promise<DocOutcome> => {
    if (e.kind === 'done') return e.outcome;
    if (e.kind === 'copy') {
      const o = e.of.outcome!;
      if (o.status === 'failed') return { source: e.raw.source, docId: e.raw.id, status: 'failed', reason: o.reason, warnings: e.warnings };
      // the same bytes under another path in this run: every path is recorded
      await store.addSource(e.raw.id, e.raw.source);
      return { source: e.raw.source, docId: e.raw.id, status: 'known', warnings: [...e.warnings, 'same content as another input of this run'] };
    }
    inFlight.delete(e.raw.id);
    const s = e.settled!;
    if (!s.ok) e.outcome = { source: e.raw.source, docId: e.raw.id, status: 'failed', reason: s.reason, warnings: e.warnings };
    else {
      for (const k of ['extract', 'analyse', 'features'] as const) ctx.timings[k] += s.result.times[k];
      for (const [k, v] of Object.entries(s.result.analysers)) ctx.analysers[k as keyof AnalyserTimings] = (ctx.analysers[k as keyof AnalyserTimings] ?? 0) + (v ?? 0);
      e.outcome = storedOutcome(e.raw, e.warnings, s.result, e.existed, e.storeError ?? null, seen);
    }
    return e.outcome;
  };

  /** Moves settled documents from the head of the queue to the batch; waits for the head only when the window is full (or at the end). */
  const advance = async (final: boolean) => {
    while (queue.length) {
      if (unsettled(queue[0])) {
        if (!final && queue.filter(unsettled).length < processor.window) return;
        await (queue[0] as Work).done;
      }
      ready.push(queue.shift()!);
      if (ready.filter(toSave).length >= batchSize) await flush();
    }
  };

  const it = results[Symbol.iterator]();
  try {
    for (;;) {
      const t0 = now();
      const next = it.next();
      ctx.timings.ingest += now() - t0;
      if (next.done) break;
      queue.push(await admit(next.value));
      await advance(false);
    }
    processor.settle();
    await advance(true);
    await flush();
  } finally {
    // the workers are stopped whatever happened, or they would keep the process alive
    await processor.close();
  }
}

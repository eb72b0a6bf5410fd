/**
 * Where a run's documents are extracted and analysed: on a pool of worker threads (every core), or
 * on the calling thread when the input is too small to pay for the workers' start-up (each worker
 * loads its own models). The choice is made lazily: documents are held until `poolFrom` of them
 * have been submitted (then a pool starts and takes them all) or until the caller says no more
 * are coming soon (`settle`: they run on this thread). Results are the same either way; the
 * caller keeps input order.
 */
import { availableParallelism } from 'node:os';
import type { AnalyseResult, AnalyseTask } from './analyse-worker.js';
import { WorkerPool } from './pool.js';

export interface ProcessingOptions {
  /** Worker threads (default: the number of cores); 1 processes every document on the calling thread. */
  jobs?: number;
  /** Documents to process before a pool is worth starting (default 16). */
  poolFrom?: number;
  /** Hard time limit of one document in a worker, ms (default 60 s): past it the worker is replaced and the document fails. */
  documentLimitMs?: number;
  /** The worker module (default ./analyse-worker.js; tests substitute one that misbehaves). */
  workerEntry?: URL;
}

interface Waiting {
  task: AnalyseTask;
  resolve: (r: AnalyseResult) => void;
  reject: (e: unknown) => void;
}

export class DocumentProcessor {
  readonly jobs: number;
  private readonly poolFrom: number;
  private pool: WorkerPool<AnalyseTask, AnalyseResult> | null = null;
  private waiting: Waiting[] = [];
  private decided: boolean;

  constructor(
    private readonly opts: ProcessingOptions,
    /** How a document is processed when no pool runs (on this thread, or wherever the caller sends it). */
    private readonly inline: (task: AnalyseTask) => AnalyseResult | Promise<AnalyseResult>,
  ) {
    this.jobs = Math.max(1, Math.floor(opts.jobs ?? availableParallelism()));
    this.poolFrom = Math.max(1, opts.poolFrom ?? 16);
    this.decided = this.jobs <= 1;
  }

  /** Documents the caller may keep in flight: enough to feed every worker (and to reach the pool's threshold). */
  get window(): number {
    return this.jobs <= 1 ? 1 : Math.max(this.poolFrom, this.jobs * 4);
  }

  /** Whether documents run on worker threads (known once decided). */
  get pooled(): boolean {
    return this.pool !== null;
  }

  submit(task: AnalyseTask): Promise<AnalyseResult> {
    if (this.decided) return this.run(task);
    return new Promise<AnalyseResult>((resolve, reject) => {
      this.waiting.push({ task, resolve, reject });
      if (this.waiting.length >= this.poolFrom) {
        this.pool = new WorkerPool<AnalyseTask, AnalyseResult>(this.opts.workerEntry ?? new URL('./analyse-worker.js', import.meta.url), {
          size: this.jobs,
          taskLimitMs: this.opts.documentLimitMs ?? 60_000,
        });
        this.release();
      }
    });
  }

  /** No more documents are coming for now: the held ones run (on this thread when no pool was started). */
  settle(): void {
    if (!this.decided) this.release();
  }

  async close(): Promise<void> {
    this.settle();
    await this.pool?.close();
  }

  private release(): void {
    this.decided = true;
    for (const w of this.waiting.splice(0)) this.run(w.task).then(w.resolve, w.reject);
  }

  private run(task: AnalyseTask): Promise<AnalyseResult> {
    if (this.pool) return this.pool.run(task);
    try {
      return Promise.resolve(this.inline(task));
    } catch (e) {
      return Promise.reject(e);
    }
  }
}

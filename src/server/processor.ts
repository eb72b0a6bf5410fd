import type { AnalyseTask } from '../pool/analyse-worker.js';
import { type processDocument, processTask } from '../pipeline.js';
import { BudgetExceeded, BudgetWorker } from './budget-worker.js';

export type Processed = ReturnType<typeof processDocument>;

/**
 * Runs `processDocument` (extract, analyse, story features; or `reprocessStored` for a stored
 * analysis some of whose components changed) in a worker thread, one document at a
 * time, with a hard time limit per document: a document that hangs the worker is failed and the
 * worker is replaced. When no worker can be started (or `inline` is set) it runs on the caller's
 * thread instead.
 */
export class DocumentProcessor {
  private readonly worker = new BudgetWorker<AnalyseTask, Processed>('process-worker');
  private closed = false;

  constructor(
    private readonly opts: { inline?: boolean; hardLimitMs?: number } = {},
  ) {}

  get mode(): 'worker' | 'inline' {
    return this.opts.inline || this.worker.broken ? 'inline' : 'worker';
  }

  async process(task: AnalyseTask): Promise<Processed> {
    if (this.closed) throw new Error('server is closing');
    if (this.opts.inline || this.worker.broken || !(await this.worker.start())) return processTask(task);
    const limit = this.opts.hardLimitMs ?? Math.max(30_000, (task.timeBudgetMs ?? 10_000) * 6);
    try {
      return await this.worker.run(task, limit);
    } catch (e) {
      // the worker may have been stuck in a loop: BudgetWorker has replaced it
      if (e instanceof BudgetExceeded) throw new Error(`processing took longer than ${Math.round(limit / 1000)} s; document skipped`, { cause: e });
      throw e;
    }
  }

  async close() {
    this.closed = true;
    await this.worker.close();
  }
}

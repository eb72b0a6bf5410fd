import type { Store } from '../store/index.js';
import type { StoryGroup } from '../stories/index.js';
import { type BuiltReport, buildStoryReport } from './story-report.js';
import { BudgetExceeded, BudgetWorker } from './budget-worker.js';
import type { ReportJob } from './report-worker.js';

/**
 * Builds story reports in the report worker, one at a time, each within a time budget. A build
 * that runs past the budget is stopped (the worker is replaced) and the story gets a report
 * without its cross-check, built in the worker too, with the reason. The worker opens its own
 * store at `location` (`openStore`). With an in-memory store (which another thread cannot open),
 * no location, or when no worker starts, reports are built on the caller's thread instead.
 */
export class ReportBuilder {
  private readonly worker = new BudgetWorker<ReportJob, BuiltReport>('report-worker');
  private closed = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: Store,
    /** Longest a story's report may take, ms. */
    readonly budgetMs: number,
    private readonly inline = false,
    /** Where the worker opens the store (a SQLite path or a PostgreSQL URL); null: build inline. */
    private readonly location: string | null = store.kind === 'sqlite' ? store.path : null,
  ) {}

  get mode(): 'worker' | 'inline' {
    return this.worker.mode(this.location, this.inline);
  }

  /** The report of a story; builds are serialised (one CPU for reports, the other for documents). */
  build(group: StoryGroup, key: string): Promise<BuiltReport> {
    const run = () => this.buildNow(group, key);
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async buildNow(group: StoryGroup, key: string): Promise<BuiltReport> {
    if (this.closed) throw new Error('server is closing');
    if (this.mode === 'inline' || !(await this.worker.start())) return buildStoryReport(this.store, group, key);
    const db = this.location!;
    try {
      return await this.worker.run({ db, group, key, crossCheck: true }, this.budgetMs);
    } catch (e) {
      if (!(e instanceof BudgetExceeded)) throw e;
      const why = `the cross-check took longer than ${Math.round(this.budgetMs / 1000)} s and was stopped`;
      if (!(await this.worker.start())) return buildStoryReport(this.store, group, key, false, why);
      return this.worker.run({ db, group, key, crossCheck: false, skippedBecause: why }, Math.max(this.budgetMs, 30_000));
    }
  }

  async close() {
    this.closed = true;
    await this.worker.close();
  }
}

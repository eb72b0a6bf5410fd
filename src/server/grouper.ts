import type { Store } from '../store/index.js';
import { BudgetExceeded, BudgetWorker } from './budget-worker.js';
import { type GroupingRun, regroupStore } from './grouping.js';

/**
 * Runs the server's regroupings in the grouping worker (group-worker.ts) with a time budget. A
 * regrouping past its budget is stopped: its transaction never commits, the previous stories stay
 * and are served, and the reason is kept (`problem`) until a regrouping succeeds. With an in-memory
 * store (which another thread cannot open) or when no thread starts, it runs on the caller's thread.
 */
export class Grouper {
  private readonly worker = new BudgetWorker<{ db: string }, GroupingRun>('group-worker');
  /** Why the last regrouping did not finish, or null. */
  problem: string | null = null;

  constructor(
    private readonly store: Store,
    /** Longest a regrouping may take, ms. */
    readonly budgetMs: number,
    private readonly inline = false,
    private readonly location: string | null = store.kind === 'sqlite' ? store.path : null,
  ) {}

  get mode(): 'worker' | 'inline' {
    return this.worker.mode(this.location, this.inline);
  }

  /** One regrouping; null when it was stopped or failed (the previous stories stand, `problem` says why). */
  async regroup(): Promise<GroupingRun | null> {
    try {
      const run = this.mode === 'worker' && (await this.worker.start()) ? await this.worker.run({ db: this.location! }, this.budgetMs) : await regroupStore(this.store);
      this.problem = null;
      return run;
    } catch (e) {
      this.problem = e instanceof BudgetExceeded ? `regrouping the stories ${e.message}; the previous stories are served` : `regrouping the stories failed: ${(e as Error).message}`;
      return null;
    }
  }

  close(): Promise<void> {
    return this.worker.close();
  }
}

import type { Worker } from 'node:worker_threads';
import type { Store } from '../store/index.js';
import type { StoryGroup } from '../stories/index.js';
import { type BuiltReport, buildStoryReport } from './story-report.js';
import { spawnWorker } from './threads.js';

/**
 * Builds story reports in the report worker, one at a time, each within a time budget. A build
 * that runs past the budget is stopped (the worker is replaced) and the story gets a report
 * without its cross-check, built in the worker too, with the reason. The worker opens its own
 * store at `location` (`openStore`). With an in-memory store (which another thread cannot open),
 * no location, or when no worker starts, reports are built on the caller's thread instead.
 */
export class ReportBuilder {
  private worker: Worker | null = null;
  private ready: Promise<boolean> | null = null;
  private broken = false;
  private closed = false;
  private seq = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private pending = new Map<number, { resolve: (b: BuiltReport) => void; reject: (e: Error) => void }>();

  constructor(
    private readonly store: Store,
    /** Longest a story's report may take, ms. */
    readonly budgetMs: number,
    private readonly inline = false,
    /** Where the worker opens the store (a SQLite path or a PostgreSQL URL); null: build inline. */
    private readonly location: string | null = store.kind === 'sqlite' ? store.path : null,
  ) {}

  get mode(): 'worker' | 'inline' {
    const l = this.location;
    return this.inline || this.broken || l === null || l === ':memory:' || l === '' ? 'inline' : 'worker';
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
    if (this.mode === 'inline' || !(await this.start())) return buildStoryReport(this.store, group, key);
    try {
      return await this.inWorker({ group, key, crossCheck: true }, this.budgetMs);
    } catch (e) {
      if (!(e instanceof BudgetExceeded)) throw e;
      const why = `the cross-check took longer than ${Math.round(this.budgetMs / 1000)} s and was stopped`;
      if (!(await this.start())) return buildStoryReport(this.store, group, key, false, why);
      return this.inWorker({ group, key, crossCheck: false, skippedBecause: why }, Math.max(this.budgetMs, 30_000));
    }
  }

  private inWorker(job: { group: StoryGroup; key: string; crossCheck: boolean; skippedBecause?: string }, limitMs: number): Promise<BuiltReport> {
    const w = this.worker;
    if (!w) return Promise.reject(new Error('report worker not running'));
    const id = ++this.seq;
    return new Promise<BuiltReport>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.replace(w);
        reject(new BudgetExceeded());
      }, limitMs);
      const done = (f: () => void) => {
        clearTimeout(timer);
        f();
      };
      this.pending.set(id, { resolve: (b) => done(() => resolve(b)), reject: (e) => done(() => reject(e)) });
      w.postMessage({ id, db: this.location, ...job });
    });
  }

  /** Stops a worker stuck in a build; the next build starts a new one. */
  private replace(w: Worker) {
    if (this.worker === w) {
      this.worker = null;
      this.ready = null;
    }
    void w.terminate();
  }

  private start(): Promise<boolean> {
    if (this.ready) return this.ready;
    this.ready = new Promise<boolean>((resolve) => {
      let w: Worker;
      try {
        w = spawnWorker('report-worker');
      } catch {
        this.broken = true;
        resolve(false);
        return;
      }
      this.worker = w;
      w.unref();
      let started = false;
      w.on('message', (m: { ready?: boolean; id?: number; ok?: boolean; built?: BuiltReport; error?: string }) => {
        if (m.ready) {
          started = true;
          resolve(true);
          return;
        }
        const p = this.pending.get(m.id as number);
        if (!p) return;
        this.pending.delete(m.id as number);
        if (m.ok && m.built) p.resolve(m.built);
        else p.reject(new Error(m.error ?? 'report failed'));
      });
      const fail = (why: string) => {
        if (!started) {
          this.broken = true;
          resolve(false);
        }
        for (const [id, p] of this.pending) {
          this.pending.delete(id);
          p.reject(new Error(why));
        }
        if (this.worker === w) {
          this.worker = null;
          this.ready = null;
        }
      };
      w.on('error', (e) => fail(`report worker error: ${e.message}`));
      w.on('exit', (code) => fail(`report worker exited (${code})`));
    });
    return this.ready;
  }

  async close() {
    this.closed = true;
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}

class BudgetExceeded extends Error {
  constructor() {
    super('time budget exceeded');
  }
}

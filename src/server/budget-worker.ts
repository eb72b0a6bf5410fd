import type { Worker } from 'node:worker_threads';
import { spawnWorker } from './threads.js';

/**
 * A worker thread of this folder that answers one job at a time, each within a time budget: a job
 * past its budget is abandoned and the thread terminated (the next job starts a new one), so a
 * runaway computation never holds the server. Messages: `{ id, ...job }` in, `{ id, ok, result |
 * error }` out, `{ ready: true }` once started.
 */
export class BudgetWorker<J extends object, R> {
  private worker: Worker | null = null;
  private ready: Promise<boolean> | null = null;
  private seq = 0;
  private pending = new Map<number, { resolve: (r: R) => void; reject: (e: Error) => void }>();
  /** No thread could be started: callers run the job on their own thread. */
  broken = false;
  /** Closed (the server is closing): no thread is started again, and no job runs anywhere. */
  private closed = false;

  constructor(private readonly name: string) {}

  /**
   * Where a job runs: in the thread when the thread can open the store at `location` (not an
   * in-memory store, which another thread cannot open) and one starts; else on the caller's.
   */
  mode(location: string | null, inline: boolean): 'worker' | 'inline' {
    return inline || this.broken || location === null || location === ':memory:' || location === '' ? 'inline' : 'worker';
  }

  /** Runs a job in the thread; rejects with BudgetExceeded past `limitMs`, or when the thread fails. */
  async run(job: J, limitMs: number): Promise<R> {
    if (!(await this.start())) throw new Error(`${this.name} could not be started`);
    const w = this.worker;
    if (!w) throw new Error(`${this.name} not running`);
    const id = ++this.seq;
    return new Promise<R>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.replace(w);
        reject(new BudgetExceeded(limitMs));
      }, limitMs);
      const done = (f: () => void) => {
        clearTimeout(timer);
        f();
      };
      this.pending.set(id, { resolve: (r) => done(() => resolve(r)), reject: (e) => done(() => reject(e)) });
      w.postMessage({ id, ...job });
    });
  }

  private replace(w: Worker) {
    if (this.worker === w) {
      this.worker = null;
      this.ready = null;
    }
    void w.terminate();
  }

  /**
   * Starts the thread; true once it is ready, false when none could be started (callers then run
   * the job on their own thread). Rejects once closed: a job that was waiting when the server
   * closed must not start a thread (nothing would terminate it) nor run on the caller's thread.
   */
  start(): Promise<boolean> {
    if (this.closed) return Promise.reject(new Error(`${this.name} is closed`));
    if (this.ready) return this.ready;
    this.ready = new Promise<boolean>((resolve, reject) => {
      let w: Worker;
      try {
        w = spawnWorker(this.name);
      } catch {
        this.broken = true;
        resolve(false);
        return;
      }
      this.worker = w;
      w.unref();
      let started = false;
      w.on('message', (m: { ready?: boolean; id?: number; ok?: boolean; result?: R; error?: string }) => {
        if (m.ready) {
          started = true;
          resolve(true);
          return;
        }
        const p = this.pending.get(m.id as number);
        if (!p) return;
        this.pending.delete(m.id as number);
        if (m.ok) p.resolve(m.result as R);
        else p.reject(new Error(m.error ?? `${this.name} failed`));
      });
      const fail = (why: string) => {
        if (!started && this.closed) reject(new Error(`${this.name} is closed`));
        else if (!started) {
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
      w.on('error', (e) => fail(`${this.name} error: ${e.message}`));
      w.on('exit', (code) => fail(`${this.name} exited (${code})`));
    });
    this.ready.catch(() => undefined); // a close while starting rejects it; the callers awaiting it see that
    return this.ready;
  }

  async close() {
    this.closed = true;
    const w = this.worker;
    this.worker = null;
    this.ready = null;
    if (w) await w.terminate();
  }
}

export class BudgetExceeded extends Error {
  constructor(readonly limitMs: number) {
    super(`took longer than ${Math.round(limitMs / 1000)} s and was stopped`);
  }
}

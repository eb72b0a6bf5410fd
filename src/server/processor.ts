import type { Worker } from 'node:worker_threads';
import type { RawDocument } from '../model/types.js';
import { processDocument } from '../pipeline.js';
import { spawnWorker as spawn } from './threads.js';

export type Processed = ReturnType<typeof processDocument>;

const spawnWorker = () => spawn('process-worker');

/**
 * Runs `processDocument` (extract, analyse, story features) in a worker thread, one document at a
 * time, with a hard time limit per document: a document that hangs the worker is failed and the
 * worker is replaced. When no worker can be started (or `inline` is set) it runs on the caller's
 * thread instead.
 */
export class DocumentProcessor {
  private worker: Worker | null = null;
  private ready: Promise<boolean> | null = null;
  private seq = 0;
  private pending = new Map<number, { resolve: (p: Processed) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  private broken = false;
  private closed = false;

  constructor(
    private readonly opts: { inline?: boolean; hardLimitMs?: number } = {},
  ) {}

  get mode(): 'worker' | 'inline' {
    return this.opts.inline || this.broken ? 'inline' : 'worker';
  }

  private start(): Promise<boolean> {
    if (this.ready) return this.ready;
    this.ready = new Promise<boolean>((resolve) => {
      let w: Worker;
      try {
        w = spawnWorker();
      } catch {
        this.broken = true;
        resolve(false);
        return;
      }
      this.worker = w;
      w.unref();
      let started = false;
      w.on('message', (m: { ready?: boolean; id?: number; ok?: boolean; result?: Processed; error?: string }) => {
        if (m.ready) {
          started = true;
          resolve(true);
          return;
        }
        const p = this.pending.get(m.id as number);
        if (!p) return;
        this.pending.delete(m.id as number);
        clearTimeout(p.timer);
        if (m.ok) p.resolve(m.result as Processed);
        else p.reject(new Error(m.error ?? 'processing failed'));
      });
      const fail = (why: string) => {
        if (!started) {
          this.broken = true;
          resolve(false);
        }
        for (const [id, p] of this.pending) {
          clearTimeout(p.timer);
          p.reject(new Error(why));
          this.pending.delete(id);
        }
        if (this.worker === w) {
          this.worker = null;
          this.ready = null;
        }
      };
      w.on('error', (e) => fail(`worker error: ${e.message}`));
      w.on('exit', (code) => fail(`worker exited (${code})`));
    });
    return this.ready;
  }

  async process(raw: RawDocument, timeBudgetMs?: number): Promise<Processed> {
    if (this.closed) throw new Error('server is closing');
    if (this.opts.inline || this.broken || !(await this.start()) || !this.worker) return processDocument(raw, timeBudgetMs);
    const w = this.worker;
    const id = ++this.seq;
    const limit = this.opts.hardLimitMs ?? Math.max(30_000, (timeBudgetMs ?? 10_000) * 6);
    return new Promise<Processed>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`processing took longer than ${Math.round(limit / 1000)} s; document skipped`));
        // the worker may be stuck in a loop: replace it
        if (this.worker === w) {
          this.worker = null;
          this.ready = null;
        }
        void w.terminate();
      }, limit);
      this.pending.set(id, { resolve, reject, timer });
      w.postMessage({ id, raw, timeBudgetMs });
    });
  }

  async close() {
    this.closed = true;
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}

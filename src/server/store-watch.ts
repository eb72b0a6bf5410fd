import type { Store } from '../store/sqlite.js';

/**
 * Notices writes to the store by other processes (`analyze` on the same file, a second server):
 * SQLite's `PRAGMA data_version` changes when another connection commits. When it has changed and
 * then stayed still for a poll (the other writer paused or finished; at the latest after
 * `maxWaitMs` of continuous writing), `onChange` is called. The caller decides whether anything
 * it cares about changed (the report worker's own connection also moves the version).
 */
export class StoreWatch {
  private timer: NodeJS.Timeout | null = null;
  private version: number;
  private changedAt = 0;
  private firstChange = 0;

  constructor(
    private readonly store: Store,
    private readonly onChange: () => void,
    private readonly intervalMs = 500,
    private readonly maxWaitMs = 10_000,
  ) {
    this.version = this.dataVersion();
  }

  private dataVersion(): number {
    return this.store.db.pragma('data_version', { simple: true }) as number;
  }

  start() {
    if (this.timer || this.store.path === ':memory:') return;
    this.timer = setInterval(() => this.poll(), this.intervalMs);
    this.timer.unref();
  }

  private poll() {
    let v: number;
    try {
      v = this.dataVersion();
    } catch {
      return; // closed or busy: try again next time
    }
    const now = Date.now();
    if (v !== this.version) {
      this.version = v;
      this.changedAt = now;
      if (!this.firstChange) this.firstChange = now;
      if (now - this.firstChange < this.maxWaitMs) return;
    }
    if (!this.firstChange || (now - this.changedAt < this.intervalMs && now - this.firstChange < this.maxWaitMs)) return;
    this.firstChange = 0;
    this.onChange();
  }

  /**
   * Whether another process wrote since the last call or the last `onChange` (a change waiting
   * for quiet counts too): lets a writer catch up at once instead of at the next poll.
   */
  poke(): boolean {
    if (this.store.path === ':memory:') return false;
    const v = this.dataVersion();
    const changed = v !== this.version || this.firstChange !== 0;
    this.version = v;
    this.firstChange = 0;
    return changed;
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

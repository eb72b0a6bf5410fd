import type { Store } from '../store/index.js';

/**
 * Notices writes to the store by other processes (`analyze` on the same file, a second server):
 * the store's `dataVersion()` changes when another connection commits (SQLite's `PRAGMA
 * data_version`; with PostgreSQL a signature of the tables, which moves on own writes too). When it has changed and
 * then stayed still for a poll (the other writer paused or finished; at the latest after
 * `maxWaitMs` of continuous writing), `onChange` is called. The caller decides whether anything
 * it cares about changed (the report worker's own connection also moves the version).
 */
export class StoreWatch {
  private timer: NodeJS.Timeout | null = null;
  private version = 0;
  /** Settles once the first version is read (the watch compares against it). */
  readonly ready: Promise<void>;
  private polling = false;
  private changedAt = 0;
  private firstChange = 0;

  constructor(
    private readonly store: Store,
    private readonly onChange: () => void,
    private readonly intervalMs = 500,
    private readonly maxWaitMs = 10_000,
  ) {
    this.ready = this.memory
      ? Promise.resolve()
      : store.dataVersion().then(
          (v) => {
            this.version = v;
          },
          () => undefined,
        );
  }

  private get memory(): boolean {
    return this.store.path === ':memory:';
  }

  start() {
    if (this.timer || this.memory) return;
    this.timer = setInterval(() => void this.poll(), this.intervalMs);
    this.timer.unref();
  }

  private async poll() {
    if (this.polling) return;
    this.polling = true;
    let v: number;
    try {
      await this.ready;
      v = await this.store.dataVersion();
    } catch {
      return; // closed or busy: try again next time
    } finally {
      this.polling = false;
    }
    if (!this.timer) return;
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
  async poke(): Promise<boolean> {
    if (this.memory) return false;
    await this.ready;
    const v = await this.store.dataVersion();
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

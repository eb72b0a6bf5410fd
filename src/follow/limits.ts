/**
 * Politeness limits of the fetcher: a global concurrency limit, and per host a concurrency limit
 * and a minimum interval between the starts of two requests (raised to the host's robots.txt
 * Crawl-delay when it asks for more).
 */

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A counting semaphore. */
export class Gate {
  private waiters: (() => void)[] = [];
  constructor(private free: number) {}

  async acquire(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.free++;
  }
}

interface Lane {
  gate: Gate;
  nextStart: number;
  intervalMs: number;
}

export class HostLimiter {
  private lanes = new Map<string, Lane>();
  private global: Gate;

  constructor(
    private readonly perHost: number,
    private readonly minIntervalMs: number,
    concurrency: number,
  ) {
    this.global = new Gate(concurrency);
  }

  private lane(host: string): Lane {
    let lane = this.lanes.get(host);
    if (!lane) {
      lane = { gate: new Gate(this.perHost), nextStart: 0, intervalMs: this.minIntervalMs };
      this.lanes.set(host, lane);
    }
    return lane;
  }

  /** A host's robots.txt Crawl-delay (seconds, capped at a minute) slows its lane down, never up. */
  setCrawlDelay(host: string, seconds: number | undefined): void {
    if (!seconds || !Number.isFinite(seconds) || seconds <= 0) return;
    const lane = this.lane(host);
    lane.intervalMs = Math.max(this.minIntervalMs, Math.min(60_000, seconds * 1000));
  }

  /** Runs `fn` when the host's lane and the global limit allow it. */
  async run<T>(host: string, fn: () => Promise<T>): Promise<T> {
    const lane = this.lane(host);
    await lane.gate.acquire();
    try {
      const wait = lane.nextStart - Date.now();
      if (wait > 0) await sleep(wait);
      lane.nextStart = Date.now() + lane.intervalMs;
      await this.global.acquire();
      try {
        return await fn();
      } finally {
        this.global.release();
      }
    } finally {
      lane.gate.release();
    }
  }
}

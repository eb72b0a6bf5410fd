import { createHash } from 'node:crypto';
import type { ReportStory } from '../report/schema.js';
import { REPORT_SCHEMA_VERSION } from '../report/version.js';
import type { Store } from '../store/index.js';
import type { StoryGroup } from '../stories/index.js';
import { ANALYSE_VERSION, COMPARE_VERSION } from '../versions.js';
import type { ReportBuilder } from './report-builder.js';
import { type BuiltReport, type StorySummary, summarise } from './story-report.js';

/**
 * The story reports the server serves. A report is keyed by its story's grouping (members, copy
 * groups) and the compare and report versions; when a story changes, its new report is built in
 * the report worker while the last one keeps being served, marked as updating. Nothing here
 * builds a report on the event loop (except with an in-memory store, see ReportBuilder).
 */

/** What is served for a story: its report as JSON, the key it was built for, whether a newer one is on its way. */
export interface ServedReport {
  key: string;
  json: string;
  /** The story changed since this report was built; the new one is being built. */
  updating: boolean;
  /** Why the report has no cross-check (it failed or ran out of time), or null. */
  error: string | null;
}

export interface ReportHost {
  /** The current grouping of a story (public id), or null when there is no such story. */
  group(publicId: string): Promise<StoryGroup | null>;
  /** True while documents are being written (reports wait: the story is about to change again). */
  busy(): boolean;
  /** Announces a rebuilt report. */
  built(publicId: string): void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** How long a request waits for a report being rebuilt before it is served the previous one. */
const WAIT_FOR_BUILD_MS = 300;

/** The key of a story's report: the stage versions that make it (a re-analysis with new components changes it) and the story. */
export function reportKey(g: StoryGroup): string {
  return createHash('sha256').update(`${COMPARE_VERSION}\n${ANALYSE_VERSION}\n${REPORT_SCHEMA_VERSION}\n${JSON.stringify(g)}`).digest('hex').slice(0, 32);
}

export class StoryReports {
  /** The last report built per story (any key), as JSON: served while a newer one is built. */
  private latest = new Map<string, { key: string; json: string; error: string | null }>();
  private parsed = new Map<string, { key: string; report: ReportStory }>();
  private summaries = new Map<string, StorySummary>();
  private dirty = new Set<string>();
  private building = new Map<string, { key: string; done: Promise<void> }>();
  private warming = false;
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly builder: ReportBuilder,
    private readonly host: ReportHost,
  ) {}

  /** Stories whose cross-check failed or was stopped (served without it), with the reason. */
  readonly errors = new Map<string, string>();

  /** The story changed: its report is rebuilt in the background. */
  invalidate(publicId: string) {
    this.summaries.delete(publicId);
    this.dirty.add(publicId);
  }

  /**
   * The last report of the story must not be served any more (an article of it was deleted: its
   * text must not come back in a stale report); requests wait for the new one.
   */
  dropStale(publicId: string) {
    this.latest.delete(publicId);
    this.parsed.delete(publicId);
    this.noStale.add(publicId);
  }

  /** Stories whose previous reports must not be served (until their current one is built). */
  private noStale = new Set<string>();

  /** The story is gone. */
  forget(publicId: string) {
    for (const m of [this.latest, this.parsed, this.summaries, this.building, this.errors]) m.delete(publicId);
    this.noStale.delete(publicId);
    this.dirty.delete(publicId);
  }

  /** Reports waiting to be rebuilt, or being rebuilt. */
  get pending(): number {
    return this.dirty.size + this.building.size;
  }

  /** A report built for exactly this key: from memory or the store's cache. */
  private async exact(publicId: string, key: string): Promise<Omit<ServedReport, 'updating'> | null> {
    const mem = this.latest.get(publicId);
    if (mem && mem.key === key) return mem;
    const json = await this.store.storyReportJson(publicId, key);
    return json === null ? null : { key, json, error: null };
  }

  private async has(publicId: string, key: string): Promise<boolean> {
    if (this.latest.get(publicId)?.key === key) return true;
    return (await this.store.storyReportKey(publicId)) === key;
  }

  /** The last report built for the story, whatever its key (the store also caches cross-checks alone: skip those). */
  private async last(publicId: string): Promise<Omit<ServedReport, 'updating'> | null> {
    if (this.noStale.has(publicId)) return null;
    const mem = this.latest.get(publicId);
    if (mem) return mem;
    const row = await this.store.latestStoryReport(publicId);
    return row ? { key: row.key, json: row.json, error: null } : null;
  }

  /**
   * The report to serve now: the current one when it is built; else the last one, marked as
   * updating, while the current one is built in the worker; a story that never had one waits
   * for its first (without holding the event loop).
   */
  async served(publicId: string): Promise<ServedReport | null> {
    const g = await this.host.group(publicId);
    if (!g) return null;
    const key = reportKey(g);
    const fresh = await this.exact(publicId, key);
    if (fresh) return { ...fresh, updating: false };
    const done = this.ensureBuilt(publicId, g, key);
    // a quick rebuild is waited for; a long one is not: the last report is served meanwhile
    await Promise.race([done, sleep(WAIT_FOR_BUILD_MS)]);
    const built = await this.exact(publicId, key);
    if (built) return { ...built, updating: false };
    const stale = await this.last(publicId);
    if (stale) return { ...stale, updating: true };
    await done;
    const now = (await this.exact(publicId, key)) ?? (await this.last(publicId));
    return now ? { ...now, updating: now.key !== key } : null;
  }

  /** The served report, parsed (the HTML pages). */
  async report(publicId: string): Promise<(ServedReport & { report: ReportStory }) | null> {
    const s = await this.served(publicId);
    if (!s) return null;
    const hit = this.parsed.get(publicId);
    if (hit && hit.key === s.key) return { ...s, report: hit.report };
    const report = JSON.parse(s.json) as ReportStory;
    this.parsed.delete(publicId);
    this.parsed.set(publicId, { key: s.key, report });
    while (this.parsed.size > 16) this.parsed.delete(this.parsed.keys().next().value as string);
    return { ...s, report };
  }

  /** Builds the story's report for `key` unless that build is already under way. */
  private ensureBuilt(publicId: string, g: StoryGroup, key: string): Promise<void> {
    const under = this.building.get(publicId);
    if (under && under.key === key) return under.done;
    const done = this.builder
      .build(g, key)
      .then(async (b) => this.keep(publicId, b))
      .catch((e: unknown) => {
        if (!this.closed) this.errors.set(publicId, `the report could not be built: ${(e as Error)?.message ?? String(e)}`);
      })
      .finally(() => {
        if (this.building.get(publicId)?.done === done) this.building.delete(publicId);
      });
    this.building.set(publicId, { key, done });
    return done;
  }

  private async keep(publicId: string, b: BuiltReport) {
    const g = await this.host.group(publicId);
    if (this.closed || !g) return;
    const current = reportKey(g) === b.key;
    if (this.noStale.has(publicId) && !current) return;
    if (current) this.noStale.delete(publicId);
    this.latest.delete(publicId);
    this.latest.set(publicId, { key: b.key, json: b.json, error: b.error });
    // the latest report of every story stays in memory up to a bound; older ones are read from the store
    while (this.latest.size > 64) this.latest.delete(this.latest.keys().next().value as string);
    this.summaries.set(publicId, b.summary);
    if (b.error === null) this.errors.delete(publicId);
    else this.errors.set(publicId, b.error);
    this.host.built(publicId);
  }

  /** Counts from the story's current report when it is built (null otherwise), without parsing it. */
  async summary(publicId: string, g: StoryGroup): Promise<StorySummary | null> {
    const key = reportKey(g);
    const s = this.summaries.get(publicId);
    if (s && s.key === key) return s;
    // a report cached by an earlier run (or by another process)
    const json = await this.store.storyReportJson(publicId, key);
    if (json === null) return null;
    const sum = summarise(key, JSON.parse(json) as ReportStory);
    this.summaries.set(publicId, sum);
    return sum;
  }

  /** Rebuilds the reports of changed stories in the background, one at a time, in the worker. */
  warm() {
    if (this.warming || this.closed || this.dirty.size === 0) return;
    this.warming = true;
    void this.warmLoop().finally(() => {
      this.warming = false;
    });
  }

  private async warmLoop() {
    await sleep(20);
    while (!this.closed) {
      if (this.host.busy()) {
        await sleep(100);
        continue;
      }
      const id = this.dirty.values().next().value as string | undefined;
      if (id === undefined) return;
      // taken off first: a change while it is being built marks it again
      this.dirty.delete(id);
      try {
        const g = await this.host.group(id);
        const key = g ? reportKey(g) : null;
        if (g && key && !(await this.has(id, key))) await this.ensureBuilt(id, g, key);
      } catch {
        /* a story whose report fails is served (and fails) on request; keep warming the others */
      }
    }
  }

  get mode(): 'worker' | 'inline' {
    return this.builder.mode;
  }

  async close() {
    this.closed = true;
    await this.builder.close();
  }
}

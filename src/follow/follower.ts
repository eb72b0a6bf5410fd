/**
 * Following: a round polls every source (and the feeds/sitemaps they list), ingests what is new
 * through a sink (the CLI's store pipeline or the server's live stories), remembers what was taken,
 * records each source's status, and raises alerts for stories whose conflicts the new articles
 * created or changed. Rounds repeat at an interval until stopped.
 */
import { type StoryAlert, storyAlerts } from '../alerts/detect.js';
import type { ReadResult } from '../ingest/index.js';
import type { Store } from '../store/index.js';
import type { StoryGroup } from '../stories/index.js';
import { type FetchOptions, PoliteFetcher } from './http.js';
import { type Entry, type PollLimits, pollSource, type SourcePoll, type SourceReport } from './poll.js';
import type { FollowMemory } from './state.js';

export interface IngestOutcome {
  source: string;
  docId: string | null;
  status: 'new' | 'known' | 'updated' | 'failed';
  reason?: string;
  warnings?: string[];
  storyId: string | null;
}

/** Where followed documents go: the same store and pipeline the other commands use. */
export interface Sink {
  store: Store;
  /** One outcome per result, in order. */
  ingest(results: ReadResult[]): Promise<IngestOutcome[]>;
}

export interface RoundReport {
  at: string;
  sources: (SourceReport & { newDocs: number })[];
  outcomes: IngestOutcome[];
  alerts: StoryAlert[];
}

export interface FollowerOptions extends Partial<PollLimits> {
  fetch?: FetchOptions;
  fetcher?: PoliteFetcher;
  now?: () => Date;
}

export class Follower {
  /** The store's memory of sources and taken entries (persisted in SQLite and PostgreSQL alike). */
  readonly state: FollowMemory;
  readonly fetcher: PoliteFetcher;
  private readonly limits: PollLimits;
  private readonly now: () => Date;

  constructor(
    private readonly sink: Sink,
    opts: FollowerOptions = {},
  ) {
    this.state = sink.store.follow;
    this.fetcher = opts.fetcher ?? new PoliteFetcher(opts.fetch);
    this.limits = { maxNewPerSource: opts.maxNewPerSource ?? 30, maxChildren: opts.maxChildren ?? 10 };
    this.now = opts.now ?? (() => new Date());
  }

  /** One round over the sources (given order kept in the report and in ingestion). */
  async round(sources: string[]): Promise<RoundReport> {
    const at = this.now().toISOString();
    const unique = [...new Set(sources)];
    const top = await Promise.all(unique.map((u) => pollSource(this.fetcher, this.state, u, null, this.limits)));
    const polls: SourcePoll[] = [];
    for (const p of top) {
      polls.push(p);
      const kids = p.children.filter((c) => !unique.includes(c));
      polls.push(...(await Promise.all(kids.map((c) => pollSource(this.fetcher, this.state, c, p.report.url, this.limits)))));
    }
    // one entry is taken once per round even when two sources list it
    const seenKeys = new Set<string>();
    const entries: Entry[] = [];
    for (const p of polls) {
      for (const e of p.entries) {
        if (seenKeys.has(e.key)) continue;
        seenKeys.add(e.key);
        entries.push(e);
      }
    }
    const outcomes = entries.length ? await this.sink.ingest(entries.map((e) => e.result)) : [];
    const newBySource = new Map<string, number>();
    const taken: Map<string, { url: string; docId: string | null }[]> = new Map();
    entries.forEach((e, i) => {
      const o = outcomes[i];
      if (o && (o.status === 'new' || o.status === 'updated')) newBySource.set(e.source, (newBySource.get(e.source) ?? 0) + 1);
      const list = taken.get(e.source) ?? [];
      list.push({ url: e.key, docId: o?.docId ?? null });
      taken.set(e.source, list);
    });
    for (const p of polls) {
      const url = p.report.url;
      await this.state.markSeen([...(taken.get(url) ?? []), ...p.baseline.map((u) => ({ url: u, docId: null }))], url, at);
      const failed = outcomes.filter((o, i) => o.status === 'failed' && entries[i].source === url).length;
      const detail = failed ? `${p.report.detail}; ${failed} could not be read` : p.report.detail;
      await this.state.saveSource({ ...p.report, detail, etag: p.validators.etag, lastModified: p.validators.lastModified, lastNew: newBySource.get(url) ?? 0 }, at);
    }
    const alerts = await this.alerts(outcomes);
    return { at, sources: polls.map((p) => ({ ...p.report, newDocs: newBySource.get(p.report.url) ?? 0 })), outcomes, alerts };
  }

  private async alerts(outcomes: IngestOutcome[]): Promise<StoryAlert[]> {
    const byStory = new Map<string, string[]>();
    for (const o of outcomes) {
      if ((o.status !== 'new' && o.status !== 'updated') || !o.docId || !o.storyId) continue;
      byStory.set(o.storyId, [...(byStory.get(o.storyId) ?? []), o.docId]);
    }
    const out: StoryAlert[] = [];
    for (const [storyId, docs] of [...byStory].sort((a, b) => a[0].localeCompare(b[0]))) {
      const data = (await this.sink.store.storyData(storyId)) as StoryGroup | null;
      if (!data) continue;
      try {
        out.push(...(await storyAlerts(this.sink.store, { ...data, id: storyId }, docs)));
      } catch {
        /* a story whose cross-check fails raises no alert; the report shows the problem */
      }
    }
    return out;
  }
}

import { EventEmitter } from 'node:events';
import type { ReadResult } from '../ingest/index.js';
import { type DocOutcome, ledgerRun, saveProcessed, triage } from '../pipeline.js';
import type { ReportStory } from '../report/schema.js';
import type { Store } from '../store/index.js';
import type { LedgerRun, StoryGroup } from '../stories/index.js';
import { reportKey, type ServedReport, StoryReports } from './live-reports.js';
import { DocumentProcessor, type Processed } from './processor.js';
import { ReportBuilder } from './report-builder.js';
import { StoreWatch } from './store-watch.js';
import type { StorySummary } from './story-report.js';

export type { ServedReport } from './live-reports.js';
export type { StorySummary } from './story-report.js';

/**
 * Live stories for the server: the same story ledger as `analyze` and the workers
 * (src/stories/ledger.ts, run by `ledgerRun`), so the server, the CLI and the library give the same
 * stories and ids for the same articles. A post replays only the time window its articles touch;
 * only the stories that changed are rewritten and have their reports invalidated. Reports are
 * built lazily (on request) or by a background warmer that yields to the event loop between
 * stories, so reads keep being served.
 */

export interface PostedOutcome extends DocOutcome {
  storyId: string | null;
}

export interface LiveEvent {
  type: 'story' | 'story-removed' | 'report';
  storyId: string;
  articles?: number;
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class LiveStories extends EventEmitter {
  readonly store: Store;
  /** Ids of the stories in the store, as this server last saw them (to tell removed ones). */
  private storyIds = new Set<string>();
  private readonly reports: StoryReports;
  private closed = false;
  /** Serialises writers (posts, deletes): a batch is processed document by document, yielding between them. */
  private writeChain: Promise<unknown> = Promise.resolve();
  timeBudgetMs: number;
  private readonly processor: DocumentProcessor;

  constructor(store: Store, opts: { timeBudgetMs?: number; inline?: boolean; reportBudgetMs?: number; watchIntervalMs?: number; location?: string | null } = {}) {
    super();
    this.store = store;
    this.timeBudgetMs = opts.timeBudgetMs ?? 10_000;
    this.processor = new DocumentProcessor({ inline: opts.inline });
    const builder = new ReportBuilder(store, opts.reportBudgetMs ?? 120_000, opts.inline, opts.location === undefined ? undefined : opts.location);
    this.reports = new StoryReports(store, builder, {
      group: (id) => this.group(id),
      busy: () => this.writing > 0,
      built: (id) => this.emit('event', { type: 'report', storyId: id } satisfies LiveEvent),
    });
    this.setMaxListeners(1000);
    this.watch = new StoreWatch(store, () => this.noticeExternalWrites(), opts.watchIntervalMs);
    this.ready = this.runExclusive(async () => {
      await this.rebuild();
      await this.watch.ready;
    });
    this.watch.start();
  }

  /** Settles once the stories are up to date with the store (writes queued before wait for it). */
  readonly ready: Promise<void>;

  /**
   * Whether another process added or removed documents, or rewrote the stories so that a document
   * has none (a batch run's grouping racing a post) or the story count differs from the server's.
   */
  private async externallyChanged(): Promise<boolean> {
    const ids = await this.store.featureDocIds();
    if (ids.length !== this.known.size || !ids.every((id) => this.known.has(id))) return true;
    const orphans = await this.store.orphanCount();
    const stories = await this.store.countStories();
    // a state a regrouping did not fix (e.g. a document whose features cannot be read) does not trigger it again
    const signature = `${ids.length}/${orphans}/${stories}`;
    if (signature === this.settledSignature) return false;
    this.settledSignature = signature;
    return orphans > 0 || stories !== this.storyIds.size;
  }

  private settledSignature = '';

  /** Documents in the index (all with stored story features), to tell other processes' writes. */
  private known = new Set<string>();
  private readonly watch: StoreWatch;

  /**
   * Another process changed the store. When it added or removed documents (e.g. `analyze` on the
   * same file), the ledger places what that process left unplaced, and the stories that changed are
   * announced, so the server shows the stories that run printed without a restart.
   */
  private noticeExternalWrites() {
    if (this.closed) return;
    void this.runExclusive(async () => this.syncWithStore()).catch(() => undefined);
  }

  /**
   * Catches up with the store when another process changed its documents or stories (called by
   * the watch, and before each write of the server's own).
   */
  private async syncWithStore() {
    if (!(await this.externallyChanged())) return;
    const before = new Set(this.storyIds);
    const changed = await this.rebuild();
    for (const id of before) {
      if (this.storyIds.has(id)) continue;
      this.reports.forget(id);
      this.emit('event', { type: 'story-removed', storyId: id } satisfies LiveEvent);
    }
    for (const g of changed) this.emit('event', { type: 'story', storyId: g.id, articles: g.members.length } satisfies LiveEvent);
    this.scheduleWarm();
  }

  /**
   * Places what the store holds and the ledger has not placed yet (articles another process
   * stored), then finds the stories whose cached report is missing or stale: their reports are
   * rebuilt in the background. Returns those stories.
   */
  private async rebuild(): Promise<StoryGroup[]> {
    await this.place();
    this.known = new Set(await this.store.featureDocIds());
    const stories = (await this.store.stories()).map((s) => s.data as StoryGroup);
    this.storyIds = new Set(stories.map((g) => g.id));
    const changed: StoryGroup[] = [];
    for (const g of stories) if ((await this.store.storyReportKey(g.id)) !== reportKey(g)) changed.push(g);
    for (const g of changed) this.reports.invalidate(g.id);
    return changed;
  }

  /**
   * One ledger run over what changed (new, re-analysed and deleted articles); announces the stories
   * that changed or went.
   */
  private async place(): Promise<LedgerRun> {
    const run = await ledgerRun(this.store);
    for (const id of run.removed) {
      this.storyIds.delete(id);
      this.reports.forget(id);
      this.emit('event', { type: 'story-removed', storyId: id } satisfies LiveEvent);
    }
    for (const g of run.changed) {
      this.storyIds.add(g.id);
      this.reports.invalidate(g.id);
      this.emit('event', { type: 'story', storyId: g.id, articles: g.members.length } satisfies LiveEvent);
    }
    if (run.changed.length) this.scheduleWarm();
    return run;
  }

  /** The current grouping record of a story (public id), or null. */
  async group(publicId: string): Promise<StoryGroup | null> {
    return (await this.store.storyData(publicId)) as StoryGroup | null;
  }

  /** Writes queued or running: the report warmer waits while there are any (ingest first). */
  private writing = 0;

  private runExclusive<T>(fn: () => Promise<T>): Promise<T> {
    this.writing++;
    const run = () => fn().finally(() => this.writing--);
    const next = this.writeChain.then(run, run);
    this.writeChain = next.catch(() => undefined);
    return next;
  }

  /**
   * Stores the documents (one transaction each, the same path as the CLI), then places the new
   * ones with one ledger run. Writers are serialised; the event loop is yielded between documents.
   */
  ingest(results: ReadResult[]): Promise<{ outcomes: PostedOutcome[]; stories: string[] }> {
    return this.runExclusive(async () => {
      if (await this.watch.poke()) await this.syncWithStore();
      const outcomes: PostedOutcome[] = [];
      const touched = new Set<string>();
      const seen = new Set<string>();
      for (const r of results) {
        if (this.closed) break;
        const o = await this.ingestOne(r, seen);
        if (o.docId && (o.status === 'new' || o.status === 'updated')) this.known.add(o.docId);
        outcomes.push(o);
        await yieldToLoop();
      }
      await this.place();
      for (const o of outcomes) {
        if (!o.docId || o.status === 'failed') continue;
        o.storyId = await this.store.storyOf(o.docId);
        if (o.storyId && (o.status === 'new' || o.status === 'updated')) touched.add(o.storyId);
      }
      const stories: string[] = [];
      for (const id of touched) if ((await this.group(id)) !== null) stories.push(id);
      return { outcomes, stories: stories.sort() };
    });
  }

  /**
   * One document, as `ingestResults` does it (src/pipeline.ts), except that extraction and analysis
   * run in the worker thread: known documents with current stage versions are reused, a failure
   * becomes an outcome with a reason, and the outputs are written in one transaction.
   */
  private async ingestOne(result: ReadResult, seen: Set<string>): Promise<PostedOutcome> {
    const next = await triage(this.store, result, seen);
    if ('outcome' in next) return { ...next.outcome, storyId: null };
    const { raw, existed } = next;
    const readWarnings = result.kind === 'doc' ? result.warnings : [];
    let processed: Processed;
    try {
      processed = await this.processor.process(raw, this.timeBudgetMs);
    } catch (e) {
      return { source: raw.source, docId: raw.id, status: 'failed', reason: `could not process: ${(e as Error).message}`, warnings: readWarnings, storyId: null };
    }
    return { ...(await saveProcessed(this.store, raw, readWarnings, processed, existed, seen)), storyId: null };
  }

  /**
   * Deletes an article and everything derived from it; its story is recomputed, and split when the
   * article was what held two groups together (`splitInto`: the new stories). Null when unknown.
   */
  deleteArticle(docId: string): Promise<{ storyId: string | null; storyRemoved: boolean; splitInto: string[] } | null> {
    return this.runExclusive(async () => {
      if (await this.watch.poke()) await this.syncWithStore();
      if (!(await this.store.hasDocument(docId))) return null;
      const storyId = await this.store.storyOf(docId);
      const rest = storyId ? ((await this.group(storyId))?.members ?? []).filter((m) => m !== docId) : [];
      await this.store.deleteDocument(docId);
      this.known.delete(docId);
      // the store dropped the story's cached report with the article; so does memory
      if (storyId) this.reports.dropStale(storyId);
      await this.place();
      if (!storyId) return { storyId: null, storyRemoved: false, splitInto: [] };
      // the stories the rest of the story is in now, other than its own
      const parts = new Set<string>();
      for (const m of rest) {
        const s = await this.store.storyOf(m);
        if (s && s !== storyId) parts.add(s);
      }
      return { storyId, storyRemoved: (await this.group(storyId)) === null, splitInto: [...parts].sort() };
    });
  }

  /**
   * A story's report to serve: the current one, or while it is rebuilt in the report worker the
   * last one, marked as updating (see StoryReports). Null for an unknown story.
   */
  served(publicId: string): Promise<ServedReport | null> {
    return this.reports.served(publicId);
  }

  /** The served report, parsed (HTML pages). */
  report(publicId: string): Promise<(ServedReport & { report: ReportStory }) | null> {
    return this.reports.report(publicId);
  }

  /** The cache key of a story's current report, or null for an unknown story. */
  async currentKey(publicId: string): Promise<string | null> {
    const g = await this.group(publicId);
    return g ? reportKey(g) : null;
  }

  /** Stories whose cross-check failed or was stopped (served without it), with the reason. */
  get reportErrors(): ReadonlyMap<string, string> {
    return this.reports.errors;
  }

  /** Counts from the story's current report, if it has been built (null otherwise). */
  async summary(publicId: string): Promise<StorySummary | null> {
    const g = await this.group(publicId);
    return g ? this.reports.summary(publicId, g) : null;
  }

  /** Builds the reports of changed stories in the background, in the report worker. */
  scheduleWarm() {
    if (!this.closed) this.reports.warm();
  }

  /** Waits for pending writes; stops the warmer. */
  async close() {
    this.closed = true;
    this.watch.stop();
    await this.writeChain.catch(() => undefined);
    await this.processor.close();
    await this.reports.close();
  }

  /** Where documents are processed: a worker thread, or inline when none could be started. */
  get processing(): 'worker' | 'inline' {
    return this.processor.mode;
  }

  /** Waits until the writes queued so far are done (tests, benchmarks). */
  idle(): Promise<void> {
    return this.writeChain.then(
      () => undefined,
      () => undefined,
    );
  }

  /** Reports waiting to be rebuilt, or being rebuilt. */
  get pendingReports(): number {
    return this.reports.pending;
  }

  /** Where story reports are built: the report worker, or inline for an in-memory store. */
  get reporting(): 'worker' | 'inline' {
    return this.reports.mode;
  }
}

import { EventEmitter } from 'node:events';
import type { ReadResult } from '../ingest/index.js';
import { emptyAnalyserTimings } from '../analyse/index.js';
import { type DocOutcome, ingestResults } from '../pipeline.js';
import type { AnalyseResult, AnalyseTask } from '../pool/analyse-worker.js';
import { TaskStopped } from '../pool/pool.js';
import type { ReportStory } from '../report/schema.js';
import type { Store } from '../store/index.js';
import type { StoryGroup } from '../stories/index.js';
import { Grouper } from './grouper.js';
import type { GroupingRun } from './grouping.js';
import { reportKey, type ServedReport, StoryReports } from './live-reports.js';
import { BudgetExceeded } from './budget-worker.js';
import { DocumentProcessor } from './processor.js';
import { ReportBuilder } from './report-builder.js';
import { StoreWatch } from './store-watch.js';
import type { StorySummary } from './story-report.js';

export type { ServedReport } from './live-reports.js';
export type { StorySummary } from './story-report.js';

/**
 * Live stories for the server. Stories are grouped as `analyze` and the workers group them (one
 * run of the story ledger, `ledgerRun`: the server, the CLI and the library give the same stories
 * and ids for the same articles; a run replays only the time windows its articles touch), in the
 * grouping worker with a time budget (grouper.ts): after each batch of posts, each delete, and
 * when another process wrote into the store. Only the stories a regrouping changed have their reports
 * invalidated; reports are built in the report worker while the last one is served, marked
 * updating. Nothing CPU-heavy runs on the event loop.
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

/** New articles from another process above which their stories are not announced one by one. */
const ANNOUNCE_LIMIT = 2000;

export class LiveStories extends EventEmitter {
  readonly store: Store;
  private readonly grouper: Grouper;
  private readonly reports: StoryReports;
  private closed = false;
  /** Serialises writers (posts, deletes): a batch is processed document by document, yielding between them. */
  private writeChain: Promise<unknown> = Promise.resolve();
  timeBudgetMs: number;
  private readonly processor: DocumentProcessor;

  constructor(store: Store, opts: { timeBudgetMs?: number; inline?: boolean; reportBudgetMs?: number; groupBudgetMs?: number; watchIntervalMs?: number; location?: string | null } = {}) {
    super();
    this.store = store;
    this.timeBudgetMs = opts.timeBudgetMs ?? 10_000;
    this.processor = new DocumentProcessor({ inline: opts.inline });
    this.grouper = new Grouper(store, opts.groupBudgetMs ?? 120_000, opts.inline, opts.location === undefined ? undefined : opts.location);
    const builder = new ReportBuilder(store, opts.reportBudgetMs ?? 120_000, opts.inline, opts.location === undefined ? undefined : opts.location);
    this.reports = new StoryReports(store, builder, {
      group: (id) => this.group(id),
      busy: () => this.writing > 0,
      built: (id) => this.emit('event', { type: 'report', storyId: id } satisfies LiveEvent),
    });
    this.setMaxListeners(1000);
    this.watch = new StoreWatch(store, () => this.noticeExternalWrites(), opts.watchIntervalMs);
    this.ready = this.runExclusive(async () => {
      await this.regroup(true);
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
    return orphans > 0 || stories !== this.storyCount;
  }

  /** Stories after the last regrouping (another process's regrouping may change it). */
  private storyCount = 0;

  private settledSignature = '';

  /** Documents with story features at the last regrouping, to tell other processes' writes. */
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
    const before = this.known;
    const run = await this.regroup(false);
    await this.announcePlacedElsewhere(before, run);
  }

  /**
   * Another process (a second server, a worker, `analyze`) usually places its articles in stories
   * itself, so this process's run finds nothing to do: the stories the new articles are in now are
   * announced here, so that every server's clients hear of them. Past `ANNOUNCE_LIMIT` new articles
   * (a bulk load) they are not announced one by one.
   */
  private async announcePlacedElsewhere(before: Set<string>, run: GroupingRun | null) {
    const added = [...this.known].filter((id) => !before.has(id));
    if (added.length === 0 || added.length > ANNOUNCE_LIMIT) return;
    const announced = new Set(run?.changed.map((g) => g.id) ?? []);
    const stories = new Set<string>();
    for (const id of added) {
      const s = await this.store.storyOf(id);
      if (s && !announced.has(s)) stories.add(s);
    }
    for (const id of [...stories].sort()) {
      const g = await this.group(id);
      if (g) this.emit('event', { type: 'story', storyId: id, articles: g.members.length } satisfies LiveEvent);
    }
  }

  /**
   * Regroups the stories in the grouping worker and announces what changed: stories gone, stories
   * changed (their reports invalidated and rebuilt in the background). At start (`all`), every
   * story whose cached report is missing or stale is rebuilt too. A regrouping stopped at its time
   * budget changes nothing (the previous stories are served); `groupingProblem` says why.
   */
  private async regroup(all: boolean): Promise<GroupingRun | null> {
    const run = await this.grouper.regroup();
    this.known = new Set(await this.store.featureDocIds());
    this.storyCount = await this.store.countStories();
    if (!run) return null;
    for (const id of run.removed) {
      this.reports.forget(id);
      this.emit('event', { type: 'story-removed', storyId: id } satisfies LiveEvent);
    }
    const changed = new Set(run.changed.map((g) => g.id));
    if (all) {
      for (const s of await this.store.stories()) if ((await this.store.storyReportKey(s.id)) !== reportKey(s.data as StoryGroup)) changed.add(s.id);
    }
    for (const id of changed) {
      this.reports.invalidate(id);
      if (!all) this.emit('event', { type: 'story', storyId: id, articles: run.changed.find((g) => g.id === id)?.members.length ?? 0 } satisfies LiveEvent);
    }
    this.scheduleWarm();
    return run;
  }

  /** Why the last regrouping did not finish (stopped at its time budget, or failed), or null. */
  get groupingProblem(): string | null {
    return this.grouper.problem;
  }

  /** Where stories are regrouped: the grouping worker, or inline for an in-memory store. */
  get grouping(): 'worker' | 'inline' {
    return this.grouper.mode;
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
   * Stores the documents through `ingestResults`, what the library's `analyze` and the CLI run
   * (triage, reuse of stored analyses, batched writes, each document all or nothing), with each
   * document extracted and analysed in the processing worker; then regroups the stories once for
   * the batch (in the grouping worker) and announces the stories that changed. Writers are
   * serialised; the event loop is yielded between documents.
   */
  ingest(results: ReadResult[]): Promise<{ outcomes: PostedOutcome[]; stories: string[] }> {
    return this.runExclusive(async () => {
      if (await this.watch.poke()) await this.syncWithStore();
      const process = async (task: AnalyseTask): Promise<AnalyseResult> => {
        await yieldToLoop();
        try {
          return { ...(await this.processor.process({ ...task, timeBudgetMs: this.timeBudgetMs })), analysers: emptyAnalyserTimings() };
        } catch (e) {
          // the processing worker ran past its hard limit (and was replaced) or failed: the message is the document's failure reason
          throw new TaskStopped(`could not process: ${(e as Error).message}`, (e as Error).cause instanceof BudgetExceeded);
        }
      };
      // one transaction per document, as each is done: the event loop never waits on a long batch write
      const run = await ingestResults(this.store, results, { process, timeBudgetMs: this.timeBudgetMs, batchSize: 1 });
      const outcomes: PostedOutcome[] = run.outcomes.map((o) => ({ ...o, storyId: null }));
      const regrouped = outcomes.some((o) => o.status === 'new' || o.status === 'updated') ? await this.regroup(false) : null;
      const touched = new Set<string>();
      for (const o of outcomes) {
        if (!o.docId || o.status === 'failed') continue;
        o.storyId = await this.store.storyOf(o.docId);
        if (o.storyId && (o.status === 'new' || o.status === 'updated')) touched.add(o.storyId);
      }
      // a story an updated article left is touched too
      for (const g of regrouped?.changed ?? []) if (outcomes.some((o) => o.docId && o.status === 'updated' && g.members.includes(o.docId))) touched.add(g.id);
      const stories: string[] = [];
      for (const id of touched) if ((await this.group(id)) !== null) stories.push(id);
      return { outcomes, stories: stories.sort() };
    });
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
      // the store dropped the story's cached report with the article; so does memory
      if (storyId) this.reports.dropStale(storyId);
      await this.regroup(false);
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
    await this.grouper.close();
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

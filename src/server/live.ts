import { EventEmitter } from 'node:events';
import type { ReadResult } from '../ingest/index.js';
import { type DocOutcome, saveProcessed, triage } from '../pipeline.js';
import type { ReportStory } from '../report/schema.js';
import type { Store } from '../store/index.js';
import { canonicalOrder, reconcileStoryIds, StoryIndex, type StoryFeatures, type StoryGroup } from '../stories/index.js';
import { reportKey, type ServedReport, StoryReports } from './live-reports.js';
import { DocumentProcessor, type Processed } from './processor.js';
import { ReportBuilder } from './report-builder.js';
import { StoreWatch } from './store-watch.js';
import type { StorySummary } from './story-report.js';

export type { ServedReport } from './live-reports.js';
export type { StorySummary } from './story-report.js';

/**
 * Live stories for the server: one incremental StoryIndex in memory, built from the stored
 * features at start. A new article joins one story; only that story's membership is persisted
 * and only its report is invalidated. Reports are built lazily (on request) or by a background
 * warmer that yields to the event loop between stories, so reads keep being served.
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

function isFeatures(f: unknown): f is StoryFeatures {
  return !!f && typeof f === 'object' && typeof (f as StoryFeatures).id === 'string' && Array.isArray((f as StoryFeatures).terms);
}

export class LiveStories extends EventEmitter {
  readonly store: Store;
  private index = new StoryIndex();
  /** Index story id → public (persisted) story id, and back. */
  private toPublic = new Map<string, string>();
  private toIndex = new Map<string, string>();
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

  /** Settles once the index is built from the store (writes queued before wait for it). */
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
    return orphans > 0 || stories !== this.toIndex.size;
  }

  private settledSignature = '';

  /** Documents in the index (all with stored story features), to tell other processes' writes. */
  private known = new Set<string>();
  private readonly watch: StoreWatch;

  /**
   * Another process changed the store. When it added or removed documents (e.g. `analyze` on the
   * same file), every story is regrouped as a batch run does, so the server shows the stories
   * that run printed, and every document has its story without a restart.
   */
  private noticeExternalWrites() {
    if (this.closed) return;
    void this.runExclusive(async () => this.syncWithStore()).catch(() => undefined);
  }

  /**
   * Regroups from the store when another process changed its documents or stories (called by the
   * watch, and before each write of the server's own, so that a post never persists a grouping
   * that misses another process's documents).
   */
  private async syncWithStore() {
    if (!(await this.externallyChanged())) return;
    const before = new Set(this.toIndex.keys());
    this.index = new StoryIndex();
    const changed = await this.rebuild();
    for (const id of before) {
      if (this.toIndex.has(id)) continue;
      this.reports.forget(id);
      this.emit('event', { type: 'story-removed', storyId: id } satisfies LiveEvent);
    }
    for (const g of changed) this.emit('event', { type: 'story', storyId: g.id, articles: g.members.length } satisfies LiveEvent);
    this.scheduleWarm();
  }

  /**
   * Builds the index from the stored features exactly as `groupStories` (and so `analyze`) does:
   * document frequencies of the whole collection first, then the articles in canonical order, then
   * `settle`. Articles posted afterwards join single-pass (observe + add, no settle), so that a new
   * article changes only the story it joins; a restart regroups as a batch run would.
   */
  private async rebuild(): Promise<StoryGroup[]> {
    const rows = await this.store.allFeatures<unknown>();
    this.known = new Set(rows.map((r) => r.docId));
    const features = canonicalOrder(rows.map((r) => r.features).filter(isFeatures));
    for (const f of features) this.index.observe(f);
    for (const f of features) this.index.add(f);
    this.index.settle();
    const groups = this.index.stories();
    const storedStories = await this.store.stories();
    const previous = storedStories.map((s) => ({ id: s.id, members: s.members }));
    const reconciled = reconcileStoryIds(previous, groups);
    this.toPublic.clear();
    this.toIndex.clear();
    groups.forEach((g, i) => {
      this.link(g.id, reconciled[i].id);
    });
    const stored = new Map(storedStories.map((s) => [s.id, s]));
    const same =
      stored.size === reconciled.length &&
      reconciled.every((g) => {
        const s = stored.get(g.id);
        return !!s && s.members.join() === [...g.members].sort().join() && JSON.stringify(s.data) === JSON.stringify(g);
      });
    if (!same) await this.store.replaceStories(reconciled.map((g) => ({ id: g.id, members: g.members, data: g })));
    // stories whose cached report is missing or stale get theirs rebuilt in the background
    const changed: StoryGroup[] = [];
    for (const g of reconciled) if ((await this.store.storyReportKey(g.id)) !== reportKey(g)) changed.push(g);
    for (const g of changed) this.reports.invalidate(g.id);
    return changed;
  }

  private link(indexId: string, publicId: string) {
    this.toPublic.set(indexId, publicId);
    this.toIndex.set(publicId, indexId);
  }

  private async publicIdFor(indexId: string): Promise<string> {
    const known = this.toPublic.get(indexId);
    if (known) return known;
    let id = indexId;
    for (let i = 2; this.toIndex.has(id) || (await this.store.storyData(id)) !== null; i++) id = `${indexId}-${i}`;
    this.link(indexId, id);
    return id;
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
   * Stores the documents (one transaction each, the same path as the CLI), adds the new ones to
   * their stories and persists the membership of the stories that changed. Writers are serialised;
   * the event loop is yielded between documents.
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
        if (o.docId && (o.status === 'new' || o.status === 'updated')) {
          const f = await this.store.getFeatures<unknown>(o.docId);
          if (isFeatures(f)) {
            if (o.status === 'updated') {
              const before = await this.store.storyOf(o.docId);
              this.index.remove(o.docId);
              if (before) for (const id of await this.regroup(before)) touched.add(id);
            }
            this.index.observe(f);
            this.known.add(o.docId);
            o.storyId = await this.publicIdFor(this.index.add(f));
            touched.add(o.storyId);
          }
        } else if (o.docId && o.status === 'known') {
          o.storyId = await this.store.storyOf(o.docId);
        }
        outcomes.push(o);
        await yieldToLoop();
      }
      if (touched.size) await this.persist(touched);
      // outcomes of known documents added earlier in this batch: their story id is now persisted
      for (const o of outcomes) if (o.storyId === null && o.docId && o.status !== 'failed') o.storyId = await this.store.storyOf(o.docId);
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
   * The current grouping of one story of the index. StoryIndex only lists all stories (summarising
   * each, O(stories)); when its internals are as expected, only the one story is summarised.
   */
  private indexGroup(indexId: string, all: () => Map<string, StoryGroup>): StoryGroup | undefined {
    const idx = this.index as unknown as { open?: unknown; closed?: unknown; summarise?: unknown };
    if (idx.open instanceof Map && Array.isArray(idx.closed) && typeof idx.summarise === 'function') {
      const open = idx.open.get(indexId);
      if (open) return (idx.summarise as (s: unknown) => StoryGroup).call(this.index, open);
      return (idx.closed as StoryGroup[]).find((g) => g.id === indexId);
    }
    return all().get(indexId);
  }

  /** Persists the grouping of the given stories (public ids), drops emptied ones, and announces the change. */
  private async persist(publicIds: Set<string>) {
    let everything: Map<string, StoryGroup> | null = null;
    const all = () => (everything ??= new Map(this.index.stories().map((g) => [g.id, g])));
    for (const id of publicIds) {
      const indexId = this.toIndex.get(id);
      const g = indexId ? this.indexGroup(indexId, all) : undefined;
      if (!g) {
        await this.store.deleteStory(id);
        if (indexId) this.toPublic.delete(indexId);
        this.toIndex.delete(id);
        this.reports.forget(id);
        this.emit('event', { type: 'story-removed', storyId: id } satisfies LiveEvent);
        continue;
      }
      const data: StoryGroup = { ...g, id };
      await this.store.saveStoryMembership({ id, members: g.members, data });
      this.reports.invalidate(id);
      this.emit('event', { type: 'story', storyId: id, articles: g.members.length } satisfies LiveEvent);
    }
    this.scheduleWarm();
  }

  /**
   * Regroups the rest of a story after one of its articles left it (see StoryIndex.regroup): the
   * public ids of the story and of the parts it split into, the story's own first.
   */
  private async regroup(publicId: string): Promise<string[]> {
    const indexId = this.toIndex.get(publicId);
    const parts = indexId ? this.index.regroup(indexId) : [];
    const ids = [publicId];
    for (const p of parts.slice(1)) ids.push(await this.publicIdFor(p));
    return ids;
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
      this.index.remove(docId);
      await this.store.deleteDocument(docId);
      this.known.delete(docId);
      if (!storyId) return { storyId: null, storyRemoved: false, splitInto: [] };
      const parts = await this.regroup(storyId);
      // the store dropped the story's cached report with the article; so does memory
      for (const id of parts) this.reports.dropStale(id);
      await this.persist(new Set(parts));
      return { storyId, storyRemoved: (await this.group(storyId)) === null, splitInto: parts.slice(1) };
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

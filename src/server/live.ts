import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { ReadResult } from '../ingest/index.js';
import { type DocOutcome, saveProcessed, triage } from '../pipeline.js';
import { buildStory } from '../report/build.js';
import { REPORT_SCHEMA_VERSION, type ReportStory } from '../report/schema.js';
import { reportExtras } from '../report/sections.js';
import type { Store } from '../store/index.js';
import { canonicalOrder, reconcileStoryIds, StoryIndex, type StoryFeatures, type StoryGroup } from '../stories/index.js';
import { COMPARE_VERSION } from '../versions.js';
import { DocumentProcessor, type Processed } from './processor.js';

/**
 * Live stories for the server: one incremental StoryIndex in memory, built from the stored
 * features at start. A new article joins one story; only that story's membership is persisted
 * and only its report is invalidated. Reports are built lazily (on request) or by a background
 * warmer that yields to the event loop between stories, so reads keep being served.
 */

export interface PostedOutcome extends DocOutcome {
  storyId: string | null;
}

export interface StorySummary {
  /** Report cache key the summary was computed from. */
  key: string;
  facts: number | null;
  conflicts: number | null;
  quotes: number | null;
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
  private summaries = new Map<string, StorySummary>();
  private dirty = new Set<string>();
  private warming = false;
  private closed = false;
  /** Serialises writers (posts, deletes): a batch is processed document by document, yielding between them. */
  private writeChain: Promise<unknown> = Promise.resolve();
  timeBudgetMs: number;
  private readonly processor: DocumentProcessor;

  constructor(store: Store, opts: { timeBudgetMs?: number; inline?: boolean } = {}) {
    super();
    this.store = store;
    this.timeBudgetMs = opts.timeBudgetMs ?? 10_000;
    this.processor = new DocumentProcessor({ inline: opts.inline });
    this.setMaxListeners(1000);
    this.ready = this.runExclusive(() => this.rebuild());
  }

  /** Settles once the index is built from the store (writes queued before wait for it). */
  readonly ready: Promise<void>;

  /**
   * Builds the index from the stored features exactly as `groupStories` (and so `analyze`) does:
   * document frequencies of the whole collection first, then the articles in canonical order, then
   * `settle`. Articles posted afterwards join single-pass (observe + add, no settle), so that a new
   * article changes only the story it joins; a restart regroups as a batch run would.
   */
  private async rebuild() {
    const features = canonicalOrder(
      (await this.store.allFeatures<unknown>())
        .map((r) => r.features)
        .filter(isFeatures),
    );
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
    for (const g of reconciled) if ((await this.store.storyReportKey(g.id)) !== this.reportKey(g)) this.dirty.add(g.id);
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
        this.summaries.delete(id);
        this.dirty.delete(id);
        this.emit('event', { type: 'story-removed', storyId: id } satisfies LiveEvent);
        continue;
      }
      const data: StoryGroup = { ...g, id };
      await this.store.saveStoryMembership({ id, members: g.members, data });
      this.summaries.delete(id);
      this.dirty.add(id);
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
      if (!(await this.store.hasDocument(docId))) return null;
      const storyId = await this.store.storyOf(docId);
      this.index.remove(docId);
      await this.store.deleteDocument(docId);
      if (!storyId) return { storyId: null, storyRemoved: false, splitInto: [] };
      const parts = await this.regroup(storyId);
      await this.persist(new Set(parts));
      return { storyId, storyRemoved: (await this.group(storyId)) === null, splitInto: parts.slice(1) };
    });
  }

  private reportKey(g: StoryGroup): string {
    return createHash('sha256').update(`${COMPARE_VERSION}\n${REPORT_SCHEMA_VERSION}\n${JSON.stringify(g)}`).digest('hex').slice(0, 32);
  }

  /** A story's report, from the cache when its members and the compare version are unchanged. */
  async report(publicId: string): Promise<ReportStory | null> {
    const g = await this.group(publicId);
    if (!g) return null;
    const key = this.reportKey(g);
    const hot = this.hot.get(publicId);
    if (hot && hot.key === key) return hot.report;
    let report = await this.store.getStoryReport<ReportStory>(publicId, key);
    if (!report) {
      try {
        report = await buildStory(this.store, g, new Map(), reportExtras());
        this.reportErrors.delete(publicId);
      } catch (e) {
        // a story whose cross-check fails is still served, without it; the problem is reported with it
        report = await buildStory(this.store, g, new Map(), { ...reportExtras(), crossCheck: undefined });
        this.reportErrors.set(publicId, (e as Error)?.message ?? String(e));
        this.remember(publicId, key, report);
        this.summaries.set(publicId, summarise(key, report));
        this.dirty.delete(publicId);
        return report;
      }
      try {
        await this.store.saveStoryReport(publicId, key, report);
      } catch {
        /* a read-only or busy store: serve the report uncached */
      }
    }
    this.remember(publicId, key, report);
    this.summaries.set(publicId, summarise(key, report));
    this.dirty.delete(publicId);
    return report;
  }

  /** The cache key of a story's current report (its ETag), or null for an unknown story. */
  async currentKey(publicId: string): Promise<string | null> {
    const g = await this.group(publicId);
    return g ? this.reportKey(g) : null;
  }

  /** The report as JSON text: straight from the store's cache when current (no parse, no re-serialisation). */
  async reportJson(publicId: string): Promise<string | null> {
    const g = await this.group(publicId);
    if (!g) return null;
    const key = this.reportKey(g);
    const hot = this.hotJson.get(publicId);
    if (hot && hot.key === key) return hot.json;
    let json = await this.store.storyReportJson(publicId, key);
    if (json === null) {
      const report = await this.report(publicId);
      if (!report) return null;
      json = JSON.stringify(report);
    }
    this.hotJson.delete(publicId);
    this.hotJson.set(publicId, { key, json });
    while (this.hotJson.size > 16) this.hotJson.delete(this.hotJson.keys().next().value as string);
    return json;
  }

  /** A few recently served reports as JSON text. */
  private hotJson = new Map<string, { key: string; json: string }>();

  /** Stories whose cross-check failed (served without it), with the reason. */
  readonly reportErrors = new Map<string, string>();

  /** A few recently used reports, parsed, for the HTML pages. */
  private hot = new Map<string, { key: string; report: ReportStory }>();
  private remember(id: string, key: string, report: ReportStory) {
    this.hot.delete(id);
    this.hot.set(id, { key, report });
    while (this.hot.size > 16) this.hot.delete(this.hot.keys().next().value as string);
  }

  /** Counts from the story's current report, if it has been built (null otherwise). */
  async summary(publicId: string): Promise<StorySummary | null> {
    const g = await this.group(publicId);
    if (!g) return null;
    const key = this.reportKey(g);
    const s = this.summaries.get(publicId);
    if (s && s.key === key) return s;
    // a report cached by an earlier run (or by another process)
    const json = await this.store.storyReportJson(publicId, key);
    if (json === null) return null;
    const sum = summarise(key, JSON.parse(json) as ReportStory);
    this.summaries.set(publicId, sum);
    return sum;
  }

  /** Builds the reports of changed stories in the background, one story per event-loop turn. */
  scheduleWarm() {
    if (this.warming || this.closed || this.dirty.size === 0) return;
    this.warming = true;
    const step = async () => {
      if (this.closed) {
        this.warming = false;
        return;
      }
      if (this.writing > 0) {
        setTimeout(() => void step(), 100);
        return;
      }
      const id = this.dirty.values().next().value as string | undefined;
      if (id === undefined) {
        this.warming = false;
        return;
      }
      this.dirty.delete(id);
      this.building++;
      try {
        if (await this.group(id)) {
          await this.report(id);
          this.emit('event', { type: 'report', storyId: id } satisfies LiveEvent);
        }
      } catch {
        /* a story whose report fails is served (and fails) on request; keep warming the others */
      } finally {
        this.building--;
      }
      setTimeout(() => void step(), 5);
    };
    setTimeout(() => void step(), 20);
  }

  /** Waits for pending writes; stops the warmer. */
  async close() {
    this.closed = true;
    await this.writeChain.catch(() => undefined);
    await this.processor.close();
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
    return this.dirty.size + this.building;
  }

  private building = 0;
}

function summarise(key: string, report: ReportStory): StorySummary {
  const cc = report.crossCheck as { facts?: unknown[]; conflicts?: { severity?: string }[]; quoteLedger?: { statements?: unknown[] }[] } | null;
  if (!cc || typeof cc !== 'object') return { key, facts: null, conflicts: null, quotes: null };
  return {
    key,
    facts: Array.isArray(cc.facts) ? cc.facts.length : null,
    conflicts: Array.isArray(cc.conflicts) ? cc.conflicts.filter((c) => c?.severity !== 'minor').length : null,
    quotes: Array.isArray(cc.quoteLedger) ? cc.quoteLedger.reduce((n, s) => n + (Array.isArray(s?.statements) ? s.statements.length : 0), 0) : null,
  };
}

import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { ReadResult } from '../ingest/index.js';
import { type DocOutcome, saveProcessed, triage } from '../pipeline.js';
import { buildStory } from '../report/build.js';
import { REPORT_SCHEMA_VERSION, type ReportStory } from '../report/schema.js';
import { reportExtras } from '../report/sections.js';
import { storyReportKey } from '../store/queries.js';
import type { Store } from '../store/sqlite.js';
import { StoreLedger } from '../store/story-ledger.js';
import { type StoryGroup, updateLedger } from '../stories/index.js';
import { COMPARE_VERSION } from '../versions.js';
import { DocumentProcessor, type Processed } from './processor.js';

/**
 * Live stories for the server: the same story ledger as `analyze` (src/stories/ledger.ts), so the
 * server, the CLI and the library give the same stories and ids for the same articles. A post
 * replays only the time window its articles touch; only the stories that changed are persisted
 * and have their reports invalidated. Reports are built lazily (on request) or by a background
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

export class LiveStories extends EventEmitter {
  readonly store: Store;
  private readonly ledger: StoreLedger;
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
    this.ledger = new StoreLedger(store);
    this.rebuild();
  }

  /**
   * Brings the stories up to date with the store at start (articles stored or deleted by `analyze`
   * since the ledger last ran); stories whose cached report is missing or stale get theirs rebuilt
   * in the background.
   */
  private rebuild() {
    this.sync([]);
    for (const s of this.store.stories()) {
      const g = s.data as StoryGroup;
      if (storyReportKey(this.store, g.id) !== this.reportKey(g)) this.dirty.add(g.id);
    }
  }

  /**
   * Runs the ledger over what changed (new and deleted articles, `updated` ones) and announces
   * the stories that changed or went. Returns the ids of the changed stories.
   */
  private sync(updated: string[]): { changed: string[]; removed: string[] } {
    const added = [...new Set([...this.ledger.pending(), ...updated])];
    const run = updateLedger(this.ledger, { added: [...this.ledger.features(added).values()], removed: this.ledger.orphans() });
    for (const id of run.removed) {
      this.summaries.delete(id);
      this.dirty.delete(id);
      this.emit('event', { type: 'story-removed', storyId: id } satisfies LiveEvent);
    }
    for (const g of run.changed) {
      this.summaries.delete(g.id);
      this.dirty.add(g.id);
      this.emit('event', { type: 'story', storyId: g.id, articles: g.members.length } satisfies LiveEvent);
    }
    if (run.changed.length) this.scheduleWarm();
    return { changed: run.changed.map((g) => g.id), removed: run.removed };
  }

  /** The current grouping record of a story (public id), or null. */
  group(publicId: string): StoryGroup | null {
    const row = this.store.db.prepare('SELECT data FROM stories WHERE id = ?').get(publicId) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as StoryGroup) : null;
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
      const updated: string[] = [];
      for (const r of results) {
        if (this.closed) break;
        const o = await this.ingestOne(r, seen);
        if (o.docId && o.status === 'updated') updated.push(o.docId);
        outcomes.push(o);
        await yieldToLoop();
      }
      this.sync(updated);
      // every stored article of the batch now has its story
      for (const o of outcomes) if (o.docId && o.status !== 'failed') o.storyId = this.store.storyOf(o.docId);
      for (const o of outcomes) if (o.storyId && (o.status === 'new' || o.status === 'updated')) touched.add(o.storyId);
      return { outcomes, stories: [...touched].filter((id) => this.group(id) !== null).sort() };
    });
  }

  /**
   * One document, as `ingestResults` does it (src/pipeline.ts), except that extraction and analysis
   * run in the worker thread: known documents with current stage versions are reused, a failure
   * becomes an outcome with a reason, and the outputs are written in one transaction.
   */
  private async ingestOne(result: ReadResult, seen: Set<string>): Promise<PostedOutcome> {
    const next = triage(this.store, result, seen);
    if ('outcome' in next) return { ...next.outcome, storyId: null };
    const { raw, existed } = next;
    const readWarnings = result.kind === 'doc' ? result.warnings : [];
    let processed: Processed;
    try {
      processed = await this.processor.process(raw, this.timeBudgetMs);
    } catch (e) {
      return { source: raw.source, docId: raw.id, status: 'failed', reason: `could not process: ${(e as Error).message}`, warnings: readWarnings, storyId: null };
    }
    return { ...saveProcessed(this.store, raw, readWarnings, processed, existed, seen), storyId: null };
  }

  /**
   * Deletes an article and everything derived from it; its story is recomputed, and split when the
   * article was what held two groups together (`splitInto`: the new stories). Null when unknown.
   */
  deleteArticle(docId: string): Promise<{ storyId: string | null; storyRemoved: boolean; splitInto: string[] } | null> {
    return this.runExclusive(async () => {
      if (!this.store.hasDocument(docId)) return null;
      const storyId = this.store.storyOf(docId);
      const before = storyId ? (this.group(storyId)?.members ?? []).filter((m) => m !== docId) : [];
      this.store.deleteDocument(docId);
      this.sync([]);
      if (!storyId) return { storyId: null, storyRemoved: false, splitInto: [] };
      // the stories the rest of the story is in now, other than its own
      const parts = new Set<string>();
      for (const m of before) {
        const s = this.store.storyOf(m);
        if (s && s !== storyId) parts.add(s);
      }
      return { storyId, storyRemoved: this.group(storyId) === null, splitInto: [...parts].sort() };
    });
  }

  private reportKey(g: StoryGroup): string {
    return createHash('sha256').update(`${COMPARE_VERSION}\n${REPORT_SCHEMA_VERSION}\n${JSON.stringify(g)}`).digest('hex').slice(0, 32);
  }

  /** A story's report, from the cache when its members and the compare version are unchanged. */
  report(publicId: string): ReportStory | null {
    const g = this.group(publicId);
    if (!g) return null;
    const key = this.reportKey(g);
    const hot = this.hot.get(publicId);
    if (hot && hot.key === key) return hot.report;
    let report = this.store.getStoryReport<ReportStory>(publicId, key);
    if (!report) {
      try {
        report = buildStory(this.store, g, new Map(), reportExtras());
        this.reportErrors.delete(publicId);
      } catch (e) {
        // a story whose cross-check fails is still served, without it; the problem is reported with it
        report = buildStory(this.store, g, new Map(), { ...reportExtras(), crossCheck: undefined });
        this.reportErrors.set(publicId, (e as Error)?.message ?? String(e));
        this.remember(publicId, key, report);
        this.summaries.set(publicId, summarise(key, report));
        this.dirty.delete(publicId);
        return report;
      }
      try {
        this.store.saveStoryReport(publicId, key, report);
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
  currentKey(publicId: string): string | null {
    const g = this.group(publicId);
    return g ? this.reportKey(g) : null;
  }

  /** The report as JSON text: straight from the store's cache when current (no parse, no re-serialisation). */
  reportJson(publicId: string): string | null {
    const g = this.group(publicId);
    if (!g) return null;
    const key = this.reportKey(g);
    const hot = this.hotJson.get(publicId);
    if (hot && hot.key === key) return hot.json;
    const row = this.store.db.prepare('SELECT data FROM story_reports WHERE story_id = ? AND key = ?').get(publicId, key) as { data: string } | undefined;
    let json = row?.data ?? null;
    if (json === null) {
      const report = this.report(publicId);
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
  summary(publicId: string): StorySummary | null {
    const g = this.group(publicId);
    if (!g) return null;
    const key = this.reportKey(g);
    const s = this.summaries.get(publicId);
    if (s && s.key === key) return s;
    // a report cached by an earlier run: count in SQL, without parsing the whole report
    const r = this.store.db
      .prepare(
        `SELECT json_type(data, '$.crossCheck') AS cc, json_array_length(data, '$.crossCheck.facts') AS facts,
           (SELECT count(*) FROM json_each(data, '$.crossCheck.conflicts') WHERE coalesce(json_extract(value, '$.severity'), '') != 'minor') AS conflicts,
           (SELECT coalesce(sum(json_array_length(value, '$.statements')), 0) FROM json_each(data, '$.crossCheck.quoteLedger')) AS quotes
         FROM story_reports WHERE story_id = ? AND key = ?`,
      )
      .get(publicId, key) as { cc: string | null; facts: number | null; conflicts: number; quotes: number } | undefined;
    if (!r) return null;
    const sum: StorySummary = r.cc === 'object' ? { key, facts: r.facts, conflicts: r.conflicts, quotes: r.quotes } : { key, facts: null, conflicts: null, quotes: null };
    this.summaries.set(publicId, sum);
    return sum;
  }

  /** Builds the reports of changed stories in the background, one story per event-loop turn. */
  scheduleWarm() {
    if (this.warming || this.closed || this.dirty.size === 0) return;
    this.warming = true;
    const step = () => {
      if (this.closed) {
        this.warming = false;
        return;
      }
      if (this.writing > 0) {
        setTimeout(step, 100);
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
        if (this.group(id)) {
          this.report(id);
          this.emit('event', { type: 'report', storyId: id } satisfies LiveEvent);
        }
      } catch {
        /* a story whose report fails is served (and fails) on request; keep warming the others */
      } finally {
        this.building--;
      }
      setTimeout(step, 5);
    };
    setTimeout(step, 20);
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

import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { requirePackage } from '../../util/packages.js';
import type { AnnotatedArticle, Article, RawDocument } from '../../model/types.js';
import type { ArticleHit, DocumentOutputs, DocumentRow, ReportKind, StageVersions, Store, StoredStory, StoreLedger, StoryFilter, StoryRow } from '../types.js';
import { SqliteFollowMemory } from './follow-state.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
import { listStories, outletCounts, saveStoryMembership, searchArticles, storyRow } from './queries.js';
import { SqliteLedger } from './story-ledger.js';
import { LedgerDocCache } from '../ledger-rows.js';
import { DocumentWriter } from './writes.js';

export { SCHEMA_VERSION };

/** SQLite's default page cache (`PRAGMA cache_size`, negative: KiB): 2 MB. */
const DEFAULT_CACHE_SIZE = -2000;

const Sqlite: typeof Database = requirePackage('better-sqlite3');

/**
 * Puts the database in WAL mode. While another process is creating the same new store, SQLite can
 * answer SQLITE_BUSY at once, without the busy handler (it refuses to wait where waiting could
 * deadlock): try again for up to 10 s, as the busy timeout would.
 */
function switchToWal(db: Database.Database): void {
  const until = Date.now() + 10_000;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > until) throw e;
      Atomics.wait(pause, 0, 0, 10 + Math.floor(Math.random() * 20));
    }
  }
}

/**
 * The embedded store (SQLite through better-sqlite3), the default. Every call answers synchronously;
 * the methods return promises only to share the `Store` contract with the PostgreSQL back-end.
 * Every document's outputs are written all or nothing; a batch of documents is one transaction
 * (src/store/sqlite/writes.ts).
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly db: Database.Database;
  readonly path: string;
  /** Following's memory (tables created on first use). */
  readonly follow: SqliteFollowMemory;

  constructor(path = 'triangulate.db') {
    this.path = path;
    // `--db runs/today/store.db` on a fresh machine: make the folder, as a user expects (read commands check the file exists first)
    if (path !== ':memory:' && !path.startsWith('file:')) mkdirSync(dirname(resolve(path)), { recursive: true });
    this.db = new Sqlite(path);
    // the busy timeout first: switching to WAL needs a lock that another process may be holding
    this.db.pragma('busy_timeout = 10000');
    if (path !== ':memory:') switchToWal(this.db);
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('synchronous = NORMAL');
    this.migrate();
    this.follow = new SqliteFollowMemory(this.db);
  }

  /**
   * Applies the migrations this file has and the database lacks, in one `BEGIN IMMEDIATE`
   * transaction that re-reads `user_version` once it holds the write lock: when several processes
   * open a new store at once, one migrates and the others find the work done.
   */
  private migrate() {
    const newer = (v: number) => new Error(`database schema version ${v} is newer than this triangulate (${SCHEMA_VERSION}); upgrade triangulate`);
    const seen = this.userVersion();
    if (seen > SCHEMA_VERSION) throw newer(seen);
    if (seen === SCHEMA_VERSION) return;
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const current = this.userVersion();
      if (current > SCHEMA_VERSION) throw newer(current);
      for (let v = current; v < SCHEMA_VERSION; v++) {
        this.db.exec(MIGRATIONS[v]);
        this.db.pragma(`user_version = ${v + 1}`);
      }
      this.db.exec('COMMIT');
    } catch (e) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw e;
    }
  }

  private userVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  async schemaVersion(): Promise<number> {
    return this.userVersion();
  }

  async close() {
    this.db.close();
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  async hasDocument(id: string): Promise<boolean> {
    return !!this.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(id);
  }

  async stageVersions(id: string): Promise<StageVersions> {
    // asked once per input document of a run: one statement, prepared once
    this.versionsStmt ??= this.db.prepare(
      `SELECT (SELECT version FROM articles WHERE doc_id = @id) AS article, (SELECT version FROM annotations WHERE doc_id = @id) AS annotations,
              (SELECT version FROM story_features WHERE doc_id = @id) AS features`,
    );
    const r = this.versionsStmt.get({ id }) as { article: string | null; annotations: string | null; features: string | null };
    return { article: r.article ?? undefined, annotations: r.annotations ?? undefined, features: r.features ?? undefined };
  }

  private versionsStmt: Database.Statement | null = null;
  private sourceStmt: Database.Statement | null = null;

  async addSource(docId: string, source: string) {
    this.sourceStmt ??= this.db.prepare('INSERT OR IGNORE INTO document_sources (source, doc_id) VALUES (?, ?)');
    this.sourceStmt.run(source, docId);
  }

  async saveDocument(raw: RawDocument, outputs: DocumentOutputs) {
    const [error] = this.writer().writeBatch([{ raw, outputs }]);
    if (error) throw error;
  }

  async saveDocuments(items: { raw: RawDocument; outputs: DocumentOutputs }[]): Promise<(Error | null)[]> {
    return this.writer().writeBatch(items);
  }

  private documentWriter: DocumentWriter | null = null;

  /** The document writer, its statements prepared on first use (after the migrations). */
  private writer(): DocumentWriter {
    this.documentWriter ??= new DocumentWriter(this.db);
    return this.documentWriter;
  }

  async getRaw(id: string): Promise<RawDocument | null> {
    const r = this.db.prepare('SELECT * FROM documents WHERE id = ?').get(id) as Record<string, string> | undefined;
    if (!r) return null;
    return {
      id: r.id,
      source: r.source,
      format: r.format as RawDocument['format'],
      content: r.content,
      contentType: r.content_type as RawDocument['contentType'],
      encoding: r.encoding,
      meta: JSON.parse(r.meta),
    };
  }

  async sourceOf(id: string): Promise<string | null> {
    const r = this.db.prepare('SELECT source FROM documents WHERE id = ?').get(id) as { source: string } | undefined;
    return r?.source ?? null;
  }

  async documentInfo(id: string) {
    const r = this.db.prepare('SELECT source, format, added_at FROM documents WHERE id = ?').get(id) as { source: string; format: string; added_at: string } | undefined;
    return r ? { source: r.source, format: r.format, addedAt: r.added_at } : null;
  }

  /** The outlet of an extracted article, read inside SQLite (no parse of the whole article). */
  async outletOf(id: string): Promise<string | null> {
    const r = this.db.prepare("SELECT json_extract(data, '$.outlet') AS outlet FROM articles WHERE doc_id = ?").get(id) as { outlet: string | null } | undefined;
    return r?.outlet ?? null;
  }

  async getArticle(id: string): Promise<Article | null> {
    const r = this.db.prepare('SELECT data FROM articles WHERE doc_id = ?').get(id) as { data: string } | undefined;
    return r ? (JSON.parse(r.data) as Article) : null;
  }

  async getAnnotated(id: string): Promise<AnnotatedArticle | null> {
    const article = await this.getArticle(id);
    const r = this.db.prepare('SELECT data FROM annotations WHERE doc_id = ?').get(id) as { data: string } | undefined;
    if (!article || !r) return null;
    return { article, ...(JSON.parse(r.data) as Omit<AnnotatedArticle, 'article'>) };
  }

  async getFeatures<F>(docId: string): Promise<F | null> {
    const r = this.db.prepare('SELECT data FROM story_features WHERE doc_id = ?').get(docId) as { data: string } | undefined;
    return r ? (JSON.parse(r.data) as F) : null;
  }

  async allFeatures<F>(): Promise<{ docId: string; features: F }[]> {
    const rows = this.db.prepare('SELECT doc_id, data FROM story_features ORDER BY doc_id').all() as { doc_id: string; data: string }[];
    return rows.map((r) => ({ docId: r.doc_id, features: JSON.parse(r.data) as F }));
  }

  async documentIds(): Promise<string[]> {
    return (this.db.prepare('SELECT id FROM documents ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  }

  async countDocuments(): Promise<number> {
    return (this.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  }

  async documentRows(): Promise<DocumentRow[]> {
    const rows = this.db.prepare('SELECT id, source, format, content_type, encoding, meta, added_at FROM documents ORDER BY id').all() as Record<string, string>[];
    return rows.map((r) => ({ id: r.id, source: r.source, format: r.format, contentType: r.content_type, encoding: r.encoding, meta: JSON.parse(r.meta), addedAt: r.added_at }));
  }

  async deleteDocument(id: string): Promise<boolean> {
    return this.transaction(() => {
      const story = this.storyOfSync(id);
      const r = this.db.prepare('DELETE FROM documents WHERE id = ?').run(id);
      if (story) this.db.prepare('DELETE FROM story_reports WHERE story_id = ?').run(story);
      return r.changes > 0;
    });
  }

  async stories(): Promise<StoredStory[]> {
    const rows = this.db.prepare('SELECT id, data FROM stories ORDER BY id').all() as { id: string; data: string }[];
    const members = this.db.prepare('SELECT doc_id FROM story_members WHERE story_id = ? ORDER BY doc_id');
    return rows.map((r) => ({ id: r.id, data: JSON.parse(r.data), members: (members.all(r.id) as { doc_id: string }[]).map((m) => m.doc_id) }));
  }

  async countStories(): Promise<number> {
    return (this.db.prepare('SELECT count(*) AS n FROM stories').get() as { n: number }).n;
  }

  private storyOfSync(docId: string): string | null {
    const r = this.db.prepare('SELECT story_id FROM story_members WHERE doc_id = ?').get(docId) as { story_id: string } | undefined;
    return r?.story_id ?? null;
  }

  async storyOf(docId: string): Promise<string | null> {
    return this.storyOfSync(docId);
  }

  async storyData(id: string): Promise<unknown> {
    const row = this.db.prepare('SELECT data FROM stories WHERE id = ?').get(id) as { data: string } | undefined;
    return row ? JSON.parse(row.data) : null;
  }

  async replaceStories(stories: StoredStory[]) {
    this.replaceStoriesSync(stories);
  }

  async regroup<D>(compute: (features: unknown[], previous: { id: string; members: string[] }[]) => { id: string; members: string[]; data: D }[]): Promise<{ id: string; members: string[]; data: D }[]> {
    // IMMEDIATE: the write lock is taken before the reads, so another process cannot group in between
    return this.db
      .transaction(() => {
        const features = (this.db.prepare('SELECT data FROM story_features ORDER BY doc_id').all() as { data: string }[]).map((r) => JSON.parse(r.data) as unknown);
        const members = this.db.prepare('SELECT doc_id FROM story_members WHERE story_id = ? ORDER BY doc_id');
        const previous = (this.db.prepare('SELECT id FROM stories ORDER BY id').all() as { id: string }[]).map((r) => ({
          id: r.id,
          members: (members.all(r.id) as { doc_id: string }[]).map((m) => m.doc_id),
        }));
        const groups = compute(features, previous);
        this.replaceStoriesSync(groups);
        return groups;
      })
      .immediate();
  }

  private replaceStoriesSync(stories: StoredStory[]) {
    this.transaction(() => {
      const keep = new Set(stories.map((s) => s.id));
      this.db.prepare('DELETE FROM story_members').run();
      const old = this.db.prepare('SELECT id FROM stories').all() as { id: string }[];
      for (const o of old) {
        if (!keep.has(o.id)) {
          this.db.prepare('DELETE FROM stories WHERE id = ?').run(o.id);
          this.db.prepare('DELETE FROM story_reports WHERE story_id = ?').run(o.id);
        }
      }
      const upsert = this.db.prepare(
        'INSERT INTO stories (id, data, updated_at) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data, updated_at = CASE WHEN stories.data = excluded.data THEN stories.updated_at ELSE excluded.updated_at END',
      );
      const member = this.db.prepare('INSERT INTO story_members (doc_id, story_id) VALUES (?, ?)');
      const now = new Date().toISOString();
      for (const s of stories) {
        upsert.run(s.id, JSON.stringify(s.data), now);
        for (const m of s.members) member.run(m, s.id);
      }
    });
  }

  /** Ledger runs of this connection, one after the other (a run spans several awaits). */
  private ledgerChain: Promise<unknown> = Promise.resolve();
  /** Decoded story-ledger rows kept between this process's ledger runs (ledger-rows.ts `LedgerDocCache`). */
  readonly ledgerDocs = new LedgerDocCache();

  async storyLedger<T>(fn: (ledger: StoreLedger) => Promise<T>): Promise<T> {
    const run = async () => {
      // IMMEDIATE: the write lock before the first read, so no other process runs the ledger in between
      this.db.exec('BEGIN IMMEDIATE');
      // a 64 MB page cache for the run (the default is 2 MB): a ledger run inserts rows under random
      // ids into several B-trees, and with 2 MB nearly every insert re-read its pages from the file
      // (ledger stream 50k, two alternations: 1,119 -> 1,219 and 1,211 -> 1,449 articles/s of CPU).
      // Given back after the run: kept for the whole process, it raised the peak of a 100,000-record
      // analyze (the report reads every document after the ledger) from 866 to 1,013 MB.
      this.db.pragma('cache_size = -65536');
      try {
        const out = await fn(new SqliteLedger(this));
        this.db.exec('COMMIT');
        return out;
      } catch (e) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw e;
      } finally {
        this.db.pragma(`cache_size = ${DEFAULT_CACHE_SIZE}`);
      }
    };
    const next = this.ledgerChain.then(run, run);
    this.ledgerChain = next.catch(() => undefined);
    return next;
  }

  async saveStoryMembership(story: StoredStory) {
    saveStoryMembership(this, story);
  }

  async deleteStory(id: string) {
    this.transaction(() => {
      this.db.prepare('DELETE FROM story_members WHERE story_id = ?').run(id);
      this.db.prepare('DELETE FROM story_reports WHERE story_id = ?').run(id);
      this.db.prepare('DELETE FROM stories WHERE id = ?').run(id);
    });
  }

  async getStoryReport<R>(storyId: string, key: string, kind: ReportKind = 'story'): Promise<R | null> {
    const json = this.reportJson(storyId, key, kind);
    return json === null ? null : (JSON.parse(json) as R);
  }

  async storyReportJson(storyId: string, key: string): Promise<string | null> {
    return this.reportJson(storyId, key, 'story');
  }

  private reportJson(storyId: string, key: string, kind: ReportKind): string | null {
    const r = this.db.prepare('SELECT data FROM story_reports WHERE story_id = ? AND kind = ? AND key = ?').get(storyId, kind, key) as { data: string } | undefined;
    return r?.data ?? null;
  }

  async saveStoryReport(storyId: string, key: string, data: unknown, kind: ReportKind = 'story') {
    this.db.prepare('INSERT OR REPLACE INTO story_reports (story_id, kind, key, data) VALUES (?, ?, ?, ?)').run(storyId, kind, key, JSON.stringify(data));
  }

  async storyReportKey(storyId: string): Promise<string | null> {
    const r = this.db.prepare("SELECT key FROM story_reports WHERE story_id = ? AND kind = 'story'").get(storyId) as { key: string } | undefined;
    return r?.key ?? null;
  }

  async latestStoryReport(storyId: string): Promise<{ key: string; json: string } | null> {
    const r = this.db.prepare("SELECT key, data FROM story_reports WHERE story_id = ? AND kind = 'story'").get(storyId) as { key: string; data: string } | undefined;
    return r ? { key: r.key, json: r.data } : null;
  }

  async dataVersion(): Promise<number> {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  async featureDocIds(): Promise<string[]> {
    return this.db.prepare('SELECT doc_id FROM story_features ORDER BY doc_id').pluck().all() as string[];
  }

  async orphanCount(): Promise<number> {
    return this.db.prepare('SELECT count(*) FROM story_features f LEFT JOIN story_members m ON m.doc_id = f.doc_id WHERE m.doc_id IS NULL').pluck().get() as number;
  }

  async listStories(f: StoryFilter) {
    return listStories(this, f);
  }

  async getStoryRow(id: string): Promise<StoryRow | null> {
    const r = this.db.prepare('SELECT id, data, updated_at FROM stories WHERE id = ?').get(id) as { id: string; data: string; updated_at: string } | undefined;
    return r ? storyRow(this, r) : null;
  }

  async storyIdsByPrefix(prefix: string, limit: number): Promise<string[]> {
    const like = `${prefix.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    return (this.db.prepare("SELECT id FROM stories WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT ?").all(like, limit) as { id: string }[]).map((r) => r.id);
  }

  async searchArticles(q: string, limit = 50): Promise<ArticleHit[]> {
    return searchArticles(this, q, limit);
  }

  async outletCounts() {
    return outletCounts(this);
  }
}

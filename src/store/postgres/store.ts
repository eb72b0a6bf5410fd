import { createHash } from 'node:crypto';
import type { AnnotatedArticle, Article, RawDocument } from '../../model/types.js';
import type { ArticleHit, DocumentOutputs, DocumentRow, ReportKind, StageVersions, Store, StoredStory, StoreLedger, StoryFilter, StoryRow } from '../types.js';
import { Connection, explain, redact } from './connect.js';
import { addSource, upsertStory, writeDocument, writeStories } from './documents.js';
import { PgFollowMemory } from './follow-state.js';
import { LOCKS, migrate, schemaVersion } from './migrations.js';
import { listStories, outletCounts, searchArticles, storyRow, type StoryRecord } from './queries.js';
import { WorkQueue } from './queue.js';
import { PostgresLedger } from './story-ledger.js';
import { LedgerDocCache } from '../ledger-rows.js';

const STORIES_WITH_MEMBERS = `SELECT s.id, s.data, coalesce(array_agg(m.doc_id ORDER BY m.doc_id) FILTER (WHERE m.doc_id IS NOT NULL), '{}') AS members
  FROM stories s LEFT JOIN story_members m ON m.story_id = s.id GROUP BY s.id ORDER BY s.id`;

const parse = <T>(s: string | undefined | null): T | null => (s == null ? null : (JSON.parse(s) as T));

/**
 * The PostgreSQL store, for several processes and machines sharing one database (workers, servers).
 * Same contract as the SQLite store; every multi-row write is one transaction, and story regrouping
 * is serialised across processes by an advisory lock.
 */
export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly path: string;
  readonly conn: Connection;
  /** The work queue in this database (src/worker runs it). */
  readonly queue: WorkQueue;
  /** Following's memory (tables of migration 3). */
  readonly follow: PgFollowMemory;
  /** Decoded story-ledger rows kept between this process's ledger runs (ledger-rows.ts `LedgerDocCache`). */
  readonly ledgerDocs = new LedgerDocCache();

  private constructor(conn: Connection) {
    this.conn = conn;
    this.path = redact(conn.url);
    this.queue = new WorkQueue(conn);
    this.follow = new PgFollowMemory(conn);
  }

  /** Connects and migrates (under an advisory lock: safe when many processes start at once). */
  static async open(url: string, opts: { poolSize?: number; migrate?: boolean } = {}): Promise<PostgresStore> {
    const conn = new Connection(url, opts.poolSize ?? 4);
    try {
      if (opts.migrate !== false) await migrate(conn);
      else await conn.query('SELECT 1');
    } catch (e) {
      await conn.end().catch(() => undefined);
      throw e instanceof Error && /^(cannot connect|PostgreSQL|database schema|not a)/.test(e.message) ? e : explain(e, url);
    }
    return new PostgresStore(conn);
  }

  async schemaVersion() {
    return schemaVersion(this.conn);
  }

  async close() {
    await this.queue.release();
    await this.conn.end();
  }

  private async one<R extends Record<string, unknown>>(sql: string, params: unknown[]): Promise<R | undefined> {
    return (await this.conn.query<R>(sql, params))[0];
  }

  async hasDocument(id: string) {
    return !!(await this.one('SELECT 1 FROM documents WHERE id = $1', [id]));
  }

  async stageVersions(id: string): Promise<StageVersions> {
    const r = await this.one<{ a: string | null; n: string | null; f: string | null }>(
      `SELECT (SELECT version FROM articles WHERE doc_id = $1) AS a, (SELECT version FROM annotations WHERE doc_id = $1) AS n,
              (SELECT version FROM story_features WHERE doc_id = $1) AS f`,
      [id],
    );
    return { article: r?.a ?? undefined, annotations: r?.n ?? undefined, features: r?.f ?? undefined };
  }

  async addSource(docId: string, source: string) {
    await this.conn.tx((c) => addSource(c, docId, source));
  }

  async saveDocument(raw: RawDocument, outputs: DocumentOutputs) {
    // serialise before the transaction: a value that cannot be written fails before anything is
    JSON.stringify(outputs.features);
    await this.conn.tx((c) => writeDocument(c, raw, outputs));
  }

  async saveDocuments(items: { raw: RawDocument; outputs: DocumentOutputs }[]): Promise<(Error | null)[]> {
    // one transaction for the batch, a savepoint per document: a document that cannot be written is left out whole
    return this.conn.tx(async (c) => {
      const errors: (Error | null)[] = [];
      for (const { raw, outputs } of items) {
        await c.query('SAVEPOINT doc');
        try {
          JSON.stringify(outputs.features);
          await writeDocument(c, raw, outputs);
          await c.query('RELEASE SAVEPOINT doc');
          errors.push(null);
        } catch (e) {
          await c.query('ROLLBACK TO SAVEPOINT doc');
          errors.push(e instanceof Error ? e : new Error(String(e)));
        }
      }
      return errors;
    });
  }

  async getRaw(id: string): Promise<RawDocument | null> {
    const r = await this.one<Record<string, string>>('SELECT * FROM documents WHERE id = $1', [id]);
    if (!r) return null;
    return { id: r.id, source: r.source, format: r.format as RawDocument['format'], content: r.content, contentType: r.content_type as RawDocument['contentType'], encoding: r.encoding, meta: JSON.parse(r.meta) };
  }

  async sourceOf(id: string) {
    return (await this.one<{ source: string }>('SELECT source FROM documents WHERE id = $1', [id]))?.source ?? null;
  }

  async documentInfo(id: string) {
    const r = await this.one<{ source: string; format: string; added_at: string }>('SELECT source, format, added_at FROM documents WHERE id = $1', [id]);
    return r ? { source: r.source, format: r.format, addedAt: r.added_at } : null;
  }

  async outletOf(id: string) {
    return (await this.one<{ outlet: string | null }>('SELECT outlet FROM articles WHERE doc_id = $1', [id]))?.outlet ?? null;
  }

  async getArticle(id: string) {
    return parse<Article>((await this.one<{ data: string }>('SELECT data FROM articles WHERE doc_id = $1', [id]))?.data);
  }

  async getAnnotated(id: string): Promise<AnnotatedArticle | null> {
    const r = await this.one<{ a: string; n: string }>('SELECT a.data AS a, n.data AS n FROM articles a JOIN annotations n ON n.doc_id = a.doc_id WHERE a.doc_id = $1', [id]);
    if (!r) return null;
    return { article: JSON.parse(r.a) as Article, ...(JSON.parse(r.n) as Omit<AnnotatedArticle, 'article'>) };
  }

  async getFeatures<F>(docId: string) {
    return parse<F>((await this.one<{ data: string }>('SELECT data FROM story_features WHERE doc_id = $1', [docId]))?.data);
  }

  async allFeatures<F>() {
    const rows = await this.conn.query<{ doc_id: string; data: string }>('SELECT doc_id, data FROM story_features ORDER BY doc_id');
    return rows.map((r) => ({ docId: r.doc_id, features: JSON.parse(r.data) as F }));
  }

  async documentIds() {
    return (await this.conn.query<{ id: string }>('SELECT id FROM documents ORDER BY id')).map((r) => r.id);
  }

  async documentRows(): Promise<DocumentRow[]> {
    const rows = await this.conn.query<Record<string, string>>('SELECT id, source, format, content_type, encoding, meta, added_at FROM documents ORDER BY id');
    return rows.map((r) => ({ id: r.id, source: r.source, format: r.format, contentType: r.content_type, encoding: r.encoding, meta: JSON.parse(r.meta), addedAt: r.added_at }));
  }

  async countDocuments() {
    return (await this.one<{ n: number }>('SELECT count(*)::int AS n FROM documents', []))?.n ?? 0;
  }

  async deleteDocument(id: string) {
    return this.conn.tx(async (c) => {
      const story = (await c.query('SELECT story_id FROM story_members WHERE doc_id = $1', [id])).rows[0] as { story_id: string } | undefined;
      const r = await c.query('DELETE FROM documents WHERE id = $1', [id]);
      if (story) await c.query('DELETE FROM story_reports WHERE story_id = $1', [story.story_id]);
      return (r.rowCount ?? 0) > 0;
    });
  }

  async stories(): Promise<StoredStory[]> {
    const rows = await this.conn.query<{ id: string; data: string; members: string[] }>(STORIES_WITH_MEMBERS);
    return rows.map((r) => ({ id: r.id, data: JSON.parse(r.data), members: r.members }));
  }

  async countStories() {
    return (await this.one<{ n: number }>('SELECT count(*)::int AS n FROM stories', []))?.n ?? 0;
  }

  async storyOf(docId: string) {
    return (await this.one<{ story_id: string }>('SELECT story_id FROM story_members WHERE doc_id = $1', [docId]))?.story_id ?? null;
  }

  async storyData(id: string) {
    return parse<unknown>((await this.one<{ data: string }>('SELECT data FROM stories WHERE id = $1', [id]))?.data);
  }

  async replaceStories(stories: StoredStory[]) {
    await this.conn.tx(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.stories]);
      await writeStories(c, stories);
    });
  }

  /**
   * Reads every document's features and the current stories, computes the new grouping and
   * writes it, all in one transaction holding the stories lock: two processes never group at
   * the same time, so one event never becomes two stories.
   */
  async regroup<D>(compute: (features: unknown[], previous: { id: string; members: string[] }[]) => { id: string; members: string[]; data: D }[]): Promise<{ id: string; members: string[]; data: D }[]> {
    return this.conn.tx(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.stories]);
      const features = (await c.query('SELECT data FROM story_features ORDER BY doc_id')).rows.map((r) => JSON.parse((r as { data: string }).data) as unknown);
      const prev = (await c.query(STORIES_WITH_MEMBERS)).rows as {
        id: string;
        members: string[];
      }[];
      const groups = compute(features, prev);
      await writeStories(c, groups);
      return groups;
    });
  }

  /** The ledger run in one transaction holding the stories lock (retried whole when the connection drops). */
  async storyLedger<T>(fn: (ledger: StoreLedger) => Promise<T>): Promise<T> {
    return this.conn.tx(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.stories]);
      return fn(new PostgresLedger(c, this.ledgerDocs));
    });
  }

  async saveStoryMembership(story: StoredStory) {
    await this.conn.tx(async (c) => {
      await upsertStory(c, story, new Date().toISOString(), false);
      await c.query('DELETE FROM story_members WHERE story_id = $1', [story.id]);
      await c.query(
        `INSERT INTO story_members (doc_id, story_id) SELECT d.id, $2 FROM documents d WHERE d.id = ANY($1::text[])
         ON CONFLICT (doc_id) DO UPDATE SET story_id = excluded.story_id`,
        [story.members, story.id],
      );
    });
  }

  async deleteStory(id: string) {
    await this.conn.tx(async (c) => {
      await c.query('DELETE FROM story_members WHERE story_id = $1', [id]);
      await c.query('DELETE FROM story_reports WHERE story_id = $1', [id]);
      await c.query('DELETE FROM stories WHERE id = $1', [id]);
    });
  }

  async getStoryReport<R>(storyId: string, key: string, kind: ReportKind = 'story') {
    return parse<R>(await this.reportJson(storyId, key, kind));
  }

  async storyReportJson(storyId: string, key: string) {
    return this.reportJson(storyId, key, 'story');
  }

  private async reportJson(storyId: string, key: string, kind: ReportKind) {
    return (await this.one<{ data: string }>('SELECT data FROM story_reports WHERE story_id = $1 AND kind = $2 AND key = $3', [storyId, kind, key]))?.data ?? null;
  }

  async saveStoryReport(storyId: string, key: string, data: unknown, kind: ReportKind = 'story') {
    await this.conn.query(
      'INSERT INTO story_reports (story_id, kind, key, data) VALUES ($1, $2, $3, $4) ON CONFLICT (story_id, kind) DO UPDATE SET key = excluded.key, data = excluded.data',
      [storyId, kind, key, JSON.stringify(data)],
    );
  }

  async storyReportKey(storyId: string) {
    return (await this.one<{ key: string }>("SELECT key FROM story_reports WHERE story_id = $1 AND kind = 'story'", [storyId]))?.key ?? null;
  }

  async latestStoryReport(storyId: string) {
    const r = await this.one<{ key: string; data: string }>("SELECT key, data FROM story_reports WHERE story_id = $1 AND kind = 'story'", [storyId]);
    return r ? { key: r.key, json: r.data } : null;
  }

  async dataVersion() {
    // no data_version in PostgreSQL: a signature of what a server shows (documents, stories and their last update)
    const r = await this.one<{ sig: string }>(
      "SELECT concat_ws('/', (SELECT count(*) FROM documents), (SELECT count(*) FROM story_features), (SELECT count(*) FROM stories), (SELECT max(updated_at) FROM stories), (SELECT count(*) FROM story_members)) AS sig",
      [],
    );
    return Number.parseInt(createHash('sha256').update(r?.sig ?? '').digest('hex').slice(0, 12), 16);
  }

  async featureDocIds() {
    return (await this.conn.query<{ doc_id: string }>('SELECT doc_id FROM story_features ORDER BY doc_id', [])).map((r) => r.doc_id);
  }

  async orphanCount() {
    return (await this.one<{ n: number }>('SELECT count(*)::int AS n FROM story_features f LEFT JOIN story_members m ON m.doc_id = f.doc_id WHERE m.doc_id IS NULL', []))?.n ?? 0;
  }

  async listStories(f: StoryFilter) {
    return listStories(this.conn, f);
  }

  async getStoryRow(id: string): Promise<StoryRow | null> {
    const r = await this.one<StoryRecord>('SELECT id, data, updated_at FROM stories WHERE id = $1', [id]);
    return r ? storyRow(this.conn, r) : null;
  }

  async storyIdsByPrefix(prefix: string, limit: number): Promise<string[]> {
    const like = `${prefix.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    return (await this.conn.query<{ id: string }>("SELECT id FROM stories WHERE id LIKE $1 ESCAPE '\\' ORDER BY id LIMIT $2", [like, limit])).map((r) => r.id);
  }

  async searchArticles(q: string, limit = 50): Promise<ArticleHit[]> {
    return searchArticles(this.conn, q, limit);
  }

  async outletCounts() {
    return outletCounts(this.conn);
  }
}

import Database from 'better-sqlite3';
import type { AnnotatedArticle, Article, RawDocument } from '../model/types.js';

/**
 * The embedded store. It persists each stage's output keyed by document id and stage version;
 * it decides nothing. Every document's outputs are written in one transaction.
 */

/** Versioned migrations: index i brings the schema from version i to i + 1. Append only. */
const MIGRATIONS: string[] = [
  `
  CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    format TEXT NOT NULL,
    content_type TEXT NOT NULL,
    encoding TEXT NOT NULL,
    content TEXT NOT NULL,
    meta TEXT NOT NULL,
    added_at TEXT NOT NULL
  );
  CREATE TABLE document_sources (
    source TEXT NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (source, doc_id)
  );
  CREATE TABLE articles (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    version TEXT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE TABLE annotations (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    version TEXT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE TABLE story_features (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    version TEXT NOT NULL,
    published TEXT,
    data TEXT NOT NULL
  );
  CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE story_members (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    story_id TEXT NOT NULL
  );
  CREATE INDEX story_members_story ON story_members(story_id);
  CREATE TABLE story_reports (
    story_id TEXT PRIMARY KEY,
    key TEXT NOT NULL,
    data TEXT NOT NULL
  );
  `,
  // 2: full-text search over article title, outlet and clean text (FTS5), kept in sync by triggers in
  // the same transaction as the article write; the FTS rowid is the articles rowid.
  `
  CREATE VIRTUAL TABLE article_fts USING fts5(title, outlet, text, tokenize = 'unicode61 remove_diacritics 2');
  CREATE TRIGGER article_fts_before_insert BEFORE INSERT ON articles BEGIN
    DELETE FROM article_fts WHERE rowid = (SELECT rowid FROM articles WHERE doc_id = new.doc_id);
  END;
  CREATE TRIGGER article_fts_after_insert AFTER INSERT ON articles BEGIN
    INSERT INTO article_fts (rowid, title, outlet, text)
    VALUES (new.rowid, coalesce(json_extract(new.data, '$.title'), ''), coalesce(json_extract(new.data, '$.outlet'), ''), coalesce(json_extract(new.data, '$.text'), ''));
  END;
  CREATE TRIGGER article_fts_after_delete AFTER DELETE ON articles BEGIN
    DELETE FROM article_fts WHERE rowid = old.rowid;
  END;
  CREATE TRIGGER article_fts_after_update AFTER UPDATE ON articles BEGIN
    DELETE FROM article_fts WHERE rowid = old.rowid;
    INSERT INTO article_fts (rowid, title, outlet, text)
    VALUES (new.rowid, coalesce(json_extract(new.data, '$.title'), ''), coalesce(json_extract(new.data, '$.outlet'), ''), coalesce(json_extract(new.data, '$.text'), ''));
  END;
  INSERT INTO article_fts (rowid, title, outlet, text)
    SELECT rowid, coalesce(json_extract(data, '$.title'), ''), coalesce(json_extract(data, '$.outlet'), ''), coalesce(json_extract(data, '$.text'), '') FROM articles;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export interface StoredStory {
  id: string;
  members: string[];
  data: unknown;
}

export interface DocumentRow {
  id: string;
  source: string;
  format: string;
  contentType: string;
  encoding: string;
  meta: RawDocument['meta'];
  addedAt: string;
}

export class Store {
  readonly db: Database.Database;
  readonly path: string;

  constructor(path = 'triangulate.db') {
    this.path = path;
    this.db = new Database(path);
    if (path !== ':memory:') this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
  }

  /** Applies the migrations this file has and the database lacks, each in its own transaction. */
  private migrate() {
    const current = this.db.pragma('user_version', { simple: true }) as number;
    if (current > MIGRATIONS.length) {
      throw new Error(`database schema version ${current} is newer than this triangulate (${MIGRATIONS.length}); upgrade triangulate`);
    }
    for (let v = current; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v]);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  close() {
    this.db.close();
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  hasDocument(id: string): boolean {
    return !!this.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(id);
  }

  /** The stage versions stored for a document, to decide what to recompute. */
  stageVersions(id: string): { article?: string; annotations?: string; features?: string } {
    const a = this.db.prepare('SELECT version FROM articles WHERE doc_id = ?').get(id) as { version: string } | undefined;
    const n = this.db.prepare('SELECT version FROM annotations WHERE doc_id = ?').get(id) as { version: string } | undefined;
    const f = this.db.prepare('SELECT version FROM story_features WHERE doc_id = ?').get(id) as { version: string } | undefined;
    return { article: a?.version, annotations: n?.version, features: f?.version };
  }

  addSource(docId: string, source: string) {
    this.db.prepare('INSERT OR IGNORE INTO document_sources (source, doc_id) VALUES (?, ?)').run(source, docId);
  }

  /** Writes a document and all its stage outputs in one transaction: all or nothing. */
  saveDocument(
    raw: RawDocument,
    outputs: { article: Article; articleVersion: string; annotated: AnnotatedArticle; annotationsVersion: string; features: unknown; featuresVersion: string },
  ) {
    const { article: _article, ...annotations } = outputs.annotated;
    this.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO documents (id, source, format, content_type, encoding, content, meta, added_at)
           VALUES (@id, @source, @format, @contentType, @encoding, @content, @meta, @addedAt)
           ON CONFLICT(id) DO NOTHING`,
        )
        .run({
          id: raw.id,
          source: raw.source,
          format: raw.format,
          contentType: raw.contentType,
          encoding: raw.encoding,
          content: raw.content,
          meta: JSON.stringify(raw.meta),
          addedAt: new Date().toISOString(),
        });
      this.addSource(raw.id, raw.source);
      this.db.prepare('INSERT OR REPLACE INTO articles (doc_id, version, data) VALUES (?, ?, ?)').run(raw.id, outputs.articleVersion, JSON.stringify(outputs.article));
      this.db
        .prepare('INSERT OR REPLACE INTO annotations (doc_id, version, data) VALUES (?, ?, ?)')
        .run(raw.id, outputs.annotationsVersion, JSON.stringify(annotations));
      this.db
        .prepare('INSERT OR REPLACE INTO story_features (doc_id, version, published, data) VALUES (?, ?, ?, ?)')
        .run(raw.id, outputs.featuresVersion, outputs.article.published?.iso ?? null, JSON.stringify(outputs.features));
    });
  }

  getRaw(id: string): RawDocument | null {
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

  /** The source a document was first stored under, without reading its content. */
  sourceOf(id: string): string | null {
    const r = this.db.prepare('SELECT source FROM documents WHERE id = ?').get(id) as { source: string } | undefined;
    return r?.source ?? null;
  }

  /** The outlet of an extracted article, read inside SQLite (no parse of the whole article). */
  outletOf(id: string): string | null {
    const r = this.db.prepare("SELECT json_extract(data, '$.outlet') AS outlet FROM articles WHERE doc_id = ?").get(id) as { outlet: string | null } | undefined;
    return r?.outlet ?? null;
  }

  getArticle(id: string): Article | null {
    const r = this.db.prepare('SELECT data FROM articles WHERE doc_id = ?').get(id) as { data: string } | undefined;
    return r ? (JSON.parse(r.data) as Article) : null;
  }

  getAnnotated(id: string): AnnotatedArticle | null {
    const article = this.getArticle(id);
    const r = this.db.prepare('SELECT data FROM annotations WHERE doc_id = ?').get(id) as { data: string } | undefined;
    if (!article || !r) return null;
    return { article, ...(JSON.parse(r.data) as Omit<AnnotatedArticle, 'article'>) };
  }

  allFeatures<F>(): { docId: string; features: F }[] {
    const rows = this.db.prepare('SELECT doc_id, data FROM story_features ORDER BY doc_id').all() as { doc_id: string; data: string }[];
    return rows.map((r) => ({ docId: r.doc_id, features: JSON.parse(r.data) as F }));
  }

  documentIds(): string[] {
    return (this.db.prepare('SELECT id FROM documents ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  }

  countDocuments(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  }

  /** Stories with their members, as last saved. */
  stories(): StoredStory[] {
    const rows = this.db.prepare('SELECT id, data FROM stories ORDER BY id').all() as { id: string; data: string }[];
    const members = this.db.prepare('SELECT doc_id FROM story_members WHERE story_id = ? ORDER BY doc_id');
    return rows.map((r) => ({ id: r.id, data: JSON.parse(r.data), members: (members.all(r.id) as { doc_id: string }[]).map((m) => m.doc_id) }));
  }

  storyOf(docId: string): string | null {
    const r = this.db.prepare('SELECT story_id FROM story_members WHERE doc_id = ?').get(docId) as { story_id: string } | undefined;
    return r?.story_id ?? null;
  }

  /** Replaces the story table with the given grouping, in one transaction. */
  replaceStories(stories: { id: string; members: string[]; data: unknown }[]) {
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

  getStoryReport<R>(storyId: string, key: string): R | null {
    const r = this.db.prepare('SELECT data FROM story_reports WHERE story_id = ? AND key = ?').get(storyId, key) as { data: string } | undefined;
    return r ? (JSON.parse(r.data) as R) : null;
  }

  saveStoryReport(storyId: string, key: string, data: unknown) {
    this.db.prepare('INSERT OR REPLACE INTO story_reports (story_id, key, data) VALUES (?, ?, ?)').run(storyId, key, JSON.stringify(data));
  }

  /** Deletes a document and everything derived from it, in one transaction. */
  deleteDocument(id: string): boolean {
    return this.transaction(() => {
      const story = this.storyOf(id);
      const r = this.db.prepare('DELETE FROM documents WHERE id = ?').run(id);
      if (story) this.db.prepare('DELETE FROM story_reports WHERE story_id = ?').run(story);
      return r.changes > 0;
    });
  }

  documentRows(): DocumentRow[] {
    const rows = this.db.prepare('SELECT id, source, format, content_type, encoding, meta, added_at FROM documents ORDER BY id').all() as Record<string, string>[];
    return rows.map((r) => ({
      id: r.id,
      source: r.source,
      format: r.format,
      contentType: r.content_type,
      encoding: r.encoding,
      meta: JSON.parse(r.meta),
      addedAt: r.added_at,
    }));
  }
}

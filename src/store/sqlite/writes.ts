import type Database from 'better-sqlite3';
import type { RawDocument } from '../../model/types.js';
import type { DocumentOutputs } from '../types.js';

/**
 * Document writes of the SQLite store. The statements are prepared once per connection (SQLite
 * compiles a statement on every `prepare`); a batch of documents is one transaction, each document
 * inside it a savepoint, so one document that cannot be written is left out whole while the others
 * commit. The full-text row of each article is written here with the title, outlet and text in hand
 * (migration 3 dropped the triggers that re-parsed the article JSON per row); FTS5 buffers the
 * batch's rows and merges them into its index once, at commit.
 */
export class DocumentWriter {
  private readonly doc: Database.Statement;
  private readonly source: Database.Statement;
  private readonly article: Database.Statement;
  private readonly oldRow: Database.Statement;
  private readonly ftsDelete: Database.Statement;
  private readonly ftsInsert: Database.Statement;
  private readonly annotations: Database.Statement;
  private readonly features: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.doc = db.prepare(
      `INSERT INTO documents (id, source, format, content_type, encoding, content, meta, added_at)
       VALUES (@id, @source, @format, @contentType, @encoding, @content, @meta, @addedAt)
       ON CONFLICT(id) DO NOTHING`,
    );
    this.source = db.prepare('INSERT OR IGNORE INTO document_sources (source, doc_id) VALUES (?, ?)');
    this.oldRow = db.prepare('SELECT rowid FROM articles WHERE doc_id = ?').pluck();
    // an upsert keeps the article's rowid, which is the key of its full-text row
    this.article = db.prepare('INSERT INTO articles (doc_id, version, data) VALUES (?, ?, ?) ON CONFLICT(doc_id) DO UPDATE SET version = excluded.version, data = excluded.data RETURNING rowid').pluck();
    this.ftsDelete = db.prepare('DELETE FROM article_fts WHERE rowid = ?');
    this.ftsInsert = db.prepare('INSERT INTO article_fts (rowid, title, outlet, text) VALUES (?, ?, ?, ?)');
    this.annotations = db.prepare('INSERT OR REPLACE INTO annotations (doc_id, version, data) VALUES (?, ?, ?)');
    this.features = db.prepare('INSERT OR REPLACE INTO story_features (doc_id, version, published, data) VALUES (?, ?, ?, ?)');
  }

  /** Writes one document's outputs; the caller holds the transaction. */
  write(raw: RawDocument, outputs: DocumentOutputs, addedAt: string): void {
    const { article: _article, ...annotations } = outputs.annotated;
    const a = outputs.article;
    // serialise first: a value that cannot be written fails before any row is touched
    const articleJson = JSON.stringify(a);
    const annotationsJson = JSON.stringify(annotations);
    const featuresJson = JSON.stringify(outputs.features);
    this.doc.run({ id: raw.id, source: raw.source, format: raw.format, contentType: raw.contentType, encoding: raw.encoding, content: raw.content, meta: JSON.stringify(raw.meta), addedAt });
    this.source.run(raw.source, raw.id);
    const old = this.oldRow.get(raw.id) as number | undefined;
    if (old !== undefined) this.ftsDelete.run(old);
    const rowid = this.article.get(raw.id, outputs.articleVersion, articleJson) as number;
    this.ftsInsert.run(rowid, a.title ?? '', a.outlet ?? '', a.text ?? '');
    this.annotations.run(raw.id, outputs.annotationsVersion, annotationsJson);
    this.features.run(raw.id, outputs.featuresVersion, a.published?.iso ?? null, featuresJson);
  }

  /** Writes a batch in one transaction, each document all or nothing; per document, the error that kept it out, or null. */
  writeBatch(items: { raw: RawDocument; outputs: DocumentOutputs }[]): (Error | null)[] {
    const addedAt = new Date().toISOString();
    const one = this.db.transaction((raw: RawDocument, outputs: DocumentOutputs) => this.write(raw, outputs, addedAt));
    const errors: (Error | null)[] = [];
    this.db.transaction(() => {
      for (const { raw, outputs } of items) {
        try {
          // nested: better-sqlite3 runs it as a savepoint, rolled back alone when it throws
          one(raw, outputs);
          errors.push(null);
        } catch (e) {
          errors.push(e instanceof Error ? e : new Error(String(e)));
        }
      }
    })();
    return errors;
  }
}

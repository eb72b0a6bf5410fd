/**
 * SQLite schema, versioned in `PRAGMA user_version`.
 */

/** Versioned migrations: index i brings the schema from version i to i + 1. Append only. */
export const MIGRATIONS: string[] = [
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
  // 3: the full-text index is written by the store with each batch of documents (src/store/sqlite/
  // writes.ts: title, outlet and text passed from the article in hand, one FTS5 flush per
  // transaction) instead of by triggers that parsed each article's JSON three times per row. The
  // delete trigger stays: it is cheap and keeps the index right whatever deletes an article.
  `
  DROP TRIGGER article_fts_before_insert;
  DROP TRIGGER article_fts_after_insert;
  DROP TRIGGER article_fts_after_update;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

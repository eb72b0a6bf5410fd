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
  // 3: the story ledger (src/stories/ledger.ts): per placed article its pass time, publication day,
  // pass story, copy link, vector (keys joined by U+0001, float32 weights) and features without
  // terms, the story-features version it placed (a re-analysed article is placed again); per pass story its founder and closing day; closed stories' signatures; articles per
  // publication day; the document-frequency table. Derived: dropping the rows rebuilds it.
  `
  CREATE TABLE story_ledger (
    doc_id TEXT PRIMARY KEY,
    t INTEGER,
    day INTEGER,
    story TEXT NOT NULL,
    copy_of TEXT,
    keys TEXT NOT NULL,
    vals BLOB NOT NULL,
    lite TEXT NOT NULL,
    output TEXT,
    version TEXT
  );
  CREATE INDEX story_ledger_t ON story_ledger(t);
  CREATE INDEX story_ledger_story ON story_ledger(story);
  CREATE TABLE story_ledger_stories (
    id TEXT PRIMARY KEY,
    founder TEXT NOT NULL,
    founder_t INTEGER,
    closed_at INTEGER
  );
  CREATE INDEX story_ledger_stories_closed ON story_ledger_stories(closed_at);
  CREATE INDEX story_ledger_stories_founded ON story_ledger_stories(founder_t);
  CREATE TABLE story_ledger_terms (term TEXT NOT NULL, story TEXT NOT NULL, PRIMARY KEY (term, story));
  CREATE INDEX story_ledger_terms_story ON story_ledger_terms(story);
  CREATE TABLE story_ledger_days (day INTEGER PRIMARY KEY, n INTEGER NOT NULL);
  CREATE TABLE story_ledger_meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
  -- what is pending (stored, not placed in this version) is found by scanning these two indexes, not the tables
  CREATE INDEX story_features_version ON story_features(doc_id, version);
  CREATE INDEX story_ledger_version ON story_ledger(doc_id, version);
  `,
  // 4: the full-text index is written by the store with each batch of documents (src/store/sqlite/
  // writes.ts: title, outlet and text passed from the article in hand, one FTS5 flush per
  // transaction) instead of by triggers that parsed each article's JSON three times per row. The
  // delete trigger stays: it is cheap and keeps the index right whatever deletes an article.
  `
  DROP TRIGGER article_fts_before_insert;
  DROP TRIGGER article_fts_after_insert;
  DROP TRIGGER article_fts_after_update;
  `,
  // 5: a story's cached reports by kind: the full story report (what a server's story page serves)
  // and the cross-check alone (what the report builder reuses) each have their row, so a CLI run and
  // a server no longer evict each other's cache entry (one row per story did). A cache: not copied.
  `
  DROP TABLE story_reports;
  CREATE TABLE story_reports (
    story_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (story_id, kind)
  );
  `,
  // 6: undated articles of sealed stories (src/stories/ledger.ts toSeal) are not replayed: a run
  // reads the open undated ones through a partial index instead of every undated row. Vector keys
  // are stored as ids of a key dictionary (store/ledger-rows.ts KeyDictionary), not as joined
  // strings: the ledger is derived data, so it is emptied and the next run places every article again.
  `
  DELETE FROM story_ledger;
  DELETE FROM story_ledger_stories;
  DELETE FROM story_ledger_terms;
  DELETE FROM story_ledger_days;
  DELETE FROM story_ledger_meta;
  ALTER TABLE story_ledger DROP COLUMN keys;
  ALTER TABLE story_ledger ADD COLUMN key_ids BLOB NOT NULL DEFAULT x'';
  ALTER TABLE story_ledger ADD COLUMN sealed INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX story_ledger_open_undated ON story_ledger(doc_id) WHERE t IS NULL AND sealed = 0;
  CREATE TABLE story_ledger_keys (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE);
  `,
  // 7: what the ledger must look at (src/store/sqlite/story-ledger.ts pending, orphans): every
  // article whose story features were written or deleted since the ledger last found it settled
  // is queued by triggers (whoever writes story_features), so a run reads the queue, not every
  // row of the two tables (two whole-index scans per run: the stream slowed past 300k articles).
  // Filled once with what is pending or orphaned now; the two indexes of that scan go.
  `
  CREATE TABLE story_ledger_queue (doc_id TEXT PRIMARY KEY) WITHOUT ROWID;
  CREATE TRIGGER story_ledger_queue_insert AFTER INSERT ON story_features BEGIN
    INSERT OR IGNORE INTO story_ledger_queue (doc_id) VALUES (new.doc_id);
  END;
  CREATE TRIGGER story_ledger_queue_update AFTER UPDATE ON story_features BEGIN
    INSERT OR IGNORE INTO story_ledger_queue (doc_id) VALUES (old.doc_id);
    INSERT OR IGNORE INTO story_ledger_queue (doc_id) VALUES (new.doc_id);
  END;
  CREATE TRIGGER story_ledger_queue_delete AFTER DELETE ON story_features BEGIN
    INSERT OR IGNORE INTO story_ledger_queue (doc_id) VALUES (old.doc_id);
  END;
  INSERT OR IGNORE INTO story_ledger_queue (doc_id)
    SELECT f.doc_id FROM story_features f WHERE NOT EXISTS (SELECT 1 FROM story_ledger l WHERE l.doc_id = f.doc_id AND l.version = f.version);
  INSERT OR IGNORE INTO story_ledger_queue (doc_id)
    SELECT l.doc_id FROM story_ledger l WHERE NOT EXISTS (SELECT 1 FROM story_features f WHERE f.doc_id = l.doc_id);
  DROP INDEX story_features_version;
  DROP INDEX story_ledger_version;
  `,
  // 8: a ledger row's features (the article's features without terms) packed in a binary column
  // (store/ledger-packed.ts: the sketch as uint32s, entity and place ids as key-dictionary ids)
  // instead of JSON in lite, which was most of a row's bytes. Rows written before keep their JSON
  // and are read as they are: nothing is rebuilt.
  `
  ALTER TABLE story_ledger ADD COLUMN packed BLOB;
  `,
  // 9: a closed story's people (src/stories/follow-up.ts closingPeople: the surnames most of its
  // members name, a JSON array) beside its signature, so that a ledger run tests whether a follow-up
  // may wake it before reading its members. Stories closed before have none (NULL): their members
  // are read as before, until a run closes them again.
  `
  ALTER TABLE story_ledger_stories ADD COLUMN people TEXT;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

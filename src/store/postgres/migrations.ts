import type { Connection } from './connect.js';

/**
 * PostgreSQL schema, versioned in the one-row table `triangulate_schema`. Index i brings the
 * schema from version i to i + 1; append only. Ids and keys use the "C" collation so that every
 * ORDER BY sorts as the SQLite back-end (bytewise) does, whatever the database's locale.
 * Article data is kept as the JSON text written (not jsonb, which would reorder keys), with the
 * few fields queries filter on copied into columns.
 */
export const MIGRATIONS: string[] = [
  `
  CREATE TABLE documents (
    id text COLLATE "C" PRIMARY KEY,
    source text NOT NULL,
    format text NOT NULL,
    content_type text NOT NULL,
    encoding text NOT NULL,
    content text NOT NULL,
    meta text NOT NULL,
    added_at text NOT NULL
  );
  CREATE TABLE document_sources (
    source text COLLATE "C" NOT NULL,
    doc_id text COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (source, doc_id)
  );
  CREATE TABLE articles (
    doc_id text COLLATE "C" PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    version text NOT NULL,
    title text,
    outlet text COLLATE "C",
    data text NOT NULL,
    search tsvector NOT NULL
  );
  -- full-text search: title, outlet and clean text, no stemming (as SQLite's unicode61)
  CREATE INDEX articles_search ON articles USING GIN (search);
  CREATE INDEX articles_outlet ON articles (lower(outlet));
  CREATE TABLE annotations (
    doc_id text COLLATE "C" PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    version text NOT NULL,
    data text NOT NULL
  );
  CREATE TABLE story_features (
    doc_id text COLLATE "C" PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    version text NOT NULL,
    published text,
    data text NOT NULL
  );
  CREATE TABLE stories (
    id text COLLATE "C" PRIMARY KEY,
    data text NOT NULL,
    span_start text COLLATE "C",
    span_end text COLLATE "C",
    updated_at text COLLATE "C" NOT NULL
  );
  CREATE TABLE story_members (
    doc_id text COLLATE "C" PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    story_id text COLLATE "C" NOT NULL
  );
  CREATE INDEX story_members_story ON story_members(story_id);
  CREATE TABLE story_reports (
    story_id text COLLATE "C" PRIMARY KEY,
    key text NOT NULL,
    data text NOT NULL
  );
  `,
  // 2: the work queue, in the same database so a job is finished in the transaction that writes its results
  `
  CREATE TABLE jobs (
    id bigserial PRIMARY KEY,
    kind text NOT NULL,
    key text COLLATE "C" NOT NULL,
    payload text NOT NULL DEFAULT '',
    status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'dead')),
    attempts int NOT NULL DEFAULT 0,
    max_attempts int NOT NULL DEFAULT 3,
    generation int NOT NULL DEFAULT 0,
    claimed_generation int,
    batch text,
    run_after timestamptz NOT NULL DEFAULT now(),
    enqueued_at timestamptz NOT NULL DEFAULT now(),
    started_at timestamptz,
    finished_at timestamptz,
    worker text,
    worker_pid int,
    outcome text,
    last_error text,
    UNIQUE (kind, key)
  );
  CREATE INDEX jobs_queued ON jobs (kind, id) WHERE status = 'queued';
  CREATE INDEX jobs_running ON jobs (worker_pid) WHERE status = 'running';
  CREATE INDEX jobs_batch ON jobs (batch) WHERE batch IS NOT NULL;
  `,
  // 3: the story ledger (src/stories/ledger.ts), as in SQLite's migration 3: per placed article its
  // pass time, publication day, pass story, copy link, vector (keys joined by U+0001, float32
  // weights), features without terms and the story-features version placed; pass stories; closed stories' signatures; articles per
  // publication day; the document-frequency table. Derived: dropping the rows rebuilds it.
  `
  CREATE TABLE story_ledger (
    doc_id text COLLATE "C" PRIMARY KEY,
    t integer,
    day integer,
    story text COLLATE "C" NOT NULL,
    copy_of text COLLATE "C",
    keys text NOT NULL,
    vals bytea NOT NULL,
    lite text NOT NULL,
    output text COLLATE "C",
    version text
  );
  CREATE INDEX story_ledger_t ON story_ledger(t);
  CREATE INDEX story_ledger_story ON story_ledger(story);
  CREATE TABLE story_ledger_stories (
    id text COLLATE "C" PRIMARY KEY,
    founder text COLLATE "C" NOT NULL,
    founder_t integer,
    closed_at integer
  );
  CREATE INDEX story_ledger_stories_closed ON story_ledger_stories(closed_at);
  CREATE INDEX story_ledger_stories_founded ON story_ledger_stories(founder_t);
  CREATE TABLE story_ledger_terms (term text COLLATE "C" NOT NULL, story text COLLATE "C" NOT NULL, PRIMARY KEY (term, story));
  CREATE INDEX story_ledger_terms_story ON story_ledger_terms(story);
  CREATE TABLE story_ledger_days (day integer PRIMARY KEY, n integer NOT NULL);
  CREATE TABLE story_ledger_meta (key text COLLATE "C" PRIMARY KEY, value bytea NOT NULL);
  -- what is pending (stored, not placed in this version) is found by scanning these two indexes, not the tables
  CREATE INDEX story_features_version ON story_features(doc_id, version);
  CREATE INDEX story_ledger_version ON story_ledger(doc_id, version);
  `,
  // 4: following's memory (src/follow), as in the SQLite back-end: sources' status and validators, entries taken
  `
  CREATE TABLE IF NOT EXISTS follow_sources (
    url text COLLATE "C" PRIMARY KEY,
    kind text,
    status text NOT NULL DEFAULT 'new',
    detail text NOT NULL DEFAULT '',
    etag text,
    last_modified text,
    checked_at text,
    ok_at text,
    last_new int NOT NULL DEFAULT 0,
    total_new int NOT NULL DEFAULT 0,
    parent text COLLATE "C"
  );
  CREATE TABLE IF NOT EXISTS follow_seen (
    url text COLLATE "C" PRIMARY KEY,
    source text COLLATE "C" NOT NULL,
    doc_id text,
    seen_at text NOT NULL
  );
  CREATE INDEX IF NOT EXISTS follow_seen_source ON follow_seen (source);
  `,
  // 5: a story's cached reports by kind, as in SQLite's migration 5 (the full story report and the
  // cross-check alone each have their row; one row per story made a CLI run and a server evict each other)
  `
  DROP TABLE story_reports;
  CREATE TABLE story_reports (
    story_id text COLLATE "C" NOT NULL,
    kind text NOT NULL,
    key text NOT NULL,
    data text NOT NULL,
    PRIMARY KEY (story_id, kind)
  );
  `,
  // 6: as SQLite's migration 6: sealed undated articles, vector keys as ids of a key dictionary
  // (the ledger is derived data: emptied, the next run places every article again)
  `
  DELETE FROM story_ledger;
  DELETE FROM story_ledger_stories;
  DELETE FROM story_ledger_terms;
  DELETE FROM story_ledger_days;
  DELETE FROM story_ledger_meta;
  ALTER TABLE story_ledger DROP COLUMN keys;
  ALTER TABLE story_ledger ADD COLUMN key_ids bytea NOT NULL DEFAULT ''::bytea;
  ALTER TABLE story_ledger ADD COLUMN sealed smallint NOT NULL DEFAULT 0;
  CREATE INDEX story_ledger_open_undated ON story_ledger(doc_id) WHERE t IS NULL AND sealed = 0;
  CREATE TABLE story_ledger_keys (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, key text COLLATE "C" NOT NULL UNIQUE);
  `,
  // 7: as SQLite's migration 7: a trigger on story_features queues every article written or
  // deleted, and a ledger run reads the queue instead of scanning both tables. Each queue entry
  // carries a stamp that every write renews: a run removes an entry it found settled only with the
  // stamp it read, so a concurrent write (a worker storing new features meanwhile) keeps its entry.
  `
  CREATE SEQUENCE story_ledger_queue_stamp;
  CREATE TABLE story_ledger_queue (doc_id text COLLATE "C" PRIMARY KEY, stamp bigint NOT NULL);
  CREATE FUNCTION story_ledger_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP <> 'INSERT' THEN
      INSERT INTO story_ledger_queue (doc_id, stamp) VALUES (OLD.doc_id, nextval('story_ledger_queue_stamp'))
      ON CONFLICT (doc_id) DO UPDATE SET stamp = excluded.stamp;
    END IF;
    IF TG_OP <> 'DELETE' THEN
      INSERT INTO story_ledger_queue (doc_id, stamp) VALUES (NEW.doc_id, nextval('story_ledger_queue_stamp'))
      ON CONFLICT (doc_id) DO UPDATE SET stamp = excluded.stamp;
    END IF;
    RETURN NULL;
  END $$;
  CREATE TRIGGER story_ledger_enqueue AFTER INSERT OR UPDATE OR DELETE ON story_features FOR EACH ROW EXECUTE FUNCTION story_ledger_enqueue();
  INSERT INTO story_ledger_queue (doc_id, stamp)
    SELECT f.doc_id, nextval('story_ledger_queue_stamp') FROM story_features f LEFT JOIN story_ledger l ON l.doc_id = f.doc_id WHERE l.doc_id IS NULL OR l.version IS DISTINCT FROM f.version
    ON CONFLICT (doc_id) DO NOTHING;
  INSERT INTO story_ledger_queue (doc_id, stamp)
    SELECT l.doc_id, nextval('story_ledger_queue_stamp') FROM story_ledger l WHERE NOT EXISTS (SELECT 1 FROM story_features f WHERE f.doc_id = l.doc_id)
    ON CONFLICT (doc_id) DO NOTHING;
  DROP INDEX story_features_version;
  DROP INDEX story_ledger_version;
  `,
  // 8: as SQLite's migration 8: a ledger row's features packed (store/ledger-packed.ts) in a
  // column of their own; rows written before keep their JSON in lite and are read as they are
  `
  ALTER TABLE story_ledger ADD COLUMN packed bytea;
  `,
  // 9: as SQLite's migration 9: a closed story's people (a JSON array of surnames) beside its
  // signature; NULL for stories closed before (their members are read as before)
  `
  ALTER TABLE story_ledger_stories ADD COLUMN people text;
  `,
];

export const PG_SCHEMA_VERSION = MIGRATIONS.length;

/** Advisory lock keys (one 64-bit namespace per database). */
export const LOCKS = { migrate: 7_214_001, stories: 7_214_002 } as const;

/**
 * Brings the database to this version in one transaction under an advisory lock, re-reading the
 * version once the lock is held: any number of processes may start at once; one migrates, the
 * others find it done. A newer schema is refused untouched.
 */
export async function migrate(conn: Connection, upTo = PG_SCHEMA_VERSION): Promise<{ from: number; to: number }> {
  return conn.tx(async (c) => {
    await c.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.migrate]);
    await c.query('CREATE TABLE IF NOT EXISTS triangulate_schema (version int NOT NULL)');
    const rows = (await c.query('SELECT version FROM triangulate_schema')).rows as { version: number }[];
    if (!rows.length) await c.query('INSERT INTO triangulate_schema (version) VALUES (0)');
    const from = rows[0]?.version ?? 0;
    if (from > PG_SCHEMA_VERSION) {
      throw new Error(`database schema version ${from} is newer than this triangulate (${PG_SCHEMA_VERSION}); upgrade triangulate`);
    }
    for (let v = from; v < upTo; v++) await c.query(MIGRATIONS[v]);
    const to = Math.max(from, upTo);
    await c.query('UPDATE triangulate_schema SET version = $1', [to]);
    return { from, to };
  });
}

export async function schemaVersion(conn: Connection): Promise<number> {
  const rows = await conn.query<{ version: number }>("SELECT version FROM triangulate_schema WHERE to_regclass('triangulate_schema') IS NOT NULL").catch(() => []);
  return rows[0]?.version ?? 0;
}

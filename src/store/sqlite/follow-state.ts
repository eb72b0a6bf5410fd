/**
 * What following remembers (src/follow), in the same SQLite store as the articles (tables of its own): each
 * source's status and validators (ETag, Last-Modified), and every entry URL already taken, so that
 * polling again never ingests an entry twice, even when its page changed a little (ads, counters).
 * The tables are created on first use, so a store that never follows anything never gets them.
 */
import type Database from 'better-sqlite3';
import type { FollowMemory, FollowSource } from '../types.js';

export class SqliteFollowMemory implements FollowMemory {
  private ready = false;

  constructor(private readonly handle: Database.Database) {}

  private get db(): Database.Database {
    if (!this.ready) {
      this.handle.exec(`
        CREATE TABLE IF NOT EXISTS follow_sources (
          url TEXT PRIMARY KEY, kind TEXT, status TEXT NOT NULL DEFAULT 'new', detail TEXT NOT NULL DEFAULT '',
          etag TEXT, last_modified TEXT, checked_at TEXT, ok_at TEXT,
          last_new INTEGER NOT NULL DEFAULT 0, total_new INTEGER NOT NULL DEFAULT 0, parent TEXT);
        CREATE TABLE IF NOT EXISTS follow_seen (
          url TEXT PRIMARY KEY, source TEXT NOT NULL, doc_id TEXT, seen_at TEXT NOT NULL);`);
      this.ready = true;
    }
    return this.handle;
  }

  async source(url: string): Promise<FollowSource | null> {
    const r = this.db.prepare('SELECT * FROM follow_sources WHERE url = ?').get(url) as Record<string, unknown> | undefined;
    return r ? followSourceRow(r) : null;
  }

  async sources(): Promise<FollowSource[]> {
    return (this.db.prepare('SELECT * FROM follow_sources ORDER BY coalesce(parent, url), parent IS NOT NULL, url').all() as Record<string, unknown>[]).map(followSourceRow);
  }

  async saveSource(row: Omit<FollowSource, 'totalNew' | 'checkedAt' | 'okAt'>, at: string): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO follow_sources (url, kind, status, detail, etag, last_modified, checked_at, ok_at, last_new, total_new, parent)
         VALUES (@url, @kind, @status, @detail, @etag, @lastModified, @at, CASE WHEN @status != 'error' THEN @at END, @lastNew, @lastNew, @parent)
         ON CONFLICT(url) DO UPDATE SET kind = coalesce(excluded.kind, kind), status = excluded.status, detail = excluded.detail,
           etag = coalesce(excluded.etag, etag), last_modified = coalesce(excluded.last_modified, last_modified),
           checked_at = excluded.checked_at, ok_at = coalesce(excluded.ok_at, ok_at), last_new = excluded.last_new,
           total_new = total_new + excluded.last_new, parent = coalesce(excluded.parent, parent)`,
      )
      .run({ url: row.url, kind: row.kind, status: row.status, detail: row.detail, etag: row.etag, lastModified: row.lastModified, lastNew: row.lastNew, parent: row.parent, at });
  }

  async seen(urls: string[]): Promise<Set<string>> {
    const one = this.db.prepare('SELECT 1 FROM follow_seen WHERE url = ?');
    return new Set(urls.filter((u) => one.get(u) !== undefined));
  }

  async markSeen(entries: { url: string; docId: string | null }[], source: string, at: string): Promise<void> {
    const insert = this.db.prepare('INSERT OR IGNORE INTO follow_seen (url, source, doc_id, seen_at) VALUES (?, ?, ?, ?)');
    this.db.transaction(() => {
      for (const e of entries) insert.run(e.url, source, e.docId, at);
    })();
  }

  async seenCount(source: string): Promise<number> {
    return (this.db.prepare('SELECT count(*) AS n FROM follow_seen WHERE source = ?').get(source) as { n: number }).n;
  }
}

/** A follow_sources row (either back-end: same column names) as a FollowSource. */
export function followSourceRow(r: Record<string, unknown>): FollowSource {
  return {
    url: String(r.url),
    kind: (r.kind as string | null) ?? null,
    status: String(r.status),
    detail: String(r.detail ?? ''),
    etag: (r.etag as string | null) ?? null,
    lastModified: (r.last_modified as string | null) ?? null,
    checkedAt: (r.checked_at as string | null) ?? null,
    okAt: (r.ok_at as string | null) ?? null,
    lastNew: Number(r.last_new ?? 0),
    totalNew: Number(r.total_new ?? 0),
    parent: (r.parent as string | null) ?? null,
  };
}

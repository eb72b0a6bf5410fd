/**
 * What following remembers (src/follow) in PostgreSQL: the same two tables as the SQLite back-end
 * (`follow_sources`, `follow_seen`, created by migration 3), so a `follow` or `serve --follow` on
 * PostgreSQL keeps its validators, statuses and taken entries across restarts, and several
 * processes following into one database never take an entry twice (`ON CONFLICT DO NOTHING`).
 */
import { followSourceRow } from '../sqlite/follow-state.js';
import type { FollowMemory, FollowSource } from '../types.js';
import type { Connection } from './connect.js';

export class PgFollowMemory implements FollowMemory {
  constructor(private readonly conn: Connection) {}

  async source(url: string): Promise<FollowSource | null> {
    const r = (await this.conn.query('SELECT * FROM follow_sources WHERE url = $1', [url]))[0];
    return r ? followSourceRow(r) : null;
  }

  async sources(): Promise<FollowSource[]> {
    const rows = await this.conn.query('SELECT * FROM follow_sources ORDER BY coalesce(parent, url), parent IS NOT NULL, url');
    return rows.map(followSourceRow);
  }

  async saveSource(row: Omit<FollowSource, 'totalNew' | 'checkedAt' | 'okAt'>, at: string): Promise<void> {
    await this.conn.query(
      `INSERT INTO follow_sources AS s (url, kind, status, detail, etag, last_modified, checked_at, ok_at, last_new, total_new, parent)
       VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $3 <> 'error' THEN $7 END, $8, $8, $9)
       ON CONFLICT (url) DO UPDATE SET kind = coalesce(excluded.kind, s.kind), status = excluded.status, detail = excluded.detail,
         etag = coalesce(excluded.etag, s.etag), last_modified = coalesce(excluded.last_modified, s.last_modified),
         checked_at = excluded.checked_at, ok_at = coalesce(excluded.ok_at, s.ok_at), last_new = excluded.last_new,
         total_new = s.total_new + excluded.last_new, parent = coalesce(excluded.parent, s.parent)`,
      [row.url, row.kind, row.status, row.detail, row.etag, row.lastModified, at, row.lastNew, row.parent],
    );
  }

  async seen(urls: string[]): Promise<Set<string>> {
    if (!urls.length) return new Set();
    const rows = await this.conn.query<{ url: string }>('SELECT url FROM follow_seen WHERE url = ANY($1::text[])', [urls]);
    return new Set(rows.map((r) => r.url));
  }

  async markSeen(entries: { url: string; docId: string | null }[], source: string, at: string): Promise<void> {
    if (!entries.length) return;
    // one row per URL, inserted in one (bytewise) order: two processes marking overlapping entries
    // take the row locks in the same order, so they wait for each other instead of deadlocking
    const byUrl = new Map<string, string | null>();
    for (const e of entries) if (!byUrl.has(e.url)) byUrl.set(e.url, e.docId);
    const urls = [...byUrl.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    await this.conn.query(
      `INSERT INTO follow_seen (url, source, doc_id, seen_at)
       SELECT u, $3, d, $4 FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS e(u, d, n) ORDER BY n
       ON CONFLICT (url) DO NOTHING`,
      [urls, urls.map((u) => byUrl.get(u) ?? null), source, at],
    );
  }

  async seenCount(source: string): Promise<number> {
    return (await this.conn.query<{ n: number }>('SELECT count(*)::int AS n FROM follow_seen WHERE source = $1', [source]))[0]?.n ?? 0;
  }
}

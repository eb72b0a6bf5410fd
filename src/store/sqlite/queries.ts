import type { ArticleHit, StoredStory, StoryFilter, StoryRow } from '../types.js';
import { entityNeedle, page, searchWords } from '../types.js';
import type { SqliteStore as Store } from './store.js';

/**
 * Read queries the HTTP server needs over the store (list and filter stories, full-text search)
 * and the per-story membership writes of incremental grouping. Plain SQL over the tables of
 * migrations.ts; the FTS5 table `article_fts` is written with each
 * article by writes.ts (and emptied by a delete trigger, migration 3).
 */

/** Turns user input into a safe FTS5 query: each word quoted (no operators injected), ANDed. */
export function ftsQuery(input: string): string | null {
  const parts = searchWords(input).map(({ word, prefix }) => `"${word}"${prefix ? '*' : ''}`);
  return parts.length ? parts.join(' ') : null;
}

/** Stories matching the filter, newest first (latest dated article, then last update), with the total count. */
export function listStories(store: Store, f: StoryFilter = {}): { total: number; stories: StoryRow[] } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.q !== undefined && f.q.trim() !== '') {
    const q = ftsQuery(f.q);
    if (q === null) return { total: 0, stories: [] };
    params.q = q;
    where.push(`EXISTS (SELECT 1 FROM story_members m JOIN articles a ON a.doc_id = m.doc_id
      WHERE m.story_id = s.id AND a.rowid IN (SELECT rowid FROM article_fts WHERE article_fts MATCH @q))`);
  }
  if (f.entity?.trim()) {
    params.entity = `%${entityNeedle(f.entity)}%`;
    where.push(`EXISTS (SELECT 1 FROM json_each(s.data, '$.entities') e WHERE lower(json_extract(e.value, '$.id')) LIKE @entity)`);
  }
  if (f.outlet?.trim()) {
    params.outlet = f.outlet.trim().toLowerCase();
    where.push(`EXISTS (SELECT 1 FROM story_members m JOIN articles a ON a.doc_id = m.doc_id
      WHERE m.story_id = s.id AND lower(json_extract(a.data, '$.outlet')) = @outlet)`);
  }
  if (f.from) {
    params.from = f.from.slice(0, 10);
    where.push(`coalesce(json_extract(s.data, '$.span.end'), json_extract(s.data, '$.span.start')) >= @from`);
  }
  if (f.to) {
    params.to = f.to.slice(0, 10);
    where.push(`coalesce(json_extract(s.data, '$.span.start'), json_extract(s.data, '$.span.end')) <= @to`);
  }
  const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (store.db.prepare(`SELECT count(*) AS n FROM stories s ${cond}`).get(params) as { n: number }).n;
  const { limit, offset } = page(f);
  const rows = store.db
    .prepare(
      `SELECT s.id, s.data, s.updated_at, json_extract(s.data, '$.span.end') AS span_end FROM stories s ${cond}
       ORDER BY span_end IS NULL, span_end DESC, s.updated_at DESC, s.id LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit, offset }) as { id: string; data: string; updated_at: string }[];
  return { total, stories: rows.map((r) => storyRow(store, r)) };
}

export function storyRow(store: Store, r: { id: string; data: string; updated_at: string }): StoryRow {
  const data = JSON.parse(r.data) as Record<string, unknown>;
  const members = (store.db.prepare('SELECT doc_id FROM story_members WHERE story_id = ? ORDER BY doc_id').all(r.id) as { doc_id: string }[]).map((m) => m.doc_id);
  const outlets = (
    store.db
      .prepare(
        `SELECT DISTINCT json_extract(a.data, '$.outlet') AS outlet FROM story_members m JOIN articles a ON a.doc_id = m.doc_id
         WHERE m.story_id = ? AND json_extract(a.data, '$.outlet') IS NOT NULL ORDER BY outlet`,
      )
      .all(r.id) as { outlet: string }[]
  ).map((o) => o.outlet);
  const span = (data.span as StoryRow['span'] | undefined) ?? { start: null, end: null };
  return {
    id: r.id,
    title: typeof data.title === 'string' ? data.title : null,
    members,
    outlets,
    span,
    independentSources: typeof data.independentSources === 'number' ? data.independentSources : members.length,
    updatedAt: r.updated_at,
    data,
  };
}

/** Ids of articles matching a full-text query, best match first. */
export function searchArticles(store: Store, q: string, limit = 50): ArticleHit[] {
  const fq = ftsQuery(q);
  if (!fq) return [];
  const rows = store.db
    .prepare(
      `SELECT a.doc_id, json_extract(a.data, '$.title') AS title, json_extract(a.data, '$.outlet') AS outlet
       FROM article_fts JOIN articles a ON a.rowid = article_fts.rowid WHERE article_fts MATCH ? ORDER BY rank, a.doc_id LIMIT ?`,
    )
    .all(fq, Math.max(1, Math.min(limit, 500))) as { doc_id: string; title: string | null; outlet: string | null }[];
  return rows.map((r) => ({ docId: r.doc_id, title: r.title, outlet: r.outlet }));
}

/**
 * Saves one story's grouping and membership (one transaction): the story row is upserted (its
 * `updated_at` moves only when the data changes), its members replaced, and members that belonged
 * to it before but no longer do are released. The cached report is dropped when the data changed.
 */
export function saveStoryMembership(store: Store, story: StoredStory): void {
  const q = membershipStatements(store);
  store.transaction(() => {
    const json = JSON.stringify(story.data);
    const old = q.data.get(story.id) as { data: string } | undefined;
    if (old?.data !== json) q.upsertStory.run(story.id, json, new Date().toISOString());
    // only the rows that differ are written: a story that took a few articles keeps the rest
    const before = new Set(q.members.all(story.id) as string[]);
    const after = new Set(story.members);
    for (const d of before) if (!after.has(d)) q.release.run(d, story.id);
    for (const m of after) if (!before.has(m) && q.exists.get(m)) q.join.run(m, story.id);
  });
}

const statements = new WeakMap<Store['db'], ReturnType<typeof prepareMembership>>();

/** The membership writes' statements, prepared once per database (a ledger run saves hundreds of stories). */
function membershipStatements(store: Store) {
  let q = statements.get(store.db);
  if (!q) statements.set(store.db, (q = prepareMembership(store.db)));
  return q;
}

function prepareMembership(db: Store['db']) {
  return {
    data: db.prepare('SELECT data FROM stories WHERE id = ?'),
    upsertStory: db.prepare('INSERT INTO stories (id, data, updated_at) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at'),
    members: db.prepare('SELECT doc_id FROM story_members WHERE story_id = ?').pluck(),
    release: db.prepare('DELETE FROM story_members WHERE doc_id = ? AND story_id = ?'),
    join: db.prepare('INSERT INTO story_members (doc_id, story_id) VALUES (?, ?) ON CONFLICT(doc_id) DO UPDATE SET story_id = excluded.story_id'),
    exists: db.prepare('SELECT 1 FROM documents WHERE id = ?'),
  };
}

/** Distinct outlets of stored articles, with article counts (for filters). */
export function outletCounts(store: Store): { outlet: string; articles: number }[] {
  return store.db
    .prepare(
      `SELECT json_extract(data, '$.outlet') AS outlet, count(*) AS n FROM articles
       WHERE json_extract(data, '$.outlet') IS NOT NULL GROUP BY outlet ORDER BY n DESC, outlet`,
    )
    .all()
    .map((r) => ({ outlet: (r as { outlet: string }).outlet, articles: (r as { n: number }).n }));
}

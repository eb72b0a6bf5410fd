import { entityNeedle, page, searchWords, type ArticleHit, type StoryFilter, type StoryRow } from '../types.js';
import type { Connection } from './connect.js';

/**
 * The server's read queries in PostgreSQL: story lists with filters and full-text search over a
 * `tsvector` column with a GIN index (the 'simple' configuration: no stemming, as SQLite's FTS5
 * unicode61 tokenizer).
 */

export interface StoryRecord extends Record<string, unknown> {
  id: string;
  data: string;
  updated_at: string;
}

/** A tsquery built from plain words (each quoted as a lexeme: no operator from the user reaches it), ANDed; `word*` is a prefix. */
export function tsQuery(input: string): string | null {
  const parts = searchWords(input)
    .map(({ word, prefix }) => {
      const lexemes = word.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
      if (!lexemes.length) return '';
      const quoted = lexemes.map((l) => `'${l}'`);
      if (prefix) quoted[quoted.length - 1] += ':*';
      return quoted.length > 1 ? `(${quoted.join(' <-> ')})` : quoted[0];
    })
    .filter(Boolean);
  return parts.length ? parts.join(' & ') : null;
}

export async function listStories(conn: Connection, f: StoryFilter = {}): Promise<{ total: number; stories: StoryRow[] }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  if (f.q !== undefined && f.q.trim() !== '') {
    const q = tsQuery(f.q);
    if (q === null) return { total: 0, stories: [] };
    where.push(`EXISTS (SELECT 1 FROM story_members m JOIN articles a ON a.doc_id = m.doc_id
      WHERE m.story_id = s.id AND a.search @@ to_tsquery('simple', ${param(q)}))`);
  }
  if (f.entity?.trim()) {
    where.push(`EXISTS (SELECT 1 FROM json_array_elements(coalesce(s.data::json -> 'entities', '[]'::json)) e WHERE lower(e ->> 'id') LIKE ${param(`%${entityNeedle(f.entity)}%`)})`);
  }
  if (f.outlet?.trim()) {
    where.push(`EXISTS (SELECT 1 FROM story_members m JOIN articles a ON a.doc_id = m.doc_id WHERE m.story_id = s.id AND lower(a.outlet) = ${param(f.outlet.trim().toLowerCase())})`);
  }
  if (f.from) where.push(`coalesce(s.span_end, s.span_start) >= ${param(f.from.slice(0, 10))}`);
  if (f.to) where.push(`coalesce(s.span_start, s.span_end) <= ${param(f.to.slice(0, 10))}`);
  const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (await conn.query<{ n: number }>(`SELECT count(*)::int AS n FROM stories s ${cond}`, params))[0].n;
  const { limit, offset } = page(f);
  const rows = await conn.query<StoryRecord>(
    `SELECT s.id, s.data, s.updated_at FROM stories s ${cond}
     ORDER BY s.span_end IS NULL, s.span_end DESC, s.updated_at DESC, s.id LIMIT ${param(limit)} OFFSET ${param(offset)}`,
    params,
  );
  const stories: StoryRow[] = [];
  for (const r of rows) stories.push(await storyRow(conn, r));
  return { total, stories };
}

export async function storyRow(conn: Connection, r: StoryRecord): Promise<StoryRow> {
  const data = JSON.parse(r.data) as Record<string, unknown>;
  const m = await conn.query<{ members: string[]; outlets: string[] }>(
    `SELECT coalesce(array_agg(m.doc_id ORDER BY m.doc_id), '{}') AS members,
            coalesce(array_agg(DISTINCT a.outlet ORDER BY a.outlet) FILTER (WHERE a.outlet IS NOT NULL), '{}') AS outlets
     FROM story_members m LEFT JOIN articles a ON a.doc_id = m.doc_id WHERE m.story_id = $1`,
    [r.id],
  );
  const members = m[0]?.members ?? [];
  const span = (data.span as StoryRow['span'] | undefined) ?? { start: null, end: null };
  return {
    id: r.id,
    title: typeof data.title === 'string' ? data.title : null,
    members,
    outlets: m[0]?.outlets ?? [],
    span,
    independentSources: typeof data.independentSources === 'number' ? data.independentSources : members.length,
    updatedAt: r.updated_at,
    data,
  };
}

export async function searchArticles(conn: Connection, q: string, limit = 50): Promise<ArticleHit[]> {
  const tq = tsQuery(q);
  if (!tq) return [];
  const rows = await conn.query<{ doc_id: string; title: string | null; outlet: string | null }>(
    `SELECT doc_id, title, outlet FROM articles, to_tsquery('simple', $1) query WHERE search @@ query
     ORDER BY ts_rank(search, query) DESC, doc_id LIMIT $2`,
    [tq, Math.max(1, Math.min(limit, 500))],
  );
  return rows.map((r) => ({ docId: r.doc_id, title: r.title, outlet: r.outlet }));
}

export async function outletCounts(conn: Connection): Promise<{ outlet: string; articles: number }[]> {
  const rows = await conn.query<{ outlet: string; n: number }>(
    'SELECT outlet, count(*)::int AS n FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY n DESC, outlet',
  );
  return rows.map((r) => ({ outlet: r.outlet, articles: r.n }));
}

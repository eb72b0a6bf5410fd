import type { RawDocument } from '../../model/types.js';
import type { DocumentOutputs } from '../types.js';
import type { Queryable } from './connect.js';

/**
 * Document writes as plain functions over a connection, so that the store (its own transaction)
 * and the work queue (the job's transaction) write a document the same way.
 */

/** PostgreSQL text cannot hold NUL; the JSON columns escape it, the copied columns drop it. */
const noNul = (s: string | null | undefined) => (s == null ? null : s.replace(/\0/g, ''));

/** tsvector has a 1 MB limit: index the first part of very long texts. */
const SEARCH_CHARS = 200_000;

export async function writeDocument(c: Queryable, raw: RawDocument, o: DocumentOutputs): Promise<void> {
  const { article: _article, ...annotations } = o.annotated;
  const a = o.article;
  const searchText = `${a.title ?? ''} ${a.outlet ?? ''} ${(a.text ?? '').slice(0, SEARCH_CHARS)}`;
  // one statement (data-modifying CTEs; foreign keys are checked at its end): one round trip per document
  await c.query(
    `WITH doc AS (
       INSERT INTO documents (id, source, format, content_type, encoding, content, meta, added_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING),
     src AS (INSERT INTO document_sources (source, doc_id) VALUES ($2, $1) ON CONFLICT DO NOTHING),
     art AS (
       INSERT INTO articles (doc_id, version, title, outlet, data, search) VALUES ($1, $9, $10, $11, $12, to_tsvector('simple', $13))
       ON CONFLICT (doc_id) DO UPDATE SET version = excluded.version, title = excluded.title, outlet = excluded.outlet, data = excluded.data, search = excluded.search),
     ann AS (
       INSERT INTO annotations (doc_id, version, data) VALUES ($1, $14, $15)
       ON CONFLICT (doc_id) DO UPDATE SET version = excluded.version, data = excluded.data)
     INSERT INTO story_features (doc_id, version, published, data) VALUES ($1, $16, $17, $18)
     ON CONFLICT (doc_id) DO UPDATE SET version = excluded.version, published = excluded.published, data = excluded.data`,
    [
      raw.id,
      noNul(raw.source),
      raw.format,
      raw.contentType,
      raw.encoding,
      noNul(raw.content),
      JSON.stringify(raw.meta),
      new Date().toISOString(),
      o.articleVersion,
      noNul(a.title),
      noNul(a.outlet),
      JSON.stringify(a),
      noNul(searchText),
      o.annotationsVersion,
      JSON.stringify(annotations),
      o.featuresVersion,
      a.published?.iso ?? null,
      JSON.stringify(o.features),
    ],
  );
}

export async function addSource(c: Queryable, docId: string, source: string): Promise<void> {
  await c.query('INSERT INTO document_sources (source, doc_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [noNul(source), docId]);
}

/** Replaces the story table with a grouping (inside the caller's transaction). */
export async function writeStories(c: Queryable, stories: { id: string; members: string[]; data: unknown }[]): Promise<void> {
  const ids = stories.map((s) => s.id);
  await c.query('DELETE FROM story_members');
  await c.query('DELETE FROM story_reports WHERE NOT (story_id = ANY($1::text[]))', [ids]);
  await c.query('DELETE FROM stories WHERE NOT (id = ANY($1::text[]))', [ids]);
  const now = new Date().toISOString();
  for (const s of stories) await upsertStory(c, s, now, false);
  const docs = stories.flatMap((s) => s.members);
  const owners = stories.flatMap((s) => s.members.map(() => s.id));
  if (docs.length) await c.query('INSERT INTO story_members (doc_id, story_id) SELECT * FROM unnest($1::text[], $2::text[])', [docs, owners]);
}

/** Upserts a story row; `updated_at` moves only when the data changed. */
export async function upsertStory(c: Queryable, s: { id: string; data: unknown }, now: string, dropReportOnChange: boolean): Promise<void> {
  const json = JSON.stringify(s.data);
  const span = (s.data as { span?: { start?: string | null; end?: string | null } } | null)?.span;
  const r = await c.query(
    `INSERT INTO stories (id, data, span_start, span_end, updated_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET data = excluded.data, span_start = excluded.span_start, span_end = excluded.span_end, updated_at = excluded.updated_at
     WHERE stories.data IS DISTINCT FROM excluded.data`,
    [s.id, json, span?.start ?? null, span?.end ?? null, now],
  );
  if (dropReportOnChange && r.rowCount) await c.query('DELETE FROM story_reports WHERE story_id = $1', [s.id]);
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { EXPORT_KINDS, type ExportKind, exportTable } from '../report/export.js';
import { renderMarkdown } from '../report/render.js';
import { REPORT_SCHEMA_VERSION, type Report, type ReportStory } from '../report/schema.js';
import { reportSections } from '../report/sections.js';
import type { Store } from '../store/index.js';
import { reportHtml } from '../ui/index.js';
import type { LiveStories } from './live.js';

/**
 * Export routes: the same tables and documents as `triangulate show` and `triangulate export`.
 *
 *   GET /api/stories/:id/export?format=csv|jsonl|markdown|html|json[&what=facts|conflicts|evolving|quotes|articles|stories]
 *   GET /api/export?format=csv|jsonl&what=stories|articles|facts|conflicts|evolving|quotes[&since=&q=&outlet=]
 *
 * Downloads carry Content-Disposition: attachment. report.html is sent with its own strict CSP.
 */

const STORY_FORMATS = ['csv', 'jsonl', 'markdown', 'html', 'json'] as const;
const TABLE_FORMATS = ['csv', 'jsonl'] as const;

function bad(reply: FastifyReply, message: string) {
  return reply.code(400).send({ error: { status: 400, code: 'invalid_request', message } });
}

const pick = <T extends string>(v: unknown, allowed: readonly T[], fallback: T): T | null => (v === undefined || v === '' ? fallback : (allowed as readonly unknown[]).includes(v) ? (v as T) : null);

const reportOf = (stories: ReportStory[]): Report => ({ tool: 'triangulate', schemaVersion: REPORT_SCHEMA_VERSION, stories, failures: [], counts: { new: 0, known: 0, updated: 0, failed: 0 } });

function send(reply: FastifyReply, body: string, type: string, filename: string) {
  reply.header('Content-Disposition', `attachment; filename="${filename}"`);
  reply.header('Cache-Control', 'no-store');
  if (type.startsWith('text/html')) reply.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:");
  return reply.type(type).send(body);
}

const TYPES: Record<string, [string, string]> = {
  csv: ['text/csv; charset=utf-8', 'csv'],
  jsonl: ['application/x-ndjson; charset=utf-8', 'jsonl'],
  markdown: ['text/markdown; charset=utf-8', 'md'],
  html: ['text/html; charset=utf-8', 'html'],
  json: ['application/json; charset=utf-8', 'json'],
};

export function registerExportRoutes(app: FastifyInstance, deps: { store: Store; live: LiveStories }) {
  app.get('/api/stories/:id/export', async (req: FastifyRequest<{ Params: { id: string }; Querystring: Record<string, string> }>, reply) => {
    const format = pick(req.query.format, STORY_FORMATS, 'csv');
    const what = pick(req.query.what, EXPORT_KINDS, 'facts');
    if (!format) return bad(reply, `format must be one of ${STORY_FORMATS.join(', ')}`);
    if (!what) return bad(reply, `what must be one of ${EXPORT_KINDS.join(', ')}`);
    const id = req.params.id;
    const story = /^[A-Za-z0-9_.:-]{1,200}$/.test(id) ? ((await deps.live.report(id))?.report ?? null) : null;
    if (!story) return reply.code(404).send({ error: { status: 404, code: 'not_found', message: `no story ${id}` } });
    const [type, ext] = TYPES[format];
    const name = `${id}${format === 'csv' || format === 'jsonl' ? `-${what}` : ''}.${ext}`;
    if (format === 'csv' || format === 'jsonl') return send(reply, exportTable(what as ExportKind, format, [story]), type, name);
    const report = reportOf([story]);
    if (format === 'markdown') return send(reply, renderMarkdown(report, reportSections()), type, name);
    if (format === 'html') return send(reply, reportHtml(report), type, name);
    return send(reply, `${JSON.stringify(report, null, 2)}\n`, type, name);
  });

  app.get('/api/export', async (req: FastifyRequest<{ Querystring: Record<string, string> }>, reply) => {
    const format = pick(req.query.format, TABLE_FORMATS, 'csv');
    const what = pick(req.query.what, EXPORT_KINDS, 'stories');
    if (!format) return bad(reply, `format must be one of ${TABLE_FORMATS.join(', ')}`);
    if (!what) return bad(reply, `what must be one of ${EXPORT_KINDS.join(', ')}`);
    const since = req.query.since;
    if (since !== undefined && !/^\d{4}-\d{2}-\d{2}/.test(since)) return bad(reply, 'since takes a date as YYYY-MM-DD');
    const stories: ReportStory[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await deps.store.listStories({ q: req.query.q || undefined, outlet: req.query.outlet || undefined, from: since, limit: 500, offset });
      for (const row of page.stories) {
        const s = await deps.live.report(row.id);
        if (s) stories.push(s.report);
      }
      if (page.stories.length < 500) break;
    }
    const [type, ext] = TYPES[format];
    return send(reply, exportTable(what, format, stories), type, `triangulate-${what}.${ext}`);
  });
}

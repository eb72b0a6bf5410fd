import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { crossCheck, render } from '../index.js';
import type { Store } from '../store/index.js';

/**
 * `GET /api/report?doc=ID&doc=ID[&format=json|markdown|html]`: the report of stored documents —
 * the stories that hold them, with their cross-checks — through the library's `crossCheck` and
 * `render`, so it is byte for byte the report.json that `triangulate analyze --out` writes for the
 * same documents and store. Documents the store does not hold are listed as failures.
 */
const FORMATS = { json: 'application/json; charset=utf-8', markdown: 'text/markdown; charset=utf-8', html: 'text/html; charset=utf-8' } as const;
const MAX_DOCS = 1000;

export const REPORT_ROUTE_DOC = {
  method: 'GET',
  url: '/api/report',
  summary: 'The report (report.json, or ?format=markdown|html) of stored documents, ?doc=ID repeated: the stories that hold them with their cross-checks',
} as const;

export function registerReportRoute(app: FastifyInstance, store: Store): void {
  app.get('/api/report', async (req: FastifyRequest<{ Querystring: Record<string, string | string[]> }>, reply: FastifyReply) => {
    const raw = req.query.doc;
    const docIds = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).flatMap((d) => String(d).split(',')).filter((d) => d !== '');
    const format = (req.query.format ?? 'json') as string;
    const bad = (message: string) => reply.code(400).send({ error: { status: 400, code: 'invalid_request', message } });
    if (!(format in FORMATS)) return bad(`format must be one of ${Object.keys(FORMATS).join(', ')}`);
    if (docIds.length === 0) return bad('give the documents as ?doc=ID (repeatable)');
    if (docIds.length > MAX_DOCS) return bad(`at most ${MAX_DOCS} documents per report`);
    if (docIds.some((d) => !/^[A-Za-z0-9_.:-]{1,200}$/.test(d))) return bad('a document id is malformed');
    const report = await crossCheck(store, { docIds });
    reply.header('Cache-Control', 'no-store');
    if (format === 'html') reply.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:");
    return reply.type(FORMATS[format as keyof typeof FORMATS]).send(render(report, format as keyof typeof FORMATS));
  });
}

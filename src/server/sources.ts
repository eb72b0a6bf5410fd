/**
 * The Sources page (`GET /sources`) and its JSON (`GET /api/sources`): every followed source with
 * its kind, status, last check, last success and how many articles it brought. Read from the
 * store's follow tables, so it shows what `follow` or `serve --follow` last recorded.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { SourceRow } from '../follow/state.js';
import type { Store } from '../store/index.js';
import type { RouteDoc } from './openapi.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const CSS = `body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#f7f7f9}
header{background:#1f2a44;padding:10px 18px}header a{color:#fff;text-decoration:none;margin-right:16px}
.wrap{max-width:1100px;margin:0 auto;padding:16px}table{border-collapse:collapse;width:100%;background:#fff}
td,th{border-bottom:1px solid #e3e3e8;padding:6px 8px;text-align:left;vertical-align:top;font-size:14px}
td.url{word-break:break-all}.ok{color:#1b6b1b}.error{color:#a00}.not-modified{color:#555}.child td.url{padding-left:28px}`;

export function sourcesPage(nonce: string, rows: SourceRow[]): string {
  const body = rows.length
    ? `<table><thead><tr><th>source</th><th>kind</th><th>status</th><th>detail</th><th>last check</th><th>last success</th><th>articles (last / all)</th></tr></thead><tbody>${rows
        .map(
          (r) =>
            `<tr class="${r.parent ? 'child' : ''}"><td class="url">${esc(r.url)}${r.parent ? `<br><small>from ${esc(r.parent)}</small>` : ''}</td><td>${esc(r.kind ?? '-')}</td><td class="${esc(r.status)}">${esc(r.status)}</td><td>${esc(r.detail)}</td><td>${esc(r.checkedAt ?? '-')}</td><td>${esc(r.okAt ?? 'never')}</td><td>${r.lastNew} / ${r.totalNew}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p>No source is followed yet. Run <code>triangulate follow &lt;sources.txt|URL…&gt;</code> or <code>triangulate serve --follow sources.txt</code>.</p>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Sources · Triangulate</title><style nonce="${nonce}">${CSS}</style></head>
<body><header><a href="/">Triangulate</a><a href="/">Stories</a><a href="/sources">Sources</a></header><div class="wrap"><h1>Sources</h1>${body}</div></body></html>\n`;
}

const SourceJson = {
  type: 'object',
  properties: {
    url: { type: 'string' },
    kind: { type: ['string', 'null'], description: 'feed, sitemap, sitemap-index, opml, page, records' },
    status: { type: 'string', description: 'ok, not-modified, error (reason in detail)' },
    detail: { type: 'string' },
    etag: { type: ['string', 'null'] },
    lastModified: { type: ['string', 'null'] },
    checkedAt: { type: ['string', 'null'] },
    okAt: { type: ['string', 'null'] },
    lastNew: { type: 'integer' },
    totalNew: { type: 'integer' },
    parent: { type: ['string', 'null'], description: 'the OPML file or sitemap index that listed it' },
  },
};

export function registerSources(app: FastifyInstance, store: Store, doc?: (d: RouteDoc) => void): void {
  const rows = () => store.follow.sources();
  doc?.({ method: 'GET', url: '/api/sources', summary: 'Followed sources and their status (serve --follow, or what follow recorded)', responses: { 200: ['the sources', { type: 'object', properties: { sources: { type: 'array', items: SourceJson } } }] } });
  app.get('/api/sources', async () => ({ sources: await rows() }));
  app.get('/sources', async (_req, reply) => {
    const nonce = randomBytes(16).toString('base64');
    reply.header('Content-Security-Policy', `default-src 'none'; style-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`);
    reply.header('Cache-Control', 'no-store');
    return reply.type('text/html; charset=utf-8').send(sourcesPage(nonce, await rows()));
  });
}

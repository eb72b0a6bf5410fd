/**
 * `triangulate serve`: the HTTP API and the web UI, one Fastify process over the SQLite store.
 *
 *   POST   /api/articles        add articles: raw HTML, text, JSON record(s), JSON Lines, feeds (token for writes)
 *   GET    /api/articles/:id    an article with its extraction and annotations
 *   DELETE /api/articles/:id    delete an article; its story is recomputed
 *   GET    /api/stories         list stories, newest first (q = FTS5 full text, entity, outlet, from, to)
 *   GET    /api/stories/:id     a story's report (cached per membership and compare version; ETag)
 *   GET    /api/search          full-text search over articles
 *   GET    /api/events          server-sent events when stories change
 *   GET    /api/openapi.json    OpenAPI 3.1, generated from the schemas that validate the requests
 *   GET    /  /stories/:id  /articles/:id  /add     the web UI (no external assets, nonce CSP)
 */
import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { DEFAULT_MAX_BYTES, type ReadResult, readBytes } from '../ingest/index.js';
import { jsonDepth, MAX_DEPTH } from '../ingest/validate.js';
import type { Format } from '../ingest/readers.js';
import { openStore, type Store, type StoryFilter } from '../store/index.js';
import { type AccessPolicy, checkAccess } from './auth.js';
import { registerExportRoutes } from './export.js';
import { REPORT_ROUTE_DOC, registerReportRoute } from './report-route.js';
import { LiveStories } from './live.js';
import { loginRoutes } from './login.js';
import { openApiDocument, type RouteDoc } from './openapi.js';
import {
  ArticleResponse,
  DeleteResponse,
  ErrorResponse,
  HealthResponse,
  IdParams,
  MAX_BATCH,
  PostArticlesJson,
  PostArticlesQuery,
  PostArticlesResponse,
  ReportStorySchema,
  SearchQuery,
  SearchResponse,
  StoriesQuery,
  StoryListResponse,
} from './schemas.js';
import { registerSources } from './sources.js';
import { addPage, articlePage, notFoundPage, sortStories, storiesPage, storiesViewOf, storyPage } from './ui.js';

export interface ServerOptions {
  /** SQLite path, or an open store (tests). */
  db?: string;
  store?: Store;
  /** Bearer token required for writes; when unset, writes are open (loopback only). */
  token?: string | null;
  /** Largest request body, bytes (default 32 MiB, the CLI's file limit). */
  bodyLimit?: number;
  /** Per-document extraction time budget, ms. */
  timeBudgetMs?: number;
  /** Per-story report time budget, ms (default 120 s): past it the cross-check is stopped and the report served without it. */
  reportBudgetMs?: number;
  logger?: boolean;
  /** Reads need the token too (API: bearer; UI and event stream: the cookie set by /login). Needs `token`. */
  private?: boolean;
  /**
   * Names accepted in the Host header besides loopback ones (localhost, 127.x, [::1]), which are
   * always accepted: any other name is refused, so a page cannot reach the server through DNS
   * rebinding. `serve` adds the addresses it binds and each `--allowed-host`.
   */
  allowedHosts?: string[];
}

export interface TriangulateServer {
  app: FastifyInstance;
  store: Store;
  live: LiveStories;
  /** Closes the HTTP server, waits for pending writes, closes the store if it opened it. */
  close(): Promise<void>;
}

const RAW_TYPES: Record<string, Format | null> = {
  'text/plain': 'text',
  'text/markdown': 'text',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/jsonlines': 'jsonl',
  'application/rss+xml': 'feed',
  'application/atom+xml': 'feed',
  'application/xml': null,
  'text/xml': null,
  'application/octet-stream': null,
};

/** Content-Security-Policy of the UI pages: nothing but this origin and the page's own nonce'd script and style. */
export function uiCsp(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Stands for the nonce in cached pages; random per process so that no article text can contain it. */
const NONCE_SLOT = `nonce-slot-${randomBytes(12).toString('hex')}`;

/** Open server-sent event streams at most (each holds a socket). */
const MAX_STREAMS = 200;

const API_CSP = "default-src 'none'; frame-ancestors 'none'";

class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function errorBody(status: number, code: string, message: string) {
  return { error: { status, code, message } };
}

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  408: 'request_timeout',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  500: 'internal_error',
  503: 'unavailable',
};

export { isLoopbackHost } from './auth.js';

/** What the route groups of one server share. */
interface Routes {
  app: FastifyInstance;
  store: Store;
  live: LiveStories;
  /** Adds a route to the OpenAPI document. */
  doc: (d: RouteDoc) => void;
  bodyLimit: number;
}

/** Builds the server (not listening yet). */
export async function createServer(opts: ServerOptions = {}): Promise<TriangulateServer> {
  const ownStore = !opts.store;
  const store = opts.store ?? (await openStore(opts.db ?? 'triangulate.db'));
  // the report worker opens the store where this server did (a store passed in: its SQLite file)
  const location = opts.store ? undefined : (opts.db ?? 'triangulate.db');
  const live = new LiveStories(store, { timeBudgetMs: opts.timeBudgetMs, reportBudgetMs: opts.reportBudgetMs, location });
  await live.ready;
  const token = opts.token || null;
  if (opts.private && !token) throw new Error('a private server needs a token');
  const policy: AccessPolicy = { token, private: !!opts.private, allowedHosts: new Set((opts.allowedHosts ?? []).map((h) => h.toLowerCase())) };
  const bodyLimit = opts.bodyLimit ?? DEFAULT_MAX_BYTES;
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit,
    requestTimeout: 120_000,
    connectionTimeout: 0,
    keepAliveTimeout: 10_000,
    return503OnClosing: true,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: false } },
  });
  const docs: RouteDoc[] = [];
  const routes: Routes = { app, store, live, doc: (d) => docs.push(d), bodyLimit };

  // Raw bodies (text, HTML, JSON Lines, feeds, anything else): read as bytes, within the body limit.
  app.removeContentTypeParser(['text/plain']);
  app.addContentTypeParser(Object.keys(RAW_TYPES), { parseAs: 'buffer', bodyLimit }, (_req, body, done) => done(null, body));
  registerGuards(app, policy, bodyLimit);

  registerArticleRoutes(routes);
  registerStoryRoutes(routes);
  registerEventStream(routes);
  routes.doc({ method: 'GET', url: '/api/openapi.json', summary: 'This document', responses: { 200: ['OpenAPI 3.1', { type: 'object' }] } });
  app.get('/api/openapi.json', async () =>
    openApiDocument(docs, {
      title: 'Triangulate',
      version: '1',
      description: 'Cross-check the news: post articles, read stories with their fact-by-fact cross-check.',
    }),
  );
  docs.push(
    { method: 'GET', url: '/api/stories/:id/export', summary: 'A story as CSV or JSON Lines (?what=facts|conflicts|quotes|articles|stories), Markdown, report.html or JSON (?format=)', responses: { 200: ['the download', { type: 'string' }], ...errors(400, 404) } },
    { method: 'GET', url: '/api/export', summary: 'One table of the store (?what=stories|articles|facts|conflicts|quotes) as CSV or JSON Lines; filters since, q, outlet', responses: { 200: ['the download', { type: 'string' }], ...errors(400) } },
  );
  registerExportRoutes(app, { store, live });
  docs.push({ ...REPORT_ROUTE_DOC, responses: { 200: ['the report', { type: 'string' }], ...errors(400) } });
  registerReportRoute(app, store); // the library's crossCheck + render (src/server/report-route.ts)

  registerUiRoutes(routes, !!token);
  await app.register(loginRoutes(policy, sendPage));
  registerSources(app, store, routes.doc); // /sources and /api/sources: followed sources (src/server/sources.ts)

  live.scheduleWarm();

  let closed = false;
  return {
    app,
    store,
    live,
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      await live.close();
      if (ownStore) await store.close();
    },
  };
}

/**
 * Security headers on every response; writes need the token (when set) and a same-origin browser
 * (no cross-site posts); every error, ours or Fastify's, becomes one JSON shape (API) or page (UI).
 */
function registerGuards(app: FastifyInstance, policy: AccessPolicy, bodyLimit: number) {
  app.addHook('onRequest', async (req, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Cross-Origin-Resource-Policy', 'same-origin');
    reply.header('Content-Security-Policy', API_CSP);
    const { method, headers } = req;
    const path = req.url.split('?')[0];
    const verdict = checkAccess(policy, { method, path, host: headers.host, origin: headers.origin, authorization: headers.authorization, cookie: headers.cookie });
    if (verdict.ok) return;
    if (verdict.status === 401) reply.header('WWW-Authenticate', 'Bearer realm="triangulate"');
    if (verdict.login && (method === 'GET' || method === 'HEAD')) return reply.code(303).header('Location', `/login?next=${encodeURIComponent(req.url)}`).send();
    throw new HttpError(verdict.status, verdict.status === 401 ? 'unauthorized' : 'forbidden', verdict.message);
  });

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string; validation?: unknown }, req, reply) => {
    let status = err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    let message = err.message;
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') message = `request body over the ${Math.round(bodyLimit / 1024 / 1024)} MB limit`;
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') status = 415;
    if (err.code === 'SQLITE_BUSY') {
      // another process held the store's write lock past the busy timeout
      status = 503;
      message = 'the store is busy: another process is writing to it; try again shortly';
      reply.header('Retry-After', '5');
    }
    if (status === 500) {
      req.log.error(err);
      message = 'internal error';
    }
    const code = err instanceof HttpError ? err.code : err.validation ? 'invalid_request' : (CODES[status] ?? 'error');
    if (!reply.sent) reply.code(status).type('application/json').send(errorBody(status, code, message));
  });

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) return reply.code(404).send(errorBody(404, 'not_found', `no route ${req.method} ${req.url.split('?')[0]}`));
    return sendPage(reply, 404, notFoundPage('No such page.'));
  });
}

/** A UI page with a fresh nonce in its Content-Security-Policy. */
function sendPage(reply: FastifyReply, status: number, render: (nonce: string) => string) {
  const nonce = randomBytes(16).toString('base64');
  reply.header('Content-Security-Policy', uiCsp(nonce));
  reply.header('Cache-Control', 'no-store');
  return reply.code(status).type('text/html; charset=utf-8').send(render(nonce));
}

/** The error responses of a route, for the OpenAPI document. */
const errors = (...codes: number[]): Record<string, [string, unknown]> =>
  Object.fromEntries(codes.map((c) => [String(c), [CODES[c]?.replace(/_/g, ' ') ?? 'error', ErrorResponse]]));

/** GET /api/health, POST /api/articles, GET and DELETE /api/articles/:id. */
function registerArticleRoutes({ app, store, live, doc, bodyLimit }: Routes) {
  doc({ method: 'GET', url: '/api/health', summary: 'Liveness and counts', responses: { 200: ['ok', HealthResponse] } });
  app.get('/api/health', async () => ({
    ok: true,
    documents: await store.countDocuments(),
    stories: await store.countStories(),
    pendingReports: live.pendingReports,
    processing: live.processing,
  }));

  doc({
    method: 'POST',
    url: '/api/articles',
    summary: 'Add articles (one or a batch): raw HTML, plain text, JSON records, JSON Lines or a feed',
    auth: true,
    querystring: PostArticlesQuery,
    body: {
      'application/json': PostArticlesJson,
      'text/html': { type: 'string', description: 'a raw HTML page' },
      'text/plain': { type: 'string', description: 'plain article text (boilerplate is removed)' },
      'application/x-ndjson': { type: 'string', description: 'JSON Lines: one article record per line' },
      'application/octet-stream': { type: 'string', format: 'binary', description: 'any of the above (format sniffed), gzip accepted' },
    },
    responses: {
      201: ['at least one article was new or updated', PostArticlesResponse],
      200: ['nothing new (all known or failed)', PostArticlesResponse],
      ...errors(400, 401, 403, 413, 415),
    },
  });
  app.post(
    '/api/articles',
    { schema: { querystring: PostArticlesQuery, body: { content: { 'application/json': { schema: PostArticlesJson } } } } },
    async (req: FastifyRequest<{ Querystring: { source?: string; format?: Format } }>, reply) => {
      const source = req.query.source ?? 'api';
      const mediaType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      let results: ReadResult[];
      if (Buffer.isBuffer(req.body)) {
        const format = req.query.format ?? RAW_TYPES[mediaType] ?? null;
        results = readBytes(source, req.body, format, bodyLimit);
      } else if (req.body !== undefined && req.body !== null) {
        // too deep to re-serialise safely: refused by the shared validation path's rule
        results = jsonDepth(req.body) > MAX_DEPTH ? [{ kind: 'error', source, reason: `record is nested more than ${MAX_DEPTH} levels deep` }] : readBytes(source, Buffer.from(JSON.stringify(req.body)), 'json', bodyLimit);
      } else {
        throw new HttpError(400, 'bad_request', 'empty body');
      }
      if (results.length > MAX_BATCH) throw new HttpError(413, 'payload_too_large', `at most ${MAX_BATCH} articles per request (got ${results.length})`);
      const { outcomes, stories } = await live.ingest(results);
      const counts = { new: 0, known: 0, updated: 0, failed: 0 };
      for (const o of outcomes) counts[o.status]++;
      reply.code(counts.new + counts.updated > 0 ? 201 : 200);
      return { outcomes, counts, stories };
    },
  );

  doc({
    method: 'GET',
    url: '/api/articles/:id',
    summary: 'An article with its extraction (clean text, metadata, removed boilerplate) and annotations',
    params: IdParams,
    responses: { 200: ['the article', ArticleResponse], ...errors(400, 404) },
  });
  app.get('/api/articles/:id', { schema: { params: IdParams } }, async (req: FastifyRequest<{ Params: { id: string } }>) => {
    const a = await articleJson(store, req.params.id);
    if (!a) throw new HttpError(404, 'not_found', `no article ${req.params.id}`);
    return a;
  });

  doc({
    method: 'DELETE',
    url: '/api/articles/:id',
    summary: 'Delete an article and everything derived from it; its story is recomputed (and split when the article held two groups together)',
    auth: true,
    params: IdParams,
    responses: { 200: ['deleted', DeleteResponse], ...errors(400, 401, 403, 404) },
  });
  app.delete('/api/articles/:id', { schema: { params: IdParams } }, async (req: FastifyRequest<{ Params: { id: string } }>) => {
    const r = await live.deleteArticle(req.params.id);
    if (!r) throw new HttpError(404, 'not_found', `no article ${req.params.id}`);
    return { deleted: req.params.id, ...r };
  });
}

/** GET /api/stories (the list), /api/stories/:id (a story's report), /api/search. */
function registerStoryRoutes({ app, store, live, doc }: Routes) {
  doc({
    method: 'GET',
    url: '/api/stories',
    summary: 'List stories, newest first; filter by date, entity, outlet, full-text query',
    querystring: StoriesQuery,
    responses: { 200: ['stories', StoryListResponse], ...errors(400) },
  });
  app.get('/api/stories', { schema: { querystring: StoriesQuery } }, async (req: FastifyRequest<{ Querystring: StoryFilter }>) => storyList(store, live, req.query));

  doc({
    method: 'GET',
    url: '/api/stories/:id',
    summary: "A story's report: articles, entities and the cross-check (facts, conflicts, quote ledger, framing, timeline, brief)",
    params: IdParams,
    responses: { 200: ['the story report (ETag: the cache key of its membership and compare version)', ReportStorySchema], 304: ['not modified (If-None-Match)', null], ...errors(400, 404) },
  });
  app.get('/api/stories/:id', { schema: { params: IdParams } }, async (req: FastifyRequest<{ Params: { id: string } }>, reply) => {
    const served = await live.served(req.params.id);
    if (served === null) throw new HttpError(404, 'not_found', `no story ${req.params.id}`);
    // while the story's new report is built in the worker, the last one is served, marked as updating
    const etag = `"${served.key}"`;
    reply.header('ETag', etag);
    reply.header('Cache-Control', 'no-cache');
    reply.header('X-Report-Status', served.updating ? 'updating' : 'current');
    if (req.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(served.json);
  });

  doc({ method: 'GET', url: '/api/search', summary: 'Full-text search over articles (SQLite FTS5)', querystring: SearchQuery, responses: { 200: ['matches', SearchResponse], ...errors(400) } });
  app.get('/api/search', { schema: { querystring: SearchQuery } }, async (req: FastifyRequest<{ Querystring: { q: string; limit?: number } }>) => ({
    articles: await Promise.all((await store.searchArticles(req.query.q, req.query.limit)).map(async (a) => ({ ...a, storyId: await store.storyOf(a.docId) }))),
  }));
}

/** GET /api/events: server-sent events when stories change (at most MAX_STREAMS open). */
function registerEventStream({ app, live, doc }: Routes) {
  doc({
    method: 'GET',
    url: '/api/events',
    summary: 'Server-sent events: `story` (membership changed), `report` (report rebuilt), `story-removed`',
    responses: { 200: ['event stream', { type: 'string' }, 'text/event-stream'] },
  });
  const streams = new Set<import('node:http').ServerResponse>();
  app.addHook('preClose', async () => {
    for (const res of streams) res.end();
    streams.clear();
  });
  app.get('/api/events', (req, reply) => {
    if (streams.size >= MAX_STREAMS) throw new HttpError(503, 'unavailable', 'too many event streams open');
    reply.hijack();
    const res = reply.raw;
    streams.add(res);
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': API_CSP,
    });
    res.write('retry: 2000\n\n');
    const send = (e: { type: string }) => res.write(`event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`);
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    live.on('event', send);
    const stop = () => {
      clearInterval(ping);
      live.off('event', send);
      streams.delete(res);
    };
    req.raw.on('close', stop);
    res.on('close', stop);
    res.on('error', stop);
  });
}

/** A page of stories with their article, conflict and fact counts (the API's list and the UI's). */
async function storyList(store: Store, live: LiveStories, q: StoryFilter) {
  const { total, stories } = await store.listStories(q);
  const sums = new Map<string, Awaited<ReturnType<typeof live.summary>>>();
  for (const s of stories) sums.set(s.id, await live.summary(s.id));
  return {
    total,
    stories: stories.map((s) => {
      const sum = sums.get(s.id);
      return {
        id: s.id,
        title: s.title,
        articles: s.members.length,
        outlets: s.outlets,
        independentSources: s.independentSources,
        span: s.span,
        updatedAt: s.updatedAt,
        conflicts: sum?.conflicts ?? null,
        facts: sum?.facts ?? null,
        entities: Array.isArray(s.data.entities) ? (s.data.entities as { id: string; count: number }[]).slice(0, 8) : [],
      };
    }),
  };
}

/** The story filter of a UI query string (bounded strings, dates only when they look like dates). */
const uiQuery = (q: Record<string, unknown>): StoryFilter => {
  const str = (k: string) => (typeof q[k] === 'string' && (q[k] as string).trim() ? (q[k] as string).slice(0, 500) : undefined);
  const date = (k: string) => {
    const v = str(k);
    return v && /^\d{4}-\d{2}-\d{2}/.test(v) ? v : undefined;
  };
  const n = Number(q.offset);
  return { q: str('q'), entity: str('entity'), outlet: str('outlet'), from: date('from'), to: date('to'), limit: 100, offset: Number.isInteger(n) && n > 0 ? n : 0 };
};

/** The web UI: the story list (/), a story (/stories/:id), an article (/articles/:id), the add form (/add). */
function registerUiRoutes({ app, store, live }: Routes, tokenRequired: boolean) {
  app.get('/', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const filter = uiQuery(q);
    const view = storiesViewOf(filter, q);
    const list = await sortStories(view, (offset, limit) => storyList(store, live, { ...filter, offset, limit }));
    return sendPage(reply, 200, (nonce) => storiesPage(nonce, view, list, q.fragment === '1'));
  });

  const pageCache = new Map<string, string>();
  app.get('/stories/:id', async (req, reply) => {
    const { id } = req.params as { id: string };
    const served = /^[A-Za-z0-9_.:-]{1,200}$/.test(id) ? await live.report(id) : null;
    if (!served) return sendPage(reply, 404, notFoundPage('No such story (it may have been merged or removed).'));
    const fragment = (req.query as Record<string, unknown>).fragment === '1';
    const problem = served.error;
    // the rendered page is cached per report key, with a placeholder for the per-response nonce
    const cacheKey = `${id}\n${served.key}\n${fragment}\n${problem ?? ''}`;
    let html = pageCache.get(cacheKey);
    if (html === undefined) {
      html = storyPage(NONCE_SLOT, served.report, fragment, problem);
      pageCache.set(cacheKey, html);
      while (pageCache.size > 32) pageCache.delete(pageCache.keys().next().value as string);
    }
    reply.header('X-Report-Status', served.updating ? 'updating' : 'current');
    const page = served.updating ? markUpdating(html) : html;
    return sendPage(reply, 200, (nonce) => page.split(NONCE_SLOT).join(nonce));
  });

  app.get('/articles/:id', async (req, reply) => {
    const { id } = req.params as { id: string };
    const a = /^[A-Za-z0-9_.:-]{1,200}$/.test(id) ? await store.getAnnotated(id) : null;
    if (!a) return sendPage(reply, 404, notFoundPage('No such article.'));
    const source = await store.sourceOf(id);
    const storyId = await store.storyOf(id);
    return sendPage(reply, 200, (nonce) => articlePage(nonce, a, source ?? a.article.source, storyId));
  });

  app.get('/add', async (_req, reply) => sendPage(reply, 200, (nonce) => addPage(nonce, { tokenRequired })));
}

/** A story page whose report is being rebuilt: a notice at the top of the page says so. */
function markUpdating(html: string): string {
  const notice = '<div class="notice" id="report-updating" role="status">This story changed: its report is being updated. This is the previous version; the page refreshes when the new one is ready.</div>';
  const m = /<body[^>]*>/.exec(html);
  return m ? html.slice(0, m.index + m[0].length) + notice + html.slice(m.index + m[0].length) : notice + html;
}

/** The article as the API returns it: extraction and annotations. */
export async function articleJson(store: Store, id: string) {
  const a = await store.getAnnotated(id);
  const row = await store.documentInfo(id);
  if (!a || !row) return null;
  return {
    id,
    source: row.source,
    format: row.format,
    addedAt: row.addedAt,
    storyId: await store.storyOf(id),
    extraction: a.article,
    annotations: { sentences: a.sentences, entities: a.entities, quotes: a.quotes, times: a.times, quantities: a.quantities },
  };
}

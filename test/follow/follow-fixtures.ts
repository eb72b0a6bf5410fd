/**
 * A loopback web site for the follow tests (not a test file itself): saved-style article pages,
 * feeds with relative links, redirects, 304s, 429/503 with Retry-After, robots.txt disallows, slow
 * and oversized responses, wrong charsets, a redirect loop, a huge sitemap, an OPML file. Every
 * request is recorded so that tests can check what was (and was not) fetched. Only 127.0.0.1.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';

/** A generated article (no real names): distinct sentences so that each page is its own document. */
export function articleHtml(title: string, sentences: string[], extra = ''): string {
  const body = sentences.map((s) => `<p>${s}</p>`).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>${extra}</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>${title}</h1>${body}</article>
<footer><a href="/about">About</a> <a href="/contact">Contact</a></footer></body></html>`;
}

export function sentencesAbout(topic: string, n = 6): string[] {
  return Array.from({ length: n }, (_, i) => `The ${topic} report, part ${i + 1}, says the regional council approved measure ${100 + i} after a debate that lasted ${i + 2} hours, and several members asked for more time.`);
}

export interface Site {
  base: string;
  requests: { path: string; ua: string | undefined; headers: IncomingMessage['headers'] }[];
  /** Extra routes a test adds (path → handler). */
  routes: Map<string, (req: IncomingMessage, res: ServerResponse) => void>;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, site: Site) => void;

const send = (res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'Content-Type': type, ...headers });
  res.end(body);
};

function rss(items: string, title = 'Loopback Desk'): string {
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${title}</title><link>/</link>${items}</channel></rss>`;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const ROUTES: Record<string, Handler> = {
  '/robots.txt': (_q, r) => send(r, 200, 'text/plain', 'User-agent: *\nDisallow: /private/\n'),
  '/feed.xml': (_q, r) =>
    send(
      r,
      200,
      'application/rss+xml',
      rss(`
<item><title>Relative link</title><link>/a/1</link><pubDate>Wed, 01 May 2024 15:00:00 GMT</pubDate><description>Short teaser one.</description></item>
<item><title>Redirected</title><link>/a/2</link><pubDate>Wed, 01 May 2024 16:00:00 GMT</pubDate></item>
<item><title>Disallowed page</title><link>/private/3</link><pubDate>Wed, 01 May 2024 17:00:00 GMT</pubDate><description>${escapeXml(sentencesAbout('private archive').map((s) => `<p>${s}</p>`).join(''))}</description></item>
<item><title>Gone page</title><link>/missing/4</link><description>${escapeXml(sentencesAbout('missing page').map((s) => `<p>${s}</p>`).join(''))}</description></item>
<item><title>No link</title><guid isPermaLink="false">item-5</guid><description>${escapeXml(sentencesAbout('linkless item').map((s) => `<p>${s}</p>`).join(''))}</description></item>
<item><title>Nothing at all</title></item>`),
    ),
  '/a/1': (_q, r) => send(r, 200, 'text/html; charset=utf-8', articleHtml('First article', sentencesAbout('harbour'))),
  '/a/2': (_q, r) => send(r, 301, 'text/plain', 'moved', { Location: '/a/2-final' }),
  '/a/2-final': (_q, r) => send(r, 200, 'text/html', articleHtml('Second article', sentencesAbout('railway'))),
  '/missing/4': (_q, r) => send(r, 404, 'text/plain', 'not found'),
  '/etag.xml': (q, r) => {
    if (q.headers['if-none-match'] === '"v1"') return send(r, 304, 'text/plain', '');
    send(r, 200, 'application/atom+xml', `<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom desk</title><entry><title>Atom entry</title><link href="entries/e1"/><published>2024-05-02T09:30:00Z</published></entry></feed>`, { ETag: '"v1"' });
  },
  '/entries/e1': (_q, r) => send(r, 200, 'text/html', articleHtml('Atom entry', sentencesAbout('bridge'))),
  '/loop/a': (_q, r) => send(r, 302, 'text/plain', '', { Location: '/loop/b' }),
  '/loop/b': (_q, r) => send(r, 302, 'text/plain', '', { Location: '/loop/a' }),
  '/slow': (_q, r) => {
    r.writeHead(200, { 'Content-Type': 'text/html' });
    r.write('<html><body><p>This page never ends');
    const t = setInterval(() => r.write(' and never ends'), 50);
    r.on('close', () => clearInterval(t));
  },
  '/big': (_q, r) => send(r, 200, 'text/html', `<html><body>${'<p>filler text for an oversized page.</p>'.repeat(20000)}</body></html>`),
  '/latin1': (_q, r) => send(r, 200, 'text/html; charset=iso-8859-1', iconv.encode(articleHtml('Café prices', sentencesAbout('café crème')), 'latin1')),
  '/wrong-charset': (_q, r) => send(r, 200, 'text/html; charset=iso-8859-1', Buffer.from(articleHtml('Naïve résumé', sentencesAbout('naïve résumé')), 'utf8')),
  '/html-feed.xml': (_q, r) => send(r, 200, 'application/rss+xml', articleHtml('A page served as a feed', sentencesAbout('museum'))),
  '/opml.xml': (_q, r) =>
    send(r, 200, 'text/x-opml', `<?xml version="1.0"?><opml version="2.0"><head><title>subs</title></head><body><outline text="desk"><outline type="rss" text="etag" xmlUrl="/etag.xml"/><outline type="rss" text="refused" xmlUrl="/refused-placeholder"/></outline></body></opml>`),
  '/news-sitemap.xml': (_q, r) =>
    send(
      r,
      200,
      'application/xml',
      `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>/n/1</loc><news:news><news:publication_date>2024-05-03T08:00:00Z</news:publication_date><news:title>News one</news:title></news:news></url></urlset>`,
    ),
  '/n/1': (_q, r) => send(r, 200, 'text/html', articleHtml('News one', sentencesAbout('airport'))),
  '/huge-sitemap.xml': (_q, r) => {
    const parts = ['<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
    for (let i = 0; i < 100_000; i++) parts.push(`<url><loc>/h/${i}</loc><lastmod>2024-01-01T00:00:${String(i % 60).padStart(2, '0')}Z</lastmod></url>`);
    parts.push('</urlset>');
    send(r, 200, 'application/xml', parts.join(''));
  },
};

/** Starts the site on 127.0.0.1 (a free port). */
export async function startSite(): Promise<Site> {
  const site = { requests: [], routes: new Map() } as unknown as Site;
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    site.requests.push({ path, ua: req.headers['user-agent'], headers: req.headers });
    const extra = site.routes.get(path);
    if (extra) return extra(req, res);
    const h = ROUTES[path];
    if (h) return h(req, res, site);
    if (path.startsWith('/h/')) return send(res, 200, 'text/html', articleHtml(`Archive ${path}`, sentencesAbout(`archive ${path.slice(3)}`)));
    send(res, 404, 'text/plain', 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  site.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return site;
}

/** A loopback URL on which nothing listens (connection refused). */
export async function refusedUrl(): Promise<string> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return `http://127.0.0.1:${port}/feed.xml`;
}

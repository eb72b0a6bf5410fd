/**
 * Access control on loopback: reads of a private server without and with the token (bearer,
 * sign-in cookie, the event stream), cookie-authorised writes only from the server's own pages,
 * and foreign Host headers (DNS rebinding) refused in every mode.
 */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { safeNext, SESSION_COOKIE } from '../../src/server/auth.js';
import { serveCommand } from '../../src/server/cli.js';
import { startServer } from '../../src/server/testing.js';

const TOKEN = 'private-token-4242';
const TEXT = 'Ferry service suspended\n\nThe ferry service between the two islands was suspended on Monday after a storm damaged the pier, the harbour authority said.';

type Started = Awaited<ReturnType<typeof startServer>>;

/** One raw request, so that Host, Origin and Cookie can be anything. */
function raw(port: number, path: string, headers: Record<string, string>, method = 'GET', body?: string) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      // an event stream never ends: the first chunk is enough
      res.on('data', (d: string) => {
        data += d;
        if (String(res.headers['content-type']).startsWith('text/event-stream')) {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data });
        }
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function postArticle(t: Started, headers: Record<string, string> = {}) {
  return raw(t.port, '/api/articles?source=ferry.txt', { 'content-type': 'text/plain', ...headers }, 'POST', TEXT);
}

describe('private mode: reads need the token', () => {
  let t: Started;
  let docId: string;
  let storyId: string;
  before(async () => {
    t = await startServer({ token: TOKEN, private: true });
    const r = await postArticle(t, { authorization: `Bearer ${TOKEN}` });
    assert.equal(r.status, 201, r.body);
    const out = JSON.parse(r.body) as { outcomes: { docId: string; storyId: string }[] };
    docId = out.outcomes[0].docId;
    storyId = out.outcomes[0].storyId;
  });
  after(() => t.stop());

  const reads = () => ['/api/stories', `/api/stories/${storyId}`, `/api/articles/${docId}`, '/api/search?q=ferry', '/api/events'];

  test('without the token: every API read and the event stream answer 401; UI pages send to the sign-in form', async () => {
    for (const path of reads()) {
      const r = await raw(t.port, path, {});
      assert.equal(r.status, 401, path);
      assert.doesNotMatch(r.body, /ferry/i, `${path} leaks nothing`);
    }
    for (const path of ['/', `/stories/${storyId}`, `/articles/${docId}`, '/add']) {
      const r = await raw(t.port, path, {});
      assert.equal(r.status, 303, path);
      assert.equal(r.headers.location, `/login?next=${encodeURIComponent(path)}`);
    }
    const wrong = await raw(t.port, '/api/stories', { authorization: 'Bearer not-the-token-00' });
    assert.equal(wrong.status, 401);
  });

  test('health and the API description stay open (no article content)', async () => {
    assert.equal((await raw(t.port, '/api/health', {})).status, 200);
    assert.equal((await raw(t.port, '/api/openapi.json', {})).status, 200);
  });

  test('with the bearer token: every read answers', async () => {
    for (const path of reads()) {
      const r = await raw(t.port, path, { authorization: `Bearer ${TOKEN}` });
      assert.equal(r.status, 200, path);
    }
  });

  test('the sign-in form: a wrong token is refused; the right one sets an HttpOnly, SameSite=Strict cookie that opens the UI and the event stream', async () => {
    const form = (token: string, next = '/add') => `token=${encodeURIComponent(token)}&next=${encodeURIComponent(next)}`;
    const origin = `http://127.0.0.1:${t.port}`;
    const bad = await raw(t.port, '/login', { 'content-type': 'application/x-www-form-urlencoded', origin }, 'POST', form('guess-guess-guess'));
    assert.equal(bad.status, 401);
    assert.equal(bad.headers['set-cookie'], undefined);
    const ok = await raw(t.port, '/login', { 'content-type': 'application/x-www-form-urlencoded', origin }, 'POST', form(TOKEN));
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.location, '/add');
    const setCookie = String(ok.headers['set-cookie']);
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Strict/);
    assert.ok(!setCookie.includes(TOKEN), 'the cookie does not hold the token itself');
    const cookie = setCookie.split(';')[0];
    assert.ok(cookie.startsWith(`${SESSION_COOKIE}=`));
    for (const path of ['/', `/stories/${storyId}`, `/articles/${docId}`, ...reads()]) {
      const r = await raw(t.port, path, { cookie });
      assert.equal(r.status, 200, path);
    }
    const stream = await raw(t.port, '/api/events', { cookie });
    assert.match(String(stream.headers['content-type']), /text\/event-stream/);
    // a forged cookie opens nothing
    assert.equal((await raw(t.port, '/api/stories', { cookie: `${SESSION_COOKIE}=forged` })).status, 401);
    // a cross-site login attempt (login CSRF) is refused
    const csrf = await raw(t.port, '/login', { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://evil.example' }, 'POST', form(TOKEN));
    assert.equal(csrf.status, 403);
  });

  test('the cookie authorises writes only from a page of this server (Origin present and same)', async () => {
    const ok = await raw(t.port, '/login', { 'content-type': 'application/x-www-form-urlencoded', origin: `http://127.0.0.1:${t.port}` }, 'POST', `token=${TOKEN}`);
    const cookie = String(ok.headers['set-cookie']).split(';')[0];
    const noOrigin = await postArticle(t, { cookie });
    assert.equal(noOrigin.status, 401);
    const foreign = await postArticle(t, { cookie, origin: 'http://evil.example' });
    assert.equal(foreign.status, 403);
    const same = await postArticle(t, { cookie, origin: `http://127.0.0.1:${t.port}` });
    assert.ok(same.status === 200 || same.status === 201, same.body);
  });
});

describe('a foreign Host header is refused in every mode (DNS rebinding)', () => {
  const modes: [string, Parameters<typeof startServer>[0]][] = [
    ['open loopback server', {}],
    ['token for writes', { token: TOKEN }],
    ['private', { token: TOKEN, private: true }],
    ['with an allowed host name', { token: TOKEN, allowedHosts: ['news.example.org'] }],
  ];
  for (const [name, opts] of modes) {
    test(name, async () => {
      const t = await startServer(opts);
      try {
        const auth = { authorization: `Bearer ${TOKEN}` };
        for (const host of ['rebind.evil.example', `rebind.evil.example:${t.port}`, 'localhost.evil.example', '127.0.0.1.evil.example', 'news.example.org.evil.example']) {
          for (const path of ['/api/stories', '/', '/api/health', '/login']) {
            const r = await raw(t.port, path, { ...auth, host });
            assert.equal(r.status, 403, `${name}: Host "${host}" ${path}`);
          }
        }
        assert.equal((await raw(t.port, '/api/stories', { ...auth, host: `localhost:${t.port}` })).status, 200);
        const named = await raw(t.port, '/api/stories', { ...auth, host: `News.Example.org:${t.port}` });
        assert.equal(named.status, opts?.allowedHosts ? 200 : 403);
      } finally {
        await t.stop();
      }
    });
  }
});

describe('serve options', () => {
  test('--private without a token is refused', async () => {
    const err: string[] = [];
    const code = await serveCommand({ port: '0', db: ':memory:', private: true }, { stdout: () => undefined, stderr: (s) => err.push(s) });
    assert.equal(code, 1);
    assert.match(err.join(''), /--private needs --token/);
  });

  test('--allowed-host takes names and IPs, not ports', async () => {
    const err: string[] = [];
    const code = await serveCommand({ port: '0', db: ':memory:', 'allowed-host': ['news.example.org:8080'] }, { stdout: () => undefined, stderr: (s) => err.push(s) });
    assert.equal(code, 1);
    assert.match(err.join(''), /without port/);
  });

  test('the sign-in form only sends to a path of this server', () => {
    assert.equal(safeNext('/stories/abc?x=1'), '/stories/abc?x=1');
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '', 42]) assert.equal(safeNext(bad), '/');
  });
});

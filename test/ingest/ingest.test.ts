import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { ingest, type ReadResult } from '../../src/ingest/index.js';

const dir = mkdtempSync(join(tmpdir(), 'tri-ingest-'));
const write = (name: string, data: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};
const docs = (rs: ReadResult[]) => rs.filter((r) => r.kind === 'doc').map((r) => (r as Extract<ReadResult, { kind: 'doc' }>).doc);
const errors = (rs: ReadResult[]) => rs.filter((r) => r.kind === 'error') as Extract<ReadResult, { kind: 'error' }>[];
const run = (...inputs: string[]) => [...ingest(inputs)];

const ARTICLE = 'Talks end in Moscow\n\nThe two leaders met on Thursday in Moscow for talks that lasted four hours.\n';

test('plain text: content hash id, same bytes give the same id', () => {
  const a = docs(run(write('a.txt', ARTICLE)));
  const b = docs(run(write('b.txt', ARTICLE)));
  assert.equal(a.length, 1);
  assert.equal(a[0].format, 'text');
  assert.equal(a[0].source, join(dir, 'a.txt'));
  assert.match(a[0].id, /^[0-9a-f]{32}$/);
  assert.equal(a[0].id, b[0].id);
});

test('encodings: UTF-8 BOM, UTF-16 LE/BE with and without BOM, Windows-1252, charset declared in HTML', () => {
  const text = 'Café crème — “quoted” ’s naïve résumé. '.repeat(5);
  const cases: [string, Uint8Array, string][] = [
    ['bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8'],
    ['le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]), 'utf-16le'],
    ['be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]), 'utf-16be'],
    ['le-nobom.txt', iconv.encode(text, 'utf-16le'), 'utf-16le'],
    ['cp1252.txt', iconv.encode(text, 'windows-1252'), 'windows-1252'],
  ];
  for (const [name, bytes, enc] of cases) {
    const [d] = docs(run(write(name, bytes)));
    assert.ok(d, name);
    assert.equal(d.encoding, enc, name);
    assert.equal(d.content, text, name);
  }
  const cyr = '<html><head><meta charset="windows-1251"><title>Привет</title></head><body><p>Москва и Пекин.</p></body></html>';
  const [h] = docs(run(write('cyr.html', iconv.encode(cyr, 'windows-1251'))));
  assert.equal(h.encoding, 'windows-1251');
  assert.match(h.content, /Москва и Пекин/);
});

test('JSON, JSON Lines with invalid lines, other fields kept as metadata', () => {
  const rec = { id: 'r1', url: 'https://example.com/a', title: 'T', text: ARTICLE, published: '2025-05-09', outlet: 'Example', section: 'World' };
  const [j] = docs(run(write('one.json', JSON.stringify(rec))));
  assert.equal(j.source, 'r1');
  assert.equal(j.meta.outlet, 'Example');
  assert.deepEqual(j.meta.extra, { section: 'World' });
  const lines = [JSON.stringify(rec), '{not json', JSON.stringify({ ...rec, id: 'r2', text: undefined, html: '<p>Hello there, world.</p>' }), '42', ''].join('\n');
  const rs = run(write('many.jsonl', lines));
  assert.deepEqual(docs(rs).map((d) => [d.source, d.contentType]), [['r1', 'text'], ['r2', 'html']]);
  const errs = errors(rs);
  assert.equal(errs.length, 2);
  assert.match(errs[0].source, /many\.jsonl:2$/);
  assert.match(errs[0].reason, /invalid JSON line/);
  assert.match(errs[1].reason, /not a JSON object/);
  // the same record in another file is the same document
  assert.equal(docs(run(write('copy.ndjson', JSON.stringify(rec))))[0].id, j.id);
});

test('RSS 2.0 and Atom: one document per item', () => {
  const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire Feed</title>
    <item><title>First</title><link>https://e.com/1</link><pubDate>Fri, 09 May 2025 06:47:00 +0530</pubDate><description>&lt;p&gt;First body text here.&lt;/p&gt;</description></item>
    <item><title>Second</title><link>https://e.com/2</link><description>Second body.</description></item></channel></rss>`;
  const r = docs(run(write('feed.rss', rss)));
  assert.equal(r.length, 2);
  assert.equal(r[0].meta.title, 'First');
  assert.equal(r[0].meta.outlet, 'Wire Feed');
  assert.equal(r[0].meta.published, '2025-05-09T01:17:00.000Z');
  assert.match(r[0].content, /<p>First body text here.<\/p>/);
  const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Outlet</title>
    <entry><title>A1</title><link rel="alternate" href="https://a.com/1"/><published>2025-05-08T10:00:00Z</published><content type="html">&lt;p&gt;Atom body.&lt;/p&gt;</content></entry></feed>`;
  const a = docs(run(write('feed.atom', atom)));
  assert.equal(a.length, 1);
  assert.equal(a[0].meta.url, 'https://a.com/1');
  assert.equal(a[0].format, 'feed');
});

test('bad inputs: one error each naming the reason, others still load', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
  const bad = join(dir, 'bad');
  mkdirSync(bad);
  writeFileSync(join(bad, 'empty.txt'), '');
  writeFileSync(join(bad, 'image.txt'), png);
  writeFileSync(join(bad, 'zero.html'), '');
  writeFileSync(join(bad, 'invalid-utf8.txt'), Buffer.from([0x48, 0x69, 0x20, 0x81, 0x8d, 0xc3, 0x28, 0x20, 0x61]));
  writeFileSync(join(bad, 'truncated.html.gz'), gzipSync('<html><body><p>hello</p></body></html>').subarray(0, 20));
  writeFileSync(join(bad, 'good.txt'), ARTICLE);
  symlinkSync(join(bad, 'missing-target.txt'), join(bad, 'dangling.txt'));
  symlinkSync(bad, join(bad, 'loop'));
  const rs = run(bad);
  const errs = Object.fromEntries(errors(rs).map((e) => [e.source.slice(bad.length + 1), e.reason]));
  assert.equal(errs['empty.txt'], 'empty file');
  assert.match(errs['image.txt'], /binary content \(PNG image\)/);
  assert.equal(errs['zero.html'], 'empty file');
  assert.match(errs['invalid-utf8.txt'], /invalid UTF-8/);
  assert.match(errs['truncated.html.gz'], /truncated or corrupt gzip/);
  assert.match(errs['dangling.txt'], /cannot read/);
  assert.match(errs.loop, /symbolic link loop/);
  assert.equal(docs(rs).length, 1);
  assert.equal(docs(rs)[0].source, join(bad, 'good.txt'));
});

test('Windows-1252 text that is not valid UTF-8 is decoded with a warning', () => {
  const rs = run(write('legacy.txt', iconv.encode('Smart “quotes” and café.', 'windows-1252')));
  const r = rs[0];
  assert.equal(r.kind, 'doc');
  if (r.kind === 'doc') {
    assert.equal(r.doc.content, 'Smart “quotes” and café.');
    assert.match(r.warnings[0], /not valid UTF-8; decoded as Windows-1252/);
  }
});

test('stdin and .html.gz', () => {
  const rs = [...ingest(['-'], { stdin: () => Buffer.from(ARTICLE) })];
  assert.equal(docs(rs)[0].source, '-');
  assert.equal(docs(rs)[0].format, 'text');
  const gz = docs(run(write('page.html.gz', gzipSync('<html><body><article><p>Gzipped page.</p></article></body></html>'))));
  assert.equal(gz[0].contentType, 'html');
});

test('file over the size limit is refused with the limit named', () => {
  const p = write('big.txt', 'x'.repeat(2048));
  const rs = [...ingest([p], { maxBytes: 1024 })];
  assert.match(errors(rs)[0].reason, /file too large/);
});

test('JSON Lines read lazily: the same results as read whole, line numbers kept across CRLF, blank and bad lines', async () => {
  const { readBytes } = await import('../../src/ingest/index.js');
  const dir = mkdtempSync(join(tmpdir(), 'tri-lazy-'));
  const rec = (i: number) => JSON.stringify({ id: `n${i}`, title: `Headline ${i}`, text: `Body of record ${i}, long enough to be read as an article body.` });
  const cases: Record<string, string> = {
    'crlf.jsonl': `${rec(1)}\r\n\r\n${rec(2)}\r\n{not json\r\n${rec(3)}`,
    'trailing.jsonl': `${rec(4)}\n${rec(5)}\n`,
    'lines.json': `${rec(6)}\n${rec(7)}`,
    'array.json': `[${rec(8)}, ${rec(9)}, 7]`,
    'bad.jsonl': '\n\n{bad\n',
  };
  for (const [name, content] of Object.entries(cases)) {
    const path = join(dir, name);
    writeFileSync(path, content);
    const lazy = [...ingest([path])];
    assert.deepEqual(lazy, readBytes(path, Buffer.from(content), name.endsWith('.json') ? 'json' : 'jsonl'), name);
    if (name === 'crlf.jsonl') assert.deepEqual(lazy.map((r) => (r.kind === 'doc' ? r.doc.source : r.source)), ['n1', 'n2', `${path}:4`, 'n3']);
    if (name === 'bad.jsonl') assert.deepEqual(lazy.map((r) => r.kind === 'error' && r.source), [`${path}:3`]);
  }
});

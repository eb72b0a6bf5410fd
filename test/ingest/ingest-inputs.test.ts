/**
 * Issue 21, item 1: nothing read is silently lost. HTML fragments keep every paragraph, feed dates
 * outrank URL dates, the content decides the format over the declared type, and every file a
 * folder walk leaves out is reported with its reason.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { extractArticle } from '../../src/extract/index.js';
import { ingest, provenFormat, type ReadResult, readBytes } from '../../src/ingest/index.js';
import type { RawDocument } from '../../src/model/types.js';

type Doc = Extract<ReadResult, { kind: 'doc' }>;
const docs = (rs: ReadResult[]) => rs.filter((r): r is Doc => r.kind === 'doc');

/** Eight distinct sentences, one paragraph each (generated, no real names). */
const PARAS = Array.from(
  { length: 8 },
  (_, i) => `Paragraph number ${i + 1} reports that the committee reviewed item ${i * 7 + 3} of the plan, and members asked for a further ${i + 2} weeks of study.`,
);
const FRAGMENT = PARAS.map((p) => `<p>${p}</p>`).join('\n');

function feedDoc(html: string, meta: RawDocument['meta']): RawDocument {
  return { id: 'x', source: 'feed#1', format: 'feed', content: html, contentType: 'html', encoding: 'utf-8', meta };
}

describe('HTML fragments keep every paragraph', () => {
  for (const [name, html] of [
    ['bare sibling paragraphs', FRAGMENT],
    ['wrapped in a div', `<div>${FRAGMENT}</div>`],
    ['with a doctype and no <html>', `<!DOCTYPE html>${FRAGMENT}`],
  ] as const) {
    test(name, () => {
      const a = extractArticle(feedDoc(html, {}));
      assert.equal(a.blocks.length, 8);
      for (const p of PARAS) assert.ok(a.text.includes(p), p);
      assert.deepEqual(
        a.removed.filter((r) => r.reason === 'outside the article container'),
        [],
      );
    });
  }

  test('a JSON record whose html is 8 sibling paragraphs keeps all 8', () => {
    const [d] = docs(readBytes('r.json', Buffer.from(JSON.stringify({ id: 'r1', title: 'Record', html: FRAGMENT })), 'json'));
    assert.equal(extractArticle(d.doc).blocks.length, 8);
  });

  test('an RSS description of 8 paragraphs gives one article of 8 paragraphs', () => {
    const escaped = FRAGMENT.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title><item><title>Item</title><link>https://news.example/2024/05/01/item</link><description>${escaped}</description><pubDate>Wed, 01 May 2024 15:00:00 GMT</pubDate></item></channel></rss>`;
    const [d] = docs(readBytes('f.rss', Buffer.from(rss), 'feed'));
    const a = extractArticle(d.doc);
    assert.equal(a.blocks.length, 8);
  });
});

describe('feed dates outrank URL dates', () => {
  const url = 'https://news.example/2024/05/01/item';
  const feeds: [string, string][] = [
    ['RSS pubDate', `<rss version="2.0"><channel><title>D</title><item><link>${url}</link><description>&lt;p&gt;${PARAS[0]}&lt;/p&gt;</description><pubDate>Wed, 01 May 2024 15:00:00 GMT</pubDate></item></channel></rss>`],
    ['Dublin Core dc:date', `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>D</title><item><link>${url}</link><description>${PARAS[0]}</description><dc:date>2024-05-01T15:00:00Z</dc:date></item></channel></rss>`],
    ['Atom published', `<feed xmlns="http://www.w3.org/2005/Atom"><title>D</title><entry><title>T</title><link href="${url}"/><published>2024-05-01T15:00:00Z</published><content type="html">&lt;p&gt;${PARAS[0]}&lt;/p&gt;</content></entry></feed>`],
    ['Atom updated only', `<feed xmlns="http://www.w3.org/2005/Atom"><title>D</title><entry><title>T</title><link href="${url}"/><updated>2024-05-01T15:00:00Z</updated><summary>${PARAS[0]}</summary></entry></feed>`],
  ];
  for (const [name, xml] of feeds) {
    test(name, () => {
      const [d] = docs(readBytes('f.xml', Buffer.from(xml), 'feed'));
      assert.ok(d, 'one item read');
      const a = extractArticle(d.doc);
      assert.equal(a.published?.source, 'feed');
      assert.equal(Date.parse(a.published!.iso), Date.parse('2024-05-01T15:00:00Z'));
    });
  }
  test('without a feed date the URL date is still used', () => {
    const a = extractArticle(feedDoc(FRAGMENT, { url }));
    assert.equal(a.published?.source, 'url');
    assert.equal(a.published?.iso, '2024-05-01');
  });
});

describe('content sniffing decides over the declared type', () => {
  const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title><item><title>Item one</title><link>https://news.example/a</link><description>${PARAS[0]}</description></item></channel></rss>`;
  test('a feed declared as plain text is read as a feed', () => {
    const rs = docs(readBytes('api', Buffer.from(rss), 'text'));
    assert.equal(rs.length, 1);
    assert.equal(rs[0].doc.format, 'feed');
    assert.equal(rs[0].doc.meta.title, 'Item one');
    assert.ok(!rs[0].doc.content.includes('<title>'));
    assert.ok(rs[0].warnings.some((w) => /declared as text/.test(w)));
  });
  test('a .txt holding an HTML page is read as HTML', () => {
    const page = `<!doctype html><html><head><title>Page</title></head><body><article>${FRAGMENT}</article></body></html>`;
    const [d] = docs(readBytes('a.txt', Buffer.from(page), 'text'));
    assert.equal(d.doc.contentType, 'html');
    assert.equal(extractArticle(d.doc).blocks.length, 8);
  });
  test('JSON declared as HTML is read as JSON records', () => {
    const json = JSON.stringify([{ id: 'r1', text: PARAS[0] }, { id: 'r2', text: PARAS[1] }]);
    const rs = docs(readBytes('api', Buffer.from(json), 'html'));
    assert.deepEqual(
      rs.map((r) => r.doc.source),
      ['r1', 'r2'],
    );
  });
  test('a .xml "feed" that is a web page is read as a page', () => {
    const page = `<html><body>${FRAGMENT}</body></html>`;
    const [d] = docs(readBytes('x.xml', Buffer.from(page), 'feed'));
    assert.equal(d.doc.contentType, 'html');
  });
  test('plain text that starts with a bracket stays text', () => {
    assert.equal(provenFormat('[Updated] The committee met on Monday.'), null);
    assert.equal(provenFormat('<3 this story'), null);
    const [d] = docs(readBytes('a.txt', Buffer.from('[Updated] The committee met on Monday.\n\nMore text.'), 'text'));
    assert.equal(d.doc.contentType, 'text');
  });
});

test('every file a folder walk leaves out is reported with its reason', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tri-skip-'));
  writeFileSync(join(dir, 'a.txt'), `Headline\n\n${PARAS.join('\n\n')}\n`);
  writeFileSync(join(dir, 'doc.pdf'), '%PDF-1.4 binary');
  writeFileSync(join(dir, 'blob.bin'), Buffer.from([0, 1, 2, 3, 0, 9]));
  writeFileSync(join(dir, 'noext'), Buffer.from([7, 0, 7, 0]));
  writeFileSync(join(dir, '.hidden.txt'), 'hidden');
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]));
  const skipped: [string, string][] = [];
  const rs = [...ingest([dir], { onSkip: (p, r) => skipped.push([p.slice(dir.length + 1), r]) })];
  assert.equal(docs(rs).length, 1);
  assert.deepEqual(skipped, [
    ['.hidden.txt', 'hidden entry'],
    ['blob.bin', 'unsupported file type .bin'],
    ['doc.pdf', 'unsupported file type .pdf (PDF document)'],
    ['noext', 'binary file'],
    [join('sub', 'image.png'), 'unsupported file type .png (PNG image)'],
  ]);
});

test('analyze -v lists each skipped file with its reason; the summary counts them', async () => {
  const { main } = await import('../../src/cli/main.js');
  const dir = mkdtempSync(join(tmpdir(), 'tri-skip-cli-'));
  writeFileSync(join(dir, 'a.txt'), `Headline\n\n${PARAS.join('\n\n')}\n`);
  writeFileSync(join(dir, 'doc.pdf'), '%PDF-1.4 binary');
  writeFileSync(join(dir, 'blob.bin'), Buffer.from([0, 1, 2, 3]));
  for (const verbose of [true, false]) {
    let err = '';
    const code = await main(['analyze', dir, '--db', ':memory:', '--format', 'json', ...(verbose ? ['-v'] : [])], { stdout: () => {}, stderr: (s) => (err += s) });
    assert.equal(code, 0);
    assert.match(err, /2 files skipped/);
    assert.equal(/skipped .*doc\.pdf: unsupported file type \.pdf \(PDF document\)/.test(err), verbose);
    assert.equal(/skipped .*blob\.bin: unsupported file type \.bin/.test(err), verbose);
  }
});

test('HTTP API: a feed posted as text/plain is read as a feed (item titles, not raw XML)', async () => {
  const { startServer } = await import('../../src/server/testing.js');
  const t = await startServer();
  try {
    const items = PARAS.slice(0, 2)
      .map((p, i) => `<item><title>Item ${i + 1} of the desk</title><link>https://news.example/item-${i + 1}</link><pubDate>Wed, 01 May 2024 1${i}:00:00 GMT</pubDate><description>${p} ${PARAS[i + 2]} ${PARAS[i + 4]}</description></item>`)
      .join('');
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>${items}</channel></rss>`;
    const r = await fetch(`${t.base}/api/articles?source=desk`, { method: 'POST', body: rss, headers: { 'content-type': 'text/plain' } });
    const body = (await r.json()) as { outcomes: { docId: string; status: string; source: string }[] };
    assert.deepEqual(
      body.outcomes.map((o) => [o.status, o.source]),
      [
        ['new', 'desk#1'],
        ['new', 'desk#2'],
      ],
    );
    const a = (await (await fetch(`${t.base}/api/articles/${body.outcomes[0].docId}`)).json()) as { extraction: { title: string; text: string; published: { iso: string } } };
    assert.equal(a.extraction.title, 'Item 1 of the desk');
    assert.ok(!a.extraction.text.includes('<title>'));
    assert.equal(Date.parse(a.extraction.published.iso), Date.parse('2024-05-01T10:00:00Z'));
  } finally {
    await t.stop();
  }
});

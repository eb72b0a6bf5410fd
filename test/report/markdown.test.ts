/**
 * report.md under attack: a backtick in a source id, `|` in a title or outlet, inline HTML
 * (`<img src=x onerror=…>`), newlines that would start a heading or an HTML block. The Markdown
 * is rendered by markdown-it (CommonMark + GFM tables, HTML enabled as a permissive viewer would)
 * and the result must hold no element the inputs tried to plant and a table of the right shape.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import MarkdownIt from 'markdown-it';
import { mdCode, renderMarkdown } from '../../src/report/render.js';
import type { Report, ReportArticle, ReportStory } from '../../src/report/schema.js';

const md = new MarkdownIt({ html: true, linkify: false });

const IMG = '<img src=x onerror=alert(1)>';
const HOSTILE_SOURCES = ['a`b.txt', '``', '`x` <img src=x onerror=alert(1)>', 'pipe|in|name.txt', `x\`${IMG}\`.txt`, 'ends with `', ' spaced '];

function article(i: number, source: string, title: string, outlet: string): ReportArticle {
  return {
    id: `${String(i).padStart(2, '0')}${'0'.repeat(30)}`,
    source,
    outlet,
    title,
    published: null,
    publishedInfo: null,
    url: null,
    byline: [],
    dateline: null,
    wire: null,
    language: 'en',
    copyOf: null,
    status: 'ok',
    text: 'Body.',
    messages: [],
    attributions: [],
    removed: [],
    sentences: [],
    entities: [],
    quotes: [],
    times: [],
    quantities: [],
  } as ReportArticle;
}

function hostileReport(): Report {
  const articles = HOSTILE_SOURCES.map((src, i) => article(i, src, `Title ${i} ${IMG} | col\n# heading\n<script>alert(1)</script>`, `Outlet|${i} ${IMG}`));
  const story = {
    id: 'story`<b>x</b>',
    title: `Story ${IMG}\n<div onclick=x>block</div>`,
    articleCount: articles.length,
    independentSources: articles.length,
    outlets: [],
    span: { start: null, end: null },
    copies: [],
    entities: [{ id: 'e1', type: 'PER', name: `Name ${IMG}`, variants: [], mentions: 2, byOutlet: {} }],
    articles,
    crossCheck: null,
  } as unknown as ReportStory;
  return {
    tool: 'triangulate',
    schemaVersion: '1',
    stories: [story],
    failures: [{ source: `bad\`${IMG}\`.txt`, reason: `broken ${IMG}` }],
    counts: { new: articles.length, known: 0, updated: 0, failed: 1 },
  } as unknown as Report;
}

describe('mdCode', () => {
  for (const s of HOSTILE_SOURCES) {
    test(`a code span holds ${JSON.stringify(s)} exactly`, () => {
      const html = md.renderInline(mdCode(s));
      const m = /^<code>(.*)<\/code>$/s.exec(html);
      assert.ok(m, html);
      const decoded = m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
      assert.equal(decoded, s, html);
    });
  }
});

describe('renderMarkdown with hostile titles, outlets and sources', () => {
  const text = renderMarkdown(hostileReport());
  const html = md.render(text);

  test('no planted element comes through as HTML', () => {
    assert.doesNotMatch(html, /<img/i, html);
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<div/i);
    assert.doesNotMatch(html, /<b>/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/, 'shown as text');
  });

  test('the article table keeps four columns on every row, and each source is one code span', () => {
    const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1]);
    assert.equal(rows.length, HOSTILE_SOURCES.length + 1, 'header and one row per article');
    for (const r of rows) assert.equal((r.match(/<t[dh][ >]/g) ?? []).length, 4, r);
    const codes = rows.slice(1).map((r) => [...r.matchAll(/<td>([^]*?)<\/td>/g)][3][1]);
    codes.forEach((c, i) => {
      const inner = /^<code>(.*)<\/code>$/s.exec(c)?.[1];
      assert.ok(inner !== undefined, c);
      const decoded = inner.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
      assert.equal(decoded, HOSTILE_SOURCES[i]);
    });
  });

  test('a newline in a title starts no heading', () => {
    const headings = [...html.matchAll(/<h(\d)>/g)].map((m) => m[1]);
    assert.deepEqual(headings, ['1', '2', '2'], 'the report title, "Inputs that failed", the story');
  });
});

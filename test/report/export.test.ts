import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { COLUMNS, defuseFormula, EXPORT_KINDS, toCsv } from '../../src/report/export.js';
import { startServer } from '../../src/server/testing.js';
import { safeHttpUrl } from '../../src/ui/render.js';
import { HOSTILE_RECORDS, LIVE_PAYLOAD } from '../hostile.js';

const csv = (text: string) => parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];

describe('CSV cells', () => {
  test('formula characters are defused; other text is unchanged', () => {
    for (const v of ['=1+1', '+33 6', '-2', '@SUM(A1)', '\t=x', '\r=x']) assert.equal(defuseFormula(v), `'${v}`);
    for (const v of ['Reuters', ' =not first', "l'=x", '', '1-2']) assert.equal(defuseFormula(v), v);
  });

  test('quotes, commas, newlines and formulas survive a round trip through a CSV parser', () => {
    const rows = [{ story_id: 's1', article_id: 'a1', outlet: 'The "Daily", Inc.', title: 'Line one\nline two', published: null, url: '=cmd|calc', byline: '', wire: null, copy_of: null, language: 'en', source: 'x.txt' }];
    const back = csv(toCsv('articles', rows));
    assert.equal(back.length, 1);
    assert.deepEqual(Object.keys(back[0]), COLUMNS.articles);
    assert.equal(back[0].outlet, 'The "Daily", Inc.');
    assert.equal(back[0].title, 'Line one\nline two');
    assert.equal(back[0].url, "'=cmd|calc");
    assert.equal(back[0].published, '');
  });

  test('an empty table is its header', () => {
    for (const k of EXPORT_KINDS) assert.equal(toCsv(k, []), `${COLUMNS[k].join(',')}\n`);
  });
});

test('only http(s) URLs become links', () => {
  assert.equal(safeHttpUrl('https://example.org/a?b=1'), 'https://example.org/a?b=1');
  for (const u of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', '//evil.example', '/relative', 'http:/x', null]) assert.equal(safeHttpUrl(u), null, String(u));
});

describe('export routes', () => {
  let t: Awaited<ReturnType<typeof startServer>>;
  let storyId: string;

  before(async () => {
    t = await startServer();
    const r = await fetch(`${t.base}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(HOSTILE_RECORDS) });
    assert.equal(r.status, 201);
    storyId = ((await r.json()) as { outcomes: { storyId: string }[] }).outcomes[0].storyId;
  });
  after(() => t?.stop());

  test('a story as CSV, JSON Lines, Markdown, report.html and JSON', async () => {
    const facts = await fetch(`${t.base}/api/stories/${storyId}/export?format=csv&what=facts`);
    assert.equal(facts.status, 200);
    assert.match(facts.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(facts.headers.get('content-disposition') ?? '', /^attachment; filename=".*-facts\.csv"$/);
    const rows = csv(await facts.text());
    assert.ok(rows.length >= 1);
    assert.deepEqual(Object.keys(rows[0]), COLUMNS.facts);
    const articles = csv(await (await fetch(`${t.base}/api/stories/${storyId}/export?format=csv&what=articles`)).text());
    assert.equal(articles.length, 2);
    for (const a of articles) for (const v of Object.values(a)) assert.doesNotMatch(v, /^[=+\-@]/);
    const jl = (await (await fetch(`${t.base}/api/stories/${storyId}/export?format=jsonl&what=articles`)).text()).trim().split('\n');
    assert.equal(jl.length, 2);
    assert.equal((JSON.parse(jl[0]) as { url: string }).url, HOSTILE_RECORDS.find((r) => (JSON.parse(jl[0]) as { outlet: string }).outlet === r.outlet)!.url, 'JSON Lines keep values as they are');
    const html = await fetch(`${t.base}/api/stories/${storyId}/export?format=html`);
    assert.match(html.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    const body = await html.text();
    assert.doesNotMatch(body, LIVE_PAYLOAD);
    assert.doesNotMatch(body, /href="javascript:/i);
    const md = await (await fetch(`${t.base}/api/stories/${storyId}/export?format=markdown`)).text();
    assert.match(md, /^# Triangulate report/);
    const json = (await (await fetch(`${t.base}/api/stories/${storyId}/export?format=json`)).json()) as { stories: { id: string }[] };
    assert.equal(json.stories[0].id, storyId);
  });

  test('the whole store, filtered; bad parameters are 400, unknown stories 404', async () => {
    const stories = csv(await (await fetch(`${t.base}/api/export?what=stories`)).text());
    assert.equal(stories.length, 1);
    assert.ok(stories[0].title.startsWith("'=HYPERLINK("));
    assert.equal(csv(await (await fetch(`${t.base}/api/export?what=stories&q=zzzqqq`)).text()).length, 0);
    assert.equal(csv(await (await fetch(`${t.base}/api/export?what=stories&since=2030-01-01`)).text()).length, 0);
    const quotes = await fetch(`${t.base}/api/export?what=quotes&format=jsonl`);
    assert.match(quotes.headers.get('content-type') ?? '', /ndjson/);
    assert.equal((await fetch(`${t.base}/api/export?format=xlsx`)).status, 400);
    assert.equal((await fetch(`${t.base}/api/export?what=people`)).status, 400);
    assert.equal((await fetch(`${t.base}/api/export?since=soon`)).status, 400);
    assert.equal((await fetch(`${t.base}/api/stories/${storyId}/export?format=pdf`)).status, 400);
    assert.equal((await fetch(`${t.base}/api/stories/story-nope/export`)).status, 404);
  });
});

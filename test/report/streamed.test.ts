/**
 * The story report built and written in pieces says the same as built and written whole: the
 * streamed JSON writer gives JSON.stringify's bytes, a story built lean is a full story with the
 * annotation layers taken out, and the full articles read back one at a time are the full story's.
 * (scripts/compare-reports.ts compares whole runs against another checkout.)
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readBytes } from '../../src/ingest/index.js';
import { ingestResults, updateStories } from '../../src/pipeline.js';
import { buildReport, fullArticles, MAX_CROSSCHECK_ARTICLES, streamReport } from '../../src/report/build.js';
import { reportAtDetail, reportJson, writeReportJson } from '../../src/report/detail.js';
import { writeJson } from '../../src/report/json-stream.js';
import { renderMarkdown, renderTerminal, writeMarkdown, writeTerminal } from '../../src/report/render.js';
import type { ReportArticle, ReportStory } from '../../src/report/schema.js';
import { reportExtras, reportSections } from '../../src/report/sections.js';
import { SqliteStore as Store } from '../../src/store/sqlite/store.js';

async function written(value: unknown, opts: { indent?: number; depth?: number } = {}): Promise<string> {
  const parts: string[] = [];
  await writeJson(value, (c) => parts.push(c), opts);
  return parts.join('');
}

async function* lazily<T>(xs: T[]): AsyncGenerator<T> {
  for (const x of xs) yield x;
}

test('writeJson gives the bytes of JSON.stringify at every indent and depth', async () => {
  const values: unknown[] = [
    { a: 1, b: [1, 'two', null, { c: [] }, []], d: {}, e: undefined, f: () => 1, g: 'line\nbreak "quoted" \u2028', h: [undefined, () => 2], i: NaN, j: new Date(0) },
    [],
    {},
    [[[[[1, [2, { deep: { deeper: [3] } }]]]]]],
    'text',
    42,
    null,
    { stories: [{ id: 's', articles: [{ id: 'x', text: 'a\n\nb', spans: [{ start: 0, end: 1 }] }, { id: 'y', text: '' }], crossCheck: null }], counts: { new: 1 } },
  ];
  for (const v of values) {
    for (const indent of [0, 2, 4]) {
      for (const depth of [0, 1, 2, 4, 10]) assert.equal(await written(v, { indent, depth }), JSON.stringify(v, null, indent), `indent ${indent} depth ${depth}: ${JSON.stringify(v)}`);
    }
  }
});

test('writeJson writes an async iterable as the array of its items, one at a time', async () => {
  const items = [{ a: 1 }, { b: [2, 3] }, { c: 'x' }];
  const chunks: string[] = [];
  await writeJson({ head: 1, items: lazily(items), tail: [] }, (c) => chunks.push(c), { indent: 2 });
  assert.equal(chunks.join(''), JSON.stringify({ head: 1, items, tail: [] }, null, 2));
  assert.ok(chunks.some((c) => c.includes('"b"') && !c.includes('"a"')), 'each item in its own chunk');
});

const text = (i: number) => `The mayor said on Monday that the bridge would reopen. "We are ready," she told reporters on Tuesday. Engineers said ${40 + i} workers had finished the repairs, which cost ${i + 3} million dollars.`;

async function storedRun(n: number, dated: (i: number) => boolean, other?: (i: number) => { title: string; text: string; published: string } | null) {
  const store = new Store(':memory:');
  const lines = Array.from({ length: n }, (_, i) => JSON.stringify({ id: `d${i}`, outlet: `Outlet ${i % 7}`, title: `Bridge reopens after repairs (${i})`, ...(dated(i) ? { published: `2024-05-${String(10 + (i % 3)).padStart(2, '0')}` } : {}), text: text(i), ...other?.(i) })).join('\n');
  const run = await ingestResults(store, readBytes('bridge.jsonl', Buffer.from(lines), 'jsonl'));
  return { store, run, groups: await updateStories(store) };
}

test('a story built lean is the full story without its annotation layers; its report.json the same bytes', async () => {
  // undated articles among dated ones: their times are resolved against the story's date
  const { store, run, groups } = await storedRun(12, (i) => i % 3 !== 0);
  const full = await buildReport(store, run, groups, reportExtras(), 'full');
  const lean = await buildReport(store, run, groups, reportExtras(), 'lean');
  assert.ok(full.stories.some((s) => s.articles.length >= 2));
  assert.ok(full.stories.some((s) => s.articles.some((a) => a.times?.some((t) => t.inferred))), 'some time resolved from the story date');
  assert.deepEqual(lean.stories, reportAtDetail(full, 'lean').stories);
  for (const detail of ['lean', 'full'] as const) {
    const parts: string[] = [];
    await writeReportJson(detail === 'lean' ? lean : full, detail, (c) => parts.push(c));
    assert.equal(parts.join(''), reportJson(full, detail), `report.json at ${detail}`);
  }
  // the full articles read back one at a time from a lean story are the full story's
  for (const [i, s] of lean.stories.entries()) {
    const back: ReportArticle[] = [];
    for await (const a of fullArticles(store, s)) back.push(a);
    assert.deepEqual(back, full.stories[i].articles);
  }
  await store.close();
});

test('a story over the cross-check cap: the cross-check compares its own sample, the report lists every article', async () => {
  const n = MAX_CROSSCHECK_ARTICLES + 12;
  const { store, run, groups } = await storedRun(n, () => true);
  const seen: number[] = [];
  const extras = { ...reportExtras(), crossCheck: (_g: unknown, articles: { tokens?: unknown[]; article: { docId: string } }[]) => (seen.push(articles.length, articles.filter((a) => a.tokens?.length).length), reportExtras().crossCheck!(_g as never, articles as never)) };
  const report = await buildReport(store, run, groups, extras, 'lean');
  const big = report.stories.find((s) => s.articleCount > MAX_CROSSCHECK_ARTICLES);
  assert.ok(big, `one story of over ${MAX_CROSSCHECK_ARTICLES} articles (${report.stories.map((s) => s.articleCount).join(', ')})`);
  assert.equal(big.articles.length, big.articleCount);
  assert.equal(seen[0], MAX_CROSSCHECK_ARTICLES, 'the cross-check got the capped sample');
  assert.equal(seen[1], MAX_CROSSCHECK_ARTICLES, 'whole: with their syntax tokens');
  assert.match(JSON.stringify(big.crossCheck?.messages), new RegExp(`limited to ${MAX_CROSSCHECK_ARTICLES} of ${big.articleCount}`));
  await store.close();
});

test('a report streamed story by story is the report built whole: same order, terminal text, report.md and report.json', async () => {
  const storm = (i: number) => ({
    title: `Storm cuts power to river towns (${i})`,
    text: `Firefighters said on Friday that a storm had cut power to ${1000 + i} homes near the river. "The wind was terrible," a resident told reporters.`,
    published: '2024-09-20',
  });
  const { store, run, groups } = await storedRun(30, (i) => i % 4 !== 0, (i) => (i % 3 ? null : storm(i)));
  const extras = reportExtras();
  const whole = await buildReport(store, run, groups, extras, 'lean');
  assert.ok(whole.stories.length >= 2, `several stories (${whole.stories.length})`);
  const streamed = streamReport(store, run, groups, extras, 'lean');
  assert.equal(streamed.storyCount, whole.stories.length);
  const stories: ReportStory[] = [];
  for await (const s of streamed.stories) stories.push(s);
  assert.deepEqual(stories, whole.stories);
  const opts = { color: true, status: new Map(run.docIds.map((id, i) => [id, i % 2 ? 'new' : 'known'])), verbose: true };
  const terminal: string[] = [];
  await writeTerminal(streamReport(store, run, groups, extras, 'lean'), (c) => terminal.push(c), opts, reportSections());
  assert.ok(terminal.length > whole.stories.length, 'written a story at a time');
  assert.equal(terminal.join(''), renderTerminal(whole, opts, reportSections()));
  const markdown: string[] = [];
  await writeMarkdown(streamReport(store, run, groups, extras, 'lean'), (c) => markdown.push(c), reportSections());
  assert.equal(markdown.join(''), renderMarkdown(whole, reportSections()));
  for (const detail of ['lean', 'full'] as const) {
    const json: string[] = [];
    await writeReportJson(streamReport(store, run, groups, extras, detail), detail, (c) => json.push(c));
    assert.equal(json.join(''), reportJson(await buildReport(store, run, groups, extras, detail), detail), `report.json at ${detail}`);
  }
  await store.close();
});

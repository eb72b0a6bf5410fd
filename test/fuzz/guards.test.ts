/**
 * The guards and budgets themselves: an analyser out of budget, a cross-check or a story report
 * that throws, a grouping that fails as a whole. Each becomes a message where the user sees it
 * (the article's messages, the story's cross-check messages, stderr) and the rest goes on.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseArticle } from '../../src/analyse/index.js';
import { readBytes } from '../../src/ingest/index.js';
import { ingestResults, processDocument, updateStories } from '../../src/pipeline.js';
import { buildReport } from '../../src/report/build.js';
import { reportExtras } from '../../src/report/sections.js';
import { SqliteStore as Store } from '../../src/store/sqlite/store.js';
import { groupStoriesSafely } from '../../src/stories/safe.js';
import { guard } from '../../src/util/guard.js';
import { bareArticle } from '../helpers.js';

const text = 'The mayor said on Monday that the bridge would reopen. "We are ready," she told reporters. Engineers said 40 workers had finished the repairs.';

test('guard turns an exception into a one-line reason, a stack overflow into a plain one', () => {
  const deep = (n: number): number => (n === 0 ? 0 : 1 + deep(n - 1));
  const r = guard(() => deep(1e7));
  assert.equal(r.ok, false);
  assert.ok(!r.ok && /nested too deeply/.test(r.error));
  const ok = guard(() => 42);
  assert.ok(ok.ok && ok.value === 42);
});

test('size budget: entities and quotes read a prefix cut at a sentence end, with a warning', () => {
  const a = analyseArticle(bareArticle('b', text), undefined, { maxChars: 60, timeMs: 60_000 });
  assert.ok(a.article.messages.some((m) => m.stage === 'analyse' && /size budget/.test(m.message)));
  for (const e of a.entities) assert.ok(e.span.end <= 60);
  for (const q of a.quotes) assert.ok(q.span.end <= 60);
  assert.ok(a.sentences.length >= 3, 'sentences, times and quantities still cover the whole text');
});

test('time budget spent: the analysers not yet run are skipped and named, the finished layers kept', () => {
  const a = analyseArticle(bareArticle('b', text), undefined, { maxChars: 100_000, timeMs: -1 });
  const named = a.article.messages.filter((m) => /time budget/.test(m.message)).map((m) => m.message.split(' ')[0]);
  assert.deepEqual(named, ['sentences', 'entities', 'syntax', 'quotes', 'times', 'quantities']);
  assert.equal(a.entities.length, 0);
});

test('the analysed article (with its analyse messages) is the one stored', () => {
  const [r] = readBytes('t.txt', Buffer.from(`Bridge reopens\n\n${text}`), 'text');
  assert.ok(r.kind === 'doc');
  const p = processDocument(r.doc);
  assert.equal(p.article, p.annotated.article);
});

test('a cross-check that throws: the story is reported with the reason, the other stories too', async () => {
  const store = new Store(':memory:');
  const lines = [0, 1, 2, 3]
    .map((i) => JSON.stringify({ id: `g${i}`, outlet: `O${i}`, title: i < 2 ? 'Bridge reopens after repairs' : 'Council votes on school budget', text: i < 2 ? `${text} Repairs cost ${i + 3} million.` : `The council voted on Tuesday to raise the school budget by ${i} percent. Teachers said the rise was too small.` }))
    .join('\n');
  const run = await ingestResults(store, readBytes('g.jsonl', Buffer.from(lines), 'jsonl'));
  const groups = await updateStories(store);
  const failing = { ...reportExtras(), crossCheck: () => { throw new Error('boom in compare'); } };
  const report = await buildReport(store, run, groups, failing);
  assert.equal(report.stories.reduce((n, s) => n + s.articles.length, 0), 4, 'every article reported');
  const multi = report.stories.filter((s) => s.articles.length >= 2);
  assert.ok(multi.length >= 1);
  for (const s of multi) assert.match(JSON.stringify(s.crossCheck), /cross-check failed: boom in compare/);
  const broken = { ...reportExtras(), storyEntities: () => { throw new Error('boom in linking'); } };
  const r2 = await buildReport(store, run, groups, broken);
  assert.equal(r2.stories.length, report.stories.length, 'a story that cannot be built is still listed');
  assert.match(JSON.stringify(r2.stories[0].crossCheck), /story report failed/);
  await store.close();
});

test('grouping that fails as a whole keeps the previous stories and lists new documents alone', () => {
  const f = (id: string) => ({ v: 'stories-2', id, outlet: null, title: id, day: null, published: null, eventDay: null, terms: [['bridge', 1]], entities: [], places: [], sketch: null, textHash: id, words: 50, status: 'ok', messages: [] });
  const previous = [{ id: 'S1', members: ['a', 'b'], copies: [], independentSources: 2, title: 'x', span: { start: null, end: null }, entities: [], places: [] }];
  const throwing = {
    get threshold(): number {
      throw new Error('grouping exploded');
    },
  };
  const r = groupStoriesSafely([f('a'), f('b'), f('c')], previous, throwing);
  assert.equal(r.ok, false);
  assert.deepEqual(r.groups.map((g) => g.members), [['a', 'b'], ['c']]);
  assert.ok(r.messages.some((m) => /grouping exploded/.test(m.message)));
});

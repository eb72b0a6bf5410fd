/**
 * A store written before the validation existed may already hold impossible values: a time
 * "2024-03-40" in the annotations, a publication date in the year 275760, story features with a
 * day number far outside any calendar, an annotation layer that is not even an array. Later runs
 * on that store must still finish, report every story, and say what they left out.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { emptyAnalyserTimings } from '../../src/analyse/index.js';
import { findTimes } from '../../src/analyse/time.js';
import { weekdayName } from '../../src/text/calendar.js';
import { crossCheckStory } from '../../src/compare/index.js';
import { readBytes } from '../../src/ingest/index.js';
import { validCalendarDate } from '../../src/ingest/validate.js';
import { ingestResults, updateStories } from '../../src/pipeline.js';
import { buildReport } from '../../src/report/build.js';
import { reportExtras } from '../../src/report/sections.js';
import { SqliteStore as Store } from '../../src/store/sqlite/store.js';

const CLI = fileURLToPath(new URL('../../bin/triangulate.js', import.meta.url));

const body = (n: number) =>
  `The harbour authority said on Tuesday that ${n} ships were turned away after the storm damaged the northern pier. ` +
  `The authority's director said repairs would take until 12 March. Fishermen said they had lost a week of work and asked the city for help. ` +
  `The mayor said on Wednesday the city would pay for the repairs, which engineers said would cost 4 million euros.`;

async function poisonedStore(path: string): Promise<{ store: Store; ids: string[] }> {
  const store = new Store(path);
  const lines = [0, 1, 2].map((i) => JSON.stringify({ id: `p${i}`, title: 'Storm closes harbour pier', outlet: `Outlet ${i}`, published: '2024-03-05', text: body(10 + i) })).join('\n');
  const run = await ingestResults(store, readBytes('poison.jsonl', Buffer.from(lines), 'jsonl'));
  assert.equal(run.counts.new, 3);
  const [a, b, c] = run.docIds;
  // what an older version could have written
  const ann = JSON.parse((store.db.prepare('SELECT data FROM annotations WHERE doc_id = ?').get(a) as { data: string }).data);
  ann.times.push({ span: { start: 0, end: 3 }, text: 'The', kind: 'date', value: '2024-03-40', grain: 'day', inferred: false });
  for (const t of ann.times) if (t.value) t.value = '2024-03-40';
  store.db.prepare('UPDATE annotations SET data = ? WHERE doc_id = ?').run(JSON.stringify(ann), a);
  const feat = JSON.parse((store.db.prepare('SELECT data FROM story_features WHERE doc_id = ?').get(b) as { data: string }).data);
  feat.day = 1e12;
  feat.published = '+275760-09-13';
  store.db.prepare('UPDATE story_features SET data = ? WHERE doc_id = ?').run(JSON.stringify(feat), b);
  const ann3 = JSON.parse((store.db.prepare('SELECT data FROM annotations WHERE doc_id = ?').get(c) as { data: string }).data);
  ann3.quotes = { not: 'an array' };
  store.db.prepare('UPDATE annotations SET data = ? WHERE doc_id = ?').run(JSON.stringify(ann3), c);
  return { store, ids: run.docIds };
}

test('"40 March", "March 40", "Feb 30" never become dates', () => {
  const text = 'He would give away 40 March of his stock, sold on March 40 and on Feb 30, and met them on 29 February.';
  for (const t of findTimes(text, [{ start: 0, end: text.length }], { iso: '2023-06-01', precision: 'day', source: 'test' })) {
    const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(t.value ?? '');
    if (m) assert.ok(validCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])), `${t.text} → ${t.value}`);
  }
  assert.equal(weekdayName('2024-03-40'), null);
  assert.equal(weekdayName('2024-03-08'), 'Friday');
});

test('a poisoned store: grouping, the report and the cross-check of every story still work', async () => {
  const { store, ids } = await poisonedStore(':memory:');
  const messages: string[] = [];
  const groups = await updateStories(store, (_id, m) => messages.push(m));
  assert.ok(messages.some((m) => /1800-2200/.test(m)), messages.join('; '));
  assert.deepEqual(groups.flatMap((g) => g.members).sort(), [...ids].sort(), 'every document is in a story');
  const run = { outcomes: [], counts: { new: 0, known: 3, updated: 0, failed: 0 }, docIds: ids, sources: new Map<string, string>(), timings: {}, analysers: emptyAnalyserTimings() };
  const report = await buildReport(store, run, groups, reportExtras());
  assert.equal(report.stories.reduce((n, s) => n + s.articles.length + (s.articleCount === 0 ? 1 : 0), 0) >= 1, true);
  const annotated = (await Promise.all(ids.map((id) => store.getAnnotated(id)))).map((a) => a!);
  assert.doesNotThrow(() => crossCheckStory({ storyId: 's', articles: annotated, copies: [] }));
  await store.close();
});

test('a poisoned store does not make a later CLI run fail', async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'tri-poison-')), 't.db');
  await (await poisonedStore(db)).store.close();
  const r = spawnSync(process.execPath, [CLI, 'analyze', '--db', db, '--format', 'json', '-'], {
    input: JSON.stringify({ title: 'Harbour pier repairs begin', outlet: 'Outlet 9', published: '2024-03-06', text: body(14) }),
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 1 << 26,
  });
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /internal error/);
  const report = JSON.parse(r.stdout) as { stories: { articles: unknown[] }[] };
  assert.ok(report.stories.length >= 1);
});

test('a damaged story-ledger row does not stop later groupings: the ledger is rebuilt and gives the same stories', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tri-ledger-damage-'));
  const lines = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, k) => {
      const i = from + k;
      return JSON.stringify({ id: `d${i}`, title: i % 2 ? 'Storm closes harbour pier' : 'Council approves school budget', outlet: `Outlet ${i}`, published: '2024-03-05', text: i % 2 ? body(10 + i) : `The council voted ${i} to 2 on Monday to approve the school budget, the mayor said. Teachers said the budget was too small.` });
    }).join('\n');
  const membership = (s: Store) => (s.db.prepare('SELECT story_id, doc_id FROM story_members ORDER BY doc_id').all() as { story_id: string; doc_id: string }[]).map((r) => `${r.doc_id}:${r.story_id}`);
  const clean = new Store(join(dir, 'clean.db'));
  await ingestResults(clean, readBytes('all.jsonl', Buffer.from(lines(0, 6)), 'jsonl'));
  await updateStories(clean);
  const expected = membership(clean);
  await clean.close();
  for (const damage of ["key_ids = x'ffffffff'", "key_ids = x'010203'", "packed = x'01000000'", "packed = NULL, lite = '{bad'", "vals = x'00'"]) {
    const store = new Store(join(dir, `${damage.slice(0, 4)}-${expected.length}-${Math.random().toString(36).slice(2)}.db`));
    await ingestResults(store, readBytes('a.jsonl', Buffer.from(lines(0, 4)), 'jsonl'));
    await updateStories(store);
    store.db.prepare(`UPDATE story_ledger SET ${damage} WHERE doc_id = (SELECT min(doc_id) FROM story_ledger)`).run();
    await ingestResults(store, readBytes('b.jsonl', Buffer.from(lines(4, 6)), 'jsonl'));
    const messages: string[] = [];
    await updateStories(store, (_id, m) => messages.push(m));
    assert.ok(messages.some((m) => /story ledger row of .* is damaged .*rebuilt/.test(m)), `${damage}: ${messages.join(' | ')}`);
    assert.deepEqual(membership(store), expected, damage);
    // and the run after is an ordinary one
    const again: string[] = [];
    await updateStories(store, (_id, m) => again.push(m));
    assert.deepEqual(again, []);
    await store.close();
  }
});

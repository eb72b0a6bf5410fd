import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { ingestIntoStore, type RunOptions, updateStories } from '../../src/pipeline.js';
import { buildReport } from '../../src/report/build.js';
import { reportExtras } from '../../src/report/sections.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';

/**
 * `analyze` with several jobs against one: the same outcomes, ids, stored rows and report.json,
 * and a worker that throws or hangs fails its document alone.
 */
const polnear = resolve(import.meta.dirname, '../../../shared/data/attribution/polnear/train/text');
const seeds = resolve(import.meta.dirname, '../../../shared/seeds');
const dir = mkdtempSync(join(tmpdir(), 'tri-jobs-'));
// a slice of real articles from two sources, a copy under a second name, and an empty file
for (const f of readdirSync(polnear).sort().slice(0, 14)) copyFileSync(join(polnear, f), join(dir, f));
for (const f of readdirSync(seeds).sort()) copyFileSync(join(seeds, f), join(dir, f));
copyFileSync(join(seeds, readdirSync(seeds).sort()[1]), join(dir, 'zz-copy-of-a-seed.txt'));
writeFileSync(join(dir, 'empty.txt'), '');

async function run(opts: RunOptions) {
  const store = new SqliteStore(':memory:');
  try {
    const summary = await ingestIntoStore(store, [dir], opts);
    const groups = await updateStories(store);
    const report = await buildReport(store, summary, groups, reportExtras());
    const rows = store.db.prepare('SELECT a.doc_id, a.data, n.data AS ann, f.data AS feat FROM articles a JOIN annotations n USING (doc_id) JOIN story_features f USING (doc_id) ORDER BY a.doc_id').all();
    const fts = store.db.prepare("SELECT count(*) FROM article_fts WHERE article_fts MATCH 'the'").pluck().get();
    return { summary, report: JSON.stringify(report), rows, fts };
  } finally {
    await store.close();
  }
}

test('two jobs (worker threads) give the same outcomes, rows and report as one', async () => {
  const one = await run({ jobs: 1 });
  const two = await run({ jobs: 2, poolFrom: 4, batchSize: 5 });
  assert.equal(one.summary.counts.new, 19);
  assert.equal(one.summary.counts.known, 1, 'the copy is known');
  assert.equal(one.summary.counts.failed, 1, 'the empty file fails');
  assert.deepEqual(two.summary.outcomes, one.summary.outcomes);
  assert.deepEqual(two.summary.docIds, one.summary.docIds);
  assert.deepEqual(two.rows, one.rows);
  assert.equal(two.fts, one.fts);
  assert.ok((one.fts as number) >= 15, 'the full-text index holds the articles');
  assert.equal(two.report, one.report);
  // the pooled run did the work on the workers and brought their timings back
  assert.ok(two.summary.timings.analyse > 0 && two.summary.analysers.entities > 0);
});

test('a worker that throws or exceeds its time limit fails that document alone; nothing partial is stored', async () => {
  const bad = mkdtempSync(join(tmpdir(), 'tri-jobs-bad-'));
  const files = readdirSync(polnear).sort().slice(20, 26);
  files.forEach((f) => copyFileSync(join(polnear, f), join(bad, f)));
  writeFileSync(join(bad, 'a-throws.txt'), 'A headline\n\nTHROW-IN-WORKER and a body long enough to be an article. '.repeat(20));
  writeFileSync(join(bad, 'b-hangs.txt'), 'A headline\n\nHANG-IN-WORKER and a body long enough to be an article. '.repeat(20));
  const store = new SqliteStore(':memory:');
  try {
    const workerEntry = new URL('./misbehaving-analyse-worker.ts', import.meta.url);
    const summary = await ingestIntoStore(store, [bad], { jobs: 2, poolFrom: 2, documentLimitMs: 4000, workerEntry });
    const failed = Object.fromEntries(summary.outcomes.filter((o) => o.status === 'failed').map((o) => [o.source.split('/').pop(), o.reason]));
    assert.match(failed['a-throws.txt'] ?? '', /injected fault/);
    assert.match(failed['b-hangs.txt'] ?? '', /longer than 4 s/);
    assert.equal(summary.counts.new, files.length, 'every other document is stored');
    assert.equal(await store.countDocuments(), files.length, 'nothing stored for the failed ones');
    const ids = summary.outcomes.filter((o) => o.status === 'failed').map((o) => o.docId!);
    for (const id of ids) assert.deepEqual(await store.stageVersions(id), { article: undefined, annotations: undefined, features: undefined });
  } finally {
    await store.close();
  }
});

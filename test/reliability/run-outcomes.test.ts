/**
 * A large run's memory stays bounded by what it reports: a run that keeps only its failures
 * (`RunOptions.outcomes: 'failed'`, what `analyze` asks for) holds no outcome per stored document,
 * while its counts, ids, sources and the outcomes handed to `onProgress` are those of a run that
 * keeps every outcome.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readBytes } from '../../src/ingest/index.js';
import { type DocOutcome, ingestResults, outcomeCollector } from '../../src/pipeline.js';
import { SqliteStore as Store } from '../../src/store/sqlite/store.js';

const outcome = (i: number): DocOutcome =>
  i % 50 === 7
    ? { source: `in/${i}.txt`, docId: null, status: 'failed', reason: 'no article body found', warnings: [] }
    : { source: `in/${i}.txt`, docId: `doc${i % 9000}`, status: i < 9000 ? 'new' : 'known', warnings: i % 10 ? [] : ['a warning'] };

test('the collector keeps only failures when asked, and the same counts, ids and sources', () => {
  const all = outcomeCollector('all');
  const seen: [number, DocOutcome][] = [];
  const failed = outcomeCollector('failed', (done, o) => seen.push([done, o]));
  const n = 10_000;
  for (let i = 0; i < n; i++) {
    all.record(outcome(i));
    failed.record(outcome(i));
  }
  const a = all.summary();
  const f = failed.summary();
  assert.equal(a.outcomes.length, n);
  const failures = a.outcomes.filter((o) => o.status === 'failed');
  assert.ok(failures.length > 100);
  assert.deepEqual(f.outcomes, failures, 'only the failures are held, in input order');
  assert.deepEqual(f.counts, a.counts);
  assert.equal(f.counts.new + f.counts.known + f.counts.updated + f.counts.failed, n);
  assert.deepEqual(f.docIds, a.docIds);
  assert.deepEqual([...f.sources], [...a.sources]);
  assert.equal(seen.length, n, 'every outcome still reaches onProgress');
  assert.deepEqual(
    seen.map(([done]) => done),
    Array.from({ length: n }, (_, i) => i + 1),
  );
});

test('a run that keeps only failures reports the same as one that keeps every outcome', async () => {
  const lines = Array.from({ length: 40 }, (_, i) => (i % 13 === 5 ? '{"id": 1e400, "text": ' : JSON.stringify({ id: `r${i}`, title: `Budget vote ${i}`, text: `The council said the budget vote moved to Tuesday, and ${i} members agreed.` }))).join('\n');
  const runs = [];
  for (const outcomes of ['all', 'failed'] as const) {
    const store = new Store(':memory:');
    runs.push(await ingestResults(store, readBytes('records.jsonl', Buffer.from(lines), 'jsonl'), { outcomes }));
    await store.close();
  }
  const [all, failed] = runs;
  assert.ok(all.counts.failed > 0 && all.counts.new > 0);
  assert.deepEqual(failed.outcomes, all.outcomes.filter((o) => o.status === 'failed'));
  assert.deepEqual(failed.counts, all.counts);
  assert.deepEqual(failed.docIds, all.docIds);
  assert.deepEqual([...failed.sources], [...all.sources]);
});

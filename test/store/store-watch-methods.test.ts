/**
 * The Store methods the server's store watch and served reports use (dataVersion, featureDocIds,
 * orphanCount, latestStoryReport), on both back-ends: the same answers for the same writes.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { AnnotatedArticle, RawDocument } from '../../src/model/types.js';
import { openStore, type Store } from '../../src/store/index.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { bareArticle } from '../helpers.js';
import { postgresAvailable, testDatabase } from '../pg-helper.js';

function doc(id: string): { raw: RawDocument; annotated: AnnotatedArticle } {
  const raw: RawDocument = { id, source: `${id}.txt`, format: 'text', content: 'Hello.', contentType: 'text', encoding: 'utf-8', meta: {} };
  const article = bareArticle(id, 'Hello.', { source: raw.source, title: 'T' });
  return { raw, annotated: { article, sentences: [{ start: 0, end: 6 }], entities: [], entityIndex: [], quotes: [], times: [], quantities: [] } };
}

/** Writes through `writer`, reads the version through `reader` (another connection, as the server sees another process). */
async function exercise(writer: Store, reader: Store) {
  const v0 = await reader.dataVersion();
  const [a, b] = ['a'.repeat(32), 'b'.repeat(32)];
  for (const id of [b, a]) {
    const { raw, annotated } = doc(id);
    await writer.saveDocument(raw, { article: annotated.article, articleVersion: 'e1', annotated, annotationsVersion: 'a1', features: { id, terms: [] }, featuresVersion: 'f1' });
  }
  const v1 = await reader.dataVersion();
  assert.notEqual(v1, v0, "another connection's commit moves the data version");
  assert.deepEqual(await reader.featureDocIds(), [a, b], 'sorted');
  assert.equal(await reader.orphanCount(), 2, 'no story yet');
  await writer.saveStoryMembership({ id: 's1', members: [a], data: { id: 's1', members: [a] } });
  assert.equal(await reader.orphanCount(), 1);
  assert.notEqual(await reader.dataVersion(), v1);

  assert.equal(await reader.latestStoryReport('s1'), null);
  // a cross-check cached alone is not a report to serve
  await writer.saveStoryReport('s1', 'cc-key', { facts: [] }, 'cross-check');
  assert.equal(await reader.latestStoryReport('s1'), null);
  await writer.saveStoryReport('s1', 'k1', { id: 's1', articles: [] });
  assert.deepEqual(await reader.latestStoryReport('s1'), { key: 'k1', json: JSON.stringify({ id: 's1', articles: [] }) });
  // each kind has its own entry: the story report did not evict the cross-check, nor the reverse
  assert.deepEqual(await reader.getStoryReport('s1', 'cc-key', 'cross-check'), { facts: [] });
  await writer.saveStoryReport('s1', 'cc-key-2', { facts: [1] }, 'cross-check');
  assert.equal(await reader.storyReportKey('s1'), 'k1');
  assert.equal(await reader.getStoryReport('s1', 'cc-key', 'cross-check'), null, 'a newer cross-check replaces the older one');
  assert.equal(await reader.getStoryReport('s1', 'cc-key-2'), null, 'kinds are not mixed');
}

test('SQLite: data version, feature ids, orphans, latest report', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'tri-watch-')), 't.db');
  const writer = new SqliteStore(path);
  const reader = new SqliteStore(path);
  try {
    await exercise(writer, reader);
  } finally {
    await writer.close();
    await reader.close();
  }
});

test('PostgreSQL: data version, feature ids, orphans, latest report', { skip: postgresAvailable() ? false : 'PostgreSQL not available', timeout: 120_000 }, async () => {
  const db = await testDatabase();
  const writer = await openStore(db.url);
  const reader = await openStore(db.url);
  try {
    await exercise(writer, reader);
  } finally {
    await writer.close();
    await reader.close();
    await db.drop();
  }
});

import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { AnnotatedArticle, RawDocument } from '../../src/model/types.js';
import { SCHEMA_VERSION, SqliteStore as Store } from '../../src/store/sqlite/store.js';
import { bareArticle } from '../helpers.js';

const raw: RawDocument = { id: 'a'.repeat(32), source: 'x.txt', format: 'text', content: 'Hello.', contentType: 'text', encoding: 'utf-8', meta: {} };
const article = bareArticle(raw.id, 'Hello.', { source: 'x.txt', title: 'T', removed: [{ text: 'Share this', reason: 'share prompt' }] });
const annotated: AnnotatedArticle = { article, sentences: [{ start: 0, end: 6 }], entities: [], entityIndex: [], quotes: [], times: [], quantities: [] };

test('file store: WAL mode, migrations applied once, versioned', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'tri-store-')), 't.db');
  const s = new Store(path);
  assert.equal(await s.schemaVersion(), SCHEMA_VERSION);
  assert.equal(s.db.pragma('journal_mode', { simple: true }), 'wal');
  await s.saveDocument(raw, { article, articleVersion: 'e1', annotated, annotationsVersion: 'a1', features: { x: 1 }, featuresVersion: 'f1' });
  await s.close();
  const again = new Store(path);
  assert.equal(await again.schemaVersion(), SCHEMA_VERSION);
  assert.deepEqual(await again.stageVersions(raw.id), { article: 'e1', annotations: 'a1', features: 'f1' });
  assert.deepEqual(await again.getAnnotated(raw.id), annotated);
  assert.deepEqual((await again.getArticle(raw.id))?.removed, article.removed, 'removed boilerplate is kept for audit');
  await again.close();
});

test('a failure inside a document write leaves nothing partial', async () => {
  const s = new Store(':memory:');
  const bad = { toJSON() { throw new Error('boom'); } };
  await assert.rejects(s.saveDocument(raw, { article, articleVersion: 'e1', annotated, annotationsVersion: 'a1', features: bad, featuresVersion: 'f1' }), /boom/);
  assert.equal(await s.countDocuments(), 0);
  assert.equal(await s.getArticle(raw.id), null);
  assert.deepEqual(await s.stageVersions(raw.id), { article: undefined, annotations: undefined, features: undefined });
  await s.close();
});

test('stories are replaced atomically and deleting a document drops its derived rows', async () => {
  const s = new Store(':memory:');
  await s.saveDocument(raw, { article, articleVersion: 'e1', annotated, annotationsVersion: 'a1', features: {}, featuresVersion: 'f1' });
  await s.replaceStories([{ id: 's1', members: [raw.id], data: { title: 'T' } }]);
  assert.equal(await s.storyOf(raw.id), 's1');
  await s.saveStoryReport('s1', 'k', { ok: true });
  assert.deepEqual(await s.getStoryReport('s1', 'k'), { ok: true });
  assert.equal(await s.deleteDocument(raw.id), true);
  assert.equal(await s.storyOf(raw.id), null);
  assert.equal(await s.getStoryReport('s1', 'k'), null);
  assert.equal(await s.getAnnotated(raw.id), null);
  await s.close();
});

test('a database from a newer triangulate is refused, not damaged', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'tri-store-')), 'new.db');
  const s = new Store(path);
  s.db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
  await s.close();
  assert.throws(() => new Store(path), /newer than this triangulate/);
});

test('a new SQLite store in a folder that does not exist yet creates the folder', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'tri-store-')), 'runs', 'today', 'store.db');
  const store = new Store(path);
  assert.equal(store.db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  store.close();
});

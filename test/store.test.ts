import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { AnnotatedArticle, RawDocument } from '../src/model/types.js';
import { SCHEMA_VERSION, Store } from '../src/store/sqlite.js';
import { bareArticle } from './helpers.js';

const raw: RawDocument = { id: 'a'.repeat(32), source: 'x.txt', format: 'text', content: 'Hello.', contentType: 'text', encoding: 'utf-8', meta: {} };
const article = bareArticle(raw.id, 'Hello.', { source: 'x.txt', title: 'T', removed: [{ text: 'Share this', reason: 'share prompt' }] });
const annotated: AnnotatedArticle = { article, sentences: [{ start: 0, end: 6 }], entities: [], entityIndex: [], quotes: [], times: [], quantities: [] };

test('file store: WAL mode, migrations applied once, versioned', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'tri-store-')), 't.db');
  const s = new Store(path);
  assert.equal(s.schemaVersion(), SCHEMA_VERSION);
  assert.equal(s.db.pragma('journal_mode', { simple: true }), 'wal');
  s.saveDocument(raw, { article, articleVersion: 'e1', annotated, annotationsVersion: 'a1', features: { x: 1 }, featuresVersion: 'f1' });
  s.close();
  const again = new Store(path);
  assert.equal(again.schemaVersion(), SCHEMA_VERSION);
  assert.deepEqual(again.stageVersions(raw.id), { article: 'e1', annotations: 'a1', features: 'f1' });
  assert.deepEqual(again.getAnnotated(raw.id), annotated);
  assert.deepEqual(again.getArticle(raw.id)?.removed, article.removed, 'removed boilerplate is kept for audit');
  again.close();
});

test('a failure inside a document write leaves nothing partial', () => {
  const s = new Store(':memory:');
  const bad = { toJSON() { throw new Error('boom'); } };
  assert.throws(() => s.saveDocument(raw, { article, articleVersion: 'e1', annotated, annotationsVersion: 'a1', features: bad, featuresVersion: 'f1' }), /boom/);
  assert.equal(s.countDocuments(), 0);
  assert.equal(s.getArticle(raw.id), null);
  assert.deepEqual(s.stageVersions(raw.id), { article: undefined, annotations: undefined, features: undefined });
  s.close();
});

test('stories are replaced atomically and deleting a document drops its derived rows', () => {
  const s = new Store(':memory:');
  s.saveDocument(raw, { article, articleVersion: 'e1', annotated, annotationsVersion: 'a1', features: {}, featuresVersion: 'f1' });
  s.replaceStories([{ id: 's1', members: [raw.id], data: { title: 'T' } }]);
  assert.equal(s.storyOf(raw.id), 's1');
  s.saveStoryReport('s1', 'k', { ok: true });
  assert.deepEqual(s.getStoryReport('s1', 'k'), { ok: true });
  assert.equal(s.deleteDocument(raw.id), true);
  assert.equal(s.storyOf(raw.id), null);
  assert.equal(s.getStoryReport('s1', 'k'), null);
  assert.equal(s.getAnnotated(raw.id), null);
  s.close();
});

test('a database from a newer triangulate is refused, not damaged', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'tri-store-')), 'new.db');
  const s = new Store(path);
  s.db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
  s.close();
  assert.throws(() => new Store(path), /newer than this triangulate/);
});

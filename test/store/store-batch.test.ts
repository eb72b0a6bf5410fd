/**
 * Store.saveDocuments on both back-ends: a batch is written in one transaction, each document all
 * or nothing (one that cannot be serialised is left out whole, the others are stored), and the
 * full-text index follows the articles (written with the batch, replaced on re-analysis, emptied
 * on delete).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnnotatedArticle, RawDocument } from '../../src/model/types.js';
import { openStore, type Store } from '../../src/store/index.js';
import type { DocumentOutputs } from '../../src/store/types.js';
import { bareArticle } from '../helpers.js';
import { postgresAvailable, testDatabase } from '../pg-helper.js';

function doc(id: string, title: string, features: unknown = { id }): { raw: RawDocument; outputs: DocumentOutputs } {
  const raw: RawDocument = { id, source: `${id}.txt`, format: 'text', content: `${title}\n\nBody.`, contentType: 'text', encoding: 'utf-8', meta: {} };
  const article = bareArticle(id, `${title}. Body.`, { source: raw.source, title });
  const annotated: AnnotatedArticle = { article, sentences: [], entities: [], entityIndex: [], quotes: [], times: [], quantities: [] };
  return { raw, outputs: { article, articleVersion: 'e1', annotated, annotationsVersion: 'a1', features, featuresVersion: 'f1' } };
}

async function exercise(store: Store) {
  const [a, b, c] = ['a', 'b', 'c'].map((x) => x.repeat(32));
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  const errors = await store.saveDocuments([doc(a, 'Harvest festival opens'), doc(b, 'Cannot be written', cyclic), doc(c, 'Harvest ends early')]);
  assert.equal(errors[0], null);
  assert.ok(errors[1] instanceof Error, 'the unserialisable document fails');
  assert.equal(errors[2], null);
  assert.deepEqual(await store.documentIds(), [a, c], 'nothing of the failed document is stored');
  assert.deepEqual((await store.searchArticles('harvest')).map((h) => h.docId).sort(), [a, c]);
  // re-analysis replaces the indexed text
  await store.saveDocuments([doc(a, 'Vintage festival opens')]);
  assert.deepEqual((await store.searchArticles('harvest')).map((h) => h.docId), [c]);
  assert.deepEqual((await store.searchArticles('vintage')).map((h) => h.docId), [a]);
  await store.deleteDocument(c);
  assert.deepEqual(await store.searchArticles('harvest'), []);
}

test('SQLite: a batch of documents, each all or nothing, with its full-text rows', async () => {
  const store = await openStore(':memory:');
  try {
    await exercise(store);
  } finally {
    await store.close();
  }
});

test('PostgreSQL: a batch of documents, each all or nothing, with its full-text rows', { skip: postgresAvailable() ? false : 'PostgreSQL not available', timeout: 120_000 }, async () => {
  const db = await testDatabase();
  const store = await openStore(db.url);
  try {
    await exercise(store);
  } finally {
    await store.close();
    await db.drop();
  }
});

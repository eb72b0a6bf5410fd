import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { annotationsVersion, COMPONENTS } from '../../src/analyse/index.js';
import { main } from '../../src/cli/main.js';
import { openStore } from '../../src/index.js';
import type { Store } from '../../src/store/index.js';
import { EXTRACT_VERSION, FEATURES_VERSION } from '../../src/versions.js';
import { SEEDS } from '../helpers.js';
import { postgresAvailable, type TestDatabase, testDatabase } from '../pg-helper.js';

const skip = postgresAvailable() ? false : 'PostgreSQL binaries not found (set PG_BIN or TRIANGULATE_TEST_PG)';
const quietIo = { stdout: () => {}, stderr: () => {} };

/**
 * On PostgreSQL, `analyze` triages through the work queue (worker/analyze.ts): a document whose
 * annotations an older entities component made is brought up to date there, re-running entities
 * and quotes only. Shown on the stored layers: the entities (emptied in the store) come back, the
 * times (emptied too, but made by a current component) stay as stored.
 */
async function ageEntities(store: Store, id: string): Promise<void> {
  const raw = (await store.getRaw(id))!;
  const annotated = (await store.getAnnotated(id))!;
  const old = COMPONENTS.map((c) => (c.name === 'entities' ? { ...c, version: 'entities-0' } : c));
  await store.saveDocument(raw, {
    article: annotated.article,
    articleVersion: EXTRACT_VERSION,
    annotated: { ...annotated, entities: [], entityIndex: [], times: [] },
    annotationsVersion: annotationsVersion(old),
    features: await store.getFeatures(id),
    featuresVersion: FEATURES_VERSION,
  });
}

const dbs: TestDatabase[] = [];
after(async () => {
  for (const db of dbs) await db.drop();
});

test('PostgreSQL: a stored document made by an older component re-runs that component and its dependants only', { skip }, async () => {
  const db = await testDatabase();
  dbs.push(db);
  assert.equal(await main(['analyze', SEEDS, '--db', db.url, '-q'], quietIo), 0);
  const store = await openStore(db.url);
  try {
    const ids = (await store.documentIds()).sort();
    assert.equal(ids.length, 5);
    const before = new Map<string, string>();
    let timed = 0;
    for (const id of ids) {
      const a = (await store.getAnnotated(id))!;
      before.set(id, JSON.stringify([a.entities, a.quotes]));
      timed += a.times.length;
      await ageEntities(store, id);
    }
    assert.ok(timed > 0, 'the seeds have time expressions (else the check below shows nothing)');
    let err = '';
    assert.equal(await main(['analyze', SEEDS, '--db', db.url, '--format', 'json'], { stdout: () => {}, stderr: (s) => (err += s) }), 0, err);
    for (const id of ids) {
      assert.equal((await store.stageVersions(id)).annotations, annotationsVersion());
      const a = (await store.getAnnotated(id))!;
      assert.equal(JSON.stringify([a.entities, a.quotes]), before.get(id), id);
      assert.ok(a.entities.length > 0);
      assert.deepEqual(a.times, [], 'the times component did not run again');
    }
  } finally {
    await store.close();
  }
});

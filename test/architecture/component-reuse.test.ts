import assert from 'node:assert/strict';
import { test } from 'node:test';
import { annotationsVersion, type Component, COMPONENTS, reanalyse, recordedVersions } from '../../src/analyse/index.js';
import { analyze, openStore } from '../../src/index.js';
import { processDocument } from '../../src/pipeline.js';
import type { Store } from '../../src/store/index.js';
import { SEEDS } from '../helpers.js';

/**
 * The store's reuse decision reads the versions of the registered analyse components: a stored
 * document whose annotations an older version of one component made re-runs that component and the
 * components that read its layers, over the stored layers of the others, and the result is what a
 * full analysis gives. The changed registry is a copy given to the run (the production registry is
 * not touched): the same components, one with another version, each counting its runs.
 */
function countingRegistry(bumped: string): { components: Component[]; runs: Map<string, number> } {
  const runs = new Map<string, number>();
  const components = COMPONENTS.map((c) => ({
    ...c,
    version: c.name === bumped ? `${c.version}-next` : c.version,
    run: (input: Parameters<Component['run']>[0]) => {
      runs.set(c.name, (runs.get(c.name) ?? 0) + 1);
      return c.run(input);
    },
  }));
  return { components, runs };
}

/** What the store holds for a document, as text: the annotated article and its story features. */
async function storedText(store: Store, id: string): Promise<string> {
  return JSON.stringify([await store.getAnnotated(id), await store.getFeatures(id)]);
}

test('a changed component re-runs only itself and its dependants, and the stored result equals a full re-analysis', async () => {
  const store = await openStore(':memory:');
  try {
    const first = await analyze([SEEDS], { store, jobs: 1 });
    assert.equal(first.run.counts.new, 5);
    const ids = first.run.docIds;
    for (const id of ids) assert.equal((await store.stageVersions(id)).annotations, annotationsVersion());

    // entities changed: entities and quotes (which reads the entities) run again, nothing else
    const { components, runs } = countingRegistry('entities');
    const second = await analyze([SEEDS], { store, jobs: 1, components });
    assert.deepEqual(second.run.counts, { new: 0, known: 0, updated: 5, failed: 0 });
    assert.deepEqual(Object.fromEntries(runs), { entities: 5, quotes: 5 });
    for (const id of ids) {
      assert.equal((await store.stageVersions(id)).annotations, annotationsVersion(components));
      assert.deepEqual(recordedVersions(annotationsVersion(components))?.entities, `${COMPONENTS.find((c) => c.name === 'entities')!.version}-next`);
    }

    // the same as analysing each document from scratch with the changed registry
    for (const id of ids) {
      const raw = (await store.getRaw(id))!;
      const full = processDocument(raw, undefined, undefined, components);
      assert.equal(await storedText(store, id), JSON.stringify([full.annotated, full.features]), id);
    }

    // and now everything is current: nothing runs
    runs.clear();
    const third = await analyze([SEEDS], { store, jobs: 1, components });
    assert.deepEqual(third.run.counts, { new: 0, known: 5, updated: 0, failed: 0 });
    assert.equal(runs.size, 0);
  } finally {
    await store.close();
  }
});

test('a component that nothing reads re-runs alone; annotations of another stage version are made again in full', async () => {
  const store = await openStore(':memory:');
  try {
    await analyze([SEEDS], { store, jobs: 1 });
    const { components, runs } = countingRegistry('quantities');
    const again = await analyze([SEEDS], { store, jobs: 1, components });
    assert.equal(again.run.counts.updated, 5);
    assert.deepEqual(Object.fromEntries(runs), { quantities: 5 });
  } finally {
    await store.close();
  }
  // a version written before components were recorded (or by another stage version) records nothing
  assert.equal(recordedVersions('analyse-12'), null);
  assert.equal(recordedVersions(undefined), null);
  assert.deepEqual(recordedVersions(annotationsVersion()), Object.fromEntries(COMPONENTS.map((c) => [c.name, c.version])));
});

test("what a kept component said stays with its layers, once; a re-run component's old messages go", () => {
  const raw = { id: 'r', source: 'r.txt', format: 'text' as const, contentType: 'text' as const, encoding: 'utf-8', meta: {}, content: 'The council met on Tuesday. Three people spoke.' };
  const full = processDocument(raw).annotated;
  const said = (origin: string) => ({ level: 'warning' as const, stage: 'analyse' as const, origin, message: `${origin} said something` });
  const stored = { ...full, article: { ...full.article, messages: [...full.article.messages, said('syntax'), said('quantities')] } };
  const again = reanalyse(stored, new Set(['quantities']));
  assert.deepEqual(
    again.article.messages.filter((m) => m.stage === 'analyse'),
    [said('syntax')],
  );
  assert.equal(JSON.stringify({ ...again, article: null }), JSON.stringify({ ...full, article: null }));
});

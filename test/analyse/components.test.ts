import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyseArticle, checkOrder, COMPONENTS, componentVersions, staleComponents } from '../../src/analyse/index.js';
import { extractArticle } from '../../src/extract/index.js';
import { SEEDS } from '../helpers.js';

test('analyse is a list of registered components, each declaring name, requires, assigns, version and defaults', () => {
  assert.deepEqual(checkOrder(), []);
  assert.deepEqual(
    COMPONENTS.map((c) => c.name),
    ['sentences', 'entities', 'syntax', 'quotes', 'times', 'quantities'],
  );
  for (const c of COMPONENTS) {
    assert.ok(c.version && c.assigns.length > 0 && Object.keys(c.defaults).length > 0, c.name);
  }
  // a registry out of order is caught
  const [sentences, entities] = COMPONENTS;
  assert.deepEqual(checkOrder([entities, sentences]), ['entities requires sentences, which no component before it assigns']);
});

test('a changed component makes stale only itself and the components that read its layers', () => {
  const current = componentVersions();
  assert.deepEqual([...staleComponents(current)], []);
  assert.deepEqual([...staleComponents({})], COMPONENTS.map((c) => c.name));
  assert.deepEqual([...staleComponents({ ...current, entities: 'entities-0' })], ['entities', 'quotes']);
  assert.deepEqual([...staleComponents({ ...current, quantities: 'quantities-0' })], ['quantities']);
  assert.deepEqual([...staleComponents({ ...current, sentences: 'sentences-0' })], COMPONENTS.map((c) => c.name));
});

test('re-running some components keeps the other layers as stored and gives the same annotations', () => {
  const text = readFileSync(join(SEEDS, '000_e13d634afcf98426.txt'), 'utf8');
  const article = extractArticle({ id: 'seed', source: 'seed.txt', format: 'text', content: text, contentType: 'text', encoding: 'utf-8', meta: {} });
  const full = analyseArticle(article);
  assert.ok(full.entities.length > 0 && full.quantities.length > 0);
  const { article: _a, ...layers } = full;
  const again = analyseArticle(article, undefined, undefined, { layers, rerun: staleComponents({ ...componentVersions(), quantities: 'old' }) });
  assert.equal(JSON.stringify(again), JSON.stringify(full));
  // layers of components not re-run are the stored ones, untouched
  const stored = { ...layers, entities: layers.entities.slice(0, 1) };
  const partial = analyseArticle(article, undefined, undefined, { layers: stored, rerun: new Set(['times']) });
  assert.equal(partial.entities.length, 1);
  assert.deepEqual(partial.times, full.times);
});

test("a message names the component that raised it and the part of the text it is about", () => {
  const sentence = 'The council said the vote moved to Tuesday. ';
  const text = sentence.repeat(40);
  const article = extractArticle({ id: 'budget', source: 'budget.txt', format: 'text', content: `A headline\n\n${text}` } as never);
  const annotated = analyseArticle(article, undefined, { maxChars: 400, timeMs: 30_000 });
  const m = annotated.article.messages.find((x) => /size budget/.test(x.message));
  assert.ok(m, 'the size budget is reported');
  assert.equal(m.origin, 'sentences');
  assert.ok(m.span && m.span.start > 0 && m.span.start <= 400 && m.span.end === annotated.article.text.length, JSON.stringify(m.span));
});

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { parseSentences } from '../../src/analyse/syntax/index.js';
import { syntaxModelLoaded } from '../../src/analyse/syntax/model-file.js';
import { extractArticle } from '../../src/extract/index.js';
import type { RawDocument } from '../../src/model/types.js';
import { ingestResults } from '../../src/pipeline.js';
import { ParseHelper } from '../../src/pool/parse-helper.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { splitSentences } from '../../src/text/tokenize.js';

/**
 * The parse helper (the second core of a small run): the calling thread takes a helper's parse
 * only for exactly its own text and sentences, and a run with the helper stores what a run
 * without it stores.
 */
const polnear = resolve(import.meta.dirname, '../../../shared/data/attribution/polnear/dev/text');
const raws: RawDocument[] = readdirSync(polnear)
  .sort()
  .slice(0, 3)
  .map((f, i) => ({ id: `doc-${i}`, source: f, format: 'text', content: readFileSync(join(polnear, f), 'utf8'), contentType: 'text', encoding: 'utf-8', meta: {} }));

async function storedRows(parseHelper: boolean) {
  const store = new SqliteStore(':memory:');
  try {
    await ingestResults(
      store,
      raws.map((doc) => ({ kind: 'doc' as const, doc, warnings: [] })),
      { jobs: 2, parseHelper },
    );
    return store.db.prepare('SELECT a.doc_id, a.data, n.data AS ann FROM articles a JOIN annotations n USING (doc_id) ORDER BY a.doc_id').all();
  } finally {
    await store.close();
  }
}

test('a small run stores the same analysis with the parse helper as without it', async () => {
  // first: the helper is used only while this thread has not loaded the syntax model
  assert.equal(syntaxModelLoaded(), false);
  const helped = await storedRows(true);
  // every document was parsed on the helper's thread: this one never needed the model
  assert.equal(syntaxModelLoaded(), false);
  const alone = await storedRows(false);
  assert.equal(helped.length, raws.length);
  assert.deepEqual(helped, alone);
});

test("a helper's parse is taken only for the same text and sentences, and only for the document sent", () => {
  const helper = new ParseHelper();
  try {
    const [a, b] = raws;
    helper.send(a, 100_000);
    const article = extractArticle(a, {});
    const sentences = splitSentences(article.text);
    // a document that was not sent: nothing to wait for
    helper.current = b.id;
    assert.equal(helper.take(article.text, sentences), null);
    helper.current = a.id;
    // other sentences than the helper's: this thread parses
    assert.equal(helper.take(article.text, sentences.slice(1)), null);
    // its answer was used up: asked again, this thread parses
    assert.equal(helper.take(article.text, sentences), null);
    const c = { ...a, id: 'doc-again' };
    helper.send(c, 100_000);
    helper.current = c.id;
    assert.deepEqual(helper.take(article.text, sentences), parseSentences(article.text, sentences));
  } finally {
    helper.stop();
  }
});

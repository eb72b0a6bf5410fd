import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractArticle } from '../../src/extract/index.js';

// Invented record: a JSON article whose title is not repeated in its text.
const BODY = [
  'The harbour authority closed the northern pier on Monday after divers found cracks in two of its supports during a routine inspection.',
  'Ferries that use the pier will dock at the southern quay until the repairs, which the authority expects to take three weeks, are finished.',
].join('\n\n');

function extract(content: string, title?: string) {
  return extractArticle({ id: 'r', source: 'r', format: 'json', content, contentType: 'text', encoding: 'utf-8', meta: title ? { title } : {} });
}

test('a title given with the record stays the title when the text opens with a heading-like line', () => {
  for (const first of ['Updated 5:40 p. m. ET', 'The pier has been shut to ferries.']) {
    const a = extract(`${first}\n\n${BODY}`, 'Harbour pier closed after cracks found');
    assert.equal(a.title, 'Harbour pier closed after cracks found', first);
  }
});

test('a given title repeated as the text itself keeps the text as the body', () => {
  const one = 'The harbour authority closed the northern pier on Monday after divers found cracks in two of its supports.';
  const a = extract(one, one);
  assert.equal(a.title, one);
  assert.equal(a.status, 'ok');
  assert.equal(a.blocks.length, 1, 'the one sentence stays the body');
});

test('a title that is only a date yields to the heading the text gives', () => {
  const a = extract(`Harbour pier closed after cracks found\n\n${BODY}`, 'May 2, 2013, 1:12 PM');
  assert.equal(a.title, 'Harbour pier closed after cracks found');
});

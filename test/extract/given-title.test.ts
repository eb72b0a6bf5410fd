import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { extractArticle } from '../../src/extract/index.js';

/** Invented article prose: a lead and two long paragraphs the plain-text segmenter takes for the body. */
const LEAD = 'The harbour ferry resumed its morning crossings on Monday after a month of repairs.';
const BODY = [
  'Officials of the port authority said that the hull had been inspected twice and that the engines were replaced with a model that burns less fuel than the old one.',
  'Commuters who waited at the pier welcomed the return of the service, although several of them asked why the work had taken so much longer than the port had promised.',
].join('\n\n');
const GIVEN = 'Harbour ferry back in service after repairs';

function extract(content: string, title?: string) {
  return extractArticle({ id: 'd', source: 'd', format: 'json', content, contentType: 'text', encoding: 'utf-8', meta: title === undefined ? {} : { title } });
}

describe('a title given with the input', () => {
  test('is kept when the text does not contain it, and the first line stays the lead', () => {
    const a = extract(`${LEAD}\n\n${BODY}`, GIVEN);
    assert.equal(a.title, GIVEN);
    assert.ok(a.text.startsWith(LEAD), a.text.slice(0, 80));
  });
  test('repeated as the first line is not duplicated in the body', () => {
    const a = extract(`${GIVEN}\n\n${LEAD}\n\n${BODY}`, GIVEN);
    assert.equal(a.title, GIVEN);
    assert.ok(!a.text.includes(GIVEN), a.text.slice(0, 80));
    assert.ok(a.text.startsWith(LEAD), a.text.slice(0, 80));
  });
  test('that is the whole text is kept as the text too: the article is not left without a body', () => {
    const a = extract(LEAD, LEAD);
    assert.equal(a.status, 'ok');
    assert.equal(a.title, LEAD);
    assert.equal(a.text, LEAD);
  });
  test('spaced or cased otherwise than the first line is still recognised as that line', () => {
    const a = extract(`${GIVEN.toUpperCase()}\n\n${LEAD}\n\n${BODY}`, `  ${GIVEN.replace(/ /g, '  ')} `);
    assert.ok(a.title !== null && a.title.toLowerCase() === GIVEN.toLowerCase(), String(a.title));
    assert.ok(a.text.startsWith(LEAD), a.text.slice(0, 80));
  });
  test('with no title given, a heading-like first line is the title', () => {
    const a = extract(`${GIVEN}\n\n${LEAD}\n\n${BODY}`);
    assert.equal(a.title, GIVEN);
    assert.ok(a.text.startsWith(LEAD));
  });
  test('a given title that is only a date is the date line, and the title is found in the text', () => {
    const a = extract(`${GIVEN}\n\n${LEAD}\n\n${BODY}`, 'May 2, 2013, 1:12 PM');
    assert.equal(a.title, GIVEN);
    assert.equal(a.published?.iso.slice(0, 10), '2013-05-02');
  });
});

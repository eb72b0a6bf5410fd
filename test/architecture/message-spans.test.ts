import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractArticle } from '../../src/extract/index.js';
import type { RawDocument } from '../../src/model/types.js';

const raw = (content: string): RawDocument => ({ id: 'm', source: 'm.txt', format: 'text', contentType: 'text', encoding: 'utf-8', meta: {}, content });

test('extraction messages point at the part of the text they are about', () => {
  const body = 'The harbour authority closed two berths on Monday after a crane failed, officials said. Repairs are expected to take a week.';
  const article = extractArticle(raw(`Berths closed\n\nPORTVILLE (AP) — ${body}\n\nShipping lines were told to expect delays.`));
  const wire = article.messages.find((m) => m.message.startsWith('wire copy of'));
  assert.ok(wire?.span, JSON.stringify(article.messages));
  assert.equal(article.text.slice(wire.span.start, wire.span.end), 'PORTVILLE (AP) —');

  const short = extractArticle(raw('Vote delayed\n\nThe council delayed its vote on the new harbour rules until next month.'));
  const m = short.messages.find((x) => x.message.startsWith('very short body'));
  assert.ok(m?.span);
  assert.deepEqual(m.span, { start: 0, end: short.text.length });
});

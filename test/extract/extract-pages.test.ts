import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { aggregate, type PageCounts, pageCounts } from '../../src/extract/eval/shingles.js';
import { extractArticle } from '../../src/extract/index.js';

/**
 * Regression walk over Mozilla Readability's test pages (one folder per real page): every page
 * extracts without throwing, within its budget, and the bodies stay close to the reference
 * (expected.html is Readability's own output: a regression guard, not a fair benchmark).
 */
const DIR = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'extraction', 'readability-test-pages');

test('readability test pages: no crash, bodies close to the reference', () => {
  const counts: PageCounts[] = [];
  const noBody: string[] = [];
  for (const name of readdirSync(DIR).sort()) {
    const src = join(DIR, name, 'source.html');
    const exp = join(DIR, name, 'expected.html');
    if (!existsSync(src) || !existsSync(exp)) continue;
    const a = extractArticle(
      { id: name, source: src, format: 'html', content: readFileSync(src, 'utf8'), contentType: 'html', encoding: 'utf-8', meta: {} },
      { timeBudgetMs: 5000 },
    );
    assert.ok(a.status === 'ok' || a.status === 'no-body', `${name}: ${a.status}`);
    assert.equal(a.text, a.blocks.map((b) => a.text.slice(b.span.start, b.span.end)).join('\n\n'), name);
    if (a.status === 'no-body') noBody.push(name);
    const expected = parseHTML(`<html><body>${readFileSync(exp, 'utf8')}</body></html>`).document.body.textContent ?? '';
    counts.push(pageCounts(expected, a.text));
  }
  assert.ok(counts.length >= 100, `only ${counts.length} pages found`);
  const s = aggregate(counts);
  assert.ok(s.f1 >= 0.9, `body F1 against the reference ${s.f1.toFixed(3)}`);
  assert.ok(noBody.length <= 5, `no body on ${noBody.join(', ')}`);
});

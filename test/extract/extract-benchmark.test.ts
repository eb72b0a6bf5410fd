/**
 * Quality floor of body extraction on the article-extraction benchmark, per half of the fixed
 * split (bench/extract-split.json): the shingle F1 of each half stays at or above its floor in
 * test/baselines.json, and ahead of Mozilla Readability run on the same pages.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { aggregate, pageCounts } from '../../src/extract/eval/shingles.js';
import { extractArticle } from '../../src/extract/index.js';

const AEB = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'extraction', 'article-extraction-benchmark-dev');
const baselines = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'baselines.json'), 'utf8')) as Record<string, number>;
const split = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'bench', 'extract-split.json'), 'utf8')) as Record<'tune' | 'heldout', string[]>;
const truth = JSON.parse(readFileSync(join(AEB, 'ground-truth.json'), 'utf8')) as Record<string, { url: string; articleBody: string }>;

function readabilityText(html: string): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- linkedom document passed to Readability
    return new Readability(parseHTML(html).document as any).parse()?.textContent ?? '';
  } catch {
    return '';
  }
}

for (const half of ['tune', 'heldout'] as const) {
  test(`extraction benchmark, ${half} half: body F1 at or above the floor and ahead of Readability`, () => {
    const ours = [];
    const theirs = [];
    for (const id of split[half]) {
      const html = gunzipSync(readFileSync(join(AEB, 'html', `${id}.html.gz`))).toString('utf8');
      const a = extractArticle({ id, source: id, format: 'html', content: html, contentType: 'html', encoding: 'utf-8', meta: { url: truth[id].url } });
      ours.push(pageCounts(truth[id].articleBody, a.text));
      theirs.push(pageCounts(truth[id].articleBody, readabilityText(html)));
    }
    assert.equal(ours.length, 45);
    const f1 = aggregate(ours).f1;
    const floor = baselines[`extract.bodyF1.${half}`];
    assert.ok(typeof floor === 'number', 'floor in test/baselines.json');
    assert.ok(f1 >= floor, `body F1 ${f1.toFixed(3)} below the floor ${floor}`);
    assert.ok(f1 > aggregate(theirs).f1, `body F1 ${f1.toFixed(3)} not ahead of Readability ${aggregate(theirs).f1.toFixed(3)}`);
  });
}

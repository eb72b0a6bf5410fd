/**
 * wordsWithin (quotes.ts) is the padded containment the ledger read before it: `${long}` padded
 * with a space at both ends includes `${short}` padded alike. Checked on every pair of short
 * strings over a small alphabet (spaces at the ends, doubled, repeated and overlapping words, empty).
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { wordsWithin } from '../../src/compare/quotes.js';

function strings(alphabet: string, maxLength: number): string[] {
  const out = [''];
  for (let i = 0; i < out.length; i++) if (out[i].length < maxLength) for (const c of alphabet) out.push(out[i] + c);
  return out;
}

it('wordsWithin says what the padded includes said, for every pair of strings of up to 5 characters', () => {
  const all = strings('ab ', 5);
  let contained = 0;
  for (const short of all)
    for (const long of all) {
      const padded = ` ${long} `.includes(` ${short} `);
      assert.equal(wordsWithin(short, long), padded, JSON.stringify({ short, long }));
      if (padded) contained++;
    }
  // (the check meets both answers many times)
  assert.ok(contained > 1000 && contained < all.length ** 2 / 2, String(contained));
});

it('wordsWithin reads whole words only', () => {
  assert.equal(wordsWithin('the plan', 'we back the plan now'), true);
  assert.equal(wordsWithin('he plan', 'we back the plan now'), false);
  assert.equal(wordsWithin('the plan', 'we back the plans'), false);
  assert.equal(wordsWithin('plan', 'plans plan'), true);
});

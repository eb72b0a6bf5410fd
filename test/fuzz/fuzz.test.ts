/**
 * The short fuzz campaign of `npm test`: every property of properties.ts, seeded (the same inputs
 * on every run), a few dozen runs each. `npm run fuzz` runs the same properties longer.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { campaign } from './properties.js';

const SEED = 20_2026;

test('fuzz campaign (short, seeded): no exception escapes, outputs stay consistent', () => {
  const results = campaign({ seed: SEED, runsPerWeight: 25 });
  const failed = results.filter((r) => r.failed);
  assert.equal(failed.length, 0, failed.map((r) => `${r.name}\n${r.report}`).join('\n\n'));
  assert.ok(results.every((r) => r.runs > 0));
});

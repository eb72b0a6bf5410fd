import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sourceScores } from '../../scripts/eval-sources.js';
import { ROOT } from '../../scripts/eval-crosscheck.js';

// "One source" pairs from the text alone (scripts/eval-sources.ts): the dispatch rule stays at or above its floors.
const floors = JSON.parse(readFileSync(join(ROOT, 'test/baselines.json'), 'utf8'))['sources.pairs'] as Record<string, number>;

describe('one source from the text alone (eval:sources)', () => {
  it('finds the annotated copies and the same agency pairs at or above the floors', () => {
    const s = sourceScores();
    assert.ok(s.ecbDev.dispatch.recall >= floors.ecbDevRecall, `ECB+ dev recall ${s.ecbDev.dispatch.recall}`);
    assert.ok(s.ecbDev.dispatch.precision >= floors.ecbDevPrecision, `ECB+ dev precision ${s.ecbDev.dispatch.precision}`);
    assert.ok(s.polnear.dispatch.recall >= floors.polnearRecall, `PolNeAR recall ${s.polnear.dispatch.recall}`);
    assert.ok(s.polnear.dispatch.precision >= floors.polnearPrecision, `PolNeAR precision ${s.polnear.dispatch.precision}`);
    // the rule finds at least what today's finds
    assert.ok(s.ecbDev.dispatch.tp >= s.ecbDev.today.tp && s.polnear.dispatch.tp >= s.polnear.today.tp);
  });
});

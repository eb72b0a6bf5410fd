/**
 * The probe suite (test/compare/probes/, scripts/probe-conflicts.ts): invented short stories whose
 * conflicts and traps nobody tuned the readers to. Recall and precision stay at or above their
 * floors and no trap is reported (test/baselines.json `crosscheck.probes`).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { scoreProbe, totals } from '../../scripts/probe-conflicts.js';
import { PROBES } from './probes/index.js';

const floors = (JSON.parse(readFileSync(join(import.meta.dirname, '..', 'baselines.json'), 'utf8')) as Record<string, Record<string, number>>)['crosscheck.probes'];

describe('probe suite: conflicts on invented stories', () => {
  const scores = PROBES.map((p) => scoreProbe(p));
  const t = totals(scores);

  it('has at least 80 probes, a third or more with no conflict to find', () => {
    assert.ok(PROBES.length >= 80, `${PROBES.length} probes`);
    assert.ok(PROBES.filter((p) => p.conflicts.length === 0).length * 3 >= PROBES.length);
    assert.equal(new Set(PROBES.map((p) => p.id)).size, PROBES.length, 'probe ids are unique');
  });

  it('stays at or above its floors (test/baselines.json crosscheck.probes)', () => {
    assert.ok(floors, 'floors crosscheck.probes');
    assert.ok(t.recall >= floors.recall, `strict recall ${t.recall} (${t.strict}/${t.gold}) < ${floors.recall}`);
    assert.ok(t.precision >= floors.precision, `precision ${t.precision} < ${floors.precision}: ${scores.flatMap((s) => s.falses).join('; ')}`);
    assert.ok(t.trapHits <= floors.maxTrapHits, `trap hits ${t.trapHits}: ${scores.flatMap((s) => s.falses).join('; ')}`);
  });
});

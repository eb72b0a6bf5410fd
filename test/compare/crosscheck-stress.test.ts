/**
 * The precision stress set of scripts/crosscheck-stress.ts, topic stories only (the intruder stories,
 * 500 cross-checks, and PolNeAR are checked by the script's `--check`): for each dev ECB+ topic, one
 * story of its two events' articles. A conflict that sets one event's value against the other's is
 * false by construction; their number, the false conflicts within one event and the brief lines
 * their cited sentences do not hold stay at or under the floors of test/baselines.json `crosscheck.stress`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { overFloors, runStress } from '../../scripts/crosscheck-stress.js';

describe('two similar events in one story (dev topics)', () => {
  it('set no more values of one event against the other than the floor allows', () => {
    const tallies = runStress({ only: 'topics' });
    assert.ok(tallies.topics!.stories >= 20, `${tallies.topics!.stories} topic stories`);
    assert.deepEqual(overFloors(tallies), []);
  });
});

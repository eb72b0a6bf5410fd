import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossCheckTexts, publishedAt } from './story.js';

// Invented wording: a ferry attacked at sea, a fugitive found by agents.
const PUBLISHED = publishedAt('2012-03-05T12:00:00Z');
const inFact = (texts: string[]) => crossCheckTexts(texts, PUBLISHED).conflicts.filter((c) => /in one statement/.test(c.note));

describe('a direction from one place told two ways inside one fact', () => {
  it('opposes two compass points more than a right angle apart', () => {
    const x = crossCheckTexts(
      [
        'Gunmen in two skiffs attacked the ferry Marwa on Sunday about 80 nautical miles west of Port Selim, firing rifles at the bridge.',
        'Gunmen in two skiffs attacked the ferry Marwa on Sunday about 80 nautical miles east of Port Selim, firing rifles at the bridge.',
      ],
      PUBLISHED,
    );
    const c = x.conflicts.filter((k) => /in one statement/.test(k.note));
    assert.equal(c.length, 1, JSON.stringify(x.conflicts.map((k) => k.note)));
    assert.equal(c[0].kind, 'place');
    assert.match(c[0].slot, /^direction from .*Selim/);
    assert.deepEqual(c[0].sides.map((s) => s.wordings[0]).sort(), ['east of Port Selim', 'west of Port Selim']);
    // the fact is the conflict's, not a corroboration of either direction
    assert.ok(!x.facts.some((f) => f.status === 'corroborated' && f.evidence.length === 2));
  });

  it('reads near points as one direction told roughly, and a sentence giving both as no side', () => {
    assert.deepEqual(
      inFact([
        'Gunmen in two skiffs attacked the ferry Marwa on Sunday about 80 nautical miles east of Port Selim, firing rifles at the bridge.',
        'Gunmen in two skiffs attacked the ferry Marwa on Sunday about 80 nautical miles northeast of Port Selim, firing rifles at the bridge.',
      ]).map((k) => k.note),
      [],
    );
    assert.deepEqual(
      inFact([
        'Gunmen attacked the ferry Marwa on Sunday as it sailed from east of Port Selim to west of Port Selim.',
        'Gunmen attacked the ferry Marwa on Sunday as it sailed from west of Port Selim to east of Port Selim.',
      ]).map((k) => k.slot),
      [],
    );
  });
});

describe('a state of one participant told two ways inside one fact', () => {
  it('opposes WordNet antonym clusters of a depictive on one act ("naked" / "clothed")', () => {
    const c = inFact([
      'Federal agents found the fugitive standing naked in a kitchen, holding a broom.',
      'Federal agents found the fugitive standing in a kitchen, fully clothed, holding a broom.',
    ]);
    assert.equal(c.length, 1);
    assert.equal(c[0].kind, 'attribute');
    assert.deepEqual(c[0].sides.map((s) => s.value).sort(), ['clothed', 'naked']);
  });

  it('leaves a modifier of a noun, a denied state and two acts apart', () => {
    // "naked" on a noun describes a thing, not the participant's state in the act
    assert.deepEqual(
      inFact([
        'Federal agents once found the fugitive holding a naked blade in a kitchen.',
        'Federal agents once found the fugitive holding a clothed doll in a kitchen.',
      ]).map((k) => k.note),
      [],
    );
    assert.deepEqual(
      inFact([
        'Federal agents once found the fugitive standing in a kitchen, not naked, holding a broom.',
        'Federal agents once found the fugitive standing in a kitchen, fully clothed, holding a broom.',
      ]).map((k) => k.note),
      [],
    );
  });

  it('reads a passive as an act, and a word on the first of two conjoined states as bearing on both', () => {
    // "was injured" tells the act (and here of no one); "unharmed" agrees with it
    assert.deepEqual(
      inFact([
        'One guard was shot on Friday but the other workers managed to flee the depot and no one else was injured.',
        'The other workers managed to flee the depot unharmed on Friday.',
      ]).map((k) => k.note),
      [],
    );
    // "poorly equipped and experienced" is "poorly experienced": the same as "inexperienced"
    assert.deepEqual(
      inFact([
        'Rangers said the hiking party appeared poorly equipped and experienced for the ridge walk on Friday.',
        'Rangers said the hiking party appeared poorly equipped and inexperienced for the ridge walk on Friday.',
      ]).map((k) => k.note),
      [],
    );
  });
});

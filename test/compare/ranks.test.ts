import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossCheckTexts, publishedAt } from './story.js';

// Invented wording in the shape of title-fight and game reports: which place in a series an act is.
const PUBLISHED = publishedAt('2014-03-09T12:00:00Z');
const LEAD = 'Marta Quell beat Dina Osk in Lisbon on Saturday.\n\n';
const ranks = (texts: string[]) => crossCheckTexts(texts, PUBLISHED, { lead: LEAD }).conflicts.filter((c) => c.sides.some((s) => s.normalized.unit === 'ordinal'));

describe('ranks: places in one series of one holder', () => {
  it('opposes two places of one act of one holder ("for the fifth time" / "for the sixth time")', () => {
    const c = ranks(['Marta Quell defended her title for the fifth time on Saturday.', 'Marta Quell defended her title for the sixth time on Saturday.']);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
    assert.deepEqual(c[0].sides.map((s) => s.value), ['5', '6']);
    assert.equal(c[0].pairs.length, 1);
  });

  it('opposes two places of a holder\'s own series named by one noun', () => {
    const c = ranks(['It was Marta Quell\'s ninth victory as a professional.', 'It was Marta Quell\'s eighth victory as a professional.']);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
    assert.deepEqual(c[0].sides.map((s) => s.value), ['8', '9']);
  });

  it('reads a noun that names an act as its verb ("his third arrest" / "arrested for the second time")', () => {
    const c = ranks(['It was Jon Pell\'s third arrest, police said on Saturday.', 'Jon Pell was arrested for the second time on Saturday.']);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
    assert.deepEqual(c[0].sides.map((s) => s.value), ['2', '3']);
  });

  it('does not oppose ranks of two holders, two acts, a streak, or a bounded series', () => {
    assert.deepEqual(ranks(['Marta Quell defended her title for the fifth time on Saturday.', 'Dina Osk defended her title for the sixth time last year.']).map((k) => k.note), []);
    assert.deepEqual(ranks(['Marta Quell defended her title for the fifth time on Saturday.', 'Marta Quell visited Lisbon for the sixth time on Saturday.']).map((k) => k.note), []);
    assert.deepEqual(ranks(['It was Marta Quell\'s ninth victory as a professional.', 'It was Marta Quell\'s eighth straight victory as a professional.']).map((k) => k.note), []);
    assert.deepEqual(ranks(['Marta Quell defended her title for the fifth time on Saturday.', 'Marta Quell defended her title for the second time this year on Saturday.']).map((k) => k.note), []);
  });

  it('does not oppose periods of a game in which two plays are told, only one play told with another shared figure', () => {
    // two plays: a score in the second quarter and another in the fourth
    assert.deepEqual(ranks(['Jon Pell scored a touchdown in the second quarter.', 'Jon Pell scored a touchdown in the fourth quarter.']).map((k) => k.note), []);
    // one play: the same 64-yard run placed in two quarters
    const c = ranks(['Jon Pell scored on a 64-yard run in the third quarter.', 'Jon Pell scored on a 64-yard run in the fourth quarter.']);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
  });

  it('compares no rank with a count ("his second arrest" / "three prior arrests")', () => {
    assert.deepEqual(ranks(['It was Jon Pell\'s second arrest for drunk driving.', 'Jon Pell had three prior arrests for drunk driving.']).map((k) => k.note), []);
  });
});

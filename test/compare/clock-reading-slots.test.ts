import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossCheckTexts, publishedAt } from './story.js';

// Invented match reports: a countdown clock's reading times one play, not a length.
const PUBLISHED = publishedAt('2015-02-14T23:00:00Z');
const clockConflicts = (texts: string[]) =>
  crossCheckTexts(texts, PUBLISHED).conflicts.filter((c) => c.kind === 'duration' || /clock|left|remaining/.test(c.slot));

describe('countdown clock readings', () => {
  it('does not oppose the readings of different plays ("with 20 seconds left" vs "with three minutes remaining")', () => {
    const c = clockConflicts([
      'The Hornets beat the Pelicans 88-84 on Saturday. Ortega hit a three-pointer with 20 seconds left to seal the win.',
      'The Hornets beat the Pelicans 88-84 on Saturday. Lindqvist blocked a layup with three minutes remaining and the Hornets never trailed again.',
      'The Hornets held on to beat the Pelicans 88-84 on Saturday after Ortega scored with 48 seconds left when the shot clock expired.',
    ]);
    assert.equal(c.length, 0, JSON.stringify(c.map((k) => `${k.slot}: ${k.note}`)));
  });

  it('does not oppose readings in two named periods ("6:00 remaining in the third quarter" vs "10 minutes left in the fourth quarter")', () => {
    const c = clockConflicts([
      'The Rams tied the game 13-13 with 6 minutes remaining in the third quarter before the defenses took over.',
      'The key play of the game came with 10 minutes left in the fourth quarter and the score tied 13-13.',
    ]);
    assert.equal(c.length, 0, JSON.stringify(c.map((k) => `${k.slot}: ${k.note}`)));
  });

  it('still reads the clock of one play told alike: "with 4 minutes remaining" and "with about four minutes left" agree', () => {
    const c = clockConflicts([
      'Ortega intercepted a pass and returned it 40 yards for the winning touchdown with 4 minutes remaining in the game.',
      'Ortega intercepted a pass and returned it 40 yards for the winning touchdown with about four minutes left in the game.',
    ]);
    assert.equal(c.length, 0, JSON.stringify(c.map((k) => `${k.slot}: ${k.note}`)));
  });

  it('opposes two readings of one play told alike ("with 4 minutes remaining" vs "with nine minutes left")', () => {
    const c = clockConflicts([
      'Ortega intercepted a pass and returned it 40 yards for the winning touchdown with 4 minutes remaining in the game.',
      'Ortega intercepted a pass and returned it 40 yards for the winning touchdown with nine minutes left in the game.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => `${k.slot}: ${k.note}`)));
    assert.match(c[0].slot, /time left on the clock/);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { zoneOffsetMinutes } from '../../src/analyse/time.js';
import { crossCheckTexts, publishedAt } from './story.js';

// Invented wire copy: one instant written in two time zones.
const PUBLISHED = publishedAt('2011-03-05T12:00:00Z');
const clockConflicts = (texts: string[]) => crossCheckTexts(texts, PUBLISHED).conflicts.filter((c) => c.slot === 'time of day of the event');

describe('clock times in two time zones', () => {
  it('reads the offsets of named zones', () => {
    assert.equal(zoneOffsetMinutes('PST'), -480);
    assert.equal(zoneOffsetMinutes('GMT'), 0);
    assert.equal(zoneOffsetMinutes('IST'), 330);
    assert.equal(zoneOffsetMinutes('ET', '2011-07-01'), -240);
    assert.equal(zoneOffsetMinutes('ET'), null);
  });

  it('does not oppose "9:15pm EST" and "0215 GMT Saturday" for one death', () => {
    const c = clockConflicts([
      'The novelist Arnold Pask died at 9:15pm EST on Friday in a Boston hospital, his publisher Ruth Ambler said.',
      'The novelist Arnold Pask died at 02:15 GMT Saturday in a Boston hospital, his publisher Ruth Ambler said.',
    ]);
    assert.equal(c.length, 0, JSON.stringify(c.map((k) => k.note)));
  });

  it('still opposes two times in two zones that are two instants', () => {
    const c = clockConflicts([
      'The novelist Arnold Pask died at 9:15pm EST on Friday in a Boston hospital, his publisher Ruth Ambler said.',
      'The novelist Arnold Pask died at 04:15 GMT Saturday in a Boston hospital, his publisher Ruth Ambler said.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
  });
});

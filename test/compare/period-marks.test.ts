import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossCheckTexts, publishedAt } from './story.js';

// Invented fight reports: a time gone in a numbered period (period-marks.ts). The third article's
// lead names the stoppage by its noun, so the story's own event (story-event.ts) is the stop.
const PUBLISHED = publishedAt('2016-03-12T23:00:00Z');
const NOUN_LEAD = 'The seventh-round stop of Ann Poe on Saturday was the fifth in a row for Jo Roe.';
const moments = (texts: string[]) => crossCheckTexts([...texts, NOUN_LEAD], PUBLISHED).conflicts.filter((c) => /period|clock/.test(c.slot));
const shown = (c: ReturnType<typeof moments>) => JSON.stringify(c.map((k) => `${k.slot}: ${k.note}`));

describe('a time gone in a numbered period (period-marks.ts)', () => {
  it('opposes two moments of the story\'s own event, however differently the sentences are worded ("44 seconds into the seventh round" / "at the 2:15 mark")', () => {
    const c = moments([
      'Jo Roe stopped Ann Poe on Saturday in Leeds. The referee stopped the fight 44 seconds into the seventh round.',
      'Jo Roe kept her belt on Saturday in Leeds. After flooring Poe in the sixth round with a left hook, Roe wasted little time in the seventh, and the referee stepped in, stopping the fight at the 2:15 mark.',
    ]);
    assert.equal(c.length, 1, shown(c));
    assert.match(c[0].slot, /period 7/);
    assert.deepEqual(c[0].sides.map((s) => s.value).sort(), ['2 min 15 s', '44 s']);
  });

  it('reads the period after the mark before one named earlier ("at the 2:15 mark of the seventh", after "in the sixth round")', () => {
    const c = moments([
      'Jo Roe stopped Ann Poe on Saturday in Leeds. The referee stopped the fight 44 seconds into the seventh round.',
      'Jo Roe kept her belt on Saturday in Leeds. Roe dropped Poe in the sixth round and the referee stopped the fight at the 2:15 mark of the seventh.',
    ]);
    assert.equal(c.length, 1, shown(c));
    assert.match(c[0].slot, /period 7/);
  });

  it('does not oppose two moments of an act that happens many times (two knockdowns in one round), nor readings of two periods', () => {
    const c = moments([
      'Jo Roe stopped Ann Poe on Saturday in Leeds. Roe floored Poe 30 seconds into the sixth round with a left hook. The referee stopped the fight 44 seconds into the seventh round.',
      'Jo Roe kept her belt on Saturday in Leeds. Roe floored Poe again at the 2:10 mark of the sixth round, this time with a right. The referee stopped the fight 44 seconds into the eighth round.',
    ]);
    assert.equal(c.length, 0, shown(c));
  });

  it('reads no period in an ordinal of another series ("40 minutes into the second day", "at the 2:15 mark of the third hour")', () => {
    const c = moments([
      'Jo Roe stopped Ann Poe on Saturday in Leeds. The referee stopped the fight 40 minutes into the second day of the tournament.',
      'Jo Roe kept her belt on Saturday in Leeds. The referee stopped the fight 10 minutes into the second day of the tournament.',
    ]);
    assert.equal(c.length, 0, shown(c));
  });

  it('never compares a countdown with a time gone ("with 2:16 left in the seventh round" is "44 seconds into" a three-minute round)', () => {
    const c = moments([
      'Jo Roe stopped Ann Poe on Saturday in Leeds. The referee stopped the fight 44 seconds into the seventh round.',
      'Jo Roe kept her belt on Saturday in Leeds. The referee stopped the fight with 2:16 left in the seventh round.',
    ]);
    assert.equal(c.length, 0, shown(c));
  });
});

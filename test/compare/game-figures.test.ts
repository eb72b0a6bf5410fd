import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossCheckTexts, publishedAt } from './story.js';

// Invented wording in the shape of game reports: one game, told by several outlets.
const PUBLISHED = publishedAt('2011-03-05T12:00:00Z');
const LEAD = 'The Rovers beat the Wanderers 65-53 on Friday night in the quarterfinals of the cup.\n\n';
const conflicts = (texts: string[], lead = LEAD) => crossCheckTexts(texts, PUBLISHED, { lead }).conflicts.filter((c) => c.severity === 'conflict');

describe("a player's figure in the game (game-figures.ts)", () => {
  it('opposes two figures of one player told in sentences that state one fact, a noun left out among them', () => {
    const c = conflicts([
      'Lena Brandt scored 14 points and Ines Dorn scored 13 for the Wanderers.',
      'Ines Dorn led the Wanderers with 13 points, while Lena Brandt added 12 for the visitors.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
    assert.deepEqual(c[0].sides.map((s) => s.value.replace(/\D/g, '')).sort(), ['12', '14']);
  });

  it('does not oppose a part of the game, another game of a round-up, or a career total', () => {
    assert.deepEqual(conflicts(['Lena Brandt scored 14 points and Ines Dorn scored 13 for the Wanderers.', 'Ines Dorn scored 13 points, and Lena Brandt had six points in the first half for the Wanderers.']).map((c) => c.note), []);
    // a round-up that does not write this game's score tells another game
    const game = 'The Rovers beat the Wanderers 65-53 on Friday night in the quarterfinals of the cup.\n\nLena Brandt scored 14 points and Ines Dorn scored 13 for the Wanderers.';
    const roundUp = 'The Wanderers won 80-62 at home in the league.\n\nLena Brandt scored 22 points and Ines Dorn scored 13 for the Wanderers.';
    assert.deepEqual(conflicts([game, game, roundUp], '').map((c) => c.note), []);
    assert.deepEqual(conflicts(['Lena Brandt scored 14 points for the Wanderers.', 'Lena Brandt ended the game with 1,214 points for the Wanderers.']).map((c) => c.note), []);
  });
});

describe("a team's record (standings.ts)", () => {
  const records = (texts: string[], lead = LEAD) => crossCheckTexts(texts, PUBLISHED, { lead }).conflicts.filter((c) => c.slot.startsWith('record of'));
  it('opposes "the Rovers (10-5)" and "the Rovers\u2019 record rose to 9-5"', () => {
    const c = records(['The Rovers (10-5) clinched a place in the semifinals.', 'By beating the Wanderers, the Rovers\u2019 record rose to 9-5 this season.', 'The Rovers stand at 10-5 after the win.']);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
    assert.equal(c[0].sides.length, 2);
  });

  it('does not oppose a part of the season, another season, another team, or a round-up of another day', () => {
    assert.deepEqual(records(['The Rovers (10-5) clinched a place in the semifinals.', 'The Rovers were 4-4 on the road and moved their record to 9-1 in one-score games.']).map((c) => c.note), []);
    assert.deepEqual(records(['The Rovers (10-5) clinched a place.', 'The 2008 Rovers (2-14) were the worst team of the league.']).map((c) => c.note), []);
    assert.deepEqual(records(['The Rovers (10-5) clinched a place.', 'The Wanderers (2-13) lost again.']).map((c) => c.note), []);
    assert.deepEqual(records(['The Rovers (10-5) clinched a place.', 'Ines Dorn had 15 points for the Rovers (14-1), who were beaten at home on Sunday.']).map((c) => c.note), []);
  });
});

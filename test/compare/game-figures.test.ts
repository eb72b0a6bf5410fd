import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossCheckStory } from '../../src/compare/index.js';
import { crossCheckTexts, inventedArticle, publishedAt } from './story.js';

// Invented wording in the shape of game reports: one game, told by several outlets.
const PUBLISHED = publishedAt('2011-03-05T12:00:00Z');
const LEAD = 'The Rovers beat the Wanderers 65-53 on Friday night in the quarterfinals of the cup.\n\n';
const conflicts = (texts: string[], lead = LEAD) => crossCheckTexts(texts, PUBLISHED, { lead }).conflicts.filter((c) => c.severity === 'conflict');
/** The conflicts of one kind of slot (its name's first words) among these texts. */
const inSlot = (prefix: string) => (texts: string[]) => crossCheckTexts(texts, PUBLISHED, { lead: LEAD }).conflicts.filter((c) => c.slot.startsWith(prefix));

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
  const records = inSlot('record of');
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

describe('the score at one reading of the game clock (scores.ts)', () => {
  const scores = inSlot('score with');
  it('opposes "at 45-35 ... with 13:41 to go" and "a 45-36 lead with 13:41 to play"', () => {
    const c = scores(['The Rovers took their first double-digit lead at 45-35 on a pair of free throws with 13:41 to go.', 'Two free throws allowed the Rovers to open a 45-36 lead with 13:41 to play.']);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
    assert.deepEqual(c[0].sides.map((s) => s.value).sort(), ['45-35', '45-36']);
  });
  it('does not oppose two periods, a run, a final score, or the same score told from the other side', () => {
    assert.deepEqual(scores(['It was 19-12 with 11:43 left in the first half.', 'It was 50-44 with 11:43 left in the second half.']).map((c) => c.note), []);
    assert.deepEqual(scores(['The Wanderers went on a 9-2 run with 10:03 to play.', 'The Wanderers closed to 47-44 with 10:03 to play.']).map((c) => c.note), []);
    assert.deepEqual(scores(['The Rovers led 45-36 with 13:41 to play.', 'The Wanderers trailed 36-45 with 13:41 to play.']).map((c) => c.note), []);
  });
});

describe('running totals and game figures change with each game', () => {
  it('does not oppose totals of articles published days apart', () => {
    const at = (id: string, text: string, iso: string) => inventedArticle(id, LEAD + text, publishedAt(iso));
    const x = crossCheckStory({
      storyId: 's',
      articles: [at('a0', 'Marta Kowal now has 1,540 career points.', '2011-03-05T12:00:00Z'), at('a1', 'Marta Kowal now has 1,450 career points.', '2011-03-09T12:00:00Z')],
      copies: [],
    });
    assert.deepEqual(x.conflicts.map((c) => c.note), []);
  });
});

describe('the mark a player passed (marks.ts)', () => {
  const marks = inSlot('mark of');
  it('opposes "overtake Brandt (2,116)" and "broke Lena Brandt\u2019s scoring record of 2,106"', () => {
    const c = marks(['With six more points, Marta Kowal overtook Brandt (2,116) on the career chart.', 'Kowal broke Lena Brandt\u2019s school scoring record of 2,106 points with a free throw.']);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
    assert.deepEqual(c[0].sides.map((s) => s.value).sort(), ['2,106', '2,116']);
  });
  it('does not oppose two people passed, or a figure not after a verb of surpassing', () => {
    assert.deepEqual(marks(['Kowal passed Ines Dorn (2,110) and then Lena Brandt (2,116).', 'Kowal broke Lena Brandt\u2019s school scoring record of 2,116 points.']).map((c) => c.note), []);
    assert.deepEqual(marks(['Kowal overtook Brandt (2,116) on the career chart.', 'Lena Brandt (2,106) watched from the stands.']).map((c) => c.note), []);
  });
});

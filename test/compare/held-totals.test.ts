import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossCheckTexts, publishedAt } from './story.js';

// Invented wording in the shape of a game report: a player's running total, told as held now.
const PUBLISHED = publishedAt('2011-03-05T12:00:00Z');
const LEAD = 'Marta Kowal broke the school scoring record on Friday night in a win over the visitors.\n\n';
const totals = (texts: string[]) =>
  crossCheckTexts(texts, PUBLISHED, { lead: LEAD }).conflicts.filter((c) => c.kind === 'count' || c.kind === 'quantity');

describe("a named person's running total (holdings.ts)", () => {
  it('opposes two totals of one noun held now by one person', () => {
    const c = totals(['Marta Kowal now has 1,540 career points as a senior.', 'The game stopped when Kowal, who now has 1,450 points, made the basket.']);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
    assert.deepEqual(c[0].sides.map((s) => s.value.replace(/\D/g, '')).sort(), ['1450', '1540']);
  });

  it('reads the counted noun past the adjectives and names before it ("four unpaid parking tickets")', () => {
    const c = totals(['Marta Kowal now has four unpaid parking tickets on file.', 'Kowal, who now has six unpaid parking tickets, paid a fine.']);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
    assert.deepEqual(c[0].sides.map((s) => s.value.replace(/\D/g, '')).sort(), ['4', '6']);
  });

  it('does not oppose a past figure, a rate or another person to the total', () => {
    const c = totals([
      'Marta Kowal now has 1,540 career points as a senior.',
      'Kowal entered the game with 1,520 points, and Ines Dorn now has 1,480 points.',
      'Kowal has 21 points a game this season, and she had 20 points on Friday.',
    ]);
    assert.deepEqual(c.map((k) => k.note), []);
  });

  it('adds "ended the game with" the same total to that total\u2019s side, and no other value', () => {
    const c = totals([
      'Marta Kowal now has 1,540 career points as a senior.',
      'The game stopped when Kowal, who now has 1,450 points, made the basket.',
      'Kowal ended the game with 1,540 points.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
    const side = c[0].sides.find((s) => s.value.replace(/\D/g, '') === '1540');
    assert.equal(new Set(side?.evidence.map((e) => e.articleId)).size, 2, JSON.stringify(side?.wordings));
    // (another value at the end of the game may be the game's own figure: no side, no conflict)
    assert.deepEqual(totals(['Marta Kowal now has 1,540 career points as a senior.', 'Kowal ended the game with 24 points.']).map((k) => k.note), []);
  });
});

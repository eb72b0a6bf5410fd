import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossCheckTexts, publishedAt } from './story.js';

// Invented wording: a ship seizure, a storm, a shooting, a charge sheet and a game, told by two outlets.
const PUBLISHED = publishedAt('2026-03-06T12:00:00Z');
const conflicts = (texts: string[]) =>
  crossCheckTexts(texts, PUBLISHED)
    .conflicts.filter((c) => c.severity === 'conflict')
    .map((c) => `${c.slot}: ${c.sides.map((s) => s.value).join(' / ')}`);

describe('a conjunct counting its own kind of things (count-slots.ts conjunctTotal)', () => {
  it('opposes two counts of one noun told as conjuncts of two other nouns', () => {
    const c = conflicts([
      'Pirates seized a cargo ship off the coast on Monday. The pirates took two ships and 30 crew members hostage, officials said.',
      'Pirates seized a cargo ship off the coast on Monday. The pirates took two ships and 25 crew members hostage, officials said.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c));
    assert.match(c[0], /number of member .*: 25 \/ 30/);
  });

  it('keys a later conjunct by the act of the first: "took two ships and 30 crew members" against "took 25 crew members"', () => {
    const c = conflicts([
      'Pirates seized a cargo ship off the coast on Monday. The pirates took two ships and 30 crew members hostage, officials said.',
      'Pirates seized a cargo ship off the coast on Monday. The pirates took 25 crew members hostage, officials said.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c));
    assert.match(c[0], /number of member \(take\): 25 \/ 30/);
  });

  it('opposes the later conjunct as well as the first', () => {
    const c = conflicts([
      'A storm hit the coast on Monday. The storm destroyed 50 schools and 1,500 houses, officials said.',
      'A storm hit the coast on Monday. The storm destroyed 50 schools and 2,500 houses, officials said.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c));
    assert.match(c[0], /number of house/);
  });

  it('keeps a partition of people a part: "two women and a man" is no toll against "three people"', () => {
    assert.deepEqual(
      conflicts([
        'A gunman opened fire in a bank on Monday. The gunman killed two women and a man, police said.',
        'A gunman opened fire in a bank on Monday. The gunman killed three people, police said.',
      ]),
      [],
    );
  });

  it('keeps conjuncts of one noun a part: "two murder charges and one attempted murder charge"', () => {
    assert.deepEqual(
      conflicts([
        'Roe was charged on Monday. Roe was charged with two murder charges and one attempted murder charge, police said.',
        'Roe was charged on Monday. Roe was charged with three charges, police said.',
      ]),
      [],
    );
  });

  it("keeps a person's line of figures a part (a score beside it, or a person holding it): it is told of many people and games", () => {
    assert.deepEqual(
      conflicts([
        'The Tigers beat the Hawks 70-61 on Saturday. Jane Roe finished the game with 25 points and 16 rebounds.',
        'The Tigers beat the Hawks 70-61 on Saturday. Jane Roe finished the game with 25 points and nine rebounds.',
      ]),
      [],
    );
    assert.deepEqual(
      conflicts([
        'The Tigers beat the Hawks 70-61 on Saturday. The leading scorer, Jane Roe, posted 25 points to go with eight rebounds and six assists.',
        'The Tigers beat the Hawks 70-61 on Saturday. The leading scorer, Jane Roe, posted 25 points to go with eight rebounds and four assists.',
      ]),
      [],
    );
  });
});

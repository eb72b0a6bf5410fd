import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossCheckTexts, publishedAt } from './story.js';

// Invented wording (issue 15): durations and distances whose slot comes from one reading of their
// words are compared only when a second, independent check holds (src/compare/two-checks.ts).
const PUBLISHED = publishedAt('2019-05-14T09:00:00Z');
const slots = (texts: string[], re: RegExp) => crossCheckTexts(texts, PUBLISHED).conflicts.filter((c) => re.test(c.slot));

describe('a distance from a place', () => {
  it('of two named towns is two distances, not one disputed', () => {
    const c = slots(
      [
        'Rescue teams reached Varnel, a fishing town 120 kilometers south of Ostrava, on Monday.',
        'The governor flew to Pelko, which lies 300 kilometers south of Ostrava, to inspect the damage.',
      ],
      /distance/,
    );
    assert.deepEqual(c.map((k) => k.slot), []);
  });

  it('of one named town told two ways is disputed', () => {
    const c = slots(
      [
        'Rescue teams reached Varnel, a fishing town 120 kilometers south of Ostrava, on Monday.',
        'The governor flew to Varnel, which lies 300 kilometers south of Ostrava, to inspect the damage.',
      ],
      /distance/,
    );
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.slot)));
  });
});

describe('a duration of a named thing', () => {
  it('needs a noun: "two hours later" and "five hours later" measure nothing in common', () => {
    const c = slots(
      [
        'A gunman opened fire at a bus stop in Harlow on Monday, and police arrested a suspect two hours later.',
        'The victim, a 40-year-old teacher, died in hospital five hours later, her family said on Thursday.',
      ],
      /duration/,
    );
    assert.deepEqual(c.map((k) => k.slot), []);
  });

  it('of two meetings with other participants is not compared', () => {
    const c = slots(
      ['Mayor Alan Brisk held a three-hour meeting with union leaders on Monday.', 'Governor Clara Wend held a seven-hour meeting with farmers on Monday.'],
      /duration/,
    );
    assert.deepEqual(c.map((k) => k.slot), []);
  });

  it("of the story's own talks is compared when one sentence names no one", () => {
    const c = slots(
      [
        'Meeting in the capital after approximately four hours of talks, the two leaders signed a joint statement on trade.',
        'After over seven-hour-long talks, President Alda Marsh and Premier Oskar Venn signed a joint statement on trade.',
        'President Alda Marsh and Premier Oskar Venn held talks in the capital on trade and security.',
      ],
      /duration/,
    );
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.slot)));
  });

  it('of one meeting of the same people is compared', () => {
    const c = slots(
      ['Mayor Alan Brisk held a three-hour meeting with union leaders on Monday.', 'Mayor Alan Brisk held a seven-hour meeting with the union leaders on Monday.'],
      /duration/,
    );
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.slot)));
  });
});

describe("a quake's magnitude", () => {
  it('of two quakes on other days is not disputed', () => {
    const c = slots(['A magnitude 5.6 earthquake struck Varnel province on Sunday, damaging dozens of homes.', 'A magnitude 6.2 earthquake struck Pelko province on Tuesday, damaging dozens of homes.'], /magnitude/);
    assert.deepEqual(c.map((k) => k.slot), []);
  });

  it('of one quake told two ways is disputed', () => {
    const c = slots(['A magnitude 5.6 earthquake struck Varnel province on Sunday, damaging dozens of homes.', 'A magnitude 6.2 earthquake struck Varnel province on Sunday, damaging dozens of homes.'], /magnitude/);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.slot)));
  });
});

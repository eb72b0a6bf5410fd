import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossCheckTexts, publishedAt } from './story.js';

// Invented wording in the shape of wire copy.
const PUBLISHED = publishedAt('2012-05-10T12:00:00Z');
const conflicts = (texts: string[], what: RegExp) => crossCheckTexts(texts, PUBLISHED).conflicts.filter((c) => c.severity === 'conflict' && what.test(c.slot));

describe('a total with its members listed after it', () => {
  it('reads "four people, a woman and three men, were killed" as the death toll, against five', () => {
    const c = conflicts(
      [
        'Four people, a woman and three men, were killed when a gas tank exploded at a warehouse in the port on Wednesday.',
        'Five people were killed when a gas tank exploded at a warehouse in the port on Wednesday, officials said.',
      ],
      /death toll/,
    );
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
    assert.equal(c[0].sides.length, 2);
  });

  it('does not read "a woman and three men were killed" as a toll of three against four', () => {
    const c = conflicts(
      [
        'A woman and three men were killed when a gas tank exploded at a warehouse in the port on Wednesday.',
        'Four people were killed when a gas tank exploded at a warehouse in the port on Wednesday, officials said.',
      ],
      /death toll/,
    );
    assert.equal(c.length, 0, JSON.stringify(c.map((k) => k.note)));
  });
});

describe('"others" after a figure of another frame', () => {
  it('opposes "killing two and injuring six others" and "nine others were injured" as the injured', () => {
    const c = conflicts(
      [
        'A gas tank exploded at a warehouse in the port on Wednesday, killing two workers and injuring six others, officials said.',
        'Two workers were killed and nine others were injured when a gas tank exploded at a warehouse in the port on Wednesday.',
      ],
      /injured/,
    );
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
  });

  it('leaves "two more victims were found" an increment', () => {
    const c = conflicts(
      [
        'Two more victims were found in the rubble of the warehouse in the port on Thursday, officials said.',
        'Five people were killed when a gas tank exploded at a warehouse in the port on Wednesday, officials said.',
      ],
      /death toll/,
    );
    assert.equal(c.length, 0, JSON.stringify(c.map((k) => k.note)));
  });
});

describe('a duration no noun names', () => {
  it('joins "the firefighters battled the blaze for nine hours" to "the blaze lasted six hours" when the sentences state one fact', () => {
    const c = conflicts(
      [
        'The warehouse blaze in the port lasted six hours on Wednesday, firefighters said.',
        'Firefighters battled the warehouse blaze in the port on Wednesday for nine hours, they said.',
      ],
      /duration|how long/,
    );
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
  });

  it('does not oppose how much of a term is done ("completed 30 days in the programme") to the term ("a 90-day programme")', () => {
    const c = conflicts(
      [
        'The singer has completed 30 days in the rehabilitation programme at a clinic in the city, her spokesman said.',
        'The singer entered a 90-day rehabilitation programme at a clinic in the city, her spokesman said.',
      ],
      /duration|how long/,
    );
    assert.equal(c.length, 0, JSON.stringify(c.map((k) => k.note)));
  });

  it('does not oppose the part of a term done ("has finished 30 days of rehab") to the term ("ordered to spend 90 days in rehab")', () => {
    const c = conflicts(
      [
        'The actress has finished 30 days of rehab at the clinic in the city as part of her sentence, her lawyer said.',
        'The actress was ordered to spend 90 days in rehab at the clinic in the city as part of her sentence, her lawyer said.',
      ],
      /duration|how long/,
    );
    assert.equal(c.length, 0, JSON.stringify(c.map((k) => k.slot)));
  });
});

describe('"he" in a chain of sentences about one person', () => {
  it('stands for the person named two sentences back: a time of day of his is compared', () => {
    const x = crossCheckTexts(
      [
        'Tom Ashby was arrested early on Sunday on suspicion of drunk driving.\n\nHe was taken to the county jail.\n\nHe was driving his car on the coast road at about 1 a.m. when officers stopped him.',
        'Tom Ashby was driving his car on the coast road at about 3 a.m. when officers stopped him, police said.',
      ],
      PUBLISHED,
    );
    const c = x.conflicts.filter((k) => k.slot === 'time of day of the event');
    assert.equal(c.length, 1, JSON.stringify(x.conflicts.map((k) => k.note)));
  });
});

describe('a day between the thing that lasted and its verb', () => {
  it('reads "the blaze on Wednesday lasted six hours" as the blaze\'s duration, not the Wednesday\'s', () => {
    const c = crossCheckTexts(
      [
        'The warehouse blaze on Wednesday lasted six hours, firefighters said after the fire in the port was put out.',
        'The warehouse blaze lasted nine hours, firefighters said after the fire in the port was put out on Wednesday.',
      ],
      PUBLISHED,
    ).conflicts.filter((k) => /duration/.test(k.slot));
    assert.ok(c.every((k) => !/wednesday/i.test(k.slot)), JSON.stringify(c.map((k) => k.slot)));
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.slot)));
    assert.match(c[0].slot, /blaze/);
  });
});

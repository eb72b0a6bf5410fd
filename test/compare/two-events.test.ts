import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossCheckTexts, publishedAt } from './story.js';

// Invented wording: stories that a grouping error makes of two similar events (issue 15), where a
// value of one event must not be set against a value of the other.
const PUBLISHED = publishedAt('2014-03-07T09:00:00Z');
const slots = (texts: string[], re: RegExp) => crossCheckTexts(texts, PUBLISHED).conflicts.filter((c) => re.test(c.slot));

describe('a count of children is a parent’s', () => {
  it('two parents named in two articles: their children are not compared', () => {
    const c = slots(
      [
        'Officials said Maria Lenz and her four children moved to Eastbury from Northport in January 2007.',
        'A jury convicted a gunman on Tuesday of killing Dana Okoro, a mother of 12, outside a school in Westfield.',
      ],
      /children/,
    );
    assert.deepEqual(c.map((k) => k.slot), []);
  });

  it('one parent named on both sides: the counts are compared', () => {
    const c = slots(
      [
        'A jury convicted a gunman on Tuesday of killing Dana Okoro, a mother of 12, outside a school in Westfield.',
        'Jurors on Tuesday convicted the gunman who killed Dana Okoro, a mother of 13, outside a Westfield school.',
      ],
      /children/,
    );
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.slot)));
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossCheckTexts, publishedAt } from './story.js';

// Invented wording in the shape of crime news: two people no outlet names, their ages as a list.
const PUBLISHED = publishedAt('2011-01-06T12:00:00Z');
const LEAD = 'Police found two women dead in an apartment on Wednesday and charged a neighbour with murder.\n\n';
const ages = (texts: string[]) => crossCheckTexts(texts, PUBLISHED, { lead: LEAD }).conflicts.filter((c) => c.slot.includes('listed'));

describe('ages listed for a group no one names', () => {
  it('compares the lists by rank, in whatever order outlets give them', () => {
    const c = ages([
      'Officers found the bodies of two women -- 68 and 48-years-old -- inside the apartment.',
      'The names of the women killed, who were 48 and 61 years old, have not been released.',
    ]);
    assert.deepEqual(c.map((k) => k.slot), ['age of the elder of 2 listed (woman)']);
    assert.deepEqual(c[0].sides.map((s) => s.value).sort(), ['61 age', '68 age']);
  });

  it('keeps groups of other nouns, ranges and named people apart', () => {
    const c = ages([
      'Officers found the bodies of two women -- 68 and 48-years-old -- inside the apartment.',
      'The neighbour has two sons, ages 16 and 6.',
      'Two women, between 30 and 40 years old, were questioned.',
      'Jane Roe and Mary Doe, 61 and 48 years old, lived there.',
    ]);
    assert.deepEqual(c.map((k) => k.slot), []);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossCheckTexts, publishedAt } from './story.js';

// Invented wording in the shape of an obituary: a former official's prison term, told several ways.
const PUBLISHED = publishedAt('2011-01-06T12:00:00Z');
const LEAD = 'Martin Oakes, a former city treasurer convicted in a bribery scandal, has died at his home. He was 81.\n\n';
const served = (texts: string[]) => crossCheckTexts(texts, PUBLISHED, { lead: LEAD }).conflicts.filter((c) => c.slot.includes('served'));

describe('how long a named person served', () => {
  it('opposes the time one person served as outlets tell it (a verb, "after serving", a relative clause, a pronoun)', () => {
    const c = served([
      'Oakes served six months in a federal prison for his role in the scandal.',
      'Oakes returned to his farm after serving more than three years for his role in the scandal.',
      'Oakes, who served a six-month prison term, later taught accounting.',
      'He served 180 days.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.slot)));
    assert.deepEqual(c[0].sides.map((s) => s.articles.length).sort(), [1, 3]);
  });

  it('does not oppose the sentence imposed, a part of a sentence, a post held, or a term still to serve', () => {
    const c = served([
      'Oakes served six months in a federal prison.',
      'Oakes was sentenced to three years, and he served most of a two-year sentence.',
      'Oakes served as city treasurer for 12 years before the scandal.',
      'A judge ordered Oakes to serve 90 days of house arrest.',
      'Oakes, who is serving a four-year sentence, was not available.',
    ]);
    assert.deepEqual(c.map((k) => k.slot), []);
  });

  it("keeps two people's terms apart", () => {
    const c = served(['Oakes served six months in a federal prison.', 'His deputy, Jane Roe, served three years in a state prison.']);
    assert.deepEqual(c.map((k) => k.slot), []);
  });
});

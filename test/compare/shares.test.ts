import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossCheckTexts, publishedAt } from './story.js';

// Invented wording in the shape of an outage story: shares of services lost, per country.
const PUBLISHED = publishedAt('2011-01-06T12:00:00Z');
const LEAD = 'Two undersea cables were cut off the coast on Wednesday, disrupting internet traffic across the region.\n\n';
const shares = (texts: string[]) => crossCheckTexts(texts, PUBLISHED, { lead: LEAD }).conflicts.filter((c) => c.slot.startsWith('share of'));

describe('a share of one thing in one place', () => {
  it('opposes "N percent of X in P" and "X in P were down by M percent"', () => {
    const c = shares(['Internet services in Chile were down by 80 percent, officials said.', 'Officials said up to 60 per cent of web services in Chile were disrupted.']);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.slot)));
    assert.equal(c[0].slot, 'share of service in Chile');
  });

  it('does not compare other nouns, other places, places named otherwise than by "in", or compatible bounds', () => {
    const c = shares([
      'Internet services in Chile were down by 80 percent, officials said.',
      'Officials said 50 percent of voice traffic in Chile was lost.',
      'Officials said 50 percent of web services in Peru were disrupted.',
      "Officials said 40 percent of Chile's web services were disrupted.",
      'Officials said up to 90 percent of web services in Chile were disrupted.',
    ]);
    assert.deepEqual(c.map((k) => k.slot), []);
  });
});

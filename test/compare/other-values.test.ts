import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corroboratedShortIds, publishedAt } from './story.js';

// Invented wording throughout.
const PUBLISHED = publishedAt('2019-03-14T09:00:00Z');
const facts = (texts: string[]) => corroboratedShortIds(texts, PUBLISHED);

describe('a member that gives another figure for what the others count', () => {
  it('leaves the fact: two outlets put the toll at one value, a third at another', () => {
    const got = facts([
      'A storm flooded the valley town of Kelso in March 2011, killing more than 4,000 people.',
      'The March 2011 storm that flooded Kelso killed more than 4,000 people in the valley town.',
      'The March 2011 storm flooded the valley town of Kelso and killed more than 2,500 people.',
    ]);
    assert.ok(got.includes('a0 a1'), `the two that agree make the fact: ${JSON.stringify(got)}`);
    assert.ok(!got.some((f) => f.split(' ').includes('a2')), `the other toll is no support: ${JSON.stringify(got)}`);
  });
  it('a figure told with the same value, or rounded, stays', () => {
    const got = facts([
      'A storm flooded the valley town of Kelso in March 2011, killing more than 4,000 people.',
      'The March 2011 storm that flooded Kelso killed more than 4,000 people in the valley town.',
      'The March 2011 storm flooded the valley town of Kelso and killed about 4,000 people.',
    ]);
    assert.ok(got.includes('a0 a1 a2'), `one fact of the three: ${JSON.stringify(got)}`);
  });
  it('two members that disagree and nothing else: no fact of the figure', () => {
    const got = facts([
      'A storm flooded the valley town of Kelso in March 2011, killing more than 4,000 people.',
      'The March 2011 storm flooded the valley town of Kelso and killed more than 2,500 people.',
    ]);
    assert.ok(!got.includes('a0 a1'), `the two tolls corroborate nothing together: ${JSON.stringify(got)}`);
  });
  it('a sentence of many figures (a list or a table) counts no one figure: read, not compared', () => {
    const list = Array.from({ length: 40 }, (_, i) => `${i + 2} people in ward ${i + 1}`).join(', ');
    const got = facts([
      `The March 2011 storm in Kelso killed ${list}.`,
      `The March 2011 storm in Kelso killed ${list}.`,
      'The March 2011 storm flooded the valley town of Kelso and killed more than 2,500 people.',
    ]);
    assert.ok(Array.isArray(got));
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossCheckStory } from '../../src/compare/index.js';
import { inventedArticle, publishedAt } from './story.js';

// Invented wording in the shape of mountain-accident news: one outlet names the climber, another gives a role and an age.
const PUBLISHED = publishedAt('2013-02-25T09:00:00Z');
const LEAD = 'Two climbers died in separate falls in a national park over the weekend, police said.\n\n';
const falls = (texts: string[]) =>
  crossCheckStory({ storyId: 's', articles: texts.map((t, i) => inventedArticle(`c${i}`, LEAD + t, PUBLISHED)), copies: [] }).conflicts.filter((c) => /how far/.test(c.slot));

describe('someone named by a role and an age', () => {
  it('"a 41-year-old climber fell 150 metres" is the fall of the one person the story gives that age', () => {
    const c = falls([
      'On Friday, 41-year-old Helen Varga died after slipping and falling about 60 metres from a ridge.',
      'A 41-year-old climber died on Friday after falling about 150 metres from a ridge.',
      'The 41-year-old, who had been living in Dunedin, slipped and fell about 150 metres down an icy gully.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.slot)));
    assert.match(c[0].slot, /Varga/);
    assert.deepEqual(c[0].sides.map((s) => s.articles.length).sort(), [1, 2]);
  });

  it('"he" with no one named before it is the role of the clause above', () => {
    const c = falls([
      'On Friday, 41-year-old Helen Varga died after slipping and falling about 60 metres from a ridge.',
      'A 41-year-old climber died on Friday morning after he slipped and fell about 150 metres down an icy gully.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.slot)));
    assert.match(c[0].slot, /Varga/);
  });

  it('is not the age of another role in the sentence', () => {
    assert.deepEqual(
      falls([
        'On Friday, 41-year-old Helen Varga died after slipping and falling about 60 metres from a ridge.',
        'When a 41-year-old woman was found at the foot of the ridge, the guide ran about 150 metres to a hut for help.',
      ]).map((k) => k.slot),
      [],
    );
  });

  it('is no one when two named people have that age, and no one named has it', () => {
    assert.deepEqual(
      falls([
        'On Friday, 41-year-old Helen Varga died after slipping and falling about 60 metres from a ridge. Her companion Tom Reyes, 41, was unhurt.',
        'A 41-year-old climber died on Friday after falling about 150 metres from a ridge.',
      ]).map((k) => k.slot),
      [],
    );
    assert.deepEqual(
      falls(['On Friday, 41-year-old Helen Varga died after slipping and falling about 60 metres from a ridge.', 'A 29-year-old climber died on Friday after falling about 150 metres from a ridge.']).map(
        (k) => k.slot,
      ),
      [],
    );
  });
});

describe('one surname spelled two ways', () => {
  it('"Helen Varga" and "Helen Vargas" are one person: their falls are compared', () => {
    const c = falls([
      'On Friday, 41-year-old Helen Varga died after slipping and falling about 60 metres from a ridge.',
      'On Friday, 41-year-old Helen Vargas died after slipping and falling about 150 metres from a ridge.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.slot)));
  });

  it('two first names that sound different stay two people', () => {
    assert.deepEqual(
      falls([
        'On Friday, 41-year-old Helen Varga died after slipping and falling about 60 metres from a ridge.',
        'On Friday, 41-year-old Peter Vargas died after slipping and falling about 150 metres from a ridge.',
      ]).map((k) => k.slot),
      [],
    );
  });
});

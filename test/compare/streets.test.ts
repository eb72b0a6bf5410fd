import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { oneStreetTwoWays, oneWordTwoWays } from '../../src/compare/streets.js';
import { crossCheckTexts, publishedAt } from './story.js';

// Invented wording in the shape of local crime news: the address where two bodies were found.
const PUBLISHED = publishedAt('2009-02-11T12:00:00Z');
const LEAD = 'Police charged a 35-year-old man on Tuesday with the killing of two women found in a flat in Westerby.\n\n';
const places = (texts: string[]) => crossCheckTexts(texts, PUBLISHED, { lead: LEAD }).conflicts.filter((c) => c.kind === 'place');

describe('one street spelled two ways', () => {
  it('opposes two spellings of one word of a street by two outlets, with every mention', () => {
    const c = places([
      'The bodies were found in a second-floor apartment on Carrowmore Street, a spokesman said.',
      'The gas stove in the Carrowmoor Street apartment had been left on, investigators said.',
      'Neighbours on Carrowmore Street said they had smelled gas for days.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
    assert.deepEqual(c[0].sides.map((s) => s.value).sort(), ['Carrowmoor Street', 'Carrowmore Street']);
    assert.deepEqual(c[0].sides.map((s) => s.articles.length).sort(), [1, 2]);
  });

  it('does not oppose two streets of one story, or two spellings one article writes', () => {
    const notes = (texts: string[]) => places(texts).map((c) => c.note);
    assert.deepEqual(notes(['The bodies were found in an apartment on Carrowmore Street.', 'He was arrested in a flat on Dunmere Street later that night.']), []);
    assert.deepEqual(notes(['The bodies were found in an apartment on Carrowmore Street.', 'He was arrested in a flat on Carrowmore Road later that night.']), []);
    assert.deepEqual(notes(['He appeared before Westerby Magistrates Court on Monday.', "He appeared before Westerby Magistrates' Court on Monday."]), []);
    assert.deepEqual(
      notes(['The bodies were found in an apartment on Carrowmore Street.', 'The gas stove in the Carrowmoor Street apartment had been left on, near Carrowmore Street.']),
      [],
    );
  });
});

describe('street names', () => {
  it('reads one word two ways only for a long common beginning and short different ends', () => {
    assert.ok(oneWordTwoWays('carrowmore', 'carrowmoor'));
    assert.ok(!oneWordTwoWays('westbridge', 'westbridges'));
    assert.ok(oneWordTwoWays('westbridge', 'westbridgee'));
    assert.ok(!oneWordTwoWays('westbridge', 'westbrook'));
    assert.ok(!oneWordTwoWays('mill', 'mills'));
    assert.ok(!oneWordTwoWays('carrow', 'carrowmore'));
    assert.ok(!oneWordTwoWays('123rd', '124th'));
    assert.ok(oneStreetTwoWays('north carrowmore street', 'north carrowmoor street'));
    assert.ok(!oneStreetTwoWays('carrowmore street', 'carrowmore road'));
    assert.ok(!oneStreetTwoWays('carrowmore street', 'north carrowmoor street'));
  });
});

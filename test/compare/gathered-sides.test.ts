import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossCheckTexts, publishedAt } from './story.js';

// Invented wording (issue 15): a reported conflict names every article that states one of its values.
const PUBLISHED = publishedAt('2011-04-14T12:00:00Z');
const LEAD = 'Two men were charged on Tuesday after a break-in at a hardware store.\n\n';
const sidesOf = (texts: string[], kind: string, lead = '') =>
  crossCheckTexts(texts, PUBLISHED, { lead })
    .conflicts.filter((c) => c.kind === kind)
    .map((c) => c.sides.map((s) => [s.value, s.articles] as const));

describe('a conflict gathers every statement of its values', () => {
  it('gathers a named person\'s age that states one fact with a listed age', () => {
    const sides = sidesOf(
      [
        'Police found the bodies of two women, 68 and 48 years old, in an apartment on Elm Street on Tuesday.',
        'The bodies of two women, who were 61 and 48 years old, were found in an apartment on Elm Street on Tuesday.',
        'The bodies of Marta Quill, 61, and Rena Voss, 48, were found in an apartment on Elm Street on Tuesday.',
      ],
      'quantity',
    );
    assert.deepEqual(sides, [
      [
        ['61 age', ['a1', 'a2']],
        ['68 age', ['a0']],
      ],
    ]);
  });

  it('gathers the place of another act told in one sentence with the disputed one, not of an act told alone', () => {
    const told = sidesOf(['Tomas Brandt was arrested after police found him barricaded in a room on Wexley Street.', 'Tomas Brandt was found barricaded in a room on Harrow Road.', 'Tomas Brandt was arrested at a Wexley Street apartment.'], 'place', LEAD);
    assert.deepEqual(told[0]?.map(([, arts]) => arts), [['a0', 'a2'], ['a1']]);
    const alone = sidesOf(['Tomas Brandt was found barricaded in a room on Wexley Street.', 'Tomas Brandt was found barricaded in a room on Harrow Road.', 'Tomas Brandt was arrested at a Wexley Street apartment.'], 'place', LEAD);
    assert.deepEqual(alone[0]?.map(([, arts]) => arts), [['a0'], ['a1']]);
  });

  it('keeps a vague figure on the side of its value in the slot\'s unit (about 200 feet is not about 200 metres)', () => {
    const sides = sidesOf(
      [
        'On Friday, 36-year-old Jon Hale died after slipping and falling about 60 metres from a ridge.',
        'On Friday, 36-year-old Jon Hale died after slipping and falling about 200 feet from a ridge.',
        'On Friday, 36-year-old Jon Hale died after slipping and falling about 200 metres from a ridge.',
        'On Friday, 36-year-old Jon Hale died after slipping and falling 150 metres from a ridge.',
      ],
      'quantity',
    );
    assert.equal(sides.length, 1);
    assert.deepEqual(sides[0].map(([, arts]) => arts).sort(), [['a0'], ['a1'], ['a2'], ['a3']]);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossCheckStory } from '../../src/compare/index.js';
import { crossCheckTexts, inventedArticle, publishedAt } from './story.js';

// Invented wording in the shape of local crime news: everyone named gets a home ("Name, 36, of Town").
const PUBLISHED = publishedAt('2011-01-06T12:00:00Z');
const art = (id: string, text: string) => inventedArticle(id, text, PUBLISHED);
const LEAD = 'A driver was charged on Wednesday with killing a pedestrian in a supermarket parking lot.\n\n';
const places = (texts: string[]) =>
  crossCheckTexts(texts, PUBLISHED, { lead: LEAD }).conflicts.filter((c) => c.kind === 'place');

describe('where a named person lives', () => {
  it('opposes two homes given to one person by two outlets', () => {
    const c = places([
      'Police stopped Martin Oakes, 36, of Akron, a few blocks away.',
      'Martin Oakes, 36, of Dayton, was arrested a few blocks away.',
      'Oakes, who lives in Akron, refused to leave his car.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
    assert.deepEqual(c[0].sides.map((s) => s.value).sort(), ['Akron', 'Dayton']);
    assert.deepEqual(c[0].sides.map((s) => s.articles.length).sort(), [1, 2]);
  });

  it('agrees a town with its street, and a town with a region the story puts it in', () => {
    const c = places([
      'Police stopped Martin Oakes, 36, of Maple Street, Akron, a few blocks away.',
      'Martin Oakes, 36, of Akron, was arrested a few blocks away.',
      'Martin Oakes, 36, of Ohio, was arrested at the scene in Akron, Ohio.',
    ]);
    assert.deepEqual(c.map((k) => k.note), []);
  });

  it('does not oppose an earlier home to the present one', () => {
    const c = places([
      'Martin Oakes, 36, of Akron, was arrested a few blocks away.',
      'Martin Oakes, 36, formerly of Dayton, was arrested a few blocks away.',
      'Martin Oakes, who had lived in Dayton for years, was arrested a few blocks away.',
    ]);
    assert.deepEqual(c.map((k) => k.note), []);
  });
});

describe('how far a named person fell, named by an apposition to the subject', () => {
  it('"another climber, 36-year-old Jane Roe, died after slipping and falling about 60 metres" is Roe\'s fall', () => {
    const lead = 'Two climbers died in separate falls in a national park over the weekend, police said.\n\n';
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        art('c1', `${lead}Another climber, 36-year-old Helen Varga, died after slipping and falling about 60 metres from a ridge.`),
        art('c2', `${lead}Helen Varga, 36, fell 150 metres from a ridge on Friday and died at the scene.`),
      ],
      copies: [],
    });
    const c = x.conflicts.filter((k) => k.slot.includes('Varga'));
    assert.equal(c.length, 1, JSON.stringify(x.conflicts.map((k) => k.slot)));
  });
});

describe('how far a named person fell, told in a relative clause', () => {
  it('"Helen Varga, who fell about 60 metres" is Varga\'s fall, against "Helen Varga fell 150 metres"', () => {
    const lead = 'Two climbers died in separate falls in a national park over the weekend, police said.\n\n';
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        art('c1', `${lead}Helen Varga, who fell about 60 metres from a ridge, died at the scene.`),
        art('c2', `${lead}Helen Varga, 36, fell 150 metres from a ridge on Friday and died at the scene.`),
      ],
      copies: [],
    });
    const c = x.conflicts.filter((k) => k.slot.includes('Varga'));
    assert.equal(c.length, 1, JSON.stringify(x.conflicts.map((k) => k.slot)));
  });
});

// Invented wording: an age on the role noun a name stands in apposition to.
describe('an age on a role noun with the name in apposition', () => {
  const ages = (a: string, b: string) =>
    crossCheckStory({ storyId: 's', articles: [art('a', `${LEAD}${a}`), art('b', `${LEAD}${b}`)], copies: [] }).conflicts.filter((c) => c.slot.startsWith('age of'));

  it('"the 45-year-old driver, Pavel Orsini," is Orsini\'s age, against "Pavel Orsini, 54,"', () => {
    const c = ages('The 45-year-old driver, Pavel Orsini, was arrested at the scene.', 'Pavel Orsini, 54, was arrested at the scene.');
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.slot)));
    assert.deepEqual(c[0].sides.map((s) => s.value).sort(), ['45 age', '54 age']);
  });

  it('not a speaker after the comma, nor a name that gives its own age', () => {
    assert.deepEqual(ages('The driver was a 45-year-old teacher, Pavel Orsini said.', 'Pavel Orsini, 54, was arrested at the scene.').map((k) => k.slot), []);
    assert.deepEqual(ages('Police stopped a 45-year-old man, Pavel Orsini, 54, at the scene.', 'Pavel Orsini, 54, was arrested at the scene.').map((k) => k.slot), []);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { namedRoles, parallelEvents, scopeOf } from '../../src/compare/parallel-events.js';
import { prepareStory } from '../../src/compare/prepare.js';
import { corroboratedShortIds, inventedArticle, publishedAt } from './story.js';

// Invented wording (issue 15): one kind of statement told of two named things of one kind is two events.
const PUBLISHED = publishedAt('2016-03-16T09:00:00Z');
const firstSentences = (a: string, b: string) => {
  const story = prepareStory({ articles: [inventedArticle('p0', a, PUBLISHED), inventedArticle('p1', b, PUBLISHED)], copies: [] });
  return story.articles.map((x) => x.sentences[0]);
};
const parallel = (a: string, b: string) => {
  const [x, y] = firstSentences(a, b);
  return parallelEvents(x, y);
};

describe('parallel events: one role, two named things of one kind', () => {
  it('two electorates told by the names on the role noun are two events', () => {
    assert.equal(parallel('Canadian voters said on Tuesday that the new tariffs hurt the economy more than they help it.', 'Most Mexican voters said on Tuesday that the new tariffs hurt the economy more than they help it.'), true);
  });

  it('one name on the role noun in both is one event', () => {
    assert.equal(parallel('Canadian voters said on Tuesday that the new tariffs hurt the economy more than they help it.', 'Most Canadian voters said on Tuesday that the new tariffs hurt the economy.'), false);
  });

  it('the other name told anywhere in the sentence is no parallel event', () => {
    assert.equal(parallel('Canadian voters said on Tuesday that the new tariffs hurt the economy.', 'Mexican voters, like Canadian ones, said on Tuesday that the new tariffs hurt the economy.'), false);
  });

  it('a conjunct fills the role of the first name', () => {
    const [x] = firstSentences('Canadian and Mexican voters said on Tuesday that the tariffs hurt the economy.', 'No names here.');
    const fillers = namedRoles(x).get('voter') ?? [];
    assert.deepEqual(fillers.map((f) => f.link).sort(), ['canada', 'mexico'], JSON.stringify([...namedRoles(x)]));
  });

  it('a place by a preposition may be part of the other: not read as a role', () => {
    assert.equal(parallel('Four men rammed their car into a jewellery store in central Lyon on Monday.', 'Four men drove a truck through the window of the store on Rue Garibaldi on Monday.'), false);
  });

  it('an abbreviation is compared only with abbreviations: it may stand for the other name', () => {
    assert.equal(parallel('Most NDP voters said on Tuesday that the tariffs hurt the economy.', 'Most PQ voters said on Tuesday that the tariffs hurt the economy.'), true);
    const [x] = firstSentences('Most NDP voters said on Tuesday that the tariffs hurt the economy.', 'No names here.');
    assert.deepEqual((namedRoles(x).get('voter') ?? []).map((f) => f.short), [true]);
    assert.equal(parallel('Most NDP voters said on Tuesday that the tariffs hurt the economy.', 'Most New Democratic Party voters said on Tuesday that the tariffs hurt the economy.'), false);
  });

  it('a sentence with no name on a role noun is no parallel event', () => {
    assert.equal(parallel('Voters said on Tuesday that the new tariffs hurt the economy.', 'Mexican voters said on Tuesday that the new tariffs hurt the economy.'), false);
  });
});

describe('parallel events: one claim told of two places, wherever the parse puts them', () => {
  it('a fronted place and a place on the subject are two states told alike', () => {
    assert.equal(parallel('In Nebraska, the turnout was the highest in a decade, state officials said.', 'Kansas election officials are expecting a record turnout of more than a million voters.'), true);
  });

  it('a place on the object and a fronted place: two contests', () => {
    assert.equal(parallel('Smith captured the Republican primary in Idaho, his first win of the night.', 'In Montana, Smith became the first rancher to win a primary.'), true);
  });

  it('a country or large city of the gazetteer may hold the other place: one event', () => {
    assert.equal(parallel('A firebomb attack on a bank in Athens killed three people on Wednesday.', 'A firebomb attack on a bank in Greece killed three people on Wednesday.'), false);
    assert.equal(parallel('Four men rammed their car into a jewellery store in central Paris on Monday.', 'Four men drove a truck through the window of the store on Rue Cambon on Monday.'), false);
  });

  it('a place that describes a named person is no scope of the claim', () => {
    const [x] = firstSentences("Eastbury's police chief, Jane Roe, was injured on Monday.", 'No names here.');
    assert.deepEqual(scopeOf(x), [], JSON.stringify(x.entities));
    assert.equal(parallel("Eastbury's police chief, Jane Roe, was injured on Monday.", 'Jane Roe was taken to a hospital in Westfield on Monday.'), false);
  });

  it('the other place named anywhere in the sentence is one event', () => {
    assert.equal(parallel('In Nebraska, the turnout was the highest in a decade, officials said.', 'Kansas officials expect a turnout as high as in Nebraska.'), false);
  });
});

describe('parallel events on bad input', () => {
  it('an empty text and a long list of names read without a fault', () => {
    const [x, y] = firstSentences('.', `${Array.from({ length: 200 }, () => 'Canadian and Mexican voters').join(', ')} said the tariffs hurt.`);
    assert.equal(namedRoles(x).size, 0);
    assert.equal(parallelEvents(x, y), false);
    assert.equal(parallelEvents(y, y), false);
    const [p] = firstSentences(`In ${Array.from({ length: 300 }, () => 'Nebraska, Kansas').join(', ')}, turnout rose.`, '.');
    assert.ok(scopeOf(p).length <= 2);
  });
});

describe('parallel events are not corroboration', () => {
  it('two electorates saying one thing make no corroborated fact; one electorate told twice does', () => {
    const a = 'Canadian voters said on Tuesday that the new tariffs hurt the economy more than they help it.';
    assert.deepEqual(corroboratedShortIds([a, 'Most Mexican voters said on Tuesday that the new tariffs hurt the economy more than they help it.'], PUBLISHED), []);
    assert.deepEqual(corroboratedShortIds([a, 'Most Canadian voters said on Tuesday that the new tariffs hurt the economy more than they help it.'], PUBLISHED), ['a0 a1']);
  });
});

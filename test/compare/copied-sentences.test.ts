import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossCheckStory } from '../../src/compare/index.js';
import { inventedArticle, publishedAt } from './story.js';

// Invented wording: four outlets state one act (A), three articles carry one other sentence (B) word
// for word. B aligns with A on the things both name, so the alignment puts all seven in one cluster
// whose central sentence states A; B does not state A's act and leaves A's fact.
const PUBLISHED = publishedAt('2011-01-06T12:00:00Z');
const A = 'Volunteers have distributed tents, blankets, canned food and fresh water to the survivors in Norhaven.';
const A2 = 'Volunteers distributed tents, blankets, canned food and fresh water to survivors in Norhaven on Tuesday.';
const B = 'Volunteers have collected tents, blankets, canned food and fresh water for the survivors in Norhaven.';
const TEXTS = [A, A2, A, A2, B, B, B];

const factsOf = (copies: string[][]) =>
  crossCheckStory({ storyId: 's', articles: TEXTS.map((t, i) => inventedArticle(`a${i}`, t, PUBLISHED)), copies })
    .facts.map((f) => ({ articles: f.articles.join(' '), status: f.status, sources: f.independentSources, collected: f.statement.includes('collected') }))
    .filter((f) => f.collected);

describe('a sentence copied into several articles is one fact', () => {
  it('the copies a cluster whose centre states something else leaves over are one fact of three members', () => {
    assert.deepEqual(factsOf([]), [{ articles: 'a4 a5 a6', status: 'corroborated', sources: 3, collected: true }]);
  });
  it('copies of one source count once: one fact, single-source', () => {
    assert.deepEqual(factsOf([['a4', 'a5', 'a6']]), [{ articles: 'a4 a5 a6', status: 'single-source', sources: 1, collected: true }]);
  });
});

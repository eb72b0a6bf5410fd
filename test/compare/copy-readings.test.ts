/**
 * Copies read once (speed28): readings that depend only on a sentence's reading, or on an article's
 * whole text, are read once per copy and give what reading every copy gives.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { claimFacts } from '../../src/compare/claim-facts.js';
import { prepareStory } from '../../src/compare/prepare.js';
import { tokenize } from '../../src/text/tokenize.js';
import { inventedArticle, publishedAt } from './story.js';

const published = publishedAt('2031-03-04T09:00');
const WIRE = 'The town council of Brenmoor voted on Tuesday to close the riverside library and to sell the old fire station. Librarians said the collection would move to the school.';
const OTHER = 'Rain fell heavily across the northern hills overnight. Roads were closed.';

describe('copies read once', () => {
  const texts = [WIRE, WIRE, OTHER, OTHER];
  const story = prepareStory({ articles: texts.map((t, i) => inventedArticle(`a${i}`, t, published)), copies: [] });
  const [a0, a1, a2, a3] = story.articles;

  it('tokenises a text two articles carry once, and gives each article the tokens of its own text', () => {
    assert.equal(a0.textTokens!(), a1.textTokens!());
    assert.deepEqual(a0.textTokens!(), tokenize(WIRE));
    assert.deepEqual(a2.textTokens!(), tokenize(OTHER));
    assert.equal(a2.textTokens!(), a3.textTokens!());
    // (a text no other article carries is not kept for the story)
    const single = prepareStory({ articles: [inventedArticle('b0', WIRE, published), inventedArticle('b1', OTHER, published)], copies: [] }).articles[0];
    assert.deepEqual(single.textTokens!(), tokenize(WIRE));
    assert.notEqual(single.textTokens!(), single.textTokens!());
  });

  it('aligns a cluster claim by claim alike whether its copies are one sentence read once or each read on its own', () => {
    const first = (a: (typeof story.articles)[number]) => a.sentences[0];
    // (each text's copies close, the two texts aligned but too far apart to be one fact told in other words)
    const args = [[0, 1, 2, 3] as number[], (i: number, j: number) => ((i < 2) === (j < 2) ? 0.9 : 0.35), (v: number) => v >= 0.3, 0.5, () => 1] as const;
    const each = claimFacts([first(a0), first(a1), first(a2), first(a3)], ...args);
    // (the claim split gives copies parsed alike one sentence: the first copy stands for the others)
    const once = claimFacts([first(a0), first(a0), first(a2), first(a2)], ...args);
    assert.deepEqual(each, [{ members: [0, 1], shown: -1 }, { members: [2, 3], shown: -1 }]);
    assert.deepEqual(once, each);
  });
});

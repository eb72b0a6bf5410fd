import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossCheckTexts, publishedAt } from './story.js';

// Invented wording: two outlets state one announcement; the second article's next sentence, on what the unions
// concede, shares the cuts and one of its claims joins the fact. An article counts once for the sources, and its
// second sentence is another statement: the fact cites the sentence that states it, the other is a fact of its own.
const PUBLISHED = publishedAt('2011-03-06T12:00:00Z');
const TEXTS = [
  'But anger mounted after the premier announced cuts in salaries and pensions for civil servants and another round of tax increases.',
  'The premier on Sunday announced cuts in salaries and pensions for civil servants, and another round of tax increases, as a condition of the loan. ' +
    'Unions concede that the government was forced to increase taxes and slash spending, including cutting salaries and pensions for civil servants.',
];

describe('a fact cites one sentence per article', () => {
  const x = crossCheckTexts(TEXTS, PUBLISHED);
  const second = TEXTS[1].indexOf('Unions');
  it('the corroborated fact cites the announcement of each article, not the unions sentence', () => {
    const [fact, ...rest] = x.facts.filter((f) => f.status === 'corroborated');
    assert.equal(rest.length, 0);
    assert.deepEqual(
      fact.evidence.map((e) => `${e.articleId}@${e.sentence.start}`),
      ['a0@0', 'a1@0'],
    );
  });
  it('the sentence left out is a fact of its own, single-source', () => {
    const own = x.facts.filter((f) => f.evidence.some((e) => e.articleId === 'a1' && e.sentence.start === second));
    assert.deepEqual(
      own.map((f) => [f.status, f.articles.join(' ')]),
      [['single-source', 'a1']],
    );
  });
});

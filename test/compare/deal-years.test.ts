import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dealYearConflicts } from '../../src/compare/deal-years.js';
import { prepareStory } from '../../src/compare/prepare.js';
import { assertLinear } from '../util/cpu-bound.js';
import { crossCheckTexts, inventedArticle, publishedAt } from './story.js';

// Invented wording in the shape of an obituary: a businessman's life retold, with a sale of the family's mill.
const PUBLISHED = publishedAt('2011-03-02T12:00:00Z');
const LEAD = 'Tomas Erlend, a timber merchant who later backed local politicians, died on Monday in Westerby. He was 81.\n\n';
const dealYears = (texts: string[]) =>
  crossCheckTexts(texts, PUBLISHED, { lead: LEAD })
    .conflicts.filter((c) => c.kind === 'date' && c.note.includes('one deal at one price'))
    .map((c) => c.sides.map((s) => `${s.value}:${s.articles.length}`).sort().join(' / '));

describe('the year of one deal told by its price', () => {
  it('opposes two years outlets give one sale at one price, whoever they name as its party', () => {
    assert.deepEqual(
      dealYears([
        'The son sold one of the family sawmills for a reported $12 million in 1961, and turned to politics.',
        'The family owned the Hallam mill, which his generation sold for $12 million in 1971.',
        'He worked at the mill for years, until it was sold for an estimated $12 million in 1971.',
      ]),
      ['1961:1 / 1971:2'],
    );
  });

  it('does not oppose two deals: other prices, other people, one article with two years, a deal not done', () => {
    assert.deepEqual(dealYears(['The family sold the mill for $12 million in 1961.', 'The family sold the mill for $14 million in 1971.']), []);
    assert.deepEqual(dealYears(['Jane Roe signed with the club for $1 million in 2004.', 'John Doe signed with the club for $1 million in 2006.']), []);
    assert.deepEqual(dealYears(['They sold the mill for $12 million in 1961 and a second mill for $12 million in 1971.', 'The family sold the mill for $12 million in 1961.']), []);
    assert.deepEqual(dealYears(['The family would not sell the mill for $12 million in 1961.', 'The family sold the mill for $12 million in 1971.']), []);
    assert.deepEqual(dealYears(['The family sold the mill for $12 million in 1961.', 'The family sold the mill for $12 million in 1961, records show.']), []);
  });
});

describe('deal years stay linear', () => {
  it('reads a sentence of many prices and years in time linear in its length', () => {
    // one sentence of n "for $N million in YEAR" with one verb at its start: each price walks back a bounded reach
    const make = (n: number) => {
      const deals = Array.from({ length: n }, (_, i) => `for $${i + 1} million in ${1900 + (i % 100)}`).join(' and ');
      return prepareStory({ articles: [inventedArticle('h0', `The family sold its mills ${deals}.`, PUBLISHED)], copies: [] });
    };
    assertLinear(make, (story) => dealYearConflicts(story), { n: 150, what: 'dealYearConflicts' });
  });
});

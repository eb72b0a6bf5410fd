import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isHedged } from '../../src/compare/figure-parts.js';
import { prepareStory } from '../../src/compare/prepare.js';
import { inventedArticle, publishedAt } from './story.js';

// Invented wording in the shape of wire copy.
const PUBLISHED = publishedAt('2012-05-10T12:00:00Z');

/** Whether the figure whose text is `figure` in the first sentence of `text` is read as hedged. */
function hedged(text: string, figure: string): boolean {
  const s = prepareStory({ articles: [inventedArticle('h0', text, PUBLISHED)], copies: [] }).sentences[0];
  const q = s.quantities.find((x) => s.art.text.slice(x.span.start, x.span.end).includes(figure));
  assert.ok(q, `no figure "${figure}" read in: ${text}`);
  return isHedged(s, q);
}

describe('a figure in a modal clause', () => {
  it('reads "could lose power" and "may be displaced" after a figure as no fact', () => {
    assert.equal(hedged('About 10,000 homes could lose power if the storm reaches the coast.', '10,000'), true);
    assert.equal(hedged('As many as 300 families may be displaced by the flooding, officials said.', '300'), true);
  });

  it('does not read the month May after a figure as the modal "may"', () => {
    assert.equal(hedged('He worked at the plant for 48 years and died in May at the age of 91.', '48'), false);
    assert.equal(hedged('The company cut 1,200 jobs May 3, the union said.', '1,200'), false);
  });
});

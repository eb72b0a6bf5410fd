import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actAt } from '../../src/compare/syntax.js';
import { parseText } from '../helpers.js';

const noCue = () => false;
/** The acts actAt reads in a sentence, in order. */
const acts = (text: string) => {
  const tokens = parseText(text);
  return tokens.map((_, i) => actAt(tokens, i, noCue)).filter((a) => a !== null);
};

describe('a light verb with a particle is an act (compound:prt)', () => {
  it('reads the phrasal verb: its act in the phrasal lexicon, else the verb', () => {
    assert.deepEqual(acts('They called the search off on Monday.'), ['call']);
    assert.deepEqual(acts('The bomb went off near the market.'), ['go']);
  });
  it('leaves the light verb of naming without one', () => {
    assert.deepEqual(acts('What police called a robbery happened on Monday.'), ['happen']);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCap, isWord } from '../../src/analyse/quotes/words.js';

const tok = (text: string) => ({ text, start: 0, end: text.length });

describe('the token tests read ASCII from the first character, the rest by Unicode class', () => {
  it('isCap: a capital letter first, any script, a letter outside the BMP too', () => {
    assert.deepEqual(['Roe', 'Éric', 'Жуков', '𝐀bc', 'roe', 'éric', '"Roe', '3M', ''].map((t) => isCap(tok(t))), [true, true, true, true, false, false, false, false, false]);
    assert.equal(isCap(undefined), false);
  });
  it('isWord: a letter or a digit anywhere in the token', () => {
    assert.deepEqual(['said', '2019', 'é', '٣', '’s', '—', '“', '', '...'].map((t) => isWord(tok(t))), [true, true, true, true, true, false, false, false, false]);
    assert.equal(isWord(undefined), false);
  });
});

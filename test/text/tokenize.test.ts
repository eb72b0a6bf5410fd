import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitSentences } from '../../src/analyse/tokenize.js';
import { tokenize } from '../../src/text/tokenize.js';

const sentences = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('keeps a quoted question or exclamation with the attribution after it (PolNeAR sentences)', () => {
    assert.deepEqual(sentences('“I read about it, and I paid off her mortgage – big deal, right?” Trump said. He left.'), [
      '“I read about it, and I paid off her mortgage – big deal, right?” Trump said.',
      'He left.',
    ]);
    assert.deepEqual(sentences('“Sometimes us ex-diplomats need our fix!” Clinton said to People. The post went viral.'), [
      '“Sometimes us ex-diplomats need our fix!” Clinton said to People.',
      'The post went viral.',
    ]);
  });

  it('still ends a sentence after a question when no attribution follows', () => {
    assert.deepEqual(sentences('“Really?” The crowd laughed.'), ['“Really?”', 'The crowd laughed.']);
    assert.deepEqual(sentences('Is it over? Clinton said no.'), ['Is it over?', 'Clinton said no.']);
  });

  it('does not end sentences at abbreviations and initials', () => {
    assert.deepEqual(sentences('Gen. Mattis met J. Smith in Washington. They talked.'), ['Gen. Mattis met J. Smith in Washington.', 'They talked.']);
  });

  it('reads a.m./p.m. before a capital as the end of a sentence only before a sentence starter (ECB+ style "3 p. m.")', () => {
    assert.deepEqual(sentences('The fire started at 3 p. m. Friday near the mill. It burned until 5 a.m. Saturday.'), [
      'The fire started at 3 p. m. Friday near the mill.',
      'It burned until 5 a.m. Saturday.',
    ]);
    assert.deepEqual(sentences('He arrived at 4 p.m. The police came later.'), ['He arrived at 4 p.m.', 'The police came later.']);
  });
});

describe('tokenize', () => {
  const texts = (text: string) => tokenize(text).map((t) => t.text);
  it('keeps the period of an initial before a capitalised word, as UD EWT and CoNLL-2003 write it', () => {
    assert.deepEqual(texts('John F. Kennedy and J. R. R. Tolkien'), ['John', 'F.', 'Kennedy', 'and', 'J.', 'R.', 'R.', 'Tolkien']);
    assert.deepEqual(texts('the U. S. Navy'), ['the', 'U.', 'S.', 'Navy']);
    assert.deepEqual(texts('the U. K. government'), ['the', 'U.', 'K.', 'government']);
  });
  it('leaves a capital letter at the end of a word or before a lower-case word alone', () => {
    assert.deepEqual(texts('Plan B. then FBI. Then'), ['Plan', 'B', '.', 'then', 'FBI', '.', 'Then']);
  });
});

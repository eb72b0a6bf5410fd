import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { QuoteDoc } from '../../src/analyse/quotes/document.js';
import { parseContentQuotes } from '../../src/analyse/quotes/parse-contents.js';
import { parseSentences } from '../../src/analyse/syntax/index.js';
import { splitSentences } from '../../src/analyse/tokenize.js';

/** Pass 3 alone over `text` (no earlier pass), at `threshold`: each quote's content, speaker phrase and cue. */
function pass3(text: string, threshold?: number): { content: string; speaker: string | null; cue: string | null }[] {
  const sentences = splitSentences(text);
  const d = new QuoteDoc(text, sentences, [], parseSentences(text, sentences).tokens);
  parseContentQuotes(d, threshold);
  return d.quotes.map((q) => ({
    content: text.slice(q.span.start, q.span.end),
    speaker: q.speakerSpan ? text.slice(q.speakerSpan.start, q.speakerSpan.end) : null,
    cue: q.cue?.verb ?? null,
  }));
}

describe('pass 3: content from the parse for cues the classifier accepts (quotes/parse-contents.ts)', () => {
  it('takes the clausal complement of an accepted cue, its subject for the source', () => {
    assert.deepEqual(pass3('The governor said that taxes would rise next year.'), [{ content: 'that taxes would rise next year', speaker: 'The governor', cue: 'said' }]);
  });

  it('takes the clause a parenthetical cue hangs on ("CLAUSE, X said")', () => {
    assert.deepEqual(pass3('Taxes will rise next year, the governor said.'), [{ content: 'Taxes will rise next year', speaker: 'the governor', cue: 'said' }]);
  });

  it('gives nothing for an action verb, for a cue scored below the threshold, or without a parse', () => {
    assert.deepEqual(pass3('The team traded him to another club in March.'), []);
    assert.deepEqual(pass3('The governor said that taxes would rise next year.', 1e9), []);
    const text = 'The governor said that taxes would rise next year.';
    const d = new QuoteDoc(text, splitSentences(text), [], null);
    parseContentQuotes(d);
    assert.equal(d.quotes.length, 0);
  });

  it('leaves a cue alone when an earlier quote overlaps it or its content', () => {
    const text = 'The governor said that taxes would rise next year.';
    const sentences = splitSentences(text);
    const d = new QuoteDoc(text, sentences, [], parseSentences(text, sentences).tokens);
    d.quotes.push({ span: { start: text.indexOf('taxes'), end: text.indexOf(' next') }, kind: 'indirect', speakerSpan: null, speaker: null, speakerName: null, cue: null });
    parseContentQuotes(d);
    assert.equal(d.quotes.length, 1);
  });
});

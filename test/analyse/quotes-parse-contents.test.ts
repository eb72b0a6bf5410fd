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

/** Pass 3 after an earlier indirect quote of `content` (cue `cue`, said by `speaker`): each quote's content, speaker phrase and cue. */
function afterEarlier(text: string, cue: string, speaker: string, content: string): { content: string; speaker: string | null; cue: string | null }[] {
  return afterEarlierQuotes(text, [[cue, speaker, content]]);
}

describe('pass 3: an earlier content that runs on into a second attribution', () => {
  it('ends the earlier content before a coordinated clause with its own accepted cue, which gets its own quote', () => {
    const text = 'The governor has vowed to bring back lost mining jobs, and the senator is promising to help mining communities find new industries.';
    assert.deepEqual(afterEarlier(text, 'vowed', 'The governor', 'to bring back lost mining jobs, and the senator is promising to help mining communities find new industries'), [
      { content: 'to bring back lost mining jobs', speaker: 'The governor', cue: 'vowed' },
      { content: 'to help mining communities find new industries', speaker: 'the senator', cue: 'promising' },
    ]);
  });

  it('leaves a content alone when the clause inside it has no cue, or is its own complement (a nested attribution)', () => {
    const text = 'The governor said that taxes would rise next year, and the budget would shrink by a tenth.';
    const content = 'that taxes would rise next year, and the budget would shrink by a tenth';
    assert.deepEqual(afterEarlier(text, 'said', 'The governor', content), [{ content, speaker: 'The governor', cue: 'said' }]);
    const nested = 'The mayor said that the governor claimed taxes would rise next year.';
    assert.deepEqual(afterEarlier(nested, 'said', 'The mayor', 'that the governor claimed taxes would rise next year'), [
      { content: 'that the governor claimed taxes would rise next year', speaker: 'The mayor', cue: 'said' },
    ]);
  });
});

describe('pass 3: reporting clauses the parse attaches after or around the clause they report', () => {
  it('takes the clause a sentence-final "X said" / "said X" reports when the parse coordinates it or makes it a complement', () => {
    const want = [{ content: 'The deal will collapse', speaker: 'the senator', cue: 'said' }];
    assert.deepEqual(pass3('The deal will collapse, the senator said.'), want);
    assert.deepEqual(pass3('The deal will collapse, said the senator.'), want);
    assert.deepEqual(pass3('The deal will collapse, said the senator on Monday.'), want);
  });

  it('does not take a coordinated action, or a verb with an object that is no inverted subject', () => {
    assert.deepEqual(pass3('Stocks fell sharply, and traders sold the shares.'), []);
    assert.deepEqual(pass3('The state has five delegates, two of whom have pledged their support to the governor.'), []);
  });

  it('takes the clause an "as X noted" clause hangs on, not a clause of time', () => {
    assert.deepEqual(pass3('As the senator noted, the bill failed in committee.'), [{ content: 'the bill failed in committee', speaker: 'the senator', cue: 'noted' }]);
    assert.deepEqual(pass3('As the sun set, the crowd left the square.'), []);
  });

  it('gives an earlier quote that took the cue\'s own source for its content the clause the cue reports', () => {
    const text = 'The deal will collapse, said the senator.';
    assert.deepEqual(afterEarlier(text, 'said', 'The deal', 'the senator'), [{ content: 'The deal will collapse', speaker: 'the senator', cue: 'said' }]);
  });

  it('gives an earlier quote that took a phrase of "X said" after the verb the clause it reports, not what the verb says itself', () => {
    const text = 'The deal will collapse, the senator said after a meeting with party leaders.';
    assert.deepEqual(afterEarlier(text, 'said', 'the senator', 'after a meeting with party leaders'), [{ content: 'The deal will collapse', speaker: 'the senator', cue: 'said' }]);
    assert.deepEqual(afterEarlier(text, 'said', 'the senator', 'The deal will collapse').map((q) => q.content), ['The deal will collapse']);
  });
});

describe('pass 3: "according to X" reports the clause the phrase belongs to', () => {
  it('climbs from a word the parse hangs the phrase on to the clause above it, over a subjectless verb before the phrase', () => {
    const text = "The biggest prize in labor endorsements won't be handed out next week as many people expected, according to an email from the president of the federation.";
    assert.deepEqual(
      pass3(text).map((q) => q.content),
      ["The biggest prize in labor endorsements won't be handed out next week as many people expected"],
    );
  });

  it('names X without "according to" as the speaker', () => {
    assert.deepEqual(pass3('Costs rose by a third last year, according to the regional water board.').map((q) => q.speaker), ['the regional water board']);
  });

  it('does not climb over a subjectless verb after the phrase (the parse making it the phrase\'s head)', () => {
    assert.deepEqual(pass3('The senator will say, according to excerpts of his speech released by the White House, that the war is over.').filter((q) => q.cue === 'according'), []);
  });

  it('replaces an earlier quote that took X\'s phrase or a part of it for the content, not one that took X\'s relative clause', () => {
    const text = "The biggest prize in labor endorsements won't be handed out next week as many people expected, according to an email from the president of the federation.";
    const phrase = afterEarlier(text, 'according', 'the president', 'an email from the president of the federation');
    assert.deepEqual(phrase.map((q) => q.content), ["The biggest prize in labor endorsements won't be handed out next week as many people expected"]);
    const tail = afterEarlier(text, 'according', 'an email', 'the president of the federation');
    assert.deepEqual(tail.map((q) => q.content), ["The biggest prize in labor endorsements won't be handed out next week as many people expected"]);
    const relative = 'Taxes will rise next year, according to a person familiar with the plan, who has been friends with the governor for years.';
    assert.deepEqual(afterEarlier(relative, 'according', 'a person', 'who has been friends with the governor for years').map((q) => q.content), ['who has been friends with the governor for years']);
  });
});

/** Pass 3 after earlier indirect quotes, each [cue, speaker, content]: each quote's content, speaker phrase and cue. */
function afterEarlierQuotes(text: string, earlier: [string, string, string][]): { content: string; speaker: string | null; cue: string | null }[] {
  const sentences = splitSentences(text);
  const d = new QuoteDoc(text, sentences, [], parseSentences(text, sentences).tokens);
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
  for (const [cue, speaker, content] of earlier) {
    const cueAt = d.toks.findIndex((t) => t.text === cue);
    const q = d.make(at(content), at(speaker), d.toks[cueAt], 'indirect');
    assert.ok(q);
    d.quotes.push(q);
    d.usedCue.add(cueAt);
  }
  parseContentQuotes(d);
  return d.quotes.map((x) => ({ content: text.slice(x.span.start, x.span.end), speaker: x.speakerSpan ? text.slice(x.speakerSpan.start, x.speakerSpan.end) : null, cue: x.cue?.verb ?? null }));
}

describe('pass 3: "according to X" after a clause that holds an attribution of its own', () => {
  it('replaces the quote that took X for its content by the whole report, the nested attribution kept', () => {
    const text = 'The police have said they have no plans to release the recordings, according to lawyers for the family.';
    const got = afterEarlierQuotes(text, [
      ['said', 'The police', 'they have no plans to release the recordings'],
      ['according', 'The police', 'lawyers for the family'],
    ]);
    assert.deepEqual(got, [
      { content: 'they have no plans to release the recordings', speaker: 'The police', cue: 'said' },
      { content: 'The police have said they have no plans to release the recordings', speaker: 'lawyers', cue: 'according' },
    ]);
  });

  it('holds a nested quotation that closes just after the clause\'s last word', () => {
    const text = 'The relatives watched the videos on Thursday, according to their lawyers, and said they came away with "more questions than answers."';
    const got = afterEarlierQuotes(text, [
      ['said', 'The relatives', 'they came away with "more questions than answers."'],
      ['according', 'The relatives', 'their lawyers'],
    ]);
    assert.deepEqual(got.map((q) => [q.cue, q.speaker]), [['said', 'The relatives'], ['according', 'their lawyers']]);
    assert.ok(got[1].content.startsWith('The relatives watched the videos on Thursday'));
  });

  it('leaves the quote alone when the clause overlaps a quote that is not nested whole in it', () => {
    const text = 'The police have said they have no plans to release the recordings, according to lawyers for the family.';
    const got = afterEarlierQuotes(text, [
      ['said', 'The police', 'they have no plans to release the recordings, according to lawyers'],
      ['according', 'The police', 'lawyers for the family'],
    ]);
    assert.deepEqual(got.map((q) => q.cue), ['said', 'according']);
    assert.equal(got[1].content, 'lawyers for the family');
  });
});

describe('pass 3: a quoted programme name before the clause its cue reports', () => {
  it('replaces an earlier quote of the cue that opens with the name by the clause, keeping its speaker', () => {
    const text = 'The senator said on NBC’s “Today” that she would vote against the budget.';
    const want = [{ content: 'that she would vote against the budget', speaker: 'The senator', cue: 'said' }];
    assert.deepEqual(afterEarlier(text, 'said', 'The senator', 'Today” that she would vote against the budget'), want);
    assert.deepEqual(afterEarlier(text, 'said', 'The senator', 'Today'), want);
  });

  it('leaves a quotation with a verb alone: it may be what the cue reports', () => {
    const text = 'The senator said “we will fight” and that she would vote against the budget.';
    assert.deepEqual(afterEarlier(text, 'said', 'The senator', 'we will fight').map((q) => q.content), ['we will fight']);
  });
});

/**
 * The quote ledger groups wordings by what they claim, not by shared words alone (quote-claims.ts):
 * a denied act, an act a comparison sets aside ("more to hurt than help"), a WordNet antonym, and a
 * quote whose speakers a "who" clause describes. Each "apart" case was one statement on compare-70.
 * Invented articles throughout.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseArticle } from '../../src/analyse/index.js';
import { crossCheckStory } from '../../src/compare/index.js';
import { bareArticle } from '../helpers.js';

const LEAD = 'The county council met on Monday to debate the new farm levy after weeks of protests.';

/** Each statement of the ledger as "speaker: articles". */
function ledger(texts: string[]): string[] {
  const articles = texts.map((t, i) => analyseArticle(bareArticle(`a${i}`, `${LEAD} ${t}`, { outlet: `o${i}.example` })));
  const x = crossCheckStory({ storyId: 's', articles, copies: [] });
  return x.quoteLedger.flatMap((l) => l.statements.map((s) => `${l.name}: ${s.articles.join(',')}`)).sort();
}

describe('one speaker, the same words, opposite claims', () => {
  it('a denied act is another statement', () => {
    assert.deepEqual(ledger(['"The council will approve the new harbour plan next month," Jane Roe said.', '"The council will not approve the new harbour plan next month," Jane Roe said.']), ['Jane Roe: a0', 'Jane Roe: a1']);
  });

  it('an act and its WordNet antonym are two statements', () => {
    assert.deepEqual(ledger(['"The board will accept the offer from the union this week," Jane Roe said.', '"The board will reject the offer from the union this week," Jane Roe said.']), ['Jane Roe: a0', 'Jane Roe: a1']);
  });

  it('the same claim in two outlets is still one statement, a denial read the same in both', () => {
    assert.deepEqual(ledger(['"The council will not approve the new harbour plan next month," Jane Roe said.', '"The council will not approve the new harbour plan next month, whatever happens," Jane Roe said.']), ['Jane Roe: a0,a1']);
    // "no suspects were taken" and "was not taken": both deny the act
    assert.deepEqual(ledger(['"We believe we know who set the fire, but no suspects have been taken into custody," Jane Roe said.', '"We believe we know who set the fire, although the man was not immediately taken into custody," Jane Roe said.']), ['Jane Roe: a0,a1']);
  });
});

describe('a quote with no speaker is not attached to an opposite claim', () => {
  it('"helps" and "does more to hurt than help" share every content word but say opposite things', () => {
    assert.deepEqual(ledger(['Support for the levy was strongest among those who said the levy helps farmers in the valley.', 'Most voters in the county said that the levy does more to hurt farmers in the valley than help them.']), [
      'Most voters in the county: a1',
      'Unattributed: a0',
    ]);
  });
});

describe('the same words, different speakers', () => {
  it('a quote whose speakers a "who" clause describes is not given a named speaker', () => {
    assert.deepEqual(ledger(['Support for the council was strongest among those who said the levy helps farmers in the valley.', 'Most voters in the county said that the levy helps farmers in the valley.']), [
      'Most voters in the county: a1',
      'Unattributed: a0',
    ]);
  });

  it('two named speakers with the same words stay two statements, and a quote matching both joins neither', () => {
    const q = 'the board will accept the offer from the union this week';
    assert.deepEqual(ledger([`"${q[0].toUpperCase()}${q.slice(1)}," Jane Roe said.`, `"${q[0].toUpperCase()}${q.slice(1)}," John Doe said.`, `Many in the hall agreed that "${q}."`]), [
      'Jane Roe: a0',
      'John Doe: a1',
      'the hall: a2',
    ]);
  });
});

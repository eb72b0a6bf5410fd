import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conflictHolds, type MatchContext, sideHolds, valueInWords } from '../../scripts/conflict-match.js';
import type { Evidence } from '../../src/compare/types.js';

// Invented articles: two values in one sentence, so a sentence that holds a gold side's words may
// dispute another value.
const TEXTS: Record<string, string> = {
  docA: 'The ferry sank 12 km offshore. It carried 40 crew and 300 passengers.',
  docB: 'The ferry sank 15 km offshore. It carried 40 crew and 350 passengers.',
  docC: 'Officials said 300 passengers were aboard, and 300 more were waiting.',
};
const ctx: MatchContext = { idOf: new Map([['a', 'docA'], ['b', 'docB'], ['c', 'docC']]), textOf: (id) => TEXTS[id] ?? '' };

/** The evidence of the value `value` (its n-th occurrence) in an article, with its sentence. */
function ev(doc: string, value: string, n = 0): Evidence {
  const text = TEXTS[doc];
  let start = -1;
  for (let i = 0; i <= n; i++) start = text.indexOf(value, start + 1);
  const sStart = text.lastIndexOf('.', start) + 1;
  const sEnd = text.indexOf('.', start) + 1;
  return { articleId: doc, span: { start, end: start + value.length }, sentence: { start: sStart + (text[sStart] === ' ' ? 1 : 0), end: sEnd } };
}
const side = (...evidence: Evidence[]) => ({ evidence });

test('a side holds a gold side when the value it disputes was read in the gold words', () => {
  assert.ok(sideHolds(side(ev('docA', '300')), { article: 'a', contains: '300 passengers' }, ctx));
  // the gold words match in any case
  assert.ok(sideHolds(side(ev('docA', '300')), { article: 'a', contains: 'AND 300 PASSENGERS' }, ctx));
  // same sentence, another value: the crew count's sentence also says "300 passengers"
  assert.ok(!sideHolds(side(ev('docA', '40')), { article: 'a', contains: '300 passengers' }, ctx));
  // the right words in another article
  assert.ok(!sideHolds(side(ev('docB', '350')), { article: 'a', contains: '350 passengers' }, ctx));
  // an article key the fixture does not have
  assert.ok(!sideHolds(side(ev('docA', '300')), { article: 'z', contains: '300 passengers' }, ctx));
});

test('every occurrence of the gold words in the sentence is tried, and an empty snippet holds nothing', () => {
  // "300" twice in one sentence: the second value is in the words "300 more"
  assert.ok(valueInWords(TEXTS.docC, ev('docC', '300', 1), '300 more'));
  assert.ok(!valueInWords(TEXTS.docC, ev('docC', '300', 0), '300 more'));
  assert.ok(valueInWords(TEXTS.docC, ev('docC', '300', 1), '300'));
  assert.ok(!valueInWords(TEXTS.docC, ev('docC', '300', 1), ''));
});

test('a conflict is the gold one when two of its sides hold gold sides; strict needs every gold side', () => {
  const gold = {
    sides: [
      { article: 'a', contains: '300 passengers' },
      { article: 'b', contains: '350 passengers' },
      { article: 'c', contains: '300 passengers were aboard' },
    ],
  };
  const passengers = { sides: [side(ev('docA', '300')), side(ev('docB', '350'))] };
  assert.ok(conflictHolds(passengers, gold, false, ctx));
  assert.ok(!conflictHolds(passengers, gold, true, ctx));
  const all = { sides: [side(ev('docA', '300'), ev('docC', '300')), side(ev('docB', '350'))] };
  assert.ok(conflictHolds(all, gold, true, ctx));
  // the distance conflict's sentences are not the passengers' (other sentences), and a crew conflict's
  // sentences contain the passenger words but dispute the crew: neither is the passengers conflict
  const distance = { sides: [side(ev('docA', '12 km')), side(ev('docB', '15 km'))] };
  const crew = { sides: [side(ev('docA', '40')), side(ev('docB', '40'))] };
  assert.ok(!conflictHolds(distance, gold, false, ctx));
  assert.ok(!conflictHolds(crew, gold, false, ctx));
  // two gold sides held by one reported side are one value, not a disagreement
  const oneSide = { sides: [side(ev('docA', '300'), ev('docC', '300')), side(ev('docB', '40'))] };
  assert.ok(!conflictHolds(oneSide, gold, false, ctx));
});

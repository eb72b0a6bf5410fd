/**
 * The scorer's quote groups (scripts/eval-crosscheck.ts `quoteGroupMatch`): a statement held only by the
 * copies of one dispatch counts as acceptable, as the ECB+ annotation lists such groups by hand; one held by
 * a copy and another article stays a predicted group to be matched.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { quoteGroupMatch, type StoryFixture } from '../../scripts/eval-crosscheck.js';
import type { StoryCrossCheck } from '../../src/compare/index.js';

const statement = (articles: string[]) => ({ id: '', wordings: [{ text: 'we will rebuild the harbour', kind: 'direct', articles, outlets: [], evidence: [] }], relation: 'identical', articles, independentSources: 1, singleOutlet: true });

it('a group only one dispatch\'s copies hold is acceptable; a copy with another article is not', () => {
  const f = { name: 'f', storyId: 'f', articles: [], copies: [['k1', 'k2']], expected: { conflicts: [], traps: [], corroborated: [], quoteGroups: [] } } as unknown as StoryFixture;
  const x = { quoteLedger: [{ speaker: 'jane roe', name: 'Jane Roe', statements: [statement(['a1', 'a2']), statement(['a1', 'a3'])] }] } as unknown as StoryCrossCheck;
  const idOf = new Map([['k1', 'a1'], ['k2', 'a2'], ['k3', 'a3']]);
  const m = quoteGroupMatch(f, x, [], idOf);
  assert.equal(m.pred.length, 2);
  assert.deepEqual([...m.acceptable], [0]);
  assert.deepEqual([...m.matched], [0]);
});

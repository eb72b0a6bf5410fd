/**
 * A ledger run reduces each article as it reads it (src/stories/ledger.ts `prepare`: checked
 * features without the term list, plus its term counts): the caller's features are left as given,
 * and a later run that replays them (back-dated article) still has their terms.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupStories, StoryLedger, storyFeatures, type StoryFeatures } from '../../src/stories/index.js';
import { termCounts } from '../../src/stories/story-index.js';

const article = (id: string, day: string, text: string): StoryFeatures =>
  storyFeatures({ id, title: null, text, outlet: `outlet-${id}`, published: `${day}T09:00:00Z`, eventDates: [], entities: [] });

const flood = 'The river burst its banks after three days of rain and flooded the low streets of the old town, officials said.';
const vote = 'The council voted to raise the parking fee in the city centre, a measure the traders association opposed.';

test("a ledger run leaves the caller's features as given, and replays earlier articles with their terms", async () => {
  const a = article('a', '2026-03-02', flood);
  const b = article('b', '2026-03-03', `${flood} Residents were moved to the school.`);
  const c = article('c', '2026-03-02', vote);
  const d = article('d', '2026-03-01', `${vote} The vote was close.`);
  const before = JSON.stringify([a, b, c, d]);
  const ledger = new StoryLedger();
  await ledger.update([a, b]);
  await ledger.update([c]);
  // back-dated: replays a, b and c from the ledger's kept features
  await ledger.update([d]);
  assert.equal(JSON.stringify([a, b, c, d]), before);
  const members = (g: { members: string[] }[]) => g.map((x) => x.members.join(',')).sort();
  assert.deepEqual(members(ledger.stories()), members(groupStories([a, b, c, d])));
});

test('term counts list terms then entity keys, with distinct keys noticed', () => {
  const f = { ...article('x', '2026-03-01', flood), terms: [['river', 2], ['bank', 1]] as [string, number][], entities: [['LOC:town', 3]] as [string, number][] };
  const tc = termCounts(f);
  assert.deepEqual(tc.keys, ['river', 'bank', '@LOC:town']);
  assert.deepEqual([...tc.tf], [1 + Math.log(2), 1, 1 + Math.log(3)]);
  assert.equal(tc.unique, true);
  assert.equal(termCounts({ ...f, terms: [['river', 2], ['river', 1]] }).unique, false);
});

/**
 * Settle's merge of a dated story of one article with an undated story (StoryIndex.membersAlike):
 * an undated pile of a topic's other event that took a few reports of this event (undated, they may
 * join only undated stories in the pass) passes the group test, its mean cross cosine, though most
 * of its members are less alike to the dated article than to each other; it stays apart. Invented
 * words: the topic's words are in every report, each event's in its own.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { groupStories, storyFeatures, type StoryFeatures } from '../../src/stories/index.js';
import { prng } from '../../src/util/random.js';
import { assertRunsGiveBatch, block } from './invented.js';

const TOPIC = block('tp', 22);
const THIS = block('aa', 40);
const OTHER = block('bb', 40);

/** A report of these words in an order of its own, comma-separated (no two-word phrases, no shared shingles: no copies). */
function report(id: string, words: string[], published: string | null): StoryFeatures {
  const r = prng([...id].reduce((a, c) => a * 31 + c.charCodeAt(0), 7));
  const text = words.map((w) => [r(), w] as const).sort((a, b) => a[0] - b[0]).map((x) => x[1]).join(', ') + '.';
  return storyFeatures({ id, title: null, text, outlet: `outlet-${id}`, published, eventDates: [], entities: [], weekdays: [] });
}

/** Six undated reports of the other event and three of this one that lost their date. */
const pile = Array.from({ length: 6 }, (_, i) => report(`b${i}`, [...TOPIC, ...OTHER.slice(i * 2, i * 2 + 20), ...block(`b${i}x`, 10)], null));
const strays = Array.from({ length: 3 }, (_, i) => report(`s${i}`, [...TOPIC, ...THIS.slice(i * 2, i * 2 + 20), ...block(`s${i}x`, 10)], null));
/** The one dated report of this event. */
const dated = report('d', [...TOPIC, ...THIS.slice(5, 25), ...block('dx', 10)], '2024-05-07');

describe('stories: a dated article alone and an undated story whose members, most of them, are unlike it', () => {
  test('the undated story of the other event does not merge into the dated article', () => {
    const groups = groupStories([...pile, ...strays, dated]);
    const of = (id: string) => groups.find((g) => g.members.includes(id))!.members;
    assert.deepEqual(of('d'), ['d']);
    for (const b of pile) assert.ok(!of(b.id).includes('d'));
  });

  test('a pile of this event alone still merges with it', () => {
    const groups = groupStories([...strays, dated]);
    assert.equal(groups.length, 1);
  });

  test('ledger runs in any order and batching give the batch', async () => {
    await assertRunsGiveBatch([...pile, ...strays, dated]);
  });
});

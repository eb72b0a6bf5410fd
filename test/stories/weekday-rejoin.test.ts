/**
 * Settle's weekday rejoin (StoryIndex.rejoinByWeekday): an undated report that joined the undated
 * story of a topic's other event (in the pass an undated article joins only undated stories) moves
 * to the dated story whose event took place on the weekday its text names, when its own story's
 * weekday is another. Invented words: the topic's words are in every report, each event's in its own.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { groupStories, storyFeatures, type StoryFeatures } from '../../src/stories/index.js';
import { assertRunsGiveBatch, block } from './invented.js';

const TOPIC = block('tp', 30);
const DATED = block('da', 30);
const PILE = block('pl', 30);

function report(id: string, words: string[], published: string | null, weekdays: string[]): StoryFeatures {
  return storyFeatures({ id, title: null, text: words.join(' ') + '.', outlet: `outlet-${id}`, published, eventDates: [], entities: [], weekdays });
}

/** Three dated reports of a Tuesday event, four undated reports of a Thursday event, and `x`, undated, of the first. */
function topic(xWeekdays: string[]): StoryFeatures[] {
  const dated = ['d1', 'd2', 'd3'].map((id, i) => report(id, [...TOPIC, ...DATED.slice(i * 3, i * 3 + 20), ...block(id, 10)], '2024-05-07', ['tuesday']));
  const pile = ['p1', 'p2', 'p3', 'p4'].map((id, i) => report(id, [...TOPIC, ...PILE.slice(i * 3, i * 3 + 20), ...block(id, 10)], null, ['thursday']));
  // (x shares the topic with both, more words with the undated reports than with the dated ones)
  return [...dated, ...pile, report('x', [...TOPIC, ...PILE.slice(0, 10), ...DATED.slice(0, 6), ...block('xx', 10)], null, xWeekdays)];
}

describe('stories: an undated report rejoins the dated story of the weekday it names', () => {
  test('x names the dated event\'s weekday and not the undated story\'s: it joins the dated story', () => {
    const groups = groupStories(topic(['tuesday']));
    const of = (id: string) => groups.find((g) => g.members.includes(id))!.members;
    assert.deepEqual(of('x'), ['d1', 'd2', 'd3', 'x']);
    assert.deepEqual(of('p1'), ['p1', 'p2', 'p3', 'p4']);
  });

  test('without a weekday (or with the undated story\'s) x stays in the undated story', () => {
    for (const w of [[], ['thursday']]) {
      const groups = groupStories(topic(w));
      // (and, a report of both events' words in it, carries it into the dated story: one story of eight)
      assert.ok(groups.some((g) => g.members.includes('x') && g.members.includes('p1')), `weekdays ${w.join(',')}: ${JSON.stringify(groups.map((g) => g.members))}`);
    }
  });

  test('ledger runs in any order and batching give the batch', async () => {
    await assertRunsGiveBatch(topic(['tuesday']));
  });
});

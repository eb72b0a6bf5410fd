/**
 * The timeline's same-date grouping (timeline.ts sameEvents) reads each item's later items of the
 * same fact cluster and of the same act, not every later item: it must join exactly what the pair
 * loop over every item of a date joined (same cluster, or same act by shared actors in another
 * article, within the window of 400 items), on dates busier than the window.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Alignment } from '../../src/compare/facts.js';
import type { Sent } from '../../src/compare/prepare.js';
import { type Item, sameEvents } from '../../src/compare/timeline.js';
import { prng } from '../../src/util/random.js';

/** The grouping as a pair loop over every item of the date (what sameEvents replaced). */
function pairLoop(items: Item[], al: Alignment): number[] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length && j - i <= 400; j++) {
      const [a, b] = [items[i], items[j]];
      if (a.sent.id === b.sent.id) continue;
      const ca = al.clusterOf.get(a.sent.id);
      let same = ca !== undefined && ca === al.clusterOf.get(b.sent.id);
      if (!same && a.act && a.act === b.act && a.sent.art.id !== b.sent.art.id) {
        const shared = [...a.actors].filter((x) => b.actors.has(x)).length;
        same = shared >= 2 || (shared >= 1 && al.sim(a.sent, b.sent) >= 0.2);
      }
      if (same) {
        const [ri, rj] = [find(i), find(j)];
        if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
      }
    }
  return items.map((_, i) => find(i));
}

function keyed(items: Item[], al: Alignment): number[] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  sameEvents(items, 0, items.length, al, (i, j) => {
    const [ri, rj] = [find(i), find(j)];
    if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
  });
  return items.map((_, i) => find(i));
}

/** `n` items of one date in sentence order: some sentences with two dated items, clusters, acts and actors drawn at random. */
function randomDate(seed: number, n: number): { items: Item[]; al: Alignment } {
  const rand = prng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const clusterOf = new Map<string, number>();
  const items: Item[] = [];
  let sentNo = 0;
  while (items.length < n) {
    const art = `a${String(Math.floor(sentNo / 6)).padStart(4, '0')}`;
    const sent = { id: `${art}:${String(sentNo % 6).padStart(4, '0')}`, art: { id: art } } as unknown as Sent;
    sentNo++;
    if (rand() < 0.3) clusterOf.set(sent.id, Math.floor(rand() * 12));
    for (let k = rand() < 0.2 ? 2 : 1; k > 0 && items.length < n; k--)
      items.push({ sent, t: {} as Item['t'], date: '2016-11-08', grain: 'day', act: rand() < 0.6 ? pick(['win', 'vote', 'say', 'meet']) : null, actors: new Set(['p1', 'p2', 'p3', 'p4'].filter(() => rand() < 0.35)) });
  }
  // a similarity that depends on the pair only
  const sim = (a: Sent, b: Sent) => ((a.id < b.id ? a.id + b.id : b.id + a.id).length * 7 + a.id.charCodeAt(9) + b.id.charCodeAt(9)) % 10 / 10;
  return { items, al: { clusters: [], clusterOf, sim } };
}

describe('timeline: the same events of one date', () => {
  it('joins what the pair loop over every item of the date joins, on dates busier than the window', () => {
    for (const [seed, n] of [[1, 30], [2, 450], [3, 900], [4, 1200]] as const) {
      const { items, al } = randomDate(seed, n);
      const expected = pairLoop(items, al);
      assert.deepEqual(keyed(items, al), expected, `seed ${seed}, ${n} items`);
      // (and the test means something: items are joined, and not all into one event)
      const events = new Set(expected).size;
      assert.ok(events > 1 && events < n, `seed ${seed}: ${events} events of ${n} items`);
    }
  });
});

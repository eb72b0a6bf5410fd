/** Shared by the stories tests that build articles from invented words and check ledger runs. */
import assert from 'node:assert/strict';
import { groupStories, StoryLedger, type StoryFeatures } from '../../src/stories/index.js';
import { prng } from '../../src/util/random.js';

/** Invented words, disjoint blocks (no word of one block in another). */
export function block(name: string, n: number): string[] {
  const syll = ['ka', 'lo', 'mir', 'zan', 'tor', 'vel', 'qua', 'ris', 'bon', 'dex', 'pha', 'gul'];
  return Array.from({ length: n }, (_, i) => `${name}${syll[i % 12]}${syll[Math.floor(i / 12) % 12]}`);
}

/** Two ledger runs over each of four shuffled orders, cut at a random point, give the batch's stories. */
export async function assertRunsGiveBatch(all: StoryFeatures[]): Promise<void> {
  const batch = JSON.stringify(groupStories(all));
  for (let seed = 1; seed <= 4; seed++) {
    const r = prng(seed);
    const order = all.map((f) => [r(), f] as const).sort((x, y) => x[0] - y[0]).map((x) => x[1]);
    const ledger = new StoryLedger();
    const cut = 1 + Math.floor(r() * (order.length - 1));
    await ledger.update(order.slice(0, cut));
    await ledger.update(order.slice(cut));
    assert.equal(JSON.stringify(ledger.stories()), batch, `order ${order.map((f) => f.id).join(',')}`);
  }
}

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossCheckTexts, publishedAt } from './story.js';

// Invented wording in the shape of club injury news: which bone a player broke.
const PUBLISHED = publishedAt('2011-01-05T12:00:00Z');
const LEAD = 'The Harbor City Gulls placed a running back on injured reserve on Wednesday before their playoff game.\n\n';
const attributes = (texts: string[]) => crossCheckTexts(texts, PUBLISHED, { lead: LEAD }).conflicts.filter((c) => c.kind === 'attribute');

describe('which bone a named person broke', () => {
  it('opposes two bones of one class, neither holding the other, told of one person by two outlets', () => {
    const c = attributes([
      'Owen Barlow, who returned from his broken right fibula in November, said he feels stronger.',
      'The Gulls were without Owen Barlow (broken tibia) for eight games this season.',
      'Owen Barlow missed half the season after breaking his right fibula in a September game.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
    assert.equal(c[0].slot, 'which bone Owen Barlow broke');
    assert.deepEqual(c[0].sides.map((s) => s.articles.length).sort(), [1, 2]);
    assert.ok(c[0].sides.some((s) => s.value.includes('tibia')) && c[0].sides.some((s) => s.value.includes('fibula')));
  });

  it('agrees a bone with the class above it and with itself', () => {
    const c = attributes([
      'Owen Barlow missed eight games with a broken leg bone this season.',
      'Owen Barlow, who returned from his broken fibula in November, said he feels stronger.',
    ]);
    assert.deepEqual(c.map((k) => k.note), []);
  });

  it('does not oppose two bones told in one sentence, two people, or a bone not said to be broken', () => {
    assert.deepEqual(
      attributes(['Owen Barlow broke his tibia and fibula in September.', 'Owen Barlow missed the season with a broken tibia.']).map((k) => k.note),
      [],
    );
    assert.deepEqual(
      attributes(['Owen Barlow missed the season with a broken tibia.', 'Dev Marsh missed the season with a broken fibula.']).map((k) => k.note),
      [],
    );
    assert.deepEqual(
      attributes(['Owen Barlow missed the season with a broken tibia.', 'Owen Barlow had surgery near the fibula to remove a cyst.']).map((k) => k.note),
      [],
    );
  });
});

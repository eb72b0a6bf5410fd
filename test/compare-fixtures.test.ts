/**
 * Readability-style story fixtures: one folder per story in test/fixtures/stories with the
 * articles (paths into ../shared), and the expected conflicts, corroborated facts and quote groups.
 * Each story runs through the real pipeline (ingest → extract → analyse → compare).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Value } from '@sinclair/typebox/value';
import { crossCheckStory } from '../src/compare/index.js';
import { StoryCrossCheckSchema } from '../src/compare/types.js';
import { loadFixtures, loadStory, scoreStory } from '../scripts/eval-crosscheck.js';

const fixtures = loadFixtures();

describe('story fixtures', () => {
  it('has fixtures to walk', () => {
    assert.ok(fixtures.length >= 2);
  });
  for (const f of fixtures) {
    describe(f.name, () => {
      const { articles, idOf } = loadStory(f);
      const copies = f.copies.map((g) => g.map((k) => idOf.get(k) ?? k));
      const x = crossCheckStory({ storyId: f.storyId, articles, copies });
      const s = scoreStory(f, x, articles, idOf);
      const why = `missed: ${s.missed.join('; ')} | spurious: ${s.falsePositives.join('; ')}`;

      it('finds every expected conflict, with at most one false conflict', () => {
        assert.equal(s.conflicts.fn, 0, why);
        assert.ok(s.falseConflicts <= 1, why);
      });
      it('finds the corroborated facts', () => {
        assert.ok(s.corroborated.tp >= Math.ceil(s.corroborated.expected * 0.75), why);
        assert.ok(s.corroborated.fp <= Math.max(1, Math.floor(s.corroborated.predicted * 0.25)), why);
      });
      it('groups the quotes', () => {
        assert.ok(s.quoteGroups.tp >= Math.ceil(s.quoteGroups.expected * 0.5), why);
        assert.ok(s.quoteGroups.fp <= 1, why);
      });
      it('is schema-valid, traceable and independent of article order', () => {
        assert.ok(Value.Check(StoryCrossCheckSchema, x));
        const texts = new Map(articles.map((a) => [a.article.docId, a.article.text.length]));
        for (const fa of x.facts)
          for (const e of fa.evidence) {
            assert.ok(texts.has(e.articleId));
            assert.ok(e.sentence.start <= e.span.start && e.span.end <= e.sentence.end && e.sentence.end <= texts.get(e.articleId)!);
          }
        const y = crossCheckStory({ storyId: f.storyId, articles: [...articles].reverse(), copies });
        assert.equal(JSON.stringify(y), JSON.stringify(x));
      });
    });
  }
});

/**
 * Invented stories for the cross-check tests: each text is one article of its own outlet ("Outlet
 * <id>"), all published at one time, analysed as the pipeline analyses an article, then the story
 * cross-checked.
 */
import { analyseArticle } from '../../src/analyse/index.js';
import { claimsOf } from '../../src/compare/claims.js';
import { crossCheckStory } from '../../src/compare/index.js';
import { prepareStory } from '../../src/compare/prepare.js';
import type { StoryCrossCheck } from '../../src/compare/types.js';
import type { DateInfo } from '../../src/model/types.js';
import { bareArticle } from '../helpers.js';

/** A publication time to the minute, as read from an article's text. */
export const publishedAt = (iso: string): DateInfo => ({ iso, precision: 'minute', source: 'text' });

/** One invented article: outlet "Outlet <id>", published at `published`. */
export const inventedArticle = (id: string, text: string, published: DateInfo) => analyseArticle(bareArticle(id, text, { outlet: `Outlet ${id}`, published }));

/** The cross-check of one story of invented articles `<prefix>0`, `<prefix>1`, …, each `lead` + its text. */
export function crossCheckTexts(texts: string[], published: DateInfo, { prefix = 'a', lead = '' } = {}): StoryCrossCheck {
  return crossCheckStory({ storyId: 's', articles: texts.map((t, i) => inventedArticle(`${prefix}${i}`, lead + t, published)), copies: [] });
}

/** The conflicts of a story of these texts, each as "slot: value<join>value" (`join` between the sides' values). */
export const conflictLines = (texts: string[], published: DateInfo, join = ' / ') =>
  crossCheckTexts(texts, published)
    .conflicts.filter((c) => c.severity === 'conflict')
    .map((c) => `${c.slot}: ${c.sides.map((s) => s.value).join(join)}`);

/** The claims of the first sentence of `text`, as one invented article published at `published`. */
export function firstSentenceClaims(text: string, published: DateInfo) {
  const story = prepareStory({ articles: [inventedArticle('c0', text, published)], copies: [] });
  return claimsOf(story.sentences[0]);
}

/** The corroborated facts of a story of these texts, each as its articles' short ids ("a0 a2"). */
export const corroboratedShortIds = (texts: string[], published: DateInfo) =>
  crossCheckTexts(texts, published)
    .facts.filter((f) => f.status === 'corroborated')
    .map((f) => f.articles.map((a) => a.slice(-2)).sort().join(' '));

import type { AnnotatedArticle, Entity } from '../model/types.js';
import type { StoryInput } from './types.js';
import { mainClaimsOf } from './main-claim.js';
import { pastWeekdays } from './weekday.js';

/** An article's entities as story input: id, type and mention count (at least 1). */
export function storyEntities(index: Entity[]): StoryInput['entities'] {
  return index.map((e) => ({ id: e.id, type: e.type, count: Math.max(1, e.mentions) }));
}

/**
 * The story input of an analysed article: id, headline, clean body, outlet, publication date,
 * resolved dates of its time expressions (those not inferred from elsewhere) and its entities
 * with mention counts, the weekdays its time expressions name and its main event claims. What the pipeline passes to `storyFeatures`.
 */
export function storyInputOf(a: AnnotatedArticle): StoryInput {
  const art = a.article;
  const eventDates: string[] = [];
  for (const t of a.times ?? []) {
    if (t.value && !t.inferred && t.kind !== 'duration' && /^\d{4}-\d{2}-\d{2}/.test(t.value)) eventDates.push(t.value.slice(0, 10));
  }
  const entities = storyEntities(a.entityIndex ?? []);
  return {
    id: art.docId,
    title: art.title,
    text: art.text,
    outlet: art.outlet,
    url: art.url,
    published: art.published?.iso ?? null,
    eventDates,
    entities,
    dateline: art.dateline,
    weekdays: pastWeekdays((a.times ?? []).map((t) => t.anchor)),
    claims: mainClaimsOf(a),
  };
}

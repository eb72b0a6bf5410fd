/**
 * Alerts: a newly ingested article that creates or changes a conflict in its story, or that
 * contradicts what other independent sources established, flags the story. The story's
 * cross-check is computed with and without the new articles; a conflict involving a new article
 * that was not there before (same kind, slot and values) is "new", one whose sides gained the new
 * article is "changed", and either is also "contradicts established" when the side against the
 * new article rests on two or more independent sources.
 */
import { crossCheckStory } from '../compare/index.js';
import type { Conflict, StoryCrossCheck } from '../compare/types.js';
import type { AnnotatedArticle } from '../model/types.js';
import { inferUndatedTimes } from '../report/build.js';
import type { Store } from '../store/index.js';
import type { StoryGroup } from '../stories/index.js';

export interface AlertSentence {
  articleId: string;
  outlet: string;
  value: string;
  text: string;
  /** True for the article(s) that triggered the alert. */
  isNew: boolean;
}

export interface StoryAlert {
  type: 'conflict';
  reason: 'new-conflict' | 'changed-conflict';
  contradictsEstablished: boolean;
  storyId: string;
  storyTitle: string | null;
  articles: string[];
  conflict: { id: string; kind: string; slot: string; note: string; sides: { value: string; outlets: string[]; articles: string[]; independentSources: number }[] };
  sentences: AlertSentence[];
}

const ESTABLISHED = 2;

/**
 * What identifies a conflict across two cross-checks of one story: its kind and the values in
 * dispute (the slot's wording may change as articles join: "number of people", "death toll").
 */
function conflictKey(c: Conflict): string {
  return `${c.kind}\u0001${c.sides.map((s) => JSON.stringify(s.normalized ?? s.value)).sort().join("\u0002")}`;
}

async function crossCheck(store: Store, g: StoryGroup, members: string[]): Promise<StoryCrossCheck | null> {
  const annotated = (await Promise.all(members.map((id) => store.getAnnotated(id)))).filter((a): a is AnnotatedArticle => a !== null);
  if (annotated.length < 2) return null;
  inferUndatedTimes(annotated);
  const keep = new Set(members);
  const copies = g.copies.map((c) => c.filter((id) => keep.has(id))).filter((c) => c.length > 1);
  return crossCheckStory({ storyId: g.id, articles: annotated, copies });
}

/** Alerts for one story that gained the articles `added` (doc ids). */
export async function storyAlerts(store: Store, g: StoryGroup, added: string[]): Promise<StoryAlert[]> {
  const fresh = new Set(added.filter((id) => g.members.includes(id)));
  if (!fresh.size) return [];
  const after = await crossCheck(store, g, g.members);
  if (!after) return [];
  const before = await crossCheck(
    store,
    g,
    g.members.filter((id) => !fresh.has(id)),
  );
  const previous = new Map((before?.conflicts ?? []).filter((c) => c.severity === 'conflict').map((c) => [conflictKey(c), c]));
  const texts = new Map<string, { text: string; outlet: string }>();
  for (const id of g.members) {
    const a = await store.getAnnotated(id);
    texts.set(id, { text: a?.article.text ?? '', outlet: a?.article.outlet ?? id.slice(0, 12) });
  }
  const textOf = (id: string) => texts.get(id) ?? { text: '', outlet: id.slice(0, 12) };
  const alerts: StoryAlert[] = [];
  for (const c of after.conflicts) {
    if (c.severity !== 'conflict') continue;
    const involved = c.sides.some((s) => s.articles.some((a) => fresh.has(a)));
    if (!involved) continue;
    const prior = previous.get(conflictKey(c));
    const reason = !prior ? 'new-conflict' : 'changed-conflict';
    const newSides = c.sides.filter((s) => s.articles.some((a) => fresh.has(a)));
    const contradictsEstablished = c.sides.some((s) => !newSides.includes(s) && s.independentSources >= ESTABLISHED);
    const sentences: AlertSentence[] = [];
    for (const side of c.sides) {
      const isNew = newSides.includes(side);
      // every sentence of the new article, one per other side (where the story stood)
      const evidence = isNew ? side.evidence.filter((e) => fresh.has(e.articleId)) : side.evidence.slice(0, 1);
      for (const e of evidence) {
        const t = textOf(e.articleId);
        sentences.push({ articleId: e.articleId, outlet: t.outlet, value: side.value, text: t.text.slice(e.sentence.start, e.sentence.end), isNew });
      }
    }
    alerts.push({
      type: 'conflict',
      reason,
      contradictsEstablished,
      storyId: g.id,
      storyTitle: g.title,
      articles: [...fresh].filter((id) => newSides.some((s) => s.articles.includes(id))),
      conflict: {
        id: c.id,
        kind: c.kind,
        slot: c.slot,
        note: c.note,
        sides: c.sides.map((s) => ({ value: s.value, outlets: s.outlets, articles: s.articles, independentSources: s.independentSources })),
      },
      sentences,
    });
  }
  return alerts;
}

/** One line for a terminal: "ALERT story "T": new conflict on <slot>: A (outlets) vs B (outlets)". */
export function alertLine(a: StoryAlert): string {
  const sides = a.conflict.sides.map((s) => `${s.value} (${s.outlets.join(', ') || '?'})`).join(' vs ');
  const what = a.reason === 'new-conflict' ? 'new conflict' : 'conflict changed';
  return `ALERT story "${a.storyTitle ?? a.storyId}" [${a.storyId}]: ${what} on ${a.conflict.slot}: ${sides}${a.contradictsEstablished ? ' — contradicts what independent sources established' : ''}`;
}

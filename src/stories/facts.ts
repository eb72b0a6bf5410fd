import type { AnnotatedArticle, DateInfo } from '../model/types.js';
import { outletFromName } from '../outlets/index.js';
import { unionFind } from '../util/union-find.js';

/**
 * Facts about a story as a whole, computed once and read by the report and the cross-check:
 *
 * - **Independent sources.** Two articles are one source when one is a copy of the other
 *   (near-duplicate text, or a rewrite of one dispatch: `copies`, which the cross-check's prepare
 *   step extends with `dispatch.ts`), when both carry the same wire agency's copy (`wire`), or
 *   when both come from the same outlet (an outlet reporting twice is still one witness). The
 *   groups are the connected components of those three relations; each group is named by its
 *   smallest article id, so the grouping does not depend on input order.
 * - **The story's date.** The median publication day of its dated articles (day precision or
 *   finer): what relative expressions of its undated articles ("on Thursday") are resolved
 *   against, marked inferred.
 */

/** What the independence of a source rests on. */
export interface SourceFacts {
  id: string;
  outlet: string | null;
  wire: string | null;
}

/** Article id → id of its independent-source group (the group's smallest article id). */
export function sourceGroups(articles: SourceFacts[], copies: string[][] = []): Map<string, string> {
  const ids = [...new Set(articles.map((a) => a.id))].sort();
  // the root of a set is its smallest id: the grouping does not depend on input order
  const { add, find, union, parent } = unionFind();
  for (const id of ids) add(id);
  for (const group of copies ?? []) {
    const members = (group ?? []).filter((id) => parent.has(id));
    for (let i = 1; i < members.length; i++) union(members[0], members[i]);
  }
  const firstBy = new Map<string, string>();
  for (const a of [...articles].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) {
    for (const key of [a.wire ? `wire:${outletFromName(a.wire)?.id}` : null, a.outlet ? `outlet:${outletFromName(a.outlet)?.id}` : null]) {
      if (!key || key.endsWith(':undefined')) continue;
      const first = firstBy.get(key);
      if (first) union(first, a.id);
      else firstBy.set(key, a.id);
    }
  }
  return new Map(ids.map((id) => [id, find(id)]));
}

/** The number of independent sources among articles. */
export function independentSourceCount(articles: SourceFacts[], copies: string[][] = []): number {
  return new Set(sourceGroups(articles, copies).values()).size;
}

/** The source facts of an analysed article. */
export function sourceFactsOf(a: AnnotatedArticle): SourceFacts {
  return { id: a.article.docId, outlet: a.article.outlet ?? null, wire: a.article.wire ?? null };
}

/** The publication day (YYYY-MM-DD) of a date known to the day or finer, else null. */
export function publicationDay(published: DateInfo | null | undefined): string | null {
  if (!published?.iso) return null;
  if (!['day', 'hour', 'minute', 'second'].includes(published.precision)) return null;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(published.iso);
  return m ? m[1] : null;
}

/** The story's date: the median publication day of its dated articles (the earlier of the two middle ones), or null. */
export function storyAnchorDay(articles: AnnotatedArticle[]): string | null {
  const days = articles.map((a) => publicationDay(a?.article?.published)).filter((d): d is string => !!d).sort();
  return days.length ? days[Math.floor((days.length - 1) / 2)] : null;
}

import type { AnnotatedArticle, DateInfo } from '../model/types.js';
import { outletFromName } from '../outlets/index.js';
import { unionFind } from '../util/union-find.js';

/**
 * Facts about a story as a whole, computed once and read by the report and the cross-check:
 *
 * - **Independent sources.** Two articles are one source when one is a copy of the other
 *   (near-duplicate text: the stories stage's `copies`), when one is a rewrite of the other's
 *   dispatch (`dispatch.ts`, read from the texts by the cross-check's prepare step), when both
 *   carry the same wire agency's copy (`wire`), or when both come from the same outlet (an outlet
 *   reporting twice is still one witness). The groups are the connected components of those four
 *   relations; each group is named by its smallest article id, so the grouping does not depend on
 *   input order, and each member says which relation ties it to the group (`SourceReason`).
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

/**
 * Why an article is one source with others of its group: a near-duplicate of one (`copy`), a
 * rewrite of one dispatch (`dispatch`, stories/dispatch.ts), the same wire agency's copy (`wire`),
 * or the same outlet (`outlet`); the first that ties it to another member, in that order.
 */
export type SourceReason = 'copy' | 'dispatch' | 'wire' | 'outlet';
const REASONS: readonly SourceReason[] = ['copy', 'dispatch', 'wire', 'outlet'];

/** An article's independent-source group (named by its smallest article id) and why it is in it (null when alone). */
export interface SourceGroupOf {
  group: string;
  reason: SourceReason | null;
}

/** Keys an article shares with others of its source (wire agency, outlet), as sourceGroups joins them. */
function sourceKeys(a: SourceFacts): { wire: string | null; outlet: string | null } {
  const key = (kind: string, name: string | null) => {
    const id = name ? outletFromName(name)?.id : undefined;
    return id === undefined ? null : `${kind}:${id}`;
  };
  return { wire: key('wire', a.wire), outlet: key('outlet', a.outlet) };
}

/**
 * Article id → its independent-source group and why: the connected components of the four
 * relations (copies, dispatches, same wire, same outlet). `copies` and `dispatches` are groups
 * of article ids (ids not among `articles` are ignored).
 */
export function sourceGroupsWhy(articles: SourceFacts[], copies: string[][] = [], dispatches: string[][] = []): Map<string, SourceGroupOf> {
  const sorted = [...articles].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const ids = [...new Set(sorted.map((a) => a.id))];
  // the root of a set is its smallest id: the grouping does not depend on input order
  const { add, find, union, parent } = unionFind();
  for (const id of ids) add(id);
  // the articles each relation ties to another article (all of a relation's group end in one set)
  const tied = new Map<SourceReason, Set<string>>(REASONS.map((r) => [r, new Set()]));
  const tie = (reason: SourceReason, members: string[]) => {
    const distinct = [...new Set(members)];
    for (let i = 1; i < distinct.length; i++) union(distinct[0], distinct[i]);
    if (distinct.length > 1) for (const id of distinct) tied.get(reason)!.add(id);
  };
  for (const group of copies ?? []) tie('copy', (group ?? []).filter((id) => parent.has(id)));
  for (const group of dispatches ?? []) tie('dispatch', (group ?? []).filter((id) => parent.has(id)));
  const keys = sorted.map(sourceKeys);
  for (const kind of ['wire', 'outlet'] as const) {
    const byKey = new Map<string, string[]>();
    for (const [i, a] of sorted.entries()) {
      const key = keys[i][kind];
      if (key) (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(a.id);
    }
    for (const members of byKey.values()) tie(kind, members);
  }
  return new Map(ids.map((id) => [id, { group: find(id), reason: REASONS.find((r) => tied.get(r)!.has(id)) ?? null }]));
}

/** Article id → id of its independent-source group (the group's smallest article id). */
export function sourceGroups(articles: SourceFacts[], copies: string[][] = [], dispatches: string[][] = []): Map<string, string> {
  return new Map([...sourceGroupsWhy(articles, copies, dispatches)].map(([id, g]) => [id, g.group]));
}

/** The number of independent sources among articles. */
export function independentSourceCount(articles: SourceFacts[], copies: string[][] = [], dispatches: string[][] = []): number {
  return new Set(sourceGroups(articles, copies, dispatches).values()).size;
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

import type { AnnotatedArticle } from '../model/types.js';
import type { ReportStory } from '../report/schema.js';
import type { StoryFilter } from '../store/index.js';
import { addHtml, articleHtml, notFoundHtml, type StoriesView, type StoryListItemView, type StorySort, storiesHtml, storyHtml } from '../ui/index.js';

/**
 * The web UI pages, rendered by the components of src/ui (shared with report.html). No external
 * assets: CSS and the page scripts are inline, allowed by a per-response CSP nonce. Everything
 * that comes from an article is escaped by the renderer; client-side code only sets textContent.
 */

export type { StoryListItemView, StoriesView, StorySort };

const SORTS: StorySort[] = ['date', 'size', 'conflicts'];

/** The stories list's own query parameters: `sort` (date, size, conflicts) and `multi=1` (hide single-article stories). */
export function storiesViewOf(f: StoryFilter, q: Record<string, unknown>): StoriesView {
  const sort = SORTS.includes(q.sort as StorySort) ? (q.sort as StorySort) : 'date';
  return { ...f, sort, hideSingle: q.multi === '1' || q.multi === 'on' };
}

/**
 * Applies the order and the single-article filter to stories listed newest first. `fetch(offset, limit)`
 * reads one page of the store's list; another order than date needs the whole matching list.
 */
type StoryPage = { total: number; stories: StoryListItemView[] };

export async function sortStories(view: StoriesView, fetch: (offset: number, limit: number) => Promise<StoryPage>): Promise<StoryPage> {
  const limit = view.limit ?? 100;
  const offset = view.offset ?? 0;
  if ((view.sort ?? 'date') === 'date' && !view.hideSingle) return await fetch(offset, limit);
  const all: StoryListItemView[] = [];
  for (let at = 0; ; at += 500) {
    const page = await fetch(at, 500);
    all.push(...page.stories);
    if (page.stories.length < 500 || all.length >= page.total || all.length >= 20_000) break;
  }
  const kept = view.hideSingle ? all.filter((s) => s.articles > 1) : all;
  const key = (s: StoryListItemView) => (view.sort === 'size' ? s.articles : view.sort === 'conflicts' ? (s.conflicts ?? -1) : 0);
  // stable: ties keep the newest-first order
  const sorted = kept.map((s, i) => ({ s, i })).sort((a, b) => key(b.s) - key(a.s) || a.i - b.i).map((x) => x.s);
  return { total: sorted.length, stories: sorted.slice(offset, offset + limit) };
}

export function storiesPage(nonce: string, f: StoriesView, list: { total: number; stories: StoryListItemView[] }, fragment: boolean): string {
  return storiesHtml(nonce, f, list, fragment);
}

export function storyPage(nonce: string, story: ReportStory, fragment: boolean, problem: string | null = null): string {
  return storyHtml(nonce, story, fragment, problem);
}

export function articlePage(nonce: string, a: AnnotatedArticle, source: string, storyId: string | null): string {
  return articleHtml(nonce, a, source, storyId);
}

export function addPage(nonce: string, opts: { tokenRequired: boolean }): string {
  return addHtml(nonce, opts);
}

export function notFoundPage(message: string): (nonce: string) => string {
  return (nonce) => notFoundHtml(nonce, message);
}

/**
 * The pages a reader meets, as typed components rendered by preact-render-to-string (which
 * escapes every text and attribute): the web UI of `triangulate serve` and the self-contained
 * report.html share them. See README.md.
 */
import type { AnnotatedArticle } from '../model/types.js';
import type { Report, ReportStory } from '../report/schema.js';
import { AddPage } from './add.js';
import { ArticlePage, NotFoundPage } from './article.js';
import { ReportDocument, StoryLive, StoryPage } from './pages.js';
import { renderDocument, renderFragment } from './render.js';
import { type StoriesView, type StoryListItemView, StoriesPage, StoriesTable } from './stories.js';

export type { StoriesView, StoryListItemView, StorySort } from './stories.js';

const web = (nonce: string) => ({ mode: 'web' as const, nonce });

export function storiesHtml(nonce: string, f: StoriesView, list: { total: number; stories: StoryListItemView[] }, fragment: boolean): string {
  return fragment ? renderFragment(<StoriesTable f={f} list={list} />) : renderDocument(<StoriesPage ctx={web(nonce)} f={f} list={list} />);
}

export function storyHtml(nonce: string, story: ReportStory, fragment: boolean, problem: string | null = null): string {
  const ctx = web(nonce);
  return fragment ? renderFragment(<StoryLive ctx={ctx} story={story} problem={problem} />) : renderDocument(<StoryPage ctx={ctx} story={story} problem={problem} />);
}

export function articleHtml(nonce: string, a: AnnotatedArticle, source: string, storyId: string | null): string {
  return renderDocument(<ArticlePage ctx={web(nonce)} a={a} source={source} storyId={storyId} />);
}

export function addHtml(nonce: string, opts: { tokenRequired: boolean }): string {
  return renderDocument(<AddPage ctx={web(nonce)} tokenRequired={opts.tokenRequired} />);
}

export function notFoundHtml(nonce: string, message: string): string {
  return renderDocument(<NotFoundPage ctx={web(nonce)} message={message} />);
}

/** The self-contained report.html (no external assets, opens offline). */
export function reportHtml(report: Report): string {
  return renderDocument(<ReportDocument report={report} />);
}

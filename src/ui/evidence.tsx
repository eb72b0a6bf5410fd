import type { ComponentChildren } from 'preact';
import type { Evidence } from '../compare/types.js';
import type { ReportArticle, ReportStory } from '../report/schema.js';
import type { PageContext } from './layout.js';

/**
 * How a story names its articles and links to their sentences. Readers know outlets, not
 * numbers: an article is named by its outlet (the cross-check's placeholder when the outlet is
 * unknown), with a number added when one outlet has several articles in the story.
 */
export interface StoryLinks {
  ctx: PageContext;
  articles: Map<string, ReportArticle>;
  label: Map<string, string>;
}

export function storyLinks(ctx: PageContext, story: ReportStory): StoryLinks {
  const placeholder = new Map((story.crossCheck?.sources ?? []).map((s) => [s.articleId, s.outlet]));
  const base = story.articles.map((a, i) => a.outlet ?? placeholder.get(a.id) ?? `article ${i + 1}`);
  const total = new Map<string, number>();
  for (const b of base) total.set(b, (total.get(b) ?? 0) + 1);
  const seen = new Map<string, number>();
  const label = new Map<string, string>();
  story.articles.forEach((a, i) => {
    const b = base[i];
    const n = (seen.get(b) ?? 0) + 1;
    seen.set(b, n);
    label.set(a.id, (total.get(b) ?? 1) > 1 ? `${b} #${n}` : b);
  });
  return { ctx, articles: new Map(story.articles.map((a) => [a.id, a])), label };
}

export const nameOf = (l: StoryLinks, id: string) => l.label.get(id) ?? id.slice(0, 8);

/** Where an article lives: its page in the web UI, its row in report.html. */
export function articleHref(l: StoryLinks, id: string): string {
  return l.ctx.mode === 'web' ? `/articles/${encodeURIComponent(id)}` : `#a-${id}`;
}

/** The attributes that make an element open its evidence in the viewer. */
export function evAttrs(e: Evidence | undefined) {
  if (!e) return {};
  const s = e.sentence ?? e.span;
  return {
    'data-article': e.articleId,
    'data-start': e.span.start | 0,
    'data-end': e.span.end | 0,
    'data-sstart': s.start | 0,
    'data-send': s.end | 0,
  };
}

/** Inline clickable text (a quote, a wording, a framing term): a link to the article, shown in the viewer on click. */
export function EvLink(props: { l: StoryLinks; e: Evidence | undefined; children: ComponentChildren; class?: string }) {
  const { l, e } = props;
  if (!e) return <>{props.children}</>;
  return (
    <a class={props.class ?? 'ev'} href={articleHref(l, e.articleId)} title={nameOf(l, e.articleId)} {...evAttrs(e)}>
      {props.children}
    </a>
  );
}

/** A clickable block (a fact row, a conflict side, a brief line): the whole block opens its first evidence. */
export function EvBlock(props: { l: StoryLinks; e: Evidence | undefined; children: ComponentChildren; class?: string; tag?: 'div' | 'li' | 'p'; id?: string }) {
  const Tag = props.tag ?? 'div';
  const cls = props.e ? `ev row ${props.class ?? ''}`.trim() : props.class;
  return (
    <Tag class={cls} id={props.id} {...(props.e ? { tabIndex: 0, role: 'button' } : {})} {...evAttrs(props.e)}>
      {props.children}
    </Tag>
  );
}

/** Citations by outlet name, one per article (its first evidence). */
export function Cites({ l, evidence }: { l: StoryLinks; evidence: readonly Evidence[] }) {
  const first = new Map<string, Evidence>();
  for (const e of evidence) if (!first.has(e.articleId)) first.set(e.articleId, e);
  if (!first.size) return null;
  return (
    <span class="cites">
      {[...first.values()].map((e) => (
        <a class="cite" href={articleHref(l, e.articleId)} title={l.articles.get(e.articleId)?.title ?? ''} {...evAttrs(e)}>
          {nameOf(l, e.articleId)}
        </a>
      ))}
    </span>
  );
}

/** Outlet names of article ids, without repeats. */
export function outletNames(l: StoryLinks, ids: readonly string[]): string {
  return [...new Set(ids.map((id) => nameOf(l, id).replace(/ #\d+$/, '')))].join(', ');
}

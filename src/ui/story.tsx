import { dateLabel, plural, spanLabel } from '../report/render.js';
import type { ReportStory } from '../report/schema.js';
import { CoverageBar } from './coverage.js';
import { Brief, Conflicts, Evolving, Facts } from './crosscheck.js';
import { articleHref, storyLinks, nameOf, type StoryLinks } from './evidence.js';
import { JsonData, type PageContext } from './layout.js';
import { Framing, Matrix, Omissions, QuoteLedger, Timeline } from './ledger.js';

/** The texts the evidence viewer quotes from, keyed by article id. */
export type ViewerTexts = Record<string, { title: string; outlet: string; text: string; href: string | null }>;

export function viewerTexts(story: ReportStory, l: StoryLinks, into: ViewerTexts = {}): ViewerTexts {
  for (const a of story.articles) into[a.id] = { title: a.title ?? '(untitled)', outlet: nameOf(l, a.id), text: a.text, href: l.ctx.mode === 'web' ? articleHref(l, a.id) : null };
  return into;
}

/** Download links of a stored story (web UI only: report.html is itself the download). */
function Exports({ story }: { story: ReportStory }) {
  const base = `/api/stories/${encodeURIComponent(story.id)}/export`;
  const links: [string, string][] = [
    ['csv&what=facts', 'Facts (CSV)'],
    ['csv&what=conflicts', 'Conflicts (CSV)'],
    ...(story.crossCheck?.evolvingFigures?.length ? ([['csv&what=evolving', 'Evolving figures (CSV)']] as [string, string][]) : []),
    ['csv&what=quotes', 'Quotes (CSV)'],
    ['csv&what=articles', 'Articles (CSV)'],
    ['markdown', 'Markdown'],
    ['html', 'report.html'],
    ['json', 'JSON'],
  ];
  return (
    <div class="actions" id="export">
      <span class="meta">Export:</span>
      {links.map(([q, label]) => (
        <a class="button secondary" href={`${base}?format=${q}`} download>
          {label}
        </a>
      ))}
    </div>
  );
}

/** Articles listed at once up to this many; a longer list is one tap away. */
const ARTICLES_SHOWN = 10;

function Articles({ story, l }: { story: ReportStory; l: StoryLinks }) {
  const table = <ArticleTable story={story} l={l} />;
  return (
    <>
      <h2 id={l.ctx.mode === 'web' ? 'articles' : undefined}>Articles ({story.articles.length})</h2>
      {story.articles.length > ARTICLES_SHOWN && l.ctx.mode === 'web' ? (
        <details class="articles-list">
          <summary>Show all {story.articles.length} articles</summary>
          {table}
        </details>
      ) : (
        table
      )}
    </>
  );
}

function ArticleTable({ story, l }: { story: ReportStory; l: StoryLinks }) {
  // a rewrite of another article's dispatch (the cross-check's sources): one source with its group's first article
  const dispatchOf = new Map((story.crossCheck?.sources ?? []).filter((s) => s.sourceReason === 'dispatch' && s.sourceGroup !== s.articleId).map((s) => [s.articleId, s.sourceGroup]));
  return (
    <>
      <table class="stack articles">
        <thead>
          <tr>
            <th>Outlet</th>
            <th>Title</th>
            <th>Published</th>
            <th>Source</th>
          </tr>
        </thead>
        <tbody>
          {story.articles.map((a) => (
            <tr id={l.ctx.mode === 'file' ? `a-${a.id}` : undefined}>
              <td data-label="Outlet">{nameOf(l, a.id)}</td>
              <td data-label="Title">
                {l.ctx.mode === 'web' ? (
                  <a href={articleHref(l, a.id)}>{a.title ?? '(untitled)'}</a>
                ) : (
                  <a class="ev" href={articleHref(l, a.id)} data-article={a.id} data-start="0" data-end="0">
                    {a.title ?? '(untitled)'}
                  </a>
                )}
                {a.copyOf && <span class="badge">copy of {nameOf(l, a.copyOf)}</span>}
                {!a.copyOf && dispatchOf.has(a.id) && <span class="badge">one dispatch with {nameOf(l, dispatchOf.get(a.id)!)}</span>}
                {a.wire && <span class="badge">wire: {a.wire}</span>}
              </td>
              <td data-label="Published">{a.published ? dateLabel(a) : 'undated'}</td>
              <td data-label="Source" class="meta">
                {a.source}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Entities({ story, l }: { story: ReportStory; l: StoryLinks }) {
  if (!story.entities.length) return null;
  return (
    <>
      <h2>Main entities</h2>
      <p>
        {story.entities.slice(0, 15).map((e, i) => (
          <>
            {i > 0 && ' · '}
            {l.ctx.mode === 'web' ? <a href={`/?entity=${encodeURIComponent(e.id)}`}>{e.name}</a> : e.name} <span class="badge">{`${e.type} ${e.mentions}`}</span>
          </>
        ))}
      </p>
    </>
  );
}

/**
 * A story as a reader meets it: what it is and who covered it, the brief (each line marked
 * established / disputed / single source), the conflicts, the facts (single-source ones
 * collapsed), who said what, framing, timeline, then the articles. Shared by the story page and
 * every story of report.html.
 */
export function StoryView({ ctx, story, problem = null }: { ctx: PageContext; story: ReportStory; problem?: string | null }) {
  const l = storyLinks(ctx, story);
  const cc = story.crossCheck;
  return (
    <>
      <h1 id={ctx.mode === 'web' ? 'story-title' : undefined}>{story.title}</h1>
      <p class="meta">
        <span class="article-count" id={ctx.mode === 'web' ? 'article-count' : undefined}>
          {plural(story.articleCount, 'article')}
        </span>
        {` · ${plural(story.independentSources, 'independent source')} · ${plural(new Set(story.articles.map((a) => nameOf(l, a.id).replace(/ #\d+$/, ''))).size, 'outlet')} · ${spanLabel(story)} · story `}
        <code>{story.id}</code>
      </p>
      {ctx.mode === 'web' && <Exports story={story} />}
      <CoverageBar story={story} l={l} />
      {problem ? (
        <div class="notice err" id="crosscheck-error">
          The cross-check of this story failed: {problem}
        </div>
      ) : cc ? (
        <>
          <Brief cc={cc} l={l} />
          <Conflicts cc={cc} l={l} />
          <Evolving cc={cc} l={l} />
          <Facts cc={cc} l={l} />
          <QuoteLedger cc={cc} l={l} />
          <Framing cc={cc} l={l} />
          <Timeline cc={cc} l={l} />
          <Omissions cc={cc} l={l} />
          <Matrix story={story} cc={cc} l={l} />
        </>
      ) : (
        <div class="notice" id="no-crosscheck">
          No cross-check for this story{story.articleCount < 2 ? ' (it has a single article)' : ' yet'}.
        </div>
      )}
      <Articles story={story} l={l} />
      <Entities story={story} l={l} />
      {ctx.mode === 'web' && <JsonData id="article-texts" value={viewerTexts(story, l)} />}
    </>
  );
}

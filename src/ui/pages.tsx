import { plural } from '../report/render.js';
import type { Report, ReportStory } from '../report/schema.js';
import { storyLinks } from './evidence.js';
import { JsonData, Page, type PageContext, Viewer } from './layout.js';
import { LIVE_SCRIPT, VIEWER_SCRIPT } from './scripts.js';
import { StoryView, type ViewerTexts, viewerTexts } from './story.js';

/** The live part of the story page (also served alone as the fragment the page re-fetches). */
export function StoryLive({ ctx, story, problem }: { ctx: PageContext; story: ReportStory; problem: string | null }) {
  return (
    <div id="live-target" data-story={story.id} data-version="0">
      <StoryView ctx={ctx} story={story} problem={problem} />
    </div>
  );
}

export function StoryPage({ ctx, story, problem }: { ctx: PageContext; story: ReportStory; problem: string | null }) {
  return (
    <Page ctx={ctx} title={story.title} scripts={[VIEWER_SCRIPT, LIVE_SCRIPT]}>
      <p class="meta">
        <a href="/">← stories</a> <span class="live" id="live-status" />
      </p>
      <div class="grid">
        <div>
          <StoryLive ctx={ctx} story={story} problem={problem} />
        </div>
        <Viewer />
      </div>
    </Page>
  );
}

/** report.html: every story of the report with the same components, the evidence viewer, nothing external. */
export function ReportDocument({ report }: { report: Report }) {
  const ctx: PageContext = { mode: 'file' };
  const texts: ViewerTexts = {};
  for (const s of report.stories) viewerTexts(s, storyLinks(ctx, s), texts);
  const articles = report.stories.reduce((n, s) => n + s.articleCount, 0);
  return (
    <Page ctx={ctx} title="Report" subtitle={`${plural(report.stories.length, 'story', 'stories')} from ${plural(articles, 'article')} · tap any underlined item to read its sentence`} scripts={[VIEWER_SCRIPT]}>
      <div class="grid">
        <div>
          {report.stories.length > 1 && (
            <nav class="card toc">
              <strong>Stories</strong>
              <ol>
                {report.stories.map((s) => (
                  <li>
                    <a href={`#story-${s.id}`}>{s.title}</a> <span class="meta">({plural(s.articleCount, 'article')})</span>
                  </li>
                ))}
              </ol>
            </nav>
          )}
          {report.failures.length > 0 && (
            <section class="story failures">
              <h2>Inputs that failed</h2>
              <ul>
                {report.failures.map((f) => (
                  <li>
                    <code>{f.source}</code>: <span class="err">{f.reason}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {report.stories.map((s) => (
            <section class="story" id={`story-${s.id}`}>
              <StoryView ctx={ctx} story={s} />
            </section>
          ))}
        </div>
        <Viewer />
      </div>
      <JsonData id="article-texts" value={texts} />
    </Page>
  );
}

import { linkAcrossArticles } from '../analyse/entities/index.js';
import { crossCheckStory, renderCrossCheckHtml, renderCrossCheckMarkdown, type StoryCrossCheck } from '../compare/index.js';
import type { Article } from '../model/types.js';
import type { StoryExtras } from './build.js';
import type { SectionRenderers } from './render.js';
import type { ReportStory } from './schema.js';

/** Main entities listed per story in the report. */
const MAIN_ENTITIES = 25;

/**
 * Wires the stages that add to a story's report (cross-check, cross-article entity linking)
 * into the report builder and the renderers. One place, so the CLI, the server and the library agree.
 */
export function reportExtras(): StoryExtras {
  return {
    crossCheck: (story, articles) => crossCheckStory({ storyId: story.id, articles, copies: story.copies }),
    storyEntities: (articles) =>
      linkAcrossArticles(articles.map((a) => ({ articleId: a.article.docId, outlet: a.article.outlet, mentions: a.entities, text: a.article.text })))
        .slice(0, MAIN_ENTITIES)
        .map(({ occurrences: _o, ...e }) => e),
  };
}

/** The article texts a renderer needs to quote evidence sentences. */
function articlesOf(story: ReportStory): Article[] {
  return story.articles.map((a) => ({ docId: a.id, text: a.text }) as Article);
}

export function reportSections(): SectionRenderers {
  return {
    markdown: (s) => (s.crossCheck ? renderCrossCheckMarkdown(s.crossCheck as StoryCrossCheck, articlesOf(s)) : ''),
    html: (s) => (s.crossCheck ? renderCrossCheckHtml(s.crossCheck as StoryCrossCheck, articlesOf(s)) : ''),
    terminal: (s) => (s.crossCheck ? terminalCrossCheck(s.crossCheck as StoryCrossCheck) : ''),
  };
}

/** A few lines per story for the terminal: counts, then the conflicts, each side with its outlet. */
function terminalCrossCheck(x: StoryCrossCheck): string {
  const count = (st: string) => x.facts.filter((f) => f.status === st).length;
  const lines = [
    `cross-check: ${count('corroborated')} corroborated, ${count('single-source')} single-source, ${x.conflicts.length} conflicts, ${evolvingCount(x)}${x.quoteLedger.length} speakers quoted`,
  ];
  for (const c of x.conflicts.slice(0, 5)) {
    const sides = c.sides.map((side) => `${side.value} (${side.outlets.join(', ')})`);
    lines.push(`  ${c.severity === 'minor' ? 'discrepancy' : 'conflict'} · ${c.slot}: ${sides.join(' vs ')}`);
  }
  if (x.conflicts.length > 5) lines.push(`  … ${x.conflicts.length - 5} more conflicts (--out DIR for the full report)`);
  return lines.join('\n');
}

/** "2 evolving figures, " when the story has any (figures that grew from day to day, not conflicts). */
function evolvingCount(x: StoryCrossCheck): string {
  const n = x.evolvingFigures?.length ?? 0;
  return n ? `${n} evolving figure${n === 1 ? '' : 's'}, ` : '';
}

import type { ReportStory } from '../report/schema.js';
import { plural } from '../report/render.js';
import { nameOf, type StoryLinks } from './evidence.js';

const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

export interface OutletCoverage {
  outlet: string;
  articles: number;
  copies: number;
  wires: string[];
}

/** Articles per outlet, with how many are copies of another article and which wire agencies they carry. */
export function coverageOf(story: ReportStory, l: StoryLinks): OutletCoverage[] {
  const by = new Map<string, OutletCoverage>();
  for (const a of story.articles) {
    const outlet = nameOf(l, a.id).replace(/ #\d+$/, '');
    const c = by.get(outlet) ?? { outlet, articles: 0, copies: 0, wires: [] };
    c.articles++;
    if (a.copyOf) c.copies++;
    if (a.wire && !c.wires.includes(a.wire)) c.wires.push(a.wire);
    by.set(outlet, c);
  }
  return [...by.values()].sort((a, b) => b.articles - a.articles || (a.outlet < b.outlet ? -1 : 1));
}

function describe(c: OutletCoverage): string {
  const extra = [c.copies ? plural(c.copies, 'copy', 'copies') : '', c.wires.length ? `wire: ${c.wires.join(', ')}` : ''].filter(Boolean);
  return `${c.outlet}: ${plural(c.articles, 'article')}${extra.length ? ` (${extra.join('; ')})` : ''}`;
}

/**
 * The coverage bar: one segment per outlet, as wide as its share of the story's articles; copies
 * drawn paler. SVG presentation attributes, not style attributes (the pages' CSP refuses those).
 */
export function CoverageBar({ story, l }: { story: ReportStory; l: StoryLinks }) {
  const rows = coverageOf(story, l);
  const total = Math.max(1, story.articles.length);
  let x = 0;
  return (
    <div class="coverage-block" id={`coverage-${story.id}`}>
      <svg class="coverage" width="100%" height="22" role="img" aria-label={rows.map(describe).join('; ')}>
        {rows.map((c, i) => {
          const w = (c.articles / total) * 100;
          const at = x;
          x += w;
          const colour = PALETTE[i % PALETTE.length];
          const own = ((c.articles - c.copies) / c.articles) * w;
          return (
            <g>
              <title>{describe(c)}</title>
              <rect x={`${at.toFixed(3)}%`} width={`${own.toFixed(3)}%`} height="22" fill={colour} />
              {c.copies > 0 && <rect class="copy" x={`${(at + own).toFixed(3)}%`} width={`${(w - own).toFixed(3)}%`} height="22" fill={colour} fill-opacity="0.45" />}
              <rect x={`${(at + w).toFixed(3)}%`} width="1" height="22" fill="#fff" />
            </g>
          );
        })}
      </svg>
      <ul class="coverage-legend">
        {rows.map((c, i) => (
          <li>
            <svg class="sw" width="11" height="11" aria-hidden="true">
              <rect width="11" height="11" fill={PALETTE[i % PALETTE.length]} />
            </svg>
            {describe(c)}
          </li>
        ))}
      </ul>
    </div>
  );
}

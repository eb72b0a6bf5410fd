import { plural, spanLabel } from '../report/render.js';
import type { StoryFilter } from '../store/index.js';
import { type PageContext, Page } from './layout.js';
import { LIVE_SCRIPT } from './scripts.js';

export interface StoryListItemView {
  id: string;
  title: string | null;
  articles: number;
  outlets: string[];
  independentSources: number;
  span: { start: string | null; end: string | null };
  updatedAt: string;
  conflicts: number | null;
  facts: number | null;
}

export type StorySort = 'date' | 'size' | 'conflicts';

/** The stories list's query: the store filter plus the order and whether single-article stories are hidden. */
export interface StoriesView extends StoryFilter {
  sort?: StorySort;
  hideSingle?: boolean;
}

function ConflictCell({ s }: { s: StoryListItemView }) {
  if (s.articles < 2)
    return (
      <span class="badge b-single" title="one article: nothing to cross-check">
        –
      </span>
    );
  if (s.conflicts === null)
    return (
      <span class="badge b-pending" title="cross-check pending or unavailable">
        …
      </span>
    );
  return <span class={`badge ${s.conflicts > 0 ? 'b-conflict' : 'b-ok'}`}>{s.conflicts}</span>;
}

function query(f: StoriesView, offset: number): string {
  const q = new URLSearchParams();
  for (const k of ['q', 'entity', 'outlet', 'from', 'to'] as const) if (f[k]) q.set(k, f[k] as string);
  if (f.sort && f.sort !== 'date') q.set('sort', f.sort);
  if (f.hideSingle) q.set('multi', '1');
  if (offset > 0) q.set('offset', String(offset));
  const qs = q.toString();
  return `/${qs ? `?${qs}` : ''}`;
}

export function StoriesTable({ f, list }: { f: StoriesView; list: { total: number; stories: StoryListItemView[] } }) {
  const filtered = !!(f.q || f.entity || f.outlet || f.from || f.to || f.hideSingle);
  const offset = f.offset ?? 0;
  const limit = f.limit ?? 100;
  return (
    <div id="live-target" data-version="0">
      <p class="meta" id="story-count">
        {plural(list.total, 'story', 'stories')}
      </p>
      {list.stories.length ? (
        <table id="stories" class="stack">
          <thead>
            <tr>
              <th>Story</th>
              <th>Articles</th>
              <th>Outlets</th>
              <th>Independent sources</th>
              <th>Conflicts</th>
              <th>Dates</th>
            </tr>
          </thead>
          <tbody>
            {list.stories.map((s) => (
              <tr class="story-row" data-story={s.id}>
                <td>
                  <a href={`/stories/${encodeURIComponent(s.id)}`}>{s.title ?? '(untitled)'}</a>
                  <div class="meta">{s.outlets.join(', ') || 'outlets unknown'}</div>
                </td>
                <td class="n-articles" data-label="Articles">
                  {s.articles}
                </td>
                <td class="n-outlets" data-label="Outlets">
                  {s.outlets.length}
                </td>
                <td data-label="Independent sources">{s.independentSources}</td>
                <td class="n-conflicts" data-label="Conflicts">
                  <ConflictCell s={s} />
                </td>
                <td data-label="Dates">{spanLabel(s)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted" id="no-stories">
          {filtered ? (
            'No stories match these filters.'
          ) : (
            <>
              No stories yet: <a href="/add">add articles</a>.
            </>
          )}
        </p>
      )}
      {list.total > limit && (
        <p class="meta">
          {offset > 0 && <a href={query(f, Math.max(0, offset - limit))}>← previous </a>}
          {`stories ${offset + 1}–${Math.min(offset + limit, list.total)} of ${list.total}`}
          {offset + limit < list.total && <a href={query(f, offset + limit)}> next →</a>}
        </p>
      )}
    </div>
  );
}

export function StoriesPage({ ctx, f, list }: { ctx: PageContext; f: StoriesView; list: { total: number; stories: StoryListItemView[] } }) {
  const sorts: [StorySort, string][] = [
    ['date', 'newest first'],
    ['size', 'most articles'],
    ['conflicts', 'most conflicts'],
  ];
  return (
    <Page ctx={ctx} title="Stories" scripts={[LIVE_SCRIPT]}>
      <h1>
        Stories <span class="live" id="live-status" />
      </h1>
      <form class="filters" method="get" action="/">
        <label>
          Search
          <input name="q" value={f.q ?? ''} placeholder="words in titles and texts" />
        </label>
        <label>
          Person, place or organisation
          <input name="entity" value={f.entity ?? ''} placeholder="e.g. Angela Merkel" />
        </label>
        <label>
          Outlet
          <input name="outlet" value={f.outlet ?? ''} />
        </label>
        <label>
          From
          <input name="from" type="date" value={f.from?.slice(0, 10) ?? ''} />
        </label>
        <label>
          To
          <input name="to" type="date" value={f.to?.slice(0, 10) ?? ''} />
        </label>
        <label>
          Order
          <select name="sort" id="sort">
            {sorts.map(([v, label]) => (
              <option value={v} selected={(f.sort ?? 'date') === v}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label class="check">
          <input type="checkbox" name="multi" value="1" id="multi" checked={!!f.hideSingle} />
          hide single-article stories
        </label>
        <button type="submit">Filter</button> <a href="/">clear</a>
      </form>
      <StoriesTable f={f} list={list} />
    </Page>
  );
}

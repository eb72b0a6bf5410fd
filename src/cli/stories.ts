import { plural, spanLabel } from '../report/labels.js';
import { type Command, isoDate, oneOf, positiveInt, UsageError } from './args.js';
import { openExistingStore } from './stored.js';

/** `triangulate stories`: the stored stories, newest first, optionally filtered. */
export const storiesCommand: Command = {
  name: 'stories',
  args: '',
  summary: 'List the stories in the store (title, articles, independent sources, outlets, dates, id), newest first.',
  line: 'list the stories in the store',
  options: {
    db: 'SQLite store to read (default ./triangulate.db; must exist)',
    format: 'text (default) or json',
    q: 'only stories with an article containing these words (full text)',
    outlet: 'only stories with an article from this outlet',
    since: 'only stories with an article dated on or after DATE (YYYY-MM-DD)',
    limit: 'at most N stories (default 100)',
  },
  async run(positionals, v, io) {
    if (positionals.length) throw new UsageError(`stories takes no arguments (got "${positionals[0]}"); filter with --q WORDS`, 'stories');
    const fmt = oneOf('stories', 'format', v.format, ['text', 'json'] as const, 'text');
    const limit = positiveInt('stories', 'limit', v.limit) ?? 100;
    const since = isoDate('stories', 'since', v.since);
    const store = await openExistingStore('stories', v.db);
    try {
      const { total, stories } = await store.listStories({ q: v.q, outlet: v.outlet, from: since, limit: Math.min(limit, 500) });
      const rows = stories.slice(0, limit).map((s) => ({
        id: s.id,
        title: s.title ?? '(untitled)',
        articleCount: s.members.length,
        independentSources: s.independentSources,
        outlets: s.outlets,
        span: s.span,
        members: s.members,
      }));
      if (fmt === 'json') {
        io.stdout(`${JSON.stringify({ total, stories: rows }, null, 2)}\n`);
        return 0;
      }
      const filtered = v.q || v.outlet || since;
      if (!total) {
        io.stdout(filtered ? 'No stories match these filters.\n' : 'No stories in the store yet: run `triangulate analyze <files>` first.\n');
        return 0;
      }
      const lines = [`${plural(total, 'story', 'stories')}${filtered ? ' match' : ''} in ${store.path}${rows.length < total ? ` (showing ${rows.length}; --limit N for more)` : ''}`, ''];
      for (const r of rows) {
        lines.push(r.title);
        lines.push(`  ${plural(r.articleCount, 'article')} (${r.independentSources} independent) · ${r.outlets.join(', ') || 'outlets unknown'} · ${spanLabel(r)} · id ${r.id}`);
      }
      io.stdout(`${lines.join('\n')}\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};

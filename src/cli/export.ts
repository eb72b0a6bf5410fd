import { COLUMNS, EXPORT_KINDS } from '../report/export-columns.js';
import { type Command, isoDate, oneOf, UsageError } from './args.js';
import { loadStories, openExistingStore } from './stored.js';

/** `triangulate export`: one table of the whole store (or of the stories a filter keeps) as CSV or JSON Lines. */
export const exportCommand: Command = {
  name: 'export',
  args: '',
  summary: 'Print one table of the stored stories as CSV or JSON Lines, for spreadsheets and scripts.',
  line: 'one table of the store as CSV or JSON Lines',
  options: {
    db: 'SQLite store to read (default ./triangulate.db; must exist)',
    format: 'csv (default) or jsonl',
    what: `the table: ${EXPORT_KINDS.join(', ')} (default stories)`,
    since: 'only stories with an article dated on or after DATE (YYYY-MM-DD)',
    q: 'only stories with an article containing these words (full text)',
    outlet: 'only stories with an article from this outlet',
  },
  details: `Columns (documented in the README):\n${EXPORT_KINDS.map((k) => `  ${k}: ${COLUMNS[k].join(', ')}`).join('\n')}\nCSV cells starting with =, +, -, @ get a leading ' so spreadsheets do not run them.`,
  async run(positionals, v, io) {
    if (positionals.length) throw new UsageError(`export takes no arguments (got "${positionals[0]}")`, 'export');
    const fmt = oneOf('export', 'format', v.format, ['csv', 'jsonl'] as const, 'csv');
    const what = oneOf('export', 'what', v.what, EXPORT_KINDS, 'stories');
    const since = isoDate('export', 'since', v.since);
    const store = await openExistingStore('export', v.db);
    try {
      const stories = await loadStories(store, { q: v.q, outlet: v.outlet, from: since }, what !== 'articles', (m) => io.stderr(`triangulate: export: ${m}\n`));
      const { exportTable } = await import('../report/export.js');
      io.stdout(exportTable(what, fmt, stories));
      return 0;
    } finally {
      await store.close();
    }
  },
};

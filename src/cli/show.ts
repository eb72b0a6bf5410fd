import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { EXPORT_KINDS, type ExportKind } from '../report/export-columns.js';
import { type Command, oneOf, UsageError } from './args.js';
import { findStory, openExistingStore, reportOf } from './stored.js';

const FORMATS = ['text', 'json', 'markdown', 'html', 'csv'] as const;
const TABLES = EXPORT_KINDS.filter((k) => k !== 'stories');

/** `triangulate show <story-id>`: one stored story in any output, or every output written to a folder. */
export const showCommand: Command = {
  name: 'show',
  args: '<story-id>',
  summary: 'Print a stored story (its report and cross-check); the id may be shortened to an unambiguous prefix.',
  line: 'print a stored story (text, json, markdown, html, csv)',
  options: {
    db: 'SQLite store to read (default ./triangulate.db; must exist)',
    format: 'text (default), json, markdown, html (a self-contained report.html) or csv',
    what: `csv only: the table to print: ${TABLES.join(', ')} (default facts)`,
    out: 'write report.json, report.md, report.html and facts/conflicts/quotes/articles.csv into DIR',
    'no-color': 'no ANSI colours',
  },
  details: 'Example: triangulate show story-cf89 --format csv --what conflicts > conflicts.csv',
  async run(positionals, v, io) {
    if (positionals.length !== 1) throw new UsageError(positionals.length ? `show takes one story id (got ${positionals.length})` : 'show needs a story id (`triangulate stories` lists them)', 'show');
    const fmt = oneOf('show', 'format', v.format, FORMATS, 'text');
    const what = oneOf('show', 'what', v.what, TABLES, 'facts') as ExportKind;
    if (v.what !== undefined && fmt !== 'csv' && !v.out) throw new UsageError('--what goes with --format csv', 'show');
    const store = await openExistingStore('show', v.db);
    try {
      // held lean (what Markdown, HTML, CSV and text need); the JSON reads each article's layers from the store as it is written
      const story = await findStory(store, positionals[0], true, (m) => io.stderr(`triangulate: show: ${m}\n`), 'lean');
      if (typeof story === 'string') {
        io.stderr(`triangulate: show: ${story}\n`);
        return 2;
      }
      const [{ renderMarkdown, renderTerminal }, { reportSections }, { reportHtml }, { exportTable }, { fullArticles }, { writeJson }] = await Promise.all([
        import('../report/render.js'),
        import('../report/sections.js'),
        import('../ui/index.js'),
        import('../report/export.js'),
        import('../report/build.js'),
        import('../report/json-stream.js'),
      ]);
      const report = reportOf([story]);
      // the story with every annotation layer, indented: its articles streamed from the store one at a time
      const writeFullJson = async (write: (chunk: string) => void) => {
        await writeJson({ ...report, stories: [{ ...story, articles: fullArticles(store, story) }] }, write, { indent: 2 });
        write('\n');
      };
      if (v.out) {
        mkdirSync(v.out, { recursive: true });
        const fd = openSync(join(v.out, 'report.json'), 'w');
        try {
          await writeFullJson((chunk) => writeSync(fd, chunk));
        } finally {
          closeSync(fd);
        }
        writeFileSync(join(v.out, 'report.md'), renderMarkdown(report, reportSections()));
        writeFileSync(join(v.out, 'report.html'), reportHtml(report));
        for (const k of TABLES) writeFileSync(join(v.out, `${k}.csv`), exportTable(k, 'csv', [story]));
        io.stderr(`triangulate: story ${story.id} written to ${v.out}\n`);
        if (v.format === undefined) return 0;
      }
      if (fmt === 'json') await writeFullJson(io.stdout);
      else if (fmt === 'markdown') io.stdout(renderMarkdown(report, reportSections()));
      else if (fmt === 'html') io.stdout(reportHtml(report));
      else if (fmt === 'csv') io.stdout(exportTable(what, 'csv', [story]));
      else {
        const color = !v['no-color'] && !!io.stdoutTTY && process.env.NO_COLOR === undefined;
        // the report makes its own data inert; with colours its SGR codes must reach the terminal (see inert-io.ts)
        (color ? (io.stdoutColoured ?? io.stdout) : io.stdout)(renderTerminal(report, { color }, reportSections()));
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { RawDocument } from '../model/types.js';

// Command modules are imported when a command needs them, so `--help` and `--version` answer at once.
const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

export const USAGE = `triangulate: cross-check news articles

Usage:
  triangulate analyze <path|-> [...]   ingest files, folders (recursive) or stdin; print the stories
  triangulate stories                  list the stories in the store
  triangulate extract <file|->         print the extracted article of one input
  triangulate entities <file|->        print the entities of one article
  triangulate annotate <file|->        print quotes, time expressions and quantities of one article
  triangulate serve                    HTTP API and web UI
  triangulate help | --help | --version

Options:
  --db PATH          SQLite store (default ./triangulate.db; ":memory:" for none)   [analyze, stories, serve]
  --format F         text (default) or json; markdown also for analyze
  --out DIR          analyze: also write report.json, report.md and report.html into DIR
  --max-size MB      largest input file read (default ${DEFAULT_MAX_BYTES / 1024 / 1024})
  --quiet, -q        analyze: print nothing but errors
  --verbose, -v      analyze: print every document's outcome and stage timings
  --no-color         no ANSI colours in terminal output
  --port N           serve: port (default 8080)
  --host H           serve: address to bind (default 127.0.0.1)
  --token T          serve: bearer token required for writes (mandatory off loopback)
  --outlet NAME      analyze: outlet of plain-text and stdin input that names none
  --published DATE   analyze: publication date (ISO) of plain-text and stdin input that gives none

Exit status: 0 when at least one document was processed (or the command succeeded),
2 when no document could be processed, 1 on usage errors.
`;

class UsageError extends Error {}

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdin?: () => Uint8Array;
  isTTY?: boolean;
}

const defaultIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: !!process.stderr.isTTY,
};

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        db: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        'max-size': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        verbose: { type: 'boolean', short: 'v' },
        'no-color': { type: 'boolean' },
        port: { type: 'string' },
        host: { type: 'string' },
        token: { type: 'string' },
        outlet: { type: 'string' },
        published: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

type Args = ReturnType<typeof parse>;

function format(args: Args, allowed: string[]): string {
  const f = args.values.format ?? 'text';
  if (!allowed.includes(f)) throw new UsageError(`--format must be one of ${allowed.join(', ')}`);
  return f;
}

function maxBytes(args: Args): number {
  const v = args.values['max-size'];
  if (v === undefined) return DEFAULT_MAX_BYTES;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError('--max-size takes a positive number of megabytes');
  return Math.round(n * 1024 * 1024);
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let args: Args;
  try {
    args = parse(argv);
    if (args.values.version) {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    const [command, ...rest] = args.positionals;
    if (args.values.help || !command || command === 'help') {
      io.stdout(USAGE);
      return command || args.values.help ? 0 : 1;
    }
    switch (command) {
      case 'analyze':
      case 'analyse':
        return await analyze(rest, args, io);
      case 'stories':
        return await stories(args, io);
      case 'extract':
      case 'entities':
      case 'annotate':
        return await single(command, rest, args, io);
      case 'serve': {
        const { serveCommand } = await import('../server/cli.js');
        return serveCommand(args.values, io);
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`triangulate: ${e.message}\n\n${USAGE}`);
      return 1;
    }
    throw e;
  }
}

const VERSION = '0.1.0';

async function openStore(args: Args) {
  const { Store } = await import('../store/sqlite.js');
  return new Store(args.values.db ?? 'triangulate.db');
}

function progress(io: Io, enabled: boolean) {
  type DocOutcome = import('../pipeline.js').DocOutcome;
  let last = 0;
  const t0 = Date.now();
  return {
    tick(done: number, _o: DocOutcome) {
      if (!enabled || done < 40) return;
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const rate = done / Math.max(0.001, (now - t0) / 1000);
      const width = 24;
      const pos = Math.floor(done / 10) % width;
      const bar = `${' '.repeat(pos)}===`.padEnd(width + 3).slice(0, width);
      io.stderr(`\r[${bar}] ${done.toLocaleString('en')} documents · ${Math.round(rate)}/s `);
    },
    end() {
      if (enabled && last) io.stderr('\r\x1b[K');
    },
  };
}

async function analyze(inputs: string[], args: Args, io: Io): Promise<number> {
  if (inputs.length === 0) throw new UsageError('analyze needs at least one file, folder or - for stdin');
  const fmt = format(args, ['text', 'json', 'markdown']);
  const quiet = !!args.values.quiet;
  const verbose = !!args.values.verbose;
  const max = maxBytes(args);
  const [{ ingestResults, updateStories }, { buildReport }, { renderHtml, renderMarkdown, renderTerminal }, { reportExtras, reportSections }] = await Promise.all([
    import('../pipeline.js'),
    import('../report/build.js'),
    import('../report/render.js'),
    import('../report/sections.js'),
  ]);
  const { checkHints, withInputHints } = await import('./input-meta.js');
  const hints = { outlet: args.values.outlet, published: args.values.published };
  const bad = checkHints(hints);
  if (bad) throw new UsageError(bad);
  const store = await openStore(args);
  try {
    const bar = progress(io, !!io.isTTY && !quiet && !verbose);
    const { ingest } = await import('../ingest/index.js');
    const runOpts: import('../pipeline.js').RunOptions = {
      maxBytes: max,
      stdin: io.stdin,
      onProgress: (done, o) => {
        bar.tick(done, o);
        if (o.status === 'failed') io.stderr(`triangulate: ${o.source}: ${o.reason}\n`);
        else if (!quiet) for (const w of o.warnings) io.stderr(`triangulate: ${o.source}: warning: ${w}\n`);
        if (verbose && o.status !== 'failed') io.stderr(`${o.status.padEnd(7)} ${o.docId?.slice(0, 12)} ${o.source}\n`);
      },
    };
    const run = ingestResults(store, withInputHints(ingest(inputs, runOpts), hints), runOpts);
    bar.end();
    const t0 = performance.now();
    const groups = updateStories(store, { updated: run.outcomes.filter((o) => o.status === 'updated' && o.docId).map((o) => o.docId!), docIds: run.docIds });
    const tStories = performance.now() - t0;
    const report = buildReport(store, run, groups, reportExtras());
    const tReport = performance.now() - t0 - tStories;
    const status = new Map<string, string>();
    for (const o of run.outcomes) if (o.docId && o.status !== 'failed' && !status.has(o.docId)) status.set(o.docId, o.status);
    if (args.values.out) {
      mkdirSync(args.values.out, { recursive: true });
      writeFileSync(join(args.values.out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
      writeFileSync(join(args.values.out, 'report.md'), renderMarkdown(report, reportSections()));
      writeFileSync(join(args.values.out, 'report.html'), renderHtml(report, reportSections()));
    }
    if (fmt === 'json') io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else if (fmt === 'markdown') io.stdout(renderMarkdown(report, reportSections()));
    else if (!quiet) io.stdout(renderTerminal(report, { color: !args.values['no-color'] && !!io.isTTY && process.env.NO_COLOR === undefined, status, verbose }, reportSections()));
    const { counts } = run;
    const processed = counts.new + counts.known + counts.updated;
    if (!quiet) {
      const parts = [`${counts.new} new`, `${counts.known} already known`];
      if (counts.updated) parts.push(`${counts.updated} re-analysed`);
      parts.push(`${counts.failed} failed`);
      io.stderr(`triangulate: ${run.outcomes.length} documents: ${parts.join(', ')}${args.values.out ? `; report written to ${args.values.out}` : ''}\n`);
    }
    if (verbose) {
      const t = run.timings;
      io.stderr(`timings (ms): ${Object.entries({ ...t, stories: tStories, report: tReport }).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}\n`);
    }
    return processed > 0 ? 0 : 2;
  } finally {
    store.close();
  }
}

async function stories(args: Args, io: Io): Promise<number> {
  const fmt = format(args, ['text', 'json']);
  const { formatStories } = await import('./format.js');
  const store = await openStore(args);
  try {
    io.stdout(formatStories(store, fmt as 'text' | 'json'));
    return 0;
  } finally {
    store.close();
  }
}

/** Reads exactly one document for the single-article commands. */
async function readOne(path: string, args: Args, io: Io): Promise<RawDocument | string> {
  const { readBytes, readFile } = await import('../ingest/index.js');
  const results = path === '-' ? readBytes('-', io.stdin ? io.stdin() : readStdin(), null, maxBytes(args)) : readFile(path, { maxBytes: maxBytes(args) });
  const doc = results.find((r) => r.kind === 'doc');
  if (doc?.kind !== 'doc') {
    const err = results.find((r) => r.kind === 'error');
    return err && err.kind === 'error' ? `${err.source}: ${err.reason}` : `${path}: nothing to read`;
  }
  for (const w of doc.warnings) io.stderr(`triangulate: ${path}: warning: ${w}\n`);
  if (results.length > 1) io.stderr(`triangulate: ${path}: holds ${results.length} records; showing the first\n`);
  return doc.doc;
}

function readStdin(): Uint8Array {
  return readFileSync(0);
}

async function single(command: 'extract' | 'entities' | 'annotate', inputs: string[], args: Args, io: Io): Promise<number> {
  if (inputs.length !== 1) throw new UsageError(`${command} takes exactly one file (or - for stdin)`);
  const fmt = format(args, ['text', 'json']) as 'text' | 'json';
  const [{ extractArticle }, { analyseArticle }, { formatAnnotations, formatArticle, formatEntities }] = await Promise.all([
    import('../extract/index.js'),
    import('../analyse/index.js'),
    import('./format.js'),
  ]);
  const raw = await readOne(inputs[0], args, io);
  if (typeof raw === 'string') {
    io.stderr(`triangulate: ${raw}\n`);
    return 2;
  }
  const article = extractArticle(raw);
  if (command === 'extract') {
    io.stdout(formatArticle(article, fmt));
    return article.status === 'ok' ? 0 : 2;
  }
  if (article.status !== 'ok') {
    io.stderr(`triangulate: ${inputs[0]}: ${article.messages.find((m) => m.level === 'error')?.message ?? 'no article body found'}\n`);
    return 2;
  }
  const annotated = analyseArticle(article);
  io.stdout(command === 'entities' ? formatEntities(annotated, fmt) : formatAnnotations(annotated, fmt));
  return 0;
}

import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { RawDocument } from '../model/types.js';
import type { Detail } from '../report/detail.js';
import type { Report } from '../report/schema.js';
import { inertJson } from '../util/inert.js';
import { plural } from '../report/labels.js';
import { type Args, type Command, commandHelp, findCommand, type Io, oneOf, parseFor, positiveInt, UsageError, type Values } from './args.js';
import { exportCommand } from './export.js';
import { countInputFiles, progress } from './progress.js';
import { showCommand } from './show.js';
import { StoreMissing } from './stored.js';
import { storiesCommand } from './stories.js';

export type { Io } from './args.js';

// Command modules are imported when a command needs them, so `--help` and `--version` answer at once.
const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;
const VERSION = '0.1.0';

const INPUT = {
  'max-size': `largest input file read, in MB (default ${DEFAULT_MAX_BYTES / 1024 / 1024})`,
};

const analyzeCommand: Command = {
  name: 'analyze',
  aliases: ['analyse'],
  args: '<path|URL|-> [...]',
  summary: 'Ingest files, folders (recursive), URLs or stdin (-) into the store, group them into stories and print the stories of this run.',
  line: 'ingest files, folders, URLs or stdin; print the stories',
  options: {
    db: 'SQLite store (default ./triangulate.db; ":memory:" keeps nothing) or postgresql://user@host/db',
    'enqueue-only': 'with PostgreSQL: queue the documents for workers and return',
    format: 'text (default), json (the report) or markdown',
    out: 'also write report.json, report.md and a self-contained report.html into DIR',
    ...INPUT,
    outlet: 'outlet of plain-text and stdin input that names none',
    published: 'publication date (ISO) of plain-text and stdin input that gives none',
    quiet: 'print nothing but errors',
    verbose: "print every document's outcome and the stage timings",
    'no-color': 'no ANSI colours',
    jobs: 'worker threads for extraction and analysis (default: the number of cores; small inputs run on one thread)',
    detail: 'report.json: lean (default: articles without their annotation layers) or full (every annotation)',
  },
  details: 'Exit status: 0 when at least one document was processed, 2 when none could be.',
  run: (inputs, v, io) => analyze(inputs, { values: v, positionals: inputs }, io),
};

function singleCommand(name: 'extract' | 'entities' | 'annotate', line: string, summary: string): Command {
  return {
    name,
    line,
    args: '<file|->',
    summary,
    options: { format: 'text (default) or json', ...INPUT },
    details: 'Exit status: 0 on success, 2 when the input could not be read or holds no article.',
    run: (inputs, v, io) => single(name, inputs, { values: v, positionals: inputs }, io),
  };
}

const serveCommand: Command = {
  name: 'serve',
  args: '',
  summary: 'Run the HTTP API and the web UI.',
  line: 'HTTP API and web UI',
  options: {
    db: 'SQLite store (default ./triangulate.db)',
    port: 'port (default 8080)',
    host: 'address to bind (default 127.0.0.1)',
    token: 'bearer token required for writes (mandatory off loopback)',
    private: 'reads need the token too (UI sign-in form, API bearer token)',
    'allowed-host': 'also answer requests addressed to host name NAME (repeatable)',
    follow: 'follow the sources listed in FILE in the background (--every, default 15m)',
    every: 'with --follow: poll every I (default 15m)',
    webhook: 'POST alerts (new or changed conflicts) as JSON to URL',
  },
  async run(positionals, v, io) {
    if (positionals.length) throw new UsageError(`serve takes no arguments (got "${positionals[0]}")`, 'serve');
    const { serveCommand: serve } = await import('../server/cli.js');
    return serve(v as Record<string, unknown>, io);
  },
};

const parseCommand: Command = {
  name: 'parse',
  args: '<file|->',
  summary: 'Print the part of speech, lemma and dependency relation of every word of one article (Universal Dependencies).',
  line: 'print part of speech, lemma and dependency tree of every word',
  options: { format: 'text (default), json or conllu', ...INPUT },
  async run(inputs, v, io) {
    if (inputs.length !== 1) throw new UsageError('parse takes exactly one file (or - for stdin)', 'parse');
    const args: Args = { values: v, positionals: inputs };
    const fmt = format(args, 'parse', ['text', 'json', 'conllu']);
    const { parseCommand: parse } = await import('./parse.js');
    return await parse(await readOne(inputs[0], args, io), inputs[0], fmt as 'text' | 'json' | 'conllu', io);
  },
};

const followCommand: Command = {
  name: 'follow',
  args: '<sources.txt|URL…>',
  summary: 'Poll feeds, sitemaps, OPML files and pages politely (robots.txt, rate limits, conditional requests) and ingest what is new into the store.',
  line: 'poll feeds, sitemaps, OPML files, pages; ingest what is new',
  options: {
    db: 'SQLite store (default ./triangulate.db)',
    every: 'poll again every I (15m, 30s, 1h); one round without it',
    webhook: 'POST alerts (new or changed conflicts) as JSON to URL',
    format: 'text (default) or json (JSON Lines of round reports)',
    quiet: 'print nothing but errors',
  },
  async run(positionals, v, io) {
    const { followCommand: follow } = await import('./follow.js');
    return follow(positionals, v as Record<string, unknown>, io);
  },
};

const workerCommand: Command = {
  name: 'worker',
  args: '',
  summary: 'Process queued documents and stories of a PostgreSQL store; run any number of workers on any number of machines.',
  line: 'process queued work of a PostgreSQL store',
  options: {
    db: 'PostgreSQL store, postgresql://user@host/db (also TRIANGULATE_DB)',
    'exit-when-idle': 'stop when the queue is empty',
  },
  async run(positionals, v, io) {
    if (positionals.length) throw new UsageError(`worker takes no arguments (got "${positionals[0]}")`, 'worker');
    const { workerCommand: work } = await import('./worker.js');
    return work(v as Record<string, unknown>, io);
  },
};

const migrateCommand: Command = {
  name: 'migrate',
  args: '',
  summary: "Bring the store's schema up to date (SQLite or PostgreSQL).",
  line: "bring the store's schema up to date",
  options: { db: 'SQLite file or postgresql://user@host/db (default ./triangulate.db)' },
  async run(positionals, v, io) {
    if (positionals.length) throw new UsageError(`migrate takes no arguments (got "${positionals[0]}")`, 'migrate');
    const { migrateCommand: migrate } = await import('./migrate.js');
    return migrate(v as Record<string, unknown>, io);
  },
};

/** Every command, in the order of the usage text. Add new commands here (one entry each). */
export const COMMANDS: Command[] = [
  analyzeCommand,
  storiesCommand,
  showCommand,
  exportCommand,
  singleCommand('extract', 'print the extracted article of one input', 'Print the extracted article of one input: title, dek, body, byline, outlet, URL, dates, language, wire, removed boilerplate.'),
  singleCommand('entities', 'print the entities of one article', 'Print the people, organisations, places and other names of one article, with spans and canonical ids.'),
  singleCommand('annotate', 'print quotes, time expressions and quantities of one article', 'Print the quotes, time expressions and quantities of one article.'),
  parseCommand,
  serveCommand,
  followCommand,
  workerCommand,
  migrateCommand,
];

const byName = (name: string) => COMMANDS.find((c) => c.name === name || c.aliases?.includes(name));
const ownersOf = (option: string) => COMMANDS.filter((c) => option in c.options).map((c) => c.name);

export function usage(): string {
  const lines = COMMANDS.map((c) => `  triangulate ${`${c.name} ${c.args}`.trim().padEnd(28)} ${c.line ?? c.summary}`);
  return `triangulate: cross-check news articles

Usage:
${lines.join('\n')}
  triangulate help <command> | <command> --help | --version

\`triangulate <command> --help\` lists the options of a command.
Exit status: 0 on success, 2 when no document could be processed (or nothing was found), 1 on usage errors.
`;
}

/** Kept for callers that print the global help. */
export const USAGE = usage();

const defaultIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: !!process.stderr.isTTY,
  stdoutTTY: !!process.stdout.isTTY,
};

function maxBytes(args: Args): number {
  const v = args.values['max-size'];
  if (v === undefined) return DEFAULT_MAX_BYTES;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError('--max-size takes a positive number of megabytes', null);
  return Math.round(n * 1024 * 1024);
}

function format(args: Args, command: string, allowed: string[]): string {
  return oneOf(command, 'format', args.values.format, allowed, 'text');
}

export async function main(argv: string[], rawIo: Io = defaultIo): Promise<number> {
  const { inertIo } = await import('./inert-io.js');
  const io = inertIo(rawIo);
  const { command, rest } = findCommand(argv);
  try {
    if (!command) {
      if (rest.includes('--version')) {
        io.stdout(`${VERSION}\n`);
        return 0;
      }
      if (rest.includes('--help') || rest.includes('-h')) {
        io.stdout(usage());
        return 0;
      }
      if (rest.length) throw new UsageError(`${rest[0]} needs a command before it`, null);
      io.stderr(usage());
      return 1;
    }
    if (command === 'help') {
      const target = rest.find((a) => !a.startsWith('-'));
      const c = target ? byName(target) : undefined;
      if (target && !c) throw new UsageError(`unknown command "${target}"`, null);
      io.stdout(c ? commandHelp(c) : usage());
      return 0;
    }
    const spec = byName(command);
    if (!spec) throw new UsageError(`unknown command "${command}"`, null);
    const args = parseFor(spec.name, Object.keys(spec.options), rest, ownersOf);
    if (args.values.help) {
      io.stdout(commandHelp(spec));
      return 0;
    }
    return await spec.run(args.positionals, args.values as Values, io);
  } catch (e) {
    if (e instanceof UsageError) {
      const c = e.command ?? (command && byName(command) ? byName(command)!.name : null);
      io.stderr(`triangulate${c ? ` ${c}` : ''}: ${e.message} (see \`triangulate ${c ? `${c} ` : ''}--help\`)\n`);
      return 1;
    }
    if (e instanceof StoreMissing) {
      io.stderr(`triangulate: ${e.message}\n`);
      return 2;
    }
    if (e instanceof StoreOpenError) {
      io.stderr(`triangulate: ${e.message}\n`);
      return 1;
    }
    // printed here rather than by bin/triangulate.js so that the message (a file name, a title) is inert too
    io.stderr(`triangulate: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    return 3;
  }
}

/** A store that cannot be opened (bad URL, refused connection, newer schema): one clear line, exit 1. */
class StoreOpenError extends Error {}

async function openStore(args: Args) {
  const { openStore: open, storeLocation } = await import('../store/index.js');
  const { redact } = await import('../store/location.js');
  const location = storeLocation(args.values.db);
  try {
    return await open(location);
  } catch (e) {
    throw new StoreOpenError(`cannot open the store ${redact(location)}: ${(e as Error).message}`);
  }
}

async function analyze(inputs: string[], args: Args, io: Io): Promise<number> {
  // process start to here: Node's own start and the CLI's modules (shown with -v)
  const tStart = performance.now();
  if (inputs.length === 0) throw new UsageError('analyze needs at least one file, folder or - for stdin', 'analyze');
  const fmt = format(args, 'analyze', ['text', 'json', 'markdown']);
  const detail = oneOf('analyze', 'detail', args.values.detail, ['lean', 'full'], 'lean');
  const quiet = !!args.values.quiet;
  const verbose = !!args.values.verbose;
  const max = maxBytes(args);
  const { checkHints } = await import('./input-meta.js');
  const hints = { outlet: args.values.outlet, published: args.values.published };
  const bad = checkHints(hints);
  if (bad) throw new UsageError(bad, 'analyze');
  // the library API's functions (src/index.ts re-exports them; imported one by one so that a run
  // without --out never loads the HTML report's UI code); the server and library users call them too
  const [{ analyze: analyzeInputs }, { crossCheck }, { writeReportJson }] = await Promise.all([import('../api/analyze.js'), import('../api/cross-check.js'), import('../report/detail.js')]);
  const store = await openStore(args);
  // the analysis, store and report modules and the store's opening (the models load with the first document)
  const tLoaded = performance.now() - tStart;
  try {
    const showBar = !!io.isTTY && !quiet && !verbose;
    const bar = progress(io.progress ?? io.stderr, showBar, showBar ? countInputFiles(inputs) : 0);
    let skipped = 0;
    // the run outcome of each stored document, shown beside it in the terminal report
    const status = new Map<string, string>();
    const terminal = fmt === 'text' && !quiet;
    // the wall time of the phases after ingest counts from the last document's outcome (the run's timings are sums over documents)
    let tIngested = performance.now();
    // http(s) URLs among the inputs are fetched first, politely (src/follow/read-urls.ts)
    const urls = inputs.filter((i) => /^https?:\/\//i.test(i));
    const prefetched = urls.length ? await (await import('../follow/read-urls.js')).readUrls(urls) : undefined;
    const runOpts: import('../pipeline.js').RunOptions = {
      jobs: positiveInt('analyze', 'jobs', args.values.jobs),
      maxBytes: max,
      stdin: io.stdin,
      prefetched,
      onSkip: (path, reason) => {
        skipped++;
        if (verbose) io.stderr(`skipped ${path}: ${reason}\n`);
      },
      // every outcome is printed here as it comes: the run keeps the failures (the report lists them) and counts
      outcomes: 'failed',
      onProgress: (done, o) => {
        tIngested = performance.now();
        bar.tick(done);
        if (terminal && o.docId && o.status !== 'failed' && !status.has(o.docId)) status.set(o.docId, o.status);
        if (o.status === 'failed') io.stderr(`triangulate: ${o.source}: ${o.reason}\n`);
        else if (!quiet) for (const w of o.warnings) io.stderr(`triangulate: ${o.source}: warning: ${w}\n`);
        if (verbose && o.status !== 'failed') io.stderr(`${o.status.padEnd(7)} ${o.docId?.slice(0, 12)} ${o.source}\n`);
      },
    };
    // PostgreSQL: the documents go through the shared work queue (src/worker), this process working as one worker
    const queued = store.kind === 'postgres' ? await (await import('./worker.js')).analyzeQueued(store, inputs, runOpts, !!args.values['enqueue-only'], io) : null;
    if (queued?.enqueueOnly) return queued.status;
    if (args.values['enqueue-only'] && !queued) throw new UsageError('--enqueue-only needs a PostgreSQL store (--db postgresql://…)', 'analyze');
    // --outlet/--published: metadata hints for plain-text and stdin input (src/cli/input-meta.ts)
    const onStoryMessage = (docId: string | null, message: string) => io.stderr(`triangulate: ${docId ? `${docId.slice(0, 12)}: ` : ''}${message}\n`);
    const analysis = queued
      ? { run: queued.run, stories: await (await import('../pipeline.js')).updateStories(store, onStoryMessage) }
      : await analyzeInputs(inputs, { ...runOpts, store, hints, onStoryMessage });
    const { run } = analysis;
    bar.end();
    const tGrouped = performance.now();
    const tStories = tGrouped - tIngested;
    // a marker between grouping and the report (bench/hostile.ts measures memory by phase with it)
    if (verbose) io.stderr(`triangulate: ${plural(analysis.stories.length, 'story', 'stories')} hold this run's documents; building the report\n`);
    if (terminal) for (const o of run.outcomes) if (o.docId && o.status !== 'failed' && !status.has(o.docId)) status.set(o.docId, o.status);
    // built at the detail report.json is written at: lean leaves the annotation layers in the store
    if (args.values.out) {
      await writeOut(args.values.out, await crossCheck(store, analysis, { detail }), detail, fmt, { status, verbose, quiet, colour: colourOn(args, io) }, io);
    } else {
      // the report written story by story as each is built: a run of 100,000 articles is never held whole
      const [{ streamReport }, { reportExtras, reportSections }, { writeMarkdown, writeTerminal }] = await Promise.all([import('../report/build.js'), import('../report/sections.js'), import('../report/render.js')]);
      const report = streamReport(store, analysis.run, analysis.stories, reportExtras(), detail);
      if (fmt === 'json') await writeReportJson(report, detail, (chunk) => io.stdout(inertJson(chunk)));
      else if (fmt === 'markdown') await writeMarkdown(report, io.stdout, reportSections());
      else if (quiet) for await (const _ of report.stories); // built all the same: the stories' cross-checks are cached for `show` and `serve`
      else {
        const color = colourOn(args, io);
        await writeTerminal(report, color ? (io.stdoutColoured ?? io.stdout) : io.stdout, { color, status, verbose }, reportSections());
      }
    }
    const tReport = performance.now() - tGrouped;
    const { counts } = run;
    const processed = counts.new + counts.known + counts.updated;
    if (!quiet) {
      const parts = [`${counts.new} new`, `${counts.known} already known`];
      if (counts.updated) parts.push(`${counts.updated} re-analysed`);
      parts.push(`${counts.failed} failed`);
      if (skipped) parts.push(`${skipped} file${skipped === 1 ? '' : 's'} skipped${verbose ? '' : ' (-v lists them)'}`);
      io.stderr(`triangulate: ${plural(counts.new + counts.known + counts.updated + counts.failed, 'document')}: ${parts.join(', ')}${args.values.out ? `; report written to ${args.values.out}` : ''}\n`);
    }
    if (verbose) {
      const t = run.timings;
      const phases = { 'start-up': tStart, loading: tLoaded, ...t, stories: tStories, report: tReport };
      io.stderr(`timings (ms): ${Object.entries(phases).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}\n`);
    }
    return processed > 0 ? 0 : 2;
  } finally {
    await store.close();
  }
}

const colourOn = (args: Args, io: Io) => !args.values['no-color'] && !!io.stdoutTTY && process.env.NO_COLOR === undefined;

/**
 * `analyze --out DIR`: report.json (streamed article by article, the same bytes as
 * render(report, 'json', { detail })), report.md and report.html from the whole report, then the
 * report on stdout in the format asked for. report.html is one document, so this path holds the
 * run's report whole.
 */
async function writeOut(dir: string, report: Report, detail: Detail, fmt: string, opts: { status: Map<string, string>; verbose: boolean; quiet: boolean; colour: boolean }, io: Io): Promise<void> {
  const [{ render }, { writeReportJson }] = await Promise.all([import('../api/render.js'), import('../report/detail.js')]);
  mkdirSync(dir, { recursive: true });
  const fd = openSync(join(dir, 'report.json'), 'w');
  try {
    await writeReportJson(report, detail, (chunk) => writeSync(fd, chunk));
  } finally {
    closeSync(fd);
  }
  writeFileSync(join(dir, 'report.md'), render(report, 'markdown'));
  writeFileSync(join(dir, 'report.html'), render(report, 'html'));
  if (fmt === 'json') await writeReportJson(report, detail, (chunk) => io.stdout(inertJson(chunk)));
  else if (fmt === 'markdown') io.stdout(render(report, 'markdown'));
  else if (!opts.quiet) (opts.colour ? (io.stdoutColoured ?? io.stdout) : io.stdout)(render(report, 'terminal', { color: opts.colour, status: opts.status, verbose: opts.verbose }));
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
  if (inputs.length !== 1) throw new UsageError(`${command} takes exactly one file (or - for stdin)`, command);
  const fmt = format(args, command, ['text', 'json']) as 'text' | 'json';
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

/**
 * bench:scale — articles through PostgreSQL with 1, 2 and 4 worker processes, the same stream
 * through SQLite (`triangulate analyze --jobs 1`, one process) for comparison, and the serial part
 * (the story ledger run, which holds the stories lock) on a larger store.
 *
 *   npm run bench:scale                                  # 100k articles (days on a small machine)
 *   npm run bench:scale -- --size 2000                   # a smaller stream
 *   npm run bench:scale -- --size 2000 --ledger-size 20000 --workers 1,2,4 --pg postgresql://…
 *
 * Part 1, the pipeline: a SYNTHETIC stream of --size articles made from real texts (PolNeAR
 * articles resampled and perturbed into events reported by several outlets over 1-4 days, a quarter
 * of them wire copies: bench/stories/synthetic.ts), each a new document. Every article is really
 * extracted and analysed by the workers: that is the cost, ~0.05-0.1 s of CPU per article. Per run:
 * articles/s over the document phase (first claim to last commit) and end to end (workers start to
 * last exit, the story runs and cross-checks included), CPU seconds of the workers (user + system,
 * from /usr/bin/time: what the load of other processes does not change), queue latency (enqueue to
 * commit, median and p90), the story runs (count, milliseconds each), database size.
 *
 * Part 2, the serial part at scale (cheap: no analysis): a store of --ledger-size articles' story
 * features (SYNTHETIC persisted features of the same kind of stream, 1,000 articles a day) whose
 * stories are up to date, then story runs adding 100 and then 1,000 new articles of the following
 * days: what a story run costs as the store grows, and so how many articles a second one lock can
 * place. Without --pg a private PostgreSQL 15 is started (test/pg-helper.ts). Needs `npm run build`
 * (the workers run dist/).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { runStoryLedger } from '../src/pipeline.js';
import { PostgresStore } from '../src/store/postgres/store.js';
import { SqliteStore } from '../src/store/sqlite/store.js';
import { startPostgres } from '../test/pg-helper.js';
import { syntheticFeatureStream, syntheticStream } from './stories/synthetic.js';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    workers: { type: 'string', default: '1,2,4' },
    'ledger-size': { type: 'string', default: '100000' },
    pg: { type: 'string' },
    'no-sqlite': { type: 'boolean' },
  },
});
const size = Number(values.size);
const ledgerSize = Number(values['ledger-size']);
const workerCounts = (values.workers ?? '1,2,4')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);

function writeStream(path: string, n: number) {
  const lines: string[] = [];
  for (const a of syntheticStream(n, 11)) {
    // the closing line keeps wire copies distinct documents (a copy is still a near-duplicate of its wire text)
    lines.push(JSON.stringify({ id: a.id, title: a.title, text: `${a.text}\n\n(Synthetic stream item ${a.id}.)`, published: a.published, outlet: a.outlet }));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

const cli = join(root, 'bin/triangulate.js');

/** A child `node` process under /usr/bin/time; its CPU seconds and peak RSS, and its stderr. */
function run(args: string[], dir: string): Promise<{ code: number; cpuSeconds: number; maxRssMB: number; stderr: string }> {
  const timing = join(dir, `time-${process.hrtime.bigint()}`);
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', '%U %S %M', '-o', timing, process.execPath, ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const [u, s, rss] = readFileSync(timing, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
      resolve({ code: code ?? 1, cpuSeconds: u + s, maxRssMB: rss / 1024, stderr });
    });
  });
}

const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : null);

/** The story runs a worker logged (src/worker/jobs.ts): wall and CPU milliseconds, articles replayed and restored. */
function storyRuns(stderr: string) {
  return [...stderr.matchAll(/stories: (\d+) articles replayed, (\d+) restored, \d+ of \d+ stories changed in (\d+) ms \((\d+) ms CPU\)/g)].map((m) => ({
    replayed: Number(m[1]),
    restored: Number(m[2]),
    ms: Number(m[3]),
    cpuMs: Number(m[4]),
  }));
}

async function withDatabase<T>(adminUrl: string, tag: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `tri_bench_${tag}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  try {
    return await fn(u.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function pgRun(adminUrl: string, stream: string, workers: number, dir: string) {
  return withDatabase(adminUrl, `w${workers}`, async (url) => {
    const load = loadavg()[0];
    const t0 = performance.now();
    const enqueue = await run([cli, 'analyze', stream, '--db', url, '--enqueue-only', '-q'], dir);
    if (enqueue.code !== 0) throw new Error(`enqueue failed: ${enqueue.stderr}`);
    const tEnqueue = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const done = await Promise.all(Array.from({ length: workers }, () => run([cli, 'worker', '--db', url, '--exit-when-idle'], dir)));
    const wall = (performance.now() - t1) / 1000;
    if (done.some((d) => d.code !== 0)) throw new Error(`a worker failed: ${done.map((d) => d.stderr).join('\n')}`);
    const store = await PostgresStore.open(url);
    const q = await store.queue.stats();
    const bytes = await store.queue.databaseBytes();
    const stories = await store.countStories();
    const documents = await store.countDocuments();
    await store.close();
    const runs = done.flatMap((d) => storyRuns(d.stderr));
    const cpu = done.reduce((n, d) => n + d.cpuSeconds, 0);
    return {
      workers,
      documents,
      loadAtStart: load,
      enqueueSeconds: tEnqueue,
      wallSeconds: wall,
      documentSeconds: q.documentSpan,
      docsPerSecond: documents / (q.documentSpan ?? wall),
      endToEndPerSecond: documents / wall,
      workerCpuSeconds: cpu,
      cpuMsPerArticle: (cpu / documents) * 1000,
      maxRssMB: Math.max(...done.map((d) => d.maxRssMB)),
      latencyMedian: q.latencyMedian,
      latencyP90: q.latencyP90,
      waitMedian: q.waitMedian,
      workMedian: q.workMedian,
      dead: q.dead,
      storyRuns: runs.length,
      storyRunMsMedian: median(runs.map((r) => r.ms)),
      storyRunMsMax: runs.length ? Math.max(...runs.map((r) => r.ms)) : null,
      storyRunMsTotal: runs.reduce((n, r) => n + r.ms, 0),
      stories,
      databaseMB: bytes / 1e6,
    };
  });
}

async function sqliteRun(stream: string, dir: string) {
  const db = join(dir, 'bench.db');
  const load = loadavg()[0];
  const t0 = performance.now();
  const r = await run([cli, 'analyze', stream, '--db', db, '--jobs', '1', '-q'], dir);
  if (r.code !== 0) throw new Error(`sqlite analyze failed: ${r.stderr}`);
  const wall = (performance.now() - t0) / 1000;
  const bytes = ['', '-wal', '-shm'].reduce((n, s) => n + (statSync(db + s, { throwIfNoEntry: false })?.size ?? 0), 0);
  // the articles stored, as for PostgreSQL (an item whose extraction fails is not one)
  const store = new SqliteStore(db);
  const documents = await store.countDocuments();
  await store.close();
  return { documents, loadAtStart: load, wallSeconds: wall, endToEndPerSecond: documents / wall, cpuSeconds: r.cpuSeconds, cpuMsPerArticle: (r.cpuSeconds / documents) * 1000, maxRssMB: r.maxRssMB, databaseMB: bytes / 1e6 };
}

/** Stores features as a worker's document transaction would leave them (documents and story_features rows only). */
async function insertFeatures(store: PostgresStore, features: { id: string; v?: string }[]) {
  for (let i = 0; i < features.length; i += 2000) {
    const part = features.slice(i, i + 2000);
    const ids = part.map((f) => f.id);
    await store.conn.tx(async (c) => {
      await c.query("INSERT INTO documents (id, source, format, content_type, encoding, content, meta, added_at) SELECT u, u, 'text', 'text', 'utf-8', '', '{}', '' FROM unnest($1::text[]) AS u", [ids]);
      await c.query('INSERT INTO story_features (doc_id, version, published, data) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])', [
        ids,
        part.map((f) => String(f.v ?? '')),
        part.map(() => null),
        part.map((f) => JSON.stringify(f)),
      ]);
    });
  }
}

/** One timed story run (this process's CPU; the database server's is not in it). */
async function timedStoryRun(store: PostgresStore) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await runStoryLedger(store);
  const cpu = process.cpuUsage(cpu0);
  return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, replayed: r.replayed, restored: r.restored, stories: r.stories.length };
}

async function ledgerAtScale(adminUrl: string, n: number) {
  const batches = [100, 1000];
  return withDatabase(adminUrl, 'ledger', async (url) => {
    const store = await PostgresStore.open(url);
    try {
      const all = [...syntheticFeatureStream(n + batches[0] + batches[1], 7)];
      const t0 = performance.now();
      await insertFeatures(store, all.slice(0, n));
      const insertSeconds = (performance.now() - t0) / 1000;
      const first = await timedStoryRun(store);
      const runs = [];
      let at = n;
      for (const b of batches) {
        await insertFeatures(store, all.slice(at, at + b));
        at += b;
        runs.push({ added: b, ...(await timedStoryRun(store)) });
      }
      return { stored: n, insertSeconds, firstRun: first, runs, databaseMB: (await store.queue.databaseBytes()) / 1e6 };
    } finally {
      await store.close();
    }
  });
}

const dir = mkdtempSync(join(tmpdir(), 'tri-bench-scale-'));
const server = values.pg ? null : await startPostgres();
const adminUrl = values.pg ?? (server as { adminUrl: string }).adminUrl;
const f = (x: number | null | undefined, d = 1) => (x === null || x === undefined ? '—' : x.toFixed(d));
try {
  const stream = join(dir, 'stream.jsonl');
  writeStream(stream, size);
  console.log(`bench:scale — ${size.toLocaleString('en')} SYNTHETIC articles (perturbed real PolNeAR texts)${size < 100_000 ? ', SMALLER than the 100k target (--size)' : ''}; ${cpus().length} cores, load ${f(loadavg()[0])}`);
  const pgRows = [];
  for (const w of workerCounts) {
    pgRows.push(await pgRun(adminUrl, stream, w, dir));
    console.log(JSON.stringify(pgRows.at(-1)));
  }
  const sqlite = values['no-sqlite'] ? null : await sqliteRun(stream, dir);
  if (sqlite) console.log(JSON.stringify(sqlite));
  const ledger = ledgerSize > 0 ? await ledgerAtScale(adminUrl, ledgerSize) : null;
  if (ledger) console.log(JSON.stringify(ledger));

  console.log('\n| store | workers | articles/s (documents) | articles/s (end to end) | worker CPU ms / article | queue latency median / p90 (s) | claim→commit median (s) | story runs (median / max ms) | database MB | load at start |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of pgRows)
    console.log(
      `| PostgreSQL | ${r.workers} | ${f(r.docsPerSecond)} | ${f(r.endToEndPerSecond)} | ${f(r.cpuMsPerArticle, 0)} | ${f(r.latencyMedian)} / ${f(r.latencyP90)} | ${f(r.workMedian, 3)} | ${r.storyRuns} (${f(r.storyRunMsMedian, 0)} / ${f(r.storyRunMsMax, 0)}) | ${f(r.databaseMB)} | ${f(r.loadAtStart)} |`,
    );
  if (sqlite) console.log(`| SQLite (analyze --jobs 1) | — | — | ${f(sqlite.endToEndPerSecond)} | ${f(sqlite.cpuMsPerArticle, 0)} | — | — | — | ${f(sqlite.databaseMB)} | ${f(sqlite.loadAtStart)} |`);
  const one = pgRows.find((r) => r.workers === 1);
  const fit: { startupSeconds?: number; cpuMsPerArticle?: number } = {};
  if (one) for (const r of pgRows) if (r !== one) console.log(`speed-up ${r.workers} workers / 1: ${(r.docsPerSecond / one.docsPerSecond).toFixed(2)}× (documents), ${(r.endToEndPerSecond / one.endToEndPerSecond).toFixed(2)}× (end to end)`);
  // worker CPU = start-up per process × workers + CPU per article × articles: a line through the runs separates the two
  if (pgRows.length >= 2) {
    const xs = pgRows.map((r) => r.workers);
    const ys = pgRows.map((r) => r.workerCpuSeconds);
    const mx = xs.reduce((a, b) => a + b) / xs.length;
    const my = ys.reduce((a, b) => a + b) / ys.length;
    const slope = xs.reduce((n, x, i) => n + (x - mx) * (ys[i] - my), 0) / xs.reduce((n, x) => n + (x - mx) ** 2, 0);
    const startup = slope;
    const perArticleMs = ((my - slope * mx) / pgRows[0].documents) * 1000;
    console.log(`worker CPU, fitted over ${xs.join('/')} workers: ${f(startup)} s start-up per process + ${f(perArticleMs, 0)} ms per article`);
    Object.assign(fit, { startupSeconds: startup, cpuMsPerArticle: perArticleMs });
  }
  if (one && sqlite) console.log(`PostgreSQL 1 worker / SQLite, end to end: ${(one.endToEndPerSecond / sqlite.endToEndPerSecond).toFixed(2)}×; CPU per article ${(one.cpuMsPerArticle / sqlite.cpuMsPerArticle).toFixed(2)}×`);
  if (ledger) {
    console.log(`\nStory runs on a store of ${ledger.stored.toLocaleString('en')} SYNTHETIC articles' features (PostgreSQL, one process): first run (every article) ${f(ledger.firstRun.ms / 1000)} s`);
    for (const r of ledger.runs) console.log(`  +${r.added} articles: ${f(r.ms, 0)} ms wall, ${f(r.cpuMs, 0)} ms CPU (client), ${r.replayed} replayed, ${r.restored} restored`);
  }
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  const out = { size, synthetic: true, machine: { cpus: cpus().length }, postgres: pgRows, workerCpuFit: fit, sqlite, ledger };
  writeFileSync(join(root, 'bench/results/scale.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log('\nwritten bench/results/scale.json');
} finally {
  await server?.stopAndRemove();
  rmSync(dir, { recursive: true, force: true });
}

/**
 * bench:scale — articles through PostgreSQL with 1, 2 and 4 worker processes, and the same stream
 * through SQLite (`triangulate analyze`, one process) for comparison.
 *
 *   npm run bench:scale                          # 100k articles (hours on a small machine)
 *   npm run bench:scale -- --size 400            # a smaller stream
 *   npm run bench:scale -- --size 400 --workers 1,2,4 --pg postgresql://…   # an existing server
 *
 * The stream is SYNTHETIC, made from real texts: PolNeAR articles (../shared/data/attribution/polnear)
 * and ECB+ articles (../shared/data/stories/ecbplus-dev.jsonl), each reused with a new id, a date
 * spread over a month, the publisher as outlet, and a line naming it synthetic (so every item is a
 * new document by content hash). Without --pg a private PostgreSQL 15 is started (test/pg-helper.ts).
 * Per run: articles/s over the document phase (first claim to last commit) and end to end (until
 * every worker has exited, the final regrouping and cross-checks included), queue latency (enqueue to
 * commit, median and p90, and claim to commit), database size. Needs `npm run build` (workers run dist/).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { PostgresStore } from '../src/store/postgres/store.js';
import { startPostgres } from '../test/pg-helper.js';

const root = new URL('..', import.meta.url).pathname;
const SHARED = new URL('../../shared/', import.meta.url).pathname;
const { values } = parseArgs({ options: { size: { type: 'string', default: '100000' }, workers: { type: 'string', default: '1,2,4' }, pg: { type: 'string' }, 'no-sqlite': { type: 'boolean' } } });
const size = Number(values.size);
const workerCounts = (values.workers ?? '1,2,4').split(',').map(Number);

/** Real texts, with outlet and title, to build the stream from. */
function realTexts(): { title: string; text: string; outlet: string }[] {
  const dir = join(SHARED, 'data/attribution/polnear/train/text');
  const polnear = readdirSync(dir)
    .sort()
    .map((f) => {
      const [title, ...rest] = readFileSync(join(dir, f), 'utf8').split('\n');
      return { title, text: rest.join('\n').trim(), outlet: f.split('_')[0] };
    });
  const ecb = readFileSync(join(SHARED, 'data/stories/ecbplus-dev.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { title: string; text: string; url?: string })
    .map((r) => ({ title: r.title, text: r.text, outlet: r.url ? new URL(r.url).hostname.replace(/^www\./, '') : 'ecb-plus' }));
  return [...polnear, ...ecb].filter((t) => t.text.length > 200);
}

function writeStream(path: string, n: number) {
  const texts = realTexts();
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const t = texts[(i * 7919) % texts.length];
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(JSON.stringify({ id: `synthetic-${i}`, title: t.title, text: `${t.text}\n\nSynthetic stream item ${i} (benchmark copy of a real article).`, published: `2024-03-${day}T12:00:00Z`, outlet: t.outlet }));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

function run(cmd: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, cmd, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
}

const cli = join(root, 'bin/triangulate.js');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function pgRun(adminUrl: string, stream: string, workers: number) {
  const name = `tri_bench_${workers}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  try {
    const t0 = performance.now();
    if ((await run([cli, 'analyze', stream, '--db', url, '--enqueue-only', '-q'])) !== 0) throw new Error('enqueue failed');
    const tEnqueue = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const codes = await Promise.all(Array.from({ length: workers }, () => run([cli, 'worker', '--db', url, '--exit-when-idle'])));
    const wall = (performance.now() - t1) / 1000;
    if (codes.some((c) => c !== 0)) throw new Error(`a worker failed: ${codes}`);
    const store = await PostgresStore.open(url);
    const q = await store.queue.stats();
    const bytes = await store.queue.databaseBytes();
    const stories = await store.countStories();
    await store.close();
    return { workers, enqueueSeconds: tEnqueue, wallSeconds: wall, documentSeconds: q.documentSpan, docsPerSecond: size / (q.documentSpan ?? wall), endToEndPerSecond: size / wall, latencyMedian: q.latencyMedian, latencyP90: q.latencyP90, workMedian: q.workMedian, dead: q.dead, stories, databaseMB: bytes / 1e6 };
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function sqliteRun(stream: string, dir: string) {
  const db = join(dir, 'bench.db');
  const t0 = performance.now();
  if ((await run([cli, 'analyze', stream, '--db', db, '-q'])) !== 0) throw new Error('sqlite analyze failed');
  const wall = (performance.now() - t0) / 1000;
  const bytes = ['', '-wal', '-shm'].reduce((n, s) => n + (statSync(db + s, { throwIfNoEntry: false })?.size ?? 0), 0);
  return { wallSeconds: wall, endToEndPerSecond: size / wall, databaseMB: bytes / 1e6 };
}

const dir = mkdtempSync(join(tmpdir(), 'tri-bench-scale-'));
const server = values.pg ? null : await startPostgres();
try {
  const stream = join(dir, 'stream.jsonl');
  writeStream(stream, size);
  console.log(`bench:scale — ${size.toLocaleString('en')} SYNTHETIC articles (real PolNeAR and ECB+ texts, new ids); ${size < 100_000 ? 'SMALLER than the 100k target (--size)' : ''}`);
  const pgRows = [];
  for (const w of workerCounts) pgRows.push(await pgRun(values.pg ?? (server as { adminUrl: string }).adminUrl, stream, w));
  const sqlite = values['no-sqlite'] ? null : await sqliteRun(stream, dir);
  const f = (x: number | null | undefined, d = 1) => (x === null || x === undefined ? '—' : x.toFixed(d));
  console.log('\n| store | workers | articles/s (documents) | articles/s (end to end) | queue latency median / p90 (s) | claim→commit median (s) | database MB |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const r of pgRows) console.log(`| PostgreSQL | ${r.workers} | ${f(r.docsPerSecond)} | ${f(r.endToEndPerSecond)} | ${f(r.latencyMedian)} / ${f(r.latencyP90)} | ${f(r.workMedian, 3)} | ${f(r.databaseMB)} |`);
  if (sqlite) console.log(`| SQLite (analyze, 1 process) | — | — | ${f(sqlite.endToEndPerSecond)} | — | — | ${f(sqlite.databaseMB)} |`);
  const one = pgRows.find((r) => r.workers === 1);
  if (one) for (const r of pgRows) if (r !== one) console.log(`speed-up ${r.workers} workers / 1: ${(r.docsPerSecond / one.docsPerSecond).toFixed(2)}× (documents), ${(r.endToEndPerSecond / one.endToEndPerSecond).toFixed(2)}× (end to end)`);
  if (one && sqlite) console.log(`PostgreSQL 1 worker / SQLite, end to end: ${(one.endToEndPerSecond / sqlite.endToEndPerSecond).toFixed(2)}×`);
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  const out = { size, synthetic: true, machine: { cpus: (await import('node:os')).cpus().length }, postgres: pgRows, sqlite, medianDocsPerSecond: median(pgRows.map((r) => r.docsPerSecond)) };
  writeFileSync(join(root, 'bench/results/scale.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log('\nwritten bench/results/scale.json');
} finally {
  await server?.stopAndRemove();
  rmSync(dir, { recursive: true, force: true });
}

/**
 * bench:serve — bounded HTTP load on loopback against `triangulate serve` (run in a child
 * process, so the load generator does not share its event loop), with autocannon:
 *   A. reads: "get story" (cached report JSON), "list stories" with an FTS5 query, the story page (HTML);
 *   B. writes: "post article" (one new PolNeAR article per request), compared with the same
 *      articles ingested in-process through the library (`ingestResults`, what `triangulate analyze` does);
 *   C. reads while a batch of 1,000 articles (PolNeAR train + dev, topped up with lightly edited
 *      copies) is posted: "get story" p50/p99 before and during the ingest, non-2xx responses.
 * Requests/s and latency p50/p99; medians of repeats (absolute times are noisy on a shared machine).
 *
 *   npm run bench:serve [-- --repeats 3 --seconds 5]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const root = resolve(import.meta.dirname, '..');
const shared = resolve(root, '..', 'shared');
const self = fileURLToPath(import.meta.url);
const { values } = parseArgs({
  options: { repeats: { type: 'string', default: '3' }, seconds: { type: 'string', default: '5' }, server: { type: 'string' }, batch: { type: 'string', default: '1000' } },
});

interface Rec {
  id: string;
  title?: string;
  outlet?: string;
  published?: string;
  text: string;
}

function polnear(): Rec[] {
  const meta = new Map<string, Record<string, string>>();
  const lines = readFileSync(join(shared, 'data/attribution/polnear/metadata.tsv'), 'utf8').split('\n');
  const head = lines[0].split('\t');
  for (const l of lines.slice(1)) {
    if (!l.trim()) continue;
    const cells = l.split('\t');
    meta.set(cells[1], Object.fromEntries(head.map((h, i) => [h, cells[i]])));
  }
  const out: Rec[] = [];
  for (const part of ['train', 'dev']) {
    const dir = join(shared, 'data/attribution/polnear', part, 'text');
    for (const f of readdirSync(dir).sort()) {
      const name = f.replace(/\.txt$/, '');
      const m = meta.get(name);
      out.push({ id: name, title: m?.title, outlet: m?.publisher, published: m?.publication_date, text: readFileSync(join(dir, f), 'utf8') });
    }
  }
  return out;
}

/** n articles: the PolNeAR texts, then lightly edited copies (a syndication line added) when more are needed. */
function articles(n: number, offset = 0): Rec[] {
  const base = polnear();
  const out: Rec[] = [];
  for (let i = offset; out.length < n; i++) {
    const r = base[i % base.length];
    const round = Math.floor(i / base.length);
    out.push(round === 0 ? r : { ...r, id: `${r.id}~${round}`, outlet: `${r.outlet ?? 'wire'} (syndicated ${round})`, text: `${r.text}\n\nThis story was distributed by a news agency (copy ${round}).` });
  }
  return out;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function startChild(dir: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', self, '--server', dir], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((ok, fail) => {
    let buf = '';
    child.stdout!.on('data', (d) => {
      buf += d;
      const line = buf.split('\n')[0];
      if (buf.includes('\n')) ok(JSON.parse(line).port);
    });
    child.on('exit', (c) => fail(new Error(`server exited (${c})`)));
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

async function stopChild(child: ChildProcess) {
  const done = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await done;
}

async function postJson(base: string, recs: Rec[]) {
  const r = await fetch(`${base}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(recs) });
  if (r.status >= 400) throw new Error(`post: ${r.status} ${await r.text()}`);
  return (await r.json()) as { outcomes: { status: string; storyId: string | null; source: string }[] };
}

async function waitWarm(base: string, maxMs = 120_000) {
  const t0 = Date.now();
  while (Date.now() - t0 < maxMs) {
    const h = (await (await fetch(`${base}/api/health`)).json()) as { pendingReports: number };
    if (h.pendingReports === 0) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

function load(opts: autocannon.Options): { instance: autocannon.Instance; done: Promise<Load> } {
  let instance!: autocannon.Instance;
  const done = new Promise<Load>((ok, fail) => {
    instance = autocannon(opts, (err, r) => {
      if (err) fail(err);
      else ok({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, requests: r.requests.total, non2xx: r.non2xx, errors: r.errors });
    });
  });
  return { instance, done };
}

function summarise(runs: Load[]): Load & { repeats: number } {
  return {
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    requests: runs.reduce((n, r) => n + r.requests, 0),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    repeats: runs.length,
  };
}

async function main() {
  const repeats = Number(values.repeats);
  const seconds = Number(values.seconds);
  const batchSize = Number(values.batch);
  const seeds = readdirSync(join(shared, 'seeds'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: f, text: readFileSync(join(shared, 'seeds', f), 'utf8') }));
  const results: Record<string, unknown> = { machine: { cpus: (await import('node:os')).cpus().length, node: process.version }, repeats, seconds };
  const rows: [string, string, string, string, string, string][] = [];
  const row = (name: string, l: Load, extra = '') => rows.push([name, l.rps.toFixed(0), l.p50.toFixed(1), l.p99.toFixed(1), String(l.non2xx + l.errors), extra]);

  // ---- A and B on one server ------------------------------------------------------------------
  const dirA = mkdtempSync(join(tmpdir(), 'tri-bench-serve-'));
  const { child, base } = await startChild(dirA);
  try {
    const posted = await postJson(base, seeds);
    const storyId = posted.outcomes.find((o) => o.source.startsWith('003_'))!.storyId!;
    await waitWarm(base);
    await load({ url: `${base}/api/stories/${storyId}`, connections: 4, duration: 1 }).done; // warm-up, not recorded
    const reads: Record<string, Load & { repeats: number }> = {};
    for (const [name, path] of [
      ['get story (JSON report)', `/api/stories/${storyId}`],
      ['list stories (FTS5 query)', '/api/stories?q=Golden%20Dome'],
      ['story page (HTML)', `/stories/${storyId}`],
    ] as const) {
      const runs: Load[] = [];
      for (let i = 0; i < repeats; i++) runs.push(await load({ url: base + path, connections: 8, duration: seconds }).done);
      reads[name] = summarise(runs);
      row(name, reads[name]);
    }
    results.reads = reads;

    // B. post article: one new article per request, 2 connections
    const perRepeat = 60;
    const pool = articles(perRepeat * repeats, 0);
    const runs: Load[] = [];
    for (let i = 0; i < repeats; i++) {
      const mine = pool.slice(i * perRepeat, (i + 1) * perRepeat);
      let k = 0;
      runs.push(
        await load({
          url: base,
          connections: 2,
          amount: mine.length,
          timeout: 60,
          requests: [
            {
              method: 'POST',
              path: '/api/articles',
              headers: { 'content-type': 'application/json' },
              setupRequest: (req) => ({ ...req, body: JSON.stringify(mine[k++ % mine.length]) }),
            },
          ],
        }).done,
      );
    }
    const post = summarise(runs);
    // the alternative: the same articles ingested in-process by the library and grouped once in batch
    // (what `triangulate analyze` does, without the report), no HTTP
    const { SqliteStore: Store } = await import('../src/store/sqlite/store.js');
    const { ingestResults, updateStories } = await import('../src/pipeline.js');
    const { readBytes } = await import('../src/ingest/index.js');
    const lib: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const store = new Store(':memory:');
      const mine = pool.slice(i * perRepeat, (i + 1) * perRepeat);
      const t0 = performance.now();
      for (const r of mine) await ingestResults(store, readBytes('bench', Buffer.from(JSON.stringify(r)), 'json'));
      await updateStories(store);
      lib.push((mine.length / (performance.now() - t0)) * 1000);
      await store.close();
    }
    const libRate = median(lib);
    row('post article (1 per request)', post, `library in-process (ingest + batch grouping): ${libRate.toFixed(1)} articles/s; HTTP/library = ${(post.rps / libRate).toFixed(2)}`);
    results.postArticle = { ...post, libraryArticlesPerSecond: libRate, ratioHttpToLibrary: post.rps / libRate };
  } finally {
    await stopChild(child);
    rmSync(dirA, { recursive: true, force: true });
  }

  // ---- C. reads while 1,000 articles are ingested -------------------------------------------------
  const dirC = mkdtempSync(join(tmpdir(), 'tri-bench-serve-'));
  const c = await startChild(dirC);
  try {
    const posted = await postJson(c.base, seeds);
    const storyId = posted.outcomes.find((o) => o.source.startsWith('003_'))!.storyId!;
    await waitWarm(c.base);
    const url = `${c.base}/api/stories/${storyId}`;
    await load({ url, connections: 4, duration: 1 }).done; // warm-up, not recorded
    const baseline = summarise([await load({ url, connections: 4, duration: seconds }).done]);
    row('get story, idle (baseline)', baseline);
    const batch = articles(batchSize, 0);
    const per = 25;
    const reader = load({ url, connections: 4, duration: 3600 });
    const t0 = performance.now();
    let stored = 0;
    let failed = 0;
    for (let i = 0; i < batch.length; i += per) {
      const r = await postJson(c.base, batch.slice(i, i + per));
      for (const o of r.outcomes) {
        if (o.status === 'failed') failed++;
        else stored++;
      }
    }
    const ingestMs = performance.now() - t0;
    reader.instance.stop();
    const during = summarise([await reader.done]);
    const rate = (batch.length / ingestMs) * 1000;
    row(`get story, during ingest of ${batch.length}`, during, `ingest ${rate.toFixed(1)} articles/s over ${(ingestMs / 1000).toFixed(1)} s (${per} per post); p99 ×${(during.p99 / Math.max(baseline.p99, 0.001)).toFixed(1)} vs idle`);
    const health = (await (await fetch(`${c.base}/api/health`)).json()) as { documents: number; stories: number };
    results.readsDuringIngest = { baseline, during, ingest: { articles: batch.length, stored, failed, seconds: ingestMs / 1000, articlesPerSecond: rate, perPost: per }, store: health };
  } finally {
    await stopChild(c.child);
    rmSync(dirC, { recursive: true, force: true });
  }

  const header = ['load', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'notes'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(fmt(header));
  for (const r of rows) console.log(fmt(r));
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/serve.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nwrote bench/results/serve.json');
}

if (values.server) {
  // Child mode: a server on a fresh store in the given directory; prints its port.
  const { startServer } = await import('../src/server/testing.js');
  const t = await startServer({ dir: values.server });
  process.stdout.write(`${JSON.stringify({ port: t.port })}\n`);
  const stop = () => t.stop(false).then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} else {
  await main();
}

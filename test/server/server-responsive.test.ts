/**
 * The server keeps serving while a big story is recomputed: a story of more than 200 real
 * articles (variants of the reports of one ECB+ event: paragraphs rotated, a paragraph of another
 * outlet's report added) is regrouped and has its report (cross-check: seconds of CPU) built,
 * at start-up, after a new article joins it, after another process writes an article into the
 * store (the server regroups everything), and after an article of it is deleted. /api/health is
 * polled the whole time; its p99 latency must stay under 100 ms, and meanwhile the story's previous
 * report is served, marked updating.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { readBytes } from '../../src/ingest/index.js';
import { ingestResults, updateStories } from '../../src/pipeline.js';
import { createServer, type TriangulateServer } from '../../src/server/app.js';
import type { LiveEvent } from '../../src/server/live.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';

const ECB = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'stories', 'ecbplus-dev.jsonl');
const VARIANTS = 260;
const tmp = mkdtempSync(join(tmpdir(), 'tri-responsive-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

interface EcbRecord {
  id: string;
  title: string;
  text: string;
  event: string;
}

const paragraphs = (text: string) => text.split('\n\n').filter((p) => p.trim());

/**
 * Variant k of an event report: its paragraphs rotated by k, then the first paragraph of another
 * report of the event; published within two days, as a wave of coverage is (undated articles join
 * a story only at its own cohesion, and rotated copies of a few reports do not all reach it).
 */
function variant(reports: EcbRecord[], i: number, k: number) {
  const own = paragraphs(reports[i].text);
  const other = paragraphs(reports[(i + k + 1) % reports.length].text);
  const r = k % Math.max(1, own.length);
  return { id: `${reports[i].id}-v${k}`, title: reports[i].title, outlet: `Outlet ${k}`, published: `2024-05-0${1 + (k % 2)}T12:00:00Z`, text: [...own.slice(r), ...own.slice(0, r), ...other.slice(0, 1)].join('\n\n') };
}

/** The ECB+ event with the most reports, and `VARIANTS` variants of them as JSON Lines. */
function bigStoryInput(): { reports: EcbRecord[]; jsonl: string } {
  const rows = readFileSync(ECB, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as EcbRecord);
  const byEvent = new Map<string, EcbRecord[]>();
  for (const r of rows) byEvent.set(r.event, [...(byEvent.get(r.event) ?? []), r]);
  const reports = [...byEvent.values()].sort((a, b) => b.length - a.length || a[0].event.localeCompare(b[0].event))[0];
  const lines: string[] = [];
  for (let n = 0; n < VARIANTS; n++) lines.push(JSON.stringify(variant(reports, n % reports.length, Math.floor(n / reports.length))));
  return { reports, jsonl: lines.join('\n') };
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

/** Polls /api/health back to back until stopped; each sample is one request's latency, ms. */
function pollHealth(base: string) {
  const samples: number[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const t0 = performance.now();
      const r = await fetch(`${base}/api/health`);
      await r.arrayBuffer();
      samples.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  return {
    samples,
    async stop() {
      running = false;
      await done;
    },
  };
}

function reportBuilt(server: TriangulateServer, storyId: string): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const on = (e: LiveEvent) => {
      if (e.type !== 'report' || e.storyId !== storyId) return;
      server.live.off('event', on);
      resolve(performance.now() - t0);
    };
    server.live.on('event', on);
  });
}

/** Another process stores one document into the store without regrouping (as a concurrent `analyze` mid-run). */
function writeFromAnotherProcess(db: string, record: object): Promise<void> {
  const file = join(tmp, 'other.json');
  writeFileSync(file, JSON.stringify(record));
  const pipeline = new URL('../../src/pipeline.ts', import.meta.url).href;
  const sqlite = new URL('../../src/store/sqlite/store.ts', import.meta.url).href;
  const ingest = new URL('../../src/ingest/index.ts', import.meta.url).href;
  const code = `import { readFileSync } from 'node:fs'; import { ingestResults } from '${pipeline}'; import { SqliteStore } from '${sqlite}'; import { readBytes } from '${ingest}';
const s = new SqliteStore(${JSON.stringify(db)}); await ingestResults(s, readBytes('other.json', readFileSync(${JSON.stringify(file)}), 'json')); await s.close();`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (c) => (c === 0 ? resolve() : reject(new Error(`writer exited ${c}: ${err}`))));
  });
}

/** Resolves when a story changes (`storyId`, or any story when null), with the time waited, ms; rejects after 5 minutes. */
function storyChanged(server: TriangulateServer, storyId: string | null): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no change of ${storyId ?? 'any story'} announced`)), 300_000);
    const on = (e: LiveEvent) => {
      if (e.type !== 'story' || (storyId !== null && e.storyId !== storyId)) return;
      clearTimeout(timer);
      server.live.off('event', on);
      resolve(performance.now() - t0);
    };
    server.live.on('event', on);
  });
}

test('health p99 < 100 ms while a story of over 200 articles is recomputed', { timeout: 1_500_000 }, async (t) => {
  const { reports, jsonl } = bigStoryInput();
  const db = join(tmp, 'big.db');
  const store = new SqliteStore(db);
  await ingestResults(store, readBytes('variants.jsonl', Buffer.from(jsonl), 'jsonl'));
  await updateStories(store);
  const big = (await store.stories()).sort((a, b) => b.members.length - a.members.length)[0];
  await store.close();
  assert.ok(big.members.length >= 200, `the story has ${big.members.length} articles`);

  const server = await createServer({ db });
  const health = pollHealth(await server.app.listen({ host: '127.0.0.1', port: 0 }));
  const base = `http://127.0.0.1:${(server.app.server.address() as { port: number }).port}`;
  try {
    assert.equal(server.live.reporting, 'worker');
    assert.equal(server.live.grouping, 'worker');
    // 1. start-up: every story's report is built in the worker, the big one among them
    const log = (m: string) => t.diagnostic(`${new Date().toISOString()} ${m}`);
    log('server up');
    const firstBuild = await reportBuilt(server, big.id);
    log('first build');
    const first = await fetch(`${base}/api/stories/${big.id}`);
    assert.equal(first.headers.get('x-report-status'), 'current');
    const before = (await first.json()) as { articleCount: number };
    assert.equal(before.articleCount, big.members.length);

    // 2. one more article joins the story: its report is rebuilt while the previous one is served
    const posted = await fetch(`${base}/api/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(variant(reports, 0, 99)),
    });
    const out = (await posted.json()) as { outcomes: { storyId: string }[] };
    assert.equal(out.outcomes[0].storyId, big.id, 'the new article joined the big story');
    const rebuilt = reportBuilt(server, big.id);
    const t0 = performance.now();
    const meanwhile = await fetch(`${base}/api/stories/${big.id}`);
    const staleMs = performance.now() - t0;
    assert.equal(meanwhile.headers.get('x-report-status'), 'updating');
    assert.equal(((await meanwhile.json()) as { articleCount: number }).articleCount, big.members.length, 'the previous report');
    log('posted');
    const secondBuild = await rebuilt;
    log('second build');
    const now = await fetch(`${base}/api/stories/${big.id}`);
    assert.equal(now.headers.get('x-report-status'), 'current');
    assert.equal(((await now.json()) as { articleCount: number }).articleCount, big.members.length + 1);

    // 3. another process writes an article of the event into the store: the server notices and
    // regroups every story (in the grouping worker); the story it joins gets its report rebuilt
    const regrouped = storyChanged(server, null);
    const other = variant(reports, 0, 98);
    await writeFromAnotherProcess(db, other);
    log('other process wrote');
    const externalRegroupMs = await regrouped;
    log('regrouped');
    const otherId = (await server.store.documentRows()).find((d) => d.source === other.id)?.id;
    assert.ok(otherId && (await server.store.storyOf(otherId)), "the other process's article has its story");
    await server.live.idle();

    // 4. an article of the big story is deleted: the story is regrouped without it
    // (the story ledger names a story after its founding article: deleting it may rename the story)
    const sizeBefore = (await server.live.group(big.id))!.members.length;
    const gone = big.members[big.members.length - 1];
    const shrunk = storyChanged(server, null);
    const del = await fetch(`${base}/api/articles/${gone}`, { method: 'DELETE' });
    assert.equal(del.status, 200);
    const deleteRegroupMs = await shrunk;
    log('delete regrouped');
    const after = (await server.store.storyOf(big.members[1]))!;
    assert.equal((await server.live.group(after))?.members.length, sizeBefore - 1);
    if ((await server.live.served(after))?.updating) await reportBuilt(server, after);
    log('fourth build');

    await health.stop();
    const p50 = percentile(health.samples, 50);
    const p99 = percentile(health.samples, 99);
    const max = Math.max(...health.samples);
    t.diagnostic(
      `story of ${big.members.length} articles; report built in ${Math.round(firstBuild)} ms at start-up, rebuilt in ${Math.round(secondBuild)} ms after a post; ` +
        `previous report served in ${Math.round(staleMs)} ms; regrouping announced ${Math.round(externalRegroupMs)} ms after another process started writing, after a delete ${Math.round(deleteRegroupMs)} ms; health: ${health.samples.length} requests, p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${max.toFixed(1)} ms`,
    );
    // the measurement means something only if the rebuild took long enough to be sampled many times:
    // health is asked every ~7 ms (5 ms pause + the answer), so 400 ms of rebuild are ~50 samples.
    // (It was 1,000 ms: an idle machine rebuilds the story in 770-1,000 ms, and the test failed there.)
    assert.ok(secondBuild > 400, `the rebuild took ${Math.round(secondBuild)} ms`);
    assert.ok(health.samples.length >= 50, `${health.samples.length} health samples`);
    assert.ok(p99 < 100, `health p99 ${p99.toFixed(1)} ms`);
  } finally {
    await health.stop();
    await server.close();
  }
});

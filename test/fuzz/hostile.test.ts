/**
 * The hostile corpus (test/fixtures/hostile/): inputs that once crashed a run, or could. Every one
 * goes through the library, the CLI and the HTTP API: no exception, no crashed run, no 500, a clear
 * per-document message, outputs inside their texts; and a store that already holds a poisoned
 * document (written by an older version) does not make later runs fail.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readBytes } from '../../src/ingest/index.js';
import { formatOfName } from '../../src/ingest/readers.js';
import type { AnnotatedArticle } from '../../src/model/types.js';
import { ingestResults, updateStories } from '../../src/pipeline.js';
import { buildReport } from '../../src/report/build.js';
import { reportExtras } from '../../src/report/sections.js';
import { startServer } from '../../src/server/testing.js';
import { SqliteStore as Store } from '../../src/store/sqlite/store.js';
import { assertAnnotated } from './check.js';

const DIR = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url));
const CLI = fileURLToPath(new URL('../../bin/triangulate.js', import.meta.url));
const files = readdirSync(DIR).sort();

/** Every document of a report, with its annotations back from the store. */
async function storedDocs(store: Store): Promise<AnnotatedArticle[]> {
  const docs = await Promise.all((await store.documentIds()).map((id) => store.getAnnotated(id)));
  return docs.filter((a): a is AnnotatedArticle => a !== null);
}

describe('hostile corpus through the library', () => {
  for (const f of files) {
    test(f, async () => {
      const store = new Store(':memory:');
      const results = readBytes(f, readFileSync(join(DIR, f)), formatOfName(f));
      const run = await ingestResults(store, results);
      for (const o of run.outcomes) if (o.status === 'failed') assert.ok(o.reason && o.reason.length > 5, `${o.source}: a reason`);
      const report = await buildReport(store, run, await updateStories(store), reportExtras());
      assert.equal(report.failures.length, run.counts.failed);
      for (const a of await storedDocs(store)) assertAnnotated(a);
      await store.close();
    });
  }
});

describe('the repro cases give a clear per-document message', () => {
  const outcome = async (f: string) => {
    const store = new Store(':memory:');
    const run = await ingestResults(store, readBytes(f, readFileSync(join(DIR, f)), formatOfName(f)));
    await store.close();
    return run.outcomes;
  };
  test('published 1e20 / 1e400: stored without the date, with a warning', async () => {
    for (const f of ['published-1e20.json', 'published-1e400.json']) {
      const [o] = await outcome(f);
      assert.equal(o.status, 'new');
      assert.ok(o.warnings.some((w) => /published/.test(w) && /1800/.test(w)), `${f}: ${o.warnings.join('; ')}`);
    }
  });
  test('nested 5,000 levels: refused, not a stack overflow', async () => {
    const [o] = await outcome('nested-record-5000.json');
    assert.equal(o.status, 'failed');
    assert.match(o.reason ?? '', /nested more than 64 levels/);
    assert.equal((await outcome('nested-5000.json'))[0].status, 'failed');
  });
  test('a 5,000-character title is refused with the field and the limit', async () => {
    const [o] = await outcome('title-5000.json');
    assert.equal(o.status, 'failed');
    assert.match(o.reason ?? '', /"title" is longer than 4000 characters/);
  });
  test('impossible calendar dates in a JSON field are dropped with a warning', async () => {
    const byId = new Map((await outcome('published-strings.jsonl')).map((o) => [o.source, o]));
    for (const id of ['str0', 'str1', 'str2', 'str3', 'str4', 'str5']) assert.ok(byId.get(id)?.warnings.some((w) => /published/.test(w)), `${id} warned`);
  });
});

describe('through the CLI', () => {
  test('analyze on the whole corpus: exit 0, no internal error, one line per failed document', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tri-hostile-'));
    const r = spawnSync(process.execPath, [CLI, 'analyze', '--db', join(dir, 't.db'), '--format', 'json', DIR], { encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 28 });
    assert.equal(r.status, 0, `status ${r.status} signal ${r.signal} ${r.error?.message ?? ''}\n${r.stderr.slice(-2000)}`);
    assert.doesNotMatch(r.stderr, /internal error/);
    const report = JSON.parse(r.stdout) as { failures: { source: string; reason: string }[]; stories: unknown[] };
    assert.ok(report.stories.length > 0);
    for (const f of report.failures) assert.ok(r.stderr.includes(f.reason), `stderr names ${f.source}`);
    // a second run on the same store (every document known) still works
    const again = spawnSync(process.execPath, [CLI, 'analyze', '--db', join(dir, 't.db'), '-q', DIR], { encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 28 });
    rmSync(dir, { recursive: true, force: true });
    assert.equal(again.status, 0, again.stderr);
  });
});

describe('through the HTTP API', () => {
  let t: Awaited<ReturnType<typeof startServer>>;
  before(async () => {
    t = await startServer();
  });
  after(async () => {
    await t.stop();
  });
  const post = async (body: Buffer | string, type: string) => {
    const r = await fetch(`${t.base}/api/articles?source=hostile`, { method: 'POST', body: typeof body === 'string' ? body : new Uint8Array(body), headers: { 'content-type': type } });
    return { status: r.status, json: (await r.json()) as { outcomes?: { status: string; reason?: string; warnings: string[] }[]; message?: string } };
  };
  test('every file as application/octet-stream: no 500', async () => {
    for (const f of files) {
      const r = await post(readFileSync(join(DIR, f)), 'application/octet-stream');
      assert.ok(r.status < 500, `${f}: ${r.status} ${JSON.stringify(r.json).slice(0, 200)}`);
    }
  });
  test('JSON files as application/json: no 500', async () => {
    for (const f of files.filter((x) => x.endsWith('.json'))) {
      const r = await post(readFileSync(join(DIR, f), 'utf8'), 'application/json');
      assert.ok(r.status < 500, `${f}: ${r.status}`);
    }
  });
  test('published 1e20 as octet-stream: stored, with the warning', async () => {
    const r = await post(readFileSync(join(DIR, 'published-1e20.json'), 'utf8').replace('rise', 'rise again'), 'application/octet-stream');
    assert.ok(r.status === 201 || r.status === 200, String(r.status));
    assert.ok(r.json.outcomes?.[0].warnings.some((w) => /published/.test(w)));
  });
  test('a 5,000-character title: the same refusal as JSON and as octet-stream', async () => {
    const body = readFileSync(join(DIR, 'title-5000.json'), 'utf8');
    const asJson = await post(body, 'application/json');
    const asBytes = await post(body, 'application/octet-stream');
    assert.equal(asJson.status, asBytes.status);
    assert.equal(asJson.json.outcomes?.[0].status, 'failed');
    assert.equal(asJson.json.outcomes?.[0].reason, asBytes.json.outcomes?.[0].reason);
    assert.match(asBytes.json.outcomes?.[0].reason ?? '', /"title" is longer than 4000/);
  });
});

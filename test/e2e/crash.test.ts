/**
 * Crash test: `analyze` and `serve` killed with SIGKILL at seeded random moments (during ingest,
 * and during story grouping, the last phase of `analyze`). After every kill the store must pass
 * `PRAGMA integrity_check`, hold no half-written document (a document row without its article,
 * annotations or story features), and a re-run of `analyze` on it must resume and give exactly the
 * stories of a clean run. The articles are PolNeAR texts (../shared, training part).
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { prng } from '../../src/util/random.js';

const CLI = fileURLToPath(new URL('../../bin/triangulate.js', import.meta.url));
const POLNEAR = fileURLToPath(new URL('../../../shared/data/attribution/polnear/train/text/', import.meta.url));
const DOCS = 12;
const SEED = 0x5eed;


function run(args: string[], onStderr?: (chunk: string, child: ChildProcess) => void): { child: ChildProcess; done: Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
    onStderr?.(d.toString(), child);
  });
  const done = new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

/** Stories of a store as a canonical list of member lists (ids differ between stores; membership must not). */
function storiesOf(db: string): string[] {
  const conn = new Database(db, { readonly: true });
  const rows = conn.prepare('SELECT story_id, doc_id FROM story_members ORDER BY story_id, doc_id').all() as { story_id: string; doc_id: string }[];
  conn.close();
  const by = new Map<string, string[]>();
  for (const r of rows) by.set(r.story_id, [...(by.get(r.story_id) ?? []), r.doc_id]);
  return [...by.values()].map((m) => m.join(',')).sort();
}

/** Integrity and atomicity of what a killed process left behind. */
function checkStore(db: string) {
  if (!existsSync(db)) return; // killed before the store was created
  const conn = new Database(db);
  assert.equal(conn.pragma('integrity_check', { simple: true }), 'ok');
  // killed after the file was opened but before the schema's transaction committed: no table at
  // all (a schema half made would be a defect)
  if (!conn.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'documents'").get()) {
    assert.deepEqual(conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all(), [], 'no schema half made');
    conn.close();
    return;
  }
  const half = conn
    .prepare(
      `SELECT d.id FROM documents d
       WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.doc_id = d.id)
          OR NOT EXISTS (SELECT 1 FROM annotations n WHERE n.doc_id = d.id)
          OR NOT EXISTS (SELECT 1 FROM story_features f WHERE f.doc_id = d.id)`,
    )
    .all();
  assert.deepEqual(half, [], 'no half-written document');
  const orphans = conn.prepare('SELECT doc_id FROM story_members WHERE doc_id NOT IN (SELECT id FROM documents)').all();
  assert.deepEqual(orphans, [], 'no story member without its document');
  conn.close();
}

describe('kill -9 at random moments', { timeout: 600_000 }, () => {
  let dir: string;
  let corpus: string;
  let clean: string[];
  let cleanMs: number;
  const random = prng(SEED); // the kill moments are the same on every run
  const trials: string[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tri-crash-'));
    corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    for (const f of readdirSync(POLNEAR).sort().slice(0, DOCS)) copyFileSync(join(POLNEAR, f), join(corpus, f));
    const t0 = performance.now();
    const r = await run(['analyze', '--db', join(dir, 'clean.db'), '-q', corpus]).done;
    cleanMs = performance.now() - t0;
    assert.equal(r.code, 0, r.stderr);
    clean = storiesOf(join(dir, 'clean.db'));
    assert.ok(clean.length > 1);
  });
  after(() => {
    console.log(`crash trials (clean run ${Math.round(cleanMs)} ms):\n  ${trials.join('\n  ')}`);
    rmSync(dir, { recursive: true, force: true });
  });

  /** Re-run analyze to completion on the killed store: it resumes, and the stories match the clean run. */
  async function resumeAndCompare(db: string) {
    const r = await run(['analyze', '--db', db, '-q', corpus]).done;
    assert.equal(r.code, 0, r.stderr);
    checkStore(db);
    assert.deepEqual(storiesOf(db), clean, 'same stories as a clean run');
  }

  for (let i = 0; i < 2; i++) {
    test(`analyze killed at a random moment (trial ${i + 1})`, async () => {
      const db = join(dir, `random-${i}.db`);
      const delay = Math.round(random() * cleanMs);
      const { child, done } = run(['analyze', '--db', db, '-v', corpus]);
      setTimeout(() => child.kill('SIGKILL'), delay);
      const r = await done;
      const stored = (r.stderr.match(/^new /gm) ?? []).length;
      trials.push(`analyze, kill after ${delay} ms: ${r.signal ?? `exit ${r.code}`}, ${stored} documents reported stored`);
      checkStore(db);
      await resumeAndCompare(db);
    });
  }

  /** The clean stories of the corpus plus one more article, computed once. */
  let refWithExtra: string[] | null = null;
  const extra = () => join(POLNEAR, readdirSync(POLNEAR).sort()[DOCS]);

  for (let i = 0; i < 2; i++) {
    test(`analyze killed while grouping stories (trial ${i + 1})`, async () => {
      if (!refWithExtra) {
        const ref = join(dir, 'grouping-ref.db');
        const refRun = await run(['analyze', '--db', ref, '-q', corpus, extra()]).done;
        assert.equal(refRun.code, 0, refRun.stderr);
        refWithExtra = storiesOf(ref);
      }
      // a store holding the corpus (a copy of the clean one), then one more article: the run's work is mostly grouping
      const db = join(dir, `grouping-${i}.db`);
      copyFileSync(join(dir, 'clean.db'), db);
      const wait = Math.round(random() * 40);
      let killedAt = '';
      const { done } = run(['analyze', '--db', db, '-v', extra()], (chunk, child) => {
        // the outcome line of the last (only) document: ingest is over, grouping starts
        if (!killedAt && /^(new|known)\s/m.test(chunk)) {
          killedAt = `${wait} ms after the last document was stored`;
          setTimeout(() => child.kill('SIGKILL'), wait);
        }
      });
      const r = await done;
      trials.push(`analyze during grouping, kill ${killedAt || 'never'}: ${r.signal ?? `exit ${r.code}`}`);
      checkStore(db);
      const again = await run(['analyze', '--db', db, '-q', corpus, extra()]).done;
      assert.equal(again.code, 0, again.stderr);
      checkStore(db);
      assert.deepEqual(storiesOf(db), refWithExtra, 'same stories as a clean run');
    });
  }

  for (let i = 0; i < 2; i++) {
    test(`serve killed in the middle of posts (trial ${i + 1})`, async () => {
      const db = join(dir, `serve-${i}.db`);
      const { child, done } = run(['serve', '--port', '0', '--db', db]);
      const address = await new Promise<string>((resolve, reject) => {
        child.stdout!.on('data', (d: Buffer) => {
          const m = /triangulate serve: (http:\/\/\S+)/.exec(d.toString());
          if (m) resolve(m[1]);
        });
        child.on('exit', () => reject(new Error('serve exited before listening')));
      });
      const files = readdirSync(corpus).sort();
      // post one by one; the kill lands while post number `killAt` is in flight, at a random moment
      const killAt = 1 + Math.floor(random() * (files.length - 1));
      const wait = Math.round(random() * 300);
      const statuses: (number | string)[] = [];
      for (const f of files.slice(0, killAt + 1)) {
        const body = new Uint8Array(await readFile(join(corpus, f)));
        const post = fetch(`${address}/api/articles?source=${f}`, { method: 'POST', body, headers: { 'content-type': 'text/plain' } }).then((r) => r.status, () => 'dropped');
        if (statuses.length === killAt) setTimeout(() => child.kill('SIGKILL'), wait);
        statuses.push(await post);
      }
      const r = await done;
      trials.push(`serve, kill ${wait} ms into post ${killAt + 1}: ${r.signal}, responses ${statuses.join(' ')}`);
      assert.ok(!statuses.includes(500), 'no 500 before the kill');
      checkStore(db);
      await resumeAndCompare(db);
    });
  }
});

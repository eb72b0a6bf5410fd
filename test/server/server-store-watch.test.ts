/**
 * Several processes on one store: `analyze` (another process, the built CLI) writes into the
 * store of a running server while articles are also posted to the server. Without a restart the
 * server's stories must hold every document, once; the store must pass integrity_check with no
 * orphan (a document without a story, a member of no stored story).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { startServer } from '../../src/server/testing.js';

const root = resolve(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'triangulate.js');
const ECB = resolve(root, '..', 'shared', 'data', 'stories', 'ecbplus-dev.jsonl');

interface EcbRecord {
  id: string;
  title: string;
  text: string;
  event: string;
}

/** Reports of two ECB+ events that are not the first topic's. */
function twoEvents(): [EcbRecord[], EcbRecord[]] {
  const rows = readFileSync(ECB, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as EcbRecord);
  const events = [...new Set(rows.map((r) => r.event))].sort();
  const of = (e: string) => rows.filter((r) => r.event === e).slice(0, 6);
  const picked = events.filter((e) => of(e).length >= 6);
  return [of(picked[1]), of(picked[2])];
}

function analyzeInto(db: string, file: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [bin, 'analyze', file, '--db', db, '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolvePromise({ code, stderr }));
  });
}

let t: Awaited<ReturnType<typeof startServer>>;
before(async () => {
  t = await startServer();
});
after(() => t.stop());

async function post(rec: EcbRecord): Promise<string> {
  const r = await fetch(`${t.base}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: rec.id, title: rec.title, text: rec.text }) });
  assert.ok(r.status === 201 || r.status === 200, String(r.status));
  return ((await r.json()) as { outcomes: { docId: string }[] }).outcomes[0].docId;
}

/** Every stored document and the story the server gives it (via its API). */
async function serverView() {
  const list = (await (await fetch(`${t.base}/api/stories?limit=500`)).json()) as { total: number; stories: { id: string; articles: number }[] };
  const members = new Map<string, string>();
  for (const s of list.stories) {
    const r = await fetch(`${t.base}/api/stories/${s.id}`);
    if (r.status !== 200) continue;
    for (const a of ((await r.json()) as { articles: { id: string }[] }).articles) members.set(a.id, s.id);
  }
  return { list, members };
}

test('documents written by `analyze` into the store of a running server join its stories without a restart', { timeout: 300_000 }, async () => {
  const [a, b] = twoEvents();
  const gone = await post(a[0]);
  await post(a[1]);
  const file = join(t.dir, 'batch.jsonl');
  writeFileSync(file, [...a.slice(2), ...b.slice(0, 3)].map((r) => JSON.stringify({ id: r.id, title: r.title, text: r.text })).join('\n'));
  // two writers at once: the other process's batch, and posts to the server
  const [run] = await Promise.all([analyzeInto(t.db, file), post(b[3]).then(() => post(b[4]))]);
  assert.equal(run.code, 0, run.stderr);
  // right after the batch, before any poll: deleting an article of the story the batch added to
  // regroups that story, which must not drop the batch's articles from it
  assert.equal((await fetch(`${t.base}/api/articles/${gone}`, { method: 'DELETE' })).status, 200);

  const check = new SqliteStore(t.db);
  try {
    const docs = await check.documentIds();
    const sources = new Map<string, string | undefined>();
    for (const d of docs) sources.set(d, (await check.getRaw(d))?.source);
    assert.equal(docs.length, 10, `every document stored once: ${docs.map((d) => sources.get(d)).join(', ')}`);
    const deadline = Date.now() + 60_000;
    let view = await serverView();
    while (docs.some((d) => !view.members.has(d)) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      view = await serverView();
    }
    assert.deepEqual([...view.members.keys()].sort(), docs, "the server's stories hold every document");
    for (const d of docs) {
      const art = (await (await fetch(`${t.base}/api/articles/${d}`)).json()) as { storyId: string | null };
      assert.equal(art.storyId, view.members.get(d), `article ${d} names its story`);
    }
    // the two events stay apart
    const storyOf = (r: EcbRecord) => view.members.get(docs.find((d) => sources.get(d) === r.id) ?? '');
    assert.notEqual(storyOf(a[0]), storyOf(b[0]));
    assert.equal(check.db.pragma('integrity_check', { simple: true }), 'ok');
    const orphans = check.db.prepare('SELECT count(*) FROM documents d LEFT JOIN story_members m ON m.doc_id = d.id WHERE m.doc_id IS NULL').pluck().get();
    assert.equal(orphans, 0, 'no document without a story');
    const dangling = check.db.prepare('SELECT count(*) FROM story_members m LEFT JOIN stories s ON s.id = m.story_id WHERE s.id IS NULL').pluck().get();
    assert.equal(dangling, 0, 'no member of a missing story');
  } finally {
    await check.close();
  }
});

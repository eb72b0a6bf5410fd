/**
 * Inputs that used to be handled silently or order-dependently: the same bytes under two paths in
 * one run, and a JSON file holding an empty list.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { main } from '../../src/cli/main.js';
import type { Report } from '../../src/report/schema.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';

const ECB = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'stories', 'ecbplus-dev.jsonl');
const tmp = mkdtempSync(join(tmpdir(), 'tri-inputs-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTTY: false });
  return { code, stdout, stderr };
}

test('two identical files in one run: every path recorded, the shown source independent of input order', async () => {
  const rec = JSON.parse(readFileSync(ECB, 'utf8').split('\n')[5]) as { title: string; text: string };
  const dir = join(tmp, 'dup');
  mkdirSync(dir);
  const body = `${rec.title}\n\n${rec.text}\n`;
  const paths = ['zeta.txt', 'alpha.txt', 'mid.txt'].map((n) => join(dir, n));
  for (const p of paths) writeFileSync(p, body);
  const shown: string[] = [];
  for (const order of [paths, [...paths].reverse(), [paths[2], paths[0], paths[1]]]) {
    const db = join(tmp, `dup-${shown.length}.db`);
    const r = await run(['analyze', ...order, '--db', db, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as Report;
    const articles = report.stories.flatMap((s) => s.articles);
    assert.equal(articles.length, 1, 'one document');
    shown.push(articles[0].source);
    const store = new SqliteStore(db);
    try {
      const recorded = (store.db.prepare('SELECT source FROM document_sources ORDER BY source').all() as { source: string }[]).map((x) => x.source);
      assert.deepEqual(recorded, [...paths].sort(), 'every path is recorded');
    } finally {
      await store.close();
    }
  }
  assert.deepEqual(shown, [paths[1], paths[1], paths[1]], 'the smallest path, whatever the order');
});

test('a JSON file holding [] (or {"articles": []}) fails with a clear message, exit 2', async () => {
  for (const [name, content] of [
    ['empty-list.json', '[]'],
    ['empty-articles.json', '{"articles": []}'],
  ]) {
    const p = join(tmp, name);
    writeFileSync(p, content);
    const r = await run(['analyze', p, '--db', ':memory:']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, new RegExp(`${name}: no records`), r.stderr);
  }
});

test('@mozilla/readability is a development dependency only (a benchmark uses it, no source file)', () => {
  const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  assert.equal(pkg.dependencies['@mozilla/readability'], undefined);
  assert.ok(pkg.devDependencies['@mozilla/readability']);
});

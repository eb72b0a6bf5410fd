import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { main } from '../../src/cli/main.js';
import { analyze, crossCheck, openStore, render } from '../../src/index.js';
import { createServer } from '../../src/server/app.js';
import { SEEDS } from '../helpers.js';

const quietIo = { stdout: () => {}, stderr: () => {} };

test('the CLI, the library and the server (its report and its story pages) give byte-identical reports for the same inputs and store', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tri-api-'));
  try {
    const db = join(dir, 'store.db');
    // a first run fills the store; the second reports the same documents, now all known
    assert.equal(await main(['analyze', SEEDS, '--db', db, '-q'], quietIo), 0);
    assert.equal(await main(['analyze', SEEDS, '--db', db, '-q', '--out', join(dir, 'cli')], quietIo), 0);
    const fromCli = readFileSync(join(dir, 'cli', 'report.json'), 'utf8');

    const store = await openStore(db);
    let fromLibrary: string;
    let docIds: string[];
    try {
      const analysis = await analyze([SEEDS], { store });
      docIds = analysis.run.docIds;
      fromLibrary = render(await crossCheck(store, analysis), 'json');
    } finally {
      await store.close();
    }
    assert.equal(docIds.length, 5);
    assert.equal(fromLibrary, fromCli);
    const report = JSON.parse(fromCli) as { stories: { articles: unknown[]; crossCheck: unknown }[]; counts: { known: number } };
    assert.equal(report.counts.known, 5);
    assert.ok(report.stories.length >= 2 && report.stories.every((s) => s.articles.length > 0) && report.stories.some((s) => s.crossCheck !== null));

    const server = await createServer({ db });
    try {
      const res = await server.app.inject({ method: 'GET', url: `/api/report?${docIds.map((d) => `doc=${d}`).join('&')}` });
      assert.equal(res.statusCode, 200);
      assert.equal(res.body, fromCli);
      const bad = await server.app.inject({ method: 'GET', url: '/api/report' });
      assert.equal(bad.statusCode, 400);
      // each story page (built in the report worker) is the same story as in the CLI's full report.json
      assert.equal(await main(['analyze', SEEDS, '--db', db, '-q', '--detail', 'full', '--out', join(dir, 'full')], quietIo), 0);
      const full = JSON.parse(readFileSync(join(dir, 'full', 'report.json'), 'utf8')) as { stories: { id: string }[] };
      assert.equal(full.stories.length, report.stories.length);
      for (const story of full.stories) {
        const page = await server.app.inject({ method: 'GET', url: `/api/stories/${story.id}` });
        assert.equal(page.statusCode, 200);
        assert.equal(page.headers['x-report-status'], 'current');
        assert.equal(page.body, JSON.stringify(story), story.id);
      }
      // the story pages' reports and the cross-checks a CLI run reuses are separate cache entries:
      // a CLI run after the server evicts neither (one row per story made each recompute the other's)
      const cached = () => {
        const sql = new Database(db, { readonly: true });
        try {
          return sql.prepare('SELECT story_id, kind, key FROM story_reports ORDER BY story_id, kind').all() as { story_id: string; kind: string; key: string }[];
        } finally {
          sql.close();
        }
      };
      const before = cached();
      const withCrossCheck = report.stories.filter((s) => s.crossCheck !== null).length;
      assert.equal(before.filter((r) => r.kind === 'story').length, full.stories.length);
      assert.equal(before.filter((r) => r.kind === 'cross-check').length, withCrossCheck);
      assert.equal(await main(['analyze', SEEDS, '--db', db, '-q', '--out', join(dir, 'again')], quietIo), 0);
      assert.deepEqual(cached(), before);
      assert.equal(readFileSync(join(dir, 'again', 'report.json'), 'utf8'), fromCli);
    } finally {
      await server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('analyze takes documents in memory, and a bad one is a failure with a reason, not a crash', async () => {
  const store = await openStore(':memory:');
  try {
    const text = readFileSync(join(SEEDS, '000_e13d634afcf98426.txt'), 'utf8');
    const analysis = await analyze([{ source: 'memo.txt', content: text }, { source: 'empty.txt', content: '' }], { store });
    assert.deepEqual(analysis.run.counts, { new: 1, known: 0, updated: 0, failed: 1 });
    const report = await crossCheck(store, analysis);
    assert.equal(report.stories.length, 1);
    assert.equal(report.stories[0].articles[0].source, 'memo.txt');
    assert.deepEqual(report.failures, [{ source: 'empty.txt', reason: 'empty file' }]);
    // the same documents by id: reported as known
    const again = await crossCheck(store, { docIds: [...analysis.run.docIds, 'no-such-doc'] });
    assert.deepEqual(again.counts, { new: 0, known: 1, updated: 0, failed: 1 });
    assert.equal(render(again, 'markdown').startsWith('# Triangulate report'), true);
  } finally {
    await store.close();
  }
});

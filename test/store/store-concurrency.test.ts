import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SCHEMA_VERSION, SqliteStore } from '../../src/store/sqlite/store.js';

const srcModule = fileURLToPath(new URL('../../src/store/sqlite/store.ts', import.meta.url));
const distModule = fileURLToPath(new URL('../../dist/store/sqlite/store.js', import.meta.url));

/** The compiled store when it is current (`npm test` builds first): 20 plain node processes start far faster than 20 through tsx. */
function storeModule(): { path: string; loader: string[] } {
  const src = [srcModule, srcModule.replace('store.ts', 'migrations.ts')].map((f) => statSync(f).mtimeMs);
  const dist = existsSync(distModule) ? statSync(distModule).mtimeMs : 0;
  return dist >= Math.max(...src) ? { path: distModule, loader: [] } : { path: srcModule, loader: ['--import', 'tsx'] };
}

/** A process that waits for `go`, then opens (and so creates and migrates) the store, and reports. */
function opener(db: string, go: string, ready: string): Promise<{ code: number | null; err: string }> {
  const mod = storeModule();
  const script = `
    import { existsSync, writeFileSync } from 'node:fs';
    const { SqliteStore } = await import(${JSON.stringify(mod.path)});
    writeFileSync(${JSON.stringify(ready)}, '');
    while (!existsSync(${JSON.stringify(go)})) await new Promise((r) => setTimeout(r, 5));
    const s = new SqliteStore(${JSON.stringify(db)});
    await s.schemaVersion();
    await s.close();`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...mod.loader, '--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code, err }));
  });
}

test('20 processes creating one new store at once: none fails, the schema is migrated once', { timeout: 300_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tri-store-race-'));
  try {
    const db = join(dir, 'new.db');
    const go = join(dir, 'go');
    const runs = Array.from({ length: 20 }, (_, i) => opener(db, go, join(dir, `ready-${i}`)));
    // once every process has loaded and is polling, release them together
    for (let t = 0; t < 2000 && !Array.from({ length: 20 }, (_, i) => existsSync(join(dir, `ready-${i}`))).every(Boolean); t++) await new Promise((r) => setTimeout(r, 50));
    assert.ok(!existsSync(db), 'no process opened the store before the start');
    writeFileSync(go, '');
    const results = await Promise.all(runs);
    const failed = results.filter((r) => r.code !== 0);
    assert.deepEqual(failed, [], failed.map((f) => f.err).join('\n'));
    const s = new SqliteStore(db);
    assert.equal(await s.schemaVersion(), SCHEMA_VERSION);
    await s.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

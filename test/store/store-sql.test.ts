import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../../src', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

// SQL statements start with one of these words inside a string literal; prose in comments does not count
const SQL = /[`'"]\s*(SELECT\s+[\w*(]|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX|VIRTUAL|TRIGGER|UNIQUE)|DROP\s+(TABLE|INDEX)|ALTER\s+TABLE|PRAGMA\s|BEGIN\b|COMMIT\b)/;
/** Calls on a driver: `.prepare(` and `.pragma(` (better-sqlite3), `.query(` (pg). Regular expressions' `.exec(` are not SQL. */
const DRIVER = /\.(prepare|query|pragma)\(/;

test('nothing outside src/store/ touches SQL or a database driver', () => {
  const offenders: string[] = [];
  for (const f of files(src)) {
    const rel = relative(src, f);
    if (rel.startsWith(`store${'/'}`)) continue;
    const code = readFileSync(f, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    code.split('\n').forEach((line, i) => {
      if (SQL.test(line) || DRIVER.test(line)) offenders.push(`${rel}:${i + 1}: ${line.trim().slice(0, 100)}`);
      if (/from '(better-sqlite3|pg)'/.test(line)) offenders.push(`${rel}:${i + 1}: imports a database driver`);
    });
  }
  assert.deepEqual(offenders, []);
});

test('the check finds SQL where it is', () => {
  assert.ok(SQL.test("db.prepare('SELECT id FROM stories')"));
  assert.ok(SQL.test('`INSERT OR IGNORE INTO x`'));
  assert.ok(DRIVER.test('store.db.prepare(x)'));
  assert.ok(!SQL.test('// select the stories'));
});

import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import pg from 'pg';
import { openStore, type Store } from '../src/store/index.js';

/**
 * PostgreSQL for tests. With TRIANGULATE_TEST_PG set (a server URL, e.g. exported by .ci/run), each
 * call creates a fresh database on that server. Otherwise the first call starts a private server:
 * `initdb` as the `postgres` user (it refuses to run as root) in a temporary directory, `postgres`
 * listening only on a Unix socket in that directory, stopped by its PID when the process exits.
 */

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/**
 * Call at the top of a test file that opens servers, stores or pools: once its tests are done,
 * anything but stdio that still keeps the process alive after `ms` (a pool, a socket, a timer a
 * close forgot) is printed and the file fails, instead of the run waiting on it forever. (A pool's idle
 * connections close after 30 s by themselves, hence the minute.)
 */
export function failOnOpenHandles(ms = 60_000): void {
  after(() => {
    setTimeout(() => {
      const open = process.getActiveResourcesInfo().filter((r) => r !== 'PipeWrap' && r !== 'TTYWrap');
      process.stderr.write(`still open ${ms / 1000} s after the tests ended: ${open.join(', ')}\n`);
      process.exit(1);
    }, ms).unref();
  });
}

export interface TestDatabase {
  url: string;
  /** The server's URL for the maintenance database (to create or drop databases). */
  adminUrl: string;
  drop(): Promise<void>;
}

let server: { adminUrl: string; dir: string } | null = null;

/** True when tests can run PostgreSQL here (the binaries exist, or a server URL is given). */
export function postgresAvailable(): boolean {
  return !!process.env.TRIANGULATE_TEST_PG || existsSync(join(BIN, 'postgres'));
}

function asPostgres(args: string[]): string[] {
  return process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', ...args] : args;
}

function run(cmd: string[]): void {
  execFileSync(cmd[0], cmd.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Starts a throw-away server; returns its maintenance URL. */
export async function startPostgres(): Promise<{ adminUrl: string; socketDir: string; pid: number; stop: () => void; stopAndRemove: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'tri-pg-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const data = join(dir, 'data');
  run(asPostgres([join(BIN, 'initdb'), '-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--locale=C']));
  const port = String(20_000 + Math.floor(Math.random() * 20_000));
  const args = [join(BIN, 'postgres'), '-D', data, '-k', dir, '-p', port, '-c', 'listen_addresses=', '-c', 'fsync=off', '-c', 'max_connections=200', '-c', 'shared_buffers=64MB'];
  const cmd = asPostgres(args);
  const logFile = join(dir, 'postgres.log');
  const fd = openSync(logFile, 'a');
  const child = spawn(cmd[0], cmd.slice(1), { stdio: ['ignore', fd, fd] });
  closeSync(fd);
  // the server must not keep the test process alive: it is stopped by PID on exit
  child.unref();
  const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-4000) : '');
  const adminUrl = `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(dir)}&port=${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`postgres exited: ${log()}`);
    const c = new pg.Client({ connectionString: adminUrl });
    try {
      await c.connect();
      await c.end();
      break;
    } catch {
      await c.end().catch(() => undefined);
      if (i > 150) throw new Error(`postgres did not start: ${log()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  // the postmaster's own PID (the child may be runuser), from the first line of postmaster.pid
  const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const stop = () => {
    try {
      process.kill(pid, 'SIGINT'); // fast shutdown: running transactions are rolled back
    } catch {
      /* already gone */
    }
  };
  const stopAndRemove = async () => {
    stop();
    for (let i = 0; i < 200 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
    rmSync(dir, { recursive: true, force: true });
  };
  return { adminUrl, socketDir: dir, pid, stop, stopAndRemove };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function shared(): Promise<string> {
  if (process.env.TRIANGULATE_TEST_PG) return process.env.TRIANGULATE_TEST_PG;
  if (!server) {
    const s = await startPostgres();
    const dir = s.socketDir;
    server = { adminUrl: s.adminUrl, dir };
    process.once('exit', () => {
      s.stop();
      // the data directory goes once the postmaster has exited (a few seconds at most)
      const until = Date.now() + 10_000;
      while (alive(s.pid) && Date.now() < until) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
      rmSync(dir, { recursive: true, force: true });
    });
  }
  return server.adminUrl;
}

/** A new, empty database for one test (on the shared test server). */
export async function testDatabase(): Promise<TestDatabase> {
  const adminUrl = await shared();
  const name = `tri_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  return {
    url,
    adminUrl,
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A store for one test: SQLite in memory, or PostgreSQL on a fresh database; `done` closes (and drops) it. */
export async function openTestStore(kind: 'sqlite' | 'postgres'): Promise<{ store: Store; done: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const store = await openStore(':memory:');
    return { store, done: () => store.close() };
  }
  const db = await testDatabase();
  const store = await openStore(db.url);
  return {
    store,
    done: async () => {
      await store.close();
      await db.drop();
    },
  };
}

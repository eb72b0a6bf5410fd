import pg from 'pg';
import { redact } from '../location.js';

export { redact };

/**
 * Connections to PostgreSQL: URL checks that fail with a clear message, a pool that survives a
 * dropped connection, and a retry of whole transactions when the connection (not the query) failed.
 * A transaction cut off by a lost connection is rolled back by the server, so retrying it whole
 * never leaves anything half-written.
 */

export type Queryable = Pick<pg.PoolClient, 'query'>;

export function checkUrl(url: string): void {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`not a valid PostgreSQL URL: ${redact(url)} (expected postgresql://user[:password]@host[:port]/database)`);
  }
  if (!/^postgres(ql)?:$/i.test(u.protocol)) throw new Error(`not a PostgreSQL URL: ${redact(url)}`);
  const db = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!db) throw new Error(`no database named in ${redact(url)} (expected postgresql://user@host/database)`);
  if (u.port && !/^\d+$/.test(u.port)) throw new Error(`bad port in ${redact(url)}`);
}

const CONNECTION_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'ENOENT', '57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);

/** A failure of the connection (server gone, restarted, unreachable) rather than of the statement. */
export function isConnectionError(e: unknown): boolean {
  const err = e as { code?: string; message?: string } | null;
  if (!err) return false;
  if (err.code && (CONNECTION_CODES.has(err.code) || err.code.startsWith('08'))) return true;
  return /Connection terminated|connection (is )?closed|Client has encountered a connection error|terminating connection|timeout exceeded when trying to connect/i.test(err.message ?? '');
}

/** A clear sentence for a connection failure. */
export function explain(e: unknown, url: string): Error {
  const err = e as { code?: string; message?: string };
  const where = redact(url);
  if (err.code === 'ECONNREFUSED' || err.code === 'ENOENT') return new Error(`cannot connect to PostgreSQL at ${where}: connection refused (is the server running?)`);
  if (err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN') return new Error(`cannot connect to PostgreSQL at ${where}: unknown host`);
  if (err.code === '3D000') return new Error(`PostgreSQL database does not exist: ${where} (create it with createdb)`);
  if (err.code === '28P01' || err.code === '28000') return new Error(`PostgreSQL refused the login for ${where}: ${err.message}`);
  return new Error(`PostgreSQL at ${where}: ${err.message ?? String(e)}`);
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class Connection {
  readonly pool: pg.Pool;
  readonly url: string;
  /** Attempts for a statement or transaction whose connection failed. */
  retries = 4;

  constructor(url: string, max = 4) {
    checkUrl(url);
    this.url = url;
    this.pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 15_000, idleTimeoutMillis: 30_000, application_name: 'triangulate' });
    // an idle connection that dies (server restart, terminated backend) must not crash the process;
    // the pool drops it and the next query opens a new one
    this.pool.on('error', () => undefined);
  }

  private async retrying<T>(fn: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn();
      } catch (e) {
        if (!isConnectionError(e) || attempt >= this.retries) throw isConnectionError(e) ? explain(e, this.url) : e;
        await sleep(100 * 2 ** attempt);
      }
    }
  }

  /** One statement, retried when the connection failed. */
  async query<R extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<R[]> {
    return this.retrying(async () => (await this.pool.query<R>(sql, params)).rows);
  }

  /** `fn` inside BEGIN … COMMIT on one connection; rolled back on error, retried whole when the connection failed. */
  async tx<T>(fn: (c: Queryable) => Promise<T>): Promise<T> {
    return this.retrying(async () => {
      const client = await this.pool.connect();
      // a connection cut while checked out (between statements) is reported as an event; without a
      // listener it would crash the process, with one the next statement fails and the whole transaction is retried
      const onError = () => undefined;
      client.on('error', onError);
      let broken = false;
      try {
        await client.query('BEGIN');
        const out = await fn(client);
        await client.query('COMMIT');
        return out;
      } catch (e) {
        broken = isConnectionError(e);
        if (!broken) await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    });
  }

  async end() {
    await this.pool.end();
  }
}

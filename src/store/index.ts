import { SqliteStore } from './sqlite/store.js';
import type { Store } from './types.js';

export * from './types.js';

/** True when a `--db` value names a PostgreSQL database rather than a SQLite file. */
export function isPostgres(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/**
 * Opens the store a `--db` value (or TRIANGULATE_DB) names: `postgresql://user@host/db` for
 * PostgreSQL, anything else is a SQLite file (`:memory:` keeps nothing). Both are migrated to this
 * version on open, safely when several processes open one store at once.
 */
export async function openStore(location: string, opts: { poolSize?: number } = {}): Promise<Store> {
  if (isPostgres(location)) {
    const { PostgresStore } = await import('./postgres/store.js');
    return PostgresStore.open(location, opts);
  }
  return new SqliteStore(location);
}

/** The store location from an option, else TRIANGULATE_DB, else ./triangulate.db. */
export function storeLocation(db: unknown): string {
  if (typeof db === 'string' && db) return db;
  return process.env.TRIANGULATE_DB || 'triangulate.db';
}

import { isPostgres } from './location.js';
import { SqliteStore } from './sqlite/store.js';
import type { Store } from './types.js';

export { isPostgres, redact, storeLocation } from './location.js';

export * from './types.js';

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

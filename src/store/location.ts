/**
 * Where a store is: a `--db` value or TRIANGULATE_DB. No driver is loaded here, so commands can
 * name and print a location without opening it.
 */

/** True when a location names a PostgreSQL database (`postgres://` or `postgresql://`) rather than a SQLite file. */
export function isPostgres(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** The location without its password, for messages and `store.path`. */
export function redact(location: string): string {
  if (!isPostgres(location)) return location;
  try {
    const u = new URL(location);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return location.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
  }
}

/** The store location from an option, else TRIANGULATE_DB, else ./triangulate.db. */
export function storeLocation(db: unknown): string {
  if (typeof db === 'string' && db) return db;
  return process.env.TRIANGULATE_DB || 'triangulate.db';
}

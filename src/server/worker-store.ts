import { openStore, type Store } from '../store/index.js';

/**
 * The store a server worker thread works on: its own connection (another SQLite connection to the
 * same file, where WAL lets readers go on while the server writes, or a PostgreSQL pool), opened
 * once per location and reopened by the next job when opening failed.
 */
let current: { location: string; store: Promise<Store> } | null = null;

export function storeAt(location: string): Promise<Store> {
  if (current && current.location === location) return current.store;
  const old = current;
  const opened = openStore(location, { poolSize: 2 });
  current = { location, store: opened };
  opened.catch(() => {
    if (current?.store === opened) current = null;
  });
  if (old) void old.store.then((s) => s.close()).catch(() => undefined);
  return opened;
}

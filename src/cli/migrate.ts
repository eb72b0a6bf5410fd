import { openStore, storeLocation } from '../store/index.js';
import { redact } from '../store/location.js';

/** `triangulate migrate [--db …]`: brings the store's schema to this version (safe while other processes use it) and prints it. */
export async function migrateCommand(values: Record<string, unknown>, io: { stdout: (s: string) => void; stderr: (s: string) => void }): Promise<number> {
  const location = storeLocation(values.db);
  let store: Awaited<ReturnType<typeof openStore>>;
  try {
    store = await openStore(location, { poolSize: 1 });
  } catch (e) {
    io.stderr(`triangulate: cannot migrate ${redact(location)}: ${(e as Error).message}\n`);
    return 1;
  }
  try {
    io.stdout(`${store.path}: ${store.kind} schema version ${await store.schemaVersion()} (up to date)\n`);
    return 0;
  } finally {
    await store.close();
  }
}

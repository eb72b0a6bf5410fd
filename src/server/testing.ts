import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type ServerOptions, type TriangulateServer } from './app.js';

/** A server on a fresh store in a temporary directory, listening on loopback port 0 (tests, benchmarks). */
export async function startServer(opts: Omit<ServerOptions, 'db' | 'store'> & { dir?: string } = {}): Promise<{
  server: TriangulateServer;
  base: string;
  port: number;
  dir: string;
  db: string;
  stop: (removeDir?: boolean) => Promise<void>;
}> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'tri-serve-'));
  const db = join(dir, 'serve.db');
  const server = await createServer({ ...opts, db });
  await server.app.listen({ host: '127.0.0.1', port: 0 });
  const addr = server.app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    server,
    base: `http://127.0.0.1:${port}`,
    port,
    dir,
    db,
    async stop(removeDir = true) {
      await server.close();
      if (removeDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

import { isIP } from 'node:net';
import { redact as redactUrl } from '../store/location.js';
import { createServer } from './app.js';
import { hostName, ownAddresses } from './auth.js';

export interface ServeValues {
  port?: string;
  host?: string;
  token?: string;
  db?: string;
  private?: boolean;
  'allowed-host'?: string[];
  [k: string]: unknown;
}

/** True for addresses that only this machine can reach. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (h.startsWith('::ffff:')) return h.slice(7).startsWith('127.');
  return false;
}

/**
 * `triangulate serve`: the HTTP API and web UI. Resolves with the exit status when the server
 * stops (SIGINT/SIGTERM close it gracefully: in-flight requests and writes finish first).
 */
export async function serveCommand(values: ServeValues, io: { stdout: (s: string) => void; stderr: (s: string) => void }): Promise<number> {
  const host = typeof values.host === 'string' && values.host ? values.host : '127.0.0.1';
  const portText = typeof values.port === 'string' && values.port ? values.port : '8080';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 0 || port > 65535) {
    io.stderr(`triangulate: --port must be a number from 0 to 65535 (got "${portText}")\n`);
    return 1;
  }
  const token = (typeof values.token === 'string' && values.token) || process.env.TRIANGULATE_TOKEN || null;
  if (!isLoopback(host) && !token) {
    io.stderr(`triangulate: --token is required when binding a non-loopback address (${host}); writes would be open to the network\n`);
    return 1;
  }
  if (token && token.length < 8) {
    io.stderr('triangulate: --token must be at least 8 characters\n');
    return 1;
  }
  if (values.private && !token) {
    io.stderr('triangulate: --private needs --token (or TRIANGULATE_TOKEN): the token is what readers sign in with\n');
    return 1;
  }
  const allowed = allowedHosts(values['allowed-host'], io);
  if (!allowed) return 1;
  allowed.push(...ownAddresses(host));
  const db = typeof values.db === 'string' && values.db ? values.db : process.env.TRIANGULATE_DB || 'triangulate.db';
  let server: Awaited<ReturnType<typeof createServer>>;
  try {
    server = await createServer({ db, token, private: !!values.private, allowedHosts: allowed });
  } catch (e) {
    io.stderr(`triangulate: cannot open the store ${redactUrl(db)}: ${(e as Error).message}\n`);
    return 1;
  }
  let address: string;
  try {
    address = await server.app.listen({ host, port });
  } catch (e) {
    await server.close();
    io.stderr(`triangulate: cannot listen on ${host}:${port}: ${(e as Error).message}\n`);
    return 1;
  }
  const reads = values.private ? 'reads and writes need the token' : `writes ${token ? 'need the bearer token' : 'open to this machine'}`;
  io.stdout(`triangulate serve: ${address} (store ${redactUrl(db)}, ${await server.store.countDocuments()} articles; ${reads})\n`);
  // --follow FILE: sources followed in the background (src/follow/background.ts)
  const following = typeof values.follow === 'string' ? (await import('../follow/background.js')).followInBackground(server.live, { file: values.follow, every: values.every as string | undefined, webhook: values.webhook as string | undefined, log: (l) => io.stderr(`${l}\n`) }) : null;
  if (typeof following === 'string') io.stderr(`triangulate serve: --follow: ${following}\n`);
  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      io.stderr(`triangulate serve: ${signal}, closing\n`);
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      Promise.resolve(following && typeof following !== 'string' ? following.stop() : undefined)
        .then(() => server.close())
        .then(() => resolve(0))
        .catch((e) => {
          io.stderr(`triangulate serve: error while closing: ${(e as Error).message}\n`);
          resolve(1);
        });
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
}

/** The `--allowed-host` names (host names or IPs, no port), checked; null after a message when one is malformed. */
function allowedHosts(given: unknown, io: { stderr: (s: string) => void }): string[] | null {
  const list = Array.isArray(given) ? given : typeof given === 'string' ? [given] : [];
  const out: string[] = [];
  for (const h of list) {
    const text = typeof h === 'string' ? h.trim() : '';
    const bare = text.replace(/^\[|\]$/g, '');
    const name = isIP(bare) ? bare.toLowerCase() : hostName(text);
    if (!name || (!isIP(name) && text.includes(':'))) {
      io.stderr(`triangulate: --allowed-host takes a host name or an IP address without port (got "${String(h)}")\n`);
      return null;
    }
    out.push(name);
  }
  return out;
}

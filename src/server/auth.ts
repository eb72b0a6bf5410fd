/**
 * Who may talk to the server (see "Threat model" in the README).
 *
 * - Host check, in every mode: a request must be addressed to a loopback name, to an allowed
 *   name (`--allowed-host`) or to one of the server's own IP addresses. A page on an attacker's
 *   domain that re-points its DNS at this machine (DNS rebinding) sends its own name, and is refused.
 * - Writes: the bearer token when one is set, and a same-origin browser (a cross-site page
 *   cannot post, with or without the token).
 * - Reads, in private mode: the bearer token (API clients), or the session cookie that the login
 *   form sets after checking the token (browsers, including the event stream, which cannot send
 *   headers). The cookie is HttpOnly and SameSite=Strict, and holds an HMAC of the token, not the
 *   token: changing the token signs everyone out.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';

export const SESSION_COOKIE = 'triangulate_session';
/** How long a login lasts, seconds. */
const SESSION_MAX_AGE = 30 * 24 * 3600;

export interface AccessPolicy {
  token: string | null;
  /** Reads need the token (or the session cookie) too. */
  private: boolean;
  /** Names (lower case, no port) accepted in the Host header besides loopback ones. */
  allowedHosts: Set<string>;
}

export type Verdict = { ok: true } | { ok: false; status: 401 | 403; message: string; login?: boolean };

/** The name of a Host header, lower case, without port or IPv6 brackets; null when malformed. */
export function hostName(host: string | undefined): string | null {
  if (!host) return null;
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]\s/@]+)(?::\d{1,5})?$/i.exec(host.trim());
  return m ? m[1].replace(/^\[|\]$/g, '').toLowerCase().replace(/\.$/, '') : null;
}

/** Whether a Host header names this machine's loopback interface. */
export function isLoopbackHost(host: string | undefined): boolean {
  const name = hostName(host);
  if (!name) return false;
  return name === 'localhost' || name === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

export function hostAllowed(host: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (isLoopbackHost(host)) return true;
  const name = hostName(host);
  return !!name && allowed.has(name);
}

/**
 * The names a server bound to `bind` answers to without `--allowed-host`: the bound address when
 * it is an IP, and every address of this machine when it binds them all. An IP in the Host header
 * cannot come from DNS rebinding (the browser would be talking to that IP's own server).
 */
export function ownAddresses(bind: string): string[] {
  const h = bind.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === '0.0.0.0' || h === '::') {
    return Object.values(networkInterfaces())
      .flatMap((list) => list ?? [])
      .map((i) => i.address.toLowerCase());
  }
  return isIP(h) ? [h] : [];
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function bearerMatches(token: string, header: string | undefined): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return !!m && safeEqual(m[1], token);
}

/** The session cookie's value for a token. */
export function sessionValue(token: string): string {
  return createHmac('sha256', token).update('triangulate session v1').digest('base64url');
}

export function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export function sessionCookie(token: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${sessionValue(token)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_MAX_AGE}${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;
}

function hasSession(token: string, cookieHeader: string | undefined): boolean {
  const v = cookieValue(cookieHeader, SESSION_COOKIE);
  return v !== null && safeEqual(v, sessionValue(token));
}

/** Routes open in private mode: liveness, the API description, the login form itself. */
const PUBLIC_PATHS = new Set(['/api/health', '/api/openapi.json', '/login', '/logout']);

export interface RequestFacts {
  method: string;
  path: string;
  host: string | undefined;
  origin: string | undefined;
  authorization: string | undefined;
  cookie: string | undefined;
}

/** A browser write must come from a page of this server: same Origin as the Host it addresses. */
function crossOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return false;
  if (origin === 'null') return true;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** The decision for one request, before its body is read. */
export function checkAccess(policy: AccessPolicy, r: RequestFacts): Verdict {
  if (!hostAllowed(r.host, policy.allowedHosts)) {
    return { ok: false, status: 403, message: 'this server does not answer to that host name (start it with --allowed-host NAME to add one)' };
  }
  const write = !(r.method === 'GET' || r.method === 'HEAD' || r.method === 'OPTIONS');
  if (write && crossOrigin(r.origin, r.host)) return { ok: false, status: 403, message: 'cross-origin write refused' };
  const token = policy.token;
  if (!token || PUBLIC_PATHS.has(r.path)) return { ok: true };
  if (!write && !policy.private) return { ok: true };
  if (bearerMatches(token, r.authorization)) return { ok: true };
  // the cookie authorises a write only from a page of this server (browsers send Origin on fetch writes)
  if (hasSession(token, r.cookie) && (!write || r.origin !== undefined)) return { ok: true };
  return {
    ok: false,
    status: 401,
    message: write ? 'a valid bearer token is required for writes (Authorization: Bearer <token>)' : 'this server is private: sign in at /login, or send Authorization: Bearer <token>',
    login: !write && !r.path.startsWith('/api/'),
  };
}

/** Where to go after signing in: a path of this server only (no open redirect). */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])[^\s\\]*$/.test(next) ? next : '/';
}

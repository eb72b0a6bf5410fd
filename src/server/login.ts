/**
 * The sign-in form of a private server (`serve --private --token T`): the token typed once in a
 * form becomes an HttpOnly, SameSite=Strict session cookie (see auth.ts), which the UI pages and
 * the event stream carry. Only for a server with a token; a failed attempt is answered slowly.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { escapeHtml } from '../report/render.js';
import { type AccessPolicy, bearerMatches, clearedSessionCookie, safeNext, sessionCookie } from './auth.js';

type SendPage = (reply: FastifyReply, status: number, render: (nonce: string) => string) => FastifyReply;

/** Delay before answering a wrong token: slows guessing without holding the event loop. */
const FAILED_LOGIN_DELAY_MS = 400;

function loginPage(nonce: string, next: string, error: string | null): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Sign in · Triangulate</title>
<style nonce="${nonce}">body{font:15px/1.5 system-ui,sans-serif;max-width:28em;margin:4em auto;padding:0 1em}input{font:inherit;padding:4px}.error{color:#a00}</style>
</head><body><h1>Triangulate</h1>
<p>This server is private. Sign in with its token.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/login">
<input type="hidden" name="next" value="${escapeHtml(next)}">
<label>Token <input name="token" type="password" autocomplete="current-password" required autofocus></label>
<button type="submit">Sign in</button>
</form></body></html>`;
}

/** GET/POST /login and POST /logout, in their own scope (the form body parser is theirs only). */
export function loginRoutes(policy: AccessPolicy, sendPage: SendPage) {
  return async (scope: FastifyInstance) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });

    scope.get('/login', async (req: FastifyRequest<{ Querystring: { next?: string } }>, reply) => {
      if (!policy.token) return reply.code(303).header('Location', '/').send();
      return sendPage(reply, 200, (nonce) => loginPage(nonce, safeNext(req.query.next), null));
    });

    scope.post('/login', async (req, reply) => {
      const form = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
      const next = safeNext(form.next);
      const token = policy.token;
      if (!token) return reply.code(303).header('Location', next).send();
      const given = typeof form.token === 'string' ? form.token : '';
      if (!bearerMatches(token, `Bearer ${given}`)) {
        await new Promise((r) => setTimeout(r, FAILED_LOGIN_DELAY_MS));
        return sendPage(reply, 401, (nonce) => loginPage(nonce, next, 'That token is not right.'));
      }
      // behind a TLS proxy the cookie is sent over HTTPS only (a forged header only restricts the forger's own cookie)
      const secure = req.protocol === 'https' || req.headers['x-forwarded-proto'] === 'https';
      return reply.code(303).header('Set-Cookie', sessionCookie(token, secure)).header('Location', next).send();
    });

    scope.post('/logout', async (_req, reply) => reply.code(303).header('Set-Cookie', clearedSessionCookie()).header('Location', '/login').send());
  };
}

/**
 * Delivery of alerts to a webhook: one JSON POST per alert (`{ event: "triangulate.alert", alert }`
 * with the story, the conflict and the sentences), retried with exponential back-off on network
 * errors, 429 and 5xx (Retry-After honoured up to a minute). Never throws: the outcome says what
 * happened, and a failed delivery does not stop following.
 */
import { USER_AGENT, retryAfterMs } from '../follow/http.js';
import { sleep } from '../follow/limits.js';
import type { StoryAlert } from './detect.js';

export interface WebhookOptions {
  retries?: number;
  backoffMs?: number;
  timeoutMs?: number;
}

export async function postAlert(url: string, alert: StoryAlert, opts: WebhookOptions = {}): Promise<{ ok: boolean; attempts: number; detail: string }> {
  const retries = opts.retries ?? 4;
  const backoff = opts.backoffMs ?? 1000;
  const body = JSON.stringify({ event: 'triangulate.alert', alert });
  let detail = '';
  for (let attempt = 0; attempt <= retries; attempt++) {
    let wait = backoff * 2 ** attempt;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'User-Agent': USER_AGENT },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
      });
      await res.body?.cancel().catch(() => undefined);
      if (res.ok) return { ok: true, attempts: attempt + 1, detail: `HTTP ${res.status}` };
      detail = `HTTP ${res.status}`;
      if (res.status !== 429 && res.status < 500) return { ok: false, attempts: attempt + 1, detail };
      wait = Math.min(60_000, retryAfterMs(res.headers.get('retry-after')) ?? wait);
    } catch (e) {
      detail = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
    }
    if (attempt < retries) await sleep(wait);
  }
  return { ok: false, attempts: retries + 1, detail };
}

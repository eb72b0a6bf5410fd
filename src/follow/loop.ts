/**
 * Polling: rounds of the follower every `everyMs` (or one round), alerts delivered after each round
 * (webhook, retried), until the signal aborts. A round that throws is reported and the loop goes on.
 */
import type { StoryAlert } from '../alerts/detect.js';
import { postAlert, type WebhookOptions } from '../alerts/webhook.js';
import type { Follower, RoundReport } from './follower.js';

export interface LoopOptions {
  everyMs: number | null;
  webhook?: string | null;
  webhookOptions?: WebhookOptions;
  signal?: AbortSignal;
  onRound: (report: RoundReport) => void;
  onAlert?: (alert: StoryAlert) => void;
  onDelivery?: (alert: StoryAlert, result: { ok: boolean; attempts: number; detail: string }) => void;
  onError?: (e: Error) => void;
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

export async function followLoop(follower: Follower, urls: string[], opts: LoopOptions): Promise<number> {
  let rounds = 0;
  while (!opts.signal?.aborted) {
    const started = Date.now();
    try {
      const report = await follower.round(urls);
      rounds++;
      opts.onRound(report);
      for (const a of report.alerts) opts.onAlert?.(a);
      if (opts.webhook) {
        for (const a of report.alerts) opts.onDelivery?.(a, await postAlert(opts.webhook, a, opts.webhookOptions));
      }
    } catch (e) {
      opts.onError?.(e as Error);
    }
    if (opts.everyMs === null) break;
    await wait(Math.max(0, opts.everyMs - (Date.now() - started)), opts.signal);
  }
  return rounds;
}

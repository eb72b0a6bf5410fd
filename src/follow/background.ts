/**
 * `serve --follow FILE`: the server follows the listed sources in the background, through the
 * live stories (the same path as POST /api/articles), so that new articles, story changes and
 * alerts reach the web UI and `GET /api/events` (event `alert`) as they happen.
 */
import type { LiveStories } from '../server/live.js';
import { Follower, type FollowerOptions } from './follower.js';
import { followLoop } from './loop.js';
import { liveSink } from './sinks.js';
import { parseInterval, readSources } from './sources.js';

export interface BackgroundFollow {
  /** Resolves when the current round has finished and no other will start. */
  stop(): Promise<void>;
}

export function followInBackground(
  live: LiveStories,
  opts: { file: string; every?: string; webhook?: string; log: (line: string) => void; follower?: FollowerOptions },
): BackgroundFollow | string {
  const everyMs = parseInterval(opts.every ?? '15m');
  if (everyMs === null || everyMs < 1000) return `--every takes an interval of at least 1s such as 15m (got "${opts.every}")`;
  const { urls, problems } = readSources([opts.file]);
  for (const p of problems) opts.log(`triangulate serve: ${p}`);
  if (!urls.length) return `no source to follow in ${opts.file}`;
  const stop = new AbortController();
  const follower = new Follower(liveSink(live), opts.follower);
  const running = followLoop(follower, urls, {
    everyMs,
    webhook: opts.webhook ?? null,
    signal: stop.signal,
    onRound: (r) => {
      const failed = r.sources.filter((s) => s.status === 'error').length;
      const added = r.outcomes.filter((o) => o.status === 'new' || o.status === 'updated').length;
      opts.log(`triangulate serve: followed ${r.sources.length} sources (${failed} failing), ${added} new articles, ${r.alerts.length} alerts`);
    },
    onAlert: (alert) => live.emit('event', { type: 'alert', storyId: alert.storyId, alert }),
    onDelivery: (a, d) => {
      if (!d.ok) opts.log(`triangulate serve: webhook: alert on story ${a.storyId} not delivered (${d.detail})`);
    },
    onError: (e) => opts.log(`triangulate serve: follow round failed: ${e.message}`),
  });
  return {
    async stop() {
      stop.abort();
      await running;
    },
  };
}

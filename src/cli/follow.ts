/**
 * `triangulate follow <sources.txt|URL…> [--every 15m] [--db PATH] [--webhook URL] [--format json]`:
 * polls the sources and ingests what is new into the store the other commands use. One round
 * without --every; with it, rounds until interrupted. Prints a status line per source, a line per
 * new article and per alert (JSON Lines of round reports with --format json).
 */
import { alertLine } from '../alerts/detect.js';
import type { RoundReport } from '../follow/follower.js';
import { parseInterval, readSources } from '../follow/sources.js';

export interface FollowValues {
  db?: string;
  every?: string;
  webhook?: string;
  format?: string;
  quiet?: boolean;
  [k: string]: unknown;
}

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export function formatRound(r: RoundReport): string {
  const lines: string[] = [];
  for (const s of r.sources) {
    const mark = s.status === 'error' ? 'FAILED' : s.status === 'not-modified' ? 'unchanged' : 'ok';
    lines.push(`${mark.padEnd(9)} ${s.kind ?? '-'} ${s.url}${s.parent ? ` (from ${s.parent})` : ''}: ${s.detail}${s.newDocs ? `; ${s.newDocs} new in the store` : ''}`);
  }
  for (const o of r.outcomes) {
    if (o.status === 'failed') lines.push(`  failed  ${o.source}: ${o.reason ?? 'unknown reason'}`);
    else if (o.status !== 'known') lines.push(`  ${o.status.padEnd(7)} ${o.docId?.slice(0, 12)} ${o.source}${o.storyId ? ` → story ${o.storyId}` : ''}`);
    for (const w of o.warnings ?? []) if (/own content is used/.test(w)) lines.push(`          note: ${w}`);
  }
  for (const a of r.alerts) lines.push(alertLine(a));
  return `${lines.join('\n')}\n`;
}

export async function followCommand(inputs: string[], values: FollowValues, io: Io): Promise<number> {
  if (inputs.length === 0) {
    io.stderr('triangulate: follow needs a file listing sources or one or more URLs\n');
    return 1;
  }
  const everyMs = values.every !== undefined ? parseInterval(values.every) : null;
  if (values.every !== undefined && (everyMs === null || everyMs < 1000)) {
    io.stderr(`triangulate: --every takes an interval of at least 1s such as 15m, 30s, 1h (got "${values.every}")\n`);
    return 1;
  }
  if (values.webhook !== undefined && !/^https?:\/\//i.test(values.webhook)) {
    io.stderr('triangulate: --webhook takes an http(s) URL\n');
    return 1;
  }
  const { urls, problems } = readSources(inputs);
  for (const p of problems) io.stderr(`triangulate: ${p}\n`);
  if (urls.length === 0) {
    io.stderr('triangulate: no source to follow\n');
    return 2;
  }
  const [{ openStore, storeLocation }, { Follower }, { storeSink }, { followLoop }] = await Promise.all([
    import('../store/index.js'),
    import('../follow/follower.js'),
    import('../follow/sinks.js'),
    import('../follow/loop.js'),
  ]);
  const store = await openStore(storeLocation(values.db));
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let anyOk = false;
  try {
    const follower = new Follower(storeSink(store));
    await followLoop(follower, urls, {
      everyMs,
      webhook: values.webhook ?? null,
      signal: stop.signal,
      onRound: (r) => {
        if (r.sources.some((s) => s.status !== 'error')) anyOk = true;
        if (values.format === 'json') io.stdout(`${JSON.stringify(r)}\n`);
        else if (!values.quiet) io.stdout(formatRound(r));
      },
      onDelivery: (a, d) => {
        if (!d.ok) io.stderr(`triangulate: webhook: alert on story ${a.storyId} not delivered after ${d.attempts} attempts (${d.detail})\n`);
      },
      onError: (e) => io.stderr(`triangulate: follow round failed: ${e.message}\n`),
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await store.close();
  }
  return anyOk ? 0 : 2;
}

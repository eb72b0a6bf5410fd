import { type Dirent, readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { plural } from '../report/labels.js';

/**
 * The progress line of `analyze` on a terminal: done of total, rate and time left. The total is
 * the number of input files (a JSON Lines file or a feed holds several documents, so the count
 * of documents can pass it; then the line shows what is done and the rate only).
 */

/** Input files under the given paths (folders recursively, symbolic-link loops skipped), counted without reading them. */
export function countInputFiles(inputs: string[], cap = 1_000_000): number {
  let n = 0;
  const seen = new Set<string>();
  const walk = (path: string) => {
    if (n >= cap) return;
    let real: string;
    try {
      real = realpathSync(path);
    } catch {
      n++; // unreadable: it still yields one outcome (a failure)
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    let isDir: boolean;
    try {
      isDir = statSync(real).isDirectory();
    } catch {
      n++;
      return;
    }
    if (!isDir) {
      n++;
      return;
    }
    let entries: Dirent[];
    try {
      entries = readdirSync(real, { withFileTypes: true });
    } catch {
      n++;
      return;
    }
    for (const e of entries) if (!e.name.startsWith('.')) walk(join(path, e.name));
  };
  for (const input of inputs) {
    if (input === '-') n++;
    else walk(input);
  }
  return n;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const m = Math.floor(seconds / 60);
  if (m < 60) return `${m} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** One progress line: "[=====     ] 412 of 1,000 documents · 85/s · 7 s left". */
export function progressLine(done: number, total: number, elapsedMs: number, width = 24): string {
  const rate = done / Math.max(0.001, elapsedMs / 1000);
  const fmt = (x: number) => x.toLocaleString('en');
  if (total > 0 && done <= total) {
    const filled = Math.round((done / total) * width);
    const left = (total - done) / Math.max(rate, 1e-9);
    return `[${'='.repeat(filled)}${' '.repeat(width - filled)}] ${fmt(done)} of ${plural(total, 'document')} · ${Math.round(rate)}/s · ${duration(left)} left`;
  }
  return `${plural(done, 'document')} · ${Math.round(rate)}/s`;
}

/** Redraws the line at most ten times a second on stderr; shown only when `enabled` (a terminal) and past the first documents. */
export function progress(write: (s: string) => void, enabled: boolean, total: number, now: () => number = Date.now) {
  let last = 0;
  let drawn = false;
  const t0 = now();
  return {
    tick(done: number) {
      if (!enabled) return;
      const t = now();
      if (t - last < 100 || t - t0 < 300) return;
      last = t;
      drawn = true;
      write(`\r${progressLine(done, total, t - t0)}\x1b[K`);
    },
    end() {
      if (enabled && drawn) write('\r\x1b[K');
    },
  };
}

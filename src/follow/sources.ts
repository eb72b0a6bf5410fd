/** The sources to follow, from the command line: URLs, and files listing URLs (one a line, `#` comments). */
import { readFileSync } from 'node:fs';

export function isUrl(s: string): boolean {
  return /^https?:\/\/\S+$/i.test(s.trim());
}

/** The URLs of the arguments in order, without repeats; problems (unreadable files, bad lines) as messages. */
export function readSources(args: string[]): { urls: string[]; problems: string[] } {
  const urls: string[] = [];
  const problems: string[] = [];
  const add = (u: string) => {
    if (!urls.includes(u)) urls.push(u);
  };
  for (const arg of args) {
    if (isUrl(arg)) {
      add(arg.trim());
      continue;
    }
    let text: string;
    try {
      text = readFileSync(arg, 'utf8');
    } catch (e) {
      problems.push(`${arg}: cannot read the list of sources (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      continue;
    }
    text.split(/\r?\n/).forEach((raw, i) => {
      const line = raw.replace(/(^|\s)#.*$/, '').trim();
      if (!line) return;
      if (isUrl(line)) add(line);
      else problems.push(`${arg}:${i + 1}: not an http(s) URL: ${line}`);
    });
  }
  return { urls, problems };
}

/** "15m", "30s", "2h", "1d" or plain seconds, as milliseconds; null when not understood. */
export function parseInterval(s: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/i.exec(s);
  if (!m) return null;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[(m[2] ?? 's').toLowerCase() as 'ms' | 's' | 'm' | 'h' | 'd'];
  const ms = Number(m[1]) * unit;
  return ms > 0 ? ms : null;
}

/**
 * What the entity tagger costs a fresh process: `loadTagger()` (reading `models/entities.bin`),
 * wall and CPU time, and the time from process start to the first tagged sentence. Each figure is
 * the median over fresh child processes (page cache warm, nothing loaded).
 *
 *   npm run bench:entities-load [-- --runs 7] [--baseline DIR]
 *
 * --baseline DIR measures another checkout's tagger the same way (its `src/`, run under tsx), e.g.
 * a checkout from before a change of the model file. Writes bench/results/entities-load.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, child: { type: 'string' }, baseline: { type: 'string' } } });

interface Load {
  loadMs: number;
  cpuMs: number;
  firstMs: number;
}

/** One measurement in this (fresh) process, of the checkout at `root`; prints a JSON line. */
async function child(root: string) {
  const entities = await import(pathToFileURL(join(root, 'src/analyse/entities/index.ts')).href);
  const t = performance.now();
  const c = process.cpuUsage();
  entities.loadTagger();
  const d = process.cpuUsage(c);
  const loadMs = performance.now() - t;
  const text = 'Officials in Moscow said on Monday that Vladimir Putin would meet Xi Jinping.';
  entities.recogniseEntities(text, [{ start: 0, end: text.length }]);
  const firstMs = performance.now(); // since process start (performance.timeOrigin)
  console.log(JSON.stringify({ loadMs, cpuMs: (d.user + d.system) / 1000, firstMs }));
}

function run(root: string): Load {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/entities-load.ts', '--child', root], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as Load;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function measure(root: string, runs: number) {
  const rs = Array.from({ length: runs }, () => run(root));
  return { loadMs: median(rs.map((r) => r.loadMs)), cpuMs: median(rs.map((r) => r.cpuMs)), firstMs: median(rs.map((r) => r.firstMs)) };
}

if (values.child) {
  await child(values.child);
} else {
  const runs = Number(values.runs);
  const rows: [string, ReturnType<typeof measure>][] = [['this checkout', measure(resolve('.'), runs)]];
  if (values.baseline) rows.push([`baseline ${values.baseline}`, measure(resolve(values.baseline), runs)]);
  console.log(`entity tagger load, median of ${runs} fresh processes`);
  console.log(['checkout', 'load ms (wall)', 'load ms (CPU)', 'start → first tagged sentence ms'].join(' | '));
  for (const [name, r] of rows) console.log([name, r.loadMs.toFixed(0), r.cpuMs.toFixed(0), r.firstMs.toFixed(0)].join(' | '));
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/entities-load.json', JSON.stringify({ runs, rows: Object.fromEntries(rows) }, null, 2) + '\n');
}

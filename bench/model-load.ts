/**
 * The harness of the model-load benches (`bench:entities-load`, `bench:attrib-load`): what a model
 * costs a fresh process — its load, wall and CPU time, and the time from process start to its
 * first use. Each figure is the median over fresh child processes (page cache warm, nothing
 * loaded). `--baseline DIR` measures another checkout the same way (its `src/`, run under tsx),
 * e.g. one from before a change of the model file; runs alternate between the checkouts, so that a
 * change of load on a shared machine hits both alike.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/** A checkout's module, loaded by URL (untyped: the baseline's exports may differ from this checkout's). */
const importUrl = (href: string) => import(href);
type CheckoutModule = Awaited<ReturnType<typeof importUrl>>;

export interface ModelLoadBench {
  /** The model as the table names it ("entity tagger"). */
  what: string;
  /** The bench's own file, run again as the child, and the name of its results file. */
  script: string;
  results: string;
  defaultRuns: number;
  /** In the child: imports the checkout's modules and returns the load and the first use to time. */
  prepare(imp: (path: string) => Promise<CheckoutModule>): Promise<{ load(): void; firstUse(): void }>;
}

interface Load {
  loadMs: number;
  cpuMs: number;
  firstMs: number;
}

/** One measurement in this (fresh) process, of the checkout at `root`; prints a JSON line. */
async function child(bench: ModelLoadBench, root: string) {
  const { load, firstUse } = await bench.prepare((path) => importUrl(pathToFileURL(join(root, path)).href));
  const t = performance.now();
  const c = process.cpuUsage();
  load();
  const d = process.cpuUsage(c);
  const loadMs = performance.now() - t;
  firstUse();
  const firstMs = performance.now(); // since process start (performance.timeOrigin)
  console.log(JSON.stringify({ loadMs, cpuMs: (d.user + d.system) / 1000, firstMs }));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function measure(bench: ModelLoadBench, roots: string[], runs: number) {
  const run = (root: string): Load => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', bench.script, '--child', root], { encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').pop()!) as Load;
  };
  const all = roots.map(() => [] as Load[]);
  for (let i = 0; i < runs; i++) roots.forEach((root, k) => all[k].push(run(root)));
  return all.map((rs) => ({ loadMs: median(rs.map((r) => r.loadMs)), cpuMs: median(rs.map((r) => r.cpuMs)), firstMs: median(rs.map((r) => r.firstMs)) }));
}

/** The bench's main: the child's measurement, or the table of medians and its JSON in bench/results. */
export async function modelLoadBench(bench: ModelLoadBench): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: String(bench.defaultRuns) }, child: { type: 'string' }, baseline: { type: 'string' } } });
  if (values.child) return child(bench, values.child);
  const runs = Number(values.runs);
  const names = ['this checkout', ...(values.baseline ? [`baseline ${values.baseline}`] : [])];
  const figures = measure(bench, [resolve('.'), ...(values.baseline ? [resolve(values.baseline)] : [])], runs);
  const rows = names.map((name, k) => [name, figures[k]] as const);
  console.log(`${bench.what} load, median of ${runs} fresh processes`);
  console.log(['checkout', 'load ms (wall)', 'load ms (CPU)', 'start → first use ms'].join(' | '));
  for (const [name, r] of rows) console.log([name, r.loadMs.toFixed(0), r.cpuMs.toFixed(0), r.firstMs.toFixed(0)].join(' | '));
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/${bench.results}.json`, JSON.stringify({ runs, rows: Object.fromEntries(rows) }, null, 2) + '\n');
}

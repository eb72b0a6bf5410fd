/**
 * What the attribution tagger costs a fresh process: `loadAttributionTagger()` (reading
 * `models/attrib.bin`), wall and CPU time, and the time from process start to the first tagged
 * sentence. Each figure is the median over fresh child processes (page cache warm, nothing loaded).
 *
 *   node --import tsx bench/attrib-load.ts [--runs 9] [--baseline DIR]
 *
 * --baseline DIR measures another checkout's tagger the same way (its `src/`, run under tsx), e.g.
 * a checkout from before a change of the model file. Writes bench/results/attrib-load.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' }, child: { type: 'string' }, baseline: { type: 'string' } } });

interface Load {
  loadMs: number;
  cpuMs: number;
  firstMs: number;
}

/** One measurement in this (fresh) process, of the checkout at `root`; prints a JSON line. */
async function child(root: string) {
  const attribution = await import(pathToFileURL(join(root, 'src/analyse/attribution/index.ts')).href);
  const { tokenize } = await import(pathToFileURL(join(root, 'src/analyse/tokenize.ts')).href);
  const t = performance.now();
  const c = process.cpuUsage();
  if (!attribution.loadAttributionTagger()) throw new Error(`no attribution model in ${root}`);
  const d = process.cpuUsage(c);
  const loadMs = performance.now() - t;
  const text = 'Officials in Moscow said on Monday that the talks would resume next week.';
  const toks = tokenize(text);
  attribution.tagAttributions(text, toks, [{ lo: 0, hi: toks.length }], [], []);
  const firstMs = performance.now(); // since process start (performance.timeOrigin)
  console.log(JSON.stringify({ loadMs, cpuMs: (d.user + d.system) / 1000, firstMs }));
}

function run(root: string): Load {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/attrib-load.ts', '--child', root], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as Load;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs alternate between the checkouts, so that a change of load on a shared machine hits both alike. */
function measure(roots: string[], runs: number) {
  const all = roots.map(() => [] as Load[]);
  for (let i = 0; i < runs; i++) roots.forEach((root, k) => all[k].push(run(root)));
  return all.map((rs) => ({ loadMs: median(rs.map((r) => r.loadMs)), cpuMs: median(rs.map((r) => r.cpuMs)), firstMs: median(rs.map((r) => r.firstMs)) }));
}

if (values.child) {
  await child(values.child);
} else {
  const runs = Number(values.runs);
  const names = ['this checkout', ...(values.baseline ? [`baseline ${values.baseline}`] : [])];
  const figures = measure([resolve('.'), ...(values.baseline ? [resolve(values.baseline)] : [])], runs);
  const rows = names.map((name, k) => [name, figures[k]] as const);
  console.log(`attribution tagger load, median of ${runs} fresh processes`);
  console.log(['checkout', 'load ms (wall)', 'load ms (CPU)', 'start → first tagged sentence ms'].join(' | '));
  for (const [name, r] of rows) console.log([name, r.loadMs.toFixed(0), r.cpuMs.toFixed(0), r.firstMs.toFixed(0)].join(' | '));
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/attrib-load.json', JSON.stringify({ runs, rows: Object.fromEntries(rows) }, null, 2) + '\n');
}

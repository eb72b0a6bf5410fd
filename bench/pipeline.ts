/**
 * bench:pipeline — the whole pipeline (ingest → extract → analyse → story features → store →
 * stories → report) on the seeds and on the 840 PolNeAR training texts, each run in a fresh
 * child process of the built CLI code, so peak RSS and start-up are those a user sees.
 * Reports documents/s, per-stage time, peak RSS, and CLI start-up time (process start to first
 * output). Medians of repeats; absolute times are noisy on shared machines.
 *
 *   npm run bench:pipeline [-- --repeats N]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '..');
const shared = resolve(root, '..', 'shared');
const bin = join(root, 'bin', 'triangulate.js');
const { values } = parseArgs({ options: { repeats: { type: 'string', default: '5' }, child: { type: 'string' } } });

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

if (values.child) {
  // Child mode: one pipeline run in this process, result as JSON on stdout.
  const t0 = performance.now();
  const { SqliteStore: Store } = await import(join(root, 'dist/store/sqlite/store.js'));
  const { ingestIntoStore, updateStories } = await import(join(root, 'dist/pipeline.js'));
  const { buildReport } = await import(join(root, 'dist/report/build.js'));
  const { reportExtras } = await import(join(root, 'dist/report/sections.js'));
  const tLoad = performance.now() - t0;
  const store = new Store(':memory:');
  const t1 = performance.now();
  const run = await ingestIntoStore(store, [values.child]);
  const t2 = performance.now();
  const groups = await updateStories(store);
  const t3 = performance.now();
  const report = await buildReport(store, run, groups, reportExtras());
  const t4 = performance.now();
  let words = 0;
  for (const id of run.docIds as string[]) words += (await store.getArticle(id))?.text.split(/\s+/).length ?? 0;
  process.stdout.write(
    JSON.stringify({
      docs: run.docIds.length,
      failed: run.counts.failed,
      stories: report.stories.length,
      load: tLoad,
      stages: { ...run.timings, stories: t3 - t2, report: t4 - t3 },
      analysers: run.analysers,
      words,
      total: t4 - t1,
      maxRssMB: process.resourceUsage().maxRSS / 1024,
    }),
  );
  process.exit(0);
}

if (!existsSync(join(root, 'dist/cli/main.js'))) {
  console.error('build first: npm run build');
  process.exit(1);
}
const repeats = Math.max(1, Number(values.repeats));

function timeCli(args: string[]): { wall: number; firstOutput: number; code: number | null } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root });
  const wall = performance.now() - t0;
  return { wall, firstOutput: wall, code: r.status };
}

// Start-up: process start to first output (`--version` prints as soon as the CLI module is loaded).
const startup = median(Array.from({ length: repeats * 2 }, () => timeCli(['--version']).firstOutput));
const nodeBare = median(Array.from({ length: repeats * 2 }, () => {
  const t0 = performance.now();
  spawnSync(process.execPath, ['-e', 'process.stdout.write("x")']);
  return performance.now() - t0;
}));
// Seeds end to end through the CLI, fresh in-memory store each time.
const seedsWall = Array.from({ length: repeats }, () => timeCli(['analyze', join(shared, 'seeds'), '--db', ':memory:', '--quiet']).wall);

const corpora = [
  ['seeds', join(shared, 'seeds')],
  ['polnear-train', join(shared, 'data/attribution/polnear/train/text')],
] as const;
const rows: Record<string, unknown>[] = [];
for (const [name, path] of corpora) {
  const runs = Array.from({ length: name === 'seeds' ? repeats : Math.min(3, repeats) }, () => {
    const r = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'bench/pipeline.ts'), '--child', path], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout);
  });
  const stageNames = Object.keys(runs[0].stages);
  const stages = Object.fromEntries(stageNames.map((k) => [k, median(runs.map((x) => x.stages[k]))]));
  const total = median(runs.map((x) => x.total));
  const analysers = Object.fromEntries(Object.keys(runs[0].analysers).map((k) => [k, median(runs.map((x) => x.analysers[k]))]));
  const threeMs = analysers.quotes + analysers.times + analysers.quantities;
  rows.push({
    corpus: name,
    docs: runs[0].docs,
    wordsPerDoc: Math.round(runs[0].words / Math.max(1, runs[0].docs)),
    failed: runs[0].failed,
    stories: runs[0].stories,
    totalMs: total,
    docsPerSec: (runs[0].docs / total) * 1000,
    stages,
    analysers,
    quotesTimesQuantitiesDocsPerSec: (runs[0].docs / threeMs) * 1000,
    entitiesDocsPerSec: (runs[0].docs / analysers.entities) * 1000,
    peakRssMB: Math.max(...runs.map((x) => x.maxRssMB)),
    runs: runs.length,
  });
}

console.log('\nbench:pipeline (medians)');
console.log(`CLI start-up to first output: ${startup.toFixed(0)} ms (bare node: ${nodeBare.toFixed(0)} ms, ratio ${(startup / nodeBare).toFixed(2)})`);
console.log(`seeds through the CLI, wall incl. start-up: ${median(seedsWall).toFixed(0)} ms (target < 1000 ms), over ${repeats} runs`);
console.log('');
const stageKeys = Object.keys((rows[0] as { stages: Record<string, number> }).stages);
console.log(['corpus', 'docs', 'failed', 'stories', 'docs/s', 'peak RSS MB', ...stageKeys.map((k) => `${k} ms`)].join('\t'));
type Row = { corpus: string; docs: number; wordsPerDoc: number; failed: number; stories: number; docsPerSec: number; peakRssMB: number; stages: Record<string, number>; analysers: Record<string, number>; quotesTimesQuantitiesDocsPerSec: number; entitiesDocsPerSec: number };
for (const r of rows as Row[]) {
  console.log([r.corpus, r.docs, r.failed, r.stories, r.docsPerSec.toFixed(0), r.peakRssMB.toFixed(0), ...stageKeys.map((k) => r.stages[k].toFixed(1))].join('\t'));
}
console.log('\nanalysers (ms in total; articles/s of one core)');
console.log(['corpus', 'words/doc', ...Object.keys((rows[0] as Row).analysers).map((k) => `${k} ms`), 'quotes+times+quantities docs/s', 'entities docs/s'].join('\t'));
for (const r of rows as Row[]) {
  console.log([r.corpus, r.wordsPerDoc, ...Object.values(r.analysers).map((v) => v.toFixed(1)), r.quotesTimesQuantitiesDocsPerSec.toFixed(0), r.entitiesDocsPerSec.toFixed(0)].join('\t'));
}
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(
  join(root, 'bench/results/pipeline.json'),
  `${JSON.stringify({ date: new Date().toISOString(), repeats, startupMs: startup, bareNodeMs: nodeBare, seedsCliWallMs: median(seedsWall), corpora: rows }, null, 2)}\n`,
);
console.log('\nwrote bench/results/pipeline.json');

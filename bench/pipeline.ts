/**
 * bench:pipeline — the whole pipeline (ingest → extract → analyse → story features → store →
 * stories → report) with `--jobs 1` and `--jobs 2` side by side, on:
 * - the seeds, through the CLI (wall time including start-up, target under 1 s);
 * - PolNeAR train (840 real articles, ../shared/data/attribution/polnear/train/text);
 * - a SYNTHETIC stream (default 10,000 articles, `--synthetic N`): PolNeAR train and dev texts reused
 *   as JSON Lines records with new ids, outlets and dates, each marked as synthetic in its text.
 * Each run is a fresh child process of the built code (dist/) on an in-memory store, so CPU, peak
 * RSS and start-up are what a user sees. Per corpus and job count: articles/s, CPU ms per article
 * (every thread), per-stage share of the stage time, each analyser's wall time per article (summed
 * over threads: parse = the syntax component), peak RSS, lean report.json size per article; medians
 * of repeats and the ratio of two jobs to one. Last, the ceiling the parser alone sets at a target
 * rate (`--target`, default 150 articles/s) against the cores: the parser's CPU per article is
 * estimated as its share of the one-job run's stage time times that run's CPU per article (the
 * stages are timed by the wall clock, which runs ahead of the CPU on a loaded machine).
 * JSON to bench/results/pipeline.json.
 *
 *   npm run bench:pipeline [-- --repeats 3 --synthetic 10000 --jobs 1,2 --target 150]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '..');
const shared = resolve(root, '..', 'shared');
const bin = join(root, 'bin', 'triangulate.js');
const { values } = parseArgs({
  options: {
    repeats: { type: 'string', default: '3' },
    synthetic: { type: 'string', default: '10000' },
    jobs: { type: 'string', default: '1,2' },
    corpora: { type: 'string', default: 'seeds,polnear-train,synthetic' },
    target: { type: 'string', default: '150' },
    child: { type: 'string' },
    'child-jobs': { type: 'string' },
  },
});

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
  const { reportJson } = await import(join(root, 'dist/report/detail.js'));
  const tLoad = performance.now() - t0;
  const store = new Store(':memory:');
  const t1 = performance.now();
  const run = await ingestIntoStore(store, [values.child], { jobs: Number(values['child-jobs'] ?? 1) });
  const t2 = performance.now();
  const groups = await updateStories(store);
  const t3 = performance.now();
  const report = await buildReport(store, run, groups, reportExtras());
  const t4 = performance.now();
  const reportBytes = Buffer.byteLength(reportJson(report, 'lean'));
  const inReport = report.stories.reduce((t: number, s: { articles: unknown[] }) => t + s.articles.length, 0);
  const ru = process.resourceUsage();
  process.stdout.write(
    JSON.stringify({
      docs: run.docIds.length,
      failed: run.counts.failed,
      stories: report.stories.length,
      load: tLoad,
      ingestWall: t2 - t1,
      stages: { ...run.timings, stories: t3 - t2, report: t4 - t3 },
      analysers: run.analysers,
      total: t4 - t1,
      cpuMs: (ru.userCPUTime + ru.systemCPUTime) / 1000,
      maxRssMB: ru.maxRSS / 1024,
      reportBytesPerArticle: reportBytes / Math.max(1, inReport),
    }),
  );
  process.exit(0);
}

if (!existsSync(join(root, 'dist/cli/main.js'))) {
  console.error('build first: npm run build');
  process.exit(1);
}
const repeats = Math.max(1, Number(values.repeats));
const jobCounts = values.jobs!.split(',').map(Number);

/** The synthetic stream: real PolNeAR texts as JSON Lines records, each a new document, marked synthetic. */
function syntheticStream(n: number): string {
  const path = join(tmpdir(), `triangulate-bench-synthetic-${n}.jsonl`);
  if (existsSync(path)) return path;
  const texts = ['train', 'dev'].flatMap((split) => {
    const dir = join(shared, 'data/attribution/polnear', split, 'text');
    return readdirSync(dir).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
  });
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const t = texts[i % texts.length];
    const nl = t.indexOf('\n');
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(JSON.stringify({ id: `synthetic-${i}`, title: t.slice(0, nl > 0 ? nl : 80).trim(), text: `${t.slice(nl + 1)}\n\n(Synthetic benchmark copy ${i}.)`, outlet: `Synthetic outlet ${i % 50}`, published: `2016-10-${day}` }));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

function timeCli(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root });
  if (r.status !== 0) throw new Error(r.stderr);
  return performance.now() - t0;
}

function childRun(path: string, jobs: number) {
  const r = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'bench/pipeline.ts'), '--child', path, '--child-jobs', String(jobs)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

const startup = median(Array.from({ length: repeats * 2 }, () => timeCli(['--version'])));
const corpora: [string, string][] = [];
for (const name of values.corpora!.split(',')) {
  if (name === 'seeds') corpora.push([name, join(shared, 'seeds')]);
  else if (name === 'polnear-train') corpora.push([name, join(shared, 'data/attribution/polnear/train/text')]);
  else if (name === 'synthetic') corpora.push([`synthetic-${values.synthetic} (SYNTHETIC)`, syntheticStream(Number(values.synthetic))]);
}

const rows: Record<string, unknown>[] = [];
for (const [name, path] of corpora) {
  for (const jobs of jobCounts) {
    const seedsCli = name === 'seeds' ? median(Array.from({ length: repeats }, () => timeCli(['analyze', path, '--db', ':memory:', '--quiet', '--jobs', String(jobs)]))) : null;
    const runs = Array.from({ length: repeats }, () => childRun(path, jobs));
    const stageNames = Object.keys(runs[0].stages);
    const stages = Object.fromEntries(stageNames.map((k) => [k, median(runs.map((x) => x.stages[k]))]));
    const stageTotal = Object.values(stages).reduce((a, b) => a + b, 0);
    const total = median(runs.map((x) => x.total));
    const docs = runs[0].docs;
    rows.push({
      corpus: name,
      jobs,
      docs,
      failed: runs[0].failed,
      stories: runs[0].stories,
      totalMs: total,
      articlesPerSec: (docs / total) * 1000,
      ingestArticlesPerSec: (docs / median(runs.map((x) => x.ingestWall))) * 1000,
      cpuMsPerArticle: median(runs.map((x) => x.cpuMs)) / Math.max(1, docs),
      stageShare: Object.fromEntries(stageNames.map((k) => [k, stages[k] / stageTotal])),
      stagesMs: stages,
      // each analyser's ms per article, summed over the threads that ran it (model loads included)
      analyserMsPerArticle: Object.fromEntries(Object.keys(runs[0].analysers).map((k) => [k, median(runs.map((x) => x.analysers[k])) / Math.max(1, docs)])),
      peakRssMB: Math.max(...runs.map((x) => x.maxRssMB)),
      reportKBPerArticle: median(runs.map((x) => x.reportBytesPerArticle)) / 1024,
      seedsCliWallMs: seedsCli,
      runs: runs.length,
    });
  }
}

type Row = {
  corpus: string;
  jobs: number;
  docs: number;
  articlesPerSec: number;
  ingestArticlesPerSec: number;
  cpuMsPerArticle: number;
  peakRssMB: number;
  reportKBPerArticle: number;
  stageShare: Record<string, number>;
  stagesMs: Record<string, number>;
  analyserMsPerArticle: Record<string, number>;
  seedsCliWallMs: number | null;
};
const typed = rows as Row[];
for (const r of typed) {
  const one = typed.find((x) => x.corpus === r.corpus && x.jobs === 1);
  (r as Row & { speedupVsOneJob?: number }).speedupVsOneJob = one ? r.articlesPerSec / one.articlesPerSec : undefined;
}
console.log(`\nbench:pipeline (medians of ${repeats} runs; load average ${loadavg()[0].toFixed(1)} on ${(await import('node:os')).availableParallelism()} cores)`);
console.log(`CLI start-up to first output (--version): ${startup.toFixed(0)} ms`);
const stageKeys = Object.keys(typed[0].stageShare);
console.log(['corpus', 'jobs', 'docs', 'articles/s', 'x one job', 'ingest art/s', 'CPU ms/article', 'peak RSS MB', 'report KB/article', 'seeds CLI ms', ...stageKeys.map((k) => `${k} %`)].join('\t'));
for (const r of typed) {
  const x = (r as Row & { speedupVsOneJob?: number }).speedupVsOneJob;
  console.log(
    [r.corpus, r.jobs, r.docs, r.articlesPerSec.toFixed(1), x ? x.toFixed(2) : '', r.ingestArticlesPerSec.toFixed(1), r.cpuMsPerArticle.toFixed(1), r.peakRssMB.toFixed(0), r.reportKBPerArticle.toFixed(1), r.seedsCliWallMs?.toFixed(0) ?? '', ...stageKeys.map((k) => (100 * r.stageShare[k]).toFixed(1))].join('\t'),
  );
}
const analyserKeys = Object.keys(typed[0].analyserMsPerArticle);
console.log(`\nanalysers, wall ms per article (summed over threads)\n${['corpus', 'jobs', ...analyserKeys].join('\t')}`);
for (const r of typed) console.log([r.corpus, r.jobs, ...analyserKeys.map((k) => r.analyserMsPerArticle[k].toFixed(2))].join('\t'));
// the ceiling: what the parser alone needs at the target rate, against the cores there are
const target = Number(values.target);
const cores = (await import('node:os')).availableParallelism();
for (const r of typed.filter((x) => x.jobs === 1 && !x.corpus.startsWith('seeds'))) {
  const stageMs = Object.values(r.stagesMs).reduce((a, b) => a + b, 0);
  const parse = ((r.analyserMsPerArticle.syntax * r.docs) / stageMs) * r.cpuMsPerArticle;
  const budget = (1000 * cores) / target;
  console.log(
    `${r.corpus}: at ${target} articles/s on ${cores} cores an article may cost ${budget.toFixed(1)} CPU-ms; the parser alone costs about ${parse.toFixed(1)} (${((100 * r.analyserMsPerArticle.syntax * r.docs) / stageMs).toFixed(0)} % of the stage time; ${((100 * parse) / budget).toFixed(0)} % of it), the whole pipeline ${r.cpuMsPerArticle.toFixed(1)} (${((r.cpuMsPerArticle / budget) * 100).toFixed(0)} %); with this pipeline the ceiling is ${((1000 * cores) / r.cpuMsPerArticle).toFixed(0)} articles/s, with the parser alone ${((1000 * cores) / parse).toFixed(0)}`,
  );
}
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/pipeline.json'), `${JSON.stringify({ date: new Date().toISOString(), repeats, loadAverage: loadavg()[0], startupMs: startup, corpora: rows }, null, 2)}\n`);
console.log('\nwrote bench/results/pipeline.json');

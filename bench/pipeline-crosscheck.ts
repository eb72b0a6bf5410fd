/**
 * npm run bench:pipeline:crosscheck — how the cost of one story's cross-check grows with the
 * story: crossCheckStory on 100, 250, 500 and 1,000 articles (target: 1,000 in under 5 s), wall
 * and CPU time (CPU is what a loaded machine does not distort; the growth exponent is of CPU).
 *
 * Two kinds of story, both labelled:
 * - `mixed`: real PolNeAR articles (train + dev, 924 political news texts of 2016) taken as one
 *   story: many statements, few of them shared, the usual case of a large grouping (a size above
 *   the 923 that analyse runs the whole pool, labelled with its real count);
 * - `copies` (SYNTHETIC from real text): 100 PolNeAR articles each repeated as lightly edited copies
 *   (a sentence dropped, a number changed) up to the size, the flood of syndicated near-copies that
 *   large real stories are made of.
 * The articles are analysed once (cached in a SQLite store under the system's temp directory,
 * through `ingestIntoStore` with every core); only the cross-check is timed. Medians of repeats,
 * the CPU time of each phase (prepare, align, conflicts, facts, quotes, framing, timeline, brief),
 * the fact alignment's work counts and its CPU by part (scorer, search, link, facts), the garbage
 * collector's pauses and their wall time,
 * the growth exponent between sizes (1 = linear) and a hash of each report (the same articles must
 * give the same report). The target is judged on the largest story of each kind, wall and CPU;
 * when it is not met the bench says FAIL and exits with code 1 (`pass: false` in the JSON).
 *
 *   npm run bench:pipeline:crosscheck [-- --repeats 3 --sizes 100,250,500,1000 --db PATH]
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { type AlignmentCounts, noAlignmentCounts } from '../src/compare/facts.js';
import { type CrossCheckTimings, crossCheckStory } from '../src/compare/index.js';
import { polnearPool, storyOf } from './crosscheck-stories.js';

const ROOT = resolve(import.meta.dirname, '..');
// --db PATH: the analysed articles' store (default: one under the system's temp directory, shared by
// every run on the machine; a private copy keeps another session's rebuild out of a measurement)
const { values } = parseArgs({
  options: { repeats: { type: 'string', default: '3' }, sizes: { type: 'string', default: '100,250,500,1000' }, db: { type: 'string', default: join(tmpdir(), 'triangulate-bench-crosscheck.db') } },
});
const repeats = Math.max(1, Number(values.repeats));
const sizes = values.sizes!.split(',').map(Number);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

const pool = await polnearPool(resolve(values.db!));
const rows: Record<string, number | string>[] = [];
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const loadBefore = loadavg()[0];
// garbage collection during each run (pauses and their wall time; the observer reports after the
// run, once the event loop turns): a large story allocates gigabytes, mostly objects that live as
// long as the story, so young-generation collections copy much of what they meet
const gc = { pauses: 0, ms: 0 };
const gcObserver = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    gc.pauses++;
    gc.ms += e.duration;
  }
});
gcObserver.observe({ entryTypes: ['gc'] });
const PHASES = ['prepare', 'align', 'conflicts', 'facts', 'quotes', 'framing', 'timeline', 'brief'] as const;
// the fact alignment's work (AlignmentCounts), each with its growth exponent: which part grows faster than the story
const WORK = ['nodes', 'postingsRead', 'pairsMet', 'pairsScored', 'edges', 'merges', 'averages', 'averagePairs', 'refusedPairs', 'similarities', 'unaveraged'] as const;
// the alignment's CPU by part (AlignmentCounts.cpu): where the align phase's time goes
const ALIGN_PARTS = ['scorer', 'search', 'link', 'facts'] as const;
for (const kind of ['mixed', 'copies'] as const) {
  // the mixed story has as many articles as the pool (923): a larger size runs the whole pool once
  const kindSizes = kind === 'mixed' ? [...new Set(sizes.map((n) => Math.min(n, pool.length)))] : sizes;
  for (const n of kindSizes) {
    const articles = storyOf(kind, pool, n);
    const wall: number[] = [];
    const cpu: number[] = [];
    const phases = Object.fromEntries(PHASES.map((p) => [p, [] as number[]])) as Record<(typeof PHASES)[number], number[]>;
    const digests = new Set<string>();
    const gcMs: number[] = [];
    const gcPauses: number[] = [];
    const alignParts = Object.fromEntries(ALIGN_PARTS.map((p) => [p, [] as number[]])) as Record<(typeof ALIGN_PARTS)[number], number[]>;
    let facts = 0;
    let conflicts = 0;
    // the alignment's work, the same each run (it depends on the articles only)
    let work: AlignmentCounts = noAlignmentCounts();
    for (let r = 0; r < repeats; r++) {
      const timings: CrossCheckTimings = { prepare: 0, align: 0, conflicts: 0, facts: 0, quotes: 0, framing: 0, timeline: 0, brief: 0 };
      await new Promise((r) => setTimeout(r, 10));
      gc.pauses = gc.ms = 0;
      const t0 = performance.now();
      const c0 = cpuMs();
      work = noAlignmentCounts();
      const cc = crossCheckStory({ storyId: 'bench', articles, copies: [] }, timings, work);
      cpu.push(cpuMs() - c0);
      wall.push(performance.now() - t0);
      for (const p of PHASES) phases[p].push(timings[p]);
      for (const p of ALIGN_PARTS) alignParts[p].push(work.cpu[p]);
      await new Promise((r) => setTimeout(r, 10));
      gcMs.push(gc.ms);
      gcPauses.push(gc.pauses);
      facts = cc.facts.length;
      conflicts = cc.conflicts.length;
      // the report's hash: the same articles give the same report, run after run and version after version
      digests.add(createHash('sha256').update(JSON.stringify(cc)).digest('hex').slice(0, 16));
    }
    if (digests.size > 1) throw new Error(`${kind} ${n}: the cross-check gave ${digests.size} different reports for the same articles`);
    rows.push({
      kind,
      articles: n,
      sentences: articles.reduce((t, a) => t + a.sentences.length, 0),
      crossCheckMs: +median(wall).toFixed(0),
      crossCheckCpuMs: +median(cpu).toFixed(0),
      ...Object.fromEntries(PHASES.map((p) => [`${p}CpuMs`, +median(phases[p]).toFixed(0)])),
      gcWallMs: +median(gcMs).toFixed(0),
      gcPauses: median(gcPauses),
      facts,
      conflicts,
      reportDigest: [...digests][0],
      ...Object.fromEntries(WORK.map((w) => [w, work[w]])),
      ...Object.fromEntries(ALIGN_PARTS.map((p) => [`align.${p}CpuMs`, +median(alignParts[p]).toFixed(0)])),
    });
  }
}
gcObserver.disconnect();
// growth exponent between consecutive sizes: log(t2/t1) / log(n2/n1)
for (let i = 1; i < rows.length; i++) {
  if (rows[i].kind !== rows[i - 1].kind) continue;
  rows[i].exponent = +(Math.log(Number(rows[i].crossCheckCpuMs) / Number(rows[i - 1].crossCheckCpuMs)) / Math.log(Number(rows[i].articles) / Number(rows[i - 1].articles))).toFixed(2);
}
console.log('\nbench:pipeline:crosscheck (medians of', repeats, 'runs; copies = SYNTHETIC near-copies of real articles; phases in CPU ms)');
console.log(['story', 'articles', 'sentences', 'wall ms', 'CPU ms', ...PHASES, 'GC wall ms', 'GC pauses', 'growth exponent (CPU)', 'facts', 'conflicts', 'report'].join('\t'));
for (const r of rows) console.log([r.kind, r.articles, r.sentences, r.crossCheckMs, r.crossCheckCpuMs, ...PHASES.map((p) => r[`${p}CpuMs`]), r.gcWallMs, r.gcPauses, r.exponent ?? '', r.facts, r.conflicts, r.reportDigest].join('\t'));
// the alignment's work by size, and how fast each count grows (exponent over the articles, as above;
// above 1: faster than the story)
const growth = (i: number, w: string) => (i > 0 && rows[i].kind === rows[i - 1].kind ? ` (${(Math.log(Number(rows[i][w]) / Number(rows[i - 1][w])) / Math.log(Number(rows[i].articles) / Number(rows[i - 1].articles))).toFixed(2)})` : '');
console.log('\nfact alignment work (growth exponent from the size before)');
console.log(['story', 'articles', ...WORK].join('\t'));
rows.forEach((r, i) => console.log([r.kind, r.articles, ...WORK.map((w) => `${r[w]}${growth(i, w)}`)].join('\t')));
console.log('\nfact alignment CPU ms by part (growth exponent from the size before)');
console.log(['story', 'articles', ...ALIGN_PARTS].join('\t'));
rows.forEach((r, i) => console.log([r.kind, r.articles, ...ALIGN_PARTS.map((p) => `${r[`align.${p}CpuMs`]}${growth(i, `align.${p}CpuMs`)}`)].join('\t')));
// The target (a 1,000-article story in under 5 s) is judged on the largest story of each kind that
// was run (the mixed pool has 923 articles), on wall time and on CPU time both: wall time on a
// loaded machine overstates the cost, CPU time alone would hide work that waits.
const TARGET = { articles: 1000, maxMs: 5000 };
const judged = (['mixed', 'copies'] as const).map((k) => rows.filter((r) => r.kind === k).sort((a, b) => Number(b.articles) - Number(a.articles))[0]).filter((r) => r && Number(r.articles) >= 900);
const failures = judged.filter((r) => Number(r.crossCheckMs) >= TARGET.maxMs || Number(r.crossCheckCpuMs) >= TARGET.maxMs).map((r) => `${r.kind} ${r.articles} articles: ${r.crossCheckMs} ms wall, ${r.crossCheckCpuMs} ms CPU`);
const pass = judged.length === 2 && failures.length === 0;
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(
  join(ROOT, 'bench/results/pipeline-crosscheck.json'),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, repeats, loadAverage: { before: loadBefore, after: loadavg()[0] }, target: { ...TARGET, judgedOn: 'the largest story of each kind run (mixed: 923 articles, the whole pool), wall and CPU medians' }, pass, failures, rows }, null, 2)}\n`,
);
console.log('wrote bench/results/pipeline-crosscheck.json');
if (!pass) {
  console.error(`FAIL: target ${TARGET.articles} articles in under ${TARGET.maxMs} ms not met${judged.length < 2 ? ' (run --sizes with 1000 to judge it)' : ''}${failures.length ? `: ${failures.join('; ')}` : ''}`);
  process.exitCode = 1;
}

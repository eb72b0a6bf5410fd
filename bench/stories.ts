/**
 * bench:stories — story grouping quality and scale.
 *
 *   npm run bench:stories                 # quality (ECB+ halves, UCI) + store run + scale 10k, 100k, 1M
 *   npm run bench:stories -- --skip-1m    # without the 1M run
 *   npm run bench:stories -- --quality    # quality only
 *   npm run bench:stories -- --quality --subsamples [N]  # and the development halves on N (10) paired 80% subsamples
 *   npm run bench:stories -- --scale      # store run and streams only
 *   npm run bench:stories -- --scale --store-only   # store run and the ledger stream only (--small: 10k / 20k)
 *   npm run bench:stories -- --scale --undated [N] # N (100k) undated articles: first run, then 100 more
 *   npm run bench:stories -- --scale --stream [N] [--runs K]  # the ledger stream alone, N (100k) articles, K (2) runs and their median
 *   npm run bench:stories -- --scale --stream [N]  # with STORY_STREAM_PERSON_IDS=1 in the environment: each event's names are person ids (protagonists: dormant stories kept and looked up)
 *   npm run bench:stories -- --scale --stream N --over M    # and each run's N articles again over a store of M (900k) placed articles (back-dated copies)
 *   npm run bench:stories -- --scale --wake-lookup [N] # the dormant-story wake look-up on a store of N (100k) articles with person ids (bench/stories/wake-lookup.ts)
 *   npm run bench:stories -- --dev        # development figures only: ECB+ dev half, its two folds (bench/stories/folds.ts), UCI half A, subsample means
 *   npm run bench:stories -- --errors     # grouping errors by kind, and wrong pairs by day (ECB+ development half and UCI; held-out half: totals)
 *   npm run bench:stories -- --cv         # leave-one-topic-out cross-validation of the tuned constants over the ECB+ development half (bench/stories/cv.ts)
 *   npm run bench:stories -- --truncated  # the ECB+ development half with each article cut to its first 3 and 6 sentences (short reports; bench/stories/quality.ts ecbTruncated)
 *   npm run bench:stories -- --claims     # the main event claims as evidence: pairs and misplaced articles by shared claim keys, pairs stating inverse acts (development data only)
 *
 * Quality: see bench/stories/quality.ts (ECB+ odd topics = development half, even topics held out;
 * UCI headlines; TF-IDF single-pass and average-link baselines at their best threshold and at the
 * threshold tuned on the other split; incremental runs in shuffled batches compared with the batch).
 * Store run: a SYNTHETIC store of 100k articles' features, then a run of 100 new ones through the
 * story ledger in SQLite (bench/stories/store-run.ts); the ledger stream: 1M (300k with
 * --skip-1m) SYNTHETIC articles' features in batches of 5,000, one ledger run each (same file). Streams: a SYNTHETIC stream made by
 * resampling and perturbing real full texts (PolNeAR articles, ../shared/data/attribution/polnear),
 * timed per stage, with peak memory, for 10k, 100k and 1M documents.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { groupStories, StoryIndex, storyFeatures } from '../src/stories/index.js';
import { scoreClusters } from '../src/stories/metrics.js';
import { errorsByKind, errorTable, pairErrorsByDay, pairTable } from './stories/errors.js';
import { claimDecidable, type Claimed, claimPairs, ecbDevClaims, headlineClaims } from './stories/claims.js';
import { crossValidate, datesDropped } from './stories/cv.js';
import { devFigures } from './stories/folds.js';
import { ecbHalf, ecbRows, ecbTruncated, loadEcb, loadUci, quality, type Split, subsampleScores } from './stories/quality.js';
import { storeRun, storeRunChild, streamScale, undatedRun } from './stories/store-run.js';
import { syntheticFeatureStream, syntheticStream } from './stories/synthetic.js';
import { wakeLookup, wakeLookupChild } from './stories/wake-lookup.js';

const args = new Set(process.argv.slice(2));
// an option this bench does not know (or --help) prints the usage above instead of running the whole
// bench, which scores the held-out half and takes many minutes
const OPTIONS = ['--claims', '--cv', '--dev', '--errors', '--over', '--quality', '--runs', '--scale', '--scale-child', '--scale-features-child', '--skip-1m', '--small', '--store-child', '--store-only', '--stream', '--subsamples', '--truncated', '--undated', '--wake-child', '--wake-lookup'];
const unknown = [...args].filter((a) => a.startsWith('-') && !OPTIONS.includes(a));
if (unknown.length) {
  const usage = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith(' *   npm run')).map((l) => l.slice(3));
  const help = unknown.every((a) => a === '--help' || a === '-h');
  (help ? console.log : console.error)([...(help ? [] : [`bench:stories: unknown option ${unknown.join(' ')}`]), ...usage].join('\n'));
  process.exit(help ? 0 : 2);
}
const REPEATS = 3;

const fmt = (x: number, d = 3) => x.toFixed(d);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** CPU time of this process (user + system), ms: other load on the shared machine counts less. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

async function qualitySection() {
  const t0 = performance.now();
  const ecb = loadEcb();
  const uci = loadUci();
  console.log(`(features: ECB+ through processDocument as analyze does, UCI headlines with recogniser entities: ${fmt((performance.now() - t0) / 1000, 1)} s)`);
  const { table, out } = await quality(
    [
      [ecb.odd, ecb.even],
      [ecb.even, ecb.odd],
      [uci.all, uci.a],
      [uci.a, uci.b],
      [uci.b, uci.a],
    ],
    (s) => [fmt(s.bcubed.precision), fmt(s.bcubed.recall), fmt(s.bcubed.f1), fmt(s.pairwise.f1)],
  );
  console.log('\nQuality (B-cubed and pairwise; targets: ECB+ B3 F1 >= 0.95, UCI >= 0.80)');
  printTable(table);
  const n = Number(process.argv[process.argv.indexOf('--subsamples') + 1]) || 0;
  if (!args.has('--subsamples')) return out;
  const subs = [ecb.odd, uci.a].map((split) => ({ data: split.name, ...subsampleScores(split, n || 10) }));
  console.log(`\nDevelopment halves on ${n || 10} paired 80% subsamples (B-cubed F1; the same subsamples for any version of the code)`);
  printTable([['data', 'mean', 'min', 'max'], ...subs.map((x) => [x.data, fmt(x.mean, 4), fmt(Math.min(...x.f1s), 4), fmt(Math.max(...x.f1s), 4)])]);
  return { scores: out, subsamples: subs };
}

/** Errors by kind (bench/stories/errors.ts); the held-out half shows totals only (never studied). */
function errorsSection() {
  const ecb = loadEcb();
  const uci = loadUci();
  const grouped = (split: Split) => groupStories(split.features).map((g) => g.members);
  const [odd, all] = [grouped(ecb.odd), grouped(uci.all)];
  console.log('\nGrouping errors by kind (article counts; evidence shared with the reference articles, see bench/stories/errors.ts)');
  printTable([...errorTable('ECB+ dev, odd topics', errorsByKind(ecb.odd.gold, ecb.odd.features, odd)), ...errorTable('UCI headlines', errorsByKind(uci.all.gold, uci.all.features, all)).slice(1)]);
  console.log('\nArticle pairs grouped wrongly, by publication day (merged: two gold events in one story; split: one gold event in two stories)');
  printTable(pairTable([['ECB+ dev, odd topics', pairErrorsByDay(ecb.odd.gold, ecb.odd.features, odd)], ['UCI headlines', pairErrorsByDay(uci.all.gold, uci.all.features, all)]]));
  console.log('');
  printTable(errorTable('ECB+ dev, even topics (held out)', errorsByKind(ecb.even.gold, ecb.even.features, grouped(ecb.even)), true));
}

/** The main event claims as evidence (bench/stories/claims.ts): development data only, nothing of the held-out halves is read. */
function claimsSection() {
  const { claimed, features } = ecbDevClaims(ecbRows().filter((r) => parseInt(r.id, 10) % 2 === 1));
  const uci = loadUci();
  const uciA = headlineClaims(uci.a);
  const share = (xs: Claimed[]) => `${xs.filter((x) => x.claims.length > 0).length} of ${xs.length}`;
  console.log(`\nArticles with a claim key: ECB+ development half ${share(claimed)}, UCI half A ${share(uciA)}`);
  console.log('\nECB+ development half, pairs of one topic (two similar events each)');
  printTable(claimPairs(claimed, features));
  console.log('\nUCI half A, all pairs');
  printTable(claimPairs(uciA, uci.a.features));
  console.log('\nECB+ development half, misplaced articles by the claim keys they share');
  printTable(claimDecidable(claimed, features));
}

/** Leave-one-topic-out cross-validation of the tuned constants (bench/stories/cv.ts): development half only. */
function cvSection() {
  const dev = ecbHalf(1);
  const cv = crossValidate(dev, (s) => console.log(s));
  console.log('\nECB+ development half, each topic scored with the constants chosen on the other 15 (B-cubed F1)');
  printTable([['topic', 'articles', 'shipped', 'cross-validated', 'settings chosen on the other topics', 'lowest tied: F1, setting'], ...cv.topics.map((t) => [String(t.topic), String(t.articles), fmt(t.shippedF1, 4), fmt(t.cvF1, 4), t.chosen === 1 && t.shippedChosen ? "shipped" : `${t.chosen} tied${t.shippedChosen ? " (shipped among them)" : ""}`, t.lowest.f1 < t.cvF1 ? `${fmt(t.lowest.f1, 4)}, ${t.lowest.differs}` : ''])]);
  console.log(`\nDevelopment half B-cubed F1 ${fmt(cv.devF1, 4)} (shipped constants); leave-one-topic-out ${fmt(cv.cvF1, 4)} (P ${fmt(cv.cvP, 4)} R ${fmt(cv.cvR, 4)}); ${cv.settings} settings grouped`);
  console.log('\nEach constant alone (the others shipped): values chosen on the other 15 topics over the 16 folds, folds not choosing the shipped value, leave-one-topic-out B-cubed F1');
  printTable([['constant', 'shipped', 'chosen', 'folds without shipped', 'one-knob CV F1'], ...cv.constants.map((c) => [c.name, String(c.shipped), c.lowest === c.highest ? String(c.lowest) : `${c.lowest} .. ${c.highest}`, `${c.foldsWithoutShipped} / ${cv.topics.length}`, fmt(c.cvF1, 4)])]);
  console.log('\nECB+ development half with the publication day dropped from a share of its dated articles, each read again as a text with no date (mean of 5 draws)');
  const dropped = datesDropped(dev);
  printTable([['days dropped', 'B3 P', 'B3 R', 'B3 F1'], ...dropped.map((x) => [`${x.fraction * 100} %`, fmt(x.p, 4), fmt(x.r, 4), fmt(x.f1, 4)])]);
  console.log('\nMerged events by topic, summed over the draws (articles in a story of their topic\'s other event; pairs of two events in one story)');
  const topics = [...new Set(dropped.flatMap((x) => [...x.merged.keys()]))].sort((a, b) => a - b);
  printTable([['topic', ...dropped.flatMap((x) => [`${x.fraction * 100} % articles`, 'pairs'])], ...topics.map((t) => [String(t), ...dropped.flatMap((x) => [String(x.merged.get(t)?.articles ?? 0), String(x.merged.get(t)?.pairs ?? 0)])])]);
}

/** The development half cut to its first 3 and 6 sentences (`ecbTruncated`): B-cubed figures and the topics below 1. */
function truncatedSection() {
  const rows = ecbRows();
  const table = [['data', 'B3 P', 'B3 R', 'B3 F1', 'topics below 1 (B-cubed F1)']];
  for (const n of [3, 6]) {
    const split = ecbTruncated(n, rows);
    const members = groupStories(split.features).map((g) => g.members);
    const b = scoreClusters(split.gold, members).bcubed;
    const topics = [...new Set(split.ids.map((id) => parseInt(id, 10)))].sort((a, c) => a - c);
    const below = topics.flatMap((t) => {
      const inTopic = (id: string) => parseInt(id, 10) === t;
      const f = scoreClusters(new Map([...split.gold].filter(([id]) => inTopic(id))), members.map((m) => m.filter(inTopic)).filter((m) => m.length)).bcubed.f1;
      return f < 0.9995 ? [`${t}: ${fmt(f)}`] : [];
    });
    table.push([split.name, fmt(b.precision, 4), fmt(b.recall, 4), fmt(b.f1, 4), below.join(', ')]);
  }
  printTable(table);
}

function printTable(rows: string[][]) {
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  rows.forEach((r, j) => {
    console.log(r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  '));
    if (j === 0) console.log(w.map((x) => '-'.repeat(x)).join('  '));
  });
}

async function scaleFeaturesChild(n: number) {
  const idx = new StoryIndex();
  let addMs = 0;
  let closed = 0;
  let peakRss = 0;
  let peakHeap = 0;
  let peakOpenDocs = 0;
  let i = 0;
  const t0 = performance.now();
  for (const f of syntheticFeatureStream(n, 7)) {
    const a = cpuMs();
    idx.add(f);
    addMs += cpuMs() - a;
    if (++i % 1000 === 0) {
      closed += idx.drainClosed().length;
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      if (i % 5000 === 0) {
        collect();
        peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      }
      peakOpenDocs = Math.max(peakOpenDocs, idx.size.openDocs);
    }
  }
  closed += idx.drainClosed().length;
  return {
    docs: n,
    stories: closed + idx.stories().length,
    groupMs: addMs,
    wallMs: performance.now() - t0,
    docsPerSecGroupOnly: (n / addMs) * 1000,
    peakRssMB: peakRss / 2 ** 20,
    peakHeapMB: peakHeap / 2 ** 20,
    peakOpenDocs,
  };
}

async function scaleChild(n: number) {
  const idx = new StoryIndex();
  let featMs = 0;
  let addMs = 0;
  let closed = 0;
  let peakRss = 0;
  let peakHeap = 0;
  let peakOpenDocs = 0;
  let words = 0;
  const t0 = performance.now();
  let i = 0;
  const gold = new Map<string, string>();
  const assigned: StoryGroupLite[] = [];
  for (const input of syntheticStream(n, 42)) {
    gold.set(input.id, String(input.event));
    const a = cpuMs();
    const f = storyFeatures(input);
    const b = cpuMs();
    idx.add(f);
    const c = cpuMs();
    featMs += b - a;
    addMs += c - b;
    words += f.words;
    if (++i % 1000 === 0) {
      const drained = idx.drainClosed();
      closed += drained.length;
      for (const g of drained) assigned.push(g.members);
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      if (i % 5000 === 0) {
        collect();
        peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      }
      peakOpenDocs = Math.max(peakOpenDocs, idx.size.openDocs);
    }
  }
  const drained = idx.drainClosed();
  closed += drained.length;
  for (const g of drained) assigned.push(g.members);
  const rest = idx.stories();
  for (const g of rest) assigned.push(g.members);
  const open = rest.length;
  const q = scoreClusters(gold, assigned);
  const wallMs = performance.now() - t0;
  return {
    docs: n,
    avgWords: words / n,
    stories: closed + open,
    featuresMs: featMs,
    groupMs: addMs,
    wallMs,
    docsPerSecFeaturesAndGroup: (n / (featMs + addMs)) * 1000,
    docsPerSecGroupOnly: (n / addMs) * 1000,
    peakRssMB: peakRss / 2 ** 20,
    peakHeapMB: peakHeap / 2 ** 20,
    peakOpenDocs,
    events: q.goldClusters,
    bcubedF1: q.bcubed.f1,
    bcubedP: q.bcubed.precision,
    bcubedR: q.bcubed.recall,
  };
}

type StoryGroupLite = string[];

/** A full garbage collection (children run with --expose-gc), so that heap figures count live data only. */
function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

async function runChild(n: number, mode = '--scale-child'): Promise<Record<string, number>> {
  const { execFileSync } = await import('node:child_process');
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', new URL(import.meta.url).pathname, mode, String(n)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}

async function scale(skip1m: boolean) {
  console.log(
    '\nScale A: SYNTHETIC stream of full texts (PolNeAR articles resampled and perturbed, each event with its own names; 1,000 articles/day; ~20 events/day of 10-89 reports over up to 4 days; a quarter verbatim wire copies). storyFeatures + StoryIndex.add, arrival order, one core; throughput from process CPU time (the machine is shared).',
  );
  const textRuns: Record<string, number>[] = [];
  for (const n of [10_000, 100_000]) {
    const reps = n >= 100_000 ? 1 : REPEATS;
    const rs: Record<string, number>[] = [];
    for (let k = 0; k < reps; k++) rs.push(await runChild(n));
    const med = (key: string) => median(rs.map((x) => x[key]));
    textRuns.push({ ...rs[0], repeats: reps, docsPerSecFeaturesAndGroup: med('docsPerSecFeaturesAndGroup'), docsPerSecGroupOnly: med('docsPerSecGroupOnly'), peakRssMB: med('peakRssMB'), peakHeapMB: med('peakHeapMB') });
  }
  const ta = [['docs', 'avg words', 'events', 'stories', 'B3 P/R/F1 vs events', 'docs/s features+group', 'docs/s group only', 'peak RSS MB', 'peak live heap MB', 'peak open docs', 'repeats']];
  for (const r of textRuns)
    ta.push([
      String(r.docs),
      fmt(r.avgWords, 0),
      String(r.events),
      String(r.stories),
      `${fmt(r.bcubedP, 2)}/${fmt(r.bcubedR, 2)}/${fmt(r.bcubedF1, 2)}`,
      fmt(r.docsPerSecFeaturesAndGroup, 0),
      fmt(r.docsPerSecGroupOnly, 0),
      fmt(r.peakRssMB, 0),
      fmt(r.peakHeapMB, 0),
      String(r.peakOpenDocs),
      String(r.repeats),
    ]);
  printTable(ta);

  console.log('\nScale B: SYNTHETIC stream of persisted story features (already-analysed articles: base features perturbed per report), StoryIndex.add only, one core, CPU time.');
  const featRuns: Record<string, number>[] = [];
  for (const n of [10_000, 100_000, ...(skip1m ? [] : [1_000_000])]) featRuns.push({ ...(await runChild(n, '--scale-features-child')), repeats: 1 });
  const tb = [['docs', 'stories', 'docs/s group', 'CPU s', 'wall s', 'peak RSS MB', 'peak live heap MB', 'peak open docs']];
  for (const r of featRuns) tb.push([String(r.docs), String(r.stories), fmt(r.docsPerSecGroupOnly, 0), fmt(r.groupMs / 1000, 1), fmt(r.wallMs / 1000, 1), fmt(r.peakRssMB, 0), fmt(r.peakHeapMB, 0), String(r.peakOpenDocs)]);
  printTable(tb);
  if (featRuns.length > 1) {
    const a = featRuns[0];
    const z = featRuns[featRuns.length - 1];
    console.log(`growth ${a.docs}→${z.docs} docs (×${z.docs / a.docs}): CPU per doc ×${fmt(z.groupMs / z.docs / (a.groupMs / a.docs), 2)}, peak heap ×${fmt(z.peakHeapMB / a.peakHeapMB, 2)}, peak open docs ×${fmt(z.peakOpenDocs / a.peakOpenDocs, 2)}`);
  }
  return { streamA: 'synthetic full texts: PolNeAR resampled and perturbed', textRuns, streamB: 'synthetic persisted features: PolNeAR base features perturbed', featRuns };
}

/** Runs of the ledger stream (`--runs K`, at least 2: one run of a tree differs from the next by up to a quarter). */
function streamRuns(): number {
  return Math.max(2, Number(process.argv[process.argv.indexOf('--runs') + 1]) || 2);
}

if (args.has('--store-child')) {
  const i = process.argv.indexOf('--store-child');
  console.log(JSON.stringify(await storeRunChild(process.argv[i + 1], process.argv[i + 2], Number(process.argv[i + 3]), Number(process.argv[i + 4]))));
} else if (args.has('--scale-child')) {
  const n = Number(process.argv[process.argv.indexOf('--scale-child') + 1]);
  console.log(JSON.stringify(await scaleChild(n)));
} else if (args.has('--scale-features-child')) {
  const n = Number(process.argv[process.argv.indexOf('--scale-features-child') + 1]);
  console.log(JSON.stringify(await scaleFeaturesChild(n)));
} else if (args.has('--wake-child')) {
  const i = process.argv.indexOf('--wake-child');
  console.log(JSON.stringify(await wakeLookupChild(process.argv[i + 1], process.argv[i + 2], Number(process.argv[i + 3]), process.argv[i + 4] === '1')));
} else if (args.has('--errors')) {
  errorsSection();
} else if (args.has('--claims')) {
  claimsSection();
} else if (args.has('--cv')) {
  cvSection();
} else if (args.has('--truncated')) {
  truncatedSection();
} else if (args.has('--dev')) {
  // (loadEcb makes both halves' features; only the development half is grouped and scored)
  const ecb = loadEcb();
  const uci = loadUci();
  const score = (s: Split) => scoreClusters(s.gold, groupStories(s.features).map((g) => g.members));
  printTable(devFigures(ecb.odd, uci.a, score, (s) => subsampleScores(s, 10).mean));
} else {
  const result: Record<string, unknown> = { bench: 'stories', node: process.version, date: new Date().toISOString() };
  if (!args.has('--scale')) result.quality = await qualitySection();
  if (args.has('--undated')) result.undated = await undatedRun(Number(process.argv[process.argv.indexOf('--undated') + 1]) || 100_000);
  else if (args.has('--wake-lookup')) result.wakeLookup = await wakeLookup(Number(process.argv[process.argv.indexOf('--wake-lookup') + 1]) || 100_000);
  else if (args.has('--stream')) result.ledgerStream = await streamScale(Number(process.argv[process.argv.indexOf('--stream') + 1]) || 100_000, streamRuns(), args.has('--over') ? Number(process.argv[process.argv.indexOf('--over') + 1]) || 900_000 : 0);
  else if (!args.has('--quality')) {
    result.storeRun = await storeRun(args.has('--small') ? 10_000 : 100_000);
    result.ledgerStream = await streamScale(args.has('--small') ? 20_000 : args.has('--skip-1m') ? 300_000 : 1_000_000, streamRuns());
    if (!args.has('--store-only')) result.scale = await scale(args.has('--skip-1m'));
  }
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/stories.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
  console.log('\nwrote bench/results/stories.json');
}

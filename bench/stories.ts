/**
 * bench:stories — story grouping quality and scale.
 *
 *   npm run bench:stories                 # quality on UCI headlines + scale 10k, 100k, 1M
 *   npm run bench:stories -- --skip-1m    # without the 1M run
 *   npm run bench:stories -- --quality    # quality only
 *
 * Quality: ../shared/data/clustering/uci-news-aggregator-sample.csv (headline, publisher, timestamp
 * in; STORY as gold), Triangulate (batch and incremental) side by side with a plain TF-IDF centroid
 * single-pass baseline at its best threshold. Scale: a SYNTHETIC stream made by resampling and
 * perturbing real full texts (PolNeAR articles, ../shared/data/attribution/polnear), timed per
 * stage, with peak memory, for 10k, 100k and 1M documents.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { groupStories, StoryIndex, storyFeatures } from '../src/stories/index.js';
import type { StoryFeatures, StoryInput } from '../src/stories/index.js';
import { scoreClusters, type ClusterScores } from '../src/stories/metrics.js';
import { STOP_WORDS } from '../src/stories/text.js';

const SHARED = new URL('../../shared/', import.meta.url).pathname;
const args = new Set(process.argv.slice(2));
const REPEATS = 3;

// ------------------------------------------------------------------------------------------------
// data

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else q = false;
      } else field += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

interface Headline {
  id: string;
  title: string;
  publisher: string;
  time: number;
  story: string;
}

function loadUci(): Headline[] {
  const rows = parseCsv(readFileSync(`${SHARED}data/clustering/uci-news-aggregator-sample.csv`, 'utf8'));
  const head = rows[0];
  const col = (n: string) => head.indexOf(n);
  return rows
    .slice(1)
    .filter((r) => r.length === head.length)
    .map((r) => ({
      id: r[col('ID')],
      title: r[col('TITLE')],
      publisher: r[col('PUBLISHER')],
      time: Number(r[col('TIMESTAMP')]),
      story: r[col('STORY')],
    }));
}

// ------------------------------------------------------------------------------------------------
// baseline: plain TF-IDF centroid single-pass (what a user would write first)

function baselineTokens(s: string): string[] {
  return (s.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((w) => !STOP_WORDS.has(w) && w.length > 1);
}

function tfidfSinglePass(docs: { id: string; text: string }[], threshold: number): string[][] {
  const toks = docs.map((d) => baselineTokens(d.text));
  const df = new Map<string, number>();
  for (const t of toks) for (const w of new Set(t)) df.set(w, (df.get(w) ?? 0) + 1);
  const N = docs.length;
  const clusters: { members: string[]; c: Map<string, number>; norm2: number }[] = [];
  const postings = new Map<string, number[]>();
  docs.forEach((d, i) => {
    const tf = new Map<string, number>();
    for (const w of toks[i]) tf.set(w, (tf.get(w) ?? 0) + 1);
    const v = new Map<string, number>();
    let n2 = 0;
    for (const [w, c] of tf) {
      const x = c * Math.log(N / df.get(w)!);
      v.set(w, x);
      n2 += x * x;
    }
    const n = Math.sqrt(n2) || 1;
    for (const [w, x] of v) v.set(w, x / n);
    const dots = new Map<number, number>();
    for (const [w, x] of v) for (const ci of postings.get(w) ?? []) dots.set(ci, (dots.get(ci) ?? 0) + x * clusters[ci].c.get(w)!);
    let best = -1;
    let bestS = threshold;
    for (const [ci, dot] of dots) {
      const s = dot / Math.sqrt(clusters[ci].norm2);
      if (s >= bestS) {
        bestS = s;
        best = ci;
      }
    }
    if (best < 0) {
      best = clusters.length;
      clusters.push({ members: [], c: new Map(), norm2: 0 });
    }
    const cl = clusters[best];
    cl.members.push(d.id);
    for (const [w, x] of v) {
      const old = cl.c.get(w) ?? 0;
      if (old === 0) {
        let p = postings.get(w);
        if (!p) postings.set(w, (p = []));
        p.push(best);
      }
      cl.c.set(w, old + x);
      cl.norm2 += (old + x) ** 2 - old * old;
    }
  });
  return clusters.map((c) => c.members);
}

// ------------------------------------------------------------------------------------------------

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const fmt = (x: number, d = 3) => x.toFixed(d);

function quality() {
  const rows = loadUci().sort((a, b) => a.time - b.time || Number(a.id) - Number(b.id));
  const gold = new Map(rows.map((r) => [r.id, r.story]));
  const inputs: StoryInput[] = rows.map((r) => ({
    id: r.id,
    title: r.title,
    text: r.title,
    outlet: r.publisher || null,
    published: new Date(r.time).toISOString(),
    eventDates: [],
    entities: [],
  }));

  // baseline sweep
  const sweep: { threshold: number; scores: ClusterScores }[] = [];
  for (let t = 0.1; t <= 0.901; t += 0.05) {
    sweep.push({ threshold: Number(t.toFixed(2)), scores: scoreClusters(gold, tfidfSinglePass(rows.map((r) => ({ id: r.id, text: r.title })), t)) });
  }
  const bestBase = sweep.reduce((a, b) => (b.scores.bcubed.f1 > a.scores.bcubed.f1 ? b : a));

  // Triangulate: features, batch, incremental (arrival order)
  const tF: number[] = [];
  const tB: number[] = [];
  const tI: number[] = [];
  let feats: StoryFeatures[] = [];
  let batch: string[][] = [];
  let incr: string[][] = [];
  for (let r = 0; r < REPEATS; r++) {
    let t0 = performance.now();
    feats = inputs.map((i) => storyFeatures(i));
    tF.push(performance.now() - t0);
    t0 = performance.now();
    batch = groupStories(feats).map((g) => g.members);
    tB.push(performance.now() - t0);
    t0 = performance.now();
    const idx = new StoryIndex();
    for (const f of feats) idx.add(f);
    incr = idx.stories().map((g) => g.members);
    tI.push(performance.now() - t0);
  }
  const sb = scoreClusters(gold, batch);
  const si = scoreClusters(gold, incr);
  // order independence of the batch: shuffled input gives the same grouping
  const shuffled = [...feats].sort((a, b) => (a.textHash < b.textHash ? -1 : 1));
  const sameAfterShuffle = JSON.stringify(groupStories(shuffled)) === JSON.stringify(groupStories(feats));

  const table = [
    ['system', 'B3 P', 'B3 R', 'B3 F1', 'pair F1', 'clusters', 'ms (median)'],
    [
      `TF-IDF centroid single-pass (best t=${bestBase.threshold})`,
      fmt(bestBase.scores.bcubed.precision),
      fmt(bestBase.scores.bcubed.recall),
      fmt(bestBase.scores.bcubed.f1),
      fmt(bestBase.scores.pairwise.f1),
      String(bestBase.scores.predictedClusters),
      '',
    ],
    ['Triangulate batch (groupStories)', fmt(sb.bcubed.precision), fmt(sb.bcubed.recall), fmt(sb.bcubed.f1), fmt(sb.pairwise.f1), String(sb.predictedClusters), fmt(median(tB), 0)],
    ['Triangulate incremental (StoryIndex, arrival order)', fmt(si.bcubed.precision), fmt(si.bcubed.recall), fmt(si.bcubed.f1), fmt(si.pairwise.f1), String(si.predictedClusters), fmt(median(tI), 0)],
  ];
  console.log(`\nQuality: UCI News Aggregator sample, ${rows.length} headlines, ${new Set(gold.values()).size} gold stories`);
  printTable(table);
  console.log(`storyFeatures: ${fmt(median(tF), 0)} ms for ${rows.length} headlines; batch result independent of input order: ${sameAfterShuffle}`);
  console.log(`B-cubed F1 ratio Triangulate/baseline: ${fmt(sb.bcubed.f1 / bestBase.scores.bcubed.f1, 2)}`);
  return {
    dataset: 'uci-news-aggregator-sample (headline, publisher, timestamp)',
    items: rows.length,
    goldStories: new Set(gold.values()).size,
    baseline: { name: 'tfidf-centroid-single-pass', bestThreshold: bestBase.threshold, scores: bestBase.scores, sweep: sweep.map((s) => ({ threshold: s.threshold, bcubedF1: s.scores.bcubed.f1, pairwiseF1: s.scores.pairwise.f1 })) },
    triangulateBatch: { scores: sb, medianMs: median(tB) },
    triangulateIncremental: { scores: si, medianMs: median(tI) },
    featuresMedianMs: median(tF),
    batchOrderIndependent: sameAfterShuffle,
    ratioBcubedF1: sb.bcubed.f1 / bestBase.scores.bcubed.f1,
  };
}

function printTable(rows: string[][]) {
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  rows.forEach((r, j) => {
    console.log(r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  '));
    if (j === 0) console.log(w.map((x) => '-'.repeat(x)).join('  '));
  });
}

const result: Record<string, unknown> = { bench: 'stories', node: process.version, date: new Date().toISOString() };
result.quality = quality();
if (!args.has('--quality')) {
  const { scale } = await import('./stories-scale.js');
  result.scale = await scale({ skip1m: args.has('--skip-1m') });
}
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/stories.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
console.log('\nwrote bench/results/stories.json');
void readdirSync;

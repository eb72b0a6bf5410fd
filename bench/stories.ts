/**
 * bench:stories — story grouping quality and scale.
 *
 *   npm run bench:stories                 # quality on UCI headlines + scale 10k, 100k, 1M
 *   npm run bench:stories -- --skip-1m    # without the 1M run
 *   npm run bench:stories -- --quality    # quality only
 *
 * Quality: ../shared/data/clustering/uci-news-aggregator-sample.csv (headline, publisher, timestamp
 * in, plus the headline's entities from Triangulate's own recogniser, as `analyze` finds them; STORY
 * as gold), Triangulate (batch, batch without entities, incremental) side by side with a plain
 * TF-IDF centroid single-pass baseline at its best threshold. Scale: a SYNTHETIC stream made by
 * resampling and perturbing real full texts (PolNeAR articles, ../shared/data/attribution/polnear),
 * timed per stage, with peak memory, for 10k, 100k and 1M documents.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { entityIndex, recogniseEntities } from '../src/analyse/entities/index.js';
import { splitSentences } from '../src/analyse/tokenize.js';
import { groupStories, StoryIndex, storyEntities, storyFeatures } from '../src/stories/index.js';
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

/** CPU time of this process (user + system), ms: other load on the shared machine counts less. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** The entities `analyze` would give a headline-only article (recogniser, then the article's entity index). */
function headlineEntities(title: string): StoryInput['entities'] {
  return storyEntities(entityIndex(recogniseEntities(title, splitSentences(title))));
}

function quality() {
  const rows = loadUci().sort((a, b) => a.time - b.time || Number(a.id) - Number(b.id));
  const gold = new Map(rows.map((r) => [r.id, r.story]));
  // the headline is the article: its entities come from Triangulate's recogniser, as in `analyze`
  const tNer = cpuMs();
  const inputs: StoryInput[] = rows.map((r) => ({
    id: r.id,
    title: r.title,
    text: r.title,
    outlet: r.publisher || null,
    published: new Date(r.time).toISOString(),
    eventDates: [],
    entities: headlineEntities(r.title),
  }));
  const nerMs = cpuMs() - tNer;

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
    let t0 = cpuMs();
    feats = inputs.map((i) => storyFeatures(i));
    tF.push(cpuMs() - t0);
    t0 = cpuMs();
    batch = groupStories(feats).map((g) => g.members);
    tB.push(cpuMs() - t0);
    t0 = cpuMs();
    const idx = new StoryIndex();
    for (const f of feats) idx.add(f);
    idx.settle();
    incr = idx.stories().map((g) => g.members);
    tI.push(cpuMs() - t0);
  }
  const sb = scoreClusters(gold, batch);
  const si = scoreClusters(gold, incr);
  // the same without entities: what the words alone give
  const sw = scoreClusters(gold, groupStories(inputs.map((i) => storyFeatures({ ...i, entities: [] }))).map((g) => g.members));
  // order independence of the batch: shuffled input gives the same grouping
  const shuffled = [...feats].sort((a, b) => (a.textHash < b.textHash ? -1 : 1));
  const sameAfterShuffle = JSON.stringify(groupStories(shuffled)) === JSON.stringify(groupStories(feats));

  const table = [
    ['system', 'B3 P', 'B3 R', 'B3 F1', 'pair F1', 'clusters', 'CPU ms (median)'],
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
    ['Triangulate batch, words only (no entities)', fmt(sw.bcubed.precision), fmt(sw.bcubed.recall), fmt(sw.bcubed.f1), fmt(sw.pairwise.f1), String(sw.predictedClusters), ''],
    ['Triangulate incremental (StoryIndex.add in arrival order, then settle)', fmt(si.bcubed.precision), fmt(si.bcubed.recall), fmt(si.bcubed.f1), fmt(si.pairwise.f1), String(si.predictedClusters), fmt(median(tI), 0)],
  ];
  console.log(`\nQuality: UCI News Aggregator sample, ${rows.length} headlines, ${new Set(gold.values()).size} gold stories`);
  printTable(table);
  console.log(`entities (recogniser on the headlines, as analyze does): ${fmt(nerMs, 0)} ms; storyFeatures: ${fmt(median(tF), 0)} ms for ${rows.length} headlines; batch result independent of input order: ${sameAfterShuffle}`);
  console.log(`B-cubed F1 ratio Triangulate/baseline: ${fmt(sb.bcubed.f1 / bestBase.scores.bcubed.f1, 2)}`);
  return {
    dataset: 'uci-news-aggregator-sample (headline, publisher, timestamp)',
    items: rows.length,
    goldStories: new Set(gold.values()).size,
    baseline: { name: 'tfidf-centroid-single-pass', bestThreshold: bestBase.threshold, scores: bestBase.scores, sweep: sweep.map((s) => ({ threshold: s.threshold, bcubedF1: s.scores.bcubed.f1, pairwiseF1: s.scores.pairwise.f1 })) },
    triangulateBatch: { scores: sb, medianMs: median(tB) },
    triangulateIncremental: { scores: si, medianMs: median(tI) },
    triangulateBatchWordsOnly: { scores: sw },
    entitiesMs: nerMs,
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

// ------------------------------------------------------------------------------------------------
// scale: a SYNTHETIC stream made by resampling and perturbing real full texts (PolNeAR articles)

/**
 * About 20 new events a day of 10-89 reports each (50 on average), over up to 4 days: with 924
 * base articles, a base comes back about every 46 days, after its previous event has closed.
 */
const LIVE_EVENTS = 40;
const NEW_EVENT_P = 0.02;

/** Deterministic PRNG (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Base {
  title: string;
  paragraphs: string[][];
}

function loadBases(): Base[] {
  const out: Base[] = [];
  for (const part of ['train', 'dev']) {
    const dir = `${SHARED}data/attribution/polnear/${part}/text`;
    for (const f of readdirSync(dir).sort()) {
      const raw = readFileSync(`${dir}/${f}`, 'utf8');
      const paras = raw.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
      if (paras.length < 2) continue;
      out.push({ title: paras[0], paragraphs: paras.slice(1).map((p) => p.split(/\s+/)) });
    }
  }
  return out;
}

/**
 * The stream: DOCS_PER_DAY articles a day; each event is a base article reported by several
 * outlets over 1–4 days; each report drops some paragraphs, swaps some words and gets a new
 * headline; a quarter of the reports are verbatim wire copies.
 */
function* syntheticStream(n: number, seed: number): Generator<StoryInput & { event: number }> {
  const bases = loadBases();
  const vocab = bases.flatMap((b) => b.paragraphs.flat()).filter((_, i) => i % 97 === 0);
  const r = rng(seed);
  const DOCS_PER_DAY = 1000;
  const start = Date.UTC(2024, 0, 1);
  let live: { base: Base; day: number; left: number; wire: string | null; id: number; names: string[] }[] = [];
  const syll = ['ka', 'lo', 'mir', 'zan', 'tor', 'vel', 'qua', 'ris', 'bon', 'dex', 'ul', 'pha'];
  const name = () => {
    let w = '';
    for (let k = 0; k < 3; k++) w += syll[Math.floor(r() * syll.length)];
    return w[0].toUpperCase() + w.slice(1);
  };
  let eventId = 0;
  for (let i = 0; i < n; i++) {
    const day = Math.floor(i / DOCS_PER_DAY);
    live = live.filter((e) => e.left > 0 && day - e.day < 4);
    if (live.length < LIVE_EVENTS || r() < NEW_EVENT_P)
      live.push({ base: bases[Math.floor(r() * bases.length)], day, left: 10 + Math.floor(r() * 80), wire: null, id: eventId++, names: [name(), name(), name()] });
    const ev = live[Math.floor(r() * live.length)];
    ev.left--;
    let text: string;
    let title: string;
    if (ev.wire !== null && r() < 0.25) {
      text = ev.wire;
      title = ev.base.title;
    } else {
      const paras = ev.base.paragraphs.filter(() => r() > 0.2);
      // each event has its own names (the base article is reused by other events)
      text = paras
        .map((p) => p.map((w) => (r() < 0.04 ? vocab[Math.floor(r() * vocab.length)] : r() < 0.02 ? ev.names[Math.floor(r() * 3)] : w)).join(' '))
        .join('\n\n');
      title = ev.base.title.split(' ').map((w) => (r() < 0.2 ? vocab[Math.floor(r() * vocab.length)] : w)).join(' ');
      if (ev.wire === null) ev.wire = text;
    }
    yield {
      event: ev.id,
      id: `syn-${i}`,
      title,
      text,
      outlet: `outlet-${Math.floor(r() * 300)}`,
      published: new Date(start + day * 86_400_000 + Math.floor(r() * 86_400_000)).toISOString(),
      eventDates: [],
      entities: [],
    };
  }
}

/**
 * The same stream one stage later: persisted story features of already-analysed articles
 * (features of the base articles, perturbed per report: terms dropped, event names added,
 * sketches partly redrawn, verbatim copies sharing the wire sketch). Used for the 1M run, which
 * measures grouping alone.
 */
function* syntheticFeatureStream(n: number, seed: number): Generator<StoryFeatures> {
  const bases = loadBases().map((b, i) =>
    storyFeatures({ id: `base-${i}`, title: b.title, text: b.paragraphs.map((p) => p.join(' ')).join('\n\n'), outlet: null, published: null, eventDates: [], entities: [] }),
  );
  const r = rng(seed);
  const DOCS_PER_DAY = 1000;
  let live: { base: StoryFeatures; day: number; left: number; id: number; names: string[]; wire: StoryFeatures | null }[] = [];
  let eventId = 0;
  for (let i = 0; i < n; i++) {
    const day = Math.floor(i / DOCS_PER_DAY);
    live = live.filter((e) => e.left > 0 && day - e.day < 4);
    if (live.length < LIVE_EVENTS || r() < NEW_EVENT_P) {
      const id = eventId++;
      live.push({ base: bases[Math.floor(r() * bases.length)], day, left: 10 + Math.floor(r() * 80), id, names: [`ev${id}a`, `ev${id}b`, `ev${id}c`], wire: null });
    }
    const ev = live[Math.floor(r() * live.length)];
    ev.left--;
    const b = ev.base;
    let f: StoryFeatures;
    if (ev.wire && r() < 0.25) f = { ...ev.wire, id: `syn-${i}`, outlet: `outlet-${Math.floor(r() * 300)}`, day };
    else {
      const terms = b.terms.filter(() => r() > 0.2).concat(ev.names.map((x) => [x, 2] as [string, number]));
      const sig = b.sketch ? b.sketch.sig.map((v) => (r() < 0.3 ? Math.floor(r() * 2 ** 31) : v)) : [];
      f = {
        ...b,
        id: `syn-${i}`,
        outlet: `outlet-${Math.floor(r() * 300)}`,
        day,
        published: null,
        terms,
        entities: b.entities.filter(() => r() > 0.2).concat(ev.names.map((x) => [`NAME:${x}`, 2] as [string, number])),
        sketch: b.sketch ? { k: b.sketch.k, sig } : null,
        textHash: `${b.textHash}-${i}`,
      };
      if (!ev.wire) ev.wire = f;
    }
    yield f;
  }
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

if (args.has('--scale-child')) {
  const n = Number(process.argv[process.argv.indexOf('--scale-child') + 1]);
  console.log(JSON.stringify(await scaleChild(n)));
} else if (args.has('--scale-features-child')) {
  const n = Number(process.argv[process.argv.indexOf('--scale-features-child') + 1]);
  console.log(JSON.stringify(await scaleFeaturesChild(n)));
} else {
  const result: Record<string, unknown> = { bench: 'stories', node: process.version, date: new Date().toISOString() };
  result.quality = quality();
  if (!args.has('--quality')) result.scale = await scale(args.has('--skip-1m'));
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/stories.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
  console.log('\nwrote bench/results/stories.json');
}

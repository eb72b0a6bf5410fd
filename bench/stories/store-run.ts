/**
 * Store run: a store of N articles (SYNTHETIC persisted features, one day = 1,000 articles) whose
 * stories are up to date, then one `analyze`-style run adding 100 new articles of the latest day:
 * `updateStories` through the SQLite story ledger. Each step runs in its own process so that the
 * run's peak RSS is its own. Compared with what the previous design did: regrouping every stored
 * article (`groupStories` over all features).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStoryLedger, updateStories } from '../../src/pipeline.js';
import { SqliteStore as Store } from '../../src/store/sqlite/store.js';
import { groupStories, type StoryFeatures } from '../../src/stories/index.js';
import { syntheticFeatureStream } from './synthetic.js';

const NEW_DOCS = 100;

/** Stores synthetic features as analysed documents (the rows a ledger run reads). */
export function insert(store: Store, features: StoryFeatures[]) {
  const doc = store.db.prepare("INSERT INTO documents (id, source, format, content_type, encoding, content, meta, added_at) VALUES (?, ?, 'text', 'text', 'utf-8', '', '{}', '')");
  const feat = store.db.prepare('INSERT INTO story_features (doc_id, version, published, data) VALUES (?, ?, ?, ?)');
  store.transaction(() => {
    for (const f of features) {
      doc.run(f.id, f.id);
      feat.run(f.id, f.v, null, JSON.stringify(f));
    }
  });
}

/**
 * Child: `fill` fills the store and keeps the next 100 articles' features aside (a file next to the
 * store); `first` brings its stories up to date (the first ledger run, in its own process); `run` stores those and runs the ledger, so the run's
 * peak RSS is the run's own (it generates nothing); `regroup` times the old full regroup.
 */
export async function storeRunChild(mode: string, path: string, n: number, chunkArticles: number) {
  const store = new Store(path);
  try {
    const t0 = performance.now();
    if (mode === 'fill' || mode === 'fill-undated') {
      // (undated: the same features with no publication or event day, as records without dates give)
      const all = [...syntheticFeatureStream(n + NEW_DOCS, 7)].map((f) => (mode === 'fill' ? f : { ...f, day: null, eventDay: null, published: null }));
      insert(store, all.slice(0, n));
      writeFileSync(`${path}.fresh.json`, JSON.stringify(all.slice(n)));
      return { insertMs: performance.now() - t0 };
    }
    if (mode === 'first') {
      // the first run over a filled store, in a process of its own: its peak RSS is the run's
      const cpu0 = process.cpuUsage();
      const run = await runStoryLedger(store, chunkArticles > 0 ? { chunkArticles } : {});
      const cpu = process.cpuUsage(cpu0);
      return { firstRunMs: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, replayed: run.replayed, stories: run.stories.length, maxRssMB: process.resourceUsage().maxRSS / 1024 };
    }
    if (mode === 'run') {
      const fresh = JSON.parse(readFileSync(`${path}.fresh.json`, 'utf8')) as StoryFeatures[];
      const rssBefore = process.memoryUsage().rss / 2 ** 20;
      const cpu0 = process.cpuUsage();
      const t1 = performance.now();
      insert(store, fresh);
      const stories = await updateStories(store, undefined, { docIds: fresh.map((f) => f.id) });
      const ms = performance.now() - t1;
      const cpu = process.cpuUsage(cpu0);
      return { runMs: ms, cpuMs: (cpu.user + cpu.system) / 1000, stories: stories.length, rssBeforeRunMB: rssBefore, maxRssMB: process.resourceUsage().maxRSS / 1024 };
    }
    if (mode === 'run-undated') {
      // a run of new undated articles: what it replays and restores is what it costs
      const fresh = JSON.parse(readFileSync(`${path}.fresh.json`, 'utf8')) as StoryFeatures[];
      const cpu0 = process.cpuUsage();
      const t1 = performance.now();
      insert(store, fresh);
      const run = await runStoryLedger(store);
      const cpu = process.cpuUsage(cpu0);
      return { runMs: performance.now() - t1, cpuMs: (cpu.user + cpu.system) / 1000, replayed: run.replayed, restored: run.restored, stories: (await store.stories()).length, maxRssMB: process.resourceUsage().maxRSS / 1024 };
    }
    if (mode === 'stream') return await streamChild(store, n, chunkArticles || STREAM_BATCH);
    // the previous design: every run regroups all stored features
    const t1 = performance.now();
    const features = (await store.allFeatures<StoryFeatures>()).map((r) => r.features);
    const groups = groupStories(features);
    return { runMs: performance.now() - t1, stories: groups.length, maxRssMB: process.resourceUsage().maxRSS / 1024 };
  } finally {
    await store.close();
  }
}

/** Articles per ledger run in the stream (a batch as a stream would deliver them). */
const STREAM_BATCH = 5000;
/** Where the stream reports how it is doing (articles placed so far): every 100k, so that a run stopped early still says where it got. */
const STREAM_MARK_EVERY = 100_000;
/** A progress line on stderr (the child's stderr is the bench's) every this many articles, between the marks. */
const STREAM_PROGRESS_EVERY = 10_000;

/**
 * The stream at scale: n SYNTHETIC articles' features (no analysis) arrive in batches of `batch`;
 * each batch is stored and placed by one ledger run (`runStoryLedger`), as a worker would. Reports,
 * at each mark, articles/s over storing the batch plus its ledger run (process CPU, and wall), the ledger run's CPU alone, and the peak RSS so far: the
 * process holds one batch and the stories open at its start, whatever the store's size. Per 10k
 * articles (`chunks`) the same rates over that stretch alone, to show a run's drift and noise.
 * Generating the features is timed by neither clock.
 */
async function streamChild(store: Store, n: number, batch: number) {
  const marks: Record<string, number>[] = [];
  const chunks: { articles: number; ledgerCpuSeconds: number; cpuSeconds: number; wallSeconds: number; perSecondLedgerCpu: number; perSecondWall: number; load: number }[] = [];
  let cpuMs = 0;
  let insertCpuMs = 0;
  let wallMs = 0;
  let restored = 0;
  let reused = 0;
  let continued = 0;
  let runs = 0;
  let done = 0;
  // (where the current 10k stretch started: articles, ledger CPU, CPU, wall)
  let from = { done: 0, ledger: 0, cpu: 0, wall: 0 };
  let part: StoryFeatures[] = [];
  const place = async () => {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    insert(store, part);
    const placed = part.length;
    // (the batch's generated features are the bench's, not the system's: not held through the run)
    part = [];
    const stored = process.cpuUsage(cpu0);
    insertCpuMs += (stored.user + stored.system) / 1000;
    const run = await runStoryLedger(store);
    const cpu = process.cpuUsage(cpu0);
    cpuMs += (cpu.user + cpu.system) / 1000;
    wallMs += performance.now() - t0;
    restored = Math.max(restored, run.restored);
    reused += run.reused;
    if (run.reused > 0) continued++;
    done += placed;
    runs++;
    if (done - from.done >= STREAM_PROGRESS_EVERY || done === n) {
      const ledger = (cpuMs - insertCpuMs - from.ledger) / 1000;
      const wall = (wallMs - from.wall) / 1000;
      chunks.push({ articles: done, ledgerCpuSeconds: ledger, cpuSeconds: (cpuMs - from.cpu) / 1000, wallSeconds: wall, perSecondLedgerCpu: (done - from.done) / ledger, perSecondWall: (done - from.done) / wall, load: loadavg()[0] });
      from = { done, ledger: cpuMs - insertCpuMs, cpu: cpuMs, wall: wallMs };
    }
    if (done % STREAM_PROGRESS_EVERY < batch && done % STREAM_MARK_EVERY !== 0 && done !== n) {
      const rss = process.memoryUsage().rss / 2 ** 20;
      console.error(`stream: ${done.toLocaleString('en')} of ${n.toLocaleString('en')} articles, ${Math.round(done / (cpuMs / 1000))}/s CPU (ledger alone ${Math.round(done / ((cpuMs - insertCpuMs) / 1000))}/s), ${Math.round(wallMs / 1000)} s wall, RSS ${Math.round(rss)} MB, load ${loadavg()[0].toFixed(1)}`);
    }
    if (done % STREAM_MARK_EVERY === 0 || done === n) {
      // (storing the features is the analysis side's write; the ledger's own rate is shown beside it)
      const ledgerCpu = cpuMs - insertCpuMs;
      const m = { articles: done, cpuSeconds: cpuMs / 1000, wallSeconds: wallMs / 1000, perSecondCpu: done / (cpuMs / 1000), perSecondWall: done / (wallMs / 1000), ledgerCpuSeconds: ledgerCpu / 1000, perSecondLedgerCpu: done / (ledgerCpu / 1000), maxRssMB: process.resourceUsage().maxRSS / 1024, maxRestored: restored, runs, runsContinued: continued, reused, load: loadavg()[0] };
      marks.push(m);
      console.error(JSON.stringify(m));
    }
  };
  for (const f of syntheticFeatureStream(n, 7, { personIds: process.env.STORY_STREAM_PERSON_IDS === '1' })) {
    part.push(f);
    if (part.length === batch) await place();
  }
  if (part.length > 0) await place();
  return { batch, marks, chunks, stories: storyDigest(await store.stories()) };
}

/**
 * Digests of the stream's final stories, in id order: ids and members, and the whole stored story
 * (copies, sources, title, span ...). Two trees that group alike print the same.
 */
function storyDigest(stories: { id: string; members: string[]; data: unknown }[]): { count: number; membership: string; stored: string } {
  const members = createHash('sha256');
  const whole = createHash('sha256');
  for (const s of [...stories].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    members.update(`${s.id}:${s.members.join(',')}\n`);
    whole.update(`${JSON.stringify(s.data)}\n`);
  }
  return { count: stories.length, membership: members.digest('hex').slice(0, 16), stored: whole.digest('hex').slice(0, 16) };
}

function child(mode: string, path: string, n: number, chunkArticles = 0): Record<string, number> {
  const bench = new URL('../stories.ts', import.meta.url).pathname;
  const out = execFileSync(process.execPath, ['--import', 'tsx', bench, '--store-child', mode, path, String(n), String(chunkArticles)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!);
}

export async function storeRun(n: number) {
  const dir = mkdtempSync(join(tmpdir(), 'tri-stories-'));
  const path = join(dir, 'store.db');
  try {
    console.log(`\nStore run: SYNTHETIC store of ${n.toLocaleString('en')} articles' features (1,000/day), stories up to date; then a run adding ${NEW_DOCS} new articles of the latest day.`);
    const fill = child('fill', path, n);
    const build = child('first', path, n);
    const run = child('run', path, n);
    const full = child('regroup', path, n + NEW_DOCS);
    const rows = [
      ['step', 'wall s', 'peak RSS MB (process)'],
      [`first run over ${n.toLocaleString('en')} stored articles (ledger built once)`, (build.firstRunMs / 1000).toFixed(2), build.maxRssMB.toFixed(0)],
      [`run of ${NEW_DOCS} new articles (ledger: replays their day, restores open stories; CPU ${(run.cpuMs / 1000).toFixed(2)} s)`, (run.runMs / 1000).toFixed(2), run.maxRssMB.toFixed(0)],
      [`the same run by regrouping everything (previous design: groupStories over all)`, (full.runMs / 1000).toFixed(2), full.maxRssMB.toFixed(0)],
    ];
    const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    rows.forEach((r, j) => {
      console.log(r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  '));
      if (j === 0) console.log(w.map((x) => '-'.repeat(x)).join('  '));
    });
    console.log(`targets: run < 3 s and < 500 MB; speed-up over regrouping everything ×${(full.runMs / run.runMs).toFixed(1)}`);
    return { synthetic: true, storeDocs: n, newDocs: NEW_DOCS, fill, build, run, regroupAll: full };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Undated articles at scale (issue 20's all-undated input, grouping alone): a SQLite store of n
 * SYNTHETIC undated articles' features, the first ledger run over them (its own process: peak RSS
 * is the run's), then a run adding 100 more undated articles (what it replays).
 */
export async function undatedRun(n: number) {
  const dir = mkdtempSync(join(tmpdir(), 'tri-stories-undated-'));
  const path = join(dir, 'store.db');
  try {
    console.log(`\nUndated: SYNTHETIC store of ${n.toLocaleString('en')} undated articles' features (no day, no event day); the first ledger run, then a run adding ${NEW_DOCS} undated articles. Load ${loadavg()[0].toFixed(1)}.`);
    child('fill-undated', path, n);
    const first = child('first', path, n);
    const run = child('run-undated', path, n);
    const rows = [
      ['step', 'CPU s', 'wall s', 'replayed', 'peak RSS MB (process)'],
      [`first run over ${n.toLocaleString('en')} undated articles`, (first.cpuMs / 1000).toFixed(2), (first.firstRunMs / 1000).toFixed(2), String(first.replayed), first.maxRssMB.toFixed(0)],
      [`run of ${NEW_DOCS} new undated articles`, (run.cpuMs / 1000).toFixed(2), (run.runMs / 1000).toFixed(2), String(run.replayed), run.maxRssMB.toFixed(0)],
    ];
    const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    rows.forEach((r, j) => {
      console.log(r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  '));
      if (j === 0) console.log(w.map((x) => '-'.repeat(x)).join('  '));
    });
    return { synthetic: true, undated: true, storeDocs: n, newDocs: NEW_DOCS, first, run, loadAtEnd: loadavg()[0] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type StreamMark = Record<string, number>;
type StreamChunk = { articles: number; perSecondLedgerCpu: number; perSecondWall: number; load: number };
type StreamOut = { batch: number; marks: StreamMark[]; chunks: StreamChunk[]; stories: { count: number; membership: string; stored: string } };

function printRows(rows: string[][]) {
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  rows.forEach((r, j) => {
    console.log(r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  '));
    if (j === 0) console.log(w.map((x) => '-'.repeat(x)).join('  '));
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/**
 * A store holding `copies` copies of a finished stream store's rows, renamed ('o1-' ...) and
 * back-dated (copy k by 100·k days, so all of them lie before the stream's day 0 and every story
 * is closed): every table and index a store of copies × n placed articles has, for running the
 * same stretch over a big store (`--over`). The frequencies and the queue are left empty, as a
 * fresh store has them, so the stretch decides what it decides on an empty store.
 */
async function backDatedCopies(source: string, path: string, copies: number): Promise<void> {
  const store = new Store(path);
  try {
    const db = store.db;
    db.prepare('ATTACH DATABASE ? AS a').run(source);
    db.exec('INSERT OR IGNORE INTO story_ledger_keys SELECT * FROM a.story_ledger_keys');
    for (let k = 1; k <= copies; k++) {
      const p = `'o${k}-'`;
      const shift = -100 * k;
      store.transaction(() => {
        db.exec(`INSERT INTO documents SELECT ${p} || id, source, format, content_type, encoding, content, meta, added_at FROM a.documents`);
        db.exec(`INSERT INTO story_features SELECT ${p} || doc_id, version, published, data FROM a.story_features`);
        db.exec(
          `INSERT INTO story_ledger (doc_id, t, day, story, copy_of, vals, lite, output, version, key_ids, sealed, packed)
           SELECT ${p} || doc_id, t + ${shift}, day + ${shift}, ${p} || story, ${p} || copy_of, vals, lite, ${p} || output, version, key_ids, sealed, packed FROM a.story_ledger`,
        );
        db.exec(`INSERT INTO story_ledger_stories SELECT ${p} || id, ${p} || founder, founder_t + ${shift}, coalesce(closed_at, 60) + ${shift} FROM a.story_ledger_stories`);
        db.exec(`INSERT INTO story_ledger_terms SELECT term, ${p} || story FROM a.story_ledger_terms`);
        db.exec(`INSERT INTO story_ledger_days SELECT day + ${shift}, n FROM a.story_ledger_days`);
        db.exec(`INSERT INTO stories SELECT ${p} || id, data, updated_at FROM a.stories`);
        db.exec(`INSERT INTO story_members SELECT ${p} || doc_id, ${p} || story_id FROM a.story_members`);
        // (the copies are placed already: off the queue the insert trigger put them on)
        db.exec('DELETE FROM story_ledger_queue');
      });
    }
    db.exec('DETACH DATABASE a');
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    await store.close();
  }
}

/**
 * The stream through the store's ledger (SQLite, one process), `n` articles, `runs` times on the
 * same input (each run a fresh store and a fresh process): each run's table, its per-10k rates,
 * and the median of the runs. One run of one tree differs from the next by up to a quarter on a
 * shared machine: a single figure is not a measurement.
 */
export async function streamScale(n: number, runs = 2, over = 0) {
  console.log(
    `\nStream through the story ledger: ${n.toLocaleString('en')} SYNTHETIC articles' features (no analysis; 1,000/day), batches of ${STREAM_BATCH.toLocaleString('en')} stored and placed by one ledger run each (SQLite, one process); CPU time of the process; ${runs} runs on the same input, each on a fresh store; load ${loadavg()[0].toFixed(1)}.`,
  );
  const outs: (StreamOut & { loadAtStart: number; loadAtEnd: number })[] = [];
  const bigOuts: (StreamOut & { loadAtStart: number; loadAtEnd: number })[] = [];
  const copies = Math.ceil(over / n);
  for (let r = 0; r < runs; r++) {
    const dir = mkdtempSync(join(tmpdir(), 'tri-stories-stream-'));
    try {
      const loadAtStart = loadavg()[0];
      const out = child('stream', join(dir, 'stream.db'), n) as unknown as StreamOut;
      outs.push({ ...out, loadAtStart, loadAtEnd: loadavg()[0] });
      if (copies > 0) {
        // the same stretch again, over a store of `copies` back-dated copies of the one just made
        await backDatedCopies(join(dir, 'stream.db'), join(dir, 'big.db'), copies);
        const bigStart = loadavg()[0];
        const big = child('stream', join(dir, 'big.db'), n) as unknown as StreamOut;
        bigOuts.push({ ...big, loadAtStart: bigStart, loadAtEnd: loadavg()[0] });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const out = outs[r];
    console.log(`\nrun ${r + 1} of ${runs} (load ${out.loadAtStart.toFixed(1)} -> ${out.loadAtEnd.toFixed(1)}): ${out.stories.count.toLocaleString('en')} stories, membership ${out.stories.membership}, stored ${out.stories.stored}`);
    const big = bigOuts[r];
    if (big) {
      const [e, b] = [out, big].map((o) => o.marks[o.marks.length - 1].perSecondLedgerCpu);
      console.log(
        `the same ${n.toLocaleString('en')} articles over a store of ${(copies * n).toLocaleString('en')} placed articles (load ${big.loadAtStart.toFixed(1)} -> ${big.loadAtEnd.toFixed(1)}): ${b.toFixed(0)} articles/s ledger CPU against ${e.toFixed(0)} on the empty store (x${(b / e).toFixed(3)}); per 10k ${big.chunks.map((c) => c.perSecondLedgerCpu.toFixed(0)).join(' ')}; ${big.stories.count.toLocaleString('en')} stories with the copies'`,
      );
    }
    const rows = [['articles', 'CPU s (features write + ledger)', 'wall s', 'articles/s (CPU, with the features write)', 'articles/s (wall)', 'articles/s (ledger CPU: the stream)', 'peak RSS MB', 'most restored in a run', 'runs continuing the kept index']];
    for (const m of out.marks)
      rows.push([m.articles.toLocaleString('en'), m.cpuSeconds.toFixed(0), m.wallSeconds.toFixed(0), m.perSecondCpu.toFixed(0), m.perSecondWall.toFixed(0), m.perSecondLedgerCpu.toFixed(0), m.maxRssMB.toFixed(0), String(m.maxRestored), `${m.runsContinued}/${m.runs}`]);
    printRows(rows);
    console.log(`per 10k articles, ledger CPU/s: ${out.chunks.map((c) => c.perSecondLedgerCpu.toFixed(0)).join(' ')}`);
  }
  const whole = outs.map((o) => o.marks[o.marks.length - 1]);
  const pick = (k: string) => whole.map((m) => m[k]);
  const summary = {
    perSecondLedgerCpu: median(pick('perSecondLedgerCpu')),
    perSecondCpu: median(pick('perSecondCpu')),
    perSecondWall: median(pick('perSecondWall')),
    maxRssMB: median(pick('maxRssMB')),
  };
  console.log(`\nThe whole stream, each run and the median of ${runs}:`);
  printRows([
    ['', ...outs.map((_, r) => `run ${r + 1}`), 'median'],
    ['articles/s, ledger CPU (the stream: the issue\'s figure)', ...pick('perSecondLedgerCpu').map((x) => x.toFixed(0)), summary.perSecondLedgerCpu.toFixed(0)],
    ['articles/s, CPU with the features write', ...pick('perSecondCpu').map((x) => x.toFixed(0)), summary.perSecondCpu.toFixed(0)],
    ['articles/s, wall', ...pick('perSecondWall').map((x) => x.toFixed(0)), summary.perSecondWall.toFixed(0)],
    ['peak RSS MB', ...pick('maxRssMB').map((x) => x.toFixed(0)), summary.maxRssMB.toFixed(0)],
    ['load at start -> end', ...outs.map((o) => `${o.loadAtStart.toFixed(1)} -> ${o.loadAtEnd.toFixed(1)}`), ''],
  ]);
  if (new Set(outs.map((o) => `${o.stories.membership} ${o.stories.stored}`)).size > 1) console.log('WARNING: the runs grouped the same input differently (not deterministic)');
  console.log(
    "target: >= 2,000 articles/s with memory bounded by the open windows (compare Scale B: the in-memory index alone, nothing persisted). The stream's figure is 'ledger CPU': the ledger runs reading the stored features, grouping and committing (process CPU, every thread: one core's worth); 'with the features write' adds storing each batch's features (the analysis side's write, JSON and SQLite insert, done here by the bench); generating the SYNTHETIC features is outside both.",
  );
  if (bigOuts.length > 0) {
    const rates = bigOuts.map((o) => o.marks[o.marks.length - 1].perSecondLedgerCpu);
    console.log(`over ${(copies * n).toLocaleString('en')} placed articles: median ${median(rates).toFixed(0)} articles/s ledger CPU (empty store: ${summary.perSecondLedgerCpu.toFixed(0)})`);
    if (new Set(bigOuts.map((o) => `${o.stories.membership} ${o.stories.stored}`)).size > 1) console.log('WARNING: the runs over the big store grouped the same input differently');
  }
  return { synthetic: true, articles: n, runs: outs, median: summary, ...(bigOuts.length > 0 ? { over: { storedArticles: copies * n, runs: bigOuts, medianLedgerCpu: median(bigOuts.map((o) => o.marks[o.marks.length - 1].perSecondLedgerCpu)) } } : {}) };
}

/**
 * The dormant-story wake look-up at scale (`dormantBefore`, src/stories/ledger-follow-up.ts): a
 * SQLite store of n SYNTHETIC articles' features whose articles carry person ids (the feature
 * stream's `personIds` option: each event's people are `PER:` ids named twice, so every article has
 * protagonists and may wake a dormant story), its stories up to date; then a run adding 100 new
 * articles of the latest day (`updateStories`, CPU), and the look-up that run makes, timed alone
 * (the same replay set and replay point, 5 times, in one read transaction after the run). The same
 * steps over the default stream (capitalised-name ids, no protagonists: no look-up) give the run's
 * cost without it (`--person-ids-only`: the stream with person ids alone). Each step runs in its own
 * process, so each peak RSS is its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStoryLedger, updateStories } from '../../src/pipeline.js';
import { SqliteStore as Store } from '../../src/store/sqlite/store.js';
import type { StoryFeatures } from '../../src/stories/index.js';
import { dormantBefore } from '../../src/stories/ledger-follow-up.js';
import { mayFollowUp } from '../../src/stories/follow-up.js';
import { termCounts } from '../../src/stories/story-index.js';
import { insert } from './store-run.js';
import { syntheticFeatureStream } from './synthetic.js';

const NEW_DOCS = 100;
const LOOKUPS = 5;

const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;

/** Child: one step (`fill`, `first`, `run`, `lookup`) over the store at `path`. */
export async function wakeLookupChild(mode: string, path: string, n: number, persons: boolean) {
  const store = new Store(path);
  try {
    if (mode === 'fill') {
      const all = [...syntheticFeatureStream(n + NEW_DOCS, 7, { personIds: persons })];
      insert(store, all.slice(0, n));
      writeFileSync(`${path}.fresh.json`, JSON.stringify(all.slice(n)));
      return {};
    }
    if (mode === 'first') {
      const c0 = process.cpuUsage();
      const run = await runStoryLedger(store);
      return { cpuMs: cpuMs(process.cpuUsage(c0)), stories: run.stories.length, maxRssMB: process.resourceUsage().maxRSS / 1024 };
    }
    const fresh = JSON.parse(readFileSync(`${path}.fresh.json`, 'utf8')) as StoryFeatures[];
    if (mode === 'run') {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      insert(store, fresh);
      const stories = await updateStories(store, undefined, { docIds: fresh.map((f) => f.id) });
      return { cpuMs: cpuMs(process.cpuUsage(c0)), wallMs: performance.now() - t0, stories: stories.length, maxRssMB: process.resourceUsage().maxRSS / 1024 };
    }
    // lookup: what the run above looked up, timed alone (its replay point: the new articles' day)
    const replay = fresh.map((f) => ({ f, tc: termCounts(f) }));
    const d = Math.min(...fresh.map((f) => f.day!));
    const times: number[] = [];
    let found = 0;
    let members = 0;
    // (the stories whose members the look-up reads, and those members: what it decodes)
    let read = 0;
    let readMembers = 0;
    for (let i = 0; i < LOOKUPS; i++) {
      const t0 = performance.now();
      const dormant = await store.storyLedger((ledger) => {
        const membersOf = ledger.membersOf.bind(ledger);
        [read, readMembers] = [0, 0];
        ledger.membersOf = async (ids) => {
          const docs = await membersOf(ids);
          [read, readMembers] = [read + ids.length, readMembers + docs.length];
          return docs;
        };
        return dormantBefore(ledger, replay, d);
      });
      times.push(performance.now() - t0);
      found = dormant.length;
      members = dormant.reduce((s, x) => s + x.members.length, 0);
    }
    times.sort((a, b) => a - b);
    return { waking: fresh.filter(mayFollowUp).length, read, readMembers, dormant: found, dormantMembers: members, medianMs: times[LOOKUPS >> 1], minMs: times[0], maxMs: times[LOOKUPS - 1] };
  } finally {
    await store.close();
  }
}

function child(mode: string, path: string, n: number, persons: boolean): Record<string, number> {
  const bench = new URL('../stories.ts', import.meta.url).pathname;
  const out = execFileSync(process.execPath, ['--import', 'tsx', bench, '--wake-child', mode, path, String(n), persons ? '1' : '0'], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!);
}

/** `npm run bench:stories -- --wake-lookup [N]`: the table, with and without person ids. */
export async function wakeLookup(n: number) {
  console.log(`\nWake look-up: SYNTHETIC store of ${n.toLocaleString('en')} articles' features (1,000/day), stories up to date; a run of ${NEW_DOCS} new articles of the latest day, and its dormant-story look-up alone (median of ${LOOKUPS}). Load ${loadavg().map((x) => x.toFixed(1)).join(' ')}.`);
  const rows = [['stream', 'first run CPU s', 'run of 100: CPU s', 'wall s', 'peak RSS MB', 'may wake', 'stories read (members)', 'dormant kept (members)', 'look-up ms (min-max)']];
  const out: Record<string, unknown>[] = [];
  // (--person-ids-only: the stream with person ids alone, the one that looks dormant stories up)
  for (const persons of process.argv.includes('--person-ids-only') ? [true] : [false, true]) {
    const dir = mkdtempSync(join(tmpdir(), 'tri-stories-wake-'));
    const path = join(dir, 'store.db');
    try {
      child('fill', path, n, persons);
      const first = child('first', path, n, persons);
      const run = child('run', path, n, persons);
      const look = child('lookup', path, n, persons);
      out.push({ personIds: persons, first, run, lookup: look });
      rows.push([
        persons ? 'person ids (PER:, protagonists)' : 'default (NAME: ids, no protagonists)',
        (first.cpuMs / 1000).toFixed(1),
        (run.cpuMs / 1000).toFixed(2),
        (run.wallMs / 1000).toFixed(2),
        run.maxRssMB.toFixed(0),
        String(look.waking),
        `${look.read} (${look.readMembers})`,
        `${look.dormant} (${look.dormantMembers})`,
        `${look.medianMs.toFixed(1)} (${look.minMs.toFixed(1)}-${look.maxMs.toFixed(1)})`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  rows.forEach((r, j) => {
    console.log(r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  '));
    if (j === 0) console.log(w.map((x) => '-'.repeat(x)).join('  '));
  });
  return { synthetic: true, storeDocs: n, newDocs: NEW_DOCS, runs: out, loadAtEnd: loadavg()[0] };
}

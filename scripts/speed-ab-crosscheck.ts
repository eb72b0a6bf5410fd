/**
 * A speed change to the cross-check measured against its base under the same load: one story
 * (`bench/crosscheck-stories.ts`: the first n PolNeAR articles as one `mixed` story, or n `copies`)
 * cross-checked by two source trees in one process, alternately (the order swapped each round),
 * each run timed in CPU time of this process by phase and by part of the fact alignment. Prints
 * per tree the median of each over the rounds, the median of the per-round ratios this/base with
 * the middle half of them (from the first quartile to the third: how far one round can be trusted
 * on a loaded machine), `uptime` before and after, and each tree's report hash (a pure speed
 * change gives the same one). A first round per tree warms the normaliser's caches and is not
 * counted.
 *
 *   git worktree add /tmp/base <commit> && cp -al node_modules /tmp/base/ && ln -s "$PWD/../shared" /tmp/shared
 *   npm run speed:ab:crosscheck -- /tmp/base [--kind mixed|copies] [--size 923] [--rounds 6] [--db PATH] [--this PATH]
 *
 * A tree given by its `dist` directory (`/tmp/base/dist`, built by `npm run build`) runs its compiled
 * modules, as the CLI and the server do; a source tree runs through tsx, as the benches do. `--this`
 * names the second tree (default: the working directory), so `-- $PWD/dist --this $PWD` measures
 * what running through tsx costs one tree.
 *
 * --db: the analysed articles' store, as bench:pipeline:crosscheck's (copy it first: a store
 * another session rebuilds is no measurement).
 */
import { createHash } from 'node:crypto';
import { execSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { polnearPool, type StoryKind, storyOf } from '../bench/crosscheck-stories.js';
import type { AlignmentCounts } from '../src/compare/facts.js';
import type { CrossCheckTimings, crossCheckStory as CrossCheckStory } from '../src/compare/index.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    kind: { type: 'string', default: 'mixed' },
    size: { type: 'string', default: '923' },
    rounds: { type: 'string', default: '6' },
    db: { type: 'string', default: join(tmpdir(), 'triangulate-bench-crosscheck.db') },
    this: { type: 'string', default: process.cwd() },
  },
});
if (!positionals[0] || (values.kind !== 'mixed' && values.kind !== 'copies')) {
  console.error('usage: speed-ab-crosscheck <base tree> [--kind mixed|copies] [--size N] [--rounds N] [--db PATH]');
  process.exit(2);
}

const PHASES = ['prepare', 'align', 'conflicts', 'facts', 'quotes', 'framing', 'timeline', 'brief'] as const;
const PARTS = ['scorer', 'search', 'link', 'facts'] as const;
/** What one run measures: its CPU, each phase's and each alignment part's (ms). */
type Run = Record<string, number>;

interface Tree {
  name: string;
  run: () => { ms: Record<string, number>; hash: string };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function loadTree(tree: string, name: string, articles: Parameters<typeof CrossCheckStory>[0]['articles']): Promise<Tree> {
  // a tree's compiled modules (`<tree>/dist`, what the CLI and the server run) or its sources (run through tsx, as the benches are)
  const [root, mod] = basename(tree) === 'dist' ? [tree, (m: string) => `${m}.js`] : [join(tree, 'src'), (m: string) => `${m}.ts`];
  const { crossCheckStory } = (await import(pathToFileURL(join(root, mod('compare/index'))).href)) as { crossCheckStory: typeof CrossCheckStory };
  const { noAlignmentCounts } = (await import(pathToFileURL(join(root, mod('compare/facts'))).href)) as { noAlignmentCounts: () => AlignmentCounts };
  return {
    name,
    run: () => {
      const timings = Object.fromEntries(PHASES.map((p) => [p, 0])) as unknown as CrossCheckTimings;
      const counts = noAlignmentCounts();
      const c0 = process.cpuUsage();
      const cc = crossCheckStory({ storyId: 'speed-ab', articles, copies: [] }, timings, counts);
      const c = process.cpuUsage(c0);
      const ms: Record<string, number> = { cpu: (c.user + c.system) / 1000 };
      for (const p of PHASES) ms[p] = timings[p];
      for (const p of PARTS) ms[`align.${p}`] = counts.cpu[p];
      return { ms, hash: createHash('sha256').update(JSON.stringify(cc)).digest('hex').slice(0, 16) };
    },
  };
}

const pool = await polnearPool(resolve(values.db!));
const articles = storyOf(values.kind as StoryKind, pool, Number(values.size));
const trees = [await loadTree(resolve(positionals[0]), 'base', articles), await loadTree(resolve(values.this!), 'this', articles)];
const hashes = trees.map((t) => new Set([t.run().hash]));
console.log(`${values.kind} story of ${articles.length} articles, ${values.rounds} rounds; before: ${execSync('uptime').toString().trim()}`);
const runs: Run[][] = trees.map(() => []);
for (let r = 0; r < Number(values.rounds); r++)
  for (let k = 0; k < trees.length; k++) {
    const x = r % 2 ? trees.length - 1 - k : k;
    const { ms, hash } = trees[x].run();
    runs[x].push(ms);
    hashes[x].add(hash);
  }
console.log(`after: ${execSync('uptime').toString().trim()}`);
console.log(['CPU ms', 'base', 'this', 'this/base per round: median (middle half)'].join('\t'));
for (const m of ['cpu', ...PHASES, ...PARTS.map((p) => `align.${p}`)]) {
  const ratios = runs[1].map((v, r) => v[m] / runs[0][r][m]).sort((a, b) => a - b);
  const q = (f: number) => ratios[Math.min(ratios.length - 1, Math.floor(f * ratios.length))].toFixed(3);
  console.log([m, median(runs[0].map((v) => v[m])).toFixed(0), median(runs[1].map((v) => v[m])).toFixed(0), `${median(ratios).toFixed(3)} (${q(0.25)}-${q(0.75)})`].join('\t'));
}
trees.forEach((t, x) => console.log(`${t.name} report: ${[...hashes[x]].join(', ')}`));
if (hashes.some((h) => h.size > 1)) console.log('a tree gave different reports for the same articles');

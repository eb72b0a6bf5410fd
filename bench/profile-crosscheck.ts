/**
 * Where one warm cross-check of a bench story spends its time, by function: the story
 * (`bench/crosscheck-stories.ts`) cross-checked once to warm the caches, then once under the
 * inspector's sampling profiler. Prints the parts under a function (default crossCheckStory) by
 * their share of the samples, inclusive, and the functions that take the most samples themselves.
 *
 * Shares are counted in samples, not in the samples' time deltas: on a loaded machine a sample
 * taken after the process was descheduled carries the whole wait, so deltas give a few functions
 * seconds they never ran (two profiles of one tree disagreed by 4x on the dated acts that way).
 *
 *   node --import tsx bench/profile-crosscheck.ts [--kind copies|mixed] [--size 1000] [--under findConflicts] [--top 30] [--db PATH] [--out FILE.cpuprofile]
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type CrossCheckTimings, crossCheckStory } from '../src/compare/index.js';
import { polnearPool, type StoryKind, storyOf } from './crosscheck-stories.js';

const { values } = parseArgs({
  options: {
    kind: { type: 'string', default: 'copies' },
    size: { type: 'string', default: '1000' },
    under: { type: 'string', default: 'crossCheckStory' },
    top: { type: 'string', default: '30' },
    db: { type: 'string', default: join(tmpdir(), 'triangulate-bench-crosscheck.db') },
    out: { type: 'string' },
  },
});

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

const articles = storyOf(values.kind as StoryKind, await polnearPool(resolve(values.db!)), Number(values.size));
const timings = (): CrossCheckTimings => ({ prepare: 0, align: 0, conflicts: 0, facts: 0, quotes: 0, framing: 0, timeline: 0, brief: 0 });
crossCheckStory({ storyId: 'profile', articles, copies: [] }, timings());
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 500 });
await session.post('Profiler.start');
const phases = timings();
crossCheckStory({ storyId: 'profile', articles, copies: [] }, phases);
const { profile } = await session.post('Profiler.stop');
session.disconnect();
if (values.out) writeFileSync(values.out, JSON.stringify(profile));

const nodes = new Map<number, ProfileNode>((profile.nodes as ProfileNode[]).map((n) => [n.id, n]));
const samples = new Map<number, number>();
for (const id of profile.samples ?? []) samples.set(id, (samples.get(id) ?? 0) + 1);
const name = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-2).join('/')}`;
// inclusive samples per function under the first (outermost) call of `under`, each function counted once per stack
const inclusive = new Map<string, number>();
const own = new Map<string, number>();
let total = 0;
function walk(n: ProfileNode, stack: Map<string, number>, inside: boolean): void {
  const here = inside || n.callFrame.functionName === values.under;
  const k = name(n);
  const s = samples.get(n.id) ?? 0;
  if (here) {
    total += s;
    own.set(k, (own.get(k) ?? 0) + s);
    stack.set(k, (stack.get(k) ?? 0) + 1);
    // a sample counts for every distinct function on its stack
    for (const f of stack.keys()) inclusive.set(f, (inclusive.get(f) ?? 0) + s);
  }
  for (const c of n.children ?? []) walk(nodes.get(c)!, stack, here);
  if (here && stack.set(k, stack.get(k)! - 1).get(k) === 0) stack.delete(k);
}
walk(nodes.get((profile.nodes as ProfileNode[])[0].id)!, new Map(), false);

const pct = (x: number) => `${((100 * x) / Math.max(1, total)).toFixed(1).padStart(5)} %`;
console.log(`${values.kind} story of ${articles.length} articles; phases (CPU ms, profiled run): ${Object.entries(phases).map(([p, ms]) => `${p} ${ms.toFixed(0)}`).join(', ')}`);
console.log(`${total} samples under ${values.under}; inclusive:`);
for (const [k, v] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) console.log(`${pct(v)}  ${k}`);
console.log('own samples:');
for (const [k, v] of [...own].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) console.log(`${pct(v)}  ${k}`);

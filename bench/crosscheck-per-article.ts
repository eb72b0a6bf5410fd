/**
 * How much of a large story's cross-check is work of one article at a time, which worker threads
 * could share out (issue 15; `src/compare/NOTES.md`, session 24): on the `mixed` story of
 * `bench/crosscheck-stories.ts` (923 PolNeAR articles), the CPU of the story's working view
 * (`prepareStory`: each article's sentence words, entities, times and quotes, then the story-level
 * links), of every sentence's claims read eagerly (a run reads them lazily, for the sentences the
 * alignment needs) and of every sentence's dated acts, against a whole cross-check of the same
 * articles; and what handing half of the articles to a worker would cost by itself (a structured
 * clone of them, and their serialised size). Prints one line per round; the first warms the caches.
 *
 *   node --import tsx bench/crosscheck-per-article.ts [--rounds 3] [--db PATH]
 */
import { serialize } from 'node:v8';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { claimsOf } from '../src/compare/claims.js';
import { datedActs } from '../src/compare/dated-acts.js';
import { crossCheckStory } from '../src/compare/index.js';
import { prepareStory } from '../src/compare/prepare.js';
import { polnearPool, storyOf } from './crosscheck-stories.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, db: { type: 'string', default: join(tmpdir(), 'triangulate-bench-crosscheck.db') } } });
const articles = storyOf('mixed', await polnearPool(resolve(values.db!)), 1000);
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** CPU ms of `f`, and what it returned. */
const timed = <T>(f: () => T): [number, T] => {
  const c0 = cpuMs();
  const out = f();
  return [cpuMs() - c0, out];
};
console.log(`mixed story of ${articles.length} articles, load ${loadavg()[0].toFixed(1)}; CPU ms`);
console.log(['round', 'cross-check', 'working view', 'claims (all sentences)', 'dated acts (all)', 'clone half', 'serialise half', 'MB'].join('\t'));
for (let r = 0; r < Math.max(1, Number(values.rounds)); r++) {
  const [whole] = timed(() => crossCheckStory({ storyId: 'bench', articles, copies: [] }));
  const [view, story] = timed(() => prepareStory({ articles, copies: [] }));
  const [claims] = timed(() => story.sentences.map((s) => claimsOf(s).length));
  const [dated] = timed(() => story.sentences.map((s) => datedActs(s).length));
  const half = articles.slice(0, Math.ceil(articles.length / 2));
  const [clone] = timed(() => structuredClone(half));
  const [serialised, bytes] = timed(() => serialize(half).length);
  console.log([r === 0 ? '0 (warm-up)' : r, whole, view, claims, dated, clone, serialised].map((x) => (typeof x === 'number' ? x.toFixed(0) : x)).join('\t') + `\t${(bytes / 1e6).toFixed(1)}`);
}
console.log(`load after ${loadavg()[0].toFixed(1)}`);

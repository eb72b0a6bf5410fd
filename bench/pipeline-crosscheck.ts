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
 * the growth exponent between sizes (1 = linear), and the share of alignment in the total.
 *
 *   npm run bench:pipeline:crosscheck [-- --repeats 3 --sizes 100,250,500,1000 --db PATH]
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { alignFacts } from '../src/compare/facts.js';
import { crossCheckStory } from '../src/compare/index.js';
import { prepareStory } from '../src/compare/prepare.js';
import type { AnnotatedArticle } from '../src/model/types.js';
import { ingestIntoStore } from '../src/pipeline.js';
import { SqliteStore } from '../src/store/sqlite/store.js';

const ROOT = resolve(import.meta.dirname, '..');
const POLNEAR = resolve(ROOT, '../shared/data/attribution/polnear');
// --db PATH: the analysed articles' store (default: one under the system's temp directory, shared by
// every run on the machine; a private copy keeps another session's rebuild out of a measurement)
const { values } = parseArgs({
  options: { repeats: { type: 'string', default: '3' }, sizes: { type: 'string', default: '100,250,500,1000' }, db: { type: 'string', default: join(tmpdir(), 'triangulate-bench-crosscheck.db') } },
});
const repeats = Math.max(1, Number(values.repeats));
const sizes = values.sizes!.split(',').map(Number);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

async function loadArticles(): Promise<AnnotatedArticle[]> {
  const dbPath = resolve(values.db!);
  const fresh = !existsSync(dbPath);
  const store = new SqliteStore(dbPath);
  try {
    if (fresh) {
      console.error('analysing the PolNeAR articles once (cached in', dbPath, ')');
      await ingestIntoStore(store, ['train', 'dev'].map((s) => join(POLNEAR, s, 'text')));
    }
    const out: AnnotatedArticle[] = [];
    for (const id of await store.documentIds()) {
      const a = await store.getAnnotated(id);
      if (a && a.article.status === 'ok') out.push(a);
    }
    return out.sort((x, y) => (x.article.source < y.article.source ? -1 : 1));
  } finally {
    await store.close();
  }
}

/** A lightly edited copy: one sentence dropped (varying), a digit changed (same length: offsets hold), so copies are near, not equal. */
function editedCopy(a: AnnotatedArticle, k: number): AnnotatedArticle {
  const drop = a.sentences.length > 3 ? a.sentences[k % a.sentences.length] : null;
  const text = a.article.text.replace(/\d/, (d) => String((Number(d) + (k % 3)) % 10));
  return {
    ...a,
    article: { ...a.article, docId: `${a.article.docId.slice(0, 24)}${String(k).padStart(8, '0')}`, text, outlet: `Copy outlet ${k % 40}` },
    sentences: drop ? a.sentences.filter((s) => s !== drop) : a.sentences,
  };
}

function storyOf(kind: 'mixed' | 'copies', pool: AnnotatedArticle[], n: number): AnnotatedArticle[] {
  if (kind === 'mixed') return pool.slice(0, n);
  const base = pool.slice(0, 100);
  return Array.from({ length: n }, (_, i) => (i < base.length ? base[i] : editedCopy(base[i % base.length], i)));
}

const pool = await loadArticles();
const rows: Record<string, number | string>[] = [];
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
for (const kind of ['mixed', 'copies'] as const) {
  // the mixed story has as many articles as the pool (923): a larger size runs the whole pool once
  const kindSizes = kind === 'mixed' ? [...new Set(sizes.map((n) => Math.min(n, pool.length)))] : sizes;
  for (const n of kindSizes) {
    const articles = storyOf(kind, pool, n);
    const wall: number[] = [];
    const cpu: number[] = [];
    const align: number[] = [];
    let facts = 0;
    let conflicts = 0;
    for (let r = 0; r < repeats; r++) {
      const t0 = performance.now();
      const c0 = cpuMs();
      const cc = crossCheckStory({ storyId: 'bench', articles, copies: [] });
      cpu.push(cpuMs() - c0);
      wall.push(performance.now() - t0);
      facts = cc.facts.length;
      conflicts = cc.conflicts.length;
      const story = prepareStory({ articles, copies: [] });
      const c1 = cpuMs();
      alignFacts(story);
      align.push(cpuMs() - c1);
    }
    rows.push({ kind, articles: n, sentences: articles.reduce((t, a) => t + a.sentences.length, 0), crossCheckMs: +median(wall).toFixed(0), crossCheckCpuMs: +median(cpu).toFixed(0), alignCpuMs: +median(align).toFixed(0), facts, conflicts });
  }
}
// growth exponent between consecutive sizes: log(t2/t1) / log(n2/n1)
for (let i = 1; i < rows.length; i++) {
  if (rows[i].kind !== rows[i - 1].kind) continue;
  rows[i].exponent = +(Math.log(Number(rows[i].crossCheckCpuMs) / Number(rows[i - 1].crossCheckCpuMs)) / Math.log(Number(rows[i].articles) / Number(rows[i - 1].articles))).toFixed(2);
}
console.log('\nbench:pipeline:crosscheck (medians of', repeats, 'runs; copies = SYNTHETIC near-copies of real articles)');
console.log(['story', 'articles', 'sentences', 'cross-check ms (wall)', 'cross-check ms (CPU)', 'of which align ms (CPU)', 'growth exponent (CPU)', 'facts', 'conflicts'].join('\t'));
for (const r of rows) console.log([r.kind, r.articles, r.sentences, r.crossCheckMs, r.crossCheckCpuMs, r.alignCpuMs, r.exponent ?? '', r.facts, r.conflicts].join('\t'));
const thousand = rows.filter((r) => r.articles === 1000);
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(
  join(ROOT, 'bench/results/pipeline-crosscheck.json'),
  `${JSON.stringify({ date: new Date().toISOString(), repeats, loadAverage: (await import('node:os')).loadavg()[0], target: { articles: 1000, maxMs: 5000 }, pass: thousand.length > 0 && thousand.every((r) => Number(r.crossCheckMs) < 5000), rows }, null, 2)}\n`,
);
console.log('wrote bench/results/pipeline-crosscheck.json');

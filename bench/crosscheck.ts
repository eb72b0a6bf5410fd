/**
 * npm run bench:crosscheck — time of crossCheckStory on a 50-article story (target < 2 s).
 *
 * The story: the four seed articles of the Moscow story plus 46 PolNeAR articles (real political
 * news, 2016; ../shared/data/attribution/polnear/dev), run through ingest → extract → analyse once;
 * only the cross-check is timed. Side by side: a naive alignment a user might write first (all
 * sentence pairs compared by bag-of-words cosine), which gives the scale of the quadratic approach.
 * Median of repeats; also 4, 100 and 200 articles to show how it scales.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyseArticle } from '../src/analyse/index.js';
import { splitSentences } from '../src/analyse/tokenize.js';
import { crossCheckStory } from '../src/compare/index.js';
import { contentKeys } from '../src/compare/text.js';
import { extractArticle } from '../src/extract/index.js';
import { readFile } from '../src/ingest/index.js';
import type { AnnotatedArticle } from '../src/model/types.js';

const ROOT = resolve(import.meta.dirname, '..');
const SEEDS = resolve(ROOT, '../shared/seeds');
const POLNEAR = resolve(ROOT, '../shared/data/attribution/polnear');
const REPEATS = Number(process.env.REPEATS ?? 5);

function load(path: string): AnnotatedArticle | null {
  const r = readFile(path).find((x) => x.kind === 'doc');
  if (r?.kind !== 'doc') return null;
  return analyseArticle(extractArticle(r.doc));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

/** The first thing one would write: every sentence against every sentence of the other articles. */
function naiveAlign(arts: AnnotatedArticle[]): number {
  const sents = arts.flatMap((a) =>
    splitSentences(a.article.text).map((s) => ({ id: a.article.docId, keys: contentKeys(a.article.text, s.start, s.end) })),
  );
  const vecs = sents.map((s) => {
    const m = new Map<string, number>();
    for (const k of s.keys) m.set(k, (m.get(k) ?? 0) + 1);
    let n = 0;
    for (const v of m.values()) n += v * v;
    return { id: s.id, m, n: Math.sqrt(n) };
  });
  let pairs = 0;
  for (let i = 0; i < vecs.length; i++)
    for (let j = i + 1; j < vecs.length; j++) {
      if (vecs[i].id === vecs[j].id) continue;
      let dot = 0;
      for (const [k, v] of vecs[i].m) dot += v * (vecs[j].m.get(k) ?? 0);
      if (vecs[i].n && vecs[j].n && dot / (vecs[i].n * vecs[j].n) > 0.5) pairs++;
    }
  return pairs;
}

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

async function main() {
  const seedFiles = readdirSync(SEEDS)
    .filter((f) => /^00[0134]_/.test(f))
    .sort()
    .map((f) => join(SEEDS, f));
  const polnear = ['dev', 'train'].flatMap((split) =>
    readdirSync(join(POLNEAR, split, 'text'))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => join(POLNEAR, split, 'text', f)),
  );
  const pool = [...seedFiles, ...polnear.slice(0, 96)].map(load).filter((a): a is AnnotatedArticle => !!a);
  const rows: {
    articles: number;
    sentences: number;
    crossCheckMs: number;
    crossCheckCpuMs: number;
    naiveMs: number;
    ratio: number;
    facts: number;
    conflicts: number;
  }[] = [];
  for (const n of [4, 50, 100]) {
    const arts = pool.slice(0, n);
    const sentences = arts.reduce((t, a) => t + a.sentences.length, 0);
    crossCheckStory({ storyId: 'warm', articles: arts, copies: [] });
    const cc: number[] = [];
    const cpu: number[] = [];
    const nv: number[] = [];
    let last = crossCheckStory({ storyId: 'bench', articles: arts, copies: [] });
    for (let r = 0; r < REPEATS; r++) {
      const c0 = process.cpuUsage();
      cc.push(time(() => (last = crossCheckStory({ storyId: 'bench', articles: arts, copies: [] }))));
      const c1 = process.cpuUsage(c0);
      cpu.push((c1.user + c1.system) / 1000);
      nv.push(time(() => naiveAlign(arts)));
    }
    const row = {
      articles: arts.length,
      sentences,
      crossCheckMs: +median(cc).toFixed(1),
      crossCheckCpuMs: +median(cpu).toFixed(1),
      naiveMs: +median(nv).toFixed(1),
      ratio: +(median(cc) / median(nv)).toFixed(2),
      facts: last.facts.length,
      conflicts: last.conflicts.length,
    };
    rows.push(row);
  }
  console.log('articles | sentences | crossCheckStory ms (median wall / cpu) | naive all-pairs cosine ms | ratio | facts | conflicts');
  console.log('---------|-----------|-----------------------------------------|---------------------------|-------|-------|----------');
  for (const r of rows)
    console.log(
      `${String(r.articles).padEnd(9)}| ${String(r.sentences).padEnd(10)}| ${`${r.crossCheckMs} / ${r.crossCheckCpuMs}`.padEnd(40)}| ${String(r.naiveMs).padEnd(26)}| ${String(r.ratio).padEnd(6)}| ${String(r.facts).padEnd(6)}| ${r.conflicts}`,
    );
  const fifty = rows.find((r) => r.articles === 50);
  const result = {
    name: 'crosscheck',
    repeats: REPEATS,
    loadAverage: (await import('node:os')).loadavg()[0],
    target: { articles: 50, maxMs: 2000 },
    pass: !!fifty && fifty.crossCheckMs < 2000,
    rows,
  };
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/crosscheck.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify({ articles50Ms: fifty?.crossCheckMs, articles50CpuMs: fifty?.crossCheckCpuMs, loadAverage: result.loadAverage, pass: result.pass }));
}

await main();

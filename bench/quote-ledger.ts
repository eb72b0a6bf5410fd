/**
 * node --import tsx bench/quote-ledger.ts — CPU time of the quote ledger (buildQuoteLedger) on stories of 250,
 * 500 and 1,000 articles (target for 1,000: well inside the 5 s a whole cross-check may take).
 *
 * The articles: PolNeAR train + dev (924 real political news articles, 2016), run through
 * ingest → extract → analyse once. Two shapes of story, both of 1,000 articles:
 * - distinct: the 924 articles plus 76 copies (different ids) of the first ones;
 * - syndicated: 100 articles each carried by 10 outlets (the same quotes ten times over), where
 *   every wording of a statement must land in one group.
 * Only buildQuoteLedger is timed (prepareStory once per story, outside the timing); median CPU ms
 * of REPEATS runs (default 3). Writes bench/results/quote-ledger.json.
 * QUOTE_LEDGER_CACHE=<file> keeps the analysed articles in that JSON file between runs (analysing
 * 924 articles takes minutes on a busy machine); the timing never includes the analysis.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { analyseArticle } from '../src/analyse/index.js';
import { prepareStory } from '../src/compare/prepare.js';
import { buildQuoteLedger } from '../src/compare/quotes.js';
import { extractArticle } from '../src/extract/index.js';
import { readFile } from '../src/ingest/index.js';
import type { AnnotatedArticle } from '../src/model/types.js';

const ROOT = resolve(import.meta.dirname, '..');
const POLNEAR = resolve(ROOT, '../shared/data/attribution/polnear');
const REPEATS = Number(process.env.REPEATS ?? 3);

function load(path: string): AnnotatedArticle | null {
  const r = readFile(path).find((x) => x.kind === 'doc');
  if (r?.kind !== 'doc') return null;
  return analyseArticle(extractArticle(r.doc));
}

/** A copy of an analysed article under another id and outlet (a syndicated reprint). */
function reprint(a: AnnotatedArticle, n: number): AnnotatedArticle {
  return { ...a, article: { ...a.article, docId: `${a.article.docId}-copy${n}`, outlet: `Outlet ${n}` } };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

function cpuMs(fn: () => void): number {
  const c0 = process.cpuUsage();
  fn();
  const c1 = process.cpuUsage(c0);
  return (c1.user + c1.system) / 1000;
}

function measure(name: string, arts: AnnotatedArticle[]) {
  const story = prepareStory({ articles: arts, copies: [] });
  let ledger = buildQuoteLedger(story);
  const times: number[] = [];
  for (let r = 0; r < REPEATS; r++) times.push(cpuMs(() => (ledger = buildQuoteLedger(story))));
  const statements = ledger.reduce((t, l) => t + l.statements.length, 0);
  const wordings = ledger.reduce((t, l) => t + l.statements.reduce((u, s) => u + s.wordings.length, 0), 0);
  // in a syndicated story every statement is carried by a multiple of the copies
  const largest = Math.max(0, ...ledger.flatMap((l) => l.statements.map((s) => s.articles.length)));
  return { story: name, articles: arts.length, cpuMs: +median(times).toFixed(1), speakers: ledger.length, statements, wordings, largestStatementArticles: largest };
}

async function main() {
  const files = ['train', 'dev'].flatMap((split) =>
    readdirSync(join(POLNEAR, split, 'text'))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => join(POLNEAR, split, 'text', f)),
  );
  const cache = process.env.QUOTE_LEDGER_CACHE;
  let pool: AnnotatedArticle[];
  if (cache && existsSync(cache)) pool = JSON.parse(readFileSync(cache, 'utf8')) as AnnotatedArticle[];
  else {
    pool = files.map(load).filter((a): a is AnnotatedArticle => !!a);
    if (cache) writeFileSync(cache, JSON.stringify(pool));
  }
  const distinct = (n: number) => [...pool, ...pool.map((a, i) => reprint(a, i))].slice(0, n);
  const rows = [250, 500, 1000].map((n) => measure('distinct', distinct(n)));
  const syndicated = pool.slice(0, 100).flatMap((a) => [a, ...Array.from({ length: 9 }, (_, k) => reprint(a, k + 1))]);
  rows.push(measure('syndicated', syndicated));
  console.log('story      | articles | buildQuoteLedger CPU ms (median) | speakers | statements | wordings | most articles in one statement');
  for (const r of rows)
    console.log(`${r.story.padEnd(11)}| ${String(r.articles).padEnd(9)}| ${String(r.cpuMs).padEnd(33)}| ${String(r.speakers).padEnd(9)}| ${String(r.statements).padEnd(11)}| ${String(r.wordings).padEnd(9)}| ${r.largestStatementArticles}`);
  const result = { name: 'quote-ledger', repeats: REPEATS, loadAverage: loadavg()[0], rows };
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/quote-ledger.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result));
}

await main();

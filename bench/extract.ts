/**
 * bench:extract — article extraction, side by side with @mozilla/readability on the same DOM
 * library (linkedom), on the article-extraction-benchmark dev half; plain-text mode on the same
 * pages rendered as a naive scraper would; metadata on Readability's test pages; wire detection
 * on PolNeAR. Prints a table and writes bench/results/extract.json.
 *
 * Body scoring re-implements the benchmark's own: \w+ tokens, 4-token shingles with counts,
 * per-page tp/fp/fn normalised to sum 1, summed over pages, P/R/F1 from the sums
 * (src/extract/eval/shingles.ts). Times are medians of REPEATS runs, each run covering all pages
 * (parse + extraction, gunzip excluded) for both tools, interleaved.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { aggregate, macro, type PageCounts, pageCounts } from '../src/extract/eval/shingles.js';
import { extractArticle, renderVisibleText } from '../src/extract/index.js';
import type { RawDocument } from '../src/model/types.js';

const SHARED = join(import.meta.dirname, '..', '..', 'shared', 'data');
const AEB = join(SHARED, 'extraction', 'article-extraction-benchmark-dev');
const RTP = join(SHARED, 'extraction', 'readability-test-pages');
const POLNEAR = join(SHARED, 'attribution', 'polnear');
const REPEATS = Number(process.env.REPEATS ?? 5);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const f3 = (x: number) => x.toFixed(3);

function raw(id: string, content: string, contentType: 'html' | 'text', url?: string): RawDocument {
  return { id, source: id, format: contentType, content, contentType, encoding: 'utf-8', meta: url ? { url } : {} };
}

function readability(html: string): string {
  const { document } = parseHTML(html);
  try {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- linkedom document passed to Readability
    return new Readability(document as any).parse()?.textContent ?? '';
  } catch {
    return '';
  }
}

function table(rows: (string | number)[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ')).join('\n');
}

// ---------- 1. HTML body extraction
const truth = JSON.parse(readFileSync(join(AEB, 'ground-truth.json'), 'utf8')) as Record<string, { url: string; articleBody: string }>;
const ids = Object.keys(truth).sort();
const pages = ids.map((id) => ({ id, url: truth[id].url, html: gunzipSync(readFileSync(join(AEB, 'html', `${id}.html.gz`))).toString('utf8') }));

const oursText = new Map<string, string>();
const rbText = new Map<string, string>();
const oursTimes: number[] = [];
const rbTimes: number[] = [];
for (let r = 0; r < REPEATS; r++) {
  let t0 = performance.now();
  for (const p of pages) oursText.set(p.id, extractArticle(raw(p.id, p.html, 'html', p.url)).text);
  oursTimes.push(performance.now() - t0);
  t0 = performance.now();
  for (const p of pages) rbText.set(p.id, readability(p.html));
  rbTimes.push(performance.now() - t0);
}
const oursCounts: PageCounts[] = ids.map((id) => pageCounts(truth[id].articleBody, oursText.get(id)!));
const rbCounts: PageCounts[] = ids.map((id) => pageCounts(truth[id].articleBody, rbText.get(id)!));
const ours = aggregate(oursCounts);
const rb = aggregate(rbCounts);
// the fixed split (bench/extract-split.json, committed before tuning): tune on one half, report both
const split = JSON.parse(readFileSync(join(import.meta.dirname, 'extract-split.json'), 'utf8')) as { tune: string[]; heldout: string[] };
const splitScores = Object.fromEntries(
  (['tune', 'heldout'] as const).map((name) => {
    const members = new Set(split[name]);
    const pick = (counts: PageCounts[]) => counts.filter((_, i) => members.has(ids[i]));
    return [name, { pages: members.size, triangulate: aggregate(pick(oursCounts)), readability: aggregate(pick(rbCounts)) }];
  }),
) as Record<'tune' | 'heldout', { pages: number; triangulate: ReturnType<typeof aggregate>; readability: ReturnType<typeof aggregate> }>;
const oursPps = pages.length / (median(oursTimes) / 1000);
const rbPps = pages.length / (median(rbTimes) / 1000);

// ---------- 2. plain-text mode on the same pages rendered as a naive scraper would
const rendered = pages.map((p) => ({ id: p.id, text: renderVisibleText(p.html) }));
const txtTimes: number[] = [];
const txtOut = new Map<string, string>();
for (let r = 0; r < REPEATS; r++) {
  const t0 = performance.now();
  for (const p of rendered) txtOut.set(p.id, extractArticle(raw(p.id, p.text, 'text')).text);
  txtTimes.push(performance.now() - t0);
}
const txtCounts = rendered.map((p) => pageCounts(truth[p.id].articleBody, txtOut.get(p.id)!));
const txt = aggregate(txtCounts);
const txtMacro = macro(txtCounts);
const naive = aggregate(rendered.map((p) => pageCounts(truth[p.id].articleBody, p.text)));
const txtPps = rendered.length / (median(txtTimes) / 1000);

// ---------- 3. metadata on Readability's test pages
const norm = (s: unknown) =>
  typeof s === 'string'
    ? s
        .toLowerCase()
        .replace(/^\s*by\s+/, '')
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim()
    : '';
/**
 * Readability's bylines are raw strings ("By Lucas Nolan22 Dec 2016651", "By Brenda Goodman, MA WebMD
 * Health News"); ours are people only. A byline matches when every name we give appears in the
 * expected string (normalised) and we give at least one.
 */
const bylineMatch = (got: string, exp: string) => {
  const e = ` ${norm(exp)} `;
  return got.split(', ').every((n) => e.includes(` ${norm(n)} `) || e.includes(norm(n)));
};
/** Same instant when both carry a time and an offset, else the same calendar day. */
const sameInstant = (a: string, b: string) => {
  const zoned = (x: string) => /T\d{2}:\d{2}.*(Z|[+-]\d{2}:?\d{2})$/.test(x);
  if (zoned(a) && zoned(b)) return Math.abs(Date.parse(a) - Date.parse(b)) < 60_000;
  return a.slice(0, 10) === b.slice(0, 10);
};
type Field = 'title' | 'byline' | 'publishedTime' | 'siteName';
const fields: Field[] = ['title', 'byline', 'publishedTime', 'siteName'];
const metaScore: Record<string, Record<Field, { hit: number; expected: number; hitAll: number; all: number }>> = {
  triangulate: Object.fromEntries(fields.map((f) => [f, { hit: 0, expected: 0, hitAll: 0, all: 0 }])) as never,
  readability: Object.fromEntries(fields.map((f) => [f, { hit: 0, expected: 0, hitAll: 0, all: 0 }])) as never,
};
const metaMisses: Record<string, string[]> = {};
const rtpCounts: PageCounts[] = [];
for (const dir of readdirSync(RTP).sort()) {
  const src = join(RTP, dir, 'source.html');
  const expFile = join(RTP, dir, 'expected-metadata.json');
  if (!existsSync(src) || !existsSync(expFile)) continue;
  const html = readFileSync(src, 'utf8');
  const exp = JSON.parse(readFileSync(expFile, 'utf8')) as Record<Field, string | null>;
  const a = extractArticle(raw(dir, html, 'html'));
  const expHtml = join(RTP, dir, 'expected.html');
  if (existsSync(expHtml)) {
    const ref = parseHTML(`<html><body>${readFileSync(expHtml, 'utf8')}</body></html>`).document.body.textContent ?? '';
    rtpCounts.push(pageCounts(ref, a.text));
  }
  const mine: Record<Field, string | null> = {
    title: a.title,
    byline: a.byline.length ? a.byline.join(', ') : null,
    publishedTime: a.published?.iso ?? null,
    siteName: a.outlet,
  };
  const { document } = parseHTML(html);
  let rbMeta: Record<Field, string | null> = { title: null, byline: null, publishedTime: null, siteName: null };
  try {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- linkedom document passed to Readability
    const r = new Readability(document as any).parse();
    if (r) rbMeta = { title: r.title ?? null, byline: r.byline ?? null, publishedTime: r.publishedTime ?? null, siteName: r.siteName ?? null };
  } catch {
    // Readability found no metadata: scored as missing
  }
  for (const [tool, got] of [
    ['triangulate', mine],
    ['readability', rbMeta],
  ] as const) {
    for (const f of fields) {
      const e = exp[f];
      const g = got[f];
      let ok: boolean;
      if (f === 'publishedTime') ok = e ? !!g && sameInstant(g, String(e)) : !g;
      else if (f === 'byline') ok = e ? !!g && bylineMatch(g, e) : !g;
      else ok = e ? norm(g) === norm(e) : !g;
      const s = metaScore[tool][f];
      s.all++;
      if (ok) s.hitAll++;
      if (e) {
        s.expected++;
        if (ok) s.hit++;
      }
      if (!ok && tool === 'triangulate') (metaMisses[f] ??= []).push(`${dir}: expected ${JSON.stringify(e)} got ${JSON.stringify(g)}`);
    }
  }
}

// ---------- 4. wire detection on PolNeAR
const metaRows = readFileSync(join(POLNEAR, 'metadata.tsv'), 'utf8').trim().split('\n').slice(1);
let tp = 0;
let fp = 0;
let fn = 0;
let agencyOk = 0;
const wireErrors: string[] = [];
const LABEL: Record<string, string> = {
  ap: 'Associated Press',
  reuters: 'Reuters',
  afp: 'Agence France-Presse',
  upi: 'United Press International',
};
for (const row of metaRows) {
  const c = row.split('\t');
  const file = join(POLNEAR, c[0], 'text', `${c[1]}.txt`);
  if (!existsSync(file)) continue;
  const gold = c[11] && c[11] !== 'None' && c[11] !== 'NA' ? c[11] : null;
  const a = extractArticle(raw(c[1], readFileSync(file, 'utf8'), 'text'));
  if (gold && a.wire) {
    tp++;
    if (LABEL[gold.toLowerCase()] === a.wire) agencyOk++;
    else wireErrors.push(`${c[1]}: gold ${gold} got ${a.wire}`);
  } else if (a.wire) {
    fp++;
    wireErrors.push(`${c[1]}: gold none got ${a.wire}`);
  } else if (gold) {
    fn++;
    wireErrors.push(`${c[1]}: gold ${gold} got none`);
  }
}
const wireP = tp + fp ? tp / (tp + fp) : 0;
const wireR = tp + fn ? tp / (tp + fn) : 0;

// ---------- report
console.log(`\nBody extraction, article-extraction-benchmark dev (${pages.length} pages, shingle P/R/F1; time = median of ${REPEATS} runs)`);
console.log(
  table([
    ['tool', 'precision', 'recall', 'F1', 'pages/s', 'ms/run'],
    ['triangulate (html)', f3(ours.precision), f3(ours.recall), f3(ours.f1), oursPps.toFixed(1), median(oursTimes).toFixed(0)],
    ['readability (linkedom)', f3(rb.precision), f3(rb.recall), f3(rb.f1), rbPps.toFixed(1), median(rbTimes).toFixed(0)],
    ['triangulate (plain text)', f3(txt.precision), f3(txt.recall), f3(txt.f1), txtPps.toFixed(1), median(txtTimes).toFixed(0)],
    ['all visible text (no extraction)', f3(naive.precision), f3(naive.recall), f3(naive.f1), '-', '-'],
  ]),
);
console.log('\nBy split (bench/extract-split.json; tuning used only "tune"): body P/R/F1');
console.log(
  table([
    ['split', 'pages', 'triangulate P', 'R', 'F1', 'readability P', 'R', 'F1', 'F1 difference'],
    ...(['tune', 'heldout'] as const).map((k) => {
      const x = splitScores[k];
      const d = x.triangulate.f1 - x.readability.f1;
      return [k, x.pages, f3(x.triangulate.precision), f3(x.triangulate.recall), f3(x.triangulate.f1), f3(x.readability.precision), f3(x.readability.recall), f3(x.readability.f1), (d >= 0 ? '+' : '') + d.toFixed(3)];
    }),
  ]),
);
const oursMacro = macro(oursCounts);
const rbMacro = macro(rbCounts);
console.log(
  `macro averages (mean of per-page P/R/F1): triangulate P ${f3(oursMacro.precision)} R ${f3(oursMacro.recall)} F1 ${f3(oursMacro.f1)}; readability P ${f3(rbMacro.precision)} R ${f3(rbMacro.recall)} F1 ${f3(rbMacro.f1)}; plain text F1 ${f3(txtMacro.f1)}`,
);
console.log(`throughput ratio triangulate/readability: ${(oursPps / rbPps).toFixed(2)}x; F1 difference: ${(ours.f1 - rb.f1 >= 0 ? '+' : '') + (ours.f1 - rb.f1).toFixed(3)}`);
console.log('\nMetadata, readability-test-pages (accuracy where the expected field is non-null / over all pages, where a value Readability lacks counts as wrong)');
console.log(
  table([
    ['field', 'triangulate', 'readability', 'pages with field'],
    ...fields.map((f) => [
      f,
      `${f3(metaScore.triangulate[f].hit / Math.max(1, metaScore.triangulate[f].expected))} / ${f3(metaScore.triangulate[f].hitAll / Math.max(1, metaScore.triangulate[f].all))}`,
      `${f3(metaScore.readability[f].hit / Math.max(1, metaScore.readability[f].expected))} / ${f3(metaScore.readability[f].hitAll / Math.max(1, metaScore.readability[f].all))}`,
      metaScore.triangulate[f].expected,
    ]),
  ]),
);
console.log('(expected-metadata.json is Readability\'s own output, so Readability matches it by construction)');
const rtp = aggregate(rtpCounts);
console.log(`Body vs expected.html on the same pages (Readability's output, a regression guard): P ${f3(rtp.precision)} R ${f3(rtp.recall)} F1 ${f3(rtp.f1)}`);
console.log(`\nWire detection, PolNeAR metadata.tsv wire column (${metaRows.length} articles): precision ${f3(wireP)} recall ${f3(wireR)} (tp ${tp}, fp ${fp}, fn ${fn}); agency named right on ${agencyOk}/${tp}`);

mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
const out = {
  date: new Date().toISOString(),
  repeats: REPEATS,
  html: {
    pages: pages.length,
    triangulate: { ...ours, pagesPerSecond: oursPps, medianMs: median(oursTimes) },
    readability: { ...rb, pagesPerSecond: rbPps, medianMs: median(rbTimes) },
    throughputRatio: oursPps / rbPps,
    splits: splitScores,
    macro: { triangulate: oursMacro, readability: rbMacro },
    perPage: ids.map((id, i) => ({ id, url: truth[id].url, triangulate: oursCounts[i], readability: rbCounts[i] })),
  },
  plainText: { triangulate: { ...txt, pagesPerSecond: txtPps }, macro: txtMacro, noExtraction: naive },
  metadata: { scores: metaScore, misses: metaMisses, bodyVsReadabilityExpected: aggregate(rtpCounts) },
  wire: { precision: wireP, recall: wireR, tp, fp, fn, agencyCorrect: agencyOk, errors: wireErrors },
};
writeFileSync(join(import.meta.dirname, 'results', 'extract.json'), `${JSON.stringify(out, null, 1)}\n`);
console.log('\nwrote bench/results/extract.json');

/**
 * Quality of story grouping on real data, side by side with tuned TF-IDF baselines.
 *
 * - ECB+ dev (../shared/data/stories/ecbplus-dev.jsonl, topics 1-35, two similar events per topic),
 *   split IN ADVANCE: odd topics are the development half, even topics are held out (never tuned on).
 *   Each article goes through `processDocument` (extraction, entities, time expressions, features),
 *   as `analyze` does.
 * - UCI News Aggregator sample (headlines): the headline is the article; entities from Triangulate's
 *   recogniser. Split by gold story into two halves for the baselines' cross-tuning.
 * Baselines are scored at their best threshold on the same split (an oracle) and at the threshold
 * that is best on the other split (what tuning would give a user).
 */
import { readFileSync } from 'node:fs';
import { entityIndex, recogniseEntities } from '../../src/analyse/entities/index.js';
import { splitSentences } from '../../src/analyse/tokenize.js';
import { analyseArticle } from '../../src/analyse/index.js';
import { extractArticle } from '../../src/extract/index.js';
import type { RawDocument } from '../../src/model/types.js';
import { processDocument } from '../../src/pipeline.js';
import { groupStories, StoryLedger, storyEntities, storyFeatures, type StoryFeatures, storyInputOf } from '../../src/stories/index.js';
import { type ClusterScores, scoreClusters } from '../../src/stories/metrics.js';
import { averageLinkMerges, cut, singlePass, THRESHOLDS, tfidfVectors } from './baselines.js';
import { parseCsv } from './csv.js';
import { prng } from '../../src/util/random.js';

const SHARED = new URL('../../../shared/', import.meta.url).pathname;

export interface Split {
  name: string;
  ids: string[];
  texts: string[];
  gold: Map<string, string>;
  features: StoryFeatures[];
  /**
   * Each article's features as an article with no publication date gives them (ECB+ halves; read
   * on first call): extracted, its date removed, then analysed, so that a weekday or "yesterday"
   * resolves against nothing, as in a text that carries no date (`cv.ts datesDropped`).
   */
  undated?: () => StoryFeatures[];
}

/** The ECB+ articles (both halves: callers keep the half they may read). */
export function ecbRows(): { id: string; url?: string; title: string; text: string; event: string }[] {
  return readFileSync(`${SHARED}data/stories/ecbplus-dev.jsonl`, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; url?: string; title: string; text: string; event: string });
}

/** One half of ECB+ (parity of the topic: 1 = development half, 0 = held out), through `processDocument`. */
export function ecbHalf(parity: 0 | 1, rows = ecbRows()): Split {
  const name = parity === 1 ? 'ECB+ dev, odd topics (development half)' : 'ECB+ dev, even topics (held out)';
  const rs = rows.filter((r) => parseInt(r.id, 10) % 2 === parity);
  const raw = (r: (typeof rs)[number]): RawDocument => ({ id: r.id, source: r.id, format: 'json', content: r.text, contentType: 'text', encoding: 'utf-8', meta: { title: r.title, ...(r.url ? { url: r.url } : {}) } });
  const features = rs.map((r) => processDocument(raw(r)).features);
  let undated: StoryFeatures[] | null = null;
  return {
    name,
    ids: rs.map((r) => r.id),
    texts: rs.map((r) => `${r.title}\n${r.text}`),
    gold: new Map(rs.map((r) => [r.id, r.event])),
    features,
    undated: () => (undated ??= rs.map((r) => undatedFeatures(raw(r)))),
  };
}

/**
 * The ECB+ development half with each article cut to its first `n` sentences (`--truncated`): short
 * reports (a wire brief, a feed's summary) bring fewer words, names and people named twice, which
 * the grouping's evidence reads. The date lines that open an ECB+ text (short paragraphs with a
 * digit, "May 03, 2013") are kept: in a feed the date comes as metadata, not as a sentence.
 */
export function ecbTruncated(n: number, rows = ecbRows()): Split {
  const cut = rows.map((r) => ({ ...r, text: firstSentences(r.text, n) }));
  return { ...ecbHalf(1, cut), name: `ECB+ development half, first ${n} sentences` };
}

function firstSentences(text: string, n: number): string {
  const paras = text.split(/\n\s*\n/);
  let lead = 0;
  while (lead < paras.length && paras[lead].length < 40 && /\d/.test(paras[lead])) lead++;
  const body = paras.slice(lead).join('\n\n');
  const sentences = splitSentences(body);
  const end = sentences.length > n ? sentences[n - 1].end : body.length;
  return [...paras.slice(0, lead), body.slice(0, end)].join('\n\n');
}

/** The story features of a document read as if it carried no publication date (`Split.undated`). */
function undatedFeatures(raw: RawDocument): StoryFeatures {
  const article = extractArticle(raw);
  if (article.status !== 'ok') return processDocument(raw).features;
  return storyFeatures(storyInputOf(analyseArticle({ ...article, published: null })));
}

export function loadEcb(): { odd: Split; even: Split } {
  const rows = ecbRows();
  return { odd: ecbHalf(1, rows), even: ecbHalf(0, rows) };
}

export function loadUci(): { all: Split; a: Split; b: Split } {
  const rows = parseCsv(readFileSync(`${SHARED}data/clustering/uci-news-aggregator-sample.csv`, 'utf8'));
  const head = rows[0];
  const col = (n: string) => head.indexOf(n);
  const items = rows
    .slice(1)
    .filter((r) => r.length === head.length)
    .map((r) => ({ id: r[col('ID')], title: r[col('TITLE')], publisher: r[col('PUBLISHER')], url: r[col('URL')], time: Number(r[col('TIMESTAMP')]), story: r[col('STORY')] }));
  const features = new Map(
    items.map((r) => [
      r.id,
      storyFeatures({
        id: r.id,
        title: r.title,
        text: r.title,
        outlet: r.publisher || null,
        url: r.url,
        published: new Date(r.time).toISOString(),
        eventDates: [],
        entities: storyEntities(entityIndex(recogniseEntities(r.title, splitSentences(r.title)))),
      }),
    ]),
  );
  const make = (name: string, keep: (story: string) => boolean): Split => {
    const rs = items.filter((r) => keep(r.story));
    return { name, ids: rs.map((r) => r.id), texts: rs.map((r) => r.title), gold: new Map(rs.map((r) => [r.id, r.story])), features: rs.map((r) => features.get(r.id)!) };
  };
  const half = (s: string) => [...s].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % 2 === 0;
  return { all: make('UCI headlines (all)', () => true), a: make('UCI headlines, half A', half), b: make('UCI headlines, half B', (s) => !half(s)) };
}

interface Curve {
  threshold: number;
  scores: ClusterScores;
}

function sweep(split: Split, method: 'single-pass' | 'average-link'): Curve[] {
  const vecs = tfidfVectors(split.texts);
  if (method === 'single-pass') return THRESHOLDS.map((t) => ({ threshold: t, scores: scoreClusters(split.gold, singlePass(split.ids, vecs, t)) }));
  const merges = averageLinkMerges(vecs);
  return THRESHOLDS.map((t) => ({ threshold: t, scores: scoreClusters(split.gold, cut(split.ids, merges, t)) }));
}

const best = (c: Curve[]) => c.reduce((a, b) => (b.scores.bcubed.f1 > a.scores.bcubed.f1 ? b : a));
const at = (c: Curve[], t: number) => c.find((x) => x.threshold === t)!;

/** Triangulate on one split: batch, and incremental runs in shuffled batches (must equal the batch). */
async function triangulate(split: Split, seeds = [1, 2, 3]) {
  const t0 = performance.now();
  const batch = groupStories(split.features);
  const ms = performance.now() - t0;
  const key = JSON.stringify(batch);
  const incremental: { same: boolean; f1: number }[] = [];
  for (const seed of seeds) {
    const r = prng(seed);
    const order = [...split.features].map((f) => [r(), f] as const).sort((a, b) => a[0] - b[0]).map((x) => x[1]);
    const ledger = new StoryLedger();
    // five runs of random size: each back-dated run replays from its earliest article
    const cuts = [0, ...[1, 2, 3, 4].map(() => Math.floor(r() * order.length)).sort((a, b) => a - b), order.length];
    for (let i = 0; i + 1 < cuts.length; i++) await ledger.update(order.slice(cuts[i], cuts[i + 1]));
    const stories = ledger.stories();
    incremental.push({ same: JSON.stringify(stories) === key, f1: scoreClusters(split.gold, stories.map((g) => g.members)).bcubed.f1 });
  }
  return { scores: scoreClusters(split.gold, batch.map((g) => g.members)), ms, incremental };
}

export async function quality(pairs: [Split, Split][], label: (s: ClusterScores) => string[]) {
  const table: string[][] = [['data', 'system', 'B3 P', 'B3 R', 'B3 F1', 'pair F1', 'clusters/gold']];
  const out: Record<string, unknown>[] = [];
  for (const [split, other] of pairs) {
    const tri = await triangulate(split);
    const rows: [string, ClusterScores, Record<string, unknown>][] = [[`Triangulate (batch = incremental: ${tri.incremental.every((x) => x.same) ? 'identical in 3 shuffled orders of 5 runs' : 'DIFFERS'})`, tri.scores, { incremental: tri.incremental, ms: tri.ms }]];
    for (const method of ['single-pass', 'average-link'] as const) {
      const mine = sweep(split, method);
      const theirs = sweep(other, method);
      const b = best(mine);
      const tOther = best(theirs).threshold;
      rows.push([`TF-IDF ${method}, best t=${b.threshold} on this split (oracle)`, b.scores, { threshold: b.threshold }]);
      rows.push([`TF-IDF ${method}, t=${tOther} tuned on ${other.name}`, at(mine, tOther).scores, { threshold: tOther }]);
    }
    for (const [name, s, extra] of rows) {
      table.push([split.name, name, ...label(s), `${s.predictedClusters}/${s.goldClusters}`]);
      out.push({ data: split.name, system: name, scores: s, ...extra });
    }
  }
  return { table, out };
}

/**
 * B-cubed F1 of the batch grouping on `n` paired subsamples of a split (each keeps an article with
 * probability 0.8, drawn by a fixed seed in the split's order, so two versions of the code meet the
 * same subsamples). One half moves by 0.01-0.03 when a single merge or split changes; the mean over
 * subsamples, and whether any subsample got worse, is a steadier development signal. Development
 * halves only: the held-out halves stay a single figure read at the end.
 */
export function subsampleScores(split: Split, n: number): { mean: number; f1s: number[] } {
  const f1s: number[] = [];
  for (let seed = 1; seed <= n; seed++) {
    const r = prng(seed * 7919);
    const features = split.features.filter(() => r() > 0.2);
    const gold = new Map(features.map((f) => [f.id, split.gold.get(f.id)!]));
    f1s.push(scoreClusters(gold, groupStories(features).map((g) => g.members)).bcubed.f1);
  }
  return { mean: f1s.reduce((a, b) => a + b, 0) / Math.max(1, n), f1s };
}

/**
 * Fits settle's merge test (merge-model.ts) and scores it out of fold (issue 17, experiment).
 *
 * Rows: every merge candidate the rules' settle weighs under the group test (one side without a
 * publication day, or stories about other people) with a cosine at `mergeThreshold` or above, on
 * the ECB+ development half and on copies of it with the publication day dropped from 30 % / 50 %
 * of its dated articles by training seeds (not the figures' seeds 1–5). Label: the merge joins
 * more article pairs of one event than of two; weight: the difference (what the merge gains or
 * costs in pairs). --majority: label by the two stories' majority events, weight na · nb.
 *
 * Scores: leave-one-topic-out (a model fitted without the topic's rows groups the whole half, the
 * topic's articles are scored; pooled), on the development half and its dates-dropped draws (the
 * figures' seeds); UCI half A with the model fitted on all ECB+ rows. Rules alongside.
 *
 *   node --import tsx scripts/train-story-merges.ts [--l2 1] [--unweighted] [--majority] [--bias B]
 *
 * --bias B asks odds of e^B to one for a merge. Nothing is written: the model is not shipped.
 */
import { groupStories, type StoryFeatures } from '../src/stories/index.js';
import { DEFAULTS, traceDecisions } from '../src/stories/story-index.js';
import { fitLogistic, MERGE_FEATURES, type MergeModel } from '../src/stories/merge-model.js';
import type { Split } from '../bench/stories/quality.js';
import { dropDates, loadSplits, majorityEvent } from '../bench/stories/dev-cache.js';

const argv = process.argv.slice(2);
const arg = (name: string, d: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : d);
const TRAIN_SEEDS = [101, 102, 103, 104, 105];
const FIGURE_SEEDS = [1, 2, 3, 4, 5];
const FRACTIONS = [0.3, 0.5];

interface Row {
  topic: number;
  x: number[];
  y: number;
  w: number;
}

function rowsOf(split: Split): Row[] {
  const rows: Row[] = [];
  const draws: StoryFeatures[][] = [split.features, ...FRACTIONS.flatMap((f) => TRAIN_SEEDS.map((seed) => dropDates(split, f, seed)))];
  for (const features of draws) {
    traceDecisions(null, (a, b, _step, x, cos) => {
      if (cos < DEFAULTS.mergeThreshold) return;
      if (argv.includes('--majority')) {
        rows.push({ topic: parseInt(a[0], 10), x, y: majorityEvent(a, split.gold) === majorityEvent(b, split.gold) ? 1 : 0, w: a.length * b.length });
        return;
      }
      // the pairs the merge joins: of one event (gained) against of two (lost); the row weighs their difference
      const events = new Map<string, number>();
      for (const id of a) events.set(split.gold.get(id)!, (events.get(split.gold.get(id)!) ?? 0) + 1);
      let same = 0;
      for (const id of b) same += events.get(split.gold.get(id)!) ?? 0;
      const other = a.length * b.length - same;
      if (same !== other) rows.push({ topic: parseInt(a[0], 10), x, y: same > other ? 1 : 0, w: Math.abs(same - other) });
    });
    try {
      groupStories(features);
    } finally {
      traceDecisions(null);
    }
  }
  return rows;
}

function fit(rows: Row[]): MergeModel {
  const unweighted = argv.includes('--unweighted');
  const mean = rows.reduce((a, r) => a + r.w, 0) / rows.length;
  const m = fitLogistic(
    rows.map((r) => r.x),
    rows.map((r) => r.y),
    Number(arg('--l2', '1')),
    unweighted ? null : rows.map((r) => r.w / mean),
  );
  // (--bias moves the decision: a merge needs odds of e^bias to one)
  return { ...m, bias: m.bias - Number(arg('--bias', '0')) };
}

/** Per-article B-cubed precision and recall sums of the articles `keep` selects. */
function sums(split: Split, members: string[][], keep: (id: string) => boolean): { p: number; r: number; n: number } {
  const storyOf = new Map<string, number>();
  members.forEach((m, i) => m.forEach((id) => storyOf.set(id, i)));
  const cell = new Map<string, number>();
  const size = new Map<number, number>();
  const eventSize = new Map<string, number>();
  for (const id of split.ids) {
    const k = `${storyOf.get(id)}\u0000${split.gold.get(id)}`;
    cell.set(k, (cell.get(k) ?? 0) + 1);
    size.set(storyOf.get(id)!, (size.get(storyOf.get(id)!) ?? 0) + 1);
    eventSize.set(split.gold.get(id)!, (eventSize.get(split.gold.get(id)!) ?? 0) + 1);
  }
  let p = 0;
  let r = 0;
  let n = 0;
  for (const id of split.ids) {
    if (!keep(id)) continue;
    const c = cell.get(`${storyOf.get(id)}\u0000${split.gold.get(id)}`)!;
    p += c / size.get(storyOf.get(id)!)!;
    r += c / eventSize.get(split.gold.get(id)!)!;
    n++;
  }
  return { p, r, n };
}

const f1 = (p: number, r: number) => (p + r > 0 ? (2 * p * r) / (p + r) : 0);
const fmt = (x: { p: number; r: number; n: number }) => `${f1(x.p / x.n, x.r / x.n).toFixed(4)} (${(x.p / x.n).toFixed(4)} / ${(x.r / x.n).toFixed(4)})`;

/** The evaluation sets: the development half, then each fraction's figure draws. */
function evalSets(split: Split): { name: string; features: StoryFeatures[][] }[] {
  return [{ name: 'dev', features: [split.features] }, ...FRACTIONS.map((f) => ({ name: `dates dropped ${f * 100} %`, features: FIGURE_SEEDS.map((seed) => dropDates(split, f, seed)) }))];
}

/** Mean over a set's draws of the pooled score; `modelFor(topic)` gives the model that groups for a topic's articles. */
function score(split: Split, features: StoryFeatures[][], models: Map<number, MergeModel | null>): string {
  const per = features.map((fs) => {
    const byModel = new Map<MergeModel | null, string[][]>();
    const total = { p: 0, r: 0, n: 0 };
    for (const [topic, model] of models) {
      if (!byModel.has(model)) byModel.set(model, groupStories(fs, { mergeModel: model }).map((g) => g.members));
      const s = sums(split, byModel.get(model)!, (id) => models.size === 1 || parseInt(id, 10) === topic);
      total.p += s.p;
      total.r += s.r;
      total.n += s.n;
    }
    return total;
  });
  const p = per.reduce((a, x) => a + x.p / x.n, 0) / per.length;
  const r = per.reduce((a, x) => a + x.r / x.n, 0) / per.length;
  const f = per.reduce((a, x) => a + f1(x.p / x.n, x.r / x.n), 0) / per.length;
  return `${f.toFixed(4)} (${p.toFixed(4)} / ${r.toFixed(4)})`;
}

const [dev, uci] = loadSplits(true);
const rows = rowsOf(dev);
console.log(`${rows.length} rows (${rows.filter((r) => r.y === 1).length} positive), ${new Set(rows.map((r) => r.topic)).size} topics`);
const topics = [...new Set(dev.ids.map((id) => parseInt(id, 10)))].sort((a, b) => a - b);
const loto = new Map(topics.map((t) => [t, fit(rows.filter((r) => r.topic !== t))]));
const all = fit(rows);
console.log('| split | rules | model, leave-one-topic-out | model, all rows (in sample) |');
console.log('| --- | --- | --- | --- |');
for (const set of evalSets(dev)) console.log(`| ${set.name} | ${score(dev, set.features, new Map([[0, null]]))} | ${score(dev, set.features, loto)} | ${score(dev, set.features, new Map([[0, all]]))} |`);
const uciScore = (model: MergeModel | null) => fmt(sums(uci, groupStories(uci.features, { mergeModel: model }).map((g) => g.members), () => true));
console.log(`| UCI half A | ${uciScore(null)} | | ${uciScore(all)} |`);
console.log('\nweights (all rows): bias ' + all.bias.toFixed(3) + ', ' + MERGE_FEATURES.map((k, i) => `${k} ${all.weights[i].toFixed(3)}`).join(', '));

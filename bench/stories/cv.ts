/**
 * How much the tuned constants overfit the ECB+ development half: leave-one-topic-out
 * cross-validation (`npm run bench:stories -- --cv`). The grouping's thresholds and weights were
 * chosen on the development half's 16 topics, so its B-cubed F1 overstates; here, for each topic,
 * the settings are chosen on the other 15 topics' gold events only (the best of the candidates below:
 * the shipped values, one knob at a time, and random points of the whole grid) and that topic is
 * scored with them; when several candidates tie on the other topics (the grouping has wide plateaus)
 * the topic gets their mean, as a tie broken at random would. The figure to raise is the pooled
 * B-cubed F1 of those per-topic scores.
 *
 * Each setting groups the whole development half once (the held-out topic's texts are there,
 * unlabelled, as in use: only its gold events are left out of the choice); every article's
 * B-cubed precision and recall is kept per setting, so a topic's score and the other topics' score
 * under one setting are sums over its articles. Nothing of the held-out half is read.
 * What it cannot measure: the mechanisms themselves (gates, evidence) were also added while looking
 * at the development half's errors; only their constants are cross-validated here.
 */
import { groupStories } from '../../src/stories/index.js';
import { scoreClusters } from '../../src/stories/metrics.js';
import { DEFAULTS, WEIGHTS } from '../../src/stories/story-index.js';
import type { GroupOptions, GroupWeights } from '../../src/stories/types.js';
import type { Split } from './quality.js';
import { prng } from '../../src/util/random.js';

/** The tuned constants and the values tried for each (the shipped value among them). */
const GRID: Record<string, number[]> = {
  threshold: [0.1, 0.125, 0.15, 0.175, 0.2],
  mergeThreshold: [0.15, 0.2, 0.25, 0.3],
  windowDays: [3, 4, 5, 6],
  disagreement: [0.3, 0.4, 0.5, 0.65, 0.8],
  timeRate: [5, 10, 20, 40, 80],
  textScale: [5, 7.5, 10, 15],
  undatedJoinCohesion: [0, 0.25, 0.5],
  undatedMergeCohesion: [0.6, 0.7, 0.8, 0.9, 1.0],
  attachFactor: [0.4, 0.5, 0.6, 0.7, 0.8],
};
const SHIPPED: Record<string, number> = { threshold: DEFAULTS.threshold, mergeThreshold: DEFAULTS.mergeThreshold, windowDays: DEFAULTS.windowDays, ...(WEIGHTS as unknown as Record<string, number>) };
const GROUP_KEYS = new Set(['threshold', 'mergeThreshold', 'windowDays']);
/** Points drawn at random from the whole grid. */
const RANDOM_SETTINGS = 120;

type Setting = Record<string, number>;

function optionsOf(s: Setting): GroupOptions {
  const weights: Partial<GroupWeights> = {};
  const out: GroupOptions = { weights };
  for (const [k, v] of Object.entries(s)) {
    if (GROUP_KEYS.has(k)) (out as Record<string, number>)[k] = v;
    else (weights as Record<string, number>)[k] = v;
  }
  return out;
}

/** Per-article B-cubed precision and recall of one grouping, in the split's id order. */
function perArticle(split: Split, members: string[][]): { p: Float64Array; r: Float64Array } {
  const storyOf = new Map<string, number>();
  members.forEach((m, i) => m.forEach((id) => storyOf.set(id, i)));
  let next = members.length;
  for (const id of split.ids) if (!storyOf.has(id)) storyOf.set(id, next++);
  const cell = new Map<string, number>();
  const storySize = new Map<number, number>();
  const goldSize = new Map<string, number>();
  for (const id of split.ids) {
    const s = storyOf.get(id)!;
    const g = split.gold.get(id)!;
    cell.set(`${s}\u0000${g}`, (cell.get(`${s}\u0000${g}`) ?? 0) + 1);
    storySize.set(s, (storySize.get(s) ?? 0) + 1);
    goldSize.set(g, (goldSize.get(g) ?? 0) + 1);
  }
  const p = new Float64Array(split.ids.length);
  const r = new Float64Array(split.ids.length);
  split.ids.forEach((id, i) => {
    const s = storyOf.get(id)!;
    const g = split.gold.get(id)!;
    const c = cell.get(`${s}\u0000${g}`)!;
    p[i] = c / storySize.get(s)!;
    r[i] = c / goldSize.get(g)!;
  });
  return { p, r };
}

const f1 = (p: number, r: number) => (p + r > 0 ? (2 * p * r) / (p + r) : 0);

export interface CvResult {
  devF1: number;
  cvF1: number;
  cvP: number;
  cvR: number;
  settings: number;
  /** Per topic; `lowest`: the tied setting that scores the topic worst, and how it differs from the shipped one (which settings the CV's mean pays for). */
  topics: { topic: number; articles: number; shippedF1: number; cvF1: number; chosen: number; shippedChosen: boolean; lowest: { f1: number; differs: string } }[];
  /** Each constant alone (the others shipped): the values chosen on the other 15 topics, fold by fold (`perConstant`). */
  constants: ConstantSpread[];
}

/**
 * One constant cross-validated alone: the values best on the other topics for each held-out topic
 * (ties: all of them), how many folds do not choose the shipped value, and the pooled score. A
 * constant whose choice moves between folds, or whose one-knob score falls below the shipped
 * figure (a held-out topic decided by a value the other topics do not constrain), is fitted.
 */
export interface ConstantSpread {
  name: string;
  shipped: number;
  lowest: number;
  highest: number;
  foldsWithoutShipped: number;
  cvF1: number;
}

/**
 * The settings tried: the shipped values, each value of the grid with the others shipped (one knob
 * at a time), and `RANDOM_SETTINGS` points drawn from the whole grid by a fixed seed.
 */
function candidates(): Setting[] {
  const out: Setting[] = [{ ...SHIPPED }];
  for (const [k, values] of Object.entries(GRID)) for (const v of values) if (v !== SHIPPED[k]) out.push({ ...SHIPPED, [k]: v });
  const r = prng(17);
  for (let i = 0; i < RANDOM_SETTINGS; i++) out.push(Object.fromEntries(Object.entries(GRID).map(([k, vs]) => [k, vs[Math.floor(r() * vs.length)]])));
  return out;
}

/** Leave-one-topic-out cross-validation of the tuned constants over a development split. */
export function crossValidate(split: Split, log: (s: string) => void = () => {}): CvResult {
  const topicOf = split.ids.map((id) => parseInt(id, 10));
  const topics = [...new Set(topicOf)].sort((a, b) => a - b);
  const settings = candidates();
  // per setting, per topic: sums of the articles' B-cubed precision and recall
  const sums = settings.map((s, i) => {
    const { p, r } = perArticle(split, groupStories(split.features, optionsOf(s)).map((g) => g.members));
    if ((i + 1) % 25 === 0) log(`  ${i + 1} of ${settings.length} settings grouped`);
    const byTopic = new Map<number, { p: number; r: number; n: number }>(topics.map((t) => [t, { p: 0, r: 0, n: 0 }]));
    topicOf.forEach((t, j) => {
      const x = byTopic.get(t)!;
      x.p += p[j];
      x.r += r[j];
      x.n++;
    });
    return byTopic;
  });
  const scoreOn = (i: number, keep: (t: number) => boolean) => {
    let p = 0;
    let r = 0;
    let n = 0;
    for (const [t, x] of sums[i]) {
      if (!keep(t)) continue;
      p += x.p;
      r += x.r;
      n += x.n;
    }
    return { p, r, n, f1: n ? f1(p / n, r / n) : 0 };
  };
  let sumP = 0;
  let sumR = 0;
  const rows: CvResult['topics'] = [];
  for (const held of topics) {
    const onOthers = settings.map((_, i) => scoreOn(i, (t) => t !== held).f1);
    const top = Math.max(...onOthers);
    // every setting as good on the other topics is as likely a choice: the held-out topic gets their mean
    const chosen = settings.map((_, i) => i).filter((i) => onOthers[i] >= top - 1e-12);
    const mine = chosen.map((i) => scoreOn(i, (t) => t === held));
    const p = mine.reduce((a, x) => a + x.p, 0) / chosen.length;
    const r = mine.reduce((a, x) => a + x.r, 0) / chosen.length;
    sumP += p;
    sumR += r;
    const n = mine[0].n;
    const worst = chosen.reduce((w, i, j) => (mine[j].f1 < mine[chosen.indexOf(w)].f1 ? i : w), chosen[0]);
    const differs = Object.keys(settings[worst]).filter((k) => settings[worst][k] !== SHIPPED[k]).map((k) => `${k} ${settings[worst][k]}`).join(', ');
    rows.push({ topic: held, articles: n, shippedF1: scoreOn(0, (t) => t === held).f1, cvF1: f1(p / n, r / n), chosen: chosen.length, shippedChosen: chosen[0] === 0, lowest: { f1: scoreOn(worst, (t) => t === held).f1, differs: differs || 'shipped' } });
  }
  const n = split.ids.length;
  const constants = perConstant(settings, topics, scoreOn);
  return { devF1: scoreOn(0, () => true).f1, cvF1: f1(sumP / n, sumR / n), cvP: sumP / n, cvR: sumR / n, settings: settings.length, topics: rows, constants };
}

type TopicScore = (i: number, keep: (t: number) => boolean) => { p: number; r: number; n: number; f1: number };

/** Each grid constant alone: leave-one-topic-out over the shipped setting and that constant's one-knob variants. */
function perConstant(settings: Setting[], topics: number[], scoreOn: TopicScore): ConstantSpread[] {
  return Object.keys(GRID).map((name) => {
    const own = settings.map((_, i) => i).filter((i) => i === 0 || (i <= oneKnobSettings() && Object.keys(settings[i]).every((k) => k === name || settings[i][k] === SHIPPED[k])));
    let p = 0;
    let r = 0;
    let n = 0;
    let lowest = Infinity;
    let highest = -Infinity;
    let foldsWithoutShipped = 0;
    for (const held of topics) {
      const onOthers = own.map((i) => scoreOn(i, (t) => t !== held).f1);
      const top = Math.max(...onOthers);
      const chosen = own.filter((_, j) => onOthers[j] >= top - 1e-12);
      for (const i of chosen) {
        const x = scoreOn(i, (t) => t === held);
        p += x.p / chosen.length;
        r += x.r / chosen.length;
        n += x.n / chosen.length;
        lowest = Math.min(lowest, settings[i][name]);
        highest = Math.max(highest, settings[i][name]);
      }
      if (!chosen.includes(0)) foldsWithoutShipped++;
    }
    return { name, shipped: SHIPPED[name], lowest, highest, foldsWithoutShipped, cvF1: f1(p / n, r / n) };
  });
}

/** Index of the last one-knob setting in `candidates()` (the random points come after). */
function oneKnobSettings(): number {
  return Object.entries(GRID).reduce((a, [k, vs]) => a + vs.filter((v) => v !== SHIPPED[k]).length, 0);
}

/**
 * The development half with the publication day dropped from a seeded fraction of its dated
 * articles (5 draws each), each such article read as a text with no date (`Split.undated`: its
 * relative days unresolved too; only dates the text writes in full stay): more pairs of similar events meet across the line between dated and
 * undated, or both undated, where the held-out half loses its precision (0.944 against 0.981 on
 * this half). Mean B-cubed precision, recall and F1 over the draws, per fraction; and, summed over
 * the draws, per topic, the articles in a story another event of theirs holds most of (`merged`)
 * and the pairs of two events in one story (`pairs`): which topics' events the missing days merge.
 */
export function datesDropped(split: Split, fractions = [0.3, 0.5], draws = 5): { fraction: number; p: number; r: number; f1: number; merged: Map<number, { articles: number; pairs: number }> }[] {
  return fractions.map((fraction) => {
    let p = 0;
    let r = 0;
    let f = 0;
    const merged = new Map<number, { articles: number; pairs: number }>();
    const undated = split.undated?.();
    for (let seed = 1; seed <= draws; seed++) {
      const rand = prng(seed * 31);
      const features = split.features.map((x, i) => (x.day !== null && rand() < fraction ? (undated?.[i] ?? { ...x, day: null, published: null, eventDay: null }) : x));
      const members = groupStories(features).map((g) => g.members);
      const b = scoreClusters(split.gold, members).bcubed;
      p += b.precision;
      r += b.recall;
      f += b.f1;
      for (const m of members) countMerged(m, split.gold, merged);
    }
    return { fraction, p: p / draws, r: r / draws, f1: f / draws, merged };
  });
}

/** Adds a story's articles of a minority event and its pairs of two events to their topic's counts (`datesDropped`). */
function countMerged(members: string[], gold: Map<string, string>, merged: Map<number, { articles: number; pairs: number }>): void {
  const byEvent = new Map<string, number>();
  for (const id of members) byEvent.set(gold.get(id)!, (byEvent.get(gold.get(id)!) ?? 0) + 1);
  if (byEvent.size < 2) return;
  const sizes = [...byEvent.values()];
  const topic = parseInt(members[0], 10);
  const x = merged.get(topic) ?? { articles: 0, pairs: 0 };
  x.articles += members.length - Math.max(...sizes);
  x.pairs += (members.length * members.length - sizes.reduce((a, n) => a + n * n, 0)) / 2;
  merged.set(topic, x);
}

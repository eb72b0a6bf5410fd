/**
 * How well "one source" is found from the text alone (issue 15: rewrites of one dispatch count once):
 *
 *   node --import tsx scripts/eval-sources.ts [--sweep] [-v]    (npm run eval:sources)
 *
 * Pairs of articles of one story, scored pairwise (after the transitive closure `sourceGroups` makes):
 * - ECB+ development fixtures: gold is the annotated `copies` groups (copies of one text).
 * - PolNeAR (the 14 event fixtures and the stories of `polnear-stories.json`, pairs counted once):
 *   gold is two articles carrying the same agency's copy (metadata.tsv's `wire` column), or an
 *   annotated copy group.
 * The rules see the text only: the fixture's outlet and wire are removed before extraction, so the
 * wire is what the credit line gives (`src/extract/provenance.ts`). Rules side by side:
 * `today` (the rule before dispatches) = stories-stage copies (sketch Jaccard ≥ 0.6 or the same text) + the same provenance wire;
 * `dispatch` = today + narrative containment (`src/stories/dispatch.ts`). `--sweep` prints the
 * containment rule at other thresholds; `-v` lists the pairs each rule gets wrong;
 * `--dump FILE` writes every pair (story, keys, gold, copy, wire, containment) as JSON.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTAINMENT_THRESHOLD, containment, narrativeShingles } from '../src/stories/dispatch.js';
import { sourceGroups } from '../src/stories/facts.js';
import { storyFeatures, storyInputOf } from '../src/stories/index.js';
import { jaccard } from '../src/stories/minhash.js';
import { FIXTURES, type FixtureArticle, loadFixtures, loadStory, type StoryFixture } from './eval-crosscheck.js';

interface Pair {
  set: string;
  story: string;
  a: string;
  b: string;
  gold: boolean;
  copy: boolean;
  wire: boolean;
  c: number;
}

const key = (a: string, b: string) => (a < b ? `${a}\t${b}` : `${b}\t${a}`);

/** Every pair of one story's articles with what each rule sees. `wireGold`: pairs gold by metadata wire. */
function storyPairs(set: string, f: StoryFixture, wireGold: boolean): Pair[] {
  // text alone: the fixture's outlet and wire are not given to the pipeline
  const blind: StoryFixture = { ...f, articles: f.articles.map(({ wire: _w, outlet: _o, ...rest }) => rest as FixtureArticle) };
  const { articles, idOf, keyOf } = loadStory(blind);
  const gold = new Set<string>();
  for (const g of f.copies) for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) gold.add(key(idOf.get(g[i]) ?? g[i], idOf.get(g[j]) ?? g[j]));
  if (wireGold) {
    const wireOf = new Map(f.articles.filter((a) => a.wire).map((a) => [idOf.get(a.key)!, a.wire!]));
    for (const [x, wx] of wireOf) for (const [y, wy] of wireOf) if (x < y && wx === wy) gold.add(key(x, y));
  }
  const feats = articles.map((a) => storyFeatures(storyInputOf(a)));
  const shingles = articles.map((a) => narrativeShingles({ id: a.article.docId, text: a.article.text, sentences: a.sentences, quotes: a.quotes.map((q) => q.span) }));
  const out: Pair[] = [];
  for (let i = 0; i < articles.length; i++) {
    for (let j = i + 1; j < articles.length; j++) {
      const [fi, fj] = [feats[i], feats[j]];
      const copy = (fi.words > 0 && fi.textHash === fj.textHash) || (!!fi.sketch && !!fj.sketch && jaccard(fi.sketch, fj.sketch) >= 0.6);
      const wi = articles[i].article.wire;
      const wire = !!wi && wi === articles[j].article.wire;
      const [a, b] = [articles[i].article.docId, articles[j].article.docId];
      out.push({ set, story: f.name, a: keyOf.get(a) ?? a, b: keyOf.get(b) ?? b, gold: gold.has(key(a, b)), copy, wire, c: containment(shingles[i], shingles[j]) });
    }
  }
  return out;
}

/** Pairs one source under a rule: the closure of its pair relation (what sourceGroups does). */
function closed(pairs: Pair[], linked: (p: Pair) => boolean): Set<Pair> {
  const out = new Set<Pair>();
  const byStory = new Map<string, Pair[]>();
  for (const p of pairs) byStory.set(`${p.set}\t${p.story}`, [...(byStory.get(`${p.set}\t${p.story}`) ?? []), p]);
  for (const ps of byStory.values()) {
    const ids = [...new Set(ps.flatMap((p) => [p.a, p.b]))].map((id) => ({ id, outlet: null, wire: null }));
    const groups = sourceGroups(ids, ps.filter(linked).map((p) => [p.a, p.b]));
    for (const p of ps) if (groups.get(p.a) === groups.get(p.b)) out.add(p);
  }
  return out;
}

interface PairScore {
  tp: number;
  predicted: number;
  gold: number;
  precision: number;
  recall: number;
}

function score(pairs: Pair[], linked: (p: Pair) => boolean): PairScore & { one: Set<Pair> } {
  const one = closed(pairs, linked);
  const tp = pairs.filter((p) => p.gold && one.has(p)).length;
  const gold = pairs.filter((p) => p.gold).length;
  const r = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 1000 : 1);
  return { tp, predicted: one.size, gold, precision: r(tp, one.size), recall: r(tp, gold), one };
}

function show(name: string, pairs: Pair[], linked: (p: Pair) => boolean, verbose: boolean): PairScore {
  const { one, ...s } = score(pairs, linked);
  console.log(`  ${name.padEnd(22)} P ${s.precision.toFixed(3)} (${s.tp}/${s.predicted})  R ${s.recall.toFixed(3)} (${s.tp}/${s.gold})`);
  if (verbose) {
    for (const p of pairs) {
      if (p.gold === one.has(p)) continue;
      console.log(`    ${p.gold ? 'missed' : 'false '} ${p.story} ${p.a} ${p.b} containment ${p.c.toFixed(2)}${p.copy ? ' copy' : ''}${p.wire ? ' wire' : ''}`);
    }
  }
  return s;
}

/** Every pair of the ECB+ development fixtures and of the PolNeAR stories (each PolNeAR pair once). */
export function sourcePairs(): { ecb: Pair[]; pol: Pair[] } {
  const fixtures = loadFixtures();
  const ecb = fixtures.filter((f) => f.split === 'dev').flatMap((f) => storyPairs('ecb-dev', f, false));
  const polFixtures = fixtures.filter((f) => f.split === 'polnear');
  const stories = JSON.parse(readFileSync(join(FIXTURES, 'polnear-stories.json'), 'utf8')) as StoryFixture[];
  const seen = new Set<string>();
  const pol: Pair[] = [];
  for (const f of [...polFixtures, ...stories.map((s) => ({ ...s, copies: s.copies ?? [] }))]) {
    for (const p of storyPairs('polnear', f, true)) {
      if (seen.has(key(p.a, p.b))) continue;
      seen.add(key(p.a, p.b));
      pol.push(p);
    }
  }
  return { ecb, pol };
}

const today = (p: Pair) => p.copy || p.wire;
const dispatch = (t: number) => (p: Pair) => today(p) || p.c >= t;

/** The pairwise scores of today's rule and of the dispatch rule on both sets (what the floors in test/baselines.json read). */
export function sourceScores(sets = sourcePairs(), verbose = false, sweep = false) {
  const out: Record<string, { today: PairScore; dispatch: PairScore }> = {};
  for (const [name, label, pairs] of [['ecbDev', 'ECB+ dev (gold: annotated copies)', sets.ecb], ['polnear', 'PolNeAR (gold: same agency copy)', sets.pol]] as const) {
    console.log(`${label}: ${pairs.length} pairs, ${pairs.filter((p) => p.gold).length} gold`);
    out[name] = {
      today: show('copies + wire alone', pairs, today, verbose),
      dispatch: show(`dispatch (c >= ${CONTAINMENT_THRESHOLD})`, pairs, dispatch(CONTAINMENT_THRESHOLD), verbose),
    };
    if (sweep) for (const t of [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]) show(`  containment >= ${t}`, pairs, dispatch(t), false);
  }
  return out;
}

if (process.argv[1]?.endsWith('eval-sources.ts')) {
  const sets = sourcePairs();
  const dump = process.argv.indexOf('--dump');
  if (dump > 0) writeFileSync(process.argv[dump + 1], JSON.stringify([...sets.ecb, ...sets.pol]));
  console.log(JSON.stringify(sourceScores(sets, process.argv.includes('-v'), process.argv.includes('--sweep'))));
}

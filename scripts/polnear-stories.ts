/**
 * Groups the PolNeAR articles (924 political articles of 2016, seven outlets) into stories with the
 * project's own grouping and writes a selection of multi-outlet stories, as development data for the
 * cross-check's precision on political news (issue 15):
 *
 *   node --import tsx scripts/polnear-stories.ts [--max 25] [--out test/fixtures/stories/polnear-stories.json]
 *     [--threshold T] [--exclude other-selection.json] [--prefix polnear-loose] [--cache features.json]
 *
 * Each article runs through the real pipeline (ingest → extract → analyse → story features) with the
 * publisher, date and wire of `metadata.tsv` as its outlet, publication date and wire (what
 * `analyze --outlet --published` gives a plain-text file), then `groupStories` groups them in batch.
 * Kept: stories of 3 or more articles from 2 or more outlets, none of whose articles is already in a
 * story fixture (the Comey and tax fixtures stay what they are); most outlets first, then most
 * articles, then the story id, so the choice is the same on every run. The output lists each story
 * in the shape of a fixture's `story.json` (articles with key, path, outlet, published, wire), which
 * `scripts/crosscheck-polnear.ts` reads.
 *
 * `--threshold` lowers or raises the grouping's similarity threshold (default: the project's), to
 * draw looser stories that mix several events (a stress test of the cross-check's precision: the
 * values of two events are traps, not conflicts); `--exclude` drops stories sharing an article
 * with another selection, and `--prefix` names the stories (default `polnear`). `--cache` keeps the story features of the 924 articles in a file (read
 * when it exists), so a second selection does not analyse them again.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { analyseArticle } from '../src/analyse/index.js';
import { extractArticle } from '../src/extract/index.js';
import { readFile } from '../src/ingest/index.js';
import { type GroupOptions, groupStories, type StoryFeatures, storyFeatures, storyInputOf } from '../src/stories/index.js';
import { FIXTURES, type FixtureArticle, loadFixtures, ROOT } from './eval-crosscheck.js';

const DATA = resolve(ROOT, '../shared/data/attribution/polnear');
/** PolNeAR's publisher codes as outlet names (the registry resolves these to its outlets). */
const OUTLETS: Record<string, string> = {
  breitbart: 'Breitbart',
  'huff-post': 'HuffPost',
  nyt: 'The New York Times',
  politico: 'Politico',
  'usa-today': 'USA Today',
  'wash-post': 'The Washington Post',
  'west-journal': 'Western Journal',
};
/** Wire agencies as metadata.tsv names them; "None", "NA" and "wire" (no agency) are not a wire. */
const WIRES: Record<string, string> = { ap: 'AP', afp: 'AFP', upi: 'UPI', reuters: 'Reuters' };

interface PolnearStory {
  name: string;
  storyId: string;
  title: string | null;
  span: { start: string | null; end: string | null };
  articles: FixtureArticle[];
  copies: string[][];
}

function metadata(): Map<string, Record<string, string>> {
  const [head, ...rows] = readFileSync(join(DATA, 'metadata.tsv'), 'utf8').trim().split('\n');
  const cols = head!.split('\t');
  const out = new Map<string, Record<string, string>>();
  for (const row of rows) {
    const cells = row.split('\t');
    const rec = Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
    out.set(`${rec.compartment}/text/${rec.filename}.txt`, rec);
  }
  return out;
}

function articleOf(rel: string, rec: Record<string, string>): FixtureArticle {
  const wire = WIRES[(rec.wire ?? '').toLowerCase()];
  const key = rel.slice(rel.lastIndexOf('/') + 1, -4);
  return { key, path: relative(ROOT, join(DATA, rel)), outlet: OUTLETS[rec.publisher!] ?? rec.publisher, published: rec.publication_date, ...(wire ? { wire } : {}) };
}

function readCache(path: string): { features: StoryFeatures[]; byDoc: Map<string, FixtureArticle> } {
  const c = JSON.parse(readFileSync(path, 'utf8')) as { features: StoryFeatures[]; byDoc: [string, FixtureArticle][] };
  return { features: c.features, byDoc: new Map(c.byDoc) };
}

/** Every PolNeAR article through ingest, extract (outlet, date and wire from metadata.tsv) and analyse, to its story features. */
function analyseAll(meta: Map<string, Record<string, string>>): { features: StoryFeatures[]; byDoc: Map<string, FixtureArticle> } {
  const byDoc = new Map<string, FixtureArticle>();
  const features: StoryFeatures[] = [];
  const files = ['train', 'dev'].flatMap((c) => readdirSync(join(DATA, c, 'text')).filter((f) => f.endsWith('.txt')).sort().map((f) => `${c}/text/${f}`));
  for (const [i, rel] of files.entries()) {
    const rec = meta.get(rel);
    if (!rec) continue;
    const fa = articleOf(rel, rec);
    const doc = readFile(join(DATA, rel)).find((r) => r.kind === 'doc');
    if (doc?.kind !== 'doc') continue;
    const article = extractArticle(doc.doc);
    article.outlet = fa.outlet ?? null;
    article.published = { iso: fa.published!, precision: 'day', source: 'input' };
    if (fa.wire) article.wire = fa.wire;
    features.push(storyFeatures(storyInputOf(analyseArticle(article))));
    byDoc.set(article.docId, fa);
    if (i % 100 === 99) console.error(`${i + 1} of ${files.length} analysed`);
  }
  return { features, byDoc };
}

function main(): void {
  const args = process.argv.slice(2);
  const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const max = Number(arg('--max') ?? 25);
  const out = resolve(ROOT, arg('--out') ?? join(relative(ROOT, FIXTURES), 'polnear-stories.json'));
  const meta = metadata();
  const inFixtures = new Set(loadFixtures().flatMap((f) => f.articles.map((a) => resolve(ROOT, a.path))));
  const cache = arg('--cache');
  const { features, byDoc } = cache && existsSync(cache) ? readCache(cache) : analyseAll(meta);
  if (cache && !existsSync(cache)) writeFileSync(cache, JSON.stringify({ features, byDoc: [...byDoc] }));
  const excluded = arg('--exclude');
  if (excluded) for (const st of JSON.parse(readFileSync(resolve(ROOT, excluded), 'utf8')) as PolnearStory[]) for (const a of st.articles) inFixtures.add(resolve(ROOT, a.path));
  const prefix = arg('--prefix') ?? 'polnear';
  const threshold = arg('--threshold');
  const options: GroupOptions = threshold ? { threshold: Number(threshold) } : {};
  const stories: (PolnearStory & { outlets: number })[] = [];
  for (const g of groupStories(features, options)) {
    const articles = g.members.map((id) => byDoc.get(id)!);
    const outlets = new Set(articles.map((a) => a.outlet)).size;
    if (articles.length < 3 || outlets < 2) continue;
    if (articles.some((a) => inFixtures.has(resolve(ROOT, a.path)))) continue;
    const copies = g.copies.map((c) => c.map((id) => byDoc.get(id)!.key));
    stories.push({ name: '', storyId: g.id, title: g.title, span: g.span, articles, copies, outlets });
  }
  stories.sort((a, b) => b.outlets - a.outlets || b.articles.length - a.articles.length || (a.storyId < b.storyId ? -1 : a.storyId > b.storyId ? 1 : 0));
  console.error(`${stories.length} stories of 3+ articles from 2+ outlets; keeping ${Math.min(max, stories.length)}`);
  const kept = stories.slice(0, max).map(({ outlets: _o, ...s }, i) => ({ ...s, name: `${prefix}-${String(i + 1).padStart(2, '0')}` }));
  writeFileSync(out, `${JSON.stringify(kept, null, 1)}\n`);
  for (const s of kept) console.log(`${s.name} ${s.articles.length} articles ${s.span.start}..${s.span.end} ${s.title}`);
}

main();

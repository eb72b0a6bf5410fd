import { resolveTimes } from '../analyse/time.js';
import type { AnnotatedArticle, DateInfo, TimeExpr } from '../model/types.js';
import type { RunSummary } from '../pipeline.js';
import type { Store } from '../store/index.js';
import type { StoryGroup } from '../stories/index.js';
import { guard, guardAsync } from '../util/guard.js';
import { independentSourceCount, sourceFactsOf, storyAnchorDay } from '../stories/facts.js';
import { shortHash } from '../util/hash.js';
import { ANALYSE_VERSION, COMPARE_VERSION } from '../versions.js';
import type { Report, ReportArticle, ReportStory, StoryEntityOut } from './schema.js';
import type { Detail } from './detail.js';
import { REPORT_SCHEMA_VERSION } from './version.js';

/** Hooks for the parts of a story report that other stages compute (cross-check, entity linking). */
export interface StoryExtras {
  /** Given the articles it compares, whole (at most MAX_CROSSCHECK_ARTICLES). */
  crossCheck?: (story: StoryGroup, articles: AnnotatedArticle[]) => unknown;
  /** Given every article of the story with its entity mentions (the other annotation layers empty). */
  storyEntities?: (articles: AnnotatedArticle[]) => StoryEntityOut[];
}

const cmp = (a: string | null | undefined, b: string | null | undefined) => {
  if (a === b) return 0;
  if (a == null) return 1;
  if (b == null) return -1;
  return a < b ? -1 : 1;
};

/**
 * One article of a story's report. `lean` leaves out the annotation layers only `--detail full`
 * writes (see detail.ts): a large story's report is then held without them. The keys keep one
 * order at both details (lean is full with those keys taken out), so report.json is the same
 * whichever way it was built.
 */
export function reportArticle(a: AnnotatedArticle, source: string, copyOf: string | null, detail: Detail = 'full'): ReportArticle {
  const art = a.article;
  const lean = {
    id: art.docId,
    source,
    outlet: art.outlet,
    title: art.title,
    published: art.published?.iso ?? null,
    publishedInfo: art.published ?? null,
    url: art.url,
    byline: art.byline,
    dateline: art.dateline,
    wire: art.wire,
    language: art.language,
    copyOf,
    status: art.status,
    text: art.text,
    messages: art.messages,
    attributions: art.attributions,
  };
  if (detail === 'lean') return { ...lean, sentences: a.sentences };
  return {
    ...lean,
    removed: art.removed,
    sentences: a.sentences,
    entities: a.entities,
    quotes: a.quotes,
    times: a.times,
    quantities: a.quantities,
    ...(a.tokens ? { tokens: a.tokens.map((t) => [t.start, t.end, t.upos, t.xpos, t.lemma, t.head, t.deprel] as [number, number, string, string, string, number, string]) } : {}),
  };
}

/** Entities of a story merged across its articles by canonical id, with mentions per outlet. */
export function mergeStoryEntities(articles: AnnotatedArticle[]): StoryEntityOut[] {
  const byId = new Map<string, StoryEntityOut>();
  for (const a of articles) {
    const outlet = a.article.outlet ?? a.article.docId;
    for (const m of a.entities) {
      const id = m.denotes ?? m.entity;
      let e = byId.get(id);
      if (!e) {
        e = { id, type: m.denotes ? 'LOC' : m.type, name: m.text, variants: [], mentions: 0, byOutlet: {} };
        byId.set(id, e);
      }
      e.mentions++;
      e.byOutlet[outlet] = (e.byOutlet[outlet] ?? 0) + 1;
      if (!e.variants.includes(m.text)) e.variants.push(m.text);
    }
  }
  for (const e of byId.values()) {
    e.variants.sort();
    // the longest variant that is not a demonym names the entity
    e.name = [...e.variants].sort((x, y) => y.length - x.length || cmp(x, y))[0] ?? e.name;
  }
  return [...byId.values()].sort((x, y) => y.mentions - x.mentions || cmp(x.id, y.id)).slice(0, 25);
}

/**
 * Time expressions of undated articles ("on Thursday") resolved against the story's date (the
 * median publication day of its dated articles, stories/facts.ts), marked inferred. Sound when
 * the articles report the same event within days, which is what a story is; the stored
 * annotations stay unresolved.
 */
export function inferUndatedTimes(articles: AnnotatedArticle[]) {
  const anchor = storyDate(articles);
  if (!anchor) return;
  for (let i = 0; i < articles.length; i++) articles[i] = withStoryDate(articles[i], anchor);
}

/** The story's date as the anchor of its undated articles' time expressions, or null when no article is dated to the day. */
function storyDate(articles: AnnotatedArticle[]): DateInfo | null {
  const day = storyAnchorDay(articles);
  return day ? { iso: day, precision: 'day', source: 'story' } : null;
}

/** Whether an article's time expressions wait for the story's date: it is undated and some are unresolved. */
const awaitsStoryDate = (a: AnnotatedArticle) => !a.article.published && a.times.some((t) => t.value === null);

/** An undated article with unresolved time expressions, resolved against the story's date; any other article as it is. */
function withStoryDate(a: AnnotatedArticle, anchor: DateInfo | null): AnnotatedArticle {
  if (!anchor || !awaitsStoryDate(a)) return a;
  return { ...a, times: resolveTimes(a.times, anchor, true) };
}

/**
 * The cross-check of a story, reused from the store when the story's members (content hashes),
 * copy groups and stage versions are unchanged. Else the articles it compares (at most
 * MAX_CROSSCHECK_ARTICLES) are those `held` from the story's first read, or loaded from the store
 * on their own, whole.
 */
async function cachedCrossCheck(
  store: Store,
  g: StoryGroup,
  members: AnnotatedArticle[],
  anchor: DateInfo | null,
  compute: NonNullable<StoryExtras['crossCheck']>,
  held: Map<string, AnnotatedArticle> | null,
): Promise<ReportStory['crossCheck']> {
  const key = shortHash(JSON.stringify([COMPARE_VERSION, ANALYSE_VERSION, [...g.members].sort(), g.copies]));
  const cached = await store.getStoryReport<ReportStory['crossCheck']>(g.id, key, 'cross-check');
  if (cached) return cached;
  const compared: AnnotatedArticle[] = [];
  for (const m of sampleForCrossCheck(members)) {
    const a = held?.get(m.article.docId) ?? (await store.getAnnotated(m.article.docId));
    if (a) compared.push(withStoryDate(a, anchor));
  }
  // a cross-check that fails is reported on its story (and not cached: a fixed version retries it)
  const r = guard(() => (compute(g, compared) as ReportStory['crossCheck']) ?? null);
  if (!r.ok) return failedCrossCheck(g, `cross-check failed: ${r.error}`);
  if (r.value && compared.length < members.length) {
    r.value.messages.push({ level: 'warning', articleId: null, message: `cross-check limited to ${compared.length} of ${members.length} articles (size budget), taken outlet by outlet` });
  }
  await store.saveStoryReport(g.id, key, r.value, 'cross-check');
  return r.value;
}

/**
 * Most articles a story's cross-check compares. Its cost grows faster than the number of articles
 * (about 1 s for 200, over a minute for 3,500), and a story that large is a flood of near-copies.
 */
export const MAX_CROSSCHECK_ARTICLES = 200;

/**
 * Stories of at most this many articles keep their members whole from the first read for their
 * cross-check (each read and parsed once: most stories are this small); a larger story's
 * cross-check reads its sample again, one article at a time, so that it is never held twice.
 */
const HELD_STORY_ARTICLES = 16;

/** At most MAX_CROSSCHECK_ARTICLES articles, taken in turn from each outlet (in the story's order), so every outlet is heard. */
function sampleForCrossCheck(members: AnnotatedArticle[]): AnnotatedArticle[] {
  if (members.length <= MAX_CROSSCHECK_ARTICLES) return members;
  const byOutlet = new Map<string, AnnotatedArticle[]>();
  for (const a of members) {
    const k = a.article.outlet ?? '';
    const q = byOutlet.get(k);
    if (q) q.push(a);
    else byOutlet.set(k, [a]);
  }
  const queues = [...byOutlet.keys()].sort().map((k) => byOutlet.get(k)!);
  const picked = new Set<AnnotatedArticle>();
  for (let i = 0; picked.size < MAX_CROSSCHECK_ARTICLES; i++) for (const q of queues) if (i < q.length && picked.size < MAX_CROSSCHECK_ARTICLES) picked.add(q[i]);
  return members.filter((a) => picked.has(a));
}

/** An empty cross-check that carries why the story has none. */
function failedCrossCheck(g: StoryGroup, message: string): ReportStory['crossCheck'] {
  const empty = { facts: [], conflicts: [], evolvingFigures: [], quoteLedger: [], framing: [], omissions: [], timeline: [], brief: [] };
  return { storyId: g.id, sources: [], independentSources: g.independentSources, ...empty, messages: [{ level: 'error', articleId: null, message }] } as ReportStory['crossCheck'];
}

/**
 * `buildStory` under a guard: a story that cannot be built (a stored article that does not load,
 * an exception in entity linking) still appears, with its ids and the reason, and the report goes on.
 */
export async function buildStoryGuarded(store: Store, g: StoryGroup, sources: Map<string, string>, extras: StoryExtras = {}, detail: Detail = 'full'): Promise<ReportStory> {
  const r = await guardAsync(() => buildStory(store, g, sources, extras, detail));
  if (r.ok) return r.value;
  return {
    id: g.id,
    title: g.title ?? '(story could not be built)',
    articleCount: 0,
    independentSources: g.independentSources,
    outlets: [],
    span: { start: g.span.start, end: g.span.end },
    copies: [],
    entities: [],
    articles: [],
    crossCheck: failedCrossCheck(g, `story report failed (${g.members.length} articles): ${r.error}`),
  };
}

/** A report whose stories come one at a time, built as they are read (the rest as in `Report`). */
export type ReportStream = Omit<Report, 'stories'> & {
  /** How many stories `stories` yields. */
  storyCount: number;
  /** How many articles they hold as grouped (each story's `articleCount`, unless it could not be built). */
  articleCount: number;
  stories: AsyncIterable<ReportStory>;
};

/**
 * The stories of a report in the order it lists them: the stories that hold any document of this
 * run, most articles first (the articles the story holds as grouped), then the latest, then by id.
 * Known before any story is built, so a report can be written story by story; a story that cannot
 * be built keeps its place.
 */
export function reportOrder(run: Pick<RunSummary, 'docIds'>, groups: StoryGroup[]): StoryGroup[] {
  const runDocs = new Set(run.docIds);
  return groups.filter((g) => g.members.some((m) => runDocs.has(m))).sort((a, b) => b.members.length - a.members.length || cmp(b.span.end, a.span.end) || cmp(a.id, b.id));
}

/**
 * The report of a run with its stories built one at a time as they are read (`reportOrder`):
 * what writes the report of 100,000 articles without holding every story, its articles and its
 * cross-check at once. Read its stories once. The same content as `buildReport`.
 */
export function streamReport(store: Store, run: RunSummary, groups: StoryGroup[], extras: StoryExtras = {}, detail: Detail = 'full'): ReportStream {
  const order = reportOrder(run, groups);
  async function* stories(): AsyncGenerator<ReportStory> {
    for (const g of order) yield await buildStoryGuarded(store, g, run.sources, extras, detail);
  }
  const articleCount = order.reduce((n, g) => n + g.members.length, 0);
  return { tool: 'triangulate', schemaVersion: REPORT_SCHEMA_VERSION, storyCount: order.length, articleCount, stories: stories(), failures: failuresOf(run), counts: run.counts };
}

/** The inputs of a run that failed, with the reason, by source. */
function failuresOf(run: RunSummary): Report['failures'] {
  return run.outcomes
    .filter((o) => o.status === 'failed')
    .map((o) => ({ source: o.source, reason: o.reason ?? 'failed' }))
    .sort((a, b) => cmp(a.source, b.source) || cmp(a.reason, b.reason));
}

/**
 * Builds the report for the stories that hold any document of this run, its articles at `detail`
 * (see buildStory), whole. Deterministic for the same store content.
 */
export async function buildReport(store: Store, run: RunSummary, groups: StoryGroup[], extras: StoryExtras = {}, detail: Detail = 'full'): Promise<Report> {
  const { storyCount: _s, articleCount: _a, stories: built, ...rest } = streamReport(store, run, groups, extras, detail);
  const stories: ReportStory[] = [];
  for await (const s of built) stories.push(s);
  return { tool: rest.tool, schemaVersion: rest.schemaVersion, stories, failures: rest.failures, counts: rest.counts };
}

/**
 * A member of a story as the story-level steps see it (its entities, source count, date and the
 * cross-check's sample): the article and its entity mentions. The other annotation layers (tokens
 * above all) are left in the store, so a story of 90,000 articles is not held whole.
 */
function memberOf(a: AnnotatedArticle): AnnotatedArticle {
  return { article: { ...a.article, blocks: [], removed: [] }, sentences: [], entities: a.entities, entityIndex: [], quotes: [], times: [], quantities: [] };
}

/**
 * A story's report. Its articles are read from the store one at a time and kept as report entries
 * at `detail` (lean: without the annotation layers, what every output but `--detail full` JSON
 * needs); the cross-check takes them from that read in a small story, else loads its own sample.
 */
export async function buildStory(store: Store, g: StoryGroup, sources: Map<string, string>, extras: StoryExtras = {}, detail: Detail = 'full'): Promise<ReportStory> {
  const copyOf = new Map<string, string>();
  for (const group of g.copies) {
    const sorted = [...group].sort();
    for (const id of sorted.slice(1)) copyOf.set(id, sorted[0]);
  }
  const read: { member: AnnotatedArticle; entry: ReportArticle; undatedTimes: TimeExpr[] | null }[] = [];
  const held = g.members.length <= HELD_STORY_ARTICLES ? new Map<string, AnnotatedArticle>() : null;
  for (const id of g.members) {
    const a = await store.getAnnotated(id);
    if (!a) continue;
    const docId = a.article.docId;
    held?.set(docId, a);
    const entry = reportArticle(a, sources.get(docId) ?? (await store.sourceOf(docId)) ?? a.article.source, copyOf.get(docId) ?? null, detail);
    read.push({ member: memberOf(a), entry, undatedTimes: detail === 'full' && awaitsStoryDate(a) ? a.times : null });
  }
  read.sort((x, y) => cmp(x.member.article.published?.iso, y.member.article.published?.iso) || cmp(x.member.article.outlet, y.member.article.outlet) || cmp(x.member.article.docId, y.member.article.docId));
  const members = read.map((r) => r.member);
  const anchor = storyDate(members);
  // the full entries carry the time expressions as the story dates them (as the cross-check sees them)
  if (anchor) for (const r of read) if (r.undatedTimes) r.entry.times = resolveTimes(r.undatedTimes, anchor, true);
  const outlets = [...new Set(members.map((a) => a.article.outlet).filter((o): o is string => !!o))].sort();
  const crossCheck = extras.crossCheck && members.length >= 2 ? await cachedCrossCheck(store, g, members, anchor, extras.crossCheck, held) : null;
  return {
    id: g.id,
    title: g.title ?? members[0]?.article.title ?? '(untitled)',
    articleCount: read.length,
    independentSources: storySources(g, members, crossCheck),
    outlets,
    span: { start: g.span.start, end: g.span.end },
    copies: g.copies.map((c) => [...c].sort()).sort((x, y) => cmp(x[0], y[0])),
    entities: (extras.storyEntities ?? mergeStoryEntities)(members),
    articles: read.map((r) => r.entry),
    crossCheck,
  };
}

/**
 * The story's independent sources, one definition with the cross-check's (stories/facts.ts: copies,
 * rewrites of one dispatch, same wire, same outlet): the cross-check's own count when it read every
 * member (the dispatches are read from the texts there, once); else, for a story it did not read
 * whole (or did not read), the same relations but the dispatches, which need texts the report does
 * not hold: an upper bound.
 */
function storySources(g: StoryGroup, members: AnnotatedArticle[], crossCheck: ReportStory['crossCheck']): number {
  const compared = new Set((crossCheck?.sources ?? []).map((s) => s.articleId));
  if (crossCheck && members.length && members.every((a) => compared.has(a.article.docId))) return crossCheck.independentSources;
  return members.length ? independentSourceCount(members.map(sourceFactsOf), g.copies) : g.independentSources;
}

/**
 * A story's articles at full detail, read from the store one at a time in the order of its report
 * (built at any detail): what writes a large story's full JSON without holding it. An article gone
 * from the store since keeps its entry as it is.
 */
export async function* fullArticles(store: Store, story: ReportStory): AsyncGenerator<ReportArticle> {
  // storyAnchorDay reads the publication date only
  const anchor = storyDate(story.articles.map((e) => ({ article: { published: e.publishedInfo } }) as AnnotatedArticle));
  for (const e of story.articles) {
    const a = await store.getAnnotated(e.id);
    yield a ? reportArticle(withStoryDate(a, anchor), e.source, e.copyOf, 'full') : e;
  }
}

import {
  type AnalyserTimings,
  analyseArticle,
  annotationsVersion,
  type Component,
  COMPONENTS,
  emptyAnalyserTimings,
  reanalyse,
  recordedVersions,
  staleComponents,
} from './analyse/index.js';
import { extractArticle } from './extract/index.js';
import { type IngestOptions, ingest, type ReadResult } from './ingest/index.js';
import type { AnnotatedArticle, Article, DocMessage, RawDocument } from './model/types.js';
import type { Store } from './store/index.js';
import { LedgerDamaged } from './store/ledger-rows.js';
import type { StoreLedger } from './store/types.js';
import type { AnalyseResult, AnalyseTask } from './pool/analyse-worker.js';
import { runInBatches } from './pool/batch-run.js';
import { DocumentProcessor, type ProcessingOptions } from './pool/documents.js';
import { type LedgerRun, type StoryFeatures, type StoryGroup, storyFeatures, storyInputOf, updateLedgerInChunks } from './stories/index.js';
import { EXTRACT_VERSION, FEATURES_VERSION } from './versions.js';

/** What happened to one input document in a run. */
export interface DocOutcome {
  source: string;
  docId: string | null;
  status: 'new' | 'known' | 'updated' | 'failed';
  reason?: string;
  warnings: string[];
}

export interface RunSummary {
  /** Every document's outcome in input order, or only the failures when the run was asked to keep no more (`RunOptions.outcomes`). */
  outcomes: DocOutcome[];
  counts: { new: number; known: number; updated: number; failed: number };
  /** Ids of the documents of this run that are in the store, in input order, without repeats. */
  docIds: string[];
  /** Source of each document as given in this run. */
  sources: Map<string, string>;
  timings: Record<string, number>;
  /** Time per analyser inside `analyse`. */
  analysers: AnalyserTimings;
}

export interface RunOptions extends IngestOptions, ProcessingOptions {
  /** Called after each document, for progress display. */
  onProgress?: (done: number, outcome: DocOutcome) => void;
  /**
   * The outcomes the summary keeps: every document's (`all`, the default), or only the failures
   * (`failed`: what the report lists) for a run that sees every outcome through `onProgress`
   * already; counts, ids and sources still cover every document. A run of 100,000 documents
   * then holds no object per stored document beyond its id and source.
   */
  outcomes?: 'all' | 'failed';
  /** Per-document time budget for extraction, ms. */
  timeBudgetMs?: number;
  /** Documents written per store transaction (default 64). */
  batchSize?: number;
  /**
   * The analyse components (default: the registry, analyse/components.ts). Tests give another
   * registry to see what a changed component re-runs; a run given one processes on this thread.
   */
  components?: readonly Component[];
  /**
   * Where each document is processed instead of this process's pool (the server: its worker thread
   * with a hard time limit); documents then go one at a time.
   */
  process?: (task: AnalyseTask) => Promise<AnalyseResult>;
}

/** A stored analysis to bring up to date: the stored annotated article and the components to run again. */
export interface StoredAnalysis {
  stored: AnnotatedArticle;
  rerun: Set<string>;
}

const now = () => performance.now();

/** Extract, analyse and derive story features for one raw document. Throws only on programming errors. */
export function processDocument(
  raw: RawDocument,
  timeBudgetMs?: number,
  analyserTimings?: AnalyserTimings,
  components: readonly Component[] = COMPONENTS,
): { article: Article; annotated: AnnotatedArticle; features: StoryFeatures; times: Record<string, number> } {
  const t0 = now();
  const article = extractArticle(raw, { timeBudgetMs });
  const t1 = now();
  const annotated =
    article.status === 'ok' ? analyseArticle(article, analyserTimings, undefined, undefined, components) : { article, sentences: [], entities: [], entityIndex: [], quotes: [], times: [], quantities: [] };
  const t2 = now();
  const features = storyFeatures(storyInputOf(annotated));
  const t3 = now();
  // the analysed article carries analyse's messages (budgets, failed analysers): store that one
  return { article: annotated.article, annotated, features, times: { extract: t1 - t0, analyse: t2 - t1, features: t3 - t2 } };
}

/**
 * The same for a document stored with older versions of some analyse components: only those (and
 * the components that read their layers) run again, over the stored layers, and the story features
 * are derived again. Nothing is extracted: the stored article is the extraction of the same bytes.
 */
export function reprocessStored(
  { stored, rerun }: StoredAnalysis,
  analyserTimings?: AnalyserTimings,
  components: readonly Component[] = COMPONENTS,
): { article: Article; annotated: AnnotatedArticle; features: StoryFeatures; times: Record<string, number> } {
  const t1 = now();
  const annotated = reanalyse(stored, rerun, analyserTimings, components);
  const t2 = now();
  const features = storyFeatures(storyInputOf(annotated));
  return { article: annotated.article, annotated, features, times: { extract: 0, analyse: t2 - t1, features: now() - t2 } };
}

/** One document of a run: a stored analysis brought up to date (`reprocessStored`), else the raw document processed. */
export function processTask(
  t: AnalyseTask,
  analyserTimings?: AnalyserTimings,
  components: readonly Component[] = COMPONENTS,
): { article: Article; annotated: AnnotatedArticle; features: StoryFeatures; times: Record<string, number> } {
  return t.reuse ? reprocessStored(t.reuse, analyserTimings, components) : processDocument(t.raw, t.timeBudgetMs, analyserTimings, components);
}

/**
 * What a stored document needs, from its stage versions: nothing (`current`); its annotations
 * brought up to date by re-running some components and its features derived again (`reuse`);
 * or everything made again (neither: the extraction changed, or the annotations were written by
 * another version of the analyse stage itself, or the document is not stored).
 */
export async function storedState(store: Store, id: string, components: readonly Component[] = COMPONENTS): Promise<{ current: true } | { current: false; existed: boolean; reuse?: StoredAnalysis }> {
  const v = await store.stageVersions(id);
  const recorded = v.article === EXTRACT_VERSION ? recordedVersions(v.annotations) : null;
  const rerun = recorded ? staleComponents(recorded, components) : null;
  if (rerun?.size === 0 && v.annotations === annotationsVersion(components) && v.features === FEATURES_VERSION) return { current: true };
  const stored = rerun ? await store.getAnnotated(id) : null;
  return { current: false, existed: v.article !== undefined, ...(rerun && stored ? { reuse: { stored, rerun } } : {}) };
}

/**
 * Ingests the inputs into the store: new documents are extracted, analysed and saved (one
 * transaction each); documents already stored with current stage versions are reused, and those
 * whose annotations some changed components made re-run only those components (`storedState`). A bad
 * document becomes a failed outcome with a reason; the run goes on.
 */
export function ingestIntoStore(store: Store, inputs: string[], opts: RunOptions = {}): Promise<RunSummary> {
  return ingestResults(store, ingest(inputs, opts), opts);
}

/** The first step for one read result: an outcome when no work is needed, else the document to process. */
export async function triage(
  store: Store,
  result: ReadResult,
  seen: Set<string>,
  components: readonly Component[] = COMPONENTS,
): Promise<{ outcome: DocOutcome } | { raw: RawDocument; existed: boolean; reuse?: StoredAnalysis }> {
  if (result.kind === 'error') return { outcome: { source: result.source, docId: null, status: 'failed', reason: result.reason, warnings: [] } };
  const raw = result.doc;
  if (seen.has(raw.id)) {
    // the same bytes under another path in this run: every path is recorded
    store.addSource(raw.id, raw.source);
    return { outcome: { source: raw.source, docId: raw.id, status: 'known', warnings: [...result.warnings, 'same content as another input of this run'] } };
  }
  const state = await storedState(store, raw.id, components);
  if (state.current) {
    await store.addSource(raw.id, raw.source);
    seen.add(raw.id);
    return { outcome: { source: raw.source, docId: raw.id, status: 'known', warnings: result.warnings } };
  }
  return { raw, existed: state.existed, ...(state.reuse ? { reuse: state.reuse } : {}) };
}

/**
 * The last step for one processed document: a failed extraction becomes a failed outcome with its
 * reason; otherwise every stage output is written in one transaction (all or nothing).
 */
export async function saveProcessed(
  store: Store,
  raw: RawDocument,
  readWarnings: string[],
  processed: { article: Article; annotated: AnnotatedArticle; features: StoryFeatures },
  existed: boolean,
  seen: Set<string>,
  components: readonly Component[] = COMPONENTS,
): Promise<DocOutcome> {
  if (processed.article.status !== 'ok') return storedOutcome(raw, readWarnings, processed, existed, null, seen);
  let error: Error | null = null;
  try {
    await store.saveDocument(raw, documentOutputs(processed, components));
  } catch (e) {
    error = e as Error;
  }
  return storedOutcome(raw, readWarnings, processed, existed, error, seen);
}

/** The outcome of a processed document once the store has written it (`error` null) or refused it. */
export function storedOutcome(raw: RawDocument, readWarnings: string[], processed: { article: Article }, existed: boolean, error: Error | null, seen: Set<string>): DocOutcome {
  const { article } = processed;
  if (article.status !== 'ok') return { source: raw.source, docId: raw.id, status: 'failed', reason: extractionFailure(article), warnings: readWarnings };
  if (error) {
    const busy = (error as { code?: string }).code === 'SQLITE_BUSY';
    const why = busy ? 'the store is busy: another process held it longer than the 5 s busy timeout; run again' : error.message;
    return { source: raw.source, docId: raw.id, status: 'failed', reason: `could not store: ${why}`, warnings: readWarnings };
  }
  seen.add(raw.id);
  const warnings = [...readWarnings, ...article.messages.filter((m) => m.level === 'warning').map((m) => located(m, article.text))];
  return { source: raw.source, docId: raw.id, status: existed ? 'updated' : 'new', warnings };
}

/** A message with the place it is about, when it has one: "… (at 1520: “We will count again, she…)". */
function located(m: DocMessage, text: string): string {
  if (!m.span || m.span.start < 0 || m.span.start >= text.length) return m.message;
  const excerpt = text.slice(m.span.start, Math.min(m.span.end, m.span.start + 48)).replace(/\s+/g, ' ').trim();
  return `${m.message} (at ${m.span.start}: ${excerpt}${m.span.end - m.span.start > 48 ? '…' : ''})`;
}

/**
 * The same for documents already read (e.g. posted to the HTTP API through `readBytes`). Documents
 * are extracted and analysed on worker threads when the run is large enough (src/pool/documents.ts,
 * `--jobs`), written in batches (src/pool/batch-run.ts), and recorded in input order: the outcomes,
 * the store and the report are the same whatever the number of jobs.
 */
export async function ingestResults(store: Store, results: Iterable<ReadResult>, opts: RunOptions = {}): Promise<RunSummary> {
  const collected = outcomeCollector(opts.outcomes ?? 'all', opts.onProgress);
  const timings: Record<string, number> = { ingest: 0, extract: 0, analyse: 0, features: 0, store: 0 };
  const analysers = emptyAnalyserTimings();
  const components = opts.components ?? COMPONENTS;
  // this thread's work, timed into `analysers` (a worker's comes back with its result)
  const here = (t: AnalyseTask): AnalyseResult => ({ ...processTask(t, analysers, components), analysers: emptyAnalyserTimings() });
  // the pool's worker threads run the default registry: another one runs on this thread
  const processing = components === COMPONENTS && !opts.process ? opts : { ...opts, jobs: 1 };
  const processor = new DocumentProcessor(processing, opts.process ?? here);
  await runInBatches(store, results, processor, { timeBudgetMs: opts.timeBudgetMs, batchSize: opts.batchSize, timings, analysers, record: collected.record, components });
  return { ...collected.summary(), timings, analysers };
}

/**
 * What a run keeps of its outcomes, recorded in input order: the counts, the ids of the stored
 * documents (without repeats) with the source each shows, and the outcomes themselves, every one
 * (`all`) or the failures only (`failed`).
 */
export function outcomeCollector(keep: 'all' | 'failed', onProgress?: RunOptions['onProgress']) {
  const outcomes: DocOutcome[] = [];
  const docIds: string[] = [];
  const sources = new Map<string, string>();
  const counts = { new: 0, known: 0, updated: 0, failed: 0 };
  let done = 0;
  const record = (o: DocOutcome) => {
    counts[o.status]++;
    done++;
    if (keep === 'all' || o.status === 'failed') outcomes.push(o);
    if (o.status !== 'failed' && o.docId) {
      const shown = sources.get(o.docId);
      if (shown === undefined) docIds.push(o.docId);
      // a duplicate shows its lexicographically smallest path, whatever the input order
      if (shown === undefined || o.source < shown) sources.set(o.docId, o.source);
    }
    onProgress?.(done, o);
  };
  return { record, summary: () => ({ outcomes, counts, docIds, sources }) };
}

/**
 * Brings the stories up to date with the store through the story ledger (src/stories/ledger.ts):
 * articles stored or re-analysed since the last run are placed, deleted ones taken out, and only
 * the time windows they touch are replayed, in one transaction holding the stories lock. The
 * stories are those a batch over the whole store gives, with the same ids, whatever the runs, their
 * order and the process (CLI, server, worker). An article whose features cannot be used is left out
 * with a message; when the run fails as a whole, nothing is written and the previous stories stay.
 * Returns the stories holding `docIds` when given (a run's articles), else every story.
 */
export async function updateStories(store: Store, onMessage?: (docId: string | null, message: string) => void, opts: { docIds?: string[] } = {}): Promise<StoryGroup[]> {
  const run = await ledgerRun(store);
  if (run) for (const m of run.messages) onMessage?.(m.docId, m.message);
  if (!opts.docIds) return (await store.stories()).map((s) => s.data as StoryGroup);
  const ids = new Set<string>();
  for (const d of new Set(opts.docIds)) {
    const s = await store.storyOf(d);
    if (s) ids.add(s);
  }
  const out: StoryGroup[] = [];
  for (const id of [...ids].sort()) {
    const g = (await store.storyData(id)) as StoryGroup | null;
    if (g) out.push(g);
  }
  return out;
}

/**
 * The ledger run itself, throwing when it fails (nothing written): a PostgreSQL worker retries its
 * `stories` job then, instead of reporting it done with stale stories. Many pending articles (a
 * first run over a big store) are placed in time-ordered chunks of `chunkArticles` (default
 * `CHUNK_ARTICLES`) inside the one transaction: memory is bounded by a chunk and the open stories.
 */
export async function runStoryLedger(store: Store, opts: { chunkArticles?: number } = {}): Promise<LedgerRun> {
  const place = async (ledger: StoreLedger) => updateLedgerInChunks(ledger, { pending: await ledger.pending(), removed: await ledger.orphans() }, {}, opts.chunkArticles);
  try {
    return await store.storyLedger(place);
  } catch (e) {
    if (!(e instanceof LedgerDamaged)) throw e;
    // the ledger is derived from the stored story features: rebuilt whole, in one transaction, the
    // stories are those of a batch over the same articles (what every run must give anyway)
    const run = await store.storyLedger(async (ledger) => {
      await ledger.reset();
      return place(ledger);
    });
    return { ...run, messages: [{ docId: null, message: `${e.message}: story ledger rebuilt from the stored articles` }, ...run.messages] };
  }
}

/**
 * One ledger run over what changed in the store since the last one (what `updateStories` and the
 * server call; the workers call `runStoryLedger`). A run that fails writes nothing (one transaction) and comes back
 * as a message: the previous stories stay, and the next run retries what was pending.
 */
export async function ledgerRun(store: Store, opts: { chunkArticles?: number } = {}): Promise<LedgerRun> {
  try {
    return await runStoryLedger(store, opts);
  } catch (e) {
    const message = `story grouping failed (${e instanceof Error ? e.message : String(e)}); previous stories kept`;
    return { stories: [], changed: [], removed: [], replayed: 0, restored: 0, reused: 0, messages: [{ docId: null, message }] };
  }
}

/** Why extraction gave no article: its error message, else its status. */
export function extractionFailure(article: Article): string {
  return article.messages.find((m) => m.level === 'error')?.message ?? (article.status === 'no-body' ? 'no article body found' : 'extraction failed');
}

/** A processed document's stage outputs as the store saves them, each with its stage version. */
export function documentOutputs(processed: { article: Article; annotated: AnnotatedArticle; features: StoryFeatures }, components: readonly Component[] = COMPONENTS) {
  return {
    article: processed.article,
    articleVersion: EXTRACT_VERSION,
    annotated: processed.annotated,
    annotationsVersion: annotationsVersion(components),
    features: processed.features,
    featuresVersion: FEATURES_VERSION,
  };
}

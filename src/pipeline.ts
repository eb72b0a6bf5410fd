import { type AnalyserTimings, analyseArticle, emptyAnalyserTimings } from './analyse/index.js';
import { extractArticle } from './extract/index.js';
import { type IngestOptions, ingest, type ReadResult } from './ingest/index.js';
import type { AnnotatedArticle, Article, RawDocument } from './model/types.js';
import type { Store } from './store/sqlite.js';
import { type StoryFeatures, type StoryGroup, storyFeatures, storyInputOf, updateLedger } from './stories/index.js';
import { StoreLedger } from './store/story-ledger.js';
import { ANALYSE_VERSION, EXTRACT_VERSION, FEATURES_VERSION } from './versions.js';

/** What happened to one input document in a run. */
export interface DocOutcome {
  source: string;
  docId: string | null;
  status: 'new' | 'known' | 'updated' | 'failed';
  reason?: string;
  warnings: string[];
}

export interface RunSummary {
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

export interface RunOptions extends IngestOptions {
  /** Called after each document, for progress display. */
  onProgress?: (done: number, outcome: DocOutcome) => void;
  /** Per-document time budget for extraction, ms. */
  timeBudgetMs?: number;
}

const now = () => performance.now();

/** Extract, analyse and derive story features for one raw document. Throws only on programming errors. */
export function processDocument(raw: RawDocument, timeBudgetMs?: number, analyserTimings?: AnalyserTimings): { article: Article; annotated: AnnotatedArticle; features: StoryFeatures; times: Record<string, number> } {
  const t0 = now();
  const article = extractArticle(raw, { timeBudgetMs });
  const t1 = now();
  const annotated = article.status === 'ok' ? analyseArticle(article, analyserTimings) : { article, sentences: [], entities: [], entityIndex: [], quotes: [], times: [], quantities: [] };
  const t2 = now();
  const features = storyFeatures(storyInputOf(annotated));
  const t3 = now();
  return { article, annotated, features, times: { extract: t1 - t0, analyse: t2 - t1, features: t3 - t2 } };
}

/**
 * Ingests the inputs into the store: new documents are extracted, analysed and saved (one
 * transaction each); documents already stored with current stage versions are reused. A bad
 * document becomes a failed outcome with a reason; the run goes on.
 */
export function ingestIntoStore(store: Store, inputs: string[], opts: RunOptions = {}): RunSummary {
  return ingestResults(store, ingest(inputs, opts), opts);
}

/** The first step for one read result: an outcome when no work is needed, else the document to process. */
export function triage(store: Store, result: ReadResult, seen: Set<string>): { outcome: DocOutcome } | { raw: RawDocument; existed: boolean } {
  if (result.kind === 'error') return { outcome: { source: result.source, docId: null, status: 'failed', reason: result.reason, warnings: [] } };
  const raw = result.doc;
  if (seen.has(raw.id)) {
    return { outcome: { source: raw.source, docId: raw.id, status: 'known', warnings: [...result.warnings, 'same content as another input of this run'] } };
  }
  const v = store.stageVersions(raw.id);
  if (v.article === EXTRACT_VERSION && v.annotations === ANALYSE_VERSION && v.features === FEATURES_VERSION) {
    store.addSource(raw.id, raw.source);
    seen.add(raw.id);
    return { outcome: { source: raw.source, docId: raw.id, status: 'known', warnings: result.warnings } };
  }
  return { raw, existed: v.article !== undefined };
}

/**
 * The last step for one processed document: a failed extraction becomes a failed outcome with its
 * reason; otherwise every stage output is written in one transaction (all or nothing).
 */
export function saveProcessed(
  store: Store,
  raw: RawDocument,
  readWarnings: string[],
  processed: { article: Article; annotated: AnnotatedArticle; features: StoryFeatures },
  existed: boolean,
  seen: Set<string>,
): DocOutcome {
  const { article } = processed;
  if (article.status !== 'ok') {
    const why = article.messages.find((m) => m.level === 'error')?.message ?? (article.status === 'no-body' ? 'no article body found' : 'extraction failed');
    return { source: raw.source, docId: raw.id, status: 'failed', reason: why, warnings: readWarnings };
  }
  try {
    store.saveDocument(raw, {
      article,
      articleVersion: EXTRACT_VERSION,
      annotated: processed.annotated,
      annotationsVersion: ANALYSE_VERSION,
      features: processed.features,
      featuresVersion: FEATURES_VERSION,
    });
  } catch (e) {
    return { source: raw.source, docId: raw.id, status: 'failed', reason: `could not store: ${(e as Error).message}`, warnings: readWarnings };
  }
  seen.add(raw.id);
  const warnings = [...readWarnings, ...article.messages.filter((m) => m.level === 'warning').map((m) => m.message)];
  return { source: raw.source, docId: raw.id, status: existed ? 'updated' : 'new', warnings };
}

/** The same for documents already read (e.g. posted to the HTTP API through `readBytes`). */
export function ingestResults(store: Store, results: Iterable<ReadResult>, opts: RunOptions = {}): RunSummary {
  const outcomes: DocOutcome[] = [];
  const docIds: string[] = [];
  const seen = new Set<string>();
  const sources = new Map<string, string>();
  const timings: Record<string, number> = { ingest: 0, extract: 0, analyse: 0, features: 0, store: 0 };
  const analysers = emptyAnalyserTimings();
  let tRead = now();
  const record = (o: DocOutcome) => {
    outcomes.push(o);
    if (o.status !== 'failed' && o.docId && !sources.has(o.docId)) {
      docIds.push(o.docId);
      sources.set(o.docId, o.source);
    }
    opts.onProgress?.(outcomes.length, o);
    tRead = now();
  };
  for (const result of results) {
    timings.ingest += now() - tRead;
    const next = triage(store, result, seen);
    if ('outcome' in next) {
      record(next.outcome);
      continue;
    }
    const { raw, existed } = next;
    let processed: ReturnType<typeof processDocument>;
    try {
      processed = processDocument(raw, opts.timeBudgetMs, analysers);
    } catch (e) {
      record({ source: raw.source, docId: raw.id, status: 'failed', reason: `internal error while processing: ${(e as Error).message}`, warnings: result.kind === 'doc' ? result.warnings : [] });
      continue;
    }
    for (const k of ['extract', 'analyse', 'features'] as const) timings[k] += processed.times[k];
    const ts = now();
    const outcome = saveProcessed(store, raw, result.kind === 'doc' ? result.warnings : [], processed, existed, seen);
    timings.store += now() - ts;
    record(outcome);
  }
  const counts = { new: 0, known: 0, updated: 0, failed: 0 };
  for (const o of outcomes) counts[o.status]++;
  return { outcomes, counts, docIds, sources, timings, analysers };
}

/**
 * Brings the stories up to date with the store through the story ledger (src/stories/ledger.ts,
 * src/store/story-ledger.ts): articles stored since the last run (and `updated` ones) are placed,
 * deleted ones taken out; only the time windows they touch are replayed. The stories are those a
 * batch over the whole store gives, with the same ids, whatever the runs and their order.
 * Returns the stories holding `docIds` (every story when `docIds` is not given).
 */
export function updateStories(store: Store, opts: { updated?: string[]; docIds?: string[] } = {}): StoryGroup[] {
  const ledger = new StoreLedger(store);
  const addedIds = [...new Set([...ledger.pending(), ...(opts.updated ?? [])])];
  const features = [...ledger.features(addedIds).values()];
  updateLedger(ledger, { added: features, removed: ledger.orphans() });
  if (!opts.docIds) return store.stories().map((s) => s.data as StoryGroup);
  const ids = new Set<string>();
  for (const d of opts.docIds) {
    const s = store.storyOf(d);
    if (s) ids.add(s);
  }
  return [...ids].map((id) => getStory(store, id)).filter((g): g is StoryGroup => g !== null);
}

function getStory(store: Store, id: string): StoryGroup | null {
  const r = store.db.prepare('SELECT data FROM stories WHERE id = ?').get(id) as { data: string } | undefined;
  return r ? (JSON.parse(r.data) as StoryGroup) : null;
}

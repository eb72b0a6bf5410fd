import type { RunSummary } from '../pipeline.js';
import { buildReport } from '../report/build.js';
import type { Detail } from '../report/detail.js';
import type { Report } from '../report/schema.js';
import { reportExtras } from '../report/sections.js';
import type { Store } from '../store/index.js';
import type { StoryGroup } from '../stories/index.js';
import type { Analysis } from './analyze.js';

/** Documents already in the store, by id, reported as they were last grouped. */
export interface StoredDocuments {
  docIds: string[];
}

/** Stories as grouped in the store (e.g. the one a server's story page shows), every member counted as known. */
export interface StoredStories {
  stories: StoryGroup[];
}

export interface CrossCheckOptions {
  /**
   * false: the stories with their articles and entities but without the cross-check (what a
   * server shows when the cross-check ran past its time budget). Default true.
   */
  compare?: boolean;
  /** 'full' (default): every annotation layer of every article; 'lean': without them (see below). */
  detail?: Detail;
}

/**
 * The report of an analysis: every story that holds a document of the run, with its articles,
 * entities and cross-check (facts, conflicts, quote ledger, framing, timeline, brief). Cross-checks
 * are reused from the store when a story's members and the stage versions are unchanged.
 *
 * Given document ids instead of an analysis, it reports those documents as stored: the stories
 * of the last grouping, every document counted as known; given stories, those stories. What the
 * CLI, the server's `GET /api/report` and its story pages run. Deterministic for the same store content.
 *
 * `detail: 'lean'` builds the articles without their annotation layers (report/detail.ts): all
 * that report.json at lean detail, Markdown, HTML and terminal output need, and far less memory
 * for a large story; render such a report at lean detail (at full it would lack the layers). The
 * default keeps every layer.
 */
export async function crossCheck(store: Store, of: Analysis | StoredDocuments | StoredStories, opts: CrossCheckOptions = {}): Promise<Report> {
  const detail = opts.detail ?? 'full';
  const extras = opts.compare === false ? { ...reportExtras(), crossCheck: undefined } : reportExtras();
  if ('run' in of) return buildReport(store, of.run, of.stories, extras, detail);
  if ('stories' in of) return buildReport(store, await storedRun(store, of.stories.flatMap((g) => g.members)), of.stories, extras, detail);
  const stories = (await store.stories()).map((s) => s.data as StoryGroup).filter((g) => g && Array.isArray(g.members));
  return buildReport(store, await storedRun(store, of.docIds), stories, extras, detail);
}

/** A run in which every given document was already known (unknown ids are failures). */
async function storedRun(store: Store, ids: string[]): Promise<RunSummary> {
  const docIds: string[] = [];
  const sources = new Map<string, string>();
  const outcomes: RunSummary['outcomes'] = [];
  for (const id of [...new Set(ids)]) {
    const source = await store.sourceOf(id);
    if (source === null) {
      outcomes.push({ source: id, docId: null, status: 'failed', reason: 'no such document in the store', warnings: [] });
      continue;
    }
    docIds.push(id);
    sources.set(id, source);
    outcomes.push({ source, docId: id, status: 'known', warnings: [] });
  }
  const failed = outcomes.length - docIds.length;
  return {
    outcomes,
    counts: { new: 0, known: docIds.length, updated: 0, failed },
    docIds,
    sources,
    timings: {},
    analysers: {} as RunSummary['analysers'],
  };
}

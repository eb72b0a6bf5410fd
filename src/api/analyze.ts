import { type InputHints, withInputHints } from '../cli/input-meta.js';
import { ingest, readBytes } from '../ingest/index.js';
import type { ReadResult } from '../ingest/index.js';
import { ingestResults, type RunOptions, type RunSummary, updateStories } from '../pipeline.js';
import type { Store } from '../store/index.js';
import type { StoryGroup } from '../stories/index.js';

/** A document given in memory instead of a path: its bytes (or text) and the source name it is stored under. */
export interface InlineDocument {
  source: string;
  content: string | Uint8Array;
}

/** A file, a folder, `-` for stdin, or a document in memory. */
export type AnalyzeInput = string | InlineDocument;

export interface AnalyzeOptions extends RunOptions {
  /** The store the documents and stories are saved in (see `openStore`). */
  store: Store;
  /** Metadata for plain-text inputs, which carry none (`analyze --outlet --published`). */
  hints?: InputHints;
  /** A message about one document (or the grouping) while stories are regrouped. */
  onStoryMessage?: (docId: string | null, message: string) => void;
}

/** What `analyze` did: the run's documents and the stories of the whole store after it. */
export interface Analysis {
  run: RunSummary;
  stories: StoryGroup[];
}

/**
 * Reads the inputs, extracts, analyses and stores every document (documents already stored with
 * current stage versions are reused), then regroups the store into stories. A bad document is a
 * failed outcome with a reason; the run goes on. What the CLI's `analyze` and the server's
 * `POST /api/analyze` run.
 */
export async function analyze(inputs: AnalyzeInput[], opts: AnalyzeOptions): Promise<Analysis> {
  const { store, hints = {}, onStoryMessage, ...runOpts } = opts;
  const results = withInputHints(readInputs(inputs, runOpts), hints);
  const run = await ingestResults(store, results, runOpts);
  const stories = await updateStories(store, onStoryMessage, { docIds: run.docIds });
  return { run, stories };
}

/** The read results of paths and in-memory documents, in input order. */
export function* readInputs(inputs: AnalyzeInput[], opts: RunOptions = {}): Generator<ReadResult> {
  let paths: string[] = [];
  for (const input of inputs) {
    if (typeof input === 'string') {
      paths.push(input);
      continue;
    }
    if (paths.length) yield* ingest(paths, opts);
    paths = [];
    const bytes = typeof input.content === 'string' ? new TextEncoder().encode(input.content) : input.content;
    yield* readBytes(input.source, bytes, null, opts.maxBytes);
  }
  if (paths.length) yield* ingest(paths, opts);
}

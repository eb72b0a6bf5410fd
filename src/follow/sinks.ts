/**
 * The two places followed documents go: the CLI's store (the `analyze` pipeline, then a regrouping
 * of the stories as `analyze` does it) and the server's live stories (the `POST /api/articles`
 * path, which also sends the server-sent events).
 */
import type { ReadResult } from '../ingest/index.js';
import { ingestResults, updateStories } from '../pipeline.js';
import type { LiveStories } from '../server/live.js';
import type { Store } from '../store/index.js';
import type { IngestOutcome, Sink } from './follower.js';

export function storeSink(store: Store, timeBudgetMs?: number): Sink {
  return {
    store,
    async ingest(results: ReadResult[]): Promise<IngestOutcome[]> {
      const run = await ingestResults(store, results, { timeBudgetMs });
      if (run.counts.new + run.counts.updated > 0) await updateStories(store);
      return Promise.all(run.outcomes.map(async (o) => ({ ...o, storyId: o.docId && o.status !== 'failed' ? await store.storyOf(o.docId) : null })));
    },
  };
}

export function liveSink(live: LiveStories): Sink {
  return {
    store: live.store,
    async ingest(results: ReadResult[]): Promise<IngestOutcome[]> {
      return (await live.ingest(results)).outcomes;
    },
  };
}

/**
 * What the entity tagger costs a fresh process: `loadTagger()` (reading `models/entities.bin`),
 * wall and CPU time, and the time from process start to the first tagged sentence (the harness:
 * bench/model-load.ts).
 *
 *   npm run bench:entities-load [-- --runs 7] [--baseline DIR]
 *
 * Writes bench/results/entities-load.json.
 */
import { modelLoadBench } from './model-load.js';

await modelLoadBench({
  what: 'entity tagger',
  script: 'bench/entities-load.ts',
  results: 'entities-load',
  defaultRuns: 7,
  prepare: async (imp) => {
    const entities = await imp('src/analyse/entities/index.ts');
    const text = 'Officials in Lisbon said on Monday that Maria Almeida would meet John Carver.';
    return { load: () => entities.loadTagger(), firstUse: () => entities.recogniseEntities(text, [{ start: 0, end: text.length }]) };
  },
});

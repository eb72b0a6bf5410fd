/**
 * What the attribution tagger costs a fresh process: `loadAttributionTagger()` (reading
 * `models/attrib.bin`), wall and CPU time, and the time from process start to the first tagged
 * sentence (the harness: bench/model-load.ts).
 *
 *   npm run bench:attrib-load [-- --runs 9] [--baseline DIR]
 *
 * Writes bench/results/attrib-load.json.
 */
import { modelLoadBench } from './model-load.js';

await modelLoadBench({
  what: 'attribution tagger',
  script: 'bench/attrib-load.ts',
  results: 'attrib-load',
  defaultRuns: 9,
  prepare: async (imp) => {
    const attribution = await imp('src/analyse/attribution/index.ts');
    const { tokenize } = await imp('src/analyse/tokenize.ts');
    const text = 'Officials in Lisbon said on Monday that the talks would resume next week.';
    return {
      load: () => {
        if (!attribution.loadAttributionTagger()) throw new Error('no attribution model in this checkout');
      },
      firstUse: () => {
        const toks = tokenize(text);
        attribution.tagAttributions(text, toks, [{ lo: 0, hi: toks.length }], [], []);
      },
    };
  },
});

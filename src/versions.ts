import { STORIES_VERSION } from './stories/types.js';

/**
 * Versions of each stage's stored output. The store caches by (content hash, stage version):
 * bump a stage's version when its code changes what it produces, and stored documents are
 * recomputed on the next run instead of reused.
 */
// extract-3: cited media from the outlet registry, state media of any country's demonym
export const EXTRACT_VERSION = 'extract-3';
// analyse-6: the syntax layer, magnitudes and ages in quantities, speakers' gender from the text, speech-only quote cues
// analyse-7: countries, cities and organisations from sourced data files (data/places, data/lexicons)
export const ANALYSE_VERSION = 'analyse-7';
// features-2: story places from data/places (countries, demonyms, cities by population)
export const FEATURES_VERSION = `features-2/${STORIES_VERSION}`;
// compare-2: reads analyse's annotations only; independent sources and the story's date from stories/facts.ts
export const COMPARE_VERSION = 'compare-2';

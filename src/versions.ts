import { STORIES_VERSION } from './stories/types.js';

/**
 * Versions of each stage's stored output. The store caches by (content hash, stage version):
 * bump a stage's version when its code changes what it produces, and stored documents are
 * recomputed on the next run instead of reused.
 */
export const EXTRACT_VERSION = 'extract-2';
// analyse-6: the syntax layer, magnitudes and ages in quantities, speakers' gender from the text, speech-only quote cues
// analyse-7: syntax model retrained with a second tagging pass (parts of speech, heads, relations change)
export const ANALYSE_VERSION = 'analyse-7';
export const FEATURES_VERSION = `features-1/${STORIES_VERSION}`;
export const COMPARE_VERSION = 'compare-1';

import { STORIES_VERSION } from './stories/types.js';

/**
 * Versions of each stage's stored output. The store caches by (content hash, stage version):
 * bump a stage's version when its code changes what it produces, and stored documents are
 * recomputed on the next run instead of reused.
 */
export const EXTRACT_VERSION = 'extract-2';
// analyse-6: the syntax layer, magnitudes and ages in quantities, speakers' gender from the text, speech-only quote cues
// analyse-7: syntax model retrained with a second tagging pass (parts of speech, heads, relations change)
// analyse-8: quote speakers checked against the head of their phrase (descriptions, no places/demonyms), content with no predicate is not speech
export const ANALYSE_VERSION = 'analyse-8';
export const FEATURES_VERSION = `features-1/${STORIES_VERSION}`;
// compare-2: the quote ledger keeps speech only and shows analyse's speakers (no re-attribution)
export const COMPARE_VERSION = 'compare-2';

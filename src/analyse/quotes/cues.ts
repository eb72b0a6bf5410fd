/**
 * The kind of attribution a cue makes, read from the lemma the parser gives the cue word:
 * `speech` (said, told, according to, a statement), `thought` (believe, expect), `evidence`
 * (a poll shows, a study found), `stance` (support, oppose), or null for a word that is not a
 * cue at all (traded, signed). The lexicon is data: data/lexicons/attribution-cues.tsv, with its
 * source (Levin's verb classes) and which annotation guideline each class follows.
 */
import type { CueClass } from '../../model/types.js';
import { dataLines } from '../../text/lexicon.js';

let lexicon: Map<string, CueClass> | null = null;

/** lemma → class, read once. The first line of a lemma wins. */
export function cueLexicon(): Map<string, CueClass> {
  if (lexicon) return lexicon;
  const out = new Map<string, CueClass>();
  for (const line of dataLines('lexicons', 'attribution-cues.tsv')) {
    const [lemma, cls] = line.trim().split(/\s+/);
    if (!lemma || out.has(lemma)) continue;
    if (cls === 'speech' || cls === 'thought' || cls === 'evidence' || cls === 'stance') out.set(lemma.toLowerCase(), cls);
  }
  return (lexicon = out);
}

/** The class of a cue lemma; null when the lemma is not a word of attribution. */
export function cueClassOf(lemma: string): CueClass | null {
  return cueLexicon().get(lemma.toLowerCase()) ?? null;
}

/**
 * The class of an act by its verb's lemma (data/lexicons/act-classes.tsv, FrameNet frames): verbs
 * of one class state one kind of act ("damage", "cut", "sever" → Damaging; "sign", "hire" →
 * Hiring). A verb the lexicon does not list is its own class.
 */
import { dataRows } from '../text/lexicon.js';

let classes: Map<string, string> | null = null;

/** The act class of a verb lemma ("severed" parsed as "sever" → "Damaging"), or the lemma itself. */
export function actClass(lemma: string): string {
  if (!classes) {
    classes = new Map();
    for (const [verb, cls] of dataRows('lexicons', 'act-classes.tsv')) if (verb && cls) classes.set(verb.trim().toLowerCase(), cls.trim());
  }
  const l = lemma.toLowerCase().replace(/^re-/, '');
  return classes.get(l) ?? l;
}

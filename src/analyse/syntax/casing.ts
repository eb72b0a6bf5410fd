/**
 * Headlines in capitals or title case hide the casing the tagger relies on. Such a sentence is
 * re-cased for the model with the entity recogniser's `truecaseTitle` (words that running text
 * nearly always writes in lower case are lowered, others keep an initial capital), from a list of
 * "ordinary" words learned from unlabeled text at training time and shipped in the model.
 */
import { truecaseTitle } from '../entities/index.js';
import type { StringLookup } from './string-table.js';

/** Words (lower-cased) written in lower case > 80 % of the time after the first word of a sentence (the casing classes `L` and `l` of the entity recogniser). */
export function learnOrdinaryWords(sents: readonly string[][]): string[] {
  const low = new Map<string, number>();
  const cap = new Map<string, number>();
  for (const s of sents) {
    const letters = s.filter((w) => w.length > 1 && /\p{L}/u.test(w));
    if (letters.length >= 2 && letters.filter((w) => w === w.toUpperCase()).length / letters.length > 0.5) continue; // a headline in capitals
    for (let i = 1; i < s.length; i++) {
      const w = s[i];
      if (!/^\p{L}/u.test(w) || /^[.!?:"'([-]$/.test(s[i - 1])) continue;
      const k = w.toLowerCase();
      const m = w === k ? low : /^\p{Lu}/u.test(w) ? cap : null;
      m?.set(k, (m.get(k) ?? 0) + 1);
    }
  }
  return [...low.keys()].filter((k) => (low.get(k) ?? 0) + (cap.get(k) ?? 0) >= 2 && (cap.get(k) ?? 0) / ((low.get(k) ?? 0) + (cap.get(k) ?? 0)) < 0.2).sort();
}

/** The forms a headline-like sentence is parsed with; ordinary sentences are returned unchanged. */
export function recaseForModel(forms: string[], ordinary: StringLookup): string[] {
  // truecaseTitle only calls `get` on its casing map; the model's list is a hashed table.
  return truecaseTitle(forms, ordinary as Map<string, string>);
}

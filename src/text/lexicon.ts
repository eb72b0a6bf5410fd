import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../util/paths.js';

/**
 * The lines of a data file under data/ (word lists, gazetteers): comments ('#' at the start of a
 * line) and blank lines dropped. Every such file names its source in its first lines.
 */
export function dataLines(...path: string[]): string[] {
  const file = readFileSync(join(packageRoot(), 'data', ...path), 'utf8');
  return file.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
}

/** The tab-separated fields of each data line. */
export function dataRows(...path: string[]): string[][] {
  return dataLines(...path).map((l) => l.split('\t'));
}

/** A comma-separated field as a list (empty field → empty list). */
export function listField(field: string | undefined): string[] {
  return field ? field.split(',').map((s) => s.trim()).filter(Boolean) : [];
}

/**
 * The pairs of verbs WordNet gives as antonyms (data/lexicons/verb-antonyms.tsv, built by
 * scripts/build-wordnet-antonyms.ts), trimmed, rows missing a side dropped: read by the stories'
 * inverse acts and the quote ledger's opposed claims, each keying the verbs its own way.
 */
export function verbAntonymPairs(): [string, string][] {
  const out: [string, string][] = [];
  for (const [v, w] of dataRows('lexicons', 'verb-antonyms.tsv')) if (v && w) out.push([v.trim(), w.trim()]);
  return out;
}

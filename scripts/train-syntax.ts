/**
 * Trains the tagger, lemmatiser and parser on UD English EWT and writes models/syntax.bin.
 *   npm run train:syntax -- [--train FILE] [--out FILE] [--tagger-epochs N] [--parser-epochs N] [--folds N] [--compact]
 * --compact also prunes the parser's move differences and lets the second tagging pass skip the
 * words the first is sure of (a 15 MB model, not the shipped one: see the syntax README).
 * Deterministic (fixed seeds). Early stopping uses every 20th training sentence, never dev.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildClusters } from '../src/analyse/entities/clusters.js';
import { readConllu, type UdSentence } from '../src/analyse/syntax/conllu.js';
import { learnOrdinaryWords } from '../src/analyse/syntax/casing.js';
import { learnLemmatiser } from '../src/analyse/syntax/lemma.js';
import { MODEL_PATH, pack, packedScorer, writeSyntaxModel } from '../src/analyse/syntax/model-file.js';
import { projectivise } from '../src/analyse/syntax/oracle.js';
import { parseInput } from '../src/analyse/syntax/parse-features.js';
import { tagSentence } from '../src/analyse/syntax/tagger.js';
import { buildTagDict, chooseSure, tagAccuracy, trainTagger, type TagExample } from '../src/analyse/syntax/train-tagger.js';
import { attachment, trainParser, type ParseExample } from '../src/analyse/syntax/train-parser.js';
import { wordAtoms } from '../src/analyse/syntax/words.js';
import { UNLABELED, unlabeledSentences } from '../src/analyse/syntax/unlabeled.js';

const { values } = parseArgs({
  options: {
    train: { type: 'string', default: '../shared/data/syntax/ud-english-ewt/en_ewt-ud-train.conllu' },
    out: { type: 'string' },
    'tagger-epochs': { type: 'string', default: '8' },
    'jackknife-epochs': { type: 'string', default: '5' },
    'parser-epochs': { type: 'string', default: '15' },
    folds: { type: 'string', default: '5' },
    limit: { type: 'string' },
    unlabeled: { type: 'string', default: UNLABELED },
    compact: { type: 'boolean', default: false },
  },
});
const t0 = performance.now();
const log = (s: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(0)}s] ${s}`);

let sentences: UdSentence[] = readConllu(readFileSync(values.train!, 'utf8'));
if (values.limit) sentences = sentences.slice(0, Number(values.limit));
const joint = (w: { upos: string; xpos: string }) => `${w.upos}|${w.xpos}`;
const byCount = (xs: string[]) => {
  const c = new Map<string, number>();
  for (const x of xs) c.set(x, (c.get(x) ?? 0) + 1);
  return [...c.keys()].sort((a, b) => c.get(b)! - c.get(a)! || (a < b ? -1 : 1));
};
const allWords = sentences.flatMap((s) => s.words);
const tags = byCount(allWords.map(joint));
const labels = byCount(allWords.map((w) => w.deprel));
const tagId = new Map(tags.map((t, i) => [t, i]));
const labelId = new Map(labels.map((t, i) => [t, i]));
log(`${sentences.length} sentences, ${allWords.length} words, ${tags.length} tags, ${labels.length} relations`);

// Word clusters from unlabeled text: the treebank's words and raw news text (unlabeled.ts).
const unlabeled: string[][] = [...sentences.map((s) => s.words.map((w) => w.form)), ...unlabeledSentences(values.unlabeled!.split(',').filter(Boolean))];
const clusters = buildClusters(unlabeled);
const ordinary = learnOrdinaryWords(unlabeled);
log(`${ordinary.length} words nearly always written in lower case (for re-casing headlines)`);
log(`clusters: ${clusters.size} words from ${unlabeled.length} sentences`);

const examples: TagExample[] = sentences.map((s) => ({
  atoms: wordAtoms(s.words.map((w) => w.form), clusters),
  gold: Int32Array.from(s.words.map((w) => tagId.get(joint(w))!)),
}));
const isHeldOut = (i: number) => i % 20 === 19;
const tagDict = buildTagDict(examples, tags.length);

// Jackknifing: every sentence gets tags from a tagger that did not see it.
const folds = Number(values.folds);
const predicted: Int32Array[] = new Array(sentences.length);
for (let f = 0; f < folds; f++) {
  const train = examples.filter((_, i) => i % folds !== f);
  const { model } = trainTagger(train, tags, tagDict, { epochs: Number(values['jackknife-epochs']), seed: 17 + f });
  examples.forEach((ex, i) => {
    if (i % folds === f) predicted[i] = tagSentence(model, ex.atoms);
  });
  log(`jackknife fold ${f + 1}/${folds} tagged`);
}
let ok = 0;
examples.forEach((ex, i) => ex.gold.forEach((g, j) => (ok += predicted[i][j] === g ? 1 : 0)));
log(`jackknifed tag accuracy on train: ${(ok / allWords.length).toFixed(4)}`);

const tagger = trainTagger(examples.filter((_, i) => !isHeldOut(i)), tags, tagDict, {
  epochs: Number(values['tagger-epochs']),
  seed: 7,
  heldOut: examples.filter((_, i) => isHeldOut(i)),
  log,
});

// Second pass: the same tagger with the first pass's (jackknifed) tags to the right as features.
const withFirst = examples.map((ex, i) => ({ ...ex, first: predicted[i] }));
const tagger2 = trainTagger(withFirst.filter((_, i) => !isHeldOut(i)), tags, tagDict, {
  epochs: Number(values['tagger-epochs']),
  seed: 23,
  heldOut: withFirst.filter((_, i) => isHeldOut(i)),
  log,
});

const lemma = learnLemmatiser(allWords.map((w) => ({ form: w.form, tag: joint(w), lemma: w.lemma })));
log(`lemmatiser: ${lemma.rules.size} suffix rules, ${lemma.exceptions.size} exceptions`);

let lifted = 0;
const parseExamples: ParseExample[] = sentences.map((s, i) => {
  const heads = Int32Array.from([0, ...s.words.map((w) => w.head)]);
  if (!isHeldOut(i)) lifted += projectivise(heads) ? 1 : 0;
  return {
    x: parseInput(examples[i].atoms, predicted[i], tags.length + 1),
    n: s.words.length,
    heads,
    labels: Int32Array.from([0, ...s.words.map((w) => labelId.get(w.deprel)!)]),
  };
});
log(`${lifted} non-projective training trees projectivised by lifting`);
const parser = trainParser(parseExamples.filter((_, i) => !isHeldOut(i)), labels, {
  epochs: Number(values['parser-epochs']),
  seed: 11,
  heldOut: parseExamples.filter((_, i) => isHeldOut(i)),
  log,
});

// Pruning, in two steps, each keeping held-out LAS (and tag accuracy) within 0.1 point of the
// unpruned model's: first the taggers' and the labeller's weights under a common threshold (the
// largest before the first that costs more), then the parser's move differences (the largest
// threshold tried that costs no more: the moves table is most of the file and of the time).
const heldOutParse = parseExamples.filter((_, i) => isHeldOut(i));
const packAll = (minAbs: number) => [
  pack(tagger.trained.table.keysByRow(), tagger.averaged, tags.length, minAbs),
  pack(parser.moves.table.keysByRow(), parser.movesAvg, 3, values.compact ? 0 : minAbs),
  pack(parser.labeller.table.keysByRow(), parser.labellerAvg, labels.length, minAbs),
  pack(tagger2.trained.table.keysByRow(), tagger2.averaged, tags.length, minAbs),
];
let sets = packAll(0);
const heldOutTags = examples.filter((_, i) => isHeldOut(i));
const lasOf = (ps: ReturnType<typeof packAll>) => attachment({ moves: packedScorer(ps[1]), labeller: packedScorer(ps[2]), labels }, heldOutParse).las;
// Tag accuracy of both passes as run time chains them: the packed first pass feeds the second.
const accOf = (ps: ReturnType<typeof packAll>) => {
  const first = { tags, weights: packedScorer(ps[0]), tagDict };
  return tagAccuracy({ tags, weights: packedScorer(ps[3]), tagDict }, heldOutTags.map((ex) => ({ ...ex, first: tagSentence(first, ex.atoms) })));
};
const full = lasOf(sets);
const fullAcc = accOf(sets);
const rows = (ps: ReturnType<typeof packAll>) => ps.map((p) => p.meta.rows).join(' / ');
log(`unpruned: held-out LAS ${full.toFixed(4)}, tags ${fullAcc.toFixed(4)}, ${rows(sets)} rows`);
for (const minAbs of [0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1]) {
  const ps = packAll(minAbs);
  const las = lasOf(ps);
  const acc = accOf(ps);
  log(`prune tagger and labeller |w| < ${minAbs}: held-out LAS ${las.toFixed(4)}, tags ${acc.toFixed(4)}, ${rows(ps)} rows`);
  if (las < full - 0.001 || acc < fullAcc - 0.001) break;
  sets = ps;
}
// --compact (not the shipped model: it moves 2.8 % of arcs on news text, see the syntax README)
let movesSet = sets[1];
for (const minAbs of values.compact ? [0.25, 0.5, 1, 1.5, 2, 2.5, 3, 4] : []) {
  const ps = [sets[0], pack(parser.moves.table.keysByRow(), parser.movesAvg, 3, minAbs), sets[2], sets[3]];
  const las = lasOf(ps);
  log(`prune move differences < ${minAbs}: held-out LAS ${las.toFixed(4)}, ${ps[1].meta.rows} move rows`);
  if (las >= full - 0.001) movesSet = ps[1];
}
sets = [sets[0], movesSet, sets[2], sets[3]];
// The second pass leaves alone the words the first pass is sure of (a sixth of the time otherwise).
const sure = values.compact ? chooseSure({ tags, weights: packedScorer(sets[0]), tagDict }, { tags, weights: packedScorer(sets[3]), tagDict }, heldOutTags, 0) : null;
if (sure) log(`second pass skips words of first-pass margin >= ${sure.sure} (${(sure.skipped * 100).toFixed(0)} % of the words scored): held-out tags ${sure.accuracy.toFixed(4)}`);
const trainingSeconds = Math.round((performance.now() - t0) / 1000);
const cpu = process.cpuUsage();
const cpuSeconds = Math.round((cpu.user + cpu.system) / 1e6);
const buf = writeSyntaxModel(
  {
    tags,
    labels,
    tagDict: [...tagDict],
    clusters: [...clusters].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    ordinary,
    lemma,
    meta: { trainedOn: values.train, sentences: sentences.length, taggerHistory: tagger.history, tagger2History: tagger2.history, parserHistory: parser.history, ...(sure ? { secondPassSure: sure.sure } : {}), trainingSeconds, cpuSeconds },
  },
  sets,
);
const out = values.out ?? MODEL_PATH();
writeFileSync(out, buf);
log(`wrote ${out}: ${(buf.length / 1e6).toFixed(2)} MB (rows kept: ${sets.map((s) => s.meta.rows).join(' / ')}); ${trainingSeconds} s wall, ${cpuSeconds} s CPU`);

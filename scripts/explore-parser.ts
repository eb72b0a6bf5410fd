/**
 * Parser experiments without retraining the taggers: trains only the parser (as train-syntax
 * does) on jackknifed first-pass tags cached from an earlier run, and scores every epoch on EWT
 * dev tagged by the shipped model's two tagging passes. Unpruned float weights, so the figures
 * are those of the parser before packing (packing costs at most 0.1 LAS point by construction).
 *   node --import tsx scripts/explore-parser.ts [--parser-epochs N] [--cache DIR] [--fraction F] [--gold-dev-tags] [--unlabeled SOURCES] [--seed N]
 * The first run fills the cache (jackknifing, ~1 min CPU); delete it when the clusters change.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildClusters } from '../src/analyse/entities/clusters.js';
import { readConllu, type UdSentence } from '../src/analyse/syntax/conllu.js';
import { MODEL_PATH, readSyntaxModel } from '../src/analyse/syntax/model-file.js';
import { projectivise } from '../src/analyse/syntax/oracle.js';
import { parseInput } from '../src/analyse/syntax/parse-features.js';
import { tagSentence } from '../src/analyse/syntax/tagger.js';
import { buildTagDict, trainTagger, type TagExample } from '../src/analyse/syntax/train-tagger.js';
import { attachment, trainParser, type ParseExample } from '../src/analyse/syntax/train-parser.js';
import { parse, parseScratch, type ParserModel } from '../src/analyse/syntax/parser.js';
import { wordAtoms } from '../src/analyse/syntax/words.js';
import { UNLABELED, unlabeledSentences } from '../src/analyse/syntax/unlabeled.js';
import { ClauseScores } from './clause-scores.js';

const { values } = parseArgs({
  options: {
    train: { type: 'string', default: '../shared/data/syntax/ud-english-ewt/en_ewt-ud-train.conllu' },
    dev: { type: 'string', default: '../shared/data/syntax/ud-english-ewt/en_ewt-ud-dev.conllu' },
    'parser-epochs': { type: 'string', default: '8' },
    cache: { type: 'string', default: '/tmp/syntax-explore' },
    /** Share of the training sentences the parser learns from (a learning curve); the held-out slice stays whole. */
    fraction: { type: 'string', default: '1' },
    /** Tag dev with its gold tags instead of the shipped taggers: what the parser loses to tagging errors. */
    'gold-dev-tags': { type: 'boolean', default: false },
    unlabeled: { type: 'string', default: UNLABELED },
    /** Seed of the parser's shuffles and exploration (train-syntax uses 11): a second seed measures run-to-run noise. */
    seed: { type: 'string', default: '11' },
  },
});
const t0 = performance.now();
const log = (s: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(0)}s] ${s}`);

const sentences = readConllu(readFileSync(values.train!, 'utf8'));
const joint = (w: { upos: string; xpos: string }) => `${w.upos}|${w.xpos}`;
const model = readSyntaxModel(readFileSync(MODEL_PATH()));
const tags = model.tags;
const tagId = new Map(tags.map((t, i) => [t, i]));
const labels = model.labels;
const labelId = new Map(labels.map((t, i) => [t, i]));

const unlabeled: string[][] = [...sentences.map((s) => s.words.map((w) => w.form)), ...unlabeledSentences(values.unlabeled!.split(',').filter(Boolean))];
const clusters = buildClusters(unlabeled);
log(`clusters: ${clusters.size} words`);
const examples: TagExample[] = sentences.map((s) => ({
  atoms: wordAtoms(s.words.map((w) => w.form), clusters),
  gold: Int32Array.from(s.words.map((w) => tagId.get(joint(w))!)),
}));

mkdirSync(values.cache!, { recursive: true });
const jkFile = join(values.cache!, 'jackknifed.json');
let predicted: Int32Array[];
if (existsSync(jkFile)) predicted = (JSON.parse(readFileSync(jkFile, 'utf8')) as number[][]).map((t) => Int32Array.from(t));
else {
  const tagDict = buildTagDict(examples, tags.length);
  predicted = new Array(sentences.length);
  for (let f = 0; f < 5; f++) {
    const { model: m } = trainTagger(examples.filter((_, i) => i % 5 !== f), tags, tagDict, { epochs: 5, seed: 17 + f });
    examples.forEach((ex, i) => {
      if (i % 5 === f) predicted[i] = tagSentence(m, ex.atoms);
    });
    log(`jackknife fold ${f + 1}/5`);
  }
  writeFileSync(jkFile, JSON.stringify(predicted.map((t) => [...t])));
}

const isHeldOut = (i: number) => i % 20 === 19;
const parseExamples: ParseExample[] = sentences.map((s, i) => {
  const heads = Int32Array.from([0, ...s.words.map((w) => w.head)]);
  if (!isHeldOut(i)) projectivise(heads);
  return {
    x: parseInput(examples[i].atoms, predicted[i], tags.length + 1),
    n: s.words.length,
    heads,
    labels: Int32Array.from([0, ...s.words.map((w) => labelId.get(w.deprel) ?? 0)]),
  };
});

// Dev with the shipped taggers' tags (both passes), gold heads as they are (not projectivised).
const dev = readConllu(readFileSync(values.dev!, 'utf8'));
const devExamples: ParseExample[] = dev.map((s) => {
  const forms = s.words.map((w) => w.form);
  const atoms = wordAtoms(forms, clusters);
  const shipped = wordAtoms(forms, model.clusters);
  const margins = new Float32Array(forms.length);
  const first = tagSentence({ tags, weights: model.tagger, tagDict: model.tagDict }, shipped, undefined, margins, forms);
  const predictedTags = model.tagger2 ? tagSentence({ tags, weights: model.tagger2, tagDict: model.tagDict, sure: model.secondPassSure }, shipped, first, margins, forms) : first;
  const tagIds = values['gold-dev-tags'] ? s.words.map((w, j) => tagId.get(joint(w)) ?? predictedTags[j]) : predictedTags;
  return {
    x: parseInput(atoms, tagIds, tags.length + 1),
    n: forms.length,
    heads: Int32Array.from([0, ...s.words.map((w) => w.head)]),
    labels: Int32Array.from([0, ...s.words.map((w) => labelId.get(w.deprel) ?? -1)]),
  };
});
log(`${parseExamples.length} training sentences, ${devExamples.length} dev sentences`);

const heldOut = parseExamples.filter((_, i) => isHeldOut(i));
const heldOutGold = sentences.filter((_, i) => isHeldOut(i));

/** Clause LAS of `m` on examples (their tags as the parser saw them), against the gold sentences. */
function clauseScores(m: ParserModel, exs: ParseExample[], gold: UdSentence[]): ClauseScores {
  const scores = new ClauseScores();
  const sc = parseScratch(m.labels.length);
  exs.forEach((ex, i) => {
    const st = parse(m, ex.x, ex.n, sc);
    const pred = gold[i].words.map((_, j) => ({ head: st.heads[j + 1], deprel: labels[st.labels[j + 1]] ?? 'dep', upos: tags[ex.x.tags[j + 1] - 1].split('|')[0] }));
    scores.add(gold[i].words, pred);
  });
  return scores;
}
const devScores: string[] = [];
const share = Number(values.fraction);
const training = parseExamples.filter((_, i) => !isHeldOut(i));
const used = training.slice(0, Math.round(training.length * share));
log(`parser trains on ${used.length} of ${training.length} sentences`);
const parser = trainParser(used, labels, {
  epochs: Number(values['parser-epochs']),
  seed: Number(values.seed),
  heldOut,
  log,
  onEpoch: (m) => {
    const d = attachment(m, devExamples);
    const c = clauseScores(m, devExamples, dev);
    const h = clauseScores(m, heldOut, heldOutGold);
    devScores.push(`${d.uas.toFixed(4)}/${d.las.toFixed(4)}/${c.clauseLas.toFixed(4)}`);
    log(`    dev UAS ${d.uas.toFixed(4)} LAS ${d.las.toFixed(4)} ${c.summary()}`);
    log(`    held-out slice ${h.summary()}`);
  },
});
const cpu = process.cpuUsage();
log(`done: held-out LAS by epoch ${parser.history.map((x) => x.toFixed(4)).join(' ')}; dev UAS/LAS/clause LAS by epoch ${devScores.join(' ')}; ${Math.round((cpu.user + cpu.system) / 1e6)} s CPU`);

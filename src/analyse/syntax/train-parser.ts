/**
 * Training of the parser with the dynamic oracle (Goldberg & Nivre 2012): at every state the move
 * classifier is updated toward the best-scoring zero-cost move when its own choice has a cost;
 * after the first epoch the parser follows its own prediction (exploration), so it learns to
 * continue well after a mistake. The labeller is trained on every arc whose head is correct.
 * The epoch kept is the one with the best LAS on a held-out slice of the training data.
 */
import { prng, shuffle } from '../../util/random.js';
import { labelFeatures, moveFeatures, type ParseInput } from './parse-features.js';
import { argmax, TrainedWeights } from './perceptron.js';
import { Oracle } from './oracle.js';
import { parse, parseScratch, type ParserModel } from './parser.js';
import { LEFT, MOVES, ParseState, SHIFT } from './state.js';

export interface ParseExample {
  x: ParseInput;
  n: number;
  /** Gold heads (projectivised for training), index 1..n. */
  heads: Int32Array;
  /** Gold label ids, index 1..n. */
  labels: Int32Array;
}

export interface ParserTraining {
  moves: TrainedWeights;
  labeller: TrainedWeights;
  movesAvg: Float32Array;
  labellerAvg: Float32Array;
  history: number[];
}

/** Unlabelled and labelled attachment scores (universal part of the relation) of `m` on examples. */
export function attachment(m: ParserModel, examples: ParseExample[]): { uas: number; las: number } {
  let u = 0;
  let l = 0;
  let all = 0;
  const sc = parseScratch(m.labels.length);
  const universal = m.labels.map((s) => s.split(':')[0]);
  for (const ex of examples) {
    const st = parse(m, ex.x, ex.n, sc);
    for (let i = 1; i <= ex.n; i++) {
      all++;
      if (st.heads[i] !== ex.heads[i]) continue;
      u++;
      if (universal[st.labels[i]] === universal[ex.labels[i]]) l++;
    }
  }
  return { uas: u / all, las: l / all };
}

function trainSentence(ex: ParseExample, moves: TrainedWeights, labeller: TrainedWeights, labels: string[], explore: boolean, rand: () => number) {
  const st = new ParseState(ex.n);
  const oracle = new Oracle(ex.heads);
  const sc = parseScratch(labels.length);
  const costs = new Int32Array(MOVES);
  const rootLabel = labels.indexOf('root');
  while (!st.done()) {
    st.valid(sc.valid);
    const k = moveFeatures(st, ex.x, sc.feats);
    sc.scores.fill(0);
    moves.score(sc.feats, k, sc.scores);
    const guess = argmax(sc.scores, MOVES, sc.valid);
    oracle.costs(st, costs);
    let best = -1;
    for (let mv = 0; mv < MOVES; mv++) {
      if (!sc.valid[mv]) continue;
      if (best < 0 || costs[mv] < costs[best] || (costs[mv] === costs[best] && sc.scores[mv] > sc.scores[best])) best = mv;
    }
    if (costs[guess] > costs[best]) moves.update(sc.feats, k, best, guess);
    moves.tick();
    const follow = costs[guess] === costs[best] || (explore && rand() < 0.9) ? guess : best;
    let label = -1;
    if (follow !== SHIFT) {
      const d = st.s(0);
      const h = follow === LEFT ? st.b0 : st.s(1);
      if (h === 0) label = rootLabel;
      else {
        const lk = labelFeatures(st, ex.x, h, d, sc.lfeats);
        sc.lscores.fill(0);
        labeller.score(sc.lfeats, lk, sc.lscores);
        sc.labelOk.fill(1);
        sc.labelOk[rootLabel] = 0;
        label = argmax(sc.lscores, labels.length, sc.labelOk);
        if (ex.heads[d] === h) {
          labeller.update(sc.lfeats, lk, ex.labels[d], label);
          labeller.tick();
          label = ex.labels[d];
        }
      }
    }
    const popped = st.apply(follow, label);
    oracle.sync(st, follow, popped);
  }
}

export function trainParser(
  examples: ParseExample[],
  labels: string[],
  opts: { epochs: number; seed: number; heldOut: ParseExample[]; log?: (s: string) => void; onEpoch?: (m: ParserModel) => void },
): ParserTraining {
  const moves = new TrainedWeights(MOVES);
  const labeller = new TrainedWeights(labels.length);
  const rand = prng(opts.seed);
  const order = examples.map((_, i) => i);
  const history: number[] = [];
  let best: { las: number; movesAvg: Float32Array; labellerAvg: Float32Array } = { las: -1, movesAvg: new Float32Array(0), labellerAvg: new Float32Array(0) };
  for (let e = 0; e < opts.epochs; e++) {
    shuffle(order, rand);
    for (const i of order) trainSentence(examples[i], moves, labeller, labels, e > 0, rand);
    const movesAvg = moves.averaged();
    const labellerAvg = labeller.averaged();
    const m: ParserModel = { moves: moves.withWeights(movesAvg), labeller: labeller.withWeights(labellerAvg), labels };
    const { uas, las } = attachment(m, opts.heldOut);
    history.push(las);
    opts.onEpoch?.(m);
    opts.log?.(`  parser epoch ${e + 1}: held-out UAS ${uas.toFixed(4)} LAS ${las.toFixed(4)} (${moves.table.size} move rows, ${labeller.table.size} label rows)`);
    if (las > best.las) best = { las, movesAvg, labellerAvg };
  }
  return { moves, labeller, movesAvg: best.movesAvg, labellerAvg: best.labellerAvg, history };
}

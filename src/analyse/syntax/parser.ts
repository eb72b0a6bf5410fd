/**
 * Greedy arc-hybrid dependency parser: at each state the move classifier picks SHIFT, LEFT or
 * RIGHT among the valid moves, and the labeller names each arc as it is made. Linear time:
 * exactly 2n moves for n words.
 */
import * as features from './parse-features.js';
import { LABEL_FEATURES, PARSER_FEATURES, type ParseInput } from './parse-features.js';
import * as perceptron from './perceptron.js';
import type { Scorer } from './perceptron.js';
import { LEFT, MOVES, ParseState, SHIFT } from './state.js';

// Local copies: under some loaders (tsx) imported bindings are getter calls, which would not inline.
const argmax = perceptron.argmax;
const moveFeatures = features.moveFeatures;
const labelFeatures = features.labelFeatures;

export interface ParserModel {
  moves: Scorer;
  labeller: Scorer;
  /** Dependency relations, index = class of the labeller. */
  labels: string[];
}

export interface ParseScratch {
  feats: Uint32Array;
  lfeats: Uint32Array;
  scores: Float32Array;
  lscores: Float32Array;
  valid: Uint8Array;
  labelOk: Uint8Array;
  state: ParseState;
}

export function parseScratch(labels: number): ParseScratch {
  return {
    feats: new Uint32Array(PARSER_FEATURES),
    lfeats: new Uint32Array(LABEL_FEATURES),
    scores: new Float32Array(MOVES),
    lscores: new Float32Array(labels),
    valid: new Uint8Array(MOVES),
    labelOk: new Uint8Array(labels),
    state: new ParseState(64),
  };
}

/** The move when only one is valid (empty stack: SHIFT; last word before the root: LEFT), else -1. */
function onlyMove(valid: Uint8Array): number {
  let only = -1;
  for (let mv = 0; mv < MOVES; mv++) {
    if (!valid[mv]) continue;
    if (only >= 0) return -1;
    only = mv;
  }
  return only;
}

/** The label of the arc h → d: "root" for the root's dependent, never elsewhere. */
export function chooseLabel(m: ParserModel, st: ParseState, x: ParseInput, h: number, d: number, sc: ParseScratch, rootLabel: number): number {
  if (h === 0) return rootLabel;
  const k = labelFeatures(st, x, h, d, sc.lfeats);
  sc.lscores.fill(0);
  m.labeller.score(sc.lfeats, k, sc.lscores);
  sc.labelOk.fill(1);
  sc.labelOk[rootLabel] = 0;
  return argmax(sc.lscores, m.labels.length, sc.labelOk);
}

/**
 * Parses one sentence of n words; returns the final state (heads[1..n], labels[1..n]), which is
 * the scratch's state: read it before the next call with the same scratch.
 */
export function parse(m: ParserModel, x: ParseInput, n: number, sc: ParseScratch = parseScratch(m.labels.length)): ParseState {
  const st = sc.state.reset(n);
  const rootLabel = m.labels.indexOf('root');
  while (!st.done()) {
    st.valid(sc.valid);
    let move = onlyMove(sc.valid);
    if (move < 0) {
      const k = moveFeatures(st, x, sc.feats);
      sc.scores.fill(0);
      m.moves.score(sc.feats, k, sc.scores);
      move = argmax(sc.scores, MOVES, sc.valid);
    }
    if (move === SHIFT) {
      st.apply(SHIFT, -1);
      continue;
    }
    const d = st.s(0);
    const h = move === LEFT ? st.b0 : st.s(1);
    st.apply(move, chooseLabel(m, st, x, h, d, sc, rootLabel));
  }
  return st;
}

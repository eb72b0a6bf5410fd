/**
 * Feature templates of the parser, after Zhang & Nivre (2011) adapted to arc-hybrid: words and
 * tags of the three stack tops and three buffer fronts, the two leftmost/rightmost children of the
 * stack top and leftmost children of the buffer front with their labels, distance, valency and
 * label sets, in singles, pairs and triples. Also the templates of the labeller, which names an
 * arc once the move is chosen.
 */
import * as hash from './hash.js';

// Local copies: under some loaders (tsx) imported bindings are getter calls, which would not inline.
const f1 = hash.f1;
const f2 = hash.f2;
const f3 = hash.f3;
const f4 = hash.f4;
import type { ParseState } from './state.js';
import type { WordAtoms } from './words.js';

export const PARSER_FEATURES = 106;
export const LABEL_FEATURES = 32;

const NONE = 0x2545f491;
const ROOT_WORD = 0x1b3a5c7d;
const NO_LABEL = 255;

/** Per-sentence inputs to the templates: word identity and tag of each position (0 = root). */
export interface ParseInput {
  /** words[i]: lower-cased form hash (i = 1..n), words[0] the root. */
  words: Uint32Array;
  /** tags[i]: tag id + 1 (i = 1..n); tags[0] the root's tag. */
  tags: Uint32Array;
  /** The form as written (case kept), for the labeller ("Sunday" vs "sunday"). */
  forms: Uint32Array;
  /** Word cluster (8-bit prefix) of each position, 0 when none. */
  clusters: Uint32Array;
}

export function parseInput(a: WordAtoms, tagIds: ArrayLike<number>, rootTag: number): ParseInput {
  const n = a.n;
  const words = new Uint32Array(n + 1);
  const tags = new Uint32Array(n + 1);
  const forms = new Uint32Array(n + 1);
  const clusters = new Uint32Array(n + 1);
  clusters.set(a.c8, 1);
  words[0] = ROOT_WORD;
  tags[0] = rootTag;
  forms[0] = ROOT_WORD;
  for (let i = 0; i < n; i++) {
    words[i + 1] = a.lower[i];
    tags[i + 1] = tagIds[i] + 1;
    forms[i + 1] = a.form[i];
  }
  return { words, tags, forms, clusters };
}

const wd = (x: ParseInput, i: number) => (i < 0 ? NONE : x.words[i]);
const cl = (x: ParseInput, i: number) => (i < 0 ? 0 : x.clusters[i]);
const tg = (x: ParseInput, i: number) => (i < 0 ? 0 : x.tags[i]);
const lb = (st: ParseState, i: number) => (i < 0 ? NO_LABEL : st.labels[i]);
const at = (a: Int32Array, i: number) => (i < 0 ? -1 : a[i]);

/** Writes the move features of the current state into `out`; returns the count. */
export function moveFeatures(st: ParseState, x: ParseInput, out: Uint32Array): number {
  const s0 = st.s(0), s1 = st.s(1), s2 = st.s(2);
  const n0 = st.b0;
  const n1 = n0 > 0 && n0 + 1 <= st.n ? n0 + 1 : -1;
  const n2 = n1 > 0 && n1 + 1 <= st.n ? n1 + 1 : -1;
  const s0l1 = at(st.lc1, s0), s0l2 = at(st.lc2, s0), s0r1 = at(st.rc1, s0), s0r2 = at(st.rc2, s0);
  const n0l1 = at(st.lc1, n0), n0l2 = at(st.lc2, n0);
  const s1r1 = at(st.rc1, s1), s1l1 = at(st.lc1, s1);
  const S0w = wd(x, s0), S0t = tg(x, s0), S1w = wd(x, s1), S1t = tg(x, s1), S2t = tg(x, s2), S2w = wd(x, s2);
  const N0w = wd(x, n0), N0t = tg(x, n0), N1w = wd(x, n1), N1t = tg(x, n1), N2w = wd(x, n2), N2t = tg(x, n2);
  const n0p = n0 === 0 ? st.n + 1 : n0;
  const dist = s0 >= 0 && n0 >= 0 ? Math.min(n0p - s0, 6) : 0;
  const dist1 = s1 >= 0 && s0 >= 0 ? Math.min(s0 - s1, 6) : 0;
  const s0vl = s0 >= 0 ? Math.min(st.nLeft[s0], 4) : 9, s0vr = s0 >= 0 ? Math.min(st.nRight[s0], 4) : 9;
  const n0vl = n0 >= 0 ? Math.min(st.nLeft[n0], 4) : 9;
  const s0ls = s0 >= 0 ? f2(0, st.lsetLo[s0], st.lsetHi[s0]) : 0, s0rs = s0 >= 0 ? f2(0, st.rsetLo[s0], st.rsetHi[s0]) : 0;
  const n0ls = n0 >= 0 ? f2(0, st.lsetLo[n0], st.lsetHi[n0]) : 0;
  let k = 0;
  out[k++] = f1(0, 0);
  // single positions
  out[k++] = f2(1, S0w, S0t); out[k++] = f1(2, S0w); out[k++] = f1(3, S0t);
  out[k++] = f2(4, N0w, N0t); out[k++] = f1(5, N0w); out[k++] = f1(6, N0t);
  out[k++] = f2(7, N1w, N1t); out[k++] = f1(8, N1w); out[k++] = f1(9, N1t);
  out[k++] = f2(10, N2w, N2t); out[k++] = f1(11, N2w); out[k++] = f1(12, N2t);
  out[k++] = f2(13, S1w, S1t); out[k++] = f1(14, S1w); out[k++] = f1(15, S1t);
  out[k++] = f1(16, S2t); out[k++] = f2(17, S2w, S2t);
  // pairs
  out[k++] = f4(20, S0w, S0t, N0w, N0t); out[k++] = f3(21, S0w, S0t, N0w); out[k++] = f3(22, S0w, N0w, N0t);
  out[k++] = f3(23, S0w, S0t, N0t); out[k++] = f3(24, S0t, N0w, N0t); out[k++] = f2(25, S0w, N0w);
  out[k++] = f2(26, S0t, N0t); out[k++] = f2(27, N0t, N1t); out[k++] = f2(28, S1t, S0t); out[k++] = f2(29, S1w, S0w);
  out[k++] = f3(30, S1w, S0t, S0w); out[k++] = f3(31, S1t, S1w, S0w); out[k++] = f3(32, S1t, S0t, S0w); out[k++] = f3(33, S1t, S1w, S0t);
  out[k++] = f2(34, N0w, N1w); out[k++] = f3(35, N0w, N0t, N1t); out[k++] = f2(36, S1t, N0t); out[k++] = f2(37, S1w, N0w);
  // triples
  out[k++] = f3(40, N0t, N1t, N2t); out[k++] = f3(41, S0t, N0t, N1t); out[k++] = f3(42, S1t, S0t, N0t);
  out[k++] = f3(43, S0t, tg(x, s0l1), N0t); out[k++] = f3(44, S0t, tg(x, s0r1), N0t); out[k++] = f3(45, S0t, N0t, tg(x, n0l1));
  out[k++] = f3(46, S1t, tg(x, s1r1), S0t); out[k++] = f3(47, S2t, S1t, S0t); out[k++] = f3(48, S1t, tg(x, s1l1), S0t);
  out[k++] = f3(49, S1t, S0t, tg(x, s0r1)); out[k++] = f3(50, S1t, S0t, tg(x, s0l1));
  // distance
  out[k++] = f2(51, S0w, dist); out[k++] = f2(52, S0t, dist); out[k++] = f2(53, N0w, dist); out[k++] = f2(54, N0t, dist);
  out[k++] = f3(55, S0w, N0w, dist); out[k++] = f3(56, S0t, N0t, dist); out[k++] = f3(57, S1t, S0t, dist1); out[k++] = f3(58, S1w, S0w, dist1);
  // valency
  out[k++] = f2(59, S0w, s0vr); out[k++] = f2(60, S0t, s0vr); out[k++] = f2(61, S0w, s0vl); out[k++] = f2(62, S0t, s0vl);
  out[k++] = f2(63, N0w, n0vl); out[k++] = f2(64, N0t, n0vl);
  // children (second order) and their labels
  out[k++] = f1(65, wd(x, s0l1)); out[k++] = f1(66, tg(x, s0l1)); out[k++] = f1(67, lb(st, s0l1));
  out[k++] = f1(68, wd(x, s0r1)); out[k++] = f1(69, tg(x, s0r1)); out[k++] = f1(70, lb(st, s0r1));
  out[k++] = f1(71, wd(x, n0l1)); out[k++] = f1(72, tg(x, n0l1)); out[k++] = f1(73, lb(st, n0l1));
  out[k++] = f1(74, tg(x, s1r1)); out[k++] = f1(75, lb(st, s1r1)); out[k++] = f2(76, S0t, lb(st, s0l1)); out[k++] = f2(77, S0t, lb(st, s0r1));
  // third order
  out[k++] = f1(78, wd(x, s0l2)); out[k++] = f1(79, tg(x, s0l2)); out[k++] = f1(80, lb(st, s0l2));
  out[k++] = f1(81, wd(x, s0r2)); out[k++] = f1(82, tg(x, s0r2)); out[k++] = f1(83, lb(st, s0r2));
  out[k++] = f1(84, wd(x, n0l2)); out[k++] = f1(85, tg(x, n0l2)); out[k++] = f1(86, lb(st, n0l2));
  out[k++] = f3(87, S0t, tg(x, s0l1), tg(x, s0l2)); out[k++] = f3(88, S0t, tg(x, s0r1), tg(x, s0r2)); out[k++] = f3(89, N0t, tg(x, n0l1), tg(x, n0l2));
  // label sets
  out[k++] = f2(90, S0w, s0rs); out[k++] = f2(91, S0t, s0rs); out[k++] = f2(92, S0w, s0ls); out[k++] = f2(93, S0t, s0ls);
  out[k++] = f2(94, N0w, n0ls); out[k++] = f2(95, N0t, n0ls);
  // word clusters in place of words (Koo et al. 2008)
  const S0c = cl(x, s0), N0c = cl(x, n0), S1c = cl(x, s1), N1c = cl(x, n1);
  out[k++] = f1(96, S0c); out[k++] = f1(97, N0c); out[k++] = f1(98, S1c); out[k++] = f1(99, N1c);
  out[k++] = f2(140, S0c, N0c); out[k++] = f3(141, S0c, N0t, S0t); out[k++] = f3(142, S0t, N0c, N0t); out[k++] = f2(143, S1c, S0c);
  out[k++] = f3(144, S1c, S0t, S1t); out[k++] = f3(145, S1t, S0c, S0t); out[k++] = f3(146, S0c, N0c, dist); out[k++] = f2(147, N0c, N1c);
  out[k++] = f2(148, S0c, cl(x, s0l1)); out[k++] = f2(149, N0c, cl(x, n0l1));
  return k;
}

/** Features naming the arc head → dep (the move already chosen); all conjoined with the direction. */
export function labelFeatures(st: ParseState, x: ParseInput, h: number, d: number, out: Uint32Array): number {
  const dir = h === 0 || d < h ? 1 : 2;
  const hp = h === 0 ? st.n + 1 : h;
  const dist = Math.min(Math.abs(hp - d), 8);
  const Dw = x.words[d], Dt = x.tags[d], Hw = x.words[h], Ht = x.tags[h];
  const dl = st.lc1[d], dr = st.rc1[d];
  const prevT = d > 1 ? x.tags[d - 1] : 0, nextT = d < st.n ? x.tags[d + 1] : 0;
  const hSet = dir === 1 ? f2(0, st.lsetLo[h], st.lsetHi[h]) : f2(0, st.rsetLo[h], st.rsetHi[h]);
  let k = 0;
  out[k++] = f1(100, dir);
  out[k++] = f2(101, dir, Dw); out[k++] = f2(102, dir, Dt); out[k++] = f2(103, dir, Hw); out[k++] = f2(104, dir, Ht);
  out[k++] = f3(105, dir, Ht, Dt); out[k++] = f3(106, dir, Hw, Dt); out[k++] = f3(107, dir, Ht, Dw); out[k++] = f3(108, dir, Hw, Dw);
  out[k++] = f4(109, dir, Ht, Dt, dist); out[k++] = f2(110, dir, x.forms[d]);
  out[k++] = f3(111, dir, Dt, lb(st, dl)); out[k++] = f3(112, dir, Dt, lb(st, dr));
  out[k++] = f3(113, dir, Dt, f2(0, st.lsetLo[d], st.lsetHi[d])); out[k++] = f3(114, dir, Dt, f2(0, st.rsetLo[d], st.rsetHi[d]));
  out[k++] = f3(115, dir, Dt, tg(x, dl)); out[k++] = f3(116, dir, Dt, tg(x, dr));
  out[k++] = f3(117, dir, Dt, wd(x, dl)); out[k++] = f4(118, dir, Ht, Dt, wd(x, dl));
  out[k++] = f3(119, dir, Ht, hSet); out[k++] = f4(120, dir, Ht, Dt, hSet);
  out[k++] = f3(121, dir, Dt, prevT); out[k++] = f3(122, dir, Dt, nextT);
  out[k++] = f4(123, dir, Ht, Dt, lb(st, dl)); out[k++] = f3(124, dir, Dw, Ht);
  out[k++] = f3(125, dir, Dt, wd(x, dr)); out[k++] = f4(126, dir, Hw, Dt, wd(x, dl));
  out[k++] = f2(127, dir, h === 0 ? 1 : 0);
  out[k++] = f3(128, dir, Dt, Math.min(st.nLeft[d], 3) * 4 + Math.min(st.nRight[d], 3));
  out[k++] = f3(129, dir, x.clusters[d], Ht); out[k++] = f3(130, dir, Dt, x.clusters[h]); out[k++] = f3(131, dir, x.clusters[d], x.clusters[h]);
  return k;
}

/**
 * Hierarchical word clusters from unlabeled text, used as tagger features (like Brown clusters:
 * each word gets a bit string, and its prefixes are coarser clusters). Built deterministically:
 * each frequent word is described by its left and right neighbours (PPMI-weighted counts over the
 * most frequent context words), projected to a fixed random basis (seeded), and the words are
 * split recursively along the principal direction of each group (principal direction divisive
 * partitioning), the side of each split giving the next bit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../util/paths.js';

const DIM = 96;
const CONTEXTS = 1500;
const MIN_COUNT = 3;
const MAX_DEPTH = 12;
const MIN_LEAF = 6;

const key = (w: string) => w.toLowerCase().replace(/[0-9]/g, '0');

export function buildClusters(sents: string[][], log: (m: string) => void = () => {}): Map<string, string> {
  const freq = new Map<string, number>();
  for (const s of sents) for (const w of s) freq.set(key(w), (freq.get(key(w)) ?? 0) + 1);
  const byFreq = [...freq].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const vocab = byFreq.filter(([, n]) => n >= MIN_COUNT).map(([w]) => w);
  const vid = new Map(vocab.map((w, i) => [w, i]));
  const ctx = new Map(byFreq.slice(0, CONTEXTS).map(([w], i) => [w, i]));
  const C = CONTEXTS * 2 + 2; // left contexts, right contexts, + sentence boundary on each side
  const counts: Map<number, number>[] = vocab.map(() => new Map());
  const ctxTotal = new Float64Array(C);
  let total = 0;
  for (const s of sents) {
    const ks = s.map(key);
    for (let i = 0; i < ks.length; i++) {
      const v = vid.get(ks[i]);
      if (v === undefined) continue;
      const l = i === 0 ? 2 * CONTEXTS : ctx.get(ks[i - 1]);
      const r = i === ks.length - 1 ? 2 * CONTEXTS + 1 : ctx.get(ks[i + 1]);
      const m = counts[v];
      if (l !== undefined) {
        m.set(l, (m.get(l) ?? 0) + 1);
        ctxTotal[l]++;
        total++;
      }
      if (r !== undefined) {
        const rr = r >= 2 * CONTEXTS ? r : CONTEXTS + r;
        m.set(rr, (m.get(rr) ?? 0) + 1);
        ctxTotal[rr]++;
        total++;
      }
    }
  }
  log(`clusters: ${vocab.length} words, ${C} contexts`);
  // Fixed random ±1 basis, seeded.
  let seed = 0x9e3779b9;
  const rand = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 4294967296;
  };
  const basis = new Float32Array(C * DIM);
  for (let k = 0; k < basis.length; k++) basis[k] = rand() < 0.5 ? -1 : 1;
  const V = vocab.length;
  const X = new Float64Array(V * DIM);
  for (let v = 0; v < V; v++) {
    let wTotal = 0;
    for (const n of counts[v].values()) wTotal += n;
    const o = v * DIM;
    for (const [c, n] of counts[v]) {
      const pmi = Math.log((n * total) / (wTotal * ctxTotal[c]));
      if (pmi <= 0) continue;
      const b = c * DIM;
      for (let d = 0; d < DIM; d++) X[o + d] += pmi * basis[b + d];
    }
    let norm = 0;
    for (let d = 0; d < DIM; d++) norm += X[o + d] * X[o + d];
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < DIM; d++) X[o + d] /= norm;
  }
  const paths = new Array<string>(V).fill('');
  const split = (members: Int32Array, path: string) => {
    if (members.length < MIN_LEAF || path.length >= MAX_DEPTH) {
      for (const v of members) paths[v] = path;
      return;
    }
    const mean = new Float64Array(DIM);
    for (const v of members) for (let d = 0; d < DIM; d++) mean[d] += X[v * DIM + d];
    for (let d = 0; d < DIM; d++) mean[d] /= members.length;
    // Principal direction by power iteration on the centred group.
    let dir = new Float64Array(DIM);
    for (let d = 0; d < DIM; d++) dir[d] = Math.sin(d + 1);
    const proj = new Float64Array(members.length);
    for (let it = 0; it < 12; it++) {
      const next = new Float64Array(DIM);
      for (let k = 0; k < members.length; k++) {
        const o = members[k] * DIM;
        let p = 0;
        for (let d = 0; d < DIM; d++) p += (X[o + d] - mean[d]) * dir[d];
        for (let d = 0; d < DIM; d++) next[d] += p * (X[o + d] - mean[d]);
      }
      let n = 0;
      for (let d = 0; d < DIM; d++) n += next[d] * next[d];
      n = Math.sqrt(n) || 1;
      for (let d = 0; d < DIM; d++) next[d] /= n;
      dir = next;
    }
    const left: number[] = [];
    const right: number[] = [];
    for (let k = 0; k < members.length; k++) {
      const o = members[k] * DIM;
      let p = 0;
      for (let d = 0; d < DIM; d++) p += (X[o + d] - mean[d]) * dir[d];
      proj[k] = p;
      (p < 0 ? left : right).push(members[k]);
    }
    if (!left.length || !right.length) {
      for (const v of members) paths[v] = path;
      return;
    }
    split(Int32Array.from(left), `${path}0`);
    split(Int32Array.from(right), `${path}1`);
  };
  split(Int32Array.from(vocab.map((_, i) => i)), '');
  const out = new Map<string, string>();
  const order = vocab.map((w, i) => [w, paths[i]] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  for (const [w, p] of order) out.set(w, p || '0');
  return out;
}

/**
 * Word clusters written out (`word<TAB>bits` per line; lines without a tab are comments): the
 * clusters the shipped tagger was trained with, so that retraining does not depend on rebuilding
 * them. A rebuild is chaotic: the random basis is indexed by the contexts' frequency ranks, so a
 * small change in the unlabeled text (a tokenizer fix) redraws every word's bit string.
 */
export function readClusters(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) out.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return out;
}

/** The committed word clusters (data/lexicons/word-clusters.tsv, the shipped tagger's), read by `train:ner`. */
export function committedClusters(): Map<string, string> {
  return readClusters(readFileSync(join(packageRoot(), 'data', 'lexicons', 'word-clusters.tsv'), 'utf8'));
}

/**
 * The shipped model `models/syntax.bin.gz`: tag and label names, the tag dictionary, the
 * lemmatiser's tables (JSON header), and three sparse weight sets (tagger, parser moves,
 * labeller). Weights are averaged, quantised to int16 with one scale per set, and rows whose
 * weights all round to zero are dropped, which is most of them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../util/paths.js';
import { readModelFile, writeModelFile } from '../learn/model-file.js';
import type { LemmaModel } from './lemma.js';
import type { Clusters } from './words.js';
import { CompactWeights, InlineWeights, type Scorer } from './perceptron.js';

const MAGIC = 'SYN1';

export interface SyntaxModel {
  tags: string[];
  labels: string[];
  tagDict: Map<number, number>;
  clusters: Clusters;
  /** Words running text writes in lower case, as the casing map `truecaseTitle` reads ('L'). */
  ordinary: Map<string, string>;
  lemma: LemmaModel;
  tagger: Scorer;
  moves: Scorer;
  labeller: Scorer;
  meta: Record<string, unknown>;
}

interface Packed {
  classes: number;
  rows: number;
  nnz: number;
  scale: number;
}

/** Sparse int16 form of averaged dense rows; entries with |w| < `minAbs` are dropped first. */
export function pack(keys: Uint32Array, w: Float32Array, classes: number, minAbs = 0) {
  let maxAbs = 0;
  for (let i = 0; i < w.length; i++) maxAbs = Math.max(maxAbs, Math.abs(w[i]));
  const scale = (maxAbs || 1) / 32767;
  const kept: number[] = [];
  const counts: number[] = [];
  const cls: number[] = [];
  const vals: number[] = [];
  for (let r = 0; r < keys.length; r++) {
    let c = 0;
    for (let k = 0; k < classes; k++) {
      const v = w[r * classes + k];
      const q = Math.round(v / scale);
      if (q === 0 || Math.abs(v) < minAbs) continue;
      cls.push(k);
      vals.push(q);
      c++;
    }
    if (c) {
      kept.push(keys[r]);
      counts.push(c);
    }
  }
  if (cls.length >= 1 << 24) throw new Error('too many weights for the 24-bit entry index; prune more');
  const meta: Packed = { classes, rows: kept.length, nnz: cls.length, scale };
  return { meta, arrays: [Uint32Array.from(kept), Uint8Array.from(counts), Uint8Array.from(cls), Int16Array.from(vals)] };
}

function scorerOf(classes: number, keys: Uint32Array, counts: Uint8Array, cls: Uint8Array, q: Int16Array): Scorer {
  return classes <= 4 ? new InlineWeights(classes, keys, counts, cls, q) : new CompactWeights(classes, keys, counts, cls, q);
}

/** The run-time scorer of packed weights (used by training to check what pruning costs). */
export function packedScorer(p: ReturnType<typeof pack>): Scorer {
  const [keys, counts, cls, q] = p.arrays as [Uint32Array, Uint8Array, Uint8Array, Int16Array];
  return scorerOf(p.meta.classes, keys, counts, cls, q);
}

export function writeSyntaxModel(
  header: { tags: string[]; labels: string[]; tagDict: [number, number][]; clusters: [string, string][]; ordinary?: string[]; lemma: LemmaModel; meta: Record<string, unknown> },
  sets: ReturnType<typeof pack>[],
): Buffer {
  return writeModelFile(MAGIC, { ...header, sets: sets.map((s) => s.meta) }, sets.flatMap((s) => s.arrays));
}

export function readSyntaxModel(gz: Buffer): SyntaxModel {
  type H = { tags: string[]; labels: string[]; tagDict: [number, number][]; clusters: [string, string][]; ordinary?: string[]; lemma: LemmaModel; meta: Record<string, unknown>; sets: Packed[] };
  const { header, take } = readModelFile<H>(gz, MAGIC, 'a syntax model');
  const weights = header.sets.map((p) => {
    const keys = new Uint32Array(take(p.rows * 4));
    const counts = new Uint8Array(take(p.rows));
    const cls = new Uint8Array(take(p.nnz));
    const q = new Int16Array(take(p.nnz * 2));
    return scorerOf(p.classes, keys, counts, cls, q);
  });
  return {
    tags: header.tags,
    labels: header.labels,
    tagDict: new Map(header.tagDict),
    clusters: new Map(header.clusters),
    ordinary: new Map((header.ordinary ?? []).map((w) => [w, 'L'])),
    lemma: header.lemma,
    tagger: weights[0],
    moves: weights[1],
    labeller: weights[2],
    meta: header.meta,
  };
}

export const MODEL_PATH = () => join(packageRoot(), 'models', 'syntax.bin.gz');

let cached: SyntaxModel | null | undefined;
let loadMs = 0;

/** The shipped model, read once per process; null when the file is missing. */
export function syntaxModel(): SyntaxModel | null {
  if (cached !== undefined) return cached;
  const t = performance.now();
  const path = MODEL_PATH();
  cached = existsSync(path) ? readSyntaxModel(readFileSync(path)) : null;
  loadMs = performance.now() - t;
  return cached;
}

/** Milliseconds the first `syntaxModel()` call took to read the file. */
export const modelLoadMs = () => loadMs;

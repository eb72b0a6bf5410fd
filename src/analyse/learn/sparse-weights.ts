import { existsSync, readFileSync } from 'node:fs';
import { readFlatFile, writeFlatFile } from '../../util/flat-file.js';

/**
 * A sparse linear model over hashed features: the feature hashes in ascending order and one weight
 * each (the quotes' content-end ranker, the cue classifier). A feature the model has no weight for
 * scores 0. Stored as a flat file (`util/flat-file.ts`) under the model's own magic.
 */
export interface SparseWeights {
  keys: Uint32Array;
  weights: Float32Array;
  meta: Record<string, unknown>;
}

export function writeSparseWeights(magic: string, m: SparseWeights): Buffer {
  return writeFlatFile(magic, { meta: m.meta }, { keys: m.keys, weights: m.weights });
}

/** Reads a file written by writeSparseWeights with this `magic`; `what` names the model in errors ("a cue classifier"). */
export function readSparseWeights(file: Buffer, magic: string, what: string): SparseWeights {
  const { header, arrays } = readFlatFile<{ meta: Record<string, unknown> }>(file, magic, what);
  const keys = arrays.keys as Uint32Array;
  const weights = arrays.weights as Float32Array;
  if (!(keys instanceof Uint32Array) || !(weights instanceof Float32Array) || keys.length !== weights.length) throw new Error(`the tables of ${what} are damaged`);
  for (let i = 1; i < keys.length; i++) if (keys[i] <= keys[i - 1]) throw new Error(`the keys of ${what} do not ascend`);
  return { keys, weights, meta: header.meta };
}

/** The weight of feature hash h (0 when the model has none): a binary search of the keys. */
export function weightOf(m: SparseWeights, h: number): number {
  const { keys } = m;
  let lo = 0;
  let hi = keys.length - 1;
  const k = h >>> 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] < k) lo = mid + 1;
    else if (keys[mid] > k) hi = mid - 1;
    else return m.weights[mid];
  }
  return 0;
}

/** The score of a set of features: the sum of their weights. */
export function scoreOf(m: SparseWeights, fs: readonly number[]): number {
  let s = 0;
  for (const f of fs) s += weightOf(m, f);
  return s;
}

/**
 * The loader of a shipped model at `defaultPath`: read on first use and kept; null when the file is
 * missing or unreadable (the stage then runs without it). Another path is read on each call.
 */
export function sparseWeightsLoader(defaultPath: string, magic: string, what: string): (path?: string) => SparseWeights | null {
  const read = (path: string): SparseWeights | null => {
    try {
      return existsSync(path) ? readSparseWeights(readFileSync(path), magic, what) : null;
    } catch {
      return null;
    }
  };
  let cached: SparseWeights | null | undefined;
  return (path = defaultPath) => {
    if (path !== defaultPath) return read(path);
    if (cached === undefined) cached = read(path);
    return cached;
  };
}

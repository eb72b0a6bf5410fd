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

/**
 * A model's weights in an open-addressing hash table, built once per model (weightTable): the
 * rankers look up tens of features per candidate, and a probe of a table a quarter full is cheaper
 * than a binary search of thousands of keys. The weights are the model's, so the scores are the same.
 */
export class WeightTable {
  private readonly keys: Uint32Array;
  private readonly values: Float64Array;
  private readonly mask: number;
  private readonly shift: number;
  /** The weight of key 0, which marks an empty slot in the table. */
  private readonly zero: number;

  constructor(m: SparseWeights) {
    let bits = 4;
    while (1 << bits < 4 * m.keys.length) bits++;
    this.keys = new Uint32Array(1 << bits);
    this.values = new Float64Array(1 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
    let zero = 0;
    m.keys.forEach((k, i) => {
      if (k === 0) zero = m.weights[i];
      else {
        let j = Math.imul(k, 0x9e3779b1) >>> this.shift;
        while (this.keys[j] !== 0) j = (j + 1) & this.mask;
        this.keys[j] = k;
        this.values[j] = m.weights[i];
      }
    });
    this.zero = zero;
  }

  /** The weight of feature hash h (0 when the model has none). */
  weight(h: number): number {
    const k = h >>> 0;
    if (k === 0) return this.zero;
    const { keys } = this;
    for (let j = Math.imul(k, 0x9e3779b1) >>> this.shift; ; j = (j + 1) & this.mask) {
      const at = keys[j];
      if (at === k) return this.values[j];
      if (at === 0) return 0;
    }
  }

  /** The score of a set of features: the sum of their weights, in their order. */
  score(fs: readonly number[]): number {
    let s = 0;
    for (let i = 0; i < fs.length; i++) s += this.weight(fs[i]);
    return s;
  }
}

const TABLES = new WeakMap<SparseWeights, WeightTable>();

/** The weight table of a model, built on first use and kept with the model. */
export function weightTable(m: SparseWeights): WeightTable {
  let t = TABLES.get(m);
  if (!t) TABLES.set(m, (t = new WeightTable(m)));
  return t;
}

/** The weight of feature hash h (0 when the model has none). */
export const weightOf = (m: SparseWeights, h: number): number => weightTable(m).weight(h);

/** The score of a set of features: the sum of their weights. */
export const scoreOf = (m: SparseWeights, fs: readonly number[]): number => weightTable(m).score(fs);

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

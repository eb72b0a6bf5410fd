/**
 * The shipped model `models/syntax.bin`: a small JSON header (tag and label names, the tag
 * dictionary, word clusters, the lemmatiser's tables) and three weight tables (tagger, parser
 * moves, labeller) stored in their run-time layout (`weights.ts`). The file is not compressed:
 * loading is one read and typed-array views on its bytes, a few tens of milliseconds, where
 * gunzip and building hash tables took most of a second.
 *
 * Weights are averaged, quantised to int16 with one scale per set, and features whose weights
 * all round to zero (or fall under the pruning threshold) are dropped, which is most of them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../util/paths.js';
import type { LemmaModel } from './lemma.js';
import type { Scorer } from './perceptron.js';
import { HashedStrings, type StringLookup } from './string-table.js';
import { buildTable, bucketsFor, MoveWeights, SparseWeights, WORDS } from './weights.js';
import type { Clusters } from './words.js';

const MAGIC = 'SYN2';

export interface SyntaxModel {
  tags: string[];
  labels: string[];
  tagDict: Map<number, number>;
  clusters: Clusters;
  /** Words running text writes in lower case, as the casing map `truecaseTitle` reads ('L'). */
  ordinary: StringLookup;
  lemma: LemmaModel;
  tagger: Scorer;
  /** Second-pass tagger (sees the first pass's tags to the right); absent in older files. */
  tagger2?: Scorer;
  /** First-pass margin from which the second pass leaves a tag alone (`TaggerModel.sure`); Infinity in older files. */
  secondPassSure: number;
  moves: Scorer;
  labeller: Scorer;
  meta: Record<string, unknown>;
}

interface SetMeta {
  kind: 'moves' | 'sparse';
  classes: number;
  rows: number;
  buckets: number;
  nnz: number;
  scale: number;
}

export interface PackedSet {
  meta: SetMeta;
  /** The bucket table; for sparse sets also the class ids and weights of the entries. */
  arrays: [Uint32Array] | [Uint32Array, Uint8Array, Int16Array];
}

const count = (xs: Uint8Array) => xs.reduce((a, x) => a + x, 0);

/**
 * Keeps the differences to class 0 (SHIFT), all the argmax needs, and drops those under `minAbs`:
 * a feature matters by how far it moves LEFT and RIGHT against SHIFT, not by the size of its
 * three weights (three large, nearly equal weights change nothing).
 */
function packMoves(keys: Uint32Array, w: Float32Array, minAbs: number): PackedSet {
  const cut = (v: number) => (Math.abs(v) < minAbs ? 0 : v);
  const d = new Float32Array(keys.length * 2);
  let maxAbs = 0;
  for (let r = 0; r < keys.length; r++) {
    const w0 = w[r * 3];
    d[r * 2] = cut(w[r * 3 + 1] - w0);
    d[r * 2 + 1] = cut(w[r * 3 + 2] - w0);
    maxAbs = Math.max(maxAbs, Math.abs(d[r * 2]), Math.abs(d[r * 2 + 1]));
  }
  const scale = (maxAbs || 1) / 32767;
  const kept: number[] = [];
  const values: number[] = [];
  for (let r = 0; r < keys.length; r++) {
    const left = Math.round(d[r * 2] / scale);
    const right = Math.round(d[r * 2 + 1] / scale);
    if (left === 0 && right === 0) continue;
    kept.push(keys[r]);
    values.push(((left & 0xffff) | (right << 16)) >>> 0);
  }
  const buckets = bucketsFor(kept.length);
  const { table, kept: placed } = buildTable(Uint32Array.from(kept), Uint32Array.from(values), buckets);
  return { meta: { kind: 'moves', classes: 3, rows: count(placed), buckets, nnz: 0, scale }, arrays: [table] };
}

/** Sparse int16 form of averaged dense rows; entries with |w| < `minAbs` are dropped first. */
function packSparse(keys: Uint32Array, w: Float32Array, classes: number, minAbs: number): PackedSet {
  let maxAbs = 0;
  for (let i = 0; i < w.length; i++) maxAbs = Math.max(maxAbs, Math.abs(w[i]));
  const scale = (maxAbs || 1) / 32767;
  const kept: number[] = [];
  const values: number[] = [];
  const cls: number[] = [];
  const vals: number[] = [];
  for (let r = 0; r < keys.length; r++) {
    const first = cls.length;
    for (let k = 0; k < classes; k++) {
      const v = w[r * classes + k];
      const q = Math.round(v / scale);
      if (q === 0 || Math.abs(v) < minAbs) continue;
      cls.push(k);
      vals.push(q);
    }
    if (cls.length === first) continue;
    kept.push(keys[r]);
    values.push(((cls.length - first) * 2 ** 24 + first) >>> 0);
  }
  if (cls.length >= 1 << 24 || classes > 255) throw new Error('too many weights or classes for the packed layout; prune more');
  const buckets = bucketsFor(kept.length);
  const { table, kept: placed } = buildTable(Uint32Array.from(kept), Uint32Array.from(values), buckets);
  const meta: SetMeta = { kind: 'sparse', classes, rows: count(placed), buckets, nnz: cls.length, scale };
  return { meta, arrays: [table, Uint8Array.from(cls), Int16Array.from(vals)] };
}

/**
 * The packed run-time form of averaged dense rows (`keys[r]` owns `w[r * classes ..]`). The
 * weights may be a snapshot of an earlier epoch, with fewer rows than the feature table has now:
 * the later rows had no weights then and are left out.
 */
export function pack(keys: Uint32Array, w: Float32Array, classes: number, minAbs = 0): PackedSet {
  const rows = keys.subarray(0, Math.min(keys.length, Math.floor(w.length / classes)));
  return classes === 3 ? packMoves(rows, w, minAbs) : packSparse(rows, w, classes, minAbs);
}

/** The run-time scorer of a packed set (used by training to check what pruning costs, and by loading). */
export function packedScorer(p: PackedSet): Scorer {
  const [table, cls, q] = p.arrays;
  return p.meta.kind === 'moves' ? new MoveWeights(table) : new SparseWeights(p.meta.classes, table, cls!, q!);
}

/** What training hands over; the word lists become hashed tables in the file. */
export interface ModelHeader {
  tags: string[];
  labels: string[];
  tagDict: [number, number][];
  clusters: Iterable<readonly [string, string]>;
  ordinary: string[];
  lemma: { rules: Iterable<readonly [string, string]>; exceptions: Iterable<readonly [string, string]> };
  meta: Record<string, unknown>;
}

/** The word lists in file order. */
const LISTS = ['clusters', 'ordinary', 'rules', 'exceptions'] as const;
type FileHeader = Pick<ModelHeader, 'tags' | 'labels' | 'tagDict' | 'meta'> & {
  lists: { buckets: number; values: string[] }[];
  sets: SetMeta[];
};

const align8 = (n: number) => (n + 7) & ~7;

/** The file: magic, header length, JSON header, then each array padded to 8 bytes. */
export function writeSyntaxModel(header: ModelHeader, sets: PackedSet[]): Buffer {
  const lists = [
    HashedStrings.of(header.clusters),
    HashedStrings.of(header.ordinary.map((w) => [w, 'L'] as const)),
    HashedStrings.of(header.lemma.rules),
    HashedStrings.of(header.lemma.exceptions),
  ];
  const fileHeader: FileHeader = {
    tags: header.tags,
    labels: header.labels,
    tagDict: header.tagDict,
    meta: header.meta,
    lists: lists.map((l) => ({ buckets: l.table.length / WORDS, values: l.values })),
    sets: sets.map((s) => s.meta),
  };
  const json = Buffer.from(JSON.stringify(fileHeader), 'utf8');
  const parts: Buffer[] = [Buffer.from(MAGIC), Buffer.alloc(4), json];
  parts[1].writeUInt32LE(json.length);
  let size = 8 + json.length;
  for (const a of [...lists.map((l) => l.table), ...sets.flatMap((s) => s.arrays)]) {
    const pad = align8(size) - size;
    parts.push(Buffer.alloc(pad), Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    size += pad + a.byteLength;
  }
  return Buffer.concat(parts);
}

export function readSyntaxModel(file: Buffer): SyntaxModel {
  if (file.subarray(0, 4).toString() !== MAGIC) throw new Error('not a syntax model file (SYN2)');
  // Views need aligned offsets; a Buffer from readFileSync owns its memory from offset 0.
  const buf = file.byteOffset % 8 === 0 ? file : Buffer.from(file);
  const hlen = buf.readUInt32LE(4);
  const header = JSON.parse(buf.subarray(8, 8 + hlen).toString('utf8')) as FileHeader;
  let p = 8 + hlen;
  const view = <T>(Type: new (b: ArrayBufferLike, o: number, n: number) => T, n: number, bytesPer: number): T => {
    p = align8(p);
    if (p + n * bytesPer > buf.length) throw new Error('syntax model file is truncated');
    const v = new Type(buf.buffer, buf.byteOffset + p, n);
    p += n * bytesPer;
    return v;
  };
  const [clusters, ordinary, rules, exceptions] = LISTS.map((_, i) => new HashedStrings(view(Uint32Array, header.lists[i].buckets * WORDS, 4), header.lists[i].values));
  const weights = header.sets.map((m): Scorer => {
    const table = view(Uint32Array, m.buckets * WORDS, 4);
    if (m.kind === 'moves') return new MoveWeights(table);
    return new SparseWeights(m.classes, table, view(Uint8Array, m.nnz, 1), view(Int16Array, m.nnz, 2));
  });
  return {
    tags: header.tags,
    labels: header.labels,
    tagDict: new Map(header.tagDict),
    clusters,
    ordinary,
    lemma: { rules, exceptions },
    tagger: weights[0],
    moves: weights[1],
    labeller: weights[2],
    tagger2: weights[3],
    secondPassSure: typeof header.meta.secondPassSure === 'number' ? header.meta.secondPassSure : Infinity,
    meta: header.meta,
  };
}

export const MODEL_PATH = () => join(packageRoot(), 'models', 'syntax.bin');

let cached: SyntaxModel | null | undefined;
let loadMs = 0;

/** The shipped model, read once per process on first use; null when the file is missing. */
export function syntaxModel(): SyntaxModel | null {
  if (cached !== undefined) return cached;
  const t = performance.now();
  const path = MODEL_PATH();
  cached = existsSync(path) ? readSyntaxModel(readFileSync(path)) : null;
  loadMs = performance.now() - t;
  return cached;
}

/** Whether this process has read the model yet (it does on the first sentence parsed). */
export const syntaxModelLoaded = () => cached !== undefined;

/** Milliseconds the first `syntaxModel()` call took to read the file. */
export const modelLoadMs = () => loadMs;

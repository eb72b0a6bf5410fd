/**
 * Averaged perceptron over hashed features (Collins 2002). Each feature hash owns a row of
 * per-class weights; a row is created the first time an update touches that feature, so features
 * that never took part in a mistake cost nothing. Averaging uses the "w - u/c" trick (Daumé):
 * `u` accumulates every update times the instance counter, so no per-weight timestamps are kept.
 *
 * `TrainedWeights` is for training; the tables of `weights.ts` (read from the model file) are what
 * inference uses. Both implement `Scorer`.
 */
export interface Scorer {
  readonly classes: number;
  /** Adds the weights of `feats[0..n)` to `out[0..classes)` (which the caller zeroes). */
  score(feats: Uint32Array, n: number, out: Float32Array): void;
}

/** Open-addressing hash table from a feature hash (never 0) to a row number. */
export class FeatureTable {
  keys: Uint32Array;
  rows: Int32Array;
  size = 0;
  mask: number;
  constructor(capacity = 1 << 16) {
    let cap = 1;
    while (cap < capacity * 2) cap <<= 1;
    this.keys = new Uint32Array(cap);
    this.rows = new Int32Array(cap);
    this.mask = cap - 1;
  }
  get(key: number): number {
    const keys = this.keys;
    const mask = this.mask;
    let i = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    for (;;) {
      const k = keys[i];
      if (k === key) return this.rows[i];
      if (k === 0) return -1;
      i = (i + 1) & mask;
    }
  }
  /** The row of `key`, adding it as row `size` when absent. */
  add(key: number): number {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const mask = this.mask;
    let i = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    for (;;) {
      const k = this.keys[i];
      if (k === key) return this.rows[i];
      if (k === 0) {
        this.keys[i] = key;
        this.rows[i] = this.size;
        return this.size++;
      }
      i = (i + 1) & mask;
    }
  }
  private grow() {
    const ks = this.keysByRow();
    this.keys = new Uint32Array(this.keys.length * 2);
    this.rows = new Int32Array(this.keys.length);
    this.mask = this.keys.length - 1;
    this.size = 0;
    for (let r = 0; r < ks.length; r++) this.add(ks[r]); // same order, so rows keep their numbers
  }
  /** Keys in row order. */
  keysByRow(): Uint32Array {
    const out = new Uint32Array(this.size);
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i]) out[this.rows[i]] = this.keys[i];
    return out;
  }
}

export class TrainedWeights implements Scorer {
  readonly table = new FeatureTable();
  w = new Float32Array(0);
  u = new Float64Array(0);
  /** Instances seen (the averaging clock). */
  clock = 1;
  constructor(readonly classes: number) {}

  score(feats: Uint32Array, n: number, out: Float32Array): void {
    scoreDense(this.table, this.w, this.classes, feats, n, out);
  }

  /** A scorer over other weights (e.g. a snapshot of the averages) on this feature table. */
  withWeights(w: Float32Array): Scorer {
    const { table, classes } = this;
    return { classes, score: (feats, n, out) => scoreDense(table, w, classes, feats, n, out) };
  }

  tick(): void {
    this.clock++;
  }

  /** Moves the weights of the features toward `truth` and away from `guess`. */
  update(feats: Uint32Array, n: number, truth: number, guess: number, step = 1): void {
    if (truth === guess) return;
    const C = this.classes;
    const cu = this.clock * step;
    for (let i = 0; i < n; i++) {
      const r = this.table.add(feats[i]);
      if ((r + 1) * C > this.w.length) this.growRows(r + 1);
      const o = r * C;
      this.w[o + truth] += step;
      this.u[o + truth] += cu;
      this.w[o + guess] -= step;
      this.u[o + guess] -= cu;
    }
  }

  private growRows(rows: number) {
    const cap = Math.max(rows, Math.ceil((this.w.length / this.classes) * 1.5), 1024) * this.classes;
    const w = new Float32Array(cap);
    w.set(this.w);
    const u = new Float64Array(cap);
    u.set(this.u);
    this.w = w;
    this.u = u;
  }

  /** The averaged weights (rows in table order). */
  averaged(): Float32Array {
    const n = this.table.size * this.classes;
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = this.w[i] - this.u[i] / this.clock;
    return out;
  }
}

function scoreDense(table: FeatureTable, w: Float32Array, C: number, feats: Uint32Array, n: number, out: Float32Array) {
  for (let i = 0; i < n; i++) {
    const r = table.get(feats[i]);
    const o = r * C;
    if (r < 0 || o + C > w.length) continue; // rows added after a snapshot have no weights in it
    for (let c = 0; c < C; c++) out[c] += w[o + c];
  }
}

/** Index of the highest score among the allowed classes (`allowed` null = all); ties → lower index. */
export function argmax(scores: Float32Array, classes: number, allowed?: Uint8Array | null): number {
  let best = -1;
  let bv = -Infinity;
  for (let c = 0; c < classes; c++) {
    if (allowed && !allowed[c]) continue;
    if (scores[c] > bv) {
      bv = scores[c];
      best = c;
    }
  }
  return best;
}

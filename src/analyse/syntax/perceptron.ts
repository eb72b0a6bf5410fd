/**
 * Averaged perceptron over hashed features (Collins 2002). Each feature hash owns a row of
 * per-class weights; a row is created the first time an update touches that feature, so features
 * that never took part in a mistake cost nothing. Averaging uses the "w - u/c" trick (Daumé):
 * `u` accumulates every update times the instance counter, so no per-weight timestamps are kept.
 *
 * `TrainedWeights` is for training; `CompactWeights` (sparse rows of class/weight pairs, read
 * from the model file) is what inference uses. Both implement `Scorer`.
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

/**
 * A bit per 2^24 hash buckets saying whether some kept feature falls there: most features of new
 * text (unseen word pairs) are not in the model, and this 2 MB bitmap answers them without
 * touching the large table.
 */
export class PresenceFilter {
  private readonly bits = new Uint32Array(1 << 19);
  add(key: number): void {
    const b = key >>> 8;
    this.bits[b >>> 5] |= 1 << (b & 31);
  }
  has(key: number): boolean {
    const b = key >>> 8;
    return (this.bits[b >>> 5] & (1 << (b & 31))) !== 0;
  }
}

/**
 * Sparse quantised weights for inference. Memory layout is chosen for speed: one table of
 * (feature hash, count << 24 | first entry) pairs probed linearly, and one array of entries
 * (class << 16 | int16 weight), so a feature costs about two cache misses. Scores are sums of the
 * quantised integers: one scale per weight set does not change which class wins.
 */
export class CompactWeights implements Scorer {
  private readonly slots: Uint32Array;
  private readonly mask: number;
  private readonly entries: Int32Array;
  private readonly filter = new PresenceFilter();
  readonly rows: number;
  constructor(
    readonly classes: number,
    keys: Uint32Array,
    counts: Uint8Array,
    cls: Uint8Array,
    q: Int16Array,
  ) {
    let cap = 1;
    while (cap < keys.length * 2) cap <<= 1;
    this.mask = cap - 1;
    this.slots = new Uint32Array(cap * 2);
    this.entries = new Int32Array(q.length);
    for (let i = 0; i < q.length; i++) this.entries[i] = (cls[i] << 16) | (q[i] & 0xffff);
    this.rows = keys.length;
    let start = 0;
    for (let r = 0; r < keys.length; r++) {
      let i = (Math.imul(keys[r], 0x9e3779b1) >>> 0) & this.mask;
      while (this.slots[i * 2] !== 0) i = (i + 1) & this.mask;
      this.slots[i * 2] = keys[r];
      this.slots[i * 2 + 1] = ((counts[r] << 24) | start) >>> 0;
      this.filter.add(keys[r]);
      start += counts[r];
    }
  }

  score(feats: Uint32Array, n: number, out: Float32Array): void {
    const { slots, mask, entries, filter } = this;
    for (let f = 0; f < n; f++) {
      const key = feats[f];
      if (!filter.has(key)) continue;
      let i = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
      let k = slots[i * 2];
      while (k !== key && k !== 0) {
        i = (i + 1) & mask;
        k = slots[i * 2];
      }
      if (k === 0) continue;
      const v = slots[i * 2 + 1];
      const from = v & 0xffffff;
      const to = from + (v >>> 24);
      for (let e = from; e < to; e++) {
        const x = entries[e];
        out[x >>> 16] += (x << 16) >> 16;
      }
    }
  }
}

/**
 * The same for very few classes (the parser's three moves): the weights sit next to the key in
 * the table slot, so a feature costs one cache miss.
 */
export class InlineWeights implements Scorer {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly width: number;
  private readonly filter = new PresenceFilter();
  readonly rows: number;
  constructor(
    readonly classes: number,
    keys: Uint32Array,
    counts: Uint8Array,
    cls: Uint8Array,
    q: Int16Array,
  ) {
    let cap = 1;
    while (cap < keys.length * 1.5) cap <<= 1;
    this.mask = cap - 1;
    this.width = classes + 1;
    this.slots = new Int32Array(cap * this.width);
    this.rows = keys.length;
    let e = 0;
    for (let r = 0; r < keys.length; r++) {
      let i = (Math.imul(keys[r], 0x9e3779b1) >>> 0) & this.mask;
      while (this.slots[i * this.width] !== 0) i = (i + 1) & this.mask;
      this.slots[i * this.width] = keys[r] | 0;
      this.filter.add(keys[r]);
      for (let k = 0; k < counts[r]; k++, e++) this.slots[i * this.width + 1 + cls[e]] = q[e];
    }
  }

  score(feats: Uint32Array, n: number, out: Float32Array): void {
    const { slots, mask, width, classes, filter } = this;
    for (let f = 0; f < n; f++) {
      if (!filter.has(feats[f])) continue;
      const key = feats[f] | 0;
      let i = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
      let k = slots[i * width];
      while (k !== key && k !== 0) {
        i = (i + 1) & mask;
        k = slots[i * width];
      }
      if (k === 0) continue;
      const o = i * width + 1;
      for (let c = 0; c < classes; c++) out[c] += slots[o + c];
    }
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

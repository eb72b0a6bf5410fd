/**
 * The arc-hybrid transition system (Kuhlmann et al. 2011) with the root at the end of the
 * buffer (Ballesteros & Nivre 2013), which lets exactly one word attach to the root.
 * Words are 1..n; 0 is the root. SHIFT pushes the buffer front; LEFT makes the buffer front the
 * head of the stack top and pops it; RIGHT makes the word under the stack top its head and pops.
 */
export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;
export const MOVES = 3;

export class ParseState {
  n = 0;
  stack!: Int32Array;
  sp = 0;
  /** Buffer front: 1..n a word, n + 1 the root, n + 2 done. */
  b = 1;
  heads!: Int32Array;
  labels!: Int32Array;
  /** Two leftmost and two rightmost children, -1 when none. */
  lc1!: Int32Array;
  lc2!: Int32Array;
  rc1!: Int32Array;
  rc2!: Int32Array;
  nLeft!: Uint16Array;
  nRight!: Uint16Array;
  /** Bit sets of the labels of left and right children (labels < 32 in the low word, else high). */
  lsetLo!: Uint32Array;
  lsetHi!: Uint32Array;
  rsetLo!: Uint32Array;
  rsetHi!: Uint32Array;
  private capacity = -1;

  constructor(n: number) {
    this.reset(n);
  }

  /** Starts a new sentence of n words, reusing the arrays when they are large enough. */
  reset(n: number): this {
    this.n = n;
    this.sp = 0;
    this.b = 1;
    const m = n + 1;
    if (m > this.capacity) {
      const c = Math.max(m, 64);
      this.capacity = c;
      this.stack = new Int32Array(c);
      this.heads = new Int32Array(c);
      this.labels = new Int32Array(c);
      this.lc1 = new Int32Array(c);
      this.lc2 = new Int32Array(c);
      this.rc1 = new Int32Array(c);
      this.rc2 = new Int32Array(c);
      this.nLeft = new Uint16Array(c);
      this.nRight = new Uint16Array(c);
      this.lsetLo = new Uint32Array(c);
      this.lsetHi = new Uint32Array(c);
      this.rsetLo = new Uint32Array(c);
      this.rsetHi = new Uint32Array(c);
    }
    this.heads.fill(-1, 0, m);
    this.labels.fill(-1, 0, m);
    this.lc1.fill(-1, 0, m);
    this.lc2.fill(-1, 0, m);
    this.rc1.fill(-1, 0, m);
    this.rc2.fill(-1, 0, m);
    this.nLeft.fill(0, 0, m);
    this.nRight.fill(0, 0, m);
    this.lsetLo.fill(0, 0, m);
    this.lsetHi.fill(0, 0, m);
    this.rsetLo.fill(0, 0, m);
    this.rsetHi.fill(0, 0, m);
    return this;
  }

  /** The buffer front: a word, 0 for the root, -1 when the buffer is empty. */
  get b0(): number {
    return this.b <= this.n ? this.b : this.b === this.n + 1 ? 0 : -1;
  }
  s(k: number): number {
    return this.sp > k ? this.stack[this.sp - 1 - k] : -1;
  }
  done(): boolean {
    return this.sp === 0 && this.b >= this.n + 1;
  }

  valid(out: Uint8Array): void {
    out[SHIFT] = this.b <= this.n ? 1 : 0;
    out[RIGHT] = this.sp >= 2 ? 1 : 0;
    out[LEFT] = this.sp >= 1 && this.b <= this.n + 1 && (this.b <= this.n || this.sp === 1) ? 1 : 0;
  }

  /** Applies a move; for LEFT/RIGHT returns the dependent (whose head and label are now set). */
  apply(move: number, label: number): number {
    if (move === SHIFT) {
      this.stack[this.sp++] = this.b++;
      return -1;
    }
    const d = this.stack[--this.sp];
    const h = move === LEFT ? this.b0 : this.stack[this.sp - 1];
    if (move === LEFT && h === 0) this.b++; // the root took its only dependent: done
    this.attach(h, d, label);
    return d;
  }

  attach(h: number, d: number, label: number): void {
    this.heads[d] = h;
    this.labels[d] = label;
    const hp = h === 0 ? this.n + 1 : h; // the root sits after the last word
    const bit = 1 << (label & 31);
    if (d < hp) {
      this.nLeft[h]++;
      if (this.lc1[h] < 0 || d < this.lc1[h]) {
        this.lc2[h] = this.lc1[h];
        this.lc1[h] = d;
      }
      else if (this.lc2[h] < 0 || d < this.lc2[h]) this.lc2[h] = d;
      if (label < 32) this.lsetLo[h] |= bit;
      else this.lsetHi[h] |= bit;
    } else {
      this.nRight[h]++;
      if (this.rc1[h] < 0 || d > this.rc1[h]) {
        this.rc2[h] = this.rc1[h];
        this.rc1[h] = d;
      }
      else if (this.rc2[h] < 0 || d > this.rc2[h]) this.rc2[h] = d;
      if (label < 32) this.rsetLo[h] |= bit;
      else this.rsetHi[h] |= bit;
    }
  }
}

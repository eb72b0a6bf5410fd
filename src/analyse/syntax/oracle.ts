/**
 * The dynamic oracle of arc-hybrid (Goldberg & Nivre 2012, 2013): the cost of a move is the number
 * of gold arcs still reachable before it and unreachable after it. A move of cost 0 is correct
 * from any state, including states reached by earlier mistakes, so training can follow the
 * model's own (wrong) moves and learn to recover from them.
 *
 * The oracle is exact for projective trees; non-projective training trees are projectivised
 * first by lifting (`projectivise`), as in Nivre & Nilsson's pseudo-projective parsing without
 * the label encoding: each crossing arc's dependent moves up to its grandparent until none cross.
 */
import { LEFT, RIGHT, SHIFT, type ParseState } from './state.js';

/** Counts the oracle needs, updated as the parse goes: gold dependents per head in the stack / buffer. */
export class Oracle {
  readonly depsInStack: Int32Array;
  readonly depsInBuffer: Int32Array;
  readonly inStack: Uint8Array;
  constructor(readonly gold: Int32Array) {
    const m = gold.length;
    this.depsInStack = new Int32Array(m);
    this.depsInBuffer = new Int32Array(m);
    this.inStack = new Uint8Array(m);
    for (let k = 1; k < m; k++) this.depsInBuffer[gold[k]]++;
  }

  /** Brings the counts up to date with `st` after a move (call after every apply). */
  sync(st: ParseState, move: number, popped: number): void {
    const g = this.gold;
    if (move === SHIFT) {
      const w = st.stack[st.sp - 1];
      this.depsInBuffer[g[w]]--;
      this.depsInStack[g[w]]++;
      this.inStack[w] = 1;
    } else {
      this.depsInStack[g[popped]]--;
      this.inStack[popped] = 0;
    }
  }

  private inBuffer(st: ParseState, x: number): boolean {
    return x === 0 || (x >= st.b && x <= st.n);
  }

  /** Costs of the three moves in `out` (only meaningful for valid ones). */
  costs(st: ParseState, out: Int32Array): void {
    const g = this.gold;
    const s0 = st.s(0);
    const s1 = st.s(1);
    const b0 = st.b0;
    if (b0 > 0) {
      let c = this.depsInStack[b0];
      const h = g[b0];
      if (h !== s0 && h > 0 && this.inStack[h]) c++;
      out[SHIFT] = c;
    } else out[SHIFT] = 1 << 20;
    if (s0 > 0) {
      const h = g[s0];
      const deps = this.depsInBuffer[s0];
      out[LEFT] = deps + (h !== b0 && (h === s1 || this.inBuffer(st, h)) ? 1 : 0);
      out[RIGHT] = deps + (this.inBuffer(st, h) ? 1 : 0);
    } else {
      out[LEFT] = out[RIGHT] = 1 << 20;
    }
  }
}

/** Lifts crossing arcs until the tree is projective; returns the number of lifts. */
export function projectivise(heads: Int32Array): number {
  let lifts = 0;
  for (;;) {
    let best = -1;
    let bestLen = Infinity;
    for (let d = 1; d < heads.length; d++) {
      const h = heads[d];
      if (h <= 0) continue;
      const len = Math.abs(h - d);
      if (len < bestLen && !isProjectiveArc(heads, h, d)) {
        best = d;
        bestLen = len;
      }
    }
    if (best < 0) return lifts;
    heads[best] = heads[heads[best]];
    lifts++;
  }
}

function dominates(heads: Int32Array, h: number, k: number): boolean {
  for (let x = k, steps = 0; x > 0 && steps < heads.length; x = heads[x], steps++) if (x === h) return true;
  return false;
}

function isProjectiveArc(heads: Int32Array, h: number, d: number): boolean {
  const lo = Math.min(h, d);
  const hi = Math.max(h, d);
  for (let k = lo + 1; k < hi; k++) if (!dominates(heads, h, k)) return false;
  return true;
}

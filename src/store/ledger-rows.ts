/** How both back-ends store the story ledger's vectors and closing days (src/stories/ledger.ts). */

/** Separates a vector's keys in one column (never part of a term or an entity id). */
export const KEY_SEP = '\u0001';

/** A float32 buffer as stored, back to numbers (copied: the buffer may be a view into a larger one). */
export function floats(b: Uint8Array): number[] {
  const f = new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
  const out = new Array<number>(f.length);
  for (let i = 0; i < f.length; i++) out[i] = f[i];
  return out;
}

export function float32Bytes(vals: number[]): Buffer {
  return Buffer.from(Float32Array.from(vals).buffer);
}

/** Closing days are stored clamped: a story closed before the clock had a day (-Infinity) is stored as -1e9. */
export const closedDay = (d: number | null) => (d === null ? null : Math.max(-1e9, d));


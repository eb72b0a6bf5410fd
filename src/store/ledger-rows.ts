import type { LedgerDoc } from '../stories/ledger.js';
import type { StoryFeatures } from '../stories/types.js';

/**
 * How both back-ends store the story ledger's rows, vectors, term frequencies and closing days
 * (src/stories/ledger.ts): the SQL differs, what a row means does not.
 */

/** Separates a vector's keys in one column (never part of a term or an entity id). */
export const KEY_SEP = '\u0001';

/** A float32 buffer as stored, back to a vector's weights (copied: the buffer may be a view into a larger one, unaligned). */
export function floats(b: Uint8Array): Float32Array {
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

export function float32Bytes(vals: Float32Array): Buffer {
  return Buffer.from(vals.buffer, vals.byteOffset, vals.byteLength);
}

/** Closing days are stored clamped: a story closed before the clock had a day (-Infinity) is stored as -1e9. */
export const closedDay = (d: number | null) => (d === null ? null : Math.max(-1e9, d));


/** A row of story_ledger as both back-ends return it. */
export interface LedgerRow {
  doc_id: string;
  t: number | null;
  day: number | null;
  story: string;
  copy_of: string | null;
  keys: string;
  vals: Buffer;
  lite: string;
  /** 1 for an undated article of a sealed story (see src/stories/ledger.ts `toSeal`). */
  sealed: number;
}

/** The columns of story_ledger that make a LedgerRow. */
export const LEDGER_COLUMNS = 'doc_id, t, day, story, copy_of, keys, vals, lite, sealed';

/** A stored ledger row, back to the ledger's document. */
export function ledgerDocOf(r: LedgerRow): LedgerDoc {
  return {
    id: r.doc_id,
    t: r.t,
    day: r.day,
    story: r.story,
    copyOf: r.copy_of,
    vec: { keys: r.keys === '' ? [] : r.keys.split(KEY_SEP), vals: floats(r.vals) },
    f: JSON.parse(r.lite) as StoryFeatures,
    sealed: r.sealed === 1,
  };
}

/** The term frequencies as stored in story_ledger_meta: 'n' (documents, as text) and 'df' (uint32 counts). */
export function frequencyBytes(f: { n: number; counts: Uint32Array }): { n: Buffer; df: Buffer } {
  return { n: Buffer.from(String(f.n)), df: Buffer.from(f.counts.buffer, f.counts.byteOffset, f.counts.byteLength) };
}

/** The term frequencies back from story_ledger_meta's two values (null when either is missing). */
export function frequenciesOf(n: Buffer | undefined, df: Buffer | undefined): { n: number; counts: Uint32Array } | null {
  if (!n || !df) return null;
  return { n: Number(n.toString()), counts: new Uint32Array(df.buffer.slice(df.byteOffset, df.byteOffset + df.byteLength)) };
}

/** Stored JSON, or null when it does not parse (a damaged row is skipped, never fatal). */
export function parseOrNull(s: string): unknown {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return null;
  }
}

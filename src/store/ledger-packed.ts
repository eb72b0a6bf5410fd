import type { StoryFeatures } from '../stories/types.js';

/**
 * A ledger row's features (the article's features without terms: what `StoryIndex.restore` needs)
 * in a compact binary form, the `packed` column of story_ledger in both back-ends. As JSON they
 * were ~1.6 KB of a ~2.7 KB row, most of it the 64-value sketch written out in digits and the
 * entity ids spelled out again in every row; the commit's writes and the WAL grew with them.
 *
 * Layout (little-endian, each row's start aligned to 8 in the buffer `packAll` fills):
 *   u32 × 6   1 + flags (SIGNED: sketch values int32, not uint32; FLOAT32: counts float32, not
 *             float64), entities n, places m, sketch length s (NO_SKETCH: no sketch), sketch k, rest bytes r
 *   f64 or f32 × (n + m)   entity counts, then place counts (float32 when each is exactly one: small counts)
 *   u32 × (n + m)   entity ids, then place ids, as key-dictionary ids of '@' + id (an entity's vector key)
 *   u32 × s         the sketch's values (int32 with SIGNED: minhash.ts densified bins are negative)
 *   r bytes         every field as JSON (UTF-8), the three above as placeholders: whatever fields the
 *                   features carry come back, in their order
 * Features this cannot hold exactly (sketch values neither all uint32 nor all int32, a malformed pair, an id
 * PostgreSQL would change) are stored as JSON in `lite`, as before this form existed; so are rows
 * written before it (migration 8): a row is read in whichever form it has.
 */

/** Format flags, stored as 1 + flags. */
const SIGNED = 1;
const FLOAT32 = 2;
const NO_SKETCH = 0xffffffff;
const HEADER = 24;

const isU32 = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0xffffffff;
const isI32 = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= -0x80000000 && v < 0x80000000;
const pairsPack = (ps: unknown, clean?: (k: string) => string) =>
  Array.isArray(ps) && ps.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'number' && (!clean || clean('@' + p[0]) === '@' + p[0]));

/** Whether these features pack exactly (`clean`: what the back-end removes from stored keys). */
export function packable(f: StoryFeatures, clean?: (k: string) => string): boolean {
  if (!pairsPack(f.entities, clean) || !pairsPack(f.places, clean)) return false;
  const s = f.sketch;
  if (s === null) return true;
  // (a length of NO_SKETCH would read as no sketch)
  return !!s && typeof s === 'object' && Object.keys(s).length === 2 && isU32(s.k) && Array.isArray(s.sig) && s.sig.length < NO_SKETCH && (s.sig.every(isU32) || s.sig.every(isI32));
}

/** The JSON part: every field, the packed ones as 0 (placeholders: the features come back with their fields in the order they had). */
function restJson(f: StoryFeatures): string {
  return JSON.stringify({ ...f, entities: 0, places: 0, sketch: 0 });
}

const rowBytes = (n: number, s: number, r: number, countBytes: number) => HEADER + (countBytes + 4) * n + 4 * s + r;
const exactFloat32 = (ps: [string, number][]) => ps.every((p) => Math.fround(p[1]) === p[1]);
const align8 = (x: number) => (x + 7) & ~7;

/**
 * Packs rows (null: not packable, stays null) into one buffer: `names` are the dictionary ids of
 * '@' + each entity id, then of each place id. One allocation per commit, not per row.
 */
export function packAll(items: ({ f: StoryFeatures; names: Uint32Array } | null)[]): (Buffer | null)[] {
  const rests = items.map((x) => (x ? restJson(x.f) : ''));
  const restLen = rests.map((r) => Buffer.byteLength(r));
  let size = 0;
  for (let i = 0; i < items.length; i++) {
    const x = items[i];
    if (x) size = align8(size) + rowBytes(x.names.length, x.f.sketch?.sig.length ?? 0, restLen[i], 8);
  }
  const buf = Buffer.alloc(align8(size) + 8);
  // (Buffer.alloc of a large size is its own ArrayBuffer; the typed views need 8-aligned offsets)
  const base = (8 - (buf.byteOffset % 8)) % 8;
  const out: (Buffer | null)[] = [];
  let at = base;
  for (let i = 0; i < items.length; i++) {
    const x = items[i];
    if (!x) {
      out.push(null);
      continue;
    }
    at = base + align8(at - base);
    const { f, names } = x;
    const n = f.entities.length;
    const m = f.places.length;
    const sig = f.sketch?.sig ?? [];
    const flags = (sig.every(isU32) ? 0 : SIGNED) | (exactFloat32(f.entities) && exactFloat32(f.places) ? FLOAT32 : 0);
    const countBytes = flags & FLOAT32 ? 4 : 8;
    const head = new Uint32Array(buf.buffer, buf.byteOffset + at, 6);
    head.set([1 + flags, n, m, f.sketch ? sig.length : NO_SKETCH, f.sketch?.k ?? 0, restLen[i]]);
    const counts = new (flags & FLOAT32 ? Float32Array : Float64Array)(buf.buffer, buf.byteOffset + at + HEADER, n + m);
    for (let j = 0; j < n; j++) counts[j] = f.entities[j][1];
    for (let j = 0; j < m; j++) counts[n + j] = f.places[j][1];
    const ids = new Uint32Array(buf.buffer, buf.byteOffset + at + HEADER + countBytes * (n + m), n + m + sig.length);
    ids.set(names);
    // (a Uint32Array stores an int32 as its two's complement; the SIGNED flag reads it back signed)
    for (let j = 0; j < sig.length; j++) ids[n + m + j] = sig[j] >>> 0;
    const restAt = at + HEADER + (countBytes + 4) * (n + m) + 4 * sig.length;
    buf.write(rests[i], restAt, 'utf8');
    const len = rowBytes(n + m, sig.length, restLen[i], countBytes);
    out.push(buf.subarray(at, at + len));
    at += len;
  }
  return out;
}

/** The dictionary ids a packed row names (entities, then places); empty when the row is damaged. */
export function packedNameIds(b: Buffer): number[] {
  const h = header(b);
  if (!h) return [];
  const out = new Array<number>(h.n + h.m);
  const at = HEADER + h.countBytes * (h.n + h.m);
  for (let j = 0; j < out.length; j++) out[j] = b.readUInt32LE(at + 4 * j);
  return out;
}

function header(b: Buffer): { signed: boolean; countBytes: number; n: number; m: number; s: number; hasSketch: boolean; k: number; r: number } | null {
  const flags = b.byteLength < HEADER ? -1 : b.readUInt32LE(0) - 1;
  if (flags < 0 || flags > (SIGNED | FLOAT32)) return null;
  const countBytes = flags & FLOAT32 ? 4 : 8;
  const n = b.readUInt32LE(4);
  const m = b.readUInt32LE(8);
  const rawS = b.readUInt32LE(12);
  const hasSketch = rawS !== NO_SKETCH;
  const s = hasSketch ? rawS : 0;
  const r = b.readUInt32LE(20);
  if (b.byteLength !== rowBytes(n + m, s, r, countBytes)) return null;
  return { signed: (flags & SIGNED) !== 0, countBytes, n, m, s, hasSketch, k: b.readUInt32LE(16), r };
}

/** A packed row back to the features it was made from (`name`: a dictionary id's key); null when it is damaged. */
export function unpackFeatures(b: Buffer, name: (id: number) => string | undefined): StoryFeatures | null {
  const h = header(b);
  if (!h) return null;
  let rest: unknown;
  try {
    rest = JSON.parse(b.toString('utf8', b.byteLength - h.r));
  } catch {
    return null;
  }
  if (!rest || typeof rest !== 'object' || Array.isArray(rest)) return null;
  const pairs = (from: number, count: number): [string, number][] | null => {
    const out = new Array<[string, number]>(count);
    const namesAt = HEADER + h.countBytes * (h.n + h.m);
    for (let j = 0; j < count; j++) {
      const key = name(b.readUInt32LE(namesAt + 4 * (from + j)));
      if (key === undefined || key[0] !== '@') return null;
      out[j] = [key.slice(1), h.countBytes === 4 ? b.readFloatLE(HEADER + 4 * (from + j)) : b.readDoubleLE(HEADER + 8 * (from + j))];
    }
    return out;
  };
  const entities = pairs(0, h.n);
  const places = pairs(h.n, h.m);
  if (!entities || !places) return null;
  let sketch: StoryFeatures['sketch'] = null;
  if (h.hasSketch) {
    const sig = new Array<number>(h.s);
    const at = HEADER + (h.countBytes + 4) * (h.n + h.m);
    for (let j = 0; j < h.s; j++) sig[j] = h.signed ? b.readInt32LE(at + 4 * j) : b.readUInt32LE(at + 4 * j);
    sketch = { k: h.k, sig };
  }
  return Object.assign(rest as StoryFeatures, { entities, places, sketch });
}

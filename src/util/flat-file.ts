/**
 * The container of the shipped models' run-time tables (`models/entities.bin`, `models/attrib.bin`):
 * laid out so that loading is reading the file and taking typed-array views of it. No
 * decompression, no per-weight objects, no table rebuilt: a gzip + JSON layout costs 100-250 ms
 * per process (and per worker thread), this one a few.
 *
 * Layout: a 4-byte magic (one per model kind), the byte length of a small JSON header, the header,
 * then the arrays the header lists (`arrays`: name, element type, length), each at an 8-byte-aligned
 * offset, little-endian as the machine writes them.
 */

/** One array of the file: its name, element type and length (elements). */
interface ArrayEntry {
  name: string;
  type: 'u8' | 'u16' | 'u32' | 'i16' | 'i32' | 'f32';
  length: number;
}

const CTORS = { u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, i16: Int16Array, i32: Int32Array, f32: Float32Array } as const;
export type FlatArray = Uint8Array | Uint16Array | Uint32Array | Int16Array | Int32Array | Float32Array;
const typeOf = (a: FlatArray): ArrayEntry['type'] =>
  a instanceof Uint8Array
    ? 'u8'
    : a instanceof Uint16Array
      ? 'u16'
      : a instanceof Uint32Array
        ? 'u32'
        : a instanceof Int16Array
          ? 'i16'
          : a instanceof Int32Array
            ? 'i32'
            : 'f32';

/** Writes a header and named arrays after `magic` (four ASCII characters; see the layout above). */
export function writeFlatFile(magic: string, header: Record<string, unknown>, arrays: Record<string, FlatArray>): Buffer {
  if (Buffer.byteLength(magic) !== 4) throw new Error(`a flat file's magic is 4 bytes, not ${JSON.stringify(magic)}`);
  const entries: ArrayEntry[] = Object.entries(arrays).map(([name, a]) => ({ name, type: typeOf(a), length: a.length }));
  const json = Buffer.from(JSON.stringify({ ...header, arrays: entries }), 'utf8');
  const parts: Buffer[] = [Buffer.from(magic), Buffer.alloc(4), json];
  parts[1].writeUInt32LE(json.length);
  let size = 8 + json.length;
  for (const a of Object.values(arrays)) {
    const pad = (8 - (size % 8)) % 8;
    parts.push(Buffer.alloc(pad), Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    size += pad + a.byteLength;
  }
  return Buffer.concat(parts);
}

/** Reads a file written by writeFlatFile with this `magic`: the header and views of the arrays (no copy). */
export function readFlatFile<H>(file: Buffer, magic: string, what: string): { header: H; arrays: Record<string, FlatArray> } {
  if (file.length < 8 || file.subarray(0, 4).toString() !== magic) throw new Error(`not ${what} file`);
  // typed-array views need aligned offsets: copy in the (unusual) case the buffer is not 8-aligned
  const buf = file.byteOffset % 8 === 0 ? file : Buffer.from(new Uint8Array(file));
  const hlen = buf.readUInt32LE(4);
  if (8 + hlen > buf.length) throw new Error(`${what} file is truncated`);
  const header = JSON.parse(buf.subarray(8, 8 + hlen).toString('utf8')) as H & { arrays: ArrayEntry[] };
  const arrays: Record<string, FlatArray> = {};
  let p = 8 + hlen;
  for (const e of header.arrays) {
    p += (8 - (p % 8)) % 8;
    const C = CTORS[e.type];
    if (p + e.length * C.BYTES_PER_ELEMENT > buf.length) throw new Error(`${what} file is truncated`);
    arrays[e.name] = new C(buf.buffer as ArrayBuffer, buf.byteOffset + p, e.length);
    p += e.length * C.BYTES_PER_ELEMENT;
  }
  return { header, arrays };
}

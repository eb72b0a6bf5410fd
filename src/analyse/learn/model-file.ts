import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * The file format of the shipped tagger weights: gzip of a 4-byte magic, the byte length of a
 * JSON header, the header, then the typed arrays back to back.
 */
export function writeModelFile(magic: string, header: unknown, arrays: ArrayBufferView[]): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length);
  const parts = [Buffer.from(magic), len, json, ...arrays.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength))];
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

/** Reads a file written by writeModelFile: its header, and `take(bytes)` for each array in order (copied, aligned). */
export function readModelFile<H>(gz: Buffer, magic: string, what: string): { header: H; take: (bytes: number) => ArrayBuffer } {
  const buf = gunzipSync(gz);
  if (buf.subarray(0, 4).toString() !== magic) throw new Error(`not ${what} file`);
  const hlen = buf.readUInt32LE(4);
  const header = JSON.parse(buf.subarray(8, 8 + hlen).toString('utf8')) as H;
  let p = 8 + hlen;
  const take = (bytes: number) => {
    const b = new Uint8Array(bytes);
    b.set(buf.subarray(p, p + bytes));
    p += bytes;
    return b.buffer;
  };
  return { header, take };
}

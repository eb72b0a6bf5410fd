/**
 * Charset of a fetched body: the Content-Type header first, then what the markup declares (left
 * to the ingest decoder). A declared single-byte charset is overruled when the bytes are valid
 * UTF-8 with multi-byte sequences: servers and templates often claim ISO-8859-1 for UTF-8 pages,
 * while the reverse (Latin-1 text that is valid UTF-8 by chance) almost never happens.
 */
import { declaredCharset } from '../ingest/decode.js';
import { requirePackage } from '../util/packages.js';

const iconv: typeof import('iconv-lite') = requirePackage('iconv-lite');

const utf8 = new TextDecoder('utf-8', { fatal: true });
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The charset parameter of a Content-Type header, lower-cased, or null. */
export function headerCharset(contentType: string | null): string | null {
  const m = contentType ? /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType) : null;
  return m ? m[1].toLowerCase() : null;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const hasHighBytes = (bytes: Uint8Array) => bytes.some((b) => b >= 0x80);
const isUtf8Name = (cs: string) => cs === 'utf-8' || cs === 'utf8';

/**
 * Bytes ready for the ingest decoder, with the charset decision made: transcoded to UTF-8 with a
 * BOM (so that no later guess can undo it) when the header's charset applies, or when a declared
 * charset is contradicted by valid UTF-8; unchanged otherwise. Returns a note when a declaration
 * was overruled.
 */
export function normaliseCharset(bytes: Uint8Array, contentType: string | null): { bytes: Uint8Array; note?: string } {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xef && bytes[1] === 0xbb))) {
    return { bytes }; // a byte order mark wins over every declaration
  }
  const fromHeader = headerCharset(contentType);
  const declared = fromHeader ?? declaredCharset(bytes);
  if (!declared || isUtf8Name(declared)) return { bytes };
  if (hasHighBytes(bytes) && isUtf8(bytes)) {
    return { bytes: Buffer.concat([BOM, bytes]), note: `declared charset ${declared} but the bytes are UTF-8: read as UTF-8` };
  }
  if (fromHeader && iconv.encodingExists(fromHeader)) {
    return { bytes: Buffer.concat([BOM, Buffer.from(iconv.decode(Buffer.from(bytes), fromHeader), 'utf8')]) };
  }
  return { bytes };
}

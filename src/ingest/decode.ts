import { requirePackage } from '../util/packages.js';

const iconv: typeof import('iconv-lite') = requirePackage('iconv-lite');

export interface Decoded {
  text: string;
  encoding: string;
  /** Set when the decoding needed a guess worth telling the user about. */
  warning?: string;
}

export class DecodeError extends Error {}

/** Magic numbers of common binary formats, so the error can say what the file is. */
const MAGIC: [string, number[]][] = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip data', [0x1f, 0x8b]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['WebP/RIFF media', [0x52, 0x49, 0x46, 0x46]],
  ['SQLite database', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65]],
];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

export function sniffBinary(bytes: Uint8Array): string | null {
  for (const [name, sig] of MAGIC) if (startsWith(bytes, sig)) return name;
  return null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Charset declared in an HTML/XML head (`<meta charset>`, `http-equiv`, `<?xml encoding?>`), read from ASCII bytes. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

function utf16Guess(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 2048) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Control characters that never appear in text (everything below 0x20 except tab, LF, VT, FF, CR). */
function controlRatio(text: string): number {
  let bad = 0;
  const n = Math.min(text.length, 65536);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13) || c === 0xfffd) bad++;
  }
  return n ? bad / n : 0;
}

/** Bytes undefined in Windows-1252: if present, the bytes are not cp1252 text either. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Decode bytes to text: BOM first, then a charset the markup declares, then strict UTF-8, then
 * UTF-16 without BOM, then Windows-1252 (the usual encoding of legacy Western pages) with a warning.
 * Throws DecodeError for binary content.
 */
export function decodeBytes(bytes: Uint8Array, opts: { markup?: boolean } = {}): Decoded {
  if (bytes.length === 0) throw new DecodeError('empty file');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return finish(iconv.decode(Buffer.from(bytes.subarray(3)), 'utf-8'), 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return finish(iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return finish(iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), 'utf-16be');
  const binary = sniffBinary(bytes);
  if (binary) throw new DecodeError(`binary content (${binary}), not text`);
  const u16 = utf16Guess(bytes);
  if (u16) return finish(iconv.decode(Buffer.from(bytes), u16), u16);
  if (opts.markup) {
    const cs = declaredCharset(bytes);
    if (cs && cs !== 'utf-8' && cs !== 'utf8' && iconv.encodingExists(cs)) {
      return finish(iconv.decode(Buffer.from(bytes), cs), normaliseName(cs));
    }
  }
  try {
    return finish(utf8.decode(bytes), 'utf-8');
  } catch {
    for (const b of bytes) {
      if (CP1252_UNDEFINED.has(b)) throw new DecodeError('invalid UTF-8 (and not Windows-1252 text either)');
    }
    const text = iconv.decode(Buffer.from(bytes), 'windows-1252');
    return finish(text, 'windows-1252', 'not valid UTF-8; decoded as Windows-1252');
  }
}

function normaliseName(cs: string): string {
  if (cs === 'latin1' || cs === 'iso-8859-1' || cs === 'us-ascii' || cs === 'ascii') return 'windows-1252';
  return cs;
}

function finish(text: string, encoding: string, warning?: string): Decoded {
  if (controlRatio(text) > 0.02) throw new DecodeError(`binary content (control characters in ${encoding} text)`);
  if (text.trim().length === 0) throw new DecodeError('no text (only white space)');
  return warning ? { text, encoding, warning } : { text, encoding };
}

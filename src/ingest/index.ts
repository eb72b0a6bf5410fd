import { closeSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sniffBinary } from './decode.js';
import { type Format, formatOfName, type ReadResult, readDecodedLazily, reconcileFormat, sniffFormat } from './readers.js';

export type { FeedItem, Format, ReadResult } from './readers.js';
export { feedItemToDoc, formatOfName, parseFeedItems, provenFormat, reconcileFormat, sniffFormat } from './readers.js';

export interface IngestOptions {
  /** Largest input file read, in bytes (default 32 MiB). */
  maxBytes?: number;
  /** Read standard input for `-` (injected in tests). */
  stdin?: () => Uint8Array;
  /** Told of every file or folder a folder walk leaves out, with the reason (nothing is skipped silently). */
  onSkip?: (path: string, reason: string) => void;
  /** Inputs already read elsewhere (URLs fetched by src/follow/read-urls.ts): their results, in input order. */
  prefetched?: Map<string, ReadResult[]>;
}

export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function errorText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return 'no such file (or a dangling link)';
  if (err?.code === 'EACCES' || err?.code === 'EPERM') return 'permission denied';
  if (err?.code === 'ELOOP') return 'symbolic link loop';
  if (err?.code === 'EISDIR') return 'is a directory';
  return err?.message ?? String(e);
}

/** Reads one file as given (any extension: unknown ones are sniffed). */
export function readFile(path: string, opts: IngestOptions = {}, display = path): ReadResult[] {
  return [...readFileLazily(path, opts, display)];
}

/** `readFile` with the records of a multi-record file made as they are asked for (see readDecodedLazily). */
function readFileLazily(path: string, opts: IngestOptions = {}, display = path): Iterable<ReadResult> {
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let bytes: Uint8Array;
  try {
    const st = statSync(path);
    if (!st.isFile()) return [{ kind: 'error', source: display, reason: 'not a regular file' }];
    if (st.size > max) return [{ kind: 'error', source: display, reason: `file too large (${mb(st.size)} > ${mb(max)} limit; raise it with --max-size)` }];
    bytes = readFileSync(path);
  } catch (e) {
    return [{ kind: 'error', source: display, reason: `cannot read: ${errorText(e)}` }];
  }
  return readBytesLazily(display, bytes, formatOfName(path), max);
}

/** Reads bytes whose format is known from the name, or sniffed when `format` is null. */
export function readBytes(source: string, bytes: Uint8Array, format: Format | null, maxBytes = DEFAULT_MAX_BYTES): ReadResult[] {
  return [...readBytesLazily(source, bytes, format, maxBytes)];
}

/** `readBytes` with the records made as they are asked for: what a run reads, one document in hand at a time. */
function readBytesLazily(source: string, bytes: Uint8Array, format: Format | null, maxBytes = DEFAULT_MAX_BYTES): Iterable<ReadResult> {
  if (bytes.length === 0) return [{ kind: 'error', source, reason: 'empty file' }];
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: maxBytes });
    } catch (e) {
      const msg = (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? `decompressed size over ${mb(maxBytes)} limit` : 'truncated or corrupt gzip data';
      return [{ kind: 'error', source, reason: msg }];
    }
    if (bytes.length === 0) return [{ kind: 'error', source, reason: 'empty file (after gunzip)' }];
  }
  // the content decides over the declared type when it proves its format (see reconcileFormat)
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('utf8');
  if (!format) return readDecodedLazily(source, bytes, sniffFormat(head));
  const { format: fmt, warning } = reconcileFormat(format, head);
  const results = readDecodedLazily(source, bytes, fmt);
  return warning ? withWarning(results, warning) : results;
}

function* withWarning(results: Iterable<ReadResult>, warning: string): Generator<ReadResult> {
  for (const r of results) {
    if (r.kind === 'doc') r.warnings.push(warning);
    yield r;
  }
}

/**
 * Expands the inputs: files as given, directories recursively (sorted, hidden entries and
 * unknown extensions skipped, symbolic link loops detected), `-` for standard input.
 */
export function* ingest(inputs: string[], opts: IngestOptions = {}): Generator<ReadResult> {
  for (const input of inputs) {
    const ready = opts.prefetched?.get(input);
    if (ready) {
      yield* ready;
      continue;
    }
    if (input === '-') {
      let bytes: Uint8Array;
      try {
        bytes = opts.stdin ? opts.stdin() : readFileSync(0);
      } catch (e) {
        yield { kind: 'error', source: '-', reason: `cannot read standard input: ${errorText(e)}` };
        continue;
      }
      yield* readBytesLazily('-', bytes, null, opts.maxBytes);
      continue;
    }
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(input);
    } catch (e) {
      yield { kind: 'error', source: input, reason: `cannot read: ${errorText(e)}` };
      continue;
    }
    if (st.isDirectory()) yield* walk(input, opts, new Set());
    else yield* readFileLazily(input, opts);
  }
}

function* walk(dir: string, opts: IngestOptions, seen: Set<string>): Generator<ReadResult> {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch (e) {
    yield { kind: 'error', source: dir, reason: `cannot read directory: ${errorText(e)}` };
    return;
  }
  // Every directory read stays in `seen`: a link back to an ancestor (a loop) or to a folder
  // already read is reported once, never read again.
  if (seen.has(real)) {
    yield { kind: 'error', source: dir, reason: 'symbolic link loop (directory already visited), skipped' };
    return;
  }
  seen.add(real);
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    yield { kind: 'error', source: dir, reason: `cannot read directory: ${errorText(e)}` };
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (name.startsWith('.')) {
      opts.onSkip?.(path, 'hidden entry');
      continue;
    }
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(path);
    } catch (e) {
      yield { kind: 'error', source: path, reason: `cannot read: ${errorText(e)}` };
      continue;
    }
    if (st.isDirectory()) {
      yield* walk(path, opts, seen);
    } else if (st.isFile()) {
      const skip = formatOfName(name) === null ? skipReason(path) : null; // images, archives ... in a folder
      if (skip) opts.onSkip?.(path, skip);
      else yield* readFileLazily(path, opts);
    } else {
      opts.onSkip?.(path, 'not a regular file');
    }
  }
}

/**
 * Why a file of unknown extension in a folder is left out, or null to read it: extension-less
 * files are read when they look like text (the seeds have .txt; scrapes often have none).
 */
function skipReason(path: string): string | null {
  const ext = /\.([a-z0-9]{1,5})$/i.exec(path)?.[1];
  let head: Buffer;
  try {
    const fd = openSync(path, 'r');
    const buf = Buffer.alloc(512);
    const n = readSync(fd, buf, 0, 512, 0);
    closeSync(fd);
    head = buf.subarray(0, n);
  } catch {
    return null; // let readFile report the error
  }
  const what = sniffBinary(head);
  if (ext) return `unsupported file type .${ext.toLowerCase()}${what ? ` (${what})` : ''}`;
  if (head.length === 0) return null; // readFile reports the empty file
  if (what || head.includes(0)) return `binary file${what ? ` (${what})` : ''}`;
  return null;
}

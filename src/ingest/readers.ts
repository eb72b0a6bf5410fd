import { linkedom } from '../util/lazy.js';
import type { InputFormat, RawDocument, RawMeta } from '../model/types.js';
import { contentId } from '../util/hash.js';
import { type Decoded, DecodeError, decodeBytes } from './decode.js';
import { reasonOf } from '../util/guard.js';
import { publishedOf, recordProblem } from './validate.js';

/** One result of reading an input: a document, or a problem with part of the input. */
export type ReadResult =
  | { kind: 'doc'; doc: RawDocument; warnings: string[] }
  | { kind: 'error'; source: string; reason: string };

export type Format = 'text' | 'html' | 'json' | 'jsonl' | 'feed';

const EXT_FORMAT: Record<string, Format> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.rss': 'feed',
  '.atom': 'feed',
  '.xml': 'feed',
};

/** Format by file name (`.html.gz` counts as `.html`), or null when the extension is unknown. */
export function formatOfName(name: string): Format | null {
  const lower = name.toLowerCase().replace(/\.gz$/, '');
  const dot = lower.lastIndexOf('.');
  if (dot < 0) return null;
  return EXT_FORMAT[lower.slice(dot)] ?? null;
}

/** Format by content, for stdin and unknown extensions. */
export function sniffFormat(text: string): Format {
  const head = text.slice(0, 2048).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('[')) return 'json';
  if (head.startsWith('{')) {
    const lines = text.split('\n').filter((l) => l.trim());
    if (lines.length > 1 && lines.slice(0, 3).every((l) => l.trimStart().startsWith('{') && l.trimEnd().endsWith('}'))) return 'jsonl';
    return 'json';
  }
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:rss|feed|rdf:RDF)\b/i.test(head)) return 'feed';
  if (/^<(?:!doctype|html|head|body|div|p|article|meta|title|!--)/i.test(head)) return 'html';
  return 'text';
}

/**
 * The format the content itself proves, or null when it proves nothing. Only unmistakable starts
 * count (a feed's root element, an HTML document or fragment, a JSON object or array), so plain
 * text that merely begins with "[" or "<" stays text.
 */
export function provenFormat(text: string): Format | null {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '').trimStart();
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<\?xml-stylesheet[^>]*>\s*)?<(?:rss|feed|rdf:RDF)\b/i.test(head)) return 'feed';
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b/i.test(head)) return 'html';
  if (/^<(?:p|div|article|section|h[1-6]|blockquote|ul|ol|table|figure)[\s>]/i.test(head) && /<\/(?:p|div|article|section|h[1-6])>/i.test(head)) return 'html';
  if (/^\{\s*(?:"|\})/.test(head) || /^\[\s*(?:[{["\]\d-]|true|false|null)/.test(head)) return sniffFormat(head) === 'jsonl' ? 'jsonl' : 'json';
  return null;
}

/**
 * Reconciles the declared format (file extension, media type) with what the content proves: a
 * feed posted as text/plain is a feed, a `.txt` holding a web page is HTML, a `.xml` "feed" that is
 * a web page is read as a page. The warning says so.
 */
export function reconcileFormat(declared: Format, text: string): { format: Format; warning?: string } {
  const proven = provenFormat(text);
  if (!proven || proven === declared) return { format: declared };
  const family = (f: Format) => (f === 'jsonl' ? 'json' : f);
  if (family(proven) === family(declared)) return { format: declared };
  return { format: proven, warning: `declared as ${declared} but the content is ${proven === 'jsonl' ? 'JSON Lines' : proven}: read as ${proven}` };
}

function doc(
  source: string,
  format: InputFormat,
  content: string,
  contentType: 'text' | 'html',
  encoding: string,
  meta: RawMeta,
  id: string,
): RawDocument {
  return { id, source, format, content, contentType, encoding, meta };
}

/**
 * Decodes and reads one input into documents. Never throws: whatever goes wrong with one input
 * (a record the readers did not foresee included) becomes an error result for that input.
 */
export function readDecoded(source: string, bytes: Uint8Array, format: Format): ReadResult[] {
  return [...readDecodedLazily(source, bytes, format)];
}

/**
 * `readDecoded` with the records of a JSON, JSON Lines or feed input made as they are asked for:
 * a run holds the decoded text and the document in hand, not every record's document at once (a
 * 100,000-line file). The bytes are not kept once decoded.
 */
export function readDecodedLazily(source: string, bytes: Uint8Array, format: Format): Iterable<ReadResult> {
  try {
    return readDecodedUnguarded(source, bytes, format);
  } catch (e) {
    return [{ kind: 'error', source, reason: `unreadable: ${reasonOf(e)}` }];
  }
}

function readDecodedUnguarded(source: string, bytes: Uint8Array, format: Format): Iterable<ReadResult> {
  let decoded: Decoded;
  try {
    decoded = decodeBytes(bytes, { markup: format === 'html' || format === 'feed' });
  } catch (e) {
    return [{ kind: 'error', source, reason: e instanceof DecodeError ? e.message : String(e) }];
  }
  const warnings = decoded.warning ? [decoded.warning] : [];
  const text = decoded.text;
  switch (format) {
    case 'text':
    case 'html': {
      const kind = format === 'html' ? 'html' : looksLikeHtml(text) ? 'html' : 'text';
      if (format === 'html' && !/<[a-z!?/]/i.test(text.slice(0, 65536))) {
        warnings.push('no markup found in .html file; read as plain text');
        return [{ kind: 'doc', doc: doc(source, 'text', text, 'text', decoded.encoding, {}, contentId(bytes)), warnings }];
      }
      return [{ kind: 'doc', doc: doc(source, kind, text, kind, decoded.encoding, {}, contentId(bytes)), warnings }];
    }
    case 'json':
      return guarded(source, readJson(source, text, decoded.encoding, warnings));
    case 'jsonl':
      return guarded(source, readJsonLines(source, text, decoded.encoding, warnings));
    case 'feed':
      return guarded(source, readFeed(source, text, decoded.encoding, warnings));
  }
}

/** The results of a lazy reader; what it throws on the way becomes an error result for the input. */
function* guarded(source: string, results: Iterable<ReadResult>): Generator<ReadResult> {
  try {
    yield* results;
  } catch (e) {
    yield { kind: 'error', source, reason: `unreadable: ${reasonOf(e)}` };
  }
}

function looksLikeHtml(text: string): boolean {
  return /^\s*<(?:!doctype html|html)\b/i.test(text.slice(0, 1024));
}

const KNOWN_FIELDS = new Set(['id', 'url', 'title', 'text', 'html', 'published', 'outlet']);

/**
 * Canonical JSON (sorted keys) so that the same record always hashes the same. Written with an
 * explicit stack rather than recursion: a deeply nested record must not overflow the call stack.
 */
export function canonical(value: unknown): string {
  const out: string[] = [];
  // each task is either a value to write or a literal piece of output (wrapped in an object)
  const tasks: (unknown | { lit: string })[] = [value];
  const LIT = new WeakSet<object>();
  const lit = (s: string) => {
    const o = { lit: s };
    LIT.add(o);
    return o;
  };
  while (tasks.length) {
    const v = tasks.pop();
    if (v && typeof v === 'object' && LIT.has(v)) {
      out.push((v as { lit: string }).lit);
    } else if (Array.isArray(v)) {
      const next: unknown[] = [lit('[')];
      v.forEach((x, i) => next.push(...(i ? [lit(','), x] : [x])));
      next.push(lit(']'));
      for (let i = next.length - 1; i >= 0; i--) tasks.push(next[i]);
    } else if (v && typeof v === 'object') {
      const keys = Object.keys(v).sort();
      const next: unknown[] = [lit('{')];
      keys.forEach((k, i) => next.push(lit(`${i ? ',' : ''}${JSON.stringify(k)}:`), (v as Record<string, unknown>)[k]));
      next.push(lit('}'));
      for (let i = next.length - 1; i >= 0; i--) tasks.push(next[i]);
    } else {
      out.push(JSON.stringify(v) ?? 'null');
    }
  }
  return out.join('');
}

function recordToDoc(source: string, where: string, rec: unknown, encoding: string): ReadResult {
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) {
    return { kind: 'error', source: `${source}${where}`, reason: 'record is not a JSON object' };
  }
  const r = rec as Record<string, unknown>;
  const problem = recordProblem(r);
  if (problem) return { kind: 'error', source: `${source}${where}`, reason: problem };
  const str = (k: string): string | undefined => (typeof r[k] === 'string' && (r[k] as string).trim() ? (r[k] as string) : undefined);
  const html = str('html');
  const text = str('text');
  if (!html && !text) return { kind: 'error', source: `${source}${where}`, reason: 'record has neither "text" nor "html"' };
  const extra: Record<string, unknown> = {};
  for (const k of Object.keys(r).sort()) if (!KNOWN_FIELDS.has(k)) extra[k] = r[k];
  const meta: RawMeta = {};
  if (str('url')) meta.url = str('url');
  if (str('title')) meta.title = str('title');
  const published = publishedOf(r.published);
  if (published.value) meta.published = published.value;
  if (str('outlet')) meta.outlet = str('outlet');
  if (Object.keys(extra).length) meta.extra = extra;
  const idField = typeof r.id === 'string' || typeof r.id === 'number' ? String(r.id) : null;
  const docSource = idField ?? `${source}${where}`;
  const content = html ?? text!;
  const contentType = html ? 'html' : 'text';
  return { kind: 'doc', doc: doc(docSource, 'json', content, contentType, encoding, meta, contentId(canonical(r))), warnings: published.warning ? [published.warning] : [] };
}

function* readJson(source: string, text: string, encoding: string, warnings: string[]): Generator<ReadResult> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    // A .json file that is really JSON Lines.
    if (text.trim().split('\n').length > 1) return yield* readJsonLines(source, text, encoding, warnings);
    yield { kind: 'error', source, reason: `invalid JSON: ${(e as Error).message}` };
    return;
  }
  const records = Array.isArray(parsed)
    ? parsed
    : parsed && typeof parsed === 'object' && Array.isArray((parsed as { articles?: unknown }).articles)
      ? (parsed as { articles: unknown[] }).articles
      : [parsed];
  // `[]` or `{"articles": []}`: say so, rather than a run that silently finds nothing
  if (records.length === 0) {
    yield { kind: 'error', source, reason: 'no records: the JSON holds an empty list of articles' };
    return;
  }
  for (let i = 0; i < records.length; i++) yield withWarnings(recordToDoc(source, records.length > 1 ? `#${i + 1}` : '', records[i], encoding), warnings);
}

/** The records of a JSON Lines text, line by line (the lines are not split out all at once). */
function* readJsonLines(source: string, text: string, encoding: string, warnings: string[]): Generator<ReadResult> {
  let n = 0;
  for (let start = 0, i = 0; start <= text.length; i++) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    // trim() also takes the \r of a CRLF line end
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (!line) continue;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch (e) {
      n++;
      yield { kind: 'error', source: `${source}:${i + 1}`, reason: `invalid JSON line: ${(e as Error).message}` };
      continue;
    }
    n++;
    yield withWarnings(recordToDoc(source, `:${i + 1}`, rec, encoding), warnings);
  }
  if (n === 0) yield { kind: 'error', source, reason: 'no records in JSON Lines file' };
}

/** A record's document with the input's own warnings (its encoding ...) after the record's. */
function withWarnings(r: ReadResult, warnings: string[]): ReadResult {
  if (warnings.length && r.kind === 'doc') r.warnings.push(...warnings);
  return r;
}

function childText(el: Element, names: string[]): string | undefined {
  for (const name of names) {
    for (const child of Array.from(el.children)) {
      if (child.tagName.toLowerCase() === name) {
        const t = child.textContent?.trim();
        if (t) return t;
      }
    }
  }
  return undefined;
}

/** One item of an RSS or Atom feed, as the feed gives it. */
export interface FeedItem {
  title?: string;
  /** The item's link as written (may be relative), else its guid when that is a URL. */
  link?: string;
  guid?: string;
  /** pubDate, published, dc:date or updated, as written. */
  published?: string;
  /** content:encoded / content, else description / summary (HTML or text). */
  body?: string;
}

/** The items of an RSS 2.0, RSS 1.0 (RDF) or Atom feed, or the reason the text is not one. */
export function parseFeedItems(text: string): { channelTitle?: string; items: FeedItem[] } | { error: string } {
  let document: Document;
  try {
    document = new (linkedom().DOMParser)().parseFromString(text, 'text/xml') as unknown as Document;
  } catch (e) {
    return { error: `unreadable feed: ${(e as Error).message}` };
  }
  const root = document.documentElement;
  if (!root) return { error: 'unreadable feed: no root element' };
  const rootName = root.tagName.toLowerCase();
  if (!['rss', 'feed', 'rdf:rdf'].includes(rootName)) return { error: `not an RSS or Atom feed (root element <${root.tagName}>)` };
  const isAtom = rootName === 'feed';
  const channelTitle = isAtom ? childText(root, ['title']) : childText(root.querySelector('channel') ?? root, ['title']);
  const items = (Array.from(document.getElementsByTagName(isAtom ? 'entry' : 'item')) as Element[]).map((item): FeedItem => {
    const guid = childText(item, isAtom ? ['id'] : ['guid']);
    let link = childText(item, ['link']);
    if (isAtom) {
      const links = Array.from(item.children).filter((c) => c.tagName.toLowerCase() === 'link');
      const alt = links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate') ?? links[0];
      link = alt?.getAttribute('href') ?? link;
    }
    if (!link && guid && /^https?:\/\//i.test(guid)) link = guid;
    return {
      title: childText(item, ['title']),
      link,
      guid,
      published: childText(item, ['pubdate', 'published', 'dc:date', 'updated']),
      body: isAtom ? childText(item, ['content', 'summary']) : childText(item, ['content:encoded', 'description']),
    };
  });
  return { channelTitle, items };
}

/** A feed item as a document record (the same record shape as JSON input), or the reason it has none. */
export function feedItemToDoc(source: string, where: string, item: FeedItem, channelTitle: string | undefined, encoding: string, url?: string): ReadResult {
  if (!item.body) return { kind: 'error', source: `${source}${where}`, reason: 'feed item has no content or description' };
  const rec: Record<string, unknown> = { html: item.body, title: item.title, url: url ?? item.link ?? item.guid, outlet: channelTitle };
  if (item.published) {
    const d = new Date(item.published);
    rec.published = Number.isNaN(d.getTime()) ? item.published : d.toISOString();
  }
  const r = recordToDoc(source, where, rec, encoding);
  if (r.kind === 'doc') {
    r.doc.format = 'feed';
    r.doc.source = `${source}${where}`;
  }
  return r;
}

function readFeed(source: string, text: string, encoding: string, warnings: string[]): ReadResult[] {
  const feed = parseFeedItems(text);
  if ('error' in feed) return [{ kind: 'error', source, reason: feed.error }];
  if (feed.items.length === 0) return [{ kind: 'error', source, reason: 'feed has no items' }];
  return feed.items.map((item, i) => withWarnings(feedItemToDoc(source, `#${i + 1}`, item, feed.channelTitle, encoding), warnings));
}

/**
 * Extract: RawDocument → Article.
 *
 * - HTML (`html/`): string guards (size, nesting) → linkedom → one iterative walk into a flat
 *   element table and text blocks → the maximum-weight subtree as article container → widgets,
 *   link lists and known boilerplate removed inside it (kept in `removed` with the reason);
 *   metadata from JSON-LD, meta tags, microdata, <time>, URL, visible text, in that order.
 * - Plain text (`text/`): a line classifier and a maximum-sum segment (see text/extract.ts).
 * - Both: wire agency and media attributions (provenance.ts), language (language.ts).
 * Never throws; every problem is a message; the time budget bounds the work per document.
 */
import { resolveOutlet } from '../outlets/index.js';
import { gunzipSync } from 'node:zlib';
import type { Article, Block, DocMessage, RawDocument, RemovedBlock } from '../model/types.js';
import { dateFromUrl, laterThanOwnDates, parseIsoDate, parseTextDate, toDateInfo } from './dates.js';
import { extractFromHtml } from './html/extract.js';
import { detectLanguage } from './language.js';
import { detectWire, findAttributions } from './provenance.js';
import { extractFromText, isDateOnly, type TextParts } from './text/extract.js';
import { requirePackage } from '../util/packages.js';

const iconv: typeof import('iconv-lite') = requirePackage('iconv-lite');

export { renderVisibleText } from './html/extract.js';
export { findAttributions, detectWire } from './provenance.js';
export { parseTextDate, parseIsoDate, dateFromUrl } from './dates.js';

/**
 * The budget is a safety net behind the size and nesting caps (wall-clock time, so a loaded
 * machine cuts sooner): ordinary pages finish in milliseconds and never reach it.
 */
export const DEFAULT_TIME_BUDGET_MS = 10_000;

export interface ExtractOptions {
  /** Per-document time budget in milliseconds (default 10000): a safety net, far above what a 3 MB page needs. */
  timeBudgetMs?: number;
}

/** Looks like markup rather than plain text. */
export function looksLikeHtml(s: string): boolean {
  const head = s.slice(0, 4000).toLowerCase();
  return /<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]/.test(head) || (head.match(/<(p|div|span|a|br)[\s>/]/g) ?? []).length >= 3;
}

/**
 * Bytes of an `.html.gz` (or plain) file as a string. A truncated gzip gives what could be
 * inflated plus a message instead of an exception.
 */
export function decodeHtmlBytes(bytes: Uint8Array): { text: string; messages: DocMessage[] } {
  const messages: DocMessage[] = [];
  let buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b) {
    try {
      buf = gunzipSync(buf);
    } catch {
      try {
        buf = gunzipSync(buf, { finishFlush: 2 /* Z_SYNC_FLUSH */ });
        messages.push({ level: 'warning', stage: 'extract', message: 'gzip data is truncated: using the part that could be read' });
      } catch (e) {
        messages.push({ level: 'error', stage: 'extract', message: `gzip data cannot be read: ${(e as Error).message}` });
        return { text: '', messages };
      }
    }
  }
  let text = buf.toString('utf8');
  const head = text.slice(0, 2048);
  const cs = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (cs && !/utf-?8/.test(cs) && (text.includes('\ufffd') || /^(windows-125\d|iso-8859-\d+|latin1)$/.test(cs))) {
    if (iconv.encodingExists(cs)) text = iconv.decode(buf, cs);
    else messages.push({ level: 'warning', stage: 'extract', message: `unknown charset ${cs}: read as UTF-8` });
  }
  return { text, messages };
}

/** Removed blocks kept for audit: all of them on ordinary pages, bounded on pathological ones. */
export const MAX_REMOVED = 2000;

function capRemoved(removed: RemovedBlock[]): RemovedBlock[] {
  const out = removed.length > MAX_REMOVED ? removed.slice(0, MAX_REMOVED) : removed;
  const res = out.map((r) => (r.text.length > 2000 ? { text: `${r.text.slice(0, 2000)}…`, reason: r.reason } : r));
  if (removed.length > MAX_REMOVED) res.push({ text: `(${removed.length - MAX_REMOVED} more blocks)`, reason: 'audit list truncated' });
  return res;
}

function emptyArticle(raw: RawDocument): Article {
  return {
    docId: raw.id,
    source: raw.source,
    status: 'ok',
    title: null,
    dek: null,
    text: '',
    blocks: [],
    byline: [],
    outlet: null,
    url: raw.meta?.url ?? null,
    published: null,
    modified: null,
    language: null,
    dateline: null,
    wire: null,
    attributions: [],
    removed: [],
    messages: [],
  };
}

/**
 * Extract the article from a raw document: HTML (`contentType: 'html'`, or text that is markup)
 * or scraped plain text. Never throws: problems become `messages` and `status`.
 */
export function extractArticle(raw: RawDocument, options: ExtractOptions = {}): Article {
  const article = emptyArticle(raw);
  const budget = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  const deadline = Date.now() + budget;
  try {
    fill(article, raw, deadline);
  } catch (e) {
    article.status = 'error';
    article.text = '';
    article.blocks = [];
    article.messages.push({ level: 'error', stage: 'extract', message: `extraction failed: ${(e as Error).message ?? String(e)}` });
  }
  return article;
}

/** Date sources a date given with the input (feed item, JSON record) replaces. */
const WEAK_DATE_SOURCES = new Set(['url', 'text']);

function fill(article: Article, raw: RawDocument, deadline: number): void {
  const content = typeof raw.content === 'string' ? raw.content : '';
  const meta = raw.meta ?? {};
  if (!content.trim()) {
    article.status = 'no-body';
    article.messages.push({ level: 'error', stage: 'extract', message: 'no article body found: the document is empty' });
    return;
  }
  const isHtml = raw.contentType === 'html' || (raw.contentType !== 'text' && looksLikeHtml(content));
  // The HTML and plain-text extractors give the same parts; HTML pages also carry a URL and a language.
  const p: TextParts & { url?: string | null; language?: string | null } = isHtml
    ? extractFromHtml(content, meta.url ?? null, deadline)
    : extractFromText(content, meta.title ?? null, deadline, meta.url ? (dateFromUrl(meta.url)?.iso ?? null) : null);
  for (const w of p.warnings) article.messages.push({ level: 'warning', stage: 'extract', message: w });
  const { blocks, removed, credits } = p;
  article.title = p.title;
  article.dek = p.dek;
  article.byline = p.byline;
  article.outlet = p.outlet;
  article.url = p.url ?? article.url;
  article.published = p.published;
  article.modified = p.modified;
  if (isHtml) article.language = p.language ?? null;
  article.dateline = p.dateline;
  // container hints: used when the document itself says nothing
  // (not a title that is only a date: the text extractor read it as the date line)
  if (meta.title && !article.title && (isHtml || !isDateOnly(meta.title))) article.title = meta.title;
  if (meta.outlet && !article.outlet) article.outlet = meta.outlet;
  // one name per outlet ("FOX" = "Fox News"); an outlet named by nothing else is named by its URL's domain
  const outlet = resolveOutlet(article.outlet, article.url);
  if (outlet) article.outlet = outlet.name;
  // the date a feed or JSON record gives is the publisher's own statement, usually to the
  // minute: it outranks a day guessed from the URL or read from the visible text
  if (meta.published && (!article.published || WEAK_DATE_SOURCES.has(article.published.source))) {
    const d = parseIsoDate(meta.published) ?? parseTextDate(meta.published)?.date ?? null;
    if (d) article.published = toDateInfo(d, raw.format === 'feed' ? 'feed' : 'input');
    else article.messages.push({ level: 'warning', stage: 'extract', message: `input date not understood: ${meta.published}` });
  }
  if (!article.published && !isHtml && article.url) {
    const d = dateFromUrl(article.url);
    if (d) article.published = toDateInfo(d, 'url');
  }
  const disagreement = article.published ? laterThanOwnDates(article.published, article.modified, article.url) : null;
  if (disagreement) article.messages.push({ level: 'warning', stage: 'extract', message: disagreement });

  // assemble the text and block spans
  const parts: string[] = [];
  const spans: Block[] = [];
  let pos = 0;
  for (const b of blocks) {
    const t = b.text.trim();
    if (!t) continue;
    if (parts.length) pos += 2;
    spans.push({ kind: b.kind, span: { start: pos, end: pos + t.length } });
    parts.push(t);
    pos += t.length;
  }
  article.text = parts.join('\n\n');
  article.blocks = spans;
  article.removed = capRemoved(removed);
  if (!article.language) article.language = detectLanguage(article.text || content.slice(0, 5000));
  else if (article.text.length > 200) {
    const detected = detectLanguage(article.text);
    if (detected && detected !== article.language && /^(ru|zh|ja|ko|ar|he|hi|el|th|uk)$/.test(detected)) {
      article.messages.push({ level: 'info', stage: 'extract', message: `page says language ${article.language}, text reads as ${detected}` });
    }
  }

  const paragraphs = spans.map((s) => article.text.slice(s.span.start, s.span.end));
  // credits sit in bylines and around the body; navigation outside the article container
  // (aggregators list "Reuters", "Bloomberg Video" as sources) is not evidence
  // (aggregators list "Reuters", "Bloomberg Video" as sources), nor are photo credits ("AFP/Getty")
  const nearBody = removed
    .filter((r) => r.reason !== 'outside the article container' && !/credit|caption|figure|image|photo|picture|gallery|video/i.test(r.reason))
    .map((r) => r.text);
  const wire = detectWire(article.dek ? [article.dek, ...paragraphs] : paragraphs, [...credits, ...nearBody]);
  article.wire = wire.wire;
  if (wire.syndicated) {
    article.messages.push({ level: 'info', stage: 'extract', message: `syndicated copy${wire.wire ? ` (${wire.wire})` : ''}: the outlet notes it is auto-generated from a syndicated feed` });
  }
  if (wire.wire && wire.evidence) {
    // the credit, when it is in the body (a dateline, a credit paragraph) and not in removed boilerplate
    const at = wire.found ? article.text.indexOf(wire.found) : -1;
    const span = at >= 0 ? { span: { start: at, end: at + wire.found!.length } } : {};
    article.messages.push({ level: 'info', stage: 'extract', message: `wire copy of ${wire.wire}: ${wire.evidence}`, ...span });
  }
  // an outlet quoting itself ("Fox News has learned" on foxnews.com) is not another medium
  const squash = (x: string) => x.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const own = article.outlet ? squash(article.outlet) : '';
  article.attributions = findAttributions(article.text).filter((a) => !own.includes(squash(a.name)) || !own);
  // nor is a part of the outlet's name ("Beachbody" of "The Beachbody Blog") a person in its
  // byline (a personal blog named after its author keeps its author)
  if (own) article.byline = article.byline.filter((b) => !own.includes(squash(b)) || squash(b) === own);

  if (!article.text) {
    article.status = 'no-body';
    article.messages.push({ level: 'error', stage: 'extract', message: 'no article body found' });
  } else if (article.text.length < 100) {
    article.messages.push({ level: 'warning', stage: 'extract', message: `very short body (${article.text.length} characters)`, span: { start: 0, end: article.text.length } });
  }
  if (!article.published) article.messages.push({ level: 'info', stage: 'extract', message: 'no publication date found' });
}

import type { Article, DateInfo } from '../../model/types.js';
import { cleanByline } from '../byline.js';
import { dateFromUrl, parseIsoDate, parseTextDate, toDateInfo } from '../dates.js';
import type { WalkResult } from './walk.js';
import { wordTable } from '../../text/word-table.js';

/**
 * Page metadata in order of trust: JSON-LD, then meta tags (Open Graph, Dublin Core, article:*,
 * parsely, sailthru ...), then microdata and <time>, then the URL, then visible text.
 */

/** Article fields a page's metadata can give (the fields of the same name), plus its body and credits. */
export interface HtmlMetadata extends Pick<Article, 'title' | 'dek' | 'byline' | 'outlet' | 'url' | 'published' | 'modified' | 'language'> {
  /** JSON-LD articleBody, when the page carries one. */
  articleBody: string | null;
  /** Credits/sources named in metadata (JSON-LD sourceOrganization, meta "source"). */
  credits: string[];
}

interface LdNode {
  [k: string]: unknown;
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object') {
    const o = v as LdNode;
    if (typeof o.name === 'string') return o.name.trim() || null;
    if (typeof o['@value'] === 'string') return (o['@value'] as string).trim() || null;
  }
  return null;
}

const ARTICLE_TYPES =
  /^(article|newsarticle|reportagenewsarticle|analysisnewsarticle|opinionnewsarticle|backgroundnewsarticle|reviewnewsarticle|blogposting|liveblogposting|socialmediaposting|report|scholarlyarticle|techarticle|webpage|medicalwebpage|posting|review|creativework)$/i;

function ldNodes(jsonLd: string[]): LdNode[] {
  const out: LdNode[] = [];
  for (const raw of jsonLd) {
    let data: unknown;
    try {
      const cleaned = raw
        .trim()
        .replace(/^(\/\/\s*)?<!\[CDATA\[|(\/\/\s*)?\]\]>$/g, '')
        .replace(/^\s*<!--|-->\s*$/g, '')
        .replace(/[\u0000-\u001f]+/g, ' ');
      data = JSON.parse(cleaned);
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    let guard = 0;
    while (queue.length && guard++ < 500) {
      const x = queue.shift();
      if (Array.isArray(x)) queue.push(...x);
      else if (x && typeof x === 'object') {
        const o = x as LdNode;
        out.push(o);
        if (o['@graph']) queue.push(o['@graph']);
        if (o.mainEntity && typeof o.mainEntity === 'object') queue.push(o.mainEntity);
      }
    }
  }
  return out;
}

function typeOf(o: LdNode): string[] {
  return asArray(o['@type']).filter((t): t is string => typeof t === 'string');
}

function normLang(l: string | null | undefined): string | null {
  if (!l) return null;
  const m = /^([a-z]{2,3})(?:[-_]([a-z]{2}))?/i.exec(l.trim());
  return m ? m[1].toLowerCase() : null;
}

/** Title of the document from <title>, cut at site-name separators the way reader modes do. */
export function cleanTitleTag(title: string, siteName: string | null): string {
  let t = title.trim();
  if (!t) return t;
  const seps = [' | ', ' - ', ' – ', ' — ', ' :: ', ' » ', ' / ', ' · '];
  for (const sep of seps) {
    if (!t.includes(sep)) continue;
    const parts = t.split(sep);
    if (siteName) {
      const sn = siteName.toLowerCase();
      const kept = parts.filter((p) => p.trim().toLowerCase() !== sn);
      if (kept.length < parts.length) {
        t = kept.join(sep).trim();
        continue;
      }
    }
    // keep the longest side when the other side looks like a site name (few words)
    const first = parts[0].trim();
    const last = parts[parts.length - 1].trim();
    const words = (s: string) => s.split(/\s+/).length;
    if (words(last) <= 4 && words(first) >= 3) t = parts.slice(0, -1).join(sep).trim();
    else if (words(first) <= 3 && words(last) >= 4) t = parts.slice(1).join(sep).trim();
  }
  return t;
}

export function readHtmlMetadata(w: WalkResult, hintUrl: string | null): HtmlMetadata {
  const meta = new Map<string, string>();
  for (const m of w.metas) if (!meta.has(m.key)) meta.set(m.key, m.content);
  const get = (...keys: string[]) => {
    for (const k of keys) {
      const v = meta.get(k);
      if (v?.trim()) return v.trim();
    }
    return null;
  };
  const nodes = ldNodes(w.jsonLd);
  const articles = nodes.filter((o) => typeOf(o).some((t) => ARTICLE_TYPES.test(t)));
  // prefer the node with an article body / headline
  articles.sort((a, b) => score(b) - score(a));
  const ld = articles[0] ?? null;

  // URL
  let url = w.canonical?.trim() || get('og:url') || (ld ? str(ld.url) : null) || hintUrl;
  if (url && !/^https?:\/\//i.test(url)) {
    try {
      url = hintUrl ? new URL(url, hintUrl).href : null;
    } catch {
      url = hintUrl;
    }
  }

  // site name
  let outlet: string | null = get('og:site_name', 'application-name', 'al:ios:app_name', 'twitter:app:name:iphone');
  if (!outlet && ld) {
    const pub = asArray(ld.publisher)[0];
    outlet = str(pub);
  }
  if (!outlet) {
    const org = nodes.find((o) => typeOf(o).some((t) => /^(organization|newsmediaorganization|website)$/i.test(t)));
    if (org) outlet = str(org.name);
  }

  // title
  const ldTitle = ld ? (str(ld.headline) ?? str(ld.name)) : null;
  let title =
    ldTitle ||
    get('dc.title', 'dc:title', 'dcterm:title', 'dcterms:title', 'og:title', 'weibo:article:title', 'title', 'twitter:title', 'parsely-title', 'sailthru.title');
  if (!title && w.titleTag) title = cleanTitleTag(w.titleTag, outlet);
  if (title) title = decodeEntities(title);

  const dek = get('og:description', 'description', 'twitter:description', 'dc.description');

  // byline: the first source, in order of trust, that names at least one person
  const candidates: string[][] = [];
  if (ld) {
    const ldNames: string[] = [];
    for (const a of asArray(ld.author ?? ld.creator)) {
      if (a && typeof a === 'object' && typeOf(a as LdNode).some((t) => /organization/i.test(t))) continue;
      const n = str(a);
      if (n) ldNames.push(n);
    }
    candidates.push(ldNames);
  }
  const metaAuthors = ['author', 'dc.creator', 'dc:creator', 'dcterm:creator', 'dcterms:creator', 'dcterms.creator', 'article:author', 'parsely-author', 'sailthru.author', 'byl']
    .map((k) => meta.get(k))
    .filter((m): m is string => !!m && !/^https?:/.test(m));
  for (const m of metaAuthors) candidates.push([m]);
  candidates.push(w.itemProps.filter((p) => p.prop === 'author').map((p) => p.value));
  candidates.push(w.relAuthors.slice(0, 3));
  for (const t of w.bylineTexts.slice(0, 8)) candidates.push([t]);
  let authors: string[] = [];
  for (const c of candidates) {
    if (!c.length) continue;
    const names = cleanByline(c.join(', '));
    if (names.length) {
      authors = names;
      break;
    }
  }

  // dates
  const published = pickDate(
    [
      [ld ? str(ld.datePublished) : null, 'json-ld'],
      [ld ? str(ld.dateCreated) : null, 'json-ld'],
      [get('article:published_time'), 'meta:article:published_time'],
      [get('og:published_time', 'og:article:published_time'), 'meta:og:published_time'],
      [get('datepublished'), 'meta:datePublished'],
      [get('pubdate', 'publishdate', 'publish-date', 'publish_date', 'date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'dcterms.issued', 'sailthru.date', 'parsely-pub-date', 'article.published', 'published-date', 'cxenseparse:recs:publishtime', 'dc.date.created', 'originalpublicationdate'), 'meta'],
      [w.itemProps.find((p) => p.prop === 'datepublished')?.value ?? null, 'microdata'],
      [pickTime(w, true), 'time-element'],
    ],
  );
  const modified = pickDate([
    [ld ? str(ld.dateModified) : null, 'json-ld'],
    [get('article:modified_time', 'og:updated_time', 'last-modified', 'dcterms.modified', 'datemodified'), 'meta'],
    [w.itemProps.find((p) => p.prop === 'datemodified')?.value ?? null, 'microdata'],
  ]);
  let pub = published;
  if (!pub && url) {
    const d = dateFromUrl(url);
    if (d) pub = toDateInfo(d, 'url');
  }
  if (!pub) {
    for (const t of w.times) {
      const d = parseTextDate(t.text);
      if (d) {
        pub = toDateInfo(d.date, 'time-element', d.raw);
        break;
      }
    }
  }

  const language = normLang(w.lang) ?? normLang(get('og:locale', 'content-language', 'language', 'dc.language')) ?? normLang(ld ? str(ld.inLanguage) : null);
  const credits: string[] = [];
  if (ld) for (const s of asArray(ld.sourceOrganization)) if (str(s)) credits.push(str(s)!);
  const src = get('source', 'article:source', 'dc.source');
  if (src) credits.push(src);
  const articleBody = ld && typeof ld.articleBody === 'string' ? (ld.articleBody as string) : null;
  return {
    title: title?.trim() || null,
    dek: dek ? decodeEntities(dek) : null,
    byline: authors,
    outlet: outlet ? decodeEntities(outlet) : null,
    url: url ?? null,
    published: pub,
    modified,
    language,
    articleBody,
    credits,
  };
}

function score(o: LdNode): number {
  return (typeof o.articleBody === 'string' ? 2 : 0) + (o.headline ? 1 : 0) + (o.datePublished ? 1 : 0);
}

function pickTime(w: WalkResult, published: boolean): string | null {
  const withAttr = w.times.filter((t) => t.datetime);
  const pub = withAttr.find((t) => /publish|pubdate|posted|created/.test(t.names));
  if (pub) return pub.datetime;
  if (!published) return null;
  return withAttr[0]?.datetime ?? null;
}

function pickDate(cands: [string | null, string][]): DateInfo | null {
  for (const [v, source] of cands) {
    if (!v) continue;
    const p = parseIsoDate(v);
    if (p) return toDateInfo(p, source);
  }
  return null;
}

const ENTITIES: Readonly<Record<string, string>> = wordTable({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" });

export function decodeEntities(s: string): string {
  return s
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

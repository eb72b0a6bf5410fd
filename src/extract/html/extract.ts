import { linkedom } from '../../util/lazy.js';
import type { Article, BlockKind } from '../../model/types.js';
import { datesFromLines, findDateline, findOutlet } from '../text/extract.js';
import { selectContent } from './content.js';
import { decodeEntities, readHtmlMetadata } from './metadata.js';
import { prepareHtml } from './prepare.js';
import { walkDom } from './walk.js';

/** What an HTML page gives towards its Article (the fields of the same name), plus what wire detection needs. */
export interface HtmlParts
  extends Pick<Article, 'title' | 'dek' | 'removed' | 'byline' | 'outlet' | 'url' | 'published' | 'modified' | 'language' | 'dateline'> {
  blocks: { text: string; kind: BlockKind }[];
  credits: string[];
  warnings: string[];
  timedOut: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- linkedom's document type is not exported usefully
type AnyDoc = any;

export function parseDocument(html: string): { document: AnyDoc; warnings: string[] } {
  const prepared = prepareHtml(html);
  const { document } = linkedom().parseHTML(prepared.html);
  return { document, warnings: prepared.warnings };
}

export function extractFromHtml(html: string, hintUrl: string | null, deadline: number): HtmlParts {
  const { document, warnings } = parseDocument(html);
  const w = walkDom(document, deadline);
  if (w.timedOut) warnings.push('time budget ran out while reading the page: the result covers the start of the page');
  const meta = readHtmlMetadata(w, hintUrl);
  let sel = selectContent(w, meta.title);
  if (sel.kept.reduce((n, b) => n + b.text.length, 0) < 200) {
    // widgets named like boilerplate may hold the article on unusual pages: retry without names
    const retry = selectContent(w, meta.title, false);
    if (retry.kept.reduce((n, b) => n + b.text.length, 0) > sel.kept.reduce((n, b) => n + b.text.length, 0) * 2) sel = retry;
  }
  const blocks = sel.kept.map((b) => ({ text: b.kind === 'paragraph' ? b.text : b.text, kind: b.kind }));
  const removed = sel.removed;
  const removedTexts = removed.map((r) => r.text);
  let title = meta.title;
  if (!title) {
    const h1 = w.blocks.find((b) => b.tag === 'h1');
    title = h1 ? h1.text : null;
  }
  // the headline repeated at the top of the body (in a div or a paragraph) is not body text
  if (title) {
    const tk = squash(title);
    for (let i = 0; i < Math.min(3, blocks.length); i++) {
      if (squash(blocks[i].text) === tk) {
        removed.push({ text: blocks[i].text, reason: 'headline' });
        blocks.splice(i, 1);
        break;
      }
    }
  }
  let dek = meta.dek;
  if (dek && blocks.length && squash(blocks[0].text) === squash(dek)) dek = null;
  if (dek && dek.length > 400) dek = null;
  const outlet = meta.outlet ?? findOutlet(removedTexts.slice(-30));
  const dateline = findDateline(
    blocks.map((b) => b.text),
    [],
  );
  // visible text is the last resort for dates: labelled lines ("Published: ...", "Updated ..."),
  // before only a date guessed from the URL's path
  let published = meta.published;
  let modified = meta.modified;
  if (!published || published.source === 'url' || !modified) {
    const short = w.blocks.slice(0, 400).filter((b) => b.text.length < 200).map((b) => b.text);
    const v = datesFromLines(short, false, published?.source === 'url' ? published.iso : null);
    if (!published || (published.source === 'url' && v.published)) published = v.published;
    modified ??= v.modified;
  }
  return {
    title: title ? decodeEntities(title) : null,
    dek,
    blocks,
    removed,
    byline: meta.byline,
    outlet,
    url: meta.url,
    published,
    modified,
    language: meta.language,
    dateline,
    credits: [...meta.credits, ...w.bylineTexts],
    warnings,
    timedOut: w.timedOut,
  };
}

/**
 * The text a naive scraper produces from a page: all visible text (scripts, styles and hidden
 * elements dropped; menus, link lists and footers kept), one block per line.
 */
export function renderVisibleText(html: string, deadline = Date.now() + 30_000): string {
  const { document } = parseDocument(html);
  const w = walkDom(document, deadline);
  return w.blocks.map((b) => b.text.replace(/\n+/g, ' ')).join('\n');
}

function squash(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

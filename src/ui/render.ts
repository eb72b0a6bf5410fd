import type { JSX } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** A whole page: the doctype, then the component tree rendered (and escaped) by preact-render-to-string. */
export function renderDocument(page: JSX.Element): string {
  return `<!doctype html>\n${renderToString(page)}\n`;
}

/** A fragment (the live part of a page, fetched again when the story changes). */
export function renderFragment(node: JSX.Element): string {
  return renderToString(node);
}

/**
 * JSON for a <script type="application/json"> element. `<` is escaped so nothing in the data can
 * close the element; U+2028/2029 so that older parsers read it as JSON.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Only http(s) URLs become links; anything else (javascript:, data:, relative) is shown as text. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const u = url.trim();
  if (!/^https?:\/\/[^\s]/i.test(u)) return null;
  try {
    const parsed = new URL(u);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

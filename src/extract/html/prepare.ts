/**
 * Cheap string-level guards run before the DOM parser, so that no page can make parsing slow:
 * a size cap (scripts, styles and comments are stripped first, then the rest is cut) and a
 * nesting cap (tags deeper than `maxDepth` are dropped, their text kept).
 */

export interface PreparedHtml {
  html: string;
  warnings: string[];
}

export const MAX_HTML_CHARS = 3_000_000;
export const MAX_DEPTH = 2_000;

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

export function prepareHtml(html: string, maxChars = MAX_HTML_CHARS, maxDepth = MAX_DEPTH): PreparedHtml {
  const warnings: string[] = [];
  if (html.length > maxChars) {
    const before = html.length;
    html = html
      .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
      .replace(/<style\b[\s\S]*?<\/style\s*>/gi, '')
      .replace(/<!--[\s\S]*?-->/g, '');
    if (html.length > maxChars) {
      html = html.slice(0, maxChars);
      warnings.push(
        `page of ${before} characters cut to its first ${maxChars} characters after removing scripts and styles`,
      );
    }
  }
  return capDepth(rootFragment(html), maxDepth, warnings);
}

/**
 * linkedom builds no implied <html>/<body>: a fragment of sibling blocks (an RSS description, an
 * Atom content, a JSON record's html) would parse into several roots, and only one of them could
 * be the article container. One root element makes every sibling paragraph part of one subtree.
 */
function rootFragment(html: string): string {
  if (/<html[\s>]/i.test(html.slice(0, 65536))) return html;
  const doctype = /^\s*(?:<\?xml[^>]*>\s*)?<!doctype[^>]*>/i.exec(html);
  const at = doctype ? doctype[0].length : 0;
  return `${html.slice(0, at)}<html>${html.slice(at)}</html>`;
}

/** Drops start/end tags nested deeper than `maxDepth` (approximate: void elements and self-closing tags ignored). */
function capDepth(html: string, maxDepth: number, warnings: string[]): PreparedHtml {
  let lt = 0;
  for (let i = html.indexOf('<'); i >= 0 && lt <= maxDepth; i = html.indexOf('<', i + 1)) lt++;
  if (lt <= maxDepth) return { html, warnings };
  const tagRe = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*>/g;
  let depth = 0;
  let max = 0;
  let lower: string | null = null;
  for (let m = tagRe.exec(html); m; m = tagRe.exec(html)) {
    const name = m[2].toLowerCase();
    if (VOID.has(name) || m[0].charCodeAt(m[0].length - 2) === 47 /* "/>" */) continue;
    if (name === 'script' || name === 'style') {
      // skip to the end of raw-text elements
      lower ??= html.toLowerCase();
      const close = lower.indexOf(`</${name}`, tagRe.lastIndex);
      if (m[1] !== '/' && close >= 0) tagRe.lastIndex = close + name.length + 2;
      continue;
    }
    if (m[1] === '/') depth = Math.max(0, depth - 1);
    else depth++;
    if (depth > max) max = depth;
  }
  if (max <= maxDepth) return { html, warnings };
  const parts: string[] = [];
  let last = 0;
  depth = 0;
  tagRe.lastIndex = 0;
  for (let m = tagRe.exec(html); m; m = tagRe.exec(html)) {
    const name = m[2].toLowerCase();
    if (VOID.has(name) || m[0].charCodeAt(m[0].length - 2) === 47) continue;
    const closing = m[1] === '/';
    const d = closing ? depth : depth + 1;
    if (closing) depth = Math.max(0, depth - 1);
    else depth++;
    if (d > maxDepth) {
      parts.push(html.slice(last, m.index));
      last = m.index + m[0].length;
    }
  }
  parts.push(html.slice(last));
  warnings.push(`markup nested ${max} levels deep: tags below level ${maxDepth} were ignored`);
  return { html: parts.join(''), warnings };
}

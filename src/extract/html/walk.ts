/**
 * One iterative pass over the DOM (no recursion, so nesting depth cannot overflow the stack):
 * a flat table of elements in document order and the text blocks between block-level
 * boundaries, plus the metadata carriers met on the way (meta tags, JSON-LD, <time>, itemprop).
 */

export interface ElementInfo {
  tag: string;
  parent: number;
  /** Index one past the last descendant (elements are in pre-order, a subtree is a range). */
  end: number;
  /** Lower-cased id + class + role + itemprop, space separated. */
  names: string;
  /** Blocks owned directly by this element are at indices [firstBlock, ...). */
  depth: number;
}

export interface TextBlock {
  text: string;
  /** Characters of the text that sit inside links. */
  linkChars: number;
  /** Index of the nearest block-level element owning the text. */
  owner: number;
  /** Tag of the owner element. */
  tag: string;
}

export interface MetaTag {
  key: string;
  content: string;
}

export interface TimeTag {
  datetime: string | null;
  text: string;
  names: string;
  /** Block count when the element was met (its position in the text). */
  at: number;
}

export interface ItemProp {
  prop: string;
  value: string;
}

export interface WalkResult {
  elements: ElementInfo[];
  blocks: TextBlock[];
  metas: MetaTag[];
  jsonLd: string[];
  times: TimeTag[];
  itemProps: ItemProp[];
  titleTag: string;
  lang: string | null;
  canonical: string | null;
  relAuthors: string[];
  /** Texts of elements whose names suggest a byline (class/id/rel author). */
  bylineTexts: string[];
  timedOut: boolean;
}

/** Subtrees never shown as text. */
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'button',
  'select',
  'option',
  'textarea',
  'input',
  'head',
  'audio',
  'video',
  'map',
  'dialog',
]);

export const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'br',
  'caption',
  'picture',
  'legend',
]);

interface DomNode {
  nodeType: number;
  localName?: string;
  nodeValue?: string | null;
  textContent?: string | null;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
  getAttribute?(name: string): string | null;
  hasAttribute?(name: string): boolean;
}

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

function attr(n: DomNode, name: string): string | null {
  return n.getAttribute ? n.getAttribute(name) : null;
}

function normalizeSpace(s: string): string {
  return s.replace(/[\s\u00a0\u200b\u2028\u2029\ufeff]+/g, ' ').trim();
}

export function walkDom(root: DomNode, deadline: number): WalkResult {
  const r: WalkResult = {
    elements: [],
    blocks: [],
    metas: [],
    jsonLd: [],
    times: [],
    itemProps: [],
    titleTag: '',
    lang: null,
    canonical: null,
    relAuthors: [],
    bylineTexts: [],
    timedOut: false,
  };
  const { elements, blocks } = r;

  // current inline buffer
  let buf: string[] = [];
  let bufLink = 0;
  let linkDepth = 0;
  let preDepth = 0;
  // stack of open block-level element indices
  const blockStack: number[] = [];

  const flush = () => {
    if (buf.length === 0) return;
    const raw = buf.join('');
    buf = [];
    const text = preDepth > 0 ? raw.replace(/^\n+|\s+$/g, '') : normalizeSpace(raw);
    const owner = blockStack.length ? blockStack[blockStack.length - 1] : -1;
    if (text) {
      blocks.push({
        text,
        linkChars: Math.min(bufLink, text.length),
        owner,
        tag: owner >= 0 ? elements[owner].tag : 'body',
      });
    }
    bufLink = 0;
  };

  // Explicit stack: entries are nodes to enter, or exit markers (negative element index - 1 / special).
  type Frame = { node: DomNode; exit: false } | { exit: true; el: number; block: boolean; link: boolean; pre: boolean };
  const stack: Frame[] = [];
  const pushChildren = (n: DomNode) => {
    const kids: DomNode[] = [];
    if (n.nodeType === 9 || n.nodeType === 11) {
      // document level: the doctype node does not link to its next sibling in linkedom
      const list = (n as unknown as { childNodes?: ArrayLike<DomNode> }).childNodes;
      if (list) for (let i = 0; i < list.length; i++) kids.push(list[i]);
    } else for (let c = n.firstChild; c; c = c.nextSibling) kids.push(c);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i], exit: false });
  };
  stack.push({ node: root, exit: false });
  let parentEl = -1;
  const elStack: number[] = [];
  let steps = 0;

  while (stack.length) {
    if ((++steps & 1023) === 0 && Date.now() > deadline) {
      r.timedOut = true;
      break;
    }
    const f = stack.pop()!;
    if (f.exit) {
      if (f.block) {
        flush();
        blockStack.pop();
      }
      if (f.link) linkDepth--;
      if (f.pre) preDepth--;
      elements[f.el].end = elements.length;
      elStack.pop();
      parentEl = elStack.length ? elStack[elStack.length - 1] : -1;
      continue;
    }
    const n = f.node;
    if (n.nodeType === 3) {
      const v = n.nodeValue ?? '';
      if (v) {
        buf.push(v);
        if (linkDepth > 0) bufLink += normalizeSpace(v).length + 1;
      }
      continue;
    }
    if (n.nodeType === 9 || n.nodeType === 11) {
      pushChildren(n);
      continue;
    }
    if (n.nodeType !== 1) continue;
    const tag = (n.localName ?? '').toLowerCase();

    // metadata carriers (meta, link, title, script, head) hold no text
    if (readHeadElement(n, tag, r, parentEl, elStack.length)) continue;
    const itemprop = attr(n, 'itemprop');
    if (itemprop) readItemProp(n, itemprop, r);
    if (hiddenElement(n, tag)) continue;

    const id = attr(n, 'id') ?? '';
    const cls = attr(n, 'class') ?? '';
    const role = attr(n, 'role') ?? '';
    const names = `${id} ${cls} ${role} ${itemprop ?? ''}`.toLowerCase().trim();
    readBodyMetadata(n, tag, names, r);

    const idx = elements.length;
    elements.push({ tag, parent: parentEl, end: idx + 1, names, depth: elStack.length });
    const block = BLOCK_TAGS.has(tag);
    if (tag === 'br' || tag === 'hr') {
      flush();
      elements[idx].end = idx + 1;
      continue;
    }
    if (tag === 'img') continue;
    if (block) {
      flush();
      blockStack.push(idx);
    }
    const link = tag === 'a';
    if (link) linkDepth++;
    const pre = tag === 'pre';
    if (pre) preDepth++;
    elStack.push(idx);
    parentEl = idx;
    stack.push({ exit: true, el: idx, block, link, pre });
    pushChildren(n);
  }
  flush();
  return r;
}

/**
 * Metadata carriers: <meta>, <link rel=canonical>, <title>, JSON-LD <script>, the whole <head>
 * (read by collectHead), and the language of <html>. True when the element is consumed (nothing in
 * it is text).
 */
function readHeadElement(n: DomNode, tag: string, r: WalkResult, parentEl: number, depth: number): boolean {
  if (tag === 'meta') {
    const key = attr(n, 'property') ?? attr(n, 'name') ?? attr(n, 'itemprop') ?? attr(n, 'http-equiv');
    const content = attr(n, 'content');
    if (key && content) r.metas.push({ key: key.toLowerCase().trim(), content: content.trim() });
    return true;
  }
  if (tag === 'link') {
    const rel = (attr(n, 'rel') ?? '').toLowerCase();
    if (rel.split(/\s+/).includes('canonical') && !r.canonical) r.canonical = attr(n, 'href');
    return true;
  }
  if (tag === 'title') {
    if (!r.titleTag) r.titleTag = normalizeSpace(n.textContent ?? '');
    return true;
  }
  if (tag === 'html') r.lang = attr(n, 'lang') ?? attr(n, 'xml:lang') ?? r.lang;
  if (tag === 'script') {
    const type = (attr(n, 'type') ?? '').toLowerCase();
    if (type.includes('ld+json')) r.jsonLd.push(n.textContent ?? '');
    return true;
  }
  if (tag === 'head') {
    // metadata lives here; walk it but nothing in it is text
    const idx = r.elements.length;
    r.elements.push({ tag, parent: parentEl, end: idx + 1, names: '', depth });
    const sub = collectHead(n);
    for (const m of sub.metas) r.metas.push(m);
    for (const j of sub.jsonLd) r.jsonLd.push(j);
    if (!r.titleTag) r.titleTag = sub.title;
    if (!r.canonical) r.canonical = sub.canonical;
    return true;
  }
  return false;
}

/** schema.org microdata on any element: dates, author, name, headline, publisher. */
function readItemProp(n: DomNode, itemprop: string, r: WalkResult) {
  const p = itemprop.toLowerCase();
  if (p === 'datepublished' || p === 'datemodified' || p === 'datecreated') {
    const v = attr(n, 'datetime') ?? attr(n, 'content') ?? normalizeSpace(n.textContent ?? '');
    if (v) r.itemProps.push({ prop: p, value: v });
  } else if (p === 'author' || p === 'name' || p === 'headline' || p === 'publisher') {
    const v = attr(n, 'content') ?? normalizeSpace(n.textContent ?? '').slice(0, 300);
    if (v) r.itemProps.push({ prop: p, value: v });
  }
}

/** Subtrees a reader never sees: scripts, styles, forms..., the hidden attribute or style, aria-hidden. */
function hiddenElement(n: DomNode, tag: string): boolean {
  if (SKIP.has(tag)) return true;
  if (n.hasAttribute?.('hidden')) return true;
  const style = attr(n, 'style');
  if (style && HIDDEN_STYLE.test(style)) return true;
  return attr(n, 'aria-hidden') === 'true' && tag !== 'body' && tag !== 'html';
}

/** Metadata inside the body: <time> elements, rel=author links, elements named like a byline. */
function readBodyMetadata(n: DomNode, tag: string, names: string, r: WalkResult) {
  if (tag === 'time') {
    r.times.push({ datetime: attr(n, 'datetime'), text: normalizeSpace(n.textContent ?? ''), names, at: r.blocks.length });
  }
  if (tag === 'a') {
    const rel = (attr(n, 'rel') ?? '').toLowerCase();
    if (rel === 'author') r.relAuthors.push(normalizeSpace(n.textContent ?? ''));
  }
  if (/\b(byline|author|authors|writer|by-line|contributor)\b/.test(names) && r.bylineTexts.length < 20) {
    const t = normalizeSpace(n.textContent ?? '');
    if (t && t.length < 200) r.bylineTexts.push(t);
  }
}

function collectHead(head: DomNode): { metas: MetaTag[]; jsonLd: string[]; title: string; canonical: string | null } {
  const metas: MetaTag[] = [];
  const jsonLd: string[] = [];
  let title = '';
  let canonical: string | null = null;
  for (let c = head.firstChild; c; c = c.nextSibling) {
    if (c.nodeType !== 1) continue;
    const tag = (c.localName ?? '').toLowerCase();
    if (tag === 'meta') {
      const key = attr(c, 'property') ?? attr(c, 'name') ?? attr(c, 'itemprop') ?? attr(c, 'http-equiv');
      const content = attr(c, 'content');
      if (key && content) metas.push({ key: key.toLowerCase().trim(), content: content.trim() });
    } else if (tag === 'title') {
      if (!title) title = normalizeSpace(c.textContent ?? '');
    } else if (tag === 'link') {
      const rel = (attr(c, 'rel') ?? '').toLowerCase();
      if (rel.split(/\s+/).includes('canonical') && !canonical) canonical = attr(c, 'href');
    } else if (tag === 'script') {
      const type = (attr(c, 'type') ?? '').toLowerCase();
      if (type.includes('ld+json')) jsonLd.push(c.textContent ?? '');
    }
  }
  return { metas, jsonLd, title, canonical };
}

import type { BlockKind } from '../../model/types.js';
import { boilerplateReason } from '../boilerplate.js';
import type { ElementInfo, TextBlock, WalkResult } from './walk.js';

/**
 * Main-content selection over the flat element table:
 * 1. every text block gets a weight: long, punctuated, link-poor prose counts for its length,
 *    link lists and short fragments count against;
 * 2. weights are summed bottom-up (one reverse pass over the pre-order table) and the element
 *    with the highest total is the article container (a maximum-weight subtree: boilerplate
 *    inside a candidate costs it, so `body` only wins when the page is all article);
 * 3. inside the container, blocks are kept unless they sit in navigation/share/related/caption
 *    widgets (by tag and class/id words), are link lists, or are known boilerplate phrases.
 */

export interface ContentBlock {
  text: string;
  kind: BlockKind;
  tag: string;
}

export interface ContentResult {
  kept: ContentBlock[];
  removed: { text: string; reason: string }[];
  container: number;
}

const NEGATIVE_WORDS = new Set([
  'ad',
  'ads',
  'adv',
  'advert',
  'advertisement',
  'advertising',
  'banner',
  'breadcrumb',
  'breadcrumbs',
  'comment',
  'comments',
  'disqus',
  'footer',
  'gdpr',
  'cookie',
  'cookies',
  'menu',
  'nav',
  'navbar',
  'navigation',
  'related',
  'relatedposts',
  'remark',
  'replies',
  'rss',
  'shoutbox',
  'sidebar',
  'skyscraper',
  'social',
  'sponsor',
  'sponsored',
  'share',
  'sharing',
  'sharebar',
  'newsletter',
  'subscribe',
  'subscription',
  'signup',
  'promo',
  'recommended',
  'recommendations',
  'outbrain',
  'taboola',
  'caption',
  'figcaption',
  'credit',
  'credits',
  'byline',
  'tags',
  'tag',
  'toolbar',
  'modal',
  'popup',
  'trending',
  'popular',
  'pagination',
  'pager',
  'masthead',
  'dateline',
  'timestamp',
  'author',
  'bio',
  'widget',
  'aside',
  'teaser',
  'embed',
  'video',
]);

const NEGATIVE_SUBSTRINGS =
  /related|comment|sharing|share-|-share|social|newsletter|outbrain|taboola|sidebar|breadcrumb|advert|sponsor|promo|recirc|most-?read|most-?popular|read-?more|more-?stories|also-?read|signup|sign-up|subscribe|byline|caption|cookie|consent/;

const POSITIVE_WORDS = new Set(['body', 'content', 'main', 'text', 'story', 'articlebody', 'article-body']);

const ROLE_NEGATIVE = /\b(navigation|banner|complementary|contentinfo|menu|menubar|dialog|alert|search)\b/;

const NEGATIVE_TAGS = new Set(['nav', 'aside', 'footer', 'figcaption', 'figure', 'menu', 'form', 'header', 'address', 'caption']);

const SCORE_NEGATIVE_TAGS = new Set(['nav', 'aside', 'footer', 'menu']);

/** Prose (characters of positively weighted blocks) that makes a widget-named element a section of the article. */
const PROSE_SECTION = 600;

const EMBEDDED_POST = /twitter-tweet|embedded-tweet|tweet-embed|instagram-media/;

function namesNegative(names: string): boolean {
  if (!names) return false;
  if (ROLE_NEGATIVE.test(names)) return true;
  const words = names.split(/[^a-z0-9]+/);
  let neg = false;
  let pos = false;
  for (const w of words) {
    if (!w) continue;
    if (NEGATIVE_WORDS.has(w)) neg = true;
    else if (POSITIVE_WORDS.has(w)) pos = true;
  }
  if (!neg && NEGATIVE_SUBSTRINGS.test(names)) neg = true;
  return neg && !pos;
}

const SENTENCE_END = /[.!?。！？…"”’)\]]\s*$/;

function kindOf(tag: string): BlockKind {
  if (/^h[1-6]$/.test(tag)) return 'heading';
  if (tag === 'li' || tag === 'dd' || tag === 'dt') return 'list';
  if (tag === 'blockquote') return 'quote';
  return 'paragraph';
}

/** Han, kana and Hangul characters: each carries about what a short word does in spaced scripts. */
const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/** Weight of one block for container scoring. */
function weight(b: TextBlock): number {
  const ideographs = (b.text.match(IDEOGRAPHIC) ?? []).length;
  // lengths in "Latin-equivalent" characters, so that unspaced scripts score like spaced ones
  const len = b.text.length + 2 * ideographs;
  const density = b.text.length > 0 ? b.linkChars / b.text.length : 0;
  if (density > 0.5) {
    if (len >= 150 && density < 0.75 && /[.,;:!?]/.test(b.text)) return len * (1 - density) * 0.5;
    return -len * 1.0 - 10;
  }
  if (/^h[1-6]$/.test(b.tag)) return 0;
  // a data table's cells are short by nature: link-free cells are neither prose nor boilerplate
  if ((b.tag === 'td' || b.tag === 'th') && b.linkChars === 0 && len < 80) return 0;
  const words = b.text.split(' ').length + ideographs / 2;
  if (len >= 80 && words >= 10 && density < 0.3) {
    const punct = (b.text.match(/[,.;:!?，。、！？；：]/g) ?? []).length;
    return len * (punct > 0 ? 1 : 0.5) * (1 - density);
  }
  if (len >= 40 && SENTENCE_END.test(b.text) && density < 0.3) return len * 0.5;
  if (density < 0.2) return -2;
  return -Math.min(len, 40) * 0.5 - 5;
}

export function selectContent(w: WalkResult, title: string | null, useNames = true): ContentResult {
  const { elements, blocks } = w;
  const n = elements.length;
  // negative element flags, inherited from the root (pre-order: parent before child)
  const selfNeg = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const e = elements[i];
    if (NEGATIVE_TAGS.has(e.tag) || (useNames && namesNegative(e.names))) selfNeg[i] = 1;
  }
  // for scoring only structural tags count: class names are too often wrong on big wrappers
  const scoreNeg = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (SCORE_NEGATIVE_TAGS.has(elements[i].tag)) scoreNeg[i] = 1;
  const score = new Float64Array(n);
  const goodLen = new Float64Array(n);
  const inNeg = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = elements[i].parent;
    inNeg[i] = scoreNeg[i] || (p >= 0 ? inNeg[p] : 0);
  }
  for (const b of blocks) {
    if (b.owner < 0) continue;
    let wgt = weight(b);
    if (wgt > 0 && b.text.length < 300 && boilerplateReason(b.text)) wgt = -b.text.length;
    if (inNeg[b.owner] && wgt > 0) wgt = -wgt * 0.5;
    score[b.owner] += wgt;
    if (wgt > 0) goodLen[b.owner] += b.text.length;
  }
  for (let i = n - 1; i > 0; i--) {
    const p = elements[i].parent;
    if (p >= 0) {
      score[p] += score[i];
      goodLen[p] += goodLen[i];
    }
  }
  let best = -1;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const t = elements[i].tag;
    if (t === 'head' || t === 'p' || /^h[1-6]$/.test(t) || t === 'li' || t === 'a' || t === 'span') continue;
    if (score[i] >= bestScore) {
      best = i;
      bestScore = score[i];
    }
  }
  // A paragraph-level container only when nothing else scored.
  if (best < 0) {
    for (let i = 0; i < n; i++) {
      if (score[i] > bestScore) {
        best = i;
        bestScore = score[i];
      }
    }
  }
  // Feed pages (infinite scroll, "next post" widgets) put several <article> elements side by
  // side: the page's own article is the first substantial one.
  if (best >= 0) {
    const arts: number[] = [];
    for (let i = best + 1; i < elements[best].end; ) {
      if (elements[i].tag === 'article') {
        if (score[i] > 0) arts.push(i);
        i = elements[i].end;
      } else i++;
    }
    const inArticles = arts.reduce((sum, i) => sum + score[i], 0);
    if (arts.length >= 2 && inArticles >= 0.7 * score[best]) {
      const max = Math.max(...arts.map((i) => score[i]));
      const first = arts.find((i) => score[i] >= 0.25 * max);
      if (first !== undefined) best = first;
    }
  }
  const kept: ContentBlock[] = [];
  const removed: { text: string; reason: string }[] = [];
  if (best < 0) {
    for (const b of blocks) removed.push({ text: b.text, reason: 'no article container' });
    return { kept, removed, container: -1 };
  }
  const lo = best;
  const hi = elements[best].end;
  // a widget-looking element that holds most of the container's prose is the article itself
  for (let i = lo + 1; i < hi; i++) {
    if (!selfNeg[i] || /comment|disqus|repl(y|ies)|respond/.test(elements[i].names)) continue;
    // so is one named like a widget (by class/id, not by tag) that holds several paragraphs of
    // prose: share bars and menus hold none (section ids made from headings: "sharing-with-...")
    const byName = !NEGATIVE_TAGS.has(elements[i].tag);
    if (goodLen[i] >= 0.6 * goodLen[lo] || (byName && goodLen[i] >= PROSE_SECTION)) selfNeg[i] = 0;
  }
  // negative flags relative to the container
  const negBelow = new Uint8Array(n);
  for (let i = lo + 1; i < hi; i++) {
    const p = elements[i].parent;
    // embedded posts (tweets, Instagram) quoted by the article are content
    negBelow[i] = EMBEDDED_POST.test(elements[i].names) ? 0 : selfNeg[i] || (p > lo ? negBelow[p] : 0);
  }
  const titleKey = title ? squash(title) : '';
  for (const b of blocks) {
    if (b.owner < lo || b.owner >= hi) {
      removed.push({ text: b.text, reason: 'outside the article container' });
      continue;
    }
    const len = b.text.length;
    const density = len > 0 ? b.linkChars / len : 0;
    if (b.owner > lo && negBelow[b.owner]) {
      removed.push({ text: b.text, reason: `in ${describe(elements, b.owner, lo, selfNeg)}` });
      continue;
    }
    if (density > 0.5 && !(len >= 150 && density < 0.75)) {
      removed.push({ text: b.text, reason: 'link list' });
      continue;
    }
    const kind = kindOf(b.tag);
    if (kind === 'heading' && titleKey && squash(b.text) === titleKey) {
      removed.push({ text: b.text, reason: 'headline' });
      continue;
    }
    const bp = len < 160 ? boilerplateReason(b.text) : null;
    if (bp) {
      removed.push({ text: b.text, reason: bp });
      continue;
    }
    kept.push({ text: b.text, kind, tag: b.tag });
  }
  trimEdges(kept, removed);
  return { kept, removed, container: best };
}

/** Short non-sentence blocks at the very start or end of the body (labels, dates, "By X") go. */
function trimEdges(kept: ContentBlock[], removed: { text: string; reason: string }[]): void {
  const isFragment = (b: ContentBlock) =>
    b.kind !== 'heading' &&
    b.text.length < 50 &&
    !SENTENCE_END.test(b.text) &&
    !(/[,;]/.test(b.text) && b.text.split(' ').length >= 6);
  while (kept.length > 1 && isFragment(kept[kept.length - 1])) {
    removed.push({ text: kept.pop()!.text, reason: 'fragment after the body' });
  }
  while (kept.length > 1 && (isFragment(kept[0]) || /^by\s/i.test(kept[0].text)) && kept[0].text.length < 80) {
    removed.push({ text: kept.shift()!.text, reason: 'fragment before the body' });
  }
  // the metadata line may sit just under the headline (a heading, or a short line without a full stop)
  for (let i = Math.min(2, kept.length - 2); i >= 0; i--) {
    if (isMetadataLine(kept[i].text) && kept.slice(0, i).every((b) => b.kind === 'heading' || isMetadataLine(b.text) || (b.text.length < 150 && !SENTENCE_END.test(b.text)))) {
      removed.push({ text: kept.splice(i, 1)[0].text, reason: 'metadata line' });
    }
  }
  while (kept.length > 1 && isMetadataLine(kept[kept.length - 1].text)) removed.push({ text: kept.pop()!.text, reason: 'metadata line' });
}

/**
 * A line of labelled fields ("date - Label: value - Label: value"): two or more "Word:" labels
 * between separators, a digit, no sentence. Publishing systems print it above or below the body.
 */
function isMetadataLine(text: string): boolean {
  if (text.length > 200 || !/\d/.test(text)) return false;
  const labels = text.match(/(?:^|[-|·•–—]\s*)\p{L}[\p{L} ]{1,25}:\s/gu) ?? [];
  return labels.length >= 2 && !/[.!?]\s+\p{Lu}/u.test(text);
}

function squash(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function describe(elements: ElementInfo[], i: number, lo: number, selfNeg: Uint8Array): string {
  for (let k = i; k > lo; k = elements[k].parent) {
    if (selfNeg[k]) {
      const e = elements[k];
      return e.names ? `${e.tag}.${e.names.split(/\s+/).slice(0, 3).join('.')}` : e.tag;
    }
  }
  return 'boilerplate widget';
}

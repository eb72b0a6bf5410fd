import type { Article, BlockKind, DateInfo, RemovedBlock } from '../../model/types.js';
import { LINK_LIST_HEADER, boilerplateReason } from '../boilerplate.js';
import { cleanByline } from '../byline.js';
import { type NumericOrder, type ParsedDate, WEEKDAY_ANY_CASE, parseTextDate, textDates, toDateInfo } from '../dates.js';
import { stopwordRatio } from '../language.js';
import { MONTH_PATTERN_ANY_CASE, monthNumber } from '../../text/calendar.js';

/**
 * Plain-text mode: text a scraper flattened (menus, link lists, captions, share prompts and
 * comment boxes mixed into the article), one block per line. Each line gets a class from
 * general signals — length, sentence punctuation, stopword density, headline-list and
 * keyword-list shapes, repetition, known boilerplate phrases of many outlets — then the article
 * is the best-scoring contiguous run of lines (a maximum-sum segment: prose adds, boilerplate
 * costs), cleaned inside: link lists after "Also read"-style headers and runs of headlines go,
 * lone short lines between paragraphs stay as sub-headings. Lines before the run give the
 * title, dek, byline and dates; lines after it give dates, credits and copyright.
 */

/** What plain text gives towards its Article (the fields of the same name), plus what wire detection needs. */
export interface TextParts extends Pick<Article, 'title' | 'dek' | 'removed' | 'byline' | 'outlet' | 'published' | 'modified' | 'dateline'> {
  blocks: { text: string; kind: BlockKind }[];
  /** Lines outside the body that may carry credits (for wire detection). */
  credits: string[];
  warnings: string[];
}

type LineClass = 'good' | 'sentence' | 'short' | 'list' | 'bad' | 'header' | 'end';

interface Line {
  text: string;
  cls: LineClass;
  reason: string | null;
  words: number;
}

const SENT_END = /[.!?。！？…"”»’)؟۔]$/;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g;

/** Headers after which the article is over (comment boxes, footers). */
const END_MARKER =
  /^(more from this section|comments?|\d+ comments?|leave a (comment|reply)|add a comment|post a comment|add yours|\+?\s*there are no comments|join the (conversation|discussion)|related (articles|stories|news|posts)|recommended( for you)?|you (may|might) (also )?like|most (read|popular|viewed)|trending( now)?|explore news|topics\s*:.*|tags\s*:.*|top rated comments|(reader|user)s?'? comments|rating:\s*\d+\s*votes?|view (all )?comments|show comments|share your thoughts.*|what do you think\??|leave a comment.*|explore further|about the author|(über|à propos de|sobre|about) (den autor|l'auteur|o autor|el autor|\p{Lu}\p{L}+ \p{Lu}\p{L}+))$/iu;

/** Editor's notes about where the copy came from: provenance, not article text. */
const NOTE_RE =
  /^\(?\s*(only the headline( and picture)? of this report may have been reworked|this (story|article|report) (has been|was|is) (auto-generated|published|sourced|generated|edited)|(disclaimer|editor'?s note)\s*:|with inputs from|\(?(additional )?reporting by .{3,240}(editing by|$))/i;

/** "Alex on September 17, 2018 at 6:34 am said:" — a reader comment starts. */
const COMMENT_HEADER = /^.{1,60}\b(on|at)\b.{0,40}\d.{0,30}\b(said|says|wrote|writes|commented)\s*:?$/i;

function wordList(t: string): string[] {
  return t.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

function wordCount(t: string): number {
  const cjk = (t.match(CJK) ?? []).length;
  if (cjk > t.length * 0.3) return Math.round(cjk / 2);
  return wordList(t).length;
}

/** "Jane Roe, John Doe, trade talks", "apple, apple logo": image alt texts and keyword lists. */
function isKeywordList(t: string): boolean {
  if (SENT_END.test(t) || t.length > 120) return false;
  const parts = t.split(/\s*,\s*/);
  if (parts.length < 2 || parts.length > 8) return false;
  for (const p of parts) {
    const w = wordList(p);
    if (w.length === 0 || w.length > 4) return false;
    if (stopwordRatio(w) > 0.25) return false;
  }
  return true;
}

/** Navigation bars flattened into one line: "Stock Market LIVE UpdatesStocks to watchREET Result 2025". */
function isGluedNav(t: string): boolean {
  return (t.match(/\p{Ll}\p{Lu}/gu) ?? []).length >= 3 && !/[.!?]\s/.test(t);
}

/** Breadcrumbs: "Home / World News / ...", "Homepage News “Friends of Steel”: Xi and ...". */
function isBreadcrumb(t: string): boolean {
  if (/^(home|homepage|start|inicio|accueil|startseite)\b/i.test(t) && (/\s[/›»>|]\s/.test(t) || /(\.\.\.|…)$/.test(t) || t.split(/\s+/).length <= 6)) return true;
  return /^[^.!?]{0,120}(\s[/›»>]\s[^.!?]{1,60}){2,}$/.test(t);
}

function classify(t: string): { cls: LineClass; reason: string | null } {
  const words = wordCount(t);
  if (LINK_LIST_HEADER.test(t)) return { cls: 'header', reason: 'related-links header' };
  if (END_MARKER.test(t)) return { cls: 'end', reason: boilerplateReason(t) ?? 'end of article' };
  if (NOTE_RE.test(t)) return { cls: 'bad', reason: 'editor note' };
  const bp = boilerplateReason(t);
  if (bp) return { cls: bp === 'legal notice' || bp === 'copyright line' ? 'end' : 'bad', reason: bp };
  if (COMMENT_HEADER.test(t)) return { cls: 'end', reason: 'comment' };
  if (isBreadcrumb(t)) return { cls: 'bad', reason: 'breadcrumb' };
  if (isGluedNav(t)) return { cls: 'bad', reason: 'navigation' };
  if (isKeywordList(t)) return { cls: 'bad', reason: 'image alt text or keywords' };
  const wl = wordList(t);
  // stopword lists cover Latin and Cyrillic scripts; other scripts are judged on length and punctuation
  const letters = (t.match(/\p{L}/gu) ?? []).length;
  const listed = (t.match(/[A-Za-z\u00c0-\u024f\u0400-\u04ff]/g) ?? []).length;
  const sw = listed >= letters * 0.5 ? stopwordRatio(wl) : 0.3;
  const cjk = (t.match(CJK) ?? []).length > t.length * 0.3;
  const punct = SENT_END.test(t) || /[.!?。]\s/.test(t);
  if ((words >= 15 || (cjk && t.length >= 40)) && (sw >= 0.15 || cjk || words >= 30) && (punct || (words >= 25 && sw >= 0.2 && /[,;]/.test(t)))) {
    return { cls: 'good', reason: null };
  }
  if (words >= 5 && punct && (sw >= 0.1 || cjk)) return { cls: 'sentence', reason: null };
  return { cls: 'short', reason: null };
}

function segmentWeight(l: Line): number {
  switch (l.cls) {
    case 'good':
      return l.text.length;
    case 'sentence':
      return l.text.length * 0.5;
    case 'short':
      return -20 - Math.min(l.text.length, 100) * 0.5;
    case 'list':
      return l.text.length * 0.3;
    case 'bad':
      return -40;
    case 'header':
      return -120;
    case 'end':
      return -400;
  }
}

const LIST_MARK = /^(\d{1,3}[.)]\s|[-•*–·▪►✓]\s|\(\w\)\s|[a-z][.)]\s)/;

const HEADING_LIKE = (t: string) => !SENT_END.test(t) || /\?$/.test(t);

/** Plain text beyond this many characters is cut (with a warning): no article is that long. */
export const MAX_TEXT_CHARS = 2_000_000;
/** Lines are classified on their first characters only. */
const CLASSIFY_CHARS = 4000;

/**
 * `hintTitle` is a title given with the input; `hintDate` a date given with it that may be vague
 * (a URL's year and month), which settles the order of an ambiguous numeric date line.
 */
export function extractFromText(content: string, hintTitle: string | null, deadline = Number.POSITIVE_INFINITY, hintDate: string | null = null): TextParts {
  const warnings: string[] = [];
  if (content.length > MAX_TEXT_CHARS) {
    warnings.push(`text of ${content.length} characters cut to its first ${MAX_TEXT_CHARS} characters`);
    content = content.slice(0, MAX_TEXT_CHARS);
  }
  const { lines, seen } = classifyLines(content, deadline, warnings);
  const removed: RemovedBlock[] = [];
  const { bestStart, bestEnd } = articleSegment(lines);
  const before = bestStart >= 0 ? lines.slice(0, bestStart) : lines;
  const after = bestStart >= 0 ? lines.slice(bestEnd + 1) : [];
  // a title given with the input that is only a date ("May 2, 2013, 1:12 PM") is the date line,
  // and the title is to be found in the text
  const titleDate = hintTitle !== null && isDateOnly(hintTitle) ? hintTitle : null;
  const header = readHeader(before, bestStart >= 0 ? lines.slice(bestStart, bestEnd + 1) : [], titleDate ? null : hintTitle);
  const { title, dek, byline, credits } = header;
  for (const r of header.removed) removed.push(r);

  // ----- teaser lists at the end: headline, one-line summary, headline, summary ...
  const body = cutTeaserTail(header.body, removed);
  const kept = keepBody(body, title, seen, removed);
  for (const l of after) {
    credits.push(l.text);
    removed.push({ text: l.text, reason: l.reason ?? 'after the article' });
  }

  // ----- dates, outlet, dateline
  // the lines around the article, those the header took off its top (a date under a dek), and
  // the lines other than prose among the article's first four (a date line under its first
  // paragraph); only labelled dates and lines that are only a date are read from them
  const top = header.body.slice(0, 4).filter((l) => l.cls !== 'good' && l.cls !== 'sentence').map((l) => l.text);
  // and, last, the dateline that opens the article ("WASHINGTON, May 2, 2013 (Reuters) -")
  const opening = kept.length ? DATELINE_RE.exec(kept[0].text) : null;
  const zone = [
    ...(titleDate ? [titleDate] : []),
    ...before.slice(-60).map((l) => l.text),
    ...header.lifted,
    ...top,
    ...after.slice(0, 80).map((l) => l.text),
    ...(opening ? [opening[0].slice(0, -1).trim()] : []),
  ];
  const { published, modified } = datesFromLines(zone, true, hintDate);

  const outlet = findOutlet(before.slice(0, 20).concat(after.slice(-40)).map((l) => l.text.slice(0, 300)));
  const dateline = findDateline(
    kept.slice(0, 2).map((b) => b.text),
    credits.slice(0, 60),
  );
  return { title, dek, blocks: kept, removed, byline, outlet, published, modified, dateline, credits, warnings };
}

/** The text's lines, classified, with how often each (lower-cased) line occurs; repeated lines are boilerplate. */
function classifyLines(content: string, deadline: number, warnings: string[]): { lines: Line[]; seen: Map<string, number> } {
  const rawLines = unwrapHardBreaks(content.replace(/\r\n?/g, '\n').split('\n'));
  const lines: Line[] = [];
  const seen = new Map<string, number>();
  let n = 0;
  for (const r of rawLines) {
    if ((++n & 1023) === 0 && Date.now() > deadline) {
      warnings.push(`time budget ran out after ${lines.length} lines: the rest of the text was not read`);
      break;
    }
    const t = r.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
    if (!t) continue;
    const { cls, reason } = classify(t.length > CLASSIFY_CHARS ? t.slice(0, CLASSIFY_CHARS) : t);
    lines.push({ text: t, cls, reason, words: wordCount(t) });
    const key = t.toLowerCase();
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  for (const l of lines) {
    const count = seen.get(l.text.toLowerCase()) ?? 0;
    if (((l.cls === 'short' || (l.cls === 'sentence' && l.text.length < 100)) && count > 1) || (count > 2 && l.cls !== 'bad' && l.cls !== 'end')) {
      l.cls = 'bad';
      l.reason = 'repeated line';
    }
  }
  markLists(lines);
  return { lines, seen };
}

/**
 * The article: the run of lines with the greatest summed weight (prose counts for, boilerplate
 * against), widened back over prose cut off by a list, a caption or a credit line.
 */
function articleSegment(lines: Line[]): { bestStart: number; bestEnd: number } {
  // maximum-sum segment over line weights
  let bestStart = -1;
  let bestEnd = -1;
  let bestSum = 0;
  let curStart = 0;
  let cur = 0;
  // prose after an end marker (comments, "More from this section") that follows prose is
  // comments or other stories: it counts for little
  let sawGood = false;
  let afterEnd = false;
  for (let i = 0; i < lines.length; i++) {
    let w = segmentWeight(lines[i]);
    if (lines[i].cls === 'good') sawGood = true;
    if (lines[i].cls === 'end' && sawGood) afterEnd = true;
    if (afterEnd && w > 0) w *= 0.1;
    if (cur <= 0) {
      cur = w;
      curStart = i;
    } else cur += w;
    if (cur > bestSum) {
      bestSum = cur;
      bestStart = curStart;
      bestEnd = i;
    }
  }
  // prose just before the segment, cut off by a list, a caption or a credit line, is the
  // article's start (or its dek): take it in rather than lose it
  for (let k = bestStart - 1, gap = 0; bestStart > 0 && k >= 0 && gap <= 6; k--) {
    const c = lines[k].cls;
    if (c === 'header' || c === 'end') break;
    if (c === 'good') {
      bestStart = k;
      gap = 0;
    } else gap++;
  }
  return { bestStart, bestEnd };
}

interface Header {
  title: string | null;
  dek: string | null;
  byline: string[];
  credits: string[];
  removed: RemovedBlock[];
  /** The article's lines once a dek or a title found at its top is taken off. */
  body: Line[];
  /** Lines between a dek at the segment's top and the prose (dates, credits). */
  lifted: string[];
}

/** The header zone before the article (and its first lines): title, dek, byline, credits. */
function readHeader(before: Line[], segment: Line[], hintTitle: string | null): Header {
  let body = segment;
  let title: string | null = null;
  let dek: string | null = null;
  const byline: string[] = [];
  const credits: string[] = [];
  const headerRemoved: RemovedBlock[] = [];
  const lifted: string[] = [];
  const titleKey = hintTitle ? squash(hintTitle) : null;
  for (const l of before) {
    const t = l.text;
    if (!title && titleKey && squash(t) === titleKey) {
      title = t;
      continue;
    }
    if (!title && !titleKey && (l.cls !== 'bad' || l.reason === 'repeated line') && l.cls !== 'header' && l.cls !== 'end' && l.words >= 4 && t.length <= 250 && l.cls !== 'good' && !DATELINE_RE.test(t) && !parseTextDate(t)) {
      title = t;
      continue;
    }
    if (title && squash(t) === squash(title)) {
      headerRemoved.push({ text: t, reason: 'headline repeated' });
      continue;
    }
    if (/^by\s+\p{Lu}/u.test(t) && t.length < 120) {
      byline.push(...cleanByline(t));
      headerRemoved.push({ text: t, reason: 'byline' });
      continue;
    }
    if (title && !dek && (l.cls === 'good' || l.cls === 'sentence' || (l.words >= 10 && l.cls === 'short'))) {
      dek = t;
      continue;
    }
    credits.push(t);
    headerRemoved.push({ text: t, reason: l.reason ?? 'before the article' });
  }
  // a dek at the top of the segment: one sentence followed by header material (credits, dates,
  // "Listen to this article", "Others are reading now") before the prose starts
  if (title && !dek && body.length > 2) {
    const first = body[0];
    let j = 1;
    while (j < body.length && body[j].cls !== 'good' && body[j].cls !== 'sentence') j++;
    const gap = body.slice(1, j);
    if (
      first.text.length <= 320 &&
      gap.length > 0 &&
      gap.every((g) => g.cls === 'bad' || g.cls === 'short' || g.cls === 'header') &&
      gap.some((g) => g.cls === 'bad' || g.cls === 'header')
    ) {
      dek = first.text;
      for (const g of gap) {
        credits.push(g.text);
        lifted.push(g.text);
        headerRemoved.push({ text: g.text, reason: g.reason ?? 'before the article' });
      }
      body = body.slice(j);
    }
  }
  // a title given with the input outranks the text's first line: a headline the text does not open
  // with is still the article's headline, and the first line is its lead, not a second headline. (A
  // first line that is the given title is read as before: lifted when it reads as a headline, kept
  // as the lead when it is a full sentence of prose or the whole text.)
  if (!title && titleKey && !(body.length && squash(body[0].text) === titleKey)) title = hintTitle!.replace(/\s+/g, ' ').trim();
  if (
    !title &&
    body.length > 1 &&
    (HEADING_LIKE(body[0].text) || body[0].cls !== 'good') &&
    body[0].words >= 3 &&
    body[0].text.length <= 200 &&
    !DATELINE_RE.test(body[0].text) &&
    !isDateOnly(body[0].text)
  ) {
    title = body[0].text;
    body = body.slice(1);
  }
  return { title, dek, byline, credits, removed: headerRemoved, body, lifted };
}

/** The lines of the article kept as its blocks; what is dropped goes to `removed` with the reason. */
function keepBody(body: Line[], title: string | null, seen: Map<string, number>, removed: RemovedBlock[]): { text: string; kind: BlockKind }[] {
  const kept: { text: string; kind: BlockKind }[] = [];
  const keptKeys = new Set<string>();
  const tKey = title ? squash(title) : null;
  let inLinkList = false;
  for (let i = 0; i < body.length; i++) {
    const l = body[i];
    const t = l.text;
    const k = squash(t);
    if (l.cls === 'header' || l.cls === 'end') {
      inLinkList = true;
      removed.push({ text: t, reason: l.reason ?? 'related-links header' });
      continue;
    }
    if (l.cls === 'good') inLinkList = false;
    if (inLinkList && l.cls !== 'good') {
      removed.push({ text: t, reason: 'related links' });
      continue;
    }
    if (l.cls === 'bad') {
      removed.push({ text: t, reason: l.reason ?? 'boilerplate' });
      continue;
    }
    if (tKey && k === tKey) {
      removed.push({ text: t, reason: 'headline repeated' });
      continue;
    }
    if ((seen.get(t.toLowerCase()) ?? 0) > 1 && keptKeys.has(t.toLowerCase())) {
      removed.push({ text: t, reason: 'repeated line' });
      continue;
    }
    if (l.cls === 'short') {
      // a run of two or more short lines is a headline list; a lone one is a sub-heading
      const prevShort = i > 0 && body[i - 1].cls === 'short';
      const nextShort = i + 1 < body.length && body[i + 1].cls === 'short';
      const prevBadRun = i > 0 && body[i - 1].cls === 'bad' && i + 1 < body.length && body[i + 1].cls === 'bad';
      if (prevShort || nextShort || prevBadRun) {
        removed.push({ text: t, reason: 'headline list' });
        continue;
      }
      if (l.words <= 1 && !/\p{L}{4,}/u.test(t)) {
        removed.push({ text: t, reason: 'fragment' });
        continue;
      }
      kept.push({ text: t, kind: HEADING_LIKE(t) ? 'heading' : 'paragraph' });
      keptKeys.add(t.toLowerCase());
      continue;
    }
    kept.push({ text: t, kind: l.cls === 'list' ? 'list' : 'paragraph' });
    keptKeys.add(t.toLowerCase());
  }
  // trailing headings/fragments are not content
  while (kept.length && kept[kept.length - 1].kind === 'heading') {
    removed.push({ text: kept.pop()!.text, reason: 'fragment after the body' });
  }
  return kept;
}

/**
 * Lists the article itself introduces ("The recommendations include:") or marks with bullets or
 * numbers: runs of short lines that would otherwise read as a headline list.
 */
function markLists(lines: Line[]): void {
  for (let i = 0; i < lines.length; ) {
    const l = lines[i];
    const intro = /:\s*$/.test(l.text) && l.words >= 2 && (l.cls === 'short' || l.cls === 'sentence' || l.cls === 'good');
    const start = intro ? i + 1 : i;
    if (!intro && l.cls !== 'short') {
      i++;
      continue;
    }
    let z = start;
    while (z < lines.length && lines[z].cls === 'short' && !/:\s*$/.test(lines[z].text)) z++;
    const run = lines.slice(start, z);
    const marked = run.filter((r) => LIST_MARK.test(r.text)).length >= Math.max(2, run.length * 0.6);
    if (run.length >= 2 && run.length <= 40 && (intro || marked)) {
      if (intro && l.cls === 'short') l.cls = 'sentence';
      for (const r of run) r.cls = 'list';
    }
    i = Math.max(z, i + 1);
  }
}

/**
 * The longest tail of the segment in which no two prose lines follow each other (every summary
 * has its headline or label before it) and that holds at least three prose lines: a list of
 * teasers for other articles, not the article.
 */
function cutTeaserTail(body: Line[], removed: RemovedBlock[]): Line[] {
  const prose = (l: Line) => l.cls === 'good' || l.cls === 'sentence';
  let proseCount = 0;
  let cut = body.length;
  for (let i = body.length - 1; i >= 0; i--) {
    if (prose(body[i])) {
      if (i > 0 && prose(body[i - 1])) break;
      proseCount++;
    }
    if (proseCount >= 3 && !prose(body[i])) cut = i;
  }
  if (cut >= body.length) return body;
  const rest = body.slice(0, cut);
  if (rest.filter((l) => l.cls === 'good').length < 2) return body;
  for (const l of body.slice(cut)) removed.push({ text: l.text, reason: 'teasers for other articles' });
  return rest;
}

/**
 * Text hard-wrapped at a fixed width (mail, some feeds, `fmt`): when most lines sit in blocks of
 * several lines whose lines all but the last are 40-100 characters long and the width is steady,
 * the lines of each blank-line separated block are joined into one paragraph.
 */
export function unwrapHardBreaks(lines: string[]): string[] {
  const blocks: string[][] = [];
  let cur: string[] = [];
  for (const l of lines) {
    if (l.trim()) cur.push(l.trim());
    else if (cur.length) {
      blocks.push(cur);
      cur = [];
    }
  }
  if (cur.length) blocks.push(cur);
  let wrapped = 0;
  let total = 0;
  const widths: number[] = [];
  for (const b of blocks) {
    total += b.length;
    if (b.length < 2) continue;
    const inner = b.slice(0, -1);
    if (inner.every((l) => l.length >= 40 && l.length <= 100)) {
      wrapped += b.length;
      for (const l of inner) widths.push(l.length);
    }
  }
  if (total < 6 || wrapped < total * 0.6 || widths.length < 4) return lines;
  widths.sort((a, b) => a - b);
  const spread = widths[Math.floor(widths.length * 0.9)] - widths[Math.floor(widths.length * 0.1)];
  if (spread > 25) return lines;
  const out: string[] = [];
  for (const b of blocks) {
    out.push(b.join(' '));
    out.push('');
  }
  return out;
}

/**
 * The words that label a date line, lower-case: as the publication date, and as an update. One
 * list for reading a label before a date and for taking labels out of a date line (`isDateLine`).
 */
const PUBLISHED_WORDS = ['first published', 'originally published', 'published', 'posted', 'created', 'release', 'for immediate release', 'publicado', 'publié', 'veröffentlicht', 'pubblicato'];
const UPDATED_WORDS = ['last updated', 'updated', 'modified', 'edited', 'actualizado', 'atualizado', 'mis à jour', 'aktualisiert', 'aggiornato'];
/** Words between a label and its date: "Published time:", "Posted on", "publié le", "veröffentlicht am". */
const LABEL_TAIL = '(\\s+(time|date))?\\s*(on|at|le|am|em|el)?\\s*:?\\s*$';
const PUBLISHED_LABEL = new RegExp(`(${PUBLISHED_WORDS.join('|')})${LABEL_TAIL}`);
const UPDATED_LABEL = new RegExp(`(${UPDATED_WORDS.join('|')})${LABEL_TAIL}`);
/** A label word anywhere in a line ("21 July 2013 Last updated at 11:11 GMT"), with "article", "first" and "last" before it. */
const LABEL_WORD = new RegExp(`(?<![\\p{L}])(?:${['last', 'first', 'originally', 'article', ...PUBLISHED_WORDS, ...UPDATED_WORDS, 'on', 'at'].join('|')})(?![\\p{L}])`, 'giu');
/** The end of the text before a date that makes it the end of a range: "June 7 -", "3 March to". */
const RANGE_START = new RegExp(`(?:\\d|\\b(?:${MONTH_PATTERN_ANY_CASE})\\.?)\\s*(?:[-–—]|to|until|through|till)\\s*$`, 'i');
const WEEKDAY_WORD = new RegExp(WEEKDAY_ANY_CASE, 'gi');
const WEEKDAY_AT_END = new RegExp(`${WEEKDAY_ANY_CASE}\\s*,?\\s*$`, 'i');

/**
 * Publication and update dates from visible lines: "First Published: May 09 2025 | 6:47 AM IST",
 * "Last Updated : ...", "Posted on ...", or (when `unlabeled`) a line that is only a date (or a
 * place and a date: "WASHINGTON, DC, April 28, 2009"). Numeric dates both of whose readings are
 * valid (05/02/2013) are read as `numericOrder` says. A date is kept however late it is: whether
 * it lies in the future depends on the day the text is read, which extraction does not look at
 * (the document's own dates judge it: see `laterThanOwnDates`).
 */
export function datesFromLines(lines: string[], unlabeledToo: boolean, hintDate: string | null = null): { published: DateInfo | null; modified: DateInfo | null } {
  let published: DateInfo | null = null;
  let modified: DateInfo | null = null;
  let unlabeled: DateInfo | null = null;
  const clipped = lines.map((line) => (line.length > 300 ? line.slice(0, 300) : line));
  const monthFirst = numericOrder(clipped, hintDate) === 'month-first';
  for (const line of clipped) {
    const t = withYearFrom(line, hintDate);
    const d = parseTextDate(t, monthFirst);
    if (!d) continue;
    // a weekday between the label and its date: "Published on Friday, 27 September 2013"
    const label = t.slice(0, d.index).toLowerCase().replace(WEEKDAY_AT_END, '');
    if (PUBLISHED_LABEL.test(label) && !published) {
      published = toDateInfo(d.date, 'text', line);
    } else if (UPDATED_LABEL.test(label) && !modified) {
      modified = toDateInfo(d.date, 'text', line);
    } else if (unlabeledToo && !unlabeled && isDateLine(t, d.raw)) {
      unlabeled = toDateInfo(d.date, 'text', line);
    }
  }
  if (!published && modified) published = { ...modified, source: 'text:updated' };
  if (!published && unlabeled) published = unlabeled;
  return { published, modified };
}

/**
 * The order in which to read the numeric dates of these lines that can be read both ways
 * (05/02/2013), when no zone is written with them. One rule, from `parseTextDate`'s readings:
 * the order a numeric date of the same lines shows by itself (14/09/2013: day first), else the
 * reading of an ambiguous one that agrees with `hint` (the year and month, or day, of the URL),
 * else month first.
 */
export function numericOrder(lines: string[], hint: string | null): NumericOrder {
  const undecided: Record<NumericOrder, ParsedDate>[] = [];
  for (const t of lines) {
    for (const d of textDates(t, true)) {
      if (d.order) return d.order;
      if (d.readings) undecided.push(d.readings);
    }
  }
  if (hint) {
    const agrees = (p: ParsedDate) => {
      const n = Math.max(7, Math.min(hint.length, 10));
      return p.iso.slice(0, n) === hint.slice(0, n);
    };
    for (const r of undecided) {
      const monthFirst = agrees(r['month-first']);
      if (monthFirst !== agrees(r['day-first'])) return monthFirst ? 'month-first' : 'day-first';
    }
  }
  return 'month-first';
}

/** A place before a date line: "WASHINGTON, ", "Washington D. C., ", "Mumbai, ", "LONDON, England, ". */
const PLACE_BEFORE = /^\s*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}\s*(?:,\s*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}\s*)?,\s*$/u;
/**
 * A date line's month and day without a year, after a place or alone, with a time or an agency:
 * "WASHINGTON, May 2 (Reuters) -", "Mumbai, Nov 11 -", "Jul. 7 5:59 PM EDT".
 */
const NO_YEAR = new RegExp(
  `^((?:[^,]{1,40},(?:[^,]{1,20},)?)?\\s*)(${MONTH_PATTERN_ANY_CASE})\\.?\\s+(\\d{1,2})(?=\\s*(?:\\d{1,2}[:.]\\d{2}[\\s\\p{L}.]{0,12})?(?:\\([^)]{1,40}\\))?\\s*(?:[-–—:]|$))`,
  'iu',
);

/**
 * A date line whose date has no year ("WASHINGTON, May 2 (Reuters) -", "Jul. 7 5:59 PM EDT") with
 * the year of `hint` (the URL's date) written in, when the hint's month is the line's (and its
 * day, when it gives one); any other line unchanged. A year alone says too little to date a day.
 */
function withYearFrom(line: string, hint: string | null): string {
  if (!hint || hint.length < 7) return line;
  const m = NO_YEAR.exec(line);
  if (!m || (m[1].trim() !== '' && !PLACE_BEFORE.test(m[1]))) return line;
  const month = String(monthNumber(m[2])).padStart(2, '0');
  const day = m[3].padStart(2, '0');
  if (hint.slice(5, 7) !== month || (hint.length >= 10 && hint.slice(8, 10) !== day)) return line;
  return `${m[0]}, ${hint.slice(0, 4)}${line.slice(m[0].length)}`;
}

/**
 * A line that is mostly its date: once the date (with its time), weekday names, a label such as
 * "Updated" or "Last updated at 11:11 GMT" and punctuation are taken out, at most a few letters
 * remain (or the date is most of the line). A masthead with today's date next to other widgets, or a sentence that mentions a date,
 * is not one; nor is a range ("June 7 - 9, 2013", "3 March to 5 March 2009"), nor a line that
 * starts "Date".
 */
export function isDateLine(t: string, raw: string): boolean {
  if (/^\s*date\b/i.test(t)) return false;
  const at = t.indexOf(raw);
  if (at < 0) return false;
  const head = t.slice(0, at);
  const tail = t.slice(at + raw.length);
  if (RANGE_START.test(head) || /^\s*(?:[-–—]|to|until|through|till)\s*\d/i.test(tail)) return false;
  // a place before the date, and an agency and a dash after it, make a dateline:
  // "WASHINGTON, DC, April 28, 2009", "Washington D. C., Jul 13, 2009 / 02:00 pm (CNA)"
  const place = PLACE_BEFORE.test(head.replace(WEEKDAY_AT_END, ''));
  // another date on the line ("Posted: Nov 27, 2005 8:20 AM ET Last Updated: Nov 27, 2005 8:10 PM ET")
  let others = `${place ? '' : head} ${place ? tail.replace(/^\s*(?:\([^)]{1,40}\))?\s*[-–—:]?\s*$/, '') : tail}`;
  for (const d of textDates(others, true, 3)) others = others.replace(d.raw, ' ');
  const rest = others
    .replace(WEEKDAY_WORD, ' ')
    .replace(LABEL_WORD, ' ')
    .replace(/\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[aApP]\.?\s?[mM]\.?(?![a-z]))?/g, ' ')
    .replace(/\b(?:utc|gmt|uk)\b/gi, ' ')
    .replace(/\b[A-Z]{1,3}[SD]?T\b/g, ' ');
  return (rest.match(/\p{L}/gu) ?? []).length <= 3 || raw.length >= t.length * 0.6;
}

/** A line (or a title) that is only a date, with its time, weekday or label. */
export function isDateOnly(t: string): boolean {
  const d = t.length <= 120 ? parseTextDate(t, true) : null;
  return d !== null && isDateLine(t, d.raw);
}

function squash(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The outlet named in a copyright line ("Copyrights © 2025 Example Media Private Ltd."). */
export function findOutlet(lines: string[]): string | null {
  for (const t of lines) {
    const m =
      /(?:copyrights?|©|\(c\))\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?:by\s+)?(?:the\s+)?([\p{Lu}][\p{L}\p{N}&'’. -]{1,60}?)(?:\s*,?\s*(?:private|pvt\.?|limited|ltd\.?|inc\.?|llc|plc|gmbh|s\.a\.|corp\.?|corporation|company|co\.|media group|group|all rights reserved)\b|[.,|]|$)/iu.exec(
        t,
      );
    if (m) {
      const name = m[1].trim().replace(/\s+(private|pvt|limited|ltd|inc|llc)$/i, '');
      if (name.length >= 2 && /^\p{Lu}/u.test(name) && !/copyright|rights|reserved|^\d+$/i.test(name) && !/^(the)$/i.test(name)) return name;
    }
  }
  return null;
}

const DATELINE_RE =
  /^([\p{Lu}][\p{Lu}\p{M} .'’-]{1,40}?(?:,\s*[\p{Lu}][\p{L}.]{1,12}(?:\s[\p{Lu}][\p{L}.]{1,12})?)?)(?:,?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s+\d{4})?)?\s*(?:\([^)]{1,40}\))?\s*[-–—:]\s+\S/u;

/** "MOSCOW (Reuters) —", "BUFFALO, N.Y. —", "NEW DELHI:" at the start of the body, or the city after an agency credit. */
export function findDateline(paragraphs: string[], credits: string[]): string | null {
  for (const p of paragraphs.slice(0, 2)) {
    const m = DATELINE_RE.exec(p);
    if (m) {
      const city = m[1].trim().replace(/,$/, '');
      if (city.replace(/[^\p{Lu}]/gu, '').length >= 2 && city === city.toUpperCase()) return titleCase(city);
    }
  }
  for (const c of credits) {
    const m = /^(?:Press Trust of India|PTI|IANS|ANI|Reuters|AFP|AP|Associated Press|Agence France-Presse|Xinhua|TASS|Tass|UPI|Bloomberg|dpa)\s*[,|]?\s+(\p{Lu}[\p{L}.-]+(?:\s\p{Lu}[\p{L}.-]+)?)\s*$/u.exec(c.trim());
    if (m) return m[1];
  }
  return null;
}

function titleCase(s: string): string {
  return s
    .toLowerCase()
    .replace(/(^|[\s,-])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase())
    .replace(/\b([A-Z])\.([a-z])\./g, (_m, a: string, b: string) => `${a}.${b.toUpperCase()}.`);
}

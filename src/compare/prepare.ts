/**
 * The working view of a story: per article its sentences with matching keys, linked entities,
 * quantities, resolved times and quotes; per story the independent-source groups and the date
 * anchor. The cross-check only reads: every annotation comes from analyse, and the story-level
 * facts (independent sources, the story's date) from stories/facts.ts. An article that analyse
 * left without a kind of annotation simply has none of it here.
 */
import { withStoryTypes } from '../analyse/entities/story-types.js';
import { resolveTimes } from '../analyse/time.js';
import type { AnnotatedArticle, EntityMention, Quantity, Quote, Span, TimeExpr, Token } from '../model/types.js';
import { validIsoDay } from '../ingest/validate.js';
import { dispatchGroups, dispatchTextOf } from '../stories/dispatch.js';
import { publicationDay, type SourceGroupOf, sourceFactsOf, sourceGroupsWhy, storyAnchorDay } from '../stories/facts.js';
import { movedWords, type WordToken, wordTokens } from '../text/normalise.js';
import { tokenize } from '../text/tokenize.js';
import { cmp } from './text.js';
import { attachSyntax } from './syntax.js';
import type { CrossCheckMessage, CrossCheckSource, Evidence } from './types.js';

export interface EntityRef {
  key: string;
  name: string;
  type: string;
  span: Span;
}

/** A person or an organisation: who can hold a figure, take part in an act or be a side's source. */
export const isParty = (e: Pick<EntityRef, 'type'>): boolean => e.type === 'PER' || e.type === 'ORG';

export interface Sent {
  /** Story-unique, deterministic: `${articleId}:${index}`. */
  id: string;
  art: ArticleView;
  index: number;
  span: Span;
  tokens: WordToken[];
  keys: Set<string>;
  /**
   * Alignment features besides the keys: its figures and resolved dates as values
   * (`#unit:value:counted`, `@day`), each once; a sentence's features are its keys, then these.
   */
  slots: string[];
  entities: EntityRef[];
  quantities: Quantity[];
  times: ResolvedTime[];
}

export interface ResolvedTime extends TimeExpr {
  /** Resolved value after the story anchor was applied (same as value when analyse resolved it). */
  resolved: string | null;
  resolvedInferred: boolean;
}

export interface QuoteView {
  quote: Quote;
  art: ArticleView;
  /** The sentence where the quote starts (its claims and brief lines are read there). */
  sent: Sent;
  /** The sentence where it ends: `sent` itself unless the quotation runs over several sentences. */
  through?: Sent;
  text: string;
  speakerKey: string | null;
  speakerName: string | null;
}

export interface ArticleView {
  id: string;
  outlet: string;
  group: string;
  text: string;
  published: string | null;
  sentences: Sent[];
  quotes: QuoteView[];
  /** The whole text's tokens (`text/tokenize.ts`), tokenised once per distinct text of the story (`textTokens`); absent in a view built by hand. */
  textTokens?: () => readonly Token[];
  /** Ordinals ("the sixth defense"): read only by the rank conflicts (ranks.ts), not figures of their sentences. */
  ranks?: Quantity[];
  source: CrossCheckSource;
}

export interface StoryView {
  articles: ArticleView[];
  sentences: Sent[];
  anchor: string | null;
  messages: CrossCheckMessage[];
  /** Number of independent groups among the given article ids. */
  independent(ids: Iterable<string>): number;
  byId: Map<string, ArticleView>;
  /** Inverse document frequency of a key over the story's sentences. */
  idf(key: string): number;
}

const TITLE_PREFIX =
  /^(?:(?:the|former|acting|then|late|u\.s\.|us|uk|eu|un|[a-z]+ian|[a-z]+ish|[a-z]+ese|president|vice|prime|minister|secretary|foreign|defen[cs]e|chancellor|speaker|senator|sen\.|rep\.|gov\.|governor|director|chief|general|mr\.?|mrs\.?|ms\.?|dr\.?|king|queen|pope|premier|leader|spokesman|spokeswoman|spokesperson|ambassador|house|state|fbi|kremlin|white)\s+)+/i;

// A story names the same few hundred people and bodies tens of thousands of times: each written
// form is read once (bounded, as the normaliser's caches are)
const CANONICAL = new Map<string, string>();
const CANONICAL_MAX = 100_000;

export function canonicalName(name: string): string {
  let c = CANONICAL.get(name);
  if (c === undefined) {
    c = canonicalNameOf(name);
    if (CANONICAL.size >= CANONICAL_MAX) CANONICAL.clear();
    CANONICAL.set(name, c);
  }
  return c;
}

function canonicalNameOf(name: string): string {
  const n = name.replace(/[’']s$/, '').replace(/\s+/g, ' ').trim();
  let stripped = n.replace(TITLE_PREFIX, '') || n;
  // "Jane Roe of Portugal" → "jane roe" (but "Bank of England" stays)
  const of = /^(\S+\s+\S+(?:\s+\S+)?)\s+of\s+\S+.*$/.exec(stripped);
  if (of && /^\p{Lu}/u.test(of[1])) stripped = of[1];
  return stripped.toLowerCase();
}

export function evidence(sent: Sent, span?: Span): Evidence {
  return { articleId: sent.art.id, span: span ?? { ...sent.span }, sentence: { ...sent.span } };
}

export function sentText(s: Sent): string {
  return s.art.text.slice(s.span.start, s.span.end);
}

/** The outlet, or (unknown outlet) the input's file name, or the start of the article id. */
function outletOf(a: AnnotatedArticle): string {
  const o = a.article.outlet?.trim();
  if (o) return o;
  const base = (a.article.source ?? '').split(/[\\/]/).pop()?.replace(/\.[a-z0-9]{1,5}$/i, '');
  if (base && base !== '-') return base;
  return a.article.docId.slice(0, 12);
}

export function prepareStory(input: { articles: AnnotatedArticle[]; copies: string[][] }): StoryView {
  const messages: CrossCheckMessage[] = [];
  // one name, one person across the story: the story's vote on names the tagger read two ways (analyse/entities/story-types.ts)
  const annotated = withStoryTypes(oneOfEach(input.articles, messages));
  // Independent sources and the story's date: one definition, in stories/facts.ts; rewrites of one
  // dispatch (stories/dispatch.ts) are read here, from the texts the stories stage's copies test misses
  const groupOf = sourceGroupsWhy(annotated.map(sourceFactsOf), input.copies ?? [], dispatchGroups(annotated.map(dispatchTextOf)));
  const find = (id: string) => groupOf.get(id) ?? { group: id, reason: null };
  const anchor = storyAnchorDay(annotated);
  const wordsOf = sentenceWords();
  const articles = annotated.map((a) => articleView(a, find(a.article.docId), anchor, messages, wordsOf));
  linkEntities(articles);
  addFeatures(articles);
  textTokens(articles);
  const sentences = articles.flatMap((a) => a.sentences);
  // (a counter per key: one look-up per key of every sentence, not a look-up and a store)
  const df = new Map<string, { n: number }>();
  const count = (k: string) => {
    const c = df.get(k);
    if (c) c.n++;
    else df.set(k, { n: 1 });
  };
  for (const s of sentences) {
    for (const k of s.keys) count(k);
    for (const k of s.slots) count(k);
  }
  const n = sentences.length;
  const idfOf = new Map<string, number>();
  const byId = new Map(articles.map((a) => [a.id, a]));
  return {
    articles,
    sentences,
    anchor,
    messages,
    byId,
    independent(ids: Iterable<string>) {
      const groups = new Set<string>();
      for (const id of ids) {
        const a = byId.get(id);
        if (a) groups.add(a.group);
      }
      return groups.size;
    },
    idf(k: string) {
      // once per key: facts, the quote ledger and the brief ask for the same keys many times
      let v = idfOf.get(k);
      if (v === undefined) {
        // small stories are scored as if they had 60 sentences, so weights keep a comparable scale
        v = Math.log((Math.max(n, 60) + 1) / ((df.get(k)?.n ?? 0) + 0.5));
        idfOf.set(k, v);
      }
      return v;
    },
  };
}

/** The articles in a deterministic order, one per docId (a later duplicate is reported and left out). */
function oneOfEach(input: AnnotatedArticle[], messages: CrossCheckMessage[]): AnnotatedArticle[] {
  const seen = new Set<string>();
  return [...input]
    .filter((a) => a?.article && typeof a.article.docId === 'string')
    .sort((a, b) => cmp(a.article.docId, b.article.docId))
    .filter((a) => {
      if (seen.has(a.article.docId)) {
        messages.push({ level: 'warning', articleId: a.article.docId, message: 'duplicate article id: later copy ignored' });
        return false;
      }
      seen.add(a.article.docId);
      return true;
    });
}

/** One article as the cross-check reads it: its sentences with their entities, figures and times, and its quotes. */
function articleView(a: AnnotatedArticle, { group, reason }: SourceGroupOf, anchor: string | null, messages: CrossCheckMessage[], wordsOf: SentenceWords): ArticleView {
  const art = a.article;
  const text = typeof art.text === 'string' ? art.text : '';
  const published = publicationDay(art.published);
  const view: ArticleView = {
    id: art.docId,
    outlet: outletOf(a),
    group,
    text,
    published,
    sentences: [],
    quotes: [],
    source: {
      articleId: art.docId,
      outlet: outletOf(a),
      wire: art.wire ?? null,
      sourceGroup: group,
      sourceReason: reason,
      published: art.published?.iso ?? null,
    },
  };
  attachSyntax(view, a.tokens);
  if (!text.trim()) {
    messages.push({ level: 'warning', articleId: art.docId, message: 'article has no text: nothing to cross-check' });
    return view;
  }
  const spans = validSpans(a.sentences, text.length).sort((x, y) => x.start - y.start);
  if (!spans.length) {
    messages.push({ level: 'warning', articleId: art.docId, message: 'article has no sentences from analyse: nothing to cross-check' });
    return view;
  }
  const entities = (a.entities ?? []).filter((e) => okSpan(e.span, text.length));
  const nameOf = new Map((a.entityIndex ?? []).map((e) => [e.id, e.name]));
  // an ordinal ranks its noun ("the sixth defense"): only ranks.ts compares ranks; as a shared
  // figure a rank alone ("the second half") would join sentences of different acts into one fact
  view.ranks = (a.quantities ?? []).filter((q) => okSpan(q.span, text.length) && q.unit === 'ordinal' && Number.isFinite(q.value));
  let quantities = (a.quantities ?? []).filter((q) => okSpan(q.span, text.length) && q.unit !== 'ordinal');
  if (quantities.length > 2000) {
    messages.push({ level: 'warning', articleId: art.docId, message: `${quantities.length} quantities: only the first 2000 are compared` });
    quantities = quantities.slice(0, 2000);
  }
  // relative expressions analyse could not resolve (no publication date) are resolved from the
  // story's date, marked inferred
  let upTimes = (a.times ?? []).filter((t) => okSpan(t.span, text.length));
  if (!published && anchor && upTimes.some((t) => t.value === null && t.anchor)) {
    try {
      upTimes = resolveTimes(upTimes, { iso: anchor, precision: 'day', source: 'story' }, true);
    } catch {
      // keep them unresolved
    }
  }
  const times: ResolvedTime[] = upTimes.map((t) => resolveTime(t, !published));
  const quotes = (a.quotes ?? []).filter((q) => okSpan(q.span, text.length));
  const sorted = <T extends { span: Span }>(xs: T[]) => [...xs].sort((x, y) => x.span.start - y.span.start);
  fillSentences(view, spans, sorted(entities), sorted(quantities), sorted(times), nameOf, wordsOf);
  fillQuotes(view, quotes, nameOf);
  return view;
}

/** The article's sentences, each with the entities, figures and times that start inside it (all sorted by start). */
function fillSentences(view: ArticleView, spans: Span[], sortedEnts: EntityMention[], sortedQ: Quantity[], sortedT: ResolvedTime[], nameOf: Map<string, string>, wordsOf: SentenceWords): void {
  const text = view.text;
  const docId = view.id;
  let ei = 0;
  let qi = 0;
  let ti = 0;
  spans.forEach((span, index) => {
    const { tokens, keys } = wordsOf(text, span.start, span.end);
    const s: Sent = {
      id: `${docId}:${String(index).padStart(4, '0')}`,
      art: view,
      index,
      span: { start: span.start, end: span.end },
      tokens,
      keys,
      slots: [],
      entities: [],
      quantities: [],
      times: [],
    };
    while (ei < sortedEnts.length && sortedEnts[ei].span.start < span.end) {
      const e = sortedEnts[ei++];
      if (e.span.start < span.start) continue;
      const name = e.denotes ? (nameOf.get(e.denotes) ?? e.denotes.replace(/^[A-Z]+:/, '').replace(/_/g, ' ')) : (nameOf.get(e.entity) ?? e.text);
      s.entities.push({ key: canonicalName(name), name, type: e.type, span: e.span });
    }
    while (qi < sortedQ.length && sortedQ[qi].span.start < span.end) {
      const q = sortedQ[qi++];
      if (q.span.start >= span.start && Number.isFinite(q.value)) s.quantities.push(q);
    }
    while (ti < sortedT.length && sortedT[ti].span.start < span.end) {
      const t = sortedT[ti++];
      if (t.span.start >= span.start) s.times.push(t);
    }
    view.sentences.push(s);
  });
}

/**
 * Each article's whole text tokenised when first asked (dated-acts.ts reads the genders from it), a text that two
 * articles or more carry once: near-copies often repeat a whole text. Only a repeated text's tokens are kept for the
 * story; the others are left to the collector after their one reading.
 */
function textTokens(articles: ArticleView[]): void {
  const carried = new Map<string, number>();
  for (const a of articles) carried.set(a.text, (carried.get(a.text) ?? 0) + 1);
  const known = new Map<string, readonly Token[]>();
  for (const a of articles)
    a.textTokens = () => {
      if (carried.get(a.text)! < 2) return tokenize(a.text);
      let tokens = known.get(a.text);
      if (!tokens) known.set(a.text, (tokens = tokenize(a.text)));
      return tokens;
    };
}

type SentenceWords = (text: string, start: number, end: number) => { tokens: WordToken[]; keys: Set<string> };

/**
 * A sentence's word tokens and content keys, normalised once per distinct sentence of the story:
 * syndicated copies repeat most sentences word for word, and tokenising depends only on the
 * sentence's own text, so a repeated one takes the first one's tokens moved to its offsets.
 */
function sentenceWords(): SentenceWords {
  const seen = new Map<string, { tokens: WordToken[]; start: number }>();
  return (text, start, end) => {
    const slice = text.slice(start, end);
    const first = seen.get(slice);
    let tokens: WordToken[];
    if (first) {
      tokens = movedWords(first.tokens, start - first.start);
    } else {
      tokens = wordTokens(text, start, end);
      seen.set(slice, { tokens, start });
    }
    const keys = new Set<string>();
    for (const t of tokens) if (t.content) keys.add(t.key);
    return { tokens, keys };
  };
}

/**
 * The article's quotes with their quoted words and speaker. A quotation can run over several
 * sentences (analyse continues it past "Conant said." into the next quoted sentences): its words are
 * read from the sentence where it starts to the one where it ends, so two outlets citing different
 * sentences of it share words.
 */
function fillQuotes(view: ArticleView, quotes: Quote[], nameOf: Map<string, string>): void {
  const text = view.text;
  const sents = view.sentences;
  for (const q of quotes) {
    const at = sents.findIndex((s) => s.span.start <= q.span.start && q.span.start < s.span.end);
    const sent = sents[at] ?? sents[sents.length - 1];
    if (!sent) continue;
    let last = at < 0 ? sents.length - 1 : at;
    while (last + 1 < sents.length && sents[last + 1].span.start < q.span.end) last++;
    const through = sents[last] ?? sent;
    const segments = quotedSegments(text, q.span, sent.span, sents.slice(at + 1, last + 1).map((s) => s.span));
    const raw = segments.length ? segments.map((g) => text.slice(g.start, g.end)).join(' … ') : text.slice(q.span.start, q.span.end);
    const qt = raw.replace(/^[\s"“”'‘’]+|[\s"“”'‘’,.;:]+$/g, '');
    const spName = (q.speaker ? nameOf.get(q.speaker) : undefined) ?? q.speakerName ?? (q.speaker ? q.speaker.replace(/^[A-Z]+:/, '').replace(/_/g, ' ') : null);
    view.quotes.push({ quote: q, art: view, sent, through, text: qt, speakerKey: spName ? canonicalName(spName) : null, speakerName: spName });
  }
}

/** Each sentence's features for alignment besides its keys: its figures and dates, each once. */
function addFeatures(articles: ArticleView[]): void {
  const add = (s: Sent, f: string) => {
    if (!s.keys.has(f) && !s.slots.includes(f)) s.slots.push(f);
  };
  for (const a of articles)
    for (const s of a.sentences) {
      for (const q of s.quantities) add(s, `#${q.unit}:${+q.value.toPrecision(4)}:${q.counted ? q.counted.toLowerCase() : ''}`);
      for (const t of s.times) if (t.resolved) add(s, `@${t.resolved}`);
    }
}

/**
 * The quoted words of a (partial) quote: spans inside quotation marks in the quote's sentence, and in
 * the `later` sentences it runs over, that overlap the quote's span (analyse's span may stop short
 * of, or run past, the marks). A later sentence adds its quoted words only when it opens with a
 * quotation mark, as a continued quotation does ("...," she said. "It is ..."): quoted words in the
 * middle of a later sentence are a title or another quotation ("... wrote in" Secret Man"), where
 * marks a source pairs wrongly would read narrative as the speaker's. A curly mark may close on a
 * straight one and the reverse (`“I disagree," said X. "The bottom line ...”`: sources mix them), so
 * the attribution between two quoted sentences is not taken for quoted words.
 */
function quotedSegments(text: string, span: Span, sentence: Span, later: Span[] = []): Span[] {
  const out: Span[] = [];
  const from = Math.min(sentence.start, span.start);
  const to = Math.max(sentence.end, later.length ? later[later.length - 1].end : 0, span.end);
  const chunk = text.slice(from, to);
  let k = 0;
  const re = /“([^”"]{2,})[”"]|"([^"”]{2,})["”]|''((?:(?!'').){2,})''|‘([^’]{4,})’(?!\p{L})/gu;
  for (let m = re.exec(chunk); m; m = re.exec(chunk)) {
    const inner = m[1] ?? m[2] ?? m[3] ?? m[4];
    const off = m[0].indexOf(inner);
    const seg = { start: from + m.index + off, end: from + m.index + off + inner.length };
    if (seg.start >= sentence.end) {
      // segments come in text order: the later sentence holding this one's start is at or after the last one's
      while (k < later.length && later[k].end <= seg.start) k++;
      if (k >= later.length || !opensQuoted(text, later[k], seg.start)) continue;
    }
    if (seg.start < span.end && span.start < seg.end) out.push(seg);
  }
  // the span itself is the inside of the quotation marks: nothing to cut
  return out.length === 1 && out[0].start >= span.start - 1 && out[0].end <= span.end + 1 && out[0].end - out[0].start >= span.end - span.start - 2 ? [] : out;
}

/** Whether sentence `s` opens with a quotation mark, or the quoted words at `at` open it (the mark left in the sentence before). */
function opensQuoted(text: string, s: Span, at: number): boolean {
  if (at < s.start) return false;
  return /^\s*["“‘']/.test(text.slice(s.start, Math.min(s.end, s.start + 8))) || (at - s.start <= 4 && /^[\s"“‘']*$/.test(text.slice(s.start, at)));
}

function okSpan(s: Span | null | undefined, len: number): boolean {
  return !!s && Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= len && s.start < s.end;
}

function validSpans(spans: Span[] | undefined, len: number): Span[] {
  return (spans ?? []).filter((s) => okSpan(s, len));
}

function resolveTime(t: TimeExpr, inferred: boolean): ResolvedTime {
  // a stored value that is no real day (written by an older version) counts as unresolved
  if (t.value && /^\d{4}-\d\d-\d\d/.test(t.value) && !validIsoDay(t.value)) return { ...t, resolved: null, resolvedInferred: inferred };
  if (t.value) return { ...t, resolved: t.value, resolvedInferred: t.inferred };
  return { ...t, resolved: null, resolvedInferred: inferred };
}

/**
 * Cross-article linking on names: a name whose tokens are all contained in one longer name of the
 * story ("Roe" → "jane roe", "Doe" → "john doe") takes that name's key.
 */
function linkEntities(articles: ArticleView[]) {
  const freq = new Map<string, number>();
  for (const a of articles) for (const s of a.sentences) for (const e of s.entities) freq.set(e.key, (freq.get(e.key) ?? 0) + 1);
  const names = [...freq.keys()].sort(cmp);
  // Long names (boilerplate tag lists, headlines) are not link targets; a short name links to a
  // longer one it begins or ends ("Roe" → "jane roe", "Doe" → "john doe").
  const multi = names.filter((n) => n.includes(' ') && n.split(' ').length <= 4);
  // proper token prefixes and suffixes of the long names → the long names
  const byPart = new Map<string, string[]>();
  for (const m of multi) {
    const mt = m.split(' ');
    const parts = new Set<string>();
    for (let i = 1; i < mt.length; i++) {
      parts.add(mt.slice(0, i).join(' '));
      parts.add(mt.slice(i).join(' '));
    }
    for (const p of parts) {
      if (!byPart.has(p)) byPart.set(p, []);
      byPart.get(p)!.push(m);
    }
  }
  const map = new Map<string, string>();
  for (const n of names) {
    const candidates = [...(byPart.get(n) ?? [])];
    if (!candidates.length) continue;
    candidates.sort((x, y) => (freq.get(y)! - freq.get(x)!) || cmp(x, y));
    // "Roe" in a story of John and Jane Roe names neither for sure: link only a clear referent
    if (candidates.length > 1 && freq.get(candidates[0])! < 2 * freq.get(candidates[1])!) continue;
    map.set(n, candidates[0]);
  }
  for (const a of articles)
    for (const s of a.sentences)
      for (const e of s.entities) {
        const to = map.get(e.key);
        if (to) e.key = to;
      }
  for (const a of articles)
    for (const q of a.quotes) {
      if (q.speakerKey && map.has(q.speakerKey)) q.speakerKey = map.get(q.speakerKey)!;
    }
}

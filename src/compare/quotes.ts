/**
 * The quote ledger: per speaker, their statements; the same statement in different outlets'
 * wording (translations, truncations, partial quotes) grouped by normalised word overlap,
 * containment and character n-grams. Quotes are grouped only within one speaker, so two outlets
 * quoting different people with the same words stay apart; an unattributed quote joins a
 * speaker's statement only when it is a near-verbatim match.
 *
 * Bounded work: quotes with the same words are one wording before any comparison, and a wording is
 * compared only with those sharing words that are in at most MAX_POSTING wordings (candidate
 * lists), never with every other quote of the story.
 */
import { evidence, type QuoteView, type StoryView } from './prepare.js';
import { charNgrams, clean, cmp, jaccard, wordForms } from './text.js';
import { indexUnion } from '../util/union-find.js';
import { parseOf, reportsClause } from './syntax.js';
import type { QuoteStatement, QuoteWording, SpeakerLedger } from './types.js';

/**
 * A quote as the ledger compares it. A class, not an object literal with a getter: each such
 * literal got its own accessor and so its own hidden class, and the comparisons, which read
 * thousands of quotes, found no shape twice.
 */
class QItem {
  /** Character 4-grams of `norm`, made on first use. */
  private gramSet: Set<string> | null = null;

  constructor(
    readonly q: QuoteView,
    readonly keys: Set<string>,
    /** IDF weight of each key in the story, and their sum. */
    readonly w: Map<string, number>,
    readonly total: number,
    readonly norm: string,
    readonly words: number,
  ) {}

  get grams(): Set<string> {
    return (this.gramSet ??= charNgrams(this.norm, 4));
  }
}

const QUOTE_THRESHOLD = 0.5;
const INDIRECT_THRESHOLD = 0.8;

/** What a quotation's words give, the same for every quote of that text: keys, weights, normalised words. */
type QuoteWords = Pick<QItem, 'keys' | 'w' | 'total' | 'norm' | 'words'>;

function item(q: QuoteView, idf: (k: string) => number, seen: Map<string, QuoteWords>): QItem {
  let words = seen.get(q.text);
  if (!words) seen.set(q.text, (words = quoteWords(q.text, idf)));
  return new QItem(q, words.keys, words.w, words.total, words.norm, words.words);
}

function quoteWords(text: string, idf: (k: string) => number): QuoteWords {
  const toks = wordForms(text);
  const norm = toks.map((t) => t.norm).join(' ');
  const keys = new Set(toks.filter((t) => t.content).map((t) => t.key));
  const w = new Map([...keys].map((k) => [k, Math.max(0.1, idf(k))]));
  let total = 0;
  for (const v of w.values()) total += v;
  return { keys, w, total, norm, words: toks.length };
}

/**
 * The words of `short` appear in `long` as a run of whole words (the padded `long` includes the
 * padded `short`, each padded with a space at both ends), read in place: padding made two copies
 * of both wordings for every pair compared.
 */
export function wordsWithin(short: string, long: string): boolean {
  const n = short.length;
  if (!n) return ` ${long} `.includes('  ');
  for (let i = long.indexOf(short); i >= 0; i = long.indexOf(short, i + 1)) {
    if ((i === 0 || long.charCodeAt(i - 1) === SPACE) && (i + n === long.length || long.charCodeAt(i + n) === SPACE)) return true;
  }
  return false;
}
const SPACE = 32;

/** The same words: equal, one contained in the other, or three or more shared words making up most of both. */
function nearVerbatim(a: QItem, b: QItem): boolean {
  if (a.norm === b.norm) return true;
  const [sh, lo] = a.norm.length <= b.norm.length ? [a, b] : [b, a];
  if (sh.words >= 3 && wordsWithin(sh.norm, lo.norm)) return true;
  // the word count first: most candidates fail it, and it costs less than the similarity
  const shared = sharedWords(a, b);
  return shared >= 3 && shared / Math.max(a.keys.size, b.keys.size) >= 0.7 && quoteSimilarity(a, b) >= 0.8;
}

function quoteSimilarity(a: QItem, b: QItem): number {
  if (a.norm === b.norm) return 1;
  const [s, l] = a.norm.length <= b.norm.length ? [a, b] : [b, a];
  if (s.words >= 3 && wordsWithin(s.norm, l.norm)) return 0.95;
  let shared = 0;
  let sharedW = 0;
  for (const k of a.keys)
    if (b.keys.has(k)) {
      shared++;
      sharedW += a.w.get(k) ?? 0;
    }
  const minW = Math.min(a.total, b.total);
  const maxSize = Math.max(a.keys.size, b.keys.size);
  // IDF-weighted share of the shorter quote: three shared words, or two that make up half of both
  // quotes (words the whole story repeats, such as "tax code" in a tax story, weigh little)
  const wov = minW > 0 ? sharedW / minW : 0;
  // a short quote whose words recur inside a long different one is not the same statement:
  // the shared words must also be a fair part of the longer quote
  const ov = (shared >= 3 && shared / maxSize >= 0.35) || (shared === 2 && shared / maxSize >= 0.5) ? wov : 0;
  if (ov >= 0.8) return ov;
  // character n-grams catch spelling and inflection variants the words miss; sets of very
  // different sizes cannot reach the thresholds
  if (Math.min(a.norm.length, b.norm.length) / Math.max(a.norm.length, b.norm.length, 1) < 0.5) return ov;
  return Math.max(ov, jaccard(a.grams, b.grams));
}

/**
 * Is this quote a statement the ledger lists? The ledger follows the Gender Gap Tracker's quote
 * guidelines: speech only. Analyse classes each cue (Quote.cueClass, data/lexicons/attribution-cues.tsv);
 * belief, perception, evidence and stance ("experts believe", "a poll shows", "backed") are
 * attributions for PolNeAR but not quotes, and a verb of no attribution ("traded him to …") has no
 * class. A quotation without a classed cue (no cue word, or a detector that classes nothing) stays.
 * Quotation marks around a title or a name ("the film “Gone Girl”") or around a word or two with
 * no speaker make a title or a scare quote, not a statement; what a speaker declined or refused
 * to do ("declined to give her surname") is no statement either, nor is reported speech whose words
 * hold no clause (the object of the cue verb, a bare infinitive: syntax.ts `reportsClause`).
 */
export function isStatement(q: QuoteView): boolean {
  const cls = q.quote.cueClass;
  if (cls !== undefined && cls !== 'speech') return false;
  if (cls === undefined && q.quote.kind === 'indirect') return false;
  // what someone declined or refused to do ("declined to give her surname") is no statement
  // (a vow or a promise, "vowed to rebuild", is one)
  if (q.quote.kind === 'indirect' && /^to\s/i.test(q.text) && /^(?:declin|refus)/i.test(q.quote.cue?.verb ?? '')) return false;
  // reported speech reports a clause ("police said *alcohol was a factor*"); what a cue verb takes
  // as its object ("confirmed the revelation", "added 101 yards", "charged with two counts") or a
  // bare infinitive ("hoped to become", "appeared to be", "agreed to lend") is an act, not a statement
  if (q.quote.kind === 'indirect') {
    const tokens = parseOf(q.art);
    if (tokens && !reportsClause(tokens, q.quote.span)) return false;
  }
  // a slogan said in full ("“Make America Great Again,” he said") is a statement; a name in marks
  // inside a paraphrase, with no cue, or after a verb of naming is not
  if (q.quote.kind !== 'indirect' && looksLikeTitle(q.text) && (q.quote.kind === 'partial' || !q.quote.cue || NAMING.test(q.quote.cue.verb))) return false;
  return true;
}

/** Verbs of naming (Levin 1993, 29.3 dub verbs): what they introduce in quotation marks is a name ("dubbed “Operation X”", "voted “Most Likely to Succeed”"). */
const NAMING = /^(call|calls|called|calling|dub|dubs|dubbed|dubbing|name|names|named|naming|title|titled|entitled|label|labels|labeled|labelled|term|termed|nickname|nicknamed|brand|branded|vote|votes|voted|crown|crowned|christen|christened|style|styled)$/i;

/** Words of a title that stay lower case ("Gone with the Wind", "Fire and Fury"). */
const TITLE_SMALL = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'as', 'vs', 'vs.']);

// (one object each: a regular expression written inside the loop is a new object for every word)
const WORDISH = /[\p{L}\p{N}]/u;
const CAPITALISED = /^[\p{Lu}\p{N}]/u;
const LEADING_MARKS = /^[^\p{L}\p{N}]+/u;

/** A short quotation of capitalised words with no sentence punctuation: a title or a name, not speech. */
export function looksLikeTitle(quoted: string): boolean {
  // American style puts the sentence's period inside the marks: “Lopez Tonight.”
  const q = quoted.trim().replace(/[.,]$/, '');
  // a title and its subtitle ("The Secret Man: The Story of ..."): each part a title
  const parts = q.split(/: /);
  if (parts.length === 2) return parts.every((p) => looksLikeTitle(p));
  const words = q.split(/\s+/).filter((w) => WORDISH.test(w));
  if (!words.length || words.length > 8 || /[.!?;]$|[,:;] /.test(q)) return false;
  let small = 0;
  for (const w of words) {
    if (TITLE_SMALL.has(w.toLowerCase())) small++;
    else if (!CAPITALISED.test(w.replace(LEADING_MARKS, ''))) return false;
  }
  return small < words.length;
}

export function buildQuoteLedger(story: StoryView): SpeakerLedger[] {
  const items: QItem[] = [];
  // a quotation syndicated to many outlets is normalised once
  const seen = new Map<string, QuoteWords>();
  const idf = (k: string) => story.idf(k);
  for (const a of story.articles)
    for (const q of a.quotes) {
      if (!isStatement(q)) continue;
      const it = item(q, idf, seen);
      if (it.words < 2 || it.keys.size < 1) continue;
      if (!q.speakerKey && it.words < 4) continue; // scare quotes and terms, not statements
      items.push(it);
    }
  items.sort((x, y) => cmp(x.q.art.id, y.q.art.id) || x.q.quote.span.start - y.q.quote.span.start);
  const bySpeaker = new Map<string, QItem[]>();
  for (const it of items) {
    const k = it.q.speakerKey ?? '';
    if (!bySpeaker.has(k)) bySpeaker.set(k, []);
    bySpeaker.get(k)!.push(it);
  }
  const statements = new Map<string, QItem[][]>();
  for (const [speaker, list] of bySpeaker) {
    if (!speaker) continue;
    statements.set(speaker, cluster(list));
  }
  // Unattributed quotes: attach to a speaker's statement when near-verbatim and unambiguous.
  const rest: QItem[] = [];
  const attributed = new Index([...statements.values()].flat());
  for (const it of bySpeaker.get('') ?? []) {
    const hits = attributed.repeatedBy(it);
    if (hits.size === 1) [...hits][0].push(it);
    else rest.push(it);
  }
  if (rest.length) statements.set('unattributed', cluster(rest));

  const ledgers: SpeakerLedger[] = [];
  for (const [speaker, groups] of statements) {
    const names = new Map<string, number>();
    for (const g of groups) for (const it of g) if (it.q.speakerName && it.q.speakerKey === speaker) names.set(it.q.speakerName, (names.get(it.q.speakerName) ?? 0) + 1);
    const name = [...names].sort((a, b) => b[0].length - a[0].length || b[1] - a[1] || cmp(a[0], b[0]))[0]?.[0] ?? (speaker === 'unattributed' ? 'Unattributed' : speaker);
    const sts = groups.map((g) => statement(story, g));
    // (each statement's first evidence as a key once, not two strings per comparison)
    const first = new Map(sts.map((st) => [st, firstKey(st)]));
    sts.sort((a, b) => b.independentSources - a.independentSources || b.articles.length - a.articles.length || cmp(first.get(a)!, first.get(b)!));
    ledgers.push({ speaker, name, statements: sts });
  }
  // (each ledger's statements told by more than one outlet, counted once)
  const multi = new Map(ledgers.map((l) => [l, l.statements.filter((s) => !s.singleOutlet).length]));
  ledgers.sort(
    (a, b) =>
      Number(a.speaker === 'unattributed') - Number(b.speaker === 'unattributed') ||
      multi.get(b)! - multi.get(a)! ||
      b.statements.length - a.statements.length ||
      cmp(a.speaker, b.speaker),
  );
  let n = 0;
  for (const l of ledgers) for (const s of l.statements) s.id = `Q${++n}`;
  return ledgers;
}

function firstKey(s: QuoteStatement): string {
  const e = s.wordings[0]?.evidence[0];
  return e ? `${e.articleId}:${String(e.span.start).padStart(8, '0')}` : '';
}

/**
 * The attributed quotes of a story by word and by wording, to find the few an unattributed quote
 * can repeat without comparing it with every statement: the quotes with its very wording, and
 * those sharing one of its words that is in at most MAX_POSTING quotes. Shared words are counted
 * per quote over those lists (integers, no set per look-up), and only a quote that can pass
 * `nearVerbatim` by that count is compared.
 */
class Index {
  private readonly items: QItem[] = [];
  private readonly groupAt: QItem[][] = [];
  private readonly byKey = new Map<string, number[]>();
  private readonly byNorm = new Map<string, number[]>();
  /** Per quote: how many of its words are in lists of at most MAX_POSTING quotes. */
  private readonly rareWords: Int32Array;
  /** Per quote: words shared with the quote being looked up (zero between look-ups). */
  private readonly shared: Int32Array;
  /** Per quote: its article's number (look-ups meet thousands of quotes: integers, not ids). */
  private readonly artOf: Int32Array;
  /** The quotes one look-up meets, each once (reused from one look-up to the next: no list per look-up). */
  private readonly touched: Int32Array;
  /** Per quote: 1 when it has the wording of the quote being looked up (zero between look-ups; no string compared per quote met). */
  private readonly sameNorm: Uint8Array;
  private readonly artNo = new Map<string, number>();

  constructor(groups: QItem[][]) {
    for (const g of groups)
      for (const o of g) {
        const i = this.items.length;
        this.items.push(o);
        this.groupAt.push(g);
        for (const k of o.keys) push(this.byKey, k, i);
        push(this.byNorm, o.norm, i);
      }
    this.rareWords = new Int32Array(this.items.length);
    this.shared = new Int32Array(this.items.length);
    this.artOf = new Int32Array(this.items.length);
    this.touched = new Int32Array(this.items.length);
    this.sameNorm = new Uint8Array(this.items.length);
    this.items.forEach((o, i) => {
      let a = this.artNo.get(o.q.art.id);
      if (a === undefined) this.artNo.set(o.q.art.id, (a = this.artNo.size));
      this.artOf[i] = a;
    });
    this.items.forEach((o, i) => {
      for (const k of o.keys) if (this.byKey.get(k)!.length <= MAX_POSTING) this.rareWords[i]++;
    });
  }

  /**
   * The statements holding a quote of another article that `it` repeats near-verbatim, among the
   * quotes with its wording or sharing one of its words in at most MAX_POSTING quotes. The others
   * of those are left without comparing when their shared words rule `nearVerbatim` out: it needs
   * the same wording, one quote's words all in the other's (containment), or three shared words.
   */
  repeatedBy(it: QItem): Set<QItem[]> {
    const touched = this.touched;
    let nTouched = 0;
    // its words in the lists read, in longer lists (shared words those lists do not count), in none
    let read = 0;
    let common = 0;
    let absent = 0;
    for (const k of it.keys) {
      const l = this.byKey.get(k);
      if (!l) absent++;
      else if (l.length > MAX_POSTING) common++;
      else {
        read++;
        for (const o of l) if (this.shared[o]++ === 0) touched[nTouched++] = o;
      }
    }
    for (const o of this.byNorm.get(it.norm) ?? []) {
      if (this.shared[o] === 0) touched[nTouched++] = o;
      this.sameNorm[o] = 1;
    }
    const hits = new Set<QItem[]>();
    const art = this.artNo.get(it.q.art.id) ?? -1;
    for (let t = 0; t < nTouched; t++) {
      const o = touched[t];
      const n = this.shared[o];
      const same = this.sameNorm[o] === 1;
      this.shared[o] = 0;
      this.sameNorm[o] = 0;
      if (this.artOf[o] === art) continue;
      // the counts first: they rule out most quotes without reading them
      const possible = n + common >= 3 || (n === read && absent === 0) || n === this.rareWords[o] || same;
      if (possible && nearVerbatim(this.items[o], it)) hits.add(this.groupAt[o]);
    }
    return hits;
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

/** A word in more wordings than this pairs none of them: it cannot make two of them one statement. */
const MAX_POSTING = 400;

/** How many of its rarest words a wording is looked up by: wordings of one statement share their rare words. */
const BLOCKING_WORDS = 4;

/**
 * Pairs (i < j) of wordings that share one of the BLOCKING_WORDS rarest words of either (words in
 * at most MAX_POSTING wordings) and two words in all (or all words of a one-word quote): the only
 * ones that can be similar enough. Work is bounded by wordings × BLOCKING_WORDS × MAX_POSTING.
 */
function candidatePairs(list: QItem[]): [number, number][] {
  const index = new Map<string, number[]>();
  list.forEach((it, i) => {
    for (const k of it.keys) push(index, k, i);
  });
  const n = list.length;
  const seen = new Set<number>();
  const out: [number, number][] = [];
  list.forEach((it, i) => {
    for (const { l } of rarest(it.keys, index)) {
      if (l.length > MAX_POSTING) break;
      for (const j of l) {
        if (j === i) continue;
        const a = i < j ? i : j;
        const b = i < j ? j : i;
        const code = a * n + b;
        if (seen.has(code)) continue;
        seen.add(code);
        if (sharedWords(list[a], list[b]) >= Math.min(2, list[a].keys.size, list[b].keys.size)) out.push([a, b]);
      }
    }
  });
  return out.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

/**
 * The BLOCKING_WORDS rarest of `keys` (shortest list in `index` first, ties by key) with their lists:
 * kept in order as they are met, rather than every key sorted for each wording.
 */
function rarest(keys: Set<string>, index: Map<string, number[]>): { k: string; l: number[] }[] {
  const rare: { k: string; l: number[] }[] = [];
  for (const k of keys) {
    const l = index.get(k)!;
    let p = rare.length;
    while (p > 0 && (rare[p - 1].l.length > l.length || (rare[p - 1].l.length === l.length && cmp(rare[p - 1].k, k) > 0))) p--;
    if (p >= BLOCKING_WORDS) continue;
    rare.splice(p, 0, { k, l });
    if (rare.length > BLOCKING_WORDS) rare.pop();
  }
  return rare;
}

function sharedWords(a: QItem, b: QItem): number {
  let shared = 0;
  for (const k of a.keys) if (b.keys.has(k)) shared++;
  return shared;
}

/**
 * Groups one speaker's quotes into statements. Quotes with the same normalised words are one
 * wording and join at once (a statement syndicated to hundreds of outlets costs one entry, and
 * its words do not crowd the index); the distinct wordings are then compared in candidate pairs.
 */
function cluster(list: QItem[]): QItem[][] {
  const byNorm = new Map<string, number>();
  const wordings: QItem[][] = [];
  for (const it of list) {
    const w = byNorm.get(it.norm);
    if (w === undefined) {
      byNorm.set(it.norm, wordings.length);
      wordings.push([it]);
    } else wordings[w].push(it);
  }
  const reps = wordings.map((w) => w[0]);
  // reported speech is paraphrase: it joins a statement only when nearly the same words; a
  // wording counts as a quotation when one of its quotes is one
  const quoted = wordings.map((w) => w.some((it) => it.q.quote.kind !== 'indirect'));
  const { find, union } = indexUnion(reps.length);
  for (const [i, j] of candidatePairs(reps)) {
    const need = quoted[i] && quoted[j] ? QUOTE_THRESHOLD : INDIRECT_THRESHOLD;
    if (quoteSimilarity(reps[i], reps[j]) >= need) union(i, j);
  }
  const groups = new Map<number, QItem[]>();
  wordings.forEach((w, i) => {
    const r = find(i);
    if (!groups.has(r)) groups.set(r, []);
    groups.get(r)!.push(...w);
  });
  return [...groups.values()];
}

function statement(story: StoryView, g: QItem[]): QuoteStatement {
  const byNorm = new Map<string, QItem[]>();
  for (const it of g) {
    if (!byNorm.has(it.norm)) byNorm.set(it.norm, []);
    byNorm.get(it.norm)!.push(it);
  }
  const wordings: QuoteWording[] = [...byNorm.values()].map((its) => {
    its.sort((a, b) => cmp(a.q.art.id, b.q.art.id) || a.q.quote.span.start - b.q.quote.span.start);
    const articles = [...new Set(its.map((x) => x.q.art.id))].sort(cmp);
    return {
      text: clean(its[0].q.text),
      kind: its[0].q.quote.kind,
      articles,
      outlets: [...new Set(articles.map((id) => story.byId.get(id)!.outlet))],
      evidence: its.map((x) => evidence(x.q.sent, { ...x.q.quote.span })),
    };
  });
  wordings.sort((a, b) => b.articles.length - a.articles.length || cmp(a.articles[0], b.articles[0]) || a.evidence[0].span.start - b.evidence[0].span.start);
  const articles = [...new Set(g.map((x) => x.q.art.id))].sort(cmp);
  let relation: QuoteStatement['relation'];
  if (wordings.length === 1) relation = articles.length > 1 ? 'identical' : 'single';
  else {
    const norms = [...byNorm.keys()].sort((a, b) => a.length - b.length);
    const contained = norms.every((n, i) => i === norms.length - 1 || norms.slice(i + 1).some((m) => wordsWithin(n, m)));
    relation = contained ? 'truncation' : 'variant';
  }
  const outlets = new Set(articles.map((id) => story.byId.get(id)!.outlet));
  return { id: '', wordings, relation, articles, independentSources: story.independent(articles), singleOutlet: outlets.size <= 1 };
}

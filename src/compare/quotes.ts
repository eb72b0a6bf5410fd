/**
 * The quote ledger: per speaker, their statements; the same statement in different outlets'
 * wording (translations, truncations, partial quotes) grouped by normalised word overlap,
 * containment and character n-grams. Quotes are grouped only within one speaker, so two outlets
 * quoting different people with the same words stay apart; an unattributed quote joins a
 * speaker's statement only when it is a near-verbatim match. No join holds two wordings whose
 * claims are opposite (quote-claims.ts: the words drop "not" and "than").
 *
 * Bounded work: quotes with the same words are one wording before any comparison, and a wording is
 * compared only with those sharing words that are in at most MAX_POSTING wordings (candidate
 * lists), never with every other quote of the story.
 */
import { evidence, type QuoteView, type StoryView } from './prepare.js';
import { charNgrams, clean, cmp, jaccard, wordForms } from './text.js';
import { indexUnion } from '../util/union-find.js';
import { samePart } from '../analyse/entities/link.js';
import { splitSentences } from '../text/tokenize.js';
import { parseOf, reportsClause } from './syntax.js';
import { claimsAt, describedSpeaker, opposedClaims, type QuoteClaims } from './quote-claims.js';
import type { Evidence, QuoteStatement, QuoteWording, SpeakerLedger } from './types.js';

/**
 * A quote as the ledger compares it. A class, not an object literal with a getter: each such
 * literal got its own accessor and so its own hidden class, and the comparisons, which read
 * thousands of quotes, found no shape twice.
 */
class QItem {
  /** Character 4-grams of `norm`, made on first use. */
  private gramSet: Set<string> | null = null;
  /** The acts the wording states, asserted or denied (quote-claims.ts), read on first use. */
  private claimSet: QuoteClaims | null | undefined = undefined;

  constructor(
    readonly q: QuoteView,
    readonly keys: Set<string>,
    /** IDF weight of each key in the story, and their sum. */
    readonly w: Map<string, number>,
    readonly total: number,
    readonly norm: string,
    readonly words: number,
    /** Where the wording's words are in its article: the quote's span, or one sentence of it (`sentencesOf`); null when not found. */
    private readonly at: { start: number; end: number } | null = q.quote.span,
  ) {}

  get grams(): Set<string> {
    return (this.gramSet ??= charNgrams(this.norm, 4));
  }

  get claims(): QuoteClaims | null {
    if (this.claimSet === undefined) this.claimSet = this.at ? claimsAt(this.q.art, this.at) : null;
    return this.claimSet;
  }
}

const QUOTE_THRESHOLD = 0.5;
const INDIRECT_THRESHOLD = 0.8;

/** What a quotation's words give, the same for every quote of that text: keys, weights, normalised words. */
type QuoteWords = Pick<QItem, 'keys' | 'w' | 'total' | 'norm' | 'words'>;

/** What two wordings are compared by: their words and character 4-grams, and what they claim when read in an article. */
type Comparable = QuoteWords & { readonly grams: Set<string>; readonly claims?: QuoteClaims | null };

/** Words of a text outside the ledger (no quote behind it), for a comparison. */
function comparable(text: string, idf: (k: string) => number): Comparable {
  const words = quoteWords(text, idf);
  let grams: Set<string> | null = null;
  return { ...words, get grams() { return (grams ??= charNgrams(words.norm, 4)); } };
}

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

/**
 * The same words: equal, one contained in the other, or three or more shared words making up most of
 * both; and, read in their articles, not opposite claims (`sameClaim`).
 */
function nearVerbatim(a: Comparable, b: Comparable): boolean {
  if (a.norm === b.norm) return true;
  const [sh, lo] = a.norm.length <= b.norm.length ? [a, b] : [b, a];
  if (sh.words >= 3 && wordsWithin(sh.norm, lo.norm)) return sameClaim(a, b);
  // the word count first: most candidates fail it, and it costs less than the similarity
  const shared = sharedWords(a, b);
  return shared >= 3 && shared / Math.max(a.keys.size, b.keys.size) >= 0.7 && quoteSimilarity(a, b) >= 0.8 && sameClaim(a, b);
}

/**
 * Two wordings whose words match do not say opposite things: an act asserted in one and denied or set
 * aside in the other, or an act and its antonym (quote-claims.ts). The word keys cannot see it: "not"
 * and "than" are stopwords.
 */
function sameClaim(a: Comparable, b: Comparable): boolean {
  return !opposedClaims(a.claims ?? null, b.claims ?? null);
}

function quoteSimilarity(a: Comparable, b: Comparable): number {
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
  const speakerOf = spellingVariants(items);
  for (const it of items) {
    const k = speakerOf(it);
    if (!bySpeaker.has(k)) bySpeaker.set(k, []);
    bySpeaker.get(k)!.push(it);
  }
  const statements = new Map<string, QItem[][]>();
  // groups an excerpt joined: their brief line needs the speaker named where it cites (`joinsOf`)
  const excerpts = new Set<QItem[]>();
  for (const [speaker, list] of bySpeaker) {
    if (!speaker) continue;
    statements.set(speaker, cluster(list, excerpts));
  }
  // Unattributed quotes: attach to a speaker's statement when near-verbatim and unambiguous.
  const rest: QItem[] = [];
  const attributed = new Index([...statements.values()].flat());
  // (groups given an unattributed quote: their brief line needs the speaker named where it cites too)
  const attached = new Set<QItem[]>();
  for (const it of bySpeaker.get('') ?? []) {
    // (a quote whose sentence describes its speakers, "those who said", is theirs, not a named speaker's)
    const hits = describedSpeaker(it.q) ? new Set<QItem[]>() : attributed.repeatedBy(it);
    if (hits.size === 1) {
      const [g] = hits;
      g.push(it);
      attached.add(g);
    } else rest.push(it);
  }
  if (rest.length) statements.set('unattributed', cluster(rest, excerpts));

  const ledgers: SpeakerLedger[] = [];
  for (const [speaker, groups] of statements) {
    const names = new Map<string, number>();
    for (const g of groups) for (const it of g) if (it.q.speakerName && speakerOf(it) === speaker) names.set(it.q.speakerName, (names.get(it.q.speakerName) ?? 0) + 1);
    const name = [...names].sort((a, b) => b[0].length - a[0].length || b[1] - a[1] || cmp(a[0], b[0]))[0]?.[0] ?? (speaker === 'unattributed' ? 'Unattributed' : speaker);
    const sts = groups.map((g) => {
      const st = statement(story, g);
      JOINED.set(st, { excerpt: excerpts.has(g), spelling: g.some((it) => speakerOf(it) !== (it.q.speakerKey ?? '')), attached: attached.has(g) });
      return st;
    });
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

/**
 * Statements the ledger made by a join that is not word overlap of two wordings of one speaker key:
 * a second spelling of the speaker's name, an excerpt of a long quotation, or a quote with no speaker
 * attached by its words. A wrong join of any kind puts a speaker in the brief that one outlet does not
 * name, so the brief's quote line takes such a statement only where every sentence it cites names the
 * speaker (brief.ts `namedWhereCited`).
 */
const JOINED = new WeakMap<QuoteStatement, Joins>();

/** How a statement's wordings were joined besides word overlap within one speaker key. */
export interface Joins {
  /** A quote whose speaker is another spelling of the ledger's name. */
  spelling: boolean;
  /** A quotation joined as one sentence of a long quotation. */
  excerpt: boolean;
  /**
   * A quote with no speaker joined by its words alone: an outlet's "those who said the levy helps
   * farmers" shares its words with another's "most voters said the levy does more to hurt farmers
   * than help", and the line would give it the other outlet's speaker.
   */
  attached: boolean;
}

/** The joins a statement holds; a statement this ledger did not make counts as joined every way. */
export function joinsOf(s: QuoteStatement): Joins {
  return JOINED.get(s) ?? { spelling: true, excerpt: true, attached: true };
}

/**
 * Each quote's speaker key, with the spellings of one name in different outlets made one: a
 * transliteration or a typo ("Karolos" / "Carolos Papoulias") is a name of as many words whose words
 * are each the same part (`samePart`, the linker's test: one edit in words of six letters or more),
 * sharing its first or last word exactly. The key quoted most stands for the others (ties: the first
 * in order), so the outcome does not depend on the order of the articles. Two spellings one article
 * names both of (as speakers or as people it mentions) are two people and stay apart. Only a quote
 * whose speaker is written by name moves: one resolved from a pronoun or a description ("he", "the
 * minister") keeps its key, since the name behind it is the resolver's guess, not the outlet's spelling.
 */
function spellingVariants(items: QItem[]): (it: QItem) => string {
  const count = new Map<string, number>();
  const arts = new Map<string, Set<string>>();
  const note = (k: string, id: string) => {
    if (!arts.has(k)) arts.set(k, new Set());
    arts.get(k)!.add(id);
  };
  // (whether each quote names its speaker as written, read once: the ledger asks each quote's key three times)
  const named = new Map<QItem, boolean>();
  for (const it of items) {
    const k = it.q.speakerKey;
    const asWritten = !!k && namedAsWritten(it.q);
    named.set(it, asWritten);
    if (!k || !asWritten) continue;
    count.set(k, (count.get(k) ?? 0) + 1);
  }
  if (count.size < 2) return (it) => it.q.speakerKey ?? '';
  for (const it of items) if (it.q.speakerKey) note(it.q.speakerKey, it.q.art.id);
  // (the people each article names: two spellings side by side are two people, "Andrea" and "Andrew Smith")
  const artsSeen = new Set<string>();
  for (const it of items) {
    const a = it.q.art;
    if (artsSeen.has(a.id)) continue;
    artsSeen.add(a.id);
    for (const sn of a.sentences) for (const e of sn.entities) if (count.has(e.key)) note(e.key, a.id);
  }
  // (the smaller set read against the larger)
  const apart = (a: string, b: string) => {
    const [x, y] = arts.get(a)!.size <= arts.get(b)!.size ? [arts.get(a)!, arts.get(b)!] : [arts.get(b)!, arts.get(a)!];
    for (const id of x) if (y.has(id)) return false;
    return true;
  };
  const keys = [...count.keys()].sort((a, b) => count.get(b)! - count.get(a)! || cmp(a, b));
  const to = new Map<string, string>();
  // representatives by word count and first or last word: a variant shares one of them exactly
  const byEnd = new Map<string, string[]>();
  for (const k of keys) {
    const words = k.split(' ');
    if (words.length < 2) continue;
    const ends = [`${words.length}<${words[0]}`, `${words.length}>${words[words.length - 1]}`];
    // (the most quoted few of each list: a story of thousands of speakers "the …" compares each with a bounded number)
    const rep = ends.flatMap((e) => (byEnd.get(e) ?? []).slice(0, MAX_SPELLINGS)).find((r) => r.split(' ').every((w, i) => samePart(w, words[i])) && apart(r, k));
    if (rep) {
      to.set(k, rep);
      continue;
    }
    for (const e of ends) push(byEnd, e, k);
  }
  return (it) => {
    const k = it.q.speakerKey ?? '';
    return (named.get(it) ?? namedAsWritten(it.q)) ? (to.get(k) ?? k) : k;
  };
}

/** The words of a text as a name is matched: lower case, without a possessive ("Quill's"). */
export function nameWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}'’-]+/u)
    .map((w) => w.replace(/['’]s?$/, ''))
    .filter(Boolean);
}

/** The quote's speaker as the article writes it holds a word of its speaker key: a name, not "he" or "the minister". */
export function namedAsWritten(q: QuoteView): boolean {
  const sp = q.quote.speakerSpan;
  if (!sp || !q.speakerKey) return false;
  const written = new Set(nameWords(q.art.text.slice(sp.start, sp.end)));
  return nameWords(q.speakerKey).some((w) => written.has(w));
}

/** How many speakers sharing a first or last word a speaker is compared with for spelling: the most quoted. */
const MAX_SPELLINGS = 64;

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

function sharedWords(a: Comparable, b: Comparable): number {
  let shared = 0;
  for (const k of a.keys) if (b.keys.has(k)) shared++;
  return shared;
}

/**
 * Groups one speaker's quotes into statements. Quotes with the same normalised words are one
 * wording and join at once (a statement syndicated to hundreds of outlets costs one entry, and
 * its words do not crowd the index); the distinct wordings are then compared in candidate pairs.
 */
function cluster(list: QItem[], excerpts: Set<QItem[]>): QItem[][] {
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
  const parts = new Map<number, QItem[]>();
  const byExcerpt: number[] = [];
  for (const [i, j] of candidatePairs(reps)) {
    const need = quoted[i] && quoted[j] ? QUOTE_THRESHOLD : INDIRECT_THRESHOLD;
    if (quoteSimilarity(reps[i], reps[j]) >= need) {
      if (sameClaim(reps[i], reps[j])) union(i, j);
    }
    else if (quoted[i] && quoted[j] && excerptOf(reps, parts, i, j)) {
      union(i, j);
      byExcerpt.push(i);
    }
  }
  const groups = new Map<number, QItem[]>();
  wordings.forEach((w, i) => {
    const r = find(i);
    if (!groups.has(r)) groups.set(r, []);
    groups.get(r)!.push(...w);
  });
  for (const i of byExcerpt) excerpts.add(groups.get(find(i))!);
  return [...groups.values()];
}

/**
 * One quotation is a sentence of the other, in near the same words: an outlet that cites one sentence
 * of a long quotation another gives in full ("It was actually man-coverage, and he made a smart play
 * by dropping off of Dennis" in one, inside five sentences of the same speaker in another). Word
 * overlap over the whole of the long one cannot see it. Each sentence of the longer is read as a
 * wording of its own (made once per wording, in `parts`).
 */
function excerptOf(reps: QItem[], parts: Map<number, QItem[]>, i: number, j: number): boolean {
  const [sh, lo] = reps[i].words <= reps[j].words ? [i, j] : [j, i];
  if (reps[sh].words < MIN_EXCERPT_WORDS) return false;
  let ps = parts.get(lo);
  if (!ps) parts.set(lo, (ps = sentencesOf(reps[lo])));
  // (a sentence of another size cannot be the same words: containment was tested on the whole)
  const n = reps[sh].words;
  return ps.length > 1 && ps.some((p) => p.words <= 2 * n && 2 * p.words >= n && nearVerbatim(reps[sh], p));
}

/**
 * The sentence of the long wording `long` that the wording `short` cites near word for word (see
 * `excerptOf`), else `long` itself: what a reader should see beside the excerpt.
 */
export function citedSentence(short: string, long: string): string {
  const uniform = () => 1;
  const a = comparable(short, uniform);
  const parts = splitSentences(long);
  if (a.words < MIN_EXCERPT_WORDS || parts.length < 2) return long;
  for (const sp of parts) {
    const text = long.slice(sp.start, sp.end);
    if (nearVerbatim(a, comparable(text, uniform))) return text.trim();
  }
  return long;
}

/** An excerpt this short ("a funny game") is too common a phrase to tie two quotations. */
const MIN_EXCERPT_WORDS = 6;

/** The sentences of a wording as wordings, weighed as the wording's words are. */
function sentencesOf(it: QItem): QItem[] {
  const idf = (k: string) => it.w.get(k) ?? 0.1;
  const { span } = it.q.quote;
  return splitSentences(it.q.text).map((sp) => {
    const text = it.q.text.slice(sp.start, sp.end);
    const words = quoteWords(text, idf);
    // (the sentence in the article, for its claims: the quote's text may be its segments joined)
    const at = it.q.art.text.indexOf(text.trim(), span.start);
    const where = at >= 0 && at < span.end ? { start: at, end: at + text.trim().length } : null;
    return new QItem(it.q, words.keys, words.w, words.total, words.norm, words.words, where);
  });
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
      evidence: its.map((x) => quoteEvidence(x.q)),
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

/** Where a quote is: its span, and the sentences it runs over (the one where it starts to the one where it ends). */
function quoteEvidence(q: QuoteView): Evidence {
  const e = evidence(q.sent, { ...q.quote.span });
  if (q.through && q.through.span.end > e.sentence.end) e.sentence.end = q.through.span.end;
  return e;
}

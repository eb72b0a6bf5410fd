/**
 * npm run eval:crosscheck — precision and recall of the cross-check against the story fixtures in
 * test/fixtures/stories/<story>/{story.json,expected.json}: conflicts, corroborated facts and
 * quote groups. Each story runs through the real pipeline (ingest → extract → analyse → compare).
 * Prints a table per story and ends with one JSON line. `--only ecb-` scores the ECB+ fixtures
 * alone, `--split dev` or `--split heldout` one split of them; `-v` lists each story's missed and spurious items, unsupported brief
 * lines and quote lines whose cited sentences do not name their speaker.
 * Held-out fixtures are scored (the JSON line counts them) but their rows and `-v` lines are printed only
 * with `--show-heldout`, so that reporting the held-out split shows no story's details to whoever develops.
 * `--false-kinds` counts the false conflicts by kind and the first word of their slot ("trap count/number 2"),
 * which says which mechanism makes a split's false conflicts without showing a value or a sentence.
 * `--split dev|polnear --judge-sample N [--seed S] [--json]` prints a fixed random sample (seed S, default 15) of N predicted corroborated facts
 * with their cited sentences, for judging by hand; `--judged` adds the precision over the facts judged in
 * corroborated-judgments.jsonl (with -v it lists the facts judged partly or different; `--judged-dump FILE` writes every
 * prediction with its label) (fixture precision of corroborated facts is a lower bound: fixtures list
 * only the main shared facts).
 * `--digest-stories` prints one SHA-256 per story's report (which story a change moves).
 * `--digest` also prints one SHA-256 over every story's cross-check report (its JSON, in fixture
 * order), so a change meant to keep the output identical can show that it does.
 *
 * Matching is by article and a snippet the evidence sentence must contain, so fixtures survive
 * changes in offsets; a conflict side must also have read its value in the snippet's words
 * (scripts/conflict-match.ts). `acceptable*` entries are true but optional: found, they are not false
 * positives; missed, they are not false negatives.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyseArticle } from '../src/analyse/index.js';
import { crossCheckStory, type Evidence, type StoryCrossCheck } from '../src/compare/index.js';
import { extractArticle } from '../src/extract/index.js';
import { readFile } from '../src/ingest/index.js';
import { splitSentences } from '../src/text/tokenize.js';
import type { AnnotatedArticle } from '../src/model/types.js';
import { prng, shuffle } from '../src/util/random.js';
import { conflictHolds, type MatchContext, sideHolds } from './conflict-match.js';

export const ROOT = resolve(import.meta.dirname, '..');
export const FIXTURES = join(ROOT, 'test/fixtures/stories');

export interface FixtureArticle {
  key: string;
  path: string;
  /** For JSON Lines (or JSON array) files: the `id` of the record that is this article. */
  record?: string;
  outlet?: string;
  published?: string;
  wire?: string;
}
interface SideSpec {
  article: string;
  contains: string;
}
interface ExpectedConflict {
  what: string;
  kind?: string;
  sides: SideSpec[];
}
interface ExpectedFact {
  what: string;
  articles: Record<string, string>;
}
interface ExpectedQuote {
  what: string;
  speaker?: string;
  wordings: Record<string, string>;
}
/** A tempting non-conflict: two values a naive system would pit against each other (see ANNOTATION.md). */
interface ExpectedTrap {
  what: string;
  why: string;
  sides: SideSpec[];
}
export interface Expected {
  conflicts: ExpectedConflict[];
  traps?: ExpectedTrap[];
  acceptableConflicts?: ExpectedConflict[];
  corroborated: ExpectedFact[];
  acceptableCorroborated?: ExpectedFact[];
  quoteGroups: ExpectedQuote[];
  acceptableQuoteGroups?: ExpectedQuote[];
}
export interface StoryFixture {
  name: string;
  /** `dev` or `heldout` (ECB+ fixtures: topics kept out of development, see ANNOTATION.md); absent for the others. */
  split?: string;
  storyId: string;
  articles: FixtureArticle[];
  copies: string[][];
  expected: Expected;
}

export function loadFixtures(dir = FIXTURES): StoryFixture[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .filter((n) => existsSync(join(dir, n, 'story.json')))
    .map((name) => {
      const story = JSON.parse(readFileSync(join(dir, name, 'story.json'), 'utf8'));
      const expected = JSON.parse(readFileSync(join(dir, name, 'expected.json'), 'utf8')) as Expected;
      return { name, storyId: story.storyId ?? name, split: story.split, articles: story.articles, copies: story.copies ?? [], expected };
    });
}

/** Reads one fixture article through the project's ingest readers; a `record` picks one record of a JSONL file by its id. */
function readFixtureDoc(f: StoryFixture, a: FixtureArticle, cache: Map<string, ReturnType<typeof readFile>>) {
  const path = resolve(ROOT, a.path);
  if (!cache.has(path)) cache.set(path, readFile(path));
  const res = cache.get(path)!;
  const doc = a.record === undefined ? res.find((r) => r.kind === 'doc') : res.find((r) => r.kind === 'doc' && r.doc.source === a.record);
  if (doc?.kind !== 'doc') throw new Error(`fixture ${f.name}: cannot read ${a.path}${a.record === undefined ? '' : ` record ${a.record}`}`);
  return doc.doc;
}

/** Runs the real pipeline on the fixture's articles. Returns the annotated articles and key → docId. */
export function loadStory(f: StoryFixture): { articles: AnnotatedArticle[]; idOf: Map<string, string>; keyOf: Map<string, string> } {
  const articles: AnnotatedArticle[] = [];
  const idOf = new Map<string, string>();
  const cache = new Map<string, ReturnType<typeof readFile>>();
  for (const a of f.articles) {
    const article = extractArticle(readFixtureDoc(f, a, cache));
    if (!article.outlet && a.outlet) article.outlet = a.outlet;
    if (!article.published && a.published) article.published = { iso: a.published, precision: 'day', source: 'input' };
    if (!article.wire && a.wire) article.wire = a.wire;
    articles.push(analyseArticle(article));
    idOf.set(a.key, article.docId);
  }
  const keyOf = new Map([...idOf].map(([k, v]) => [v, k]));
  return { articles, idOf, keyOf };
}

export interface PR {
  tp: number;
  fp: number;
  fn: number;
  expected: number;
  predicted: number;
}

/** Brief lines whose values could be checked against the sentences they cite, and how many held. */
export interface BriefSupport {
  lines: number;
  checked: number;
  supported: number;
  unsupported: string[];
  /** Quote lines whose speaker was checked against the cited sentences, and those they name (`speakerNamed`). */
  speakersChecked: number;
  speakersSupported: number;
  speakersUnsupported: string[];
}

export interface StoryScore {
  name: string;
  conflicts: PR;
  /** Predicted conflicts that match an annotated trap (a tempting non-conflict) and no real conflict. */
  trapHits: number;
  traps: number;
  brief: BriefSupport;
  corroborated: PR;
  quoteGroups: PR;
  falseConflicts: number;
  articles: number;
  /** Expected conflicts some predicted conflict touches (two of its sides hold two annotated articles), though not every annotated article. */
  conflictsTouched: number;
  ms: number;
  /** The fixture's split (`dev`, `heldout`; absent outside the ECB+ set). */
  split?: string;
  missed: string[];
  falsePositives: string[];
  /** Each false conflict's kind and the first word of its slot ("date/date", "trap count/number"): no value, no sentence. */
  falseKinds: string[];
}

/** Annotated items found (`tp`), the predictions that match any found one, and the annotated items missed. */
function matchAnnotated<P, E>(pred: P[], expected: E[], matches: (p: P, e: E) => boolean): { tp: number; matched: Set<number>; missed: E[] } {
  const matched = new Set<number>();
  const missed: E[] = [];
  let tp = 0;
  for (const exp of expected) {
    if (!pred.some((p) => matches(p, exp))) {
      missed.push(exp);
      continue;
    }
    tp++;
    pred.forEach((p, j) => {
      if (matches(p, exp)) matched.add(j);
    });
  }
  return { tp, matched, missed };
}

/**
 * The story's quote groups (statements in two or more articles) against the annotated ones: a group
 * matches an annotated group when two of its wordings hold in the group's articles (and its speaker
 * names the annotated speaker); an acceptable group matches whatever the speaker, and a group held only
 * by the copies of one dispatch (the story's `copies`) counts as acceptable.
 */
export function quoteGroupMatch(f: StoryFixture, x: StoryCrossCheck, articles: AnnotatedArticle[], idOf: Map<string, string>) {
  const texts = new Map(articles.map((a) => [a.article.docId, a.article.text]));
  const sentenceOf = (e: Evidence) => (texts.get(e.articleId) ?? '').slice(e.sentence.start, e.sentence.end).toLowerCase();
  const hitIn = (evs: Evidence[], key: string, snippet: string, extra: string[]) => {
    const id = idOf.get(key);
    if (!id) return false;
    const s = snippet.toLowerCase();
    return evs.some((e) => e.articleId === id && sentenceOf(e).includes(s)) || extra.some((t) => t.toLowerCase().includes(s));
  };
  const pred = x.quoteLedger.flatMap((l) => l.statements.filter((s) => s.articles.length >= 2).map((s) => ({ l, s })));
  const quoteMatches = (q: (typeof pred)[number], exp: ExpectedQuote) => {
    if (exp.speaker && !`${q.l.speaker} ${q.l.name}`.toLowerCase().includes(exp.speaker.toLowerCase())) return false;
    return (
      Object.entries(exp.wordings).filter(([k, snip]) =>
        q.s.wordings.some((w) => hitIn(w.evidence, k, snip, w.articles.includes(idOf.get(k) ?? '\u0000') ? [w.text] : [])),
      ).length >= 2
    );
  };
  const acceptable = new Set<number>();
  const { tp, matched, missed } = matchAnnotated(pred, f.expected.quoteGroups, quoteMatches);
  // a statement only the copies of one dispatch carry is one source's, which the ECB+ annotation lists
  // as acceptable where it lists it at all (POLNEAR-SET.md: that set's annotation left such groups out)
  const copyOf = new Map(f.copies.flatMap((g, n) => g.map((k) => [idOf.get(k) ?? k, n] as const)));
  const oneDispatch = (ids: string[]) => copyOf.has(ids[0]) && ids.every((id) => copyOf.get(id) === copyOf.get(ids[0]));
  pred.forEach((q, i) => {
    if (matched.has(i)) return;
    if (oneDispatch(q.s.articles) || (f.expected.acceptableQuoteGroups ?? []).some((e) => quoteMatches(q, { ...e, speaker: undefined }))) {
      matched.add(i);
      acceptable.add(i);
    }
  });
  return { pred, matched, acceptable, missed, tp };
}

export function scoreStory(f: StoryFixture, x: StoryCrossCheck, articles: AnnotatedArticle[], idOf: Map<string, string>): Omit<StoryScore, 'ms'> {
  const texts = new Map(articles.map((a) => [a.article.docId, a.article.text]));
  const sentenceOf = (e: Evidence) => (texts.get(e.articleId) ?? '').slice(e.sentence.start, e.sentence.end).toLowerCase();
  const hitIn = (evs: Evidence[], key: string, snippet: string, extra: string[] = []) => {
    const id = idOf.get(key);
    if (!id) return false;
    const s = snippet.toLowerCase();
    return evs.some((e) => e.articleId === id && sentenceOf(e).includes(s)) || extra.some((t) => t.toLowerCase().includes(s));
  };
  const missed: string[] = [];
  const fps: string[] = [];

  // conflicts
  const predC = x.conflicts.filter((c) => c.severity === 'conflict');
  const ctx: MatchContext = { idOf, textOf: (id) => texts.get(id) ?? '' };
  const conflictMatches = (c: (typeof predC)[number], exp: ExpectedConflict, all: boolean) => conflictHolds(c, exp, all, ctx);
  const cMatched = new Set<number>();
  let cTp = 0;
  for (const exp of f.expected.conflicts) {
    const i = predC.findIndex((c) => conflictMatches(c, exp, true));
    if (i >= 0) {
      cTp++;
      cMatched.add(i);
    } else {
      // the annotated sides no predicted conflict holds, when some conflict touches it (to see what is incomplete)
      const near = predC.find((c) => conflictMatches(c, exp, false));
      const lacking = near ? exp.sides.filter((side) => !near.sides.some((s) => sideHolds(s, side, ctx))).map((s) => `"${s.contains}"`) : [];
      missed.push(`conflict: ${exp.what}${lacking.length ? ` (touched; lacks ${lacking.join(', ')})` : ''}`);
    }
  }
  const conflictsTouched = f.expected.conflicts.filter((exp) => predC.some((c) => conflictMatches(c, exp, false))).length;
  let trapHits = 0;
  const falseKinds: string[] = [];
  predC.forEach((c, i) => {
    if (cMatched.has(i)) return;
    if (f.expected.conflicts.some((e) => conflictMatches(c, e, false)) || (f.expected.acceptableConflicts ?? []).some((e) => conflictMatches(c, e, false))) {
      cMatched.add(i);
      return;
    }
    const trap = (f.expected.traps ?? []).find((t) => conflictMatches(c, { what: t.what, sides: t.sides }, false));
    if (trap) trapHits++;
    falseKinds.push(`${trap ? 'trap ' : ''}${c.kind}/${c.slot.split(/[\s|]/)[0]}`);
    fps.push(`${trap ? `TRAP (${trap.what}) ` : ''}conflict: ${c.slot} (${c.sides.map((s) => s.value).join(' vs ')})`);
  });
  const falseConflicts = predC.length - cMatched.size;

  // corroborated facts
  const predF = x.facts.filter((fa) => fa.articles.length >= 2);
  const factMatches = (fa: (typeof predF)[number], exp: ExpectedFact) => Object.entries(exp.articles).filter(([k, snip]) => hitIn(fa.evidence, k, snip)).length >= 2;
  const { tp: fTp, matched: fMatched, missed: fMissed } = matchAnnotated(predF, f.expected.corroborated, factMatches);
  for (const exp of fMissed) missed.push(`fact: ${exp.what}`);
  predF.forEach((fa, i) => {
    if (fMatched.has(i)) return;
    if ((f.expected.acceptableCorroborated ?? []).some((e) => factMatches(fa, e))) fMatched.add(i);
    else fps.push(`fact: ${fa.statement.slice(0, 100)}`);
  });

  // quote groups
  const qm = quoteGroupMatch(f, x, articles, idOf);
  for (const exp of qm.missed) missed.push(`quote group: ${exp.what}`);
  qm.pred.forEach((q, i) => {
    if (!qm.matched.has(i)) fps.push(`quote group: ${q.l.name}: ${q.s.wordings.map((w) => w.text.slice(0, 40)).join(' | ')}`);
  });

  const pr = (tp: number, predicted: number, matchedPred: number, expected: number): PR => ({
    tp,
    fp: predicted - matchedPred,
    fn: expected - tp,
    expected,
    predicted,
  });
  return {
    name: f.name,
    conflicts: pr(cTp, predC.length, cMatched.size, f.expected.conflicts.length),
    corroborated: pr(fTp, predF.length, fMatched.size, f.expected.corroborated.length),
    quoteGroups: pr(qm.tp, qm.pred.length, qm.matched.size, f.expected.quoteGroups.length),
    falseConflicts,
    articles: f.articles.length,
    conflictsTouched,
    trapHits,
    traps: (f.expected.traps ?? []).length,
    brief: briefSupport(x, texts),
    missed,
    falsePositives: fps,
    falseKinds,
  };
}

/**
 * The values a text states that can be checked literally: numbers written in digits (commas
 * dropped) or spelled out from two to ninety-nine ("Sixty-five" states 65; "one" is too often a
 * pronoun), weekdays and months written with a capital ("May", not the modal "may").
 */
const CHECKABLE = /(?<!\d)\d(?:[\d,.]*\d)?(?!\d)|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b/g;
const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
/** A month's abbreviation as newsrooms write it ("Feb. 1", "Sept. 13"), for its name. */
const MONTH_ABBREVIATION = /\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?/g;
const MONTH_NAMES: Record<string, string> = { jan: 'january', feb: 'february', mar: 'march', apr: 'april', jun: 'june', jul: 'july', aug: 'august', sep: 'september', sept: 'september', oct: 'october', nov: 'november', dec: 'december' };
function briefValues(text: string): string[] {
  const out = [...text.matchAll(CHECKABLE)].map((m) => m[0].toLowerCase().replace(/[.,]$/, '').replace(/,/g, ''));
  for (const m of text.matchAll(MONTH_ABBREVIATION)) out.push(MONTH_NAMES[m[1].toLowerCase()]);
  const words = text.toLowerCase().split(/[^a-z]+/);
  words.forEach((w, i) => {
    const tens = TENS.indexOf(w);
    const unit = UNITS.indexOf(words[i + 1] ?? '');
    if (tens >= 2) out.push(String(tens * 10 + (unit > 0 && unit < 10 ? unit : 0)));
    else if (UNITS.indexOf(w) >= 2 && TENS.indexOf(words[i - 1] ?? '') < 2) out.push(String(UNITS.indexOf(w)));
  });
  return [...new Set(out)];
}

/**
 * Brief-line support, checked against the sentences each line cites (not the whole article): a
 * fact, note or quote line is supported when every value it states appears in every sentence it
 * cites; a conflict line ("A (outlets) vs B (outlets)") or an evolving figure's ("rose: A (outlets,
 * day), then B (outlets, day)") when each cited sentence holds at least one of its values, since each
 * side or step cites only its own articles. The outlet names a line gives (in
 * parentheses, or "Only X reports") are not values. Lines without a checkable value are not
 * checked. Values match as whole values (`briefValues` of both: "60" is held by "Sixty-year-old",
 * not by "1960"); a weekday or a month matches by name only ("Friday" is not supported by "Sept. 13"
 * even when it is that Friday; "Feb. 1" holds "February", a month's abbreviation being its name).
 * A quote line's speaker is counted apart (`speakersChecked`, `speakersSupported`): every sentence
 * the line cites must name it nearby (`speakerNamed`). The check reads names, not roles: a name the
 * cited sentence mentions as someone else than the speaker passes it.
 */
export function briefSupport(x: StoryCrossCheck, texts: Map<string, string>): BriefSupport {
  const out: BriefSupport = { lines: x.brief.length, checked: 0, supported: 0, unsupported: [], speakersChecked: 0, speakersSupported: 0, speakersUnsupported: [] };
  for (const line of x.brief) {
    const speaker = line.kind === 'quote' ? speakerOf(line.text) : null;
    if (speaker && line.citations.length) {
      out.speakersChecked++;
      if (line.citations.every((e) => speakerNamed(speaker, texts.get(e.articleId) ?? '', e.sentence.start))) out.speakersSupported++;
      else out.speakersUnsupported.push(`speaker ${speaker}: ${line.text.slice(0, 120)}`);
    }
    const stated = line.kind === 'fact' ? line.text : line.text.replace(/^Only .*? reports: /, '').replace(/\([^()]*\)/g, ' ');
    const values = briefValues(stated);
    if (!values.length || !line.citations.length) continue;
    out.checked++;
    const cited = [...new Set(line.citations.map((e) => `${e.articleId}\u0000${e.sentence.start}\u0000${e.sentence.end}`))].map((k) => {
      const [id, start, end] = k.split('\u0000');
      return new Set(briefValues((texts.get(id) ?? '').slice(Number(start), Number(end))));
    });
    const holds = (c: Set<string>, v: string) => c.has(v);
    // a quote line gives a second wording ("; also worded …") for the articles that word it so:
    // a cited sentence holds every value of one of the two
    const wordings = line.kind === 'quote' ? stated.split('; also worded ').map(briefValues) : [values];
    const ok = line.kind === 'conflict' || line.kind === 'evolving' ? cited.every((c) => values.some((v) => holds(c, v))) : cited.every((c) => wordings.some((w) => w.every((v) => holds(c, v))));
    if (ok) out.supported++;
    else out.unsupported.push(`${line.kind}: ${line.text.slice(0, 120)}`);
  }
  return out;
}

/** The speaker a quote line names: what precedes "said that" or "was quoted as saying" (compare/brief.ts quoteLine). */
export function speakerOf(text: string): string | null {
  return /^(.+?) (?:said that|was quoted as saying) /.exec(text)?.[1] ?? null;
}

/** A word as a name is matched: lower case, without a possessive ("Obama's", "Jones'"). */
const bare = (w: string) => w.toLowerCase().replace(/['’]s?$/, '');
const wordsOf = (text: string) => text.split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean);
const PRONOUN = /\b(?:he|she|they|his|her|their|him|them)\b/i;
const SUBJECT_PRONOUN = /\b(?:he|she|they)\b/i;
/** A sentence without its quotations (a pronoun inside one is the speaker's, not the writer's). */
const outsideQuotes = (s: string) => s.replace(/[“"][^“”"]*[”"]/g, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ');
/** An odd number of quotation marks: the quotation opens in one sentence and closes in another. */
const quoteRunsOver = (s: string) => ((s.match(/["“”]/g) ?? []).length) % 2 === 1;

/**
 * Whether the article names a quote line's speaker near the cited sentence (the sentence that starts
 * at `at`). A person is named by the surname — the name's last word, or its first when the article
 * writes that word alone (family name first: "Xi" of "Xi Jinping"), also as a possessive — in the
 * cited sentence, in the sentence before or after when the quotation runs over sentences (before:
 * also when the cited sentence is all quotation), or by a pronoun outside the cited sentence's
 * quotations whose antecedent (the surname) is in the three sentences before. A
 * description ("Authorities", "The police source") — a name with a word in lower case or an article
 * first, or one word the article also writes in lower case ("authorities") — must be in the cited
 * sentence itself (its last word, singular or plural); an organisation's one-word name ("SEACOM") is a name.
 * A quotation that runs over sentences or paragraphs names its speaker where it closes or, closing with no
 * attribution, where it opens (`quotationNames`): a description too.
 */
export function speakerNamed(speaker: string, text: string, at: number): boolean {
  const name = wordsOf(speaker).filter((w) => !/^(?:jr|sr|ii|iii)\.?$/i.test(w));
  if (!name.length) return true;
  const spans = splitSentences(text);
  const sentences = spans.map((s) => text.slice(s.start, s.end));
  const i = spans.findIndex((s) => s.start <= at && at < s.end);
  if (i < 0) return false;
  const lower = (w: string) => wordsOf(text).some((t) => /^\p{Ll}/u.test(t) && bare(t) === bare(w));
  // (an initial, "A. J. Smith", is no article)
  const description = name.some((w) => !/^\p{Lu}/u.test(w)) || /^(?:the|a|an)\s/i.test(speaker) || (name.length === 1 && lower(name[0]!));
  const keys = [bare(name.at(-1)!)];
  if (!description && !lower(name[0]!) && usedAlone(name[0]!, text)) keys.push(bare(name[0]!));
  const has = (s: string | undefined) => !!s && wordsOf(s).some((w) => keys.some((k) => bare(w) === k || bare(w) === `${k}s` || `${bare(w)}s` === k));
  if (has(sentences[i])) return true;
  const q = quotationAround(text, spans, i);
  if (q && (q.first < i || q.last > i) && quotationNames(q, sentences, has)) return true;
  if (description) return false;
  // (a sentence that is all quotation goes on with the speaker of the sentence before)
  const cited = sentences[i]!;
  const runsOver = (j: number) => quoteRunsOver(cited) || quoteRunsOver(sentences[j] ?? '');
  const goesOn = runsOver(i - 1) || !outsideQuotes(cited).trim();
  if ((goesOn && has(sentences[i - 1])) || (runsOver(i + 1) && has(sentences[i + 1]))) return true;
  // (a pronoun names the speaker when the surname is in the three sentences before it: in the cited
  // sentence, or, as its subject, in the sentence before that the cited quotation goes on from: '..." he said.')
  const byPronoun = (j: number, pronoun: RegExp) => j >= 0 && pronoun.test(outsideQuotes(sentences[j]!)) && sentences.slice(Math.max(0, j - 3), j).some(has);
  return byPronoun(i, PRONOUN) || (goesOn && byPronoun(i - 1, SUBJECT_PRONOUN));
}

/**
 * Whether a quotation over sentences (or paragraphs) names its speaker where it closes (", ” said Sgt.
 * Jo Roe.") or, when it closes with no attribution, where it opens: in its first sentence ("Roe said:
 * “ ...") or, when that sentence opens with the mark, the one before it ("..., head coach Jo Roe said.
 * ¶ “ We got to that point ..."; "Roe's office has issued an update. ¶ " ...").
 */
function quotationNames(q: { first: number; last: number }, sentences: readonly string[], has: (s: string | undefined) => boolean): boolean {
  const last = sentences[q.last]!;
  const close = Math.max(last.lastIndexOf('"'), last.lastIndexOf('”'));
  if (/\p{L}/u.test(last.slice(close + 1))) return has(last);
  return has(sentences[q.first]) || (/^\s*["“]/.test(sentences[q.first]!) && has(sentences[q.first - 1]));
}

const OPENS = /["“]/;
/** A straight mark opens a quotation when a word follows it and nothing but a space, a bracket or the text's start comes before it (some sources write a space before the closing mark too: 'has, " he said'). */
const opening = (text: string, p: number) =>
  text[p] === '“' || (text[p] === '"' && p + 1 < text.length && !/\s/.test(text[p + 1]!) && (p === 0 || /[\s([]/.test(text[p - 1]!)));

/**
 * The sentences (first and last index) of the quotation the sentence `i` lies inside, when it opened at
 * most 12 sentences before; null when `i` is outside any. A paragraph that opens with a mark while a
 * quotation is open goes on with it (the convention for a quotation over paragraphs: each paragraph
 * reopens it, only the last closes it).
 */
function quotationAround(text: string, spans: readonly { start: number; end: number }[], i: number): { first: number; last: number } | null {
  let first = -1;
  for (let k = Math.max(0, i - 12); k < spans.length && k <= i + 12; k++) {
    let inside = first >= 0;
    for (let p = spans[k]!.start; p < spans[k]!.end; p++) {
      if (!OPENS.test(text[p]!) && text[p] !== '”') continue;
      if (opening(text, p)) {
        if (!inside) first = k;
        inside = true;
      } else if (inside) {
        inside = false;
        if (k >= i) return { first, last: k };
      }
    }
    if (!inside) first = -1;
    if (k >= i && first < 0) return null;
  }
  return null;
}

/** Whether the text writes a name's word alone, no capitalised word after it ("Xi said", not "Xi Jinping", nor "Paul Martino"). */
function usedAlone(word: string, text: string): boolean {
  const words = wordsOf(text);
  return words.some((w, j) => w === word && !/^\p{Lu}/u.test(words[j + 1] ?? ''));
}

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : +(a / b).toFixed(3);
}

/** Precision = predicted items matching an expected or acceptable item / predicted; recall = expected found / expected. */
export function summarize(prs: PR[]): { precision: number; recall: number; tp: number; fp: number; fn: number } {
  const tp = prs.reduce((t, p) => t + p.tp, 0);
  const fp = prs.reduce((t, p) => t + p.fp, 0);
  const fn = prs.reduce((t, p) => t + p.fn, 0);
  const predicted = prs.reduce((t, p) => t + p.predicted, 0);
  const expected = prs.reduce((t, p) => t + p.expected, 0);
  return { precision: ratio(predicted - fp, predicted), recall: ratio(expected - fn, expected), tp, fp, fn };
}

/** The overall figures of a set of scored stories: the JSON line eval:crosscheck ends with, and what the fixture test checks. */
export function overall(scores: StoryScore[]) {
  return {
    stories: scores.length,
    conflicts: summarize(scores.map((s) => s.conflicts)),
    corroborated: summarize(scores.map((s) => s.corroborated)),
    quoteGroups: summarize(scores.map((s) => s.quoteGroups)),
    /** Recall when a conflict found with only some of its articles counts (the strict recall above needs all of them). */
    conflictRecallAnyArticles: ratio(
      scores.reduce((t, s) => t + s.conflictsTouched, 0),
      scores.reduce((t, s) => t + s.conflicts.expected, 0),
    ),
    trapHits: scores.reduce((t, s) => t + s.trapHits, 0),
    traps: scores.reduce((t, s) => t + s.traps, 0),
    briefLines: {
      checked: scores.reduce((t, s) => t + s.brief.checked, 0),
      supported: ratio(
        scores.reduce((t, s) => t + s.brief.supported, 0),
        scores.reduce((t, s) => t + s.brief.checked, 0),
      ),
      speakersChecked: scores.reduce((t, s) => t + s.brief.speakersChecked, 0),
      speakersSupported: scores.reduce((t, s) => t + s.brief.speakersSupported, 0),
    },
    maxFalseConflictsPerStory: Math.max(0, ...scores.map((s) => s.falseConflicts)),
    msMedian: +[...scores.map((s) => s.ms)].sort((a, b) => a - b)[Math.floor((scores.length - 1) / 2)]?.toFixed(1),
  };
}

// ---- Judged corroborated precision (issue 15) -------------------------------------------------
// The fixtures list only the main shared facts, so fixture precision of corroborated facts is a
// lower bound. A hand-judged sample (corroborated-judgments.jsonl) gives the real figure. Judgments
// are keyed by the evidence sentences (article key + sentence text), not fact ids, so they survive
// code changes; a prediction counts as judged only when its set of sentences equals a judgment's.

export const JUDGMENTS = join(FIXTURES, 'corroborated-judgments.jsonl');
export type JudgmentLabel = 'same' | 'partly' | 'different';
export interface CitedSentence {
  article: string;
  text: string;
}
export interface Judgment {
  fixture: string;
  sentences: CitedSentence[];
  label: JudgmentLabel;
  note?: string;
}
/** A predicted corroborated fact as the judge sees it: fixture, fact id and every cited sentence. */
export interface JudgeableFact {
  fixture: string;
  factId: string;
  statement: string;
  sentences: CitedSentence[];
}

/** Order-free key of a fact's sentences within one fixture (whitespace collapsed). */
export function sentenceSetKey(fixture: string, sentences: CitedSentence[]): string {
  const parts = [...new Set(sentences.map((s) => `${s.article}\u0001${s.text.replace(/\s+/g, ' ').trim()}`))].sort();
  return `${fixture}\u0002${parts.join('\u0003')}`;
}

/** Reads judgments from JSON Lines; blank lines are skipped, a malformed line is an error naming its number. */
export function readJudgments(path = JUDGMENTS): Judgment[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter((l) => l.line)
    .map(({ line, n }) => {
      const j = JSON.parse(line) as Judgment;
      if (!j.fixture || !Array.isArray(j.sentences) || !['same', 'partly', 'different'].includes(j.label)) throw new Error(`${path}:${n}: not a judgment`);
      return j;
    });
}

export interface JudgedScore {
  predicted: number;
  judged: number;
  same: number;
  partly: number;
  different: number;
  unjudged: number;
  /** same / judged */
  precision: number;
  /** (same + partly) / judged */
  precisionLenient: number;
}

/** Precision of the predictions that match a judgment; the rest are counted as unjudged. */
export function judgedPrecision(predictions: JudgeableFact[], judgments: Judgment[]): JudgedScore {
  const byKey = new Map(judgments.map((j) => [sentenceSetKey(j.fixture, j.sentences), j.label]));
  const out = { predicted: predictions.length, judged: 0, same: 0, partly: 0, different: 0, unjudged: 0 };
  for (const p of predictions) {
    const label = byKey.get(sentenceSetKey(p.fixture, p.sentences));
    if (!label) out.unjudged++;
    else {
      out.judged++;
      out[label]++;
    }
  }
  return { ...out, precision: ratio(out.same, out.judged), precisionLenient: ratio(out.same + out.partly, out.judged) };
}

/** Every fact the cross-check lists as corroborated (status `corroborated`: two or more independent sources, no conflict) of one story, with its cited sentences. */
export function judgeableFacts(f: StoryFixture, x: StoryCrossCheck, articles: AnnotatedArticle[], keyOf: Map<string, string>): JudgeableFact[] {
  const texts = new Map(articles.map((a) => [a.article.docId, a.article.text]));
  return x.facts
    .filter((fa) => fa.status === 'corroborated')
    .map((fa) => {
      const seen = new Set<string>();
      const sentences: CitedSentence[] = [];
      for (const e of fa.evidence) {
        const s = { article: keyOf.get(e.articleId) ?? e.articleId, text: (texts.get(e.articleId) ?? '').slice(e.sentence.start, e.sentence.end).replace(/\s+/g, ' ').trim() };
        const k = `${s.article}\u0001${s.text}`;
        if (seen.has(k)) continue;
        seen.add(k);
        sentences.push(s);
      }
      return { fixture: f.name, factId: fa.id, statement: fa.statement, sentences };
    });
}

/** The splits `--judge-sample` draws from: the development ones only (judging held-out facts would be developing on them). */
export const JUDGE_SAMPLE_SPLITS: readonly string[] = ['dev', 'polnear'];

/** Deterministic sample of n items (seeded Mulberry32 Fisher–Yates), so the judged sample is reproducible. */
export function seededSample<T>(items: T[], n: number, seed = 15): T[] {
  return shuffle([...items], prng(seed)).slice(0, n);
}

function printJudgeSample(facts: JudgeableFact[], n: number, asJson: boolean, seed: number) {
  const sorted = [...facts].sort((a, b) => a.fixture.localeCompare(b.fixture) || a.factId.localeCompare(b.factId));
  const sample = seededSample(sorted, n, seed);
  console.log(`${sample.length} of ${facts.length} predicted corroborated facts (seed ${seed})`);
  sample.forEach((fa, i) => {
    if (asJson) return console.log(JSON.stringify({ n: i + 1, fixture: fa.fixture, factId: fa.factId, sentences: fa.sentences }));
    console.log(`\n#${i + 1} ${fa.fixture} ${fa.factId}`);
    for (const s of fa.sentences) console.log(`  [${s.article}] ${s.text}`);
  });
}

/** Each prediction with its judgment (label '?' when none matches its sentence set). */
export function labelledFacts(facts: JudgeableFact[], judgments: Judgment[]): (JudgeableFact & { label: JudgmentLabel | '?'; note?: string })[] {
  const byKey = new Map(judgments.map((j) => [sentenceSetKey(j.fixture, j.sentences), j]));
  return facts.map((p) => {
    const j = byKey.get(sentenceSetKey(p.fixture, p.sentences));
    return { ...p, label: j?.label ?? '?', ...(j?.note ? { note: j.note } : {}) };
  });
}

/**
 * The judged precision; with -v the facts judged partly or different (their note and sentences), the ones a
 * membership rule should keep out; `--judged-dump FILE` writes every prediction with its label as JSON lines,
 * so two trees' predictions can be compared and the new ones judged.
 */
function printJudged(facts: JudgeableFact[], verbose: boolean, dump: string) {
  const judgments = readJudgments();
  const s = judgedPrecision(facts, judgments);
  const labelled = labelledFacts(facts, judgments);
  if (verbose) {
    for (const p of labelled.filter((l) => l.label === 'partly' || l.label === 'different')) {
      console.log(`\n${p.label} ${p.fixture} ${p.factId}${p.note ? ` -- ${p.note}` : ''}`);
      for (const c of p.sentences) console.log(`  [${c.article}] ${c.text}`);
    }
  }
  if (dump) writeFileSync(dump, labelled.map((l) => JSON.stringify(l)).join('\n') + '\n');
  console.log(
    `judged corroborated precision: same ${s.same}/${s.judged} = ${s.precision}; same+partly ${s.same + s.partly}/${s.judged} = ${s.precisionLenient}; different ${s.different}; unjudged ${s.unjudged} of ${s.predicted} predictions`,
  );
  console.log(JSON.stringify({ judgedCorroborated: s }));
}

function main() {
  const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
  // --only PREFIX scores the fixtures whose folder name starts with PREFIX (e.g. --only ecb-);
  // --split dev|heldout those of one split
  const arg = (name: string) => (process.argv.includes(name) ? (process.argv[process.argv.indexOf(name) + 1] ?? '') : '');
  const only = arg('--only');
  const split = arg('--split');
  // --judge-sample N prints a fixed random sample of predicted corroborated facts to judge by hand
  // (add --json for one JSON line per fact); --judged reports precision over the judged ones.
  const judgeSample = process.argv.includes('--judge-sample') ? Number(arg('--judge-sample')) : 0;
  // --seed S draws another sample (a fresh one, to judge facts no earlier sample saw); default 15
  const seed = process.argv.includes('--seed') ? Number(arg('--seed')) : 15;
  if (!Number.isInteger(seed)) throw new Error('--seed takes an integer');
  const judgedDump = arg('--judged-dump');
  const judged = process.argv.includes('--judged') || judgedDump !== '';
  if (judgeSample && !JUDGE_SAMPLE_SPLITS.includes(split)) throw new Error(`--judge-sample samples a development split only: add --split ${JUDGE_SAMPLE_SPLITS.join(' or --split ')}`);
  const judgeable: JudgeableFact[] = [];
  const scores: StoryScore[] = [];
  const digest = process.argv.includes('--digest') ? createHash('sha256') : null;
  for (const f of loadFixtures().filter((g) => g.name.startsWith(only) && (!split || g.split === split))) {
    const { articles, idOf, keyOf } = loadStory(f);
    const copies = f.copies.map((g) => g.map((k) => idOf.get(k) ?? k));
    const t0 = performance.now();
    const x = crossCheckStory({ storyId: f.storyId, articles, copies });
    const ms = performance.now() - t0;
    digest?.update(`${f.name}\n${JSON.stringify(x)}\n`);
    // (`--digest-stories`: one hash per story, to see which story a change moves)
    if (process.argv.includes('--digest-stories')) console.log(`story digest ${f.name} ${createHash('sha256').update(JSON.stringify(x)).digest('hex').slice(0, 12)}`);
    scores.push({ ...scoreStory(f, x, articles, idOf), ms, split: f.split });
    if (judgeSample || judged) judgeable.push(...judgeableFacts(f, x, articles, keyOf));
  }
  if (judgeSample) return printJudgeSample(judgeable, judgeSample, process.argv.includes('--json'), seed);
  const fmt = (p: PR) => `${p.predicted - p.fp}/${p.predicted} P, ${p.tp}/${p.expected} R`;
  console.log('story                   | arts | conflicts          | trap hits | corroborated facts  | quote groups       | false conflicts | brief lines supported | quote speakers named | ms');
  console.log('------------------------|------|--------------------|-----------|---------------------|--------------------|-----------------|-----------------------|----------------------|------');
  const showHeldout = process.argv.includes('--show-heldout');
  const hidden = scores.filter((s) => s.split === 'heldout' && !showHeldout).length;
  for (const s of scores) {
    if (s.split === 'heldout' && !showHeldout) continue;
    console.log(
      `${s.name.padEnd(24)}| ${String(s.articles).padEnd(5)}| ${fmt(s.conflicts).padEnd(19)}| ${`${s.trapHits}/${s.traps}`.padEnd(10)}| ${fmt(s.corroborated).padEnd(20)}| ${fmt(s.quoteGroups).padEnd(19)}| ${String(s.falseConflicts).padEnd(16)}| ${`${s.brief.supported}/${s.brief.checked} (${s.brief.lines} lines)`.padEnd(22)}| ${`${s.brief.speakersSupported}/${s.brief.speakersChecked}`.padEnd(21)}| ${s.ms.toFixed(0)}`,
    );
    if (verbose) {
      for (const m of s.missed) console.log(`    missed   ${m}`);
      for (const m of s.falsePositives) console.log(`    spurious ${m}`);
      for (const m of [...s.brief.unsupported, ...s.brief.speakersUnsupported]) console.log(`    brief    ${m}`);
    }
  }
  if (hidden > 0) console.log(`(${hidden} held-out stories scored, rows not shown: --show-heldout prints them)`);
  // --false-kinds: the false conflicts counted by kind and the first word of their slot, over every scored story (held-out
  // included): which mechanism makes them, without a value or a sentence of any story
  if (process.argv.includes('--false-kinds')) printCounts('false conflicts by kind/first word of slot', scores.flatMap((s) => s.falseKinds));
  if (digest) console.log(`digest of the ${scores.length} stories' reports: ${digest.digest('hex')}`);
  console.log(JSON.stringify(overall(scores)));
  if (judged) printJudged(judgeable, verbose, judgedDump);
}

function printCounts(title: string, items: string[]): void {
  const counts = new Map<string, number>();
  for (const k of items) counts.set(k, (counts.get(k) ?? 0) + 1);
  const rows = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  console.log(`${title}: ${rows.map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();

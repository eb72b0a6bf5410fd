/**
 * Scores quote/attribution extraction on PolNeAR-style brat standoff.
 *
 *   npm run eval:quotes -- [dir] [--part development|held-out|whole] [--verbose] [--limit N] [--no-entities] [--no-model] [--no-syntax] [--no-speed] [--digest]
 *   npm run eval:quotes -- [dir] --speed-only [--processes N] [--limit N] [--no-model] [--no-syntax] [--no-entities]   (the speed line alone, no scoring)
 *
 * `dir` (default ../shared/data/attribution/polnear/dev) holds `text/<name>.txt` and
 * `attributions/<name>_<annotator>.ann`. When an article has several annotators' files, the first
 * in sorted order is the gold (deterministic).
 *
 * Gold: every `Attribution` / `Attribution-no-source` event that has a Content argument. A
 * discontinuous Content ("a b;c d") scores by the tokens of its fragments; a predicted split quote
 * (`Quote.parts`) likewise by the tokens of its parts.
 *
 * Metrics (documented here because they are definitions, not facts):
 * - Token sets are the word tokens (tokenize(), punctuation and quotation marks dropped) inside a span.
 * - exact: predicted and gold content have the same token set.
 * - overlap: |pred ∩ gold| >= 50% of the larger of the two token sets (so both directions hold).
 * - Matching is one-to-one, greedy by best overlap, gold in text order.
 * - Speaker accuracy: over overlap-matched pairs whose gold has a Source, the predicted speakerSpan
 *   shares at least one character with a gold Source fragment, or its text equals the gold Source text
 *   (the same name repeated elsewhere, e.g. gold marks "Trump" in an earlier sentence).
 * - "Direct" = gold content that is in quotation marks: after trimming punctuation it starts with an
 *   opening mark and ends with a closing mark, or the marks sit right around it in the text.
 *   Direct precision is over predictions of kind `direct`; direct recall over direct gold.
 *   (About 19% of PolNeAR's attributions by this definition; counting any content that merely
 *   contains a quotation gives more.)
 * - Speaker names: over matched pairs whose gold Source contains a capitalised name, the resolved
 *   `speakerName` shares a name word with it. This is the figure the entity mentions can change;
 *   span-based speaker accuracy does not depend on them.
 * - Speaker entity: over matched pairs whose gold Source phrase, linked by the very linker the
 *   predictions use (findQuotes' `linker` option: mentions, pronouns by agreement and recency, the
 *   head of the phrase), names an entity, the predicted `speaker` is that entity. The rate of the
 *   speaker's name being right, independent of where the span starts and ends.
 * - Speed: the three analysers (quotes, times, quantities) alone, CPU time of this process (user +
 *   system, so other load on the machine counts less), median of 9 passes after 4 warm-up passes,
 *   with the passes' range and the floor (each article's fastest pass, summed; see timeAnalysers).
 *   `--speed-only` runs it in 3 fresh processes (`--processes N`) and gives the median of their
 *   medians with their range. The quotes are given the article's parse and entities (computed
 *   before the clock starts), as in the pipeline; the parse as a new array every pass, so the memos
 *   keyed on it are paid for every article, as the pipeline pays them.
 * - Speakers use the entity recogniser (src/analyse/entities) when it is there, unless --no-entities.
 * - Quotes use the trained attribution tagger (models/attrib.bin) unless --no-model (the rules alone).
 * - Quotes are reviewed with the dependency parse (src/analyse/quotes/review.ts) unless --no-syntax.
 * - Speech only: the same overlap matching restricted to gold attributions whose annotated cue has
 *   a speech lemma in data/lexicons/attribution-cues.tsv, its first word's or its head's ("has said",
 *   "is promising", "earlier claim"; the head only since 2026-12-05), or quotations without a cue, and to
 *   predictions with cueClass "speech": the figure of the quote ledger's guideline.
 *
 * Last line: one JSON object with the headline figures.
 *
 * Split: the articles of `dir` fall in two fixed halves by their file name: the *development* half
 * (FNV-1a hash of the name without `.txt` even) is the one to study; the *held-out* half (odd) is
 * only scored. On PolNeAR dev: 41 development and 43 held-out articles, every outlet in both.
 * The eval prints the whole set and each half (`--part development|held-out` scores one half only).
 *
 * `--digest` also prints one SHA-256 of every predicted quote of the whole set (names and quotes as JSON),
 * and one of the times and quantities found (the other two analysers of the speed line): a change
 * meant to keep the outputs must print the same.
 *
 * `--agreement` scores the annotators instead of Triangulate: for every article of `dir` with two
 * or more annotator files, each ordered pair (one annotator as gold, the other as prediction) with
 * the same matching and the same overlap/exact definitions, pooled over pairs. This is the human
 * ceiling of the overlap F1 above (PolNeAR train has 16 such articles, dev 5).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findQuantities } from '../src/analyse/quantities.js';
import { findQuotedSegments, findQuotes, normaliseQuoteMarks } from '../src/analyse/quotes.js';
import { cueClassOf } from '../src/analyse/quotes/cues.js';
import { parseSentences } from '../src/analyse/syntax/index.js';
import { recogniseEntities } from '../src/analyse/entities/index.js';
import { hash } from '../src/analyse/entities/features.js';
import { findTimes } from '../src/analyse/time.js';
import { splitSentences, tokenAt, tokenize } from '../src/analyse/tokenize.js';
import { acceptedCues, cueQuestions, type CueModel, loadCueClassifier } from '../src/analyse/attribution/cue-classifier.js';
import { quotationFlags } from '../src/analyse/attribution/features.js';
import type { EntityMention, Quote, Span, SyntaxToken } from '../src/model/types.js';

interface GoldAttribution {
  cueText: string | null;
  /** The cue's fragments ([] when not annotated). */
  cue: Span[];
  /** Where the cue starts (its first fragment), when annotated. */
  cueStart: number | null;
  content: Span;
  /** The content fragments (one unless the annotation is discontinuous). */
  fragments: Span[];
  source: Span[] | null;
  sourceText: string | null;
  direct: boolean;
}

function parseRanges(s: string): Span[] {
  return s.split(';').map((r) => {
    const [a, b] = r.trim().split(/\s+/).map(Number);
    return { start: a, end: b };
  });
}

const OPEN = '“"‘\'«';
const CLOSE = '”"’\'»';

function isDirect(text: string, span: Span): boolean {
  let s = span.start;
  let e = span.end;
  while (s < e && /[\s,.:;—–-]/.test(text[s])) s++;
  while (e > s && /[\s,.:;—–-]/.test(text[e - 1])) e--;
  if (e - s < 2) return false;
  if (OPEN.includes(text[s]) && CLOSE.includes(text[e - 1])) return true;
  const before = text[s - 1];
  let a = e;
  while (a < text.length && /[,.!?]/.test(text[a])) a++;
  return before !== undefined && OPEN.includes(before) && CLOSE.includes(text[a] ?? '');
}

export function loadGold(text: string, ann: string): GoldAttribution[] {
  const tb = new Map<string, { type: string; ranges: Span[]; text: string }>();
  const events: string[] = [];
  for (const line of ann.split('\n')) {
    const m = /^(T\d+)\t(\S+) ([\d ;]+)\t(.*)$/.exec(line);
    if (m) {
      tb.set(m[1], { type: m[2], ranges: parseRanges(m[3]), text: m[4] });
      continue;
    }
    if (/^E\d+\t/.test(line)) events.push(line.split('\t')[1]);
  }
  const out: GoldAttribution[] = [];
  for (const ev of events) {
    const roles = new Map<string, string>();
    for (const part of ev.split(/\s+/)) {
      const [role, id] = part.split(':');
      if (role && id) roles.set(role.replace(/\d+$/, ''), id);
    }
    const c = tb.get(roles.get('Content') ?? '');
    if (!c) continue;
    const content = { start: c.ranges[0].start, end: c.ranges[c.ranges.length - 1].end };
    const src = tb.get(roles.get('Source') ?? '');
    const cueT = tb.get(roles.get('Cue') ?? '');
    out.push({
      cueText: cueT ? cueT.text : null,
      cue: cueT ? cueT.ranges : [],
      cueStart: cueT ? cueT.ranges[0].start : null,
      content,
      fragments: c.ranges,
      source: src ? src.ranges : null,
      sourceText: src ? src.text : null,
      direct: isDirect(text, content),
    });
  }
  out.sort((a, b) => a.content.start - b.content.start || a.content.end - b.content.end);
  return out;
}

function wordTokens(text: string, spans: Span | Span[]): Set<number> {
  const set = new Set<number>();
  for (const span of Array.isArray(spans) ? spans : [spans])
    for (const t of tokenize(text, span.start, span.end)) if (/[\p{L}\p{N}]/u.test(t.text)) set.add(t.start);
  return set;
}

function overlapScore(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / Math.max(a.size, b.size);
}

function sameSet(a: Set<number>, b: Set<number>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

type Recognise = (text: string, sentences: Span[]) => EntityMention[];

async function loadRecogniser(): Promise<Recognise | null> {
  const path = join(process.cwd(), 'src/analyse/entities/index.ts');
  if (!existsSync(path)) return null;
  try {
    const mod = (await import(pathToFileURL(path).href)) as { recogniseEntities?: Recognise };
    return typeof mod.recogniseEntities === 'function' ? mod.recogniseEntities : null;
  } catch (err) {
    console.error(`entity recogniser not usable: ${(err as Error).message}`);
    return null;
  }
}

/** The half of the split an article falls in, by its file name (see the header). */
export type Part = 'development' | 'held-out';
export function partOf(name: string): Part {
  return hash(name.replace(/\.txt$/, '')) % 2 === 0 ? 'development' : 'held-out';
}

interface Counts {
  tp: number;
  tpExact: number;
  pred: number;
  gold: number;
  spkOk: number;
  spkTotal: number;
}
const zero = (): Counts => ({ tp: 0, tpExact: 0, pred: 0, gold: 0, spkOk: 0, spkTotal: 0 });

function prf(tp: number, pred: number, gold: number): [number, number, number] {
  const p = pred ? tp / pred : 0;
  const r = gold ? tp / gold : 0;
  return [p, r, p + r ? (2 * p * r) / (p + r) : 0];
}

export interface QuoteEvalOptions {
  limit?: number;
  verbose?: boolean;
  recognise?: Recognise | null;
  /** Also time the three analysers (timeAnalysers: the median of its passes, their range and the floor). */
  speed?: boolean;
  /** Use the trained attribution tagger (default true); false scores the rules alone. */
  model?: boolean;
  /** Parse the articles and let the quotes use the tree (default true); false scores without it. */
  syntax?: boolean;
  /** Score one half of the split only (partOf); default the whole set. */
  part?: Part;
  /** Also hash every predicted quote (QuoteEval.digest): a change meant to keep outputs checks it. */
  digest?: boolean;
}

export interface QuoteEval {
  articles: number;
  words: number;
  all: { gold: number; pred: number; p: number; r: number; f: number; pe: number; re: number; fe: number; speakerAccuracy: number; speakerN: number };
  direct: { gold: number; pred: number; p: number; r: number; f: number; pe: number; re: number; fe: number; speakerAccuracy: number; speakerN: number };
  msPerArticle: number | null;
  /** The speed line's passes and floor (timeAnalysers), when timed. */
  speed: SpeedLine | null;
  entityMsPerArticle: number | null;
  /** Matched pairs whose gold Source contains a capitalised name: the resolved speakerName shares a name word with it. */
  speakerNameAccuracy: number;
  speakerNameN: number;
  /** Matched pairs whose gold Source, linked by the same speaker linker (FindQuotesOptions.linker), names an entity: the predicted speaker is that entity. */
  speakerEntityAccuracy: number;
  speakerEntityN: number;
  /** Speech only (the ledger's guideline): overlap P/R/F1; null without the parse. */
  speech: { gold: number; pred: number; p: number; r: number; f: number } | null;
  /** SHA-256 of the articles' names and their predicted quotes (JSON), when asked for (opts.digest). */
  digest: string | null;
  /** The same of the times and quantities found (findTimes, findQuantities), which the speed line also times. */
  timesQuantitiesDigest: string | null;
  /**
   * The cue classifier (models/cues.bin, at its own threshold 0): precision and recall of the words
   * of annotated Cue spans (recall of every such word, asked about or not) and the share of gold
   * attributions whose cue has a word it accepts; null without the parse or the model.
   */
  cues: { p: number; r: number; f: number; attributions: number } | null;
}

/**
 * A gold attribution of speech: its cue's lemma (by the parse) is a speech cue, or it is a quotation
 * without a cue. The cue's lemma is its first word's or its head's (a word of the cue whose head in
 * the parse lies outside it): "is promising", "has vowed", "earlier claim" are cues of speech
 * although their first word is not.
 */
function isSpeechGold(g: GoldAttribution, tokens: readonly SyntaxToken[]): boolean {
  if (g.cueStart === null) return g.direct;
  const t = tokens.find((x) => x.start <= g.cueStart! && g.cueStart! < x.end);
  const word = (g.cueText ?? '').toLowerCase().split(/\s+/)[0];
  if ((t ? cueClassOf(t.lemma) : null) === 'speech' || cueClassOf(word) === 'speech' || !/\p{L}/u.test(word)) return true;
  const inCue = (x: SyntaxToken | undefined) => x !== undefined && g.cue.some((c) => c.start <= x.start && x.end <= c.end);
  return tokens.some((x) => inCue(x) && !inCue(tokens[x.head]) && cueClassOf(x.lemma.toLowerCase()) === 'speech');
}

const NAME_STOP = new Set('The A An He She It They We I His Her Their Its This That Mr Mrs Ms Dr Sen Rep Gov President'.split(' '));
function nameWords(s: string): Set<string> {
  return new Set((s.match(/\p{Lu}[\p{L}’'-]+/gu) ?? []).map((w) => w.replace(/[’']s$/, '')).filter((w) => !NAME_STOP.has(w)));
}

/** Adds an article's cue-word counts of the cue classifier to `acc` (QuoteEval.cues). */
function scoreCueWords(m: CueModel, text: string, tokens: readonly SyntaxToken[], entities: EntityMention[], gold: GoldAttribution[], acc: { tp: number; fp: number; gold: number; atts: number; found: number }): void {
  const norm = normaliseQuoteMarks(text);
  const toks = tokenize(norm);
  const { inQuote, mark } = quotationFlags(toks, findQuotedSegments(norm).map((s) => s.inner));
  const yes = acceptedCues(m, toks.length, cueQuestions(toks, tokens, entities, inQuote, mark));
  const cueTok = new Uint8Array(toks.length);
  for (const g of gold) {
    if (!g.cue.length) continue;
    let found = false;
    for (const s of g.cue)
      for (let i = tokenAt(toks, s.start); i < toks.length && toks[i].start < s.end; i++) {
        if (!/\p{L}/u.test(toks[i].text)) continue;
        cueTok[i] = 1;
        if (yes[i]) found = true;
      }
    acc.atts++;
    if (found) acc.found++;
  }
  for (let i = 0; i < toks.length; i++) {
    acc.gold += cueTok[i];
    if (yes[i] && cueTok[i]) acc.tp++;
    else if (yes[i]) acc.fp++;
  }
}

export function evaluateQuotes(dir: string, opts: QuoteEvalOptions = {}): QuoteEval {
  const limit = opts.limit ?? Number.POSITIVE_INFINITY;
  const verbose = opts.verbose ?? false;
  const recognise = opts.recognise ?? null;
  const textDir = join(dir, 'text');
  const annDir = join(dir, 'attributions');
  const annFiles = readdirSync(annDir)
    .filter((f) => f.endsWith('.ann'))
    .sort();
  const names = readdirSync(textDir)
    .filter((f) => f.endsWith('.txt') && (!opts.part || partOf(f) === opts.part))
    .sort()
    .slice(0, limit);
  const all = zero();
  const direct = zero();
  const named = { ok: 0, total: 0 };
  const linked = { ok: 0, total: 0 };
  const speech = { tp: 0, pred: 0, gold: 0 };
  const directExactTp = { n: 0 };
  let directPredTp = 0;
  let directPredTpExact = 0;
  let analyseMs = 0;
  let entityMs = 0;
  let words = 0;
  const digest = opts.digest ? createHash('sha256') : null;
  const otherDigest = opts.digest ? createHash('sha256') : null;
  const cueModel = opts.syntax === false ? null : loadCueClassifier();
  const cueWords = { tp: 0, fp: 0, gold: 0, atts: 0, found: 0 };
  for (const name of names) {
    const base = name.slice(0, -4);
    const annName = annFiles.find((f) => f.startsWith(`${base}_`) && /^_[0-9a-f]+\.ann$/.test(f.slice(base.length)));
    if (!annName) continue;
    const text = readFileSync(join(textDir, name), 'utf8');
    const gold = loadGold(text, readFileSync(join(annDir, annName), 'utf8'));
    words += text.split(/\s+/).length;
    const sentences = splitSentences(text);
    const e0 = performance.now();
    const entities = recognise ? recognise(text, sentences) : [];
    entityMs += performance.now() - e0;
    // the parse is its own stage (npm run eval:syntax times it); the quotes' review of it counts here
    const tokens = opts.syntax === false ? undefined : parseSentences(text, sentences).tokens;
    const t0 = performance.now();
    let link: ((span: Span) => { entity: string | null; name: string | null }) | null = null;
    const quotes = findQuotes(text, sentences, entities, { model: opts.model !== false, tokens, linker: (l) => (link = l) });
    const times = findTimes(text, sentences, null);
    const quantities = findQuantities(text, sentences);
    analyseMs += performance.now() - t0;
    digest?.update(`${name}\n${JSON.stringify(quotes)}\n`);
    otherDigest?.update(`${name}\n${JSON.stringify(times)}\n${JSON.stringify(quantities)}\n`);

    const predSets = quotes.map((q) => wordTokens(text, q.parts ?? q.span));
    if (tokens && cueModel) scoreCueWords(cueModel, text, tokens, entities, gold, cueWords);
    if (tokens) {
      // speech only (what the quote ledger keeps): gold whose annotated cue's lemma is a speech cue, or a quotation
      // without a cue; predictions whose cueClass is speech
      const goldSpeech = gold.filter((g) => isSpeechGold(g, tokens)).map((g) => wordTokens(text, g.fragments));
      const predSpeech = quotes.filter((q) => q.cueClass === 'speech').map((q) => wordTokens(text, q.parts ?? q.span));
      speech.gold += goldSpeech.length;
      speech.pred += predSpeech.length;
      speech.tp += matchSets(goldSpeech, predSpeech).tp;
    }
    const used = new Set<number>();
    all.pred += quotes.length;
    all.gold += gold.length;
    direct.pred += quotes.filter((q) => q.kind === 'direct').length;
    const matchedPred = new Map<number, GoldAttribution>();
    for (const g of gold) {
      const gs = wordTokens(text, g.fragments);
      if (g.direct) direct.gold++;
      let best = -1;
      let bestScore = 0;
      for (let i = 0; i < quotes.length; i++) {
        if (used.has(i)) continue;
        const q = quotes[i];
        if (q.span.end <= g.content.start || q.span.start >= g.content.end) continue;
        const s = overlapScore(gs, predSets[i]);
        if (s > bestScore) {
          bestScore = s;
          best = i;
        }
      }
      if (best < 0 || bestScore < 0.5) {
        if (verbose)
          console.log(
            `MISS${g.direct ? ' D' : ''} [${g.cueText}] ${JSON.stringify(text.slice(g.content.start, g.content.end).slice(0, 160))} ← ${g.sourceText}${g.direct ? ` CTX ${JSON.stringify(text.slice(Math.max(0, g.content.start - 100), g.content.start))} … ${JSON.stringify(text.slice(g.content.end, g.content.end + 80))}` : ''}`,
          );
        continue;
      }
      used.add(best);
      matchedPred.set(best, g);
      const q = quotes[best];
      const exact = sameSet(gs, predSets[best]);
      if (verbose && !exact)
        console.log(`BOUND gold=${JSON.stringify(g.fragments.map((fr) => text.slice(fr.start, fr.end)).join(' … ').slice(0, 140))} pred=${JSON.stringify(text.slice(quotes[best].span.start, quotes[best].span.end).slice(0, 140))}`);
      all.tp++;
      if (exact) all.tpExact++;
      if (g.direct) {
        direct.tp++;
        if (exact) directExactTp.n++;
      }
      if (g.source) {
        const ok = speakerMatches(text, q, g);
        all.spkTotal++;
        if (ok) all.spkOk++;
        // who, resolved: the gold source names someone and the predicted speaker name shares a name word
        // who, linked: the gold source phrase linked by the same linker names an entity; the predicted speaker is that entity
        const goldEntity = link && g.source.length ? (link as (span: Span) => { entity: string | null }) (g.source[0]).entity : null;
        if (goldEntity) {
          linked.total++;
          if (q.speaker === goldEntity) linked.ok++;
          else if (verbose) console.log(`ENT gold=${JSON.stringify(g.sourceText)}→${goldEntity} pred=${JSON.stringify(q.speakerSpan ? text.slice(q.speakerSpan.start, q.speakerSpan.end) : null)}→${q.speaker}`);
        }
        const goldNames = nameWords(g.sourceText ?? '');
        if (goldNames.size) {
          named.total++;
          const mine = nameWords(q.speakerName ?? '');
          if ([...mine].some((w) => goldNames.has(w))) named.ok++;
        }
        if (g.direct) {
          direct.spkTotal++;
          if (ok) direct.spkOk++;
        }
        if (verbose && !ok) {
          const sp = q.speakerSpan ? text.slice(q.speakerSpan.start, q.speakerSpan.end) : null;
          console.log(`SPK${q.cue ? "" : "-CONT"}${g.direct ? " D" : ""} cue=${q.cue?.verb} gold=${JSON.stringify(g.sourceText)} pred=${JSON.stringify(sp)} :: ${JSON.stringify(text.slice(q.span.start, q.span.end).slice(0, 100))}`);
        }
      }
    }
    for (const [i, g] of matchedPred) {
      if (quotes[i].kind !== 'direct') continue;
      directPredTp++;
      if (sameSet(predSets[i], wordTokens(text, g.fragments))) directPredTpExact++;
    }
    if (verbose) {
      for (let i = 0; i < quotes.length; i++) {
        if (matchedPred.has(i)) continue;
        const q = quotes[i];
        const near = gold.find((g) => g.content.start < q.span.end && q.span.start < g.content.end);
        const rel = !near ? '' : [...matchedPred.values()].includes(near) ? 'dup' : near.content.start <= q.span.start && near.content.end >= q.span.end ? 'short' : q.span.start <= near.content.start && q.span.end >= near.content.end ? 'long' : 'shifted';
        console.log(`FP${near ? `~${rel}` : ''} ${q.kind} ${JSON.stringify(text.slice(q.span.start, q.span.end).slice(0, 160))} cue=${q.cue?.verb}${near ? ` GOLD ${JSON.stringify(text.slice(near.content.start, near.content.end).slice(0, 120))}` : ''}`);
      }
    }
  }
  const [p, r, f] = prf(all.tp, all.pred, all.gold);
  const [pe, re, fe] = prf(all.tpExact, all.pred, all.gold);
  // Direct precision: predictions of kind `direct` matched to any gold; direct recall: direct gold matched.
  const dp = direct.pred ? directPredTp / direct.pred : 0;
  const dr = direct.gold ? direct.tp / direct.gold : 0;
  const df = dp + dr ? (2 * dp * dr) / (dp + dr) : 0;
  const dpe = direct.pred ? directPredTpExact / direct.pred : 0;
  const dre = direct.gold ? directExactTp.n / direct.gold : 0;
  const dfe = dpe + dre ? (2 * dpe * dre) / (dpe + dre) : 0;
  const spk = all.spkTotal ? all.spkOk / all.spkTotal : 0;
  const dspk = direct.spkTotal ? direct.spkOk / direct.spkTotal : 0;
  const speed = opts.speed ? timeAnalysers(textDir, names, { ...opts, entities: Boolean(opts.recognise) }) : null;
  void analyseMs;
  return {
    articles: names.length,
    words,
    all: { gold: all.gold, pred: all.pred, p, r, f, pe, re, fe, speakerAccuracy: spk, speakerN: all.spkTotal },
    direct: { gold: direct.gold, pred: direct.pred, p: dp, r: dr, f: df, pe: dpe, re: dre, fe: dfe, speakerAccuracy: dspk, speakerN: direct.spkTotal },
    msPerArticle: speed ? speed.median : null,
    speed,
    entityMsPerArticle: recognise ? entityMs / names.length : null,
    speakerNameAccuracy: named.total ? named.ok / named.total : 0,
    speakerNameN: named.total,
    speakerEntityAccuracy: linked.total ? linked.ok / linked.total : 0,
    speakerEntityN: linked.total,
    speech: opts.syntax === false ? null : (() => {
      const [sp, sr, sf] = prf(speech.tp, speech.pred, speech.gold);
      return { gold: speech.gold, pred: speech.pred, p: sp, r: sr, f: sf };
    })(),
    digest: digest ? digest.digest('hex') : null,
    timesQuantitiesDigest: otherDigest ? otherDigest.digest('hex') : null,
    cues: !cueModel
      ? null
      : (() => {
          const [cp, cr, cf] = prf(cueWords.tp, cueWords.tp + cueWords.fp, cueWords.gold);
          return { p: cp, r: cr, f: cf, attributions: cueWords.atts ? cueWords.found / cueWords.atts : 0 };
        })(),
  };
}

/**
 * The speed line: the three analysers alone over the texts `names` of `textDir`, one process, CPU
 * time per article (user + system), PASSES passes after WARM_UP passes. A run of many articles
 * is in steady state: the first passes still pay for compiling the code (the compiler's threads
 * count in the process's CPU time), and were still falling at the third pass (per pass, CPU-ms per
 * article: 18.4, 7.5, 7.7, 6.1, 5.7, 5.5, then 5.1-5.8).
 * On a shared machine one pass, or one process, can be slowed by the others' load: the line gives
 * the median pass with the spread of the passes, and the floor, each article's fastest pass summed
 * (load only ever adds time, so the floor moves least with it; it leaves out the garbage collections
 * an article sometimes pays for, so it is a little under what an idle machine gives).
 */
const WARM_UP = 4;
const PASSES = 9;

/** What the speed line measured, CPU-ms per article. */
export interface SpeedLine {
  /** The median pass. */
  median: number;
  /** Every timed pass, ascending. */
  passes: number[];
  /** Each article's fastest pass, summed, over the articles. */
  floor: number;
}

export function timeAnalysers(textDir: string, names: string[], opts: Pick<QuoteEvalOptions, 'model' | 'syntax'> & { entities?: boolean } = {}): SpeedLine {
  const texts = names.map((n) => readFileSync(join(textDir, n), 'utf8'));
  const sents = texts.map((t) => splitSentences(t));
  // the parse is its own stage (timed by eval:syntax) but the quotes read it (the tagger's tree
  // features, the review): computed before the clock starts and given, as the pipeline gives it
  const parses = texts.map((t, i) => (opts.syntax === false ? undefined : parseSentences(t, sents[i]).tokens));
  // the entities too (their own stage), given as the pipeline gives them: the speakers read them
  const entities = texts.map((t, i) => (opts.entities === false ? [] : recogniseEntities(t, sents[i])));
  const passes: number[] = [];
  const fastest = new Array<number>(texts.length).fill(Infinity);
  // CPU time of this process (user + system), not wall time: the machine is shared, and CPU time
  // is what "articles/s on one core" means.
  for (let rep = 0; rep < WARM_UP + PASSES; rep++) {
    let sum = 0;
    for (let i = 0; i < texts.length; i++) {
      // a new array of the same tokens each pass, copied outside the clock: the quote passes keep
      // what they derive from a parse in memos keyed on its array, which the pipeline pays for
      // every article and a loop over the same arrays would pay in its first pass only
      const tokens = parses[i]?.slice();
      const c0 = process.cpuUsage();
      findQuotes(texts[i], sents[i], entities[i], { model: opts.model !== false, tokens });
      findTimes(texts[i], sents[i], null);
      findQuantities(texts[i], sents[i]);
      const c = process.cpuUsage(c0);
      sum += c.user + c.system;
      if (rep >= WARM_UP) fastest[i] = Math.min(fastest[i], c.user + c.system);
    }
    if (rep >= WARM_UP) passes.push(sum / 1000 / texts.length);
  }
  passes.sort((a, b) => a - b);
  return { median: medianOf(passes), passes, floor: fastest.reduce((a, b) => a + b, 0) / 1000 / texts.length };
}

function medianOf(a: number[]): number {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** The speed line as printed: median pass, the passes' range, the floor, and articles/s of the median. */
function speedText(r: SpeedLine, passes: string): string {
  const ms = r.median;
  return `speed: quotes+times+quantities median ${ms.toFixed(2)} CPU-ms/article (${passes} ${r.passes[0].toFixed(2)}-${r.passes[r.passes.length - 1].toFixed(2)}; floor ${r.floor.toFixed(2)}) = ${(1000 / ms).toFixed(0)} articles/s on one core`;
}

/**
 * The speed line in `processes` fresh processes one after the other (this script with
 * --speed-only --json), so that one process slowed by the machine's load, or compiled less well,
 * does not decide: the median of their medians and of their floors, and the range of the medians.
 */
function speedInProcesses(dir: string, processes: number, pass: string[]): SpeedLine & { medians: number[]; floors: number[] } {
  const runs: SpeedLine[] = [];
  for (let p = 0; p < processes; p++) {
    const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), dir, '--speed-only', '--processes', '1', '--json-only', ...pass], { encoding: 'utf8' });
    runs.push(JSON.parse(out.trim().split('\n').pop()!) as SpeedLine);
  }
  const medians = runs.map((r) => r.median).sort((a, b) => a - b);
  const floors = runs.map((r) => r.floor).sort((a, b) => a - b);
  return { median: medianOf(medians), passes: medians, floor: medianOf(floors), medians, floors };
}

/** Greedy one-to-one matching of `pred` to `gold` content token sets (gold in order, best overlap first): matched pairs and exact ones. */
function matchSets(gold: Set<number>[], pred: Set<number>[]): { tp: number; tpExact: number } {
  const used = new Set<number>();
  let tp = 0;
  let tpExact = 0;
  for (const g of gold) {
    let best = -1;
    let bestScore = 0;
    for (let i = 0; i < pred.length; i++) {
      if (used.has(i)) continue;
      const sc = overlapScore(g, pred[i]);
      if (sc > bestScore) {
        bestScore = sc;
        best = i;
      }
    }
    if (best < 0 || bestScore < 0.5) continue;
    used.add(best);
    tp++;
    if (sameSet(g, pred[best])) tpExact++;
  }
  return { tp, tpExact };
}

export interface Agreement {
  articles: number;
  pairs: number;
  gold: number;
  pred: number;
  f: number;
  fe: number;
}

/** Inter-annotator agreement on the articles of `dir` annotated more than once (see the header). */
export function annotatorAgreement(dir: string): Agreement {
  const annDir = join(dir, 'attributions');
  const byArticle = new Map<string, string[]>();
  for (const f of readdirSync(annDir).filter((x) => x.endsWith('.ann')).sort()) {
    const base = f.replace(/_[0-9a-f]+\.ann$/, '');
    byArticle.set(base, [...(byArticle.get(base) ?? []), f]);
  }
  const out: Agreement = { articles: 0, pairs: 0, gold: 0, pred: 0, f: 0, fe: 0 };
  let tp = 0;
  let tpExact = 0;
  for (const [base, files] of byArticle) {
    const textPath = join(dir, 'text', `${base}.txt`);
    if (files.length < 2 || !existsSync(textPath)) continue;
    const text = readFileSync(textPath, 'utf8');
    const sets = files.map((f) => loadGold(text, readFileSync(join(annDir, f), 'utf8')).map((g) => wordTokens(text, g.fragments)));
    out.articles++;
    for (let a = 0; a < sets.length; a++)
      for (let b = 0; b < sets.length; b++) {
        if (a === b) continue;
        out.pairs++;
        out.gold += sets[a].length;
        out.pred += sets[b].length;
        const m = matchSets(sets[a], sets[b]);
        tp += m.tp;
        tpExact += m.tpExact;
      }
  }
  out.f = prf(tp, out.pred, out.gold)[2];
  out.fe = prf(tpExact, out.pred, out.gold)[2];
  return out;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--agreement')) {
    const dirArg = args.find((a) => !a.startsWith('--')) ?? '../shared/data/attribution/polnear/dev';
    const a = annotatorAgreement(dirArg);
    console.log(`dir: ${dirArg}  articles with several annotators: ${a.articles}  annotator pairs: ${a.pairs}`);
    console.log(`annotator vs annotator (same matching and definitions as above): overlap F1 ${a.f.toFixed(3)}, exact F1 ${a.fe.toFixed(3)} (${a.gold} attributions as gold)`);
    console.log(JSON.stringify({ agreementOverlapF1: round(a.f), agreementExactF1: round(a.fe), articles: a.articles, pairs: a.pairs }));
    return;
  }
  const limitIdx = args.indexOf('--limit');
  // (the directory is the one argument that is neither an option nor an option's value)
  const VALUED = new Set(['--limit', '--part', '--processes']);
  const dir = args.find((a, i) => !a.startsWith('--') && !VALUED.has(args[i - 1])) ?? '../shared/data/attribution/polnear/dev';
  if (args.includes('--speed-only')) {
    // the speed line alone (no scoring): the quick loop for speed work
    const textDir = join(dir, 'text');
    const names = readdirSync(textDir).filter((f) => f.endsWith('.txt')).sort().slice(0, limitIdx >= 0 ? Number(args[limitIdx + 1]) : undefined);
    const procIdx = args.indexOf('--processes');
    const processes = procIdx >= 0 ? Math.max(1, Number(args[procIdx + 1]) || 1) : 3;
    if (processes > 1) {
      const pass = ['--no-model', '--no-syntax', '--no-entities'].filter((a) => args.includes(a)).concat(limitIdx >= 0 ? ['--limit', args[limitIdx + 1]] : []);
      const r = speedInProcesses(dir, processes, pass);
      const floors = `${r.floors[0].toFixed(2)}-${r.floors[r.floors.length - 1].toFixed(2)}`;
      console.log(`${speedText(r, `medians of ${processes} processes, each of ${PASSES} passes after ${WARM_UP} warm-up passes:`)}; the processes' floors ${floors} (${names.length} articles; load ${loadavg()[0].toFixed(1)})`);
      console.log(JSON.stringify({ msPerArticle: round(r.median), articlesPerSecond: Math.round(1000 / r.median), floorMsPerArticle: round(r.floor), processMedians: r.medians.map(round), processFloors: r.floors.map(round) }));
      return;
    }
    const r = timeAnalysers(textDir, names, { model: !args.includes('--no-model'), syntax: !args.includes('--no-syntax'), entities: !args.includes('--no-entities') });
    if (args.includes('--json-only')) {
      console.log(JSON.stringify(r));
      return;
    }
    console.log(`${speedText(r, `${PASSES} passes after ${WARM_UP} warm-up passes:`)} (${names.length} articles; load ${loadavg()[0].toFixed(1)})`);
    console.log(JSON.stringify({ msPerArticle: round(r.median), articlesPerSecond: Math.round(1000 / r.median), floorMsPerArticle: round(r.floor) }));
    return;
  }
  const recognise = args.includes('--no-entities') ? null : await loadRecogniser();
  const partIdx = args.indexOf('--part');
  // --part whole: the whole set alone, without the halves (train-quotes.ts scores each fold of train so)
  const only = partIdx >= 0 ? (args[partIdx + 1] as Part | 'whole') : undefined;
  const base: QuoteEvalOptions = {
    limit: limitIdx >= 0 ? Number(args[limitIdx + 1]) : undefined,
    verbose: args.includes('--verbose'),
    recognise,
    model: !args.includes('--no-model'),
    syntax: !args.includes('--no-syntax'),
  };
  const speed = !args.includes('--no-speed');
  const digest = args.includes('--digest');
  // the whole set (timed), then each half of the split; with --part, that half alone (timed)
  const runs: [string, QuoteEval][] = only
    ? [[only, evaluateQuotes(dir, { ...base, part: only === 'whole' ? undefined : only, speed, digest })]]
    : [
        ['whole', evaluateQuotes(dir, { ...base, speed, digest })],
        ['development', evaluateQuotes(dir, { ...base, verbose: false, part: 'development' })],
        ['held-out', evaluateQuotes(dir, { ...base, verbose: false, part: 'held-out' })],
      ];
  console.log(`dir: ${dir}  speakers: ${recognise ? 'entity mentions from recogniseEntities' : 'built-in capitalised-name fallback'}`);
  console.log('split: development half = file names (without .txt) whose FNV-1a hash is even, held-out half = odd');
  for (const [label, r] of runs) report(label, r);
  if (digest) {
    console.log(`digest (sha256 of every predicted quote, ${runs[0][1].articles} articles): ${runs[0][1].digest}`);
    console.log(`digest of the times and quantities found (sha256, same articles): ${runs[0][1].timesQuantitiesDigest}`);
  }
  const figures = (r: QuoteEval) => ({
    overlapF1: round(r.all.f),
    exactF1: round(r.all.fe),
    speakerAccuracy: round(r.all.speakerAccuracy),
    directOverlapF1: round(r.direct.f),
    directSpeakerAccuracy: round(r.direct.speakerAccuracy),
    ...(r.speech ? { speechOverlapF1: round(r.speech.f) } : {}),
    speakerNameAccuracy: round(r.speakerNameAccuracy),
    speakerEntityAccuracy: round(r.speakerEntityAccuracy),
    ...(r.cues ? { cueWordF1: round(r.cues.f), cueAttributions: round(r.cues.attributions) } : {}),
  });
  const [first, ...halves] = runs;
  console.log(JSON.stringify({ ...figures(first[1]), ...Object.fromEntries(halves.map(([label, r]) => [label, figures(r)])) }));
}

/** The figures of one scored set, as a table. */
function report(label: string, r: QuoteEval): void {
  const fmt = (x: number) => x.toFixed(3);
  console.log(`\n== ${label}: ${r.articles} articles`);
  console.log('subset      gold  pred   P(ovl)  R(ovl)  F1(ovl)  P(ex)   R(ex)   F1(ex)  speakerAcc (n)');
  for (const [name, m] of [['all', r.all], ['quoted', r.direct]] as const) {
    console.log(
      `${name.padEnd(8)}  ${String(m.gold).padStart(6)} ${String(m.pred).padStart(5)}   ${fmt(m.p)}   ${fmt(m.r)}   ${fmt(m.f)}    ${fmt(m.pe)}   ${fmt(m.re)}   ${fmt(m.fe)}   ${fmt(m.speakerAccuracy)} (${m.speakerN})`,
    );
  }
  if (r.speech)
    console.log(`speech only (the ledger's guideline; gold by its cue's lemma): gold ${r.speech.gold} pred ${r.speech.pred}  P ${fmt(r.speech.p)}  R ${fmt(r.speech.r)}  F1(ovl) ${fmt(r.speech.f)}`);
  console.log(`speaker names (resolved speakerName shares a name with a named gold Source, pronouns resolved): ${fmt(r.speakerNameAccuracy)} (${r.speakerNameN})`);
  console.log(`speaker entity (gold Source linked by the same linker names an entity; predicted speaker is it): ${fmt(r.speakerEntityAccuracy)} (${r.speakerEntityN})`);
  if (r.cues) console.log(`cue classifier (words of gold Cue spans): P ${fmt(r.cues.p)} R ${fmt(r.cues.r)} F1 ${fmt(r.cues.f)}; attributions with a cue word accepted ${fmt(r.cues.attributions)}`);
  const entity = r.entityMsPerArticle !== null ? `; entity recogniser ${r.entityMsPerArticle.toFixed(2)} ms/article` : '';
  if (r.speed)
    console.log(`${speedText(r.speed, `${PASSES} passes after ${WARM_UP} warm-up passes:`)} (${(r.words / r.articles) | 0} words/article avg; load ${loadavg()[0].toFixed(1)})${entity}`);
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

function speakerMatches(text: string, q: Quote, g: GoldAttribution): boolean {
  if (!q.speakerSpan || !g.source) return false;
  const ps = q.speakerSpan;
  for (const r of g.source) if (ps.start < r.end && r.start < ps.end) return true;
  const norm = (s: string) => s.toLowerCase().replace(/[’']s$/, '').trim();
  return g.sourceText !== null && norm(text.slice(ps.start, ps.end)) === norm(g.sourceText);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();

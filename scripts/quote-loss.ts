/**
 * Where PolNeAR's all-attribution overlap F1 is lost (issue 16), as one table: every gold attribution and
 * every prediction, matched one to one as eval:quotes matches (greedy by overlap, gold in text order, a
 * match shares half the words of the larger), is put in a class, and each class gets its share of the
 * loss. With G gold, P predictions and M matches, F1 = 2M / (G + P), so 1 - F1 = (G - M) / (G + P) +
 * (P - M) / (G + P): each gold with no match costs 1 / (G + P), each prediction with no match the same.
 * The unmatched on both sides split into *partial* (a prediction and a gold share a word but less than
 * half: a boundary, a nested or split attribution) and *none near* (a miss no prediction touches, a
 * prediction no gold touches).
 *
 *   node --import tsx scripts/quote-loss.ts [dir] [--part development|held-out] [--limit N] [--entities] [--by cue|length|position|sentences]
 *
 * Classes (`--by`):
 * - `cue` (default): the attribution's cue as the text gives it — a quotation with no cue; "according
 *   to"; a colon ("X: …"); a cue of the evidence class (data/lexicons/attribution-cues.tsv); otherwise by
 *   the parse (quote-misses.ts classOf): a verb with a clause below it (split into the lexicon's speech
 *   verbs and the rest), a verb with an object or oblique, a noun cue, a copula or adjective, a passive,
 *   a content not below its cue. A prediction is classed by its own cue and content the same way.
 * - `length`: the content's words (1-3, 4-8, 9-15, 16-30, 31+).
 * - `position`: the sentence the content starts in (the headline, sentences 2-5, 6-20, 21+).
 * - `sentences`: one sentence, or several (a content that runs over a sentence end, or split in fragments).
 * - `class` (predictions only): the quote's kind and cue class.
 * - `partial`: only the partial pairs, each unmatched gold (by the prediction that shares most words with it) and
 *   each unmatched prediction (by the gold that shares most with it) put in a class of why they fall under half
 *   (`partialKind`): nested (one's cue inside the other's content), split (the gold's words are spread over
 *   several predictions that together would match it), joined (the prediction holds several golds that together
 *   would match it), taken (the nearest is matched to another), the gold's cue or source inside the prediction,
 *   or a boundary: starts early / late, ends late / soon, with what the longer one runs over at its end
 *   (a sentence end, a comma or dash, a quotation mark, a word). `--show` prints each one.
 *
 * `--parity K` reads only train's articles at positions K modulo 2 (quote-misses.ts), for out-of-fold runs with
 * `TRIANGULATE_ATTRIB_MODEL` / `TRIANGULATE_CUE_MODEL` at the fold models that did not see them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findQuotes } from '../src/analyse/quotes.js';
import { cueClassOf } from '../src/analyse/quotes/cues.js';
import { childrenOf } from '../src/analyse/syntax/helpers.js';
import { parseSentences } from '../src/analyse/syntax/index.js';
import { splitSentences } from '../src/analyse/tokenize.js';
import type { EntityMention, Quote, Span, SyntaxToken } from '../src/model/types.js';
import { loadGold, partOf, type Part } from './eval-quotes.js';
import { trainSplit } from './polnear-split.js';
import { classOf, headIn, matchOneToOne, overlap, words } from './quote-misses.js';

type Gold = ReturnType<typeof loadGold>[number];
type By = 'cue' | 'length' | 'position' | 'sentences' | 'class' | 'partial';

interface Row { gold: number; goldMatched: number; goldPartial: number; pred: number; predMatched: number; predPartial: number }

const row = (): Row => ({ gold: 0, goldMatched: 0, goldPartial: 0, pred: 0, predMatched: 0, predPartial: 0 });

/** The class of an attribution's cue: a gold's annotated cue, or a prediction's cue and content turned into the same shape. */
function cueKind(text: string, cue: Span[], fragments: Span[], direct: boolean, parse: readonly SyntaxToken[], kids: number[][]): string {
  if (!cue.length) return direct ? 'quotation, no cue' : 'no cue';
  const cueText = cue.map((s) => text.slice(s.start, s.end)).join(' ').toLowerCase();
  if (/\baccording\b/.test(cueText)) return '"according to"';
  if (/^\s*[:—–-]\s*$/.test(cueText)) return 'colon or dash';
  const h = headIn(parse, cue).head;
  if (h >= 0 && cueClassOf(parse[h].lemma) === 'evidence') return 'evidence cue';
  const g = { cue, fragments, cueText, cueStart: cue[0].start, content: fragments[0], source: null, sourceText: null, direct } as Gold;
  const { cls } = classOf(g, parse, kids);
  if (cls === 'clause') return h >= 0 && cueClassOf(parse[h].lemma) === 'speech' ? 'clause of a speech verb' : 'clause of another verb';
  return cls === 'nominal' ? 'noun cue' : cls;
}

function lengthBin(n: number): string {
  return n <= 3 ? 'a: 1-3 words' : n <= 8 ? 'b: 4-8 words' : n <= 15 ? 'c: 9-15 words' : n <= 30 ? 'd: 16-30 words' : 'e: 31+ words';
}

function positionBin(sentences: Span[], at: number): string {
  let i = 0;
  while (i + 1 < sentences.length && sentences[i + 1].start <= at) i++;
  return i === 0 ? 'a: headline' : i < 5 ? 'b: sentences 2-5' : i < 20 ? 'c: sentences 6-20' : 'd: sentence 21+';
}

function sentenceBin(sentences: Span[], fragments: Span[]): string {
  if (fragments.length > 1) return 'fragments';
  const s = fragments[0];
  const over = sentences.some((x) => x.start > s.start && x.start < s.end - 1);
  return over ? 'several sentences' : 'one sentence';
}

function classer(by: By, text: string, sentences: Span[], parse: readonly SyntaxToken[], kids: number[][]) {
  return (cue: Span[], fragments: Span[], direct: boolean, size: number, q?: Quote): string => {
    if (by === 'class') return q ? `${q.kind}, ${q.cueClass ?? 'no class'}` : direct ? 'gold quotation' : 'gold';
    if (by === 'length') return lengthBin(size);
    if (by === 'position') return positionBin(sentences, fragments[0].start);
    if (by === 'sentences') return sentenceBin(sentences, fragments);
    return cueKind(text, cue, fragments, direct, parse, kids);
  };
}

/** What the longer side runs over at `at` (the shorter side's edge): the first mark or word past it. */
function edgeKind(text: string, at: number, forward: boolean): string {
  const s = forward ? text.slice(at, at + 4).trimStart() : text.slice(Math.max(0, at - 4), at).trimEnd();
  const c = forward ? s[0] ?? '' : s[s.length - 1] ?? '';
  if (/[.?!]/.test(c)) return 'a sentence end';
  if (c === ',') return 'a comma';
  if (/[;:]/.test(c)) return 'a semicolon or colon';
  if (/[—–-]/.test(c)) return 'a dash';
  if (/["“”‘’'()]/.test(c)) return 'a quotation mark or bracket';
  return 'a word';
}

/**
 * Why an unmatched gold or prediction falls under half with the one that shares most words with it (`--by partial`).
 * `mine` / `other` are the two sides' word sets and spans; `others` every set of the other side, `otherMatched`
 * whether that nearest one is matched elsewhere.
 */
function partialKind(p: { text: string; gold: Gold; q: Quote; goldSet: Set<number>; qSet: Set<number>; side: 'gold' | 'pred'; peersOfGold: Set<number>[]; peersOfPred: Set<number>[]; taken: boolean }): string {
  const { text, gold, q, goldSet, qSet } = p;
  const inSpans = (x: number, spans: Span[]) => spans.some((s) => s.start <= x && x < s.end);
  const qParts = q.parts ?? [q.span];
  if (q.cue && inSpans(q.cue.span.start, gold.fragments)) return 'nested: the prediction\'s cue inside the gold content';
  if (gold.cue.length && gold.cue.some((c) => inSpans(c.start, qParts))) return 'nested: the gold\'s cue inside the prediction';
  const union = (sets: Set<number>[]) => new Set(sets.flatMap((x) => [...x]));
  const near = (sets: Set<number>[], of: Set<number>) => sets.filter((x) => overlap(of, x) > 0);
  const predsOnGold = near(p.peersOfPred, goldSet);
  if (predsOnGold.length > 1 && overlap(goldSet, union(predsOnGold)) >= 0.5) return 'split: the gold over several predictions';
  const goldsOnPred = near(p.peersOfGold, qSet);
  if (goldsOnPred.length > 1 && overlap(union(goldsOnPred), qSet) >= 0.5) return 'joined: several golds in one prediction';
  if (p.taken) return `taken: the nearest ${p.side === 'gold' ? 'prediction' : 'gold'} matched elsewhere`;
  if (gold.source && gold.source.some((s) => qParts.some((x) => x.start < s.end && s.start < x.end))) return 'the gold source inside the prediction';
  const gMin = Math.min(...goldSet), gMax = Math.max(...goldSet), pMin = Math.min(...qSet), pMax = Math.max(...qSet);
  const gEnd = gold.fragments[gold.fragments.length - 1].end, pEnd = qParts[qParts.length - 1].end;
  if (pMax > gMax && pMin >= gMin) return `too long: ends late, past ${edgeKind(text, gEnd, true)}${pMin > gMin ? ', starts late' : ''}`;
  if (pMin < gMin && pMax <= gMax) return `too long: starts early, before ${edgeKind(text, gold.fragments[0].start, false)}${pMax < gMax ? ', ends soon' : ''}`;
  if (pMin < gMin && pMax > gMax) return 'too long: both ends';
  if (pMax < gMax) return `too short: ends soon, at ${edgeKind(text, pEnd, true)}${pMin > gMin ? ', starts late' : ''}`;
  if (pMin > gMin) return `too short: starts late, after ${edgeKind(text, qParts[0].start, false)}`;
  return 'same ends, a gap inside';
}

/** `--by partial`: each unmatched gold and prediction that shares a word with the other side, by partialKind. */
function countPartial(name: string, text: string, golds: Gold[], quotes: Quote[], goldSets: Set<number>[], sets: Set<number>[], matchOf: Map<number, number>, rows: Map<string, Row>, show: boolean): void {
  const used = new Map([...matchOf].map(([gi, i]) => [i, gi]));
  const at = (k: string) => rows.get(k) ?? rows.set(k, row()).get(k)!;
  const rest = at('z: matched or none near');
  const nearest = (of: Set<number>, pool: Set<number>[]) => pool.reduce((b, x, i) => (overlap(of, x) > (b < 0 ? 0 : overlap(of, pool[b])) ? i : b), -1);
  const line = (k: string, gi: number, i: number) => show && console.log(`${k} | ${name} | PRED [${quotes[i].cue?.verb ?? ''}] ${JSON.stringify(text.slice(quotes[i].span.start, quotes[i].span.end).slice(0, 150))} | GOLD [${golds[gi].cueText ?? ''}] ${JSON.stringify(golds[gi].fragments.map((f) => text.slice(f.start, f.end)).join(' … ').slice(0, 150))}`);
  golds.forEach((g, gi) => {
    const i = matchOf.has(gi) ? -1 : nearest(goldSets[gi], sets);
    if (i < 0) return void (rest.gold++, matchOf.has(gi) && rest.goldMatched++);
    const k = partialKind({ text, gold: g, q: quotes[i], goldSet: goldSets[gi], qSet: sets[i], side: 'gold', peersOfGold: goldSets, peersOfPred: sets, taken: used.has(i) });
    const r = at(`gold: ${k}`);
    r.gold++;
    r.goldPartial++;
    line(`gold: ${k}`, gi, i);
  });
  quotes.forEach((q, i) => {
    const gi = used.has(i) ? -1 : nearest(sets[i], goldSets);
    if (gi < 0) return void (rest.pred++, used.has(i) && rest.predMatched++);
    const k = partialKind({ text, gold: golds[gi], q, goldSet: goldSets[gi], qSet: sets[i], side: 'pred', peersOfGold: goldSets, peersOfPred: sets, taken: matchOf.has(gi) });
    const r = at(`pred: ${k}`);
    r.pred++;
    r.predPartial++;
    line(`pred: ${k}`, gi, i);
  });
}

/** One article: eval:quotes' matching, then each gold and each prediction counted in its class's row. */
function countArticle(name: string, text: string, golds: Gold[], quotes: Quote[], by: By, sentences: Span[], parse: readonly SyntaxToken[], rows: Map<string, Row>, show: boolean): void {
  const kids = childrenOf(parse);
  const cls = classer(by, text, sentences, parse, kids);
  const sets = quotes.map((q) => words(text, q.parts ?? [q.span]));
  const goldSets = golds.map((g) => words(text, g.fragments));
  const matchOf = matchOneToOne(golds, quotes, goldSets, sets);
  if (by === 'partial') return countPartial(name, text, golds, quotes, goldSets, sets, matchOf, rows, show);
  const matched = new Set(matchOf.keys());
  const used = new Set(matchOf.values());
  const at = (k: string) => rows.get(k) ?? rows.set(k, row()).get(k)!;
  golds.forEach((g, gi) => {
    const r = at(cls(g.cue, g.fragments, g.direct, goldSets[gi].size));
    r.gold++;
    if (matched.has(gi)) r.goldMatched++;
    else if (sets.some((s) => overlap(goldSets[gi], s) > 0)) r.goldPartial++;
  });
  quotes.forEach((q, i) => {
    const r = at(cls(q.cue ? [q.cue.span] : [], q.parts ?? [q.span], q.kind === 'direct', sets[i].size, q));
    r.pred++;
    if (used.has(i)) r.predMatched++;
    else if (goldSets.some((s) => overlap(s, sets[i]) > 0)) r.predPartial++;
  });
}

function printTable(rows: Map<string, Row>, by: By): void {
  const all = row();
  for (const r of rows.values()) for (const k of Object.keys(all) as (keyof Row)[]) all[k] += r[k];
  const denom = all.gold + all.pred;
  const pct = (n: number) => (n / denom).toFixed(4);
  const f1 = (r: Row) => (r.gold + r.pred ? ((r.goldMatched + r.predMatched) / (r.gold + r.pred)).toFixed(3) : '-');
  console.log(`overlap F1 ${f1(all)} (gold ${all.gold}, predictions ${all.pred}, matches ${all.goldMatched}); loss 1 - F1 = ${((denom - 2 * all.goldMatched) / denom).toFixed(4)}`);
  console.log(`| ${by} | gold | matched | pred | matched | F1 in class | loss: misses none near | misses partial | spurious none near | spurious partial | loss |`);
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const [k, r] of [...rows, ['all', all] as const].sort((x, y) => (x[0] === 'all' ? 1 : y[0] === 'all' ? -1 : x[0].localeCompare(y[0])))) {
    const missNone = r.gold - r.goldMatched - r.goldPartial, spurNone = r.pred - r.predMatched - r.predPartial;
    const loss = r.gold - r.goldMatched + r.pred - r.predMatched;
    console.log(`| ${k} | ${r.gold} | ${r.goldMatched} | ${r.pred} | ${r.predMatched} | ${f1(r)} | ${pct(missNone)} | ${pct(r.goldPartial)} | ${pct(spurNone)} | ${pct(r.predPartial)} | ${pct(loss)} |`);
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const val = (k: string) => (argv.includes(k) ? argv[argv.indexOf(k) + 1] : undefined);
  const flags = new Set(['--part', '--limit', '--by', '--parity']);
  const dir = argv.find((a, i) => !a.startsWith('--') && !flags.has(argv[i - 1] ?? '')) ?? '../shared/data/attribution/polnear/dev';
  const part = val('--part') as Part | undefined;
  const bys = (val('--by') ?? 'cue,length,position,sentences').split(',') as By[];
  const recognise = argv.includes('--entities') ? ((await import('../src/analyse/entities/index.js')) as { recogniseEntities: (t: string, s: Span[]) => EntityMention[] }).recogniseEntities : null;
  const annFiles = readdirSync(join(dir, 'attributions')).filter((f) => f.endsWith('.ann')).sort();
  const parity = val('--parity');
  const all = parity === undefined ? readdirSync(join(dir, 'text')).filter((f) => f.endsWith('.txt')).sort() : trainSplit(dir, 0, false).train.filter((_, i) => i % 2 === Number(parity));
  const names = all.filter((f) => !part || partOf(f) === part).slice(0, Number(val('--limit') ?? Infinity));
  const tables = new Map(bys.map((b) => [b, new Map<string, Row>()]));
  for (const name of names) {
    const base = name.slice(0, -4);
    const ann = annFiles.find((f) => f.startsWith(`${base}_`) && /^_[0-9a-f]+\.ann$/.test(f.slice(base.length)));
    if (!ann) continue;
    const text = readFileSync(join(dir, 'text', name), 'utf8');
    const golds = loadGold(text, readFileSync(join(dir, 'attributions', ann), 'utf8'));
    const sentences = splitSentences(text);
    const parse = parseSentences(text, sentences).tokens;
    const quotes = findQuotes(text, sentences, recognise ? recognise(text, sentences) : [], { tokens: parse });
    for (const b of bys) countArticle(name, text, golds, quotes, b, sentences, parse, tables.get(b)!, argv.includes('--show'));
  }
  console.log(`${names.length} articles${part ? ` (${part} half)` : ''}`);
  for (const b of bys) printTable(tables.get(b)!, b);
}

await main();

/**
 * The annotated attributions no predicted quote reaches, by the shape of their cue in the parse, and
 * (with `--base DIR`) the quotes a change adds against another tree's `findQuotes` and how many of
 * them are right: the precision of a new pass, measured on the split it is developed on.
 *
 *   node --import tsx scripts/quote-misses.ts [dir] [--part development|held-out] [--limit N] [--from N]
 *        [--entities] [--show CLASS] [--base /tmp/base] [--sides] [--rules] [--pass3 5,0,-5] [--parity 0|1] [--stages]
 *
 * `--stages` splits the gold attributions no prediction shares a word with by the stage that lost them
 * (NOTES.md "Where attributions with no prediction are lost"): (c) no cue the cue classifier is asked about
 * (none annotated, or a cue of adjectives, prepositions, auxiliaries); (a) the classifier scores every
 * word of the cue at or below 0; (b) it accepts one (above 0) and no quote is built: its cue already
 * attributes another content, it lies inside another quote, pass 3 finds no clause of it in the parse
 * (by the cue's shape), its score is at or below pass 3's threshold, or pass 3 would take it and a later
 * step (an earlier quote over the clause, the review) drops it. With `--show '(b)'` each (b) attribution is
 * printed with its sentence, the steps findQuotes' `trace` gave for its cue word (why pass 3 built no quote
 * of it, which later step dropped its quote) and the quotes its cue gave instead. Out of fold on train: `--parity K` with
 * `TRIANGULATE_CUE_MODEL` and `TRIANGULATE_ATTRIB_MODEL` at the fold models that did not see parity K.
 *
 * `--sides` counts both sides of the loss with eval:quotes' one-to-one matching instead (NOTES.md
 * "Where the loss is"): (a) predictions matched to no gold, by why (a gold near by less than half:
 * which end differs, the prediction's cue inside that gold's content, the gold matched by another
 * prediction; none near: the content is a gold source, the cue is an annotated cue of another
 * content, the cue's class); (b) gold matched by no prediction, by the cue's shape below and by
 * whether a prediction with its own cue or another overlaps it; (c) matched pairs whose words
 * differ, by which end. `--show` then takes a class's prefix ("(a) no gold") or `all`.
 *
 * `--rules` asks, for each indirect content of a verb cue, what a boundary rule of the parse would do to it
 * (NOTES.md "Boundary rules of the parse, and noun cues, measured"): end at the cue's object phrase, before a comma,
 * at the end of the cue verb's clause, before a predicate coordinated with the cue, or start at the
 * cue's clausal complement. Each rule that applies is counted by the shape of the words it takes off,
 * as a miss made a match (right), a match made a miss (wrong), or neither; `--show RULE` lists them.
 *
 * `--pass3 T1,T2,…` counts the quotes pass 3 (parse-contents.ts) would add at each lower cue-classifier
 * threshold against the shipped one, by band of the score and the quote's cue class: how many, and how many
 * match a gold no quote at the shipped threshold matches (NOTES.md "Cue classes in the gaps"). With
 * `--parity K` it reads only the articles at positions K modulo 2 of train's sorted list, the ones
 * `train:cues --folds`' `<out>.foldK.bin` did not see: run it with `TRIANGULATE_CUE_MODEL` pointing
 * there for out-of-fold scores.
 *
 * `dir` defaults to PolNeAR dev; use `../shared/data/attribution/polnear/train` for train (the tagger
 * saw train, so its misses there are fewer than on dev; a pass that fires where no earlier quote
 * overlaps is still measured where the earlier passes left a gap).
 *
 * A gold attribution (eval-quotes.ts loadGold) is *missing* when no predicted quote shares a word
 * with its content. Its class, from the parse: the cue's head is the word of the cue whose head lies
 * outside the cue; the content's head the word of the content whose head lies outside the content.
 * - `no cue`, `quotation` (no cue annotated; a quotation-marked content);
 * - `passive`: the cue's head has a passive subject or auxiliary ("was quoted as saying", "it was
 *   reported that", "is expected to");
 * - `copula`: the cue's head is an adjective, or takes a copula ("was critical of", "is clear that");
 * - `nominal`: the cue's head is a noun ("X's claim that", "the statement by X", "in an interview");
 * - `not dependent`: a verb cue whose content's head is not in the cue's subtree;
 * - `clause`: a verb cue whose content's head hangs on it as a clause (ccomp, xcomp, advcl, parataxis, csubj);
 * - `verb+object`: a verb cue whose content's head hangs on it otherwise (obj, obl, nmod …).
 * The relation path from the cue's head to the content's head is printed with `--show CLASS`.
 *
 * Matching as in eval:quotes: a prediction matches a gold when they share half the words of the
 * larger; with `--base`, an added quote (no quote of the base tree with the same span) is right when
 * it matches a gold that no base quote matches, and a base quote gone (no quote of this tree with its
 * span) was right when it matched a gold.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findQuotes } from '../src/analyse/quotes.js';
import { clauseOfCue, PARSE_CONTENT_THRESHOLD } from '../src/analyse/quotes/parse-contents.js';
import { cueQuestions, cueScore, loadCueClassifier } from '../src/analyse/attribution/cue-classifier.js';
import { quotationFlags } from '../src/analyse/attribution/features.js';
import { findQuotedSegments, normaliseQuoteMarks } from '../src/analyse/quotes.js';
import { childrenOf } from '../src/analyse/syntax/helpers.js';
import { parseSentences } from '../src/analyse/syntax/index.js';
import { splitSentences, tokenAt, tokenize } from '../src/analyse/tokenize.js';
import type { EntityMention, Quote, Span, SyntaxToken } from '../src/model/types.js';
import { loadGold, partOf, type Part } from './eval-quotes.js';
import { trainSplit } from './polnear-split.js';

type Find = typeof findQuotes;
type Gold = ReturnType<typeof loadGold>[number];

export function words(text: string, spans: Span[]): Set<number> {
  const out = new Set<number>();
  for (const s of spans) for (const t of tokenize(text, s.start, s.end)) if (/[\p{L}\p{N}]/u.test(t.text)) out.add(t.start);
  return out;
}

export function overlap(a: Set<number>, b: Set<number>): number {
  if (!a.size || !b.size) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / Math.max(a.size, b.size);
}

/** The tokens of `parse` inside `spans`, and the one (the first) whose head lies outside them. */
export function headIn(parse: readonly SyntaxToken[], spans: Span[]): { inside: Set<number>; head: number } {
  const inside = new Set<number>();
  parse.forEach((t, j) => {
    if (spans.some((s) => s.start <= t.start && t.end <= s.end) && /[\p{L}\p{N}]/u.test(t.text)) inside.add(j);
  });
  let head = -1;
  for (const j of inside) if (!inside.has(parse[j].head)) {
    head = j;
    if (parse[j].upos !== 'AUX') break;
  }
  return { inside, head };
}

/** The relations from `a` down to `b` when `b` lies in `a`'s subtree, else null. */
function pathDown(parse: readonly SyntaxToken[], a: number, b: number): string[] | null {
  const path: string[] = [];
  for (let x = b, steps = 0; x >= 0 && steps < 64; steps++, x = parse[x].head) {
    if (x === a) return path.reverse();
    path.push(parse[x].deprel);
  }
  return null;
}

const CLAUSAL = new Set(['ccomp', 'xcomp', 'advcl', 'parataxis', 'csubj', 'acl', 'acl:relcl']);

export function classOf(g: Gold, parse: readonly SyntaxToken[], kids: number[][]): { cls: string; path: string } {
  if (!g.cue.length) return { cls: g.direct ? 'quotation' : 'no cue', path: '' };
  const cue = headIn(parse, g.cue);
  const content = headIn(parse, g.fragments);
  if (cue.head < 0) return { cls: 'no cue', path: '' };
  const h = parse[cue.head];
  const path = content.head >= 0 ? pathDown(parse, cue.head, content.head) : null;
  const pathText = `${h.upos}:${h.lemma} ${path ? path.join('>') : `(not below; content head ${content.head >= 0 ? `${parse[content.head].deprel}<-${parse[parse[content.head].head]?.lemma}` : '-'})`}`;
  const kidRels = kids[cue.head].map((c) => parse[c].deprel);
  if (kidRels.includes('nsubj:pass') || kidRels.includes('aux:pass') || kidRels.includes('csubj:pass')) return { cls: 'passive', path: pathText };
  if (h.upos === 'ADJ' || kidRels.includes('cop')) return { cls: 'copula', path: pathText };
  if (h.upos === 'NOUN' || h.upos === 'PROPN') return { cls: 'nominal', path: pathText };
  if (!path) return { cls: 'not dependent', path: pathText };
  if (path.length && CLAUSAL.has(path[0])) return { cls: 'clause', path: pathText };
  return { cls: 'verb+object', path: pathText };
}

interface Args {
  dir: string;
  part?: Part;
  limit: number;
  from: number;
  entities: boolean;
  show: string | null;
  base: string | null;
  sides: boolean;
  rules: boolean;
  pass3: number[] | null;
  parity: number | null;
  stages: boolean;
}

function readArgs(argv: string[]): Args {
  const val = (k: string) => {
    const i = argv.indexOf(k);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const flags = new Set(['--part', '--limit', '--from', '--show', '--base', '--pass3', '--parity']);
  const dir = argv.find((a, i) => !a.startsWith('--') && !flags.has(argv[i - 1] ?? '')) ?? '../shared/data/attribution/polnear/dev';
  return { dir, part: val('--part') as Part | undefined, limit: Number(val('--limit') ?? Infinity), from: Number(val('--from') ?? 0), entities: argv.includes('--entities'), show: val('--show') ?? null, base: val('--base') ?? null, sides: argv.includes('--sides'), rules: argv.includes('--rules'), pass3: val('--pass3')?.split(',').map(Number).sort((x, y) => y - x) ?? null, parity: val('--parity') === undefined ? null : Number(val('--parity')), stages: argv.includes('--stages') };
}

async function main(): Promise<void> {
  const a = readArgs(process.argv.slice(2));
  const baseFind: Find | null = a.base ? ((await import(pathToFileURL(resolve(a.base, 'src/analyse/quotes.ts')).href)) as { findQuotes: Find }).findQuotes : null;
  const recognise = a.entities ? ((await import('../src/analyse/entities/index.js')) as { recogniseEntities: (t: string, s: Span[]) => EntityMention[] }).recogniseEntities : null;
  const annFiles = readdirSync(join(a.dir, 'attributions')).filter((f) => f.endsWith('.ann')).sort();
  const all = a.parity === null ? readdirSync(join(a.dir, 'text')).filter((f) => f.endsWith('.txt')).sort() : trainSplit(a.dir, 0, false).train.filter((_, i) => i % 2 === a.parity);
  const names = all.filter((f) => !a.part || partOf(f) === a.part).slice(a.from, a.from + a.limit);
  const counts = new Map<string, number>();
  const added = { n: 0, right: 0, lost: 0, lostRight: 0 };
  let gold = 0;
  for (const name of names) {
    const base = name.slice(0, -4);
    const ann = annFiles.find((f) => f.startsWith(`${base}_`) && /^_[0-9a-f]+\.ann$/.test(f.slice(base.length)));
    if (!ann) continue;
    const text = readFileSync(join(a.dir, 'text', name), 'utf8');
    const golds = loadGold(text, readFileSync(join(a.dir, 'attributions', ann), 'utf8'));
    gold += golds.length;
    const sentences = splitSentences(text);
    const parse = parseSentences(text, sentences).tokens;
    const kids = childrenOf(parse);
    const entities = recognise ? recognise(text, sentences) : [];
    const traced = new Map<number, string[]>();
    const trace = a.stages ? (cue: number, step: string) => traced.set(cue, [...(traced.get(cue) ?? []), step]) : undefined;
    const quotes = findQuotes(text, sentences, entities, { tokens: parse, trace });
    const sets = quotes.map((q) => words(text, q.parts ?? [q.span]));
    const stageOf = a.stages ? lossStages(text, sentences, parse, kids, entities, quotes, traced) : null;
    if (a.sides) sideClasses(text, name, golds, quotes, sets, parse, kids, counts, a.show);
    if (a.rules) ruleCuts(text, name, golds, quotes, parse, kids, counts, a.show);
    if (a.pass3) pass3Bands(text, name, golds, sets, a.pass3, (t) => findQuotes(text, sentences, entities, { tokens: parse, parseContentThreshold: t }), counts, a.show);
    for (const g of golds) {
      const gs = words(text, g.fragments);
      if (a.sides || a.rules || a.pass3 || sets.some((s) => overlap(gs, s) > 0)) continue;
      const shape = classOf(g, parse, kids);
      const stage = stageOf ? stageOf(g, shape.cls) : { cls: shape.cls, why: '' };
      const cls = stage.cls;
      counts.set(cls, (counts.get(cls) ?? 0) + 1);
      if (a.show === cls || a.show === 'all' || (stageOf && a.show && cls.startsWith(a.show))) console.log(`${cls} | ${name} | [${g.cueText}]@${g.cueStart} ${shape.path} | ${JSON.stringify(text.slice(g.content.start, g.content.end).slice(0, 140))} <- ${g.sourceText}${stage.why}`);
    }
    if (baseFind) countAdded(text, golds, quotes, sets, baseFind(text, sentences, entities, { tokens: parse }), added, name);
  }
  if (a.rules) return printRules(names.length, counts);
  if (a.pass3) return printBands(names.length, counts);
  if (a.sides) console.log(`${names.length} articles, ${gold} gold`);
  else console.log(`${names.length} articles, ${gold} gold; missing (no prediction shares a word): ${[...counts.values()].reduce((x, y) => x + y, 0)}`);
  const sorted = [...counts].sort((x, y) => (a.sides || a.stages ? x[0].localeCompare(y[0]) : y[1] - x[1]));
  for (const [cls, n] of sorted) console.log(`  ${cls.padEnd(a.sides || a.stages ? 64 : 14)} ${n}`);
  if (a.stages) for (const stage of ['(a)', '(b)', '(c)']) console.log(`  ${stage} all: ${sorted.filter(([c]) => c.startsWith(stage)).reduce((x, [, n]) => x + n, 0)}`);
  if (baseFind) console.log(`added against the base: ${added.n} quotes, ${added.right} right (precision ${added.n ? (added.right / added.n).toFixed(3) : '-'}); base quotes gone: ${added.lost}, ${added.lostRight} of them right`);
}

/**
 * `--stages`: for a missed gold attribution (and its cue's shape from classOf), the stage that lost it:
 * (c) no cue word the classifier is asked about, (a) the classifier scores its cue words at or below 0,
 * (b) it accepts one and no quote is built, by the step that drops it (see the header).
 */
function lossStages(text: string, sentences: Span[], parse: readonly SyntaxToken[], kids: number[][], entities: EntityMention[], quotes: Quote[], traced: Map<number, string[]>): (g: Gold, shape: string) => { cls: string; why: string } {
  const model = loadCueClassifier();
  const normal = normaliseQuoteMarks(text);
  const toks = tokenize(normal);
  const { inQuote, mark } = quotationFlags(toks, findQuotedSegments(normal).map((s) => s.inner));
  const q = cueQuestions(toks, parse, entities, inQuote, mark);
  const score = new Map<number, number>();
  q.tokens.forEach((i, c) => score.set(i, model ? cueScore(model, q.feats[c]) : 0));
  const parseAt = new Map<number, number>();
  parse.forEach((t, j) => parseAt.set(t.start, j));
  const overlaps = (s: Span, spans: Span[]) => spans.some((x) => x.start < s.end && s.start < x.end);
  const clip = (s: Span) => JSON.stringify(text.slice(s.start, s.end).replace(/\s+/g, ' ').slice(0, 200));
  // for a (b) loss, printed with --show: the sentence, the steps the trace gave for the cue word, and the quotes its cue gives instead
  const why = (at: number, cue: Span[]) => {
    const sentence = sentences.find((x) => x.start <= at && at < x.end);
    const own = quotes.filter((x) => x.cue && overlaps(x.cue.span, cue)).map((x) => `quote ${clip(x.span)}`);
    return `\n    sentence ${sentence ? clip(sentence) : '?'}\n    steps: ${[...(traced.get(at) ?? []), ...own].join('; ') || 'none traced'}`;
  };
  return (g, shape) => {
    if (!g.cue.length) return { cls: `(c) no cue annotated${g.direct ? ', quotation' : ''}`, why: '' };
    let best = -1;
    const seen: string[] = [];
    for (const c of g.cue)
      for (let i = tokenAt(toks, c.start); i < toks.length && toks[i].start < c.end; i++) {
        if (!/\p{L}/u.test(toks[i].text)) continue;
        const j = parseAt.get(toks[i].start);
        seen.push(j === undefined ? '?' : parse[j].upos);
        if (score.has(i) && (best < 0 || score.get(i)! > score.get(best)!)) best = i;
      }
    if (best < 0) return { cls: `(c) cue not asked: ${[...new Set(seen)].sort().join('+') || 'no word'}`, why: '' };
    const s = score.get(best)!;
    const band = s <= -10 ? '<= -10' : s <= -5 ? '(-10, -5]' : '(-5, 0]';
    if (s <= 0) return { cls: `(a) classifier says no ${band}: ${shape}`, why: '' };
    const cueSpan = { start: toks[best].start, end: toks[best].end };
    const b = (cls: string) => ({ cls: `(b) ${cls}: ${shape}`, why: why(toks[best].start, g.cue) });
    if (quotes.some((x) => x.cue && overlaps(x.cue.span, g.cue))) return b('cue attributes another content');
    if (quotes.some((x) => overlaps(cueSpan, x.parts ?? [x.span]))) return b('cue inside another quote');
    const j = parseAt.get(toks[best].start);
    if (j === undefined || !clauseOfCue(parse, kids, j)) return b('no clause pass 3 reads');
    if (s <= PARSE_CONTENT_THRESHOLD) return b(`clause, score (0, ${PARSE_CONTENT_THRESHOLD}]`);
    return b('clause above the threshold, dropped later');
  };
}

/** Where a span's words lie against a gold's: `ends late` when it holds words after the gold's last, and so on. */
function boundaryOf(g: Set<number>, p: Set<number>): string {
  const gMin = Math.min(...g), gMax = Math.max(...g), pMin = Math.min(...p), pMax = Math.max(...p);
  const start = pMin < gMin ? 'starts early' : pMin > gMin ? 'starts late' : '';
  const end = pMax > gMax ? 'ends late' : pMax < gMax ? 'ends soon' : '';
  if (start && end) return `${start}, ${end}`;
  return start || end || 'same ends, gap inside';
}

/** eval:quotes' matching: one to one, greedy by overlap, gold in text order, half the words of the larger; gold index → quote index. */
export function matchOneToOne(golds: Gold[], quotes: Quote[], goldSets: Set<number>[], sets: Set<number>[]): Map<number, number> {
  const used = new Set<number>();
  const matchOf = new Map<number, number>();
  golds.forEach((g, gi) => {
    let best = -1, bestScore = 0;
    quotes.forEach((q, i) => {
      if (used.has(i) || q.span.end <= g.content.start || q.span.start >= g.content.end) return;
      const s = overlap(goldSets[gi], sets[i]);
      if (s > bestScore) [best, bestScore] = [i, s];
    });
    if (best < 0 || bestScore < 0.5) return;
    used.add(best);
    matchOf.set(gi, best);
  });
  return matchOf;
}

/**
 * Both sides of the loss, with eval:quotes' one-to-one matching (`--sides`): (a) each prediction matched to
 * no gold, by why; (b) each gold matched by no prediction, by its cue's shape (`classOf`) and whether a
 * prediction overlaps it; (c) each matched pair whose words differ, by which end differs.
 */
function sideClasses(text: string, name: string, golds: Gold[], quotes: Quote[], sets: Set<number>[], parse: readonly SyntaxToken[], kids: number[][], counts: Map<string, number>, show: string | null): void {
  const add = (cls: string, line: string) => {
    counts.set(cls, (counts.get(cls) ?? 0) + 1);
    if (show && (cls.startsWith(show) || show === 'all')) console.log(`${cls} | ${name} | ${line}`);
  };
  const goldSets = golds.map((g) => words(text, g.fragments));
  const matchOf = matchOneToOne(golds, quotes, goldSets, sets);
  const used = new Map([...matchOf].map(([gi, i]) => [i, gi]));
  const inSpans = (x: number, spans: Span[]) => spans.some((s) => s.start <= x && x < s.end);
  const show1 = (spans: Span[]) => JSON.stringify(spans.map((s) => text.slice(s.start, s.end)).join(' … ').slice(0, 120));
  quotes.forEach((q, i) => {
    if (used.has(i)) return;
    const parts = q.parts ?? [q.span];
    const line = `cue=${q.cue?.verb} class=${q.cueClass} ${show1(parts)}`;
    const over = goldSets.map((gs, gi) => [gi, overlap(gs, sets[i])] as const).filter(([, s]) => s > 0).sort((x, y) => y[1] - x[1]);
    const cue = q.cue?.span.start ?? -1;
    if (over.length) {
      const gi = over[0][0];
      const nested = cue >= 0 && inSpans(cue, golds[gi].fragments);
      const why = nested ? 'its cue inside that content (nested)' : matchOf.has(gi) ? 'its gold matched by another prediction' : boundaryOf(goldSets[gi], sets[i]);
      add(`(a) overlaps a gold < 1/2: ${why}`, `${line} GOLD ${show1(golds[gi].fragments)}`);
      return;
    }
    if (golds.some((g) => g.source && g.source.some((s) => parts.some((p) => p.start < s.end && s.start < p.end)))) add('(a) no gold: overlaps a gold source', line);
    else if (cue >= 0 && golds.some((g) => inSpans(cue, g.fragments))) add('(a) no gold: cue inside another content (nested)', line);
    else if (cue >= 0 && golds.some((g) => inSpans(cue, g.cue))) add('(a) no gold: an annotated cue, another content', line);
    else if (q.kind === 'direct' || !q.cue) add('(a) no gold: quotation or no cue', line);
    else add(`(a) no gold: unannotated cue, ${q.cueClass ?? 'no class'}`, line);
  });
  golds.forEach((g, gi) => {
    const m = matchOf.get(gi);
    if (m !== undefined) {
      const gs = goldSets[gi];
      if (gs.size === sets[m].size && [...gs].every((x) => sets[m].has(x))) return;
      add(`(c) matched, not exact: ${boundaryOf(gs, sets[m])}`, `PRED ${show1(quotes[m].parts ?? [quotes[m].span])} GOLD ${show1(g.fragments)}`);
      return;
    }
    const near = quotes.filter((_, i) => overlap(goldSets[gi], sets[i]) > 0);
    const own = near.some((q) => q.cue && inSpans(q.cue.span.start, g.cue));
    const { cls, path } = classOf(g, parse, kids);
    add(`(b) ${!near.length ? 'nothing near' : own ? 'overlapped < 1/2, its own cue' : 'overlapped < 1/2, another cue'}: ${cls}`, `[${g.cueText}] ${path} ${show1(g.fragments)} <- ${g.sourceText}`);
  });
}

/** The first and last token of a subtree. */
function extent(kids: number[][], top: number): [number, number] {
  let lo = top, hi = top;
  const stack = [top];
  for (let n = 0; stack.length && n < 2000; n++) {
    const x = stack.pop()!;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
    stack.push(...kids[x]);
  }
  return [lo, hi];
}

/** Penn tags of a finite verb or auxiliary. */
const FINITE = new Set(['VBD', 'VBZ', 'VBP', 'MD']);

/**
 * `--rules`: each boundary rule of the parse that applies to an indirect content of a verb cue, with
 * the shape of what it cuts off, judged against the gold (a match: half the words of the larger, as
 * eval:quotes; against any gold, not one to one): `right` when it makes a miss a match, `wrong` when
 * it makes a match a miss.
 */
function ruleCuts(text: string, name: string, golds: Gold[], quotes: Quote[], parse: readonly SyntaxToken[], kids: number[][], counts: Map<string, number>, show: string | null): void {
  const goldSets = golds.map((g) => words(text, g.fragments));
  const matches = (s: Span) => {
    const ws = words(text, [s]);
    return goldSets.some((g) => overlap(g, ws) >= 0.5);
  };
  const byStart = new Map<number, number>();
  parse.forEach((t, i) => byStart.set(t.start, i));
  const isWord = (i: number) => /[\p{L}\p{N}]/u.test(parse[i].text);
  for (const q of quotes) {
    const c = q.kind === 'indirect' && !q.parts && q.cue ? byStart.get(q.cue.span.start) : undefined;
    if (c === undefined || parse[c].upos !== 'VERB') continue;
    let f = -1, l = -1;
    for (let i = 0; i < parse.length; i++) if (parse[i].start >= q.span.start && parse[i].end <= q.span.end && isWord(i)) [f, l] = [f < 0 ? i : f, i];
    if (f < 0) continue;
    const before = matches(q.span);
    const judge = (rule: string, shape: string, cut: Span) => {
      const after = matches(cut);
      const verdict = before === after ? 'same' : after ? 'right' : 'wrong';
      const key = `${rule}\t${shape}\t${verdict}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (show && rule.startsWith(show)) console.log(`${rule} | ${verdict} | ${shape} | ${name} | ${JSON.stringify(text.slice(cut.start, cut.end).slice(-60))} || ${JSON.stringify(text.slice(cut.end, q.span.end).slice(0, 60))}`);
    };
    const endAt = (last: number) => ({ start: q.span.start, end: parse[last].end });
    const lastWordBefore = (x: number) => {
      while (x > f && !isWord(x)) x--;
      return x;
    };
    // the cue's own argument on the way up from the content's first word
    let arg = f;
    for (let n = 0; arg >= 0 && parse[arg].head !== c && n < 64; n++) arg = parse[arg].head;
    const argRel = arg >= 0 && parse[arg].head === c ? parse[arg].deprel : '';
    // 1. the content is the cue's object and runs on past the object's phrase
    if (argRel === 'obj' || argRel === 'iobj') {
      const hi = extent(kids, arg)[1];
      let n = hi + 1;
      while (n <= l && !isWord(n)) n++;
      if (n <= l) {
        let top = n;
        for (let k = 0; k < 64 && parse[top].head > hi && parse[top].head <= l; k++) top = parse[top].head;
        const opener = parse[extent(kids, top)[0]];
        judge('object end', `${parse[top].head === c ? 'on the cue' : 'elsewhere'} ${parse[top].deprel} ${['ADP', 'SCONJ', 'CCONJ'].includes(opener.upos) ? opener.text.toLowerCase() : opener.upos}`, endAt(lastWordBefore(hi)));
      }
    }
    // 2. before each comma, semicolon or dash inside the content
    for (let k = f + 1; k < l; k++) if (/^[,;—–―-]+$/.test(parse[k].text) && isWord(k + 1)) judge('comma', parse[k + 1].text.toLowerCase(), endAt(lastWordBefore(k - 1)));
    // 3. the content runs on past the cue verb's clause (its subtree)
    let clauseEnd = c;
    const stack = [c];
    for (let n = 0; stack.length && n < 2000; n++) {
      const y = stack.pop()!;
      if (parse[y].upos !== 'PUNCT' && y > clauseEnd) clauseEnd = y;
      stack.push(...kids[y]);
    }
    if (clauseEnd >= f && clauseEnd < l) {
      let n = clauseEnd + 1;
      while (n < l && !isWord(n)) n++;
      const anc = new Set<number>();
      for (let x = parse[c].head, k = 0; x >= 0 && k < 64; k++, x = parse[x].head) anc.add(x);
      const punct = n > clauseEnd + 1 ? 'punctuation' : 'no punctuation';
      judge('clause end', `${punct}, next word ${anc.has(n) ? "the cue clause's governor" : anc.has(parse[n].head) ? `a ${parse[n].deprel} of its governor` : parse[n].deprel}`, endAt(clauseEnd));
    }
    // 4. the content starts before the cue's clausal complement with words that hang on the cue
    const comp = kids[c].find((k) => parse[k].deprel === 'ccomp' && k > f);
    if (comp !== undefined) {
      const lo = extent(kids, comp)[0];
      const rels = new Set<string>();
      for (let x = f; x < lo && x <= l; x++) {
        if (!isWord(x)) continue;
        let a = x;
        for (let k = 0; a >= 0 && parse[a].head !== c && k < 64; k++) a = parse[a].head;
        rels.add(a >= 0 ? parse[a].deprel : '?');
      }
      if (lo > f && lo <= l) judge('complement start', [...rels].sort().join('+'), { start: parse[lo].start, end: q.span.end });
    }
    // 5. a finite predicate coordinated with the cue, with no subject of its own ("fired [X] and is investigating …")
    for (const k of kids[c]) {
      if (k <= f || k > l || parse[k].deprel !== 'conj' || parse[k].upos !== 'VERB') continue;
      const ks = kids[k];
      const cc = ks.find((x) => x < k && parse[x].deprel === 'cc');
      const subject = ks.some((x) => /^(nsubj|csubj|expl)/.test(parse[x].deprel));
      const finite = FINITE.has(parse[k].xpos) || ks.some((x) => parse[x].deprel === 'aux' && FINITE.has(parse[x].xpos));
      if (cc === undefined || subject || !finite || cc <= f) continue;
      judge('coordinated predicate', `${parse[cc].text.toLowerCase()}, content ${argRel || 'other'}`, endAt(lastWordBefore(cc - 1)));
      break;
    }
  }
}

/** `--rules`' table: per rule, right / wrong / neither, then its shapes with the most right and the most wrong. */
function printRules(articles: number, counts: Map<string, number>): void {
  const rules = new Map<string, Map<string, { right: number; wrong: number; same: number }>>();
  for (const [key, n] of counts) {
    const [rule, shape, verdict] = key.split('\t');
    const shapes = rules.get(rule) ?? new Map();
    const t = shapes.get(shape) ?? { right: 0, wrong: 0, same: 0 };
    t[verdict as 'right' | 'wrong' | 'same'] += n;
    shapes.set(shape, t);
    rules.set(rule, shapes);
  }
  console.log(`${articles} articles; rule: right (a miss made a match) / wrong (a match made a miss) / neither`);
  for (const [rule, shapes] of [...rules].sort((x, y) => x[0].localeCompare(y[0]))) {
    const all = [...shapes.values()].reduce((a, t) => ({ right: a.right + t.right, wrong: a.wrong + t.wrong, same: a.same + t.same }), { right: 0, wrong: 0, same: 0 });
    console.log(`${rule}: ${all.right} / ${all.wrong} / ${all.same}`);
    const listed = [...shapes].filter(([, t]) => t.right + t.wrong >= 5).sort((x, y) => y[1].right - y[1].wrong - (x[1].right - x[1].wrong) || x[0].localeCompare(y[0]));
    for (const [shape, t] of [...listed.slice(0, 4), ...listed.slice(4).slice(-3)]) console.log(`  ${shape.padEnd(52)} ${t.right} / ${t.wrong} / ${t.same}`);
  }
}

/** The quotes of this tree with a span the base's quotes do not have, and how many match a gold the base left unmatched. */
function countAdded(text: string, golds: Gold[], quotes: Quote[], sets: Set<number>[], baseQuotes: Quote[], acc: { n: number; right: number; lost: number; lostRight: number }, name: string): void {
  const key = (q: Quote) => `${q.span.start}:${q.span.end}`;
  const baseKeys = new Set(baseQuotes.map(key));
  const mine = new Set(quotes.map(key));
  const baseSets = baseQuotes.map((q) => words(text, q.parts ?? [q.span]));
  const goldSets = golds.map((g) => words(text, g.fragments));
  baseQuotes.forEach((q, i) => {
    if (mine.has(key(q))) return;
    acc.lost++;
    const wasRight = goldSets.some((gs) => overlap(gs, baseSets[i]) >= 0.5);
    if (wasRight) acc.lostRight++;
    console.log(`GONE ${wasRight ? 'right' : 'wrong'} | ${name} | cue=${q.cue?.verb} | ${JSON.stringify(text.slice(q.span.start, q.span.end).slice(0, 140))}`);
  });
  const open = goldSets.filter((gs) => !baseSets.some((b) => overlap(gs, b) >= 0.5));
  quotes.forEach((q, i) => {
    if (baseKeys.has(key(q))) return;
    acc.n++;
    const ok = open.some((gs) => overlap(gs, sets[i]) >= 0.5);
    if (ok) acc.right++;
    console.log(`ADDED ${ok ? 'right' : 'wrong'} | ${name} | cue=${q.cue?.verb} speaker=${q.speakerSpan ? JSON.stringify(text.slice(q.speakerSpan.start, q.speakerSpan.end)) : null} | ${JSON.stringify(text.slice(q.span.start, q.span.end).slice(0, 140))}`);
  });
}

/**
 * `--pass3`: the quotes pass 3 adds at each threshold of `thresholds` (highest first) that it did not make at the
 * shipped one, each counted once in the band of the highest threshold that makes it, by its cue class;
 * right when it matches (half the words) a gold no shipped quote matches. Counted as "band|class|right".
 */
function pass3Bands(text: string, name: string, golds: Gold[], shipped: Set<number>[], thresholds: number[], find: (t: number) => Quote[], counts: Map<string, number>, show: string | null): void {
  const key = (q: Quote) => `${q.span.start}:${q.span.end}`;
  const goldSets = golds.map((g) => words(text, g.fragments)).filter((gs) => !shipped.some((s) => overlap(gs, s) >= 0.5));
  const seen = new Set<string>();
  let above = PARSE_CONTENT_THRESHOLD;
  const have = new Set(find(above).map(key));
  for (const t of thresholds) {
    const band = `(${t}, ${above}]`;
    for (const q of find(t)) {
      if (have.has(key(q)) || seen.has(key(q))) continue;
      seen.add(key(q));
      const right = goldSets.some((gs) => overlap(gs, words(text, q.parts ?? [q.span])) >= 0.5);
      const k = `${band}|${q.cueClass ?? 'none'}|${right ? 'right' : 'wrong'}`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
      if (show === band || show === 'all') console.log(`${right ? 'right' : 'wrong'} ${band} ${q.cueClass ?? 'none'} | ${name} | cue=${q.cue?.verb} | ${JSON.stringify(text.slice(q.span.start, q.span.end).slice(0, 140))}`);
    }
    above = t;
  }
}

/** `--pass3`'s table: per band, per cue class and all, quotes added and how many are right. */
function printBands(n: number, counts: Map<string, number>): void {
  const rows = new Map<string, { all: number; right: number }>();
  for (const [k, c] of counts) {
    const [band, cls, ok] = k.split('|');
    for (const row of [`${band} all`, `${band} ${cls}`]) {
      const r = rows.get(row) ?? { all: 0, right: 0 };
      r.all += c;
      if (ok === 'right') r.right += c;
      rows.set(row, r);
    }
  }
  console.log(`${n} articles; pass 3 quotes added below the shipped threshold (${PARSE_CONTENT_THRESHOLD}): band, cue class, added, right, precision`);
  for (const [row, r] of [...rows].sort((x, y) => x[0].localeCompare(y[0]))) console.log(`  ${row.padEnd(24)} ${String(r.all).padStart(5)} ${String(r.right).padStart(5)}  ${(r.right / r.all).toFixed(3)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();

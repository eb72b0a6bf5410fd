/**
 * Framing: the words each outlet uses distinctively for the story's main actors and acts
 * (measured, see buildFraming), and the words each outlet uses to describe the main people
 * (from the parse). Omissions: facts most independent sources carry that an article leaves out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../util/paths.js';
import type { Fact } from './types.js';
import { evidence, type Sent, type StoryView } from './prepare.js';
import { describedParties } from './descriptions.js';
import { kidsOf, parseOf, spanTokens } from './syntax.js';
import type { Span, SyntaxToken } from '../model/types.js';
import { cmp } from './text.js';
import type { FramingRow, Omission } from './types.js';

/**
 * Each outlet's distinctive wording: log-odds ratios with an informative Dirichlet prior
 * (Monroe, Colaresi & Quinn 2008, "Fightin' Words"), each outlet against the other outlets of
 * the story, the prior mixing the story's own word frequencies with a background of general
 * English (data/lexicons/background-unigrams.tsv). Counted: content words of the sentences that
 * name the story's main actors (entities that several outlets name), names themselves excluded,
 * so the row is about how the actors and their acts are worded, not about who is named.
 */
const PRIOR_STRENGTH = 20;
/** z-score above which a word is distinctive (two-sided 95%). */
const Z_MIN = 1.96;
const MAX_TERMS = 6;

let background: { counts: Map<string, number>; total: number } | null = null;

function backgroundCounts(): { counts: Map<string, number>; total: number } {
  if (background) return background;
  const counts = new Map<string, number>();
  let total = 0;
  const file = readFileSync(join(packageRoot(), 'data', 'lexicons', 'background-unigrams.tsv'), 'utf8');
  for (const line of file.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [w, c] = line.split('\t');
    const n = Number(c);
    if (w && Number.isFinite(n)) {
      counts.set(w, n);
      total += n;
    }
  }
  return (background = { counts, total: Math.max(1, total) });
}

type Counts = Map<string, number>;
const bump = (m: Counts, k: string, n = 1) => m.set(k, (m.get(k) ?? 0) + n);

/** The outlet an article counts for; an article of unknown outlet stands alone. */
const unitOf = (a: StoryView['articles'][number]) => a.outlet || `article ${a.id}`;

/** Entity keys named by at least two outlets (all entities when none is). */
function mainActors(story: StoryView): Set<string> {
  const units = new Map<string, Set<string>>();
  for (const a of story.articles) for (const s of a.sentences) for (const e of s.entities) (units.get(e.key) ?? units.set(e.key, new Set()).get(e.key)!).add(unitOf(a));
  return new Set([...units].filter(([, u]) => u.size >= 2).map(([k]) => k));
}

/**
 * The word overlaps one of the sentence's names, dates or figures: facts, not wording. (Read in
 * place: a list of the spans per sentence was three arrays made and dropped for each of the
 * story's sentences.)
 */
function inFact(t: { start: number; end: number }, s: Sent): boolean {
  for (const e of s.entities) if (t.start < e.span.end && t.end > e.span.start) return true;
  for (const x of s.times) if (t.start < x.span.end && t.end > x.span.start) return true;
  for (const q of s.quantities) if (t.start < q.span.end && t.end > q.span.start) return true;
  return false;
}

/** (One object: a regular expression written in the loop is a new object for each word read.) */
const DIGIT = /\d/;

type ArticleView = StoryView['articles'][number];
type WordAt = { art: ArticleView; sent: Sent; span: { start: number; end: number } };

/**
 * The words counted in an article (content words of its sentences that name a main actor, not
 * inside a name, date or figure, no digits, not glued to a number), in text order; with `only`, just those of its words
 * (looked up first: the rest are not read further). Stops when `visit` returns true, and says so.
 */
function countedWords(a: ArticleView, actors: Set<string>, visit: (norm: string, s: Sent, t: Sent['tokens'][number]) => boolean | void, only?: Set<string>): boolean {
  for (const s of a.sentences) {
    if (actors.size && !s.entities.some((e) => actors.has(e.key))) continue;
    for (const t of s.tokens) {
      if (!t.content) continue;
      const norm = t.norm;
      // (nor the ending of a number the tokeniser splits off: "th" of "80th")
      if ((only && !only.has(norm)) || DIGIT.test(norm) || DIGIT.test(a.text[t.start - 1] ?? '') || inFact(t, s)) continue;
      if (visit(norm, s, t)) return true;
    }
  }
  return false;
}

/** Word counts per outlet over the sentences naming a main actor, and each outlet's articles (by id). */
function countWords(story: StoryView, actors: Set<string>) {
  const perUnit = new Map<string, Counts>();
  const articlesOf = new Map<string, ArticleView[]>();
  for (const a of [...story.articles].sort((x, y) => cmp(x.id, y.id))) {
    const unit = unitOf(a);
    const counts = perUnit.get(unit) ?? perUnit.set(unit, new Map()).get(unit)!;
    (articlesOf.get(unit) ?? articlesOf.set(unit, []).get(unit)!).push(a);
    countedWords(a, actors, (norm) => {
      bump(counts, norm);
    });
  }
  return { perUnit, articlesOf };
}

/**
 * The first three places an outlet uses each of its distinctive words (read again for the few
 * words a row shows, rather than recorded for every word of every outlet; the reading stops when
 * every word has its three).
 */
function placesOf(articles: ArticleView[], actors: Set<string>, words: Set<string>): Map<string, WordAt[]> {
  const where = new Map<string, WordAt[]>();
  let full = 0;
  for (const a of articles) {
    const done = countedWords(
      a,
      actors,
      (norm, sent, t) => {
        const list = where.get(norm) ?? where.set(norm, []).get(norm)!;
        if (list.length >= PLACES) return false;
        list.push({ art: a, sent, span: { start: t.start, end: t.end } });
        return list.length === PLACES && ++full === words.size;
      },
      words,
    );
    if (done) break;
  }
  return where;
}
const PLACES = 3;

/** A word's count over the whole story and its prior (the story's frequency mixed with the background's). */
interface Pooled {
  n: number;
  alpha: number;
}

/**
 * The distinctive words of `mine`: z-score of the log-odds ratio of each word against the rest of
 * the story (`pooled` minus `mine`) at least Z_MIN, and said at least twice. The rest is never
 * built as a map: one outlet's row costs its own vocabulary, not the story's (a story of a
 * thousand single-article outlets stays linear); no map of every word's score is kept either,
 * only the few that pass.
 */
function distinctiveWords(mine: Counts, pooled: Map<string, Pooled>, pooledTotal: number): [string, number][] {
  let n1 = 0;
  for (const y of mine.values()) n1 += y;
  const n2 = pooledTotal - n1;
  const out: [string, number][] = [];
  for (const [w, y1] of mine) {
    const { n, alpha: a } = pooled.get(w)!;
    const y2 = n - y1;
    const delta = Math.log((y1 + a) / (n1 + PRIOR_STRENGTH - y1 - a)) - Math.log((y2 + a) / (n2 + PRIOR_STRENGTH - y2 - a));
    const z = delta / Math.sqrt(1 / (y1 + a) + 1 / (y2 + a));
    if (z >= Z_MIN && y1 >= 2) out.push([w, z]);
  }
  return out;
}

/** The row of distinctive wording per outlet; empty when the story has fewer than two outlets. */
export function buildFraming(story: StoryView): FramingRow[] {
  const actors = mainActors(story);
  const { perUnit, articlesOf } = countWords(story, actors);
  if (perUnit.size < 2) return [];
  const counts: Counts = new Map();
  for (const c of perUnit.values()) for (const [w, n] of c) bump(counts, w, n);
  let pooledSum = 0;
  for (const n of counts.values()) pooledSum += n;
  const pooledTotal = Math.max(1, pooledSum);
  const bg = backgroundCounts();
  // each word's count and prior, once for the story: every outlet's row reads them
  const pooled = new Map<string, Pooled>();
  for (const [w, n] of counts) pooled.set(w, { n, alpha: PRIOR_STRENGTH * (0.5 * ((bg.counts.get(w) ?? 0) + 0.5) / bg.total + (0.5 * n) / pooledTotal) });
  const usage: FramingRow['usage'] = [];
  for (const unit of [...perUnit.keys()].sort(cmp)) {
    const mine = perUnit.get(unit)!;
    const chosen = distinctiveWords(mine, pooled, pooledSum)
      .sort((x, y) => y[1] - x[1] || cmp(x[0], y[0]))
      .slice(0, MAX_TERMS)
      .map(([w]) => w);
    if (!chosen.length) continue;
    const where = placesOf(articlesOf.get(unit)!, actors, new Set(chosen));
    const terms = chosen.map((w) => ({ term: w, count: mine.get(w)!, evidence: where.get(w)!.map((e) => evidence(e.sent, e.span)) }));
    usage.push({ articleId: where.get(terms[0].term)![0].art.id, outlet: unit.startsWith('article ') ? '' : unit, terms });
  }
  return usage.length ? [{ concept: 'words an outlet uses distinctively for the main actors and acts (log-odds vs the other outlets)', usage }] : [];
}

/**
 * How each outlet describes the story's main people: the words the parse hangs on each person's
 * name (titles and modifiers before it, "embattled Russian President"; an apposition or a comma
 * description after it, "Putin, the Kremlin leader,"; `describedParties`, the reading claims use).
 * A person gets a row when their descriptions differ in substance: two descriptions of which neither
 * holds every word of the other ("President" and "Russian President" are one description, told more
 * or less fully; "President" and "strongman" are two).
 */
export function buildActorFraming(story: StoryView): FramingRow[] {
  const byKey = new Map<string, { name: string; arts: Map<string, Map<string, Described>> }>();
  for (const a of story.articles) {
    const tokens = parseOf(a);
    if (!tokens) continue;
    for (const s of a.sentences) {
      if (!s.entities.some((e) => e.type === 'PER')) continue;
      for (const { e, term, span, words } of descriptionsIn(s, tokens)) {
        let ent = byKey.get(e.key);
        if (!ent) byKey.set(e.key, (ent = { name: e.name, arts: new Map() }));
        if (e.name.length > ent.name.length) ent.name = e.name;
        let terms = ent.arts.get(a.id);
        if (!terms) ent.arts.set(a.id, (terms = new Map()));
        let t = terms.get(term);
        if (!t) terms.set(term, (t = { count: 0, ev: [], words }));
        t.count++;
        if (t.ev.length < 3) t.ev.push(evidence(s, span));
      }
    }
  }
  const rows: FramingRow[] = [];
  for (const [, ent] of [...byKey].sort((x, y) => y[1].arts.size - x[1].arts.size || cmp(x[0], y[0]))) {
    if (ent.arts.size < 2 || !differInSubstance([...ent.arts.values()].flatMap((m) => [...m.values()].map((d) => d.words)))) continue;
    rows.push({
      concept: `how ${ent.name} is described`,
      usage: [...ent.arts]
        .sort((x, y) => cmp(x[0], y[0]))
        .map(([articleId, terms]) => ({
          articleId,
          outlet: story.byId.get(articleId)!.outlet,
          terms: [...terms].sort((x, y) => y[1].count - x[1].count || cmp(x[0], y[0])).map(([term, t]) => ({ term, count: t.count, evidence: t.ev })),
        })),
    });
    if (rows.length >= 3) break;
  }
  return rows;
}

interface Described {
  count: number;
  ev: ReturnType<typeof evidence>[];
  /** The lemmas of its words that carry meaning, in lower case (not "the", "of", "Mr.", a figure). */
  words: Set<string>;
}

/** Parts of speech of a description's words that carry its meaning. */
const DESCRIBING = new Set(['NOUN', 'ADJ', 'PROPN', 'VERB', 'NUM']);
/** An abbreviated honorific or title ("Mr.", "Dr", "Mrs"): it tells the name's form, not how the person is seen. */
const HONORIFIC = /^[A-Z][a-z]{0,3}\.$|^[A-Z][b-df-hj-np-tv-z]{1,2}$/;

/** Each description of a person the sentence names: a run of the words that describe them, on one side of the name. */
function descriptionsIn(s: Sent, tokens: readonly SyntaxToken[]): { e: Sent['entities'][number]; term: string; span: Span; words: Set<string> }[] {
  const [lo, hi] = spanTokens(tokens, s.span);
  if (hi - lo < 2) return [];
  const described = describedParties(s, tokens, kidsOf(tokens), lo, hi);
  const out: ReturnType<typeof descriptionsIn> = [];
  let i = lo;
  while (i < hi) {
    const n = described[i - lo];
    const e = n ? s.entities[n - 1] : undefined;
    if (!e || e.type !== 'PER' || inside(tokens[i], e.span)) {
      i++;
      continue;
    }
    // (the run: the words that describe this person up to the name or another word)
    let j = i;
    while (j < hi && described[j - lo] === n && !inside(tokens[j], e.span)) j++;
    const all = nextToName(tokens, i, j, hi, e.span);
    i = j;
    const run = all.filter((t) => DESCRIBING.has(t.upos) && WORDLIKE.test(t.text) && !HONORIFIC.test(t.text) && !s.times.some((x) => inside(t, x.span)));
    // (what a description says the person is: a noun, an adjective or a title, not only another
    // name, "Russia's Putin", nor a phrase of circumstance, "Putin, in remarks on ...", or a clause,
    // "Putin, reflecting on ...")
    const first = all.find((t) => t.upos !== 'PUNCT' && t.upos !== 'DET');
    if (!run.some((t) => t.upos !== 'PROPN' || !s.entities.some((x) => inside(t, x.span))) || !first || first.upos === 'ADP' || first.upos === 'VERB' || first.upos === 'SCONJ') continue;
    const span = { start: run[0].start, end: run[run.length - 1].end };
    const term = s.art.text.slice(span.start, span.end).replace(/\s+/g, ' ');
    // (a figure, an age or a count, "33-year-old", is compared as a value by the conflicts, not as wording)
    const words = new Set(run.filter((t) => !inFigure(s.art.text, t)).map((t) => t.lemma.toLowerCase()));
    if (words.size) out.push({ e, term, span, words });
  }
  return out;
}

const inside = (t: { start: number; end: number }, span: Span) => span.start <= t.start && t.end <= span.end;
/** Punctuation that sets a phrase apart: words before the name beyond it are not its title ("this past season, Teixeira"). */
const APART = /^[,;:()[\]]$/;
/** A word, not a fragment the tokeniser left ("s" of "90s"). */
const WORDLIKE = /[\p{L}\p{N}]{2}/u;

/**
 * The part of the run of describing words tokens[i..j) that sits next to the name: all of it when
 * it ends at the name and nothing sets it apart ("first baseman Mark Teixeira"); after the name,
 * an apposition set off by a comma, up to the next comma ("Reid's publicist, Jack Ketsoyan, said",
 * "Ketsoyan, her publicist,"); else nothing (the parse hung a word of another phrase on the name).
 */
function nextToName(tokens: readonly SyntaxToken[], i: number, j: number, hi: number, name: Span): readonly SyntaxToken[] {
  if (j < hi && inside(tokens[j], name)) return tokens.slice(i, j).some((t) => APART.test(t.text)) ? [] : tokens.slice(i, j);
  if (i === 0 || !inside(tokens[i - 1], name) || tokens[i].text !== ',') return [];
  let end = i + 1;
  while (end < j && !APART.test(tokens[end].text) && tokens[end].text !== '.') end++;
  return tokens.slice(i, end);
}

/** The word is, or is written together with, a number ("33-year-old", "15-year"): the text between spaces around it holds a digit. */
function inFigure(text: string, t: Span): boolean {
  let from = t.start;
  while (from > 0 && !/\s/.test(text[from - 1])) from--;
  let to = t.end;
  while (to < text.length && !/\s/.test(text[to])) to++;
  return DIGIT.test(text.slice(from, to));
}

/** Two of the descriptions differ in substance: neither holds every word of the other. */
function differInSubstance(descriptions: Set<string>[]): boolean {
  // (each distinct description once: a main person's hundreds of "President" are one)
  const distinct = [...new Map(descriptions.map((d) => [[...d].sort().join('\u0000'), d])).values()];
  const within = (a: Set<string>, b: Set<string>) => [...a].every((w) => b.has(w));
  return distinct.some((a, x) => distinct.some((b, y) => y > x && !within(a, b) && !within(b, a)));
}

/** Facts carried by at least 60 % of the independent sources (and two or more) that some article leaves out. */
export function findOmissions(story: StoryView, facts: Fact[]): Omission[] {
  const totalIndependent = story.independent(story.articles.filter((a) => a.sentences.length).map((a) => a.id));
  if (totalIndependent < 3) return [];
  const need = Math.max(2, Math.ceil(totalIndependent * 0.6));
  const out: Omission[] = [];
  for (const f of facts) {
    if (f.independentSources < need || f.status === 'single-source') continue;
    const carriedGroups = new Set(f.articles.map((id) => story.byId.get(id)!.group));
    const missing = story.articles.filter((a) => a.sentences.length && !carriedGroups.has(a.group));
    if (!missing.length) continue;
    out.push({
      factId: f.id,
      statement: f.statement,
      carriedBy: f.independentSources,
      missingFrom: missing.map((a) => ({ articleId: a.id, outlet: a.outlet })),
    });
  }
  out.sort((a, b) => b.carriedBy - a.carriedBy || cmp(a.factId, b.factId));
  return out;
}

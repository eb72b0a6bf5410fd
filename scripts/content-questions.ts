/**
 * The contents the content-end ranker and the content cut are trained on (train-content-ends.ts,
 * train-content-cuts.ts): per PolNeAR article, its parse, the words of each annotated content, and
 * each indirect content after a verb cue within its sentence as findQuotes returns it (with the
 * cue classifier's scores as findQuotes hands them to the review). The models findQuotes uses are
 * the ones the environment names (each script sets the tagger and leaves out its own model).
 *
 * A content cut is trained on features that change more often than the tagging does: an article's
 * contents can be stored (`storeContents`, plain JSON: the parse, the gold words, each question
 * with the cue classifier's scores of the verbs it can read) and read back (`readContents`) to give
 * the same questions without tagging again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBratAttributions } from '../src/analyse/attribution/brat.js';
import { recogniseEntities } from '../src/analyse/entities/index.js';
import { findQuotes } from '../src/analyse/quotes.js';
import { cueScorer, type EndQuestion, endQuestion } from '../src/analyse/quotes/content-ends.js';
import { QuoteDoc } from '../src/analyse/quotes/document.js';
import { childrenOf } from '../src/analyse/syntax/helpers.js';
import { parseSentences } from '../src/analyse/syntax/index.js';
import { splitSentences, tokenAt } from '../src/analyse/tokenize.js';
import type { Span, SyntaxToken } from '../src/model/types.js';
import { goldAnnFile } from './polnear-split.js';

/** One content asked about: the span findQuotes gave and the question (cue, first, last, current end, cue scores). */
export interface ContentQuestion {
  span: Span;
  qn: EndQuestion;
}

/** One article's parse, annotated contents (their word tokens) and contents asked about. */
export interface ArticleContents {
  name: string;
  tokens: SyntaxToken[];
  kids: number[][];
  gold: Set<number>[];
  questions: ContentQuestion[];
}

const isWord = (t: SyntaxToken) => /[\p{L}\p{N}]/u.test(t.text);

/** The word tokens (parse indexes) of spans. */
export function wordsIn(tokens: readonly SyntaxToken[], spans: readonly Span[]): Set<number> {
  const out = new Set<number>();
  for (const s of spans) for (let i = tokenAt(tokens, s.start); i < tokens.length && tokens[i].start < s.end; i++) if (isWord(tokens[i])) out.add(i);
  return out;
}

/** The word tokens from a to b (inclusive). */
export function wordsFrom(tokens: readonly SyntaxToken[], a: number, b: number): Set<number> {
  const out = new Set<number>();
  for (let i = a; i <= b; i++) if (isWord(tokens[i])) out.add(i);
  return out;
}

/** eval:quotes' overlap of two word sets: shared words over the larger count. */
export function overlap(a: Set<number>, b: Set<number>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / Math.max(a.size, b.size, 1);
}

/** The articles `names` of the PolNeAR folder `data` (gold: the first annotator's file), one by one. */
export function* articleContents(data: string, names: readonly string[], annFiles: readonly string[]): Generator<ArticleContents> {
  for (const name of names) {
    const ann = goldAnnFile(annFiles, name);
    if (!ann) continue;
    const text = readFileSync(join(data, 'text', name), 'utf8');
    const sentences = splitSentences(text);
    const tokens = parseSentences(text, sentences).tokens;
    if (!tokens.length) continue;
    const kids = childrenOf(tokens);
    const gold = readBratAttributions(readFileSync(join(data, 'attributions', ann), 'utf8'))
      .filter((g) => g.content.length)
      .map((g) => wordsIn(tokens, g.content));
    const entities = recogniseEntities(text, sentences);
    // the cue classifier's scores as findQuotes gives them to the review (the same document's tokens and quotations)
    const doc = new QuoteDoc(text, sentences, entities, tokens);
    const cueScore = cueScorer(doc.toks, doc.segments.map((s) => s.inner), entities, tokens, kids);
    const questions: ContentQuestion[] = [];
    for (const q of findQuotes(text, sentences, entities, { tokens })) {
      if (q.kind !== 'indirect' || q.parts || !q.cue) continue;
      const cue = tokenAt(tokens, q.cue.span.start);
      if (cue >= tokens.length || tokens[cue].upos !== 'VERB') continue;
      const qn = endQuestion(tokens, q.span, cue, cueScore);
      if (qn) questions.push({ span: q.span, qn });
    }
    yield { name, tokens, kids, gold, questions };
  }
}

/** An article's contents as plain data (storeContents / readContents). */
export interface StoredContents {
  name: string;
  tokens: SyntaxToken[];
  gold: number[][];
  /** Per question: span start and end, cue, first, last, current, and the cue classifier's scores as [token, score, …]. */
  questions: { span: [number, number]; qn: [number, number, number, number]; scores: number[] }[];
}

/** An article's contents as plain data: the scores of every verb from each content's first word to its sentence's end. */
export function storeContents(a: ArticleContents): StoredContents {
  return {
    name: a.name,
    tokens: a.tokens,
    gold: a.gold.map((g) => [...g]),
    questions: a.questions.map(({ span, qn }) => {
      const scores: number[] = [];
      for (let j = qn.first; j <= qn.last && qn.cueScore; j++) {
        const s = qn.cueScore(j);
        if (s !== null) scores.push(j, s);
      }
      return { span: [span.start, span.end], qn: [qn.cue, qn.first, qn.last, qn.current], scores };
    }),
  };
}

/** The contents storeContents stored, as articleContents gave them (the scorer answers the stored words, null elsewhere). */
export function readContents(s: StoredContents): ArticleContents {
  const questions = s.questions.map(({ span, qn: [cue, first, last, current], scores }) => {
    const byToken = new Map<number, number>();
    for (let k = 0; k < scores.length; k += 2) byToken.set(scores[k], scores[k + 1]);
    const qn: EndQuestion = { cue, first, last, current, cueScore: scores.length ? (j) => byToken.get(j) ?? null : null };
    return { span: { start: span[0], end: span[1] }, qn };
  });
  return { name: s.name, tokens: s.tokens, kids: childrenOf(s.tokens), gold: s.gold.map((g) => new Set(g)), questions };
}

import type { AnnotatedArticle, Article } from '../model/types.js';
import { entityIndex, recogniseEntities } from './entities/index.js';
import { findQuantities } from './quantities.js';
import { findQuotes } from './quotes.js';
import { findTimes } from './time.js';
import { parseSentences } from './syntax/index.js';
import { splitSentences } from './tokenize.js';

/** Milliseconds spent per analyser, accumulated across calls when a record is passed in. */
export type AnalyserTimings = Record<'sentences' | 'entities' | 'quotes' | 'times' | 'quantities' | 'syntax', number>;

export function emptyAnalyserTimings(): AnalyserTimings {
  return { sentences: 0, entities: 0, quotes: 0, times: 0, quantities: 0, syntax: 0 };
}

/**
 * Runs every analyser over one extracted article. Pure: the same article gives the same annotations.
 * The annotations are standoff spans into `article.text`. Speakers of quotes are resolved to the
 * entities found first; time expressions are resolved against the article's publication date
 * when it has one (otherwise they stay unresolved until the story supplies a date).
 */
export function analyseArticle(article: Article, timings?: AnalyserTimings): AnnotatedArticle {
  const text = article.text;
  let t = performance.now();
  const lap = (k: keyof AnalyserTimings) => {
    if (!timings) return;
    const now = performance.now();
    timings[k] += now - t;
    t = now;
  };
  const sentences = splitSentences(text);
  lap('sentences');
  const entities = recogniseEntities(text, sentences);
  const index = entityIndex(entities);
  lap('entities');
  // Part of speech, lemma and dependency tree of every word; sentences it had to flatten are noted on the article.
  const syntax = parseSentences(text, sentences);
  lap('syntax');
  // the parse tells the quotes who the subject of a cue is and what the cue's lemma is
  const quotes = findQuotes(text, sentences, entities, { tokens: syntax.tokens });
  lap('quotes');
  const times = findTimes(text, sentences, article.published);
  lap('times');
  const quantities = findQuantities(text, sentences);
  lap('quantities');
  const noted = syntax.messages.length
    ? { ...article, messages: [...article.messages, ...syntax.messages.map((message) => ({ level: 'warning' as const, stage: 'analyse' as const, message }))] }
    : article;
  return { article: noted, sentences, entities, entityIndex: index, quotes, times, quantities, tokens: syntax.tokens };
}

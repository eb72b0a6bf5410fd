import type { AnnotatedArticle, Article } from '../model/types.js';
import { entityIndex, recogniseEntities } from './entities/index.js';
import { findQuantities } from './quantities.js';
import { findQuotes } from './quotes.js';
import { findTimes } from './time.js';
import { splitSentences } from './tokenize.js';

/**
 * Runs every analyser over one extracted article. Pure: the same article gives the same annotations.
 * The annotations are standoff spans into `article.text`. Speakers of quotes are resolved to the
 * entities found first; time expressions are resolved against the article's publication date
 * when it has one (otherwise they stay unresolved until the story supplies a date).
 */
export function analyseArticle(article: Article): AnnotatedArticle {
  const text = article.text;
  const sentences = splitSentences(text);
  const entities = recogniseEntities(text, sentences);
  return {
    article,
    sentences,
    entities,
    entityIndex: entityIndex(entities),
    quotes: findQuotes(text, sentences, entities),
    times: findTimes(text, sentences, article.published),
    quantities: findQuantities(text, sentences),
  };
}

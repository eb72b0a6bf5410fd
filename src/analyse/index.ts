import type { AnnotatedArticle, Article, DocMessage, Sentence } from '../model/types.js';
import { Budget, guard } from '../util/guard.js';
import { type Component, type ComponentInput, COMPONENTS, type Layers } from './components.js';

export {
  ANALYSE_STAGE_VERSION,
  annotationsVersion,
  checkOrder,
  COMPONENTS,
  componentVersions,
  type Component,
  type Layers,
  recordedVersions,
  staleComponents,
} from './components.js';

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
 * Layers kept from an earlier analysis: components not in `rerun` keep their stored layers, and
 * the messages they raised then (`messages`, the stored article's messages of stage `analyse`).
 */
export interface Reuse {
  layers: Layers;
  rerun: Set<string>;
  messages?: DocMessage[];
}

/**
 * Runs the registered components (components.ts: sentences, entities, syntax, quotes, times,
 * quantities) over one extracted article. The same article gives the same annotations (budgets
 * aside: see below). The annotations are standoff spans into `article.text`. Speakers of quotes
 * are resolved to the entities found first; time expressions are resolved against the article's
 * publication date when it has one (otherwise they stay unresolved until the story supplies a
 * date). With `reuse`, only the components it names run; the others keep the stored layers.
 *
 * Each component runs under a guard. One that throws leaves its layers empty; one that would
 * start after the time budget is spent is skipped; either way the article carries a message
 * (stage `analyse`) naming it, so the stored document says which layers are missing and why. The
 * layers that finished are kept: a document is never silently partial.
 */
export function analyseArticle(
  article: Article,
  timings?: AnalyserTimings,
  budgets: AnalyseBudgets = ANALYSE_BUDGETS,
  reuse?: Reuse,
  components: readonly Component[] = COMPONENTS,
): AnnotatedArticle {
  const text = article.text;
  const budget = new Budget(budgets.timeMs);
  const messages: DocMessage[] = [];
  const layers: Partial<Layers> = {};
  let head = text;
  let headSentences: Sentence[] = [];
  for (const c of components) {
    if (reuse && !reuse.rerun.has(c.name)) {
      for (const l of c.assigns) (layers as Record<string, unknown>)[l] = reuse.layers[l] ?? [];
      // what it said when it made them (parse problems, a failure or a skip) stays with its layers
      for (const m of reuse.messages ?? []) if (m.origin === c.name) messages.push(m);
    } else {
      runComponent(c, { article, text, head, headSentences, layers }, { budget, budgets, messages, timings });
    }
    if (c.name === 'sentences') {
      // the size budget: the components that grow faster than the text read a prefix of it
      const sentences = layers.sentences ?? [];
      head = headOf(text, sentences, budgets.maxChars);
      headSentences = head.length < text.length ? sentences.filter((s) => s.end <= head.length) : sentences;
      const message = `entities and quotes analysed in the first ${head.length.toLocaleString('en')} of ${text.length.toLocaleString('en')} characters (size budget)`;
      // (when the sentences were reused, their stored messages already hold this one)
      if (head.length < text.length && !messages.some((m) => m.origin === 'sentences' && m.message === message)) {
        messages.push({ level: 'warning', stage: 'analyse', origin: 'sentences', span: { start: head.length, end: text.length }, message });
      }
    }
  }
  const annotatedArticle = messages.length ? { ...article, messages: [...article.messages, ...messages] } : article;
  const l = layers as Layers;
  return { article: annotatedArticle, sentences: l.sentences, entities: l.entities, entityIndex: l.entityIndex, quotes: l.quotes, times: l.times, quantities: l.quantities, tokens: l.tokens };
}

/**
 * A stored analysis brought up to date: the components in `rerun` run again over the stored layers
 * of the others, on the article as extraction left it (the stored article without the messages of
 * the earlier analysis). The result is what a full analysis of the article gives (budgets aside).
 */
export function reanalyse(stored: AnnotatedArticle, rerun: Set<string>, timings?: AnalyserTimings, components: readonly Component[] = COMPONENTS): AnnotatedArticle {
  const { article: analysed, ...layers } = stored;
  const article = { ...analysed, messages: analysed.messages.filter((m) => m.stage !== 'analyse') };
  const messages = analysed.messages.filter((m) => m.stage === 'analyse');
  return analyseArticle(article, timings, ANALYSE_BUDGETS, { layers, rerun, messages }, components);
}

/** One component under the guard and the time budget; its layers are empty when it fails or is skipped. */
function runComponent(
  c: Component,
  input: ComponentInput,
  run: { budget: Budget; budgets: AnalyseBudgets; messages: DocMessage[]; timings?: AnalyserTimings },
) {
  const empty = () => {
    for (const l of c.assigns) (input.layers as Record<string, unknown>)[l] = [];
  };
  if (run.budget.exhausted) {
    run.messages.push({ level: 'warning', stage: 'analyse', origin: c.name, message: `${c.name} not analysed: the document's time budget (${run.budgets.timeMs / 1000} s) ran out` });
    return empty();
  }
  const r = guard(() => c.run(input));
  const name = c.name as keyof AnalyserTimings;
  if (run.timings) run.timings[name] = (run.timings[name] ?? 0) + r.ms;
  if (!r.ok) {
    run.messages.push({ level: 'warning', stage: 'analyse', origin: c.name, message: `${c.name} analyser failed (${r.error}); that layer is empty` });
    return empty();
  }
  Object.assign(input.layers, r.value.layers);
  for (const w of r.value.warnings ?? []) {
    const { message, span } = typeof w === 'string' ? { message: w, span: undefined } : w;
    run.messages.push({ level: 'warning', stage: 'analyse', origin: c.name, message, ...(span ? { span } : {}) });
  }
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

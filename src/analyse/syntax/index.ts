/**
 * The syntax layer of an article: part of speech (UPOS and Penn XPOS), lemma, head and dependency
 * relation (Universal Dependencies) for every word, as standoff character spans. Runs on the
 * project's sentences and tokens (`../tokenize.ts`), sub-tokenised as UD does (`subtokens.ts`).
 *
 * Never throws on text: a sentence the model cannot parse (model file missing, a sentence beyond
 * MAX_WORDS) gets a flat tree (every word attached to the first, relation "dep") and a message.
 */
import type { Span, SyntaxToken } from '../../model/types.js';
import { tokenize } from '../tokenize.js';
import { recaseForModel } from './casing.js';
import { syntaxModel } from './model-file.js';
import { udTokens } from './subtokens.js';
import { analyseWords } from './words-analysis.js';

/** Longer "sentences" (tables, run-together lists) are cut into pieces of this many words. */
export const MAX_WORDS = 250;

export interface SyntaxResult {
  tokens: SyntaxToken[];
  /** Problems, each with the sentence it concerns when there is one. */
  messages: { message: string; span?: Span }[];
}

/**
 * Tags, lemmatises and parses every sentence; headlines in capitals or title case are re-cased
 * for the model (`casing.ts`); token heads index the returned array (-1 = root). */
export function parseSentences(text: string, sentences: readonly Span[]): SyntaxResult {
  const model = syntaxModel();
  const tokens: SyntaxToken[] = [];
  const messages: SyntaxResult['messages'] = [];
  if (!model) messages.push({ message: 'syntax model missing (models/syntax.bin): flat trees, no parts of speech' });
  sentences.forEach((s, si) => {
    const words = udTokens(tokenize(text, s.start, s.end));
    for (let from = 0; from < words.length; from += MAX_WORDS) {
      const piece = words.slice(from, from + MAX_WORDS);
      if (from === MAX_WORDS) messages.push({ message: `sentence ${si + 1}: ${words.length} words, parsed in pieces of ${MAX_WORDS}`, span: { start: s.start, end: s.end } });
      const base = tokens.length;
      let analysis: ReturnType<typeof analyseWords> | null = null;
      try {
        analysis = model ? analyseWords(model, recaseForModel(piece.map((w) => w.form), model.ordinary)) : null;
      } catch (e) {
        messages.push({ message: `sentence ${si + 1}: parser failed (${(e as Error).message}); flat tree`, span: { start: s.start, end: s.end } });
      }
      piece.forEach((w, i) => {
        const a = analysis?.[i];
        tokens.push({
          start: w.start,
          end: w.end,
          text: w.text,
          sentence: si,
          upos: a?.upos ?? 'X',
          xpos: a?.xpos ?? '_',
          lemma: a?.lemma || w.text.toLowerCase(),
          head: a ? (a.head === 0 ? -1 : base + a.head - 1) : i === 0 ? -1 : base,
          deprel: a?.deprel ?? (i === 0 ? 'root' : 'dep'),
        });
      });
    }
  });
  return { tokens, messages };
}

/**
 * Tag, lemmatise and parse one sentence of words with the shipped model. The unit the rest of the
 * syntax layer (and the evaluation) builds on: input are word forms in UD tokenisation.
 */
import { lemmatise } from './lemma.js';
import type { SyntaxModel } from './model-file.js';
import { parseInput } from './parse-features.js';
import { parse, parseScratch, type ParseScratch } from './parser.js';
import { tagSentence } from './tagger.js';
import { wordAtoms } from './words.js';

export interface WordAnalysis {
  upos: string;
  xpos: string;
  lemma: string;
  /** 0 = root, else 1-based index of the head word in the sentence. */
  head: number;
  deprel: string;
}

const scratchFor = new WeakMap<SyntaxModel, ParseScratch>();

/** Tags and parses `forms`; `lemmas: false` skips the lemmatiser (for timing the parser alone). */
export function analyseWords(m: SyntaxModel, forms: readonly string[], opts: { lemmas?: boolean } = {}): WordAnalysis[] {
  const n = forms.length;
  if (n === 0) return [];
  const atoms = wordAtoms(forms, m.clusters);
  const margins = new Float32Array(n);
  const firstPass = tagSentence({ tags: m.tags, weights: m.tagger, tagDict: m.tagDict }, atoms, undefined, margins, forms);
  // The second pass (when the model has one) revises the tags the first pass was not sure of,
  // knowing the first pass's tags to their right.
  const tagIds = m.tagger2 ? tagSentence({ tags: m.tags, weights: m.tagger2, tagDict: m.tagDict, sure: m.secondPassSure }, atoms, firstPass, margins, forms) : firstPass;
  const x = parseInput(atoms, tagIds, m.tags.length + 1);
  let sc = scratchFor.get(m);
  if (!sc) scratchFor.set(m, (sc = parseScratch(m.labels.length)));
  const st = parse({ moves: m.moves, labeller: m.labeller, labels: m.labels }, x, n, sc);
  const out: WordAnalysis[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const tag = m.tags[tagIds[i]];
    const bar = tag.indexOf('|');
    out[i] = {
      upos: tag.slice(0, bar),
      xpos: tag.slice(bar + 1),
      lemma: opts.lemmas === false ? '' : lemmatise(m.lemma, forms[i], tag),
      head: st.heads[i + 1],
      deprel: m.labels[st.labels[i + 1]] ?? 'dep',
    };
  }
  return out;
}

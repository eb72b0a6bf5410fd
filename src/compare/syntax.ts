/**
 * The parse of each article, as the cross-check reads it: analyse's syntax layer (part of speech,
 * lemma, head, relation per token), looked up by text position. Articles without a parse (old
 * stores, analyse failures) give null everywhere and the callers fall back to surface rules.
 */
import { clauseOf, quantifiedNoun } from '../analyse/syntax/helpers.js';
import type { Quantity, SyntaxToken } from '../model/types.js';
import type { ArticleView, Sent } from './prepare.js';

const PARSES = new WeakMap<ArticleView, readonly SyntaxToken[]>();

/** Registers an article's parse (called once per article by prepareStory). */
export function attachSyntax(view: ArticleView, tokens: readonly SyntaxToken[] | undefined): void {
  if (tokens?.length && tokens.every((t) => t && typeof t.head === 'number' && typeof t.start === 'number')) PARSES.set(view, tokens);
}

export function parseOf(view: ArticleView): readonly SyntaxToken[] | null {
  return PARSES.get(view) ?? null;
}

/** Index of the first parsed token starting at or after `pos` (binary search; tokens are in text order). */
function firstAtOrAfter(tokens: readonly SyntaxToken[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The lemma of the parsed word starting exactly at `pos`. */
export function lemmaAt(view: ArticleView, pos: number): string | undefined {
  const tokens = parseOf(view);
  if (!tokens) return undefined;
  const t = tokens[firstAtOrAfter(tokens, pos)];
  return t && t.start === pos ? t.lemma.toLowerCase() : undefined;
}

export interface CountedNoun {
  /** Lemma of the noun the figure counts ("cable"). */
  lemma: string;
  /** The noun as written ("cables"). */
  text: string;
  /** Lemma of the predicate of the noun's clause ("damage"), if it is a verb. */
  predicate: string | null;
}

/**
 * What a number counts, from the parse: "three undersea cables were damaged" → cable (predicate
 * damage). Null without a parse, when the number quantifies no common noun, or when the tokens of
 * the figure cannot be found.
 */
export function countedNoun(s: Sent, q: Quantity): CountedNoun | null {
  const tokens = parseOf(s.art);
  if (!tokens) return null;
  const from = firstAtOrAfter(tokens, q.span.start);
  let num = -1;
  for (let i = from; i < tokens.length && tokens[i].end <= q.span.end; i++) if (tokens[i].upos === 'NUM') num = i;
  if (num < 0) return null;
  const n = quantifiedNoun(tokens, num);
  if (n === null || tokens[n].upos !== 'NOUN') return null;
  const p = clauseOf(tokens, n).predicate;
  return { lemma: tokens[n].lemma.toLowerCase(), text: tokens[n].text, predicate: tokens[p].upos === 'VERB' ? tokens[p].lemma.toLowerCase() : null };
}

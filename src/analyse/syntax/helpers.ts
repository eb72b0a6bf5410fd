/**
 * Questions later stages ask of the dependency tree (who did what to whom, when, how many).
 * All functions take the document's `SyntaxToken[]` (heads index the same array, -1 = root) and
 * token indexes; relations are compared on their universal part ("obl:tmod" counts as "obl").
 */
import type { Span, SyntaxToken } from '../../model/types.js';
import { tokenAt } from '../../text/tokenize.js';

/** The universal relation of a dependency label, without its subtype ("nsubj:pass" → "nsubj"). */
export function universalRelation(deprel: string): string {
  const c = deprel.indexOf(':');
  return c < 0 ? deprel : deprel.slice(0, c);
}
const rel = (t: SyntaxToken) => universalRelation(t.deprel);

/** The children of a token that has none: one array for all of them, frozen (the lists are read, never changed). */
const NO_CHILDREN: number[] = Object.freeze([]) as unknown as number[];

/**
 * Children of every token, in text order. Read only: the tokens without children share one frozen
 * empty array. Each list is allocated at its size (a count first): this runs once per article on
 * every token, and growing an empty array per token by push was most of its cost.
 */
export function childrenOf(tokens: readonly SyntaxToken[]): number[][] {
  const n = tokens.length;
  const count = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const h = tokens[i].head;
    if (h >= 0 && h < n) count[h]++;
  }
  const out: number[][] = new Array<number[]>(n);
  for (let i = 0; i < n; i++) out[i] = count[i] ? new Array<number>(count[i]) : NO_CHILDREN;
  // count[h] now the number of h's children placed so far
  count.fill(0);
  for (let i = 0; i < n; i++) {
    const h = tokens[i].head;
    if (h >= 0 && h < n) out[h][count[h]++] = i;
  }
  return out;
}

/** Relations that start a clause of their own (the dependent is the clause's predicate). */
const CLAUSAL = new Set(['root', 'ccomp', 'xcomp', 'advcl', 'acl', 'csubj', 'parataxis']);
const PREDICATE_POS = new Set(['VERB', 'AUX']);
const SUBJECT = new Set(['nsubj', 'csubj']);

/** A token heading a clause: a clausal relation, or a verb coordinated with one ("signed and left"). */
export function isClauseHead(tokens: readonly SyntaxToken[], i: number): boolean {
  const t = tokens[i];
  const r = rel(t);
  if (CLAUSAL.has(r)) return true;
  return r === 'conj' && (PREDICATE_POS.has(t.upos) || isClauseHead(tokens, t.head));
}

/**
 * The clause of token i: its predicate (the nearest clause head at or above it) and the tokens of
 * the clause, i.e. the predicate's subtree without the clauses embedded in it.
 */
export function clauseOf(tokens: readonly SyntaxToken[], i: number, kids = childrenOf(tokens)): { predicate: number; tokens: number[] } {
  let p = i;
  for (let steps = 0; p >= 0 && !isClauseHead(tokens, p) && steps < tokens.length; steps++) p = tokens[p].head;
  if (p < 0) p = i;
  const members: number[] = [];
  const stack = [p];
  while (stack.length) {
    const x = stack.pop()!;
    members.push(x);
    for (const c of kids[x]) if (!isClauseHead(tokens, c)) stack.push(c);
  }
  return { predicate: p, tokens: members.sort((a, b) => a - b) };
}

/** A dependent plus the tokens coordinated with it ("Roe and Doe" → both). */
function withConjuncts(kids: number[][], tokens: readonly SyntaxToken[], i: number): number[] {
  const out = [i];
  for (const c of kids[i]) if (rel(tokens[c]) === 'conj' && !PREDICATE_POS.has(tokens[c].upos)) out.push(...withConjuncts(kids, tokens, c));
  return out;
}

export interface Arguments {
  subjects: number[];
  objects: number[];
  /** Obliques with their preposition ("in Moscow" → the token of Moscow, marker "in"); marker null for bare ones ("Sunday"). */
  obliques: { token: number; marker: string | null }[];
}

/**
 * Subject, object and oblique arguments of the predicate `p`. Coordinated arguments are all
 * returned; a coordinated predicate without its own subject shares its first conjunct's
 * ("Roe arrived and met Doe": Roe is the subject of both).
 */
export function argumentsOf(tokens: readonly SyntaxToken[], p: number, kids = childrenOf(tokens)): Arguments {
  const out: Arguments = { subjects: [], objects: [], obliques: [] };
  for (const c of kids[p]) {
    const r = rel(tokens[c]);
    if (SUBJECT.has(r)) out.subjects.push(...withConjuncts(kids, tokens, c));
    else if (r === 'obj' || r === 'iobj') out.objects.push(...withConjuncts(kids, tokens, c));
    else if (r === 'obl') {
      for (const o of withConjuncts(kids, tokens, c)) {
        const mark = kids[o].find((k) => rel(tokens[k]) === 'case');
        out.obliques.push({ token: o, marker: mark === undefined ? null : tokens[mark].text.toLowerCase() });
      }
    }
  }
  const h = tokens[p].head;
  if (!out.subjects.length && rel(tokens[p]) === 'conj' && h >= 0) out.subjects = argumentsOf(tokens, h, kids).subjects;
  // "Roe wants to meet Doe": the controlled clause's subject is its controller's
  if (!out.subjects.length && rel(tokens[p]) === 'xcomp' && h >= 0) out.subjects = argumentsOf(tokens, h, kids).subjects;
  return out;
}

const NOMINAL = new Set(['NOUN', 'PROPN', 'PRON', 'NUM', 'SYM', 'X']);

/**
 * The noun a number quantifies: "seven talks" → talks; "5 million people" → people (through
 * the compound "5 → million"); "two of the agreements" → agreements. Null when it counts nothing.
 */
export function quantifiedNoun(tokens: readonly SyntaxToken[], num: number, kids = childrenOf(tokens)): number | null {
  let i = num;
  for (let steps = 0; steps < 4; steps++) {
    const r = rel(tokens[i]);
    const h = tokens[i].head;
    if (h < 0) break;
    if ((r === 'compound' || r === 'flat' || r === 'advmod' || r === 'fixed') && tokens[h].upos === 'NUM') i = h;
    else if (r === 'nummod' || (r === 'compound' && NOMINAL.has(tokens[h].upos))) return h;
    else break;
  }
  // the number heads the phrase: "two of the agreements", "3 percent"
  const of = kids[i].find((c) => rel(tokens[c]) === 'nmod' && kids[c].some((k) => rel(tokens[k]) === 'case' && tokens[k].text.toLowerCase() === 'of'));
  return of ?? null;
}

/** The token of a span whose head lies outside it (the highest; the rightmost nominal on ties). */
export function phraseHead(tokens: readonly SyntaxToken[], span: Span): number | null {
  let best: number | null = null;
  for (let i = tokenAt(tokens, span.start); i < tokens.length && tokens[i].start < span.end; i++) {
    const t = tokens[i];
    if (t.end > span.end) continue;
    const h = t.head;
    const outside = h < 0 || tokens[h].start < span.start || tokens[h].end > span.end;
    if (!outside) continue;
    if (best === null || (NOMINAL.has(t.upos) && !NOMINAL.has(tokens[best].upos)) || NOMINAL.has(t.upos) === NOMINAL.has(tokens[best].upos)) best = i;
  }
  return best;
}

/** The head noun of a noun phrase span ("the joint statement" → statement). Same as phraseHead. */
export const nounPhraseHead = phraseHead;

/**
 * The predicate a time expression modifies: from the expression's head, up to the nearest clause
 * head. "Roe told a newspaper after the summary was released Sunday": Sunday → released.
 */
export function timePredicate(tokens: readonly SyntaxToken[], span: Span): number | null {
  const h = phraseHead(tokens, span);
  if (h === null) return null;
  let p = tokens[h].head;
  for (let steps = 0; p >= 0 && steps < tokens.length; steps++) {
    if (isClauseHead(tokens, p) || PREDICATE_POS.has(tokens[p].upos)) return p;
    p = tokens[p].head;
  }
  return null;
}

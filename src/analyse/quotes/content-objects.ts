/**
 * Pass 3c (with the parse): the object of a verb of the cue lexicon as its content. PolNeAR annotates
 * stance and speech attributions whose content is a noun phrase, the cue verb's object ("X [criticized]
 * [the plan as a crazy system]", "Y [supports] [the bill]"); the clause passes read none. Only a verb of
 * `data/lexicons/attribution-cues.tsv` (Levin's classes) is asked, never one whose object is its
 * addressee ("told reporters"), one with a clause of its own (pass 3 reads that), a passive, or one no
 * subject that can speak governs. The review classes such a content (no predicate: not `speech`), so
 * the story's ledger does not take it.
 */
import type { SyntaxToken } from '../../model/types.js';
import { tokenAt } from '../tokenize.js';
import { cueClassOf } from './cues.js';
import { type QuoteDoc, trimSpan } from './document.js';
import { parseChildren } from './review.js';
import { ADDRESSEE_CUES } from './words.js';

/** The cue classifier's score a verb needs (TRIANGULATE_OBJECT_FLOOR overrides it for a sweep). */
export const OBJECT_CUE_FLOOR = Number(process.env.TRIANGULATE_OBJECT_FLOOR ?? '0');

/** Relations that give the verb a clause of its own, or make it passive. */
const CLAUSE_OR_PASSIVE = new Set(['ccomp', 'xcomp', 'csubj', 'nsubj:pass', 'aux:pass', 'expl']);

/** Bounds a subtree walk (hostile parses). */
const MAX_OBJECT = 80;

const isSayer = (t: SyntaxToken): boolean => t.upos === 'NOUN' || t.upos === 'PROPN' || t.upos === 'PRON';

/** Adds a quote for each lexicon verb's object that no earlier quote overlaps. */
export function objectContentQuotes(d: QuoteDoc): void {
  const parse = d.parse;
  const scores = d.cueScores;
  if (!parse?.length || !scores) return;
  const { toks, quotes, usedCue, text } = d;
  let kids: number[][] | null = null;
  for (let j = 0; j < parse.length; j++) {
    const v = parse[j];
    if (v.upos !== 'VERB' || ADDRESSEE_CUES.has(v.text.toLowerCase()) || !cueClassOf(v.lemma)) continue;
    kids ??= parseChildren(parse);
    let object = -1;
    let subject = -1;
    let blocked = false;
    for (const k of kids[j]) {
      const r = parse[k].deprel;
      if (CLAUSE_OR_PASSIVE.has(r)) blocked = true;
      else if (r === 'obj') object = k;
      else if (r === 'nsubj' && isSayer(parse[k])) subject = k;
    }
    if (blocked || object < 0 || subject < 0) continue;
    const i = tokenAt(toks, v.start);
    if (i >= toks.length || toks[i].start !== v.start || usedCue.has(i)) continue;
    const score = scores.at(i);
    if (score === null || score <= OBJECT_CUE_FLOOR) continue;
    const span = subtreeSpan(parse, kids, object);
    if (!span) continue;
    const content = trimSpan(text, span);
    if (quotes.some((q) => (q.span.start < content.end && content.start < q.span.end) || (q.speakerSpan && q.speakerSpan.start < v.end && v.start < q.speakerSpan.end) || (q.span.start <= v.start && v.end <= q.span.end))) continue;
    const sp = subtreeSpan(parse, kids, subject);
    const q = d.make(content, sp && sp.end <= v.start ? sp : null, toks[i], 'indirect');
    if (!q) continue;
    quotes.push(q);
    usedCue.add(i);
  }
}

/** The characters of `top`'s subtree when it is one unbroken run of at most MAX_OBJECT tokens, else null. */
function subtreeSpan(parse: readonly SyntaxToken[], kids: number[][], top: number): { start: number; end: number } | null {
  let lo = top;
  let hi = top;
  let n = 0;
  const stack = [top];
  while (stack.length) {
    const x = stack.pop()!;
    if (++n > MAX_OBJECT) return null;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
    for (const c of kids[x]) stack.push(c);
  }
  return hi - lo + 1 === n ? { start: parse[lo].start, end: parse[hi].end } : null;
}

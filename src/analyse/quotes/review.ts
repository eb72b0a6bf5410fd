/**
 * A second look at the quotes found by the rules and the attribution tagger (../quotes.ts), with
 * the dependency tree of the article (../syntax): the syntax issue's reading of attribution, where
 * the speaker is the subject of the cue and the cue is a word of attribution.
 *
 * - Each quote's cue gets its class from the cue's lemma (cues.ts). A quote whose cue is a verb
 *   that reports nothing ("Minnesota traded him to Carolina") is dropped unless its content is
 *   in quotation marks.
 * - A speaker whose phrase is headed by an adjective, determiner or adverb ("Republican", "Some",
 *   "Recent") is not a speaker: it gives way to the cue's subject, or to no speaker.
 * - A quote left without a speaker gets the cue's subject ("…, the governor said": the governor).
 */
import type { CueClass, Quote, Span, SyntaxToken } from '../../model/types.js';
import { argumentsOf, childrenOf, phraseHead } from '../syntax/helpers.js';
import { cueClassOf } from './cues.js';

export type ResolveSpeaker = (span: Span) => { entity: string | null; name: string | null };

/** Parts of speech that can head a speaker's noun phrase. */
const SPEAKER_HEAD = new Set(['PROPN', 'NOUN', 'PRON']);

/** Dependents that belong to a speaker's name phrase ("the company's chief spokesman"), not clauses or appositions. */
const NAME_PARTS = new Set(['compound', 'flat', 'det', 'amod', 'nmod:poss', 'nummod', 'case', 'goeswith']);

const universal = (deprel: string) => deprel.split(':')[0];

/** Index of the token covering character `pos` (tokens are in text order), or -1. */
function tokenCovering(tokens: readonly SyntaxToken[], pos: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= pos) lo = mid + 1;
    else if (tokens[mid].start > pos) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** The span of a subject's name phrase: the token with its determiners, modifiers, compounds and possessors. */
function namePhrase(tokens: readonly SyntaxToken[], kids: number[][], i: number): Span {
  let start = tokens[i].start;
  let end = tokens[i].end;
  const stack = [i];
  for (let steps = 0; stack.length && steps < 64; steps++) {
    const x = stack.pop()!;
    for (const c of kids[x]) {
      if (!NAME_PARTS.has(tokens[c].deprel) && !(x !== i && universal(tokens[c].deprel) === 'nmod')) continue;
      if (c > i && universal(tokens[c].deprel) === 'case') continue;
      start = Math.min(start, tokens[c].start);
      end = Math.max(end, tokens[c].end);
      stack.push(c);
    }
  }
  return { start, end };
}

/** The cue's speaker by the tree: the subject of the cue verb, or the object of "according to". */
function subjectOfCue(tokens: readonly SyntaxToken[], kids: number[][], cue: number): number | null {
  const t = tokens[cue];
  if (t.lemma.toLowerCase() === 'accord' || t.text.toLowerCase() === 'according') return t.head >= 0 ? t.head : null;
  if (t.upos !== 'VERB') return null;
  const subjects = argumentsOf(tokens, cue, kids).subjects.filter((s) => SPEAKER_HEAD.has(tokens[s].upos));
  // "it is said that": an expletive subject names nobody
  const s = subjects.find((x) => !(tokens[x].text.toLowerCase() === 'it' && tokens[x].deprel.endsWith(':pass')));
  return s ?? null;
}

const inside = (s: Span, q: Quote) => s.start < q.span.end && s.end > q.span.start && !(q.parts && !q.parts.some((p) => s.start < p.end && s.end > p.start));

/** The class of a quote's cue; null when the cue is a verb of no attribution. Quotations without a cue word are speech. */
function classify(text: string, q: Quote, cueToken: SyntaxToken | null): CueClass | null | 'keep' {
  if (!q.cue) return 'speech';
  const verb = q.cue.verb.toLowerCase();
  if (!/\p{L}/u.test(verb)) return 'speech'; // a colon or a dash introducing a quotation
  const byLemma = cueToken ? cueClassOf(cueToken.lemma) : null;
  const cls = byLemma ?? cueClassOf(verb) ?? cueClassOf(text.slice(q.cue.span.start, q.cue.span.end));
  if (cls) return cls;
  // only a verb is judged: the tagger's other cue words (nouns, "via", odd spans) are left as they are
  return cueToken && cueToken.upos === 'VERB' ? null : 'keep';
}

/** Reviews `quotes` against the article's parse; returns the quotes kept, with their cue class and repaired speakers. */
export function reviewWithSyntax(text: string, quotes: readonly Quote[], tokens: readonly SyntaxToken[], resolve: ResolveSpeaker): Quote[] {
  if (!tokens.length) return [...quotes];
  const kids = childrenOf(tokens);
  const out: Quote[] = [];
  for (const quote of quotes) {
    const cueIdx = quote.cue ? tokenCovering(tokens, quote.cue.span.start) : -1;
    const cueToken = cueIdx >= 0 ? tokens[cueIdx] : null;
    const cls = classify(text, quote, cueToken);
    if (cls === null && quote.kind !== 'direct') continue;
    const q: Quote = { ...quote };
    if (cls !== null && cls !== 'keep') q.cueClass = cls;
    const subj = cueIdx >= 0 ? subjectOfCue(tokens, kids, cueIdx) : null;
    const subjSpan = subj !== null ? namePhrase(tokens, kids, subj) : null;
    const usable = subjSpan && !inside(subjSpan, q) ? subjSpan : null;
    if (q.speakerSpan) {
      const h = phraseHead(tokens, q.speakerSpan);
      if (h !== null && !SPEAKER_HEAD.has(tokens[h].upos)) setSpeaker(q, usable, resolve);
    } else if (usable) setSpeaker(q, usable, resolve);
    out.push(q);
  }
  return out;
}

function setSpeaker(q: Quote, span: Span | null, resolve: ResolveSpeaker): void {
  q.speakerSpan = span;
  const r = span ? resolve(span) : { entity: null, name: null };
  q.speaker = r.entity;
  q.speakerName = r.name;
}

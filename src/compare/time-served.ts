/**
 * Time served: "LaRue served four and a half months in prison", "He served 136 days", "after
 * serving more than four years for his role", "who served a 4-1/2-month prison term". How long a
 * named person spent serving a term is one figure of that person's, whatever sentence tells it
 * (like an age), and it is not the length of the sentence imposed ("sentenced to one to three
 * years", "most of a six-month sentence"): a slot of its own, keyed by the person.
 */
import type { Quantity, SyntaxToken } from '../model/types.js';
import { tokenAt } from '../text/tokenize.js';
import { antecedent, pronounAntecedent, surnameAt } from './dated-acts.js';
import { canonicalName, type EntityRef, type Sent } from './prepare.js';
import { figureVerbIndex, kidsOf, parseOf, relOf, verbSubject } from './syntax.js';

/** The person who served the span `q` measures and the words naming them, or null. */
export function servedBy(s: Sent, q: Quantity): { person: string; name: string } | null {
  if (q.unit !== 'h' && q.unit !== 'month' && q.unit !== 'year') return null;
  const tokens = parseOf(s.art);
  const v = tokens ? verbOfSpan(s, tokens, q) : -1;
  if (!tokens || v < 0 || tokens[v].lemma.toLowerCase() !== 'serve' || !completed(s, tokens, v)) return null;
  const text = s.art.text;
  // "served as special assistant for two years": a post held, not a term served
  if (kidsOf(tokens)[v].some((c) => /^as$/i.test(tokens[c].text)) || /^\s+as\b/i.test(text.slice(tokens[v].end, tokens[v].end + 4))) return null;
  // "most of a six-month sentence", "9 months of a 2-1/2 year sentence": the term the part is of
  if (/\bof\s+(?:a|an|the|his|her|their)\s+$/i.test(text.slice(Math.max(s.span.start, q.span.start - 12), q.span.start))) return null;
  // a term dated by a year on its own verb ("served five years in 1959") is one of several a person may serve
  if (s.times.some((t) => (t.kind === 'year' || t.kind === 'month' || t.kind === 'date') && figureVerbIndex(s, t) === v)) return null;
  const who = verbSubject(s, tokens[v].start)
    .map((at) => personAt(s, tokens, at))
    .find(Boolean);
  if (!who) return null;
  const name = text.slice(who.span.start, who.span.end);
  return { person: canonicalName(name), name };
}

/**
 * The verb a figure hangs on (syntax.ts figureVerbIndex), or, for a figure the parse reads as one
 * adjective ("a six-month prison term"), the verb above its first word, at most four steps up.
 */
function verbOfSpan(s: Sent, tokens: readonly SyntaxToken[], q: Quantity): number {
  const v = figureVerbIndex(s, q);
  if (v >= 0) return v;
  let i = tokenAt(tokens, q.span.start);
  for (let step = 0; step < 4 && i >= 0; step++, i = tokens[i].head) {
    if (tokens[i].upos === 'VERB') return i;
    if (/^(?:acl|advcl|ccomp|parataxis|conj|appos)$/.test(relOf(tokens[i]))) return -1;
  }
  return -1;
}

/**
 * A term served and over: "served" not in the passive ("dinner was served"), with no modal or
 * "to" before it ("ordered to serve 90 days", "will serve"), or "after serving"; not "is serving"
 * (the term still running is the sentence's length).
 */
function completed(s: Sent, tokens: readonly SyntaxToken[], v: number): boolean {
  const kids = kidsOf(tokens)[v];
  if (kids.some((c) => relOf(tokens[c]) === 'aux' && /^(?:will|would|shall|should|could|can|may|might|must|to)$/i.test(tokens[c].text))) return false;
  if (kids.some((c) => tokens[c].deprel === 'aux:pass' || tokens[c].deprel === 'nsubj:pass')) return false;
  const word = tokens[v].text.toLowerCase();
  if (word === 'served') return true;
  return word === 'serving' && /\bafter\s+$/i.test(s.art.text.slice(Math.max(s.span.start, tokens[v].start - 7), tokens[v].start));
}

/**
 * The person a subject at text position `at` names: a person's name there, "he"/"she" as its
 * antecedent (dated-acts.ts), "who" as the person named right before it or the one the noun it
 * hangs on renames ("Fred LaRue, a Nixon official who served").
 */
function personAt(s: Sent, tokens: readonly SyntaxToken[], at: number): EntityRef | null {
  const person = (pos: number) => s.entities.find((e) => e.type === 'PER' && e.span.start <= pos && pos < e.span.end) ?? surnameAt(s, tokens, pos);
  const here = person(at);
  if (here) return here;
  const word = tokens[tokenAt(tokens, at)]?.text.toLowerCase() ?? '';
  if (word === 'he' || word === 'she') return pronounAntecedent(s, at);
  if (word !== 'who') return null;
  const before = antecedent(s, at);
  if (before) return before.type === 'PER' ? before : null;
  // who → its verb → the noun the relative clause hangs on → the name it is in apposition with
  const verb = tokens[tokenAt(tokens, at)].head;
  const noun = verb >= 0 && relOf(tokens[verb]) === 'acl' ? tokens[verb].head : -1;
  if (noun < 0) return null;
  const kids = kidsOf(tokens);
  const renamed = [noun, ...(relOf(tokens[noun]) === 'appos' ? [tokens[noun].head] : []), ...kids[noun].filter((c) => relOf(tokens[c]) === 'appos')];
  // "LaRue was the bagman who", "LaRue was known as the bagman who": the subject the noun is said of
  const said = relOf(tokens[noun]) === 'obl' && kids[noun].some((c) => /^as$/i.test(tokens[c].text)) ? tokens[noun].head : noun;
  const subject = kids[said]?.find((c) => relOf(tokens[c]) === 'nsubj');
  if (subject !== undefined && (said !== noun || kids[noun].some((c) => relOf(tokens[c]) === 'cop'))) renamed.push(subject);
  return renamed.map((i) => person(tokens[i].start)).find(Boolean) ?? null;
}


/**
 * The main event claim of an article as grouping evidence: who did what to whom, read from the
 * parse of its headline and of its lead sentence (the two places a report states its event). Each
 * gives the act of its main predicate (its class in the sourced act lexicon, compare/act-classes.ts:
 * "fired", "dismissed" → Firing), its agent and its patient (the head word of the subject and object;
 * a name by its last word, as people match by surname in disagreement.ts). Keys "act>patient" and
 * "agent>act": two reports that state one act done to one participant are more often of one event
 * (on the ECB+ development half, same-topic pairs sharing a key: 0.77 same event against 0.50 for
 * any pair). A clause that only attributes ("her rep told People") gives the clause it reports.
 */
import { cueClassOf } from '../../src/analyse/quotes/cues.js';
import { argumentsOf, childrenOf, universalRelation } from '../../src/analyse/syntax/helpers.js';
import { actClass, phrasalAct, verbOfActNoun } from '../../src/compare/act-classes.js';
import type { SyntaxToken } from '../../src/model/types.js';

/** Verbs that state no act of their own ("is", "has", "made"): their clause is a description. */
const LIGHT = new Set(['be', 'have', 'do', 'get', 'make', 'go', 'come', 'seem', 'say', 'tell']);
/** Keys kept per article (two sentences, two keys each). */
export const MAX_CLAIMS = 4;

const rel = (t: SyntaxToken) => universalRelation(t.deprel);

/** The word a participant is known by: a noun's lemma, a name's last word; a reflexive is the agent; other pronouns say nothing. */
function participant(tokens: readonly SyntaxToken[], kids: number[][], i: number, agent: string | null): string | null {
  const t = tokens[i];
  if (t.upos === 'PRON') return /sel(f|ves)$/i.test(t.text) ? agent : null;
  if (t.upos === 'PROPN') {
    let last = i;
    for (const k of kids[i]) if (k > last && (rel(tokens[k]) === 'flat' || (rel(tokens[k]) === 'compound' && tokens[k].upos === 'PROPN'))) last = k;
    return tokens[last].text.toLowerCase().replace(/['’]s$/, '');
  }
  return t.upos === 'NOUN' ? t.lemma.toLowerCase() : null;
}

/** The act its predicate states: a verb's class (phrasal verbs by their act), a noun's when it names an act ("the arrest"), else null. */
function actOf(tokens: readonly SyntaxToken[], kids: number[][], p: number): string | null {
  const t = tokens[p];
  const lemma = t.lemma.toLowerCase();
  if (t.upos === 'VERB') {
    const prt = kids[p].find((k) => tokens[k].deprel === 'compound:prt');
    const verb = phrasalAct(lemma, prt === undefined ? null : tokens[prt].text.toLowerCase());
    return LIGHT.has(verb) || cueClassOf(verb) === 'thought' ? null : actClass(verb);
  }
  const verb = t.upos === 'NOUN' ? verbOfActNoun(lemma) : undefined;
  return verb ? actClass(verb) : null;
}

/** The claim keys of the sentence whose tokens are `lo`..`hi` of `tokens` (heads index `tokens`). */
export function sentenceClaims(tokens: readonly SyntaxToken[], lo: number, hi: number, kids: number[][] = childrenOf(tokens)): string[] {
  let p = -1;
  for (let i = lo; i < hi && p < 0; i++) if (tokens[i].head < 0) p = i;
  if (p < 0) return [];
  // "police said the man was arrested": the reported clause
  for (let step = 0; step < 2; step++) {
    const c = cueClassOf(tokens[p].lemma.toLowerCase());
    const said = c === 'speech' || c === 'thought' ? kids[p].find((k) => rel(tokens[k]) === 'ccomp' || rel(tokens[k]) === 'parataxis') : undefined;
    if (said === undefined) break;
    p = said;
  }
  const act = actOf(tokens, kids, p);
  if (act === null) return [];
  const args = argumentsOf(tokens, p, kids);
  const passive = kids[p].some((k) => tokens[k].deprel === 'nsubj:pass' || tokens[k].deprel === 'aux:pass');
  const subject = args.subjects.length ? participant(tokens, kids, args.subjects[0], null) : null;
  let agent = subject;
  let patient = args.objects.length ? participant(tokens, kids, args.objects[0], subject) : null;
  if (passive) {
    const by = args.obliques.find((o) => o.marker === 'by');
    agent = by ? participant(tokens, kids, by.token, null) : null;
    patient = subject;
  }
  const out: string[] = [];
  if (patient) out.push(`${act}>${patient}`);
  if (agent) out.push(`${agent}>${act}`);
  return out;
}

/** The claim keys of an article: its headline's (parsed on its own) and its lead sentence's, first seen first, at most `MAX_CLAIMS`. */
export function leadClaims(headline: readonly SyntaxToken[] | null, body: readonly SyntaxToken[] | undefined): string[] {
  const out = new Set<string>();
  if (headline?.length) for (const k of sentenceClaims(headline, 0, headline.length)) out.add(k);
  if (body?.length) {
    let hi = 0;
    while (hi < body.length && body[hi].sentence === body[0].sentence) hi++;
    for (const k of sentenceClaims(body, 0, hi)) out.add(k);
  }
  return [...out].slice(0, MAX_CLAIMS);
}

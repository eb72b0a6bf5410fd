/**
 * Counts in coordinations (figure-parts.ts partOf calls them conjuncts). A conjunct is a part of one
 * total when the coordination splits one set ("two women and a man": the dead, partitioned; "two
 * murder charges and one attempted murder charge"); it is its own total when each conjunct counts
 * its own thing, read by the parse:
 *  - two predicates of two frames: "killed five people and wounded 12 others" (deaths / injured),
 *    also when the parser hangs "wounded 12 others" on "people" as one coordinated phrase;
 *  - two kinds of things under one verb: "the gunmen killed 5 soldiers and 3 policemen", "destroyed
 *    50 schools and 1,500 houses", "seized two ships and 30 crew members": each conjunct is a count
 *    of its own noun for the act of the verb the first conjunct is an argument of (in UD a later
 *    conjunct shares the first's relation), never of the sibling's noun;
 *  - an elided noun: "12 houses were destroyed and 40 damaged", "destroyed 12 houses and damaged 40":
 *    a bare number that is an argument of a verb coordinated with the verb of a counted noun counts
 *    that noun, for its own verb.
 * A person's line of figures ("25 points and 16 rebounds", "his 58 wins and three defeats") stays a
 * part: a story tells such lines of many people and many games (`personHeld`).
 */
import type { Quantity, SyntaxToken } from '../model/types.js';
import { tokenAt } from '../text/tokenize.js';
import type { Sent } from './prepare.js';
import { countedNoun, figureTokens, figureVerbIndex, kidsOf, noActVerb, parseOf, relOf, verbSubject } from './syntax.js';
import { countsThings } from './counts.js';
import { actClass } from './act-classes.js';
import { holderToken } from './figure-holders.js';
import { countedThings, governingFrame, peopleCount } from './count-slots.js';
import type { Slot } from './slots.js';

/** What one conjunct counts: its own noun, the act it is an argument of (a lemma), and the nouns its sibling conjuncts count. */
export interface ConjunctReading {
  noun: string;
  verb: string | null;
  siblings: string[];
  /** Whether this conjunct is the first of its coordination (the verb's own argument). */
  first: boolean;
}

/** The count slot of a conjunct that counts its own thing (see the file's comment), or null: the conjunct stays a part. */
export function conjunctSlot(s: Sent, q: Quantity): Slot | null {
  if (q.unit !== 'count' && q.unit !== 'people') return null;
  const r = readConjunct(s, q);
  // "killed three soldiers and wounded five civilians": a figure under its own frame is that frame's
  // count, or its noun's for the verb of the first conjunct when it is that conjunct (a later one's
  // own verb is not the first's: "wounded five policemen" is no count of the killed)
  if (ownFrame(s, q)) return peopleCount(s, q) ?? (r?.first ? nounCount(s, q, r) : null);
  return r ? nounCount(s, q, r) : null;
}

/** The count of the conjunct's own noun for the act of its verb; null for one set split, a line of scores, a person's figures, or no verb. */
function nounCount(s: Sent, q: Quantity, r: ConjunctReading): Slot | null {
  // (with no act, "a career record of 58 wins and three defeats", nothing says which things of the story these are)
  if (!r.siblings.length || !r.verb) return null;
  // one set split ("two murder charges and one attempted murder charge"), or a line of scores and measures
  if (r.siblings.includes(r.noun) || ![r.noun, ...r.siblings].every(countsThings)) return null;
  if (personHeld(s, q)) return null;
  return countedThings(s, q, { noun: r.noun, verb: r.verb });
}

/**
 * "killed five people and wounded 12 others": the frame the figure's own predicate gives it when every
 * figure coordinated with it has a frame and none has this one (two predicates: each its own count).
 */
function ownFrame(s: Sent, q: Quantity): string | undefined {
  const frame = governingFrame(s, q);
  if (!frame) return undefined;
  const siblings = siblingFigures(s, q);
  if (!siblings.length) return undefined;
  return siblings.every((p) => {
    const f = governingFrame(s, p);
    return f !== undefined && f !== frame;
  })
    ? frame
    : undefined;
}

/** The sentence's other figures whose counted noun the parse coordinates with this figure's. */
function siblingFigures(s: Sent, q: Quantity): Quantity[] {
  const tokens = parseOf(s.art);
  const fig = tokens && figureTokens(tokens, q);
  if (!tokens || !fig || fig.noun === fig.num) return [];
  const group = new Set(conjunctNouns(tokens, kidsOf(tokens), fig.noun));
  if (group.size < 2) return [];
  return s.quantities.filter((p) => {
    if (p === q) return false;
    const f = figureTokens(tokens, p);
    return !!f && f.noun !== f.num && f.noun !== fig.noun && group.has(f.noun);
  });
}

/**
 * One conjunct's noun, act and sibling nouns, by the parse (a coordination of counted nouns), else by
 * the words for "N x and M y" the parser did not coordinate; null when the figure is in no coordination.
 */
export function readConjunct(s: Sent, q: Quantity): ConjunctReading | null {
  const tokens = parseOf(s.art);
  const fig = tokens && figureTokens(tokens, q);
  if (!tokens || !fig || fig.noun === fig.num || tokens[fig.noun].upos !== 'NOUN') return null;
  const kids = kidsOf(tokens);
  const group = conjunctNouns(tokens, kids, fig.noun);
  const noun = tokens[fig.noun].lemma.toLowerCase();
  if (group.length >= 2)
    return {
      noun,
      verb: argumentVerb(tokens, kids, group[0]) ?? verbAfterLast(tokens, kids, group[group.length - 1]),
      siblings: group.filter((i) => i !== fig.noun).map((i) => tokens[i].lemma.toLowerCase()),
      first: group[0] === fig.noun,
    };
  // "N x and M y" written, not parsed so: the sibling is the noun after the later number
  const m = /^[\s-]*(?:\p{L}+\s+)?and\s+(?:a|an|one|two|three|four|five|\d[\d,]*)\s+(\p{L}+)/iu.exec(s.art.text.slice(q.span.end, s.span.end));
  const sibling = m && tokens.find((t) => t.start >= q.span.end + m.index + m[0].length - m[1].length && t.start < s.span.end);
  return sibling ? { noun, verb: argumentVerb(tokens, kids, fig.noun), siblings: [sibling.lemma.toLowerCase()], first: true } : null;
}

/** The first conjunct and the nouns in `conj` with it, in the sentence's order ("two ships and 30 crew members": ships, members). */
function conjunctNouns(tokens: readonly SyntaxToken[], kids: number[][], n: number): number[] {
  const head = tokens[n].head;
  const first = relOf(tokens[n]) === 'conj' && head >= 0 && tokens[head].upos === 'NOUN' ? head : n;
  return [first, ...kids[first].filter((c) => relOf(tokens[c]) === 'conj' && tokens[c].upos === 'NOUN')];
}

/**
 * "14 soldiers and three civilians died in the attack" parsed with the soldiers as the root and "died"
 * hung on the civilians (acl): the verb written right after the last conjunct and hung on it is what
 * the coordination's people or things underwent or did; none when it names no act.
 */
function verbAfterLast(tokens: readonly SyntaxToken[], kids: number[][], last: number): string | null {
  const v = kids[last].find((c) => c > last && c <= last + 3 && tokens[c].upos === 'VERB' && relOf(tokens[c]) === 'acl' && tokens.slice(last + 1, c).every((t) => t.upos === 'AUX' || t.upos === 'ADV'));
  const lemma = v === undefined ? null : tokens[v].lemma.toLowerCase();
  return lemma && !noActVerb(lemma) ? lemma : null;
}

/**
 * The act a noun is the subject or object of, by the parse (the verb's lemma), or null: when the verb
 * names no act ("had 33 homers", "police said two women and a man died": the parse makes the dead the
 * object of "said"), or when the "argument" has a preposition, which no subject or object has ("batted
 * .467 with seven hits ... as the Angels fell" read with the hits as the subject of "fell").
 */
function argumentVerb(tokens: readonly SyntaxToken[], kids: number[][], n: number): string | null {
  const head = tokens[tokens[n].head];
  if (!head || head.upos !== 'VERB' || !['nsubj', 'obj'].includes(relOf(tokens[n]))) return null;
  if (kids[n].some((c) => relOf(tokens[c]) === 'case')) return null;
  const lemma = head.lemma.toLowerCase();
  return noActVerb(lemma) ? null : lemma;
}

/**
 * "12 houses were destroyed and 40 damaged", "destroyed 12 houses and damaged 40": a bare number, the
 * subject or object of a verb in `conj` with the verb of another figure's counted noun of things,
 * counts that noun for its own verb. Null when the number has a noun of its own or no such sibling.
 */
export function elidedCount(s: Sent, q: Quantity): Slot | null {
  if (q.unit !== 'count') return null;
  const tokens = parseOf(s.art);
  const fig = tokens && figureTokens(tokens, q);
  if (!tokens || !fig || fig.noun !== fig.num || !['nsubj', 'obj'].includes(relOf(tokens[fig.num]))) return null;
  const verb = tokens[fig.num].head;
  if (verb < 0 || tokens[verb].upos !== 'VERB') return null;
  const linked = (a: number, b: number) => (relOf(tokens[a]) === 'conj' && tokens[a].head === b) || (relOf(tokens[b]) === 'conj' && tokens[b].head === a);
  for (const p of s.quantities) {
    if (p === q || p.span.end > q.span.start || p.unit !== q.unit) continue;
    const noun = countedNoun(s, p);
    const other = figureVerbIndex(s, p);
    if (!noun || !countsThings(noun) || other < 0 || other === verb || !linked(verb, other)) continue;
    // (two verbs of one act class would make two values of one key in one sentence: "destroyed 12 houses and razed 40")
    const own = tokens[verb].lemma.toLowerCase();
    if (noActVerb(own) || actClass(own) === actClass(tokens[other].lemma.toLowerCase())) return null;
    return countedThings(s, q, { noun, verb: own, elided: p });
  }
  return null;
}

/**
 * Whether a figure's holder is a person (a name of one, or "he", "she", "his", "her"): the holder
 * figure-holders.ts reads (the possessor or the active subject), else the subject of the verb the
 * figure's phrase hangs on or of the clause that verb continues ("Roe posted 29 points to go with
 * eight rebounds", "he is survived by two sons").
 */
function personHeld(s: Sent, q: Quantity): boolean {
  const tokens = parseOf(s.art);
  if (!tokens) return false;
  const person = (i: number) => {
    const t = tokens[i];
    return /^(?:he|she|his|her)$/i.test(t.text) || s.entities.some((e) => e.type === 'PER' && e.span.start <= t.start && t.end <= e.span.end);
  };
  const at = holderToken(s, q);
  if (at >= 0) return person(at);
  // (a purpose or manner clause has no subject of its own: "posted 29 points to go with eight rebounds" is the poster's)
  const verb = figureVerbIndex(s, q);
  const up = verb >= 0 && ['advcl', 'xcomp'].includes(relOf(tokens[verb])) ? tokens[verb].head : -1;
  const subject = [verb, up].filter((v) => v >= 0).map((v) => verbSubject(s, tokens[v].start)).find((x) => x.length > 0) ?? [];
  return subject.some((pos) => person(tokenAt(tokens, pos)));
}

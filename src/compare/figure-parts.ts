/**
 * Figures that are no total of their own: a part of another ("30 of the 80 wounded"), an increment
 * ("two more victims", "another 2,000"), a conjunct of a coordination ("two women and a man"), a
 * number dialled ("called 911"), or a figure in a modal clause ("can cause"). A part is compared with
 * nothing (an increment only with increments of one act, count-slots.ts); the funnel
 * (scripts/dump-slots.ts) counts each form.
 */
import type { Quantity } from '../model/types.js';
import type { Sent } from './prepare.js';
import { coordinatedFigure, figureTokens, parseOf, relOf } from './syntax.js';
import { frameOf } from './quantity-frames.js';
import { governingFrame, membersEnd } from './count-slots.js';
import { DISTANCE } from './person-slots.js';

/**
 * "A magnitude 6 quake can cause severe damage": a figure in a modal clause states no fact. Read on
 * the words after the figure, which hold whatever the parser makes of the clause; a claim's act is
 * read on its parsed clause instead (`clause-readings.ts clauseHedged`). The two differ on purpose
 * in their words: a figure with "can" (what a thing is able to do) or "would" ("10,000 homes would
 * lose power") is no count of what happened, where a claim's act reported with "would" ("said the
 * road would be closed") is still told. Reading figures by clauseHedged on the figure's verb changes
 * the fixtures' output (one fewer corroborated prediction on the 69): kept apart.
 */
export function isHedged(s: Sent, q: Quantity): boolean {
  const after = s.art.text.slice(q.span.end, Math.min(s.span.end, q.span.end + 40));
  // lower case only: within a sentence a capitalised "May" after a figure is the month ("died in May")
  return /^(?:\s+[\w-]+){0,3}\s+(?:can|could|may|might|would)\b/.test(after);
}

/** "30 of the 80", "two more victims", "two other victims", "another 2,000", "the other 70": part of, or added to, another figure. */
export function isPart(s: Sent, q: Quantity): boolean {
  return partOf(s, q) !== null;
}

/** The forms of `partOf` that make a figure a conjunct of a coordination ("two women and a man"). */
export const CONJUNCT_PARTS: ReadonlySet<string> = new Set(['N x and M y', 'x and N y', 'coordinated by the parse']);
/**
 * The forms of `partOf` that may be an item of a list of different things, each its own count when
 * listed-things.ts `listedThing` gives it a slot: the conjuncts, and "N other <noun>" as a conjunct
 * of nouns ("seized eight RPG-7 launchers, two other rifles and a launcher": "other" sets its kind apart
 * from the list's other item, it adds to no total told elsewhere).
 */
export const LISTED_PARTS: ReadonlySet<string> = new Set([...CONJUNCT_PARTS, 'N other in a list']);

/** Which form makes the figure a part or an increment (`isPart`), or null; the funnel (scripts/dump-slots.ts) counts them. */
export function partOf(s: Sent, q: Quantity): string | null {
  const text = s.art.text;
  const after = text.slice(q.span.end, Math.min(s.span.end, q.span.end + 12));
  // (12 characters: "an additional six engines" must see the whole word "additional")
  const before = text.slice(Math.max(s.span.start, q.span.start - 12), q.span.start);
  // ("30 km south of the city": a distance is measured from what follows "of", it is no part of it;
  // "54 percent of the vote": a share of the whole, which shares.ts reads)
  if (/^\s+of\s+(?:the|them|whom|those|these|which|her|his|their)\b/i.test(after) && !(q.unit in DISTANCE) && !/^\s+of\s+the\s+(?:votes?|ballots?)\b/i.test(after + text.slice(q.span.end + 12, q.span.end + 22))) return 'N of the';
  if (/\b(?:another|additional|further)\s+$/i.test(before)) return 'another N';
  if (/\b(?:call(?:ed|ing|s)?|dial(?:l?ed|l?ing|s)?)\s+$/i.test(before)) return 'called N'; // "called 911": a number, not a count
  // the word right after the number: "two more victims", "50 others"
  const next = text.slice(q.span.start, Math.min(s.span.end, q.span.end + 12)).split(/\s+/)[1] ?? '';
  if (/^(?:more|additional|other|others)$/i.test(next) && !othersOfAnotherFrame(s, q)) return /^other$/i.test(next) && conjunctOfNouns(s, q) ? 'N other in a list' : 'N more/other';
  if (q.unit !== 'people' && q.unit !== 'count') return null;
  if (listsItsMembers(s, q)) return null;
  // "two women and a man", "two women and one man": one counted phrase of a coordination (also
  // when the parse reads the coordination otherwise); not when the figure's own predicate comes
  // before the "and" ("left two women dead and a third employee wounded": two predicates, each
  // figure its own frame's count)
  const rest = text.slice(q.span.end, Math.min(s.span.end, q.span.end + 40));
  // ("leaving six dead and 30 injured", "one dead and 12 injured": a figure whose own word is a frame's,
  // quantity-frames.tsv, counts that frame, each conjunct its own)
  const ownFrame = !!q.counted && frameOf(q.counted) !== undefined;
  const ownPredicate = frameBeforeAnd(rest) || ownFrame;
  if (!ownPredicate && /^[\s-]*(?:\p{L}+\s+)?and\s+(?:a|an|one|two|three|four|five|\d+)\s+(?!half\b)\p{L}+/iu.test(rest)) return 'N x and M y';
  // "a man and two women": the figure as the later conjunct, in the words too (the parse may read
  // its noun as the verb's subject, "... a man and two women died")
  if (!ownFrame && /\b(?:a|an|one)\s+(?!half\b)\p{L}+\s+and\s+$/iu.test(text.slice(Math.max(s.span.start, q.span.start - 32), q.span.start))) return 'x and N y';
  return !ownPredicate && coordinatedFigure(s, q) ? 'coordinated by the parse' : null;
}

/** Whether the parse reads the figure's counted noun as a conjunct of nouns (a later conjunct, or the first with noun conjuncts). */
function conjunctOfNouns(s: Sent, q: Quantity): boolean {
  const tokens = parseOf(s.art);
  const fig = tokens && figureTokens(tokens, q);
  if (!tokens || !fig || fig.noun === fig.num) return false;
  const n = tokens[fig.noun];
  if (relOf(n) === 'conj' && n.head >= 0 && tokens[n.head].upos === 'NOUN') return true;
  return tokens.some((t) => t.head === fig.noun && relOf(t) === 'conj' && t.upos === 'NOUN');
}

/** A frame word (quantity-frames.tsv: "dead", "wounded") among the words before the first "and" of `rest`. */
function frameBeforeAnd(rest: string): boolean {
  const m = /^(.*?)\band\b/is.exec(rest);
  return !!m && m[1].split(/[^\p{L}-]+/u).some((w, i, ws) => w && frameOf(w, ws[i + 1]) !== undefined);
}

/**
 * "killing two people and injuring five others", "three professors dead and three other employees
 * wounded": "other" after a figure of another frame in the sentence sets these people apart from
 * those (the hurt from the dead); the figure is its own frame's count, not an increment of it.
 * With no such figure before it ("two more victims were found", "two other victims") it adds to
 * a count told elsewhere.
 */
function othersOfAnotherFrame(s: Sent, q: Quantity): boolean {
  if (/^\s*more\b/i.test(s.art.text.slice(q.span.end, s.span.end))) return false;
  const own = governingFrame(s, q);
  if (!own) return false;
  return s.quantities.some((p) => p !== q && p.span.end <= q.span.start && (p.unit === 'people' || p.unit === 'count') && (governingFrame(s, p) ?? own) !== own);
}

/**
 * "at least three people, a man and two women, were killed", "the three bank workers-two women and
 * a man-were killed": a figure followed, within three words, by a list of member phrases whose
 * counts add up to it is the total they make up, not a part of a coordination.
 */
function listsItsMembers(s: Sent, q: Quantity): boolean {
  return membersEnd(s, q) !== null;
}

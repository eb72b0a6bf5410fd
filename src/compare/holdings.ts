/**
 * A running total a named person holds as of the writing: "Jane Roe now has 2,301 career points",
 * "Roe, who now has 2,302 points", "Roe, a junior, now has 2,129 points". The slot is the total's
 * holder (the subject of a verb of possession in the present tense, by the parse: a named person,
 * or the person a relative "who" or the clause's head noun stands for) and the noun it counts, so
 * two outlets that give one holder two totals of one thing disagree, while another person's total
 * ("Ford's 2,290"), a past figure ("entered the game with 2,282 points"), one game's figure ("had
 * 20 points") or a rate ("has 20 points a game") is another slot or none.
 *
 * Why the present tense: a total told as held now is the figure as of the article (after the game
 * it reports); a past "had" tells one occasion, and the same person has several of those in a
 * round-up ("Roe had 24 points" in a later game's paragraph).
 */
import { nounNotWritten } from '../analyse/bare-figures.js';
import type { Quantity, SyntaxToken } from '../model/types.js';
import { tokenAt } from '../text/tokenize.js';
import { antecedent } from './dated-acts.js';
import { canonicalName, type EntityRef, type Sent } from './prepare.js';
import { kidsOf, parseOf, relOf as rel } from './syntax.js';
import { key } from './text.js';
import { personKey } from './person-keys.js';

/** What a holder's slot needs from slots.ts: its key and label, the person for one-name joining. */
export interface Holding {
  key: string;
  label: string;
  person: string;
}

/** Verbs of possession (FrameNet Possession: have, hold, own), as lemmas. */
const POSSESSION = new Set(['have', 'hold', 'own']);
/** Penn tags of a present-tense verb (3rd person singular and other). */
const PRESENT = new Set(['VBZ', 'VBP']);
/** After the counted noun: a rate, not a total ("20 points a game", "per season"). */
const RATE_AFTER = /^\s*(?:per|a|an|each)\s+(?:game|match|contest|night|season|year|month|week|day|outing|start)\b/i;

/** Key prefix of a holding slot of a counted noun: the person's key follows (person-keys.ts personKey). */
function holdingPrefix(noun: string): string {
  return `held:${noun}|`;
}

/**
 * The holder and counted noun of a figure right after a present-tense verb of possession ("now has
 * 2,301 career points": by the tags, which parse such lines more reliably than the relations do)
 * whose holder is a named person; null otherwise (no parse, no noun, a rate, a pronoun or an
 * organisation holding it). Keyed by the holder's person key (person-keys.ts).
 */
export function holdingOf(s: Sent, q: Quantity): Holding | null {
  const h = heldFigure(s, q, (v) => POSSESSION.has(v.lemma.toLowerCase()) && PRESENT.has(v.xpos));
  if (!h) return null;
  const person = canonicalName(h.written);
  return { key: `${holdingPrefix(h.noun)}${personKey(person)}`, label: `${h.noun} total of ${h.written}`, person };
}

/** Verbs of ending (FrameNet Process_end, Activity_finish: end, finish, close, wrap up), as lemmas. */
const ENDING = new Set(['end', 'finish', 'close', 'wrap']);
/** Past tense (Penn tag): the occasion told is over. */
const PAST_TENSE = new Set(['VBD']);

/**
 * "Roe ended the game with 2,129 points": the holder and counted noun of a figure a named person
 * has at the end of an occasion (a past verb of ending before "with"), or null. Such a figure is
 * either the occasion's own ("finished the game with 20 points") or the running total as of its
 * end, which the words alone do not tell apart: slots.ts lets it join a holding only where it
 * restates one (the same holder, noun and value that another article gives as held now).
 */
export function heldAtTheEnd(s: Sent, q: Quantity): Holding | null {
  const h = heldFigure(s, q, (v) => ENDING.has(v.lemma.toLowerCase()) && PAST_TENSE.has(v.xpos), true);
  if (!h) return null;
  const person = canonicalName(h.written);
  return { key: `${holdingPrefix(h.noun)}${personKey(person)}`, label: `${h.noun} total of ${h.written}`, person };
}

/** A figure a named person holds through the verb right before it, with its counted noun (the noun's token, or the figure's when no noun is written). */
export interface HeldFigure {
  noun: string;
  /** The holder's name as written. */
  written: string;
  /** Index of the token after which the figure's own words end (its noun, or its number). */
  end: number;
  tokens: readonly SyntaxToken[];
}

/**
 * The named holder and counted noun of a figure whose verb (right before it, past adverbs, or the
 * verb before "with": "led Drake with 13 points") `verbOk` accepts: by the tags, which parse such
 * lines more reliably than the relations do. Null with no parse, no noun, a rate, a pronoun or an
 * organisation holding it.
 */
export function heldFigure(s: Sent, q: Quantity, verbOk: (v: SyntaxToken) => boolean, withToo = false): HeldFigure | null {
  if (q.unit !== 'count' || q.qualifier === 'range') return null;
  const tokens = parseOf(s.art);
  if (!tokens) return null;
  const first = tokenAt(tokens, q.span.start);
  let num = -1;
  for (let i = first; i < tokens.length && tokens[i].end <= q.span.end; i++) if (tokens[i].upos === 'NUM') num = i;
  if (num < 0 || tokens[first]?.start !== q.span.start) return null;
  // the verb right before the figure, past adverbs ("has 2,301", "now has", "still has")
  let verb = first - 1;
  while (verb >= 0 && tokens[verb].upos === 'ADV' && tokens[verb].start >= s.span.start) verb--;
  // "finished with 20 points", "led Drake with 13 points": the verb before "with", past its object
  if (withToo && tokens[verb]?.lemma.toLowerCase() === 'with') for (let k = verb - 1, n = 0; k >= 0 && n < 3 && tokens[k].start >= s.span.start; k--, n++) if (tokens[k].upos === 'VERB') { verb = k; break; }
  const v = tokens[verb];
  if (!v || v.start < s.span.start || !verbOk(v)) return null;
  // a figure written with no noun ("now has 2,302 for his career") counts its holder's noun (analyse/bare-figures.ts)
  const n = nounNotWritten(q) ? num : countedNounAfter(tokens, num, s.span.end, q.counted);
  if (n < 0 || RATE_AFTER.test(s.art.text.slice(tokens[n].end, s.span.end))) return null;
  const who = holderOf(s, tokens, kidsOf(tokens), verb);
  if (!who) return null;
  // (the quantity reader's counted word when it read one: tokens may glue a dash to the noun, "points-13";
  // not when it is a modifier before the noun, "four unpaid parking tickets")
  const modifier = tokens.slice(num + 1, n).some((t) => t.text.toLowerCase() === q.counted?.toLowerCase());
  const noun = key(((modifier ? null : q.counted) ?? tokens[n].lemma).toLowerCase());
  return { noun, written: s.art.text.slice(who.span.start, who.span.end), end: n, tokens };
}

/**
 * The noun a figure counts: the last noun of the run of nouns and their modifiers right after it
 * ("2,301 career points" → points; "three prior DUI convictions" → convictions: an adjective or a
 * name before the first noun says which), or -1 when the run holds no noun.
 */
function countedNounAfter(tokens: readonly SyntaxToken[], num: number, end: number, counted: string | null): number {
  // the quantity reader's counted word written right after the number is its noun whatever its tag
  // (the tokeniser glues a dash to it, "points-9", which a tagger may read as a verb)
  const next = tokens[num + 1];
  if (counted && next && next.end <= end && next.text.toLowerCase().startsWith(counted.toLowerCase())) return num + 1;
  let n = -1;
  // (modifiers only before the first noun: "20 points last night" counts points)
  for (let i = num + 1; i < tokens.length && tokens[i].end <= end && (tokens[i].upos === 'NOUN' || (n < 0 && /^(?:ADJ|PROPN)$/.test(tokens[i].upos))); i++) if (tokens[i].upos === 'NOUN') n = i;
  return n;
}

/** Between a name and its verb: adverbs, an appositive in commas, a relative "who" ("Roe, a junior, now has", "Roe, who now has"). */
const NAME_TO_VERB = /^(?:\s*,[^,;]{1,40},)?(?:\s*,)?\s*(?:(?:who|now|still|already|currently|\p{Ll}+ly)\s+)*$/u;

/**
 * The named person who holds: the verb's subject by the parse when it is a name, else the name the
 * words before the verb lead to (NAME_TO_VERB), else the name a subject "who" stands for.
 */
function holderOf(s: Sent, tokens: readonly SyntaxToken[], kids: number[][], verb: number): EntityRef | null {
  const person = (i: number) => s.entities.find((e) => e.type === 'PER' && e.span.start <= tokens[i].start && tokens[i].end <= e.span.end);
  // the verb's clause: the verb, or what a parse hangs it on as an auxiliary ("has" aux of the figure
  // "2,301" or of a noun read as a participle: the figure's clause is the verb's)
  const clause = rel(tokens[verb]) === 'aux' && tokens[verb].head >= 0 ? tokens[verb].head : verb;
  // a verb coordinated with another has its subject ("Roe finished with 20 points and now has 2,302")
  const head = rel(tokens[clause]) === 'conj' ? tokens[clause].head : -1;
  const subj = kids[clause].find((c) => rel(tokens[c]) === 'nsubj') ?? (head >= 0 ? kids[head].find((c) => rel(tokens[c]) === 'nsubj') : undefined);
  const named = subj !== undefined ? person(subj) : undefined;
  if (named) return named;
  // (parses of these lines often hang the name elsewhere: "Roe, a junior, now has" with "junior" as the subject)
  const nameRightBefore = (at: number) => s.entities.filter((e) => e.span.end <= at && NAME_TO_VERB.test(s.art.text.slice(e.span.end, at))).pop();
  const before = nameRightBefore(tokens[verb].start) ?? (head >= 0 ? nameRightBefore(tokens[head].start) : undefined);
  if (before) return before.type === 'PER' ? before : null;
  const a = subj !== undefined ? antecedent(s, tokens[subj].start) : null;
  return a?.type === 'PER' ? a : null;
}

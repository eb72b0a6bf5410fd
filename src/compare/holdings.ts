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
import type { Quantity, SyntaxToken } from '../model/types.js';
import { tokenAt } from '../text/tokenize.js';
import { antecedent } from './dated-acts.js';
import { canonicalName, type EntityRef, type Sent } from './prepare.js';
import { kidsOf, parseOf, relOf as rel } from './syntax.js';
import { key } from './text.js';

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

/** Key prefix of a holding slot of a counted noun: the person's key follows (slots.ts personKey). */
export function holdingPrefix(noun: string): string {
  return `held:${noun}|`;
}

/**
 * The holder and counted noun of a figure right after a present-tense verb of possession ("now has
 * 2,301 career points": by the tags, which parse such lines more reliably than the relations do)
 * whose holder is a named person; null otherwise (no parse, no noun, a rate, a pronoun or an
 * organisation holding it). `personKey` is slots.ts's key of a person's name.
 */
export function holdingOf(s: Sent, q: Quantity, personKey: (canonical: string) => string): Holding | null {
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
  const v = tokens[verb];
  if (!v || v.start < s.span.start || !POSSESSION.has(v.lemma.toLowerCase()) || !PRESENT.has(v.xpos)) return null;
  const n = countedNounAfter(tokens, num, s.span.end);
  if (n < 0 || RATE_AFTER.test(s.art.text.slice(tokens[n].end, s.span.end))) return null;
  const who = holderOf(s, tokens, kidsOf(tokens), verb);
  if (!who) return null;
  // (the quantity reader's counted word when it read one: tokens may glue a dash to the noun, "points-13")
  const noun = key((q.counted ?? tokens[n].lemma).toLowerCase());
  const written = s.art.text.slice(who.span.start, who.span.end);
  const person = canonicalName(written);
  return { key: `${holdingPrefix(noun)}${personKey(person)}`, label: `${noun} total of ${written}`, person };
}

/** The noun a figure counts: the last noun of the run of nouns right after it ("2,301 career points" → points), or -1. */
function countedNounAfter(tokens: readonly SyntaxToken[], num: number, end: number): number {
  let n = -1;
  for (let i = num + 1; i < tokens.length && tokens[i].end <= end && tokens[i].upos === 'NOUN'; i++) n = i;
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
  const subj = kids[verb].find((c) => rel(tokens[c]) === 'nsubj');
  const named = subj !== undefined ? person(subj) : undefined;
  if (named) return named;
  // (parses of these lines often hang the name elsewhere: "Roe, a junior, now has" with "junior" as the subject)
  const at = tokens[verb].start;
  const before = s.entities.filter((e) => e.span.end <= at && NAME_TO_VERB.test(s.art.text.slice(e.span.end, at))).pop();
  if (before) return before.type === 'PER' ? before : null;
  const a = subj !== undefined ? antecedent(s, tokens[subj].start) : null;
  return a?.type === 'PER' ? a : null;
}

/**
 * The words that describe a person or organisation the sentence names ("Kelso harbour trust
 * director Jane Roe", "Jane Roe, chief engineer of the harbour trust", "the gunman, Carl Meyer"),
 * read from the parse. One reading for the cross-check: claims use it to tell who a sentence is
 * about from what it states of them (`Claim.named`), framing to show how each outlet describes the
 * story's main people.
 */
import { universalRelation } from '../analyse/syntax/helpers.js';
import type { SyntaxToken } from '../model/types.js';
import { isParty, type Sent } from './prepare.js';

/** The links that hold a name and the words that describe it together: "Jane Roe, chief engineer of the harbour trust", "harbour trust director Jane Roe". */
const NAME_LINKS: ReadonlySet<string> = new Set(['compound', 'flat', 'appos', 'amod', 'nmod', 'det', 'case', 'punct', 'nummod', 'cc']);
/** A finite verb or an auxiliary: a clause, not a description. */
const FINITE = /^(?:VBD|VBZ|VBP|MD)$/;
/** How far a description set off by a comma after a name may run (in words). */
const DESCRIPTION_WORDS = 12;
const COMMA_AFTER = /^,\s/;
const DESCRIPTION_ENDS = /^[,.;:!?"”]$/;
/** Relative pronouns: a relative clause's subject or object that stands for the noun the clause hangs on. */
export const RELATIVE_PRONOUNS: ReadonlySet<string> = new Set(['who', 'whom', 'which', 'that']);

const READ = new WeakMap<Sent, { lo: number; out: Uint16Array }>();

/**
 * Per word of the sentence (tokens lo..hi), the person or organisation it names or describes, as
 * 1 + its index in `s.entities` (0: neither): a word of the name; one that hangs on it at most four
 * steps up through links of a noun phrase (apposition, compound, modifier: "Kelso harbour
 * trust director Jane Roe"); a noun with the name in apposition ("the gunman, Carl Meyer");
 * or, whatever the parse made of it, the words set off by a comma right after a person's name up to
 * the next comma or the sentence's end when they hold a noun and no finite verb ("Jane Roe,
 * chief engineer of the harbour trust."). Not a word the name hangs on ("the death of Roe", "Roe's
 * resignation"): that is what is said of the person.
 */
export function describedParties(s: Sent, tokens: readonly SyntaxToken[], kids: readonly number[][], lo: number, hi: number): Uint16Array {
  // (claims read it for every sentence naming a party, framing again for those naming a person)
  const known = READ.get(s);
  if (known && known.lo === lo && known.out.length === hi - lo) return known.out;
  const out = new Uint16Array(hi - lo);
  READ.set(s, { lo, out });
  // (each word's party read once: the walks up ask of the same words again and again)
  const partyWord = new Uint16Array(hi - lo);
  s.entities.forEach((e, n) => {
    if (isParty(e)) for (let q = lo; q < hi; q++) if (e.span.start <= tokens[q].start && tokens[q].end <= e.span.end) partyWord[q - lo] ||= n + 1;
  });
  for (let i = lo; i < hi; i++) {
    for (let q = i, steps = 0; steps <= 4 && !out[i - lo]; steps++) {
      if (partyWord[q - lo]) out[i - lo] = partyWord[q - lo];
      else if (!NAME_LINKS.has(universalRelation(tokens[q].deprel))) break;
      q = tokens[q].head;
      if (q < lo || q >= hi) break;
    }
    if (out[i - lo] || tokens[i].upos !== 'NOUN') continue;
    const appos = kids[i].find((k) => k >= lo && k < hi && tokens[k].deprel === 'appos' && partyWord[k - lo]);
    if (appos !== undefined) out[i - lo] = partyWord[appos - lo];
  }
  s.entities.forEach((e, n) => {
    const after = commaDescription(s, tokens, lo, hi, e);
    if (after) out.fill(n + 1, after[0] - lo, after[1] - lo);
  });
  return out;
}

/** The words [from, to) set off by a comma right after a person's name that describe them ("Jane Roe, chief engineer of the harbour trust,"), or null. */
function commaDescription(s: Sent, tokens: readonly SyntaxToken[], lo: number, hi: number, e: Sent['entities'][number]): [number, number] | null {
  if (e.type !== 'PER' || !COMMA_AFTER.test(s.art.text.slice(e.span.end, e.span.end + 2))) return null;
  let j = lo;
  while (j < hi && tokens[j].start < e.span.end + 1) j++;
  const from = j;
  while (j < hi && j - from < DESCRIPTION_WORDS && !DESCRIPTION_ENDS.test(tokens[j].text)) j++;
  const words = tokens.slice(from, j);
  if (!words.length || (j < hi && tokens[j].text !== ',' && tokens[j].text !== '.') || !words.some((t) => t.upos === 'NOUN')) return null;
  if (words.some((t) => t.upos === 'AUX' || FINITE.test(t.xpos) || RELATIVE_PRONOUNS.has(t.text.toLowerCase()))) return null;
  return [from, j];
}

/**
 * Names read by their form, whatever the tagger said of them: street addresses and initials.
 *
 * Street addresses. "43rd Street", "12th Ave.", "18 Larchmont Terrace", "Route 17": a house number
 * or an ordinal, capitalised words, and a street-type word (the suffixes of USPS Publication 28,
 * data/lexicons/street-types.tsv) name a street, a place. A tagger that has seen few addresses reads the street word after an ordinal as
 * a person ("Street", "Avenue") or cuts it from the name, and which one it does changes from one
 * training draw to the next (entities NOTES, session 31); the stages downstream should not lean on
 * that draw (a person "Ave" and a person "Street" are two people to compare).
 */
import { dataLines, dataRows } from '../../text/lexicon.js';

/**
 * Street-type words and their abbreviations, lower case, without a final period; less the words that
 * also end organisations' names (data/lexicons/organisation-words.tsv: "Court", "Union"), as the
 * "9th Circuit Court" is a court and not a street.
 */
const STREET_TYPES = ((): Set<string> => {
  const organisation = new Set(dataLines('lexicons', 'organisation-words.tsv').map((l) => l.trim().toLowerCase()));
  const rows = dataRows('lexicons', 'street-types.tsv').filter(([suffix]) => !organisation.has(suffix));
  return new Set(rows.flatMap(([suffix, abbrs]) => [suffix, ...(abbrs ?? '').split(',')]).filter(Boolean));
})();
/** Capitalised words of a street's name read before the street word, at most ("Martin Luther King Jr. Boulevard"). */
const MAX_NAME_WORDS = 4;
const ORDINAL_SUFFIX = /^(?:st|nd|rd|th)$/i;
/** A house number: digits, at most five (a figure with a thousands comma is a count, not a number on a door), and no year ("a 1992 ... case"). */
const HOUSE_NUMBER = /^(?!1[89]\d\d$|20\d\d$)\d{1,5}$/;
const NAME_WORD = /^\p{Lu}[\p{L}'’.-]*$/u;

interface Tok {
  start: number;
  end: number;
  text: string;
}

/** Whether the word is a street-type word written as a name (capitalised: "Street", "Ave.", "St"). */
export function isStreetType(word: string): boolean {
  return /^\p{Lu}/u.test(word) && STREET_TYPES.has(word.replace(/\.$/, '').toLowerCase());
}

/** The mention's last word with letters (past a final period or a road's number): where its street word would be; `i - 1` when none. */
export function streetWordAt(toks: readonly Tok[], i: number, j: number): number {
  let last = j - 1;
  while (last >= i && !/\p{L}/u.test(toks[last].text)) last--;
  return last;
}

/**
 * When the mention `toks[i..j)` ends in a street-type word and the words before it (inside the
 * mention, or left untagged before it: `free(k)`) are a street's name after a house number or an
 * ordinal, the index where the street's name starts: at the ordinal's digits ("43rd Street"), at
 * the first name word after a house number ("18 Larchmont Terrace": the number is the door's, not
 * the street's). Null when the mention is no address. A house number needs a name word between it
 * and the street word ("18 Terrace" is no address form). (The recogniser keeps the tagger's span:
 * the number's words stay words the fact alignment compares, not words of a name.)
 */
export function addressStart(toks: readonly Tok[], i: number, j: number, free: (k: number) => boolean): number | null {
  const last = streetWordAt(toks, i, j);
  if (last < i || !isStreetType(toks[last].text)) return null;
  // (a road's number after the street word, "Route 17", is read by routeEnd)
  if (routeEnd(toks, last, j, free) !== null) return i;
  let k = last;
  let names = 0;
  // back over the street's name: capitalised words, inside the mention or untagged before it
  while (k - 1 >= 0 && names < MAX_NAME_WORDS && NAME_WORD.test(toks[k - 1].text) && (k - 1 >= i || free(k - 1))) {
    k--;
    names++;
  }
  const prev = toks[k - 1];
  if (!prev || (k - 1 < i && !free(k - 1))) return null;
  // an ordinal is written as digits and a suffix the tokenizer splits off ("43" "rd"), glued together
  if (ORDINAL_SUFFIX.test(prev.text) && k >= 2 && /^\d+$/.test(toks[k - 2].text) && toks[k - 2].end === prev.start && (k - 2 >= i || free(k - 2)))
    return k - 2;
  if (HOUSE_NUMBER.test(prev.text) && names > 0 && prev.end < toks[k].start) return k;
  return null;
}

/**
 * A road numbered after its street-type word: "state Route 17", "Highway 101". When the mention
 * `toks[i..j)` ends in such a word (at `last`) and the number follows it (in the mention or untagged
 * after it), the end (exclusive) of the road's name, past the number; else null.
 */
export function routeEnd(toks: readonly Tok[], last: number, j: number, free: (k: number) => boolean): number | null {
  const next = toks[last + 1];
  if (!next || !/^\d{1,4}[A-Z]?$/.test(next.text) || next.start === toks[last].end) return null;
  // the number read into the mention ("Route 17" tagged whole), or left untagged after it
  if (last + 2 === j || (last + 1 === j && free(last + 1))) return last + 2;
  return null;
}

/** A given name's initials: "T.K.", "J.", "AJ". */
const INITIALS = /^(?:\p{Lu}\.){1,3}$|^\p{Lu}{2}$/u;

/**
 * Initials start a person's name whatever the tagger took in before them: capitalised words that
 * running text writes in lower case (the casing lexicon's 'l', 'L'), read into the name before its
 * initials ("General Manager T.K. Osei" tagged as one person), are a post, not the name, which a draw
 * of the tagger takes in or leaves out (entities NOTES, session 31). The index of the name's first
 * token: past such words when initials and a surname follow them, else `i`. A given name before the
 * initials ("George H.W. Bush") is no ordinary word and stays.
 */
export function initialsStart(win: readonly Tok[], i: number, j: number, ordinary: (w: string) => boolean): number {
  let k = i;
  while (k < j - 2 && /^\p{Lu}\p{Ll}+$/u.test(win[k].text) && ordinary(win[k].text)) k++;
  return k > i && INITIALS.test(win[k].text) ? k : i;
}

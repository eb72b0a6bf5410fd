/**
 * Ordinals as values: "Klitschko's sixth defense of the IBF belt", "for the fifth time", "in the
 * 4th quarter", "his second DWI". The place of a thing in a series is a value
 * two reports can disagree on (the sixth defence or the fifth; the third quarter or the fourth),
 * so it is read like a count, with unit `ordinal` and the ranked noun as `counted`.
 *
 * An ordinal is read only where it ranks a common noun in a series, which English marks twice:
 * - a definite determiner or a possessive before it ("the", "his", "their", "Luck's", "Colts'"); an
 *   ordinal with none is an adverb or part of a date ("first reported", "December 9th", "every
 *   third"), and after "a" it means one more ("a second car": another car);
 * - a lower-case noun right after it, before any stop word or punctuation ("the fifth time", not
 *   "the 4th of July", "the second of three"; "a third of the vote" is a fraction).
 * Not read: a capitalised ordinal or one before a capitalised word (names: "First Lady", "the Fifth
 * Amendment", "223rd Street", "the 82nd Airborne"); an ordinal hyphen-joined to a word
 * ("second-largest", "fourth-quarter", "first-degree"); a compound whose meaning is its own ("the
 * eleventh hour", "second nature", "a third party": data/lexicons/lexicalised-ordinals.tsv, from WordNet); and
 * "first" / "1st" alone, which news writes mostly for "earliest" ("his first trip abroad", "for
 * the first time", "the first to") rather than a place in a counted series.
 */
import type { Quantity } from '../model/types.js';
import { hyphenJoined, type NumberWord, ORDINAL_SMALL, ORDINAL_TENS, ordinalSuffix, TENS } from '../text/numbers.js';
import { dataRows } from '../text/lexicon.js';
import { wordTable } from '../text/word-table.js';

type Word = NumberWord;

/** Quick test: does a sentence hold a word that may be an ordinal? */
export const MAYBE_ORDINAL = new RegExp(
  `\\d(?:st|nd|rd|th)\\b|\\b(?:${[...Object.keys(ORDINAL_SMALL), ...Object.keys(ORDINAL_TENS)].join('|')})\\b`, 'i');

/**
 * Definite determiners and possessive pronouns that open a noun phrase ranked by an ordinal. Not "a":
 * "a second car", "a third suspect" mean one more ("another car"), not a place in a series.
 */
const DETERMINER = wordTable({ the: true, his: true, her: true, its: true, their: true, our: true, my: true, your: true, this: true, that: true, whose: true });

/** A word that, between an ordinal and a noun, reads as an adjective of it ("fifth consecutive year", "third straight win", "second leading scorer"); last, it is the noun ("the ninth inning", "the second trial"). */
const ADJECTIVE = /(?:ive|al|ous|est|ful|ic|ed|ing)$|^(?:straight|such)$/;

let lexicalised: Set<string> | null = null;
/** "11|hour", "2|nature": ordinal + noun compounds whose meaning is their own (data/lexicons/lexicalised-ordinals.tsv, from WordNet). */
function lexicalisedCompounds(): Set<string> {
  lexicalised ??= new Set(dataRows('lexicons', 'lexicalised-ordinals.tsv').map(([ord, noun]) => `${ORDINAL_SMALL[ord] ?? ORDINAL_TENS[ord]}|${noun}`));
  return lexicalised;
}

/** The value of an ordinal starting at word i ("sixth", "twenty-first", "4th", "23rd") and its last word. */
export function ordinalAt(ws: Word[], i: number): { value: number; last: number } | null {
  const w = ws[i];
  if (/^\d{1,4}$/.test(w.text)) {
    const suffix = ws[i + 1];
    const n = Number(w.text);
    return suffix && suffix.start === w.end && suffix.lw === ordinalSuffix(n) ? { value: n, last: i + 1 } : null;
  }
  if (TENS[w.lw] !== undefined && hyphenJoined(ws, i)) {
    const unit = ORDINAL_SMALL[ws[i + 2].lw];
    return unit !== undefined && unit < 10 ? { value: TENS[w.lw] + unit, last: i + 2 } : null;
  }
  const v = ORDINAL_SMALL[w.lw] ?? ORDINAL_TENS[w.lw];
  return v === undefined ? null : { value: v, last: i };
}

/** A determiner or a possessive right before word i: "the", "his", "Luck's", "Colts'", "Quinn ’ s" (text rebuilt from tokens). */
function determinedAt(ws: Word[], i: number): boolean {
  const b = ws[i - 1];
  if (!b) return false;
  if (DETERMINER[b.lw]) return true;
  if (/^\p{L}+['’]s$/u.test(b.text)) return true;
  const apostrophe = (w: Word | undefined) => !!w && (w.text === "'" || w.text === '’');
  if (apostrophe(b)) return b.start === ws[i - 2]?.end && /s$/.test(ws[i - 2]?.lw ?? '');
  return b.lw === 's' && apostrophe(ws[i - 2]) && /^\p{L}/u.test(ws[i - 3]?.text ?? '');
}

/** Letters written upper-case as one word: an abbreviation ("DWI", "IBF"), not a name. */
const ACRONYM = /^\p{Lu}{2,5}$/u;

/** The noun an ordinal ending at word `last` ranks: the first lower-case word after it, past adjectives before another noun. */
function rankedNoun(ws: Word[], last: number, stop: ReadonlySet<string>): number | null {
  const content = (w: Word | undefined) => !!w && /^\p{Ll}+$/u.test(w.text) && !stop.has(w.lw) && !/ly$/.test(w.lw);
  let k = last + 1;
  if (!ws[k] || ws[k].start === ws[last].end) return null;
  // an acronym ranks itself ("his second DWI") or modifies the noun after it ("the sixth IBF defense")
  if (ACRONYM.test(ws[k].text) && !/^\p{Lu}/u.test(ws[k + 1]?.text ?? '')) return content(ws[k + 1]) && !hyphenJoined(ws, k) ? rankedNoun(ws, k, stop) : k;
  if (!content(ws[k])) return null;
  while (ADJECTIVE.test(ws[k].lw) && content(ws[k + 1]) && k < last + 3) k++;
  if (hyphenJoined(ws, k) || /ed$/.test(ws[k].lw)) return null;
  return k;
}

/** The ordinal quantity starting at word i of a sentence's words, or null (see the file's comment for what is read). */
export function readOrdinal(text: string, ws: Word[], i: number, stop: ReadonlySet<string>): Quantity | null {
  const ord = ordinalAt(ws, i);
  if (!ord || ord.value === 1 || /^\p{Lu}/u.test(ws[i].text)) return null;
  if (!determinedAt(ws, i)) return null;
  // joined by a hyphen on either side: a compound ("second-largest", "fifty-fifth" read whole above)
  if (hyphenJoined(ws, ord.last) || (ws[i - 1]?.text === '-' && ws[i - 1].end === ws[i].start)) return null;
  const noun = rankedNoun(ws, ord.last, stop);
  if (noun === null) return null;
  const next = ws[ord.last + 1].lw;
  const compounds = lexicalisedCompounds();
  if (compounds.has(`${ord.value}|${next}`) || compounds.has(`${ord.value}|${next.replace(/s$/, '')}`)) return null;
  const span = { start: ws[i].start, end: ws[noun].end };
  return { span, text: text.slice(span.start, span.end), value: ord.value, low: null, high: null, unit: 'ordinal', qualifier: 'exact', counted: ws[noun].lw };
}

/**
 * Ages told as a list for a group no one names: "two women -- 68 and 48-years-old", "the women
 * killed, who were 61 and 48 years old", "girls age 6 and 8", "two sisters-8-and 10-year-old girls".
 * Outlets list such ages in any order, so a list is compared by rank: the elder of the two women is
 * 68 in one and 61 in the other; the younger 48 in both. Keyed by the group's noun and the list's
 * length, so the two girls' ages never meet the two women's, nor a named person's.
 */
import type { Quantity, SyntaxToken } from '../model/types.js';
import { tokenAt } from '../text/tokenize.js';
import type { Sent } from './prepare.js';
import { parseOf } from './syntax.js';

/** The list of ages `q` is one of (two or three, joined by "and" or commas), in text order, or null. */
function listOf(s: Sent, q: Quantity): Quantity[] | null {
  const ages = s.quantities.filter((o) => o.unit === 'age').sort((a, b) => a.span.start - b.span.start);
  const text = s.art.text;
  const joined = (a: Quantity, b: Quantity) => /^\s*(?:-\s*)?(?:,\s*)?(?:and\s+)?$/i.test(text.slice(a.span.end, b.span.start)) && b.span.start > a.span.end;
  const i = ages.indexOf(q);
  let from = i;
  while (from > 0 && joined(ages[from - 1], ages[from])) from--;
  let to = i;
  while (to < ages.length - 1 && joined(ages[to], ages[to + 1])) to++;
  const list = ages.slice(from, to + 1);
  return list.length >= 2 && list.length <= 3 ? list : null;
}

/**
 * The plural noun the list describes: right after it ("10-year-old girls"), or the nearest noun
 * before it within eight words ("two women --", "the women killed, who were", "girls age"); null
 * when a person is named there (their ages are theirs: personNextTo) or there is no such noun.
 */
function groupNoun(s: Sent, tokens: readonly SyntaxToken[], list: Quantity[]): string | null {
  const first = list[0].span.start;
  const last = list[list.length - 1].span.end;
  let after = tokenAt(tokens, last);
  while (tokens[after] && tokens[after].start < last) after++;
  const next = pluralNoun(s, tokens[after], 'first');
  if (next) return next;
  const at = tokenAt(tokens, first);
  for (let i = at - 1; i >= 0 && i >= at - 8 && tokens[i].start >= s.span.start; i--) {
    const noun = pluralNoun(s, tokens[i], 'last');
    if (noun) return noun;
    // "Jane Roe and John Doe, 61 and 48": named people's ages are theirs
    if (tokens[i].upos === 'PROPN' || s.entities.some((e) => e.type === 'PER' && e.span.start <= tokens[i].start && tokens[i].start < e.span.end)) return null;
  }
  return null;
}

/**
 * The singular of a plural common noun of the sentence ("women" → woman), reading a word a copy
 * glued to its neighbours by dashes by the part next to the list ("girls-who" after it → girl,
 * "children-girls" before it → girl); null for anything else.
 */
function pluralNoun(s: Sent, t: SyntaxToken | undefined, part: 'first' | 'last'): string | null {
  if (!t || t.upos !== 'NOUN' || t.start < s.span.start || t.end > s.span.end) return null;
  const word = t.text.toLowerCase();
  // ("two sons, ages 16 and 6": the word of the ages is not the group)
  if (/^(?:ages?|aged|years?)$/.test(word)) return null;
  if (word !== t.lemma.toLowerCase() && !word.includes('-')) return t.lemma.toLowerCase();
  const parts = word.split('-');
  const w = part === 'first' ? parts[0] : parts[parts.length - 1];
  return /^\p{L}+[^s]s$/u.test(w) ? w.slice(0, -1) : null;
}

/** The slot key and label of an age told in a list for a group ("ages|woman|1/2": the elder of two women), or null. */
export function listedAge(s: Sent, q: Quantity): { key: string; label: string } | null {
  const tokens = parseOf(s.art);
  const list = tokens && listOf(s, q);
  if (!tokens || !list) return null;
  const noun = groupNoun(s, tokens, list);
  if (!noun) return null;
  // rank by age, the eldest first; two equal ages take their text order
  const ranked = [...list].sort((a, b) => b.value - a.value || a.span.start - b.span.start);
  const rank = ranked.indexOf(q) + 1;
  const n = list.length;
  const which = n === 2 ? (rank === 1 ? 'elder' : 'younger') : rank === 1 ? 'eldest' : rank === n ? 'youngest' : 'middle';
  return { key: `ages|${noun}|${rank}/${n}`, label: `age of the ${which} of ${n} listed (${noun})` };
}

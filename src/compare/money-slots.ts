/**
 * What a sum of money is and who pays it: a value, a price, a fine or bail, by the noun the figure
 * counts or the nearest frame word, or by the subject of the copula it completes ("claims it was
 * $184 million": the offer); keyed by the organisation that pays, asks or offers (two bidders'
 * offers are two sums), and by the period of a rate ("$23 million per season").
 */
import type { Quantity } from '../model/types.js';
import { tokenAt } from '../text/tokenize.js';
import type { EntityRef, Sent } from './prepare.js';
import { figureTokens, figureVerbIndex, kidsOf, parseOf, relOf, spanTokens } from './syntax.js';
import { frameOf } from './quantity-frames.js';
import { frameWordNear } from './count-slots.js';
import type { Slot } from './slots.js';

/** After a sum: the period it is paid for ("per season", "a year", "annually": a rate, not a total). */
const PER_PERIOD = /^\s*(?:(?:per|a|an|each)\s+(year|season|month|week|day|game|hour)\b|annually|-a-year)/i;
const MONEY_FRAMES = new Set(['value', 'price', 'fine', 'bail']);

/** A sum in a currency: what it is (its frame) and whose, per period for a rate; null when it is no value, price, fine or bail. */
export function sumSlot(s: Sent, q: Quantity): Slot | null {
  const text = s.art.text;
  // the organisation that pays, asks or offers, named before the sum in its sentence: two bidders'
  // offers are two sums ("the Rovers offered … $150 million", "the Wanderers offered … $184 million")
  const organisations = s.entities.filter((e) => (e.type === 'ORG' || e.type === 'MISC') && e.span.end <= q.span.start);
  const named = organisations[organisations.length - 1];
  const { frame, of, sale } = moneyFrame(s, q, !!named);
  // (a sum its predicate tells, "it was $184 million", is the payer's its subject's noun names, "the Red Sox offer")
  const org = of ? payerOf(s, of) : named;
  if (!frame || !MONEY_FRAMES.has(frame)) return null;
  // "$23 million per season" is a rate, not the deal's total: a slot of its own per period
  const per = PER_PERIOD.exec(text.slice(q.span.end, Math.min(s.span.end, q.span.end + 20)));
  const period = per ? `|per ${(per[1] ?? 'year').toLowerCase()}` : '';
  // a sale names both parties before its price ("Acme agreed to sell its unit to Globex for $2 billion",
  // "Globex bought Acme's unit for $1.9 billion"): the price of a sale between the same organisations,
  // whichever is written nearer the sum
  const parties = of ? [] : [...new Set(organisations.map((e) => e.key))].sort();
  const by = sale && parties.length > 1 ? `|by ${parties.join('+')}` : org ? `|by ${org.key}` : '';
  return { key: `money|${q.unit}|${frame}${period}${by}`, label: `${frame}${period.replace('|', ' ')}${org ? ` (${org.name})` : ''} (${q.unit})`, unit: q.unit, factor: 1, stated: frame !== 'value' };
}

/**
 * What a sum is (its value, a price, a fine, bail): the noun the figure's own words count ("a $200
 * million offer"), as a count's noun names its frame, else the nearest frame word. The worth of a
 * thing an organisation deals in ("the Rovers offered a deal worth $184 million": the word before
 * "worth" a common noun, by the parse, and an organisation named before the sum, `payer`) is the
 * sum it pays or asks, its price: that meets "the Rovers made a $200 million offer". The worth of the
 * organisation itself ("Acme, valued at $4 billion") stays a value.
 */
function moneyFrame(s: Sent, q: Quantity, payer: boolean): { frame?: string; of?: number; sale?: boolean } {
  const own = q.counted ? frameOf(q.counted) : undefined;
  if (own) return { frame: own };
  const found = frameWordNear(s, q);
  // (a frame word of another kind nearby, "eight years and $184 million": the predicate may say what the sum is)
  if (!found || !MONEY_FRAMES.has(found.frame)) return predicateFrame(s, q) ?? verbFrame(s, q) ?? { frame: found?.frame };
  if (found.frame !== 'value' || !payer) return { frame: found.frame };
  const tokens = parseOf(s.art);
  const at = tokens ? tokenAt(tokens, found.at) : -1;
  return { frame: at > 0 && tokens![at - 1].upos === 'NOUN' && tokens![at].start === found.at ? 'price' : 'value' };
}

/**
 * "fined the operator Acme Mobile 45 million euros", "agreed to sell its shipping arm to a rival for $2
 * billion": the verb the sum hangs on, by the parse, says what it is when a frame word stands too far
 * before it for the surface window (the verb's objects and the buyer come between).
 */
function verbFrame(s: Sent, q: Quantity): { frame: string; sale: boolean } | undefined {
  const tokens = parseOf(s.art);
  const i = figureVerbIndex(s, q);
  if (!tokens || i < 0) return undefined;
  // (the word as written too: the lemmatiser reads "fined" as "fin")
  const verb = [tokens[i].lemma.toLowerCase(), tokens[i].text.toLowerCase()].find((w) => SALE_OR_FINE.has(w));
  const frame = verb ? frameOf(verb) : undefined;
  return frame && MONEY_FRAMES.has(frame) ? { frame, sale: frame === 'price' } : undefined;
}
/**
 * Verbs whose sum is what changes hands between the two parties they name (Commerce_sell, Commerce_buy,
 * Fining): not offering or paying, whose sums are each bidder's ("the Rovers are offering $50 million" is
 * one bidder's, hedged or not).
 */
const SALE_OR_FINE = new Set(['sell', 'sells', 'sold', 'selling', 'buy', 'buys', 'bought', 'buying', 'fetch', 'fetches', 'fetched', 'fine', 'fined']);

/** The organisation named in the phrase of the noun at parse index `noun` ("the Red Sox offer"), in its own sentence; undefined when none. */
function payerOf(s: Sent, noun: number): EntityRef | undefined {
  const tokens = parseOf(s.art)!;
  const kids = kidsOf(tokens);
  const sent = s.art.sentences.find((x) => x.span.start <= tokens[noun].start && tokens[noun].start < x.span.end) ?? s;
  const within = (e: EntityRef) => kids[noun].some((c) => OWNER.has(relOf(tokens[c])) && e.span.start <= tokens[c].start && tokens[c].end <= e.span.end);
  return sent.entities.find((e) => (e.type === 'ORG' || e.type === 'MISC') && within(e));
}
/** Relations by which a noun's phrase names who it belongs to ("the Red Sox offer", "Boston's offer", "the offer of the Red Sox"). */
const OWNER = new Set(['compound', 'nmod', 'amod']);

/**
 * "WCVB-TV claims it was eight years and $184 million": a sum that is the predicate of a copula (by
 * the parse, its phrase, or the predicate it is coordinated with or completes, has a copula and a
 * subject) measures that subject, by the subject noun's frame; a subject "it", "this" or "that" stands
 * for the last noun before it that names a frame, in its sentence or else the sentence before
 * ("Reports of the Red Sox offer varied, though WCVB-TV claims it was ...": the offer).
 */
function predicateFrame(s: Sent, q: Quantity): { frame: string; of?: number } | undefined {
  const tokens = parseOf(s.art);
  const fig = tokens && figureTokens(tokens, q);
  if (!tokens || !fig) return undefined;
  const kids = kidsOf(tokens);
  const amount = (i: number) => tokens[i].upos === 'NUM' || tokens[i].upos === 'SYM';
  let head = fig.num;
  while (tokens[head].head >= 0 && amount(tokens[head].head)) head = tokens[head].head;
  const predicates = [head];
  if (tokens[head].head >= 0 && COMPLETES.has(relOf(tokens[head]))) predicates.push(tokens[head].head);
  const p = predicates.find((i) => kids[i].some((c) => relOf(tokens[c]) === 'cop'));
  // (the subject nearest the predicate: a parse may hang a clause's subject before it there too, "Reports ... varied, though ... it was")
  const subject = p === undefined ? undefined : kids[p].filter((c) => relOf(tokens[c]) === 'nsubj').pop();
  if (subject === undefined) return undefined;
  const told = (i: number) => {
    const frame = tokens[i].upos === 'NOUN' ? frameOf(tokens[i].text) : undefined;
    return frame ? { frame, of: i } : undefined;
  };
  if (!STANDS_FOR.test(tokens[subject].text)) return told(subject);
  // the noun "it" stands for: the last before it that names a frame, in its sentence, else the one before
  const [lo] = spanTokens(tokens, s.span);
  const before = s.index > 0 ? spanTokens(tokens, s.art.sentences[s.index - 1].span) : [lo, lo];
  for (const [from, to] of [[lo, subject], before])
    for (let i = to - 1; i >= from; i--) {
      const frame = told(i);
      if (frame) return frame;
    }
  return undefined;
}
/** Relations by which a sum is part of the predicate it hangs on ("eight years and $184 million"). */
const COMPLETES = new Set(['conj', 'obj', 'appos']);
const STANDS_FOR = /^(?:it|this|that)$/i;

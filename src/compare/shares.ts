/**
 * Shares: "up to 70 per cent of web services in Egypt were disrupted" and "internet services in
 * Egypt were down by 80 percent" give the share of one thing in one place. A percentage is
 * compared only when the parse says what it is a share of (the noun after "of", or the subject of a
 * fall "by N percent") and where (a place the noun's "in" phrase names): "82 percent of India's
 * voice traffic" and "65% of traffic to India" name no place by "in" and are not compared, nor
 * a share of traffic with a share of services.
 */
import type { Quantity, SyntaxToken } from '../model/types.js';
import { tokenAt } from '../text/tokenize.js';
import { canonicalName, isParty, type Sent } from './prepare.js';
import { kidsOf, parseOf, relOf, verbSubject } from './syntax.js';
import { key } from './text.js';

/** The words of a percentage's unit as the parse holds them. */
const PERCENT = /^(?:%|percent|per cent|cent|pct)$/i;
/** A fall told "by N percent": the share of the subject lost ("were down by 80 percent", "fell by half"). */
const FALL_BY = /\b(?:down|off|fell|fallen|dropped|declined|decreased|reduced|cut|slashed)\s+by\s+(?:up\s+to\s+|about\s+|around\s+|nearly\s+|some\s+|more\s+than\s+)?$/i;

/** The share a percentage gives (key and label), or null when the parse does not say of what and where. */
export function shareOf(s: Sent, q: Quantity): { key: string; label: string; stated?: boolean } | null {
  const tokens = parseOf(s.art);
  if (!tokens || q.unit !== '%') return null;
  let p = -1;
  for (let i = tokenAt(tokens, q.span.start); i >= 0 && i < tokens.length && tokens[i].start < q.span.end; i++) if (PERCENT.test(tokens[i].text)) p = i;
  if (p < 0) return null;
  const kids = kidsOf(tokens);
  const caseOf = (i: number) => kids[i].map((c) => tokens[c]).find((t) => relOf(t) === 'case')?.text.toLowerCase();
  // "N percent of X": X; "X were down by N percent": the subject of the percentage or of its verb
  let nouns = kids[p].filter((c) => relOf(tokens[c]) === 'nmod' && caseOf(c) === 'of');
  if (!nouns.length && caseOf(p) === 'by' && FALL_BY.test(s.art.text.slice(s.span.start, q.span.start))) {
    const head = kids[p].some((c) => relOf(tokens[c]) === 'nsubj') ? p : tokens[p].head;
    // (a parse may hang "by 80 percent" on the subject noun itself)
    nouns = head < 0 ? [] : tokens[head].upos === 'NOUN' && head < p ? [head] : kids[head].filter((c) => relOf(tokens[c]) === 'nsubj');
  }
  if (nouns.length !== 1 || tokens[nouns[0]].upos !== 'NOUN') return null;
  const vote = voteShare(s, tokens, p, nouns[0]);
  if (vote) return vote;
  // "telephone and internet services in Egypt": the coordinated nouns, the one with the place first, else the last
  const members = [nouns[0], ...kids[nouns[0]].filter((c) => relOf(tokens[c]) === 'conj' && tokens[c].upos === 'NOUN')];
  const withPlace = members.map((m) => ({ m, place: placeIn(s, tokens, kids, m, caseOf) })).filter((x) => x.place);
  if (withPlace.length !== 1) return null;
  const { m, place } = withPlace[0];
  const noun = tokens[m].lemma.toLowerCase();
  return { key: `share|${key(noun)}|${place!.key}`, label: `share of ${noun} in ${place!.name}` };
}

/** Relations that join the words of one name to its head. */
const NAME_PARTS = new Set(['flat', 'compound', 'appos']);
/** Nouns of the ballots an election counts: a share of them is a result, whoever won it. */
const VOTE = new Set(['vote', 'votes', 'ballot', 'ballots']);

/**
 * "Jane Roe won with 54 percent of the vote", "Roe was re-elected, taking 58 percent of the vote": a
 * share of the vote is the result of the party or candidate who took it, the subject of the verb the
 * percentage hangs on (or of the clause that verb continues). Null when no one is named there.
 */
function voteShare(s: Sent, tokens: readonly SyntaxToken[], percent: number, noun: number): { key: string; label: string; stated: boolean } | null {
  if (!VOTE.has(tokens[noun].text.toLowerCase())) return null;
  let v = tokens[percent].head;
  for (let up = 0; up < 2 && v >= 0 && tokens[v].upos !== 'VERB'; up++) v = tokens[v].head;
  if (v < 0 || tokens[v].upos !== 'VERB') return null;
  const at = verbSubject(s, tokens[v].start)[0];
  if (at === undefined) return null;
  // the subject's name with its title ("Mayor Jane Roe": the parse heads it on the title)
  const subject = tokenAt(tokens, at);
  const end = Math.max(tokens[subject].end, ...kidsOf(tokens)[subject].filter((c) => NAME_PARTS.has(relOf(tokens[c]))).map((c) => tokens[c].end));
  const who = s.entities.find((e) => isParty(e) && e.span.start < end && at < e.span.end);
  // (an official result is stated to its decimal, as a price is: not a measure rounded by the writer)
  return who ? { key: `share|vote|${who.key}`, label: `share of the vote (${who.name})`, stated: true } : null;
}

/** The one place a noun's "in" phrase names ("services in Egypt"), as written there, or null. */
function placeIn(s: Sent, tokens: readonly SyntaxToken[], kids: number[][], noun: number, caseOf: (i: number) => string | undefined): { key: string; name: string } | null {
  const places = kids[noun]
    .filter((c) => relOf(tokens[c]) === 'nmod' && caseOf(c) === 'in')
    .map((c) => s.entities.find((e) => e.type === 'LOC' && e.span.start <= tokens[c].start && tokens[c].start < e.span.end))
    .filter((e) => !!e);
  if (places.length !== 1) return null;
  const name = s.art.text.slice(places[0].span.start, places[0].span.end);
  return { key: canonicalName(name), name };
}

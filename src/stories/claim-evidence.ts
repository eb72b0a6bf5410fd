/**
 * Who did what to whom as evidence between an article and a story, or two stories, that no date
 * separates (main-claim.ts reads each article's main event claims: act class, agent, patient).
 * Two reports that state one act done by or to different named participants ("stops Rahman",
 * "stops Thompson"; "fired O'Brien", "fired Cheeks") are more often of two events; the same act
 * with the same participant, more often of one. On the ECB+ development half, pairs of one topic
 * (two similar events) not both dated by publication: 0.377 of any such pair are of one event,
 * 0.152 of those whose claims name other participants for one act, 0.654 of those that name the same.
 *
 * A side's claims are summarised as, per act and role, the names its members give (a story's
 * members may name several: the earlier coach and the new one). The sides *disagree* when they
 * share an act and role for which both name someone, and never the same one for any shared act
 * and role; common nouns ("the coach", "the church") are in both events' reports and count for nothing.
 * They also disagree when they state *inverse acts* done to one named patient (a team hiring a
 * coach and a team firing him; a board approving a plan and one disapproving it): verbs joined by
 * a WordNet antonym (data/lexicons/verb-antonyms.tsv, built by scripts/build-wordnet-antonyms.ts,
 * which leaves out the converse pairs of a transfer or a contest, buy / sell, win / lose: one
 * event told from either side), read as the act classes their verbs fall in (compare/act-classes.ts:
 * "hire" / "fire" makes Hiring / Firing, so "employ" / "sack" too). Whoever the agents are: a new
 * administration reversing its predecessor's act is another event as much as the same body's.
 */
import { actClass } from '../compare/act-classes.js';
import { verbAntonymPairs } from '../text/lexicon.js';
import type { StoryFeatures } from './types.js';

/** Per act and role ("p:Firing", "a:Firing"), the names the side's members give for it, with how many members give each. */
export type ClaimSummary = Map<string, Map<string, number>>;

/** Whether a participant is a name (not a common noun, marked `~`, nor unstated). */
const isName = (p: unknown): p is string => typeof p === 'string' && p !== '' && !p.startsWith('~');

/** Adds one article's claims to a summary (each name once per article, act and role). */
export function addClaims(summary: ClaimSummary, claims: StoryFeatures['claims']): void {
  if (!Array.isArray(claims)) return;
  const seen = new Set<string>();
  for (const c of claims) {
    if (!Array.isArray(c) || typeof c[0] !== 'string') continue;
    for (const [role, name] of [['a', c[1]], ['p', c[2]]] as const) {
      if (!isName(name)) continue;
      const key = `${role}:${c[0]}`;
      if (seen.has(`${key}>${name}`)) continue;
      seen.add(`${key}>${name}`);
      let names = summary.get(key);
      if (!names) summary.set(key, (names = new Map()));
      names.set(name, (names.get(name) ?? 0) + 1);
    }
  }
}

/** The summary of some articles' claims. */
export function claimSummary(claims: Iterable<StoryFeatures['claims']>): ClaimSummary {
  const s: ClaimSummary = new Map();
  for (const c of claims) addClaims(s, c);
  return s;
}

/**
 * Whether two sides state one act with other participants: for some act and role each side has a
 * main name (given by every member of a side of one, by two or more members and at least half of
 * those stating that act and role in a larger one: one report's misreading, "Microsoft (Nsdq: MSFT)
 * issued", is no story's claim), and none of one side's names for it is a name the other side
 * gives that act in either role (a passive the parse misread, "Thomas placed on IR", puts the
 * patient first). One act with the same agent and another patient is another event (a team
 * placing a second player on injured reserve).
 */
export function claimsDisagree(a: ClaimSummary, b: ClaimSummary, aMembers: number, bMembers: number): boolean {
  if (a.size === 0 || b.size === 0) return false;
  for (const [key, names] of a) {
    const other = b.get(key);
    if (!other || !hasMainName(names, aMembers) || !hasMainName(other, bMembers)) continue;
    const act = key.slice(2);
    const otherRole = b.get(`${key[0] === 'a' ? 'p' : 'a'}:${act}`);
    let shared = false;
    for (const n of names.keys()) if (other.has(n) || otherRole?.has(n)) shared = true;
    const ownOther = a.get(`${key[0] === 'a' ? 'p' : 'a'}:${act}`);
    if (ownOther) for (const n of other.keys()) if (ownOther.has(n)) shared = true;
    if (!shared) return true;
  }
  return inverseActs(a, b, aMembers, bMembers) || inverseActs(b, a, bMembers, aMembers);
}

let inversePairs: Set<string> | null = null;

/** Whether two act classes are inverse acts: some verb of one is a WordNet antonym of some verb of the other (read on first use). */
export function inverseAct(x: string, y: string): boolean {
  if (inversePairs === null) {
    inversePairs = new Set();
    for (const [v, w] of verbAntonymPairs()) {
      const [cv, cw] = [actClass(v), actClass(w)];
      if (cv !== cw) inversePairs.add(`${cv}|${cw}`).add(`${cw}|${cv}`);
    }
  }
  return x !== y && inversePairs.has(`${x}|${y}`);
}

/** Whether one side states an act and the other its inverse with one main patient between them (in either role of the other's act: a misread passive). */
function inverseActs(a: ClaimSummary, b: ClaimSummary, aMembers: number, bMembers: number): boolean {
  for (const [key, names] of a) {
    if (key[0] !== 'p' || !hasMainName(names, aMembers)) continue;
    for (const [otherKey, other] of b) {
      if (!inverseAct(key.slice(2), otherKey.slice(2)) || !hasMainName(other, bMembers)) continue;
      for (const n of names.keys()) if (other.has(n)) return true;
    }
  }
  return false;
}

/** Whether one name of an act and role is the side's own: all of a side of one, else two members and half of those naming any. */
function hasMainName(names: ReadonlyMap<string, number>, members: number): boolean {
  let total = 0;
  let top = 0;
  for (const c of names.values()) {
    total += c;
    top = Math.max(top, c);
  }
  return members <= 1 ? top >= 1 : top >= 2 && top * 2 >= total;
}

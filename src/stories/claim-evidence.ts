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
 */
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

/**
 * A clause's working part while its sentence is read (its keys, acts, participants, days and marks,
 * filled word by word by claims.ts and clause-readings.ts) and the read-only Claim it becomes.
 */
import type { ClauseTime } from './syntax.js';
import type { Claim } from './claims.js';

/**
 * A clause's keys and acts while its sentence is read. Its sets start as the one shared empty set
 * (`NONE`) and get their own when `put` first adds to them: most clauses have no days, no denied
 * act, no patient, and a story reads hundreds of thousands of clauses.
 */
export interface ClausePart {
  keys: Set<string>;
  /** Its keys the parse reads, at least once, as another part of speech than a noun. */
  notNouns: Set<string>;
  /** Its keys read, at least once, from a word outside a name and its role (`describedParties`). */
  plain: Set<string>;
  acts: Set<string>;
  agents: Set<string>;
  patients: Set<string>;
  time: ClauseTime | null;
  denied: Set<string>;
  hedged: boolean;
  days: Set<string>;
  relative: boolean;
  given: boolean;
  circumstance: boolean;
  /** The key of its subject ('' when a pronoun or none; null before it is read); a copular clause's predicate (its head has a `cop` dependent, UD), null for any other. */
  subject: string | null;
  predicate: string | null;
  /** The keys of its arguments' head words (subject, passive subject, object) and the parties they name. */
  args: Set<string>;
  /** Its last word's token (its content words all come before it, or at it). */
  last: number;
}
export const PART_SETS = ['keys', 'notNouns', 'plain', 'acts', 'agents', 'patients', 'denied', 'days', 'args'] as const;
type PartSet = (typeof PART_SETS)[number];
/** Never added to: `put` replaces it with a set of the part's own first (a claim reads its sets only). */
export const NONE: Set<string> = new Set();
export const put = (p: ClausePart, field: PartSet, v: string) => {
  if (p[field] === NONE) p[field] = new Set();
  p[field].add(v);
};
export const newPart = (time: ClauseTime | null, last: number): ClausePart => ({ keys: NONE, notNouns: NONE, plain: NONE, acts: NONE, agents: NONE, patients: NONE, time, denied: NONE, hedged: false, days: NONE, relative: false, given: false, circumstance: false, subject: null, predicate: null, args: NONE, last });

const VALUE = /^(?:\d[\d.,:]*[a-z]*|(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|june|july|august|sept?\.?|september|oct\.?|october|nov\.?|november|dec\.?|december)$/;
export const claim = (p: ClausePart): Claim => {
  let values = NONE;
  let nouns = NONE;
  let named = NONE;
  for (const k of p.keys) {
    if (VALUE.test(k)) (values === NONE ? (values = new Set()) : values).add(k);
    if (!p.notNouns.has(k)) (nouns === NONE ? (nouns = new Set()) : nouns).add(k);
    if (!p.plain.has(k)) (named === NONE ? (named = new Set()) : named).add(k);
  }
  // (each field named: a rest and a spread copy the part twice, and a story reads thousands of claims)
  return { keys: p.keys, acts: p.acts, agents: p.agents, patients: p.patients, time: p.time, denied: p.denied, hedged: p.hedged, days: p.days, relative: p.relative, given: p.given, circumstance: p.circumstance, nouns, values, named, subject: p.subject, predicate: p.predicate, args: p.args };
};

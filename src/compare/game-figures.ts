/**
 * A named player's figure in the game a report tells: "Richard Carter scored 14 points", "Carter
 * had 12 points and four assists", "Carter added 12" (its noun from analyse/bare-figures.ts),
 * "Roe led Drake with 13 points", "Roe finished with 20 points". The slot is the player and the
 * counted noun (`game:<noun>|<person key>`); two outlets that give one player two figures of one
 * thing in the game disagree.
 *
 * A player has such a figure in every game, and a report or round-up tells other games too ("Roe
 * had 24 points" in a round-up of a later day): the figures are compared only between sentences
 * that state one fact (Slot.aligned), in sentences of the story's own day (background none), told
 * by a verb of scoring in the past tense. Not a part of the game ("had 10 points in the first 7 ½
 * minutes", "five of his points came in a 7-0 run", "scored 10 of the team's first 17 points"),
 * not a season's or a career's figure ("20.2 points a game", "2,301 career points"), which
 * holdings.ts reads when held now.
 */
import type { Quantity, SyntaxToken } from '../model/types.js';
import { heldFigure } from './holdings.js';
import { canonicalName, type Sent } from './prepare.js';
import { personKey } from './person-keys.js';

/** What slots.ts makes a slot of. */
export interface GameFigure {
  key: string;
  label: string;
  person: string;
}

/** Verbs of scoring as sports copy writes them (FrameNet Getting, Amassing; "have" of a game's line), as lemmas. */
const SCORING = new Set(['score', 'have', 'add', 'post', 'total', 'tally', 'net', 'contribute', 'pour', 'chip', 'finish', 'lead', 'grab', 'collect', 'record', 'log']);
/** Past tense or participle (Penn tags): the game told is over. */
const PAST = new Set(['VBD', 'VBN']);
/** After the noun: a part of the game (a half, a quarter, a stretch, a run) or a span beyond it (a season, a career). */
const NOT_THE_GAME =
  /^[^.;,]{0,40}?\b(?:(?:in|before|after|at|by|over)\s+(?:the\s+|a\s+|his\s+|her\s+)?(?:first|second|third|fourth|final|last|opening|closing|early|late|\d+(?:st|nd|rd|th)|\d+|half|halftime|overtime|stretch|run|span)\b|during|run|spurt|stretch|season|career|a game|per game|this year)/i;
/** Before the figure: a part ("ten of", "the first"), another span ("career-high" is the game's own). */
const PART_BEFORE = /\b(?:first|last|final|another|other|additional|further|of|career|season)\s+$/i;

/** Prefix of a game figure's slot; the person's key follows (person-keys.ts personKey). */
function gamePrefix(noun: string): string {
  return `game:${noun}|`;
}

/** The player and counted noun of a figure scored in the game the sentence tells, or null. */
export function gameFigureOf(s: Sent, q: Quantity): GameFigure | null {
  const text = s.art.text;
  if (PART_BEFORE.test(text.slice(Math.max(s.span.start, q.span.start - 12), q.span.start))) return null;
  const h = heldFigure(s, q, scoredInThePast, true);
  if (!h) return null;
  if (NOT_THE_GAME.test(text.slice(h.tokens[h.end].end, s.span.end))) return null;
  const person = canonicalName(h.written);
  return { key: `${gamePrefix(h.noun)}${personKey(person)}`, label: `${h.noun} of ${h.written} in the game`, person };
}

function scoredInThePast(v: SyntaxToken): boolean {
  return SCORING.has(v.lemma.toLowerCase()) && PAST.has(v.xpos);
}

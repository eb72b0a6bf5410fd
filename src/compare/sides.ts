/**
 * The sides of a conflict: mentions of one slot split by the value they give, and the pairs of sides
 * that oppose different outlets. Shared by the date, clock-time and home conflicts.
 */
import type { Conflict } from './types.js';

/** Each mention joins the first side whose first mention it agrees with, in the order given, else opens a side. */
export function sidesByFirst<T>(mentions: Iterable<T>, agree: (first: T, m: T) => boolean): T[][] {
  const sides: T[][] = [];
  for (const m of mentions) {
    const side = sides.find((x) => agree(x[0], m));
    if (side) side.push(m);
    else sides.push([m]);
  }
  return sides;
}

/** Every pair of sides (a < b) in which the second holds an outlet group the first lacks: one source against itself is not a disagreement between outlets. */
export function crossOutletPairs<T extends { sent: { art: { group: string } } }>(sides: readonly T[][]): Conflict['pairs'] {
  const pairs: Conflict['pairs'] = [];
  for (let a = 0; a < sides.length; a++) {
    const ga = new Set(sides[a].map((m) => m.sent.art.group));
    for (let b = a + 1; b < sides.length; b++) if (sides[b].some((m) => !ga.has(m.sent.art.group))) pairs.push({ a, b, severity: 'conflict' });
  }
  return pairs;
}

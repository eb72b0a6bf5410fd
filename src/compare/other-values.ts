/**
 * A member that gives another figure for what the others count. Outlets that put one toll at two values ("more than
 * 31,000 people were killed" / "killed more than 26,000 people") disagree on it: the member whose value fewer articles
 * give does not corroborate the others' (the disagreement is the conflicts' business, not support). Figures are read by
 * their slot (slots.ts, what a figure measures, whatever sentence it is in) and compared as the conflicts compare them
 * (figure-values.ts: counts exact, measures to 5 %, "about" to 20 %, a round figure near another a rounding); two lower
 * bounds ("more than 26,000" / "more than 31,000") are each an outlet's count, compared by their values.
 */
import type { Quantity } from '../model/types.js';
import { isHedged, partOf } from './figure-parts.js';
import { apartFivefold, compareIntervals, type FigureInterval, interval } from './figure-values.js';
import type { Sent } from './prepare.js';
import { slotIgnoringParts } from './slots.js';

/** A figure and the values it allows, as the conflicts compare it. */
type Figure = FigureInterval & { key: string; at: { low: number; high: number } };

const READ = new WeakMap<Sent, Figure[]>();
/** A sentence of more figures than this is a table or a list, no one count told (and its pairs would be quadratic). */
const MAX_FIGURES = 12;

/** The figures of a sentence with a slot: not a part of another ("30 of the 80"), not hedged (read once per sentence). */
function figuresOf(s: Sent): Figure[] {
  const known = READ.get(s);
  if (known) return known;
  const out: Figure[] = [];
  READ.set(s, out);
  if (s.quantities.length > MAX_FIGURES) return out;
  for (const q of s.quantities) {
    if (partOf(s, q) || isHedged(s, q)) continue;
    const slot = slotIgnoringParts(s, q);
    if (!slot) continue;
    const { low, high } = interval(q, slot);
    const at = interval({ ...q, qualifier: 'exact' } as Quantity, slot);
    out.push({ q, low, high, unit: slot.unit, key: slot.key, at });
  }
  return out;
}

/** Two figures of one slot that cannot be one value (two bounds of one kind compared by their values; five times apart: two things). */
function disagree(a: Figure, b: Figure): boolean {
  const open = a.q.qualifier === b.q.qualifier && a.q.qualifier !== 'exact' && a.q.qualifier !== 'about' && a.q.qualifier !== 'range';
  const [x, y] = open ? [{ ...a, ...a.at }, { ...b, ...b.at }] : [a, b];
  return compareIntervals(x, y) === 'conflict' && !apartFivefold(x, y);
}

/**
 * The members of a fact (`members`, sentences `sents`, articles `artOf`) whose figures of some slot all disagree with
 * every other article's figures of it, when another article gives it: no article of the fact agrees with the member's value.
 */
export function otherValueMembers(members: Iterable<number>, sents: readonly Sent[], artOf: readonly number[]): Set<number> {
  const out = new Set<number>();
  const all = [...members];
  const figures = new Map<number, Figure[]>();
  for (const i of all) figures.set(i, figuresOf(sents[i]));
  for (const i of all) {
    const mine = figures.get(i)!;
    for (const key of new Set(mine.map((f) => f.key))) {
      const own = mine.filter((f) => f.key === key);
      let agree = false;
      let rival = false;
      for (const j of all) {
        if (artOf[j] === artOf[i]) continue;
        const theirs = figures.get(j)!.filter((f) => f.key === key);
        if (!theirs.length) continue;
        if (own.every((a) => theirs.every((b) => disagree(a, b)))) rival = true;
        else agree = true;
      }
      if (rival && !agree) out.add(i);
    }
  }
  return out;
}

/** Two sentences give a figure of one slot and every figure of it in the one disagrees with every one in the other: they do not restate each other (index.ts restatedLeftovers). */
export function figuresDisagree(a: Sent, b: Sent): boolean {
  const fb = figuresOf(b);
  if (!fb.length) return false;
  const fa = figuresOf(a);
  for (const key of new Set(fa.map((f) => f.key))) {
    const theirs = fb.filter((f) => f.key === key);
    if (theirs.length && fa.filter((f) => f.key === key).every((x) => theirs.every((y) => disagree(x, y)))) return true;
  }
  return false;
}

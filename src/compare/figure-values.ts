/**
 * A figure as the quantity conflicts compare it (`QMention`: its sentence, its slot after the joins,
 * the values it allows) and the verdict between two: each value becomes an interval from its
 * qualifier (counts, ages, prices exact; measures ±5 % for rounding; "about" ±20 %; "more than"
 * open above); disjoint intervals conflict, a rounded figure just outside the other's tolerance is
 * a minor discrepancy, and figures five or ten times apart measure two things.
 */
import type { Quantity } from '../model/types.js';
import type { Sent } from './prepare.js';
import type { Slot } from './slots.js';

export interface QMention {
  sent: Sent;
  q: Quantity;
  slot: string;
  label: string;
  low: number;
  high: number;
  /** Compared only with figures of aligned sentences (Slot.aligned). */
  aligned?: boolean;
  /** The slot's unit ("block": an address number, never a rounded figure). */
  unit: string;
  /** The person of a person slot (Slot.person), the acts they take part in and whether they are named by a role only (see Slot). */
  person?: string;
  verbs?: string[];
  role?: boolean;
  roleAt?: number;
  /** Slot.bodyOnly: not compared within its own article. */
  bodyOnly?: boolean;
}

/** What comparing two figures' values reads of them: the figure, the values it allows, the slot's unit. */
export type FigureInterval = Pick<QMention, 'q' | 'low' | 'high' | 'unit'>;

/**
 * The values a figure allows, in the slot's unit: counts and ages are exact; magnitudes are read to
 * a tenth; measures (distances, durations, money) allow 5 % for rounding; "about" 20 %; "more
 * than" and "at least" are open above.
 */
export function interval(q: Quantity, slot: Slot): { low: number; high: number } {
  const v = q.value * slot.factor;
  // (a person's weight is a description copied from the police or the family, written to the pound
  // or kilogram, not a measure the writer rounded: exact, as an age; a price or a fine is agreed, Slot.stated)
  const stated = slot.stated || slot.unit === 'people' || slot.unit === 'count' || slot.unit === 'block' || slot.unit === 'years' || (slot.unit === 'kg' && slot.personal);
  const exact = stated ? 0 : slot.unit === 'magnitude' ? 0.05 : v * 0.05;
  const about = slot.unit === 'magnitude' ? 0.3 : v * 0.2;
  switch (q.qualifier) {
    case 'about':
      return { low: v - about, high: v + about };
    case 'more-than':
    case 'at-least':
      return { low: v, high: Number.POSITIVE_INFINITY };
    case 'less-than':
    case 'at-most':
      return { low: 0, high: v };
    case 'range':
      return { low: (q.low ?? q.value) * slot.factor, high: (q.high ?? q.value) * slot.factor };
    default:
      return { low: v - exact, high: v + exact };
  }
}

/** `same`, `minor` (overlapping or nearly touching) or `conflict` (clearly disjoint). */
export function compareIntervals(a: FigureInterval, b: FigureInterval): 'same' | 'minor' | 'conflict' {
  // overlapping intervals are compatible ("more than 5,000" and "5,200")
  if (a.low <= b.high && b.low <= a.high) return 'same';
  const gap = a.high < b.low ? b.low - a.high : a.low - b.high;
  const scale = Math.max(Math.abs(a.low), Math.abs(b.low), Math.abs(a.high === Infinity ? 0 : a.high), Math.abs(b.high === Infinity ? 0 : b.high), 1e-9);
  // a rounded figure just outside the other's tolerance is a rounding difference, not a dispute
  const rounded = (m: FigureInterval) => m.unit !== 'block' && m.unit !== 'kg' && m.q.qualifier === 'exact' && m.q.value >= 100 && m.q.value % 10 === 0;
  return gap / scale <= 0.05 && (rounded(a) || rounded(b)) ? 'minor' : 'conflict';
}

/** Figures five times apart or more (five hurt and 50, two and 80): not one figure told two ways. */
export function apartFivefold(a: FigureInterval, b: FigureInterval): boolean {
  const [lo, hi] = a.q.value <= b.q.value ? [a, b] : [b, a];
  return lo.q.value > 0 && Number.isFinite(lo.high) && hi.low >= 5 * lo.high;
}

export function apartTenfold(a: FigureInterval, b: FigureInterval): boolean {
  const [lo, hi] = a.q.value <= b.q.value ? [a, b] : [b, a];
  return lo.q.value > 0 && Number.isFinite(hi.low) && hi.low > 10 * lo.high;
}

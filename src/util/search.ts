/**
 * Index of the first of `items` for which `before` does not hold, where `before` holds for a
 * prefix of them and for none after it (binary search; `items.length` when it holds for all).
 * The one search for "the first token starting at `pos`", "the first span ending after `pos`".
 */
export function partitionPoint<T>(items: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(items[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

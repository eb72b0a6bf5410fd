/**
 * A fixed table looked up by words of the text: an object with no prototype, so a word such as
 * "constructor" or "toString" finds nothing instead of Object.prototype's function.
 */
export function wordTable<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

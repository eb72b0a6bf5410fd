/** Compare strings by code units (deterministic, locale independent). */
export function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

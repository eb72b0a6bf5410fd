import type { Quantity, Span } from '../model/types.js';
export function findQuantities(_text: string, _sentences: Span[]): Quantity[] {
  return [];
}

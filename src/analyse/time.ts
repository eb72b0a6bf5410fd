import type { DateInfo, Span, TimeExpr } from '../model/types.js';
export function findTimes(_text: string, _sentences: Span[], _published: DateInfo | null): TimeExpr[] {
  return [];
}

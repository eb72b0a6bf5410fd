import type { ReadResult } from '../ingest/index.js';

/** What the command line may say about plain-text input, which carries no metadata of its own. */
export interface InputHints {
  outlet?: string;
  published?: string;
}

/**
 * Checks `--outlet` and `--published`: an outlet name must not be blank; a publication date must be
 * an ISO date (`2025-05-08`) or date-time. Returns the problem, or null.
 */
export function checkHints(h: InputHints): string | null {
  if (h.outlet !== undefined && h.outlet.trim() === '') return '--outlet needs a name';
  if (h.published !== undefined) {
    const p = h.published.trim();
    if (!/^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(p) || !Number.isFinite(Date.parse(p.length === 10 ? `${p}T00:00:00Z` : p))) {
      return `--published takes an ISO date such as 2025-05-08 (got ${JSON.stringify(h.published)})`;
    }
  }
  return null;
}

/**
 * Gives plain-text documents (files read as text, standard input) the outlet and publication date
 * of the command line, as metadata hints: extraction uses them when the text itself names none.
 * HTML, JSON and feed documents carry their own metadata and are left alone.
 */
export function* withInputHints(results: Iterable<ReadResult>, h: InputHints): Generator<ReadResult> {
  for (const r of results) {
    if (r.kind === 'doc' && r.doc.format === 'text') {
      const meta = { ...r.doc.meta };
      if (h.outlet !== undefined && !meta.outlet) meta.outlet = h.outlet.trim();
      if (h.published !== undefined && !meta.published) meta.published = h.published.trim();
      yield { ...r, doc: { ...r.doc, meta } };
    } else yield r;
  }
}

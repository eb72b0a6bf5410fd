/**
 * Body scoring as the article-extraction-benchmark (Zyte, MIT) scores it, re-implemented:
 *
 * - tokenise: every maximal run of word characters (Python `re.findall(r'\w+')` with Unicode:
 *   letters, digits and underscore; case kept);
 * - shingles: all 4-token windows with their counts (a text of fewer than 4 tokens gives one
 *   shingle of all its tokens);
 * - per page: tp = Σ min(true, pred), fp = Σ max(0, pred − true), fn = Σ max(0, true − pred) over
 *   all shingles, then divided by (tp + fp + fn) so every page weighs the same;
 * - over pages: the normalised tp, fp, fn are summed; precision = TP/(TP+FP), recall = TP/(TP+FN),
 *   F1 = 2PR/(P+R). An empty prediction on a non-empty truth counts as fn = 1 (recall 0).
 */

const WORD_RE = /[\p{L}\p{N}_]+/gu;

export function shingleTokens(text: string): string[] {
  return text.match(WORD_RE) ?? [];
}

export function shingles(text: string, n = 4): Map<string, number> {
  const tokens = shingleTokens(text);
  const k = Math.min(tokens.length, n);
  const out = new Map<string, number>();
  if (k === 0) return out;
  for (let i = 0; i + k <= tokens.length; i++) {
    const key = tokens.slice(i, i + k).join('\u0001');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export interface PageCounts {
  tp: number;
  fp: number;
  fn: number;
}

/** Normalised tp/fp/fn of one page (they sum to 1 unless both texts are empty). */
export function pageCounts(truth: string, predicted: string, n = 4): PageCounts {
  const t = shingles(truth, n);
  const p = shingles(predicted, n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, tc] of t) {
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fn += Math.max(0, tc - pc);
  }
  for (const [key, pc] of p) {
    const tc = t.get(key) ?? 0;
    fp += Math.max(0, pc - tc);
  }
  const s = tp + fp + fn;
  return s > 0 ? { tp: tp / s, fp: fp / s, fn: fn / s } : { tp: 0, fp: 0, fn: 0 };
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  pages: number;
}

export function aggregate(pages: PageCounts[]): Scores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const c of pages) {
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, pages: pages.length };
}

/** Means of per-page precision, recall and F1 (the other common reading of "per page, then average"). */
export function macro(pages: PageCounts[]): Scores {
  let p = 0;
  let r = 0;
  let f = 0;
  for (const c of pages) {
    const pp = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : 0;
    const rr = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : 0;
    p += pp;
    r += rr;
    f += pp + rr > 0 ? (2 * pp * rr) / (pp + rr) : 0;
  }
  const n = Math.max(1, pages.length);
  return { precision: p / n, recall: r / n, f1: f / n, pages: pages.length };
}

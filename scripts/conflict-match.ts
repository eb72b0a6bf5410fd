/**
 * Whether a reported conflict is an annotated one (a gold conflict, an acceptable one or a trap):
 * the one matcher of `eval-crosscheck.ts` (strict and any-article recall, precision, traps) and of
 * `dump-slots.ts --funnel` (stage 5, "reported, not every side").
 *
 * A gold side is an article and a snippet holding its value. A reported side holds it when the value
 * that side disputes was read in those words: one of its evidences lies in that article, in a
 * sentence containing the snippet, and the value's own span (every conflict side's evidence carries
 * the span of the figure, time, place or holder it read) overlaps the snippet there. A sentence that
 * merely contains the words — another conflict's side whose sentence also says "700 m" — holds nothing.
 */
import type { ConflictSide, Evidence } from '../src/compare/types.js';

export interface GoldSide {
  article: string;
  contains: string;
}

/** What the matcher needs of a story: fixture article keys to docIds, and each article's text. */
export interface MatchContext {
  idOf: ReadonlyMap<string, string>;
  textOf: (articleId: string) => string;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether the evidence's value span overlaps an occurrence of the snippet (any case) inside its sentence. */
export function valueInWords(text: string, e: Evidence, snippet: string): boolean {
  if (!snippet) return false;
  const sentence = text.slice(e.sentence.start, e.sentence.end);
  const re = new RegExp(escapeRegExp(snippet), 'giu');
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    const start = e.sentence.start + m.index;
    const end = start + m[0].length;
    if (e.span.start < end && start < e.span.end) return true;
    // occurrences may overlap ("10 10"): look again one character on
    re.lastIndex = m.index + 1;
  }
  return false;
}

/** Whether a reported side disputes the gold side's value: its value read in the gold's words, in the gold's article. */
export function sideHolds(side: Pick<ConflictSide, 'evidence'>, gold: GoldSide, ctx: MatchContext): boolean {
  const id = ctx.idOf.get(gold.article);
  if (!id) return false;
  const text = ctx.textOf(id);
  return side.evidence.some((e) => e.articleId === id && valueInWords(text, e, gold.contains));
}

/**
 * Whether a reported conflict is the gold one: two gold sides held by two different reported sides,
 * and with `all` every gold side held (strict recall); else two are enough (any-article recall,
 * precision, traps, the funnel's stage 5).
 */
export function conflictHolds(c: { sides: readonly Pick<ConflictSide, 'evidence'>[] }, gold: { sides: readonly GoldSide[] }, all: boolean, ctx: MatchContext): boolean {
  const hitSides = new Set<number>();
  let hits = 0;
  for (const g of gold.sides) {
    const si = c.sides.findIndex((s) => sideHolds(s, g, ctx));
    if (si >= 0) {
      hits++;
      hitSides.add(si);
    }
  }
  return hitSides.size >= 2 && (all ? hits === gold.sides.length : hits >= 2);
}

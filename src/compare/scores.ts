/**
 * The score of the game a sports story reports: the pair of points ("65-53", "20-13") that the
 * most independent sources write (at least two). A report states its game's final score; a
 * round-up of another day's games in the same story ("a 108-70 rout", where the story's game ended
 * 91-73) does not. game-figures.ts compares a player's figures only between articles that state it.
 * Order-free: "won 20-13" and "lost 13-20" write one score.
 */
import type { ArticleView, StoryView } from './prepare.js';

/** N-N with nothing glued to either side ("65-53"; not "2-for-14", "4-1/2", "1995-99" as years). */
const PAIR = /(?<![\d./-])(\d{1,3})-(\d{1,3})(?![\d/]|-\d|-(?:for|of)\b)/g;

const SCORES = new WeakMap<StoryView, Set<string> | null>();

const OF_ARTICLE = new WeakMap<ArticleView, Set<string>>();

/** The scores (order-free: "20-13") an article writes. */
export function scoresOf(a: ArticleView): Set<string> {
  const known = OF_ARTICLE.get(a);
  if (known) return known;
  const out = new Set<string>();
  OF_ARTICLE.set(a, out);
  for (const m of a.text.matchAll(PAIR)) {
    const [x, y] = [Number(m[1]), Number(m[2])];
    out.add(x >= y ? `${x}-${y}` : `${y}-${x}`);
  }
  return out;
}

/** The story's game score(s): the pair most independent sources write, at least two (ties: all of them); null when none. */
export function storyScores(story: StoryView): Set<string> | null {
  if (SCORES.has(story)) return SCORES.get(story)!;
  const by = new Map<string, string[]>();
  for (const a of story.articles) for (const s of scoresOf(a)) (by.get(s) ?? by.set(s, []).get(s)!).push(a.id);
  let best = 1;
  let top: string[] = [];
  for (const [score, ids] of by) {
    const n = story.independent(ids);
    if (n > best) [best, top] = [n, [score]];
    else if (n === best && best > 1) top.push(score);
  }
  const out = top.length ? new Set(top) : null;
  SCORES.set(story, out);
  return out;
}

/** Whether an article writes the story's game score (see storyScores). */
export function reportsTheGame(story: StoryView, a: ArticleView): boolean {
  const game = storyScores(story);
  if (!game) return false;
  const own = scoresOf(a);
  return [...game].some((s) => own.has(s));
}

/**
 * The score of the game a sports story reports: the pair of points ("65-53", "20-13") that the
 * most independent sources write (at least two). A report states its game's final score; a
 * round-up of another day's games in the same story ("a 108-70 rout", where the story's game ended
 * 91-73) does not. game-figures.ts compares a player's figures only between articles that state it.
 * Order-free: "won 20-13" and "lost 13-20" write one score.
 */
import type { ArticleView, StoryView } from './prepare.js';
import { recordSide, type WinLoss } from './records.js';
import { articleOnTwoSides, crossOutletPairs, sidesByFirst } from './sides.js';
import { cmp } from './text.js';
import type { Conflict } from './types.js';

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
function storyScores(story: StoryView): Set<string> | null {
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

/**
 * The score at a moment of the game, told by the clock's reading right after it: "at 45-35 on a
 * pair of free throws with 13:41 to go", "to open a 45-36 lead with 13:41 to play", "make it 19-12
 * with 11:43 left in the first half". Two outlets that give one reading of the game clock two scores
 * disagree (order-free: who leads is not compared, "45-36" and "36-45" agree). Only in articles that
 * write the game's score (reportsTheGame); the period must agree when both name one; a run ("a 9-2
 * run") or a final score ("a 20-13 victory") is no score at a moment, nor a score after the reading.
 */
const AT_READING =
  /(?<![\d./-])(\d{1,3})-(\d{1,3})(?![\d/]|-\d)(?!\s+(?:run|spurt|burst|streak|record|mark|season|victory|win|loss|defeat|decision|final)\b)([^.;:!?]{0,60}?)\bwith\s+(?:about\s+|just\s+)?(\d{1,2}:\d\d)\s+(?:left|remaining|to go|to play)\b(?:\s+in\s+(?:the\s+)?((?:first|second|third|fourth|final|1st|2nd|3rd|4th)\s+(?:half|quarter|period)|overtime))?/gi;

interface ScoreAt extends WinLoss {
  period: string | null;
}

function scoresAtReadings(story: StoryView): ScoreAt[] {
  const out: ScoreAt[] = [];
  for (const a of story.articles) {
    if (!reportsTheGame(story, a)) continue;
    for (const s of a.sentences) {
      const t = a.text.slice(s.span.start, s.span.end);
      if (!/\d:\d\d/.test(t)) continue;
      for (const m of t.matchAll(AT_READING)) {
        // (the reading's own clause: no other score between the score and the reading)
        if (/\d-\d/.test(m[3])) continue;
        const [x, y] = [Number(m[1]), Number(m[2])];
        const start = s.span.start + m.index;
        const value = x >= y ? `${x}-${y}` : `${y}-${x}`;
        out.push({ sent: s, slot: `score|${m[4]}`, person: m[4], name: m[4], value, span: { start, end: start + m[1].length + 1 + m[2].length }, period: m[5]?.toLowerCase() ?? null });
      }
    }
  }
  return out;
}

/** Conflicts over the score at one reading of the game clock. */
export function scoreConflicts(story: StoryView): Conflict[] {
  const at = scoresAtReadings(story);
  if (at.length < 2) return [];
  const bySlot = new Map<string, ScoreAt[]>();
  for (const r of at) (bySlot.get(r.slot) ?? bySlot.set(r.slot, []).get(r.slot)!).push(r);
  const out: Conflict[] = [];
  for (const slot of [...bySlot.keys()].sort(cmp)) {
    const rs = bySlot.get(slot)!;
    // one reading in two named periods is two moments
    if (new Set(rs.map((r) => r.period).filter(Boolean)).size > 1) continue;
    if (story.independent(rs.map((r) => r.sent.art.id)) < 2) continue;
    const sorted = [...rs].sort((a, b) => cmp(a.value, b.value) || cmp(a.sent.id, b.sent.id) || a.span.start - b.span.start);
    const sides = sidesByFirst(sorted, (first, r) => first.value === r.value);
    const pairs = crossOutletPairs(sides);
    if (sides.length < 2 || !pairs.length) continue;
    out.push({
      id: '',
      kind: 'count',
      slot: `score with ${rs[0].person} on the clock`,
      severity: 'conflict',
      withinArticle: articleOnTwoSides(sides),
      sides: sides.map((x) => recordSide(story, x)),
      pairs,
      note: `${sides.map((x) => x[0].value).join(' vs ')}: different scores at one reading of the game clock`,
      factIds: [],
    });
  }
  return out;
}

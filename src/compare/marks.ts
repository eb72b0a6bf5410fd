/**
 * The mark a player passed, as records copy writes it: "overtake Buford (2,116)", "broke Rodney
 * Buford's school scoring record of 2,116 points", "to break Rodney Buford's scoring record of
 * 2,106". After a verb of surpassing (FrameNet Surpassing: pass, overtake, break, surpass,
 * eclipse, top), a named person's figure in parentheses, or that person's record, mark or total
 * "of N", is the figure that person holds and the subject went past: a figure of the person's that
 * does not change with the story's game. Two independent outlets that give one person's passed mark
 * two values disagree. Person keys and one-name joining as for ages (slots.ts).
 */
import { canonicalName, type StoryView } from './prepare.js';
import { conflictsBySlot, type WinLoss } from './records.js';
import { personKey, resolveOneNameSlots } from './person-keys.js';
import type { Conflict } from './types.js';

/** A verb of surpassing right before the name (its forms as written). */
const SURPASS_BEFORE = /\b(?:pass|passes|passed|passing|overtake|overtakes|overtook|overtaken|overtaking|break|breaks|broke|broken|breaking|surpass|surpasses|surpassed|surpassing|eclipse|eclipses|eclipsed|eclipsing|top|tops|topped|topping)\s+$/i;
/** Right after the name: the person's figure in parentheses, or their record, mark or total "of N". */
const MARK_AFTER = [/^\s*\(\s*(\d{1,3}(?:,\d{3})*)\s*\)/, /^\s*['’]s?\s+(?:[\p{L}-]+\s+){0,3}(?:record|mark|total)\s+of\s+(\d{1,3}(?:,\d{3})*)(?![\d,.-]\d)/u];
/** No longer a mark at all: "the record of 2,106 points a game", "a 2,106-yard season". */
const NOT_A_MARK = /^\s*(?:[\p{L}-]+\s+)?(?:a|per)\s+(?:game|season|year|match)\b|^-/u;

function marksOf(story: StoryView): WinLoss[] {
  const out: WinLoss[] = [];
  for (const a of story.articles)
    for (const s of a.sentences) {
      if (!/\d/.test(a.text.slice(s.span.start, s.span.end))) continue;
      for (const e of s.entities) {
        if (e.type !== 'PER' || !SURPASS_BEFORE.test(a.text.slice(Math.max(s.span.start, e.span.start - 16), e.span.start))) continue;
        const after = a.text.slice(e.span.end, Math.min(s.span.end, e.span.end + 80));
        for (const re of MARK_AFTER) {
          const m = re.exec(after);
          if (!m || NOT_A_MARK.test(after.slice(m[0].length))) continue;
          const written = a.text.slice(e.span.start, e.span.end);
          const person = canonicalName(written);
          const start = e.span.end + m[0].lastIndexOf(m[1]);
          out.push({ sent: s, slot: `surpassed|${personKey(person)}`, person, name: written, value: m[1], span: { start, end: start + m[1].length } });
          break;
        }
      }
    }
  return out;
}

/** Conflicts over the mark one person held that the story's player passed. */
export function markConflicts(story: StoryView): Conflict[] {
  const ms = marksOf(story);
  if (ms.length < 2) return [];
  resolveOneNameSlots(ms);
  // (a mark does not change with the game: any publication days)
  return conflictsBySlot(story, ms, Number.POSITIVE_INFINITY, 'mark');
}

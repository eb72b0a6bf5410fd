/**
 * What a reported figure measures, by the word that governs or names it: FrameNet frames of general
 * news vocabulary (`data/lexicons/quantity-frames.tsv`: "killed" → deaths, "wounded" → injured, "home
 * to" → population). Read by count-slots.ts, money-slots.ts and figure-parts.ts (a figure's frame) and counts.ts (what happened to the people a
 * count names).
 */
import { dataLines } from '../text/lexicon.js';

let frames: Map<string, { frame: string; next?: string }> | null = null;

/** The frame a word evokes; `next` is the word after it, for entries that need one ("home to"). */
export function frameOf(word: string, next?: string): string | undefined {
  if (!frames) {
    frames = new Map();
    for (const line of dataLines('lexicons', 'quantity-frames.tsv')) {
      const [w, f, particle] = line.trim().split(/\s+/);
      if (w && f) frames.set(w, { frame: f, next: particle });
    }
  }
  const entry = frames.get(word.toLowerCase());
  if (!entry || (entry.next && entry.next !== next?.toLowerCase())) return undefined;
  return entry.frame;
}

/**
 * Frames of what happened to people in an event (the totals evolving.ts follows): a count of people
 * of a named kind told with one of these ("killing three workers", "three workers died", "left three
 * workers dead") counts the same people whatever the verb.
 */
export const HAPPENED_TO_PEOPLE = new Set(['deaths', 'injured', 'missing', 'arrested', 'evacuated', 'homeless', 'rescued']);

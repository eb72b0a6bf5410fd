/**
 * A team's win-loss record as a game report gives it: "the Colts (10-5)", "Indianapolis (10-5,
 * 4-4 away)", "the Colts stand at 10-5", "Indianapolis' record rose to 9-5", "improved to 25-7",
 * "gave the Colts a 9-5 season". Written so, it is the team's overall record as of the report,
 * after the game it tells; two independent outlets that give one team (the story's linked entity:
 * "Indianapolis", "the Colts" and "Indianapolis Colts" are one) two records disagree.
 *
 * The moment must agree: a record of a part of the season ("4-4 on the road", "9-1 in
 * one-possession games", "2-4 in the AFC South", "41-20 all-time"), of another season ("the 2008
 * Chiefs", "a year ago ... 2-14"), or in a sentence about another day than the story's game (a
 * round-up's "the Tar Heels (14-1), who were beaten on Sunday") is not read; nor a record told
 * only in passing after other words ("Drake, which had defeated Bradley, fell to 15-17": the record
 * must follow the team's name). A team plays every few days: articles published two days or more
 * apart are not compared (records.ts). People's records are records.ts's.
 */
import { WEEKDAY_PATTERN } from '../text/calendar.js';
import { type Sent, type StoryView } from './prepare.js';
import { conflictsBySlot, teamKeys, type WinLoss } from './records.js';
import { scoresOf } from './scores.js';
import { linkedGroups } from '../util/union-find.js';
import { backgroundSentences, storyEventDay } from './background.js';
import type { Conflict } from './types.js';

/** Articles published this many days apart or more may count games in between. */
const MAX_DAYS = 2;

/** The record's own words right after the team's name; group 1 and 2 are wins and losses, 3 ties. */
const AFTER_TEAM: readonly RegExp[] = [
  // "the Colts (10-5)", "(10-5, 4-4 away)": the first pair in parentheses is the overall record
  /^\s*\(\s*(\d{1,3})-(\d{1,3})(?:-(\d{1,3}))?\s*(?=[,;)])/,
  // "the Colts stand at 10-5", "the Broncos are 12-3 for the season"
  /^\s+(?:now\s+)?(?:are|is|stand|stands|sit|sits)\s+(?:now\s+)?(?:at\s+)?(\d{1,3})-(\d{1,3})(?:-(\d{1,3}))?\b/,
  // "Indianapolis' record rose to 9-5", "improved to 25-7", "fell to 15-17"
  /^(?:\s*['’]s?\s+(?:overall\s+)?record\s+)?\s*(?:improved|improves|rose|rises|fell|falls|dropped|drops|moved|moves|climbed|climbs|slipped|slips|went|goes|advanced|advances)\s+(?:(?:its|their)\s+record\s+)?to\s+(\d{1,3})-(\d{1,3})(?:-(\d{1,3}))?\b/,
  // "gave the Colts a 9-5 season", "the Colts' 10-5 record"
  /^(?:\s+an?|\s*['’]s?)\s+(\d{1,3})-(\d{1,3})(?:-(\d{1,3}))?\s+(?:season|record|mark)\b/,
];

/**
 * After the record: what says it is the whole season's, or nothing; anything else ("on the road",
 * "in one-possession games", "at home", "all-time", "in the AFC South", "against", "since") makes it
 * a part of the season or of another span.
 */
const WHOLE_AFTER = /^(?:\s*(?:[,.;:)!?—–]|$)|\s+(?:and|but|with|as|after|for the season|on the season|this season|overall|in the standings|heading|going|entering|to\s+(?:join|clinch|earn|stay|remain|keep|win)|while|when|who|which|that|in\s+(?:the\s+)?playoffs?)\b)/i;

/** A season named before the team ("the 2008 Chiefs", "last year's Colts"): another season's team. */
const OTHER_SEASON_BEFORE = /(?:\b(?:1[89]|20)\d\d|last\s+(?:year|season)['’]s|previous|former)\s+$/i;

function standingsOf(story: StoryView): WinLoss[] {
  const eventDay = storyEventDay(story.articles);
  const out: WinLoss[] = [];
  for (const a of story.articles) {
    const background = backgroundSentences(a.sentences, eventDay);
    for (const s of a.sentences) {
      const t = a.text.slice(s.span.start, s.span.end);
      if (!/\d-\d/.test(t) || background.get(s.index) === 'other-day' || anotherWeekday(t, eventDay)) continue;
      for (const e of s.entities) {
        if (e.type === 'PER' && !teamKeys(story).has(e.key)) continue;
        const read = recordAfter(s, e.span.start, e.span.end);
        if (read) out.push({ sent: s, slot: `standing|${e.key}`, person: e.key, name: a.text.slice(e.span.start, e.span.end), ...read });
      }
    }
  }
  return out;
}

/**
 * A weekday other than the story's event day named in the sentence ("the Tar Heels (14-1), who were
 * beaten at home on Sunday", in a round-up of another day's games): the record may be of that day.
 */
function anotherWeekday(t: string, eventDay: string | undefined): boolean {
  return !!eventDay && [...t.matchAll(WEEKDAYS)].some((m) => m[0] !== eventDay);
}
const WEEKDAYS = new RegExp(`\\b(?:${WEEKDAY_PATTERN})\\b`, 'g');

/** The record right after a team's name ending at `end`, or null (a part of the season, another season's team, none). */
function recordAfter(s: Sent, start: number, end: number): Pick<WinLoss, 'value' | 'span'> | null {
  const text = s.art.text;
  if (OTHER_SEASON_BEFORE.test(text.slice(Math.max(s.span.start, start - 24), start))) return null;
  const rest = text.slice(end, Math.min(s.span.end, end + 60));
  for (const re of AFTER_TEAM) {
    const m = re.exec(rest);
    if (!m) continue;
    const tail = text.slice(end + m[0].length, s.span.end);
    // (in parentheses, what follows the first pair is its own: "(10-5, 4-4 away)")
    if (re !== AFTER_TEAM[0] && !WHOLE_AFTER.test(tail)) return null;
    const from = end + m.index + m[0].indexOf(`${m[1]}-${m[2]}`);
    const value = [m[1], m[2], m[3]].filter(Boolean).join('-');
    return { value, span: { start: from, end: from + value.length } };
  }
  return null;
}

/** Conflicts over a team's record, told differently by independent sources. */
export function standingConflicts(story: StoryView): Conflict[] {
  const rs = standingsOf(story).filter((r) => teamKeys(story).has(r.person));
  if (rs.length < 2) return [];
  byGame(rs);
  return conflictsBySlot(story, rs, MAX_DAYS);
}

/**
 * A record is as of the game its article reports, and a story may hold reports of two games (one
 * team's win this season and a like win a season before, grouped as one story). Two articles report
 * one game when they write a common score, records aside ("31-24" / "20-13": two games); records of
 * articles of two games are two slots. An article that writes no score joins the one game the
 * story's other records are of, else it stays on its own.
 */
function byGame(rs: WinLoss[]): void {
  const records = new Set(rs.map((r) => r.value.split('-').slice(0, 2).map(Number).sort((a, b) => b - a).join('-')));
  const games = rs.map((r) => new Set([...scoresOf(r.sent.art)].filter((x) => !records.has(x))));
  const group = linkedGroups(rs.length, (i, j) => rs[i].sent.art === rs[j].sent.art || [...games[i]].some((x) => games[j].has(x)));
  const roots = new Set(group.filter((r) => games[r].size || rs.some((_, i) => group[i] === r && games[i].size)));
  rs.forEach((r, i) => {
    const root = group[i];
    const game = roots.has(root) ? root : roots.size === 1 ? [...roots][0] : root;
    r.slot = `${r.slot}|game${game}`;
  });
}

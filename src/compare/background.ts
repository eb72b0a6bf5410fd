/**
 * Where a sentence stands in its article: in the lead (the first sentences that read as prose, where
 * the event is told) or in the background (another day's event, or the past's: "killed more than
 * 26,000 people in Bam in December 2003"). Figures, days, clock times and places of a background
 * sentence are another event's, so the slot readers ask here before they compare them; and the
 * story's own weekday (the one most leads name) decides which day is "another".
 */
import { MONTH_NAME_PATTERN, WEEKDAY_PATTERN } from '../text/calendar.js';
import type { Sent } from './prepare.js';

/** How a sentence relates to the article's event: its own, another day's, or the past's. */
export type Background = 'none' | 'other-day' | 'past';

const LEAD_SENTENCES = 4;
/** Shorter lines (menus, bylines, captions, datelines left in a body) are not the lead. */
const LEAD_MIN_WORDS = 8;
const LEADS = new WeakMap<Sent['art'], Set<number>>();

/** Whether `s` is one of the first sentences of its article that read as prose: where the event is told. */
export function inLead(s: Sent): boolean {
  let lead = LEADS.get(s.art);
  if (!lead) {
    lead = new Set(s.art.sentences.filter((x) => x.tokens.length >= LEAD_MIN_WORDS).slice(0, LEAD_SENTENCES).map((x) => x.index));
    LEADS.set(s.art, lead);
  }
  return lead.has(s.index);
}

/**
 * Marks of the past. "previous" marks one only when it points to one earlier event or time ("the
 * previous quake", "a previous attack", "the previous day"): a bare plural ("whom he knew from
 * previous altercations", "previous convictions") describes someone's history, not what the
 * sentence reports.
 */
export const PAST_MARK =
  /\b(?:ago|previously|(?:the|a|an|its|his|her|their) previous|previous (?:day|night|week|month|year|decade|weekend|morning|evening|afternoon)|earlier this (?:year|month)|last (?:year|month|decade|century)|in the past|(?:years?|months?|decades?) (?:after|before|earlier)|(?:1[89]|20)\d\d)\b/i;
const WEEKDAY = new RegExp(`\\b(?:${WEEKDAY_PATTERN})\\b`);
const MONTH = new RegExp(`\\b(?:${MONTH_NAME_PATTERN})\\b`);
/** A mark of the past or a month name, every one in a text (`matchAll` reads a copy; newPastMark resets what it reads). */
const PAST_OR_MONTH = new RegExp(`${PAST_MARK.source}|${MONTH.source}`, 'gi');
/** Per article (its sentences) and event day: the background, read once (slots, dates and clock times ask for it). */
const BACKGROUND = new WeakMap<Sent[], Map<string | undefined, Map<number, Background>>>();

/**
 * Sentences of an article about something other than the reported event: a year, a month or a
 * marker of the past ("ago", "previous", "last year") that the article's lead does not share, and a
 * sentence that goes on from one with a pronoun ("It killed 612 people"). Their figures are
 * background (an earlier quake's toll), not the event's.
 */
export function backgroundSentences(sents: Sent[], eventDay?: string): ReadonlyMap<number, Background> {
  let byDay = BACKGROUND.get(sents);
  if (!byDay) BACKGROUND.set(sents, (byDay = new Map()));
  let out = byDay.get(eventDay);
  if (!out) byDay.set(eventDay, (out = readBackground(sents, eventDay)));
  return out;
}

function readBackground(sents: Sent[], eventDay?: string): Map<number, Background> {
  const out = new Map<number, Background>();
  if (!sents.length) return out;
  const text = sents[0].art.text;
  const lead = leadText(sents);
  const leadDay = WEEKDAY.exec(lead)?.[0];
  const leadMarks = new Set([...lead.matchAll(PAST_OR_MONTH)].map((m) => m[0].toLowerCase()));
  sents.forEach((s, i) => {
    if (i < 2) return;
    const t = text.slice(s.span.start, s.span.end);
    if (newPastMark(s, t, leadMarks)) out.set(i, 'past');
    // another day than the lead's ("On Saturday, a dozen people were killed by a quake in China")
    // (an article whose lead tells a later day, "rescuers handed out tents Monday", goes back to the
    // story's own day: "the quake that struck on Sunday" is not another day's)
    else if (leadDay && otherDay(WEEKDAY.exec(t)?.[0], leadDay, eventDay)) out.set(i, 'other-day');
    else if (out.get(i - 1) === 'past' && /^\W*(?:It|That|This|They|The (?:quake|earthquake|attack|disaster|blast|storm|fire))\b/.test(t)) out.set(i, 'past');
  });
  return out;
}

const otherDay = (day: string | undefined, leadDay: string, eventDay: string | undefined) => !!day && day !== leadDay && day !== eventDay;

/**
 * Whether the sentence (its text `t`) writes a mark of the past or a month its article's lead does
 * not ("on Tuesday, December 9, 2008": a date that names its weekday is recent, since outlets name
 * the weekday of days within a week of writing, so its month and year mark no past event). Read
 * mark by mark up to the first new one (PAST_OR_MONTH's own state, reset before the return: no
 * copy of the pattern per sentence).
 */
function newPastMark(s: Sent, t: string, leadMarks: Set<string>): boolean {
  let recent: { start: number; end: number }[] | null = null;
  PAST_OR_MONTH.lastIndex = 0;
  for (let m = PAST_OR_MONTH.exec(t); m; m = PAST_OR_MONTH.exec(t)) {
    const at = s.span.start + m.index;
    recent ??= s.times.filter((x) => WEEKDAY.test(x.text)).map((x) => x.span);
    if (recent.some((r) => r.start <= at && at < r.end) || leadMarks.has(m[0].toLowerCase())) continue;
    PAST_OR_MONTH.lastIndex = 0;
    return true;
  }
  return false;
}

/** The first two sentences of an article: where its own event is dated. */
function leadText(sents: Sent[]): string {
  return sents
    .slice(0, 2)
    .map((s) => s.art.text.slice(s.span.start, s.span.end))
    .join(' ');
}

/**
 * The weekday of the story's event: the weekday the leads of most independent sources name (more
 * than half of those that name one), or undefined.
 */
export function storyEventDay(articles: { sentences: Sent[]; group: string }[]): string | undefined {
  const dayOfGroup = new Map<string, string | undefined>();
  for (const a of articles) {
    const day = WEEKDAY.exec(leadText(a.sentences))?.[0];
    if (day && !dayOfGroup.has(a.group)) dayOfGroup.set(a.group, day);
  }
  const counts = new Map<string, number>();
  for (const d of dayOfGroup.values()) if (d) counts.set(d, (counts.get(d) ?? 0) + 1);
  const best = [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0];
  return best && best[1] * 2 > dayOfGroup.size ? best[0] : undefined;
}

/**
 * A magnitude told by an article whose own lead dates its quake on another day than the story's
 * ("the quake on Tuesday was the second in two days"), in a sentence that does not name
 * the story's day: another shock's magnitude, not a disagreement about the story's quake.
 */
export function anotherDaysShock(s: Sent, eventDay: string | undefined): boolean {
  if (!eventDay) return false;
  const ownDay = s.art.sentences
    .filter(inLead)
    .map((x) => WEEKDAY.exec(s.art.text.slice(x.span.start, x.span.end))?.[0])
    .find(Boolean);
  return !!ownDay && ownDay !== eventDay && !s.art.text.slice(s.span.start, s.span.end).includes(eventDay);
}

/**
 * Date conflicts: the same act told on different days. Slot = kind of act (statement, meeting,
 * arrival, attack ...) + its actors, or a dated act of a named person, or the story's own event;
 * a weekday or calendar date near the act's verb is its value. Conflicts of figures: conflicts.ts.
 */
import { actKindOf } from './acts.js';
import { actOfTime, actSlots, type DatedAct, type Repetition, samePerson, anaphorStart, datedActs, participantKey, pronounAntecedent, recurringDay, referredWords } from './dated-acts.js';
import { actClass, datedActClass, newsActKind } from './act-classes.js';
import { MONTH_NAME_PATTERN, MONTH_PATTERN, WEEKDAY_PATTERN, weekdayName } from '../text/calendar.js';
import { type Alignment, statesOneFact as oneFact } from './facts.js';
import { type ArticleView, type EntityRef, evidence, isParty, type ResolvedTime, type Sent, type StoryView, sentText } from './prepare.js';
import { apart, articleOnTwoSides, capPerSlot, MAX_PER_SLOT, namesOthers, peopleOf, placesOf, shares, sidesByFirst } from './sides.js';
import { placesOfAct } from './act-places.js';
import { backgroundSentences, inLead, storyEventDay } from './background.js';
import { parseOf, spanTokens } from './syntax.js';
import { clean, cmp } from './text.js';
import { indexUnion, linkedGroups } from '../util/union-find.js';
import type { Conflict, ConflictSide, Evidence } from './types.js';
import { argumentEvents, datesEvent, eventOfNoun, namesEvent, storyEvent, verbsOfEventNoun } from './story-event.js';

interface DMention {
  sent: Sent;
  t: ResolvedTime;
  act: string;
  actors: ReadonlySet<string>;
  /** Actors named before the act's verb. */
  subjects: ReadonlySet<string>;
  /** Comparable value: ISO date, or weekday name when unresolved. */
  value: string;
  weekday: string | null;
  /** Whom the act is done to, by the parse (participant keys); undefined without a parse. */
  patients?: Set<string>;
  /** The head lemma of the act's object, by the parse (dated-acts.ts). */
  object?: string;
  /** The head of its (or its object's) prepositional complement ("pleaded guilty to obstruction"; dated-acts.ts). */
  complement?: string;
  /** A day with its year written, in a sentence about the past ("On June 27, 1973, he pleaded guilty"): held to one fact as a year is. */
  pastDay?: boolean;
  /** The token index of the act's verb, by the parse (dated-acts.ts). */
  verb?: number;
  /** Its participants named with a first name (dated-acts.ts givenNameKey: "roe|jn"). */
  named?: ReadonlySet<string>;
  /** Told as done again or as the first of several (dated-acts.ts repetitionOf): compared only with mentions told alike. */
  repeat?: Repetition;
}

/** What a dated item says happened: the act its time dates (actAt) and who acts (actorKeys). */
export interface ActReading {
  act: { cls: string; at: number } | null;
  actors: ReadonlySet<string>;
}
/**
 * Per time expression (each belongs to one sentence, so this is per sentence and time), read once:
 * the lead's date check and the timeline ask for the same items' acts and actors (the parse's act
 * itself is kept by dated-acts.ts actOfTime, which actDateConflicts reads too).
 */
const READINGS = new WeakMap<ResolvedTime, ActReading>();
export function actReading(s: Sent, t: ResolvedTime): ActReading {
  let r = READINGS.get(t);
  if (!r) {
    r = { act: actAt(s, t), actors: actorKeys(s, t) };
    READINGS.set(t, r);
  }
  return r;
}

/**
 * The kind of act dated by `t` and where its verb is: the nearest act word within 6 words, of the
 * kind of the verb the parse says the date modifies. A date the parse gives to a verb of no kind
 * dates no act of one ("tweaked his knee last Thursday, the coach said": not the saying).
 */
export function actAt(s: Sent, t: ResolvedTime): { cls: string; at: number } | null {
  const parsed = actOfTime(s, t);
  const kind = parsed ? newsActKind(parsed.lemma, !!parsed.byNoun, parsed.commonObject) : undefined;
  if (kind === null) return null;
  let best: { cls: string; d: number; at: number } | null = null;
  const idx = s.tokens.findIndex((tk) => tk.start >= t.span.start);
  const endIdx = s.tokens.findIndex((tk) => tk.start >= t.span.end);
  const first = idx < 0 ? s.tokens.length : idx;
  const last = endIdx < 0 ? s.tokens.length : endIdx;
  for (let i = Math.max(0, first - 6); i < Math.min(s.tokens.length, last + 8); i++) {
    if (i >= first && i < last) continue;
    const cls = actKindOf(s, s.tokens[i]);
    const d = i < first ? first - i : i - last + 1;
    if (cls && (kind === undefined || cls === kind) && (!best || d < best.d)) best = { cls, d, at: s.tokens[i].start };
  }
  return best ? { cls: best.cls, at: best.at } : null;
}

export function dateConflicts(story: StoryView, al: Alignment): Conflict[] {
  const mentions: DMention[] = [];
  // the day of the event is told in the lead; later dates are mostly of other acts (reactions, earlier events)
  for (const s of story.sentences.filter(inLead))
    for (const t of s.times) {
      if (t.kind !== 'weekday' && t.kind !== 'date' && t.kind !== 'datetime') continue;
      if (t.resolved && t.resolved.length < 10 && t.kind !== 'weekday') continue;
      // "on the second Tuesday of each month": a schedule, not the day of one act
      if (recurringDay(s, t)) continue;
      if (otherZone(s, t)) continue;
      const { act: found, actors } = actReading(s, t);
      if (!found || datesItsNoun(s, t, found.at)) continue;
      const act = found.cls;
      if (act === 'statement' && toldToday(s, t)) continue;
      if (!actors.size) continue;
      // who does it: the actors named before the verb (all of them for passives and inversions)
      const before = new Set(s.entities.filter((e) => actors.has(e.key) && e.span.end <= found.at).map((e) => e.key));
      const subjects = before.size ? before : actors;
      const day = dayOf(t);
      if (!day) continue;
      // the parse, when there is one, says whether the dated verb states a fact and whom it is done to
      const parsed = actOfTime(s, t);
      if (parsed && !parsed.fact) continue;
      mentions.push({ sent: s, t, act, actors, subjects, ...day, patients: parsed?.patients, repeat: parsed?.repeat, verb: parsed?.verb });
    }
  mentions.sort((a, b) => cmp(a.act, b.act) || cmp(a.sent.id, b.sent.id) || a.t.span.start - b.t.span.start);
  capPerSlot(mentions, (m) => m.act);
  const comparable = (a: DMention, b: DMention): boolean => {
    if (a.act !== b.act || a.sent.id === b.sent.id) return false;
    // "Trump said Tuesday Clinton …" and "Clinton said Wednesday Trump …" are two acts
    if (![...a.subjects].some((x) => b.subjects.has(x))) return false;
    // "signed Jane Roe on Tuesday" and "signed John Doe on Wednesday": one signer, two acts
    if (a.patients?.size && b.patients?.size && ![...a.patients].some((x) => b.patients!.has(x))) return false;
    // "met again on Monday" and "met on Wednesday": a second meeting, not the first told on another day
    if (a.repeat !== b.repeat) return false;
    // two statements each told on its own article's day of publication: two announcements (toldToday's second check)
    if (a.act === 'statement' && a.value !== b.value && toldOnDayOfWriting(a) && toldOnDayOfWriting(b)) return false;
    // (two places of the act: two happenings of the kind, as splitByPlace reads the parse's slots)
    if (apart(actPlaces(a), actPlaces(b))) return false;
    const sameFact = al.clusterOf.has(a.sent.id) && al.clusterOf.get(a.sent.id) === al.clusterOf.get(b.sent.id);
    if (sameFact) return true;
    if (a.sent.art.id === b.sent.art.id) return false; // one article's two dates for one kind of act: usually two acts
    // People act on several days: the same act needs related wording, less of it for a joint act
    // of two or more named subjects ("Roe and Doe signed …"), which is distinctive.
    let sharedSubjects = 0;
    for (const x of a.subjects) if (b.subjects.has(x)) sharedSubjects++;
    const sim = al.sim(a.sent, b.sent);
    return sim >= 0.25 || (sharedSubjects >= 2 && sim >= 0.12);
  };
  const { find, union } = indexUnion(mentions.length);
  for (let i = 0; i < mentions.length; i++)
    for (let j = i + 1; j < mentions.length && mentions[j].act === mentions[i].act; j++) if (comparable(mentions[i], mentions[j])) union(i, j);
  const groups = new Map<number, DMention[]>();
  mentions.forEach((m, i) => {
    const r = find(i);
    if (!groups.has(r)) groups.set(r, []);
    groups.get(r)!.push(m);
  });
  const out: Conflict[] = [];
  for (const ms of groups.values()) {
    const c = dateConflict(story, ms, `the ${ms[0].act}`);
    if (c) out.push(c);
  }
  return out;
}

/**
 * "gained six seats in Tuesday's election, officials said on Wednesday": a day in the possessive
 * dates the noun it qualifies, not a verb near it; an act word found elsewhere in the sentence (the
 * officials' saying) is not dated by it.
 */
function datesItsNoun(s: Sent, t: ResolvedTime, actAtOffset: number): boolean {
  if (!/['’]s$/.test(t.text)) return false;
  const next = s.tokens.find((tk) => tk.start >= t.span.end);
  return !next || next.start !== actAtOffset;
}

/** The conflict among dated mentions of one act, or null when they agree. `what` names the act ("the signing"). */
function dateConflict(story: StoryView, all: DMention[], what: string): Conflict | null {
  const ms = all.filter((m) => !guessedDay(m) && !twoWayDay(m));
  if (ms.length < 2) return null;
  const sides = sidesByFirst(ms, sameDay);
  if (sides.length < 2) return null;
  sides.sort((a, b) => cmp(a[0].value, b[0].value));
  const common = [...ms[0].actors].filter((x) => ms.every((m) => m.actors.has(x) || ms.some((o) => o !== m && o.actors.has(x))));
  const actorNames = displayActors(ms, common);
  const pairs: Conflict['pairs'] = [];
  for (let a = 0; a < sides.length; a++) for (let b = a + 1; b < sides.length; b++) pairs.push({ a, b, severity: 'conflict' });
  const withinArticle = articleOnTwoSides(sides);
  const values = sides.map((x) => dateDisplay(x[0]));
  return {
    id: '',
    kind: 'date',
    slot: `date of ${what}${actorNames ? ` by ${actorNames}` : ''}`,
    severity: 'conflict',
    withinArticle,
    sides: sides.map((x) => dateSide(story, x)),
    pairs,
    note: `${values.join(' vs ')}: different days for the same ${what.replace(/^the /, '')}`,
    factIds: [],
  };
}

/**
 * A statement dated on the day its article was published ("Seacom announced on Tuesday", in Tuesday's
 * article): the article's own news of that day. Two articles published on two days that each date the
 * statement on their own day report two statements (a progress report, an update), not one
 * statement told on two days, whatever words date it ("today", a weekday, a date: toldToday reads the
 * word, this the day; a second check, issue 15).
 */
function toldOnDayOfWriting(m: DMention): boolean {
  return !m.t.resolvedInferred && !!m.sent.art.published && m.value === m.sent.art.published;
}

/**
 * "announced today (3 March 2019)": a statement dated by the article's own "today" is dated by
 * when the article was written. Two articles written on different days that each report a
 * statement "today" report two statements (or one repeated), not a disagreement over one day.
 */
function toldToday(s: Sent, t: ResolvedTime): boolean {
  const before = s.art.text.slice(Math.max(s.span.start, t.span.start - 12), t.span.start);
  return /\btoday\b/i.test(t.text) || /\btoday\s*[(,]?\s*$/i.test(before);
}

/**
 * "passed away at 6:41pm PST this evening (0241 GMT Friday)": a day in parentheses with a time zone
 * of the world's clock (GMT, UTC) restates the local time before it in that zone, where it may be
 * the next day; it is not the day the article gives the act (as "600 metres (2,000 feet)" repeats
 * a figure).
 */
function otherZone(s: Sent, t: ResolvedTime): boolean {
  const text = s.art.text;
  const open = text.lastIndexOf('(', t.span.start);
  const close = text.indexOf(')', t.span.end);
  if (open < s.span.start || close < 0 || close > s.span.end || text.slice(open, t.span.start).includes(')')) return false;
  return /\b(?:GMT|UTC)\b/.test(text.slice(open, close));
}

const NAMED_DAY = new RegExp(`\\d|\\b(?:${WEEKDAY_PATTERN}|${MONTH_NAME_PATTERN})\\b`, 'i');
/**
 * "midnight yesterday" in an undated article: its day is the story's date guessed for the article
 * (resolvedInferred), and the words name no day of their own. It cannot oppose a day another
 * article names: the article may have been written on another day than the story's.
 */
function guessedDay(m: DMention): boolean {
  return m.t.resolvedInferred && !NAMED_DAY.test(dayWords(m));
}
const MONTH_THEN_NUMBER = new RegExp(`^(?:${MONTH_PATTERN})\\.? \\d{1,2}$`);
const DAY_NUMBER_BEFORE = /(?<![\d.,:])\b(?:[1-9]|[12]\d|3[01])\s+$/;
/**
 * "on 10 Nov 11": a month between two numbers with no year written reads as day, month and a
 * two-digit year (10 November 2011) or as a number and a month's day (November 11), and the time
 * reader takes the second. Neither reading can oppose a day another sentence writes.
 */
function twoWayDay(m: DMention): boolean {
  const text = m.sent.art.text;
  return MONTH_THEN_NUMBER.test(m.t.text) && DAY_NUMBER_BEFORE.test(text.slice(Math.max(0, m.t.span.start - 4), m.t.span.start));
}
/** The words that write a mention's day ("four days earlier": those of the day it counts from, dated-acts.ts referredWords). */
const dayWords = (m: DMention) => referredWords(m.t, m.sent.art.text);

/** Two dated mentions say the same day: equal values, or equal weekdays when one is only a weekday. */
function sameDay(a: DMention, b: DMention): boolean {
  if (a.value === b.value) return true;
  if (a.t.resolvedInferred || b.t.resolvedInferred) return sameAsWritten(a, b);
  if (COARSE.test(a.value) || COARSE.test(b.value)) return sameAtCoarserGrain(a.value, b.value);
  // "Thursday" in two articles is one day, whatever week each article's own date resolves it to
  const written = (m: DMention) => !!m.weekday && new RegExp(m.weekday, 'i').test(m.t.text);
  if (written(a) && written(b)) return a.weekday === b.weekday;
  if (a.weekday && b.weekday && (a.value.length < 10 || b.value.length < 10)) return a.weekday === b.weekday;
  return false;
}

const MONTH_IN_TEXT = new RegExp(`\\b(?:${MONTH_PATTERN})(?![a-z])|\\d{1,2}/\\d{1,2}`);
/**
 * A day of an undated article is resolved against the story's date, a guess (resolvedInferred):
 * "Tuesday" there is a Tuesday near the story's date, which a grouping error or a late article can
 * move by weeks. Such a day is compared only on what both mentions write: their weekdays when both
 * write one or give a full date ("Tuesday" / "on Jan. 6", a Tuesday), their months and days when
 * both write them; a weekday against a month and day that writes none ("Thursday" / "December 2")
 * says nothing either way.
 */
function sameAsWritten(a: DMention, b: DMention): boolean {
  // against a year or a month ("the leading rusher in 2009" / "on Wednesday"), the guessed day's year and month only as written
  if (COARSE.test(a.value) || COARSE.test(b.value)) return sameAtCoarserGrain(writtenPart(a), writtenPart(b));
  const hasWeekday = (m: DMention) => !!m.weekday && (WEEKDAY_IN_TEXT.test(dayWords(m)) || !m.t.resolvedInferred);
  if (hasWeekday(a) && hasWeekday(b)) return a.weekday === b.weekday;
  const monthDay = (m: DMention) => (MONTH_IN_TEXT.test(dayWords(m)) && m.value.length >= 10 ? m.value.slice(5, 10) : null);
  const [ma, mb] = [monthDay(a), monthDay(b)];
  return !ma || !mb || ma === mb;
}

/** A mention's value with what a guessed (resolvedInferred) day's words do not write as "?": "Wednesday" is "????-??-??". */
function writtenPart(m: DMention): string {
  if (!m.t.resolvedInferred || COARSE.test(m.value) || m.value.length < 10) return m.value;
  const year = /\b\d{4}\b/.test(dayWords(m)) ? m.value.slice(0, 4) : '????';
  return MONTH_IN_TEXT.test(dayWords(m)) ? `${year}${m.value.slice(4, 10)}` : `${year}-??-??`;
}

/** A year or a month ("2009", "2009-03"), its year "????" when the words do not write it ("in March"). */
const COARSE = /^(?:\d{4}|\?{4})(?:-\d\d)?$/;

/**
 * "in 2009" against "on May 2, 2009", "in March" against "in April 2009": a year or a month is
 * compared at the coarser grain of the two, and only on what both write (a month with no year
 * written has the year of the article's date, which the words do not state). A weekday alone
 * (unresolved) says nothing of the year or the month.
 */
function sameAtCoarserGrain(a: string, b: string): boolean {
  if (!/^[\d?]{4}/.test(a) || !/^[\d?]{4}/.test(b)) return true;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== '?' && b[i] !== '?' && a[i] !== b[i]) return false;
  return true;
}

/** The comparable value of a year or a month (COARSE), or null when `t` is neither or is unresolved. */
function coarseDate(t: ResolvedTime): string | null {
  if (t.kind !== 'year' && t.kind !== 'month') return null;
  // "in December" in a story with no date: the month its words name, with no year
  const named = /(?:^|;)monthname:(\d\d)\b/.exec(t.anchor ?? '');
  if (!t.resolved && named && t.kind === 'month' && !/\b\d{4}\b/.test(t.text)) return `????-${named[1]}`;
  if (!t.resolved || !/^\d{4}(?:-\d\d)?$/.test(t.resolved)) return null;
  // ("that same year": a year named before it, dated-acts.ts anaphoricYears)
  return /\b\d{4}\b/.test(t.text) || anaphorStart(t) !== null ? t.resolved : `????${t.resolved.slice(4)}`;
}

const WEEKDAY_IN_TEXT = new RegExp(`(?:${WEEKDAY_PATTERN})`, 'i');
/** The weekday and comparable value of a time: its written weekday, else the resolved day's; a year or a month as COARSE. */
export function dayOf(t: ResolvedTime): { value: string; weekday: string | null } | null {
  const coarse = coarseDate(t);
  if (coarse) return { value: coarse, weekday: null };
  const wdText = WEEKDAY_IN_TEXT.exec(t.text)?.[0]?.toLowerCase() ?? null;
  const weekday = wdText ? wdText[0].toUpperCase() + wdText.slice(1) : t.resolved && t.resolved.length >= 10 ? weekdayName(t.resolved) : null;
  const value = t.resolved && t.resolved.length >= 10 ? t.resolved.slice(0, 10) : weekday;
  return value ? { value, weekday } : null;
}

/**
 * Every dated act of the story's sentences that may date an act of the article's own events, as a
 * mention, with its parse (`act`) and whether it is a day of the lead (`lead`: no year or month, not
 * a day with its year in a sentence about the past, not a possessive day, "for Sunday's game").
 */
function actMentions(story: StoryView, eventDay: string | undefined): { m: DMention; act: DatedAct; lead: boolean }[] {
  const out: { m: DMention; act: DatedAct; lead: boolean }[] = [];
  for (const a of story.articles) {
    const background = backgroundSentences(a.sentences, eventDay);
    for (const s of a.sentences) {
      const past = background.get(s.index) === 'past';
      for (const act of datedActs(s, inLead(s))) {
        // a sentence about the past tells other acts, except the one its own year or month dates (held to one fact below)
        const coarse = coarseDate(act.t) !== null;
        // (a day whose year is written dates its act in the past as its year does: "On June 27, 1973, he pleaded guilty")
        const pastDay = past && !coarse && /\b\d{4}\b/.test(referredWords(act.t, s.art.text)) && (act.t.resolved?.length ?? 0) >= 10;
        if (past && !coarse && !pastDay) continue;
        if ((coarse || pastDay) && !(act.agents.size || act.patients.size)) continue;
        if ((coarse || pastDay) && datesAnApposition(s, act.t)) continue;
        if (newsActKind(act.lemma, false) === 'statement' && toldToday(s, act.t)) continue;
        if (otherZone(s, act.t)) continue;
        // an event named by a common noun is the article's own event in its lead only ("a fire broke out on Monday" later is another fire)
        if (act.byNoun && !inLead(s)) continue;
        const day = dayOf(act.t);
        if (!day) continue;
        const actors = new Set([...act.agents, ...act.patients]);
        const m: DMention = { sent: s, t: act.t, act: act.lemma, actors, subjects: act.patients.size ? act.patients : act.agents, object: act.object, complement: act.complement, pastDay, verb: act.verb, named: act.named, ...day };
        // ("for Sunday's game": a day in the possessive dates its noun, whatever verb the parse gives it)
        out.push({ m, act, lead: inLead(s) && !coarse && !pastDay && !/['’]s$/.test(act.t.text) });
      }
    }
  }
  return out;
}

/**
 * Conflicts over the day of one act read from the parse (see dated-acts.ts): the same act lemma
 * with the same participant in the same role, in sentences about the article's own events, told
 * by two independent sources with two days. A set of mentions already disputed by the lead's
 * date check is not repeated.
 */
export function actDateConflicts(story: StoryView, already: Conflict[], al: Alignment): Conflict[] {
  const bySlot = new Map<string, DMention[]>();
  const anonymous: DMention[] = [];
  const leadActs: DMention[] = [];
  const eventDay = storyEventDay(story.articles);
  const toldAgain = new Set<string>();
  for (const { m, act, lead } of actMentions(story, eventDay)) {
    if (lead) leadActs.push(m);
    // an event named by its noun only ("a fire broke out"): any fire of the story has that participant, so it is one act only as
    // an anonymous one is, between sentences that state one fact
    if (!m.actors.size || [...m.actors].every((k) => k.startsWith('N:'))) {
      anonymous.push(m);
      continue;
    }
    for (const k of actSlots(act)) {
      if (!bySlot.has(k)) bySlot.set(k, []);
      bySlot.get(k)!.push(m);
      // ("She won the prize again in 1964": the act was done more than once, as doneTwice reads it)
      if (act.repeat) toldAgain.add(k.slice(0, k.lastIndexOf('|')));
    }
  }
  splitByPlace(bySlot);
  splitByPerson(bySlot);
  splitByPeopleNamed(bySlot);
  for (const [k, ms] of anonymousActs(anonymous, al)) bySlot.set(k, ms);
  for (const [k, ms] of oneFactInLeads(leadActs, al)) bySlot.set(k, ms);
  splitByObject(bySlot);
  // (a date of the event an anonymous act's slot compares too is reported once: the story's event goes first, below)
  for (const [k, ms] of storyEventSlots(story, eventDay, al)) bySlot.set(k, ms);
  const repeated = (k: string) => [...toldAgain].some((b) => k === b || k.startsWith(`${b}|`));
  for (const [k, ms] of bySlot) if (doneTwice(ms) || repeated(k)) bySlot.set(k, ms.filter((m) => !COARSE.test(m.value) && !m.pastDay));
  for (const [k, ms] of bySlot) bySlot.set(k, ms.filter((m) => (!COARSE.test(m.value) && !m.pastDay) || ms.some((o) => pastActPair(m, o) && (statesOneFact(m, o, al) || oneLifeAct(k, m, o)))));
  const seen = new Set(already.flatMap((c) => c.sides.flatMap((x) => x.evidence.map((e) => `${e.articleId}:${e.span?.start ?? e.sentence.start}`))));
  const out: Conflict[] = [];
  // the story's event first: a conflict of one of its verbs is part of it
  const first = (k: string) => (k.startsWith(STORY_EVENT) ? 0 : 1);
  for (const k of [...bySlot.keys()].sort((a, b) => first(a) - first(b) || cmp(a, b))) {
    const ms = bySlot.get(k)!;
    if (story.independent(ms.map((m) => m.sent.art.id)) < 2) continue;
    const c = dateConflict(story, ms, k.startsWith(STORY_EVENT) ? `the ${ms[0].act}` : `the act "${ms[0].act}"`);
    if (!c) continue;
    const keys = c.sides.flatMap((x) => x.evidence.map((e) => `${e.articleId}:${e.span?.start ?? e.sentence.start}`));
    if (keys.every((x) => seen.has(x))) continue;
    keys.forEach((x) => seen.add(x));
    out.push(c);
  }
  return out;
}

const STORY_EVENT = 'story-event|';
/** The slots of leads joined by the fact they state (oneFactInLeads). */
const LEAD_FACT = 'lead-fact|';
/** Times that name a day: a weekday, a date, a day counted from the writing ("yesterday"). */
const dayTime = (t: ResolvedTime) => t.kind === 'weekday' || t.kind === 'date' || t.kind === 'datetime' || (t.kind === 'relative' && /^day:/.test(t.anchor ?? ''));

/**
 * The story's own event (story-event.ts) dated in the leads, whatever verb each outlet tells it by
 * and whether it names anyone ("the quake struck on Sunday", "Sunday's earthquake", "the island was
 * hit by a temblor on Monday"): one slot. Not in a sentence about the past, not a verb that states
 * no fact. An article whose lead gives the event two days (in its dates of it, or in two sentences
 * that name it) tells two events of its kind ("Monday's earthquake was the second one ... Earlier on
 * Sunday a quake jolted the island"): its dates stand for neither.
 */
function storyEventMentions(story: StoryView, eventDay: string | undefined): DMention[] {
  const ev = storyEvent(story);
  if (!ev) return [];
  const out: DMention[] = [];
  for (const a of story.articles) {
    const background = backgroundSentences(a.sentences, eventDay);
    const own: DMention[] = [];
    // the days the lead gives in sentences that name the event, however the parse dates them
    const near: string[] = [];
    for (const s of a.sentences) {
      if (!inLead(s) || background.get(s.index) === 'past') continue;
      if (namesEvent(s, ev)) for (const t of s.times) if (dayTime(t) && !t.resolvedInferred && t.resolved && t.resolved.length >= 10) near.push(t.resolved.slice(0, 10));
      for (const t of s.times) {
        if (!dayTime(t) || recurringDay(s, t) || otherZone(s, t) || !datesEvent(s, t, ev)) continue;
        const act = actOfTime(s, t);
        if (act && (!act.fact || act.speech)) continue;
        const day = dayOf(t);
        if (!day || COARSE.test(day.value)) continue;
        const actors = new Set([...(act?.agents ?? []), ...(act?.patients ?? [])].filter((k) => !k.startsWith('N:')));
        // what a verb of the event acts on is part of it ("released a patch", "released a fix": two releases, as
        // splitByObject reads an act); what the event's noun strikes is a place ("a quake struck the province")
        const object = act?.object && !argumentEvents(s, t).has(ev) ? act.object : undefined;
        own.push({ sent: s, t, act: ev.replace(/\.\d+$/, '').replace(/_/g, ' '), actors, subjects: actors, object, ...day });
      }
    }
    const days = new Set([...near, ...own.filter((m) => m.value.length >= 10).map((m) => m.value)]);
    if (own.every((m) => own.every((o) => sameDay(m, o))) && days.size <= 1) out.push(...own);
  }
  // two dates of the event that name different people ("Rait died on Friday", "Buckley died on
  // Saturday"): the story's noun covers several happenings, none of them the one event
  const people = (m: DMention) => [...m.actors].filter((k) => k.startsWith('PER:'));
  if (out.some((m) => out.some((o) => people(m).length > 0 && people(o).length > 0 && !people(m).some((k) => people(o).includes(k))))) return [];
  // dates that both name the people are the act slots' to compare (actSlots, with their checks); here
  // they must agree, or one person's two acts of the kind are in the story ("checked into one clinic
  // on Thursday, May 2", "into another on Thursday, May 9")
  // two leads that name places and share none tell two happenings of the kind (a quake in one
  // province, a quake in another)
  if (out.some((m) => out.some((o) => placesApart(m.sent.art, o.sent.art)))) return [];
  const named = out.filter((m) => people(m).length > 0);
  if (named.some((m) => named.some((o) => !sameDay(m, o)))) return [];
  return story.independent(out.map((m) => m.sent.art.id)) >= 2 ? out : [];
}

/**
 * The story's event dated in the leads (storyEventMentions), one slot per group of dates (single
 * link) that show they tell one happening: their sentences state one fact, or name one place, or
 * one participant. A noun of the event and a verb are what every happening of its kind shares ("the
 * fire broke out on Friday" in one town, "a large fire broke out this morning" in another): a date
 * with no such link to another article's is compared with none. A verb of the event with two
 * objects tells two acts (splitByObject).
 */
function storyEventSlots(story: StoryView, eventDay: string | undefined, al: Alignment): Map<string, DMention[]> {
  const ms = storyEventMentions(story, eventDay).sort((a, b) => cmp(a.sent.id, b.sent.id) || a.t.span.start - b.t.span.start).slice(0, MAX_PER_SLOT);
  const out = new Map<string, DMention[]>();
  if (!ms.length) return out;
  const shared = (x: ReadonlySet<string>, y: ReadonlySet<string>) => [...x].some((k) => y.has(k));
  const linked = (a: DMention, b: DMention) =>
    a.sent.art.id !== b.sent.art.id && (shared(placesOf(a.sent), placesOf(b.sent)) || shared(a.actors, b.actors) || oneFact(al, a.sent, b.sent));
  const group = linkedGroups(ms.length, (i, j) => linked(ms[i], ms[j]));
  ms.forEach((m, i) => {
    if (!ms.some((o) => o !== m && linked(m, o))) return;
    const k = `${STORY_EVENT}${m.act}|${group[i]}`;
    (out.get(k) ?? out.set(k, []).get(k)!).push(m);
  });
  splitByObject(out);
  return out;
}

/**
 * "Lena Roe, the club's top scorer in 2009, was put on injured reserve": a year or a month inside
 * an apposition set off by commas right after a person's name (a noun before it, no finite verb in it)
 * dates the description, not the sentence's act. ("Lena Roe, in 2009, moved ...", with no noun
 * before the year, still dates the act.)
 */
function datesAnApposition(s: Sent, t: ResolvedTime): boolean {
  const text = s.art.text;
  const open = text.lastIndexOf(',', t.span.start);
  const close = text.indexOf(',', t.span.end);
  if (open < s.span.start || close < 0 || close >= s.span.end) return false;
  if (!s.entities.some((e) => e.type === 'PER' && e.span.end <= open && !text.slice(e.span.end, open).trim())) return false;
  const inside = (parseOf(s.art) ?? []).filter((tk) => tk.start > open && tk.end <= close);
  // (a participle describes: "the leading rusher in 2009"; a finite verb makes it a clause)
  return inside.some((tk) => tk.end <= t.span.start && tk.upos === 'NOUN') && !inside.some((tk) => tk.upos === 'AUX' || /^(?:VBD|VBZ|VBP|MD)$/.test(tk.xpos));
}

/**
 * "took a detour on Wednesday" and "took the stage on Monday": one verb with two objects tells two
 * acts (the more so for verbs whose meaning is in their object). A slot whose mentions name
 * different objects (the head lemma of each act's object, by the parse) is one slot per object;
 * mentions with no object join each of them, as they may tell either act.
 */
function splitByObject(bySlot: Map<string, DMention[]>): void {
  for (const [k, ms] of [...bySlot]) {
    const objects = [...new Set(ms.map((m) => m.object).filter((o): o is string => !!o))].sort(cmp);
    if (objects.length < 2) continue;
    // (leads joined by the fact they state, whatever verb each outlet chose: "intercepted three boats"
    // and "foiled an attack" name two objects because they are two verbs; there only one verb told
    // with two objects says two acts, see oneVerbTwoThings)
    if (k.startsWith(LEAD_FACT) && !oneVerbTwoThings(ms)) continue;
    bySlot.delete(k);
    for (const o of objects) bySlot.set(`${k}|object|${o}`, ms.filter((m) => !m.object || m.object === o));
  }
}

/**
 * Whether some verb (act lemma) of the mentions is told with two different objects of which one at
 * least names a thing ("robbed a bank" / "robbed a store"): two objects that both name happenings
 * (story-event.ts eventOfNoun, WordNet's event nouns: "foiled an attack" / "foiled a piracy
 * attempt") are the outlets' two words for the one happening their leads state.
 */
function oneVerbTwoThings(ms: DMention[]): boolean {
  const objects = new Map<string, Set<string>>();
  for (const m of ms) if (m.object) (objects.get(m.act) ?? objects.set(m.act, new Set()).get(m.act)!).add(m.object);
  return [...objects.values()].some((os) => os.size > 1 && [...os].some((o) => !eventOfNoun(o)));
}

/**
 * "Kessler met Doukas in Vienna on Wednesday" and "Kessler had met Doukas in Prague on Monday": one
 * act class with one participant at two places is two happenings (two meetings, two attacks by one
 * group), not one told on two days (as act-places.ts reads two days of one act as two acts). The
 * place is where the parse says the act happened (act-places.ts placesOfAct: the place phrases on
 * its verb), not any place its sentence names.
 */
function splitByPlace(bySlot: Map<string, DMention[]>): void {
  splitApart(bySlot, 'place', (m) => actPlaces(m).size > 0, (a, b) => shares(actPlaces(a), actPlaces(b)));
}

/**
 * "Jane Roe was arrested on Tuesday" and "her son Tom Roe was arrested on Monday": a participant is
 * keyed by surname (participantKey), so two people of one family share a slot; mentions that name
 * the slot's person with given names of which none sounds like the other's (dated-acts.ts
 * givenNameKey, samePerson: "Fred" and "Frederick" are one) are two people's acts.
 */
function splitByPerson(bySlot: Map<string, DMention[]>): void {
  const named = (m: DMention, k: string) => {
    const surname = /\|PER:([^|]+)/.exec(k)?.[1];
    return surname ? [...(m.named ?? [])].filter((x) => x.startsWith(`${surname}|`)) : [];
  };
  splitApart(bySlot, 'person', (m, k) => named(m, k).length > 0, (a, b, k) => named(a, k).some((x) => named(b, k).some((y) => samePerson(x, y))));
}

/**
 * "Hawks receiver Jane Roe was arrested on Jan. 6" and "John Doe, a guard for the Hawks, was
 * arrested on Sunday": a slot whose participant is no person
 * (a team, a company, a country) holds the acts of whoever belongs to it; mentions whose sentences
 * name people, none in common, are different people's acts (a mention that names no one joins each).
 */
function splitByPeopleNamed(bySlot: Map<string, DMention[]>): void {
  splitApart(bySlot, 'people', (m, k) => !/\|PER:/.test(k) && peopleOf(m.sent).size > 0, (a, b) => !namesOthers(a.sent, b.sent));
}

/**
 * One slot's mentions told of two happenings: those that give what tells them apart (`has`:
 * a place, a first name) fall into groups linked by `together` (single link); with two groups or
 * more, each group is a slot of its own, and a mention that gives none joins each, as it may tell
 * either happening.
 */
function splitApart(bySlot: Map<string, DMention[]>, tag: string, has: (m: DMention, slot: string) => boolean, together: (a: DMention, b: DMention, slot: string) => boolean): void {
  for (const [k, ms] of [...bySlot]) {
    const keyed = ms.filter((m) => has(m, k));
    if (keyed.length < 2) continue;
    const group = linkedGroups(keyed.length, (i, j) => together(keyed[i], keyed[j], k));
    const roots = [...new Set(group)].sort((a, b) => a - b);
    if (roots.length < 2) continue;
    bySlot.delete(k);
    const unkeyed = ms.filter((m) => !has(m, k));
    for (const r of roots) bySlot.set(`${k}|${tag}|${r}`, [...keyed.filter((_, i) => group[i] === r), ...unkeyed]);
  }
}

/** Where a mention's act happened by the parse (act-places.ts placesOfAct), read once per mention. */
const ACT_PLACES = new WeakMap<DMention, Set<string>>();
function actPlaces(m: DMention): Set<string> {
  let out = ACT_PLACES.get(m);
  if (!out) ACT_PLACES.set(m, (out = m.verb === undefined ? new Set() : placesOfAct(m.sent, m.verb)));
  return out;
}

/**
 * A year or a month dates one act of a person across the years ("released in 2006 and again in
 * 2008", "founded the chain in 1998" and "founded a club in 2001"): it is compared only with a
 * mention of another article that states the same fact (one fact cluster, or close wording) with
 * the same object, when both name one.
 */
function statesOneFact(m: DMention, o: DMention, al: Alignment): boolean {
  if (o === m || o.sent.art.id === m.sent.art.id) return false;
  if (m.object && o.object && m.object !== o.object) return false;
  return oneFact(al, m.sent, o.sent);
}

/**
 * Two mentions of one slot dated by a year, a month or a day in the past may date one act when
 * they are of two articles, neither year is a bound ("after 1957", "by 1958", "until 1963"),
 * which another year need not contradict, and neither sentence writes two years (a chronology:
 * "released in late 2008 after serving time on a 2006 conviction", where another article's
 * "released in 2006" may date the earlier act). A slot some article dates twice is a repeated act
 * (doneTwice).
 */
function pastActPair(m: DMention, o: DMention): boolean {
  if (o === m || o.sent.art.id === m.sent.art.id) return false;
  return !yearBound(m) && !yearBound(o) && !chronology(m.sent) && !chronology(o.sent);
}

/**
 * "won the prize in 1961 and again in 1964": an act that some article of the story dates in two
 * years (or months, or past days) is one a person did more than once, so another article's "won in
 * 1961" and a third's "won in 1964" may each tell one of the times, not one act told two ways
 * ("released in 1990 ... released again in 1996" in one article: neither year opposes a third).
 * An article that tells the act as done again ("won the prize again in 1964": its own slot, see
 * repetitionOf) shows the same (actDateConflicts' toldAgain).
 */
function doneTwice(ms: DMention[]): boolean {
  return ms.some((m) => ms.some((o) => o.sent.art.id === m.sent.art.id && !sameDay(m, o)));
}

/**
 * A written year (or one referred to: "that same year") dates one act of a named person's life across articles ("In 1957, Page disappeared" /
 * "Page suddenly disappeared from the scene in 1958"), however differently the sentences are
 * worded, when they tell an act of one class that person does (the slot: actSlots, the person as
 * its agent) on nothing: no object, no prepositional complement. An act done to someone or to
 * something is often done again ("released in 2006", "released in 2008"; "won the title in 2005",
 * "won the title in 2008"; "pleaded guilty to obstruction" / "to a charge of tax evasion"): those
 * stay held to one fact (statesOneFact).
 */
function oneLifeAct(key: string, m: DMention, o: DMention): boolean {
  const stated = (t: ResolvedTime) => YEAR_IN_TEXT.test(t.text) || anaphorStart(t) !== null;
  if (!PERSON_SLOT.test(key) || !stated(m.t) || !stated(o.t)) return false;
  return !m.object && !o.object && !m.complement && !o.complement;
}

/** A sentence that writes two years (read as times or not: "a 2006 conviction" names its year as a modifier). */
function chronology(s: Sent): boolean {
  return new Set(sentText(s).match(YEAR_WRITTEN) ?? []).size > 1;
}
const YEAR_IN_TEXT = /\b\d{4}\b/;
const YEAR_WRITTEN = /(?<![\d,.$])(?:1[6-9]|20)\d\d(?![\d,])/g;
const PERSON_SLOT = /\|agent\|PER:/;

/** "after 1957", "by 1958", "from 1951": a year or a month written as the bound of a span, not the date of an act. */
function yearBound(m: DMention): boolean {
  const text = m.sent.art.text;
  return BOUND_BEFORE.test(text.slice(Math.max(m.sent.span.start, m.t.span.start - 12), m.t.span.start)) || BOUND_IN.test(m.t.text);
}
const BOUND_BEFORE = /\b(?:after|before|by|since|until|till|through|from|between|to|and)\s+$/i;
const BOUND_IN = /^(?:after|before|by|since|until|till|through|from|between)\b|[-–]/i;

/**
 * "A man was arrested on Tuesday" against "a man was arrested on Monday": dated acts of a lead with
 * no one named in them are one act only between sentences that state one fact (one fact cluster,
 * or close wording: SAME_FACT_SIM) of different articles, and of one act class; each group of
 * such sentences (single link) is a slot of its own.
 */
function anonymousActs(ms: DMention[], al: Alignment): Map<string, DMention[]> {
  // (an act dated by its noun: the noun, whatever verb tells it, "Thursday's shooting" / "the shooting happened on Friday")
  const kind = (m: DMention) => (m.actors.size ? [...m.actors].sort(cmp).join('+') : actClass(m.act));
  const sorted = [...ms].sort((a, b) => cmp(a.sent.id, b.sent.id) || a.t.span.start - b.t.span.start).slice(0, MAX_PER_SLOT);
  // each mention's kind read once, not once per pair of mentions (and each sentence's people, peopleOf)
  const kinds = sorted.map(kind);
  const group = linkedGroups(sorted.length, (i, j) => {
    const [a, b] = [sorted[i], sorted[j]];
    if (a.sent.art.id === b.sent.art.id || kinds[i] !== kinds[j] || namesOthers(a.sent, b.sent)) return false;
    return oneFact(al, a.sent, b.sent);
  });
  const out = new Map<string, DMention[]>();
  sorted.forEach((m, i) => {
    const k = `${kinds[i]}|anonymous|${group[i]}`;
    (out.get(k) ?? out.set(k, []).get(k)!).push(m);
  });
  return out;
}

/**
 * "The store burned down on Friday" against "a fire destroyed the store on Saturday": the leads of
 * two articles that state one fact (one fact cluster, or close wording) and date it, one of them
 * naming no one, date one event, whatever verbs tell it (anonymousActs joins two that name no one
 * by one act class, in any sentence of the lead). Linked only when each sentence
 * names one day (a sentence with two, "broke out on Friday; residents returned on
 * Saturday", does not say which of them its fact is) and neither names people the other does not
 * name; each group of such sentences (single link) is a slot.
 */
function oneFactInLeads(ms: DMention[], al: Alignment): Map<string, DMention[]> {
  const sorted = ms.filter((m) => m.sent.times.filter(dayTime).length === 1).sort((a, b) => cmp(a.sent.id, b.sent.id)).slice(0, MAX_PER_SLOT);
  // (whether each is its article's first sentence, read once: the pairs are up to MAX_PER_SLOT squared, twice)
  const lead = sorted.map((m) => firstSentence(m.sent));
  const linked = (i: number, j: number) => {
    const a = sorted[i];
    const b = sorted[j];
    return lead[i] && lead[j] && a.sent.art.id !== b.sent.art.id && ((!a.actors.size && !namesOtherTime(a)) || (!b.actors.size && !namesOtherTime(b))) && !namesOthers(a.sent, b.sent) && !otherHappenings(a, b) && !placesApart(a.sent.art, b.sent.art) && oneFact(al, a.sent, b.sent);
  };
  const group = linkedGroups(sorted.length, linked);
  const out = new Map<string, DMention[]>();
  sorted.forEach((m, i) => {
    if (!sorted.some((o, j) => j !== i && linked(i, j))) return;
    const k = `${LEAD_FACT}${group[i]}`;
    (out.get(k) ?? out.set(k, []).get(k)!).push(m);
  });
  return out;
}

/**
 * "A judge today found him guilty of a robbery two years ago": a lead that names no one and names a
 * time of another day than its own (a year, a month, a day resolved apart from it) tells two
 * happenings, and the fact it shares may be the other one; a clock time of its day is not another time.
 */
function namesOtherTime(m: DMention): boolean {
  if (!/^\d{4}-\d\d-\d\d/.test(m.value)) return false;
  return m.sent.times.some((o) => o !== m.t && !!o.resolved && !o.resolved.startsWith(m.value) && !m.value.startsWith(o.resolved));
}

/** "An earthquake struck on Tuesday" / "an aftershock shook the island on Wednesday": verbs whose nouns name two happenings (story-event.ts argumentEvents). */
function otherHappenings(a: DMention, b: DMention): boolean {
  return apart(argumentEvents(a.sent, a.t), argumentEvents(b.sent, b.t));
}

/** Whether the leads of two articles both name places and share none (linked place keys). */
function placesApart(a: ArticleView, b: ArticleView): boolean {
  if (a === b) return false;
  return apart(leadPlaces(a), leadPlaces(b));
}
const LEAD_PLACES = new WeakMap<ArticleView, Set<string>>();
function leadPlaces(a: ArticleView): Set<string> {
  let out = LEAD_PLACES.get(a);
  if (!out) LEAD_PLACES.set(a, (out = new Set(a.sentences.filter(inLead).flatMap((s) => [...placesOf(s)]))));
  return out;
}

/** The article's first sentence that reads as prose: the one that tells what happened, and when. */
const firstSentence = (s: Sent) => s.art.sentences.find(inLead) === s;

/**
 * Who acts in a sentence: people and organisations (places say where, not who; demonyms are
 * places), and the person a "he" or "she" of the sentence stands for (pronounAntecedent).
 */
export function actorKeys(s: Sent, t?: { span: { start: number; end: number } }): Set<string> {
  const out = new Set(
    s.entities
      .filter((e) => isParty(e) && !(t && t.span.start <= e.span.start && e.span.end <= t.span.end))
      .map((e) => e.key),
  );
  const who = pronounActor(s);
  if (who) out.add(who.key);
  return out;
}
const PERSONAL_PRONOUN = /^(?:he|she)$/i;

/** The person the sentence's first "he" or "she" stands for, or null: per sentence, read once (every time of it asks). */
const PRONOUN_ACTORS = new WeakMap<Sent, EntityRef | null>();
function pronounActor(s: Sent): EntityRef | null {
  if (!PRONOUN_ACTORS.has(s)) {
    const he = s.tokens.find((tk) => PERSONAL_PRONOUN.test(tk.text));
    PRONOUN_ACTORS.set(s, he ? pronounAntecedent(s, he.start) : null);
  }
  return PRONOUN_ACTORS.get(s)!;
}


function displayActors(ms: DMention[], keys: string[]): string {
  const names: string[] = [];
  for (const k of [...keys].sort(cmp).slice(0, 3)) {
    let best = '';
    for (const m of ms) for (const e of m.sent.entities) if ((e.key === k || participantKey(e) === k) && (e.name.length > best.length || (e.name.length === best.length && e.name < best))) best = e.name;
    names.push(best || k);
  }
  return names.join(', ');
}

function dateDisplay(m: DMention): string {
  if (m.value.length >= 10) return m.weekday ? `${m.value} (${m.weekday})` : m.value;
  if (COARSE.test(m.value)) return wording(m);
  return m.value;
}

/** A mention's words; "that same year" with the year it refers to ("that same year [1967]": the words, then what they stand for). */
function wording(m: DMention): string {
  return anaphorStart(m.t) === null ? clean(m.t.text) : `${clean(m.t.text)} [${m.value}]`;
}

/**
 * A mention's evidence: its time in its sentence; for "that same year" (anaphoricYears) written
 * after the sentence that writes the year, its sentence from that year on ("1957, using ... Later
 * that year, Roe shot ..."), since the two together state the date.
 */
function dateEvidence(m: DMention): Evidence {
  const e = evidence(m.sent, { ...m.t.span });
  const from = anaphorStart(m.t);
  if (from !== null) e.sentence.start = Math.min(e.sentence.start, from);
  return e;
}

function dateSide(story: StoryView, ms: DMention[]): ConflictSide {
  const sorted = [...ms].sort((a, b) => cmp(a.sent.id, b.sent.id) || a.t.span.start - b.t.span.start);
  const articles = [...new Set(sorted.map((m) => m.sent.art.id))].sort(cmp);
  return {
    value: dateDisplay(sorted[0]),
    normalized: { kind: 'date', unit: 'date', value: null, low: null, high: null, qualifier: sorted.every((m) => m.t.resolvedInferred) ? 'inferred' : 'exact', date: sorted[0].value },
    wordings: [...new Set(sorted.map(wording))],
    articles,
    outlets: [...new Set(articles.map((id) => story.byId.get(id)!.outlet))],
    independentSources: story.independent(articles),
    evidence: sorted.map(dateEvidence),
  };
}

/** The dated acts of the story's leads (actMentions' lead days): for scripts/lead-happenings.ts. */
export function leadMentions(story: StoryView): DMention[] {
  return actMentions(story, storyEventDay(story.articles)).filter((x) => x.lead).map((x) => x.m);
}

/** What two lead mentions share that says they tell one happening, and what says they do not ("!" first): for scripts/lead-happenings.ts. */
export function leadHappeningEvidence(story: StoryView, a: DMention, b: DMention, al: Alignment): string[] {
  const out: string[] = [];
  const ev = storyEvent(story);
  if (oneFact(al, a.sent, b.sent)) out.push('fact');
  if (shares(placesOf(a.sent), placesOf(b.sent))) out.push('place');
  if (shares(a.actors, b.actors)) out.push('party');
  if (a.object && a.object === b.object) out.push('object');
  if (datedActClass(a.act) === datedActClass(b.act)) out.push('class');
  if (ev && namesEvent(a.sent, ev) && namesEvent(b.sent, ev)) out.push('event-both');
  else if (ev && (namesEvent(a.sent, ev) || namesEvent(b.sent, ev))) out.push('event-one');
  const nounsA = contentNouns(a.sent);
  const nounsB = contentNouns(b.sent);
  const common = [...nounsA].filter((n) => nounsB.has(n));
  if (common.length) out.push(`nouns:${common.join('+')}`);
  if ([...nounsB].some((n) => verbsOfEventNoun(n).includes(a.act)) || [...nounsA].some((n) => verbsOfEventNoun(n).includes(b.act))) out.push('noun-verb');
  if (firstSentence(a.sent) && firstSentence(b.sent)) out.push('first');
  if (a.sent.times.filter(dayTime).length === 1 && b.sent.times.filter(dayTime).length === 1) out.push('one-day');
  if (!a.actors.size || !b.actors.size) out.push('no-one');
  if (knowsDay(a.sent.art, b) || knowsDay(b.sent.art, a)) out.push('!knows-other-day');
  if (namesOthers(a.sent, b.sent)) out.push('!others');
  if (otherHappenings(a, b)) out.push('!happenings');
  if (placesApart(a.sent.art, b.sent.art)) out.push('!places');
  return out;
}

/** The lemmas of a sentence's common nouns, by the parse. */
function contentNouns(s: Sent): Set<string> {
  const tokens = parseOf(s.art);
  const out = new Set<string>();
  if (!tokens) return out;
  const [lo, hi] = spanTokens(tokens, s.span);
  for (let i = lo; i < hi; i++) if (tokens[i].upos === 'NOUN') out.add(tokens[i].lemma.toLowerCase());
  return out;
}

/** Whether article `art` names the day of mention `m` anywhere (a time of its own resolved to that day, or that weekday). */
function knowsDay(art: ArticleView, m: DMention): boolean {
  for (const s of art.sentences)
    for (const t of s.times) {
      const d = dayOf(t);
      if (!d || COARSE.test(d.value)) continue;
      if (d.value === m.value || (m.weekday && d.weekday === m.weekday && (d.value.length < 10 || m.value.length < 10))) return true;
    }
  return false;
}

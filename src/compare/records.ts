/**
 * A named person's win-loss record, as sports news writes it right after the name: "Jane Roe
 * (45-1, 33 KOs)", "Jane Roe, 43-1,". Two outlets that give one person two records disagree. Only
 * people (a team's record changes every week of a season), only the record written right after
 * the name ("dropped to 45-7-2" tells a change, "4-2-1 since 2005" a part), not after a name the
 * story mostly tags as an organisation (a team's, standings.ts), and only articles
 * published within a week of each other when both are dated (a record changes with each fight).
 * Person keys and one-name joining as for ages (person-keys.ts personKey, resolveOneNameSlots).
 */
import { canonicalName, type Sent, type StoryView } from './prepare.js';
import { articleOnTwoSides, crossOutletPairs, sidesByFirst, wordedSide } from './sides.js';
import { personKey, resolveOneNameSlots } from './person-keys.js';
import { figureSlots } from './slots.js';
import { cmp } from './text.js';
import type { Conflict, ConflictSide } from './types.js';

export interface WinLoss {
  sent: Sent;
  /** `record|<person key>`. */
  slot: string;
  person: string;
  name: string;
  /** "45-1", "10-5-2". */
  value: string;
  span: { start: number; end: number };
}

/** Right after a name: " (45-1", ", 43-1," — wins, losses and draws, then a closing mark. */
const AFTER_NAME = /^(?:\s*\(\s*|,\s+)(\d{1,3})-(\d{1,3})(?:-(\d{1,3}))?(?=\s*[,;)]|\s+with\b)/;
/** How AFTER_NAME starts, read in place (sticky): a name followed by anything else is passed over without a copy of the text after it. */
const OPENS_RECORD = /\s*\(|,\s/y;
function opensRecord(text: string, at: number): boolean {
  OPENS_RECORD.lastIndex = at;
  return OPENS_RECORD.test(text);
}
/** Both patterns read a record ("45-1") in the rest of the name's sentence: a sentence that writes none is passed over. */
const RECORD_WRITTEN = /\d-\d/;
function writesRecord(text: string, s: Sent): boolean {
  return RECORD_WRITTEN.test(text.slice(s.span.start, s.span.end));
}
const WEEK_DAYS = 7;
/** After a name, in its clause: "improved to 58-3", "dropped his record to 45-7-2". */
const CHANGED_TO = /^[^.;:]{0,60}?\b(?:improved|improves|dropped|drops|fell|falls|moved|moves|went|goes|raised|raises)\s+(?:(?:his|her|their)\s+record\s+)?to\s+(\d{1,3})-(\d{1,3})(?:-(\d{1,3}))?\b/;

/**
 * The records written after names, each a new object (the record conflicts join one-name slots in
 * place, resolveOneNameSlots); the text is read once per story, since the age guard asks too.
 */
function recordsOf(story: StoryView): WinLoss[] {
  let read = RECORDS.get(story);
  if (!read) RECORDS.set(story, (read = readRecords(story)));
  return read.map((r) => ({ ...r }));
}
const RECORDS = new WeakMap<StoryView, readonly WinLoss[]>();

function readRecords(story: StoryView): WinLoss[] {
  const out: WinLoss[] = [];
  const teams = teamKeys(story);
  for (const a of story.articles)
    for (const s of a.sentences) {
      if (!writesRecord(a.text, s)) continue;
      for (const e of s.entities) {
        // (a team the tagger calls a person in one sentence is a team: "beat the host Rovers, 31-24," is a score)
        if (e.type !== 'PER' || teams.has(e.key) || !opensRecord(a.text, e.span.end)) continue;
        const m = AFTER_NAME.exec(a.text.slice(e.span.end, Math.min(s.span.end, e.span.end + 24)));
        if (!m) continue;
        const written = a.text.slice(e.span.start, e.span.end);
        const person = canonicalName(written);
        const start = e.span.end + m[0].indexOf(m[1]);
        out.push({ sent: s, slot: `record|${personKey(person)}`, person, name: written, value: [m[1], m[2], m[3]].filter(Boolean).join('-'), span: { start, end: e.span.end + m[0].length } });
      }
    }
  return out;
}

const TEAMS = new WeakMap<StoryView, Set<string>>();
/**
 * Entity keys the story names mostly as organisations or places: a team the tagger sometimes calls a
 * person ("the Colts" as PER in one sentence) is still a team; a person's record is records.ts's.
 */
export function teamKeys(story: StoryView): Set<string> {
  let keys = TEAMS.get(story);
  if (keys) return keys;
  const tally = new Map<string, number>();
  for (const a of story.articles) for (const s of a.sentences) for (const e of s.entities) tally.set(e.key, (tally.get(e.key) ?? 0) + (e.type === 'PER' ? -1 : 1));
  keys = new Set([...tally].filter(([, n]) => n > 0).map(([k]) => k));
  TEAMS.set(story, keys);
  return keys;
}

/** Publication day of an article as a day number, or null when undated. */
function day(r: WinLoss): number | null {
  const p = r.sent.art.published;
  return p ? Date.parse(p) / 86_400_000 : null;
}

/** Conflicts over one person's record, told differently by independent sources written within a week of each other. */
export function recordConflicts(story: StoryView): Conflict[] {
  const rs = recordsOf(story);
  if (rs.length < 2) return [];
  resolveOneNameSlots(rs);
  return conflictsBySlot(story, rs, WEEK_DAYS);
}

/** `recordConflict` over each slot of `rs` (slots in order): records, team standings and passed marks alike. */
export function conflictsBySlot(story: StoryView, rs: WinLoss[], maxDays: number, what?: string): Conflict[] {
  const bySlot = new Map<string, WinLoss[]>();
  for (const r of rs) (bySlot.get(r.slot) ?? bySlot.set(r.slot, []).get(r.slot)!).push(r);
  const out: Conflict[] = [];
  for (const slot of [...bySlot.keys()].sort(cmp)) {
    const c = recordConflict(story, bySlot.get(slot)!, maxDays, what);
    if (c) out.push(c);
  }
  return out;
}

/** One holder's records told differently by independent sources written less than `maxDays` apart (when both are dated); standings.ts reads teams' so. */
function recordConflict(story: StoryView, rs: WinLoss[], maxDays: number, what = 'record'): Conflict | null {
  if (story.independent(rs.map((r) => r.sent.art.id)) < 2) return null;
  const sorted = [...rs].sort((a, b) => cmp(a.value, b.value) || cmp(a.sent.id, b.sent.id) || a.span.start - b.span.start);
  const sides = sidesByFirst(sorted, (first, r) => first.value === r.value);
  if (sides.length < 2) return null;
  // a record of an article written a week (a team's: two days) or more after another's may count fights or games in between
  const days = sides.map((x) => x.map(day));
  const apart = (i: number, j: number) => days[i].every((x) => x !== null && days[j].every((y) => y !== null && Math.abs(x - y) >= maxDays));
  const surname = rs[0].slot.startsWith('record|') ? surnameOf(rs[0].slot) : null;
  const pairs = crossOutletPairs(sides).filter((p) => !apart(p.a, p.b) && !(surname && toldAtTwoTimes(story, sides[p.a], sides[p.b], surname)));
  if (!pairs.length) return null;
  const label = [...rs].sort((a, b) => b.person.length - a.person.length || cmp(a.name, b.name))[0].name;
  return {
    id: '',
    kind: 'count',
    slot: `${what} of ${label}`,
    severity: 'conflict',
    withinArticle: articleOnTwoSides(sides),
    sides: sides.map((x) => recordSide(story, x)),
    pairs,
    note: `${sides.map((x) => x[0].value).join(' vs ')}: different ${what}s for the same ${rs[0].slot.startsWith('standing|') ? 'team' : 'person'}`,
    factIds: [],
  };
}

/** The surname part of a person slot (`record|roe|jn`, `age|roe|jn`, `age|Roe`), lower case. */
export function surnameOf(slot: string): string {
  return (slot.split('|')[1] ?? '').toLowerCase();
}

/** What an article states of one person (by surname) that grows with time: their ages, and the bouts (wins, losses, draws) of their records. */
interface Running {
  ages: number[];
  bouts: number[];
}
const RUNNING = new WeakMap<StoryView, Map<string, Running>>();
function runningFigures(story: StoryView): Map<string, Running> {
  let out = RUNNING.get(story);
  if (out) return out;
  out = new Map();
  const at = (art: string, slot: string) => {
    const k = `${art}|${surnameOf(slot)}`;
    return out!.get(k) ?? out!.set(k, { ages: [], bouts: [] }).get(k)!;
  };
  const records = recordsOf(story);
  // (only people with a record: the ages are read only for them, a story of ages alone reads none)
  const withRecords = new Set(records.map((r) => surnameOf(r.slot)));
  for (const r of records) at(r.sent.art.id, r.slot).bouts.push(r.value.split('-').reduce((n, x) => n + Number(x), 0));
  // "Roe improved to 58-3": a record told as a change is not compared (recordsOf), but it is the record when written
  for (const a of story.articles)
    for (const s of a.sentences)
      for (const e of writesRecord(a.text, s) ? s.entities : []) {
        const m = e.type === 'PER' ? CHANGED_TO.exec(a.text.slice(e.span.end, s.span.end)) : null;
        if (m) at(a.id, `record|${personKey(canonicalName(a.text.slice(e.span.start, e.span.end)))}`).bouts.push(Number(m[1]) + Number(m[2]) + Number(m[3] ?? 0));
      }
  if (withRecords.size)
    for (const { sent, q, slot } of figureSlots(story))
      if (slot?.key.startsWith('age|') && withRecords.has(surnameOf(slot.key))) at(sent.art.id, slot.key).ages.push(q.value);
  RUNNING.set(story, out);
  return out;
}

/**
 * "The 32-year-old Roe (52-3)" and "the 36-year-old Roe, 58-3": an age and a fight record both grow
 * with time, so when the articles of one side of a dispute give one person both a lower age and a
 * record of fewer bouts than the other side's articles, the two sides were written at two times (two
 * fights years apart grouped into one story), and neither figure is a disagreement, dated articles
 * or not. Each side needs both figures from its articles (an article of a side tells the side's own
 * value of the disputed one, so it is of the side's time); one figure alone says nothing of when.
 */
export function toldAtTwoTimes(story: StoryView, a: readonly { sent: Sent }[], b: readonly { sent: Sent }[], surname: string): boolean {
  const running = runningFigures(story);
  const side = (ms: readonly { sent: Sent }[]) => {
    const ages: number[] = [];
    const bouts: number[] = [];
    for (const id of new Set(ms.map((m) => m.sent.art.id))) {
      const r = running.get(`${id}|${surname}`);
      if (!r) continue;
      ages.push(...r.ages);
      bouts.push(...r.bouts);
    }
    return { ages, bouts };
  };
  const [x, y] = [side(a), side(b)];
  const before = (p: number[], q: number[]) => p.length > 0 && q.length > 0 && Math.max(...p) < Math.min(...q);
  return (before(x.ages, y.ages) && before(x.bouts, y.bouts)) || (before(y.ages, x.ages) && before(y.bouts, x.bouts));
}

/** One side of a record's or a score's conflict: its mentions' sentences, wordings and outlets. */
export function recordSide(story: StoryView, rs: WinLoss[]): ConflictSide {
  return wordedSide(story, rs, (r) => r.value, { kind: 'quantity', unit: 'record' });
}

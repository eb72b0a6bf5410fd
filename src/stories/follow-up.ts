/**
 * Follow-ups weeks apart: a report that comes after its story has closed (a star leaving rehab six
 * weeks after checking in, an agency's second ruling on one rule two months after the first, the
 * charges weeks after an arrest). A story closes when the stream's clock passes its window, so such
 * an article finds no open story and would found a second story of the same event.
 *
 * So a closed story stays *dormant* for `FOLLOW_UP_DAYS` after its last member, and an article that
 * finds no open story may wake it (open it again, with its members, and join it) when all of these hold:
 * - the article is dated by publication and brings at least `FOLLOW_UP_KEYS` features, and so do the
 *   story's members on average: long texts, whose words, names and places are evidence without time
 *   (a headline's few words match the next story of its topic: headlines never wake a story);
 * - it is about the story's people: one of its protagonists is one the story's members mostly name
 *   (`samePeople`; a recurring report, another earthquake in one region name other people); and
 *   when another of its protagonists is someone no member names, named at least a quarter as often
 *   as the person the report names most (`newProtagonist`: perhaps another event of the same people,
 *   such as the synthetic streams' reuse of one base text, with its people, for another event with
 *   names of its own; a rival named twice in a report about the story's lead is not), its fit counts
 *   half (`DISAGREEMENT`);
 * - the story's venue, if known, is the article's, if known (the venue gate of the pass);
 * - its cosine to the story's centroid reaches the share of what a member as alike as the story's
 *   own would reach (n·ρ/|C|) that an undated article must (`cohesionBar`, a quarter): time cannot vouch for a pairing weeks
 *   apart, so the content must, as for undated articles;
 * - the story's signature (its 20 heaviest features when it closed) holds two of the article's
 *   `FOLLOW_UP_QUERY` most frequent keys (the same look-up the ledger makes for undated articles,
 *   by counts so that it does not depend on the frequencies of the moment: ledger-follow-up.ts).
 * Months or years on (a trial a year after the arrest), a story stays dormant for
 * `FOLLOW_UP_LONG_DAYS` when it has `LONG_PEOPLE` people, and a later report wakes it then only when
 * `LONG_PEOPLE` of them are its own protagonists, the story's lead (the person its members mention
 * most) among them (`inTimeToWake`), and every test above holds. No one feature decides: one
 * topic's next event (a team's next player arrested, its next injury) is told by reports that name
 * the team's coach or the earlier player in passing, and the story's lead is not theirs. A woken
 * story is open again for the window of its new report: its span for closing counts from there
 * (`StoryIndex.recomputeSpan`).
 * The people test comes first, on a summary kept when the story closed (`closingPeople`: the people
 * most members name, none when the story cannot wake), so that a ledger run reads back only the
 * members of stories that could wake (`mayWake`, ledger-follow-up.ts) and the batch skips the same
 * stories for the same reason.
 * The best-fitting story wakes (ties: by id). Everything here is a pure function of the article and
 * the closed story's members (the vectors the pass made), so the batch and every sequence of ledger
 * runs decide alike.
 */
import { DISAGREEMENT, hasProtagonist, leadPerson, newProtagonist, peopleOf, protagonists, samePeople, type StoryPeople } from './disagreement.js';
import type { StoryFeatures } from './types.js';
import { cmpStr } from '../util/cmp.js';

/** Days after a story's last member during which a follow-up can wake it. */
export const FOLLOW_UP_DAYS = 90;
/**
 * Days during which a later report about the same people can wake a story (`inTimeToWake`): a
 * trial a year or more after the arrest, charges months after a fire. Two years: how long a case
 * commonly takes to come to trial; 365 would miss one of the development half's (533 days), 1,095
 * changes nothing there, and a dormant story's members are held this long.
 */
export const FOLLOW_UP_LONG_DAYS = 730;
/** The story's people an article months on must name as its own protagonists (`inTimeToWake`), its lead among them. */
export const LONG_PEOPLE = 2;
/**
 * Features (terms, phrases, entity ids) an article, and a story's members on average, must bring to
 * wake a story or take the second look: texts whose words, names and places weigh more than a day of
 * time gap. At 30 a day keeps half a match (`timeFit`, story-index.ts: 1 / (1 + 20 · e^−3) = 0.50); a
 * headline (median 11 features, the longest UCI one 24) stays below. Not at the edge of a cliff: on
 * the ECB+ development half any value from 0 to 55 gives the same figures with dates dropped (60, the
 * shortest tenth of ECB+ articles, left two right wakes out), and articles cut to their first 3 / 6
 * sentences group better the lower it is, precision unchanged (NOTES.md, session 28).
 */
export const FOLLOW_UP_KEYS = 30;
/** An article's most frequent keys looked up in closed stories' signatures, and how many must be there. */
export const FOLLOW_UP_QUERY = 20;
export const FOLLOW_UP_SHARED = 2;

export interface DormantMember {
  f: StoryFeatures;
  vec: { keys: string[]; vals: Float32Array };
  t: number | null;
  copyOf: string | null;
}

/** A closed story a follow-up may wake: its id, signature, people, latest member time and members (canonical order). */
export interface DormantStory {
  id: string;
  terms: string[];
  /** Its people when it closed (`closingPeople`); null when not on record (a ledger row written before they were kept). */
  people: ReadonlySet<string> | null;
  tMax: number;
  members: DormantMember[];
}

/** Whether an article may wake a story at all: dated by publication, with a protagonist (`samePeople` needs one). */
export function mayFollowUp(f: StoryFeatures): boolean {
  return f.day !== null && f.status === 'ok' && hasProtagonist(f);
}

/** Whether a closed story can be woken at all: members dated by publication, long texts (see above). */
export function wakeable(members: DormantMember[]): boolean {
  if (members.length < 2 || !members.some((m) => m.f.day !== null)) return false;
  let keys = 0;
  for (const m of members) keys += m.vec.keys.length;
  return keys / members.length >= FOLLOW_UP_KEYS;
}

/** The people a dormant story kept at closing (`closingPeople`), or, not on record, its members' (the same). */
function dormantPeople(s: Pick<DormantStory, 'people' | 'members'>): ReadonlySet<string> {
  return s.people ?? membersPeople(s.members).main;
}

/** How long after its last member a dormant story may be woken: longer when it has `LONG_PEOPLE` people to be named again. */
export function dormantDays(s: Pick<DormantStory, 'people' | 'members'>): number {
  return dormantPeople(s).size >= LONG_PEOPLE ? FOLLOW_UP_LONG_DAYS : FOLLOW_UP_DAYS;
}

/**
 * Whether an article `gap` days after a dormant story's last member is in time to wake it: within
 * `FOLLOW_UP_DAYS`, or within `FOLLOW_UP_LONG_DAYS` when `LONG_PEOPLE` of the story's people are
 * among the article's protagonists.
 */
export function inTimeToWake(f: StoryFeatures, gap: number, s: Pick<DormantStory, 'people' | 'members'>): boolean {
  if (gap <= 0) return false;
  if (gap <= FOLLOW_UP_DAYS) return true;
  if (gap > FOLLOW_UP_LONG_DAYS) return false;
  const own = protagonists(f);
  let named = 0;
  for (const p of dormantPeople(s)) if (own.has(p)) named++;
  if (named < LONG_PEOPLE) return false;
  const lead = leadPerson(s.members.map((m) => m.f));
  return lead !== null && own.has(lead);
}

/** The latest time of a story's members (they are dated: `wakeable`). */
export function latestTime(members: DormantMember[]): number {
  let t = Number.NEGATIVE_INFINITY;
  for (const m of members) if (m.t !== null && m.t > t) t = m.t;
  return t;
}

/** Who a story of these members is about (`peopleOf` over the members' entity ids). */
export function membersPeople(members: DormantMember[]): StoryPeople {
  const entityDocs = new Map<string, number>();
  for (const m of members) for (const [e] of m.f.entities) entityDocs.set(e, (entityDocs.get(e) ?? 0) + 1);
  return peopleOf(entityDocs, members.length);
}

/**
 * What a closing story keeps for the people test of a follow-up (`mayWake`): the surnames most of
 * its members name (`StoryPeople.main`, sorted), none when it cannot be woken at all (`wakeable`),
 * so that no article passes the test. Small (a few names), stored with the signature.
 */
export function closingPeople(members: DormantMember[]): string[] {
  return wakeable(members) ? [...membersPeople(members).main].sort() : [];
}

/**
 * Whether an article may wake a closed story, from what the story kept when it closed (its
 * signature and people), before its members are read: the signature holds two of the article's
 * query keys (`sharesSignature`), and one of the article's protagonists is one of the story's
 * people (`samePeople`; people not on record: the members decide, `followUpFit`). The batch and
 * the ledger's look-up (ledger-follow-up.ts) both test this, so they skip the same stories.
 */
export function mayWake(f: StoryFeatures, query: ReadonlySet<string>, story: { terms: readonly string[] | null; people: ReadonlySet<string> | null }): boolean {
  return sharesSignature(story.terms ?? [], query) && (story.people === null || samePeople(f, { main: story.people }));
}

/** An article's `FOLLOW_UP_QUERY` most frequent keys (ties: by key), from its term counts (`termCounts`). */
export function followUpQuery(tc: { keys: string[]; tf: ArrayLike<number> }): string[] {
  const order = tc.keys.map((_, i) => i);
  order.sort((a, b) => tc.tf[b] - tc.tf[a] || (tc.keys[a] < tc.keys[b] ? -1 : tc.keys[a] > tc.keys[b] ? 1 : 0));
  return order.slice(0, FOLLOW_UP_QUERY).map((i) => tc.keys[i]);
}

/** Whether a story's signature holds enough of an article's query keys to be compared with it. */
export function sharesSignature(terms: readonly string[], query: ReadonlySet<string>): boolean {
  let n = 0;
  for (const t of terms) if (query.has(t) && ++n >= FOLLOW_UP_SHARED) return true;
  return false;
}

/**
 * How well an article fits a closed story, as a fraction of the cosine a member as alike as the
 * story's own would reach (1: as alike as they are to each other), halved when one of its
 * protagonists is someone the story never names; 0 when it is not about the story's people or its
 * venue differs.
 */
export function followUpFit(f: StoryFeatures, vec: { keys: string[]; vals: Float32Array }, s: DormantStory): number {
  const n = s.members.length;
  const centroid = new Map<string, number>();
  const venues = new Map<string, number>();
  for (const m of s.members) {
    for (let i = 0; i < m.vec.keys.length; i++) centroid.set(m.vec.keys[i], (centroid.get(m.vec.keys[i]) ?? 0) + m.vec.vals[i]);
    if (m.f.venue) venues.set(m.f.venue, (venues.get(m.f.venue) ?? 0) + 1);
  }
  // (the story's venue as the pass reads it: the most common, ties alphabetical)
  let venue: string | null = null;
  for (const [v, c] of venues) if (venue === null || c > venues.get(venue)! || (c === venues.get(venue)! && v < venue)) venue = v;
  if (f.venue && venue !== null && venue !== f.venue) return 0;
  const people = membersPeople(s.members);
  if (!samePeople(f, people)) return 0;
  // (someone the story never names is one of its protagonists: perhaps another event of the same people)
  const other = newProtagonist(f, people) ? DISAGREEMENT : 1;
  let norm2 = 0;
  for (const v of centroid.values()) norm2 += v * v;
  const rho = Math.min(1, Math.max(0, (norm2 - n) / (n * (n - 1))));
  if (rho <= 0) return 0;
  let dot = 0;
  for (let i = 0; i < vec.keys.length; i++) dot += vec.vals[i] * (centroid.get(vec.keys[i]) ?? 0);
  return (other * dot) / Math.sqrt(norm2) / ((n * rho) / Math.sqrt(norm2));
}

/**
 * The dormant stories of a pass index, by id and by person: an article may wake only a story one
 * of whose people is one of its protagonists (`mayWake`), so it reads those stories alone
 * (`candidates`), not every story dormant in the window (two years for stories with two people:
 * `FOLLOW_UP_LONG_DAYS`). A story whose people are not on record (a ledger row from before they
 * were kept) is a candidate for every article, as `mayWake` lets its members decide.
 */
export class DormantStories {
  private readonly byId = new Map<string, DormantStory>();
  private readonly byPerson = new Map<string, Set<string>>();
  private readonly unknown = new Set<string>();

  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  set(d: DormantStory): void {
    this.delete(d.id);
    this.byId.set(d.id, d);
    if (d.people === null) this.unknown.add(d.id);
    else
      for (const p of d.people) {
        let ids = this.byPerson.get(p);
        if (!ids) this.byPerson.set(p, (ids = new Set()));
        ids.add(d.id);
      }
  }

  delete(id: string): void {
    const d = this.byId.get(id);
    if (!d) return;
    this.byId.delete(id);
    this.unknown.delete(id);
    for (const p of d.people ?? []) {
      const ids = this.byPerson.get(p);
      ids?.delete(id);
      if (ids?.size === 0) this.byPerson.delete(p);
    }
  }

  clear(): void {
    this.byId.clear();
    this.byPerson.clear();
    this.unknown.clear();
  }

  /** Drops the stories past their dormant days (`dormantDays`) at `day`. */
  prune(day: number): void {
    for (const [id, d] of this.byId) if (d.tMax < day - dormantDays(d)) this.delete(id);
  }

  /** The stories one of whose people is one of the article's protagonists, or whose people are not on record; by id. */
  candidates(f: StoryFeatures): DormantStory[] {
    const ids = new Set(this.unknown);
    for (const p of protagonists(f)) for (const id of this.byPerson.get(p) ?? []) ids.add(id);
    return [...ids].sort(cmpStr).map((id) => this.byId.get(id)!);
  }
}

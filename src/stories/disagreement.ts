/**
 * Evidence that an article reports another event than a story, although their words agree: the
 * event took place somewhere else (another venue, venue.ts), or it is about other people (the
 * article's protagonists are not among the people the story names, and the article names none of
 * the story's own). Two similar events (a team firing two coaches years apart, two players of one
 * club arrested for the same offence) share most of their words; who and where tell them apart.
 * Each disagreement scales the similarity down (`DISAGREEMENT`); none vetoes a join on its own, so
 * the rest of the evidence, when it agrees strongly enough, still wins.
 */
import type { StoryFeatures } from './types.js';

/** Share of the similarity kept per disagreement (one: half; venue and people both: a quarter). */
export const DISAGREEMENT = 0.5;
/**
 * Mentions that make a person one of an article's protagonists: a report names the people it is
 * about more than once. (A headline names everyone once, so a headline alone has no protagonist
 * and this evidence stays silent on headline-only input.)
 */
const PROTAGONIST_MENTIONS = 2;
/**
 * Share of the mentions of an article's most-named person that a person it names no member of a
 * story names must reach to be a *new* protagonist (`newProtagonist`, follow-up.ts `followUpFit`).
 * ECB+ development half (NOTES.md, session 27): 0.25 and 0.5 wake the same follow-up (a player's
 * next season naming a rival twice against himself 30 times); 0.5 also lets a topic's other event
 * wake a story in the dated two-event test (`story-decisions --date-other -120`), 0.25 does not.
 */
const NEW_PROTAGONIST_SHARE = 0.25;
/** Share of a story's members (two or more) that must name a person to make them one of the story's people. */
const STORY_PERSON_SHARE = 0.5;

const PERSON = 'PER:';

/**
 * The surname of a person id ("PER:ken_salazar" → "salazar"): a text names a person in full once
 * and by surname after, other outlets may do either; the same surname counts as the same person
 * (so two namesakes never count as a disagreement: the evidence errs towards silence).
 */
function surname(id: string): string {
  const i = id.lastIndexOf('_');
  return id.slice(i < PERSON.length ? PERSON.length : i + 1);
}

/** Who a story is about, as `otherPeople` and `distinctPeople` read it (made once per change of the story: `peopleOf`). */
export interface StoryPeople {
  /** Surnames of every person a member names. */
  named: ReadonlySet<string>;
  /** Surnames of the people at least `STORY_PERSON_SHARE` of the members name (none below two members). */
  main: ReadonlySet<string>;
}

/** The people of a story from its members per entity id (`entityDocs`) and its size. */
export function peopleOf(entityDocs: ReadonlyMap<string, number>, members: number): StoryPeople {
  const named = new Set<string>();
  const main = new Set<string>();
  for (const [id, docs] of entityDocs) {
    if (!id.startsWith(PERSON)) continue;
    const s = surname(id);
    named.add(s);
    if (members >= 2 && docs >= STORY_PERSON_SHARE * members) main.add(s);
  }
  return { named, main };
}

const some = (xs: ReadonlySet<string>, ys: ReadonlySet<string>) => [...xs].some((x) => ys.has(x));

/**
 * Whether the article is about other people than the story: it has protagonists, none of whom
 * any member of the story names, and it names none of the people most members of the story name
 * (the story has some).
 */
export function otherPeople(f: StoryFeatures, story: StoryPeople): boolean {
  if (story.main.size === 0) return false;
  const named = new Set<string>();
  const protagonists = new Set<string>();
  for (const [id, count] of f.entities) {
    if (!id.startsWith(PERSON)) continue;
    named.add(surname(id));
    if (count >= PROTAGONIST_MENTIONS) protagonists.add(surname(id));
  }
  return protagonists.size > 0 && !some(protagonists, story.named) && !some(story.main, named);
}

/**
 * Whether two stories are about other people: each has people most of its members name, and no
 * member of either story names the other's (the test `otherPeople` makes of an article, for two
 * stories that `settle` may merge).
 */
export function distinctPeople(a: StoryPeople, b: StoryPeople): boolean {
  return a.main.size > 0 && b.main.size > 0 && !some(a.main, b.named) && !some(b.main, a.named);
}

/**
 * How far a story's people are another story's too: over the people at least `STORY_PERSON_SHARE`
 * of the first story's members name (by surname), the mean of the share of the second story's
 * members naming each against the first's share, each capped at 1. Null when the first story has
 * no such people (two members or fewer name none: the evidence stays silent). Read by settle's
 * merge of a dated story into a larger undated one (story-index.ts `peopleCarryOver`).
 */
export function peopleShared(a: ReadonlyMap<string, number>, na: number, b: ReadonlyMap<string, number>, nb: number): number | null {
  const pa = mentionsBySurname(a);
  const pb = mentionsBySurname(b);
  let sum = 0;
  let people = 0;
  for (const [s, n] of pa) {
    const share = Math.min(1, n / na);
    if (share < STORY_PERSON_SHARE) continue;
    sum += Math.min(1, Math.min(1, (pb.get(s) ?? 0) / nb) / share);
    people++;
  }
  return people === 0 ? null : sum / people;
}

/**
 * Whether the article is about the story's people: one of its protagonists (persons it names twice
 * or more) is one of the people most members of the story name. Positive evidence, where
 * `otherPeople` is negative: what a follow-up weeks after its story must show (follow-up.ts).
 */
export function samePeople(f: StoryFeatures, story: Pick<StoryPeople, 'main'>): boolean {
  if (story.main.size === 0) return false;
  for (const [id, count] of f.entities) if (id.startsWith(PERSON) && count >= PROTAGONIST_MENTIONS && story.main.has(surname(id))) return true;
  return false;
}

/** The surnames of the article's protagonists (persons it names twice or more). */
export function protagonists(f: StoryFeatures): Set<string> {
  const found = new Set<string>();
  for (const [id, count] of f.entities) if (id.startsWith(PERSON) && count >= PROTAGONIST_MENTIONS) found.add(surname(id));
  return found;
}

/**
 * The person a group of articles is most about: the surname with the most mentions over all of
 * them (ties: alphabetical); null when none names a person.
 */
export function leadPerson(docs: Iterable<StoryFeatures>): string | null {
  const mentions = mentionsBySurname((function* () {
    for (const f of docs) yield* f.entities;
  })());
  let lead: string | null = null;
  for (const [s, n] of mentions) if (lead === null || n > mentions.get(lead)! || (n === mentions.get(lead)! && s < lead)) lead = s;
  return lead;
}

/** The mentions of people, summed by surname (a full name and the surname alone are one person), of `[id, count]` pairs. */
function mentionsBySurname(entities: Iterable<readonly [string, number]>): Map<string, number> {
  const c = new Map<string, number>();
  for (const [id, n] of entities) if (id.startsWith(PERSON)) c.set(surname(id), (c.get(surname(id)) ?? 0) + n);
  return c;
}

/** Whether the article has a protagonist at all (a person it names twice or more). */
export function hasProtagonist(f: StoryFeatures): boolean {
  return f.entities.some(([id, count]) => id.startsWith(PERSON) && count >= PROTAGONIST_MENTIONS);
}

/**
 * Whether one of the article's leading protagonists is someone no member of the story names: a
 * person it names twice or more, and at least `NEW_PROTAGONIST_SHARE` as often as the person it
 * names most (mentions summed by surname, as `leadPerson` counts them). Why the share: a report
 * months on about the story's lead (a player's next season, 28 mentions) names others in passing,
 * twice (a rival he is compared with); another event of the same people gives its own people a
 * share of the text comparable to the lead's.
 */
export function newProtagonist(f: StoryFeatures, story: StoryPeople): boolean {
  const mentions = mentionsBySurname(f.entities);
  let most = 0;
  for (const n of mentions.values()) most = Math.max(most, n);
  return f.entities.some(([id, count]) => id.startsWith(PERSON) && count >= PROTAGONIST_MENTIONS && !story.named.has(surname(id)) && mentions.get(surname(id))! >= NEW_PROTAGONIST_SHARE * most);
}

import type { DocMessage } from '../model/types.js';

/**
 * Version of the story features and grouping; bump when either changes what it produces.
 * stories-7: a follow-up weeks after its story closed wakes it (follow-up.ts).
 * stories-8: a long text left alone at the end of its time step takes a second look (StoryIndex.rejoinStep);
 *   a fragment that is one copy group joins a larger story whole (StoryIndex.attachCopies).
 * stories-9: a copy group whose best story was a fragment no larger than itself looks again at the end of attachFragments.
 * stories-10: a fragment's member crosses the line between dated and undated in attachFragments by its fit relative to
 *   each story's cohesion (StoryIndex.relativeFit), not by centroid cosines, which favour the larger story.
 * stories-11: each article's main event claims (act class, agent, patient: main-claim.ts) are stored with its features;
 *   where no date separates an article and a story, one act with other named participants halves their similarity (claim-evidence.ts).
 * stories-12: so does the inverse act (a WordNet antonym: hire / fire, open / close; data/lexicons/verb-antonyms.tsv) done to one named patient.
 * stories-13: a follow-up wakes its dormant story at the undated join's share of the story's cohesion (a quarter), not a
 *   constant of its own (half): in both, time cannot vouch for the pairing and the content must.
 * stories-14: one bar for "the same event": stories merge in settle at the join's threshold (mergeThreshold 0.15, was 0.2);
 *   two stories about other people merge only when their members agree as a group (crossCohesive), as undated ones.
 * stories-15: in attachFragments an undated article weighs its best story against the best larger story of the other kind
 *   (dated / undated) by relative fit (StoryIndex.fittestStory), not by centroid cosine, which favours the larger story;
 *   a dated long text whose best open story has no published member first tries to wake the dormant story it follows up.
 * stories-16: in settle a dated story of 3+ merges into an undated story at least its size only when the people most of
 *   its members name are named there in a comparable share (StoryIndex.peopleCarryOver, disagreement.ts peopleShared).
 * stories-17: in settle, after refine, an undated report in an undated story moves to the dated story whose event weekday
 *   is the one its text names when its own story's weekday is another (StoryIndex.rejoinByWeekday).
 * stories-18: a dormant story with two or more people stays wakeable for two years (follow-up.ts FOLLOW_UP_LONG_DAYS) by a report
 *   naming two of them, its lead among them, as its own protagonists; a woken story's closing span counts from its new report.
 * stories-19: in the pass an undated article joins the dated story it fits as that story's members fit each other, and 1.5
 *   times better than its best undated story, instead of that undated story (StoryIndex.undatedJoin).
 * stories-20: in settle a dated story of one article merges with an undated story only when at least half the undated
 *   story's members are as alike to it as to each other (StoryIndex.membersAlike).
 * stories-21: a follow-up's fit is halved for a new protagonist only when the report names that person at least a quarter
 *   as often as the person it names most (disagreement.ts newProtagonist, NEW_PROTAGONIST_SHARE).
 * stories-22: a text of 30 features (not 60) may wake a dormant story or take the second look (follow-up.ts FOLLOW_UP_KEYS).
 * stories-23: the lead's main claim is the first of its two sentences stating an act of an event class, before
 *   one stating a verb of its own (main-claim.ts mainClaimsOf).
 */
export const STORIES_VERSION = 'stories-23';

/** What the pipeline knows about one analysed article, as input to story grouping. */
export interface StoryInput {
  id: string;
  title: string | null;
  text: string;
  outlet: string | null;
  /** ISO 8601 publication date, or null when unknown. */
  published: string | null;
  /** Resolved ISO dates of the time expressions in the text (any grain); may be empty. */
  eventDates: string[];
  /** Entities of the article; when empty, capitalised names are derived from the text. */
  entities: { id: string; type: 'PER' | 'ORG' | 'LOC' | 'MISC'; count: number }[];
  /** The article's URL, when known: names the outlet when nothing else does (src/outlets). */
  url?: string | null;
  /** The dateline city ("MOSCOW —"), when the article has one. */
  dateline?: string | null;
  /** Weekday names (lower case) of the past-tense weekday expressions of the text ("on Thursday"); see weekday.ts. */
  weekdays?: string[];
  /** The main event claims of its headline and lead (act class, agent, patient; main-claim.ts). */
  claims?: [act: string, agent: string, patient: string][];
}

export type StoryFeatureStatus =
  /** Enough text to place the article by content. */
  | 'ok'
  /** Fewer than a handful of content terms: grouped only with an exact or near-exact copy, or alone. */
  | 'too-short'
  /** No words at all: always a story of its own. */
  | 'empty';

/**
 * Compact, JSON-serialisable features of one article: what grouping needs, nothing else.
 * Arrays of pairs are in order of first occurrence in the text (deterministic).
 */
export interface StoryFeatures {
  v: typeof STORIES_VERSION;
  id: string;
  outlet: string | null;
  /** Headline (trimmed to 300 characters), used as the story's representative title. */
  title: string | null;
  /** Publication day as days since 1970-01-01 (UTC), or null when unknown, invalid or in the future. */
  day: number | null;
  /** The publication date as given (ISO), for display. */
  published: string | null;
  /** Event day from resolved day-grain time expressions (their median), or null. */
  eventDay: number | null;
  /** Content terms with their weighted counts (title words count double), the top ones only. */
  terms: [string, number][];
  /** Entity ids with counts (from the recogniser, or `NAME:slug` capitalised names as a fallback). */
  entities: [string, number][];
  /** Place ids with counts (LOC entities, or gazetteer hits of the fallback). */
  places: [string, number][];
  /** The event's venue, a city slug (`moscow`) from the dateline or a travel/meeting phrase; see venue.ts. */
  venue?: string | null;
  /** The weekday (0 = Sunday) the text names most as its event's ("fired on Saturday"), or null; see weekday.ts. */
  weekday?: number | null;
  /**
   * The main event claims of its headline and lead (at most two): act class, agent, patient (a name's
   * last word, `~` before a common noun's lemma, '' when unstated); absent when none (main-claim.ts).
   */
  claims?: [act: string, agent: string, patient: string][];
  /** MinHash sketch of the body's word shingles (shingle length k), or null when there is no text. */
  sketch: { k: number; sig: number[] } | null;
  /** Exact-copy key: hash of the normalised body words. */
  textHash: string;
  /** Number of words in the body. */
  words: number;
  status: StoryFeatureStatus;
  messages: DocMessage[];
  /**
   * Set by the story ledger only (never by `storyFeatures`; ignored on input): the id of the story
   * whose founder was deleted and whose next member this article was. A story this article founds
   * takes that id, so deleting a story's founding article does not rename the story.
   */
  inheritsStoryId?: string;
}

export interface StoryGroup {
  id: string;
  /** Doc ids, sorted by (publication day, id), undated last. */
  members: string[];
  /** Groups of near-duplicate / syndicated copies (each sorted like `members`); singletons omitted. */
  copies: string[][];
  /** Members after collapsing copies and articles of the same outlet into one source each. */
  independentSources: number;
  /** Representative headline. */
  title: string | null;
  /** First and last publication day (ISO date) of the dated members; undated members do not stretch it. */
  span: { start: string | null; end: string | null };
  /** Main entities: how many members mention each, most mentioned first. */
  entities: { id: string; count: number }[];
  places: { id: string; count: number }[];
  /** Previous story ids that were merged into this one by `reconcileStoryIds` (additive, optional). */
  mergedFrom?: string[];
  /** Set when the story is closed: its time window has passed and it no longer takes members. */
  closed?: boolean;
}

export interface GroupOptions {
  /** Minimum similarity (0..1) of an article to a story to join it. */
  threshold?: number;
  /** Minimum cosine of two story centroids for `consolidate` to merge them. */
  mergeThreshold?: number;
  /** Minimum estimated Jaccard of word shingles for two articles to be copies. */
  copyThreshold?: number;
  /** Days an article's date may lie outside a fresh story's span and still join it. */
  windowDays?: number;
  /** Upper bound of the adaptive window (long-running stories grow it up to this). */
  maxWindowDays?: number;
  /** A story older than this (first dated member to the stream's clock) closes; a continuation starts a new story. */
  maxSpanDays?: number;
  /** Publication dates later than this (ISO) are treated as unknown ("future date" message). */
  now?: string | null;
  /** Hard cap on open stories kept in memory; the least recently updated are closed first. */
  maxOpenStories?: number;
  /** Open undated articles a ledger run leaves at most before it seals undated stories (ledger.ts `toSeal`). */
  undatedWindow?: number;
  /**
   * The fitted weights of the grouping (story-index.ts `WEIGHTS`). Left unset in use; set only to
   * cross-validate them (bench/stories/cv.ts: chosen on some topics, scored on another).
   */
  weights?: Partial<GroupWeights>;
}

/** The grouping's fitted weights (story-index.ts `WEIGHTS` has their values and reasons). */
export interface GroupWeights {
  /** What a join or merge keeps of its similarity when the two sides are about other people. */
  disagreement: number;
  /** `timeFit`: days of gap against the text each side brings. */
  timeRate: number;
  textScale: number;
  /** Fraction of a story's own cohesion an article across the dated/undated line must reach. */
  undatedJoinCohesion: number;
  /** Fraction of the within-story cohesion a merge across the dated/undated line must reach. */
  undatedMergeCohesion: number;
  /** Relative fit (to a dated story's own cohesion) an undated article needs to join it in the pass rather than an undated story. */
  undatedDatedFit: number;
  /** How many times better than its best undated story an undated article must fit that dated story. */
  undatedDatedMargin: number;
  /** Fraction of `threshold` a fragment's member must reach to join a larger story in `settle`. */
  attachFactor: number;
}

/**
 * The probe suite's shape (issue 15, recall on wording nobody tuned to): short invented stories told
 * by 2-4 invented outlets, each with the conflicts a careful reader finds and the traps a careful
 * reader does not report. A side is [article key, words holding the value] as in the story fixtures:
 * the key is the article's letter in order (A, B, C, D), the words must overlap the value read.
 * Written before the mechanism ran on them; a probe is never edited to fit the output.
 */
export type ProbeSide = [article: string, contains: string];

export interface ProbeConflict {
  what: string;
  sides: ProbeSide[];
}

export interface ProbeArticle {
  outlet: string;
  /** Publication day (YYYY-MM-DD). */
  published: string;
  text: string;
}

export interface Probe {
  id: string;
  /** The kind of value the probe is about: toll, injured, magnitude, money, count, age, duration, distance, date, place, actor, none. */
  kind: string;
  articles: ProbeArticle[];
  conflicts: ProbeConflict[];
  traps: ProbeConflict[];
}

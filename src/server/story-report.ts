import { crossCheck } from '../api/cross-check.js';
import type { ReportStory } from '../report/schema.js';
import type { Store } from '../store/index.js';
import type { StoryGroup } from '../stories/index.js';

/**
 * Building one story's report (its articles, entities and cross-check): the same code in the
 * report worker and, when no worker can run (an in-memory store), on the server's own thread.
 */

export interface StorySummary {
  /** Report cache key the summary was computed from. */
  key: string;
  facts: number | null;
  conflicts: number | null;
  quotes: number | null;
}

export interface BuiltReport {
  key: string;
  /** The report as JSON text (what the API serves). */
  json: string;
  summary: StorySummary;
  /** Why the cross-check is missing (it failed, or ran out of time); null when it is there. */
  error: string | null;
}

/**
 * The report of a story, through the library's `crossCheck` (the same story report the CLI and
 * `GET /api/report` give for the same store). A cross-check that fails (or is skipped: `compare`
 * false, after it ran out of time) leaves a report without it and the reason in `error`; only a
 * complete report is cached in the store.
 */
export async function buildStoryReport(store: Store, group: StoryGroup, key: string, compare = true, skippedBecause = 'skipped'): Promise<BuiltReport> {
  let report: ReportStory;
  let error: string | null = compare ? null : skippedBecause;
  try {
    report = await storyOf(store, group, compare);
    // a story or a cross-check that could not be built carries why as an error message
    const failed = report.crossCheck?.messages?.find((m) => m.level === 'error');
    if (failed) error = failed.message;
  } catch (e) {
    error = (e as Error)?.message ?? String(e);
    report = await storyOf(store, group, false);
  }
  if (error === null) {
    try {
      await store.saveStoryReport(group.id, key, report);
    } catch {
      /* a busy or read-only store: the report is served from memory */
    }
  }
  return { key, json: JSON.stringify(report), summary: summarise(key, report), error };
}

async function storyOf(store: Store, group: StoryGroup, compare: boolean): Promise<ReportStory> {
  const story = (await crossCheck(store, { stories: [group] }, { compare })).stories[0];
  if (!story) throw new Error(`story ${group.id} has no stored articles`);
  return story;
}

export function summarise(key: string, report: ReportStory): StorySummary {
  const cc = report.crossCheck as { facts?: unknown[]; conflicts?: { severity?: string }[]; quoteLedger?: { statements?: unknown[] }[] } | null;
  if (!cc || typeof cc !== 'object') return { key, facts: null, conflicts: null, quotes: null };
  return {
    key,
    facts: Array.isArray(cc.facts) ? cc.facts.length : null,
    conflicts: Array.isArray(cc.conflicts) ? cc.conflicts.filter((c) => c?.severity !== 'minor').length : null,
    quotes: Array.isArray(cc.quoteLedger) ? cc.quoteLedger.reduce((n, s) => n + (Array.isArray(s?.statements) ? s.statements.length : 0), 0) : null,
  };
}

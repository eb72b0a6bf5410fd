import { existsSync } from 'node:fs';
import type { Detail } from '../report/detail.js';
import type { Report, ReportStory } from '../report/schema.js';
import { REPORT_SCHEMA_VERSION } from '../report/version.js';
import { isPostgres } from '../store/location.js';
import type { Store, StoryFilter } from '../store/index.js';
import type { StoryGroup } from '../stories/index.js';

/** Stories already in the store, for the read commands (stories, show, export). */

/** A read command on a store that does not exist is an error, not a new empty store (a typo in --db). */
export async function openExistingStore(command: string, path: string | undefined): Promise<Store> {
  const db = path ?? process.env.TRIANGULATE_DB ?? 'triangulate.db';
  if (db !== ':memory:' && !isPostgres(db) && !existsSync(db)) {
    throw new StoreMissing(`${command}: no store at ${db} (create one with \`triangulate analyze <files>${path ? ` --db ${db}` : ''}\`, or pass --db PATH)`);
  }
  // loaded when a command runs, not when the CLI starts (`--version`, `--help` stay fast)
  const { openStore } = await import('../store/index.js');
  return openStore(db);
}

export class StoreMissing extends Error {}

async function groupOf(store: Store, id: string): Promise<StoryGroup | null> {
  const row = await store.getStoryRow(id);
  return row ? { ...(row.data as unknown as StoryGroup), id, members: [...row.members].sort() } : null;
}

/**
 * A story by id, or by an unambiguous prefix of its id, its articles at `detail` (lean: without
 * the annotation layers, which stay in the store; see report/build.ts fullArticles).
 */
export async function findStory(store: Store, id: string, withCrossCheck = true, onProblem?: (message: string) => void, detail: Detail = 'full'): Promise<ReportStory | string> {
  let g = await groupOf(store, id);
  if (!g) {
    const like = await store.storyIdsByPrefix(id, 3);
    if (like.length > 1) return `"${id}" matches several stories (${like.join(', ')}${like.length > 2 ? ', …' : ''}); give more of the id`;
    if (like.length === 1) g = await groupOf(store, like[0]);
  }
  if (!g) return `no story "${id}" in ${store.path} (\`triangulate stories\` lists them)`;
  const [{ buildStory }, { reportExtras }] = await Promise.all([import('../report/build.js'), import('../report/sections.js')]);
  if (!withCrossCheck) return await buildStory(store, g, new Map(), { ...reportExtras(), crossCheck: undefined }, detail);
  try {
    return await buildStory(store, g, new Map(), reportExtras(), detail);
  } catch (e) {
    // a story whose cross-check fails is still shown (and exported) without it; the reason goes to stderr
    onProblem?.(`story ${g.id}: the cross-check failed (${(e as Error)?.message ?? e}); shown without it`);
    return await buildStory(store, g, new Map(), { ...reportExtras(), crossCheck: undefined }, detail);
  }
}

/** The stories matching a filter, newest first, with their reports (cross-check from the store's cache when current). */
export async function loadStories(store: Store, f: StoryFilter, withCrossCheck: boolean, onProblem?: (message: string) => void): Promise<ReportStory[]> {
  const out: ReportStory[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await store.listStories({ ...f, limit: 500, offset });
    for (const row of page.stories) {
      // the tables read the articles' metadata only
      const s = await findStory(store, row.id, withCrossCheck, onProblem, 'lean');
      if (typeof s !== 'string') out.push(s);
    }
    if (page.stories.length < 500) break;
  }
  return out;
}

export function reportOf(stories: ReportStory[]): Report {
  return { tool: 'triangulate', schemaVersion: REPORT_SCHEMA_VERSION, stories, failures: [], counts: { new: 0, known: 0, updated: 0, failed: 0 } };
}

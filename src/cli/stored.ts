import { existsSync } from 'node:fs';
import { buildStory } from '../report/build.js';
import { REPORT_SCHEMA_VERSION, type Report, type ReportStory } from '../report/schema.js';
import { reportExtras } from '../report/sections.js';
import { listStories, type StoryFilter } from '../store/queries.js';
import type { Store } from '../store/sqlite.js';
import type { StoryGroup } from '../stories/index.js';

/** Stories already in the store, for the read commands (stories, show, export). */

/** A read command on a store that does not exist is an error, not a new empty store (a typo in --db). */
export async function openExistingStore(command: string, path: string | undefined): Promise<Store> {
  const db = path ?? 'triangulate.db';
  if (db !== ':memory:' && !existsSync(db)) {
    throw new StoreMissing(`${command}: no store at ${db} (create one with \`triangulate analyze <files>${path ? ` --db ${db}` : ''}\`, or pass --db PATH)`);
  }
  const { Store } = await import('../store/sqlite.js');
  return new Store(db);
}

export class StoreMissing extends Error {}

function groupOf(store: Store, id: string): StoryGroup | null {
  const row = store.db.prepare('SELECT data FROM stories WHERE id = ?').get(id) as { data: string } | undefined;
  if (!row) return null;
  const members = (store.db.prepare('SELECT doc_id FROM story_members WHERE story_id = ? ORDER BY doc_id').all(id) as { doc_id: string }[]).map((m) => m.doc_id);
  return { ...(JSON.parse(row.data) as StoryGroup), id, members };
}

/** A story by id, or by an unambiguous prefix of its id. */
export function findStory(store: Store, id: string, withCrossCheck = true, onProblem?: (message: string) => void): ReportStory | string {
  let g = groupOf(store, id);
  if (!g) {
    const like = store.db.prepare("SELECT id FROM stories WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT 3").all(`${id.replace(/[%_\\]/g, (c) => `\\${c}`)}%`) as { id: string }[];
    if (like.length > 1) return `"${id}" matches several stories (${like.map((r) => r.id).join(', ')}${like.length > 2 ? ', …' : ''}); give more of the id`;
    if (like.length === 1) g = groupOf(store, like[0].id);
  }
  if (!g) return `no story "${id}" in ${store.path} (\`triangulate stories\` lists them)`;
  if (!withCrossCheck) return buildStory(store, g, new Map(), { ...reportExtras(), crossCheck: undefined });
  try {
    return buildStory(store, g, new Map(), reportExtras());
  } catch (e) {
    // a story whose cross-check fails is still shown (and exported) without it; the reason goes to stderr
    onProblem?.(`story ${g.id}: the cross-check failed (${(e as Error)?.message ?? e}); shown without it`);
    return buildStory(store, g, new Map(), { ...reportExtras(), crossCheck: undefined });
  }
}

/** The stories matching a filter, newest first, with their reports (cross-check from the store's cache when current). */
export function loadStories(store: Store, f: StoryFilter, withCrossCheck: boolean, onProblem?: (message: string) => void): ReportStory[] {
  const out: ReportStory[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = listStories(store, { ...f, limit: 500, offset });
    for (const row of page.stories) {
      const s = findStory(store, row.id, withCrossCheck, onProblem);
      if (typeof s !== 'string') out.push(s);
    }
    if (page.stories.length < 500) break;
  }
  return out;
}

export function reportOf(stories: ReportStory[]): Report {
  return { tool: 'triangulate', schemaVersion: REPORT_SCHEMA_VERSION, stories, failures: [], counts: { new: 0, known: 0, updated: 0, failed: 0 } };
}

import type { Store } from './sqlite.js';
import { deleteStory, saveStoryMembership } from './queries.js';
import type { LedgerBackend, LedgerCommit, LedgerDoc, LedgerStory } from '../stories/ledger.js';
import type { StoryFeatures } from '../stories/types.js';

/**
 * The story ledger in the store (see src/stories/ledger.ts): per article its pass time, pass story,
 * copy link and vector; per pass story its founder and closing day; publication-day counts (the
 * clock); the document-frequency table. A derived index: its tables are created here on first use
 * (not by the store's migrations) and can be dropped at any time, the next run rebuilds them from
 * `story_features`. Every query is by index (time, story, closing day, id): a run reads what it
 * replays and the stories open at its replay point, never the whole store.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS story_ledger (
    doc_id TEXT PRIMARY KEY,
    t INTEGER,
    day INTEGER,
    story TEXT NOT NULL,
    copy_of TEXT,
    keys TEXT NOT NULL,
    vals BLOB NOT NULL,
    lite TEXT NOT NULL,
    output TEXT
  );
  CREATE INDEX IF NOT EXISTS story_ledger_t ON story_ledger(t);
  CREATE INDEX IF NOT EXISTS story_ledger_story ON story_ledger(story);
  CREATE TABLE IF NOT EXISTS story_ledger_stories (
    id TEXT PRIMARY KEY,
    founder TEXT NOT NULL,
    founder_t INTEGER,
    closed_at INTEGER
  );
  CREATE INDEX IF NOT EXISTS story_ledger_stories_closed ON story_ledger_stories(closed_at);
  CREATE INDEX IF NOT EXISTS story_ledger_stories_founded ON story_ledger_stories(founder_t);
  CREATE TABLE IF NOT EXISTS story_ledger_terms (term TEXT NOT NULL, story TEXT NOT NULL, PRIMARY KEY (term, story));
  CREATE INDEX IF NOT EXISTS story_ledger_terms_story ON story_ledger_terms(story);
  CREATE TABLE IF NOT EXISTS story_ledger_days (day INTEGER PRIMARY KEY, n INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS story_ledger_meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
`;

interface Row {
  doc_id: string;
  t: number | null;
  day: number | null;
  story: string;
  copy_of: string | null;
  keys: string;
  vals: Buffer;
  lite: string;
}

const SEP = '\u0001';
const CHUNK = 500;

function chunks<T>(xs: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

function fromRow(r: Row): LedgerDoc {
  const vals = new Float32Array(r.vals.buffer.slice(r.vals.byteOffset, r.vals.byteOffset + r.vals.byteLength));
  return {
    id: r.doc_id,
    t: r.t,
    day: r.day,
    story: r.story,
    copyOf: r.copy_of,
    vec: { keys: r.keys === '' ? [] : r.keys.split(SEP), vals: Array.from(vals) },
    f: JSON.parse(r.lite) as StoryFeatures,
  };
}

export class StoreLedger implements LedgerBackend {
  constructor(readonly store: Store) {
    store.db.exec(SCHEMA);
  }

  private get db() {
    return this.store.db;
  }

  /** Stored articles not yet in the ledger (new since the last run), in id order. */
  pending(): string[] {
    const rows = this.db.prepare('SELECT f.doc_id FROM story_features f LEFT JOIN story_ledger l ON l.doc_id = f.doc_id WHERE l.doc_id IS NULL ORDER BY f.doc_id').all() as { doc_id: string }[];
    return rows.map((r) => r.doc_id);
  }

  /** Articles in the ledger whose document is gone from the store (deleted since the last run). */
  orphans(): string[] {
    const rows = this.db.prepare('SELECT l.doc_id FROM story_ledger l LEFT JOIN story_features f ON f.doc_id = l.doc_id WHERE f.doc_id IS NULL ORDER BY l.doc_id').all() as { doc_id: string }[];
    return rows.map((r) => r.doc_id);
  }

  frequencies() {
    const n = this.db.prepare("SELECT value FROM story_ledger_meta WHERE key = 'n'").get() as { value: Buffer } | undefined;
    const c = this.db.prepare("SELECT value FROM story_ledger_meta WHERE key = 'df'").get() as { value: Buffer } | undefined;
    if (!n || !c) return null;
    const counts = new Uint32Array(c.value.buffer.slice(c.value.byteOffset, c.value.byteOffset + c.value.byteLength));
    return { n: Number(n.value.toString()), counts };
  }

  docs(ids: string[]): LedgerDoc[] {
    const out: LedgerDoc[] = [];
    for (const part of chunks(ids)) {
      const rows = this.db.prepare(`SELECT * FROM story_ledger WHERE doc_id IN (${part.map(() => '?').join(',')})`).all(...part) as Row[];
      out.push(...rows.map(fromRow));
    }
    return out;
  }

  docsFrom(d: number): LedgerDoc[] {
    return (this.db.prepare('SELECT * FROM story_ledger WHERE t >= ? UNION ALL SELECT * FROM story_ledger WHERE t IS NULL').all(d) as Row[]).map(fromRow);
  }

  openAt(d: number): LedgerDoc[] {
    const rows = this.db
      .prepare(
        `SELECT l.* FROM (
           SELECT id FROM story_ledger_stories WHERE closed_at IS NULL AND founder_t < ?
           UNION ALL SELECT id FROM story_ledger_stories WHERE closed_at >= ? AND founder_t < ?
         ) s JOIN story_ledger l ON l.story = s.id WHERE l.t < ?`,
      )
      .all(d, d, d, d) as Row[];
    return rows.map(fromRow);
  }

  daysBefore(d: number): [number, number][] {
    const rows = this.db.prepare('SELECT day, n FROM story_ledger_days WHERE day < ? AND n > 0 ORDER BY day').all(d) as { day: number; n: number }[];
    return rows.map((r) => [r.day, r.n]);
  }

  closedWithTerms(terms: string[]): LedgerStory[] {
    const ids = new Set<string>();
    for (const part of chunks(terms)) {
      const rows = this.db.prepare(`SELECT DISTINCT story FROM story_ledger_terms WHERE term IN (${part.map(() => '?').join(',')})`).all(...part) as { story: string }[];
      for (const r of rows) ids.add(r.story);
    }
    const out: LedgerStory[] = [];
    const get = this.db.prepare('SELECT id, founder, founder_t, closed_at FROM story_ledger_stories WHERE id = ? AND closed_at IS NOT NULL');
    const termsOf = this.db.prepare('SELECT term FROM story_ledger_terms WHERE story = ?');
    for (const id of [...ids].sort()) {
      const r = get.get(id) as { id: string; founder: string; founder_t: number | null; closed_at: number } | undefined;
      if (!r) continue;
      const t = (termsOf.all(id) as { term: string }[]).map((x) => x.term);
      out.push({ id: r.id, founder: r.founder, founderT: r.founder_t, closedAt: r.closed_at, terms: t });
    }
    return out;
  }

  membersOf(storyIds: string[]): LedgerDoc[] {
    const out: LedgerDoc[] = [];
    for (const part of chunks(storyIds)) {
      const rows = this.db.prepare(`SELECT * FROM story_ledger WHERE story IN (${part.map(() => '?').join(',')}) AND t IS NOT NULL`).all(...part) as Row[];
      out.push(...rows.map(fromRow));
    }
    return out;
  }

  features(ids: string[]): Map<string, StoryFeatures> {
    const out = new Map<string, StoryFeatures>();
    for (const part of chunks(ids)) {
      const rows = this.db.prepare(`SELECT doc_id, data FROM story_features WHERE doc_id IN (${part.map(() => '?').join(',')})`).all(...part) as { doc_id: string; data: string }[];
      for (const r of rows) out.set(r.doc_id, JSON.parse(r.data) as StoryFeatures);
    }
    return out;
  }

  outputOf(ids: string[]): Set<string> {
    const out = new Set<string>();
    for (const part of chunks(ids)) {
      const q = part.map(() => '?').join(',');
      const rows = this.db.prepare(`SELECT output AS s FROM story_ledger WHERE doc_id IN (${q}) AND output IS NOT NULL UNION SELECT story_id AS s FROM story_members WHERE doc_id IN (${q})`).all(...part, ...part) as { s: string }[];
      for (const r of rows) out.add(r.s);
    }
    return out;
  }

  outputJson(ids: string[]): Map<string, string> {
    const out = new Map<string, string>();
    for (const part of chunks(ids)) {
      const rows = this.db.prepare(`SELECT id, data FROM stories WHERE id IN (${part.map(() => '?').join(',')})`).all(...part) as { id: string; data: string }[];
      for (const r of rows) out.set(r.id, r.data);
    }
    return out;
  }

  commit(c: LedgerCommit): void {
    this.store.transaction(() => {
      const day = this.db.prepare('SELECT day FROM story_ledger WHERE doc_id = ?');
      const delDay = this.db.prepare('UPDATE story_ledger_days SET n = n - 1 WHERE day = ?');
      const del = this.db.prepare('DELETE FROM story_ledger WHERE doc_id = ?');
      for (const id of c.deleteDocs) {
        const r = day.get(id) as { day: number | null } | undefined;
        if (r?.day != null) delDay.run(r.day);
        del.run(id);
      }
      const put = this.db.prepare('INSERT OR REPLACE INTO story_ledger (doc_id, t, day, story, copy_of, keys, vals, lite) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
      const addDay = this.db.prepare('INSERT INTO story_ledger_days (day, n) VALUES (?, 1) ON CONFLICT(day) DO UPDATE SET n = n + 1');
      for (const x of c.putDocs) {
        put.run(x.id, x.t, x.day, x.story, x.copyOf, x.vec.keys.join(SEP), Buffer.from(Float32Array.from(x.vec.vals).buffer), JSON.stringify(x.f));
        if (x.day !== null) addDay.run(x.day);
      }
      this.db.prepare('DELETE FROM story_ledger_terms WHERE story IN (SELECT id FROM story_ledger_stories WHERE founder_t >= ? OR founder_t IS NULL)').run(c.dropStoriesFrom);
      this.db.prepare('DELETE FROM story_ledger_stories WHERE founder_t >= ? OR founder_t IS NULL').run(c.dropStoriesFrom);
      const delTerms = this.db.prepare('DELETE FROM story_ledger_terms WHERE story = ?');
      const putTerm = this.db.prepare('INSERT OR IGNORE INTO story_ledger_terms (term, story) VALUES (?, ?)');
      const putStory = this.db.prepare('INSERT OR REPLACE INTO story_ledger_stories (id, founder, founder_t, closed_at) VALUES (?, ?, ?, ?)');
      for (const s of c.putStories as LedgerStory[]) {
        putStory.run(s.id, s.founder, s.founderT, s.closedAt === null ? null : Math.max(-1e9, s.closedAt));
        delTerms.run(s.id);
        for (const t of s.terms ?? []) putTerm.run(t, s.id);
      }
      this.db.prepare("INSERT OR REPLACE INTO story_ledger_meta (key, value) VALUES ('n', ?)").run(Buffer.from(String(c.frequencies.n)));
      this.db.prepare("INSERT OR REPLACE INTO story_ledger_meta (key, value) VALUES ('df', ?)").run(Buffer.from(c.frequencies.counts.buffer, c.frequencies.counts.byteOffset, c.frequencies.counts.byteLength));

      const kept = new Set(c.putOutputs.map((g) => g.id));
      for (const id of c.dropOutputs) if (!kept.has(id)) deleteStory(this.store, id);
      const setOutput = this.db.prepare('UPDATE story_ledger SET output = ? WHERE doc_id = ?');
      for (const g of c.putOutputs) {
        saveStoryMembership(this.store, { id: g.id, members: g.members, data: g });
        for (const m of g.members) setOutput.run(g.id, m);
      }
    });
  }
}

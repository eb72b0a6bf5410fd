import type { KeptPass, LedgerCommit, LedgerDoc, LedgerStory } from '../../stories/ledger.js';
import { closedDay, float32Bytes, frequenciesOf, frequencyBytes, type KeyDictionary, type LedgerRow, ledgerToken, parseOrNull, peopleFromText, peopleText, RESET_LEDGER_SQL } from '../ledger-rows.js';
import type { KeyIdCache } from '../../stories/story-index.js';
import type { StoreLedger } from '../types.js';
import { saveStoryMembership } from './queries.js';
import type { SqliteStore } from './store.js';

/**
 * The story ledger in SQLite (tables of migration 3; what they hold: src/stories/ledger.ts). Every
 * query is by index (time, story, closing day, id): a run reads what it replays and the stories
 * open at its replay point, never the whole store. Runs inside `SqliteStore.storyLedger`'s
 * transaction; the methods answer synchronously under their promises.
 */


const CHUNK = 500;

function chunks<T>(xs: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}


const marks = (n: number) => Array.from({ length: n }, () => '?').join(',');

export class SqliteLedger implements StoreLedger {
  private checked = false;

  constructor(readonly store: SqliteStore) {}

  private get db() {
    return this.store.db;
  }

  /** The process's decoded rows, once checked against the ledger's token for this run (`LedgerDocCache`). */
  private get cache() {
    if (!this.checked) {
      const t = this.db.prepare("SELECT value FROM story_ledger_meta WHERE key = 'token'").get() as { value: Buffer } | undefined;
      this.store.ledgerDocs.check(t ? t.value.toString() : null);
      this.checked = true;
    }
    return this.store.ledgerDocs;
  }

  /** The key dictionary: the process's, kept across its runs (`LedgerDocCache`). */
  private get dict(): KeyDictionary {
    return this.cache.keys;
  }

  /** Rows back to documents, reading the keys of the dictionary this process has not seen yet. */
  private decode(rows: LedgerRow[]): LedgerDoc[] {
    const dict = this.dict;
    const missing = dict.missingIds(rows);
    for (const part of chunks(missing))
      for (const r of this.db.prepare(`SELECT id, key FROM story_ledger_keys WHERE id IN (${marks(part.length)})`).all(...part) as { id: number; key: string }[]) dict.add(r.id, r.key);
    return rows.map((r) => dict.decode(r));
  }

  /** These documents' vector keys as stored ids and their packed features (`KeyDictionary.encodeAll`); keys without an id are looked up, or added to the dictionary. */
  private encodeRows(docs: LedgerDoc[], known?: KeyIdCache): { ids: Buffer[]; packed: (Buffer | null)[] } {
    const dict = this.dict;
    const { missing, rows } = dict.encodeAll(docs, undefined, known);
    if (missing.length === 0) return rows();
    const find = this.db.prepare('SELECT id FROM story_ledger_keys WHERE key = ?').pluck();
    const add = this.db.prepare('INSERT INTO story_ledger_keys (key) VALUES (?)');
    for (const k of missing) {
      let id = find.get(k) as number | undefined;
      if (id === undefined) {
        // (an id that exists only if this run commits)
        this.cache.uncommitted();
        id = Number(add.run(k).lastInsertRowid);
      }
      dict.add(id, k);
    }
    return rows();
  }

  /**
   * Stored articles the ledger has not placed in their current features version. Reads the queue
   * (migration 7: triggers on story_features queue every article written or deleted), not the
   * store: entries found settled (placed in the current version, or gone from both tables) leave
   * it first, so the queue holds about the last run's articles and those still left out.
   */
  async takeKeptPass() {
    return this.cache.takePass();
  }

  keepPass(k: KeptPass | null): void {
    this.cache.keepPass(k);
  }

  async pending(): Promise<string[]> {
    this.db.exec(
      `DELETE FROM story_ledger_queue WHERE doc_id IN (
         SELECT q.doc_id FROM story_ledger_queue q LEFT JOIN story_features f ON f.doc_id = q.doc_id LEFT JOIN story_ledger l ON l.doc_id = q.doc_id
         WHERE (f.doc_id IS NULL AND l.doc_id IS NULL) OR l.version = f.version)`,
    );
    return this.db.prepare('SELECT q.doc_id FROM story_ledger_queue q JOIN story_features f ON f.doc_id = q.doc_id ORDER BY q.doc_id').pluck().all() as string[];
  }

  async reset(): Promise<void> {
    this.db.exec(RESET_LEDGER_SQL);
    // (every stored article is pending again: the one whole-store read, on a reset only)
    this.db.exec('INSERT OR IGNORE INTO story_ledger_queue (doc_id) SELECT doc_id FROM story_features');
    this.cache.clear();
  }

  /** Placed articles whose features are gone (deleted articles): queued by the delete trigger. */
  async orphans(): Promise<string[]> {
    return this.db
      .prepare('SELECT q.doc_id FROM story_ledger_queue q JOIN story_ledger l ON l.doc_id = q.doc_id WHERE NOT EXISTS (SELECT 1 FROM story_features f WHERE f.doc_id = q.doc_id) ORDER BY q.doc_id')
      .pluck()
      .all() as string[];
  }

  async frequencies() {
    const n = this.db.prepare("SELECT value FROM story_ledger_meta WHERE key = 'n'").get() as { value: Buffer } | undefined;
    const df = this.db.prepare("SELECT value FROM story_ledger_meta WHERE key = 'df'").get() as { value: Buffer } | undefined;
    return frequenciesOf(n?.value, df?.value);
  }

  async docs(ids: string[]): Promise<LedgerDoc[]> {
    const out: LedgerDoc[] = [];
    for (const part of chunks(ids)) out.push(...this.decode(this.db.prepare(`SELECT * FROM story_ledger WHERE doc_id IN (${marks(part.length)})`).all(...part) as LedgerRow[]));
    return out;
  }

  async docsFrom(d: number): Promise<LedgerDoc[]> {
    // (the open undated rows through their partial index, migration 6: without statistics the planner
    // took story_ledger_t and read every undated row, sealed ones included)
    return this.decode(
      this.db.prepare('SELECT * FROM story_ledger WHERE t >= ? UNION ALL SELECT * FROM story_ledger INDEXED BY story_ledger_open_undated WHERE t IS NULL AND sealed = 0').all(d) as LedgerRow[],
    );
  }

  async unsealStoriesOf(ids: string[]): Promise<void> {
    // (rows change under the cache: it starts again)
    this.cache.clear();
    for (const part of chunks(ids)) {
      const q = marks(part.length);
      this.db
        // (a deleted article has lost its membership row; its ledger row still names its story)
        .prepare(
          `UPDATE story_ledger SET sealed = 0 WHERE sealed = 1 AND (doc_id IN (${q}) OR doc_id IN (SELECT m.doc_id FROM story_members m WHERE m.story_id IN (SELECT output FROM story_ledger WHERE doc_id IN (${q}))))`,
        )
        .run(...part, ...part);
    }
  }

  async openAt(d: number): Promise<LedgerDoc[]> {
    const ids = this.db
      .prepare(
        // stories first, by their closing day (CROSS JOIN keeps that order; '+' keeps the planner off
        // founder_t): driving from story_ledger's t < d would read every earlier row of the store
        `SELECT l.doc_id FROM (
           SELECT id FROM story_ledger_stories WHERE closed_at IS NULL AND +founder_t < ?
           UNION ALL SELECT id FROM story_ledger_stories WHERE closed_at >= ? AND +founder_t < ?
         ) s CROSS JOIN story_ledger l ON l.story = s.id WHERE l.t < ?`,
      )
      .pluck()
      .all(d, d, d, d) as string[];
    // ids first: the rows the last run read or wrote are decoded already (`LedgerDocCache`)
    const cache = this.cache;
    const missing = ids.filter((id) => cache.get(id) === undefined);
    const read: LedgerDoc[] = [];
    for (const part of chunks(missing)) read.push(...this.decode(this.db.prepare(`SELECT * FROM story_ledger WHERE doc_id IN (${marks(part.length)})`).all(...part) as LedgerRow[]));
    cache.put(read);
    return ids.map((id) => cache.get(id)!);
  }

  async daysBefore(d: number): Promise<[number, number][]> {
    const rows = this.db.prepare('SELECT day, n FROM story_ledger_days WHERE day < ? AND n > 0 ORDER BY day').all(d) as { day: number; n: number }[];
    return rows.map((r) => [r.day, r.n]);
  }

  async closedWithTerms(terms: string[]): Promise<LedgerStory[]> {
    const ids = new Set<string>();
    for (const part of chunks(terms)) for (const id of this.db.prepare(`SELECT DISTINCT story FROM story_ledger_terms WHERE term IN (${marks(part.length)})`).pluck().all(...part) as string[]) ids.add(id);
    const get = this.db.prepare('SELECT id, founder, founder_t, closed_at, people FROM story_ledger_stories WHERE id = ? AND closed_at IS NOT NULL');
    const termsOf = this.db.prepare('SELECT term FROM story_ledger_terms WHERE story = ? ORDER BY term').pluck();
    const out: LedgerStory[] = [];
    for (const id of [...ids].sort()) {
      const r = get.get(id) as { id: string; founder: string; founder_t: number | null; closed_at: number; people: string | null } | undefined;
      if (r) out.push({ id: r.id, founder: r.founder, founderT: r.founder_t, closedAt: r.closed_at, terms: termsOf.all(id) as string[], people: peopleFromText(r.people) });
    }
    return out;
  }

  async membersOf(storyIds: string[]): Promise<LedgerDoc[]> {
    const out: LedgerDoc[] = [];
    for (const part of chunks(storyIds)) out.push(...this.decode(this.db.prepare(`SELECT * FROM story_ledger WHERE story IN (${marks(part.length)}) AND t IS NOT NULL`).all(...part) as LedgerRow[]));
    return out;
  }

  async keepClosingPeople(stories: { id: string; people: string[] }[]): Promise<void> {
    const put = this.db.prepare('UPDATE story_ledger_stories SET people = ? WHERE id = ? AND closed_at IS NOT NULL AND people IS NULL');
    for (const s of stories) put.run(peopleText(s.people), s.id);
  }

  async features<T = unknown>(ids: string[], each?: (stored: unknown) => T): Promise<Map<string, T>> {
    const out = new Map<string, T>();
    for (const part of chunks(ids)) {
      // (row by row: with `each`, what the run keeps of an article is made before the next is read)
      const rows = this.db.prepare(`SELECT doc_id, data FROM story_features WHERE doc_id IN (${marks(part.length)})`).iterate(...part) as IterableIterator<{ doc_id: string; data: string }>;
      for (const r of rows) {
        const x = parseOrNull(r.data);
        out.set(r.doc_id, each ? each(x) : (x as T));
      }
    }
    return out;
  }

  async outputOf(ids: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    // (what this process's last commit wrote is known without a statement: `LedgerDocCache.outputOf`)
    const cache = this.cache;
    const unknown: string[] = [];
    for (const id of ids) {
      const o = cache.outputOf(id);
      if (o === undefined) unknown.push(id);
      else out.add(o);
    }
    for (const part of chunks(unknown)) {
      const q = marks(part.length);
      const rows = this.db.prepare(`SELECT output FROM story_ledger WHERE doc_id IN (${q}) AND output IS NOT NULL UNION SELECT story_id FROM story_members WHERE doc_id IN (${q})`).pluck().all(...part, ...part) as string[];
      for (const s of rows) out.add(s);
    }
    return out;
  }

  async outputJson(ids: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const part of chunks(ids)) for (const r of this.db.prepare(`SELECT id, data FROM stories WHERE id IN (${marks(part.length)})`).all(...part) as { id: string; data: string }[]) out.set(r.id, r.data);
    return out;
  }

  async commit(c: LedgerCommit): Promise<void> {
    const cache = this.cache;
    const token = ledgerToken();
    this.store.transaction(() => {
      this.writeDocs(c);
      this.writeStories(c);
      this.writeOutputs(c);
      this.db.prepare("INSERT OR REPLACE INTO story_ledger_meta (key, value) VALUES ('token', ?)").run(Buffer.from(token));
    });
    cache.committed(token, c);
  }

  private writeDocs(c: LedgerCommit) {
    const day = this.db.prepare('SELECT day FROM story_ledger WHERE doc_id = ?').pluck();
    const delDay = this.db.prepare('UPDATE story_ledger_days SET n = n - 1 WHERE day = ?');
    const del = this.db.prepare('DELETE FROM story_ledger WHERE doc_id = ?');
    // (a row taken out and not put back: its article, if still stored, is pending again)
    const requeue = this.db.prepare('INSERT OR IGNORE INTO story_ledger_queue (doc_id) VALUES (?)');
    const placed = new Set(c.putDocs.map((x) => x.id));
    for (const id of c.deleteDocs) {
      const d = day.get(id) as number | null | undefined;
      if (d != null) delDay.run(d);
      del.run(id);
      if (!placed.has(id)) requeue.run(id);
    }
    // the version of the features placed: a re-analysed article (new features version) is pending again
    const put = this.db.prepare(
      'INSERT OR REPLACE INTO story_ledger (doc_id, t, day, story, copy_of, key_ids, vals, lite, packed, sealed, output, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT version FROM story_features WHERE doc_id = ?))',
    );
    // (each placed article's output story goes in with its row: no second write of the row)
    const output = new Map<string, string>();
    for (const g of c.putOutputs) for (const m of g.members) output.set(m, g.id);
    const sealed = new Set(c.sealDocs);
    const { ids: keyIds, packed } = this.encodeRows(c.putDocs, c.keyIds);
    const addDay = this.db.prepare('INSERT INTO story_ledger_days (day, n) VALUES (?, ?) ON CONFLICT(day) DO UPDATE SET n = n + excluded.n');
    // (articles per day counted here: one write per day, not per article)
    const perDay = new Map<number, number>();
    for (let i = 0; i < c.putDocs.length; i++) {
      const x = c.putDocs[i];
      put.run(x.id, x.t, x.day, x.story, x.copyOf, keyIds[i], float32Bytes(x.vec.vals), packed[i] ? '' : JSON.stringify(x.f), packed[i], sealed.has(x.id) ? 1 : 0, output.get(x.id) ?? null, x.id);
      if (x.day !== null) perDay.set(x.day, (perDay.get(x.day) ?? 0) + 1);
    }
    for (const [day, n] of perDay) addDay.run(day, n);
    // placed in their current version: off the queue now (the run holds the write lock, so no
    // write came in between), not at the next run's clean-up (a first run over a big store queued all)
    const dequeue = this.db.prepare('DELETE FROM story_ledger_queue WHERE doc_id = ?');
    for (const x of c.putDocs) dequeue.run(x.id);
    const setMeta = this.db.prepare('INSERT OR REPLACE INTO story_ledger_meta (key, value) VALUES (?, ?)');
    const { n, df } = frequencyBytes(c.frequencies);
    setMeta.run('n', n);
    setMeta.run('df', df);
  }

  private writeStories(c: LedgerCommit) {
    this.db.prepare('DELETE FROM story_ledger_terms WHERE story IN (SELECT id FROM story_ledger_stories WHERE founder_t >= ? OR founder_t IS NULL)').run(c.dropStoriesFrom);
    this.db.prepare('DELETE FROM story_ledger_stories WHERE founder_t >= ? OR founder_t IS NULL').run(c.dropStoriesFrom);
    const delTerms = this.db.prepare('DELETE FROM story_ledger_terms WHERE story = ?');
    const putTerm = this.db.prepare('INSERT OR IGNORE INTO story_ledger_terms (term, story) VALUES (?, ?)');
    const putStory = this.db.prepare('INSERT OR REPLACE INTO story_ledger_stories (id, founder, founder_t, closed_at, people) VALUES (?, ?, ?, ?, ?)');
    for (const s of c.putStories) {
      putStory.run(s.id, s.founder, s.founderT, closedDay(s.closedAt), peopleText(s.people));
      delTerms.run(s.id);
      for (const t of s.terms ?? []) putTerm.run(t, s.id);
    }
  }

  /** The output stories: dropped ones go (with membership and cached report), new and changed ones are written. */
  private writeOutputs(c: LedgerCommit) {
    const kept = new Set(c.putOutputs.map((g) => g.id));
    const drop = ['story_members WHERE story_id', 'story_reports WHERE story_id', 'stories WHERE id'].map((t) => this.db.prepare(`DELETE FROM ${t} = ?`));
    for (const id of c.dropOutputs) if (!kept.has(id)) for (const q of drop) q.run(id);
    // (a row whose output is already right is not written again: most members of a grown story;
    // the rows placed by this run got theirs in writeDocs)
    const setOutput = this.db.prepare('UPDATE story_ledger SET output = ? WHERE doc_id = ? AND output IS NOT ?');
    const changed = new Set(c.changedOutputs);
    const placed = new Set(c.putDocs.map((x) => x.id));
    const cache = this.cache;
    for (const g of c.putOutputs) {
      if (!changed.has(g.id)) continue;
      saveStoryMembership(this.store, { id: g.id, members: g.members, data: g });
      // (a member whose output the last commit set to this story already is not written again)
      for (const m of g.members) if (!placed.has(m) && cache.outputOf(m) !== g.id) setOutput.run(g.id, m, g.id);
    }
  }
}

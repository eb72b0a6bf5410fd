import type { KeptPass, LedgerCommit, LedgerDoc, LedgerStory } from '../../stories/ledger.js';
import { closedDay, float32Bytes, frequenciesOf, frequencyBytes, LEDGER_COLUMNS, LedgerDocCache, type LedgerRow, ledgerToken, parseOrNull, peopleFromText, peopleText, RESET_LEDGER_SQL } from '../ledger-rows.js';
import type { KeyIdCache } from '../../stories/story-index.js';
import type { StoreLedger } from '../types.js';
import type { Queryable } from './connect.js';

/**
 * The story ledger in PostgreSQL (tables of migration 3; the same rows as SQLite's, see
 * src/stories/ledger.ts). Runs on the connection of `PostgresStore.storyLedger`'s transaction,
 * which holds the stories lock. Reads and writes are a few statements over arrays (`= ANY`,
 * `unnest`), whatever the number of articles: a run's cost is its round trips plus its rows.
 */


const COLUMNS = LEDGER_COLUMNS;


/** PostgreSQL text cannot hold NUL (JSON escapes it; keys and ids never should). */
const noNul = (s: string) => s.replace(/\0/g, '');

export class PostgresLedger implements StoreLedger {
  private checked = false;
  /** The queue stamp `pending` read for each pending article: placed, its entry goes with that stamp only. */
  private readonly stamps = new Map<string, string>();

  /** `docCache`: the process's decoded rows (`LedgerDocCache`, kept by the store across runs). */
  constructor(
    private readonly c: Queryable,
    private readonly docCache: LedgerDocCache = new LedgerDocCache(),
  ) {}

  /** The cache, once checked against the ledger's token for this run. */
  private async cache(): Promise<LedgerDocCache> {
    if (!this.checked) {
      const rows = await this.rows<{ value: Buffer }>("SELECT value FROM story_ledger_meta WHERE key = 'token'");
      this.docCache.check(rows.length ? rows[0].value.toString() : null);
      this.checked = true;
    }
    return this.docCache;
  }

  /** Rows back to documents, reading the keys of the dictionary this process has not seen yet (the dictionary is the process's: `LedgerDocCache`). */
  private async decode(rows: LedgerRow[]): Promise<LedgerDoc[]> {
    const dict = (await this.cache()).keys;
    const missing = dict.missingIds(rows);
    if (missing.length) for (const r of await this.rows<{ id: number; key: string }>('SELECT id, key FROM story_ledger_keys WHERE id = ANY($1::int[])', [missing])) dict.add(r.id, r.key);
    return rows.map((r) => dict.decode(r));
  }

  /** These documents' vector keys as stored ids and their packed features (`KeyDictionary.encodeAll`); keys without an id are looked up, or added to the dictionary. */
  private async encodeRows(docs: LedgerDoc[], known?: KeyIdCache): Promise<{ ids: Buffer[]; packed: (Buffer | null)[] }> {
    const cache = await this.cache();
    const { missing, rows } = cache.keys.encodeAll(docs, noNul, known);
    if (!missing.length) return rows();
    // (ids that may exist only if this run commits)
    cache.uncommitted();
    await this.c.query('INSERT INTO story_ledger_keys (key) SELECT unnest($1::text[]) ON CONFLICT (key) DO NOTHING', [missing]);
    for (const r of await this.rows<{ id: number; key: string }>('SELECT id, key FROM story_ledger_keys WHERE key = ANY($1::text[])', [missing])) cache.keys.add(r.id, r.key);
    return rows();
  }

  private async rows<R>(sql: string, params: unknown[] = []): Promise<R[]> {
    return (await this.c.query(sql, params)).rows as R[];
  }

  /**
   * Stored articles the ledger has not placed in their current features version, read from the
   * queue (migration 7), not the store. Entries found settled (placed in the current version, or
   * gone from both tables) leave it, each only with the stamp read here: a write since renewed it.
   */
  async takeKeptPass() {
    return (await this.cache()).takePass();
  }

  keepPass(k: KeptPass | null): void {
    this.docCache.keepPass(k);
  }

  async pending(): Promise<string[]> {
    const rows = await this.rows<{ doc_id: string; stamp: string; features: boolean; settled: boolean }>(
      `SELECT q.doc_id, q.stamp, f.doc_id IS NOT NULL AS features,
         (f.doc_id IS NULL AND l.doc_id IS NULL) OR (f.doc_id IS NOT NULL AND l.doc_id IS NOT NULL AND l.version IS NOT DISTINCT FROM f.version) AS settled
       FROM story_ledger_queue q LEFT JOIN story_features f ON f.doc_id = q.doc_id LEFT JOIN story_ledger l ON l.doc_id = q.doc_id ORDER BY q.doc_id`,
    );
    for (const r of rows) if (r.features && !r.settled) this.stamps.set(r.doc_id, r.stamp);
    const settled = rows.filter((r) => r.settled);
    if (settled.length)
      await this.c.query('DELETE FROM story_ledger_queue q USING unnest($1::text[], $2::bigint[]) AS u(d, s) WHERE q.doc_id = u.d AND q.stamp = u.s', [settled.map((r) => r.doc_id), settled.map((r) => r.stamp)]);
    return rows.filter((r) => r.features && !r.settled).map((r) => r.doc_id);
  }

  async reset(): Promise<void> {
    await this.c.query(RESET_LEDGER_SQL);
    // (every stored article is pending again: the one whole-store read, on a reset only)
    await this.c.query("INSERT INTO story_ledger_queue (doc_id, stamp) SELECT doc_id, nextval('story_ledger_queue_stamp') FROM story_features ON CONFLICT (doc_id) DO NOTHING");
    (await this.cache()).clear();
  }

  /** Placed articles whose features are gone (deleted articles): queued by the trigger. */
  async orphans(): Promise<string[]> {
    const rows = await this.rows<{ doc_id: string }>(
      'SELECT q.doc_id FROM story_ledger_queue q JOIN story_ledger l ON l.doc_id = q.doc_id WHERE NOT EXISTS (SELECT 1 FROM story_features f WHERE f.doc_id = q.doc_id) ORDER BY q.doc_id',
    );
    return rows.map((r) => r.doc_id);
  }

  async frequencies() {
    const rows = await this.rows<{ key: string; value: Buffer }>("SELECT key, value FROM story_ledger_meta WHERE key IN ('n', 'df')");
    return frequenciesOf(rows.find((r) => r.key === 'n')?.value, rows.find((r) => r.key === 'df')?.value);
  }

  async docs(ids: string[]): Promise<LedgerDoc[]> {
    if (!ids.length) return [];
    return this.decode(await this.rows<LedgerRow>(`SELECT ${COLUMNS} FROM story_ledger WHERE doc_id = ANY($1::text[])`, [ids]));
  }

  async docsFrom(d: number): Promise<LedgerDoc[]> {
    return this.decode(await this.rows<LedgerRow>(`SELECT ${COLUMNS} FROM story_ledger WHERE t >= $1 UNION ALL SELECT ${COLUMNS} FROM story_ledger WHERE t IS NULL AND sealed = 0`, [d]));
  }

  async unsealStoriesOf(ids: string[]): Promise<void> {
    if (!ids.length) return;
    // (rows change under the cache: it starts again)
    (await this.cache()).clear();
    // (a deleted article has lost its membership row; its ledger row still names its story)
    await this.c.query(
      `UPDATE story_ledger SET sealed = 0 WHERE sealed = 1 AND (doc_id = ANY($1::text[])
         OR doc_id IN (SELECT m.doc_id FROM story_members m WHERE m.story_id IN (SELECT output FROM story_ledger WHERE doc_id = ANY($1::text[]))))`,
      [ids],
    );
  }

  async openAt(d: number): Promise<LedgerDoc[]> {
    const ids = await this.rows<{ doc_id: string }>(
      `SELECT l.doc_id FROM story_ledger_stories s JOIN story_ledger l ON l.story = s.id
       WHERE s.founder_t < $1 AND (s.closed_at IS NULL OR s.closed_at >= $1) AND l.t < $1`,
      [d],
    );
    // ids first: the rows the last run read or wrote are decoded already (`LedgerDocCache`)
    const cache = await this.cache();
    const missing = ids.map((r) => r.doc_id).filter((id) => cache.get(id) === undefined);
    if (missing.length) cache.put(await this.decode(await this.rows<LedgerRow>(`SELECT ${COLUMNS} FROM story_ledger WHERE doc_id = ANY($1::text[])`, [missing])));
    return ids.map((r) => cache.get(r.doc_id)!);
  }

  async daysBefore(d: number): Promise<[number, number][]> {
    const rows = await this.rows<{ day: number; n: number }>('SELECT day, n FROM story_ledger_days WHERE day < $1 AND n > 0 ORDER BY day', [d]);
    return rows.map((r) => [r.day, r.n]);
  }

  async closedWithTerms(terms: string[]): Promise<LedgerStory[]> {
    if (!terms.length) return [];
    const rows = await this.rows<{ id: string; founder: string; founder_t: number | null; closed_at: number; terms: string[]; people: string | null }>(
      `SELECT s.id, s.founder, s.founder_t, s.closed_at, s.people, array(SELECT x.term FROM story_ledger_terms x WHERE x.story = s.id ORDER BY x.term) AS terms
       FROM story_ledger_stories s
       WHERE s.closed_at IS NOT NULL AND s.id IN (SELECT story FROM story_ledger_terms WHERE term = ANY($1::text[]))
       ORDER BY s.id`,
      [terms.map(noNul)],
    );
    return rows.map((r) => ({ id: r.id, founder: r.founder, founderT: r.founder_t, closedAt: r.closed_at, terms: r.terms, people: peopleFromText(r.people) }));
  }

  async membersOf(storyIds: string[]): Promise<LedgerDoc[]> {
    if (!storyIds.length) return [];
    return this.decode(await this.rows<LedgerRow>(`SELECT ${COLUMNS} FROM story_ledger WHERE story = ANY($1::text[]) AND t IS NOT NULL`, [storyIds]));
  }

  async keepClosingPeople(stories: { id: string; people: string[] }[]): Promise<void> {
    if (!stories.length) return;
    await this.c.query(
      `UPDATE story_ledger_stories s SET people = x.people FROM unnest($1::text[], $2::text[]) AS x(id, people)
       WHERE s.id = x.id AND s.closed_at IS NOT NULL AND s.people IS NULL`,
      [stories.map((x) => x.id), stories.map((x) => peopleText(x.people))],
    );
  }

  async features<T = unknown>(ids: string[], each?: (stored: unknown) => T): Promise<Map<string, T>> {
    const out = new Map<string, T>();
    if (!ids.length) return out;
    for (const r of await this.rows<{ doc_id: string; data: string }>('SELECT doc_id, data FROM story_features WHERE doc_id = ANY($1::text[])', [ids])) {
      const x = parseOrNull(r.data);
      out.set(r.doc_id, each ? each(x) : (x as T));
    }
    return out;
  }

  async outputOf(ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await this.rows<{ s: string }>(
      'SELECT output AS s FROM story_ledger WHERE doc_id = ANY($1::text[]) AND output IS NOT NULL UNION SELECT story_id AS s FROM story_members WHERE doc_id = ANY($1::text[])',
      [ids],
    );
    return new Set(rows.map((r) => r.s));
  }

  async outputJson(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await this.rows<{ id: string; data: string }>('SELECT id, data FROM stories WHERE id = ANY($1::text[])', [ids]);
    return new Map(rows.map((r) => [r.id, r.data]));
  }

  async commit(c: LedgerCommit): Promise<void> {
    const cache = await this.cache();
    const token = ledgerToken();
    await this.writeDocs(c);
    await this.writeStories(c);
    await this.writeOutputs(c);
    await this.c.query("INSERT INTO story_ledger_meta (key, value) VALUES ('token', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [Buffer.from(token)]);
    cache.committed(token, c);
  }

  private async writeDocs(c: LedgerCommit) {
    if (c.deleteDocs.length) {
      await this.c.query(
        `UPDATE story_ledger_days d SET n = d.n - x.k
         FROM (SELECT day, count(*)::int AS k FROM story_ledger WHERE doc_id = ANY($1::text[]) AND day IS NOT NULL GROUP BY day) x WHERE d.day = x.day`,
        [c.deleteDocs],
      );
      await this.c.query('DELETE FROM story_ledger WHERE doc_id = ANY($1::text[])', [c.deleteDocs]);
      // (a row taken out and not put back: its article, if still stored, is pending again)
      const placed = new Set(c.putDocs.map((x) => x.id));
      const out = c.deleteDocs.filter((id) => !placed.has(id));
      if (out.length)
        await this.c.query("INSERT INTO story_ledger_queue (doc_id, stamp) SELECT d, nextval('story_ledger_queue_stamp') FROM unnest($1::text[]) AS d ON CONFLICT (doc_id) DO UPDATE SET stamp = excluded.stamp", [out]);
    }
    if (c.putDocs.length) {
      const p = c.putDocs;
      const sealed = new Set(c.sealDocs);
      const { ids: keyIds, packed } = await this.encodeRows(p, c.keyIds);
      await this.c.query(
        // the version of the features placed: a re-analysed article (new features version) is pending again
        `INSERT INTO story_ledger (${COLUMNS}, version)
         SELECT u.*, f.version FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::text[], $6::bytea[], $7::bytea[], $8::text[], $9::bytea[], $10::smallint[]) AS u(doc_id, t, day, story, copy_of, key_ids, vals, lite, packed, sealed)
         LEFT JOIN story_features f ON f.doc_id = u.doc_id
         ON CONFLICT (doc_id) DO UPDATE SET t = excluded.t, day = excluded.day, story = excluded.story, copy_of = excluded.copy_of,
           key_ids = excluded.key_ids, vals = excluded.vals, lite = excluded.lite, packed = excluded.packed, sealed = excluded.sealed, output = NULL, version = excluded.version`,
        [p.map((x) => x.id), p.map((x) => x.t), p.map((x) => x.day), p.map((x) => x.story), p.map((x) => x.copyOf), keyIds, p.map((x) => float32Bytes(x.vec.vals)), p.map((x, i) => (packed[i] ? '' : JSON.stringify(x.f))), packed, p.map((x) => (sealed.has(x.id) ? 1 : 0))],
      );
      // placed: off the queue now, each entry with the stamp `pending` read (a write since renewed it)
      const read = p.filter((x) => this.stamps.has(x.id));
      if (read.length)
        await this.c.query('DELETE FROM story_ledger_queue q USING unnest($1::text[], $2::bigint[]) AS u(d, s) WHERE q.doc_id = u.d AND q.stamp = u.s', [read.map((x) => x.id), read.map((x) => this.stamps.get(x.id)!)]);
      const days = p.map((x) => x.day).filter((d): d is number => d !== null);
      if (days.length)
        await this.c.query(
          `INSERT INTO story_ledger_days (day, n) SELECT day, count(*)::int FROM unnest($1::int[]) AS u(day) GROUP BY day
           ON CONFLICT (day) DO UPDATE SET n = story_ledger_days.n + excluded.n`,
          [days],
        );
    }
    const { n, df } = frequencyBytes(c.frequencies);
    await this.c.query('INSERT INTO story_ledger_meta (key, value) VALUES ($1, $2), ($3, $4) ON CONFLICT (key) DO UPDATE SET value = excluded.value', ['n', n, 'df', df]);
  }

  private async writeStories(c: LedgerCommit) {
    await this.c.query('DELETE FROM story_ledger_terms WHERE story IN (SELECT id FROM story_ledger_stories WHERE founder_t >= $1 OR founder_t IS NULL)', [c.dropStoriesFrom]);
    await this.c.query('DELETE FROM story_ledger_stories WHERE founder_t >= $1 OR founder_t IS NULL', [c.dropStoriesFrom]);
    const s = c.putStories;
    if (!s.length) return;
    const ids = s.map((x) => x.id);
    await this.c.query(
      `INSERT INTO story_ledger_stories (id, founder, founder_t, closed_at, people) SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::text[])
       ON CONFLICT (id) DO UPDATE SET founder = excluded.founder, founder_t = excluded.founder_t, closed_at = excluded.closed_at, people = excluded.people`,
      [ids, s.map((x) => x.founder), s.map((x) => x.founderT), s.map((x) => closedDay(x.closedAt)), s.map((x) => peopleText(x.people))],
    );
    await this.c.query('DELETE FROM story_ledger_terms WHERE story = ANY($1::text[])', [ids]);
    const terms = s.flatMap((x) => (x.terms ?? []).map((t) => [noNul(t), x.id] as const));
    if (terms.length)
      await this.c.query('INSERT INTO story_ledger_terms (term, story) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING', [terms.map((x) => x[0]), terms.map((x) => x[1])]);
  }

  /** The output stories: dropped ones go (with membership and cached report), new and changed ones are written. */
  private async writeOutputs(c: LedgerCommit) {
    const kept = new Set(c.putOutputs.map((g) => g.id));
    const drop = c.dropOutputs.filter((id) => !kept.has(id));
    if (drop.length) {
      await this.c.query('DELETE FROM story_members WHERE story_id = ANY($1::text[])', [drop]);
      await this.c.query('DELETE FROM story_reports WHERE story_id = ANY($1::text[])', [drop]);
      await this.c.query('DELETE FROM stories WHERE id = ANY($1::text[])', [drop]);
    }
    const changed = new Set(c.changedOutputs);
    const placed = new Set(c.putDocs.map((x) => x.id));
    // (an unchanged story keeps its rows; its replayed articles' ledger rows are new)
    const replayedIn = c.putOutputs.filter((x) => !changed.has(x.id)).flatMap((x) => x.members.filter((m) => placed.has(m)).map((m) => [m, x.id] as const));
    if (replayedIn.length) await this.c.query('UPDATE story_ledger l SET output = u.s FROM unnest($1::text[], $2::text[]) AS u(d, s) WHERE l.doc_id = u.d', [replayedIn.map((x) => x[0]), replayedIn.map((x) => x[1])]);
    const g = c.putOutputs.filter((x) => changed.has(x.id));
    if (!g.length) return;
    // updated_at moves only when a story's data changed (as upsertStory)
    await this.c.query(
      `INSERT INTO stories (id, data, span_start, span_end, updated_at) SELECT u.id, u.data, u.s, u.e, $5 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(id, data, s, e)
       ON CONFLICT (id) DO UPDATE SET data = excluded.data, span_start = excluded.span_start, span_end = excluded.span_end, updated_at = excluded.updated_at
       WHERE stories.data IS DISTINCT FROM excluded.data`,
      [g.map((x) => x.id), g.map((x) => JSON.stringify(x)), g.map((x) => x.span.start), g.map((x) => x.span.end), new Date().toISOString()],
    );
    const ids = g.map((x) => x.id);
    const docs = g.flatMap((x) => x.members);
    const owners = g.flatMap((x) => x.members.map(() => x.id));
    await this.c.query('DELETE FROM story_members WHERE story_id = ANY($1::text[])', [ids]);
    await this.c.query(
      `INSERT INTO story_members (doc_id, story_id) SELECT u.d, u.s FROM unnest($1::text[], $2::text[]) AS u(d, s) JOIN documents ON documents.id = u.d
       ON CONFLICT (doc_id) DO UPDATE SET story_id = excluded.story_id`,
      [docs, owners],
    );
    await this.c.query('UPDATE story_ledger l SET output = u.s FROM unnest($1::text[], $2::text[]) AS u(d, s) WHERE l.doc_id = u.d', [docs, owners]);
  }
}

import { randomBytes } from 'node:crypto';
import type { KeptPass, LedgerDoc } from '../stories/ledger.js';
import type { KeyIdCache } from '../stories/story-index.js';
import type { StoryFeatures } from '../stories/types.js';
import { packable, packAll, packedNameIds, unpackFeatures } from './ledger-packed.js';

/**
 * How both back-ends store the story ledger's rows, vectors, term frequencies and closing days
 * (src/stories/ledger.ts): the SQL differs, what a row means does not.
 */

/** A float32 buffer as stored, back to a vector's weights (a view when aligned, else copied: the buffer may be a view into a larger one). */
export function floats(b: Uint8Array): Float32Array {
  if (b.byteOffset % 4 === 0) return new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4);
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

export function float32Bytes(vals: Float32Array): Buffer {
  return Buffer.from(vals.buffer, vals.byteOffset, vals.byteLength);
}

/**
 * A closed story's people (`LedgerStory.people`) as stored: a JSON array of surnames, or null when
 * not on record (an open story). A value that does not read back as a list of strings is taken as
 * not on record: the run then reads the story's members, as before migration 9.
 */
export function peopleText(people: readonly string[] | null | undefined): string | null {
  return people ? JSON.stringify(people) : null;
}

export function peopleFromText(text: string | null | undefined): string[] | null {
  if (typeof text !== 'string') return null;
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : null;
  } catch {
    return null;
  }
}

/** Closing days are stored clamped: a story closed before the clock had a day (-Infinity) is stored as -1e9. */
export const closedDay = (d: number | null) => (d === null ? null : Math.max(-1e9, d));


/** A row of story_ledger as both back-ends return it. */
export interface LedgerRow {
  doc_id: string;
  t: number | null;
  day: number | null;
  story: string;
  copy_of: string | null;
  /** The vector's keys as uint32 ids of story_ledger_keys (`KeyDictionary`). */
  key_ids: Buffer;
  vals: Buffer;
  /** The features without terms as JSON: rows written before migration 8, and features `packFeatures` cannot hold exactly. */
  lite: string;
  /** The features without terms packed (ledger-packed.ts), or null: then `lite` holds them. */
  packed: Buffer | null;
  /** 1 for an undated article of a sealed story (see src/stories/ledger.ts `toSeal`). */
  sealed: number;
}

/** Empties the ledger's tables (not the key dictionary: ids stay valid): the next placement replays every article. */
export const RESET_LEDGER_SQL = ['story_ledger', 'story_ledger_stories', 'story_ledger_terms', 'story_ledger_days', 'story_ledger_meta'].map((t) => `DELETE FROM ${t};`).join('\n');

/** The columns of story_ledger that make a LedgerRow. */
export const LEDGER_COLUMNS = 'doc_id, t, day, story, copy_of, key_ids, vals, lite, packed, sealed';


/**
 * A run's view of the key dictionary (story_ledger_keys: id -> term, phrase or entity id). Rows
 * store a vector's keys as ids: a run restoring thousands of members decodes each distinct key
 * once and shares the strings (13.5k distinct keys in ~1.3M vector entries at a 100k store),
 * instead of splitting a joined string per row. Ids are only ever added, never reused, so what a
 * run has read stays true for the run. The back-end fills it: `missingIds` before decoding rows,
 * `encodeAll`'s missing keys before writing them.
 */
export class KeyDictionary {
  private readonly byId = new Map<number, string>();
  private readonly byKey = new Map<string, number>();
  /**
   * The ids of the '@' keys (entity and place ids) by the name after the '@': a packed row names
   * each of its entities and places by the id of '@' + name, and making that string for every
   * name of every row (to look it up) was garbage at every commit.
   */
  private readonly byName = new Map<string, number>();

  add(id: number, key: string): void {
    this.byId.set(id, key);
    this.byKey.set(key, id);
    if (key.charCodeAt(0) === 64) this.byName.set(key.slice(1), id);
  }

  /** Keys known. */
  get size(): number {
    return this.byId.size;
  }

  /**
   * Every document's row as stored: its vector keys as ids (views into one array) and its features
   * packed (ledger-packed.ts `packAll`: entity and place ids through this dictionary too), with one lookup per
   * key. The keys that have no id yet are listed: give them one (`add`), then call `rows`. With the
   * placing index's key ids (`known`, and `LedgerDoc.ids`), a vector key's id is read from the
   * index's table when it has it, and kept there once looked up: the index holds the open window's
   * keys, so a stream looks each of them up once, not once per article.
   */
  encodeAll(docs: LedgerDoc[], clean?: (k: string) => string, known?: KeyIdCache): { missing: string[]; rows: () => { ids: Buffer[]; packed: (Buffer | null)[] } } {
    // per document: its vector keys, then the '@'-prefixed ids of its entities and places when its features pack
    const packs = docs.map((x) => packable(x.f, clean));
    let total = 0;
    for (let i = 0; i < docs.length; i++) total += docs[i].vec.keys.length + (packs[i] ? docs[i].f.entities.length + docs[i].f.places.length : 0);
    const all = new Uint32Array(total);
    // keys without an id, each once in first-seen order, and where they go: a run with many new keys
    // (the first run over a store has nothing but) made a pair per occurrence and looked each up twice
    const missing: string[] = [];
    const missingIndex = new Map<string, number>();
    const holeAt = new Uint32Array(total);
    const holeKey = new Uint32Array(total);
    // (for each hole, the index id and key to keep the id under once given: -1 when none)
    const holeIndexId = new Int32Array(total);
    const holeIndexKey = new Array<string>();
    let holes = 0;
    let at = 0;
    const put = (key: string, indexId = -1) => {
      const k = clean ? clean(key) : key;
      const id = this.byKey.get(k);
      if (id !== undefined) {
        all[at++] = id;
        if (indexId >= 0) known!.remember(indexId, key, id, this);
        return;
      }
      let j = missingIndex.get(k);
      if (j === undefined) {
        j = missing.length;
        missingIndex.set(k, j);
        missing.push(k);
      }
      holeAt[holes] = at++;
      holeIndexId[holes] = indexId;
      holeIndexKey[holes] = key;
      holeKey[holes++] = j;
    };
    // (an entity or place id: '@' + name is made only when the dictionary has no id for it yet, or keys are cleaned)
    const putName = (name: string) => {
      const id = clean ? undefined : this.byName.get(name);
      if (id !== undefined) all[at++] = id;
      else put('@' + name);
    };
    const starts = new Array<number>(docs.length);
    for (let i = 0; i < docs.length; i++) {
      starts[i] = at;
      const keys = docs[i].vec.keys;
      const ids = known ? docs[i].ids : undefined;
      if (ids && ids.length === keys.length)
        for (let j = 0; j < keys.length; j++) {
          const id = known!.recall(ids[j], keys[j], this);
          if (id >= 0) all[at++] = id;
          else put(keys[j], ids[j]);
        }
      else for (let j = 0; j < keys.length; j++) put(keys[j]);
      if (!packs[i]) continue;
      const { entities, places } = docs[i].f;
      for (let j = 0; j < entities.length; j++) putName(entities[j][0]);
      for (let j = 0; j < places.length; j++) putName(places[j][0]);
    }
    const rows = () => {
      const given = missing.map((k) => this.byKey.get(k)!);
      for (let h = 0; h < holes; h++) {
        all[holeAt[h]] = given[holeKey[h]];
        if (holeIndexId[h] >= 0) known!.remember(holeIndexId[h], holeIndexKey[h], given[holeKey[h]], this);
      }
      const ids = docs.map((x, i) => Buffer.from(all.buffer, all.byteOffset + 4 * starts[i], 4 * x.vec.keys.length));
      const packed = packAll(docs.map((x, i) => (packs[i] ? { f: x.f, names: all.subarray(starts[i] + x.vec.keys.length, starts[i] + x.vec.keys.length + x.f.entities.length + x.f.places.length) } : null)));
      return { ids, packed };
    };
    return { missing, rows };
  }

  /** Key ids of these rows not known yet. */
  missingIds(rows: LedgerRow[]): number[] {
    const out = new Set<number>();
    for (const r of rows) {
      const b = r.key_ids;
      if (b.byteLength % 4 !== 0) continue;
      for (let i = 0; i < b.byteLength; i += 4) {
        const id = b.readUInt32LE(i);
        if (!this.byId.has(id)) out.add(id);
      }
      if (r.packed) for (const id of packedNameIds(r.packed)) if (!this.byId.has(id)) out.add(id);
    }
    return [...out];
  }

  /**
   * A stored ledger row, back to the ledger's document (every key id must be known: `missingIds`
   * first). A row that cannot be read back throws `LedgerDamaged`.
   */
  decode(r: LedgerRow): LedgerDoc {
    if (r.key_ids.byteLength % 4 !== 0) throw new LedgerDamaged(r.doc_id, 'key ids are not whole uint32s');
    // (read in place: a copy of every row's ids was garbage)
    const keys = new Array<string>(r.key_ids.byteLength / 4);
    for (let i = 0; i < keys.length; i++) {
      const id = r.key_ids.readUInt32LE(4 * i);
      const k = this.byId.get(id);
      if (k === undefined) throw new LedgerDamaged(r.doc_id, `unknown key id ${id}`);
      keys[i] = k;
    }
    const vals = r.vals.byteLength % 4 === 0 ? floats(r.vals) : null;
    if (!vals || vals.length !== keys.length) throw new LedgerDamaged(r.doc_id, 'weights do not match keys');
    const f = r.packed && r.packed.byteLength > 0 ? unpackFeatures(r.packed, (id) => this.byId.get(id)) : parseOrNull(r.lite);
    if (!f || typeof f !== 'object') throw new LedgerDamaged(r.doc_id, 'features do not parse');
    return { id: r.doc_id, t: r.t, day: r.day, story: r.story, copyOf: r.copy_of, vec: { keys, vals }, f: f as StoryFeatures, sealed: r.sealed === 1 };
  }
}

/**
 * A ledger row that cannot be read back (a damaged store). The ledger is derived from the stored
 * story features, so a run that meets one empties the ledger and places every article again
 * (pipeline.ts runStoryLedger) instead of failing every later run.
 */
export class LedgerDamaged extends Error {
  constructor(docId: string, why: string) {
    super(`story ledger row of ${docId.slice(0, 12)} is damaged (${why})`);
  }
}

/**
 * The term frequencies as stored in story_ledger_meta: 'n' (documents, as text) and 'df', sparse:
 * the table's length, then (bucket, count) pairs of the non-empty buckets, as uint32. Most of the
 * 2M hashed buckets are empty: the dense table was 8 MB read and written by every run.
 */
export function frequencyBytes(f: { n: number; counts: Uint32Array }): { n: Buffer; df: Buffer } {
  let used = 0;
  for (let i = 0; i < f.counts.length; i++) if (f.counts[i] !== 0) used++;
  const out = new Uint32Array(1 + 2 * used);
  out[0] = f.counts.length;
  for (let i = 0, j = 1; i < f.counts.length; i++)
    if (f.counts[i] !== 0) {
      out[j++] = i;
      out[j++] = f.counts[i];
    }
  return { n: Buffer.from(String(f.n)), df: Buffer.from(out.buffer, out.byteOffset, out.byteLength) };
}

/** Largest frequency table read back (a damaged length must not allocate gigabytes). */
const MAX_BUCKETS = 1 << 24;

/** The term frequencies back from story_ledger_meta's two values (null when either is missing or damaged). */
export function frequenciesOf(n: Buffer | undefined, df: Buffer | undefined): { n: number; counts: Uint32Array } | null {
  if (!n || !df || df.byteLength < 4 || df.byteLength % 4 !== 0) return null;
  const pairs = new Uint32Array(df.buffer.slice(df.byteOffset, df.byteOffset + df.byteLength));
  if (pairs[0] > MAX_BUCKETS) return null;
  const counts = new Uint32Array(pairs[0]);
  for (let j = 1; j + 1 < pairs.length; j += 2) if (pairs[j] < counts.length) counts[pairs[j]] = pairs[j + 1];
  return { n: Number(n.toString()), counts };
}

/** Stored JSON, or null when it does not parse (a damaged row is skipped, never fatal). */
export function parseOrNull(s: string): unknown {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return null;
  }
}

/**
 * Decoded ledger rows a process keeps from one ledger run to the next. Each run restores the
 * stories open at its replay point, mostly the articles the previous run placed: decoding those
 * rows again (key ids, weights, the features' JSON) was a fifth of a streaming run's time, with
 * the garbage of it. The cache is used only while the stored ledger is the one this process
 * wrote last: every commit stores a fresh random token (`story_ledger_meta` 'token') and a run
 * keeps the cache only when it reads back its own token (another process's commit, a rolled-back
 * run, a reset all change or drop it). It holds the rows of the last run (read or written), so
 * its size is bounded by the open window, like the run's.
 */
export class LedgerDocCache {
  private token: string | null = null;
  private readonly docs = new Map<string, LedgerDoc>();
  private readonly used = new Set<string>();
  /**
   * Each article's output story as this process's last commit left it (story_ledger.output and its
   * story_members row), for the members of that commit's output stories whose output it wrote or
   * knew: a run asks the output of every open article (`outputOf`) and sets it again for every
   * member of a changed story, and in a stream both were a statement per article of the open
   * window, nearly always answering what the last commit wrote. Trusted under the token, like the rows.
   */
  private outputs = new Map<string, string>();
  /** The last run's pass index (src/stories/ledger.ts `KeptPass`), trusted under the same token as the rows. */
  private pass: KeptPass | null = null;
  /**
   * The key dictionary as far as this process has read or written it. Ids are never reused, so it
   * stays true across runs; a run that gave new keys ids drops the token until its commit
   * (`uncommitted`), so that ids rolled back with a failed run are not kept. A new dictionary past
   * `MAX_KEPT_KEYS` (only a cache: the vocabulary of a long-running server grows).
   */
  private dict = new KeyDictionary();

  /** The process's key dictionary (call after `check`). */
  get keys(): KeyDictionary {
    return this.dict;
  }

  /** The run is adding keys (or rows) that exist only if it commits: the cache is trusted again after `committed`. */
  uncommitted(): void {
    this.token = null;
  }

  /** The kept pass index, taken (a run that fails leaves none); call after `check`. */
  takePass(): KeptPass | null {
    const k = this.pass;
    this.pass = null;
    return k;
  }

  /** After `committed`: the pass index of the run just committed. */
  keepPass(k: KeptPass | null): void {
    this.pass = k;
  }

  /** At a run's start, with the token stored in the ledger: a token other than ours empties the cache. */
  check(stored: string | null): void {
    if (stored === null || stored !== this.token) this.clear();
    else if (this.dict.size > MAX_KEPT_KEYS) this.dict = new KeyDictionary();
  }

  clear(): void {
    this.token = null;
    this.pass = null;
    this.dict = new KeyDictionary();
    this.docs.clear();
    this.used.clear();
    this.outputs = new Map();
  }

  /** The output story of an article as the last commit left it, when known (call after `check`). */
  outputOf(id: string): string | undefined {
    return this.outputs.get(id);
  }

  get(id: string): LedgerDoc | undefined {
    const x = this.docs.get(id);
    if (x) this.used.add(id);
    return x;
  }

  put(docs: LedgerDoc[]): void {
    for (const x of docs) {
      this.docs.set(x.id, x);
      this.used.add(x.id);
    }
  }

  /** After a commit this process made (token: the one it stored): the cache holds what that run read or wrote. */
  committed(token: string, c: { deleteDocs: string[]; putDocs: LedgerDoc[]; sealDocs: string[]; putOutputs?: { id: string; members: string[] }[]; changedOutputs?: string[] }): void {
    this.outputs = writtenOutputs(this.outputs, c);
    for (const id of c.deleteDocs) this.docs.delete(id);
    const sealed = new Set(c.sealDocs);
    // (as stored: without the placing index's key ids, which are the run's)
    this.put(c.putDocs.map(({ ids: _ids, ...x }) => (sealed.has(x.id) ? { ...x, sealed: true } : x.sealed ? { ...x, sealed: false } : x)));
    for (const id of this.docs.keys()) if (!this.used.has(id)) this.docs.delete(id);
    this.used.clear();
    this.token = token;
  }
}

/**
 * The output story of each member of a commit's output stories, as the commit leaves it: a changed
 * story's members were written (their output, and their membership row); an unchanged story's
 * members keep what they had, kept here only when it was known already. Articles in no output
 * story of the commit are dropped (bounded by the run's stories).
 */
function writtenOutputs(known: Map<string, string>, c: { putOutputs?: { id: string; members: string[] }[]; changedOutputs?: string[] }): Map<string, string> {
  const changed = new Set(c.changedOutputs);
  const out = new Map<string, string>();
  for (const g of c.putOutputs ?? []) {
    const written = changed.has(g.id);
    for (const m of g.members) if (written || known.get(m) === g.id) out.set(m, g.id);
  }
  return out;
}

/** Keys a process keeps in its dictionary between runs (about 100 MB of strings and maps at most). */
const MAX_KEPT_KEYS = 1 << 20;

/** A fresh token for `LedgerDocCache` (random: a counter could come back to a value after a reset). */
export function ledgerToken(): string {
  return randomBytes(16).toString('hex');
}

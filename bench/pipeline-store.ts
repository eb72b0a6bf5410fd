/**
 * npm run bench:pipeline:store — the store's document writes on the SQLite back-end, side by side:
 * - `batched`: Store.saveDocuments, 64 documents per transaction (what `analyze` does);
 * - `one by one`: Store.saveDocument, a transaction per document;
 * - `per-row triggers`: the previous write path (a transaction per document, statements prepared
 *   on every call, the full-text index kept by triggers that parse each article's JSON), rebuilt
 *   here on a store whose triggers are put back;
 * - `plain inserts`: the same rows with plain INSERTs in one transaction and no full-text index,
 *   the floor.
 * The documents are real analysed PolNeAR articles (the cache bench:pipeline:crosscheck builds, or
 * analysed here once). Median of repeats, ms per document and the ratio to plain inserts.
 *
 *   npm run bench:pipeline:store [-- --docs 400 --repeats 5]
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { RawDocument } from '../src/model/types.js';
import { documentOutputs, ingestIntoStore } from '../src/pipeline.js';
import { SqliteStore } from '../src/store/sqlite/store.js';
import type { DocumentOutputs } from '../src/store/types.js';

const ROOT = resolve(import.meta.dirname, '..');
const POLNEAR = resolve(ROOT, '../shared/data/attribution/polnear');
const { values } = parseArgs({ options: { docs: { type: 'string', default: '400' }, repeats: { type: 'string', default: '5' } } });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

async function loadDocs(n: number): Promise<{ raw: RawDocument; outputs: DocumentOutputs }[]> {
  const dbPath = join(tmpdir(), 'triangulate-bench-crosscheck.db');
  const fresh = !existsSync(dbPath);
  const store = new SqliteStore(dbPath);
  try {
    if (fresh) await ingestIntoStore(store, ['train', 'dev'].map((s) => join(POLNEAR, s, 'text')));
    const out: { raw: RawDocument; outputs: DocumentOutputs }[] = [];
    for (const id of (await store.documentIds()).slice(0, n)) {
      const raw = await store.getRaw(id);
      const annotated = await store.getAnnotated(id);
      const features = await store.getFeatures(id);
      if (raw && annotated) out.push({ raw, outputs: documentOutputs({ article: annotated.article, annotated, features: features as never }) });
    }
    return out;
  } finally {
    await store.close();
  }
}

const TRIGGERS = `
  CREATE TRIGGER article_fts_before_insert BEFORE INSERT ON articles BEGIN
    DELETE FROM article_fts WHERE rowid = (SELECT rowid FROM articles WHERE doc_id = new.doc_id);
  END;
  CREATE TRIGGER article_fts_after_insert AFTER INSERT ON articles BEGIN
    INSERT INTO article_fts (rowid, title, outlet, text)
    VALUES (new.rowid, coalesce(json_extract(new.data, '$.title'), ''), coalesce(json_extract(new.data, '$.outlet'), ''), coalesce(json_extract(new.data, '$.text'), ''));
  END;`;

/** The write path before batching, as it was (statements prepared per call, triggers for the index). */
function previousSave(s: SqliteStore, raw: RawDocument, o: DocumentOutputs) {
  const { article: _a, ...annotations } = o.annotated;
  s.db.transaction(() => {
    s.db
      .prepare('INSERT INTO documents (id, source, format, content_type, encoding, content, meta, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING')
      .run(raw.id, raw.source, raw.format, raw.contentType, raw.encoding, raw.content, JSON.stringify(raw.meta), new Date().toISOString());
    s.db.prepare('INSERT OR IGNORE INTO document_sources (source, doc_id) VALUES (?, ?)').run(raw.source, raw.id);
    s.db.prepare('INSERT OR REPLACE INTO articles (doc_id, version, data) VALUES (?, ?, ?)').run(raw.id, o.articleVersion, JSON.stringify(o.article));
    s.db.prepare('INSERT OR REPLACE INTO annotations (doc_id, version, data) VALUES (?, ?, ?)').run(raw.id, o.annotationsVersion, JSON.stringify(annotations));
    s.db.prepare('INSERT OR REPLACE INTO story_features (doc_id, version, published, data) VALUES (?, ?, ?, ?)').run(raw.id, o.featuresVersion, o.article.published?.iso ?? null, JSON.stringify(o.features));
  })();
}

function plainInserts(s: SqliteStore, docs: { raw: RawDocument; outputs: DocumentOutputs }[]) {
  const d = s.db.prepare('INSERT INTO documents (id, source, format, content_type, encoding, content, meta, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const src = s.db.prepare('INSERT INTO document_sources (source, doc_id) VALUES (?, ?)');
  const a = s.db.prepare('INSERT INTO articles (doc_id, version, data) VALUES (?, ?, ?)');
  const n = s.db.prepare('INSERT INTO annotations (doc_id, version, data) VALUES (?, ?, ?)');
  const f = s.db.prepare('INSERT INTO story_features (doc_id, version, published, data) VALUES (?, ?, ?, ?)');
  s.db.transaction(() => {
    for (const { raw, outputs: o } of docs) {
      const { article: _a, ...annotations } = o.annotated;
      d.run(raw.id, raw.source, raw.format, raw.contentType, raw.encoding, raw.content, JSON.stringify(raw.meta), new Date().toISOString());
      src.run(raw.source, raw.id);
      a.run(raw.id, o.articleVersion, JSON.stringify(o.article));
      n.run(raw.id, o.annotationsVersion, JSON.stringify(annotations));
      f.run(raw.id, o.featuresVersion, o.article.published?.iso ?? null, JSON.stringify(o.features));
    }
  })();
}

const docs = await loadDocs(Number(values.docs));
const dir = join(tmpdir(), `triangulate-bench-store-${process.pid}`);
mkdirSync(dir, { recursive: true });
let fileNo = 0;
/** A fresh store file (WAL, as `analyze` uses), written by `fn`; ms. */
async function timed(fn: (s: SqliteStore) => Promise<void> | void, triggers = false): Promise<number> {
  const s = new SqliteStore(join(dir, `s${fileNo++}.db`));
  if (triggers) s.db.exec(TRIGGERS);
  const t0 = performance.now();
  await fn(s);
  const ms = performance.now() - t0;
  await s.close();
  return ms;
}
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const variants: [string, (s: SqliteStore) => Promise<void> | void, boolean?][] = [
  [
    'batched (64 per transaction)',
    async (s) => {
      for (let i = 0; i < docs.length; i += 64) await s.saveDocuments(docs.slice(i, i + 64));
    },
  ],
  [
    'one by one',
    async (s) => {
      for (const d of docs) await s.saveDocument(d.raw, d.outputs);
    },
  ],
  [
    'per-row triggers (previous)',
    (s) => {
      for (const d of docs) previousSave(s, d.raw, d.outputs);
    },
    true,
  ],
  ['plain inserts, no index (floor)', (s) => plainInserts(s, docs)],
];
const rows: { variant: string; ms: number; msPerDoc: number; xPlain?: number }[] = [];
for (const [name, fn, trig] of variants) {
  const xs: number[] = [];
  for (let r = 0; r < Number(values.repeats); r++) xs.push(await timed(fn, trig));
  const ms = median(xs);
  rows.push({ variant: name, ms: +ms.toFixed(1), msPerDoc: +(ms / docs.length).toFixed(3) });
}
const plain = rows[rows.length - 1].ms;
for (const r of rows) r.xPlain = +(r.ms / plain).toFixed(2);
console.log(`\nbench:pipeline:store — ${docs.length} analysed PolNeAR documents into a fresh SQLite file (median of ${values.repeats})`);
console.log(['variant', 'ms', 'ms/document', 'x plain inserts'].join('\t'));
for (const r of rows) console.log([r.variant, r.ms, r.msPerDoc, r.xPlain].join('\t'));
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/pipeline-store.json'), `${JSON.stringify({ date: new Date().toISOString(), docs: docs.length, repeats: Number(values.repeats), rows }, null, 2)}\n`);
console.log('wrote bench/results/pipeline-store.json');

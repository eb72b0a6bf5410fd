/**
 * The stories `bench:pipeline:crosscheck` and `speed:ab:crosscheck` cross-check, built from the
 * PolNeAR articles analysed once into a SQLite store:
 * - `mixed`: the real articles (train + dev) in order of their source, the first n of them as one
 *   story (many statements, few of them shared: the usual case of a large grouping);
 * - `copies` (SYNTHETIC from real text): the first 100 articles, each repeated as lightly edited
 *   copies up to n (a sentence dropped, a digit changed): the flood of syndicated near-copies that
 *   large real stories are made of.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AnnotatedArticle } from '../src/model/types.js';
import { ingestIntoStore } from '../src/pipeline.js';
import { SqliteStore } from '../src/store/sqlite/store.js';

const POLNEAR = resolve(import.meta.dirname, '../../shared/data/attribution/polnear');

export type StoryKind = 'mixed' | 'copies';

/** The analysed PolNeAR articles of the store at `dbPath` (analysed into it first when it does not exist), by source. */
export async function polnearPool(dbPath: string): Promise<AnnotatedArticle[]> {
  const fresh = !existsSync(dbPath);
  const store = new SqliteStore(dbPath);
  try {
    if (fresh) {
      console.error('analysing the PolNeAR articles once (cached in', dbPath, ')');
      await ingestIntoStore(store, ['train', 'dev'].map((s) => join(POLNEAR, s, 'text')));
    }
    const out: AnnotatedArticle[] = [];
    for (const id of await store.documentIds()) {
      const a = await store.getAnnotated(id);
      if (a && a.article.status === 'ok') out.push(a);
    }
    return out.sort((x, y) => (x.article.source < y.article.source ? -1 : 1));
  } finally {
    await store.close();
  }
}

/** A lightly edited copy: one sentence dropped (varying), a digit changed (same length: offsets hold), so copies are near, not equal. */
function editedCopy(a: AnnotatedArticle, k: number): AnnotatedArticle {
  const drop = a.sentences.length > 3 ? a.sentences[k % a.sentences.length] : null;
  const text = a.article.text.replace(/\d/, (d) => String((Number(d) + (k % 3)) % 10));
  return {
    ...a,
    article: { ...a.article, docId: `${a.article.docId.slice(0, 24)}${String(k).padStart(8, '0')}`, text, outlet: `Copy outlet ${k % 40}` },
    sentences: drop ? a.sentences.filter((s) => s !== drop) : a.sentences,
  };
}

/** A story of `n` articles of the kind (a mixed story has at most the pool's articles). */
export function storyOf(kind: StoryKind, pool: AnnotatedArticle[], n: number): AnnotatedArticle[] {
  if (kind === 'mixed') return pool.slice(0, n);
  const base = pool.slice(0, 100);
  return Array.from({ length: n }, (_, i) => (i < base.length ? base[i] : editedCopy(base[i % base.length], i)));
}

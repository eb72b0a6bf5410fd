/**
 * Identity and cost check for cross-check speed work: crossCheckStory on the first N PolNeAR
 * articles (train + dev, analysed once into the bench:pipeline:crosscheck cache) taken as one
 * story, for each size: CPU ms and the SHA-256 of the cross-check's JSON. A speed change to
 * compare/facts.ts or compare/framing.ts must print the same hashes as before it.
 *
 *   node --import tsx scripts/check-crosscheck-identity.ts [--sizes 50,100,250,924] [--db PATH]
 *
 * --db PATH: the analysed articles' store, as the bench's --db (default: the bench's default, one
 * under the system's temp directory shared by every run on the machine).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { crossCheckStory } from '../src/compare/index.js';
import type { AnnotatedArticle } from '../src/model/types.js';
import { SqliteStore } from '../src/store/sqlite/store.js';

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '50,100,250,924' }, db: { type: 'string', default: join(tmpdir(), 'triangulate-bench-crosscheck.db') } },
});
const dbPath = resolve(values.db!);
if (!existsSync(dbPath)) {
  console.error(`run npm run bench:pipeline:crosscheck once first, with the same --db (it analyses the articles into ${dbPath})`);
  process.exit(1);
}
const store = new SqliteStore(dbPath);
const pool: AnnotatedArticle[] = [];
for (const id of await store.documentIds()) {
  const a = await store.getAnnotated(id);
  if (a && a.article.status === 'ok') pool.push(a);
}
await store.close();
pool.sort((x, y) => (x.article.source < y.article.source ? -1 : 1));
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
for (const n of values.sizes!.split(',').map(Number)) {
  const articles = pool.slice(0, n);
  const t = cpu();
  const cc = crossCheckStory({ storyId: 'check', articles, copies: [] });
  const ms = cpu() - t;
  const digest = createHash('sha256').update(JSON.stringify(cc)).digest('hex');
  console.log(`${articles.length} articles: ${ms.toFixed(0)} ms CPU, facts ${cc.facts.length}, conflicts ${cc.conflicts.length}, sha256 ${digest.slice(0, 16)}`);
}

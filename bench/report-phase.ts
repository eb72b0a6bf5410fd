/**
 * The report phase of `analyze` on its own, on a store already analysed: the report of every
 * stored document (`crossCheck`, lean, as `analyze` builds it), its terminal text, and report.json
 * written to nowhere. Prints this process's peak RSS and CPU time, so two checkouts can be compared
 * on copies of one store (the first run of each caches the cross-checks: use a fresh copy per run).
 *
 *   node --import tsx bench/report-phase.ts --db DB [--checkout DIR] [--one-story]
 *
 * --checkout DIR: that checkout's build (dist/) instead of this one's (a checkout from before the
 * `detail` option builds the report whole, as its analyze did). --one-story first merges the
 * store's stories into one holding every document: a stand-in for the 94,280-article story of
 * bench:hostile's 100,000-record case. It rewrites the store's stories: give it a copy.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { db: { type: 'string' }, checkout: { type: 'string' }, 'one-story': { type: 'boolean' } } });
if (!values.db) {
  console.error('usage: report-phase.ts --db DB [--checkout DIR] [--one-story]');
  process.exit(2);
}
const root = values.checkout ? resolve(values.checkout) : fileURLToPath(new URL('..', import.meta.url));
const { openStore, crossCheck, render } = await import(join(root, 'dist/index.js'));
const { writeReportJson } = await import(join(root, 'dist/report/detail.js'));
const store = await openStore(values.db);
if (values['one-story']) {
  const stories = (await store.stories()).sort((a: { members: string[] }, b: { members: string[] }) => b.members.length - a.members.length);
  const members: string[] = await store.documentIds();
  const copies = stories.flatMap((s: { data: { copies?: string[][] } }) => s.data.copies ?? []);
  await store.replaceStories([{ id: stories[0].id, members, data: { ...stories[0].data, members, copies } }]);
}
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const report = await crossCheck(store, { docIds: await store.documentIds() }, { detail: 'lean' });
const text: string = render(report, 'terminal');
let bytes = 0;
await writeReportJson(report, 'lean', (c: string) => (bytes += Buffer.byteLength(c)));
const cpu = process.cpuUsage(cpu0);
const largest = Math.max(...report.stories.map((s: { articleCount: number }) => s.articleCount));
console.log(`${root}: ${report.stories.length} stories (largest ${largest} articles); terminal ${text.length} chars; report.json ${bytes} bytes`);
console.log(`report phase: ${((performance.now() - t0) / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU; peak RSS of the process ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
await store.close();

/**
 * What one analysis thread keeps as it processes a long stream: `processDocument` (extract,
 * analyse, story features: the work of a pool worker) on N records shaped like bench:hostile's
 * 100,000-line JSON Lines file (every record has its own numbers, so every record brings new
 * word forms), in this one thread, with nothing stored. Prints the heap used (after a full
 * garbage collection), the memory of array buffers (typed arrays' backing stores, outside the
 * heap) and the RSS every N/10 records, and the CPU ms per record. A fast stand-in
 * for the ingest phase of `bench:hostile` records, where each worker thread grows like this.
 *
 *   node --expose-gc --import tsx bench/worker-memory.ts [--records 20000] [--root DIR]
 *
 * --root DIR runs another checkout's `src/` (e.g. one from before a change) the same way.
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { records: { type: 'string', default: '20000' }, root: { type: 'string', default: '.' } } });
const n = Number(values.records);
const root = resolve(values.root!);
const { processDocument } = await import(pathToFileURL(join(root, 'src/pipeline.ts')).href);

// the records of bench/hostile.ts
const body = (i: number) => `Paragraph ${i}: the council said the budget vote moved to Tuesday, and officials said ${i % 90} members agreed.`;
const record = (i: number) => ({
  id: `r${i}`.padEnd(32, '0'),
  source: `r${i}`,
  format: 'jsonl',
  content: `${body(i)} The agency said output rose ${i % 97} percent.`,
  contentType: 'text',
  encoding: 'utf-8',
  meta: { title: `Record ${i} headline` },
});

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (b: number) => (b / 1048576).toFixed(0);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
console.log(`checkout ${root}, ${n} records`);
console.log('records | heap used MB (after GC) | heap total MB | array buffers MB | RSS MB | CPU ms/record');
let c0 = cpu();
for (let i = 0; i < n; i++) {
  processDocument(record(i));
  if ((i + 1) % Math.max(1, Math.floor(n / 10)) === 0) {
    const c1 = cpu();
    gc?.();
    const m = process.memoryUsage();
    console.log([i + 1, mb(m.heapUsed), mb(m.heapTotal), mb(m.arrayBuffers), mb(m.rss), ((c1 - c0) / (n / 10)).toFixed(2)].join(' | '));
    c0 = cpu();
  }
}

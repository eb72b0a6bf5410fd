/**
 * What the syntax model costs a fresh process: reading `models/syntax.bin` (views on the file's
 * bytes) against the usual alternative of shipping it gzipped (gunzip, then the same views), and
 * the time from process start to the first parsed sentence. Each figure is the median over fresh
 * child processes, so the page cache is warm but nothing is loaded.
 *   npm run bench:syntax-load [-- --runs 7]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { MODEL_PATH } from '../src/analyse/syntax/model-file.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, child: { type: 'string' } } });

/** One measurement in this (fresh) process; prints a JSON line. */
async function child(mode: string) {
  const { gunzipSync } = await import('node:zlib');
  const m = await import('../src/analyse/syntax/model-file.js');
  const t = performance.now();
  const c = process.cpuUsage();
  if (mode === 'plain') m.syntaxModel();
  else m.readSyntaxModel(gunzipSync(readFileSync(mode)));
  const d = process.cpuUsage(c);
  const loadMs = performance.now() - t;
  let firstMs = 0;
  if (mode === 'plain') {
    const { parseSentences } = await import('../src/analyse/syntax/index.js');
    const text = 'Officials said on Monday that the talks would resume.';
    parseSentences(text, [{ start: 0, end: text.length }]);
    firstMs = performance.now(); // since process start (performance.timeOrigin)
  }
  console.log(JSON.stringify({ loadMs, cpuMs: (d.user + d.system) / 1000, firstMs }));
}

function run(mode: string): { loadMs: number; cpuMs: number; firstMs: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/syntax-load.ts', '--child', mode], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (values.child) {
  await child(values.child);
} else {
  const runs = Number(values.runs);
  const file = readFileSync(MODEL_PATH());
  const gzPath = join(tmpdir(), 'triangulate-syntax-bench.bin.gz');
  writeFileSync(gzPath, gzipSync(file, { level: 9 }));
  const plain = Array.from({ length: runs }, () => run('plain'));
  const gz = Array.from({ length: runs }, () => run(gzPath));
  const rows = [
    ['models/syntax.bin (run-time layout, views on the bytes)', (file.length / 1e6).toFixed(1), median(plain.map((r) => r.loadMs)), median(plain.map((r) => r.cpuMs))],
    ['same model gzipped (gunzip, then the same views)', (readFileSync(gzPath).length / 1e6).toFixed(1), median(gz.map((r) => r.loadMs)), median(gz.map((r) => r.cpuMs))],
  ] as const;
  console.log(`model load, median of ${runs} fresh processes`);
  console.log(['format', 'MB', 'load ms (wall)', 'load ms (CPU)'].join(' | '));
  for (const r of rows) console.log([r[0], r[1], r[2].toFixed(0), r[3].toFixed(0)].join(' | '));
  const firstMs = median(plain.map((r) => r.firstMs));
  console.log(`process start → first sentence parsed (node + tsx start, import, load, parse): ${firstMs.toFixed(0)} ms`);
  console.log(`ratio gzipped / plain load (wall): ${(rows[1][2] / rows[0][2]).toFixed(1)}`);
  mkdirSync('bench/results', { recursive: true });
  const result = { runs, plain: { mb: file.length / 1e6, loadMs: rows[0][2], cpuMs: rows[0][3] }, gzipped: { loadMs: rows[1][2], cpuMs: rows[1][3] }, firstSentenceMs: firstMs };
  writeFileSync('bench/results/syntax-load.json', JSON.stringify(result, null, 2) + '\n');
}

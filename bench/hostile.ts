/**
 * Hostile inputs, end to end: each file of test/fixtures/hostile/ and four generated large cases
 * (an HTML page of 100,000 paragraphs, a JSON Lines file of 100,000 records, a 30 MB single-line
 * text, 50,000 repetitions of a quote-cue pattern) through `triangulate analyze` in a child
 * process. Per case: exit status, wall time, time per document, peak memory (GNU time's max RSS).
 *
 *   npm run bench:hostile -- [--lines N] [--baseline DIR] [--timeout S] [--only REGEX] [--name RESULTS]
 *
 * --baseline DIR runs the same cases through another checkout's CLI (e.g. ../main before this
 * work) side by side. Writes bench/results/<RESULTS, default hostile>.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { lines: { type: 'string' }, baseline: { type: 'string' }, timeout: { type: 'string' }, only: { type: 'string' }, name: { type: 'string' } } });
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HOSTILE = join(ROOT, 'test/fixtures/hostile');
const timeoutS = Number(values.timeout ?? 300);
const work = mkdtempSync(join(tmpdir(), 'tri-hostile-bench-'));

/** The generated large cases (written once into a temporary folder). */
function generate(): string[] {
  const body = (i: number) => `Paragraph ${i}: the council said the budget vote moved to Tuesday, and officials said ${i % 90} members agreed.`;
  const paras = join(work, 'paragraphs-100k.html');
  writeFileSync(paras, `<html><head><title>Many paragraphs</title></head><body><article>${Array.from({ length: 100_000 }, (_, i) => `<p>${body(i)}</p>`).join('')}</article></body></html>`);
  const n = Number(values.lines ?? 100_000);
  const lines = join(work, `records-${n}.jsonl`);
  writeFileSync(lines, Array.from({ length: n }, (_, i) => JSON.stringify({ id: `r${i}`, title: `Record ${i} headline`, text: `${body(i)} The agency said output rose ${i % 97} percent.` })).join('\n'));
  const sentence = 'The committee said that revenue grew by 5 percent on Monday, while analysts disagreed. ';
  const oneline = join(work, 'single-line-30mb.txt');
  writeFileSync(oneline, `Title line\n${sentence.repeat(Math.floor((30 * 1024 * 1024) / sentence.length))}`);
  const cues = join(work, 'quote-cues-50k.txt');
  writeFileSync(cues, `Quote cue storm\n\n${'"We will win," he said. '.repeat(50_000)}`);
  return [paras, lines, oneline, cues];
}

interface Row {
  case: string;
  cli: string;
  status: string;
  docs: number;
  seconds: number;
  perDoc: number;
  rssMB: number;
  /** User + system CPU seconds of the whole process (start-up included): fairer than wall time on a shared machine. */
  cpuS: number;
  analyseMs: number | null;
  /** The CLI's --verbose timings line (ms per stage). */
  timings: string;
}

function measure(cli: string, label: string, file: string): Row {
  const db = join(work, `${label}-${Math.random().toString(36).slice(2)}.db`);
  // `timeout` inside `time`: the analyze process itself is killed at the limit (time would not pass a signal on)
  const r = spawnSync('/usr/bin/time', ['-f', 'RSSKB %M CPU %U %S', 'timeout', '-s', 'KILL', String(timeoutS), process.execPath, join(cli, 'bin/triangulate.js'), 'analyze', '--db', db, '-v', file], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const t = /timings \(ms\): (.*)/.exec(r.stderr ?? '')?.[1] ?? '';
  const ms = (k: string) => Number(new RegExp(`\\b${k} ([\\d.]+)`).exec(t)?.[1] ?? NaN);
  const total = ['ingest', 'extract', 'analyse', 'features', 'store', 'stories', 'report'].reduce((s, k) => s + (ms(k) || 0), 0);
  const docs = Number(/(\d+) documents:/.exec(r.stderr ?? '')?.[1] ?? 0);
  const status = r.error ? `failed: ${r.error.message}` : r.status === 137 ? `timeout ${timeoutS} s` : r.status === 0 ? 'ok' : r.status === 2 ? 'refused' : /internal error/.test(r.stderr) ? `crash (exit ${r.status})` : `exit ${r.status}`;
  return {
    case: label,
    cli: cli === ROOT ? 'this' : 'baseline',
    status,
    docs,
    seconds: total / 1000,
    perDoc: docs ? total / 1000 / docs : total / 1000,
    cpuS: ((m) => (m ? Number(m[1]) + Number(m[2]) : NaN))(/CPU ([\d.]+) ([\d.]+)/.exec(r.stderr ?? '')),
    rssMB: Math.round(Number(/RSSKB (\d+)/.exec(r.stderr ?? '')?.[1] ?? 0) / 1024),
    analyseMs: Number.isFinite(ms('analyse')) ? ms('analyse') : null,
    timings: t,
  };
}

// an ordinary article first: its time is the fixed cost (loading the models) every single-document run pays
const SEEDS = join(ROOT, '../shared/seeds');
const reference = existsSync(SEEDS) ? readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().slice(0, 1).map((f) => join(SEEDS, f)) : [];
const cases = [...reference, ...readdirSync(HOSTILE).sort().map((f) => join(HOSTILE, f)), ...generate()].filter((f) => !values.only || new RegExp(values.only, 'i').test(f.split('/').pop()!));
const clis = [ROOT, ...(values.baseline && existsSync(join(values.baseline, 'bin/triangulate.js')) ? [resolve(values.baseline)] : [])];
const rows: Row[] = [];
for (const file of cases) {
  const label = file.split('/').pop()!;
  for (const cli of clis) {
    const row = measure(cli, label, file);
    rows.push(row);
    console.error(`${label} (${row.cli}): ${row.status}, ${row.seconds.toFixed(1)} s, ${row.cpuS.toFixed(1)} s CPU, ${row.rssMB} MB`);
  }
}
console.log(`\n${'case'.padEnd(30)} ${'cli'.padEnd(9)} ${'status'.padEnd(16)} ${'docs'.padStart(7)} ${'run s'.padStart(7)} ${'s/doc'.padStart(8)} ${'CPU s'.padStart(7)} ${'RSS MB'.padStart(7)}`);
for (const r of rows) console.log(`${r.case.padEnd(30)} ${r.cli.padEnd(9)} ${r.status.padEnd(16)} ${String(r.docs).padStart(7)} ${r.seconds.toFixed(1).padStart(7)} ${r.perDoc.toFixed(3).padStart(8)} ${r.cpuS.toFixed(1).padStart(7)} ${String(r.rssMB).padStart(7)}`);
const mine = rows.filter((r) => r.cli === 'this');
const worstDoc = mine.reduce((w, r) => (r.perDoc > w.perDoc ? r : w), mine[0]);
const worstRss = mine.reduce((w, r) => (r.rssMB > w.rssMB ? r : w), mine[0]);
console.log(`\nworst time per document: ${worstDoc?.perDoc.toFixed(2)} s (${worstDoc?.case}); peak memory: ${worstRss?.rssMB} MB (${worstRss?.case}); crashed runs: ${mine.filter((r) => r.status.startsWith('crash')).length}`);
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, `bench/results/${values.name ?? 'hostile'}.json`), `${JSON.stringify({ date: new Date().toISOString(), timeoutS, rows }, null, 2)}\n`);

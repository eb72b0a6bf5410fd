/**
 * Hostile inputs, end to end: each file of test/fixtures/hostile/ and four generated large cases
 * (an HTML page of 100,000 paragraphs, a JSON Lines file of 100,000 records, a 30 MB single-line
 * text, 50,000 repetitions of a quote-cue pattern) through `triangulate analyze` in a child
 * process. Per case: exit status, wall time, time per document, peak memory (GNU time's max RSS),
 * and the peak memory and wall time of each phase of the run: ingest (read, extract, analyse,
 * store: until the last stored document's outcome line; 0 when none was stored, as for a refused
 * input), stories (the story ledger: until `-v` says the
 * stories are known) and report (the report built and printed), from the process's RSS sampled
 * every 250 ms. Time per document is the sum of the CLI's `-v` stage timings over the documents
 * (extract, analyse and the rest are summed over documents, across worker threads; stories and
 * report are wall time), so on a one-document case it is that document's time.
 *
 *   npm run bench:hostile -- [--lines N] [--baseline DIR] [--timeout S] [--only REGEX] [--name RESULTS]
 *
 * --baseline DIR runs the same cases through another checkout's CLI (e.g. ../main before this
 * work) side by side. Writes bench/results/<RESULTS, default hostile>.json.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { lines: { type: 'string' }, baseline: { type: 'string' }, timeout: { type: 'string' }, only: { type: 'string' }, name: { type: 'string' } } });
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HOSTILE = join(ROOT, 'test/fixtures/hostile');
// the 100,000-record case takes about 9 minutes on an idle machine, well over 20 on a loaded one
const timeoutS = Number(values.timeout ?? 1800);
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

/** Wall time and peak sampled RSS of one phase of a run. */
interface Phase {
  seconds: number;
  peakMB: number;
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
  /** Null when the run ended before the phase markers (a refusal, a crash). */
  phases: { ingest: Phase; stories: Phase; report: Phase } | null;
}

/** The node process under `time` and `timeout` (the first descendant that is node), or null before it starts. */
function nodeUnder(pid: number): number | null {
  for (let p = pid, depth = 0; depth < 4; depth++) {
    try {
      if (readFileSync(`/proc/${p}/comm`, 'utf8').trim() === 'node') return p;
      const next = Number(readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/)[0]);
      if (!next) return null;
      p = next;
    } catch {
      return null;
    }
  }
  return null;
}

function rssMB(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** Runs the CLI with GNU time around it, sampling its memory and time-stamping its stderr lines. */
function runSampled(args: string[]): Promise<{ status: number | null; stderr: string; samples: [number, number][]; lines: [number, string][]; end: number }> {
  return new Promise((done) => {
    const t0 = performance.now();
    const child = spawn('/usr/bin/time', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const samples: [number, number][] = [];
    const lines: [number, string][] = [];
    let stderr = '';
    let node: number | null = null;
    const timer = setInterval(() => {
      node ??= nodeUnder(child.pid!);
      if (node) samples.push([(performance.now() - t0) / 1000, rssMB(node)]);
    }, 250);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      const t = (performance.now() - t0) / 1000;
      for (const line of chunk.split('\n')) if (line) lines.push([t, line]);
    });
    child.on('close', (status) => {
      clearInterval(timer);
      done({ status, stderr, samples, lines, end: (performance.now() - t0) / 1000 });
    });
  });
}

/** Ingest until the last outcome line, stories until the `-v` marker, report until the end. */
function phasesOf(samples: [number, number][], lines: [number, string][], end: number): Row['phases'] {
  const marker = lines.find(([, l]) => / hold this run's documents; building the report/.test(l));
  if (!marker) return null;
  const outcomes = lines.filter(([t, l]) => t <= marker[0] && /^(new|known|updated|failed)\s/.test(l));
  const ingestEnd = outcomes.length ? outcomes[outcomes.length - 1][0] : 0;
  const phase = (from: number, to: number): Phase => ({
    seconds: Number((to - from).toFixed(1)),
    peakMB: Math.round(Math.max(0, ...samples.filter(([t]) => t >= from && t <= to).map(([, mb]) => mb))),
  });
  return { ingest: phase(0, ingestEnd), stories: phase(ingestEnd, marker[0]), report: phase(marker[0], end) };
}

async function measure(cli: string, label: string, file: string): Promise<Row> {
  const db = join(work, `${label}-${Math.random().toString(36).slice(2)}.db`);
  // `timeout` inside `time`: the analyze process itself is killed at the limit (time would not pass a signal on)
  const r = await runSampled(['-f', 'RSSKB %M CPU %U %S', 'timeout', '-s', 'KILL', String(timeoutS), process.execPath, join(cli, 'bin/triangulate.js'), 'analyze', '--db', db, '-v', file]);
  const t = /timings \(ms\): (.*)/.exec(r.stderr)?.[1] ?? '';
  const ms = (k: string) => Number(new RegExp(`\\b${k} ([\\d.]+)`).exec(t)?.[1] ?? NaN);
  const total = ['ingest', 'extract', 'analyse', 'features', 'store', 'stories', 'report'].reduce((s, k) => s + (ms(k) || 0), 0);
  const docs = Number(/(\d+) documents?:/.exec(r.stderr)?.[1] ?? 0);
  const status = r.status === 137 ? `timeout ${timeoutS} s` : r.status === 0 ? 'ok' : r.status === 2 ? 'refused' : /internal error/.test(r.stderr) ? `crash (exit ${r.status})` : `exit ${r.status}`;
  return {
    case: label,
    cli: cli === ROOT ? 'this' : 'baseline',
    status,
    docs,
    seconds: total / 1000,
    perDoc: docs ? total / 1000 / docs : total / 1000,
    cpuS: ((m) => (m ? Number(m[1]) + Number(m[2]) : NaN))(/CPU ([\d.]+) ([\d.]+)/.exec(r.stderr)),
    rssMB: Math.round(Number(/RSSKB (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024),
    analyseMs: Number.isFinite(ms('analyse')) ? ms('analyse') : null,
    timings: t,
    phases: phasesOf(r.samples, r.lines, r.end),
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
    const row = await measure(cli, label, file);
    rows.push(row);
    const ph = row.phases;
    const phases = ph ? ` (ingest ${ph.ingest.seconds} s / ${ph.ingest.peakMB} MB, stories ${ph.stories.seconds} s / ${ph.stories.peakMB} MB, report ${ph.report.seconds} s / ${ph.report.peakMB} MB)` : '';
    console.error(`${label} (${row.cli}): ${row.status}, ${row.seconds.toFixed(1)} s, ${row.cpuS.toFixed(1)} s CPU, ${row.rssMB} MB${phases}`);
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
// the generated inputs and the stores the cases wrote (over 1 GB after the 100,000-record case)
rmSync(work, { recursive: true, force: true });

/**
 * Are two checkouts' reports the same bytes? Runs `triangulate analyze --out` of this checkout and
 * of a baseline checkout (each built: `npm run build`) on the same inputs, at both details, and
 * compares report.json, report.md and report.html byte for byte, then `show --format json` and
 * `show --format markdown` of the three largest stories. For changes that must not change the
 * report's content (how it is built or written, not what it says).
 *
 *   node --import tsx scripts/compare-reports.ts --baseline DIR [--ecb N] [--polnear N]
 *
 * Inputs: the five seeds, the first N (default 84) PolNeAR dev texts and the first N (default 220)
 * ECB+ dev records. Exit status 1 when any output differs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { baseline: { type: 'string' }, ecb: { type: 'string' }, polnear: { type: 'string' } } });
if (!values.baseline || !existsSync(join(values.baseline, 'bin/triangulate.js'))) {
  console.error('usage: compare-reports.ts --baseline DIR (a built checkout) [--ecb N] [--polnear N]');
  process.exit(2);
}
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATA = join(ROOT, '../shared');
const work = mkdtempSync(join(tmpdir(), 'tri-compare-reports-'));

function inputs(): string[] {
  const seeds = join(DATA, 'seeds');
  const polnear = join(DATA, 'data/attribution/polnear/dev/text');
  const files = [seeds, ...readdirSync(polnear).sort().slice(0, Number(values.polnear ?? 84)).map((f) => join(polnear, f))];
  const ecb = readFileSync(join(DATA, 'data/stories/ecbplus-dev.jsonl'), 'utf8').split('\n').filter((l) => l.trim());
  const subset = join(work, 'ecbplus-subset.jsonl');
  writeFileSync(subset, `${ecb.slice(0, Number(values.ecb ?? 220)).join('\n')}\n`);
  return [...files, subset];
}

function cli(checkout: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(checkout, 'bin/triangulate.js'), ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const files = inputs();
const checkouts = { this: ROOT, baseline: resolve(values.baseline) };
let differ = 0;
const same = (what: string, a: string | Buffer, b: string | Buffer) => {
  const ok = Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
  if (!ok) differ++;
  console.log(`${ok ? 'same     ' : 'DIFFERENT'} ${what} (${Buffer.byteLength(a)} / ${Buffer.byteLength(b)} bytes)`);
};
for (const detail of ['lean', 'full']) {
  const out: Record<string, string> = {};
  const db: Record<string, string> = {};
  for (const [name, checkout] of Object.entries(checkouts)) {
    out[name] = join(work, `${name}-${detail}`);
    db[name] = join(work, `${name}-${detail}.db`);
    mkdirSync(out[name], { recursive: true });
    const r = cli(checkout, ['analyze', '--db', db[name], '--out', out[name], '--quiet', '--detail', detail, ...files]);
    if (r.status !== 0) console.log(`${name} analyze (${detail}) exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  }
  for (const f of ['report.json', 'report.md', 'report.html']) same(`${detail} ${f}`, readFileSync(join(out.this, f)), readFileSync(join(out.baseline, f)));
  if (detail !== 'lean') continue;
  const report = JSON.parse(readFileSync(join(out.this, 'report.json'), 'utf8')) as { stories: { id: string; articleCount: number }[] };
  console.log(`${report.stories.length} stories, ${report.stories.reduce((n, s) => n + s.articleCount, 0)} articles`);
  for (const s of report.stories.slice(0, 3)) {
    for (const format of ['json', 'markdown', 'text']) {
      const [a, b] = (['this', 'baseline'] as const).map((name) => cli(checkouts[name], ['show', s.id, '--db', db[name], '--format', format, '--no-color']).stdout);
      same(`show ${s.id} (${s.articleCount} articles) --format ${format}`, a, b);
    }
  }
}
console.log(differ ? `${differ} outputs differ` : 'every output is the same');
process.exit(differ ? 1 : 0);

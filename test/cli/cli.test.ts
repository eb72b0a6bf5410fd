import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { main } from '../../src/cli/main.js';
import { countInputFiles, progress, progressLine } from '../../src/cli/progress.js';
import { SEEDS } from '../helpers.js';
import { HOSTILE_RECORDS, LIVE_PAYLOAD } from '../hostile.js';

/** The CLI in process: usage errors (one line, pointing to the command's --help), show, export, stories filters. */

const tmp = mkdtempSync(join(tmpdir(), 'tri-cli-'));
const db = join(tmp, 'store.db');

async function run(argv: string[], tty: { stdout?: boolean; stderr?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTTY: !!tty.stderr, stdoutTTY: !!tty.stdout });
  return { code, stdout, stderr };
}

const csv = (text: string) => parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];

before(async () => {
  const hostile = join(tmp, 'hostile.json');
  writeFileSync(hostile, JSON.stringify(HOSTILE_RECORDS));
  const r = await run(['analyze', SEEDS, hostile, '--db', db, '--quiet']);
  assert.equal(r.code, 0, r.stderr);
});

async function storyIds(): Promise<{ id: string; title: string; articleCount: number }[]> {
  const r = await run(['stories', '--db', db, '--format', 'json']);
  return (JSON.parse(r.stdout) as { stories: { id: string; title: string; articleCount: number }[] }).stories;
}

describe('usage errors: one line, exit 1, a pointer to the command help', () => {
  const cases: [string[], RegExp][] = [
    [['frobnicate'], /^triangulate: unknown command "frobnicate" \(see `triangulate --help`\)\n$/],
    [['stories', '--out', 'x'], /^triangulate stories: --out is not an option of stories \(it is for analyze, show\) \(see `triangulate stories --help`\)\n$/],
    [['stories', '--bogus'], /^triangulate stories: unknown option --bogus \(see `triangulate stories --help`\)\n$/],
    [['stories', '--db'], /^triangulate stories: --db needs a value/],
    [['stories', '--limit', '0'], /--limit takes a whole number/],
    [['stories', '--since', '2025-13-45'], /--since takes a date as YYYY-MM-DD/],
    [['stories', 'extra'], /stories takes no arguments/],
    [['stories', '--format', 'xml'], /--format must be one of text, json/],
    [['show'], /^triangulate show: show needs a story id/],
    [['show', 'a', 'b'], /show takes one story id/],
    [['show', 'x', '--format', 'pdf'], /--format must be one of text, json, markdown, html, csv/],
    [['show', 'x', '--what', 'facts'], /--what goes with --format csv/],
    [['show', 'x', '--port', '1'], /--port is not an option of show \(it is for serve\)/],
    [['export', '--format', 'xlsx'], /--format must be one of csv, jsonl/],
    [['export', '--what', 'people'], /--what must be one of stories, articles, facts, conflicts, evolving, quotes/],
    [['export', '--since', 'yesterday'], /--since takes a date/],
    [['analyze'], /^triangulate analyze: analyze needs at least one file/],
    [['analyze', 'x', '--port', '80'], /--port is not an option of analyze \(it is for serve\)/],
    [['extract', 'a', 'b'], /extract takes exactly one file/],
    [['extract', 'a', '--db', 'x'], /--db is not an option of extract/],
    [['serve', '--out', 'x'], /--out is not an option of serve/],
    [['serve', '--quiet'], /--quiet is not an option of serve \(it is for analyze\b/],
    [['stories', '-q'], /--q needs a value/],
    [['stories', '-v'], /-v is not an option of stories \(it is for analyze\b/],
    [['analyze', 'x', '--q', 'words'], /--q is not an option of analyze \(it is for stories, export\)/],
    [['help', 'nope'], /unknown command "nope"/],
    [['--db', 'x'], /--db needs a command before it/],
  ];
  for (const [argv, expected] of cases) {
    test(argv.join(' ') || '(nothing)', async () => {
      const r = await run(argv);
      assert.equal(r.code, 1);
      assert.match(r.stderr, expected);
      assert.equal(r.stderr.trim().split('\n').length, 1, `one line, not the whole help: ${r.stderr}`);
      assert.equal(r.stdout, '');
    });
  }
  test('no arguments at all prints the usage on stderr, exit 1', async () => {
    const r = await run([]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /Usage:/);
  });
});

describe('help', () => {
  test('<command> --help and help <command> print that command\'s options only', async () => {
    for (const argv of [['stories', '--help'], ['help', 'stories'], ['stories', '-h']]) {
      const r = await run(argv);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /^triangulate stories/);
      for (const o of ['--q WORDS', '--limit N', '--since DATE', '--outlet NAME', '--db PATH']) assert.ok(r.stdout.includes(o), o);
      assert.ok(!r.stdout.includes('--port'), 'no option of another command');
    }
    const show = await run(['show', '--help']);
    assert.match(show.stdout, /--format F\s+text \(default\), json, markdown, html/);
    const global = await run(['--help']);
    for (const c of ['analyze', 'stories', 'show', 'export', 'extract', 'entities', 'annotate', 'serve']) assert.match(global.stdout, new RegExp(`triangulate ${c}\\b`));
  });
});

describe('read commands need an existing store', () => {
  for (const argv of [['stories'], ['show', 'story-x'], ['export']]) {
    test(argv[0], async () => {
      const missing = join(tmp, 'typo.db');
      const r = await run([...argv, '--db', missing]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /no store at .*typo\.db/);
      assert.deepEqual(readdirSync(tmp).filter((f) => f.startsWith('typo')), [], 'no empty store created');
    });
  }
});

describe('stories', () => {
  test('filters --q, --outlet, --since, --limit; plurals right', async () => {
    const all = await run(['stories', '--db', db]);
    assert.equal(all.code, 0);
    const total = (await storyIds()).length;
    assert.ok(total >= 3);
    assert.ok(all.stdout.startsWith(`${total} stories in `));
    assert.match(all.stdout, /1 article \(1 independent\)/);
    assert.doesNotMatch(all.stdout, /\b1 articles\b/);
    const q = await run(['stories', '--db', db, '--q', 'harbour cranes']);
    assert.match(q.stdout, /^1 story match/);
    assert.match(q.stdout, /2 articles/);
    const outlet = await run(['stories', '--db', db, '--outlet', 'Business Standard', '--format', 'json']);
    const o = JSON.parse(outlet.stdout) as { total: number; stories: { articleCount: number; outlets: string[] }[] };
    assert.equal(o.total, 1);
    assert.deepEqual(o.stories[0].outlets, ['Business Standard']);
    const since = JSON.parse((await run(['stories', '--db', db, '--since', '2026-01-01', '--format', 'json'])).stdout) as { total: number };
    assert.equal(since.total, 1, 'only the 2026 story is dated on or after the date');
    const limited = await run(['stories', '--db', db, '--limit', '1']);
    assert.match(limited.stdout, /showing 1; --limit N for more/);
    assert.equal((await run(['stories', '--db', db, '--q', 'zzzqqq'])).stdout, 'No stories match these filters.\n');
  });
});

describe('show', () => {
  test('text, json, markdown, html and csv of a stored story, by id or prefix', async () => {
    // the largest seed story (the hostile pair is the one titled with a formula)
    const big = (await storyIds()).filter((s) => !/HYPERLINK/.test(s.title)).sort((a, b) => b.articleCount - a.articleCount)[0];
    assert.ok(big.articleCount >= 3);
    const json = await run(['show', big.id, '--db', db, '--format', 'json']);
    assert.equal(json.code, 0, json.stderr);
    const report = JSON.parse(json.stdout) as { stories: { id: string; crossCheck: { conflicts: unknown[] } }[] };
    assert.equal(report.stories[0].id, big.id);
    assert.ok(report.stories[0].crossCheck.conflicts.length >= 1);
    const text = await run(['show', big.id.slice(0, 10), '--db', db]);
    assert.match(text.stdout, /cross-check: \d+ corroborated/);
    assert.doesNotMatch(text.stdout, /\x1b\[/, 'no ANSI codes when stdout is not a terminal');
    const tty = await run(['show', big.id, '--db', db], { stdout: true });
    assert.match(tty.stdout, /\x1b\[1m/, 'colours on a terminal');
    const md = await run(['show', big.id, '--db', db, '--format', 'markdown']);
    assert.match(md.stdout, /^# Triangulate report/);
    const html = await run(['show', big.id, '--db', db, '--format', 'html']);
    assert.match(html.stdout, /^<!doctype html>/);
    assert.ok(html.stdout.includes('class="cite"'));
    const facts = csv((await run(['show', big.id, '--db', db, '--format', 'csv'])).stdout);
    assert.ok(facts.length > 10);
    assert.deepEqual(Object.keys(facts[0]).slice(0, 4), ['story_id', 'fact_id', 'status', 'statement']);
    assert.ok(facts.every((f) => f.story_id === big.id));
    const conflicts = csv((await run(['show', big.id, '--db', db, '--format', 'csv', '--what', 'conflicts'])).stdout);
    const sides = report.stories[0].crossCheck.conflicts as { sides: unknown[] }[];
    assert.equal(conflicts.length, sides.reduce((n, c) => n + c.sides.length, 0), 'a row per conflict side');
  });

  test('--out writes every output; an unknown or ambiguous id fails with exit 2', async () => {
    const id = (await storyIds())[0].id;
    const out = join(tmp, 'show-out');
    const r = await run(['show', id, '--db', db, '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(readdirSync(out).sort(), ['articles.csv', 'conflicts.csv', 'evolving.csv', 'facts.csv', 'quotes.csv', 'report.html', 'report.json', 'report.md']);
    const unknown = await run(['show', 'story-nope', '--db', db]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no story "story-nope"/);
    const ambiguous = await run(['show', 'story-', '--db', db]);
    assert.equal(ambiguous.code, 2);
    assert.match(ambiguous.stderr, /matches several stories/);
  });
});

describe('export', () => {
  test('every table as CSV parses back with its documented columns; jsonl too; filters apply', async () => {
    for (const what of ['stories', 'articles', 'facts', 'conflicts', 'quotes']) {
      const r = await run(['export', '--db', db, '--what', what]);
      assert.equal(r.code, 0, r.stderr);
      const rows = csv(r.stdout);
      assert.ok(rows.length >= 1, what);
      const jl = (await run(['export', '--db', db, '--what', what, '--format', 'jsonl'])).stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      assert.equal(jl.length, rows.length, `${what}: same rows in both formats`);
      assert.deepEqual(Object.keys(jl[0]), Object.keys(rows[0]));
    }
    const stories = csv((await run(['export', '--db', db])).stdout);
    assert.equal(stories.length, (await storyIds()).length);
    const filtered = csv((await run(['export', '--db', db, '--what', 'articles', '--outlet', 'Business Standard'])).stdout);
    const kept = stories.find((s) => s.outlets.split('; ').includes('Business Standard'))!;
    assert.equal(filtered.length, Number(kept.articles), 'the articles of the stories the outlet filter keeps');
    assert.ok(filtered.every((a) => a.story_id === kept.story_id));
    assert.equal(csv((await run(['export', '--db', db, '--since', '2026-01-01'])).stdout).length, 1);
    assert.equal(csv((await run(['export', '--db', db, '--q', 'cranes'])).stdout).length, 1);
  });

  test('hostile fields: formulas defused, markup kept as inert text in CSV and report.html', async () => {
    const articles = csv((await run(['export', '--db', db, '--what', 'articles', '--q', 'cranes'])).stdout);
    assert.equal(articles.length, 2);
    for (const a of articles) {
      for (const [k, v] of Object.entries(a)) assert.doesNotMatch(v, /^[=+\-@]/, `${k} starts with a formula character: ${v}`);
      assert.ok(a.title.startsWith(`'=HYPERLINK(`), 'the title is kept, defused');
    }
    assert.ok(articles.some((a) => a.outlet.startsWith("'@SUM")) && articles.some((a) => a.outlet.startsWith("'+Daily")));
    const id = (await storyIds()).find((s) => /HYPERLINK/.test(s.title))!.id;
    const html = (await run(['show', id, '--db', db, '--format', 'html'])).stdout;
    assert.doesNotMatch(html, LIVE_PAYLOAD, 'no payload as live markup');
    assert.ok(html.includes('&lt;script>window.__pwned') || html.includes('\\u003cscript>window.__pwned'), 'the payload is shown as text');
    assert.doesNotMatch(html, /href="javascript:/i);
  });
});

test('progress line: done of total, rate and time left; falls back when documents outnumber files', () => {
  assert.equal(progressLine(50, 200, 10_000, 10), '[===       ] 50 of 200 documents · 5/s · 30 s left');
  assert.equal(progressLine(1, 1, 1000, 4), '[====] 1 of 1 document · 1/s · 0 s left');
  assert.equal(progressLine(300, 200, 10_000), '300 documents · 30/s');
});

test('progress: drawn only when enabled (a terminal), with the total; cleared at the end', () => {
  let clock = 0;
  const off: string[] = [];
  const quiet = progress((s) => off.push(s), false, 10, () => clock);
  const on: string[] = [];
  const bar = progress((s) => on.push(s), true, 10, () => clock);
  for (let i = 1; i <= 10; i++) {
    clock += 200;
    quiet.tick(i);
    bar.tick(i);
  }
  quiet.end();
  bar.end();
  assert.deepEqual(off, []);
  assert.ok(on.some((l) => /\] 5 of 10 documents · 5\/s · 1 s left/.test(l)), on.join('|'));
  assert.equal(on.at(-1), '\r\x1b[K');
  assert.equal(countInputFiles([SEEDS]), readdirSync(SEEDS).filter((f) => !f.startsWith('.')).length);
});

test('analyze: "1 document", not "1 documents"', async () => {
  const f = join(tmp, 'one.txt');
  writeFileSync(f, readFileSync(join(SEEDS, readdirSync(SEEDS).find((n) => n.startsWith('002'))!)));
  const r = await run(['analyze', f, '--db', join(tmp, 'one.db')]);
  assert.equal(r.code, 0);
  assert.match(r.stderr, /triangulate: 1 document: 1 new/);
  assert.match(r.stdout, /^1 story\n/);
});

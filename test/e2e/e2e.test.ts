import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { Value } from '@sinclair/typebox/value';
import { reportJsonSchema } from '../../src/report/json-schema.js';
import { type Report, ReportSchema } from '../../src/report/schema.js';

const root = resolve(import.meta.dirname, '..', '..');
const seeds = resolve(root, '..', 'shared', 'seeds');
const bin = join(root, 'bin', 'triangulate.js');
const tmp = mkdtempSync(join(tmpdir(), 'tri-e2e-'));

function cli(args: string[], input?: string) {
  // reports carry every annotation layer (the syntax tokens too): more than spawnSync's default 1 MB of output
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: tmp, encoding: 'utf8', input, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const seedFiles = readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort();
const prefix = (source: string) => source.split('/').pop()!.slice(0, 3);

/** The report without what legitimately depends on how the inputs were named and on what the store already held. */
function normalised(r: Report) {
  return JSON.stringify(r, (k, v) => (k === 'source' ? prefix(v) : k === 'counts' ? undefined : v));
}

test('analyze on the seeds: two stories, 000/001/003/004 together and 002 apart; JSON valid against the schema', () => {
  const db = join(tmp, 'seeds.db');
  const r = cli(['analyze', seeds, '--db', db, '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as Report;
  assert.ok(Value.Check(ReportSchema, report), JSON.stringify([...Value.Errors(ReportSchema, report)].slice(0, 3)));
  const groups = report.stories.map((s) => s.articles.map((a) => prefix(a.source)).sort().join(','));
  assert.deepEqual(groups.sort(), ['000,001,003,004', '002']);
  for (const s of report.stories) {
    assert.ok(s.id && s.title, 'story has id and title');
    for (const a of s.articles) {
      assert.match(a.id, /^[0-9a-f]{32}$/);
      assert.ok('outlet' in a && 'title' in a && 'published' in a);
      assert.ok(a.text.length > 500, 'clean text kept');
    }
  }
  assert.match(r.stderr, /5 documents: 5 new, 0 already known, 0 failed/);
});

test('re-running reuses stored results and prints the same report; order of inputs does not matter', () => {
  const db = join(tmp, 'order.db');
  const first = cli(['analyze', ...seedFiles.map((f) => join(seeds, f)), '--db', db, '--format', 'json']);
  assert.equal(first.code, 0, first.stderr);
  const again = cli(['analyze', ...seedFiles.map((f) => join(seeds, f)).reverse(), '--db', db, '--format', 'json']);
  assert.match(again.stderr, /5 documents: 0 new, 5 already known, 0 failed/);
  assert.equal(normalised(JSON.parse(again.stdout)), normalised(JSON.parse(first.stdout)));
  // a fresh store fed in reverse order gives the same report
  const fresh = cli(['analyze', ...seedFiles.map((f) => join(seeds, f)).reverse(), '--db', join(tmp, 'rev.db'), '--format', 'json']);
  assert.equal(normalised(JSON.parse(fresh.stdout)), normalised(JSON.parse(first.stdout)));
});

test('terminal summary names each story and article with outlet, date and status', () => {
  const r = cli(['analyze', seeds, '--db', ':memory:']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^2 stories/);
  assert.match(r.stdout, /5 articles|4 articles/);
  assert.match(r.stdout, /Business Standard · 2025-05-09/);
  assert.match(r.stdout, /undated · new/);
});

test('--out writes report.json, report.md and a self-contained report.html', () => {
  const out = join(tmp, 'out');
  const r = cli(['analyze', seeds, '--db', ':memory:', '--out', out, '--quiet']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '');
  const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
  assert.equal(json.stories.length, 2);
  const md = readFileSync(join(out, 'report.md'), 'utf8');
  assert.match(md, /^# Triangulate report/);
  const html = readFileSync(join(out, 'report.html'), 'utf8');
  assert.match(html, /^<!doctype html>/);
  assert.doesNotMatch(html, /<(?:link|img|script)[^>]+(?:href|src)=["']?(?:https?:)?\/\//i, 'no external assets');
});

test('bad inputs: one line each, the run completes, exit 0 with a good document and 2 with none', () => {
  const bad = join(tmp, 'bad');
  mkdirSync(bad);
  writeFileSync(join(bad, 'empty.txt'), '');
  writeFileSync(join(bad, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
  writeFileSync(join(bad, 'zero.html'), '');
  writeFileSync(join(bad, 'broken.jsonl'), '{"id":"ok1","title":"Fine","text":"A fine article about the summit in Moscow. It has two sentences."}\n{broken\n');
  const onlyBad = join(tmp, 'onlybad');
  cpSync(bad, onlyBad, { recursive: true });
  writeFileSync(join(onlyBad, 'broken.jsonl'), '{broken\n');
  const mixed = cli(['analyze', bad, '--db', join(tmp, 'bad.db')]);
  assert.equal(mixed.code, 0, mixed.stderr);
  for (const f of ['empty.txt', 'image.txt', 'zero.html', 'broken.jsonl:2']) {
    assert.equal(mixed.stderr.split('\n').filter((l) => l.includes(f)).length, 1, `one line for ${f}:\n${mixed.stderr}`);
  }
  assert.match(mixed.stderr, /1 new, 0 already known, 4 failed/);
  const none = cli(['analyze', onlyBad, '--db', join(tmp, 'bad2.db')]);
  assert.equal(none.code, 2);
  assert.equal(cli(['analyze', '--db', ':memory:']).code, 1);
  assert.equal(cli(['frobnicate']).code, 1);
  assert.equal(cli(['analyze', seeds, '--bogus']).code, 1);
});

test('stdin, stories listing, extract/annotate/entities commands', () => {
  const db = join(tmp, 'cmds.db');
  const text = readFileSync(join(seeds, seedFiles[3]), 'utf8');
  const r = cli(['analyze', '-', '--db', db, '--format', 'json'], text);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).stories[0].articles[0].source, '-');
  const s = cli(['stories', '--db', db, '--format', 'json']);
  assert.equal(JSON.parse(s.stdout).stories.length, 1);
  const e = cli(['extract', join(seeds, seedFiles[3]), '--format', 'json']);
  assert.equal(e.code, 0, e.stderr);
  const art = JSON.parse(e.stdout);
  for (const k of ['title', 'dek', 'body', 'byline', 'outlet', 'url', 'published', 'modified', 'language', 'dateline', 'wire', 'attributions', 'removed']) {
    assert.ok(k in art, `extract JSON has ${k}`);
  }
  assert.equal(cli(['annotate', join(seeds, seedFiles[1]), '--format', 'json']).code, 0);
  assert.equal(cli(['entities', join(seeds, seedFiles[1])]).code, 0);
  assert.equal(cli(['extract', join(tmp, 'missing.txt')]).code, 2);
});

test('the published JSON Schema file is current', () => {
  const file = join(root, 'schema', 'report.schema.json');
  assert.ok(existsSync(file));
  assert.equal(readFileSync(file, 'utf8'), reportJsonSchema(), 'run `npm run schema`');
});

/**
 * Terminal output under attack: headlines, outlets and file names carrying ESC/CSI, OSC (window
 * title, OSC 8 links), C1 controls, carriage returns and bidi overrides must reach stdout and
 * stderr inert, in every command, with and without colours.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, test } from 'node:test';
import { main } from '../../src/cli/main.js';
import { inert, inertJson, inertOutput } from '../../src/util/inert.js';

const ECB = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'stories', 'ecbplus-dev.jsonl');

/** Control sequences an attacker would plant: clear screen + home, a fake prompt, OSC title, OSC 8 link, 8-bit CSI, CR overwrite, RLO. */
const HOSTILE = '\x1b[2J\x1b[H\x1b]0;pwned\x07\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\\u009b31m\rOK\u202egnp.exe\x00\x7f';

/** Every control character a terminal acts on, except the newline and tab of the layout. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const SGR = /\u001b\[[0-9;]*m/g;

const tmp = mkdtempSync(join(tmpdir(), 'tri-terminal-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** Two articles of one real ECB+ event, with hostile headlines and outlets, as JSON Lines. */
function hostileInputs(dir: string): { jsonl: string; text: string; single: string } {
  mkdirSync(dir, { recursive: true });
  const lines = readFileSync(ECB, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; text: string; event: string });
  const event = lines[0].event;
  const same = lines.filter((r) => r.event === event).slice(0, 3);
  const records = same.map((r, i) => ({ id: `${r.id}${HOSTILE}${i}`, title: `Headline ${i} ${HOSTILE}`, outlet: `Outlet${HOSTILE}${i}`, text: r.text }));
  const jsonl = join(dir, `feed${HOSTILE.replace(/[\x00/]/g, '')}.jsonl`);
  writeFileSync(jsonl, records.map((r) => JSON.stringify(r)).join('\n'));
  const text = join(dir, `plain${HOSTILE.replace(/[\x00/]/g, '')}.txt`);
  writeFileSync(text, `Local news ${HOSTILE}\n\n${same[0].text}\n`);
  writeFileSync(join(dir, `empty${HOSTILE.replace(/[\x00/]/g, '')}.txt`), '');
  const single = join(tmp, `single${HOSTILE.replace(/[\x00/]/g, '')}.json`);
  writeFileSync(single, JSON.stringify(records[0]));
  return { jsonl, text, single };
}

async function run(args: string[], isTTY: boolean) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTTY, stdoutTTY: isTTY });
  return { code, stdout, stderr };
}

function assertInert(text: string, what: string, coloursAllowed = false) {
  const rest = coloursAllowed ? text.replace(SGR, '') : text;
  const m = RAW_CONTROL.exec(rest);
  assert.equal(m, null, `${what}: raw control U+${m?.[0].charCodeAt(0).toString(16)} at ${m?.index}: ${JSON.stringify(rest.slice(Math.max(0, (m?.index ?? 0) - 20), (m?.index ?? 0) + 20))}`);
}

describe('inert()', () => {
  test('makes ESC, BEL, CR, NUL, DEL, C1 and bidi controls visible and keeps newline and tab', () => {
    assert.equal(inert('a\x1b[2Jb'), 'a\u241b[2Jb');
    assert.equal(inert('x\ry\x07\x00\x7f'), 'x\u240dy\u2407\u2400\u2421');
    assert.equal(inert('\u009b31m\u202e'), '<U+009B>31m<U+202E>');
    assert.equal(inert('line 1\n\tline 2'), 'line 1\n\tline 2');
  });

  test('inertOutput keeps well-formed colour codes only when asked', () => {
    const s = '\x1b[1mbold\x1b[0m \x1b]0;t\x07';
    assert.equal(inertOutput(s, true), '\x1b[1mbold\x1b[0m \u241b]0;t\u2407');
    assert.equal(inertOutput(s, false), '\u241b[1mbold\u241b[0m \u241b]0;t\u2407');
  });

  test('inertJson escapes C1 and bidi controls and keeps the JSON value', () => {
    const v = { t: `a\u009bb\u202ec\x1b` };
    const j = inertJson(JSON.stringify(v));
    assertInert(j, 'json');
    assert.deepEqual(JSON.parse(j), v);
  });
});

describe('commands print hostile inputs inert', () => {
  const dir = join(tmp, 'in');
  const { jsonl, text, single } = hostileInputs(dir);
  const db = join(tmp, 'store.db');

  for (const colour of [true, false]) {
    test(`analyze, text output ${colour ? 'with colours (terminal)' : 'with --no-color'}`, async () => {
      const args = ['analyze', dir, '--db', db, ...(colour ? [] : ['--no-color'])];
      const r = await run(args, true);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /Headline \d/, 'the hostile headlines are shown');
      assert.match(r.stdout, /\u241b\[2J/, 'the escape is shown as a visible ␛');
      if (colour) assert.match(r.stdout, SGR, 'colours are on');
      else assert.doesNotMatch(r.stdout, SGR);
      assertInert(r.stdout, 'stdout', colour);
      // the progress line (counts only, no input text) redraws itself with a raw carriage return and erase-line
      const progressFree = r.stderr.replace(/\r[^\r\n]*?\x1b\[K/g, '');
      assertInert(progressFree, 'stderr (the empty file with a hostile name fails with a message)');
      assert.match(r.stderr, /empty/);
    });
  }

  test('analyze --format json and markdown', async () => {
    for (const format of ['json', 'markdown']) {
      const r = await run(['analyze', dir, '--db', db, '--format', format], true);
      assert.equal(r.code, 0, r.stderr);
      assertInert(r.stdout, `${format} stdout`);
      assertInert(r.stderr, `${format} stderr`);
      if (format === 'json') {
        const titles = (JSON.parse(r.stdout) as { stories: { articles: { title: string }[] }[] }).stories.flatMap((s) => s.articles.map((a) => a.title));
        assert.ok(titles.some((t) => t.includes('\u009b')), 'the JSON keeps the exact value (escaped)');
      }
    }
  });

  test('stories, text and json', async () => {
    for (const format of ['text', 'json']) {
      const r = await run(['stories', '--db', db, '--format', format], true);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(r.stdout.length > 40);
      assertInert(r.stdout, `stories ${format}`);
    }
  });

  for (const command of ['extract', 'entities', 'annotate']) {
    test(`${command} on a file with a hostile name and headline`, async () => {
      for (const [input, format] of [[single, 'text'], [single, 'json'], [text, 'text']]) {
        const r = await run([command, input, '--format', format], true);
        assert.equal(r.code, 0, r.stderr);
        if (input === single) assert.ok(r.stdout.includes('Headline 0'), r.stdout.slice(0, 200));
        assertInert(r.stdout, `${command} ${format} stdout`);
        assertInert(r.stderr, `${command} ${format} stderr`);
      }
    });
  }

  test('error lines naming a hostile file are inert', async () => {
    const missing = join(dir, `missing${HOSTILE.replace(/[\x00/]/g, '')}.txt`);
    const r = await run(['extract', missing], true);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /missing/);
    assertInert(r.stderr, 'stderr');
    const u = await run(['analyze', jsonl, `--bogus${HOSTILE.replace(/\x00/g, '')}`], true);
    assert.equal(u.code, 1);
    assertInert(u.stderr, 'usage error');
  });
});

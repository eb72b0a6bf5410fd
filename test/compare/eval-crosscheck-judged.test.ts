import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { type JudgeableFact, judgedPrecision, labelledFacts, readJudgments, seededSample, JUDGE_SAMPLE_SPLITS, JUDGMENTS } from '../../scripts/eval-crosscheck.js';

const s = (article: string, text: string) => ({ article, text });

test('judged precision reads the judgments file and scores predictions by their set of sentences', () => {
  const dir = mkdtempSync(join(tmpdir(), 'judged-'));
  try {
    const file = join(dir, 'j.jsonl');
    const lines = [
      { fixture: 'f1', sentences: [s('a', 'The plant closed.'), s('b', 'Kraft closed the plant.')], label: 'same', note: 'closure' },
      { fixture: 'f1', sentences: [s('a', 'Ten were hurt.'), s('b', 'Ten were arrested.')], label: 'different', note: 'hurt vs arrested' },
      { fixture: 'f1', sentences: [s('a', 'X.'), s('b', 'Y.'), s('c', 'Z.')], label: 'partly', note: 'c is another fact' },
    ];
    writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n\n`);
    const judgments = readJudgments(file);
    assert.equal(judgments.length, 3);

    const pred = (fixture: string, sentences: { article: string; text: string }[]): JudgeableFact => ({ fixture, factId: 'F', statement: '', sentences });
    const score = judgedPrecision(
      [
        // order of sentences and whitespace do not matter
        pred('f1', [s('b', 'Kraft  closed the plant.'), s('a', 'The plant closed.')]),
        pred('f1', [s('a', 'Ten were hurt.'), s('b', 'Ten were arrested.')]),
        pred('f1', [s('c', 'Z.'), s('a', 'X.'), s('b', 'Y.')]),
        // a subset of a judged set is a different prediction: unjudged
        pred('f1', [s('a', 'X.'), s('b', 'Y.')]),
        // same sentences in another fixture: unjudged
        pred('f2', [s('a', 'The plant closed.'), s('b', 'Kraft closed the plant.')]),
      ],
      judgments,
    );
    assert.deepEqual(score, { predicted: 5, judged: 3, same: 1, partly: 1, different: 1, unjudged: 2, precision: 0.333, precisionLenient: 0.667 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('each prediction is labelled with the judgment of its sentence set, or "?" (what -v lists and --judged-dump writes)', () => {
  const judgments = [{ fixture: 'f1', sentences: [s('a', 'Ten were hurt.'), s('b', 'Ten were arrested.')], label: 'different' as const, note: 'hurt vs arrested' }];
  const pred = (sentences: { article: string; text: string }[]): JudgeableFact => ({ fixture: 'f1', factId: 'F1', statement: '', sentences });
  const [judged, unjudged] = labelledFacts([pred([s('b', 'Ten were arrested.'), s('a', 'Ten  were hurt.')]), pred([s('a', 'Ten were hurt.')])], judgments);
  assert.equal(judged.label, 'different');
  assert.equal(judged.note, 'hurt vs arrested');
  assert.equal(unjudged.label, '?');
  assert.equal(unjudged.note, undefined);
});

test('a malformed judgment line is reported with its line number', () => {
  const dir = mkdtempSync(join(tmpdir(), 'judged-'));
  try {
    const file = join(dir, 'j.jsonl');
    writeFileSync(file, `${JSON.stringify({ fixture: 'f', sentences: [], label: 'maybe' })}\n`);
    assert.throws(() => readJudgments(file), /j\.jsonl:1/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the shipped judgments file is well formed', () => {
  const judgments = readJudgments(JUDGMENTS);
  assert.ok(judgments.length >= 100);
  for (const j of judgments) assert.ok(j.sentences.length >= 2 && j.note, `${j.fixture}: needs two sentences and a note`);
});

test('the judge sample is deterministic and draws distinct items', () => {
  const items = Array.from({ length: 50 }, (_, i) => i);
  assert.deepEqual(seededSample(items, 10), seededSample(items, 10));
  assert.equal(new Set(seededSample(items, 10)).size, 10);
  assert.deepEqual(seededSample(items, 100).sort((a, b) => a - b), items);
});

test('the judge sample draws from the development splits (ECB+ dev, PolNeAR) and refuses the held-out one', () => {
  assert.deepEqual([...JUDGE_SAMPLE_SPLITS].sort(), ['dev', 'polnear']);
  // the refusal comes before any fixture is read, so this run is short
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/eval-crosscheck.ts', '--split', 'heldout', '--judge-sample', '3'], { encoding: 'utf8' });
  assert.notEqual(run.status, 0);
  assert.match(run.stderr, /development split only/);
  assert.doesNotMatch(run.stdout, /predicted corroborated facts/);
});

test('the shipped PolNeAR judgments cover the whole polnear sample of judge27 (45 facts, each with a reason)', () => {
  const polnear = readJudgments(JUDGMENTS).filter((j) => j.fixture.startsWith('polnear-'));
  assert.ok(polnear.length >= 45, `${polnear.length} polnear judgments`);
  for (const j of polnear.filter((k) => k.label !== 'same')) assert.ok((j.note ?? '').length > 60, `${j.fixture}: a partly/different judgment says which sentence and what it states`);
});

/**
 * Scores findTimes and findQuantities on test/fixtures/time-quantities.json (real sentences from
 * the seeds and PolNeAR with hand-written expected values).
 *
 *   node --import tsx scripts/eval-time-quantities.ts [fixture.json] [--verbose]
 *
 * An expected item is found when a prediction overlaps the first occurrence of its `text` in the
 * sentence and has the expected value (times: `value`, and `kind` when given; quantities: `value`,
 * `unit`, `qualifier`, and `counted` when given). Accuracy = found / expected. A prediction that
 * overlaps no expected item is a false positive; precision = correct predictions / predictions.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { findQuantities } from '../src/analyse/quantities.js';
import { findTimes } from '../src/analyse/time.js';
import { splitSentences } from '../src/analyse/tokenize.js';
import type { Quantity, Span, TimeExpr } from '../src/model/types.js';

interface ExpectedTime {
  text: string;
  /** null: found but left unresolved (a clock time with no day). */
  value: string | null;
  kind?: string;
}
interface ExpectedQuantity {
  text: string;
  value: number;
  unit: string;
  qualifier: string;
  counted?: string;
}
interface Item {
  source: string;
  /** Added after tuning, expectations written before running the analysers. */
  heldout?: boolean;
  published: string | null;
  sentence: string;
  times: ExpectedTime[];
  quantities: ExpectedQuantity[];
}

export interface Score {
  expected: number;
  found: number;
  predicted: number;
  falsePositives: number;
  accuracy: number;
  precision: number;
  failures: string[];
}

function locate(sentence: string, text: string): Span | null {
  const i = sentence.indexOf(text);
  return i < 0 ? null : { start: i, end: i + text.length };
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

function score<E extends { text: string }, P extends { span: Span; text: string }>(
  items: Item[],
  expectedOf: (it: Item) => E[],
  predict: (it: Item) => P[],
  same: (e: E, p: P) => boolean,
  show: (p: P) => string,
): Score {
  const s: Score = { expected: 0, found: 0, predicted: 0, falsePositives: 0, accuracy: 0, precision: 0, failures: [] };
  let correctPred = 0;
  for (const it of items) {
    const exp = expectedOf(it);
    const preds = predict(it);
    s.expected += exp.length;
    s.predicted += preds.length;
    const spans = exp.map((e) => locate(it.sentence, e.text));
    for (let k = 0; k < exp.length; k++) {
      const sp = spans[k];
      const hit = sp ? preds.find((p) => overlaps(p.span, sp) && same(exp[k], p)) : undefined;
      if (hit) s.found++;
      else {
        const near = sp ? preds.filter((p) => overlaps(p.span, sp)).map(show) : [];
        s.failures.push(`${it.source}: expected ${JSON.stringify(exp[k])}, got ${near.length ? near.join(' | ') : 'nothing'}`);
      }
    }
    for (const p of preds) {
      const k = spans.findIndex((sp) => sp !== null && overlaps(p.span, sp));
      if (k < 0) {
        s.falsePositives++;
        s.failures.push(`${it.source}: unexpected ${show(p)}`);
      } else if (same(exp[k], p)) correctPred++;
    }
  }
  s.accuracy = s.expected ? s.found / s.expected : 1;
  s.precision = s.predicted ? correctPred / s.predicted : 1;
  return s;
}

export function scoreFixture(path = 'test/fixtures/time-quantities.json', subset: 'all' | 'heldout' | 'tuned' = 'all'): { times: Score; quantities: Score } {
  const items = (JSON.parse(readFileSync(path, 'utf8')) as { items: Item[] }).items.filter(
    (it) => subset === 'all' || (subset === 'heldout') === (it.heldout === true),
  );
  const times = score<ExpectedTime, TimeExpr>(
    items,
    (it) => it.times,
    (it) => findTimes(it.sentence, splitSentences(it.sentence), it.published ? { iso: it.published, precision: 'day', source: 'fixture' } : null),
    (e, p) => p.value === e.value && (e.kind === undefined || p.kind === e.kind),
    (p) => `${JSON.stringify(p.text)}=${p.value} (${p.kind})`,
  );
  const quantities = score<ExpectedQuantity, Quantity>(
    items,
    (it) => it.quantities,
    (it) => findQuantities(it.sentence, splitSentences(it.sentence)),
    (e, p) =>
      Math.abs(p.value - e.value) <= 1e-9 * Math.max(1, Math.abs(e.value)) &&
      p.unit === e.unit &&
      p.qualifier === e.qualifier &&
      (e.counted === undefined || p.counted === e.counted),
    (p) => `${JSON.stringify(p.text)}=${p.value} ${p.unit} ${p.qualifier} ${p.counted ?? '-'}`,
  );
  return { times, quantities };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const path = args.find((a) => !a.startsWith('--')) ?? 'test/fixtures/time-quantities.json';
  const r = scoreFixture(path);
  console.log('analyser    items     expected  found  accuracy  predicted  false+  precision');
  for (const subset of ['tuned', 'heldout', 'all'] as const) {
    const rs = subset === 'all' ? r : scoreFixture(path, subset);
    for (const [name, s] of Object.entries(rs)) {
      console.log(
        `${name.padEnd(11)} ${subset.padEnd(8)} ${String(s.expected).padStart(8)} ${String(s.found).padStart(6)}  ${s.accuracy.toFixed(3).padStart(8)}  ${String(s.predicted).padStart(9)}  ${String(s.falsePositives).padStart(6)}  ${s.precision.toFixed(3).padStart(9)}`,
      );
    }
  }
  if (args.includes('--verbose')) for (const [name, s] of Object.entries(r)) for (const f of s.failures) console.log(`${name}: ${f}`);
  console.log(
    JSON.stringify({
      timeAccuracy: Number(r.times.accuracy.toFixed(4)),
      timePrecision: Number(r.times.precision.toFixed(4)),
      quantityAccuracy: Number(r.quantities.accuracy.toFixed(4)),
      quantityPrecision: Number(r.quantities.precision.toFixed(4)),
    }),
  );
}

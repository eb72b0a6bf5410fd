import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type BoundaryInput, BoundaryModel, boundaryCandidates, boundaryFeatures, parseBoundaryModel, serializeBoundaryModel } from '../src/analyse/attribution/bounds.js';
import { findQuotes } from '../src/analyse/quotes.js';
import { splitSentences } from '../src/analyse/tokenize.js';

// real sentences of PolNeAR train
const RALLY = 'Donald Trump also criticized Clinton during a rally Friday in Hartford, Conn.';
const BOYLE = 'Lloyd Grove, the Daily Beast editor who wrote the profile on Boyle, Tweeted out Trump’s praise of Boyle during the press conference on Monday.';

function trace(text: string): BoundaryInput[] {
  const inputs: BoundaryInput[] = [];
  findQuotes(text, splitSentences(text), [], { onBoundary: (x) => inputs.push(x) });
  return inputs;
}

const words = (input: BoundaryInput, b: number) => input.toks.slice(input.lo, b).map((t) => t.text).join(' ');

test('findQuotes reports each tagged indirect content to the boundary step, with its cue and sentence', () => {
  const [input] = trace(BOYLE);
  assert.ok(input, 'one content traced');
  assert.equal(input.cue, 'tweeted');
  assert.equal(words(input, input.end), 'Trump ’s praise of Boyle');
  assert.ok(input.cueBefore);
  assert.equal(input.toks[input.sentHi - 1].text, '.');
});

test('the candidate ends hold the predicted end and the clause boundaries up to the sentence end', () => {
  const [input] = trace(RALLY);
  const cands = boundaryCandidates(input);
  assert.ok(cands.includes(input.end));
  const at = cands.map((b) => input.toks[b]?.text ?? '</s>');
  for (const w of ['during', 'in', '</s>']) assert.ok(at.includes(w), `a cut before ${w}: ${at.join(' ')}`);
  // the content starts at "Clinton": every cut keeps at least its first token
  assert.ok(cands.every((b) => b >= input.lo + 1));
  assert.deepEqual(cands, [...cands].sort((a, b) => a - b));
});

test('no cut falls inside a quotation', () => {
  const text = 'Trump said the plan was “a total disaster for our great country” during a rally in Iowa.';
  for (const input of trace(text)) {
    const open = text.indexOf('“');
    const close = text.indexOf('”');
    for (const b of boundaryCandidates(input)) {
      const t = input.toks[b];
      if (t) assert.ok(!(t.start > open + 1 && t.start < close), `cut before "${t.text}" inside the quotation`);
    }
  }
});

test('a model that dislikes adjuncts cuts before "during"; an empty model keeps the predicted end', () => {
  const [input] = trace(RALLY);
  const cutDuring = new BoundaryModel(new Map([['cut|s=during', 3]]));
  const end = cutDuring.choose(input);
  assert.equal(input.toks[end].text, 'during');
  assert.equal(words(input, end), 'Clinton');
  assert.equal(new BoundaryModel(new Map()).choose(input), input.end);
  assert.deepEqual(boundaryFeatures(input, input.end), ['keep']);
});

test('the model file round-trips, sorted and without zero weights', () => {
  const w = new Map([
    ['ext|n=.', -1.5],
    ['cut|s=during', 2.25],
    ['keep', 0],
  ]);
  const body = serializeBoundaryModel(w, { data: 'test' });
  assert.equal(body, serializeBoundaryModel(new Map([...w].reverse()), { data: 'test' }), 'order of insertion does not matter');
  const m = parseBoundaryModel(gunzipSync(gzipSync(Buffer.from(body))).toString('utf8'));
  assert.deepEqual([...m.weights].sort(), [
    ['cut|s=during', 2.25],
    ['ext|n=.', -1.5],
  ]);
});

test('with no boundary model shipped, findQuotes gives the same quotes with and without the step', () => {
  for (const text of [RALLY, BOYLE]) {
    const s = splitSentences(text);
    assert.deepEqual(findQuotes(text, s, []), findQuotes(text, s, [], { bounds: false }));
  }
});

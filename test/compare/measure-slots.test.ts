import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ambiguousMeasures } from '../../src/compare/measures.js';
import { crossCheckTexts, publishedAt } from './story.js';

// Invented wording in the shape of a game report: a measure told as a modifier of a noun ("a
// 61-yard run"), whose holder is the clause's named subject.
const PUBLISHED = publishedAt('2014-10-12T12:00:00Z');
const LEAD = 'The Wolves beat the Herons 24-17 on Sunday at home.\n\n';
const measures = (texts: string[]) =>
  crossCheckTexts(texts, PUBLISHED, { lead: LEAD }).conflicts.filter((c) => c.severity === 'conflict' && (c.kind === 'count' || c.kind === 'quantity'));

describe('measure slots (measures.ts)', () => {
  it("opposes one holder's measure of one thing told two ways in sentences of one fact", () => {
    const c = measures([
      'Tomas Birk opened the second half with a 61-yard touchdown run on the first play.',
      'Tomas Birk opened the second half with a 67-yard scamper on the first play.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
    assert.deepEqual(c[0].sides.map((s) => s.value.replace(/\D/g, '')).sort(), ['61', '67']);
  });

  it("does not oppose two holders' measures, nor a total to one play's measure", () => {
    const c = measures([
      'Tomas Birk opened the second half with a 61-yard touchdown run on the first play.',
      'Arne Voss opened the second half with a 67-yard touchdown run on the first play.',
      'Tomas Birk ran for 140 yards, including a 61-yard touchdown run on the first play of the second half.',
    ]);
    assert.deepEqual(c.map((k) => k.note), []);
  });

  it('reads the holder a "he" stands for, and a measure with a modifier between it and its noun', () => {
    const c = measures([
      'Tomas Birk took the handoff from the quarterback at midfield. He opened the second half with a 61 yard rushing touchdown on the first play.',
      'Tomas Birk opened the second half with a 67-yard touchdown run on the first play.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
    assert.deepEqual(c[0].sides.map((s) => s.value.replace(/\D/g, '')).sort(), ['61', '67']);
  });

  it('reads a measure in a phrase of "for" on a noun as that noun\'s, its holder the clause\'s subject', () => {
    const c = measures([
      'Tomas Birk caught five passes for 68 yards in the first half against the Herons.',
      'Tomas Birk caught five passes for 86 yards in the first half against the Herons.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
    assert.deepEqual(c[0].sides.map((s) => s.value.replace(/\D/g, '')).sort(), ['68', '86']);
  });

  it('reads the holder a relative "who" stands for', () => {
    const c = measures([
      'Tomas Birk, who caught five passes for 68 yards in the first half, left with a sore knee.',
      'Tomas Birk caught five passes for 86 yards in the first half against the Herons.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
    assert.deepEqual(c[0].sides.map((s) => s.value.replace(/\D/g, '')).sort(), ['68', '86']);
  });

  it('does not compare two measures one sentence gives its holder', () => {
    const c = measures([
      'Tomas Birk had a 12-yard touchdown run and a 61-yard touchdown run in the second half.',
      'Tomas Birk scored on a 61-yard touchdown run in the second half.',
    ]);
    assert.deepEqual(c.map((k) => k.note), []);
  });

  it("leaves a key an article gives two values that other articles give too (two plays)", () => {
    const figures = [
      { article: 'a', key: 'measure|yard|of a thing|roe', value: 5 },
      { article: 'a', key: 'measure|yard|of a thing|roe', value: 40 },
      { article: 'b', key: 'measure|yard|of a thing|roe', value: 40 },
      { article: 'c', key: 'measure|yard|of a thing|roe', value: 5 },
      // one value told only by the article that gives two: one measure told two ways, still compared
      { article: 'd', key: 'measure|yard|of a thing|doe', value: 84 },
      { article: 'd', key: 'measure|yard|of a thing|doe', value: 86 },
      { article: 'e', key: 'measure|yard|of a thing|doe', value: 86 },
    ];
    assert.deepEqual([...ambiguousMeasures(figures)], ['measure|yard|of a thing|roe']);
  });
});

// Invented wording in the shape of a transfer report: one club's offer told as "a $N offer" in one
// article and as "a deal worth $M" in another is one sum (money-slots.ts moneyFrame), agreed, not rounded.
const MONEY_LEAD = 'The Ashford Rovers want striker Jan Roe back next season.\n\n';
const sums = (texts: string[]) =>
  crossCheckTexts(texts, PUBLISHED, { lead: MONEY_LEAD }).conflicts.filter((c) => c.severity === 'conflict' && c.kind === 'quantity');

describe('money slots (money-slots.ts moneyFrame)', () => {
  it("opposes one club's offer told as a $N offer and as a deal worth $M", () => {
    const c = sums([
      'The Ashford Rovers have made Jan Roe a four-year, $200 million offer.',
      'The Ashford Rovers offered Jan Roe a four-year deal worth $184 million.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
    assert.deepEqual(c[0].sides.map((s) => s.value.replace(/\D/g, '')).sort(), ['184', '200']);
  });

  it('keeps a round price beside a near one a minor difference, not a dispute', () => {
    const c = sums([
      'The Ashford Rovers have made Jan Roe a four-year, $120 million offer.',
      'The Ashford Rovers offered Jan Roe a four-year deal worth $125 million.',
    ]);
    assert.deepEqual(c.map((k) => k.note), []);
  });

  it("does not oppose an organisation's own worth to the price it pays, nor two clubs' offers", () => {
    const c = sums([
      'The Ashford Rovers, valued at $900 million, have made Jan Roe a four-year, $200 million offer.',
      'Northfield United have made Jan Roe a four-year, $160 million offer.',
      'The Ashford Rovers have made Jan Roe a four-year, $200 million offer.',
    ]);
    assert.deepEqual(c.map((k) => k.note), []);
  });

  it('reads a sum told as a predicate of what "it" stands for, the payer the one its noun names', () => {
    const c = sums([
      'The Ashford Rovers have made Jan Roe a four-year, $200 million offer.',
      'Jan Roe weighed the offer of the Ashford Rovers on Monday. A local station said it was four years and $184 million.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
    assert.deepEqual(c[0].sides.map((s) => s.value.replace(/\D/g, '')).sort(), ['184', '200']);
  });

  it("does not give a predicate's sum the payer of another noun, nor a frame its subject does not name", () => {
    const c = sums([
      'The Ashford Rovers have made Jan Roe a four-year, $200 million offer.',
      'Jan Roe weighed the offer of Northfield United on Monday. A local station said it was four years and $184 million.',
      'The Ashford Rovers stadium was $184 million when it opened.',
    ]);
    assert.deepEqual(c.map((k) => k.note), []);
  });
});

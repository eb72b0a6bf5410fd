import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertLinear } from '../util/cpu-bound.js';
import { nounNotWritten } from '../../src/analyse/bare-figures.js';
import { findQuantities } from '../../src/analyse/quantities.js';

// Invented sentences in the shape of sports and records copy: a figure written with no noun.
/** The quantities of sentences written one after another, as [number as written, counted noun] for those whose noun is not written. */
function bare(...sentences: string[]): [string, string | null][] {
  const text = sentences.join(' ');
  let at = 0;
  const spans = sentences.map((s) => {
    const span = { start: at, end: at + s.length };
    at += s.length + 1;
    return span;
  });
  return findQuantities(text, spans)
    .filter(nounNotWritten)
    .map((q) => [q.text, q.counted]);
}

describe('figures with no noun (bare-figures.ts)', () => {
  it("takes the noun of the same holder's other figure in the article", () => {
    assert.deepEqual(bare('Marta Kowal scored 21 points on Friday night.', 'Kowal now has 1,540.'), [['1,540', 'points']]);
    assert.deepEqual(bare('Kowal finished with 21 points and now has 1,540 for her career.'), [['1,540', 'points']]);
  });

  it('takes the noun a joined clause leaves out, after a named holder', () => {
    assert.deepEqual(bare('Ines Dorn scored 14 points and Lena Brandt scored 13 for the visitors.'), [['13', 'points']]);
    assert.deepEqual(bare('Ines Dorn led the visitors with 13 points, while Lena Brandt added 12.'), [['12', 'points']]);
  });

  it("never takes another holder's noun from another sentence, nor reads a year or a figure with no holder", () => {
    assert.deepEqual(bare('Ines Dorn scored 14 points.', 'Lena Brandt added 12.'), []);
    assert.deepEqual(bare('Ines Dorn scored 14 points.', 'The club has 12 in its squad.'), []);
    assert.deepEqual(bare('Ines Dorn scored 14 points.', 'Dorn (2009) won the title.'), []);
  });

  it('reads a figure in parentheses after a name only with that name\u2019s own noun', () => {
    assert.deepEqual(bare('Lena Brandt scored 1,210 points in her career.', 'Kowal passed Brandt (1,210) on Friday.'), [['1,210', 'points']]);
    assert.deepEqual(bare('Kowal scored 21 points to pass Brandt (1,210).'), []);
  });
});

describe('bare figures in run-on text', () => {
  it('reads thousands of bare figures in one sentence in time linear in its length', () => {
    const line = (n: number) => Array.from({ length: n }, (_, i) => `Player${String.fromCharCode(65 + (i % 26))} Roe scored ${i % 90} points and Doe added ${i % 50},`).join(' ') + '.';
    // CPU time of 4 times the text: a quadratic reader takes 16 times as long
    const { large } = assertLinear(line, (text) => findQuantities(text, [{ start: 0, end: text.length }]), { n: 1000, what: 'bare figures in one sentence' });
    assert.equal(large.length, 8000);
  });
});

describe("the holder's verb read from the end of the text before the figure", () => {
  it('finds the verb and the name when the name is written in letters beyond ASCII', () => {
    assert.deepEqual(bare('Ångström scored 14 points on Friday.', 'Ångström now has 2,301.'), [['2,301', 'points']]);
  });
});

describe('ages, each pattern tried only where its phrase is', () => {
  it('reads "ages 6 and 8", "Roe, 33," and "61 and 48 years old" in one sentence', () => {
    const t = 'The twins, ages 6 and 8, and Jane Roe, 33, left; the 61 and 48 years old men stayed.';
    const ages = findQuantities(t, [{ start: 0, end: t.length }]).filter((q) => q.unit === 'age').map((q) => q.value);
    assert.deepEqual(ages, [6, 8, 33, 61, 48]);
  });
});

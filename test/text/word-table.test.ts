import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findQuantities } from '../../src/analyse/quantities.js';
import { findTimes } from '../../src/analyse/time.js';
import { splitSentences } from '../../src/analyse/tokenize.js';
import { decodeEntities } from '../../src/extract/html/metadata.js';
import { readNumber, spelledNumber } from '../../src/text/numbers.js';
import { words } from '../../src/text/tokenize.js';
import { wordTable } from '../../src/text/word-table.js';

// Words that are also the names of Object.prototype's members: a lookup table that is a plain object
// finds a function for them ("constructor" is an English word: "a Formula One constructor").
const MEMBERS = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf', 'toLocaleString'];

describe('tables looked up by words of the text', () => {
  it('find nothing for the names of Object.prototype members', () => {
    const t = wordTable({ one: 1 });
    for (const m of MEMBERS) assert.equal(t[m], undefined, m);
    assert.equal(t.one, 1);
  });

  it('the number reader does not read them as number words', () => {
    for (const m of MEMBERS) {
      assert.equal(spelledNumber(m), null, m);
      const text = `${m} ${m} people`;
      const ws = words(text).map((w) => ({ start: w.start, end: w.start + w.word.length, text: w.word, lw: w.word.toLowerCase() }));
      const r = readNumber(text, ws, 0);
      assert.equal(r, null, m);
    }
  });

  it('quantities and times stay numbers and strings around them', () => {
    const text = MEMBERS.map((m) => `Five ${m} were seen, about 3 ${m} of 40 ${m}, a ${m} of 5 bridges, ${m} thousands at 5 p.m. ${m}.`).join(' ');
    const qs = findQuantities(text, splitSentences(text));
    assert.ok(qs.length >= MEMBERS.length * 3, `only ${qs.length} quantities`);
    for (const q of qs) {
      assert.equal(typeof q.value, 'number', JSON.stringify(q));
      assert.ok(Number.isFinite(q.value), JSON.stringify(q));
      assert.ok(q.unit === null || typeof q.unit === 'string', JSON.stringify(q));
    }
    assert.doesNotThrow(() => findTimes(text, splitSentences(text), null));
  });

  it('HTML entity names that are member names are left as written', () => {
    for (const m of MEMBERS) assert.equal(decodeEntities(`a &${m}; b`), `a &${m}; b`, m);
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MONTH_NAME_PATTERN, monthNumber, WEEKDAY_PATTERN, weekdayIndex } from '../../src/text/calendar.js';
import { MAYBE_NUMBER, type NumberWord, readNumber, spelledNumber } from '../../src/text/numbers.js';

/** The words of a text as the number reader walks them (digits with separators, letters, any other character). */
function numberWords(text: string): NumberWord[] {
  return [...text.matchAll(/\d+(?:,\d{3})*(?:\.\d+)?|\p{L}+|\S/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0], lw: m[0].toLowerCase() }));
}

const read = (text: string) => {
  const r = readNumber(text, numberWords(text), 0);
  return r && { value: r.value, spelled: r.spelled, words: r.last + 1 };
};

test('the number reader reads digits, scales and spelled-out numbers', () => {
  assert.deepEqual(read('27 people'), { value: 27, spelled: false, words: 1 });
  assert.deepEqual(read('1,200 troops'), { value: 1200, spelled: false, words: 1 });
  assert.deepEqual(read('2.5 million dollars'), { value: 2.5e6, spelled: false, words: 2 });
  assert.deepEqual(read('2 and a half hours'), { value: 2.5, spelled: false, words: 4 });
  assert.deepEqual(read('twenty-five years'), { value: 25, spelled: true, words: 3 });
  assert.deepEqual(read('two dozen agreements'), { value: 24, spelled: true, words: 2 });
  assert.deepEqual(read('three-and-a-half hours'), { value: 3.5, spelled: true, words: 7 });
  assert.deepEqual(read('a hundred people'), { value: 100, spelled: true, words: 2 });
  assert.deepEqual(read('two hundred thousand'), { value: 200_000, spelled: true, words: 3 });
  assert.deepEqual(read('half a dozen people'), { value: 6, spelled: true, words: 3 });
  assert.deepEqual(read('half a million people'), { value: 500_000, spelled: true, words: 3 });
  assert.deepEqual(read('2 1/2 years'), { value: 2.5, spelled: false, words: 4 });
  assert.deepEqual(read('2-1/2 year'), { value: 2.5, spelled: false, words: 5 });
  assert.deepEqual(read('3 3/4 inches'), { value: 3.75, spelled: false, words: 4 });
  // a unit written onto the digits ("2000ft", "600m", "60kg") leaves the number readable
  assert.deepEqual(read('2000ft fall'), { value: 2000, spelled: false, words: 1 });
  assert.deepEqual(read('60kg bag'), { value: 60, spelled: false, words: 1 });
  assert.equal(read('5G network'), null);
});

test('the number reader reads no fraction where a slash joins a name or a date', () => {
  assert.deepEqual(read('1 9/11 report'), { value: 1, spelled: false, words: 1 });
  assert.equal(read('9/11'), null);
  assert.equal(read('half of them'), null);
});

test('the number reader refuses codes, times and non-numbers', () => {
  assert.equal(read('19:30 local time'), null);
  assert.equal(read('several people'), null);
  assert.equal(readNumber('COVID-19', numberWords('COVID-19'), 2), null);
  assert.equal(MAYBE_NUMBER.test('No figure here.'), false);
  assert.equal(MAYBE_NUMBER.test('Dozens were hurt.'), true);
});

test('one spelled-out word or compound has a value; anything else has none', () => {
  assert.equal(spelledNumber('seven'), 7);
  assert.equal(spelledNumber('Nineteen'), 19);
  assert.equal(spelledNumber('forty'), 40);
  assert.equal(spelledNumber('twenty-one'), 21);
  assert.equal(spelledNumber('twenty-ten'), null);
  assert.equal(spelledNumber('several'), null);
  assert.equal(spelledNumber('a'), null);
});

test('the calendar reads month names and their usual abbreviations only', () => {
  assert.equal(monthNumber('Sept.'), 9);
  assert.equal(monthNumber('sep'), 9);
  assert.equal(monthNumber('Dec'), 12);
  assert.equal(monthNumber('june'), 6);
  assert.equal(monthNumber('MARCH'), 3);
  assert.equal(monthNumber('Marc'), 0);
  assert.equal(monthNumber('ma'), 0);
  assert.equal(weekdayIndex('Tuesday'), 2);
  assert.equal(weekdayIndex('Sunday'), 0);
  assert.equal(weekdayIndex('Tues'), -1);
});

test('the calendar gives the weekday and month patterns every stage finds names with', () => {
  const weekday = new RegExp(`^(?:${WEEKDAY_PATTERN})$`);
  assert.ok(['Sunday', 'Monday', 'Saturday'].every((w) => weekday.test(w)));
  assert.ok(!weekday.test('Mondays') && !weekday.test('monday'));
  assert.ok(new RegExp(`^(?:${WEEKDAY_PATTERN})$`, 'i').test('monday'));
  const month = new RegExp(`^(?:${MONTH_NAME_PATTERN})$`);
  assert.ok(['January', 'May', 'December'].every((m) => month.test(m)));
  assert.ok(!month.test('Sept') && !month.test('Marc'));
});

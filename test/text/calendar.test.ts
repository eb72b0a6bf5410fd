import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MONTH_PATTERN, MONTH_PATTERN_ANY_CASE, monthNumber, WEEKDAY_PATTERN } from '../../src/text/calendar.js';

const whole = (source: string, flags = '') => new RegExp(`^(?:${source})$`, flags);

test('the month and weekday patterns are built from the calendar tables and read what they name', () => {
  // every month, full and abbreviated, any case, in metadata
  const anyCase = whole(MONTH_PATTERN_ANY_CASE, 'i');
  for (const w of ['January', 'jan', 'SEPT', 'sep', 'september', 'May', 'june', 'Jun']) assert.ok(anyCase.test(w), w);
  for (const w of ['janu', 'septe', 'ma', 'marc', 'mayo']) assert.ok(!anyCase.test(w), w);
  // running text: capitalised names, abbreviations with their period, the unambiguous ones without
  const text = whole(MONTH_PATTERN);
  for (const w of ['January', 'Sept.', 'Sep.', 'Mar.', 'Sept', 'Dec']) assert.ok(text.test(w), w);
  for (const w of ['january', 'Mar', 'Sep', 'Jun', 'JANUARY']) assert.ok(!text.test(w), w);
  // what either pattern reads, monthNumber numbers
  for (const w of ['January', 'Sept.', 'Dec', 'Sep.']) assert.ok(monthNumber(w) > 0, w);
  const weekday = whole(WEEKDAY_PATTERN);
  for (const w of ['Monday', 'Sunday', 'Saturday']) assert.ok(weekday.test(w), w);
  assert.ok(!weekday.test('monday') && !weekday.test('Mon'));
});

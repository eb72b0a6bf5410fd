import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { storyFeatures } from '../../src/stories/index.js';
import { dayOfWeek, namedWeekday, pastWeekdays, storyWeekday, weekdaysApart } from '../../src/stories/weekday.js';
import { isoDay } from '../../src/stories/features.js';

describe('weekday of an event (weekday.ts)', () => {
  it('reads past weekday expressions from time anchors, not days still to come', () => {
    assert.deepEqual(pastWeekdays(['weekday:thursday:past', 'weekday:friday:next', 'weekday:monday:future', undefined, 'time:17:00:-04:00;weekday:tuesday:past', 'month:-1', 'weekday:sunday:last']), ['thursday', 'tuesday', 'sunday']);
    assert.deepEqual(pastWeekdays(['weekday:notaday:past']), []);
  });

  it('names the weekday a text names most, and none on a tie or without any', () => {
    assert.equal(namedWeekday(['thursday', 'thursday', 'wednesday']), 4);
    assert.equal(namedWeekday(['thursday', 'wednesday']), null);
    assert.equal(namedWeekday([]), null);
    assert.equal(namedWeekday(undefined), null);
  });

  it("gives a story the weekday most of its naming members name, at least two of them in a story of several", () => {
    assert.equal(storyWeekday([4, 4, null, 2], 4), 4);
    assert.equal(storyWeekday([4, null, null], 3), null);
    assert.equal(storyWeekday([4, 2], 2), null);
    assert.equal(storyWeekday([6], 1), 6);
    assert.equal(storyWeekday([undefined, null], 2), null);
  });

  it('counts weekdays two or more days apart around the week as different events, adjacent ones not', () => {
    assert.equal(weekdaysApart(4, 2), true);
    assert.equal(weekdaysApart(4, 5), false);
    assert.equal(weekdaysApart(0, 6), false);
    assert.equal(weekdaysApart(0, 5), true);
    assert.equal(weekdaysApart(null, 3), false);
  });

  it('knows the weekday of a day number', () => {
    assert.equal(dayOfWeek(0), 4); // 1970-01-01 was a Thursday
    assert.equal(dayOfWeek(isoDay('2024-10-06')!), 0);
  });

  it('is carried by the story features from the input', () => {
    const input = { id: 'a', title: 'Council votes', text: 'The council voted on Thursday to close the bridge.', outlet: null, published: null, eventDates: [], entities: [] };
    assert.equal(storyFeatures({ ...input, weekdays: ['thursday'] }).weekday, 4);
    assert.equal(storyFeatures(input).weekday, null);
  });
});

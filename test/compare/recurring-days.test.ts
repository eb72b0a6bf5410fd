import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossCheckTexts, publishedAt } from './story.js';

// Invented wire copy: a company's usual schedule next to the date of one act.
const PUBLISHED = publishedAt('2010-06-11T12:00:00Z');
const dateConflicts = (texts: string[]) => crossCheckTexts(texts, PUBLISHED).conflicts.filter((c) => c.kind === 'date');

describe('a recurring day', () => {
  it('does not date the act by "the first Monday of each month", the usual schedule', () => {
    const c = dateConflicts([
      'Norvale Inc. on Thursday released an urgent update to fix a flaw in its spreadsheet program. Norvale Inc. usually releases updates on the first Monday of each month, so the early fix shows how serious the flaw is.',
      'Norvale Inc. released an urgent update on Thursday to fix a flaw in its spreadsheet program.',
    ]);
    assert.equal(c.length, 0, JSON.stringify(c.map((k) => k.note)));
  });

  it('does not date the act by "every Monday"', () => {
    const c = dateConflicts([
      'Norvale Inc. on Thursday released an urgent update to fix a flaw in its spreadsheet program. Norvale Inc. releases updates every Monday.',
      'Norvale Inc. released an urgent update on Thursday to fix a flaw in its spreadsheet program.',
    ]);
    assert.equal(c.length, 0, JSON.stringify(c.map((k) => k.note)));
  });

  it('still opposes two days for the one release', () => {
    const c = dateConflicts([
      'Norvale Inc. on Thursday released an urgent update to fix a flaw in its spreadsheet program.',
      'Norvale Inc. released an urgent update on Monday to fix a flaw in its spreadsheet program.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
  });
});

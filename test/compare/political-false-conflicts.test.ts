/**
 * False conflicts found on political stories (PolNeAR, test/fixtures/stories/polnear-judgments.jsonl),
 * each reproduced here with invented wording: an article that gives two figures for two things, or
 * quotes two speakers' words; a role-named age of another person; one verb of two acts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossCheckTexts, publishedAt } from './story.js';

const PUBLISHED = publishedAt('2016-09-29T12:00:00Z');
const notes = (texts: string[], kind?: string) =>
  crossCheckTexts(texts, PUBLISHED)
    .conflicts.filter((c) => c.severity === 'conflict' && (!kind || c.kind === kind))
    .map((c) => c.note);

describe('one article against itself', () => {
  it('does not oppose two figures inside quotations (what its speakers said)', () => {
    const c = notes([
      'The governor attacked the senator at the debate in Manchester on Saturday night. "The rehearsed 20-minute speech tells voters nothing," Jane Roe said. The crowd cheered loudly. "Again and again, the rehearsed 30-minute speech," Roe told the moderators.',
      'The governor attacked the senator at the debate in Manchester on Saturday night, in front of a large crowd of voters.',
    ]);
    assert.deepEqual(c, []);
  });

  it('does not oppose two sums paid in sentences about two payments', () => {
    const c = notes([
      'The charity hired lobbyists in Washington last year, records released on Tuesday show. The charity also paid $1.5 million over the same period to Acme Partners to lobby Congress. Its board later paid at least $3.1 million to several consulting firms to advocate its positions abroad.',
      'The charity hired lobbyists in Washington last year, according to records released on Tuesday.',
    ]);
    assert.deepEqual(c, []);
  });
});

describe('a role-named age in an article that gives the named person another age', () => {
  it('is another person, not a disagreement about the named person', () => {
    const c = notes([
      'On Thursday, Officer John Doe, who shot and killed 40-year-old Mark Stone in Wichita last week, was charged with first-degree manslaughter. His death followed a fatal police shooting in Wichita and another in Dayton that killed a 13-year-old last week.',
      'Officer John Doe was charged on Thursday with manslaughter in the killing of Mark Stone in Wichita.',
    ]);
    assert.deepEqual(c, []);
  });
});

describe('one verb, two objects', () => {
  it('does not date two acts of one person told by one verb with two objects', () => {
    const c = notes(
      [
        'Senator Jane Roe took a detour from the campaign trail on Wednesday to meet the president at the White House in Washington.',
        'Senator Jane Roe took the stage in Des Moines late on Monday night, trailing her rival by a few votes in the caucus count.',
      ],
      'date',
    );
    assert.deepEqual(c, []);
  });

  it('still dates one act told with the same object on two days', () => {
    const c = notes(
      [
        'Senator Jane Roe took the stage in Des Moines late on Monday night, trailing her rival by a few votes in the caucus count.',
        // (in its own words: two independent reports, not rewrites of one dispatch)
        'A few votes behind her rival as the caucus count went on, Senator Jane Roe took the stage in Des Moines late on Tuesday night.',
      ],
      'date',
    );
    assert.equal(c.length, 1, JSON.stringify(c));
  });
});

describe('a day in the possessive', () => {
  const ELECTION = publishedAt('2016-11-10T12:00:00Z');
  it('dates its noun, not the saying nearby', () => {
    const c = crossCheckTexts(
      [
        "Democrats picked up six seats in the House in Tuesday's election, party officials said on Wednesday.",
        "Democrats will remain in the minority with 194 seats in the House after Tuesday's election, party officials said on Wednesday.",
        "Democrats gained six House seats in Tuesday's election but remain in the minority with 194 seats.",
      ],
      ELECTION,
    ).conflicts.filter((k) => k.severity === 'conflict');
    assert.deepEqual(c.map((k) => k.note), []);
  });
  it('still dates the act its noun names', () => {
    const c = crossCheckTexts(["Monday's attack on the base killed four soldiers, the army said.", "Sunday's attack on the base killed four soldiers, the army said."], ELECTION).conflicts;
    assert.equal(c.filter((k) => k.kind === 'date' && k.severity === 'conflict').length, 1);
  });
});

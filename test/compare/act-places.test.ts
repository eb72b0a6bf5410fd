import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossCheckTexts, publishedAt } from './story.js';

// Invented wording in the shape of local crime news: where a named person was found, arrested, died.
const PUBLISHED = publishedAt('2011-04-14T12:00:00Z');
const LEAD = 'Two men were charged on Tuesday after a break-in at a hardware store.\n\n';
const places = (texts: string[]) => crossCheckTexts(texts, PUBLISHED, { lead: LEAD }).conflicts.filter((c) => c.kind === 'place' && !c.slot.includes('lives'));

describe('where an act happened', () => {
  it('opposes two streets given for one act of one named person by two outlets', () => {
    const c = places(['Tomas Brandt was found hiding in a shed on Wexley Street.', 'Tomas Brandt was found hiding in a garage on Harrow Road.', 'Brandt was found hiding in a shed on Wexley Street.']);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
    assert.deepEqual(c[0].sides.map((s) => s.articles.length).sort(), [1, 2]);
  });

  it('opposes two towns, not a town and the region that holds it', () => {
    assert.equal(places(['Tomas Brandt was arrested in Dunmore on Wednesday.', 'Tomas Brandt was arrested in Castlebar on Wednesday.']).length, 1);
    assert.deepEqual(places(['Tomas Brandt was arrested in Dunmore on Wednesday.', 'Tomas Brandt was arrested in Ireland on Wednesday.']).map((k) => k.note), []);
  });

  it('does not oppose two acts, two people, two days, or places an article names together', () => {
    // another act: the arrest elsewhere than the find
    assert.deepEqual(places(['Tomas Brandt was found hiding in Dunmore.', 'Tomas Brandt was arrested in Castlebar.']).map((k) => k.note), []);
    // another person
    assert.deepEqual(places(['Tomas Brandt was arrested in Dunmore.', 'Liam Ocasek was arrested in Castlebar.']).map((k) => k.note), []);
    // another day: an earlier arrest
    assert.deepEqual(places(['Tomas Brandt was arrested in Dunmore on Wednesday.', 'Tomas Brandt was arrested in Castlebar on March 2.']).map((k) => k.note), []);
    // an outlet that names both towns tells of both (he left one and was arrested in the other)
    assert.deepEqual(
      places(['Tomas Brandt was arrested in Dunmore.', 'Tomas Brandt drove from Dunmore overnight. Tomas Brandt was arrested in Castlebar.']).map((k) => k.note),
      [],
    );
    // a negated or future act places nothing
    assert.deepEqual(places(['Tomas Brandt was arrested in Dunmore.', 'Tomas Brandt will be arraigned in Castlebar.', 'Tomas Brandt was not arrested in Castlebar.']).map((k) => k.note), []);
  });
});

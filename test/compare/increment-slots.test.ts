import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conflictLines, publishedAt } from './story.js';

// Invented wording: a warehouse fire and a mine collapse told by several outlets.
const PUBLISHED = publishedAt('2026-03-06T12:00:00Z');
const conflicts = (texts: string[]) => conflictLines(texts, PUBLISHED);

describe('increments (count-slots.ts increment)', () => {
  it('opposes two increments of one act told in the leads, whatever the noun', () => {
    const c = conflicts([
      'A fire broke out at a warehouse in Eastbury on Thursday night. Crews at the scene requested another 12 trucks from nearby towns.',
      'A fire broke out at a warehouse in Eastbury on Thursday night. Crews at the scene requested a further seven tenders from nearby towns.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c));
    assert.match(c[0], /how many more \(request\)/);
  });

  it('does not oppose an increment to a total, nor increments of two acts', () => {
    assert.deepEqual(
      conflicts([
        'A fire broke out at a warehouse in Eastbury on Thursday night. Crews at the scene requested another 12 trucks from nearby towns.',
        'A fire broke out at a warehouse in Eastbury on Thursday night. Crews at the scene requested seven trucks from nearby towns.',
      ]),
      [],
    );
    assert.deepEqual(
      conflicts([
        'A fire broke out at a warehouse in Eastbury on Thursday night. Crews at the scene requested another 12 trucks from nearby towns.',
        'A fire broke out at a warehouse in Eastbury on Thursday night. Police at the scene evacuated another seven homes nearby.',
      ]),
      [],
    );
  });
});

describe('counts of people keyed by what happened to them (counts.ts countAct)', () => {
  it('opposes "killing three miners" to "left five miners dead"', () => {
    const c = conflicts([
      'A tunnel collapsed at a coal mine near Westbury on Tuesday, killing three miners, officials said.',
      'A tunnel collapse at a coal mine near Westbury on Tuesday left five miners dead, officials said.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c));
    assert.match(c[0], /number of miner/);
  });

  it('does not oppose the miners killed to the miners injured', () => {
    assert.deepEqual(
      conflicts([
        'A tunnel collapsed at a coal mine near Westbury on Tuesday, killing three miners, officials said.',
        'A tunnel collapse at a coal mine near Westbury on Tuesday left five miners injured, officials said.',
      ]),
      [],
    );
  });
});

describe('figures of two frames coordinated (figure-parts.ts partOf)', () => {
  it('reads "leaving 6 dead and 30 injured" as a death toll and a count of the injured, not parts of one total', () => {
    const c = conflicts([
      'A strong earthquake struck the island of Eastmoor on Tuesday, leaving 6 dead and 30 injured, officials said.',
      'A strong earthquake struck the island of Eastmoor on Tuesday, leaving 11 dead and 30 injured, officials said.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c));
    assert.match(c[0], /death toll/);
  });

  it('still reads "two women and a man" as parts of one total', () => {
    assert.deepEqual(
      conflicts([
        'A fire swept through a bakery in Eastmoor on Tuesday. Two women and a man died in the fire, officials said.',
        'A fire swept through a bakery in Eastmoor on Tuesday. Three women and a man died in the fire, officials said.',
      ]),
      [],
    );
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { givenNamesAgree, nameParts } from '../../src/compare/names.js';
import { crossCheckTexts, publishedAt } from './story.js';

// Invented wording in the shape of an obituary: the subject's mentor named by his post, in several outlets.
const PUBLISHED = publishedAt('2011-05-12T12:00:00Z');
const LEAD = 'Retired investigator Colm Varrow, who exposed the harbour bribery ring, died on Tuesday at 91.\n\n';
const actors = (texts: string[]) => crossCheckTexts(texts, PUBLISHED, { lead: LEAD }).conflicts.filter((c) => c.kind === 'actor');
const notes = (texts: string[]) => actors(texts).map((c) => c.note);

describe('one holder of a post, two given names', () => {
  it('opposes two given names of one surname after one post, with every full mention of each name', () => {
    const c = actors([
      'Varrow had long served under the famous agency director Halvard Quenby, and was passed over as his successor.',
      'His mentor, the legendary founding director T. Marsh Quenby, had died the month before the hearings began.',
      'Varrow expected to succeed Marsh Quenby when the old man retired, colleagues said.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
    assert.deepEqual(c[0].sides.map((s) => s.value).sort(), ['Halvard Quenby', 'T. Marsh Quenby']);
    assert.deepEqual(c[0].sides.map((s) => s.articles.length).sort(), [1, 2]);
  });

  it('does not oppose one given name written with an initial, a middle name, initials or another spelling', () => {
    for (const other of ['H. Quenby', 'Halvard T. Quenby', 'Hal Quenby', 'Halvord Quenby', 'Jalvard Quenby'])
      assert.deepEqual(
        notes([
          'Varrow had long served under the famous agency director Halvard Quenby, and was passed over as his successor.',
          `His mentor, the legendary founding director ${other}, had died the month before the hearings began.`,
        ]),
        [],
        other,
      );
  });

  it('does not oppose two relatives, or two people one article names both', () => {
    assert.deepEqual(
      notes([
        'Varrow had long worked with his nephew Halvard Quenby at the harbour office.',
        'Varrow had long worked with his nephew Orrin Quenby at the harbour office.',
      ]),
      [],
    );
    // a father and a son who each ran the agency: one article tells of both
    assert.deepEqual(
      notes([
        'Varrow had long served under the famous agency director Halvard Quenby, and was passed over as his successor.',
        'His mentor, the legendary founding director Orrin Quenby, had died the month before the hearings began.',
        'Orrin Quenby handed the agency to his son Halvard Quenby in 1960.',
      ]),
      [],
    );
  });

  it('does not oppose a bare post (one of many holders) or the post of two organisations', () => {
    assert.deepEqual(
      notes(['Varrow had long coached quarterback Halvard Quenby at the harbour club.', 'Varrow had long coached quarterback Orrin Quenby at the harbour club.']),
      [],
    );
    assert.deepEqual(
      notes([
        'Varrow had long coached the Gulls quarterback Halvard Quenby at the harbour club.',
        'Varrow had long coached the Pelicans quarterback Orrin Quenby at the harbour club.',
      ]),
      [],
    );
  });

  it('does not oppose a former holder of the post', () => {
    assert.deepEqual(
      notes([
        'Varrow had long served under the famous agency director Halvard Quenby, and was passed over as his successor.',
        'Varrow clashed with former director Orrin Quenby over the inquiry, colleagues said.',
      ]),
      [],
    );
  });
});

describe('given names', () => {
  it('reads given names and a surname, initials one letter each', () => {
    assert.deepEqual(nameParts('J. Marsh Quenby’s'), { given: ['j', 'marsh'], surname: 'quenby' });
    assert.deepEqual(nameParts('A.J. Quenby'), nameParts('AJ Quenby'));
    assert.deepEqual(nameParts('Halvard Quenby Jr.'), { given: ['halvard'], surname: 'quenby' });
    assert.equal(nameParts('Quenby'), null);
  });

  it('agrees on a shared name, a sound, an initial or a beginning; not on two names', () => {
    assert.ok(givenNamesAgree(['j', 'marsh'], ['marsh']));
    assert.ok(givenNamesAgree(['katrin'], ['catrin']));
    assert.ok(givenNamesAgree(['yorgos'], ['gorgos']));
    assert.ok(givenNamesAgree(['a', 'j'], ['andrew']));
    assert.ok(givenNamesAgree(['hal'], ['halvard']));
    assert.ok(givenNamesAgree([], ['halvard']));
    assert.ok(!givenNamesAgree(['herrick'], ['j', 'marsh']));
    assert.ok(!givenNamesAgree(['dale'], ['david']));
  });
});

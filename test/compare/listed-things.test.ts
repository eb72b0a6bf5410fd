import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conflictLines, publishedAt } from './story.js';

// Invented wording: a customs seizure and a mine collapse told by several outlets.
const PUBLISHED = publishedAt('2026-03-06T12:00:00Z');
const conflicts = (texts: string[]) => conflictLines(texts, PUBLISHED);

describe('a list of different things under one act (listed-things.ts)', () => {
  it('opposes one item of two lists of a seizure told alike', () => {
    const c = conflicts([
      'Customs officers at the port of Eastbury on Tuesday seized 40 laptops, 12 cameras and 300 phones from a container, the agency said.',
      'Customs officers at the port of Eastbury on Tuesday seized 40 laptops, 25 cameras and 300 phones from a container, the agency said.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c));
    assert.match(c[0], /number of camera \(seize\): 12 \/ 25/);
  });

  it('keeps people split by kind a part: "killed five soldiers and three policemen"', () => {
    assert.deepEqual(
      conflicts([
        'Gunmen attacked a checkpoint near Westbury on Tuesday and killed five soldiers and three policemen, officials said.',
        'Gunmen attacked a checkpoint near Westbury on Tuesday and killed four soldiers and three policemen, officials said.',
      ]),
      [],
    );
  });

  it("keeps a person's line of figures a part: \"Roe's 15 points and 10 rebounds\"", () => {
    assert.deepEqual(
      conflicts([
        "Excluding Roe's 15 points and 10 rebounds, the team's stars have struggled this season.",
        "Excluding Roe's 15 points and 12 rebounds, the team's stars have struggled this season.",
      ]),
      [],
    );
  });
});

describe('a model designation names what is counted (listed-things.ts modelOf)', () => {
  it('opposes "seven AK-47 assault rifles" to "12 AK 47 guns" recovered in one seizure', () => {
    const c = conflicts([
      'Marine commandos boarded the pirate boat off Eastbury on Saturday and recovered seven AK-47 assault rifles and two grenades, the navy said.',
      'Marine commandos boarded the pirate boat off Eastbury on Saturday and recovered 12 AK 47 guns and two grenades, the navy said.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c));
    assert.match(c[0], /AK-47/);
  });
});

describe('"N other <noun>" in a list, and one list told under two verbs (listed-things.ts joinListsByFact)', () => {
  it('opposes "two other rifles" seized to "three other rifles" found, the lists naming one more item alike', () => {
    const c = conflicts([
      'Marine commandos boarded the smugglers\' boat off Eastbury on Saturday and seized nine G-3 rifles, two other rifles and 40 magazines, the navy said.',
      'Nine G-3 rifles, three other rifles and 40 magazines were found on the smugglers\' boat off Eastbury on Saturday, the navy said.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c));
    assert.match(c[0], /number of rifle \(other\).*: (2 \/ 3|3 \/ 2)/);
  });

  it('keeps "two other rifles" apart from a list under another verb that shares no other item', () => {
    assert.deepEqual(
      conflicts([
        'Marine commandos boarded the smugglers\' boat off Eastbury on Saturday and seized nine G-3 rifles, two other rifles and 40 magazines, the navy said.',
        'Police found 15 pistols, three other rifles and a radio on the smugglers\' boat off Eastbury on Saturday, the navy said.',
      ]),
      [],
    );
  });

  it('keeps "N other" outside a list an increment: "two other rifles were found later"', () => {
    assert.deepEqual(
      conflicts([
        'Marine commandos seized nine rifles from the smugglers\' boat off Eastbury on Saturday, and two other rifles were found later, the navy said.',
        'Marine commandos seized nine rifles from the smugglers\' boat off Eastbury on Saturday, and three other rifles were found later, the navy said.',
      ]),
      [],
    );
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conflictLines, crossCheckTexts, inventedArticle, publishedAt } from './story.js';
import { crossCheckStory } from '../../src/compare/index.js';

// Invented wording: a ferry fire told by several outlets, the counts in the body, not in an act of the lead.
const PUBLISHED = publishedAt('2026-03-06T12:00:00Z');
const LEAD = 'A fire broke out on a ferry near the port of Eastbury on Thursday night, officials said.\n\n';
const counts = (texts: string[]) =>
  crossCheckTexts(texts, PUBLISHED, { lead: LEAD })
    .conflicts.filter((c) => c.severity === 'conflict' && c.slot.startsWith('number of'))
    .map((c) => `${c.slot}: ${c.sides.map((s) => s.value).join(' / ')}`);

describe('counts of a noun told outside the lead\u2019s acts (counts.ts)', () => {
  it('opposes two counts of one noun in sentences that state one fact, with or without a verb', () => {
    const c = counts([
      'Firefighters brought the blaze on the ferry under control after the harbour sent eight fireboats to the scene.',
      'Firefighters brought the blaze on the ferry under control after the harbour sent five fireboats to the scene.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c));
    assert.match(c[0], /^number of fireboat/);
  });

  it('opposes the same wording without the subset word, the interim mark or the ratio (controls)', () => {
    assert.equal(counts(['The ferry was carrying 40 tourists when the fire broke out.', 'The ferry was carrying 90 tourists when the fire broke out.']).length, 1);
    assert.equal(counts(['Rescuers found three lifeboats near the burning ferry.', 'Rescuers found seven lifeboats near the burning ferry.']).length, 1);
  });

  it('does not oppose a subset ("foreign") to the whole, an interim count, or a ratio\u2019s whole', () => {
    assert.deepEqual(
      counts([
        'The ferry was carrying 40 foreign tourists when the fire broke out in the engine room.',
        'The ferry was carrying 90 tourists when the fire broke out in the engine room.',
      ]),
      [],
    );
    assert.deepEqual(
      counts([
        'Rescuers have so far found three lifeboats near the burning ferry.',
        'Rescuers found seven lifeboats near the burning ferry.',
      ]),
      [],
    );
    assert.deepEqual(
      counts([
        'Crews launched 12 of the ferry\u2019s 20 lifeboats before the fire spread to the upper deck.',
        'Crews launched all 16 lifeboats before the fire spread to the upper deck.',
      ]),
      [],
    );
  });

  it('does not oppose one person\u2019s figure to another\u2019s ("Roe caught eight passes")', () => {
    assert.deepEqual(
      counts([
        'Jane Roe caught eight passes for 66 yards in the win over the Rovers on Sunday.',
        'John Doe caught five passes for 66 yards in the win over the Rovers on Sunday.',
      ]),
      [],
    );
  });

  it('does not oppose a count told a day or more later (an evolving figure)', () => {
    const text = (n: string) => `${LEAD}Firefighters brought the blaze on the ferry under control after the harbour sent ${n} fireboats to the scene.`;
    const x = crossCheckStory({
      storyId: 's',
      articles: [inventedArticle('d0', text('eight'), publishedAt('2026-03-06T12:00:00Z')), inventedArticle('d1', text('five'), publishedAt('2026-03-09T12:00:00Z'))],
      copies: [],
    });
    assert.deepEqual(x.conflicts.filter((c) => c.severity === 'conflict' && c.slot.startsWith('number of')), []);
  });
});

describe('counts checked twice and restated (session 16)', () => {
  it('joins an article\u2019s own restatement of its count, told with an unlisted verb, to the count\u2019s side', () => {
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        inventedArticle('d0', 'Thousands of homes lost power after two power lines in the valley suffered severe damage.\n\nThe outage hit businesses across the region.\n\nEngineers said that two lines went down just outside the town.', PUBLISHED),
        inventedArticle('d1', 'Power was cut on Friday after three power lines were damaged in the valley, the operator said.', PUBLISHED),
      ],
      copies: [],
    });
    const c = x.conflicts.find((k) => k.severity === 'conflict' && k.slot.startsWith('number of line'));
    assert.ok(c, JSON.stringify(x.conflicts.map((k) => k.slot)));
    const two = c.sides.find((s) => s.value === '2');
    assert.equal(two?.evidence.length, 2, JSON.stringify(two?.wordings));
  });

  it('does not oppose a part or an increment of a set to the whole, whatever the parse reads', () => {
    const pairs = [
      ['Rescuers found seven lifeboats near the burning ferry, including three lifeboats from the harbour.', 'Rescuers found three lifeboats near the burning ferry.'],
      ['The harbour later sent another three fireboats to the burning ferry near the port.', 'The harbour later sent eight fireboats to the burning ferry near the port.'],
      ['Among them were three lifeboats that the crew had launched from the burning ferry.', 'There were seven lifeboats that the crew had launched from the burning ferry.'],
    ];
    for (const [a, b] of pairs) assert.deepEqual(counts([a, b]), [], a);
  });

  it('does not oppose a fraction of a thing (an average or a rate) to a count of it', () => {
    const kept = (n: string) => [`The harbour kept ${n} fireboats beside the burning ferry each day of the week.`, 'The harbour kept eight fireboats beside the burning ferry each day of the week.'];
    assert.equal(counts(kept('four')).length, 1);
    assert.deepEqual(counts(kept('4.5')), []);
  });

  it('does not oppose counts of things in sentences that name different people', () => {
    assert.deepEqual(
      counts([
        'Fire chief Jane Roe said the harbour sent eight fireboats to the burning ferry on Thursday night.',
        'Fire chief John Doe said the harbour sent five fireboats to the burning ferry on Thursday night.',
      ]),
      [],
    );
  });

  it('does not oppose a toll told as not yet final ("so far") to a later one', () => {
    const tolls = (texts: string[]) => crossCheckTexts(texts, PUBLISHED).conflicts.filter((c) => c.severity === 'conflict' && /death toll/.test(c.slot));
    assert.equal(tolls(['A fire on a ferry near Eastbury killed three people on Thursday night.', 'A fire on a ferry near Eastbury killed five people on Thursday night.']).length, 1);
    assert.deepEqual(tolls(['A fire on a ferry near Eastbury has killed three people so far, officials said on Thursday.', 'A fire on a ferry near Eastbury killed five people on Thursday night.']), []);
  });
});

// Invented wording: leads that count what one act hit (a listed act: compared across the story's leads)
// or a casualty frame; the second check asks the two sentences for one happening.
describe('a count of a happening is checked twice: the key, then one happening (figure-guards.ts tellOneHappening)', () => {
  const conflicts = (texts: string[]) => conflictLines(texts, PUBLISHED);
  const BRIDGE = 'Four water mains were damaged in Eastbury on Friday when a bridge over the canal collapsed, the city said.';

  it('opposes two leads that count one act in one place on one day, or that state one fact (controls)', () => {
    assert.equal(conflicts([BRIDGE, 'Water supplies to thousands of homes were cut after two water mains were damaged in Eastbury on Friday.']).length, 1);
    assert.equal(conflicts(['Four water mains were damaged when a bridge over the canal collapsed, the city said.', 'Water supplies to thousands of homes were cut after two water mains were damaged.']).length, 1);
    const toll = 'Three people were killed in Eastbury on Friday when a gas explosion destroyed a block of flats, police said.';
    assert.equal(conflicts([toll, 'A gas explosion destroyed a block of flats in Eastbury on Friday, killing five people, police said.']).length, 1);
  });

  it('does not oppose counts of one act class told of other places or other weekdays', () => {
    assert.deepEqual(conflicts([BRIDGE, 'Water supplies to thousands of homes were cut after two water mains were damaged in Westfield on Tuesday.']), []);
    assert.deepEqual(
      conflicts(['Four water mains were damaged on Friday when a bridge over the canal collapsed, the city said.', 'Water supplies to thousands of homes were cut after two water mains were damaged on Tuesday.']),
      [],
    );
    const toll = 'Three people were killed in Eastbury on Friday when a gas explosion destroyed a block of flats, police said.';
    assert.deepEqual(conflicts([toll, 'A gas explosion destroyed a block of flats in Westfield on Tuesday, killing five people, police said.']), []);
  });
});

describe('one counted noun, one key (counts.ts countedNounKey)', () => {
  it('leaves a hyphen inside a word out, as outlets spell the noun either way', async () => {
    const { countedNounKey } = await import('../../src/compare/counts.js');
    assert.equal(countedNounKey('co-workers'), countedNounKey('coworkers'));
    assert.notEqual(countedNounKey('workers'), countedNounKey('coworkers'));
  });
});

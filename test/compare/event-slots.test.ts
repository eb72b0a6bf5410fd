import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseArticle } from '../../src/analyse/index.js';
import { actOfTime } from '../../src/compare/dated-acts.js';
import { crossCheckStory } from '../../src/compare/index.js';
import { prepareStory } from '../../src/compare/prepare.js';
import { bareArticle } from '../helpers.js';
import { crossCheckTexts, inventedArticle, publishedAt } from './story.js';

// Invented wording in the shape of news and opinion columns.
const PUBLISHED = publishedAt('2016-07-06T12:00:00Z');
const art = (id: string, text: string) => inventedArticle(id, text, PUBLISHED);
const conflicts = (texts: string[]) =>
  crossCheckTexts(texts, PUBLISHED).conflicts.filter((c) => c.severity === 'conflict');

describe('casualty figures told only in an article body', () => {
  const LEAD =
    'The director of the bureau told a committee of lawmakers on Tuesday that the agency would review its procedures. ' +
    'Members of the committee questioned him for more than four hours about the agency and its record. ' +
    'Several members said the review came too late for many families. ' +
    'The director said the agency had learned from its mistakes over the past decade.\n\n';
  it('does not oppose the tolls of the past attacks a column lists to each other', () => {
    const c = conflicts([
      LEAD +
        'The bureau had looked into the bombers before the marathon attack. Three people were killed and more than 260 were injured as a result. ' +
        'It was also painful to the families of the nine people who were killed at the church. ' +
        'And the bureau was warned about the nightclub gunman, who went on to kill 49 people.',
      'The director of the bureau defended the agency before lawmakers on Tuesday, saying its agents had followed the rules in every case.',
    ]);
    assert.deepEqual(c.map((k) => k.note), []);
  });

  it('still opposes two articles that give one body figure differently', () => {
    // (each outlet words the lead its own way: two independent reports, not rewrites of one dispatch)
    const c = conflicts([
      'Tens of thousands of workers marched through the capital on Wednesday in a general strike against the new budget, which cuts pensions and wages.\n\n' +
        'Police said 12 people were injured in the clashes that followed the march.',
      'A general strike brought huge crowds of workers onto the streets of the capital on Wednesday, protesting at budget cuts to wages and pensions.\n\n' +
        'Police said 18 people had been injured in the clashes that followed the march.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
    assert.match(c[0].slot, /injured/);
  });
});

describe('dates of acts told by nouns or with no one named', () => {
  const dated = (texts: string[]) =>
    crossCheckTexts(texts, PUBLISHED, { prefix: 'd' }).conflicts.filter((c) => c.kind === 'date' && c.severity === 'conflict');
  it('dates "Thursday\u2019s shooting" and "the shooting happened on Friday" as one event', () => {
    const c = dated([
      'Thursday\u2019s shooting at the warehouse left two workers dead and a third wounded, police said on Saturday.',
      'The shooting at the warehouse happened on Friday evening, leaving two workers dead and a third wounded, police said.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
  });
  it('dates an arrest with no one named only between sentences stating one fact', () => {
    const c = dated([
      'A man was arrested on Tuesday in connection with the robbery of a jewellery store in the city centre, police said.',
      'A man was arrested on Monday in connection with the robbery of a jewellery store in the city centre, police said.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
    const apart = dated([
      'A man was arrested on Tuesday in connection with the robbery of a jewellery store in the city centre, police said.',
      'Firefighters were called on Monday to a blaze at a warehouse near the harbour, and a man was arrested on Monday.',
    ]);
    assert.deepEqual(apart.map((k) => k.note), []);
  });
});

describe('how far someone named by a role went', () => {
  const far = (texts: string[]) =>
    crossCheckTexts(texts, PUBLISHED, { prefix: 'f' }).conflicts.filter((c) => c.slot.startsWith('how far') && c.severity === 'conflict');
  it('joins "a man fell" to the person the article names next, and reads a conversion in parentheses', () => {
    const c = far([
      'A hiker has died after falling around 300 metres while climbing in the northern range. Tom Ashby, 41, was walking with two friends when he slipped on Saturday, police said.',
      'On Saturday, 41-year-old Tom Ashby fell about 60 metres (200 feet) while walking to a hut in the northern range with two friends, police said.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
    assert.equal(c[0].sides.length, 2);
  });
  it('leaves a role alone when the article names no one with a figure after it', () => {
    const c = far([
      'A hiker has died after falling around 300 metres while climbing in the northern range, police said on Saturday.',
      'On Saturday, 41-year-old Tom Ashby fell about 60 metres while walking to a hut in the northern range with two friends, police said.',
    ]);
    assert.deepEqual(c.map((k) => k.note), []);
  });
});

describe('a dated act told with "he" or "she"', () => {
  // (after a lead of four sentences: the dated acts read from the parse, not the lead's date check)
  // (each outlet words the lead its own way: two independent reports, not rewrites of one dispatch)
  const LEAD = 'Prosecutors in the port city opened a fraud case over a chain of fake invoices this week. The invoices were sent to dozens of small firms across the region over two years. Investigators said the scheme had cost the firms a large sum in all. Several of the firms had complained to the chamber of commerce last spring.\n\n';
  const OWN_LEAD = 'A fraud inquiry into bogus invoices began in the port city this week, prosecutors said. For two years, small businesses all over the region had received the fake bills. The total loss to those businesses is large, according to investigators. Some of them took their complaints to the local chamber of commerce last spring.\n\n';
  it('dates "She was arrested on Tuesday" as the arrest of the woman named before', () => {
    const c = crossCheckStory({
      storyId: 's',
      articles: [
        art('p0', `${LEAD}Police have charged Jane Roe, a shop owner, with fraud. She was arrested on Tuesday at her home near the harbour, a spokesman said.`),
        art('p1', `${OWN_LEAD}Jane Roe, a shop owner charged with fraud, was arrested on Monday at her home near the harbour, police said.`),
      ],
      copies: [],
    }).conflicts.filter((k) => k.kind === 'date' && k.severity === 'conflict');
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
  });
});

describe('a date before the "to" of an infinitive', () => {
  const LEAD = 'The club lost both of its running backs to injuries in the last game of the season. The coach said the team would have to rely on younger players in the playoffs. Several players have missed practice this week with minor injuries. The club plays its first playoff game at home next weekend.\n\n';
  it('dates "signed Tom Ashby on Tuesday to serve as a backup" as the signing, not the serving', () => {
    const c = crossCheckStory({
      storyId: 's',
      articles: [art('i0', `${LEAD}They also signed Tom Ashby (Ohio) on Tuesday to serve as a backup behind Jim Cole and Ray Dunn.`), art('i1', `${LEAD}Tom Ashby was signed by the club on Monday.`)],
      copies: [],
    }).conflicts.filter((k) => k.kind === 'date' && k.severity === 'conflict');
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
  });
});

describe('two objects of one verb, each with its own day', () => {
  it('gives "today" of "signed Tom Ashby on Tuesday and Jim Cole today" Cole only', () => {
    const story = prepareStory({ articles: [art('o0', 'The Rovers signed Tom Ashby on Tuesday and Jim Cole today off the practice squad of the Wanderers.')], copies: [] });
    const s = story.sentences[0];
    const today = s.times.find((t) => t.text === 'today');
    assert.ok(today);
    assert.deepEqual([...(actOfTime(s, today)?.patients ?? [])], ['PER:cole']);
  });
});

describe('a count of people of a named kind in the lead', () => {
  it('opposes "four armed robbers stormed" and "three armed robbers stormed"; not "two of them dressed as women"', () => {
    const c = conflicts([
      'Four armed robbers stormed a jewellery store near the main square on Thursday afternoon and fled with diamonds.',
      'Three armed robbers stormed a jewellery store near the main square on Thursday afternoon, police said.',
      'Armed robbers, two of them dressed as women, stormed a jewellery store near the main square on Thursday afternoon.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
    assert.equal(c[0].sides.length, 2);
  });
});

describe('a person\u2019s weight is stated, not rounded', () => {
  const LEAD = 'Sheriff\u2019s deputies are searching for a man suspected of shooting a deputy outside a house on Friday afternoon.\n\n';
  it('opposes 130 and 135 pounds for one man, not 130 and 130', () => {
    const weights = (a: string, b: string) =>
      conflicts([`${LEAD}Deputies said the suspect is Tom Ashby. He is 5-feet-8 inches tall, weighing ${a}, and has a shaved head.`, `${LEAD}Deputies said that Tom Ashby is 5-foot-8, ${b}, with a shaved head.`]).filter((c) =>
        c.slot.startsWith('weight'),
      );
    assert.equal(weights('130 pounds', '135 pounds').length, 1);
    assert.equal(weights('130 pounds', '130 pounds').length, 0);
  });
});

describe('a person\u2019s win-loss record', () => {
  const LEAD = 'The former champion returned to the ring on Saturday night with a points win in a small arena.\n\n';
  const records = (texts: string[], published?: string[]) =>
    crossCheckStory({
      storyId: 's',
      articles: texts.map((t, i) =>
        analyseArticle(bareArticle(`r${i}`, LEAD + t, { outlet: `Outlet ${i}`, published: { iso: published?.[i] ?? PUBLISHED.iso, precision: 'minute' as const, source: 'text' } })),
      ),
      copies: [],
    }).conflicts.filter((c) => c.slot.startsWith('record of'));
  it('opposes "Tom Ashby (45-1, 33 KOs)" and "Tom Ashby, 43-1,", and joins "Ashby" to the full name', () => {
    assert.equal(records(['Ashby (45-1, 33 KOs) had been training abroad for a month.', 'Former champion Tom Ashby, 43-1, won on points.']).length, 1);
  });
  it('does not oppose two people, a change ("improved to 46-1"), or articles a month apart', () => {
    assert.deepEqual(records(['Tom Ashby (45-1) beat Jim Cole (12-3).', 'Jim Cole (12-3) lost to Tom Ashby, who improved to 46-1.']).map((c) => c.note), []);
    assert.deepEqual(records(['Tom Ashby (45-1) won on points.', 'Tom Ashby (46-1) won again.'], ['2016-07-06T12:00:00Z', '2016-08-20T12:00:00Z']).map((c) => c.note), []);
  });
});

describe('the time of day of an event named by its noun', () => {
  // Invented wording: two outlets' leads give two times for the outbreak of one fire, no one named.
  const PUBLISHED = { iso: '2013-09-07T12:00:00Z', precision: 'minute' as const, source: 'text' };
  const art = (id: string, text: string) => analyseArticle(bareArticle(id, text, { outlet: `Outlet ${id}`, published: PUBLISHED }));
  const clock = (a: string, b: string) =>
    crossCheckStory({ storyId: 's', articles: [art('a', a), art('b', b)], copies: [] }).conflicts.filter((c) => c.slot === 'time of day of the event');

  it('"the fire broke out at about 9 p.m." against "at about 11 p.m." is a conflict', () => {
    const c = clock(
      'A large fire broke out at about 9 p.m. in a warehouse near the harbour, and dozens of firefighters fought it through the night.',
      // (in its own words: two independent reports, not rewrites of one dispatch)
      'A big fire broke out at about 11 p.m. at a warehouse by the harbour, and dozens of firefighters battled it until dawn.',
    );
    assert.equal(c.length, 1);
    assert.deepEqual(c[0].sides.map((s) => s.value).sort(), ['21:00', '23:00']);
  });

  it('times "about" allows to agree are no conflict', () => {
    const c = clock(
      'A large fire broke out at about 9 p.m. in a warehouse near the harbour, and dozens of firefighters fought it through the night.',
      'A large fire broke out at 9.05pm in a warehouse near the harbour, and dozens of firefighters fought it through the night.',
    );
    assert.deepEqual(c.map((x) => x.note), []);
  });
});

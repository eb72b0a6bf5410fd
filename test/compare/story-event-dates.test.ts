import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseArticle } from '../../src/analyse/index.js';
import { crossCheckStory } from '../../src/compare/index.js';
import { eventOfNoun, storyEventWhy } from '../../src/compare/story-event.js';
import { prepareStory } from '../../src/compare/prepare.js';
import { bareArticle } from '../helpers.js';

// Invented wording in the shape of a disaster story: one happening, told by each outlet with its own verb.
const PUBLISHED = { iso: '2011-03-10T12:00:00Z', precision: 'minute' as const, source: 'text' };
const art = (id: string, text: string) => analyseArticle(bareArticle(id, text, { outlet: `Outlet ${id}`, published: PUBLISHED }));
const dated = (x: ReturnType<typeof crossCheckStory>) => x.conflicts.filter((c) => c.kind === 'date');
const story = (...texts: string[]) => crossCheckStory({ storyId: 's', articles: texts.map((t, i) => art(String.fromCharCode(97 + i), t)), copies: [] });

describe('the event lexicon derived from WordNet', () => {
  it('names one event by its synonyms and none by a noun of a thing', () => {
    assert.equal(eventOfNoun('temblor'), eventOfNoun('earthquake'));
    assert.ok(eventOfNoun('earthquake'));
    assert.notEqual(eventOfNoun('aftershock'), eventOfNoun('earthquake'));
    assert.equal(eventOfNoun('table'), undefined);
  });
});

describe("dates of the story's own event", () => {
  it('opposes "the quake struck on Tuesday" and "Monday\'s earthquake", told with other verbs and no one named', () => {
    const x = story(
      'A strong earthquake struck the coastal province of Norland on Tuesday, destroying hundreds of homes.\n\nRescue teams reached the worst hit villages by evening.',
      "Rescue teams searched the rubble of hundreds of homes after Monday's earthquake in the coastal province of Norland.\n\nThe quake was felt in the capital.",
      'The earthquake that hit the coastal province of Norland destroyed hundreds of homes, officials said.\n\nRescue teams searched the rubble.',
    );
    const c = dated(x);
    assert.equal(c.length, 1, JSON.stringify(x.conflicts.map((k) => k.note)));
    assert.deepEqual(c[0].sides.map((s) => s.articles.join()).sort(), ['a', 'b']);
  });

  it('does not oppose a second quake of another day, nor an earlier one named with an article', () => {
    const x = story(
      'A strong earthquake struck the coastal province of Norland on Tuesday, destroying hundreds of homes.\n\nRescue teams reached the worst hit villages by evening.',
      'A strong aftershock shook the coastal province of Norland on Wednesday as rescuers searched for survivors of the earthquake.\n\nRescue teams reached the worst hit villages.',
      'Rescuers in the coastal province of Norland were still searching the rubble of the earthquake.\n\nThe region was hit by a February 2 earthquake that destroyed a bridge.',
    );
    assert.deepEqual(dated(x).map((c) => c.note), []);
  });

  it('does not oppose an article that gives the event two days (two events of its kind)', () => {
    const x = story(
      "Monday's earthquake in the coastal province of Norland was the second in two days.\n\nOn Sunday an earthquake destroyed hundreds of homes in the coastal province of Norland.",
      'A strong earthquake struck the coastal province of Norland on Sunday, destroying hundreds of homes.\n\nRescue teams reached the worst hit villages by evening.',
    );
    assert.deepEqual(dated(x).map((c) => c.note), []);
  });
});

describe("the story's event needs a link between two dates", () => {
  it('does not oppose two fires that share only the noun and the verb, one naming no place', () => {
    const x = story(
      'The fire broke out in the roof of the building at 8.49pm on Friday night and quickly spread.\n\nResidents were moved to a church.',
      'A large fire broke out at the Brookfield town hall on Sunday morning, fire crews said.\n\nThe fire damaged the roof of the building.',
      'Crews fought the fire at the Brookfield town hall for six hours.\n\nThe fire damaged the roof.',
    );
    assert.deepEqual(dated(x).map((c) => c.note), []);
  });

  it('opposes two days of the fire when both sentences name its place', () => {
    const x = story(
      'A large fire broke out at the Brookfield town hall on Friday night, fire crews said.\n\nResidents were moved to a church.',
      'A large fire broke out at the Brookfield town hall on Sunday morning, fire crews said.\n\nThe fire damaged the roof of the building.',
      'Crews fought the fire at the Brookfield town hall for six hours.\n\nThe fire damaged the roof.',
    );
    assert.equal(dated(x).length, 1, JSON.stringify(x.conflicts.map((k) => k.note)));
  });
});

describe('first sentences that state one fact', () => {
  it('opposes the days of one fire told by two verbs, one naming no one', () => {
    const x = story(
      'Fire crews fought a blaze that gutted the Brookfield town hall on Friday night, leaving the building a shell.',
      'The Brookfield town hall was destroyed by a blaze on Saturday night, leaving the building a shell, fire crews said.',
    );
    const c = dated(x);
    assert.equal(c.length, 1, JSON.stringify(x.conflicts.map((k) => k.note)));
  });

  it('does not oppose a first sentence that names two days', () => {
    const x = story(
      'Fire crews fought a blaze that gutted the Brookfield town hall on Friday night, and residents returned on Saturday.',
      'The Brookfield town hall was destroyed by a blaze on Saturday night, leaving the building a shell, fire crews said.',
    );
    assert.deepEqual(dated(x).map((c) => c.note), []);
  });
});

describe('why a story has no event of its own (the funnel counts it)', () => {
  const view = (...texts: string[]) => prepareStory({ articles: texts.map((t, i) => art(String.fromCharCode(97 + i), t)), copies: [] });

  it('finds the quake most leads name and date', () => {
    const v = view(
      'A strong earthquake struck the coastal province of Norland on Tuesday, destroying hundreds of homes.',
      "Rescue teams searched the rubble of hundreds of homes after Tuesday's earthquake in Norland.",
    );
    assert.equal(storyEventWhy(v), 'found');
  });

  it('says "few" when one source names it, "tie" when two happenings are named and dated alike', () => {
    assert.equal(storyEventWhy(view('A strong earthquake struck the coastal province of Norland on Tuesday.')), 'few');
    const v = view(
      'An explosion and a fire damaged the Brookfield town hall, police said.',
      'Police are investigating a fire and an explosion at the Brookfield town hall.',
    );
    assert.equal(storyEventWhy(v), 'tie');
  });
});

describe('a month between two numbers reads two ways', () => {
  // Invented wording: "10 Nov 11" is 10 November 2011, a Thursday, or (as the time reader takes it) November 11.
  const published = { iso: '2011-11-12T12:00:00Z', precision: 'minute' as const, source: 'text' };
  const lead = (verb: string, day: string) => `The frigate Northwind, deployed on patrols in the Gulf under the control of the Western Command, ${verb} an attack by pirates ${day}.\n\nThe crew boarded the boats.`;
  const attack = (day: string) =>
    crossCheckStory({
      storyId: 's',
      articles: [lead('thwarted', 'on Thursday'), lead('found herself in the thick of things, thwarting', day), lead('thwarted', 'on Thursday')].map((t, i) => analyseArticle(bareArticle(`n${i}`, t, { outlet: `Outlet n${i}`, published }))),
      copies: [],
    });
  it('does not oppose "on 10 Nov 11" to "on Thursday"', () => {
    const x = attack('on 10 Nov 11');
    assert.deepEqual(dated(x), [], JSON.stringify(dated(x).map((c) => c.note)));
  });
  it('still opposes "on Nov. 11" to "on Thursday"', () => {
    const x = attack('on Nov. 11');
    assert.equal(dated(x).length, 1, JSON.stringify(x.conflicts.map((c) => c.note)));
  });
});

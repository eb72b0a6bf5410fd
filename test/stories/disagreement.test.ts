import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { distinctPeople, newProtagonist, otherPeople, peopleOf, peopleShared } from '../../src/stories/disagreement.js';
import { groupStories, STORIES_VERSION, type StoryFeatures, type StoryInput, storyFeatures } from '../../src/stories/index.js';

// invented people, teams and places throughout
const features = (entities: [string, number][]): StoryFeatures =>
  ({ v: STORIES_VERSION, id: 'x', outlet: null, title: null, day: null, published: null, eventDay: null, terms: [], entities, places: [], sketch: null, textHash: 'x', words: 300, status: 'ok', messages: [] }) as StoryFeatures;

describe('otherPeople (who the article is about against who the story is about)', () => {
  const story = new Map([
    ['PER:tomas_lindqvist', 3],
    ['ORG:harbor_city_gulls', 3],
  ]);

  it('is true when the article is about someone the story never names and names none of its people', () => {
    assert.equal(otherPeople(features([['PER:ann_okafor', 3], ['ORG:harbor_city_gulls', 2]]), peopleOf(story, 3)), true);
  });

  it('is false when the article names one of the story\'s people, even by surname only', () => {
    assert.equal(otherPeople(features([['PER:ann_okafor', 3], ['PER:lindqvist', 1]]), peopleOf(story, 3)), false);
  });

  it('is false when a member of the story names the article\'s protagonist', () => {
    assert.equal(otherPeople(features([['PER:ann_okafor', 3]]), peopleOf(new Map([...story, ['PER:okafor', 1]]), 3)), false);
  });

  it('stays silent without protagonists (a headline names everyone once) or without story people', () => {
    assert.equal(otherPeople(features([['PER:ann_okafor', 1]]), peopleOf(story, 3)), false);
    assert.equal(otherPeople(features([['PER:ann_okafor', 3]]), peopleOf(new Map([['ORG:harbor_city_gulls', 3]]), 3)), false);
    assert.equal(otherPeople(features([['PER:ann_okafor', 3]]), peopleOf(story, 1)), false);
  });

  it('tells two stories about other people apart, not two that share a person', () => {
    const other = new Map([['PER:ann_okafor', 2]]);
    assert.equal(distinctPeople(peopleOf(story, 3), peopleOf(other, 2)), true);
    assert.equal(distinctPeople(peopleOf(story, 3), peopleOf(new Map([...other, ['PER:tomas_lindqvist', 1]]), 2)), false);
  });
});

describe('grouping with who as evidence', () => {
  /** A report about one person: the shared words of the story, then the person, named twice. */
  const report = (id: string, day: string, person: string, words: string): StoryInput => {
    const [first, last] = person.split(' ');
    return {
      id,
      title: null,
      text: `${words} ${person} said the decision was final. ${last} will leave the club this week.`,
      outlet: null,
      published: day,
      eventDates: [],
      entities: [
        { id: `PER:${first.toLowerCase()}_${last.toLowerCase()}`, type: 'PER', count: 2 },
        { id: 'ORG:harbor_city_gulls', type: 'ORG', count: 1 },
      ],
    };
  };
  const fired = 'The Harbor City Gulls fired their head coach after a losing season marked by injuries, empty stands and a fan revolt.';
  const traded = 'The Harbor City Gulls traded their captain to a rival for two draft picks and a young goalkeeper.';

  it('an article about other people than a story joins the story of its own people when that one is nearly as close', () => {
    const stories = groupStories(
      [
        report('f1', '2031-03-02', 'Tomas Lindqvist', fired),
        report('f2', '2031-03-02', 'Tomas Lindqvist', fired.replace('fan revolt', 'fan protest')),
        report('t1', '2031-03-02', 'Ann Okafor', traded),
        report('t2', '2031-03-02', 'Ann Okafor', traded.replace('two titles', 'two trophies')),
        // the firing's words with a trade's: the words lean to the firing, the people are the trade's
        report('x', '2031-03-03', 'Ann Okafor', `${fired} ${traded}`),
      ].map((i) => storyFeatures(i)),
    );
    const of = (id: string) => stories.find((g) => g.members.includes(id))!.members;
    assert.deepEqual(of('x'), ['t1', 't2', 'x']);
    assert.deepEqual(of('f1'), ['f1', 'f2']);
  });
});

describe('peopleShared (a dated story\'s people in a larger undated story, settle\'s merge)', () => {
  // invented people; entity docs per id, as StoryIndex keeps them
  const dated = new Map([
    ['PER:tomas_lindqvist', 4],
    ['PER:ann_okafor', 3],
    ['PER:bo_reyes', 1],
  ]);

  it('is the mean share the other story gives the first story\'s people (named by half its members or more), each capped at 1', () => {
    // lindqvist: 4/4 at home, 2/10 there -> 0.2; okafor: 3/4 at home, 9/10 there -> 1 (capped)
    const undated = new Map([
      ['PER:lindqvist', 2],
      ['PER:ann_okafor', 9],
    ]);
    assert.equal(peopleShared(dated, 4, undated, 10), (0.2 + 1) / 2);
  });

  it('is low when the other story names few of them (two events of one beat, other protagonists)', () => {
    assert.ok(peopleShared(dated, 4, new Map([['PER:cara_mbeki', 8]]), 10)! < 0.6);
  });

  it('is null (silent) when no person is named by half the first story\'s members', () => {
    assert.equal(peopleShared(new Map([['PER:bo_reyes', 1], ['ORG:harbor_city_gulls', 4]]), 4, dated, 4), null);
  });
});

describe('newProtagonist (someone the story never names leads the article too)', () => {
  const story = peopleOf(new Map([['PER:tomas_lindqvist', 3]]), 3);

  it('is true for a person named twice or more whom no member names, when the article names them about as often as its lead', () => {
    assert.equal(newProtagonist(features([['PER:tomas_lindqvist', 8], ['PER:ann_okafor', 4]]), story), true);
  });

  it('is false for a person named in passing against the lead (twice against thirty: a rival he is compared with)', () => {
    assert.equal(newProtagonist(features([['PER:tomas_lindqvist', 28], ['PER:lindqvist', 2], ['PER:ann_okafor', 2]]), story), false);
  });

  it('counts the lead by surname, as leadPerson does, and names once are never protagonists', () => {
    // 7 + 1 mentions of one surname: a quarter is 2, so the newcomer named twice still counts
    assert.equal(newProtagonist(features([['PER:tomas_lindqvist', 7], ['PER:lindqvist', 1], ['PER:ann_okafor', 2]]), story), true);
    assert.equal(newProtagonist(features([['PER:tomas_lindqvist', 2], ['PER:ann_okafor', 1]]), story), false);
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertLinear } from '../util/cpu-bound.js';
import { entityId, linkAcrossArticles } from '../../src/analyse/entities/index.js';
import { storyTypes, withStoryTypes } from '../../src/analyse/entities/story-types.js';
import type { EntityMention, EntityType } from '../../src/model/types.js';

/** An article whose text is its sentences; each `[name, type]` is mentioned where the text first writes it. */
function article(text: string, names: [string, EntityType][]): { text: string; mentions: EntityMention[] } {
  const mentions = names.map(([name, type]) => {
    const start = text.indexOf(name);
    assert.ok(start >= 0, name);
    return { span: { start, end: start + name.length }, type, text: name, entity: entityId(type, name) };
  });
  return { text, mentions };
}

describe('one name, one person across a story (story-types.ts)', () => {
  test('a name two articles read as a person and one as an organisation is a person in all three', () => {
    const arts = [
      article('Okafor scored 30 points.', [['Okafor', 'PER']]),
      article('Okafor led the team again.', [['Okafor', 'PER']]),
      article('Okafor now has 2,000 career points.', [['Okafor', 'ORG']]),
    ];
    assert.deepEqual(storyTypes(arts), [['PER'], ['PER'], ['PER']]);
  });

  test('the same in any order of the articles', () => {
    const arts = [
      article('Okafor now has 2,000 career points.', [['Okafor', 'ORG']]),
      article('Okafor scored 30 points.', [['Okafor', 'PER']]),
      article('Okafor led the team again.', [['Okafor', 'PER']]),
    ];
    assert.deepEqual(storyTypes(arts), [['PER'], ['PER'], ['PER']]);
  });

  test('initials written two ways are one name; a noun of people the story writes before people is two votes for a person', () => {
    const arts = [
      article('The team fired general manager AJ Pellow on Monday.', [['AJ Pellow', 'ORG']]),
      article('A.J. Pellow was hired in 2011.', [['A.J. Pellow', 'ORG']]),
      article('The former manager Dana Ruiz said general manager A.J. Pellow left.', [['Dana Ruiz', 'PER'], ['A.J. Pellow', 'PER']]),
    ];
    // person: 2 (titled) + 1 against 1
    assert.deepEqual(storyTypes(arts), [['PER'], ['PER'], ['PER', 'PER']]);
    // a noun of people the story never writes before a person's name is no evidence ("rival Dunmore": an adjective too)
    const rival = [
      article('Fans of rival Dunmore cheered.', [['Dunmore', 'LOC']]),
      article('Dunmore is a town.', [['Dunmore', 'LOC']]),
      article('Dunmore said.', [['Dunmore', 'PER']]),
      article('Dunmore spoke.', [['Dunmore', 'PER']]),
    ];
    assert.deepEqual(storyTypes(rival), [['LOC'], ['LOC'], ['PER'], ['PER']]);
  });

  test('a tie changes nothing', () => {
    const arts = [article('Varna Hollis won.', [['Varna Hollis', 'PER']]), article('Varna Hollis lost.', [['Varna Hollis', 'ORG']])];
    assert.deepEqual(storyTypes(arts), [['PER'], ['ORG']]);
  });

  test('a name most articles read as no person: its person mentions take the reading most give', () => {
    const arts = [
      article('The Larks won.', [['Larks', 'ORG']]),
      article('The Larks lost.', [['Larks', 'ORG']]),
      article('The Larks drew.', [['Larks', 'PER']]),
    ];
    assert.deepEqual(storyTypes(arts), [['ORG'], ['ORG'], ['ORG']]);
  });

  test('between organisation and place the story does not vote (a city and its team)', () => {
    const arts = [
      article('Dunmore beat the visitors.', [['Dunmore', 'ORG']]),
      article('Dunmore beat them again.', [['Dunmore', 'ORG']]),
      article('Fans gathered in Dunmore.', [['Dunmore', 'LOC']]),
    ];
    assert.deepEqual(storyTypes(arts), [['ORG'], ['ORG'], ['LOC']]);
  });

  test('a name ending in an organisation word or a street word, or with "of" inside, is no person', () => {
    const arts = [
      article('The Kessler Foundation gave.', [['Kessler Foundation', 'PER']]),
      article('The Kessler Foundation spent.', [['Kessler Foundation', 'PER']]),
      article('The Kessler Foundation said.', [['Kessler Foundation', 'ORG']]),
    ];
    assert.deepEqual(storyTypes(arts), [['ORG'], ['ORG'], ['ORG']]);
    const street = [article('On Marlow Avenue.', [['Marlow Avenue', 'PER']]), article('On Marlow Avenue.', [['Marlow Avenue', 'LOC']])];
    assert.deepEqual(storyTypes(street), [['LOC'], ['LOC']]);
    const of = [
      article('An official of the Bureau of Fisheries said.', [['Bureau of Fisheries', 'PER']]),
      article('The Bureau of Fisheries said.', [['Bureau of Fisheries', 'ORG']]),
    ];
    assert.deepEqual(storyTypes(of), [['ORG'], ['ORG']]);
  });

  test('a full name whose surname the story reads as a person stays a person', () => {
    const arts = [
      article('Quinlan Brodeur passed for 300 yards.', [['Quinlan Brodeur', 'ORG']]),
      article('Quinlan Brodeur ran.', [['Quinlan Brodeur', 'ORG']]),
      article('Quinlan Brodeur threw. Brodeur smiled.', [['Quinlan Brodeur', 'PER'], ['Brodeur', 'PER']]),
      article('Brodeur was calm.', [['Brodeur', 'PER']]),
    ];
    assert.deepEqual(storyTypes(arts), [['ORG'], ['ORG'], ['PER', 'PER'], ['PER']]);
  });

  test('a name written again is read as the first time, but a mention that denotes something stays out of the vote', () => {
    // (the vote reads each written name once: the reading must not carry a mention's own `denotes`)
    const denoted = article('Okafor now has 2,000 career points.', [['Okafor', 'ORG']]);
    denoted.mentions[0].denotes = 'ORG:okafor_club';
    const arts = [article('Okafor scored 30 points.', [['Okafor', 'PER']]), denoted, article('Okafor led the team.', [['Okafor', 'PER']]), article('Okafor now leads.', [['Okafor', 'ORG']])];
    assert.deepEqual(storyTypes(arts), [['PER'], ['ORG'], ['PER'], ['PER']]);
    assert.deepEqual(storyTypes([arts[1], arts[3]]), [['ORG'], ['ORG']]);
  });

  test('countries, demonyms and known bodies keep their reading', () => {
    const arts = [article('France said.', [['France', 'PER']]), article('France said.', [['France', 'PER']]), article('France said.', [['France', 'LOC']])];
    assert.deepEqual(storyTypes(arts), [['PER'], ['PER'], ['LOC']]);
  });

  test('linkAcrossArticles makes one story person of the name, whatever the order', () => {
    const arts = [
      { articleId: 'a', outlet: 'A', ...article('Okafor scored 30 points.', [['Okafor', 'PER']]) },
      { articleId: 'b', outlet: 'B', ...article('Okafor led the team again.', [['Okafor', 'PER']]) },
      { articleId: 'c', outlet: 'C', ...article('Okafor now has 2,000 career points.', [['Okafor', 'ORG']]) },
    ];
    const linked = linkAcrossArticles(arts);
    assert.deepEqual(
      linked.map((e) => [e.id, e.mentions]),
      [['PER:okafor', 3]],
    );
    assert.deepEqual(linkAcrossArticles([...arts].reverse()), linked);
    // the caller's mentions are not changed
    assert.equal(arts[2].mentions[0].type, 'ORG');
  });

  test('withStoryTypes re-types copies and leaves untouched articles as they are', () => {
    const a = { article: { text: 'Okafor scored.' }, entities: article('Okafor scored.', [['Okafor', 'PER']]).mentions };
    const b = { article: { text: 'Okafor scored.' }, entities: article('Okafor scored.', [['Okafor', 'PER']]).mentions };
    const c = { article: { text: 'Okafor now leads.' }, entities: article('Okafor now leads.', [['Okafor', 'ORG']]).mentions };
    const out = withStoryTypes([a, b, c]);
    assert.equal(out[0], a);
    assert.equal(out[2].entities![0].type, 'PER');
    assert.equal(out[2].entities![0].entity, 'ORG:okafor');
    assert.equal(c.entities[0].type, 'ORG');
  });

  test('hostile input: no mentions, no text, many articles stay linear (CPU time, 4x the articles)', () => {
    assert.deepEqual(storyTypes([]), []);
    assert.deepEqual(storyTypes([{ mentions: [] }]), [[]]);
    const many = (n: number) => Array.from({ length: n }, (_, i) => article(`Okafor ${i}`, [['Okafor', i % 3 ? 'PER' : 'ORG']]));
    const { large: types } = assertLinear(many, storyTypes, { n: 25_000, what: 'articles typed together' });
    assert.equal(types.length, 100_000);
    assert.ok(types.every((t) => t[0] === 'PER'));
  });
});

describe('story types on malformed mentions', () => {
  test('a mention without text or span is left as it is and does not stop the vote', () => {
    const good = article('Okafor scored.', [['Okafor', 'PER']]);
    const bad = { mentions: [{ type: 'ORG' } as unknown as EntityMention, ...article('Okafor led.', [['Okafor', 'ORG']]).mentions] };
    const types = storyTypes([good, good, bad]);
    assert.deepEqual(types, [['PER'], ['PER'], ['ORG', 'PER']]);
  });
});

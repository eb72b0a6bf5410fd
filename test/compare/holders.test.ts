import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossCheckTexts, publishedAt } from './story.js';

// Invented wording in the shape of club and council news: a statement credited to the holder of a post.
const PUBLISHED = publishedAt('2012-03-08T12:00:00Z');
const LEAD = 'The Harbor City Gulls suspended a defensive lineman on Wednesday after his arrest on a weapons charge.\n\n';
const actors = (texts: string[]) => crossCheckTexts(texts, PUBLISHED, { lead: LEAD }).conflicts.filter((c) => c.kind === 'actor');
const STATEMENT = '"We are disappointed by the decision he made and will let the legal process run its course," ';

describe('who holds a post', () => {
  it('opposes two people named after one post in one statement by two outlets, with every mention of the post', () => {
    const c = actors([
      `${STATEMENT}team general manager Rosa Kettering said in a statement.`,
      `${STATEMENT}Gulls general manager Owen Barlow said in a statement.`,
      'General manager Rosa Kettering spoke with the player on Wednesday morning before the suspension.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
    assert.equal(c[0].slot, 'who is the general manager');
    assert.deepEqual(c[0].sides.map((s) => s.value).sort(), ['Owen Barlow', 'Rosa Kettering']);
    assert.deepEqual(c[0].sides.map((s) => s.articles.length).sort(), [1, 2]);
  });

  it('reads a post in apposition after the name', () => {
    const c = actors([
      `${STATEMENT}Rosa Kettering, the Gulls' general manager, said in a statement.`,
      `${STATEMENT}Owen Barlow, general manager of the Gulls, said in a statement.`,
    ]);
    assert.equal(c.length, 1, JSON.stringify(c.map((k) => k.note)));
    assert.deepEqual(c[0].sides.map((s) => s.value).sort(), ['Owen Barlow', 'Rosa Kettering']);
    // a relative clause or an indefinite description is no post
    assert.deepEqual(
      actors([`${STATEMENT}Rosa Kettering, who manages the Gulls, said in a statement.`, `${STATEMENT}Owen Barlow, a spokesman for the Gulls, said in a statement.`]).map((k) => k.note),
      [],
    );
  });

  it('does not oppose two people when the statements differ, or the post has several holders in one article', () => {
    assert.deepEqual(
      actors([
        `${STATEMENT}general manager Rosa Kettering said in a statement.`,
        'Ticket sales rose sharply this season, general manager Owen Barlow of the Harbor City Pelicans told reporters at a charity dinner.',
      ]).map((k) => k.note),
      [],
    );
    assert.deepEqual(
      actors([
        `${STATEMENT}police spokesman Ian Sato said in a statement.`,
        `${STATEMENT}police spokesman Dev Marsh said in a statement. Police spokesman Ian Sato said the lineman was released on bail.`,
      ]).map((k) => k.note),
      [],
    );
  });

  it('does not oppose a former holder, a relative or an honorific to another person', () => {
    assert.deepEqual(
      actors([
        `${STATEMENT}former general manager Rosa Kettering said in a statement.`,
        `${STATEMENT}general manager Owen Barlow said in a statement.`,
      ]).map((k) => k.note),
      [],
    );
    assert.deepEqual(
      actors([`${STATEMENT}his nephew Colm Teller said in a statement.`, `${STATEMENT}his nephew Anton Teller said in a statement.`]).map((k) => k.note),
      [],
    );
    assert.deepEqual(actors([`${STATEMENT}Mr Rosa Kettering said in a statement.`, `${STATEMENT}Mr Owen Barlow said in a statement.`]).map((k) => k.note), []);
  });

  it('does not oppose one name spelled two ways', () => {
    assert.deepEqual(
      actors([`${STATEMENT}general manager Owen Barlow said in a statement.`, `${STATEMENT}general manager Owen Barlowe said in a statement.`]).map((k) => k.note),
      [],
    );
  });
});

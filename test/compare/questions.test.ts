import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asks } from '../../src/compare/questions.js';
import { oneAct } from '../../src/compare/support.js';
import { prepareStory } from '../../src/compare/prepare.js';
import { corroboratedShortIds, firstSentenceClaims, inventedArticle, publishedAt } from './story.js';

// Invented wording (issue 15): what a sentence asks, and which shared times make two acts one.
const PUBLISHED = publishedAt('2026-11-20T09:00:00Z');
const asked = (text: string) => asks(prepareStory({ articles: [inventedArticle('q0', text, PUBLISHED)], copies: [] }).sentences[0]);
const corroborated = (texts: string[]) => corroboratedShortIds(texts, PUBLISHED);

describe('a question asserts nothing', () => {
  it('an operator or a wh-word first and a question mark last is a question', () => {
    assert.equal(asked('Is there too much private money in the harbour board elections?'), true);
    assert.equal(asked('Or was the ferry board right to close the Kelso crossing?'), true);
    assert.equal(asked('"Why did the council wait so long?"'), true);
  });
  it('a statement that reports or quotes a question, or a stray question mark, is no question', () => {
    assert.equal(asked('The mayor asked: "Why did the council wait so long?"'), false);
    assert.equal(asked('"Why did the council wait so long?" the mayor asked.'), false);
    assert.equal(asked('The board agreed at the weekend to cut spending in return for?'), false);
    assert.equal(asked('The ferry board closed the Kelso crossing on Friday.'), false);
  });
  it('a question is no support for a statement that shares its words', () => {
    assert.deepEqual(
      corroborated([
        'Councillor Ann Roe again decried the influence of private money in the harbour board elections.',
        'Is there too much private money in the harbour board elections?',
      ]),
      [],
    );
  });
  it('two outlets that state it alike corroborate it', () => {
    assert.deepEqual(
      corroborated([
        'Councillor Ann Roe again decried the influence of private money in the harbour board elections.',
        'Councillor Ann Roe on Friday decried the influence of private money in the harbour board elections.',
      ]),
      ['a0 a1'],
    );
  });
});

describe('the passive subject of a verb with a controlled clause does that clause\'s act', () => {
  it('"Ann Roe had been scheduled to speak" makes Ann Roe the speaker, and keeps her the one scheduled', () => {
    const claims = firstSentenceClaims('Ann Roe had been scheduled to speak at the Kelso harbour on Monday.', PUBLISHED);
    const act = claims.find((c) => c.acts.size > 0)!;
    assert.ok([...act.agents].some((k) => k.includes('roe')));
    assert.ok([...act.patients].some((k) => k.includes('roe')));
  });
  it('a passive with no controlled clause keeps its subject an undergoer only', () => {
    const claims = firstSentenceClaims('Ann Roe was arrested at the Kelso harbour on Monday.', PUBLISHED);
    assert.ok(claims.every((c) => c.agents.size === 0));
  });
});

describe('a year or a month alone does not make two acts of two kinds one', () => {
  const mainClaim = (text: string) => firstSentenceClaims(text, PUBLISHED).find((c) => c.acts.size > 0)!;
  const one = (a: string, b: string) => oneAct(mainClaim(a), mainClaim(b));
  it('a year both give is when the case happened, not one act', () => {
    assert.equal(one('The party won the harbour seat in 2019.', 'The levels of support peaked in 2019.'), false);
  });
  it('a month of one year, a day or a figure both give still makes two wordings one act', () => {
    assert.equal(one('The studio booked a November 2027 release for the sequel.', 'The studio must meet a November 2027 release date for the sequel.'), true);
    assert.equal(one('The bridge reopened on Tuesday.', 'Crews cleared the road on Tuesday.'), true);
  });
});

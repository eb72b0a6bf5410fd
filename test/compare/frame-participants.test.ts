import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { otherSubjects, statementSubjects } from '../../src/compare/frame-participants.js';
import { prepareStory } from '../../src/compare/prepare.js';
import { inventedArticle, publishedAt } from './story.js';

// Invented wording (issue 15): one kind of act told of two named participants in the subject slot is two statements.
const PUBLISHED = publishedAt('2026-11-20T09:00:00Z');
/** The last sentence of each text, as two articles of one story (earlier sentences give a pronoun its antecedent). */
const lastSentences = (a: string, b: string) => {
  const story = prepareStory({ articles: [inventedArticle('f0', a, PUBLISHED), inventedArticle('f1', b, PUBLISHED)], copies: [] });
  return story.articles.map((x) => x.sentences[x.sentences.length - 1]);
};
const other = (a: string, b: string) => {
  const [x, y] = lastSentences(a, b);
  return otherSubjects(x, y);
};
const subjects = (text: string) => statementSubjects(lastSentences(text, 'No names here.')[0]).map((e) => e.name);

describe('frame participants: two named subjects of one kind of act', () => {
  it('two candidates told alike are two statements', () => {
    assert.equal(other('Maria Lindqvist has expressed interest in the vacant seat on the council.', 'Jonas Berghof also has expressed interest in the seat.'), true);
  });

  it('one subject in both, or the other subject named anywhere, is one statement', () => {
    assert.equal(other('Maria Lindqvist has expressed interest in the vacant seat on the council.', 'Lindqvist also has expressed interest in the seat.'), false);
    assert.equal(other('Jonas Berghof beat Maria Lindqvist in the final on Sunday.', 'Maria Lindqvist lost to Jonas Berghof in the final on Sunday.'), false);
  });

  it('a reported clause is the statement, and its pronoun the speaker', () => {
    assert.deepEqual(subjects('Marek Olsson said he would be ready to play on Saturday night.'), ['Marek Olsson']);
  });

  it('a subject pronoun goes on with the subject of the sentence before', () => {
    assert.deepEqual(subjects('Tomas Brandt returned to practice this week. He is expected to start on Saturday night.'), ['Tomas Brandt']);
    assert.equal(other('Tomas Brandt returned to practice this week. He is expected to start on Saturday night.', 'Marek Olsson said he would be ready to start on Saturday night.'), true);
  });

  it('a main clause whose subject is no name leaves the sentence without subjects to tell apart', () => {
    assert.deepEqual(subjects('Ladell Marsh went on the injured list in May and the team lost two other players in June.'), []);
  });

  it('a description with an article is no name', () => {
    assert.deepEqual(subjects('The Chilean-born Canadian was planning to ski for four days.'), []);
  });

  it('a pronoun inside a quotation is another speaker\'s: not read', () => {
    assert.deepEqual(subjects('"He tried to help her," said Sergeant Ann Welsh.'), []);
  });
});

describe('frame participants on bad input', () => {
  it('an empty text and a long coordination read without a fault', () => {
    assert.equal(other('.', `${Array.from({ length: 300 }, (_, i) => `Team${i}`).join(' and ')} expressed interest.`), false);
  });
});

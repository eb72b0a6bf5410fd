import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseArticle } from '../../src/analyse/index.js';
import { prepareStory } from '../../src/compare/prepare.js';
import { backgroundSentences } from '../../src/compare/background.js';
import { bareArticle } from '../helpers.js';

// Invented wording: which sentences tell the article's own event and which another, earlier one.
const PUBLISHED = { iso: '2011-01-06T12:00:00Z', precision: 'minute' as const, source: 'text' };
function background(text: string) {
  const story = prepareStory({ articles: [analyseArticle(bareArticle('a', text, { outlet: 'Outlet a', published: PUBLISHED }))], copies: [] });
  const a = story.articles[0];
  const marks = backgroundSentences(a.sentences);
  return a.sentences.map((s) => [a.text.slice(s.span.start, s.span.end).split(' ').slice(0, 3).join(' '), marks.get(s.index) ?? 'none']);
}
const LEAD = 'A deputy was shot dead in a quiet suburb on Thursday afternoon.\n\nThe gunman fled on foot and was arrested hours later.\n\n';

describe('sentences about the past', () => {
  it('a bare plural "previous" (someone\'s history) does not make the sentence past', () => {
    const rows = background(`${LEAD}The deputy followed the man to the house of a friend whom he knew from previous altercations, at about 3:30 p.m.`);
    assert.deepEqual(rows[2], ['The deputy followed', 'none']);
  });
  it('"the previous day", "a previous attack" and "previously" do', () => {
    const rows = background(
      `${LEAD}The gunman had wounded a man the previous day.\n\nA previous attack on the street killed four people.\n\nThe gunman had previously served two years in prison.`,
    );
    assert.deepEqual(rows.slice(2).map((r) => r[1]), ['past', 'past', 'past']);
  });
});

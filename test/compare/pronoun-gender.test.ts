import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseArticle } from '../../src/analyse/index.js';
import { pronounAntecedent } from '../../src/compare/dated-acts.js';
import { crossCheckStory } from '../../src/compare/index.js';
import { prepareStory } from '../../src/compare/prepare.js';
import { bareArticle } from '../helpers.js';

// Invented wording throughout: who a "he" or "she" with a date stands for when the text genders the people around it.
const PUBLISHED = { iso: '2011-01-06T12:00:00Z', precision: 'minute' as const, source: 'text' };
const art = (id: string, text: string) => analyseArticle(bareArticle(id, text, { outlet: `Outlet ${id}`, published: PUBLISHED }));

/** The name the pronoun `word` (its last occurrence in `text`) is read as standing for. */
function antecedentName(text: string, word: string): string | null {
  const view = prepareStory({ articles: [art('a', text)], copies: [] });
  const at = [...text.matchAll(new RegExp(`\\b${word}\\b`, 'g'))].pop()!.index;
  const s = view.articles[0].sentences.find((x) => x.span.start <= at && at < x.span.end)!;
  return pronounAntecedent(s, at)?.name ?? null;
}

describe('a pronoun passes over a person the text genders otherwise', () => {
  it('"she" skips a man named last ("Mr.")', () => {
    const text = 'The novelist Clara Wendt left the hotel with her agent, Mr. Oskar Lindqvist.\n\nShe checked into a clinic on Tuesday.';
    assert.equal(antecedentName(text, 'She'), 'Clara Wendt');
  });

  it('"he" skips a woman named last (a role noun in apposition)', () => {
    const text = 'Mr. Pavel Orsini met Dana Kettering, a spokeswoman for the port authority.\n\nHe was arrested on Monday.';
    assert.equal(antecedentName(text, 'He'), 'Pavel Orsini');
  });

  it('"her" as the object skips a man in its own sentence', () => {
    const text = 'The actress Mira Solberg was at the gala.\n\nPolice said Mr. Ivo Brandt struck her on Friday.';
    assert.equal(antecedentName(text, 'her'), 'Mira Solberg');
  });

  it('the last person named stays when the text genders no one', () => {
    // (neither is the subject of the sentence before: the one named last)
    const text = 'Reporters saw Clara Wendt at the hotel with Oskar Lindqvist.\n\nShe checked into a clinic on Tuesday.';
    assert.equal(antecedentName(text, 'She'), 'Oskar Lindqvist');
  });

  it('a surname two people share genders neither of them', () => {
    // "Mr." genders one Halloran; the other, named last, is not passed over for it
    const text = 'Mr. Owen Halloran spoke to reporters.\n\nHe had driven his niece Ruth Halloran home.\n\nShe was admitted to hospital on Sunday.';
    assert.equal(antecedentName(text, 'She'), 'Ruth Halloran');
  });

  it('dates one act: the woman\'s check-in on two days, not the man\'s', () => {
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        art('a', 'The novelist Clara Wendt left the hotel with her agent, Mr. Oskar Lindqvist.\n\nShe checked into a clinic on Tuesday.'),
        art('b', 'The novelist is receiving treatment, a friend said.\n\nClara Wendt checked into a clinic on Friday.'),
      ],
      copies: [],
    });
    const dates = x.conflicts.filter((c) => c.kind === 'date');
    assert.equal(dates.length, 1, JSON.stringify(x.conflicts.map((c) => c.slot)));
    assert.deepEqual(dates[0].sides.map((s) => s.articles.join()).sort(), ['a', 'b']);
  });
});

// Invented wording: which person of the sentences before a "he" stands for, by the parse.
describe('a pronoun stands for one person told of alone, the subject first', () => {
  it('"he" is the subject of the sentence before, not a name told on the way', () => {
    const text = 'Mr. Tobias Renner kept a flat in Leeds, where he lived with his partner, Ilse Varga, and two dogs.\n\nIn 1971, he was indicted on a charge of fraud.';
    assert.equal(antecedentName(text, 'he'), 'Tobias Renner');
  });

  it('"he" passes over the members of a list of people', () => {
    const text = 'Mr. Tobias Renner was the eldest of the family.\n\nHis brothers are Lukas Renner, Anton Renner and Felix Renner.\n\nIn 1971, he was indicted on a charge of fraud.';
    assert.equal(antecedentName(text, 'he'), 'Tobias Renner');
  });

  it('dates one act: the indictment told in two years by two outlets', () => {
    const x = crossCheckStory({
      storyId: 's',
      articles: [
        art('a', 'Mr. Tobias Renner ran a shipping firm in Leeds for decades.\n\nHis sons are Lukas Renner and Anton Renner.\n\nIn 1971, he was indicted on a charge of bribing customs officers.'),
        art('b', 'Tobias Renner ran a shipping firm in Leeds.\n\nIn 1972, Renner was indicted on a charge of bribing customs officers.'),
      ],
      copies: [],
    });
    const dates = x.conflicts.filter((c) => c.kind === 'date');
    assert.equal(dates.length, 1, JSON.stringify(x.conflicts.map((c) => c.slot)));
    assert.deepEqual(dates[0].sides.map((s) => s.articles.join()).sort(), ['a', 'b']);
  });
});

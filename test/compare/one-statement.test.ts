import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossCheckTexts, publishedAt } from './story.js';

// Invented wording: two outlets name the same relief goods in two different statements.
const PUBLISHED = publishedAt('2011-01-06T12:00:00Z');
const LEAD = 'A flood swept through the valley town of Norhaven overnight, leaving hundreds homeless.\n\n';
const corroborated = (texts: string[]) =>
  crossCheckTexts(texts, PUBLISHED, { lead: LEAD })
    .facts.filter((f) => f.status === 'corroborated' && !f.statement.startsWith('A flood'))
    .map((f) => f.articles.length);

describe('a corroborated fact is one statement', () => {
  it('two outlets that state one act with the same words corroborate it', () => {
    assert.deepEqual(corroborated(['Volunteers have distributed tents, blankets, canned food and fresh water to the survivors in Norhaven.', 'Volunteers have distributed tents, blankets, canned food and fresh water to survivors in Norhaven.']), [2]);
  });
  it('sentences that share the things but state different acts do not', () => {
    assert.deepEqual(corroborated(['Volunteers have distributed tents, blankets, canned food and fresh water to the survivors in Norhaven.', 'Volunteers have collected tents, blankets, canned food and fresh water for the survivors in Norhaven.']), []);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prepareStory } from '../../src/compare/prepare.js';
import { titleKey, workYearConflicts } from '../../src/compare/work-years.js';
import { assertLinear } from '../util/cpu-bound.js';
import { crossCheckTexts, inventedArticle, publishedAt } from './story.js';

// Invented wording in the shape of an obituary: an actor's life retold, with the year of a film about her.
const PUBLISHED = publishedAt('2011-03-02T12:00:00Z');
const LEAD = 'The actress Mara Quill, whose roles defined a decade of stage comedy, died on Monday at her home in Westerby. She was 88.\n\n';
const workYears = (texts: string[]) =>
  crossCheckTexts(texts, PUBLISHED, { lead: LEAD })
    .conflicts.filter((c) => c.kind === 'date' && c.slot.startsWith('year of the work'))
    .map((c) => c.sides.map((s) => `${s.value}:${s.articles.length}`).sort().join(' / '));

describe('the year of a titled work', () => {
  it('opposes two years outlets give one titled work by a year before its noun', () => {
    assert.deepEqual(
      workYears([
        'Her life inspired the 2009 film The Quiet Harbour Girl, starring a newcomer.',
        'She was also remembered in the 2010 biopic, The Quiet Harbour Girl, which toured festivals.',
        'In 2010 a film, The Quiet Harbour Girl, told her story to a new generation.',
      ]),
      ['2009:1 / 2010:2'],
    );
  });

  it('reads a quoted title after the noun', () => {
    assert.deepEqual(workYears(['She starred in the 1961 comedy "Paper Lanterns" with her husband.', 'Her best-known role came in the 1962 comedy "Paper Lanterns".']), ['1961:1 / 1962:1']);
  });

  it('does not oppose two works of one title an article tells apart, or years of other things', () => {
    // a remake: one outlet names both films
    assert.deepEqual(
      workYears([
        'She starred in the 1961 comedy "Paper Lanterns", remade as the 1998 comedy "Paper Lanterns".',
        'Her best-known role came in the 1998 comedy "Paper Lanterns".',
      ]),
      [],
    );
    // no title after the noun, or a lower-case phrase: the year dates something else
    assert.deepEqual(workYears(['She won the 1961 award for comedy.', 'She won the 1962 award for comedy.']), []);
    // one title, one year: no conflict
    assert.deepEqual(workYears(['Her life inspired the 2009 film The Quiet Harbour Girl.', 'She was honoured in the 2009 film, The Quiet Harbour Girl, last year.']), []);
  });

  it('keys a title by its words, without its article and quotes', () => {
    assert.equal(titleKey('"The Quiet Harbour Girl,"'), 'quiet harbour girl');
    assert.equal(titleKey('A Night in Westerby'), 'night in westerby');
  });
});

describe('work years stay linear', () => {
  it('reads a sentence of many dated titles in time linear in its length', () => {
    const make = (n: number) => {
      const works = Array.from({ length: n }, (_, i) => `the ${1900 + (i % 100)} film The Harbour Number ${i + 1}`).join(', ');
      return prepareStory({ articles: [inventedArticle('h0', `She starred in ${works}.`, PUBLISHED)], copies: [] });
    };
    assertLinear(make, (story) => workYearConflicts(story), { n: 150, what: 'workYearConflicts' });
  });
});

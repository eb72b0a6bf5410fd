import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prepareStory } from '../../src/compare/prepare.js';
import { figureSlots } from '../../src/compare/slots.js';
import { readConjunct } from '../../src/compare/conjunct-counts.js';
import { crossCheckTexts, inventedArticle, publishedAt } from './story.js';

// Invented wording in the shapes of wire leads (a shooting, a storm, a raid, an arrest, a game), no fixture's.
const PUBLISHED = publishedAt('2026-03-06T12:00:00Z');

/** Each figure of a one-sentence article with the key of its slot ("-": none). */
function slots(text: string): string[] {
  const story = prepareStory({ articles: [inventedArticle('a0', text, PUBLISHED)], copies: [] });
  return figureSlots(story).map(({ q, slot }) => `${q.value} ${slot?.key ?? '-'}`);
}

/** Each conjunct of a one-sentence article as read: value, noun, act, sibling nouns. */
function conjuncts(text: string): string[] {
  const story = prepareStory({ articles: [inventedArticle('a0', text, PUBLISHED)], copies: [] });
  const s = story.sentences[0];
  return s.quantities.map((q) => {
    const r = readConjunct(s, q);
    return r ? `${q.value} ${r.noun} ${r.verb ?? '-'} [${r.siblings.join(' ')}]` : `${q.value} -`;
  });
}

const conflicts = (texts: string[]) =>
  crossCheckTexts(texts, PUBLISHED)
    .conflicts.filter((c) => c.severity === 'conflict')
    .map((c) => `${c.slot}: ${c.sides.map((s) => s.value).join(' / ')}`);

describe('the conjuncts of a coordination, each read on its own (conjunct-counts.ts)', () => {
  it('reads each conjunct with its own noun and the act of the verb both are arguments of', () => {
    assert.deepEqual(conjuncts('The gunmen killed 5 soldiers and 3 policemen in the attack on Monday, officials said.'), ['5 soldier kill [policeman]', '3 policeman kill [soldier]']);
    assert.deepEqual(conjuncts('The pirates seized two ships and 30 crew members on Monday, officials said.'), ['2 ship seize [member]', '30 member seize [ship]']);
  });

  it('gives each conjunct a count of its own noun for the shared act, never the sibling noun', () => {
    assert.deepEqual(slots('The quake destroyed 50 schools and 1,500 houses in the province on Monday, officials said.'), ['50 count|school|Destroying', '1500 count|hous|Destroying']);
    assert.deepEqual(slots('The pirates seized two ships and 30 crew members on Monday, officials said.'), ['2 count|ship|seize', '30 count|member|seize']);
    assert.deepEqual(slots('Rebels killed 14 soldiers and two civilians in the ambush on Monday, the army said.'), ['14 count|soldier|deaths', '2 count|civilian|deaths|']);
  });

  it('takes the act written after the last conjunct when the parse hangs it there: "14 soldiers and three civilians died"', () => {
    assert.deepEqual(conjuncts('At least 14 soldiers and three civilians died in the attack on Monday.'), ['14 soldier die [civilian]', '3 civilian die [soldier]']);
    assert.equal(slots('At least 14 soldiers and three civilians died in the attack on Monday.')[0], '14 count|soldier|deaths');
  });

  it('reads two predicates coordinated as one phrase by the parse as two frames: "killed five people and wounded 12 others"', () => {
    assert.deepEqual(slots('The gunman killed five people and wounded 12 others at the mall on Monday, police said.'), ['5 people|deaths', '12 people|injured']);
    assert.deepEqual(slots('The bomb killed three soldiers and wounded five civilians on Monday, the army said.'), ['3 count|soldier|deaths', '5 people|injured']);
  });

  it('reads an elided noun by the parallel clause: "12 houses were destroyed and 40 damaged"', () => {
    assert.deepEqual(slots('Twelve houses were destroyed and 40 damaged in the village on Monday, officials said.'), ['12 count|hous|Destroying', '40 count|hous|Damaging']);
  });

  it('keeps a partition of one noun, a line of scores and a count with no act parts', () => {
    assert.deepEqual(slots('Roe faces arraignment on Monday on two murder charges and one kidnapping charge.'), ['2 -']);
    assert.deepEqual(slots('The fighter improves to a career record of 58 wins and three defeats.'), ['58 -', '3 -']);
    assert.deepEqual(slots('Manning threw for 364 yards and three touchdowns on Sunday.'), ['364 -', '3 -']);
  });

  it('takes no act from a verb of saying the parse hangs the conjuncts on', () => {
    assert.deepEqual(slots('Police said two women and one man died at the bank on Monday.'), ['2 -']);
  });
});

describe('conflicts between conjunct counts', () => {
  it('opposes two outlets counting the same noun among conjuncts', () => {
    const c = conflicts([
      'Rebels ambushed an army convoy near the border on Monday. The rebels killed 14 soldiers and two civilians in the ambush, the army said.',
      'Rebels ambushed an army convoy near the border on Monday. The rebels killed 11 soldiers and two civilians in the ambush, the army said.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c));
    assert.match(c[0], /soldier.*: 11 \/ 14/);
  });

  it('opposes the injured of "killed five people and wounded 12 others" and "... wounded 20 others"', () => {
    const c = conflicts([
      'A gunman opened fire at a mall on Monday. The gunman killed five people and wounded 12 others at the mall.',
      'A gunman opened fire at a mall on Monday. The gunman killed five people and wounded 20 others at the mall.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c));
    assert.match(c[0], /injured: 12 \/ 20/);
  });

  it('opposes two counts of an elided noun', () => {
    const c = conflicts([
      'A storm hit the coast on Monday. Twelve houses were destroyed and 40 damaged in the village, officials said.',
      'A storm hit the coast on Monday. Twelve houses were destroyed and 60 damaged in the village, officials said.',
    ]);
    assert.equal(c.length, 1, JSON.stringify(c));
    assert.match(c[0], /hous.*: 40 \/ 60|house.*: 40 \/ 60/);
  });

  it('makes no toll of a partition: "two women and a man" against "three people"', () => {
    assert.deepEqual(
      conflicts([
        'A gunman opened fire in a bank on Monday. The gunman killed two women and a man, police said.',
        'A gunman opened fire in a bank on Monday. The gunman killed three people, police said.',
      ]),
      [],
    );
  });

  it("keeps a player's line of figures out: one player's rebounds in two games", () => {
    assert.deepEqual(
      conflicts([
        'The Tigers beat the Hawks 70-61 on Saturday. Jane Roe finished the game with 25 points and 16 rebounds.',
        'The Tigers beat the Hawks 70-61 on Saturday. Jane Roe finished the game with 25 points and nine rebounds.',
      ]),
      [],
    );
  });
});

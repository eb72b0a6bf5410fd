import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { figureHolders, figureToldWith, otherHolder } from '../../src/compare/figure-holders.js';
import { prepareStory } from '../../src/compare/prepare.js';
import { crossCheckTexts, inventedArticle, publishedAt } from './story.js';

// Invented wording (no seed or fixture names): poll results and offers, each figure someone's.
const PUBLISHED = publishedAt('2021-05-12T09:00:00Z');
const LEAD = 'A new poll of likely voters in Northvale shows Mayor Jane Roe leading the race for governor with 31 percent.\n\n';

const sentencesOf = (texts: string[]) => prepareStory({ articles: texts.map((t, i) => inventedArticle(`h${i}`, t, PUBLISHED)), copies: [] }).sentences;
const sentence = (sents: ReturnType<typeof sentencesOf>, re: RegExp) => sents.find((s) => re.test(s.art.text.slice(s.span.start, s.span.end)))!;

describe('whose figure', () => {
  const sents = sentencesOf([
    'Councilman John Doe was in second with 16 percent, with Harold Pike behind him.',
    'Harold Pike follows Roe with 16 percent while John Doe comes in third with 12 percent.',
    "Harold Pike's 16 percent surprised his own campaign.",
    'About 16 percent of voters said they had not decided.',
  ]);
  const holders = (re: RegExp) => figureHolders(sentence(sents, re));
  it('is the name that is the subject of the predicate the figure hangs on', () => {
    assert.ok(holders(/John Doe was in second/)[0]?.some((k) => k.includes('doe')), JSON.stringify(holders(/John Doe was in second/)));
    assert.ok(holders(/Pike follows/)[0]?.some((k) => k.includes('pike')), JSON.stringify(holders(/Pike follows/)));
    assert.ok(holders(/Pike follows/)[1]?.some((k) => k.includes('doe')), JSON.stringify(holders(/Pike follows/)));
  });
  it('is the name that owns the figure', () => {
    assert.ok(holders(/Pike's 16/)[0]?.some((k) => k.includes('pike')), JSON.stringify(holders(/Pike's 16/)));
  });
  it('is nobody when the subject is no name', () => {
    assert.deepEqual(holders(/of voters/), [null]);
  });
  it("is a person's name compounded with the figure's noun rather than the clause's subject", () => {
    const s = sentencesOf(['John Doe broke Harold Pike ’ s county record of 16 percent in the primary.'])[0];
    assert.ok(figureHolders(s)[0]?.some((k) => k.includes('pike')), JSON.stringify(figureHolders(s)));
  });
  it('finds the one figure another is told with', () => {
    const s = sentencesOf(['The Rovers have bid $160 million over eight years for the striker.'])[0];
    const [money, years] = [s.quantities.find((q) => q.unit === 'USD')!, s.quantities.find((q) => q.unit !== 'USD')!];
    assert.equal(figureToldWith(s, years), money);
  });
  it('two holders are one when one name holds the other\'s words', () => {
    assert.equal(otherHolder(['anthony roe'], ['anthony james roe']), false);
    assert.equal(otherHolder(['roe'], ['jane roe']), false);
    assert.equal(otherHolder(['jane roe'], ['john doe']), true);
    assert.equal(otherHolder(null, ['john doe']), false);
  });
});

describe('one figure of two holders is two facts', () => {
  const x = crossCheckTexts(
    [
      'Councilman John Doe was in second with 16 percent, with Harold Pike and Mary Vale behind him.',
      'State Senator Harold Pike follows Roe with 16 percent while Mary Vale comes in third with 12 percent.',
      'Councilman John Doe was in second place with 16 percent, ahead of Harold Pike and Mary Vale.',
    ],
    PUBLISHED,
    { lead: LEAD },
  );
  const texts = (f: (typeof x.facts)[number]) => f.evidence.map((e) => e.articleId);
  it('does not corroborate one candidate\'s result by another\'s', () => {
    const second = x.facts.find((f) => f.status === 'corroborated' && /in second/.test(f.statement));
    assert.ok(second, JSON.stringify(x.facts.map((f) => [f.status, f.statement])));
    assert.ok(!texts(second).includes('h1') && !texts(second).includes('a1'), JSON.stringify(second.evidence));
    for (const b of x.brief) if (/in second/.test(b.text)) assert.ok(!b.citations.some((e) => e.articleId === 'a1'), JSON.stringify(b));
  });
});

describe('the brief cites an article only for all of a line', () => {
  const x = crossCheckTexts(
    [
      'Jane Roe won the primaries in Montana and Idaho on Tuesday, strengthening her lead.\n\nHer campaign has spent $20 million on television advertising since January.',
      'Jane Roe won the primaries in Montana and Idaho on Tuesday, strengthening her lead.\n\nHer campaign has spent $20 million on television advertising since January.',
      'Jane Roe won the primary in Idaho on Tuesday, strengthening her lead.\n\nHer campaign has spent more than $20 million on television advertising since January.',
    ],
    PUBLISHED,
  );
  const line = (re: RegExp) => x.brief.find((b) => b.kind === 'fact' && re.test(b.text));
  const cited = (b: { citations: { articleId: string }[] }) => [...new Set(b.citations.map((e) => e.articleId))].sort();
  it('every place the line names', () => {
    const won = line(/won the primar/);
    assert.ok(won, JSON.stringify(x.brief.map((b) => b.text)));
    // stated with both states by the two that give both, or with the one all three give
    if (/Montana/.test(won.text)) assert.deepEqual(cited(won), ['a0', 'a1']);
    else assert.deepEqual(cited(won), ['a0', 'a1', 'a2']);
  });
  it('a figure bounded as the line bounds it ("more than $20 million" is not "$20 million")', () => {
    const spent = line(/\$20 million/);
    assert.ok(spent, JSON.stringify(x.brief.map((b) => b.text)));
    if (/more than/.test(spent.text)) assert.deepEqual(cited(spent), ['a2']);
    else assert.deepEqual(cited(spent), ['a0', 'a1']);
  });
});

/**
 * A quotation over several sentences stays whole in the ledger: analyse continues a quote past
 * "X said." into the quoted sentences that follow, and compare reads its words up to the sentence
 * where it ends, so an outlet citing a later sentence of it joins the same statement, and the ledger
 * cites the sentences the words are in. Invented articles.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseArticle } from '../../src/analyse/index.js';
import { crossCheckStory } from '../../src/compare/index.js';
import { bareArticle } from '../helpers.js';

const LEAD = 'Dock workers walked out at the northern port on Tuesday after talks on pay collapsed overnight.';
const LATER = 'If you want a fair contract for your family, you had better join the picket line before Friday';

function ledger(texts: [string, string][]) {
  const articles = texts.map(([t, o], i) => analyseArticle(bareArticle(`a${i}`, t, { outlet: o })));
  const x = crossCheckStory({ storyId: 's', articles, copies: [] });
  const text = new Map(articles.map((a) => [a.article.docId, a.article.text]));
  return { x, text };
}

describe('a quotation running over several sentences', () => {
  const r = ledger([
    [`${LEAD} The union's organiser, Marta Velasquez, struck a defiant tone. "This is a proud night for every one of us," Velasquez said. "It is a long fight from here on. ${LATER}." The port stayed shut.`, 'one.example'],
    [`${LEAD} "${LATER}," union organiser Marta Velasquez told a radio station in the morning.`, 'two.example'],
  ]);
  const hits = r.x.quoteLedger.flatMap((l) => l.statements).filter((s) => s.wordings.some((w) => /picket line/.test(w.text)));

  it('keeps its later sentences: the outlet citing one of them joins the same statement', () => {
    assert.deepEqual(hits.map((s) => s.articles), [['a0', 'a1']]);
  });

  it('cites whole sentences, from the one where the quote starts to the one holding the shared words', () => {
    const ev = hits[0].wordings.flatMap((w) => w.evidence).find((e) => e.articleId === 'a0')!;
    const cited = r.text.get('a0')!.slice(ev.sentence.start, ev.sentence.end);
    assert.match(cited, /^"This is a proud night/);
    assert.match(cited, /picket line before Friday\."$/);
    assert.doesNotMatch(cited, /port stayed shut/);
  });
});

describe('quoted words in the middle of a later sentence', () => {
  it('are not added to the quotation: a title or another quotation, not its continuation', () => {
    const text = `${LEAD} "This is a proud night for every one of us," Marta Velasquez said. She wrote about the strike in "Harbour Nights and Other Stories" last year.`;
    const a = analyseArticle(bareArticle('a0', text, { outlet: 'one.example' }));
    const q = (a.quotes ?? []).find((x) => /proud night/.test(text.slice(x.span.start, x.span.end)));
    assert.ok(q, 'analyse reads the quotation');
    // a span running past the attribution into the next sentence, as analyse gives when a source's marks pair wrongly
    q.span = { start: q.span.start, end: text.indexOf('" last year') };
    const x = crossCheckStory({ storyId: 's', articles: [a], copies: [] });
    const texts = x.quoteLedger.flatMap((l) => l.statements.flatMap((s) => s.wordings.map((w) => w.text))).filter((t) => /proud night/.test(t));
    assert.equal(texts.length, 1);
    assert.doesNotMatch(texts[0], /Harbour/);
  });
});

describe('a quotation whose source mixes curly and straight marks', () => {
  it('pairs a curly opening with a straight closing: the attribution between its sentences is not read as quoted', () => {
    const r = ledger([
      [`${LEAD} “This is a proud night for every one of us," Marta Velasquez said. "${LATER}.” The port stayed shut.`, 'one.example'],
      [`${LEAD} "${LATER}," union organiser Marta Velasquez told a radio station in the morning.`, 'two.example'],
    ]);
    const texts = r.x.quoteLedger.flatMap((l) => l.statements.flatMap((s) => s.wordings.map((w) => w.text))).filter((t) => /proud night/.test(t));
    assert.equal(texts.length, 1);
    assert.doesNotMatch(texts[0], /Velasquez said/);
    assert.match(texts[0], /picket line before Friday$/);
  });
});

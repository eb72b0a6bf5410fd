/**
 * The quote ledger's two joins besides word overlap within one speaker key — a second spelling of a
 * speaker's name, an excerpt of a long quotation — and the brief's guard on them: a quote line made
 * from such a statement names, in every sentence it cites, the speaker it gives. Each case is one
 * shape a wrong join could carry into the brief. Invented articles throughout.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseArticle } from '../../src/analyse/index.js';
import { crossCheckStory } from '../../src/compare/index.js';
import { briefSupport } from '../../scripts/eval-crosscheck.js';
import { bareArticle } from '../helpers.js';

const LEAD = 'Parliament voted on the budget cuts on Monday after a night of protests in the capital.';
const ABYSS = 'The country stands at the edge of the abyss and must act now';

function check(texts: [string, string][]) {
  const articles = texts.map(([t, o], i) => analyseArticle(bareArticle(`a${i}`, t, { outlet: o })));
  const x = crossCheckStory({ storyId: 's', articles, copies: [] });
  const texts2 = new Map(articles.map((a) => [a.article.docId, a.article.text]));
  const quoteLines = x.brief.filter((b) => b.kind === 'quote');
  return { x, quoteLines, support: briefSupport(x, texts2) };
}
const statementWith = (x: ReturnType<typeof check>['x'], words: RegExp) =>
  x.quoteLedger.flatMap((l) => l.statements.map((s) => ({ l, s }))).filter(({ s }) => s.wordings.some((w) => words.test(w.text)));

const FAR = 'Speaking to reporters outside the crowded finance ministry late at night while unions marched past';
const FILLER = 'The strike closed the ferries. Schools shut early. The streets were empty by dusk. The square filled after dark.';
const speakers = (r: ReturnType<typeof check>) => `${r.support.speakersSupported}/${r.support.speakersChecked}`;

describe('a name spelt two ways by two outlets', () => {
  it('named in both: one speaker, and the brief line credits both outlets under one name', () => {
    const r = check([
      [`${LEAD} ${FAR}, Dimitrios Kalamaras warned: "${ABYSS}."`, 'one.example'],
      [`${LEAD} "${ABYSS}," Dimitris Kalamaras told the chamber in Athens.`, 'two.example'],
    ]);
    assert.deepEqual(statementWith(r.x, /abyss/).map(({ s }) => s.articles.length), [2]);
    assert.equal(r.quoteLines.length, 1);
    assert.match(r.quoteLines[0].text, /^Dimitrios Kalamaras was quoted as saying/);
    assert.equal(speakers(r), '1/1');
  });

  it('a quote whose speaker one outlet gives by a pronoun does not join by spelling, and the brief credits no one with it', () => {
    const r = check([
      [`${LEAD} ${FAR}, Dimitrios Kalamaras warned: "${ABYSS}."`, 'one.example'],
      [`${LEAD} Dimitris Kalamaras arrived at the chamber in Athens at noon. ${FILLER} "${ABYSS}," he told the chamber.`, 'two.example'],
    ]);
    const hits = statementWith(r.x, /abyss/);
    // (the pronoun is read as Dimitris Kalamaras: the quote stays under that spelling)
    assert.deepEqual(hits.map(({ l, s }) => `${l.name}: ${s.articles}`), ['Dimitrios Kalamaras: a0', 'Dimitris Kalamaras: a1']);
    assert.equal(r.quoteLines.length, 0);
  });

  it('spellings that differ in the last word: grouped, but no line, whose name one outlet would not write', () => {
    const r = check([
      [`${LEAD} ${FAR}, Dimitrios Kalamaras warned: "${ABYSS}."`, 'one.example'],
      [`${LEAD} "${ABYSS}," Dimitrios Kalamares told the chamber in Athens.`, 'two.example'],
    ]);
    assert.deepEqual(statementWith(r.x, /abyss/).map(({ s }) => s.articles.length), [2]);
    assert.equal(r.quoteLines.length, 0);
  });

  it('two spellings one article names side by side are two people, though quoted in different articles', () => {
    const r = check([
      [`${LEAD} ${FAR}, Andrew Kalamaras warned: "${ABYSS}."`, 'one.example'],
      [`${LEAD} Andrew Kalamaras sat beside his sister. "${ABYSS}," Andrea Kalamaras told the chamber in Athens.`, 'two.example'],
    ]);
    const hits = statementWith(r.x, /abyss/);
    assert.equal(hits.length, 2, hits.map(({ l }) => l.name).join(' | '));
    assert.equal(r.quoteLines.length, 0);
  });
});

const LONG = (attribution: string) =>
  `"You never want to end a drive that way, stuck on the seven-yard line with the season slipping away. It was actually zone coverage and he made a clever play by dropping off the receiver. They studied the tape all week and it showed in every snap. Our linemen were tired, our legs were gone, and the crowd was louder than anything I remember," ${attribution}.`;
const GAME = 'The Hawks lost 21-7 to the Rams on Sunday in front of a sellout crowd.';
const EXCERPT = 'It was actually zone coverage, and he made a clever play by dropping off of the receiver';

describe('one sentence of a long quotation cited by another outlet', () => {
  it('named where each outlet quotes it: one statement, and the line shows the sentence the excerpt cites', () => {
    const r = check([
      [`${GAME} Marta Quill was blunt after the game. ${LONG('Quill said')}`, 'one.example'],
      [`${GAME} "${EXCERPT}," Marta Quill told reporters in the tunnel afterwards.`, 'two.example'],
    ]);
    assert.deepEqual(statementWith(r.x, /clever play/).map(({ s }) => s.articles.length), [2]);
    assert.equal(r.quoteLines.length, 1);
    assert.match(r.quoteLines[0].text, /^Marta Quill was quoted as saying .*“It was actually zone coverage and he made a clever play by dropping off the receiver\.”/);
    assert.doesNotMatch(r.quoteLines[0].text, /You never want/);
    assert.equal(speakers(r), '1/1');
  });

  it('an excerpt one outlet attributes by a pronoun far from the name: grouped, but no brief line', () => {
    const r = check([
      [`${GAME} Marta Quill was blunt after the game. ${LONG('Quill said')}`, 'one.example'],
      [`${GAME} Marta Quill walked off without shaking hands. ${FILLER} "${EXCERPT}," she told reporters in the tunnel afterwards.`, 'two.example'],
    ]);
    const hits = statementWith(r.x, /clever play/);
    assert.deepEqual(hits.map(({ s }) => s.articles.length), [2], hits.map(({ l, s }) => `${l.name}: ${s.articles}`).join(" | "));
    assert.equal(r.quoteLines.length, 0, r.quoteLines.map((b) => b.text).join(' | '));
  });

  it('a long quotation whose speaker only a description names: no brief line', () => {
    const r = check([
      [`${GAME} The coach was blunt after the game. ${LONG('the coach said')}`, 'one.example'],
      [`${GAME} "${EXCERPT}," Marta Quill told reporters in the tunnel afterwards.`, 'two.example'],
    ]);
    assert.equal(r.quoteLines.filter((b) => /Quill/.test(b.text)).length, 0);
    assert.equal(r.support.speakersSupported, r.support.speakersChecked);
  });
});

describe('a quote with no speaker that shares a statement\'s words', () => {
  // (compare-70 grouped these and kept the line out of the brief; compare-71 reads the claims: opposite,
  // and the speakers are "those who said", so the quote stays apart, quote-claims.test.ts)
  it('is not grouped when it claims the opposite, and gives no brief line crediting the other outlet\'s speaker', () => {
    const r = check([
      [`${LEAD} Marta Quill, who heads the growers' union, said that the fuel levy does more to hurt rural families than help them.`, 'one.example'],
      [`${LEAD} Support for the cuts was strongest among those who said the fuel levy helps rural families.`, 'two.example'],
    ]);
    assert.deepEqual(statementWith(r.x, /fuel levy/).map(({ l, s }) => `${l.name}: ${s.articles.length}`), ['Marta Quill: 1', 'Unattributed: 1']);
    assert.equal(r.quoteLines.length, 0, r.quoteLines.map((b) => b.text).join(' | '));
  });
});

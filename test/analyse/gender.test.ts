import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleGenders, genderEvidence, genderOfPerson, nameKey } from '../../src/analyse/gender.js';
import { findQuotes } from '../../src/analyse/quotes.js';
import { splitSentences, tokenize } from '../../src/analyse/tokenize.js';

/** Person mentions of `names` in `text`, as the quote finder gives them. */
function persons(text: string, names: string[]) {
  const out: { span: { start: number; end: number }; key: string }[] = [];
  for (const n of names) for (const m of text.matchAll(new RegExp(n, 'g'))) out.push({ span: { start: m.index, end: m.index + n.length }, key: nameKey(n)! });
  return out.sort((a, b) => a.span.start - b.span.start);
}

test('gender comes from the text, not from the first name', () => {
  // A first name that a list would call male, used by the text for a woman.
  const text = 'Jordan Avery, a spokeswoman for the agency, declined to comment. Later Avery said the report was wrong.';
  const g = genderEvidence(tokenize(text), persons(text, ['Jordan Avery', 'Avery']));
  assert.equal(g.get('Avery'), 'f');
});

test('honorifics outweigh a stray pronoun', () => {
  const text = 'Mr. Okafor met reporters. Okafor said her plan would fail.';
  const g = genderEvidence(tokenize(text), persons(text, ['Okafor']));
  assert.equal(g.get('Okafor'), 'm');
});

test('a pronoun near two different people votes for nobody', () => {
  const text = 'Lin met Novak on Monday and she left early.';
  const g = genderEvidence(tokenize(text), persons(text, ['Lin', 'Novak']));
  assert.equal(g.size, 0);
});

test('pronouns after an unambiguous mention give the gender', () => {
  const text = 'Senator Quill arrived late. Quill said he would vote no, and his staff agreed.';
  const g = genderEvidence(tokenize(text), persons(text, ['Quill']));
  assert.equal(g.get('Quill'), 'm');
});

test('a word that is a property of every object ("constructor", "toString") is neither an honorific nor a pronoun', () => {
  const text = 'The constructor Dana Ivers and toString Lee Park met. Ivers said constructor work was slow.';
  const g = genderEvidence(tokenize(text), persons(text, ['Dana Ivers', 'Lee Park', 'Ivers']));
  assert.equal(g.size, 0);
});

test('a surname two people of the article share genders neither of them by the surname alone (articleGenders)', () => {
  const text = 'Mr. John Roe opened the plant. His daughter Kate Roe runs it. Roe said she would hire more.';
  const people = persons(text, ['John Roe', 'Kate Roe']).map((p) => ({ span: p.span, name: text.slice(p.span.start, p.span.end), person: text.slice(p.span.start, p.span.end) }));
  // genderEvidence alone reads the honorific as Roe's: a man
  assert.equal(genderEvidence(tokenize(text), persons(text, ['John Roe', 'Kate Roe'])).get('Roe'), 'm');
  const g = articleGenders(tokenize(text), people);
  assert.equal(g.has('Roe'), false);
  // each of them keeps what the text says of that person by name
  assert.equal(genderOfPerson(g, 'John Roe'), 'm');
  assert.equal(genderOfPerson(g, 'Kate Roe'), 'f');
  // one person of that name keeps the text's gender
  const one = people.filter((p) => p.name === 'John Roe');
  assert.equal(articleGenders(tokenize(text), one).get('Roe'), 'm');
});

test('a pronoun speaker may be a person whose surname another person shares (quotes/pronouns.ts)', () => {
  const text = 'Mr. John Roe opened the plant on Monday. His daughter Kate Roe runs it now. “We will hire 200 people,” she said.';
  const sentences = splitSentences(text);
  const entities = ['John Roe', 'Kate Roe'].flatMap((n) =>
    [...text.matchAll(new RegExp(n, 'g'))].map((m) => ({ span: { start: m.index, end: m.index + n.length }, type: 'PER' as const, text: n, entity: `PER:${n.toLowerCase().replace(' ', '_')}` })),
  );
  const q = findQuotes(text, sentences, entities, { model: false }).find((k) => text.slice(k.span.start, k.span.end).includes('hire 200'));
  assert.ok(q);
  // without the guard the honorific makes every Roe a man and "she" finds nobody
  assert.equal(q.speakerName, 'Kate Roe');
});

test('an honorific the recogniser took into the mention ("Ms Tamsin Oduya" read as one name) genders the person', () => {
  const text = 'The analyst spoke first. Later Ms Oduya said the fix was temporary.';
  const g = genderEvidence(tokenize(text), persons(text, ['Ms Oduya']));
  assert.equal(g.get('Oduya'), 'f');
});

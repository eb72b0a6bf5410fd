import assert from 'node:assert/strict';
import { test } from 'node:test';
import { genderEvidence, nameKey } from '../../src/analyse/gender.js';
import { tokenize } from '../../src/analyse/tokenize.js';

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

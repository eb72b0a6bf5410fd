import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addressStart, initialsStart, isStreetType, routeEnd, streetWordAt } from '../../src/analyse/entities/name-forms.js';
import { recogniseEntities } from '../../src/analyse/entities/index.js';
import { splitSentences, tokenize } from '../../src/analyse/tokenize.js';

/** The tokens of `text` and the token range of `mention` in it (the first occurrence). */
function at(text: string, mention: string) {
  const toks = tokenize(text);
  const start = text.indexOf(mention);
  const i = toks.findIndex((t) => t.start === start);
  const j = toks.findIndex((t) => t.end === start + mention.length) + 1;
  assert.ok(i >= 0 && j > i, `${mention} in ${text}`);
  return { toks, i, j };
}
const untagged = () => true;
const nameFrom = (text: string, toks: { start: number; end: number }[], k: number, j: number) => text.slice(toks[k].start, toks[j - 1].end);

test('street-type words come from the USPS suffix list, capitalised, abbreviations with or without their period', () => {
  for (const w of ['Street', 'St.', 'Ave', 'Avenue', 'Blvd', 'Route', 'Terrace']) assert.ok(isStreetType(w), w);
  // lower case is a common noun; a word that also ends organisations' names is left to the tagger
  for (const w of ['street', 'Court', 'Union', 'Ct', 'Smith']) assert.ok(!isStreetType(w), w);
});

test('an ordinal before a street word is the street\'s name: the address starts at its digits', () => {
  const text = 'She was struck on 43rd Street near 12th Ave. late on Friday.';
  for (const [mention, street] of [
    ['Street', '43rd Street'],
    ['Ave', '12th Ave'],
  ]) {
    const { toks, i, j } = at(text, mention);
    const k = addressStart(toks, i, j, untagged);
    assert.notEqual(k, null, mention);
    assert.equal(nameFrom(text, toks, k!, j), street);
  }
  // the ordinal's digits must be tagged nothing else (or be in the mention)
  const { toks, i, j } = at(text, 'Street');
  assert.equal(addressStart(toks, i, j, (k) => k >= i), null);
});

test('a house number needs a street name before the street word, and a year is no house number', () => {
  const text = 'The flat at 18 Larchmont Terrace was searched.';
  const { toks, i, j } = at(text, 'Larchmont Terrace');
  assert.equal(nameFrom(text, toks, addressStart(toks, i, j, untagged)!, j), 'Larchmont Terrace');
  const bare = at('The flat at 18 Terrace was searched.', 'Terrace');
  assert.equal(addressStart(bare.toks, bare.i, bare.j, untagged), null);
  const year = at('A 1987 Westgate Avenue ruling stood.', 'Westgate Avenue');
  assert.equal(addressStart(year.toks, year.i, year.j, untagged), null);
  // a street word with no number before the name is no address form: left to the tagger
  const plain = at('Crowds filled Westgate Avenue on Sunday.', 'Westgate Avenue');
  assert.equal(addressStart(plain.toks, plain.i, plain.j, untagged), null);
});

test('a road numbered after its street word ("Route 17") runs past its number', () => {
  const text = 'He was stopped on state Route 17 near the bridge.';
  const { toks, i, j } = at(text, 'Route');
  assert.equal(addressStart(toks, i, j, untagged), i);
  const end = routeEnd(toks, streetWordAt(toks, i, j), j, untagged);
  assert.equal(nameFrom(text, toks, i, end!), 'Route 17');
  // the number tagged with it
  const whole = at(text, 'Route 17');
  assert.equal(routeEnd(whole.toks, streetWordAt(whole.toks, whole.i, whole.j), whole.j, () => false), whole.j);
});

test('words running text writes in lower case, read into a name before its initials, are a post', () => {
  const ordinary = (w: string) => ['general', 'manager', 'coach'].includes(w.toLowerCase());
  const text = 'Club General Manager T.K. Osei said so.';
  const { toks, i, j } = at(text, 'General Manager T.K. Osei');
  assert.equal(nameFrom(text, toks, initialsStart(toks, i, j, ordinary), j), 'T.K. Osei');
  // a given name before the initials stays; without initials the name is left as the tagger read it
  const given = at('Then Marta J. Osei said so.', 'Marta J. Osei');
  assert.equal(initialsStart(given.toks, given.i, given.j, ordinary), given.i);
  const none = at('Then Coach Osei Mensah said so.', 'Coach Osei Mensah');
  assert.equal(initialsStart(none.toks, none.i, none.j, ordinary), none.i);
  // initials alone, no surname after them: nothing to start
  const alone = at('Then Coach T.K. said so.', 'Coach T.K.');
  assert.equal(initialsStart(alone.toks, alone.i, alone.j, ordinary), alone.i);
});

test('recognised addresses are places whatever the model tagged, spans inside the text', () => {
  const text = 'The car struck her on 43rd Street near 12th Ave. and fled along state Route 17, police said.';
  const ms = recogniseEntities(text, splitSentences(text));
  for (const m of ms) assert.equal(text.slice(m.span.start, m.span.end), m.text);
  // whatever the model made of the street words, none of them is a person or an organisation
  for (const m of ms) if (isStreetType(m.text.split(/\s+/).pop() ?? '')) assert.equal(m.type, 'LOC', m.text);
});

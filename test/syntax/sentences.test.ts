/**
 * The shipped parser on real news sentences (seeds and PolNeAR), run through the project's own
 * sentence splitter and tokenizer, and the helpers later stages use.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { argumentsOf, childrenOf, clauseOf, phraseHead, quantifiedNoun, timePredicate } from '../../src/analyse/syntax/helpers.js';
import { parseSentences } from '../../src/analyse/syntax/index.js';
import { splitSentences } from '../../src/analyse/tokenize.js';
import type { SyntaxToken } from '../../src/model/types.js';
import { seedText } from '../helpers.js';
import { readFileSync, readdirSync } from 'node:fs';

const POLNEAR = new URL('../../../shared/data/attribution/polnear/train/text/', import.meta.url);

/** The sentence of a real text that contains `needle`, parsed. */
function parsed(text: string, needle: string): { tokens: SyntaxToken[]; at: (word: string, nth?: number) => number } {
  const sentence = splitSentences(text).find((s) => text.slice(s.start, s.end).includes(needle));
  assert.ok(sentence, `sentence with "${needle}"`);
  const { tokens } = parseSentences(text, [sentence]);
  const at = (word: string, nth = 0) => {
    const hits = tokens.map((t, i) => (t.text === word ? i : -1)).filter((i) => i >= 0);
    assert.ok(hits.length > nth, `token "${word}"`);
    return hits[nth];
  };
  return { tokens, at };
}

function polnear(needle: string): string {
  for (const f of readdirSync(POLNEAR).sort()) {
    const text = readFileSync(new URL(f, POLNEAR), 'utf8');
    if (text.includes(needle)) return text;
  }
  assert.fail(`PolNeAR text with "${needle}"`);
}

const names = (tokens: SyntaxToken[], ids: number[]) => ids.map((i) => tokens[i].text).sort();

describe('parser on real news sentences', () => {
  it('seed: "After over seven-hour-long talks, Putin and Xi signed a joint statement …"', () => {
    const { tokens, at } = parsed(seedText('003'), 'Putin and Xi signed a joint statement');
    const signed = at('signed');
    const args = argumentsOf(tokens, signed);
    assert.deepEqual(names(tokens, args.subjects), ['Putin', 'Xi']);
    assert.ok(args.objects.includes(at('statement')), 'statement is the object of signed');
    assert.equal(tokens[at('Putin')].deprel, 'nsubj');
    assert.equal(tokens[at('Xi')].deprel, 'conj');
    // the duration stays inside the "talks" phrase, and the phrase modifies "signed"
    assert.equal(tokens[at('seven-hour-long')].head, at('talks'));
    assert.equal(tokens[at('talks')].head, signed);
    assert.equal(phraseHead(tokens, { start: tokens[at('joint')].start - 2, end: tokens[at('statement')].end }), at('statement'));
  });

  it('PolNeAR: "In May, Xi and Putin signed a treaty designed to …"', () => {
    const { tokens, at } = parsed(polnear('Xi and Putin signed a treaty'), 'Xi and Putin signed a treaty');
    const args = argumentsOf(tokens, at('signed'));
    assert.deepEqual(names(tokens, args.subjects), ['Putin', 'Xi']);
    assert.deepEqual(names(tokens, args.objects), ['treaty']);
    assert.ok(args.obliques.some((o) => tokens[o.token].text === 'May' && o.marker === 'in'));
  });

  it('PolNeAR: a controlled clause shares its subjects ("Ryan and Trump agreed to meet again …")', () => {
    const { tokens, at } = parsed(polnear('Ryan and Trump agreed to meet again'), 'Ryan and Trump agreed to meet again');
    assert.deepEqual(names(tokens, argumentsOf(tokens, at('agreed')).subjects), ['Ryan', 'Trump']);
    assert.deepEqual(names(tokens, argumentsOf(tokens, at('meet')).subjects), ['Ryan', 'Trump']);
  });

  it('PolNeAR: each time expression modifies its own predicate', () => {
    const text = polnear('said on Friday he met presidential candidate Donald Trump earlier this week');
    const { tokens, at } = parsed(text, 'said on Friday he met presidential candidate');
    const span = (w: string) => ({ start: tokens[at(w)].start, end: tokens[at(w)].end });
    assert.equal(timePredicate(tokens, span('Friday')), at('said'));
    assert.equal(timePredicate(tokens, { start: tokens[at('earlier')].start, end: tokens[at('week')].end }), at('met'));
    assert.equal(clauseOf(tokens, at('Trump')).predicate, at('met'));
  });

  it('issue example: the weekday attaches to "released", not to "told"', () => {
    const text = 'Schiff told The Washington Post after the summary was released Sunday that the letter raised more questions than it answered.';
    const { tokens, at } = parsed(text, 'Schiff told');
    assert.equal(timePredicate(tokens, { start: tokens[at('Sunday')].start, end: tokens[at('Sunday')].end }), at('released'));
    assert.deepEqual(names(tokens, argumentsOf(tokens, at('told')).subjects), ['Schiff']);
  });

  it('PolNeAR numbers: the noun a number quantifies', () => {
    const a = parsed(polnear('plan to deport 11 million people from the country'), 'plan to deport 11 million people');
    assert.equal(quantifiedNoun(a.tokens, a.at('11')), a.at('people'));
    const b = parsed(polnear('given that four of the justices were'), 'four of the justices');
    assert.equal(quantifiedNoun(b.tokens, b.at('four')), b.at('justices'));
    const c = parsed(polnear('Captain Khan, killed 12 years ago'), 'killed 12 years ago');
    assert.equal(quantifiedNoun(c.tokens, c.at('12')), c.at('years'));
  });

  it('every token of an article gets a part of speech, a lemma and one head in its own sentence', () => {
    const text = seedText('001');
    const { tokens, messages } = parseSentences(text, splitSentences(text));
    assert.deepEqual(messages, []);
    const kids = childrenOf(tokens);
    const roots = new Map<number, number>();
    tokens.forEach((t, i) => {
      assert.equal(text.slice(t.start, t.end), t.text);
      assert.ok(t.upos && t.lemma && t.deprel);
      if (t.head < 0) roots.set(t.sentence, (roots.get(t.sentence) ?? 0) + 1);
      else assert.equal(tokens[t.head].sentence, t.sentence, `head of ${i} in its sentence`);
    });
    for (const n of roots.values()) assert.equal(n, 1, 'one root per sentence');
    assert.equal(kids.flat().length + roots.size, tokens.length);
    // each token's children in text order, as a push per child would list them
    tokens.forEach((_, h) => assert.deepEqual([...kids[h]], tokens.flatMap((t, i) => (t.head === h ? [i] : []))));
    // the lists are read only: a leaf's is shared and frozen
    const leaf = kids.findIndex((k) => k.length === 0);
    assert.throws(() => kids[leaf].push(0));
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nounNamesAct, oneActInOtherWords } from '../../src/compare/act-classes.js';
import { oneAct } from '../../src/compare/support.js';
import { key } from '../../src/text/normalise.js';
import { firstSentenceClaims, publishedAt } from './story.js';

// Invented wording throughout; the pairs are read from data/lexicons/act-paraphrases.tsv (WordNet).
const PUBLISHED = publishedAt('2019-03-14T09:00:00Z');
const meet = (a: string, b: string) => firstSentenceClaims(a, PUBLISHED).some((x) => firstSentenceClaims(b, PUBLISHED).some((y) => oneAct(x, y)));

describe('one act in other words (WordNet hypernyms and later senses)', () => {
  it('a kind of an act tells that act, in either order; a later sense of a verb is that verb', () => {
    assert.ok(oneActInOtherWords('sprain', 'hurt'));
    assert.ok(oneActInOtherWords('injure', 'sprain'));
    assert.ok(oneActInOtherWords('arrest', 'apprehend'));
  });
  it('two kinds of one act, a cause and its effect, and light verbs are not one act', () => {
    assert.ok(!oneActInOtherWords('sprain', 'shoot'));
    assert.ok(!oneActInOtherWords('kill', 'die'));
    assert.ok(!oneActInOtherWords('sprain', 'turn'));
    assert.ok(!oneActInOtherWords('make', 'build'));
  });
});

describe('a noun that names an act (WordNet derivation of its usual sense)', () => {
  it('the noun of the act, a kind of it, or a verb of its class', () => {
    assert.ok(nounNamesAct(key('gunshots'), 'shoot'));
    assert.ok(nounNamesAct(key('death'), 'die'));
    assert.ok(nounNamesAct(key('injuries'), 'hurt'));
  });
  it('a person or a thing named after a verb names no act; another act is not named', () => {
    assert.ok(!nounNamesAct(key('loafer'), 'loaf'));
    assert.ok(!nounNamesAct(key('death'), 'kill'));
    assert.ok(!nounNamesAct(key('gunshots'), 'sprain'));
  });
});

describe('two claims state one act told in other words', () => {
  it('"sprained her knee" / "hurt her knee"; "recovering from gunshots to the neck" / "was shot in the neck"', () => {
    assert.ok(meet('The Kelso goalkeeper sprained her left knee in training.', 'The Kelso goalkeeper hurt her left knee in training.'));
    assert.ok(meet('Ann Roe is recovering from gunshots to the neck.', 'Ann Roe was shot in the neck.'));
  });
  it('two kinds of one act stay two: "sprained her knee" / "was shot in the knee"', () => {
    assert.ok(!meet('The Kelso goalkeeper sprained her left knee in training.', 'The Kelso goalkeeper was shot in the left knee.'));
  });
});

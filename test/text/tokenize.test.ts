import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitSentences } from '../../src/analyse/tokenize.js';
import { tokenize, words } from '../../src/text/tokenize.js';

const sentences = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('keeps a quoted question or exclamation with the attribution after it (PolNeAR sentences)', () => {
    assert.deepEqual(sentences('“I read about it, and I paid off her mortgage – big deal, right?” Trump said. He left.'), [
      '“I read about it, and I paid off her mortgage – big deal, right?” Trump said.',
      'He left.',
    ]);
    assert.deepEqual(sentences('“Sometimes us ex-diplomats need our fix!” Clinton said to People. The post went viral.'), [
      '“Sometimes us ex-diplomats need our fix!” Clinton said to People.',
      'The post went viral.',
    ]);
  });

  it('still ends a sentence after a question when no attribution follows', () => {
    assert.deepEqual(sentences('“Really?” The crowd laughed.'), ['“Really?”', 'The crowd laughed.']);
    assert.deepEqual(sentences('Is it over? Clinton said no.'), ['Is it over?', 'Clinton said no.']);
  });

  it('does not end sentences at abbreviations and initials', () => {
    assert.deepEqual(sentences('Gen. Mattis met J. Smith in Washington. They talked.'), ['Gen. Mattis met J. Smith in Washington.', 'They talked.']);
  });

  it('reads a.m./p.m. before a capital as the end of a sentence only before a sentence starter (ECB+ style "3 p. m.")', () => {
    assert.deepEqual(sentences('The fire started at 3 p. m. Friday near the mill. It burned until 5 a.m. Saturday.'), [
      'The fire started at 3 p. m. Friday near the mill.',
      'It burned until 5 a.m. Saturday.',
    ]);
    assert.deepEqual(sentences('He arrived at 4 p.m. The police came later.'), ['He arrived at 4 p.m.', 'The police came later.']);
  });
});

describe('tokenize', () => {
  const texts = (text: string) => tokenize(text).map((t) => t.text);
  it('keeps the period of an initial before a capitalised word, as UD EWT and CoNLL-2003 write it', () => {
    assert.deepEqual(texts('John F. Kennedy and J. R. R. Tolkien'), ['John', 'F.', 'Kennedy', 'and', 'J.', 'R.', 'R.', 'Tolkien']);
    assert.deepEqual(texts('the U. S. Navy'), ['the', 'U.', 'S.', 'Navy']);
    assert.deepEqual(texts('the U. K. government'), ['the', 'U.', 'K.', 'government']);
  });
  it('leaves a capital letter at the end of a word or before a lower-case word alone', () => {
    assert.deepEqual(texts('Plan B. then FBI. Then'), ['Plan', 'B', '.', 'then', 'FBI', '.', 'Then']);
  });
});

/**
 * The token rule as a regular expression, as tokenize was first written: the scanner must cut every
 * text exactly as it does (the models were trained on its tokens).
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec'];
const TOKEN_RULE = new RegExp(
  String.raw`(?:[A-Za-z]\.){2,}(?![A-Za-z])|(?<![\p{L}\p{N}])\p{Lu}\.(?=\s+\p{Lu})|(?<=(?<![\p{L}\p{N}])\p{Lu}\.\s+)\p{Lu}\.(?![\p{L}\p{N}])|(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Cmdr|Adm|St|Jr|Sr|Inc|Corp|Ltd|Co|No|Vol|vs|etc|${MONTHS.join('|')}|Mt|Ft|Rev|Hon|Pres|Gen)\.(?=\s)|\d+(?:[.,:]\d+)*|[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*(?=['’][sS]\b)|['’][sS]\b|[\p{L}\p{M}\p{N}]+(?:[-'’.][\p{L}\p{M}\p{N}]+)*|\S`,
  'gu',
);

function byRule(text: string, from = 0, to = text.length): { start: number; end: number; text: string }[] {
  const slice = text.slice(from, to);
  const out: { start: number; end: number; text: string }[] = [];
  TOKEN_RULE.lastIndex = 0;
  for (let m = TOKEN_RULE.exec(slice); m; m = TOKEN_RULE.exec(slice)) out.push({ start: from + m.index, end: from + m.index + m[0].length, text: m[0] });
  return out;
}

/** A seeded linear congruential generator: rand(n) is in [0, n). */
function seeded(seed: number): (n: number) => number {
  return (n) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
}

/** 1 to `max` pieces of the alphabet. */
function randomText(rand: (n: number) => number, alphabet: string[], max: number): string {
  let t = '';
  const len = 1 + rand(max);
  for (let i = 0; i < len; i++) t += alphabet[rand(alphabet.length)];
  return t;
}

describe('tokenize against the token rule', () => {
  it('cuts abbreviations, initials, numbers and possessives', () => {
    const cut = (t: string) => tokenize(t).map((x) => x.text);
    assert.deepEqual(cut('The U.S. Army met Mr. Roe and J. D. Doe at 3:30.'), ['The', 'U.S.', 'Army', 'met', 'Mr.', 'Roe', 'and', 'J.', 'D.', 'Doe', 'at', '3:30', '.']);
    assert.deepEqual(cut("Lee's rock'n'roll’s 1,000.5 7.5% the U. K. deal"), ['Lee', "'s", "rock'n'roll", '’s', '1,000.5', '7.5', '%', 'the', 'U.', 'K.', 'deal']);
    assert.deepEqual(cut('e.g. Jan. 5, U.S.A Franco-German 123abc'), ['e.g.', 'Jan.', '5', ',', 'U.S.A', 'Franco-German', '123', 'abc']);
  });

  it('cuts every text as the token rule does (random text over the characters the rule tells apart)', () => {
    const alphabet = [...'aAsSzZ0 9.,:-\'’_ \t\n\u00a0JDMrUK'].concat(['é', 'É', 'ß', '\u0301', '٣', '𝐀', '𝐚', '\ud800', '\udc00', '“', '”', 'Mr', 'Jan', 'Sept', 'Gen', "'s", '’S', '. ', 'U.S.']);
    const rand = seeded(12345);
    for (let k = 0; k < 10000; k++) {
      const t = randomText(rand, alphabet, 24);
      assert.deepEqual(tokenize(t), byRule(t), JSON.stringify(t));
      const from = rand(t.length);
      const to = from + rand(t.length - from + 1);
      assert.deepEqual(tokenize(t, from, to), byRule(t, from, to), JSON.stringify([t, from, to]));
    }
  });
});

/** What `words` documents: runs of letters, marks and digits joined by an inner hyphen, apostrophe or period. */
const WORD_RULE = /[\p{L}\p{M}\p{N}]+(?:[-'’.][\p{L}\p{M}\p{N}]+)*/gu;

describe('words against the word rule', () => {
  it('keeps letters outside the Basic Multilingual Plane whole', () => {
    assert.deepEqual(words('a𝐀b 𠀀𠀁 x'), [
      { word: 'a𝐀b', start: 0 },
      { word: '𠀀𠀁', start: 5 },
      { word: 'x', start: 10 },
    ]);
  });

  it('cuts every text as the word rule does (random text, lone surrogates included)', () => {
    const alphabet = [...'aZ09 .,-\'’_\t'].concat(['é', '\u0301', '٣', '𝐀', '𠀀', '\ud835', '\udc00', '“', 'U.S.']);
    const rand = seeded(777);
    for (let k = 0; k < 10000; k++) {
      const t = randomText(rand, alphabet, 20);
      const expected = [...t.matchAll(WORD_RULE)].map((m) => ({ word: m[0], start: m.index }));
      assert.deepEqual(words(t), expected, JSON.stringify(t));
    }
  });
});

/** Bad input gets a tree for every sentence, never an exception, in time linear in its length. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertLinear } from '../util/cpu-bound.js';
import { MAX_WORDS, parseSentences } from '../../src/analyse/syntax/index.js';
import { splitSentences } from '../../src/analyse/tokenize.js';
import type { SyntaxToken } from '../../src/model/types.js';

function checkTrees(text: string, tokens: SyntaxToken[]) {
  const roots = new Map<number, number>();
  tokens.forEach((t, i) => {
    assert.equal(text.slice(t.start, t.end), t.text);
    assert.ok(t.head >= -1 && t.head < tokens.length && t.head !== i, `head of token ${i}`);
    if (t.head < 0) roots.set(t.sentence, (roots.get(t.sentence) ?? 0) + 1);
    // no cycles: following heads reaches a root
    let x = i;
    for (let steps = 0; x >= 0; steps++, x = tokens[x].head) assert.ok(steps <= tokens.length, `cycle at ${i}`);
  });
  return roots;
}

const whole = (text: string) => [{ start: 0, end: text.length }];

describe('syntax on bad input', () => {
  it('a 2,000-word "sentence" is parsed in pieces, with a message, in CPU time linear in its length', () => {
    const words = Array.from({ length: 2000 }, (_, i) => ['the', 'report', 'said', 'that', 'officials', 'met', 'on', 'Monday', 'and', 'agreed'][i % 10]);
    const text = words.join(' ');
    const { tokens, messages } = parseSentences(text, whole(text));
    assert.equal(tokens.length, 2000);
    assert.equal(messages.length, 1);
    assert.match(messages[0].message, new RegExp(`pieces of ${MAX_WORDS}`));
    assert.deepEqual(messages[0].span, { start: 0, end: text.length }, 'the message names its sentence');
    const roots = checkTrees(text, tokens);
    assert.equal(roots.get(0), Math.ceil(2000 / MAX_WORDS), 'one root per piece');
    // linear: four times the text takes far less than sixteen times the CPU time
    const copies = (n: number) => Array.from({ length: n }, () => text).join(' ');
    assertLinear(copies, (t) => parseSentences(t, whole(t)), { n: 2, what: 'parsing a run-on sentence' });
  });

  it('only punctuation, emoji, non-Latin script, an all-caps headline: one tree per sentence', () => {
    const cases = [
      '!!! ... ??? --- ;;; ,,, ...',
      '🔥🔥🔥 😂 👍🏽 🇺🇦',
      'Путин и Си подписали совместное заявление.',
      '习近平与普京签署联合声明',
      'PUTIN AND XI SIGN JOINT STATEMENT AFTER MARATHON TALKS IN MOSCOW',
      '\u0000\u200b\ufeff odd controls',
    ];
    for (const text of cases) {
      const sentences = splitSentences(text);
      const { tokens } = parseSentences(text, sentences);
      assert.ok(tokens.length > 0, text);
      const roots = checkTrees(text, tokens);
      for (let s = 0; s < sentences.length; s++) if (tokens.some((t) => t.sentence === s)) assert.equal(roots.get(s), 1, `${text}: one root`);
    }
  });

  it('an all-caps headline still finds its verb', () => {
    const text = 'PUTIN AND XI SIGN JOINT STATEMENT AFTER MARATHON TALKS IN MOSCOW';
    const { tokens } = parseSentences(text, whole(text));
    const sign = tokens.findIndex((t) => t.text === 'SIGN');
    assert.equal(tokens[sign].upos, 'VERB');
    assert.equal(tokens[sign].head, -1, 'the verb is the root');
    assert.equal(tokens[tokens.findIndex((t) => t.text === 'PUTIN')].head, sign);
  });

  it('empty text and empty sentences give no tokens', () => {
    assert.deepEqual(parseSentences('', []).tokens, []);
    assert.deepEqual(parseSentences('   ', whole('   ')).tokens, []);
  });
});

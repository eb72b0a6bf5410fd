import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { notFact } from '../../src/compare/dated-acts.js';
import { kidsOf } from '../../src/compare/syntax.js';
import { parseText } from '../helpers.js';

/** Whether notFact reads the verb written `verb` in the sentence as no fact (yet). */
const hedged = (text: string, verb: string) => {
  const tokens = parseText(text);
  return notFact(tokens, kidsOf(tokens), tokens.findIndex((t) => t.text === verb));
};

describe("'d is would before a bare verb, had before a participle", () => {
  it('reads would as no fact', () => {
    assert.equal(hedged("I'd go there on Monday, he said.", 'go'), true);
    assert.equal(hedged("She'd have signed it on Friday.", 'signed'), true);
  });
  it('reads had as a fact', () => {
    assert.equal(hedged("He'd left on Monday.", 'left'), false);
    assert.equal(hedged("She'd been arrested on Friday.", 'arrested'), false);
  });
});

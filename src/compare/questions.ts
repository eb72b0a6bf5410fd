/**
 * Questions: a sentence that asks ("Is there too much big money in politics?", "Will the court hear the case?")
 * asserts nothing (a question is a request for information, not a statement: Searle 1969, speech acts; Quirk et
 * al. 1985, §11.3-11.5, interrogatives), so it is no support for a statement that shares its words ("Roe decried the
 * influence of big money in politics"). Two outlets asking one question is a question both ask, left as it is.
 *
 * Read from the surface, not the parse: an English interrogative opens with an operator (an auxiliary or modal
 * put before the subject) or a wh-word, and ends with a question mark (Quirk §11.4-11.5); an opening quotation mark
 * and a linking conjunction ("Or was he ...") may come first. A statement that reports a question ('She asked: "Why
 * now?"') opens with its subject, and one that quotes it ('"Why now?" she asked') ends with the verb of saying: both
 * are statements. A question mark with no such opening (a character the extraction could not read, "agreed to
 * lend?") is no question.
 */
import type { Sent } from './prepare.js';

/** Operators and wh-words that open an English interrogative (a closed class of the grammar, Quirk §11.4-11.5). */
const OPENS_A_QUESTION =
  /^[\s"“‘'(]*(?:(?:and|but|or|so)\s+)?(?:is|are|am|was|were|do|does|did|can|could|will|would|shall|should|may|might|must|has|have|had|isn't|aren't|wasn't|weren't|don't|doesn't|didn't|can't|couldn't|won't|wouldn't|shouldn't|hasn't|haven't|hadn't|who|whom|whose|what|which|why|how|where|when)\b/i;
/** The sentence ends with a question mark, closing quotation marks and brackets aside. */
const ENDS_A_QUESTION = /\?[\s"”’')]*$/;

const ASKS = new WeakMap<Sent, boolean>();

/** The sentence is a question: it opens with an operator or a wh-word and ends with a question mark. */
export function asks(s: Sent): boolean {
  let out = ASKS.get(s);
  if (out === undefined) {
    // (the end first: most sentences end with a full stop; each test reads a few characters, not the sentence)
    const { start, end } = s.span;
    const text = s.art.text;
    ASKS.set(s, (out = ENDS_A_QUESTION.test(text.slice(Math.max(start, end - 8), end)) && OPENS_A_QUESTION.test(text.slice(start, Math.min(end, start + 40)))));
  }
  return out;
}

/** One of the two sentences asks and the other states: no support of one by the other. */
export function askedNotTold(a: Sent, b: Sent): boolean {
  return asks(a) !== asks(b);
}

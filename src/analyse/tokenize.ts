/** The tokenizer and sentence splitter now live in the text toolkit (src/text/tokenize.ts); kept for existing imports. */
export { splitSentences, tokenAt, tokenize } from '../text/tokenize.js';

/**
 * Raw text for the word clusters, as sentences of UD-tokenised words. Sources by the shape of the
 * path: a folder of .txt articles (PolNeAR texts), a CoNLL-2003 file (a token per line; only the
 * words are read, never the tags), a JSON Lines file of articles (the `title` and `text` fields).
 * Training only: the run-time model carries the clusters, not the text.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences, tokenize } from '../tokenize.js';
import { udTokens } from './subtokens.js';

function textSentences(text: string, out: string[][]): void {
  for (const s of splitSentences(text)) out.push(udTokens(tokenize(text, s.start, s.end)).map((t) => t.form));
}

function conllWords(text: string, out: string[][]): void {
  let sent: string[] = [];
  for (const line of text.split('\n')) {
    const word = line.split(' ')[0];
    if (!word || word === '-DOCSTART-') {
      if (sent.length) out.push(sent);
      sent = [];
    } else sent.push(word);
  }
  if (sent.length) out.push(sent);
}

/** Sentences of every source, in a fixed order (folders sorted by file name). */
export function unlabeledSentences(sources: readonly string[]): string[][] {
  const out: string[][] = [];
  for (const src of sources) {
    if (statSync(src).isDirectory()) {
      for (const f of readdirSync(src).sort()) textSentences(readFileSync(join(src, f), 'utf8'), out);
    } else if (/\.jsonl$/.test(src)) {
      for (const line of readFileSync(src, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const r = JSON.parse(line) as { title?: unknown; text?: unknown };
        for (const field of [r.title, r.text]) if (typeof field === 'string') textSentences(field, out);
      }
    } else conllWords(readFileSync(src, 'utf8'), out);
  }
  return out;
}

/**
 * The raw text the shipped clusters are built from (besides the treebank's own words): PolNeAR
 * train and dev article texts. Never EWT dev or test. Adding CoNLL-2003 train words and the ECB+
 * dev articles (70k sentences instead of 46k) gave a parser 0.3 UAS point better on dev with the
 * old tags but a tagger 0.25 point worse (UPOS 0.9472), and the whole model lost on dev.
 */
export const UNLABELED = ['../shared/data/attribution/polnear/train/text', '../shared/data/attribution/polnear/dev/text'].join(',');

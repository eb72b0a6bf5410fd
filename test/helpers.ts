/** Shared test fixtures: the seed articles and a bare Article. Not a test file itself. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseSentences } from '../src/analyse/syntax/index.js';
import { splitSentences } from '../src/analyse/tokenize.js';
import type { Article, Span } from '../src/model/types.js';

/** The five seed articles (../shared/seeds), as a directory path ending in "/". */
export const SEEDS = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));

/** File names of the seeds, sorted. */
export function seedFiles(): string[] {
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

/** File name of the seed whose name starts with `prefix` ("003"); fails the test when there is none. */
export function seedFile(prefix: string): string {
  const name = seedFiles().find((f) => f.startsWith(prefix));
  assert.ok(name, `seed ${prefix}`);
  return name;
}

/** Raw text of the seed whose name starts with `prefix`. */
export function seedText(prefix: string): string {
  return readFileSync(SEEDS + seedFile(prefix), 'utf8');
}

/** An extracted article with nothing but its id and text (and what `extra` sets). */
export function bareArticle(docId: string, text: string, extra: Partial<Article> = {}): Article {
  return {
    docId,
    source: `${docId}.txt`,
    status: 'ok',
    title: null,
    dek: null,
    text,
    blocks: [],
    byline: [],
    outlet: null,
    url: null,
    published: null,
    modified: null,
    language: 'en',
    dateline: null,
    wire: null,
    attributions: [],
    removed: [],
    messages: [],
    ...extra,
  };
}

/** The parse tokens of a text (sentences split and parsed as the analyser does). */
export const parseText = (text: string) => parseSentences(text, splitSentences(text)).tokens;

/** The span of the first occurrence of `s` in `text` (the test fails when it is absent). */
export function spanOf(text: string, s: string): Span {
  const at = text.indexOf(s);
  assert.ok(at >= 0, s);
  return { start: at, end: at + s.length };
}

/** The index of the token that starts at the first occurrence of `word` in `text` (-1: none). */
export const tokenIndexOf = (tokens: { start: number }[], text: string, word: string) => tokens.findIndex((t) => t.start === text.indexOf(word));

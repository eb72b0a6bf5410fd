/**
 * The parse helper's thread (parse-helper.ts): extracts each raw document it is sent, splits its
 * sentences and parses them, exactly as the analysis on the calling thread would, and answers on
 * the port it was given, waking the caller (who may be waiting synchronously in the middle of an
 * analysis). Only the extraction and syntax modules load here: the calling thread keeps the
 * entity and attribution models.
 */
import { type MessagePort, parentPort } from 'node:worker_threads';
import { splitSentences } from '../text/tokenize.js';
import { parseSentences } from '../analyse/syntax/index.js';
import { syntaxModel } from '../analyse/syntax/model-file.js';
import { extractArticle } from '../extract/index.js';
import type { ParseReply, ParseRequest } from './parse-helper.js';

let port: MessagePort | null = null;
let wake: Int32Array | null = null;

function answer(reply: ParseReply): void {
  port!.postMessage(reply);
  Atomics.add(wake!, 0, 1);
  Atomics.notify(wake!, 0);
}

function parseOne(r: ParseRequest): ParseReply {
  const article = extractArticle(r.raw, { timeBudgetMs: r.timeBudgetMs });
  // a page past the analysis size budget is parsed in its prefix: the calling thread does that one
  if (article.status !== 'ok' || article.text.length > r.maxChars) return { id: r.id, parsed: null };
  const sentences = splitSentences(article.text);
  return { id: r.id, parsed: { text: article.text, sentences: sentences.flatMap((s) => [s.start, s.end]), result: parseSentences(article.text, sentences) } };
}

// the model loads at once, before the first document arrives (the caller is still setting up)
syntaxModel();

parentPort?.on('message', (m: { port: MessagePort; wake: Int32Array } | ParseRequest) => {
  if ('port' in m) {
    port = m.port;
    wake = m.wake;
    return;
  }
  let reply: ParseReply;
  try {
    reply = parseOne(m);
  } catch {
    // whatever went wrong here, the calling thread parses the document itself
    reply = { id: m.id, parsed: null };
  }
  answer(reply);
});

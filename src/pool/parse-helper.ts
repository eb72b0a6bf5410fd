/**
 * The second core for a small run. A run of fewer documents than a pool is worth (the seeds) is
 * analysed on the calling thread, where loading the models and parsing take most of the time. A
 * parse helper is one worker thread that extracts and parses those documents (parse-worker.ts:
 * only the syntax model loads there) while the calling thread loads the entity and attribution
 * models and does the rest of the analysis. When the analysis on the calling thread reaches the
 * syntax layer (`parseSentences`), it takes the helper's parse of that document, waiting for it
 * synchronously if it is not there yet.
 *
 * The output never depends on the helper: a parse is taken only for exactly the text and
 * sentences the calling thread has (the same functions made them from the same bytes); otherwise
 * (a page past the size budget, a failed extraction, a helper silent for WAIT_MS, a document that
 * was not sent) the calling thread parses itself.
 */
import { MessageChannel, type MessagePort, receiveMessageOnPort, type Worker } from 'node:worker_threads';
import type { RawDocument, Span } from '../model/types.js';
import type { ParseSource, SyntaxResult } from '../analyse/syntax/index.js';
import { spawnModuleWorker } from './pool.js';

export interface ParseRequest {
  id: number;
  raw: RawDocument;
  timeBudgetMs?: number;
  /** Longer texts are analysed in a prefix (the analysis size budget): the helper leaves them. */
  maxChars: number;
}

export interface ParseReply {
  id: number;
  /** The extracted text, its sentences as [start, end, start, end, …], and their parse; null: not parsed. */
  parsed: { text: string; sentences: number[]; result: SyntaxResult } | null;
}

/** How long the calling thread waits for the helper's next answer before giving up on it. */
export const WAIT_MS = 10_000;

export class ParseHelper implements ParseSource {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly wake = new Int32Array(new SharedArrayBuffer(4));
  /** Request id of each document sent, by its raw document id. */
  private readonly sent = new Map<string, number>();
  private readonly replies = new Map<number, ParseReply['parsed']>();
  private seq = 0;
  private stopped = false;
  /** The document the calling thread is analysing (its parse is the one `take` looks for). */
  current: string | null = null;

  constructor(entry: URL = new URL('./parse-worker.js', import.meta.url)) {
    this.worker = spawnModuleWorker(entry);
    // a helper never keeps the process alive, and one that fails is simply not used
    this.worker.unref();
    this.worker.on('error', () => this.stop());
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker.postMessage({ port: port2, wake: this.wake }, [port2]);
  }

  /** Starts parsing a document the calling thread will analyse later. */
  send(raw: RawDocument, maxChars: number, timeBudgetMs?: number): void {
    if (this.stopped || this.sent.has(raw.id)) return;
    const id = ++this.seq;
    this.sent.set(raw.id, id);
    const request: ParseRequest = { id, raw, maxChars, ...(timeBudgetMs !== undefined ? { timeBudgetMs } : {}) };
    this.worker.postMessage(request);
  }

  take(text: string, sentences: readonly Span[]): SyntaxResult | null {
    const id = this.current === null ? undefined : this.sent.get(this.current);
    if (id === undefined || this.stopped) return null;
    while (!this.replies.has(id)) {
      const seen = Atomics.load(this.wake, 0);
      if (this.drain()) continue;
      if (Atomics.wait(this.wake, 0, seen, WAIT_MS) === 'timed-out' && !this.drain()) {
        this.stop();
        return null;
      }
    }
    const parsed = this.replies.get(id)!;
    this.replies.delete(id);
    this.sent.delete(this.current!);
    if (!parsed || parsed.text !== text || parsed.sentences.length !== sentences.length * 2) return null;
    for (let i = 0; i < sentences.length; i++) {
      if (parsed.sentences[2 * i] !== sentences[i].start || parsed.sentences[2 * i + 1] !== sentences[i].end) return null;
    }
    return parsed.result;
  }

  /** Reads every answer already posted; whether there was one. */
  private drain(): boolean {
    let any = false;
    for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
      const reply = m.message as ParseReply;
      this.replies.set(reply.id, reply.parsed);
      any = true;
    }
    return any;
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.port.close();
    void this.worker.terminate();
  }
}

let early: ParseHelper | null = null;

/**
 * Starts the helper now, before the run is set up (the CLI calls this first thing in `analyze`):
 * its thread start and its syntax model load then overlap this thread's own module loading. The
 * next run's DocumentProcessor takes it (`parseHelper`); if none does, it ends with the process.
 */
export function startParseHelperEarly(): void {
  early ??= new ParseHelper();
}

/** The helper started early, else a new one. */
export function parseHelper(): ParseHelper {
  const h = early ?? new ParseHelper();
  early = null;
  return h;
}

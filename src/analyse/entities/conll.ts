/**
 * CoNLL-2003 reading and conlleval-style entity-level scoring.
 *
 * The files have one token per line (`token POS chunk tag`), blank lines between sentences and,
 * in the original distribution, `-DOCSTART-` lines between documents. Tags may be IOB1 or IOB2:
 * chunks are decoded the way conlleval does, so both score identically.
 */
import { readFileSync } from 'node:fs';

export interface ConllSentence {
  words: string[];
  tags: string[];
  /** Index of the document the sentence belongs to (increments at each `-DOCSTART-`). */
  doc: number;
}

export function readConll(path: string): ConllSentence[] {
  return parseConll(readFileSync(path, 'utf8'));
}

export function parseConll(text: string): ConllSentence[] {
  const out: ConllSentence[] = [];
  let words: string[] = [];
  let tags: string[] = [];
  let doc = 0;
  const flush = () => {
    if (words.length) out.push({ words, tags, doc });
    words = [];
    tags = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) {
      flush();
      continue;
    }
    const cols = line.split(/\s+/);
    if (cols[0] === '-DOCSTART-') {
      flush();
      doc++;
      continue;
    }
    words.push(cols[0]);
    tags.push(cols[cols.length - 1]);
  }
  flush();
  return out;
}

/** IOB1 or IOB2 → IOB2 (BIO): every chunk starts with B-. */
export function toBio(tags: string[]): string[] {
  const out: string[] = [];
  let prev = 'O';
  for (const t of tags) {
    if (t === 'O' || t.length < 3) {
      out.push('O');
      prev = 'O';
      continue;
    }
    const type = t.slice(2);
    const prevType = prev === 'O' ? '' : prev.slice(2);
    if (t[0] === 'B' || prevType !== type) out.push(`B-${type}`);
    else out.push(`I-${type}`);
    prev = t;
  }
  return out;
}

export interface Chunk {
  start: number;
  /** Exclusive. */
  end: number;
  type: string;
}

/** Chunks as conlleval finds them (works for IOB1 and IOB2). */
export function chunks(tags: string[]): Chunk[] {
  const bio = toBio(tags);
  const out: Chunk[] = [];
  let cur: Chunk | null = null;
  for (let i = 0; i < bio.length; i++) {
    const t = bio[i];
    if (t === 'O' || t[0] === 'B') {
      if (cur) out.push(cur);
      cur = t === 'O' ? null : { start: i, end: i + 1, type: t.slice(2) };
    } else if (cur) cur.end = i + 1;
  }
  if (cur) out.push(cur);
  return out;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
  correct: number;
}

export interface ConllScore {
  overall: PRF;
  byType: Record<string, PRF>;
  tokenAccuracy: number;
}

const prf = (correct: number, predicted: number, gold: number): PRF => {
  const precision = predicted ? correct / predicted : 0;
  const recall = gold ? correct / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, gold, predicted, correct };
};

/** Entity-level precision/recall/F1 (exact span and type), as conlleval. */
export function scoreConll(gold: string[][], pred: string[][]): ConllScore {
  const counts = new Map<string, { g: number; p: number; c: number }>();
  const get = (t: string) => {
    let c = counts.get(t);
    if (!c) counts.set(t, (c = { g: 0, p: 0, c: 0 }));
    return c;
  };
  let tok = 0;
  let tokOk = 0;
  for (let s = 0; s < gold.length; s++) {
    const g = chunks(gold[s]);
    const p = chunks(pred[s]);
    const gk = new Set(g.map((c) => `${c.start}:${c.end}:${c.type}`));
    for (const c of g) get(c.type).g++;
    for (const c of p) {
      get(c.type).p++;
      if (gk.has(`${c.start}:${c.end}:${c.type}`)) get(c.type).c++;
    }
    const gb = toBio(gold[s]);
    const pb = toBio(pred[s]);
    for (let i = 0; i < gb.length; i++) {
      tok++;
      if (gb[i] === pb[i]) tokOk++;
    }
  }
  let G = 0;
  let P = 0;
  let C = 0;
  const byType: Record<string, PRF> = {};
  for (const t of [...counts.keys()].sort()) {
    const c = counts.get(t)!;
    byType[t] = prf(c.c, c.p, c.g);
    G += c.g;
    P += c.p;
    C += c.c;
  }
  return { overall: prf(C, P, G), byType, tokenAccuracy: tok ? tokOk / tok : 0 };
}

const DATELINE_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Groups sentences into documents (lists of sentence indices). Uses `-DOCSTART-` when the file has
 * it; otherwise (as in the copies here) a Reuters dateline sentence ("BRUSSELS 1996-08-22") starts
 * a document together with the headline just before it.
 */
export function conllDocuments(sents: ConllSentence[]): number[][] {
  const docs: number[][] = [];
  const hasDocstart = sents.some((s) => s.doc > 0);
  const isDateline = (s: ConllSentence | undefined) => !!s && s.words.length <= 8 && s.words.some((w) => DATELINE_DATE.test(w));
  const isByline = (s: ConllSentence) => s.words.length <= 4 && s.words.every((w) => /^\p{Lu}/u.test(w));
  const starts = new Set<number>();
  if (hasDocstart) {
    for (let i = 1; i < sents.length; i++) if (sents[i].doc !== sents[i - 1].doc) starts.add(i);
  } else {
    for (let i = 1; i < sents.length; i++) {
      if (!isDateline(sents[i]) || isDateline(sents[i - 1])) continue;
      // headline (and byline) before the dateline open the document
      let st = i - 1;
      if (st > 0 && isByline(sents[st]) && !isDateline(sents[st - 1])) st--;
      if (st > 0) starts.add(st);
    }
  }
  let cur: number[] = [];
  for (let i = 0; i < sents.length; i++) {
    if (starts.has(i) && cur.length) {
      docs.push(cur);
      cur = [];
    }
    cur.push(i);
  }
  if (cur.length) docs.push(cur);
  return docs;
}

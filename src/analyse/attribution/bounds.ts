/**
 * Where an indirect content ends: a learned re-ranker over candidate end points.
 *
 * The tagger (model.ts) and the rules of findQuotes (../quotes.ts) often run a content on past its
 * object into an adjunct or a second clause ("criticized the plan during a stop in Flint", "said X,
 * which …", "said X and vowed Y"), and then it matches the annotated content neither way. For each
 * content of indirect speech, the candidates are the predicted end plus every clause boundary after
 * the content's first token up to the end of its sentence (commas, semicolons, dashes, brackets,
 * coordinators, relative pronouns, subordinators and prepositions that open adjuncts); a linear model
 * scores each candidate from the words around the cut, the cue, the distance to the predicted end
 * and the content start; the best candidate wins. Trained by scripts/train-bounds.ts on PolNeAR
 * train (an averaged perceptron ranker) into models/bounds.txt.gz (gzip of sorted "feature\tweight"
 * lines), loaded once, on first use; `TRIANGULATE_BOUNDS_MODEL` points elsewhere (model development:
 * a model trained with a holdout). When no model file is there, findQuotes keeps its own ends.
 *
 * Status (issue 5): NOT SHIPPED. The step gains on the train holdout (overlap F1 0.7367 -> 0.7390)
 * but loses on PolNeAR dev (0.7142 -> 0.7125); cut-only, extend-only and a margin over keeping the
 * predicted end (1-3) did not gain on both either. Train a model and point TRIANGULATE_BOUNDS_MODEL
 * at it to try it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { Token } from '../../model/types.js';

/** One content of indirect speech whose end is to be decided; token indices into `toks`. */
export interface BoundaryInput {
  toks: Token[];
  /** First token of the content. */
  lo: number;
  /** Predicted end (exclusive): after the tagger and the rules. */
  end: number;
  /** End of the tagger's content run (exclusive), before the rules cut it. */
  taggerEnd: number;
  /** End of the sentence (window) the content lies in (exclusive). */
  sentHi: number;
  /** The reported verb, lower-cased ('' when none). */
  cue: string;
  /** The cue's bin in the tagger's cue lexicon (0 when unknown). */
  cueBin: number;
  /** The cue comes before the content ("said that …"), not after it. */
  cueBefore: boolean;
  /** Cue bin of a word (the tagger's lexicon); 0 when unknown. */
  binOf: (word: string) => number;
  /** Whether a character offset lies inside a quotation-marked segment (no cut there). */
  inQuote: (pos: number) => boolean;
}

/** Words before which a content may end. */
const BOUNDARY_WORDS = new Set(
  `and but or nor which who whom whose where while when whenever after before because as since despite amid during following
  until unless although though if whether so yet including according saying adding noting calling citing in on at for with from by
  over against about than to — – - ( ) ; : , .`.split(/\s+/),
);

const lowerOf = (t: Token | undefined): string => (t ? t.text.toLowerCase() : '</s>');
const bin = (n: number): string => (n <= 0 ? String(n) : n <= 3 ? String(n) : n <= 6 ? '4-6' : n <= 10 ? '7-10' : n <= 20 ? '11-20' : '21+');

/** Candidate end points (exclusive token indices), ascending; always holds `input.end`. */
export function boundaryCandidates(input: BoundaryInput): number[] {
  const { toks, lo, end, sentHi } = input;
  const out: number[] = [];
  for (let b = lo + 1; b <= sentHi; b++) {
    if (b === end || b === input.taggerEnd || b === sentHi) {
      out.push(b);
      continue;
    }
    const t = toks[b];
    if (!t || !BOUNDARY_WORDS.has(t.text.toLowerCase())) continue;
    if (input.inQuote(t.start) && input.inQuote(toks[b - 1].end - 1)) continue;
    // "X, Y and Z": a comma or coordinator right after a comma is the same cut
    if (b - 1 > lo && /^[,;:]$/.test(toks[b - 1].text)) continue;
    out.push(b);
  }
  if (!out.includes(end)) out.push(end);
  return out.sort((a, b) => a - b);
}

/**
 * The features of ending the content before token `b` instead of at the predicted end: the words at
 * the cut, and the stretch of text the change removes (b before the end) or adds (b after it).
 * The predicted end itself has one feature, so every score is a preference over keeping it.
 */
export function boundaryFeatures(input: BoundaryInput, b: number): string[] {
  const { toks, lo, end } = input;
  if (b === end) return ['keep'];
  const d = b < end ? 'cut' : 'ext';
  const next = b >= input.sentHi ? '</s>' : lowerOf(toks[b]);
  const prev = lowerOf(toks[b - 1]);
  // the stretch removed or added: [x, y)
  const x = Math.min(b, end);
  const y = Math.max(b, end);
  let words = 0;
  let cueLike = 0;
  let commas = 0;
  let quoted = 0;
  for (let i = x; i < y; i++) {
    const t = toks[i].text;
    if (t === ',') commas++;
    else if (/[\p{L}\p{N}]/u.test(t)) {
      words++;
      if (input.binOf(t.toLowerCase()) >= 4) cueLike++;
      if (input.inQuote(toks[i].start)) quoted++;
    }
  }
  const segFirst = lowerOf(toks[x]);
  const first = lowerOf(toks[lo]);
  const head = /^(that|to|whether|if|how|why|what|the|a|an|he|she|they|it|we|i)$/.test(first) ? first : 'w';
  const cue = input.cueBin >= 4 ? input.cue : `bin${input.cueBin}`;
  const f = [
    d,
    `${d}|s=${segFirst}`,
    `${d}|sw=${bin(words)}`,
    `${d}|n=${next}`,
    `${d}|p=${prev}`,
    `${d}|c=${cue}`,
    `${d}|h=${head}`,
    `${d}|len=${bin(b - lo)}`,
    `${d}|scue=${Math.min(cueLike, 2)}`,
    `${d}|scom=${Math.min(commas, 2)}`,
    `${d}|sq=${quoted ? (quoted === words ? 'all' : 'some') : 0}`,
    `${d}|cb=${input.cueBefore ? 1 : 0}`,
    `${d}|s=${segFirst}|sw=${bin(words)}`,
    `${d}|s=${segFirst}|c=${cue}`,
  ];
  if (b === input.taggerEnd) f.push(`${d}|tag`);
  if (end === input.taggerEnd) f.push(`${d}|predtag`);
  if (b >= input.sentHi) f.push(`${d}|eos`);
  return f;
}

/** How much more than keeping the predicted end a candidate must score to replace it. */
const MARGIN = 0;

export class BoundaryModel {
  constructor(readonly weights: Map<string, number>) {}

  score(input: BoundaryInput, b: number): number {
    let s = 0;
    for (const f of boundaryFeatures(input, b)) s += this.weights.get(f) ?? 0;
    return s;
  }

  /** The best end (exclusive token index); ties go to the predicted end, then the nearest one before it. */
  choose(input: BoundaryInput): number {
    const cands = boundaryCandidates(input);
    let best = input.end;
    let bestScore = this.score(input, input.end);
    const keep = bestScore;
    for (const b of cands) {
      if (b === input.end) continue;
      const s = this.score(input, b);
      if (s > bestScore + 1e-9 && s > keep + MARGIN) {
        best = b;
        bestScore = s;
      }
    }
    return best;
  }
}

/** Model file: gzip of sorted lines "feature\tweight". */
export function serializeBoundaryModel(weights: Map<string, number>, meta: Record<string, unknown>): string {
  const lines = [...weights].filter(([, w]) => w !== 0).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return `#${JSON.stringify(meta)}\n${lines.map(([k, w]) => `${k}\t${w}`).join('\n')}\n`;
}

export function parseBoundaryModel(text: string): BoundaryModel {
  const weights = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line[0] === '#') continue;
    const tab = line.lastIndexOf('\t');
    const w = Number(line.slice(tab + 1));
    if (tab > 0 && Number.isFinite(w)) weights.set(line.slice(0, tab), w);
  }
  return new BoundaryModel(weights);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
export const DEFAULT_BOUNDARY_MODEL = process.env.TRIANGULATE_BOUNDS_MODEL || join(root, 'models', 'bounds.txt.gz');

let cached: BoundaryModel | null | undefined;

/** The shipped boundary model, loaded on first use and kept; null when missing or unreadable. */
export function loadBoundaryModel(): BoundaryModel | null {
  if (cached !== undefined) return cached;
  cached = null;
  try {
    if (existsSync(DEFAULT_BOUNDARY_MODEL)) cached = parseBoundaryModel(gunzipSync(readFileSync(DEFAULT_BOUNDARY_MODEL)).toString('utf8'));
  } catch {
    cached = null;
  }
  return cached;
}

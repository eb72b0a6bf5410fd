/**
 * The cue classifier: does this verb or noun head an attribution here? A linear model over the
 * word and the syntax around it, read from the dependency parse (src/analyse/syntax): the lemma and
 * its class in data/lexicons/attribution-cues.tsv, the part of speech (tense and aspect: VBD, VBZ,
 * VBN, VBG, ...), the token's own relation and its head's class, the relations of its dependents (a
 * clausal complement, an object, a "that", a quotation mark), the kind of its subject (a person,
 * an organisation, a pronoun, another noun, a passive subject, none) and where it stands against
 * quotation marks (inside one, right after or before a mark).
 *
 * The tagger (model.ts) counts a word as a likely cue from its cue bin alone, whatever the sentence
 * does with it ("said" in "the said agreement", "statement" as a subject, "warned" with no
 * complement); a tagger trained with the classifier's decisions (train-attrib --cues, meta.cues)
 * measures its distances, its clause marks and its sentence gate from the tokens the classifier
 * accepts instead (features.ts `likely`).
 *
 * Trained by scripts/train-cues.ts (averaged perceptron, PolNeAR train, deterministic) into
 * models/cues.bin (flat container, magic CUEC: the feature hashes ascending, their float32
 * weights, the training metadata); loaded on first use. The labels follow PolNeAR's guideline
 * (every attribution: speech, thought, evidence, stance); the quote ledger keeps speech only, by
 * the cue's class (quotes/review.ts), so a thought or stance cue the classifier accepts still
 * never reaches the ledger.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityMention, SyntaxToken, Token } from '../../model/types.js';
import { packageRoot } from '../../util/paths.js';
import { readFlatFile, writeFlatFile } from '../../util/flat-file.js';
import { hash } from '../entities/features.js';
import { cueClassOf } from '../quotes/cues.js';
import { type DocInfo, mix, setCueConfidence, setLikelyCues } from './features.js';

const MAGIC = 'CUEC';

/** The shipped model; `TRIANGULATE_CUE_MODEL` points elsewhere (a model trained with a holdout or on a fold). */
export const DEFAULT_CUE_MODEL = process.env.TRIANGULATE_CUE_MODEL || join(packageRoot(), 'models', 'cues.bin');

const F = Object.fromEntries(
  'b l cls x d lx ld k lk kc that qk sk lsk csk h hcls hd inq qb qa sq w-1 w+1 lw+1 frame acc'.split(' ').map((t) => [t, hash(`cue:${t}`)]),
) as Record<string, number>;

const PERSONAL = new Set(['he', 'she', 'they', 'i', 'we', 'you', 'it']);
const MARKS = /^[“”„«»"]$/;

/** The candidates and their features for one document, as training and inference both see them. */
export interface CueQuestions {
  /** Token indexes (into the document's tokens) of the verbs and nouns asked about. */
  tokens: number[];
  /** Their feature hashes. */
  feats: number[][];
}

/** A label's hash, cached (relations and parts of speech are few). */
const labelHashes = new Map<string, number>();
const lh = (s: string): number => {
  let h = labelHashes.get(s);
  if (h === undefined) labelHashes.set(s, (h = hash(s) || 1));
  return h;
};

/** The kind of the subject a word takes: what says it, if it is a cue. */
function subjectKind(parse: readonly SyntaxToken[], kids: number[], entityAt: (p: SyntaxToken) => string | undefined): string {
  for (const c of kids) {
    const t = parse[c];
    if (t.deprel === 'nsubj:pass') return 'pass';
    if (t.deprel !== 'nsubj' && t.deprel !== 'csubj') continue;
    if (t.upos === 'PRON') return PERSONAL.has(t.text.toLowerCase()) ? 'pron' : 'pron-other';
    const ent = entityAt(t);
    if (ent) return ent;
    return t.upos === 'PROPN' ? 'propn' : t.upos === 'NOUN' ? 'noun' : 'other';
  }
  return 'none';
}

/**
 * The verbs and nouns of a document (and any word the cue lexicon lists) with their features.
 * `toks` are the tokens the tagger reads, `parse` the article's dependency parse over the same
 * text, `inQuote`/`mark` the tagger's quotation state per token (features.ts DocInfo).
 */
export function cueQuestions(toks: readonly Token[], parse: readonly SyntaxToken[], entities: readonly EntityMention[], inQuote: Uint8Array, mark: Uint8Array): CueQuestions {
  const n = toks.length;
  const P = parse.length;
  // each token's parse token (the one it starts in), and each parse token's first token
  const tokOf = new Int32Array(P).fill(-1);
  const synOf = new Int32Array(n).fill(-1);
  for (let i = 0, j = 0; i < n; i++) {
    const s = toks[i].start;
    while (j < P && parse[j].end <= s) j++;
    if (j < P && parse[j].start <= s) {
      synOf[i] = j;
      if (tokOf[j] < 0) tokOf[j] = i;
    }
  }
  const kids: number[][] = Array.from({ length: P }, () => []);
  parse.forEach((t, j) => {
    if (t.head >= 0 && t.head < P && t.head !== j) kids[t.head].push(j);
  });
  const ents = entities.filter((m) => m.span && m.span.end > m.span.start).sort((a, b) => a.span.start - b.span.start);
  const entityAt = (p: SyntaxToken): string | undefined => {
    // (a binary search would do; subjects are few per document)
    for (const m of ents) if (m.span.start <= p.start && p.start < m.span.end) return m.type === 'PER' ? 'per' : m.type === 'ORG' ? 'org' : 'ent';
    return undefined;
  };
  // sentences with a quotation mark
  const sentQuote = new Set<number>();
  for (let i = 0; i < n; i++) if (mark[i] && synOf[i] >= 0) sentQuote.add(parse[synOf[i]].sentence);
  const lower = (i: number) => (i >= 0 && i < n ? toks[i].text.toLowerCase() : '');
  const out: CueQuestions = { tokens: [], feats: [] };
  for (let j = 0; j < P; j++) {
    const p = parse[j];
    const i = tokOf[j];
    if (i < 0) continue;
    const lemma = p.lemma.toLowerCase();
    const cls = cueClassOf(lemma) ?? (lemma === 'according' ? 'speech' : 'none');
    if (p.upos !== 'VERB' && p.upos !== 'NOUN' && cls === 'none') continue;
    const L = lh(lemma);
    const fs: number[] = [F.b, mix(F.l, L), mix(F.cls, lh(cls)), mix(F.x, lh(p.xpos)), mix(F.d, lh(p.deprel)), mix(mix(F.lx, L), lh(p.xpos)), mix(mix(F.ld, L), lh(p.deprel))];
    let clausal = 0;
    for (const c of kids[j]) {
      const k = parse[c];
      const rel = lh(k.deprel);
      fs.push(mix(F.k, rel), mix(mix(F.lk, L), rel), mix(mix(F.kc, lh(cls)), rel));
      if (k.deprel === 'ccomp' || k.deprel === 'parataxis') {
        clausal = 1;
        for (const g of kids[c]) if (parse[g].deprel === 'mark') fs.push(mix(F.that, lh(parse[g].lemma.toLowerCase())));
      }
      if (k.upos === 'PUNCT' && MARKS.test(k.text)) fs.push(F.qk);
    }
    const sk = subjectKind(parse, kids[j], entityAt);
    fs.push(mix(F.sk, lh(sk)), mix(mix(F.lsk, L), lh(sk)), mix(mix(F.csk, lh(cls)), lh(sk)), mix(mix(mix(F.frame, lh(cls)), clausal), sk === 'none' ? 0 : 1));
    const h = p.head >= 0 && p.head < P ? parse[p.head] : null;
    fs.push(mix(F.h, lh(h ? h.upos : 'ROOT')), mix(F.hcls, lh(h ? (cueClassOf(h.lemma.toLowerCase()) ?? 'none') : 'ROOT')), mix(mix(F.hd, lh(p.deprel)), lh(h ? h.upos : 'ROOT')));
    // where it stands against quotation marks: inside, right after a closing mark, right before an opening one
    let before = 0;
    let after = 0;
    for (let d = 1; d <= 3; d++) {
      if (i - d >= 0 && mark[i - d]) before = d;
      if (i + d < n && mark[i + d] && !after) after = d;
    }
    fs.push(mix(F.inq, inQuote[i]), mix(F.qb, before), mix(F.qa, after), mix(F.sq, sentQuote.has(p.sentence) ? 1 : 0));
    fs.push(mix(F['w-1'], lh(lower(i - 1))), mix(F['w+1'], lh(lower(i + 1))), mix(mix(F['lw+1'], L), lh(lower(i + 1))));
    if (lemma === 'according') fs.push(mix(F.acc, lower(i + 1) === 'to' ? 1 : 0));
    out.tokens.push(i);
    out.feats.push(fs);
  }
  return out;
}

/** The trained weights: feature hashes ascending, one weight each. */
export interface CueModel {
  keys: Uint32Array;
  weights: Float32Array;
  meta: Record<string, unknown>;
}

export function writeCueFile(m: CueModel): Buffer {
  return writeFlatFile(MAGIC, { meta: m.meta }, { keys: m.keys, weights: m.weights });
}

export function readCueFile(file: Buffer): CueModel {
  const { header, arrays } = readFlatFile<{ meta: Record<string, unknown> }>(file, MAGIC, 'a cue classifier');
  const keys = arrays.keys as Uint32Array;
  const weights = arrays.weights as Float32Array;
  if (!(keys instanceof Uint32Array) || !(weights instanceof Float32Array) || keys.length !== weights.length) throw new Error("the cue classifier's tables are damaged");
  for (let i = 1; i < keys.length; i++) if (keys[i] <= keys[i - 1]) throw new Error("the cue classifier's keys do not ascend");
  return { keys, weights, meta: header.meta };
}

/** The score of features `fs` (above 0: a cue). */
export function cueScore(m: CueModel, fs: readonly number[]): number {
  const { keys, weights } = m;
  let s = 0;
  for (const f of fs) {
    const k = f >>> 0;
    let lo = 0;
    let hi = keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (keys[mid] < k) lo = mid + 1;
      else if (keys[mid] > k) hi = mid - 1;
      else {
        s += weights[mid];
        break;
      }
    }
  }
  return s;
}

/**
 * 1 for each token of the document the classifier takes for a cue (a score above `threshold`), 0
 * elsewhere. The tagger uses a threshold below 0 (its meta.cues): it needs a likely cue for most
 * attributions more than it needs every likely cue to be one (train-cues prints the trade).
 */
export function acceptedCues(m: CueModel, n: number, q: CueQuestions, threshold = 0): Uint8Array {
  const out = new Uint8Array(n);
  for (let c = 0; c < q.tokens.length; c++) if (cueScore(m, q.feats[c]) > threshold) out[q.tokens[c]] = 1;
  return out;
}

/** Scores at which the classifier's confidence (DocInfo.conf) steps up from bucket 1 to 2, 3 and 4. */
const CONF_EDGES = [-10, -3, 3];

/** The classifier's confidence per token (features.ts DocInfo.conf): 0 where not asked, 1-4 by score. */
export function cueConfidence(m: CueModel, n: number, q: CueQuestions): Uint8Array {
  const out = new Uint8Array(n);
  for (let c = 0; c < q.tokens.length; c++) {
    const s = cueScore(m, q.feats[c]);
    let b = 1;
    for (const e of CONF_EDGES) if (s > e) b++;
    out[q.tokens[c]] = b;
  }
  return out;
}

/** How a tagger uses the classifier (its meta.cues): the likely cues are those it accepts above a threshold, or its confidence is a feature. */
export type CueUse = number | 'confidence';

/**
 * The classifier's decisions in the document's facts, for a tagger trained with them (meta.cues),
 * given the article's parse: as its likely cues (setLikelyCues, a threshold) or as its confidence
 * (setCueConfidence). Without a parse or a classifier the cue bins decide, as for a tagger trained
 * without it.
 */
export function classifyCues(info: DocInfo, parse: readonly SyntaxToken[] | null, entities: readonly EntityMention[], use: CueUse, m = loadCueClassifier()): void {
  if (!m || !parse?.length) return;
  const q = cueQuestions(info.toks, parse, entities, info.inQuote, info.mark);
  if (use === 'confidence') setCueConfidence(info, cueConfidence(m, info.toks.length, q));
  else setLikelyCues(info, q.tokens, acceptedCues(m, info.toks.length, q, use));
}

let cached: CueModel | null | undefined;

/** The shipped classifier, loaded on first use and kept; null when the file is missing or unreadable. */
export function loadCueClassifier(path = DEFAULT_CUE_MODEL): CueModel | null {
  if (path === DEFAULT_CUE_MODEL && cached !== undefined) return cached;
  let m: CueModel | null = null;
  try {
    if (existsSync(path)) m = readCueFile(readFileSync(path));
  } catch {
    m = null;
  }
  if (path === DEFAULT_CUE_MODEL) cached = m;
  return m;
}

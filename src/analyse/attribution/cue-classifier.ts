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
import { join } from 'node:path';
import type { EntityMention, Span, SyntaxToken, Token } from '../../model/types.js';
import { packageRoot } from '../../util/paths.js';
import { readSparseWeights, scoreOf, type SparseWeights, sparseWeightsLoader, writeSparseWeights } from '../learn/sparse-weights.js';
import { hash } from '../entities/features.js';
import { cueClassOf } from '../quotes/cues.js';
import { type DocInfo, mix, quotationFlags, setLikelyCues } from './features.js';

const MAGIC = 'CUEC';

/** The shipped model; `TRIANGULATE_CUE_MODEL` points elsewhere (a model trained with a holdout or on a fold). */
export const DEFAULT_CUE_MODEL = process.env.TRIANGULATE_CUE_MODEL || join(packageRoot(), 'models', 'cues.bin');

const F = Object.fromEntries(
  'b l cls x d lx ld k lk kc that qk sk lsk csk h hcls hd inq qb qa sq w-1 w+1 lw+1 frame acc'.split(' ').map((t) => [t, hash(`cue:${t}`)]),
) as Record<string, number>;

/** The feature every question has (the model's bias): a constant added to every score is a change of its weight (train-cues --scale). */
export const CUE_BIAS_FEATURE = F.b;

const PERSONAL = new Set(['he', 'she', 'they', 'i', 'we', 'you', 'it']);
const MARKS = /^[“”„«»"]$/;

/** The candidates and their features for one document, as training and inference both see them. */
export interface CueQuestions {
  /** Token indexes (into the document's tokens) of the verbs and nouns asked about. */
  tokens: number[];
  /** Their feature hashes. */
  feats: number[][];
}

/**
 * A label's hash. Not cached: the labels are short (a relation, a part of speech, a lemma, a
 * neighbouring word), and hashing their few characters costs less than a Map look-up of the string
 * (which has V8 hash it too, out of line, for a string it has not hashed before: the lemmas and
 * words are new strings per article). qspeed34: the cache's look-ups were 1.6 % of the speed line.
 */
const lh = (s: string): number => hash(s);

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
 * One document as the classifier reads it: its tokens (those the tagger reads), the article's
 * dependency parse over the same text, its entity mentions, and the tagger's quotation state per
 * token (features.ts DocInfo inQuote / mark). `featuresAt` gives the features of one token, so
 * that a reader asking about a few tokens pays for those alone.
 */
export class CueReader {
  /** Each token's parse token (the one it starts in), and each parse token's first token. */
  private readonly synOf: Int32Array;
  private readonly tokOf: Int32Array;
  private readonly kids: number[][];
  private readonly ents: readonly EntityMention[];
  /** Sentences (of the parse) with a quotation mark. */
  private readonly sentQuote = new Set<number>();

  constructor(
    private readonly toks: readonly Token[],
    private readonly parse: readonly SyntaxToken[],
    entities: readonly EntityMention[],
    private readonly inQuote: Uint8Array,
    private readonly mark: Uint8Array,
    /** The parse's children per token (syntax/helpers childrenOf), when the caller has them. */
    kids?: number[][],
  ) {
    const n = toks.length;
    const P = parse.length;
    this.tokOf = new Int32Array(P).fill(-1);
    this.synOf = new Int32Array(n).fill(-1);
    for (let i = 0, j = 0; i < n; i++) {
      const s = toks[i].start;
      while (j < P && parse[j].end <= s) j++;
      if (j < P && parse[j].start <= s) {
        this.synOf[i] = j;
        if (this.tokOf[j] < 0) this.tokOf[j] = i;
      }
    }
    this.kids = kids ?? Array.from({ length: P }, () => []);
    if (!kids)
      parse.forEach((t, j) => {
        if (t.head >= 0 && t.head < P && t.head !== j) this.kids[t.head].push(j);
      });
    this.ents = entities.filter((m) => m.span && m.span.end > m.span.start).sort((a, b) => a.span.start - b.span.start);
    for (let i = 0; i < n; i++) if (mark[i] && this.synOf[i] >= 0) this.sentQuote.add(parse[this.synOf[i]].sentence);
  }

  /** The tokens the classifier is asked about: the first token of each verb or noun, or of a word the cue lexicon lists. */
  questions(): number[] {
    const out: number[] = [];
    for (let j = 0; j < this.parse.length; j++) if (this.tokOf[j] >= 0 && this.featuresAt(this.tokOf[j]) !== null) out.push(this.tokOf[j]);
    return out;
  }

  private entityAt(p: SyntaxToken): string | undefined {
    for (const m of this.ents) if (m.span.start <= p.start && p.start < m.span.end) return m.type === 'PER' ? 'per' : m.type === 'ORG' ? 'org' : 'ent';
    return undefined;
  }

  private lower(i: number): string {
    return i >= 0 && i < this.toks.length ? this.toks[i].text.toLowerCase() : '';
  }

  /** The features of token i, or null when the classifier is not asked about it (see questions). */
  featuresAt(i: number): number[] | null {
    const { parse, kids, mark, toks } = this;
    const j = this.synOf[i];
    if (j < 0 || this.tokOf[j] !== i) return null;
    const p = parse[j];
    const lemma = p.lemma.toLowerCase();
    const cls = cueClassOf(lemma) ?? (lemma === 'according' ? 'speech' : 'none');
    if (p.upos !== 'VERB' && p.upos !== 'NOUN' && cls === 'none') return null;
    const L = lh(lemma);
    const C = lh(cls);
    const fs: number[] = [F.b, mix(F.l, L), mix(F.cls, C), mix(F.x, lh(p.xpos)), mix(F.d, lh(p.deprel)), mix(mix(F.lx, L), lh(p.xpos)), mix(mix(F.ld, L), lh(p.deprel))];
    let clausal = 0;
    for (const c of kids[j]) {
      const k = parse[c];
      const rel = lh(k.deprel);
      fs.push(mix(F.k, rel), mix(mix(F.lk, L), rel), mix(mix(F.kc, C), rel));
      if (k.deprel === 'ccomp' || k.deprel === 'parataxis') {
        clausal = 1;
        for (const g of kids[c]) if (parse[g].deprel === 'mark') fs.push(mix(F.that, lh(parse[g].lemma.toLowerCase())));
      }
      if (k.upos === 'PUNCT' && MARKS.test(k.text)) fs.push(F.qk);
    }
    const sk = lh(subjectKind(parse, kids[j], (t) => this.entityAt(t)));
    fs.push(mix(F.sk, sk), mix(mix(F.lsk, L), sk), mix(mix(F.csk, C), sk), mix(mix(mix(F.frame, C), clausal), sk === lh('none') ? 0 : 1));
    const h = p.head >= 0 && p.head < parse.length ? parse[p.head] : null;
    fs.push(mix(F.h, lh(h ? h.upos : 'ROOT')), mix(F.hcls, lh(h ? (cueClassOf(h.lemma.toLowerCase()) ?? 'none') : 'ROOT')), mix(mix(F.hd, lh(p.deprel)), lh(h ? h.upos : 'ROOT')));
    // where it stands against quotation marks: inside, right after a closing mark, right before an opening one
    let before = 0;
    let after = 0;
    for (let d = 1; d <= 3; d++) {
      if (i - d >= 0 && mark[i - d]) before = d;
      if (i + d < toks.length && mark[i + d] && !after) after = d;
    }
    fs.push(mix(F.inq, this.inQuote[i]), mix(F.qb, before), mix(F.qa, after), mix(F.sq, this.sentQuote.has(p.sentence) ? 1 : 0));
    // (the next word lower-cased and hashed once: a string made here is hashed anew by every look-up)
    const next = this.lower(i + 1);
    const nextH = lh(next);
    fs.push(mix(F['w-1'], lh(this.lower(i - 1))), mix(F['w+1'], nextH), mix(mix(F['lw+1'], L), nextH));
    if (lemma === 'according') fs.push(mix(F.acc, next === 'to' ? 1 : 0));
    return fs;
  }
}

/** The questions of a whole document with their features (training, and the scores of eval:quotes). */
export function cueQuestions(toks: readonly Token[], parse: readonly SyntaxToken[], entities: readonly EntityMention[], inQuote: Uint8Array, mark: Uint8Array): CueQuestions {
  const reader = new CueReader(toks, parse, entities, inQuote, mark);
  const tokens = reader.questions();
  return { tokens, feats: tokens.map((i) => reader.featuresAt(i)!) };
}

/** The trained weights (a sparse linear model over the questions' feature hashes). */
export type CueModel = SparseWeights;

export const writeCueFile = (m: CueModel): Buffer => writeSparseWeights(MAGIC, m);
export const readCueFile = (file: Buffer): CueModel => readSparseWeights(file, MAGIC, 'a cue classifier');

/** The score of features `fs` (above 0: a cue). */
export const cueScore = (m: CueModel, fs: readonly number[]): number => scoreOf(m, fs);

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

/**
 * The classifier's scores of one article's tokens, each token read once: pass 3
 * (quotes/parse-contents.ts) and the content-end ranker (quotes/content-ends.ts) ask about many of
 * the same verbs, and one reader serves both. The reader (the quotation flags, the token-to-parse
 * map) is built on the first question: most articles ask few.
 */
export class CueScores {
  private reader: CueReader | null = null;
  /** Per token: 0 not asked yet, 1 scored, 2 not a word the classifier is asked about. */
  private readonly known: Uint8Array;
  private readonly scores: Float64Array;

  constructor(
    private readonly model: CueModel,
    private readonly toks: Token[],
    private readonly parse: readonly SyntaxToken[],
    private readonly entities: readonly EntityMention[],
    /** The quotation-marked segments' inner spans (the tagger's quotation state). */
    private readonly quoted: Span[],
    /** The parse's children per token (built by the caller once, for every reader of the parse). */
    private readonly kids: () => number[][],
  ) {
    this.known = new Uint8Array(toks.length);
    this.scores = new Float64Array(toks.length);
  }

  /** The score of token i (above 0: a cue), or null when the classifier is not asked about it. */
  at(i: number): number | null {
    if (i < 0 || i >= this.toks.length) return null;
    if (!this.known[i]) {
      if (!this.reader) {
        const { inQuote, mark } = quotationFlags(this.toks, this.quoted);
        this.reader = new CueReader(this.toks, this.parse, this.entities, inQuote, mark, this.kids());
      }
      const fs = this.reader.featuresAt(i);
      this.known[i] = fs ? 1 : 2;
      if (fs) this.scores[i] = cueScore(this.model, fs);
    }
    return this.known[i] === 1 ? this.scores[i] : null;
  }
}

/**
 * The classifier's decisions as the document's likely cues (setLikelyCues), for a tagger trained
 * with them (meta.cues, the threshold), given the article's parse. Without a parse or a classifier
 * the cue bins decide, as for a tagger trained without it.
 */
export function classifyCues(info: DocInfo, parse: readonly SyntaxToken[] | null, entities: readonly EntityMention[], threshold: number, m = loadCueClassifier()): void {
  if (!m || !parse?.length) return;
  const q = cueQuestions(info.toks, parse, entities, info.inQuote, info.mark);
  setLikelyCues(info, q.tokens, acceptedCues(m, info.toks.length, q, threshold));
}

/** The shipped model, loaded on first use and kept; null when the file is missing or unreadable. */
export const loadCueClassifier: (path?: string) => CueModel | null = sparseWeightsLoader(DEFAULT_CUE_MODEL, MAGIC, 'a cue classifier');

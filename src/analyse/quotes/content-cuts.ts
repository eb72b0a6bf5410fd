/**
 * Where indirect content stops, when it runs on: a learned "cut here" decision at the
 * boundaries inside a content where a phrase that is not part of what was reported can begin.
 *
 * The content-end ranker (content-ends.ts) only extends: its cuts, ranked among every word of the
 * sentence, gained as many matches as they lost. Many contents still run on past where PolNeAR's
 * content stops: an adjunct of the cue ("denounced [the annexation] in an on-air diatribe"), a
 * clause after a comma ("[he expects Clinton to fully recover], which forced her to leave …"), an
 * apposition, a second clause after a semicolon. This model looks at those boundaries only: a cut
 * before a punctuation mark that follows a word, and a cut before a phrase that hangs on the cue or
 * on the kept words as an adjunct, clause or modifier (by the parse). It ranks keeping the content
 * (with a fixed bonus, CUT_KEEP_BONUS) against each cut, with features of the boundary (its
 * punctuation, the phrase that would be cut: its relation, what it hangs on, its first word, whether
 * it holds a verb or a likely cue by the cue classifier, its length; the kept part's last word and
 * length; where the cue's complement and clause end) and the cue's word and class.
 *
 * A linear model, trained by scripts/train-content-cuts.ts on the contents the quote passes (with
 * the content-end ranker) find in PolNeAR train, each half tagged by a tagger trained on the other:
 * the option to rank first is the one whose content overlaps the annotated content best (keeping on
 * a tie). The model file is models/content-cuts.bin (flat container, magic CCUT); without it the
 * quotes are those of the passes and the ranker.
 */
import { join } from 'node:path';
import type { SyntaxToken } from '../../model/types.js';
import { hash } from '../entities/features.js';
import { mix } from '../attribution/features.js';
import { packageRoot } from '../../util/paths.js';
import { readSparseWeights, scoreOf, type SparseWeights, sparseWeightsLoader, writeSparseWeights } from '../learn/sparse-weights.js';
import { universalRelation } from '../syntax/helpers.js';
import { cueClassOf } from './cues.js';
import type { EndQuestion } from './content-ends.js';

const MAGIC = 'CCUT';

/** The shipped model; `TRIANGULATE_CONTENT_CUTS_MODEL` points elsewhere (a model trained with a holdout, or a missing file: no cuts). */
export const DEFAULT_CONTENT_CUTS_MODEL = process.env.TRIANGULATE_CONTENT_CUTS_MODEL || join(packageRoot(), 'models', 'content-cuts.bin');

/**
 * Score added to keeping the content whole (weight units of a model trained with the script's
 * defaults): a cut must win by this much. Chosen on the development half of PolNeAR dev
 * (quotes/README.md); `TRIANGULATE_CUT_BONUS` overrides it for that sweep.
 */
export const CUT_KEEP_BONUS = Number(process.env.TRIANGULATE_CUT_BONUS ?? '8');

/** Longest content (parse tokens) asked about. */
const MAX_SPAN = 120;

const T = Object.fromEntries(
  'bias pc nw nwpd unit unitcls unitlem verb cuescore kept cut lastpos comp clause quote nwunit pcat'.split(' ').map((t) => [t, hash(`ccut:${t}`)]),
) as Record<string, number>;

const rel = (t: SyntaxToken) => universalRelation(t.deprel);
const isPunct = (t: SyntaxToken) => t.upos === 'PUNCT' || !/[\p{L}\p{N}]/u.test(t.text);
const bucket = (n: number) => (n <= 2 ? n : n <= 4 ? 3 : n <= 8 ? 4 : n <= 16 ? 5 : n <= 32 ? 6 : 7);
/** A boundary's punctuation: 0 none, 1 comma, 2 dash, 3 semicolon or colon, 4 bracket, 5 quotation mark, 6 other. */
function punctKind(t: SyntaxToken): number {
  const w = t.text;
  if (!isPunct(t)) return 0;
  if (w === ',') return 1;
  if (/^[—–―-]+$/.test(w)) return 2;
  if (w === ';' || w === ':') return 3;
  if (/^[()[\]]$/.test(w)) return 4;
  if (/^[“”"‘’'«»]+$/.test(w)) return 5;
  return 6;
}
/** Relations of a phrase that can be a cut-off adjunct or an added clause rather than part of the content. */
const ADJUNCT = new Set(['obl', 'advcl', 'advmod', 'conj', 'acl', 'nmod', 'parataxis', 'appos', 'dep', 'xcomp', 'ccomp', 'cc']);

/** A cue classifier score in five bins: none asked, at or below -10, to 0, to 10, above 10. */
const scoreBin = (s: number) => (Number.isNaN(s) ? 0 : s <= -10 ? 1 : s <= 0 ? 2 : s <= 10 ? 3 : 4);

/** Last non-punctuation token of the subtree of r within [lo, hi] (-1: none). */
function subtreeEnd(tokens: readonly SyntaxToken[], kids: number[][], r: number, lo: number, hi: number): number {
  let end = -1;
  const stack = [r];
  for (let steps = 0; stack.length && steps < 4 * MAX_SPAN; steps++) {
    const x = stack.pop()!;
    if (x >= lo && x <= hi && !isPunct(tokens[x]) && x > end) end = x;
    for (const c of kids[x]) stack.push(c);
  }
  return end;
}

/** One cut: the content's new last token and the cut's feature hashes. */
export interface Cut {
  last: number;
  feats: number[];
}

/** A boundary inside a content: cut before token k, keeping up to lastWord; w the first word cut, u the phrase it begins. */
interface Boundary {
  k: number;
  w: number;
  lastWord: number;
  kept: number;
  /** The boundary's punctuation (punctKind, quotation marks aside). */
  pk: number;
  /** The cut phrase's relation, and where its head lies: 0 the kept words, 1 the cue, 2 before the content, 3 after, 4 none. */
  rel: string;
  where: number;
}

/** The boundaries of content [a, z] (cue `cue`) where a cut is asked about, in text order. */
function boundaries(tokens: readonly SyntaxToken[], cue: number, a: number, z: number): Boundary[] {
  const out: Boundary[] = [];
  let kept = 0;
  let lastWord = -1;
  for (let k = a + 1; k <= z; k++) {
    const prev = tokens[k - 1];
    if (!isPunct(prev)) {
      kept++;
      lastWord = k - 1;
    }
    // a boundary is the first token after a word; the punctuation run there, quotation marks aside, is its kind
    if (lastWord < 0 || isPunct(prev)) continue;
    let pk = 0;
    let w = k;
    for (; w <= z && isPunct(tokens[w]); w++) {
      const kind = punctKind(tokens[w]);
      if (kind !== 5 && (pk === 0 || kind < pk)) pk = kind;
    }
    if (w > z) break;
    // the phrase that begins there: the highest ancestor of w whose head lies outside the cut part
    let u = w;
    for (let d = 0; d < 40; d++) {
      const h = tokens[u].head;
      if (h < w || h > z) break;
      u = h;
    }
    const h = tokens[u].head;
    const where = h === cue ? 1 : h >= a && h < k ? 0 : h < a ? 2 : h < 0 ? 4 : 3;
    const r = rel(tokens[u]);
    if (pk === 0 && !(ADJUNCT.has(r) && (where === 0 || where === 1))) continue;
    out.push({ k, w, lastWord, kept, pk, rel: r, where });
  }
  return out;
}

/**
 * The cuts of a content (qn: its cue, first and current last token, from content-ends'
 * endQuestion): before each punctuation mark that follows a word of the content, and before each
 * word that starts a phrase hanging on the cue or on the words before it as an adjunct or added
 * clause. In text order; none for a content of one word or longer than MAX_SPAN.
 */
export function contentCuts(tokens: readonly SyntaxToken[], kids: number[][], qn: EndQuestion): Cut[] {
  const { cue, first: a, current: z } = qn;
  if (z - a < 1 || z - a >= MAX_SPAN || cue < 0) return [];
  const bs = boundaries(tokens, cue, a, z);
  if (!bs.length) return [];
  const cueTok = tokens[cue];
  const cls = cueClassOf(cueTok.lemma.toLowerCase());
  const clsH = hash(cls ?? 'none');
  const lemH = hash((cls ? cueTok.lemma : cueTok.upos).toLowerCase());
  let comp = a;
  for (let d = 0; comp >= 0 && tokens[comp].head !== cue && d < 40; d++) comp = tokens[comp].head;
  const compEnd = comp >= 0 && tokens[comp].head === cue ? subtreeEnd(tokens, kids, comp, a, z) : -1;
  const clauseEnd = subtreeEnd(tokens, kids, cue, a, z);
  // what lies from each token after the first boundary to the content's end: its words, a verb, a
  // quotation mark, the likeliest cue (the classifier is asked about those verbs only)
  const k0 = bs[0].k;
  const n = z - k0 + 2;
  const sufWords = new Uint16Array(n);
  const sufVerb = new Uint8Array(n);
  const sufQuote = new Uint8Array(n);
  const sufScore = new Float64Array(n).fill(NaN);
  for (let i = z; i >= k0; i--) {
    const t = tokens[i];
    const k = i - k0;
    const verb = t.upos === 'VERB' || t.upos === 'AUX';
    const s = verb ? (qn.cueScore?.(i) ?? NaN) : NaN;
    const after = sufScore[k + 1];
    sufWords[k] = sufWords[k + 1] + (isPunct(t) ? 0 : 1);
    sufVerb[k] = sufVerb[k + 1] | (verb ? 1 : 0);
    sufQuote[k] = sufQuote[k + 1] | (t.text.length === 1 && /^[“”"«»]$/.test(t.text) ? 1 : 0);
    sufScore[k] = Number.isNaN(s) || after >= s ? after : s;
  }
  return bs.map(({ k, w, lastWord, kept, pk, rel: r, where }) => {
    const rH = hash(r);
    const nw = hash(tokens[w].text.toLowerCase());
    const compRel = compEnd < 0 ? 3 : lastWord < compEnd ? 0 : lastWord === compEnd ? 1 : 2;
    const clauseRel = clauseEnd < 0 ? 3 : lastWord < clauseEnd ? 0 : lastWord === clauseEnd ? 1 : 2;
    return {
      last: lastWord,
      feats: [
        T.bias,
        mix(T.pc, pk),
        mix(mix(T.nw, nw), pk),
        mix(mix(mix(T.nwpd, hash(tokens[w].upos)), hash(rel(tokens[w]))), pk),
        mix(mix(mix(T.unit, rH), where), pk),
        mix(mix(mix(T.unitcls, rH), clsH), pk),
        mix(mix(T.unitlem, rH), lemH),
        mix(mix(mix(T.verb, sufVerb[k - k0]), rH), pk),
        mix(mix(T.cuescore, scoreBin(sufScore[k - k0])), pk),
        mix(T.kept, bucket(kept)),
        mix(mix(T.cut, bucket(sufWords[k - k0])), pk),
        mix(mix(T.lastpos, hash(tokens[lastWord].upos)), pk),
        mix(mix(T.comp, compRel), pk),
        mix(mix(T.clause, clauseRel), pk),
        mix(mix(T.quote, sufQuote[k - k0]), pk),
        mix(mix(T.nwunit, nw), rH),
        mix(mix(mix(T.pcat, pk), where), clsH),
      ],
    };
  });
}

/** The trained weights (a sparse linear model over the cuts' feature hashes). */
export type ContentCutsModel = SparseWeights;

export const writeContentCutsFile = (m: ContentCutsModel): Buffer => writeSparseWeights(MAGIC, m);
export const readContentCutsFile = (file: Buffer): ContentCutsModel => readSparseWeights(file, MAGIC, 'a content-cuts model');

/**
 * The content's last token after the cut the model ranks first, or `qn.current` when keeping the
 * content whole (score CUT_KEEP_BONUS) ranks above every cut. Ties keep the content.
 */
export function bestCut(m: ContentCutsModel, tokens: readonly SyntaxToken[], kids: number[][], qn: EndQuestion, bonus = CUT_KEEP_BONUS): number {
  let best = qn.current;
  let bestScore = bonus;
  for (const c of contentCuts(tokens, kids, qn)) {
    const s = scoreOf(m, c.feats);
    if (s > bestScore) {
      bestScore = s;
      best = c.last;
    }
  }
  // a closing quotation mark right after the kept words stays with them
  while (best < qn.current && /^[”’"»]$/.test(tokens[best + 1].text)) best++;
  return best;
}

/** The shipped model, loaded on first use and kept; null when the file is missing or unreadable. */
export const loadContentCuts: (path?: string) => ContentCutsModel | null = sparseWeightsLoader(DEFAULT_CONTENT_CUTS_MODEL, MAGIC, 'a content-cuts model');

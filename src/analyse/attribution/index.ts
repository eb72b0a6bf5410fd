/**
 * Attributions found by the trained tagger (model.ts): per sentence, the cue, source and content
 * spans of reported speech, as token ranges. findQuotes (../quotes.ts) turns them into quotes with
 * resolved speakers and merges them with its rules.
 *
 *   const found = tagAttributions(text, toks, sentenceTokenRanges, quotedSpans, entities, parse);
 *
 * `parse` (the article's SyntaxTokens, optional) gives the tree features of features.ts to a model
 * trained with them (meta.parse); other models never read it.
 */
import type { EntityMention, Span, SyntaxToken, Token } from '../../model/types.js';
import { type Clusters, type CueLexicon, type DocInfo, documentInfo, type Feats, sentenceFeatures, type WordSums } from './features.js';
import { classifyCues } from './cue-classifier.js';
import { loadAttributionTagger, NT, TAGS } from './model.js';

export { loadAttributionTagger } from './model.js';

/** A run of tokens [lo, hi) with one role. */
export interface TokenRun {
  lo: number;
  hi: number;
  /** Mean emission margin of the run's tags over O (how sure the tagger is); 0 when not scored. */
  score?: number;
}

export interface TaggedSentence {
  lo: number;
  hi: number;
  cues: TokenRun[];
  sources: TokenRun[];
  contents: TokenRun[];
}

/** Runs of B-X I-X… in a tag sequence (offset by `lo`). */
export function runsOf(tags: ArrayLike<number>, lo: number, em?: Float64Array): { cues: TokenRun[]; sources: TokenRun[]; contents: TokenRun[] } {
  const out = { cues: [] as TokenRun[], sources: [] as TokenRun[], contents: [] as TokenRun[] };
  let i = 0;
  while (i < tags.length) {
    const t = tags[i];
    if (t === 0) {
      i++;
      continue;
    }
    // (tag indexes, no strings per token: B-X is odd, I-X the even index after it; TAGS' order)
    const inside = t % 2 === 1 ? t + 1 : t;
    const role = TAGS[inside].slice(2);
    let j = i + 1;
    while (j < tags.length && tags[j] === inside) j++;
    const run: TokenRun = { lo: lo + i, hi: lo + j };
    if (em) {
      let m = 0;
      for (let x = i; x < j; x++) m += em[x * NT + tags[x]] - em[x * NT];
      run.score = m / (j - i);
    }
    if (role === 'CUE') out.cues.push(run);
    else if (role === 'SRC') out.sources.push(run);
    else out.contents.push(run);
    i = j;
  }
  return out;
}

/**
 * Sentences with no likely cue (features.ts DocInfo.likely: a word that is a cue at least this often
 * in training, cue bin 3, or one the cue classifier accepts) are not tagged: the tagger rarely finds
 * an attribution there, and skipping them keeps the pass fast.
 */

/** Longest sentence tagged at once (tokens); longer runs of text are tagged in windows. */
const MAX_WINDOW = 250;

/**
 * Tags every sentence. `ranges` are sentences as token index ranges [lo, hi) into `toks`;
 * `quoted` the inner spans of quotation-marked segments. Returns [] when no model ships.
 */
export function tagAttributions(
  text: string,
  toks: Token[],
  ranges: TokenRun[],
  quoted: Span[],
  entities: EntityMention[],
  parse: readonly SyntaxToken[] | null = null,
): TaggedSentence[] {
  const tagger = loadAttributionTagger();
  if (!tagger || !toks.length) return [];
  // the weight sums of the word features are kept per word (not for a stacked tagger: see wordSums)
  const sums = tagger.stacked ? null : tagger;
  // the tree features cost a walk over the parse: only for a model trained with them (its meta says so)
  const tree = tagger.meta.parse === true ? parse : null;
  // so do the cue classifier's decisions: for a model trained with them (meta.cues says how it uses them)
  const use = tagger.meta.cues;
  const classify = typeof use === 'number' ? (info: DocInfo) => classifyCues(info, parse, entities, use) : null;
  return tagWith(tagger.lex, tagger.clusters, (f, info, lo, hi) => tagger.tagScored(f, info, lo, hi, true), text, toks, ranges, quoted, entities, sums, tree, classify);
}

export function tagWith(
  lex: CueLexicon,
  clusters: Clusters,
  tag: (feats: Feats, info: DocInfo, lo: number, hi: number) => { tags: Uint8Array; em?: Float64Array },
  text: string,
  toks: Token[],
  ranges: TokenRun[],
  quoted: Span[],
  entities: EntityMention[],
  sums: WordSums | null = null,
  parse: readonly SyntaxToken[] | null = null,
  classify: ((info: DocInfo) => void) | null = null,
): TaggedSentence[] {
  const info = documentInfo(text, toks, quoted, entities, lex, clusters, sums, parse);
  classify?.(info);
  const out: TaggedSentence[] = [];
  for (const r of ranges) {
    for (let lo = r.lo; lo < r.hi; lo += MAX_WINDOW) {
      const hi = Math.min(r.hi, lo + MAX_WINDOW);
      if (hi - lo < 2) continue;
      let any = 0;
      for (let i = lo; i < hi && !any; i++) any = info.likely[i];
      if (!any) continue;
      const { tags, em } = tag(sentenceFeatures(info, lo, hi, true), info, lo, hi);
      out.push({ lo, hi, ...runsOf(tags, lo, em) });
    }
  }
  return out;
}

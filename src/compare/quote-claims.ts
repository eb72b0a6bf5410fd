/**
 * What a quotation claims, read by the parse, so that the quote ledger joins two wordings only when
 * they say the same thing and not merely share words: the acts the quoted words state (verb lemmas as
 * normalised keys, syntax.ts `actAt`), each asserted or denied. The ledger's word keys drop "not" and
 * "than" as stopwords, so "the levy helps farmers" and "the levy does more to hurt farmers than help"
 * share every content word; read as claims, one asserts helping and the other puts helping second.
 *
 * Denied: a "not", "n't" or "never" on the verb (clause-readings.ts `denies`); "no" on its subject or
 * object, or a subject or object "nobody", "nothing", "none" ("*no suspects* have been taken into
 * custody"); the verb is the alternative a comparison sets aside ("more to hurt the economy *than help*
 * it", "fight *rather than resign*", "*instead of* resigning"); or it completes, as its infinitive or
 * its clause of result or purpose, a word that is denied ("did not *want* to resign", "is not deep
 * enough so that we can *expect* tsunamis"; a clause of cause or time, "did not come *because* he was
 * tired", is asserted on its own) or that says "too" ("too shallow *to* expect tsunamis").
 *
 * Two wordings are opposed when one act is asserted in one and denied in the other, or when one
 * states an act and the other its WordNet antonym with the same polarity (data/lexicons/verb-antonyms.tsv,
 * scripts/build-wordnet-antonyms.ts: accept / reject, admit / deny; win / lose and buy / sell are left
 * out there, one contest or transfer told from either side).
 *
 * Without a parse (an old store, a text with no article behind it) a wording has no claims and is
 * opposed to nothing: the ledger then joins by words as before.
 */
import type { SyntaxToken } from '../model/types.js';
import { verbAntonymPairs } from '../text/lexicon.js';
import { denies } from './clause-readings.js';
import { actAt, kidsOf, parseOf, spanTokens } from './syntax.js';
import { key } from './text.js';
import type { ArticleView, QuoteView } from './prepare.js';

/** The acts a wording states: normalised verb key → asserted (true) or denied (false). */
export type QuoteClaims = ReadonlyMap<string, boolean>;

/** Words that set the verb after them aside as the alternative not taken. */
const SET_ASIDE = new Set(['than', 'instead']);

/** Every verb that states an act is read here, verbs of saying included ("deny" / "admit" are antonyms). */
const noCue = () => false;

/**
 * The claims of the quoted words at `span` of an article, or null without a parse. An act stated
 * both asserted and denied inside one wording ("will not resign and will resign") counts as asserted.
 */
export function claimsAt(art: ArticleView, span: { start: number; end: number }): QuoteClaims | null {
  const tokens = parseOf(art);
  if (!tokens) return null;
  const kids = kidsOf(tokens);
  const [lo, hi] = spanTokens(tokens, span);
  const out = new Map<string, boolean>();
  for (let j = lo; j < hi; j++) {
    const act = actAt(tokens, j, noCue) ?? setAsideNoun(tokens, j);
    if (!act) continue;
    const asserted = !deniedAt(tokens, kids, j, lo, hi);
    out.set(act, (out.get(act) ?? false) || asserted);
  }
  return out;
}

/** Determiners and pronouns that deny the act they take part in. */
const NONE = new Set(['no', 'nobody', 'nothing', 'none', 'neither', 'nor']);
/** Relations of a participant whose "no" denies the act ("no suspects were taken"). */
const PARTICIPANTS = new Set(['nsubj', 'nsubj:pass', 'obj']);
/** Subordinators of a clause of result or purpose: the clause falls under its head's denial. */
const RESULT = new Set(['so', 'to', 'that']);

/** The word at `j` is denied by itself, by a participant, as a set-aside alternative, or through the word it completes (within the wording, [lo, hi)). */
function deniedAt(tokens: readonly SyntaxToken[], kids: number[][], j: number, lo: number, hi: number): boolean {
  for (let step = 0; step < 4; step++) {
    if (denies(tokens, kids, j) || setAside(tokens, kids, j) || noneTakesPart(tokens, kids, j)) return true;
    const h = tokens[j].head;
    if (h < lo || h >= hi) return false;
    const rel = tokens[j].deprel;
    const marks = kids[j].filter((k) => tokens[k].deprel === 'mark').map((k) => tokens[k].text.toLowerCase());
    const result = rel === 'xcomp' || (rel === 'advcl' && marks.length > 0 && marks.every((m) => RESULT.has(m)));
    if (!result) return false;
    if (marks.includes('to') && kids[h].some((k) => tokens[k].text.toLowerCase() === 'too')) return true;
    j = h;
  }
  return false;
}

function noneTakesPart(tokens: readonly SyntaxToken[], kids: number[][], j: number): boolean {
  return kids[j].some((k) => PARTICIPANTS.has(tokens[k].deprel) && (NONE.has(tokens[k].text.toLowerCase()) || kids[k].some((d) => tokens[d].deprel === 'det' && NONE.has(tokens[d].text.toLowerCase()))));
}

/**
 * The verb at `j` is the alternative a comparison sets aside: "than" or "instead" among its own
 * dependents or right before it, past "to" or "of" ("than help", "rather than to resign", "instead of
 * resigning").
 */
function setAside(tokens: readonly SyntaxToken[], kids: number[][], j: number): boolean {
  if (kids[j].some((k) => k < j && SET_ASIDE.has(tokens[k].text.toLowerCase()))) return true;
  let i = j - 1;
  if (i >= 0 && /^(?:to|of)$/i.test(tokens[i].text)) i--;
  return i >= 0 && tokens[i].sentence === tokens[j].sentence && SET_ASIDE.has(tokens[i].text.toLowerCase());
}

/**
 * A word after "than" the parser read as a noun ("does more to hurt the economy than help", the
 * object left out): the act set aside, as a key; null for anything else.
 */
function setAsideNoun(tokens: readonly SyntaxToken[], j: number): string | null {
  const t = tokens[j];
  if (t.upos !== 'NOUN') return null;
  let i = j - 1;
  if (i >= 0 && /^(?:to|of)$/i.test(tokens[i].text)) i--;
  return i >= 0 && tokens[i].sentence === t.sentence && SET_ASIDE.has(tokens[i].text.toLowerCase()) ? key(t.lemma.toLowerCase()) : null;
}

let antonyms: Map<string, Set<string>> | null = null;

/** The WordNet antonyms of an act key (read on first use). */
function antonymsOf(act: string): ReadonlySet<string> | undefined {
  if (antonyms === null) {
    antonyms = new Map();
    for (const [v, w] of verbAntonymPairs()) {
      const [a, b] = [key(v), key(w)];
      if (a === b) continue;
      if (!antonyms.has(a)) antonyms.set(a, new Set());
      if (!antonyms.has(b)) antonyms.set(b, new Set());
      antonyms.get(a)!.add(b);
      antonyms.get(b)!.add(a);
    }
  }
  return antonyms.get(act);
}

/**
 * Two wordings say opposite things: an act asserted in one is denied in the other ("will resign" /
 * "will not resign"; "helps" / "does more to hurt than help"), or one states an act whose antonym the
 * other states, neither stating both ("accepted the offer" / "rejected the offer"; "did not accept" and
 * "refused" agree). Null claims (no parse) oppose nothing.
 */
export function opposedClaims(a: QuoteClaims | null, b: QuoteClaims | null): boolean {
  if (!a || !b || !a.size || !b.size) return false;
  for (const [act, asserted] of a) {
    const other = b.get(act);
    if (other !== undefined) {
      if (other !== asserted) return true;
      continue;
    }
    for (const anti of antonymsOf(act) ?? []) {
      const otherAnti = b.get(anti);
      if (otherAnti === asserted && !a.has(anti)) return true;
    }
  }
  return false;
}

/**
 * A quote with no speaker the analysis could name, whose sentence writes its speaker as "who": "those
 * *who* said the levy helps farmers", "the 30 percent of voters *who* said ...". The speakers are the
 * people the clause describes (a share of a poll, a crowd), someone other than any named speaker (a
 * named antecedent would have given the quote its name), so the quote is not attached to a named
 * speaker's statement by its words. ("which" and "that" stand for things, "court records, which
 * indicate he told her ...": a record carries someone's words, and the quote may still be theirs.)
 */
export function describedSpeaker(q: QuoteView): boolean {
  const sp = q.quote.speakerSpan;
  if (!sp || q.speakerKey) return false;
  return PEOPLE_RELATIVE.has(q.art.text.slice(sp.start, sp.end).trim().toLowerCase());
}

/** Relative pronouns that stand for people. */
const PEOPLE_RELATIVE = new Set(['who', 'whom']);

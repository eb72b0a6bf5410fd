/**
 * The parse of each article, as the cross-check reads it: analyse's syntax layer (part of speech,
 * lemma, head, relation per token), looked up by text position. Articles without a parse (old
 * stores, analyse failures) give null everywhere and the callers fall back to surface rules.
 */
import { childrenOf, phraseHead, quantifiedNoun, universalRelation } from '../analyse/syntax/helpers.js';
import type { Quantity, SyntaxToken } from '../model/types.js';
import { tokenAt } from '../text/tokenize.js';
import { type ArticleView, isParty, type Sent } from './prepare.js';
import { key } from './text.js';
import { phrasalAct } from './act-classes.js';

const PARSES = new WeakMap<ArticleView, readonly SyntaxToken[]>();

/** Registers an article's parse (called once per article by prepareStory). */
export function attachSyntax(view: ArticleView, tokens: readonly SyntaxToken[] | undefined): void {
  if (tokens?.length && tokens.every((t) => t && typeof t.head === 'number' && typeof t.start === 'number')) PARSES.set(view, tokens);
}

export function parseOf(view: ArticleView): readonly SyntaxToken[] | null {
  return PARSES.get(view) ?? null;
}

const CHILDREN = new WeakMap<readonly SyntaxToken[], number[][]>();
/** Children of every token of a parse, computed once per article (callers ask per figure and per date). */
export function kidsOf(tokens: readonly SyntaxToken[]): number[][] {
  let kids = CHILDREN.get(tokens);
  if (!kids) CHILDREN.set(tokens, (kids = childrenOf(tokens)));
  return kids;
}

/**
 * A common noun, as the parse tags it and as it is written: a capitalised word inside a sentence is
 * part of a name whatever the tagger says ("off Harbour Point": not the noun "point").
 */
export function commonNoun(tokens: readonly SyntaxToken[], i: number): boolean {
  const t = tokens[i];
  if (t.upos !== 'NOUN') return false;
  const first = i === 0 || tokens[i - 1].sentence !== t.sentence;
  return first || !/^\p{Lu}/u.test(t.text);
}

/** The lemma of the parsed word starting exactly at `pos`. */
export function lemmaAt(view: ArticleView, pos: number): string | undefined {
  const tokens = parseOf(view);
  if (!tokens) return undefined;
  const t = tokens[tokenAt(tokens, pos)];
  return t && t.start === pos ? t.lemma.toLowerCase() : undefined;
}

/** A token's relation to its head, without its subtype ("nsubj" for "nsubj:pass"). */
export const relOf = (t: SyntaxToken) => universalRelation(t.deprel);
/** Relations that open another clause: a frame word beyond one is about something else ("two men accused of killing"). */
const CLAUSE_LINKS = new Set(['acl', 'advcl', 'ccomp', 'parataxis', 'csubj']);

/** The number token of a figure and the word it counts (the number itself when it counts nothing). */
export function figureTokens(tokens: readonly SyntaxToken[], q: Pick<Quantity, 'span'>): { num: number; noun: number } | null {
  let num = -1;
  for (let i = tokenAt(tokens, q.span.start); i < tokens.length && tokens[i].end <= q.span.end; i++) if (tokens[i].upos === 'NUM') num = i;
  if (num < 0) return null;
  const noun = quantifiedNoun(tokens, num, kidsOf(tokens));
  // a number the parse hangs on a verb as its nummod ("Eleven people remain missing, the navy said",
  // "Eleven" on "said") is a misparse: the noun the figure's own words end with is what it counts
  if (noun !== null && tokens[noun].upos === 'VERB' && tokens[num + 1]?.end <= q.span.end && tokens[num + 1].upos === 'NOUN') return { num, noun: num + 1 };
  return { num, noun: noun ?? num };
}

/** The person or organisation the sentence names whose span holds token `i` (a participant by the parse), or undefined. */
export function partyAt(s: Sent, tokens: readonly SyntaxToken[], i: number): Sent['entities'][number] | undefined {
  return s.entities.find((e) => isParty(e) && e.span.start <= tokens[i].start && tokens[i].end <= e.span.end);
}

/** The parse tokens of a span (a sentence): [first, end), the tokens that start inside it. */
export function spanTokens(tokens: readonly SyntaxToken[], span: { start: number; end: number }): [number, number] {
  const lo = tokenAt(tokens, span.start);
  let hi = lo;
  while (hi < tokens.length && tokens[hi].start < span.end) hi++;
  return [lo, hi];
}

/** The first token of [from, to) whose head lies outside the range (a phrase's head word by the parse), or -1. */
export function rangeHead(tokens: readonly SyntaxToken[], [from, to]: readonly [number, number]): number {
  for (let q = from; q < to; q++) {
    const h = tokens[q].head;
    if (h < from || h >= to) return q;
  }
  return -1;
}

/** Steps up from `from` to `to` (at most `max`), never through a clause link; -1 when not reached. */
function stepsUp(tokens: readonly SyntaxToken[], from: number, to: number, max: number): number {
  let i = from;
  for (let d = 0; d <= max; d++) {
    if (i === to) return d;
    if (i < 0 || CLAUSE_LINKS.has(relOf(tokens[i]))) return -1;
    i = tokens[i].head;
  }
  return -1;
}

/** Verbs of being or remaining in a state, between people and their frame word ("remain missing", "are still missing"). */
const STAYING = new Set(['be', 'remain', 'stay']);

/**
 * Whether the word at `framePos` says what the figure counts, by the parse: the counted noun is its
 * argument ("killing 10 people", "10 people were killed"), it modifies the noun ("the 80 wounded"),
 * or both hang on one verb ("left three people dead"). Null without a parse.
 */
export function frameGovernsFigure(s: Sent, q: Quantity, framePos: number): boolean | null {
  const tokens = parseOf(s.art);
  if (!tokens) return null;
  const fig = figureTokens(tokens, q);
  const f = tokenAt(tokens, framePos);
  if (!fig || tokens[f]?.start !== framePos) return null;
  const { num, noun } = fig;
  if (f === noun || f === num) return true;
  // a reduced relative on the counted noun: "two villagers slightly injured", "10 people killed"
  // (by position too, as parses of elliptical clauses often attach it elsewhere)
  if (tokens[f].head === noun && ['acl', 'amod'].includes(relOf(tokens[f]))) return true;
  // (or a verb of remaining between: "11 people remain missing", "40 people are still missing")
  if (f > noun && f - noun <= 3 && tokens.slice(noun + 1, f).every((t) => t.upos === 'ADV' || STAYING.has(t.lemma.toLowerCase()))) return true;
  if (stepsUp(tokens, noun, f, 2) >= 0 || stepsUp(tokens, f, noun, 2) >= 0) return true;
  const sibling = tokens[f].head >= 0 && tokens[f].head === tokens[noun].head && ['xcomp', 'amod', 'advmod', 'conj'].includes(relOf(tokens[f]));
  return sibling || resultOfAct(tokens, f, noun) || verbRightBefore(tokens, f, num);
}

/** Qualifier words between a verb and its object's number ("killing at least 12", "injured more than 40"). */
const QUALIFIER_WORDS = new Set('at least more than nearly almost about around some over up to roughly an estimated'.split(' '));

/**
 * "have killed 52 people, officials said": a frame verb written right before the figure (only
 * qualifier words between) has the counted people as its object, in English word order, whatever
 * the parse made of a subject it ran on into the next clause.
 */
function verbRightBefore(tokens: readonly SyntaxToken[], f: number, num: number): boolean {
  if (f >= num || tokens[f].upos !== 'VERB' || !/(?:ed|ing)$/i.test(tokens[f].text)) return false;
  for (let i = f + 1; i < num; i++) if (!QUALIFIER_WORDS.has(tokens[i].text.toLowerCase())) return false;
  return true;
}

/**
 * "16 people were crushed to death", "beat two men to death", "23 people lost their lives": the frame
 * word is the result the verb of the counted noun brings on them, as English says it: "to" + the
 * frame word after any verb, or the frame word as the object of "lose" (the people lose what the frame
 * counts). Not any object of a shared verb: "three doctors treated the injured" counts doctors.
 */
function resultOfAct(tokens: readonly SyntaxToken[], f: number, noun: number): boolean {
  const verb = tokens[f].head;
  if (verb < 0 || verb !== tokens[noun].head) return false;
  const rel = relOf(tokens[f]);
  if (rel === 'obl') return kidsOf(tokens)[f].some((i) => i < f && relOf(tokens[i]) === 'case' && tokens[i].text.toLowerCase() === 'to');
  return rel === 'obj' && tokens[verb].lemma.toLowerCase() === 'lose';
}

/**
 * "two women and a man", "two women and one man": a figure coordinated with another counted
 * phrase (a number or "a"/"one" on it) is a part of the total, not the total.
 */
export function coordinatedFigure(s: Sent, q: Quantity): boolean {
  const tokens = parseOf(s.art);
  if (!tokens) return false;
  const fig = figureTokens(tokens, q);
  if (!fig || fig.noun === fig.num) return false;
  const kids = kidsOf(tokens);
  const counted = (i: number) =>
    (tokens[i].upos === 'NOUN' || tokens[i].upos === 'PRON') &&
    kids[i].some((c) => tokens[c].upos === 'NUM' || (relOf(tokens[c]) === 'det' && /^(?:a|an|one)$/i.test(tokens[c].text)));
  const n = fig.noun;
  // the two phrases side by side ("two women and a man"), not two clauses sharing a verb
  const near = (a: number, b: number) => Math.abs(a - b) <= 4;
  if (relOf(tokens[n]) === 'conj' && tokens[n].head >= 0 && near(n, tokens[n].head) && counted(tokens[n].head)) return true;
  return kids[n].some((i) => relOf(tokens[i]) === 'conj' && near(n, i) && counted(i));
}


/**
 * Whether a clause the parse hangs on a noun as its relative clause has no gap: a finite verb with
 * its own subject and object and no relative word ("two pipes in the harbour suffered severe damage"
 * read with "suffered" on "pipes"). A relative clause lacks one of its arguments (the
 * noun's place: "pipes that were cut", "pipes the storm cut"), so such a clause is the sentence's
 * own predicate, misattached, and says nothing about which of the noun's things are counted.
 */
export function gaplessClause(tokens: readonly SyntaxToken[], verb: number): boolean {
  if (!FINITE.has(tokens[verb].xpos)) return false;
  const kids = kidsOf(tokens)[verb];
  const has = (rel: string) => kids.some((k) => relOf(tokens[k]) === rel && !RELATIVE_WORD.has(tokens[k].xpos));
  return has('nsubj') && has('obj') && !kids.some((k) => RELATIVE_WORD.has(tokens[k].xpos) || tokens[k].lemma.toLowerCase() === 'that');
}

/**
 * The noun a figure counts and the verb it is the subject or object of, by the parse ("three
 * cables were cut" → cable, cut; "killed two co-workers" → co-worker, kill), as lemmas; null when
 * the noun modifies another noun, hangs on a preposition, or the article has no parse.
 */
export function countedArgument(s: Sent, q: Quantity): { noun: string; verb: string } | null {
  const tokens = parseOf(s.art);
  if (!tokens) return null;
  const fig = figureTokens(tokens, q);
  if (!fig || fig.noun === fig.num || tokens[fig.noun].upos !== 'NOUN') return null;
  const noun = tokens[fig.noun];
  const head = tokens[noun.head];
  if (!head || head.upos !== 'VERB' || !['nsubj', 'obj'].includes(relOf(noun))) return null;
  // an object written right before another verb's auxiliary is that verb's subject ("says four
  // pipes were cut" read with the pipes as the object of "says": no object stands there in English)
  const next = tokens[fig.noun + 1];
  if (relOf(noun) === 'obj' && next?.upos === 'AUX' && next.head > fig.noun + 1 && tokens[next.head].upos === 'VERB') return { noun: noun.lemma.toLowerCase(), verb: tokens[next.head].lemma.toLowerCase() };
  return { noun: noun.lemma.toLowerCase(), verb: head.lemma.toLowerCase() };
}

/**
 * The noun a figure counts, by the parse, as a lemma ("two sub-sea cables" → cable, where the
 * words alone give "sub"); null when the figure counts no noun or the article has no parse.
 */
export function countedNoun(s: Sent, q: Quantity): string | null {
  const tokens = parseOf(s.art);
  if (!tokens) return null;
  const fig = figureTokens(tokens, q);
  if (!fig || fig.noun === fig.num || tokens[fig.noun].upos !== 'NOUN') return null;
  return tokens[fig.noun].lemma.toLowerCase();
}

/** The preposition that marks a figure's counted noun, by the parse ("homes in five villages" → in), lower-cased; null when none or without a parse. */
export function caseOfCountedNoun(s: Sent, q: Quantity): string | null {
  const tokens = parseOf(s.art);
  const fig = tokens && figureTokens(tokens, q);
  if (!tokens || !fig) return null;
  const marker = kidsOf(tokens)[fig.noun].find((k) => relOf(tokens[k]) === 'case' && k < fig.noun);
  return marker === undefined ? null : tokens[marker].text.toLowerCase();
}

/**
 * The lemma of the verb a figure's phrase hangs on, by the parse ("was married two weeks ago" →
 * marry; "who married him three weeks before" → marry): up from the number, at most four steps,
 * never through a clause link; null without a parse or a verb.
 */
export function figureVerb(s: Sent, q: Quantity): string | null {
  return verbLemma(s, figureVerbIndex(s, q));
}

/** The act lemma of the verb at parse index `i` as `figureVerb` reads it (no light verb), or null. */
export function verbLemma(s: Sent, i: number): string | null {
  const tokens = parseOf(s.art);
  if (!tokens || i < 0) return null;
  const lemma = tokens[i].lemma.toLowerCase();
  if (NO_ACT.has(lemma)) return lightVerbAct(tokens, i, lemma);
  // (a lemma shorter than three letters is the lemmatiser's slip, "wed" → "w": the word as written)
  return lemma.length < 3 ? tokens[i].text.toLowerCase() : lemma;
}

/**
 * The act of a light verb at parse index `i` with a particle the parse hangs on it (compound:prt):
 * "what police called a robbery" names, but "called off the search" and "called in six more engines"
 * act. The phrasal verb's act when the lexicon lists it (phrasalAct: "go back" → return), else the
 * verb (not WordNet's synonyms: their first sense of "go off" is "abscond", where a bomb explodes);
 * null without a particle, or for a verb of saying ("told off" is a telling).
 */
function lightVerbAct(tokens: readonly SyntaxToken[], i: number, lemma: string): string | null {
  if (SAYING.has(lemma)) return null;
  const prt = kidsOf(tokens)[i].find((c) => tokens[c].deprel === 'compound:prt');
  return prt === undefined ? null : phrasalAct(lemma, tokens[prt].text.toLowerCase());
}

/** The parse index of the verb `figureVerb` reads (light verbs included), or -1; also of a time's number ("four years ago"). */
export function figureVerbIndex(s: Sent, q: Pick<Quantity, 'span'>): number {
  const tokens = parseOf(s.art);
  const fig = tokens && figureTokens(tokens, q);
  if (!tokens || !fig) return -1;
  let i = fig.num;
  for (let step = 0; step < 5 && i >= 0; step++) {
    if (tokens[i].upos === 'VERB') return i;
    if (step > 0 && CLAUSE_LINKS.has(relOf(tokens[i]))) return -1;
    i = tokens[i].head;
  }
  return -1;
}

/** The particle of a phrasal verb at parse index `verb` ("moved back", "checked in"): its particle or adverb child right after it, lower-cased, or null. */
export function particleOf(s: Sent, verb: number): string | null {
  const tokens = parseOf(s.art);
  const next = tokens?.[verb + 1];
  if (!next || next.head !== verb || !['compound', 'advmod'].includes(relOf(next)) || !/^(?:ADV|ADP|PART)$/.test(next.upos)) return null;
  return next.text.toLowerCase();
}

/** Relations that give a clause its subject ("Police say *they* had to", "*it* is clear that"). */
const SUBJECTS = new Set(['nsubj', 'csubj', 'expl']);
/** Penn tags of relative and interrogative pronouns ("who", "which", "that" as WDT). */
const RELATIVE = new Set(['WP', 'WDT', 'WP$']);
/** Penn tags of a relative word: a relative pronoun or adverb ("who", "which", "that", "whose", "where"). */
const RELATIVE_WORD = new Set([...RELATIVE, 'WRB']);
/** Penn tags of finite verbs and modals (a modal is never a clause's head in UD: gaplessClause's verb is one of the three). */
const FINITE = new Set(['VBD', 'VBZ', 'VBP', 'MD']);

/**
 * Whether the words of `span` (reported speech) hold a clause, by the parse: a subject among them
 * other than a relative pronoun ("police say *a man* told the driver to stop"; a parse may hang it on
 * the verb of saying); a finite verb that heads them, not as a second act of the cue's subject (a
 * conjunct: "countered with a 9-2 run and *missed* a trey"), or that opens them ("which it said *was*
 * caused by"); a conjunction before a finite verb ("*that* at one point ... *was* out", not "accused
 * *of* killing"). What a verb taken for a cue governs as its object ("confirmed the revelation",
 * "added 101 yards") or a bare infinitive ("is asked to call police", "hoped to become") has none.
 * A relative pronoun's clause only describes a noun: "added 101 yards for the Chiefs, *who* had 352".
 */
export function reportsClause(tokens: readonly SyntaxToken[], span: { start: number; end: number }): boolean {
  const [lo, hi] = spanTokens(tokens, span);
  let first = lo;
  while (first < hi && tokens[first].upos === 'PUNCT') first++;
  if (first >= hi) return false;
  if (FINITE.has(tokens[first].xpos)) return true;
  let finite = false;
  for (let i = lo; i < hi; i++) {
    const t = tokens[i];
    if (SUBJECTS.has(relOf(t)) && !RELATIVE.has(t.xpos)) return true;
    const heads = t.head < lo || t.head >= hi;
    if (heads && FINITE.has(t.xpos) && relOf(t) !== 'conj') return true;
    finite ||= FINITE.has(t.xpos);
  }
  return finite && tokens[first].upos === 'SCONJ';
}

/** Relations by which a verb continues another's clause: its subject is the other verb's ("died after slipping and falling"). */
const CONTINUES = new Set(['conj', 'advcl', 'xcomp']);

/**
 * The text positions of the subject of the verb at `verbPos`, by the parse: its own nominal subject,
 * or that of the verb it continues (at most three steps up), then the nouns that rename it ("another
 * climber, 36-year-old Jane Roe, died": climber, then Roe); empty without a parse or a subject.
 */
export function verbSubject(s: Sent, verbPos: number): number[] {
  const tokens = parseOf(s.art);
  if (!tokens) return [];
  let v = tokenAt(tokens, verbPos);
  if (tokens[v]?.start !== verbPos) return [];
  const kids = kidsOf(tokens);
  for (let step = 0; step <= 3 && v >= 0; step++) {
    const subj = kids[v].find((c) => relOf(tokens[c]) === 'nsubj');
    if (subj !== undefined) return [subj, ...kids[subj].filter((c) => relOf(tokens[c]) === 'appos')].map((i) => tokens[i].start);
    if (!CONTINUES.has(relOf(tokens[v]))) return [];
    const conj = relOf(tokens[v]) === 'conj';
    v = tokens[v].head;
    // a verb a parse coordinates with a noun ("toward the sideline and winning the race")
    // continues the clause of the verb that noun hangs on (no noun has a subject)
    if (conj && v >= 0 && tokens[v].upos === 'NOUN') for (let up = 0; up < 3 && v >= 0 && tokens[v].upos !== 'VERB' && !CLAUSE_LINKS.has(relOf(tokens[v])); up++) v = tokens[v].head;
  }
  return [];
}

/**
 * The acts a sentence states, by the parse: the lemmas of its verbs (not participles used as
 * adjectives), without being, having and other light verbs (NO_ACT) and without the verbs of
 * attribution `isCue` names ("say", "ask", "condemn"), as normalised keys; null without a parse.
 */
export function statedActs(s: Sent, isCue: (lemma: string) => boolean): Set<string> | null {
  const tokens = parseOf(s.art);
  if (!tokens) return null;
  const out = new Set<string>();
  for (let i = tokenAt(tokens, s.span.start); i < tokens.length && tokens[i].start < s.span.end; i++) {
    const act = tokens[i].start < s.span.start ? null : actAt(tokens, i, isCue);
    if (act) out.add(act);
  }
  return out;
}

/**
 * The act the token at `i` states, as a normalised key (outlets spell "destabilise" and
 * "destabilize"): a verb, not a participle used as an adjective ("the needed tents", "canned
 * food"), not a light verb (NO_ACT), not a verb of attribution `isCue` names; null otherwise.
 */
export function actAt(tokens: readonly SyntaxToken[], i: number, isCue: (lemma: string) => boolean): string | null {
  const t = tokens[i];
  if (t.upos !== 'VERB' || relOf(t) === 'amod' || relOf(t) === 'compound') return null;
  // (also when the parser gave it another relation: a participle right before the noun it hangs on)
  if ((t.xpos === 'VBG' || t.xpos === 'VBN') && t.head > i && (tokens[t.head].upos === 'NOUN' || tokens[t.head].upos === 'PROPN')) return null;
  const lemma = t.lemma.toLowerCase();
  if (NO_ACT.has(lemma)) {
    const act = lightVerbAct(tokens, i, lemma);
    return act && !isCue(act) ? key(act) : null;
  }
  return isCue(lemma) ? null : key(lemma);
}

/** Relations by which a noun is a participant of the verb above it. */
const PARTICIPANT = new Set(['nsubj', 'obj', 'iobj', 'obl']);
/** Relations that name the noun above them again ("Jane Roe, a spokeswoman"; "Roe and Doe"). */
const RENAMES = new Set(['appos', 'conj', 'flat', 'compound']);

/** Verbs of saying and light verbs: a person who says or is something takes part in no act of the story. */
const NO_ACT = new Set(['say', 'tell', 'add', 'state', 'report', 'note', 'claim', 'be', 'have', 'do', 'get', 'make', 'go', 'come', 'identify', 'describe', 'name', 'call', 'know']);
/** The verbs of saying among them (a particle makes no act of them: "told off", "added up"). */
const SAYING = new Set(['say', 'tell', 'add', 'state', 'report', 'note', 'claim', 'identify', 'describe', 'name']);
/** A verb of saying or a light verb ("did", "made"): its act is in its object or its clause, not in the verb. */
export const noActVerb = (lemma: string): boolean => NO_ACT.has(lemma.toLowerCase());

/**
 * The acts a person (the words from `start` to `end`) takes part in, by the parse, as
 * "lemma:agent", "lemma:patient" or "lemma:oblique": the verb the phrase is the subject of ("Roe
 * struck" → strike:agent), the passive subject or object of ("Jane Roe was arrested", "arrested
 * Jane Roe" → arrest:patient), and a past participle on it ("a woman charged with killing" →
 * charge:patient). Verbs of saying and light verbs are left out. Empty without a parse.
 */
export function participantVerbs(s: Sent, start: number, end: number): Set<string> {
  const out = new Set<string>();
  const tokens = parseOf(s.art);
  if (!tokens) return out;
  const kids = kidsOf(tokens);
  for (let i = phraseHead(tokens, { start, end }) ?? -1, step = 0; i >= 0 && step < 3; step++) {
    const add = (v: number, role: string) => {
      const lemma = tokens[v].lemma.toLowerCase();
      const act = NO_ACT.has(lemma) ? lightVerbAct(tokens, v, lemma) : lemma;
      if (act) out.add(`${act}:${role}`);
    };
    for (const c of kids[i]) if (relOf(tokens[c]) === 'acl' && tokens[c].upos === 'VERB') add(c, /(?:ed|en)$/i.test(tokens[c].text) ? 'patient' : 'agent');
    const h = tokens[i].head;
    if (h < 0) break;
    const rel = relOf(tokens[i]);
    // (a participle after a copula is often tagged an adjective: "is now accused of murdering"; a
    // noun coordinated with a verb is a misattached object: "arrested a 60-year-old, terminally ill woman")
    const verb = tokens[h].upos === 'VERB' || (tokens[h].upos === 'ADJ' && /(?:ed|en)$/.test(tokens[h].text));
    // the subject of a participle after a copula ("Roe is accused") undergoes the act
    const copula = kids[h].some((c) => ['cop', 'aux:pass'].includes(tokens[c].deprel));
    const active = rel === 'nsubj' && tokens[i].deprel !== 'nsubj:pass' && !copula;
    if ((PARTICIPANT.has(rel) || (rel === 'conj' && tokens[h].upos === 'VERB')) && verb) add(h, rel === 'obl' ? 'oblique' : active ? 'agent' : 'patient');
    // (a name split by the parse, "Mary Ellen Hartley Roe" with Roe an nmod of Mary, is one name)
    if (!RENAMES.has(rel) && !(rel === 'nmod' && tokens[h].upos === 'PROPN' && tokens[i].upos === 'PROPN')) break;
    i = h;
  }
  return out;
}

/**
 * The noun an age describes, by the parse: "a 60-year-old woman", "a 60-year-old, terminally ill
 * woman" → its token index; -1 when the age hangs on no noun or the article has no parse.
 */
export function describedNoun(s: Sent, q: Quantity): { noun: number; tokens: readonly SyntaxToken[] } | null {
  const tokens = parseOf(s.art);
  if (!tokens) return null;
  for (let i = tokenAt(tokens, q.span.start); i < tokens.length && tokens[i].start < q.span.end; i++) {
    const h = tokens[i].head;
    if (h >= 0 && (tokens[h].start >= q.span.end || tokens[h].start < q.span.start) && tokens[h].upos === 'NOUN' && h > i) return { noun: h, tokens };
  }
  // parses of stacked modifiers often attach the age elsewhere: the first noun after it across
  // adjectives, adverbs and commas only ("a 60-year-old, terminally ill woman")
  for (let i = tokenAt(tokens, q.span.end); i < tokens.length && i <= tokenAt(tokens, q.span.end) + 4; i++) {
    if (tokens[i].upos === 'NOUN') return { noun: i, tokens };
    if (!['ADJ', 'ADV'].includes(tokens[i].upos) && tokens[i].text !== ',') break;
  }
  return null;
}

/** When a clause puts its act: before the article was written, or after it. */
export type ClauseTime = 'past' | 'future';

/** Predicates that, with "to", put the act they complete ahead ("is due to appear", "is scheduled to resume", "is set to"). */
const AHEAD = new Set(['due', 'scheduled', 'set', 'slated', 'expected', 'poised', 'going', 'about']);

/** The relations of a verb's auxiliaries and copula (made once: clauseTime is asked of every clause). */
const AUX_OR_COPULA: ReadonlySet<string> = new Set(['aux', 'cop']);

/**
 * The time the clause headed by `c` puts its act at, by its verb's form: future with "will" or
 * "shall" ("will see Dr Roe Friday"), or a predicate of what is ahead before "to" ("is due to
 * appear"); past with a past-tense verb or auxiliary ("met", "was charged", "had been released")
 * or a perfect ("has been charged"); null for the present, another modal ("would be closed" is
 * also a past's "will", "could stymie" a guess) and anything the parse does not say.
 */
export function clauseTime(tokens: readonly SyntaxToken[], kids: number[][], c: number): ClauseTime | null {
  const t = tokens[c];
  const aux = kids[c].filter((k) => AUX_OR_COPULA.has(relOf(tokens[k])));
  const lemma = (k: number) => tokens[k].lemma.toLowerCase();
  if (aux.some((k) => lemma(k) === 'will' || lemma(k) === 'shall' || tokens[k].text.toLowerCase() === "'ll")) return 'future';
  // (another modal, or "was to remain closed": a past's future)
  if (aux.some((k) => tokens[k].xpos === 'MD') || kids[c].some((k) => relOf(tokens[k]) === 'mark' && lemma(k) === 'to')) return null;
  const pastAux = aux.some((k) => tokens[k].xpos === 'VBD');
  if (AHEAD.has(t.lemma.toLowerCase()) && kids[c].some((k) => relOf(tokens[k]) === 'xcomp')) return pastAux ? null : 'future';
  if (t.xpos === 'VBD' || pastAux) return 'past';
  if (t.xpos === 'VBN' && aux.some((k) => lemma(k) === 'have')) return 'past';
  return null;
}

/**
 * A second look at the quotes found by the rules and the attribution tagger (../quotes.ts), with
 * the dependency tree of the article (../syntax): the syntax issue's reading of attribution, where
 * the speaker is the subject of the cue and the cue is a word of attribution.
 *
 * - Each quote's cue gets its class from the cue's lemma (cues.ts). A quote whose cue is a verb
 *   outside the lexicon that neither takes a clause nor introduces a quotation ("Minnesota traded
 *   him to Carolina") gets no class: it stays for PolNeAR's broad guideline (which annotates
 *   "voted for", "thanked", "declined to"), and the speech-only quote ledger leaves it out.
 * - A speaker whose phrase is headed by an adjective, determiner or adverb ("Republican", "Some",
 *   "Recent") is not a speaker: it gives way to the cue's subject, or to no speaker.
 * - A quote left without a speaker gets the cue's subject ("…, the governor said": the governor).
 */
import type { CueClass, Quote, Span, SyntaxToken } from '../../model/types.js';
import { argumentsOf, childrenOf, phraseHead, universalRelation } from '../syntax/helpers.js';
import { COUNTRY_BY_NAME, INSTITUTION_PLACES } from '../entities/gazetteer.js';
import { WEEKDAYS } from '../../text/calendar.js';
import { partitionPoint } from '../../util/search.js';
import { cueClassOf } from './cues.js';
import { speakerNoun } from './speakers.js';
import { bestEnd, type CueScorer, endQuestion, loadContentEnds } from './content-ends.js';
import { bestCut, loadContentCuts } from './content-cuts.js';

export type ResolveSpeaker = (span: Span) => { entity: string | null; name: string | null };

/** Parts of speech that can head a speaker's noun phrase. */
const SPEAKER_HEAD = new Set(['PROPN', 'NOUN', 'PRON']);

/**
 * Parts of speech that cannot head a speaker ("Republican", "Recent", "Our", "whether"). Not VERB:
 * the tagger, trained on web text, takes some surnames for verbs.
 */
const NOT_SPEAKER_HEAD = new Set(['ADJ', 'DET', 'ADV', 'ADP', 'SCONJ', 'CCONJ', 'PART', 'AUX', 'PUNCT', 'INTJ']);

/** Children of a verb that make it take reported content: a clause or a controlled clause. */
const CLAUSAL_COMPLEMENT = new Set(['ccomp', 'xcomp', 'csubj', 'parataxis']);

/** Dependents that belong to a speaker's name phrase ("the company's chief spokesman"), not clauses or appositions. */
const NAME_PARTS = new Set(['compound', 'flat', 'det', 'amod', 'nmod:poss', 'nummod', 'case', 'goeswith']);


/** Per article (its parse): each token's children, computed once for the passes and the review that read them (read-only). */
const CHILDREN = new WeakMap<readonly SyntaxToken[], number[][]>();

/** The children of every token of an article's parse (syntax/helpers childrenOf), kept for the article. */
export function parseChildren(tokens: readonly SyntaxToken[]): number[][] {
  let kids = CHILDREN.get(tokens);
  if (!kids) CHILDREN.set(tokens, (kids = childrenOf(tokens)));
  return kids;
}

/** Index of the token covering character `pos` (tokens are in text order), or -1. */
export function tokenCovering(tokens: readonly SyntaxToken[], pos: number): number {
  const i = partitionPoint(tokens, (t) => t.end <= pos);
  return i < tokens.length && tokens[i].start <= pos ? i : -1;
}

/** The span of a subject's name phrase: the token with its determiners, modifiers, compounds and possessors (not its preposition). */
export function namePhrase(tokens: readonly SyntaxToken[], kids: number[][], i: number): Span {
  let start = tokens[i].start;
  let end = tokens[i].end;
  const stack = [i];
  for (let steps = 0; stack.length && steps < 64; steps++) {
    const x = stack.pop()!;
    for (const c of kids[x]) {
      if (!NAME_PARTS.has(tokens[c].deprel) && !(x !== i && universalRelation(tokens[c].deprel) === 'nmod')) continue;
      // the phrase's own preposition ("according to X", "by X") is not part of the name; a possessor's "'s" is
      if ((c > i || x === i) && universalRelation(tokens[c].deprel) === 'case') continue;
      start = Math.min(start, tokens[c].start);
      end = Math.max(end, tokens[c].end);
      stack.push(c);
    }
  }
  return { start, end };
}

/** The cue's speaker by the tree: the subject of the cue verb, or the object of "according to". */
function subjectOfCue(tokens: readonly SyntaxToken[], kids: number[][], cue: number): number | null {
  const t = tokens[cue];
  if (t.lemma.toLowerCase() === 'accord' || t.text.toLowerCase() === 'according') return t.head >= 0 ? t.head : null;
  if (t.upos !== 'VERB') return null;
  // the subject of a passive cue is what was said or claimed ("both attacks were claimed by …"), not who
  const subjects = argumentsOf(tokens, cue, kids).subjects.filter((s) => SPEAKER_HEAD.has(tokens[s].upos) && !tokens[s].deprel.endsWith(':pass'));
  return subjects[0] ?? null;
}

const inside = (s: Span, q: Quote) => s.start < q.span.end && s.end > q.span.start && !(q.parts && !q.parts.some((p) => s.start < p.end && s.end > p.start));

/** The class of a quote's cue; null when the cue is a verb of no attribution. Quotations without a cue word are speech. */
function classify(text: string, q: Quote, cueToken: SyntaxToken | null): CueClass | null | 'keep' {
  if (!q.cue) return 'speech';
  const verb = q.cue.verb.toLowerCase();
  if (!/\p{L}/u.test(verb)) return 'speech'; // a colon or a dash introducing a quotation
  const byLemma = cueToken ? cueClassOf(cueToken.lemma) : null;
  const cls = byLemma ?? cueClassOf(verb) ?? cueClassOf(text.slice(q.cue.span.start, q.cue.span.end));
  if (cls) return cls;
  // only a verb is judged: the tagger's other cue words (nouns, "via", odd spans) are left as they are
  return cueToken && cueToken.upos === 'VERB' ? null : 'keep';
}

/** A verb outside the lexicon still reports when it takes a clause ("appeared to concede", "railed that …"). */
function takesClause(tokens: readonly SyntaxToken[], kids: number[][], cue: number): boolean {
  return kids[cue].some((c) => CLAUSAL_COMPLEMENT.has(universalRelation(tokens[c].deprel)));
}

/**
 * A speaker phrase that names no one: no noun, name or pronoun in it, and headed by an adjective,
 * determiner, adverb… ("Republican", "Recent", "whether any"), unless that word is the cue's own
 * subject ("Most believe": a quantifier standing for people, which PolNeAR counts as a source).
 */
function notASpeaker(tokens: readonly SyntaxToken[], span: Span, cue: number): boolean {
  for (let i = Math.max(0, tokenCovering(tokens, span.start)); i < tokens.length && tokens[i].start < span.end; i++) if (SPEAKER_HEAD.has(tokens[i].upos)) return false;
  const h = phraseHead(tokens, span);
  if (h === null || !NOT_SPEAKER_HEAD.has(tokens[h].upos)) return false;
  return !(cue >= 0 && tokens[h].head === cue && universalRelation(tokens[h].deprel) === 'nsubj');
}

/**
 * The cue classifier's score (../attribution/cue-classifier.ts) below which a verb outside the
 * lexicon that takes no clause (or a speech verb whose content has no predicate) is not an
 * attribution's cue, and its indirect quote goes: the tagger takes the object of many action verbs
 * for content ("offering [analysis of …]", "imposed [sanctions …]", "released [the returns]").
 * Chosen on PolNeAR train, where such quotes scored below -10 match a gold 0.27 of the time and
 * those from -10 to -5 0.39, about F1's break-even (F1 / 2); other lexicon cues' quotes stay
 * whatever the score (dropping those too lost matches on the development half of dev). NOTES.md
 * "Action verbs the classifier rejects". `TRIANGULATE_ACTION_FLOOR` overrides it for a sweep.
 */
const ACTION_CUE_FLOOR = Number(process.env.TRIANGULATE_ACTION_FLOOR ?? '-10');

/** Whether the classifier scores the verb cue `cue` below ACTION_CUE_FLOOR (false when it is not asked about it). */
function rejectedActionCue(cueScore: CueScorer | null, cue: number): boolean {
  const s = cueScore && cue >= 0 ? cueScore(cue) : null;
  return s !== null && s < ACTION_CUE_FLOOR;
}

/** A verb outside the lexicon that takes a clause ("railed that …") or introduces a quotation reports speech. */
function reportsSpeech(text: string, quote: Quote, tokens: readonly SyntaxToken[], kids: number[][], cue: number): boolean {
  return takesClause(tokens, kids, cue) || /[“”"]/.test(text.slice(quote.span.start, quote.span.end));
}

/**
 * Whether the review drops `quote` as an action verb's object the tagger took for content: the cue
 * classifier rejects its verb cue, and the verb is outside the lexicon and neither takes a clause nor
 * introduces a quotation, or it is a speech verb whose content has no predicate (the review's cuts
 * only shorten a content). Pass 3 lets a cue's clause through such a quote (it goes), else the
 * attribution is lost.
 */
export function actionObjectQuote(text: string, quote: Quote, tokens: readonly SyntaxToken[], kids: number[][], cueScore: CueScorer | null): boolean {
  if (quote.kind !== 'indirect' || !quote.cue) return false;
  const cueIdx = tokenCovering(tokens, quote.cue.span.start);
  if (cueIdx < 0) return false;
  // the classifier last: its score is the costly question (most cues are in the lexicon, or speech with a predicate)
  const cls = classify(text, quote, tokens[cueIdx]);
  if (cls !== null && cls !== 'speech') return false;
  const speech = cls === 'speech' || reportsSpeech(text, quote, tokens, kids, cueIdx);
  if (speech && (quote.parts || tokens[cueIdx].upos !== 'VERB' || hasPredicate(tokens, quote.span))) return false;
  return rejectedActionCue(cueScore, cueIdx);
}

/** Reviews `quotes` against the article's parse; returns the quotes kept, with their cue class and repaired speakers. */
export function reviewWithSyntax(text: string, quotes: readonly Quote[], tokens: readonly SyntaxToken[], resolve: ResolveSpeaker, cueScore: CueScorer | null = null): Quote[] {
  if (!tokens.length) return [...quotes];
  const kids = parseChildren(tokens);
  const out: Quote[] = [];
  for (const quote of quotes) {
    const cueIdx = quote.cue ? tokenCovering(tokens, quote.cue.span.start) : -1;
    const cueToken = cueIdx >= 0 ? tokens[cueIdx] : null;
    const cls = classify(text, quote, cueToken);
    const q: Quote = { ...quote };
    // the class is set on the copy once, after the checks below that may take it back (a property
    // deleted from an object turns it into a slow dictionary for every later read)
    let cueClass = q.cueClass;
    if (cls !== null && cls !== 'keep') cueClass = cls;
    else if (cls === null && reportsSpeech(text, quote, tokens, kids, cueIdx)) cueClass = 'speech';
    else if (cls === null && q.kind === 'indirect' && rejectedActionCue(cueScore, cueIdx)) continue;
    const subj = cueIdx >= 0 ? subjectOfCue(tokens, kids, cueIdx) : null;
    const subjSpan = subj !== null ? namePhrase(tokens, kids, subj) : null;
    const usable = subjSpan && !inside(subjSpan, q) ? subjSpan : null;
    if (q.speakerSpan ? notASpeaker(tokens, q.speakerSpan, cueIdx) : usable) setSpeaker(q, usable, resolve);
    // the rules took the apposition for the speaker ("Kevin D. Williamson, one of several critics …,
    // said"): the subject of the cue and its apposition are the speaker
    else if (usable && q.speakerSpan && q.cue && usable.end <= q.speakerSpan.start && q.speakerSpan.end <= q.cue.span.start && tokens[subj!].head === cueIdx && kids[subj!].some((c) => universalRelation(tokens[c].deprel) === 'appos' && tokens[c].start >= q.speakerSpan!.start && tokens[c].start < q.speakerSpan!.end))
      setSpeaker(q, { start: usable.start, end: q.speakerSpan.end }, resolve);
    if (q.kind === 'indirect' && !q.parts && cueToken?.upos === 'VERB') {
      endAtCueClause(text, tokens, kids, q, cueIdx);
      rankContentEnd(tokens, kids, q, cueIdx, cueScore);
      cutContent(tokens, kids, q, cueIdx, cueScore);
    }
    if (cueClass === 'speech' && q.kind === 'indirect' && !hasPredicate(tokens, q.span)) {
      // a speech verb used as an action ("published [the book]", "called [an emergency meeting]"), as above
      if (cueToken?.upos === 'VERB' && rejectedActionCue(cueScore, cueIdx)) continue;
      cueClass = undefined;
      if ('cueClass' in q) delete q.cueClass;
    }
    if (cueClass !== undefined) q.cueClass = cueClass;
    if (q.speakerSpan) nameAtHead(tokens, kids, q, resolve);
    checkSpeaker(text, tokens, kids, q, resolve);
    out.push(q);
  }
  return withoutNestedActs(withoutSwallowed(text, out));
}

/**
 * An attribution of thought, stance, evidence or action ("they would [support the proposal]", "he
 * [believed that …]") whose cue lies inside another quote's content is part of what that quote
 * reports, not an attribution the article makes: PolNeAR annotates the outer report and, out of fold
 * on its train split, 11 of 65 such indirect quotes matched one (under F1's break-even of about a
 * third; quotes/NOTES.md, session 33). The quote ledger leaves them out already (it counts speech
 * only, as the Gender Gap Tracker does), so they go; a nested report of speech stays (the ledger
 * reads it), and so does a quotation.
 */
function withoutNestedActs(quotes: Quote[]): Quote[] {
  const acts = quotes.map((q, i) => i).filter((i) => quotes[i].kind === 'indirect' && quotes[i].cueClass !== 'speech' && quotes[i].cue !== null);
  if (!acts.length) return quotes;
  // every content part by its start; one sweep over the acts by their cue's start keeps the two
  // furthest-reaching parts of different quotes begun so far (so an act's own part is never its host)
  const parts = quotes.flatMap((q, owner) => (q.parts ?? [q.span]).map((p) => ({ start: p.start, end: p.end, owner })));
  parts.sort((a, b) => a.start - b.start || a.owner - b.owner);
  acts.sort((a, b) => quotes[a].cue!.span.start - quotes[b].cue!.span.start || a - b);
  let first = { end: -1, owner: -1 };
  let second = { end: -1, owner: -1 };
  const nested = new Set<number>();
  let p = 0;
  for (const i of acts) {
    const cue = quotes[i].cue!.span;
    for (; p < parts.length && parts[p].start <= cue.start; p++) {
      const { end, owner } = parts[p];
      if (owner === first.owner) first = { end: Math.max(end, first.end), owner };
      else if (end > first.end) [second, first] = [first, { end, owner }];
      else if (end > second.end) second = { end, owner };
      if (second.end > first.end) [first, second] = [second, first];
    }
    const host = first.owner !== i ? first : second;
    if (host.owner >= 0 && host.end >= cue.end) nested.add(i);
  }
  return nested.size ? quotes.filter((_, i) => !nested.has(i)) : quotes;
}

/**
 * A quote that lies inside another quote of the same cue after the review is part of that one
 * attribution: the content-end ranker extended an indirect content over a quotation its cue also
 * introduces ("Mr. Obama said the museum would document … -- ''the president but also the slave
 * …''"), which the passes had made a quote of its own. The inner one goes.
 */
function withoutSwallowed(text: string, quotes: Quote[]): Quote[] {
  // the quotes of each cue (only quotes of one cue are compared: grouping keeps the review linear)
  const byCue = new Map<string, number[]>();
  const sameCue = quotes.map((q, i) => {
    if (!q.cue) return [];
    const key = `${q.cue.span.start}:${q.cue.span.end}`;
    const group = byCue.get(key) ?? byCue.set(key, []).get(key)!;
    group.push(i);
    return group;
  });
  // the words of a span: a quotation's marks and final stop are no words the content leaves out
  const words = quotes.map((q) => {
    let { start, end } = q.span;
    while (start < end && !/[\p{L}\p{N}]/u.test(text[start])) start++;
    while (end > start && !/[\p{L}\p{N}]/u.test(text[end - 1])) end--;
    return { start, end };
  });
  // a split quote ("…," she said, "…") spans its parts and what lies between them: not one content
  const swallowed = (q: Quote, i: number) =>
    !q.parts &&
    sameCue[i].some((k) => k !== i && quotes[k].kind === 'indirect' && !quotes[k].parts && words[k].start <= words[i].start && words[i].end <= words[k].end && (words[k].end - words[k].start > words[i].end - words[i].start || k < i));
  return quotes.some(swallowed) ? quotes.filter((q, i) => !swallowed(q, i)) : quotes;
}

/** Most tokens of a cue's clause walked to find where it ends (a sentence's parse is far smaller). */
const MAX_CLAUSE_TOKENS = 2000;

/**
 * Reported content is an argument of its cue (PolNeAR follows PARC's reading of attribution: the
 * source, the cue and the content the cue introduces; the content spans "end at the clause
 * end"), so indirect content does not run on past the end of the cue verb's clause (the verb with
 * all its dependents) into the clause above it: "After X questioned [his ability to continue his
 * campaign], Clinton's sudden health care scare has …". The content is cut there only when a comma,
 * semicolon or dash marks that boundary in the text; where the parse alone puts a boundary with no
 * punctuation ("gun control | is not the solution") it is as often the parse's error.
 */
function endAtCueClause(text: string, tokens: readonly SyntaxToken[], kids: number[][], q: Quote, cue: number): void {
  let end = tokens[cue].end;
  const stack = [cue];
  for (let steps = 0; stack.length && steps < MAX_CLAUSE_TOKENS; steps++) {
    const x = stack.pop()!;
    // a punctuation mark the parse hangs on the clause is not where its words end
    if (tokens[x].upos !== 'PUNCT') end = Math.max(end, tokens[x].end);
    stack.push(...kids[x]);
  }
  if (q.span.end <= end || q.span.start >= end) return;
  if (!/^\s*[,;—–―-]/.test(text.slice(end, q.span.end))) return;
  let e = end;
  while (e > q.span.start && /[\s,;:.—–-]/.test(text[e - 1])) e--;
  if (e - q.span.start < 2 || !/[\p{L}\p{N}]/u.test(text.slice(q.span.start, e))) return;
  q.span = { start: q.span.start, end: e };
}

/**
 * The content's end as the content-end ranker (content-ends.ts) ranks it, for indirect content
 * that follows its verb cue within the cue's sentence; unchanged when no model file is there
 * (models/content-ends.bin, measured in quotes/NOTES.md).
 */
function rankContentEnd(tokens: readonly SyntaxToken[], kids: number[][], q: Quote, cue: number, cueScore: CueScorer | null): void {
  const model = loadContentEnds();
  const qn = model ? endQuestion(tokens, q.span, cue, cueScore) : null;
  if (!model || !qn) return;
  const end = bestEnd(model, tokens, kids, qn);
  if (end !== qn.current) q.span = { start: q.span.start, end: tokens[end].end };
}

/**
 * The content cut before a phrase it ran on into, as the cut model (content-cuts.ts) ranks the
 * cuts against keeping it whole; unchanged without its model file (models/content-cuts.bin).
 */
function cutContent(tokens: readonly SyntaxToken[], kids: number[][], q: Quote, cue: number, cueScore: CueScorer | null): void {
  const model = loadContentCuts();
  const qn = model ? endQuestion(tokens, q.span, cue, cueScore) : null;
  if (!model || !qn) return;
  const end = bestCut(model, tokens, kids, qn);
  if (end !== qn.current) q.span = { start: q.span.start, end: tokens[end].end };
}

function setSpeaker(q: Quote, span: Span | null, resolve: ResolveSpeaker): void {
  q.speakerSpan = span;
  const r = span ? resolve(span) : { entity: null, name: null };
  q.speaker = r.entity;
  q.speakerName = r.name;
}

/**
 * Reported content that is a statement has a predicate: a verb or an auxiliary ("the talks failed",
 * "that he is innocent"). "He announced the sentiment", "said to the United States": the object
 * of a verb is no statement, and the speech-only ledger leaves it out (PolNeAR still scores it).
 */
function hasPredicate(tokens: readonly SyntaxToken[], span: Span): boolean {
  for (let i = Math.max(0, tokenCovering(tokens, span.start)); i < tokens.length && tokens[i].start < span.end; i++) {
    if (tokens[i].upos === 'VERB' || tokens[i].upos === 'AUX' || tokens[i].upos === 'INTJ') return true; // INTJ: "said yes"
  }
  return false;
}

/** Heads of a time phrase the rules can take for a subject ("this month", "this fall"). */
const TIME_HEADS = new Set(['day', 'week', 'weekend', 'month', 'year', 'fall', 'spring', 'summer', 'winter', 'today', 'yesterday', 'tomorrow', 'morning', 'afternoon', 'evening', 'night', ...WEEKDAYS]);

/**
 * A speaker is a person or an organisation. The span stays (it is where the text attributes the
 * words); the resolved speaker is checked against the head of the phrase:
 * - a resolved name that is the head or follows it ("ministry spokesman John Doe", "A spokesman,
 *   Peter Cook,": a title or an apposition) stays,
 *   but a place stays only as a country (standing for its government) or a seat of government, and
 *   a demonym or party word only as a plural group ("Republicans", not "Republican");
 * - a name that only modifies the head ("The Republican nominee", "a New York judge", "the Trump
 *   campaign") is not the speaker: the description as written is;
 * - a phrase headed by no noun, name or pronoun ("Some", "Recent", "Our"), by a time word
 *   ("this month") or by a common noun that cannot speak ("the general strike") names nobody.
 */
function checkSpeaker(text: string, tokens: readonly SyntaxToken[], kids: number[][], q: Quote, resolve: ResolveSpeaker): void {
  if (!q.speakerSpan) return;
  const colon = q.speaker ? q.speaker.indexOf(':') : -1;
  const type = q.speaker == null ? null : colon < 0 ? q.speaker : q.speaker.slice(0, colon);
  const name = (q.speakerName ?? '').toLowerCase();
  // (asked of a place only)
  const placeOk = () => {
    const plain = name.replace(/^the\s+/, '');
    return COUNTRY_BY_NAME.has(plain) || INSTITUTION_PLACES.has(plain);
  };
  const h = phraseHead(tokens, q.speakerSpan);
  const head = h === null ? null : tokens[h];
  const headWord = head ? head.text.toLowerCase().replace(/['’]s?$/, '') : '';
  const drop = () => {
    q.speaker = null;
    q.speakerName = null;
  };
  if (!head || head.upos === 'PRON') {
    // a pronoun resolved to a place or a demonym: not a speaker
    if (type === 'MISC' || (type === 'LOC' && !placeOk())) drop();
    return;
  }
  if (TIME_HEADS.has(headWord)) return drop();
  // a person named beside the organisation the parse made the head: the organisation is the
  // person's affiliation ("Director at security company Trusteer, Dana Tamir"; resolveSpeaker)
  const affiliation = type === 'PER' && resolve({ start: head.start, end: head.end }).entity?.startsWith('ORG:') === true;
  if (type && headWord && (affiliation || nameAtHeadWords(tokens, kids, h!, name))) {
    if (type === 'LOC' && !placeOk()) drop();
    else if (type === 'MISC' && !/s$/.test(headWord)) drop();
    return;
  }
  // (a thing shows or reveals: "the recording shows", an evidence cue's source need not speak)
  if (head.upos === 'NOUN' && q.cueClass !== 'evidence' && mutePhrase(tokens, kids, q.speakerSpan, h!)) return drop();
  if (head.upos === 'NOUN' || head.upos === 'PROPN') {
    // a definite description the text has tied to a name ("the actress" after "actress Susan
    // Sarandon"), else the description as written ("the governor", "Experts", "The Republican nominee")
    const named = definiteReferent(tokens, kids, h!, q.speakerSpan, resolve);
    q.speaker = named?.entity ?? null;
    q.speakerName = named?.name ?? text.slice(q.speakerSpan.start, q.speakerSpan.end).replace(/[\s,;:]+$/, '');
  } else if (!(type === 'PER' || type === 'ORG')) drop();
}

/**
 * A common noun (in lower case, or a sentence's first word) that cannot stand for a speaker (speakers.ts `speakerNoun`:
 * "the general strike", "no single blow", "the phone"); an amount is judged by what it counts
 * ("millions of Americans": Americans; "a number of sites": sites; "64 percent": a speaker).
 */
function mute(tokens: readonly SyntaxToken[], kids: number[][], head: number): boolean {
  // (a capital only a sentence's first word has is no name's, "Dozens of …", unless a capitalised word follows: "Priorities USA")
  const first = head === 0 || tokens[head - 1].sentence !== tokens[head].sentence;
  const common = /^\p{Ll}/u.test(tokens[head].text) || (first && !/^\p{Lu}/u.test(tokens[head + 1]?.text ?? ''));
  const kind = common ? speakerNoun(tokens[head].lemma) : null;
  if (kind !== 'count') return kind === 'mute';
  const of = kids[head].find((c) => c > head && universalRelation(tokens[c].deprel) === 'nmod' && kids[c].some((d) => tokens[d].lemma.toLowerCase() === 'of'));
  return of !== undefined && tokens[of].upos === 'NOUN' && mute(tokens, kids, of);
}

/**
 * Whether a speaker phrase names no speaker by its nouns: its head cannot speak (`mute`), and
 * neither can any other noun, name or pronoun of the phrase that the parse hangs outside it (a
 * phrase the rules cut across two constituents, "The person familiar with the planning", is not
 * judged by its last noun alone).
 */
function mutePhrase(tokens: readonly SyntaxToken[], kids: number[][], span: Span, head: number): boolean {
  if (!mute(tokens, kids, head)) return false;
  for (let i = Math.max(0, tokenCovering(tokens, span.start)); i < tokens.length && tokens[i].start < span.end; i++) {
    const h = tokens[i].head;
    const outside = h < 0 || tokens[h].start < span.start || tokens[h].end > span.end;
    if (i !== head && outside && SPEAKER_HEAD.has(tokens[i].upos) && !(tokens[i].upos === 'NOUN' && mute(tokens, kids, i))) return false;
  }
  return true;
}

/** Is a word of the resolved `name` the phrase's head, or in the name that follows it (flat, compound or apposition: "spokeswoman Melezia Figueroa", "A spokesman, Peter Cook")? */
function nameAtHeadWords(tokens: readonly SyntaxToken[], kids: number[][], head: number, name: string): boolean {
  const words = new Set(name.split(/[\s-]+/).filter(Boolean));
  const has = (i: number) => words.has(tokens[i].text.toLowerCase().replace(/['’]s?$/, ''));
  if (has(head)) return true;
  for (const c of kids[head]) {
    if (c < head || !NAME_AFTER_HEAD.has(universalRelation(tokens[c].deprel))) continue;
    if (has(c) || kids[c].some((d) => universalRelation(tokens[d].deprel) === 'flat' && has(d))) return true;
  }
  return false;
}

/** Relations by which a name follows a title or a description at the head of a speaker phrase ("spokeswoman Melezia Figueroa", "A spokesman, Peter Cook"). */
const NAME_AFTER_HEAD = new Set(['appos', 'flat', 'compound']);

/**
 * The speaker's name from the head of the phrase, not from whatever name comes last in it:
 * "Leonard E. Burman, director of … at the Maxwell School" is Burman, "Rendell, a Clinton
 * surrogate," is Rendell. The head itself when it is a name, else the first name that follows the
 * head as its apposition or flat/compound part ("Mrs. Clinton" parsed with "Mrs." as head).
 */
function nameAtHead(tokens: readonly SyntaxToken[], kids: number[][], q: Quote, resolve: ResolveSpeaker): void {
  const span = q.speakerSpan!;
  const h = phraseHead(tokens, span);
  if (h === null || tokens[h].upos === 'PRON') return;
  const candidates = tokens[h].upos === 'PROPN' ? [h] : [];
  for (const c of kids[h]) if (c > h && tokens[c].upos === 'PROPN' && NAME_AFTER_HEAD.has(universalRelation(tokens[c].deprel)) && tokens[c].end <= span.end) candidates.push(c);
  for (const c of candidates) {
    // a name goes on over its flat parts: "General Manager J.R. Roe" parsed with "Manager" as head
    // and "J.R. Roe" flat under it names Roe (the resolver prefers the person or organisation
    // mentioned in the span); else the word alone, as before
    let end = tokens[c].end;
    for (const f of kids[c]) if (f > c && universalRelation(tokens[f].deprel) === 'flat' && tokens[f].end <= span.end) end = Math.max(end, tokens[f].end);
    const whole = resolve({ start: tokens[c].start, end });
    const r = /^(PER|ORG):/.test(whole.entity ?? '') ? whole : resolve({ start: tokens[c].start, end: tokens[c].end });
    if (!r.entity) continue;
    // an organisation the parse made the head does not replace a person the phrase names (its affiliation)
    if (r.entity.startsWith('ORG:') && q.speaker?.startsWith('PER:')) return;
    q.speaker = r.entity;
    q.speakerName = r.name;
    break;
  }
  const titled = /^(ORG|LOC):/.test(q.speaker ?? '') ? titledRunPerson(tokens, span, q, resolve) : null;
  if (titled) {
    q.speaker = titled.entity;
    q.speakerName = titled.name;
  }
}

/** A speaker phrase linked as the review links a quote's speaker: the resolver, then the head of the phrase. */
export function linkSpeaker(text: string, tokens: readonly SyntaxToken[], span: Span, resolve: ResolveSpeaker): { entity: string | null; name: string | null } {
  const r = resolve(span);
  const q: Quote = { span: { start: 0, end: 0 }, kind: 'indirect', speakerSpan: span, speaker: r.entity, speakerName: r.name, cue: null };
  const kids = parseChildren(tokens);
  nameAtHead(tokens, kids, q, resolve);
  checkSpeaker(text, tokens, kids, q, resolve);
  return { entity: q.speaker, name: q.speakerName };
}

interface Referent {
  pos: number;
  entity: string;
  name: string | null;
}

/** Per article (its token array): role noun → the named people and organisations it was written next to, in text order. */
const ROLE_INDEX = new WeakMap<readonly SyntaxToken[], Map<string, Referent[]>>();

/**
 * Role nouns the text ties to a name: "actress Susan Sarandon" (the noun a compound of the name, or
 * the name following the noun), "Sarandon, the actress" / "the governor, Mike Pence" (apposition);
 * a title written before a name ("Judge Vincent Del Giudice"); a noun of saying, to who issued it.
 */
function roleIndex(tokens: readonly SyntaxToken[], kids: number[][], resolve: ResolveSpeaker): Map<string, Referent[]> {
  const cached = ROLE_INDEX.get(tokens);
  if (cached) return cached;
  const out = new Map<string, Referent[]>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const ref = titledPerson(tokens, i, resolve) ?? (t.upos === 'NOUN' ? (documentIssuer(tokens, kids, i, resolve) ?? namedRole(tokens, kids, i, resolve)) : null);
    if (!ref) continue;
    const key = t.lemma.toLowerCase();
    if (!out.has(key)) out.set(key, []);
    out.get(key)!.push({ pos: t.start, ...ref });
  }
  ROLE_INDEX.set(tokens, out);
  return out;
}

/** A role noun tied to a person's or organisation's name by the parse: "actress Susan Sarandon", "Sarandon, the actress". */
function namedRole(tokens: readonly SyntaxToken[], kids: number[][], i: number, resolve: ResolveSpeaker): { entity: string; name: string | null } | null {
  const t = tokens[i];
  const rel = universalRelation(t.deprel);
  const name =
    (rel === 'compound' || rel === 'appos') && t.head >= 0 && tokens[t.head].upos === 'PROPN'
      ? t.head
      : (kids[i].find((c) => c > i && tokens[c].upos === 'PROPN' && NAME_AFTER_HEAD.has(universalRelation(tokens[c].deprel))) ?? -1);
  if (name < 0) return null;
  const r = resolve({ start: tokens[name].start, end: tokens[name].end });
  return r.entity && /^(PER|ORG):/.test(r.entity) ? { entity: r.entity, name: r.name } : null;
}

/**
 * A capitalised title written before a person's name ("Brooklyn Supreme Court Judge Vincent Del
 * Giudice", "Coach Greg McDermott"): the parse of such a run of capitals is unreliable (the title an
 * nmod of the name, the name a conjunct), so the title is read by position: the word just before
 * the person's first name word, not itself a word of that name.
 */
function titledPerson(tokens: readonly SyntaxToken[], i: number, resolve: ResolveSpeaker): { entity: string; name: string | null } | null {
  const t = tokens[i];
  const next = tokens[i + 1];
  if ((t.upos !== 'PROPN' && t.upos !== 'NOUN') || !next || next.sentence !== t.sentence || next.upos !== 'PROPN' || !/^\p{Lu}\p{Ll}+$/u.test(t.text)) return null;
  const r = resolve({ start: next.start, end: next.end });
  if (!r.entity?.startsWith('PER:')) return null;
  const words = (r.name ?? '').toLowerCase().split(/\s+/);
  // (the title, and not a word of the name, stands before the name's first word: "Court" before "Judge Del Giudice" is no title of his)
  return words.includes(t.text.toLowerCase()) || !words.includes(next.text.toLowerCase()) ? null : { entity: r.entity, name: r.name };
}

/**
 * A noun of saying (the cue lexicon's speech nouns) and who issued it: the subject of the verb it is
 * the object of ("Kraft Foods issued a statement … The statement expresses condolences"), or its
 * possessor ("the company's statement"), when that is a person or an organisation.
 */
function documentIssuer(tokens: readonly SyntaxToken[], kids: number[][], i: number, resolve: ResolveSpeaker): { entity: string; name: string | null } | null {
  const t = tokens[i];
  if (cueClassOf(t.lemma.toLowerCase()) !== 'speech') return null;
  const rel = universalRelation(t.deprel);
  const owner =
    rel === 'obj' && t.head >= 0 && tokens[t.head].upos === 'VERB'
      ? kids[t.head].find((c) => tokens[c].deprel === 'nsubj')
      : kids[i].find((c) => tokens[c].deprel === 'nmod:poss' && tokens[c].upos === 'PROPN');
  if (owner === undefined) return null;
  const r = resolve({ start: tokens[owner].start, end: tokens[owner].end });
  return r.entity && /^(PER|ORG):/.test(r.entity) ? { entity: r.entity, name: r.name } : null;
}

/**
 * A run of capitalised words from the speaker phrase to its cue that ends in a person named after a
 * title ("Brooklyn Supreme Court Judge Vincent Del Giudice said", parsed with "Brooklyn" as the
 * subject and the judge as its conjunct): the person, not the place or court the title is of
 * (asked when the phrase names an organisation or a place).
 */
function titledRunPerson(tokens: readonly SyntaxToken[], span: Span, q: Quote, resolve: ResolveSpeaker): { entity: string; name: string | null } | null {
  if (!q.cue || q.cue.span.start < span.end) return null;
  const from = tokenCovering(tokens, span.start);
  const cue = tokenCovering(tokens, q.cue.span.start);
  if (from < 0 || cue <= from + 2 || cue - from > 12) return null;
  for (let i = from; i < cue; i++) if (!/^\p{Lu}/u.test(tokens[i].text) || tokens[i].sentence !== tokens[cue].sentence) return null;
  const last = resolve({ start: tokens[cue - 1].start, end: tokens[cue - 1].end });
  // (a person named in full: a lone capitalised word the fallback calls a person, "The Hollywood Reporter", is not)
  if (!last.entity?.startsWith('PER:') || !/\s/.test(last.name ?? '')) return null;
  for (let i = from; i < cue - 1; i++) {
    const p = titledPerson(tokens, i, resolve);
    if (p?.entity === last.entity) return p;
  }
  return null;
}

/** "the actress", "the company": a singular definite description → the nearest name the text tied that noun to before it. */
function definiteReferent(tokens: readonly SyntaxToken[], kids: number[][], head: number, span: Span, resolve: ResolveSpeaker): Referent | null {
  const h = tokens[head];
  if (h.upos !== 'NOUN' || h.xpos !== 'NN') return null;
  if (!kids[head].some((c) => tokens[c].lemma.toLowerCase() === 'the' && tokens[c].start >= span.start)) return null;
  // "the Trump campaign" names its own referent
  for (let i = Math.max(0, tokenCovering(tokens, span.start)); i < tokens.length && tokens[i].start < span.end; i++) if (tokens[i].upos === 'PROPN') return null;
  const list = roleIndex(tokens, kids, resolve).get(h.lemma.toLowerCase());
  let best: Referent | null = null;
  for (const r of list ?? []) if (r.pos < span.start) best = r;
  return best;
}

/**
 * The main event claim of an article, reduced to what grouping can compare: the class of the act
 * its headline or lead sentence states (compare/act-classes.ts, FrameNet frames: "fired",
 * "dismissed" → one class; "hired" another) and the people or bodies named as its agent and its
 * patient. Two similar events of one topic share most of their words (a team firing a coach and,
 * years later, his successor; a boxer stopping one challenger, then another): who did it to whom is
 * what tells their reports apart when no date does.
 *
 * Read here from the analysed parse, not from the cross-check's claims (compare/claims.ts): those
 * are read from a story's view (`prepareStory`: its articles' sentences, linked across them), which
 * exists only once the stories do; per article it would build a whole one-article view for one
 * sentence. The lexicons are shared (act classes, act nouns, phrasal verbs, cue classes).
 *
 * A participant is kept only when it is a name (a proper noun): "the coach" is in every report of
 * both events and tells nothing. A name is known by its last word, lower case ("salazar", "lions"),
 * as people match by surname in disagreement.ts.
 */
import { cueClassOf } from '../analyse/quotes/cues.js';
import { parseSentences } from '../analyse/syntax/index.js';
import { argumentsOf, childrenOf, universalRelation } from '../analyse/syntax/helpers.js';
import { actClass, phrasalAct, verbOfActNoun } from '../compare/act-classes.js';
import type { AnnotatedArticle, SyntaxToken } from '../model/types.js';
import { monthNumber, weekdayIndex } from '../text/calendar.js';

/** One main event claim: act class, agent and patient names ('' when not a name or not stated). */
export type MainClaim = [act: string, agent: string, patient: string];

/**
 * Verbs that state no act of their own, beside the speech and thought cues (attribution-cues.tsv,
 * `cueClassOf`: "say", "tell", "want"), as a main predicate: English's most frequent verbs, whose act
 * is in their object ("is", "has", "made", "took a step": of the 18 most frequent verbs of the UD
 * English Web Treebank, these head a clausal complement in at most 0.43 of their uses), and verbs
 * whose act is in their complement ("seemed to", "tried to", "became": 0.51-0.99). Figures:
 * scripts/ud-light-verbs.ts. Compare's `noActVerb` (compare/syntax.ts) differs by its job: who takes
 * part in an act, so verbs of labelling are in it ("identified as", "named"), while here "named coach"
 * states an appointment; following the complement of the treebank's other complement-taking verbs
 * ("decided to fire") changed one development article's claims and no figure.
 */
const LIGHT = new Set(['be', 'have', 'do', 'get', 'make', 'go', 'come', 'take', 'give', 'see', 'look', 'seem', 'need', 'try', 'become', 'remain', 'appear']);
/** Longest name part kept (a stored feature: bounded). */
const MAX_NAME = 40;
const POSSESSIVE = /['’]s$/;
/** A word written in lower case (its first letter lower case, after a space or the start). */
const LOWER_WORD = /(?<![\p{L}\p{N}'’./@_-])\p{Ll}[\p{L}'’-]*/gu;

const rel = (t: SyntaxToken) => universalRelation(t.deprel);
/** Days and months are written as proper nouns but name no one. */
const isCalendarWord = (w: string) => weekdayIndex(w) >= 0 || monthNumber(w) > 0;

/** The article's name words and the words it writes in lower case (`nameWords`). */
type Words = { names: ReadonlyMap<string, string>; common: ReadonlySet<string> };
const NO_WORDS: Words = { names: new Map(), common: new Set() };

/** Relations under a participant's head word that belong to its name ("coach Maurice Cheeks", "the Bush administration"). */
const NAME_PARTS = new Set(['flat', 'compound', 'appos', 'nmod:poss']);

/**
 * The participant at token `i`: a name when its phrase has one (a proper noun, or a word of a
 * person's or body's name the recogniser found: "76ers"), known by its last word; else a noun's
 * lemma ("church", "building"), marked `~` (weaker: a common noun may be either event's); '' for a
 * pronoun or anything else.
 */
function participantOf(tokens: readonly SyntaxToken[], kids: number[][], i: number, words: Words, headline: boolean): string {
  let name = '';
  const look = (j: number) => {
    const w = tokens[j].text.toLowerCase().replace(POSSESSIVE, '');
    // (a headline in title case makes every noun a proper one: there only the recogniser's names count)
    const known = words.names.get(w);
    if (known !== undefined) name = known;
    else if (!headline && tokens[j].upos === 'PROPN' && !words.common.has(w) && /\p{L}/u.test(w) && !isCalendarWord(w)) name = w;
  };
  // (the head's own name parts, in text order: the last one is the surname)
  const parts = [i, ...kids[i].filter((k) => NAME_PARTS.has(tokens[k].deprel) || (rel(tokens[k]) === 'flat' || rel(tokens[k]) === 'compound'))].sort((a, b) => a - b);
  for (const j of parts) {
    if (j !== i && tokens[j].deprel === 'nmod:poss' && tokens[i].upos === 'PROPN') continue;
    look(j);
    if (j !== i) for (const k of kids[j]) if (rel(tokens[k]) === 'flat' && k > j) look(k);
  }
  if (name) return name.slice(0, MAX_NAME);
  const t = tokens[i];
  return t.upos === 'NOUN' || (headline && t.upos === 'PROPN') ? `~${t.lemma.toLowerCase().slice(0, MAX_NAME)}` : '';
}

/**
 * The words of the article's names of people and bodies (lower case), each with the last word of its
 * name ("orleans" → "saints": one team however a report names it), which the parse may not tag as
 * proper nouns ("76ers"); and the words its text writes in lower case somewhere ("security",
 * "emergency"): a word a text writes in lower case is no name, whatever a headline's capitals or an
 * organisation's name ("Microsoft Security Response Center") make of it.
 */
function nameWords(a: AnnotatedArticle): Words {
  const common = new Set<string>();
  for (const m of String(a.article?.text ?? '').matchAll(LOWER_WORD)) common.add(m[0]);
  // (a word of two names is the better-known one's: most mentions, then the name first in order)
  const entities = (a.entityIndex ?? []).filter((e) => e.type === 'PER' || e.type === 'ORG').sort((x, y) => y.mentions - x.mentions || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const names = new Map<string, string>();
  for (const e of entities) {
    const last = nameWord(String(e.name).split(/\s+/).pop() ?? '');
    if (!last || common.has(last)) continue;
    for (const v of [e.name, ...(e.variants ?? [])]) {
      for (const w of String(v).split(/\s+/)) {
        const x = nameWord(w);
        if (x.length > 1 && !common.has(x) && !names.has(x)) names.set(x, last);
      }
    }
  }
  return { names, common };
}

const nameWord = (w: string) => w.toLowerCase().replace(POSSESSIVE, '');

/** The act a predicate states: a verb's class (phrasal verbs by their act), a noun's when it names an act ("the arrest"), else null. */
function actOf(tokens: readonly SyntaxToken[], kids: number[][], p: number): string | null {
  const t = tokens[p];
  const lemma = t.lemma.toLowerCase();
  if (t.upos === 'VERB') {
    const prt = kids[p].find((k) => tokens[k].deprel === 'compound:prt');
    const verb = phrasalAct(lemma, prt === undefined ? null : tokens[prt].text.toLowerCase());
    return LIGHT.has(verb) || cueClassOf(verb) !== null ? null : actClass(verb);
  }
  const verb = t.upos === 'NOUN' ? verbOfActNoun(lemma) : undefined;
  return verb ? actClass(verb) : null;
}

/** The main claim of the sentence of tokens `lo`..`hi` (heads index `tokens`), or null when its main predicate states no act. */
export function sentenceClaim(tokens: readonly SyntaxToken[], lo: number, hi: number, kids: number[][], words: Words = NO_WORDS, headline = false): MainClaim | null {
  let p = -1;
  for (let i = lo; i < hi && p < 0; i++) if (tokens[i].head < 0) p = i;
  if (p < 0) return null;
  // "police said the man was arrested": the reported clause states the act
  for (let step = 0; step < 2; step++) {
    const c = cueClassOf(tokens[p].lemma.toLowerCase());
    const said = c === 'speech' || c === 'thought' ? kids[p].find((k) => rel(tokens[k]) === 'ccomp' || rel(tokens[k]) === 'parataxis') : undefined;
    if (said === undefined) break;
    p = said;
  }
  const act = actOf(tokens, kids, p);
  if (act === null) return null;
  const args = argumentsOf(tokens, p, kids);
  const passive = kids[p].some((k) => tokens[k].deprel === 'nsubj:pass' || tokens[k].deprel === 'aux:pass');
  const subject = args.subjects.length ? participantOf(tokens, kids, args.subjects[0], words, headline) : '';
  if (passive) {
    const by = args.obliques.find((o) => o.marker === 'by');
    return [act, by ? participantOf(tokens, kids, by.token, words, headline) : '', subject];
  }
  return [act, subject, args.objects.length ? participantOf(tokens, kids, args.objects[0], words, headline) : ''];
}

/** The headline's parse (the article's parse covers its body only), or null without a headline. */
function headlineParse(title: string | null | undefined): SyntaxToken[] | null {
  const t = typeof title === 'string' ? title.trim() : '';
  return t ? parseSentences(t, [{ start: 0, end: t.length }]).tokens : null;
}

/** An act of a class of events (the lexicon's classes are capitalised: "Firing"), not a verb's own lemma. */
const isEventClass = (act: string) => act.length > 0 && act[0] !== act[0].toLowerCase();

/** Body sentences read for the lead's claim: a datedline or byline may come first. */
const LEAD_SENTENCES = 2;

/**
 * The article's main event claims: its headline's main predicate and its lead's (the first of the
 * body's first two sentences whose main predicate states an act of an event class, else the first
 * that states any act), each when it states one. Empty
 * when neither does; never throws (no parse, no headline: what there is).
 */
export function mainClaimsOf(a: AnnotatedArticle): MainClaim[] {
  const claims: MainClaim[] = [];
  try {
    const words = nameWords(a);
    const head = headlineParse(a.article?.title);
    if (head?.length) {
      const c = sentenceClaim(head, 0, head.length, childrenOf(head), words, true);
      if (c) claims.push(c);
    }
    const body = a.tokens;
    if (body?.length) {
      const kids = childrenOf(body);
      let lead: MainClaim | null = null;
      for (let lo = 0, n = 0; lo < body.length && n < LEAD_SENTENCES; n++) {
        let hi = lo;
        while (hi < body.length && body[hi].sentence === body[lo].sentence) hi++;
        const c = sentenceClaim(body, lo, hi, kids, words, false);
        lo = hi;
        // (a lead of colour, "the mayor is back at her desk", states a verb of its own; the act of an
        // event class the next sentence states is the claim: stories NOTES.md, session 34)
        if (c && (lead === null || isEventClass(c[0]))) lead = c;
        if (lead && isEventClass(lead[0])) break;
      }
      if (lead) claims.push(lead);
    }
  } catch {
    // (a malformed parse states nothing)
  }
  return claims;
}

/**
 * Kinds of acts news report with a date, by their verbs' lemmas (statement, meeting, arrival,
 * attack ...: act-classes.ts), and the subject of a sentence: the people and organisations named
 * before its first act verb.
 */
import { tokenAt } from '../text/tokenize.js';
import type { WordToken } from '../text/normalise.js';
import { newsActKind } from './act-classes.js';
import { isParty, type Sent } from './prepare.js';
import { commonNoun, kidsOf, parseOf, relOf } from './syntax.js';

/**
 * The kind of dated act a word of a sentence names (statement, meeting, arrival, departure, attack,
 * election, death, arrest, resignation, signing: newsActKind), read through the lemma the parse
 * gives it, so every inflection counts ("struck", "strikes"). A word the parse does not cover (an
 * article without a parse) is read as written, its own lemma.
 */
export function actKindOf(s: Sent, tk: WordToken): string | null {
  const tokens = parseOf(s.art);
  const i = tokens ? tokenAt(tokens, tk.start) : -1;
  const p = tokens?.[i];
  if (!tokens || !p || p.start !== tk.start) return newsActKind(tk.norm, false);
  // a noun of speech as object makes a statement ("issued a statement"); a name never is one ("rounded Harbour Point")
  const object = kidsOf(tokens)[i]?.find((c) => relOf(tokens[c]) === 'obj' && commonNoun(tokens, c));
  return newsActKind(p.lemma.toLowerCase(), p.upos === 'NOUN' || p.upos === 'PROPN', object === undefined ? undefined : tokens[object].lemma.toLowerCase());
}

/**
 * Where a sentence's subjects end, by the surface forms of its first act verb. Not read through the
 * lexicon above on purpose: the frames and the speech cues hold verbs that come before the act in
 * news ("ordered", "reported", "retained", "returning"), and a boundary moved onto them drops the
 * real subject of the act, splitting facts the regex kept (dev, --judged: 186 -> 181 judged same,
 * 2026-12-05). Dated acts (conflicts.ts) read the lexicon.
 */
const SUBJECT_VERB_FORMS: [string, RegExp][] = [
  [
    'statement',
    /^(?:sa(?:y|ys|id|ying)|t(?:ell|ells|old)|pledg(?:e|es|ed|ing)|vow(?:s|ed|ing)?|sign(?:s|ed|ing)?|issu(?:e|es|ed|ing)|reaffirm(?:s|ed|ing)?|declar(?:e|es|ed|ing)|announc(?:e|es|ed|ing)|agre(?:e|es|ed|eing)|adopt(?:s|ed|ing)?|releas(?:e|es|ed|ing)|rebuk(?:e|es|ed|ing)|condemn(?:s|ed|ing)?|reject(?:s|ed|ing)?|urg(?:e|es|ed|ing)|warn(?:s|ed|ing)?|promis(?:e|es|ed|ing)|accus(?:e|es|ed|ing)|blast(?:s|ed|ing)?|criticiz(?:e|es|ed|ing)|prais(?:e|es|ed|ing)|stress(?:es|ed|ing)?|emphasiz(?:e|es|ed|ing)|wr(?:ite|ites|ote|iting)|tweet(?:s|ed|ing)?|unveil(?:s|ed|ing)?)$/,
  ],
  ['meeting', /^(?:meet(?:s|ing)?|met|host(?:s|ed|ing)?|h(?:old|olds|eld))$/],
  ['arrival', /^(?:arriv(?:e|es|ed|ing)|land(?:s|ed|ing)?|travel(?:s|ed|led|ing|ling)?|fl(?:y|ies|ew))$/],
  ['departure', /^(?:depart(?:s|ed|ing)?|le(?:ave|aves|ft|aving))$/],
  ['attack', /^(?:strik(?:e|es|ing)|struck|attack(?:s|ed|ing)?|bomb(?:s|ed|ing)?|shell(?:s|ed|ing)?|kill(?:s|ed|ing)?|launch(?:es|ed|ing)?)$/],
  ['election', /^(?:elect(?:s|ed|ing)?|vot(?:e|es|ed|ing)|w(?:in|ins|on))$/],
  ['death', /^(?:d(?:ie|ies|ied|ying))$/],
  ['arrest', /^(?:arrest(?:s|ed|ing)?|detain(?:s|ed|ing)?|charg(?:e|es|ed|ing)|indict(?:s|ed|ing)?)$/],
  ['resignation', /^(?:resign(?:s|ed|ing)?|quit(?:s|ting)?|fir(?:e|es|ed|ing))$/],
];

/** Verbs of saying, for subjects of reported speech. */
const SAY = /^(?:sa(?:y|ys|id|ying)|t(?:ell|ells|old)|add(?:s|ed)?|not(?:e|es|ed)|call(?:s|ed)?|describ(?:e|es|ed)|argu(?:e|es|ed)|insist(?:s|ed)?|acknowledg(?:e|es|ed)|claim(?:s|ed)?|echo(?:es|ed)?)$/;

/** People and organisations named before the sentence's first act or speech verb (empty when there is none). */
const SUBJECTS = new WeakMap<Sent, Set<string>>();

export function subjectsOf(s: Sent): Set<string> {
  let v = SUBJECTS.get(s);
  if (!v) SUBJECTS.set(s, (v = findSubjects(s)));
  return v;
}

/**
 * Whether a word (its normalised form) is a verb of saying or of an act: asked of every word
 * before a sentence's first such verb, ten patterns each, so the answer is kept per form (a
 * story repeats a few tens of thousands of forms; cleared past 200,000 like the normaliser's).
 */
const ACT_OR_SPEECH = new Map<string, boolean>();
function actOrSpeechVerb(norm: string): boolean {
  let v = ACT_OR_SPEECH.get(norm);
  if (v === undefined) {
    v = SAY.test(norm) || SUBJECT_VERB_FORMS.some(([, re]) => re.test(norm));
    if (ACT_OR_SPEECH.size > 200_000) ACT_OR_SPEECH.clear();
    ACT_OR_SPEECH.set(norm, v);
  }
  return v;
}

function findSubjects(s: Sent): Set<string> {
  const verb = s.tokens.find((t) => actOrSpeechVerb(t.norm));
  if (!verb) return new Set();
  return new Set(s.entities.filter((e) => isParty(e) && e.span.end <= verb.start).map((e) => e.key));
}

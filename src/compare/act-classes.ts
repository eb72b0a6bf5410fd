/**
 * The class of an act by its verb's lemma (data/lexicons/act-classes.tsv, FrameNet frames): verbs
 * of one class state one kind of act ("damage", "cut", "sever" → Damaging; "sign", "hire" →
 * Hiring). A verb the lexicon does not list is its own class. Nouns that name an act have their
 * verb in data/lexicons/act-nouns.tsv.
 */
import { cueClassOf } from '../analyse/quotes/cues.js';
import { dataRows } from '../text/lexicon.js';
import { spelledVerb as verbSpelled } from '../analyse/syntax/lemma.js';
import { noActVerb } from './syntax.js';
import { key as wordKey } from '../text/normalise.js';

let classes: Map<string, string> | null = null;
let nouns: Map<string, string> | null = null;
let phrasal: Map<string, string> | null = null;
let thingNouns: Set<string> | null = null;

/** A two-column lexicon of data/lexicons as a map from its lower-cased first column (read on first use, not at start-up). */
function lexiconMap(file: string, value: (v: string) => string): Map<string, string> {
  const m = new Map<string, string>();
  for (const [k, v] of dataRows('lexicons', file)) if (k && v) m.set(k.trim().toLowerCase(), value(v.trim()));
  return m;
}

/** The act class of a verb lemma ("severed" parsed as "sever" → "Damaging"; "barricaded" misparsed as "barricad", spelledVerb), or the lemma itself. */
export function actClass(lemma: string): string {
  classes ??= lexiconMap('act-classes.tsv', (v) => v);
  const l = lemma.toLowerCase().replace(/^re-/, '');
  const verb = classes.has(l) ? l : spelledVerb(l);
  const cls = classes.get(verb);
  return cls && !entailsClassmate(verb, cls) ? cls : l;
}

let entailed: Map<string, string[]> | null = null;
/**
 * Whether a verb entails another verb of its class (data/lexicons/verb-entailments.tsv, WordNet's
 * entailment pointer, scripts/build-wordnet-act-links.ts): a frame may hold an act and the act it
 * presupposes (FrameNet's Forming_relationships: "marry" and "divorce"), and "married three times"
 * and "divorced twice", or a wedding's year and a divorce's, are two acts. Such a verb is its own class.
 */
function entailsClassmate(verb: string, cls: string): boolean {
  if (!entailed) {
    entailed = new Map();
    for (const [a, b] of dataRows('lexicons', 'verb-entailments.tsv')) if (a && b) (entailed.get(a.trim()) ?? entailed.set(a.trim(), []).get(a.trim())!).push(b.trim());
  }
  return (entailed.get(verb) ?? []).some((b) => classes!.get(b) === cls);
}

/** The verb a parse lemma spells, lower-cased (the lemmatiser's own repair, analyse/syntax/lemma.ts: "barricad" → barricade). */
export function spelledVerb(lemma: string): string {
  return verbSpelled(lemma.toLowerCase());
}

/**
 * The class of a dated act by its verb's lemma: its FrameNet class (actClass) when the lexicon
 * lists it, else the class of its WordNet synonyms (data/lexicons/verb-synonyms.tsv: verbs whose
 * most frequent senses are one synset, "disappear" and "vanish"; scripts/build-wordnet-verbs.ts),
 * else the lemma. Two outlets tell one act of a life with either verb; a verb joins only what it
 * usually means, and a synset never takes the frame of one of its verbs ("launch" is a frame's
 * launching of missiles, its first sense "found": "found" stays apart from shooting).
 */
export function datedActClass(lemma: string): string {
  const framed = actClass(lemma);
  // (a light verb's act is in its object: "did" and "made" join nothing)
  if (framed !== lemma.toLowerCase().replace(/^re-/, '') || noActVerb(framed)) return framed;
  synonyms ??= lexiconMap('verb-synonyms.tsv', (v) => v);
  const verb = spelledVerb(framed);
  return synonyms.get(verb) ?? verb;
}
let synonyms: Map<string, string> | null = null;

/**
 * A noun written like a verb names a thing, not that verb's act ("the place", "an anchor"; not "the
 * arrest", "a fumble", "the break-in"): most of its WordNet sense weight lies outside the files of
 * acts, events, processes and phenomena (data/lexicons/wordnet-nouns.tsv, scripts/build-wordnet-acts.ts),
 * and the act-class lexicon, whose acts are the news' own, does not list it as a verb ("the software
 * steals": a verb the parser read as a noun more often than a thing). A noun the list does not hold
 * is written like no verb English uses ("magazine", "network"): a parse that reads it as a verb has
 * mistaken it, and it is no thing against that act.
 */
export function namesAThing(noun: string): boolean {
  thingNouns ??= new Set(dataRows('lexicons', 'wordnet-nouns.tsv').filter(([, kind]) => kind === 'thing').map(([n]) => n.trim().toLowerCase()));
  const n = noun.toLowerCase();
  return thingNouns.has(n) && actClass(n) === n.replace(/^re-/, '');
}

/** The verb of a noun that names an act ("death" → die, "temblor" → quake: data/lexicons/act-nouns.tsv), or undefined. */
export function verbOfActNoun(noun: string): string | undefined {
  nouns ??= lexiconMap('act-nouns.tsv', (v) => v.toLowerCase());
  return nouns.get(noun);
}

/**
 * The verb a phrasal verb states ("move" + "back" → return: data/lexicons/phrasal-acts.tsv), or the
 * verb's lemma itself. With `wordnet`, also a phrasal verb whose first WordNet sense is a single
 * verb's first sense ("pass" + "away" → die, "break" + "out" → erupt: data/lexicons/phrasal-synonyms.tsv,
 * scripts/build-wordnet-verbs.ts).
 */
export function phrasalAct(lemma: string, particle: string | null, wordnet = false): string {
  if (!particle) return lemma;
  phrasal ??= lexiconMap('phrasal-acts.tsv', (v) => v.toLowerCase());
  const key = `${lemma.toLowerCase()} ${particle}`;
  if (phrasal.has(key) || !wordnet) return phrasal.get(key) ?? lemma;
  phrasalSynonyms ??= lexiconMap('phrasal-synonyms.tsv', (v) => v.toLowerCase());
  return phrasalSynonyms.get(key) ?? lemma;
}
let phrasalSynonyms: Map<string, string> | null = null;

/**
 * The kinds of act news date ("met on Tuesday", "was arrested on Monday"), by the FrameNet frame
 * of their verb in data/lexicons/act-classes.tsv: two dated mentions of one kind by the same
 * people may be one act told on two days. Frames of one kind are the ways news tells it: an
 * attack by its assault, its killing, its strike or its missiles; an arrival by the arrival, the
 * landing or the trip; a resignation by quitting or by being fired. Statements are not a frame
 * here: they are the speech cues of data/lexicons/attribution-cues.tsv (newsActKind).
 */
const NEWS_ACT_KINDS = new Map<string, string>(Object.entries({
  Meet_with: 'meeting',
  Arriving: 'arrival',
  Vehicle_landing: 'arrival',
  Travel: 'arrival',
  Ride_vehicle: 'arrival',
  Departing: 'departure',
  Attack: 'attack',
  Killing: 'attack',
  Impact: 'attack',
  Shoot_projectiles: 'attack',
  Change_of_leadership: 'election',
  Finish_competition: 'election',
  Death: 'death',
  Arrest: 'arrest',
  Notification_of_charges: 'arrest',
  Quitting: 'resignation',
  Firing: 'resignation',
  // "signed Jane Roe", "signed the accord": an act of its own, not a statement
  Hiring: 'signing',
}));

/**
 * The kind of dated act a word names, by its lemma: 'statement' for a verb whose object is a noun
 * of speech ("signed a joint statement", "issued a statement"), else the kind of its FrameNet
 * frame, else 'statement' for a verb of speech (data/lexicons/attribution-cues.tsv: "said",
 * "vowed", "condemned"; a noun of speech, "the statement", "a spokesman", dates no act of its
 * own), else null.
 */
export function newsActKind(lemma: string, noun: boolean, object?: string): string | null {
  if (!noun && object && cueClassOf(object) === 'speech') return 'statement';
  const kind = NEWS_ACT_KINDS.get(actClass(lemma));
  if (kind) return kind;
  return !noun && cueClassOf(lemma) === 'speech' ? 'statement' : null;
}

let paraphrases: { verbs: Map<string, Set<string>>; nouns: Map<string, Set<string>> } | null = null;
/** data/lexicons/act-paraphrases.tsv read into verb → verbs and noun key → verbs (the claims' keys are `key`s of their words). */
function paraphraseLexicon(): NonNullable<typeof paraphrases> {
  if (paraphrases) return paraphrases;
  const verbs = new Map<string, Set<string>>();
  const nouns = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, k: string, v: string) => (m.get(k) ?? m.set(k, new Set()).get(k)!).add(v);
  for (const [word, verb, relation] of dataRows('lexicons', 'act-paraphrases.tsv')) {
    if (!word || !verb || !relation) continue;
    if (relation.startsWith('noun')) add(nouns, wordKey(word.trim()), verb.trim());
    else add(verbs, word.trim(), verb.trim());
  }
  return (paraphrases = { verbs, nouns });
}

/**
 * Two verbs tell one act in other words (data/lexicons/act-paraphrases.tsv, WordNet, scripts/build-wordnet-paraphrases.ts):
 * the one's usual sense is a kind of a sense the other is used in, at most two hypernym steps up ("sprained" / "hurt"), or
 * is a later sense of the other ("arrested" / "apprehended"). Light verbs tell no act of their own. A cause is not its
 * effect ("killed" / "died": the lexicon lists no cause), nor are two kinds of one act each other ("sprained" / "shot",
 * both kinds of injuring).
 */
export function oneActInOtherWords(x: string, y: string): boolean {
  const a = spelledVerb(x);
  const b = spelledVerb(y);
  if (a === b || noActVerb(a) || noActVerb(b)) return false;
  const { verbs } = paraphraseLexicon();
  return !!(verbs.get(a)?.has(b) || verbs.get(b)?.has(a));
}

/**
 * A noun (a claim's key) names the act of a verb: WordNet derives the noun's usual sense from the verb ("death" → die,
 * "gunshots" → shoot, a kind of shooting: act-paraphrases.tsv), that verb or a verb of its act class ("injuries" and
 * "was hurt": injure and hurt are one class). Only the usual sense: FrameNet's act nouns (act-nouns.tsv) list a noun
 * whatever it usually means ("resignation", first of all a feeling), and read here they join a sentence that names an
 * act in passing ("That led to the resignation of the president") to one that tells it on the way.
 */
export function nounNamesAct(nounKey: string, verb: string): boolean {
  const verbs = paraphraseLexicon().nouns.get(nounKey);
  if (!verbs) return false;
  const v = spelledVerb(verb);
  if (noActVerb(v)) return false;
  const cls = actClass(v);
  for (const n of verbs) if (n === v || actClass(n) === cls) return true;
  return false;
}

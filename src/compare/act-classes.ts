/**
 * The class of an act by its verb's lemma (data/lexicons/act-classes.tsv, FrameNet frames): verbs
 * of one class state one kind of act ("damage", "cut", "sever" → Damaging; "sign", "hire" →
 * Hiring). A verb the lexicon does not list is its own class. Nouns that name an act have their
 * verb in data/lexicons/act-nouns.tsv.
 */
import { dataRows } from '../text/lexicon.js';

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

/** The act class of a verb lemma ("severed" parsed as "sever" → "Damaging"), or the lemma itself. */
export function actClass(lemma: string): string {
  classes ??= lexiconMap('act-classes.tsv', (v) => v);
  const l = lemma.toLowerCase().replace(/^re-/, '');
  return classes.get(l) ?? l;
}

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

/** The verb a phrasal verb states ("move" + "back" → return: data/lexicons/phrasal-acts.tsv), or the verb's lemma itself. */
export function phrasalAct(lemma: string, particle: string | null): string {
  if (!particle) return lemma;
  phrasal ??= lexiconMap('phrasal-acts.tsv', (v) => v.toLowerCase());
  return phrasal.get(`${lemma.toLowerCase()} ${particle}`) ?? lemma;
}

/**
 * How a clause tells its act: asserted (a main clause, a comma-set relative clause, a clause of time, reason or
 * concession), or only given (`Claim.given`): the sentence names the act on the way to what it states, without
 * vouching for it. The line is veridicality, as Karttunen (1971, "Implicative verbs") and Kiparsky & Kiparsky (1970,
 * "Fact") draw it, applied to adverbial clauses as Quirk et al. (1985, A Comprehensive Grammar of the English
 * Language, ch. 15) classify them: a clause of time, reason or concession ("after she left", "because it rained",
 * "although she denied it") is factive, its act told as true (a side remark, `Claim.circumstance`, but asserted); a
 * clause of condition ("if they visit the site", "unless he signs") and an act a preposition makes the object of a
 * charge ("accused of killing two", "charged with murdering", "found guilty of wounding"; Fillmore 1971, "Verbs of
 * judging": the charge is the statement, the act what is charged) are not: the sentence does not state that the act
 * happened. A restrictive relative clause ("the woman who shot two co-workers") is given too (claims.ts reads it).
 * A purpose ("in order to", "so that") is non-veridical as well but is left asserted: most purposes are a bare "to",
 * which the parse cannot tell from a result ("scored 20 points to break the record"), and marking only the explicit
 * ones split one aim told two ways (compare NOTES, given29).
 *
 * A fact needs two articles that assert it (`givenOnlyMembers`): a member that tells the fact only as given is no
 * support for it ("the woman accused of killing two co-workers is a good person" does not corroborate "she opened
 * fire, killing two").
 */
import { universalRelation } from '../analyse/syntax/helpers.js';
import type { SyntaxToken } from '../model/types.js';
import type { Claim } from './claims.js';
import { RELATIVE_PRONOUNS } from './descriptions.js';
import { oneAct } from './support.js';

/** Conjunctions of condition (Quirk §15.33-15.36): what follows may or may not hold. */
const CONDITION = new Set(['if', 'unless', 'whether', 'lest']);
/**
 * Prepositions that make a verb's -ing clause the object of another verb or noun ("accused of", "charged with",
 * "arrested for", "kept from", "talked about", "instead of", "prior to"): the act is what is charged, prevented or
 * talked of. Not "by" (means: "stalled the plan by buying the site" states the buying), "after", "before", "since",
 * "upon", "on", "while", "in" (time, factive), "despite" (concession, factive), "without" (a denial, read as one).
 */
const NAMING = new Set(['of', 'for', 'with', 'from', 'about', 'against', 'instead', 'prior', 'toward', 'towards']);
/**
 * The -ing clause at `q` completes an adjective ("found guilty of slaying"), a passive verb ("is accused of firing",
 * "was charged with murdering") or a participle on a noun ("the woman accused of killing"): the charge is a property of
 * the person, the act named by it. An active verb with its own subject ("she accused her co-workers of spraying her")
 * reports the accuser's claim, read as what is said is read; a noun ("the problem of Ross taking time") names a topic.
 */
function chargingHead(tokens: readonly SyntaxToken[], kids: number[][], q: number): boolean {
  const h = tokens[q].head;
  if (h < 0) return false;
  if (tokens[h].upos === 'ADJ') return true;
  if (tokens[h].upos !== 'VERB') return false;
  // (a passive, or a bare past participle, "the woman accused of", however the parse hung its noun or tagged it: a
  // past form with no auxiliary and no subject of its own is one; "has accused", "she accused" are active)
  const has = (rel: string) => kids[h].some((k) => universalRelation(tokens[k].deprel) === rel);
  if (kids[h].some((k) => tokens[k].deprel === 'aux:pass')) return true;
  if (has('aux')) return false;
  return tokens[h].xpos === 'VBN' || (tokens[h].xpos === 'VBD' && !kids[h].some((k) => tokens[k].deprel === 'nsubj'));
}
/** The relations of a clause that can be an adverbial or a noun's clause (not a relative clause: claims.ts reads that). */
const SIDE = new Set(['advcl', 'acl', 'xcomp']);

/**
 * The clause headed by `c` is, or lies inside, a clause that tells its act only as given: a condition or
 * an -ing clause opened by a naming preposition. Only clauses the parse hangs as adverbial or a noun's clause: the
 * root is always asserted (a parse that hangs the main verb under "if" reads "if" on the root, which is left alone).
 */
export function toldOnlyAsGiven(tokens: readonly SyntaxToken[], kids: number[][], c: number, lo: number, hi: number): boolean {
  for (let q = c, steps = 0; q >= lo && q < hi && steps < hi - lo; q = tokens[q].head, steps++) {
    const rel = tokens[q].deprel;
    if (rel === 'acl:relcl' || !SIDE.has(universalRelation(rel))) continue;
    if (givenOpening(tokens, kids, q)) return true;
  }
  return false;
}

/**
 * Between clause `c` and the restrictive relative clause above it, a clause with a subject of its own that is no
 * relative pronoun and no conjunction opening it: a clause the parse hung on the relative one that is the sentence's
 * own ("exposed to sites that tried to exploit the flaw and the number of victims was increasing"). A relative clause's
 * own parts share its pronoun ("who was on parole and had prior arrests") or open with a conjunction ("that fell after
 * the storm hit"); this one tells its act as news, not as given.
 */
export function ownClauseUnderRelative(tokens: readonly SyntaxToken[], kids: number[][], c: number, lo: number, hi: number): boolean {
  const rel = (k: number) => universalRelation(tokens[k].deprel);
  for (let q = c, steps = 0; q >= lo && q < hi && steps < hi - lo; q = tokens[q].head, steps++) {
    // (the relative clause's head: its pronoun is its argument)
    if (tokens[q].deprel === 'acl:relcl' || kids[q].some((k) => k < q && RELATIVE_PRONOUNS.has(tokens[k].text.toLowerCase()) && (rel(k) === 'nsubj' || rel(k) === 'obj'))) return false;
    if (kids[q].some((k) => rel(k) === 'nsubj' && !RELATIVE_PRONOUNS.has(tokens[k].text.toLowerCase())) && !kids[q].some((k) => rel(k) === 'mark')) return true;
  }
  return false;
}

/** The clause headed by `q` opens with a conjunction of condition, or is an -ing clause after a naming preposition. */
function givenOpening(tokens: readonly SyntaxToken[], kids: number[][], q: number): boolean {
  for (const k of kids[q]) {
    if (k > q) continue;
    const rel = universalRelation(tokens[k].deprel);
    if (rel !== 'mark' && rel !== 'case') continue;
    const w = tokens[k].lemma.toLowerCase();
    if (rel === 'mark' && CONDITION.has(w)) return true;
    if (tokens[q].xpos === 'VBG' && NAMING.has(w) && chargingHead(tokens, kids, q) && !kids[q].some((s) => universalRelation(tokens[s].deprel) === 'nsubj')) return true;
  }
  return false;
}

/**
 * The members of a fact (`members`, their claims under it `of`) that tell as given only what another article's member
 * asserts: each of its claims under the fact is given, and one of them states one act with a claim another article
 * tells as news ("the woman accused of killing two co-workers is a good person" beside "she opened fire, killing two
 * women"). Such a member is no support for the fact. Members that all tell it as given ("Lopez is accused of firing"
 * in two outlets) tell one fact, the charge, and stay; so does one whose given act is not the act the others assert,
 * or is only its verb ("accused of letting off 13 shots" beside "as schools were let out").
 */
export function givenOnlyMembers(members: Iterable<number>, of: ReadonlyMap<number, readonly Claim[]>, artOf: readonly number[]): Set<number> {
  const out = new Set<number>();
  const all = [...members];
  const news = all.flatMap((i) => (of.get(i) ?? []).filter((c) => !c.given && c.acts.size).map((c) => ({ art: artOf[i], c })));
  if (!news.length) return out;
  for (const i of all) {
    const own = of.get(i) ?? [];
    if (!own.length || own.some((c) => !c.given)) continue;
    if (own.some((c) => c.acts.size && news.some((n) => n.art !== artOf[i] && oneAct(c, n.c) && sharesMoreThanTheAct(c, n.c)))) out.add(i);
  }
  return out;
}

/** Two claims share a word besides their verbs: what the act is done to, where or when. */
function sharesMoreThanTheAct(a: Claim, b: Claim): boolean {
  for (const k of a.keys) if (b.keys.has(k) && !a.acts.has(k) && !b.acts.has(k)) return true;
  return false;
}

/**
 * Counts of different things listed under one act: "the commandos recovered 12 rifles, three
 * launchers and two grenades", "six rifles, 12 magazines and 300 rounds were seized". figure-parts.ts
 * calls every counted phrase of a coordination a part ("two women and a man": one set split), but
 * a list whose conjuncts count different nouns of things splits no set: each conjunct is the count of
 * its own noun for the act of the verb the list is an argument of (in UD a later conjunct shares the
 * first's relation). Kept apart, as parts: a noun counted twice ("two murder charges and one
 * attempted murder charge"), people (a toll or an arrest split by kind, "killed five soldiers and
 * three policemen": a people frame, quantity-frames.tsv, a word of sex or kin, or a noun WordNet's first
 * sense calls a person, person-nouns.txt), a line of
 * scores or measures (counts.ts countsThings), a person's figures ("grabbed 12 rebounds and five
 * steals"), a list with no verb naming an act. Such a count is compared only between sentences that
 * state one fact (Slot.aligned, counts.ts countOfThings): a story lists many caches.
 *
 * Also here: the kind a model designation names ("eight RPG-7 grenade launchers", "9 RPG 7 launchers",
 * "two F-16s"): a designation (capital letters and digits) before or as the counted noun counts that
 * model, whatever head noun an outlet writes after it.
 */
import type { Quantity, SyntaxToken } from '../model/types.js';
import { tokenAt } from '../text/tokenize.js';
import type { Sent } from './prepare.js';
import { figureTokens, figureVerbIndex, kidsOf, noActVerb, parseOf, relOf, verbSubject } from './syntax.js';
import { countOfThings, countsThings } from './counts.js';
import { frameOf, HAPPENED_TO_PEOPLE } from './quantity-frames.js';
import { holderToken } from './figure-holders.js';
import { roleNounGender } from '../analyse/gender.js';
import type { Slot } from './slots.js';
import { LISTED_PARTS, partOf } from './figure-parts.js';
import { dataLines } from '../text/lexicon.js';
import { MAX_PER_SLOT } from './sides.js';
import { cmp } from './text.js';
import { linkedGroups } from '../util/union-find.js';

/** Nouns of people of no kind (count-slots.ts counts them by the frame of what happened to them). */
const PEOPLE = new Set('people person victim civilian villager passenger child adult man woman other individual'.split(' '));

/** Whether a figure is a conjunct figure-parts.ts calls a part (a list's item when listedThing gives it a slot). */
export function listedConjunct(s: Sent, q: Quantity): boolean {
  return LISTED_PARTS.has(partOf(s, q) ?? '');
}

/** The aligned count slot of a conjunct that counts its own kind of thing in a list (see the file's comment), or null: it stays a part. */
export function listedThing(s: Sent, q: Quantity): Slot | null {
  if (q.unit !== 'count') return null;
  const tokens = parseOf(s.art);
  const fig = tokens && figureTokens(tokens, q);
  if (!tokens || !fig || fig.noun === fig.num || tokens[fig.noun].upos !== 'NOUN') return null;
  const kids = kidsOf(tokens);
  const group = conjunctNouns(tokens, kids, fig.noun);
  if (group.length < 2) return null;
  const nouns = group.map((i) => tokens[i].lemma.toLowerCase());
  // people split by kind, a line of scores or measures (a noun of measure in a list of things is one
  // more item, "12 magazines and 300 rounds"; a list mostly of them is a line of scores)
  const own = nouns[group.indexOf(fig.noun)];
  if (nouns.some(ofPeople) || !countsThings(own) || nouns.filter(countsThings).length * 2 < nouns.length) return null;
  // one noun twice is one set split, unless each names its own kind: a model or "other" ("nine G-3 rifles, two other rifles")
  const kinds = group.map((i) => kindOf(s, tokens, kids, i));
  if (new Set(kinds).size < kinds.length) return null;
  const verb = argumentVerb(tokens, kids, group[0]);
  // (an act done to people, "arrested 12 men and three women", counts people whatever the nouns)
  if (!verb || happenedToPeople(verb) || personHeld(s, q, tokens)) return null;
  // (a conjunct with a possessor is someone's line of figures: "Brand's 15.9 points and 10 rebounds")
  if (group.some((i) => kids[i].some((k) => tokens[k].deprel === 'nmod:poss'))) return null;
  return countOfThings(s, q, modelOf(s, q) ?? own, verb, false, true);
}

/** What a conjunct counts, for telling one set split from a list: the model its phrase names, else its noun's lemma, marked when "other" sets it apart. */
function kindOf(s: Sent, tokens: readonly SyntaxToken[], kids: number[][], n: number): string {
  const from = Math.min(n, ...kids[n].filter((k) => k < n));
  const model = MODEL.exec(` ${s.art.text.slice(tokens[from].start, tokens[n].end)}`);
  if (model) return `${model[1].toUpperCase()}-${model[2]}`;
  const other = kids[n].some((k) => /^other$/i.test(tokens[k].text));
  return `${tokens[n].lemma.toLowerCase()}${other ? '+other' : ''}`;
}

/** A noun of people: of no kind, with a people frame ("hostages", "dead"), one that marks sex or kin ("women", "sons"), or a person by WordNet ("soldiers", "pirates": person-nouns.txt). */
function ofPeople(noun: string): boolean {
  personNouns ??= new Set(dataLines('lexicons', 'person-nouns.txt').map((l) => l.trim()));
  return PEOPLE.has(noun) || personNouns.has(noun) || frameOf(noun) !== undefined || frameOf(`${noun}s`) !== undefined || roleNounGender(noun) !== undefined;
}
let personNouns: Set<string> | null = null;

/** A verb whose forms the frame lexicon lists for what happened to people ("kill", "wound", "arrest"). */
function happenedToPeople(lemma: string): boolean {
  return [lemma, `${lemma}ed`, `${lemma}d`, `${lemma}s`].some((w) => HAPPENED_TO_PEOPLE.has(frameOf(w) ?? ''));
}

/** The first conjunct and the nouns in `conj` with it, in the sentence's order. */
function conjunctNouns(tokens: readonly SyntaxToken[], kids: number[][], n: number): number[] {
  const head = tokens[n].head;
  const first = relOf(tokens[n]) === 'conj' && head >= 0 && tokens[head].upos === 'NOUN' ? head : n;
  return [first, ...kids[first].filter((c) => relOf(tokens[c]) === 'conj' && tokens[c].upos === 'NOUN')];
}

/**
 * The act the list is the subject or object of, by the parse (the verb's lemma), or null: when the
 * verb names no act ("had 33 homers") or the "argument" has a preposition, which no subject or
 * object has (a misparse).
 */
function argumentVerb(tokens: readonly SyntaxToken[], kids: number[][], n: number): string | null {
  const head = tokens[tokens[n].head];
  if (!head || head.upos !== 'VERB' || !['nsubj', 'obj'].includes(relOf(tokens[n]))) return null;
  if (kids[n].some((c) => relOf(tokens[c]) === 'case')) return null;
  const lemma = head.lemma.toLowerCase();
  return noActVerb(lemma) ? null : lemma;
}

/**
 * Whether a figure's holder is a person (a name, or "he", "she", "his", "her"): the holder
 * figure-holders.ts reads, else the subject of the verb the figure's phrase hangs on. A person's list
 * of figures is a line of their own ("posted 29 points and eight rebounds"), not the story's things.
 */
function personHeld(s: Sent, q: Quantity, tokens: readonly SyntaxToken[]): boolean {
  const person = (i: number) => {
    const t = tokens[i];
    return /^(?:he|she|his|her)$/i.test(t.text) || s.entities.some((e) => e.type === 'PER' && e.span.start <= t.start && t.end <= e.span.end);
  };
  const at = holderToken(s, q);
  if (at >= 0) return person(at);
  const verb = figureVerbIndex(s, q);
  const subject = verb >= 0 ? verbSubject(s, tokens[verb].start) : [];
  return subject.some((pos) => person(tokenAt(tokens, pos)));
}

/**
 * The model a designation names in a counted phrase ("eight RPG-7 grenade launchers", "9 RPG 7 launchers",
 * "eight RPG-7s" → "RPG-7"): capital letters then digits, spaced or hyphenated, between the number
 * and the end of the counted noun; null when the phrase names none.
 */
export function modelOf(s: Sent, q: Quantity): string | null {
  const tokens = parseOf(s.art);
  const fig = tokens && figureTokens(tokens, q);
  if (!tokens || !fig || fig.noun === fig.num) return null;
  // (from the figure's first word on: the parser may take the designation's digits for the number, "9 RPG 7 launchers")
  const words = s.art.text.slice(q.span.start, Math.max(q.span.end, tokens[fig.noun].end)).replace(/^\S+/, '');
  const m = MODEL.exec(words);
  return m ? `${m[1].toUpperCase()}-${m[2]}` : null;
}
/** A model designation: a capital, up to three more letters, then digits, spaced or hyphenated ("RPG-7", "RPG 7s", "F-16", "MiG-29"). */
const MODEL = /(?:^|\s)([A-Z][A-Za-z]{0,3})[\s-]?(\d{1,4})(?:s|'s)?(?=\s|$)/;

/**
 * The kinds of the other items of the list a figure is an item of (kindOf: a model, a noun, "+other"),
 * or null when the figure is no item of a list by the parse.
 */
export function otherItemKinds(s: Sent, q: Quantity): string[] | null {
  const tokens = parseOf(s.art);
  const fig = tokens && figureTokens(tokens, q);
  if (!tokens || !fig || fig.noun === fig.num) return null;
  const kids = kidsOf(tokens);
  const group = conjunctNouns(tokens, kids, fig.noun);
  return group.length < 2 ? null : group.filter((i) => i !== fig.noun).map((i) => kindOf(s, tokens, kids, i));
}

interface ListedMention {
  sent: Sent;
  q: Quantity;
  slot: string;
  label: string;
}

/**
 * One list told by two outlets under two verbs ("seized eight RPG-7 launchers, two other rifles and a
 * launcher" / "eight RPG-7s, three other rifles and a launcher were found"): an item's count slot is
 * keyed by the act class of its list's verb (countOfThings), which the outlets' verbs split. Two items
 * of one noun (and subset words) whose sentences state one fact (`oneFact`) and whose lists name another
 * item of one kind are one list's item told twice: they take one slot, that of the first in sentence
 * order. A noun alone pairs a fact's figures wrongly (session 23: 1 right to 181 false); the other item
 * both lists name is what says the two lists are one inventory.
 */
export function joinListsByFact<M extends ListedMention>(mentions: M[], oneFact: (a: Sent, b: Sent) => boolean): void {
  const byNoun = new Map<string, { m: M; others: string[] }[]>();
  for (const m of mentions) {
    if (!m.slot.startsWith('count|') || !listedConjunct(m.sent, m.q)) continue;
    const others = otherItemKinds(m.sent, m.q);
    if (!others) continue;
    const [, noun, , rest] = m.slot.split('|');
    const k = `${noun}|${rest ?? ''}`;
    (byNoun.get(k) ?? byNoun.set(k, []).get(k)!).push({ m, others });
  }
  for (const all of byNoun.values()) {
    if (new Set(all.map((x) => x.m.slot)).size < 2) continue;
    // (bounded: a story of a thousand articles lists the same things many times)
    const items = all.sort((a, b) => cmp(a.m.sent.id, b.m.sent.id) || a.m.q.span.start - b.m.q.span.start).slice(0, MAX_PER_SLOT);
    const group = linkedGroups(items.length, (i, j) => {
      const [a, b] = [items[i], items[j]];
      return a.m.sent.art.id !== b.m.sent.art.id && a.others.some((k) => b.others.includes(k)) && oneFact(a.m.sent, b.m.sent);
    });
    const first = new Map<number, M>();
    items.forEach((x, i) => first.has(group[i]) || first.set(group[i], x.m));
    items.forEach((x, i) => {
      const f = first.get(group[i])!;
      [x.m.slot, x.m.label] = [f.slot, f.label];
    });
  }
}

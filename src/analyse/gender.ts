/**
 * Grammatical gender of the people an article names, read from the article itself: an honorific
 * ("Ms. Roe"), a gendered role noun next to the name ("the actress Jane Roe", "Roe, a
 * spokeswoman"), and the pronouns that follow an unambiguous mention ("Roe said she …"). No list
 * of first names: a name says nothing reliable about a person, the text usually does. Used to
 * keep "he"/"she" from resolving to a person of the other gender.
 */
import type { Span, Token } from '../model/types.js';
import { dataLines } from '../text/lexicon.js';

export type Gender = 'm' | 'f';

interface PersonMention {
  span: Span;
  /** The key a name is looked up by: its last capitalised word ("Roe"). */
  key: string;
}

let roleNouns: Map<string, Gender> | null = null;

/** The role-noun lexicon (data/lexicons/gendered-nouns.txt), read once. */
function ROLE_NOUNS(): Map<string, Gender> {
  if (roleNouns) return roleNouns;
  const out = new Map<string, Gender>();
  for (const line of dataLines('lexicons', 'gendered-nouns.txt')) {
    const [word, g] = line.trim().split(/\s+/);
    if (word && (g === 'f' || g === 'm')) out.set(word.toLowerCase(), g);
  }
  return (roleNouns = out);
}

/** The gender a role or kinship noun marks ("woman", "sons" as "son"), by the lexicon; undefined for any other word. */
export function roleNounGender(word: string): Gender | undefined {
  const w = word.toLowerCase();
  return ROLE_NOUNS().get(w) ?? (w.endsWith('s') ? ROLE_NOUNS().get(w.slice(0, -1)) : undefined);
}

// (maps, not object literals: a word such as "constructor" or "toString" must not find an inherited property)
const PRONOUN_GENDER = new Map<string, Gender>(Object.entries({ he: 'm', him: 'm', his: 'm', himself: 'm', she: 'f', her: 'f', hers: 'f', herself: 'f' }));
/**
 * The gender of a token that is a gendered pronoun, else undefined. Runs on every token of an
 * article: only a word with a pronoun's first letter and length is lower-cased and looked up.
 */
const PRONOUN_FIRST = new Set([...PRONOUN_GENDER.keys()].map((p) => p.charCodeAt(0)));
const PRONOUN_LONGEST = Math.max(...[...PRONOUN_GENDER.keys()].map((p) => p.length));
function pronounGender(word: string): Gender | undefined {
  if (word.length > PRONOUN_LONGEST || !PRONOUN_FIRST.has(word.charCodeAt(0) | 0x20)) return undefined;
  return PRONOUN_GENDER.get(word.toLowerCase());
}
const HONORIFIC_GENDER = new Map<string, Gender>(Object.entries({ mr: 'm', 'mr.': 'm', mrs: 'f', 'mrs.': 'f', ms: 'f', 'ms.': 'f', miss: 'f' }));

/** Votes weigh an honorific above a role noun above a pronoun. */
const WEIGHT = { honorific: 4, role: 2, pronoun: 1 };
/** A pronoun votes for the last person named when no other person was named within this many tokens. */
const PRONOUN_WINDOW = 25;

/** The name key of a person's name: its last capitalised word. */
export function nameKey(name: string): string | null {
  const words = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  return words.length ? words[words.length - 1].replace(/['’]s$/, '') : null;
}

/** Gender per name key, from the evidence in the text; keys with no or tied evidence are absent. */
export function genderEvidence(toks: readonly Token[], persons: readonly PersonMention[], quoted: (pos: number) => boolean = () => false): Map<string, Gender> {
  const votes = new Map<string, number>(); // key → (female votes − male votes)
  const vote = (key: string, g: Gender, w: number) => votes.set(key, (votes.get(key) ?? 0) + (g === 'f' ? w : -w));
  const roles = ROLE_NOUNS();
  let p = 0;
  const recent: { key: string; tok: number; inQuote: boolean }[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    while (p < persons.length && persons[p].span.start <= t.start) {
      const m = persons[p++];
      recent.push({ key: m.key, tok: i, inQuote: quoted(m.span.start) });
      nameNeighbourVotes(toks, i, m, roles, vote);
    }
    const g = pronounGender(t.text);
    if (!g) continue;
    while (recent.length && i - recent[0].tok > PRONOUN_WINDOW) recent.shift();
    // a pronoun and a name on different sides of a quotation mark are different voices ("“… Trump
    // will bring revolution,” she said"): only names on the pronoun's side count
    const side = quoted(t.start);
    const near = recent.filter((r) => r.inQuote === side);
    const keys = new Set(near.map((r) => r.key));
    if (keys.size === 1) vote(near[near.length - 1].key, g, WEIGHT.pronoun);
  }
  const out = new Map<string, Gender>();
  for (const [key, v] of votes) if (v !== 0) out.set(key, v > 0 ? 'f' : 'm');
  return out;
}

/** A person mention: the name it is of (the fullest the article gives: "Kate Roe" for a later "Roe") and the person it is (the linker's key). */
export interface NamedPerson {
  span: Span;
  name: string;
  person: string;
}

/**
 * The gender the article gives each person (genderEvidence over `people`), by name key, except
 * for a key that two people of the article share ("John Roe" and his daughter "Kate Roe"): their
 * mentions count under the person's name (the linker's: "Roe" after "Kate Roe" is hers when the
 * linker says so), so that the evidence about one says nothing about the other, and the surname
 * alone genders nobody. A person counts as one when its name has more than one word. One reader
 * for the quote stage's pronoun speakers (quotes/pronouns.ts) and the compare stage's dated-act
 * pronouns; `genderOfPerson` looks a person up.
 */
export function articleGenders(toks: readonly Token[], people: readonly NamedPerson[], quoted: (pos: number) => boolean = () => false): Map<string, Gender> {
  const fullNames = new Map<string, Set<string>>(); // name key → the people (multi-word names) it ends
  for (const p of people) {
    const key = nameKey(p.name);
    if (key && p.person.includes(' ')) fullNames.set(key, (fullNames.get(key) ?? new Set()).add(p.person));
  }
  const shared = (key: string) => (fullNames.get(key)?.size ?? 0) > 1;
  const persons: PersonMention[] = [];
  for (const p of people) {
    const key = nameKey(p.name);
    if (!key) continue;
    persons.push({ span: p.span, key: shared(key) ? p.person : key });
  }
  persons.sort((a, b) => a.span.start - b.span.start);
  const out = genderEvidence(toks, persons, quoted);
  // a mention of a shared surname the linker gave no fuller name ("Roe" alone) genders nobody
  for (const [key, names] of fullNames) if (names.size > 1) out.delete(key);
  return out;
}

/**
 * The gender of a person in the map of articleGenders: under the person (as `NamedPerson.person`)
 * when its surname is shared, else under the key of its `name` (the person's name without titles).
 */
export function genderOfPerson(genders: ReadonlyMap<string, Gender>, person: string, name = person): Gender | undefined {
  const key = nameKey(name);
  return genders.get(person) ?? (key ? genders.get(key) : undefined);
}

/** Honorific or role noun right before the name ("Ms. Roe", "actress Jane Roe"), or a role noun in apposition after it. */
function nameNeighbourVotes(toks: readonly Token[], first: number, m: PersonMention, roles: Map<string, Gender>, vote: (k: string, g: Gender, w: number) => void): void {
  const before = toks[first - 1]?.text.toLowerCase();
  // the honorific before the name, or the first word of a mention the recogniser took it into ("Ms Tamir")
  const own = toks[first] && toks[first].end < m.span.end ? HONORIFIC_GENDER.get(toks[first].text.toLowerCase()) : undefined;
  const honorific = own ?? (before ? HONORIFIC_GENDER.get(before) : undefined);
  if (honorific) vote(m.key, honorific, WEIGHT.honorific);
  else if (before && roles.has(before)) vote(m.key, roles.get(before)!, WEIGHT.role);
  let j = first;
  while (j < toks.length && toks[j].end <= m.span.end) j++;
  // "Roe, a spokeswoman for …" / "Roe, the company's chairwoman,"
  if (toks[j]?.text !== ',') return;
  for (let k = j + 1; k < Math.min(toks.length, j + 6); k++) {
    const w = toks[k].text.toLowerCase();
    if (w === ',' || w === '.') return;
    const g = roles.get(w);
    if (g) return vote(m.key, g, WEIGHT.role);
  }
}

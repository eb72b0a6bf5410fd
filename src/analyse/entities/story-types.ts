/**
 * One name, one person across the articles of a story. The tagger reads each article alone, so a name
 * it has rarely seen can be a person in one outlet and an organisation or a place in another ("JD
 * Roe" an organisation after "general manager", a player's surname a place), and which it does
 * changes from one training draw to the next (entities NOTES, sessions 31-32). The checks downstream
 * that ask for people (a person's age, the holder of a post, who was quoted) then see two
 * participants where the outlets speak of one.
 *
 * The story votes. Mentions are one name when their names are one by the linker's own reading (the
 * same `entityId` once titles, a possessive and the periods of initials are dropped: "J.D. Roe",
 * "JD Roe"; a surname alone is typed a person within its article when the article names the
 * person in full, `linkWithinArticle`). Each article casts one vote per name, its majority reading
 * (the within-article vote has already pooled its mentions: one outlet, one reading); an article
 * that writes a personal title or a noun of people right before the name ("Mr. Roe", "general
 * manager JD Roe": person-nouns.txt, WordNet) casts two votes for a person. A name ending in an
 * organisation word (organisation-words.tsv: "Committee", "Bank") has no person votes, and names the
 * hand gazetteer knows (countries, demonyms, known bodies, places) keep their reading.
 *
 * The vote decides only whether the name is a person. When the person votes outnumber the others,
 * every mention of the name is a person; when the others outnumber them, its person mentions take
 * the other reading most articles give (ties: more mentions, then ORG, LOC, MISC); on a tie nothing
 * changes. Between organisation, place and other the story does not vote: a city is also its team
 * or its government in the same story (a city's name for the city and for its club), and both readings are
 * right where they are written. The tagger gives no confidence to weigh a reading by.
 * The result does not depend on the order of the articles: votes are sums, ties fall to fixed rules.
 */
import type { EntityMention, EntityType } from '../../model/types.js';
import { dataLines } from '../../text/lexicon.js';
import { COUNTRY_BY_DEMONYM, COUNTRY_BY_NAME, ORG_BY_NAME, PLACE_NAMES } from './gazetteer.js';
import { cleanName, entityId, TITLES, wordsBeforePeople } from './link.js';
import { isStreetType } from './name-forms.js';

export interface TypedArticle {
  /** The article's text, to read the word written before a name (no text: no title evidence). */
  text?: string;
  mentions: readonly EntityMention[];
}

let personNouns: Set<string> | undefined;
let organisationWords: Set<string> | undefined;
let fixedNames: Set<string> | undefined;

/** Names whose type a sourced list gives: countries, demonyms, known bodies, places of the hand gazetteer (lower case). */
function fixed(low: string): boolean {
  fixedNames ??= new Set([...COUNTRY_BY_NAME.keys(), ...COUNTRY_BY_DEMONYM.keys(), ...ORG_BY_NAME.keys(), ...PLACE_NAMES.map((p) => p.toLowerCase())]);
  return fixedNames.has(low);
}

/** The name's key, without its type: `J.D. Roe's` and `JD Roe` → `jd_roe`. */
const nameKey = (name: string): string => entityId('PER', name).slice(4);

/**
 * Whether the word written right before the mention introduces a person: a title ("Mr.", "President"),
 * or a lower-case noun of people (WordNet, person-nouns.txt) that the story also writes right before a
 * name read as a person ("general manager Jane Roe"): many nouns of people are adjectives too
 * ("rival Riverton", "senior Treasury", "veteran Liberals"), which the story never writes so.
 */
function titled(text: string | undefined, m: EntityMention, roles: ReadonlySet<string>): boolean {
  const first = m.text.split(/\s+/)[0].toLowerCase().replace(/\.$/, '');
  if (m.text.includes(' ') && TITLES.has(first)) return true;
  if (!text) return false;
  const before = /(?<![\p{L}\p{N}'’.-])([\p{L}.]+) $/u.exec(text.slice(Math.max(0, m.span.start - 30), m.span.start));
  if (!before) return false;
  const w = before[1];
  if (TITLES.has(w.toLowerCase().replace(/\.$/, '')) && /^\p{Lu}/u.test(w)) return true;
  personNouns ??= new Set(dataLines('lexicons', 'person-nouns.txt').map((l) => l.trim()));
  return roles.has(w) && personNouns.has(w);
}

const OTHER_ORDER: EntityType[] = ['ORG', 'LOC', 'MISC'];
const TYPES = new Set<string>(['PER', ...OTHER_ORDER]);

/** Forms no person's name has: an organisation word heading or ending it ("Committee", "Bank": organisation-words.tsv), a street-type word ending a name of two words or more (name-forms.ts: "Elm Boulevard"; "Ford" alone is a surname), or an English function word inside it ("Bureau of Fisheries"; not "de", "van", "bin" of people's names). */
function noPerson(clean: string): boolean {
  organisationWords ??= new Set(dataLines('lexicons', 'organisation-words.tsv').map((l) => l.trim()));
  const words = clean.split(' ');
  const last = words[words.length - 1];
  return organisationWords.has(words[0]) || organisationWords.has(last) || (words.length > 1 && isStreetType(last)) || words.some((w) => /^(?:of|for|and|the|to|on|in|at)$/.test(w));
}

interface Name {
  words: string[];
  /** article index → type → mentions */
  reads: Map<number, Map<EntityType, number>>;
  /** articles that title the name */
  titled: Set<number>;
  organisation: boolean;
}

/**
 * For each article (in the order given), its mentions' types after the story's vote (see the file's
 * comment); a mention the vote leaves alone keeps its own type.
 */
export function storyTypes(arts: readonly TypedArticle[]): EntityType[][] {
  const names = new Map<string, Name>();
  // by name as written, its clean form and key (null: a name of fixed type), once: a large story
  // writes a few names thousands of times (923 PolNeAR articles: most of the vote's time was these)
  const read = new Map<string, { clean: string; key: string } | null>();
  const readName = (text: string) => {
    let r = read.get(text);
    if (r === undefined) {
      const clean = cleanName(text);
      read.set(text, (r = fixed(clean.toLowerCase()) ? null : { clean, key: nameKey(clean) }));
    }
    return r;
  };
  const keys = arts.map((a, i) =>
    a.mentions.map((m) => {
      // (a mention without a name or a span, from a caller other than analyse, is left as it is)
      if (typeof m?.text !== 'string' || !m.span || !TYPES.has(m.type) || m.denotes) return null;
      const name = readName(m.text);
      if (!name) return null;
      const { clean, key } = name;
      let n = names.get(key);
      if (!n) {
        names.set(key, (n = { words: clean.split(' '), reads: new Map(), titled: new Set(), organisation: noPerson(clean) }));
      }
      let r = n.reads.get(i);
      if (!r) n.reads.set(i, (r = new Map()));
      r.set(m.type, (r.get(m.type) ?? 0) + 1);
      return key;
    }),
  );
  // the lower-case words the story writes right before people's names (link.ts, as within an article)
  const roles = new Set(arts.flatMap((a) => (a.text ? [...wordsBeforePeople(a.text, a.mentions.filter((m) => m?.type === 'PER' && m.span).map((m) => m.span))] : [])));
  arts.forEach((a, i) =>
    a.mentions.forEach((m, j) => {
      const k = keys[i][j];
      const n = k === null ? undefined : names.get(k);
      if (n && m.type !== 'PER' && !n.titled.has(i) && titled(a.text, m, roles)) n.titled.add(i);
    }),
  );
  const decided = new Map<string, { person: boolean; other: EntityType }>();
  for (const [key, n] of names) {
    const d = decide(n);
    if (d) decided.set(key, d);
  }
  // A full name whose surname alone the story reads as a person's ("Manning" beside "Peyton Manning")
  // stays a person: the linker's surname rule, read across the story.
  const person = (key: string, n: Name) => decided.get(key)?.person ?? [...n.reads.values()].some((r) => majority(r) === 'PER');
  for (const [key, n] of names) {
    const d = decided.get(key);
    if (!d || d.person || n.words.length < 2) continue;
    const surname = nameKey(n.words[n.words.length - 1]);
    const s = names.get(surname);
    if (s && person(surname, s)) decided.delete(key);
  }
  return arts.map((a, i) =>
    a.mentions.map((m, j) => {
      const key = keys[i][j];
      const d = key === null ? undefined : decided.get(key);
      if (!d) return m?.type;
      if (d.person) return 'PER';
      return m.type === 'PER' ? d.other : m.type;
    }),
  );
}

/** The story's decision for one name, or null when it leaves the readings as they are. */
function decide(n: Name): { person: boolean; other: EntityType } | null {
  if (n.reads.size < 2) return null;
  let person = 0;
  const others = new Map<EntityType, { votes: number; mentions: number }>();
  let any = false;
  for (const [i, r] of n.reads) {
    const vote = n.titled.has(i) && !n.organisation ? 'PER' : majority(r);
    if (vote === 'PER') person += n.titled.has(i) ? 2 : 1;
    else {
      const o = others.get(vote) ?? { votes: 0, mentions: 0 };
      o.votes++;
      others.set(vote, o);
    }
    for (const [t, c] of r) {
      if (t === 'PER') any = true;
      else {
        const o = others.get(t) ?? { votes: 0, mentions: 0 };
        o.mentions += c;
        others.set(t, o);
      }
    }
  }
  if (n.organisation) person = 0;
  if (!others.size || (!any && !person)) return null;
  const against = [...others.values()].reduce((s, o) => s + o.votes, 0);
  if (person === against) return null;
  const other = [...others].sort((a, b) => b[1].votes - a[1].votes || b[1].mentions - a[1].mentions || OTHER_ORDER.indexOf(a[0]) - OTHER_ORDER.indexOf(b[0]))[0][0];
  return { person: person > against, other };
}

/** An article's reading of a name: its most frequent type (a tie: a person, then ORG, LOC, MISC, as within the article). */
function majority(r: Map<EntityType, number>): EntityType {
  let best: EntityType = 'MISC';
  let count = -1;
  for (const t of ['PER', ...OTHER_ORDER] as EntityType[]) {
    const c = r.get(t) ?? 0;
    if (c > count) {
      best = t;
      count = c;
    }
  }
  return best;
}

/**
 * The articles with their mentions re-typed by the story's vote (`storyTypes`), for the stages that
 * read a story's mentions (the cross-check): an article the vote leaves alone is the same object, the
 * others shallow copies with new mention objects. A re-typed mention keeps its entity id, which names
 * the article's entity (its `entityIndex` name).
 */
export function withStoryTypes<A extends { article: { text?: string }; entities?: EntityMention[] }>(articles: readonly A[]): A[] {
  const types = storyTypes(articles.map((a) => ({ text: typeof a.article.text === 'string' ? a.article.text : undefined, mentions: a.entities ?? [] })));
  return articles.map((a, i) => {
    const ms = a.entities ?? [];
    if (ms.every((m, j) => types[i][j] === m?.type)) return a;
    return { ...a, entities: ms.map((m, j) => (types[i][j] === m.type ? m : { ...m, type: types[i][j] })) };
  });
}

/**
 * Parallel events: two sentences that tell the same kind of statement of two named things of one kind
 * ("Canadian voters said that the tariffs hurt the economy" / "most Mexican voters said that the tariffs
 * hurt the economy"; "Norway's turnout" / "Sweden's turnout") are two statements, however
 * many words they share: campaign news, sports rounds and disaster tolls tell many such events in one
 * vocabulary. Read from the parse and the named entities analyse gives: a name that modifies a common noun
 * (adjective, compound, possessive or prepositional modifier; a place only as the noun's kind or owner, since
 * a place by a preposition may lie inside the other's) fills that noun's role; two sentences whose
 * one role noun is filled by names of one kind (place, person, organisation, other name) and by no name
 * in common, neither sentence naming the other's filler anywhere, tell two events. No list of names: the
 * kind is the entity type, sameness the linker's key or the name's own words.
 */
import type { SyntaxToken } from '../model/types.js';
import { canonicalName, type Sent } from './prepare.js';
import { kidsOf, parseOf, rangeHead, relOf, spanTokens } from './syntax.js';
import { key } from './text.js';
import { gazetteerRegionNames, placesAgree } from './residence.js';
import { tokenAt } from '../text/tokenize.js';
import { foldAccents } from '../text/normalise.js';
import { namedIn, otherSubjects } from './frame-participants.js';

/** Relations by which a word modifies a noun: "Canadian voters", "Oslo voters", "Norway's turnout", "the turnout in Norway". */
const MODIFIES = new Set(['amod', 'compound', 'nmod']);
/** Relations that keep climbing a noun compound to its head: "Canadian election voters" fills "voters", not "election". */
const COMPOUND = new Set(['amod', 'compound']);

/** A name that fills a role: its kind (entity type), the linker's key and the keys of its own words. */
interface Filler {
  type: string;
  link: string;
  words: string[];
  /** Written as an abbreviation ("MGM", "U.N."): it may stand for any longer name, which the linker cannot tell. */
  short: boolean;
}

/** Capitals only, dotted or not: an abbreviation of a name. */
const ABBREVIATION = /^(?:\p{Lu}\.?){2,6}$/u;

/** Per sentence, its role nouns (keys) and the names that fill each (read once: a sentence meets many others). */
const ROLES = new WeakMap<Sent, Map<string, Filler[]>>();

/** The nouns of a sentence that a name modifies, with those names; empty without a parse. */
export function namedRoles(s: Sent): Map<string, Filler[]> {
  let roles = ROLES.get(s);
  if (roles) return roles;
  ROLES.set(s, (roles = new Map()));
  const tokens = parseOf(s.art);
  if (!tokens || !s.entities.length) return roles;
  const [lo, hi] = spanTokens(tokens, s.span);
  // (each name's own tokens, found by position: a long sentence with many names stays linear)
  const inName = new Uint8Array(hi - lo);
  const spans = s.entities.map((e) => nameTokens(tokens, lo, hi, e.span));
  for (const [from, to] of spans) inName.fill(1, from - lo, to - lo);
  for (let n = 0; n < s.entities.length; n++) {
    const e = s.entities[n];
    let head = rangeHead(tokens, spans[n]);
    if (head < 0) continue;
    // (a conjunct fills the role of the first: "primaries in Alabama, Arkansas and Georgia")
    for (let steps = 0; steps < 8 && relOf(tokens[head]) === 'conj' && tokens[head].head >= lo && tokens[head].head < hi; steps++) head = tokens[head].head;
    if (!MODIFIES.has(relOf(tokens[head]))) continue;
    // (a place by a preposition may be a part of the other's place, "a store in central Lyon" / "the store on Rue
    // Garibaldi", which no list here can tell: only a place told as the noun's kind or owner fills its role)
    if (e.type === 'LOC' && relOf(tokens[head]) === 'nmod' && tokens[head].deprel !== 'nmod:poss') continue;
    let g = tokens[head].head;
    // (a common noun outside every name: "the Oslo Times" is one name, not a role of Oslo)
    if (g < lo || g >= hi || inName[g - lo] || tokens[g].upos !== 'NOUN') continue;
    for (let steps = 0; steps < 4 && COMPOUND.has(relOf(tokens[g])); steps++) {
      const up = tokens[g].head;
      if (up < lo || up >= hi || inName[up - lo] || tokens[up].upos !== 'NOUN') break;
      g = up;
    }
    const role = key(tokens[g].lemma || tokens[g].text);
    const words = e.name.split(/\s+/).map(key).filter(Boolean);
    if (!role || !words.length) continue;
    const fillers = roles.get(role);
    const filler = { type: e.type, link: e.key, words, short: ABBREVIATION.test(s.art.text.slice(e.span.start, e.span.end)) };
    if (fillers) fillers.push(filler);
    else roles.set(role, [filler]);
  }
  return roles;
}

/** The tokens [from, to) of a name's span inside the sentence's tokens [lo, hi) (empty when none lies wholly in it). */
function nameTokens(tokens: readonly SyntaxToken[], lo: number, hi: number, span: { start: number; end: number }): [number, number] {
  let from = Math.max(tokenAt(tokens, span.start), lo);
  while (from < hi && tokens[from].start < span.start) from++;
  let to = from;
  while (to < hi && tokens[to].end <= span.end) to++;
  return [from, to];
}

/** The sentence names this filler (frame-participants.ts namedIn; a filler's words are never empty). */
const names = (s: Sent, f: Filler): boolean => namedIn(s, f.link, f.words);

/**
 * Two sentences tell one kind of statement of two named things: one noun both have is modified by names of
 * one kind in each, and no name of the one is named anywhere in the other ("Canadian voters" / "Mexican
 * voters": two electorates; "Norway's turnout" / "Sweden's turnout": two countries), or their statements have two
 * named subjects ("Ajax have expressed interest" / "Lyon and Porto have expressed interest":
 * frame-participants.ts otherSubjects).
 */
export function parallelEvents(a: Sent, b: Sent): boolean {
  return otherScopes(a, b) || otherRoleFillers(a, b) || otherSubjects(a, b);
}

function otherRoleFillers(a: Sent, b: Sent): boolean {
  const ra = namedRoles(a);
  if (!ra.size) return false;
  const rb = namedRoles(b);
  for (const [role, fa] of ra) {
    const fb = rb.get(role);
    if (!fb) continue;
    for (const x of fa) {
      // (an abbreviation is compared only with abbreviations: "GOP" may be "Republican", "MGM" any studio's name)
      const ys = fb.filter((y) => y.type === x.type && y.short === x.short);
      if (!ys.length) continue;
      const kind = fa.filter((f) => f.type === x.type && f.short === x.short);
      if (kind.some((f) => names(b, f)) || ys.some((y) => names(a, y))) continue;
      return true;
    }
  }
  return false;
}

/**
 * Relations that open a clause told on the way (a circumstance, a relative clause, an aside, an item of a list):
 * a place named there is not where the claim holds ("a speech on Monday addressing the attacks in Orlando").
 */
const ASIDE = new Set(['acl', 'advcl', 'parataxis', 'appos', 'list', 'dislocated', 'vocative', 'reparandum', 'orphan']);
/** Relations that climb a noun phrase to the noun a place describes ("Woodburn's police chief", "Los Angeles County Sheriff's Deputy"). */
const NOUN_PHRASE = new Set(['nmod', 'compound', 'amod', 'flat', 'conj']);

/** Per sentence, its claim's scope and every place it names (placeName), read once: a sentence meets many others. */
const SCOPES = new WeakMap<Sent, { scope: string[]; places: Set<string> }>();
/** A path to the root longer than this is read as no aside (a hostile sentence stays linear). */
const MAX_DEPTH = 64;

/**
 * The places a sentence's claim is told of: every place name of its main clause, wherever the parse hangs it ("In
 * Ohio, the turnout ...", "Florida elections officials ...", "captured the primary in Vermont", the dateline), but
 * not one inside a clause told on the way, nor one that describes a named person or body (a home, an office, a
 * seat: "Anthony LaSalle, of Bloomington", "Woodburn's police chief, Scott Russell", "Peabody College in Tennessee"),
 * which says who, not where.
 */
export function scopeOf(s: Sent): string[] {
  return placesOf(s).scope;
}

function placesOf(s: Sent): { scope: string[]; places: Set<string> } {
  let out = SCOPES.get(s);
  if (out) return out;
  const places = new Set(s.entities.filter((e) => e.type === 'LOC').map((e) => placeName(e.name)));
  const scope = new Set<string>();
  SCOPES.set(s, (out = { scope: [], places }));
  const tokens = parseOf(s.art);
  if (!tokens || !places.size) return out;
  const [lo, hi] = spanTokens(tokens, s.span);
  const inName = new Uint8Array(hi - lo);
  for (const e of s.entities) {
    if (e.type === 'LOC') continue;
    const [from, to] = nameTokens(tokens, lo, hi, e.span);
    inName.fill(1, from - lo, to - lo);
  }
  const kids = kidsOf(tokens);
  for (const e of s.entities) {
    if (e.type !== 'LOC') continue;
    const head = rangeHead(tokens, nameTokens(tokens, lo, hi, e.span));
    if (head < 0 || aside(tokens, lo, hi, head) || describesName(tokens, kids, lo, hi, head, inName)) continue;
    scope.add(placeName(e.name));
  }
  out.scope = [...scope];
  return out;
}

/** The token lies in a clause told on the way: some relation on its path to the sentence's root opens one. */
function aside(tokens: readonly SyntaxToken[], lo: number, hi: number, q: number): boolean {
  for (let steps = 0; steps < MAX_DEPTH && q >= lo && q < hi; steps++) {
    if (ASIDE.has(relOf(tokens[q]))) return true;
    q = tokens[q].head;
  }
  return false;
}

/** The place describes a named thing: the noun phrase it modifies is, or stands beside, a name that is not a place. */
function describesName(tokens: readonly SyntaxToken[], kids: number[][], lo: number, hi: number, q: number, inName: Uint8Array): boolean {
  for (let steps = 0; steps < 4 && NOUN_PHRASE.has(relOf(tokens[q])); steps++) {
    q = tokens[q].head;
    if (q < lo || q >= hi) return false;
    if (inName[q - lo]) return true;
    if (kids[q].some((t) => t >= lo && t < hi && inName[t - lo] && BESIDE.has(relOf(tokens[t])))) return true;
  }
  return false;
}
/** Relations by which a name stands beside the noun a place modifies: "police chief, Scott Russell", "Chief Russell". */
const BESIDE = new Set(['appos', 'flat', 'compound']);

/** A place's name as compared: canonical, accents folded ("Place Vendôme" / "Place Vendome"). */
const placeName = (name: string) => foldAccents(canonicalName(name));

/**
 * Two sentences tell one kind of statement of two places: each claim is told of named places, neither sentence
 * names any of the other's, and no place of the one may hold a place of the other (residence.ts `placesAgree`:
 * one name within the other, or a country, world region or large city of the gazetteer, which may hold any town or
 * street). "In Ohio, the turnout was ..." / "Florida elections officials are expecting a record turnout" are two
 * states' turnouts; "a bank in Athens" / "a bank in Greece" one bank. The story's own "<town>, <region>" is not read
 * here: one "Jupiter, Florida" would make the state a region that holds every other state.
 */
function otherScopes(a: Sent, b: Sent): boolean {
  const pa = placesOf(a);
  const x = pa.scope;
  if (!x.length) return false;
  const pb = placesOf(b);
  const y = pb.scope;
  if (!y.length) return false;
  // (named anywhere: as a place, or by every word of its name, "the Ohio-based chain")
  const named = (s: Sent, own: Set<string>, places: string[]) => places.some((p) => own.has(p) || p.split(/\s+/).every((w) => s.keys.has(key(w))));
  if (named(a, pa.places, y) || named(b, pb.places, x)) return false;
  return !placesAgree(x, y, gazetteerRegionNames());
}

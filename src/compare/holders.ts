/**
 * Who holds a post: "team general manager Jane Roe said in a statement" against "general manager
 * John Doe said in a statement". News names people by the post they hold, and an outlet that puts
 * another name after the same post in the same statement disagrees about who the holder is (an
 * `actor` conflict).
 *
 * A post is the run of common words written right before a person's name ("general manager",
 * "police chief"), or in apposition right after it ("Jane Roe, the Rovers' general manager,"), read
 * as its last two words, so that an organisation or a generic word before it
 * ("Chargers general manager", "team general manager") does not make it another post. Many posts
 * have several holders at once (spokesmen, officers, sergeants) or one after another (a former
 * coach): so a post is disputed only when two independent articles state one fact (one fact
 * cluster, or close wording) and put two different people after it, neither of whom the other
 * article names anywhere. A post that one article gives two people, a post with a word of rank or
 * time before it ("former", "deputy", "acting"), a relative ("nephew"), and an honorific ("Mr")
 * are never disputed. The sides are every mention of the post with one of the disputed holders.
 */
import type { WordToken } from '../text/normalise.js';
import { type Alignment, statesOneFact } from './facts.js';
import { evidence, type EntityRef, type Sent, type StoryView } from './prepare.js';
import { crossOutletPairs, sidesByFirst } from './sides.js';
import { surnameSpelledTwoWays } from './person-keys.js';
import { parseOf } from './syntax.js';
import { tokenAt } from '../text/tokenize.js';
import { partitionPoint } from '../util/search.js';
import { clean, cmp } from './text.js';
import type { Conflict, ConflictSide } from './types.js';

export interface Holding {
  sent: Sent;
  /** The post, lower case ("general manager"). */
  post: string;
  /** The post as written here ("Chargers general manager"'s "general manager"). */
  written: string;
  /** Whether the post is written in lower case here (a post, not a capitalised word of a name). */
  lower: boolean;
  /** The holder: surname, lower case. */
  surname: string;
  name: string;
  span: { start: number; end: number };
}

/** Words of a post read before a name, at most. */
const MAX_POST_WORDS = 3;
/** Words that end the post before them: articles, prepositions, verbs of saying, possessives. */
const STOP_BEFORE = /^(?:the|a|an|and|or|of|by|with|to|for|from|in|on|at|that|said|says|told|as|his|her|their|its|our|my|your)$/i;
/**
 * Rank and time: "former coach", "deputy chief", "acting director", "new manager" are other posts
 * than the post alone, or the post at another time, and "late" marks someone dead.
 */
const RANK_OR_TIME = /^(?:former|then|ex|late|acting|interim|new|incoming|outgoing|deputy|assistant|vice|associate|co|senior|junior|fellow|another|other|previous|current|first|second|third|next|last)$/i;
/** Honorifics are not posts: two "Mr"s are two people. */
const HONORIFIC = /^(?:mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|lord|lady|madam|rev|reverend|father|sister|brother|saint|st)$/i;
/** Relatives: "nephew Tom Roe" and "nephew Sam Roe" are two nephews. */
const KIN =
  /^(?:daughter|son|child|kid|mother|father|mom|mum|dad|wife|husband|sister|brother|girlfriend|boyfriend|grandson|granddaughter|grandmother|grandfather|niece|nephew|cousin|stepdaughter|stepson|partner|fiance|fiancee|uncle|aunt|friend|neighbor|neighbour)s?$/i;

/** The post written right before the name `e` in `s`, or null: letters-only words, no punctuation between them and the name, no person or place among them. */
function postBefore(s: Sent, e: EntityRef): { words: WordToken[] } | null {
  const text = s.art.text;
  const words: WordToken[] = [];
  let next = e.span.start;
  // (the sentence's words that end before the name, found by halves and read back from the name: asked for every person named)
  const first = partitionPoint(s.tokens, (t) => t.end <= e.span.start);
  for (let i = first - 1; i >= 0 && words.length < MAX_POST_WORDS; i--) {
    const t = s.tokens[i];
    if (text.slice(t.end, next).trim()) break;
    if (!/^[A-Za-z]{2,}$/.test(t.text) || STOP_BEFORE.test(t.text)) break;
    // (an organisation's name may run into the post: "Chargers General Manager" tagged as one organisation)
    if (s.entities.some((x) => x.type !== 'ORG' && x.type !== 'MISC' && x.span.start < t.end && t.start < x.span.end)) break;
    words.unshift(t);
    next = t.start;
  }
  if (!words.length || words.some((w) => RANK_OR_TIME.test(w.text) || HONORIFIC.test(w.text))) return null;
  if (KIN.test(words[words.length - 1].text)) return null;
  return { words };
}

/**
 * "Jane Roe, the Rovers' general manager, said", "Jane Roe, general manager of the Rovers,": the
 * post in apposition right after the name (lower-case words, its last a noun by the parse, after
 * "the" and an organisation's name if any, before a comma, a full stop or "of", "for", "at"); not
 * "a spokesman" (one of several). Null when there is none.
 */
function postAfter(s: Sent, e: EntityRef): { post: string; end: number } | null {
  const text = s.art.text;
  let at = e.span.end;
  const lead = /^,\s+(?:the\s+)?/.exec(text.slice(at, s.span.end));
  if (!lead) return null;
  at += lead[0].length;
  // an organisation's name and its possessive ("the Rovers' general manager")
  const org = s.entities.find((x) => (x.type === 'ORG' || x.type === 'MISC') && x.span.start === at);
  if (org) {
    const possessive = /^(?:'s?|’s?)?\s+/.exec(text.slice(org.span.end, s.span.end));
    if (!possessive) return null;
    at = org.span.end + possessive[0].length;
  }
  const m = /^((?:[a-z]{2,}\s+){0,2}[a-z]{2,})(?=\s*(?:[,.]|\s(?:of|for|at)\s))/.exec(text.slice(at, s.span.end));
  if (!m) return null;
  const words = m[1].split(/\s+/);
  if (words.some((w) => STOP_BEFORE.test(w) || RANK_OR_TIME.test(w) || /^(?:who|which|whose|whom)$/.test(w)) || KIN.test(words[words.length - 1])) return null;
  const tokens = parseOf(s.art);
  const lastAt = at + m[1].length - words[words.length - 1].length;
  const last = tokens ? tokens[tokenAt(tokens, lastAt)] : undefined;
  if (!last || last.upos !== 'NOUN' || last.start !== lastAt) return null;
  return { post: words.slice(-2).join(' '), end: at + m[1].length };
}

/** Every person named after a post in the story (read by names.ts too, so read once per story: one person, two given names). */
export function holdingsOf(story: StoryView): Holding[] {
  let out = HOLDINGS.get(story);
  if (!out) HOLDINGS.set(story, (out = readHoldings(story)));
  return out;
}
const HOLDINGS = new WeakMap<StoryView, Holding[]>();

function readHoldings(story: StoryView): Holding[] {
  const out: Holding[] = [];
  for (const a of story.articles)
    for (const s of a.sentences)
      for (const e of s.entities) {
        if (e.type !== 'PER') continue;
        const name = s.art.text.slice(e.span.start, e.span.end);
        const surname = name.toLowerCase().split(/\s+/).pop() ?? '';
        if (!surname) continue;
        const p = postBefore(s, e);
        if (p) {
          const last = p.words.slice(-2);
          const written = s.art.text.slice(last[0].start, last[last.length - 1].end);
          out.push({ sent: s, post: written.toLowerCase().replace(/\s+/g, ' '), written, lower: written === written.toLowerCase(), surname, name, span: { start: p.words[0].start, end: e.span.end } });
        }
        const q = postAfter(s, e);
        if (q) out.push({ sent: s, post: q.post, written: q.post, lower: true, surname, name, span: { start: e.span.start, end: q.end } });
      }
  return out;
}

/** Whether two surnames can be one person's: one holds the other, or one name spelled two ways ("Varga", "Vargas"). */
function sameSurname(a: string, b: string): boolean {
  return a.includes(b) || b.includes(a) || surnameSpelledTwoWays(a, b);
}

/**
 * Whether the article names someone of that surname anywhere. Asked for every pair of holdings of
 * a post: the words of the article's people's names are read once per article, and each surname's
 * answer kept per article (a busy post's pairs asked again for the same few surnames).
 */
function namesSurname(s: Sent, surname: string): boolean {
  let named = NAMED.get(s.art);
  if (!named) {
    const words = new Set<string>();
    for (const x of s.art.sentences) for (const e of x.entities) if (e.type === 'PER') for (const w of e.name.toLowerCase().split(/\s+/)) words.add(w);
    NAMED.set(s.art, (named = { words: [...words], answers: new Map() }));
  }
  let yes = named.answers.get(surname);
  if (yes === undefined) named.answers.set(surname, (yes = named.words.some((w) => sameSurname(w, surname))));
  return yes;
}
const NAMED = new WeakMap<Sent['art'], { words: string[]; answers: Map<string, boolean> }>();

/** Conflicts over who holds one post, told differently by independent sources in statements of one fact. */
export function holderConflicts(story: StoryView, al: Alignment): Conflict[] {
  const byPost = new Map<string, Holding[]>();
  for (const h of holdingsOf(story)) (byPost.get(h.post) ?? byPost.set(h.post, []).get(h.post)!).push(h);
  const out: Conflict[] = [];
  for (const post of [...byPost.keys()].sort(cmp)) {
    const hs = byPost.get(post)!.sort((a, b) => cmp(a.sent.id, b.sent.id) || a.span.start - b.span.start);
    // one article that gives the post two people says the post has two holders
    const perArticle = new Map<string, string[]>();
    for (const h of hs) perArticle.set(h.sent.art.id, [...(perArticle.get(h.sent.art.id) ?? []), h.surname]);
    if ([...perArticle.values()].some((xs) => xs.some((x) => xs.some((y) => !sameSurname(x, y))))) continue;
    const disputed = new Set<string>();
    for (let i = 0; i < hs.length; i++)
      for (let j = i + 1; j < hs.length; j++) {
        const [a, b] = [hs[i], hs[j]];
        if (a.sent.art.group === b.sent.art.group || sameSurname(a.surname, b.surname) || !(a.lower || b.lower)) continue;
        if (namesSurname(a.sent, b.surname) || namesSurname(b.sent, a.surname)) continue;
        if (!statesOneFact(al, a.sent, b.sent)) continue;
        disputed.add(a.surname).add(b.surname);
      }
    if (!disputed.size) continue;
    const c = holderConflict(story, hs.filter((h) => [...disputed].some((x) => sameSurname(x, h.surname))));
    if (c) out.push(c);
  }
  return out;
}

function holderConflict(story: StoryView, hs: Holding[]): Conflict | null {
  const sides = sidesByFirst(hs, (first, h) => sameSurname(first.surname, h.surname));
  if (sides.length < 2) return null;
  const pairs = crossOutletPairs(sides);
  if (!pairs.length) return null;
  const post = hs.find((h) => h.lower)?.written ?? hs[0].written;
  return {
    id: '',
    kind: 'actor',
    slot: `who is the ${post}`,
    severity: 'conflict',
    withinArticle: false,
    sides: sides.map((x) => holderSide(story, x)),
    pairs,
    note: `${sides.map((x) => clean(x[0].name)).join(' vs ')}: different people named as the ${post}`,
    factIds: [],
  };
}

function holderSide(story: StoryView, hs: Holding[]): ConflictSide {
  const articles = [...new Set(hs.map((h) => h.sent.art.id))].sort(cmp);
  const names = [...new Set(hs.map((h) => clean(h.name)))];
  return {
    value: [...names].sort((a, b) => b.length - a.length || cmp(a, b))[0],
    normalized: { kind: 'actor', unit: 'person', value: null, low: null, high: null, qualifier: 'exact', date: null },
    wordings: [...new Set(hs.map((h) => clean(h.sent.art.text.slice(h.span.start, h.span.end))))],
    articles,
    outlets: [...new Set(articles.map((id) => story.byId.get(id)!.outlet))],
    independentSources: story.independent(articles),
    evidence: hs.map((h) => evidence(h.sent, { ...h.span })),
  };
}

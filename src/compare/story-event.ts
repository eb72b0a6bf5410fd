/**
 * The story's own event, told by each outlet in its own words: "a quake struck on Sunday",
 * "Sunday's earthquake", "the island was hit by a temblor on Sunday", "the store burned on
 * Friday" / "a fire destroyed the store on Friday". The event is the happening most independent
 * sources' leads name by a noun (data/lexicons/event-nouns.tsv, derived from WordNet by
 * scripts/build-wordnet-events.ts: "quake", "temblor" and "earthquake" are one event, told by the
 * verbs "quake" and "tremor"); a date in a lead tells it when it dates that noun, a verb whose
 * subject, object or agent is that noun, or a verb WordNet derives from it. Whatever verb the
 * outlet chose and whether it names anyone, those dates are of one event.
 */
import type { SyntaxToken } from '../model/types.js';
import { dataRows } from '../text/lexicon.js';
import { phraseHead } from '../analyse/syntax/helpers.js';
import type { ResolvedTime, Sent, StoryView } from './prepare.js';
import { datedPredicate } from './dated-acts.js';
import { inLead } from './background.js';
import { durationThing } from './time-slots.js';
import { kidsOf, parseOf, relOf as rel, spanTokens } from './syntax.js';

let nouns: Map<string, string> | null = null;
let verbs: Map<string, Set<string>> | null = null;

function readLexicon(): void {
  nouns = new Map();
  verbs = new Map();
  for (const [noun, event, told] of dataRows('lexicons', 'event-nouns.tsv')) {
    if (!noun || !event) continue;
    nouns.set(noun.trim().toLowerCase(), event.trim());
    const set = verbs.get(event.trim()) ?? verbs.set(event.trim(), new Set()).get(event.trim())!;
    for (const v of (told ?? '').split(',')) if (v.trim()) set.add(v.trim().toLowerCase());
  }
}

/** The event a noun names ("temblor" → "earthquake.07443554"), or undefined when it names no happening. */
export function eventOfNoun(lemma: string): string | undefined {
  if (!nouns) readLexicon();
  return nouns!.get(lemma.toLowerCase());
}

let byVerb: Map<string, string[]> | null = null;
/** The events a verb tells ("quake" → earthquake). */
function eventsOfVerb(lemma: string): readonly string[] {
  if (!verbs) readLexicon();
  if (!byVerb) {
    byVerb = new Map();
    for (const [ev, vs] of verbs!) for (const v of vs) (byVerb.get(v) ?? byVerb.set(v, []).get(v)!).push(ev);
  }
  return byVerb.get(lemma.toLowerCase()) ?? [];
}

/** The verbs WordNet derives from a noun's event ("resignation" → resign, "disappearance" → disappear), in the lexicon's order; none for a noun of no happening. */
export function verbsOfEventNoun(lemma: string): readonly string[] {
  const ev = eventOfNoun(lemma);
  return ev ? [...verbsOf(ev)] : [];
}

/** Whether a verb tells the event ("stopped" the story's stoppage), by the event lexicon. */
export function verbTellsEvent(lemma: string, event: string): boolean {
  return verbsOf(event).has(lemma.toLowerCase());
}

/** The verbs that tell an event ("earthquake.07443554" → quake, tremor). */
function verbsOf(event: string): ReadonlySet<string> {
  if (!verbs) readLexicon();
  return verbs!.get(event) ?? new Set();
}

/** Of the story's sources, the share whose leads must name the event (besides at least two of them). */
const EVENT_SHARE = 0.4;

const EVENTS = new WeakMap<StoryView, string | null>();
/**
 * The story's own event: the happening the leads of the most independent sources name by a noun
 * or one of its verbs ("died" names the death, and a story of a death is not of the heart attack
 * before it),
 * when at least two and EVENT_SHARE of the story's sources do; of happenings named by as many, the
 * one more of them date in their leads (a tie there says the story has no one event); null otherwise.
 */
export function storyEvent(story: StoryView): string | null {
  if (EVENTS.has(story)) return EVENTS.get(story)!;
  const { top, why } = rankEvents(story);
  const out = why === 'found' ? top : null;
  EVENTS.set(story, out);
  return out;
}

/**
 * Why a story has its event or none (for scripts/dump-slots.ts, counts only): `found`; `few` when no
 * happening is named by the leads of two sources and EVENT_SHARE of them; `tie` when two are named by
 * as many sources and dated by as many (a change to datesEvent moves this tie-break too).
 */
export function storyEventWhy(story: StoryView): 'found' | 'few' | 'tie' {
  return rankEvents(story).why;
}

function rankEvents(story: StoryView): { top: string | null; why: 'found' | 'few' | 'tie' } {
  const named = new Map<string, Set<string>>();
  const add = (ev: string | undefined, arts: Set<string>) => {
    if (!ev) return;
    const ids = named.get(ev) ?? named.set(ev, new Set()).get(ev)!;
    for (const id of arts) ids.add(id);
  };
  const { nouns, verbs } = leadWords(story);
  for (const [lemma, arts] of nouns) add(eventOfNoun(lemma), arts);
  for (const [lemma, arts] of verbs) for (const ev of eventsOfVerb(lemma)) add(ev, arts);
  // sources that name it, then sources whose leads date it
  const datedBy = (ev: string) => story.independent(story.sentences.filter((s) => inLead(s) && named.get(ev)!.has(s.art.id) && s.times.some((t) => datesEvent(s, t, ev))).map((s) => s.art.id));
  const ranked = [...named].map(([ev, ids]) => ({ ev, n: story.independent(ids), d: 0 })).sort((a, b) => b.n - a.n || (a.ev < b.ev ? -1 : 1));
  const tied = ranked.filter((r) => r.n === ranked[0]?.n);
  for (const r of tied) r.d = datedBy(r.ev);
  tied.sort((a, b) => b.d - a.d || (a.ev < b.ev ? -1 : 1));
  const top = tied[0];
  if (!top || !namedByMost(story, top.n)) return { top: null, why: 'few' };
  return tied[1] && tied[1].d === top.d ? { top: null, why: 'tie' } : { top: top.ev, why: 'found' };
}

/** Whether `n` independent sources are at least two and EVENT_SHARE of the story's: enough to name the story's own happening or thing. */
function namedByMost(story: StoryView, n: number): boolean {
  return n >= 2 && n >= EVENT_SHARE * story.independent(story.articles.map((a) => a.id));
}


/** Relations of a noun that says what happened when it is the dated verb's argument ("a quake hit", "hit by a quake", "destroyed in a fire"). */
const EVENT_ARGUMENT = new Set(['nsubj', 'nsubj:pass', 'obj', 'obl:agent']);
const EVENT_CASE = /^(?:by|in)$/i;
/** Relations by which a time dates the noun above it ("Sunday's quake", "the fire on Friday", "the Friday fire"). */
const NOUN_DATE = new Set(['nmod', 'nmod:poss', 'nmod:tmod', 'nmod:unmarked', 'compound']);

/**
 * Whether the time `t` of sentence `s` dates the event `event`: it modifies a noun of that event,
 * or the verb it dates has such a noun as its subject, object or agent ("by"/"in" a quake), or is a
 * verb of that event whose subject names no other happening (not "an aftershock shook the island
 * on Monday" in a quake story).
 */
export function datesEvent(s: Sent, t: ResolvedTime, event: string): boolean {
  const tokens = parseOf(s.art);
  const h = tokens ? phraseHead(tokens, t.span) : null;
  if (!tokens || h === null) return false;
  const kids = kidsOf(tokens);
  const n = tokens[h].head;
  if (n >= 0 && tokens[n].upos === 'NOUN' && NOUN_DATE.has(tokens[h].deprel) && eventOfNoun(tokens[n].lemma) === event) return !another(tokens, kids, n, true);
  const p = datedPredicate(tokens, kids, t);
  if (p === null || tokens[p].upos !== 'VERB') return false;
  let other = false;
  for (const [c, r] of argumentsOf(tokens, kids, p)) {
    const byOrIn = rel(tokens[c]) === 'obl' && kids[c].some((k) => rel(tokens[k]) === 'case' && EVENT_CASE.test(tokens[k].text));
    if (tokens[c].upos !== 'NOUN' || !(EVENT_ARGUMENT.has(r) || byOrIn)) continue;
    const ev = eventOfNoun(tokens[c].lemma);
    // ("hit by a February 2 earthquake": a time inside the noun's phrase dates the noun)
    const inside = t.span.end <= tokens[c].start && kids[c].some((k) => tokens[k].end <= t.span.start);
    if (ev === event) return !another(tokens, kids, c, inside);
    if (ev && r === 'nsubj') other = true;
  }
  // (a verb with an article of its own is a noun the parser misread: "investigating a June 20
  // shooting"; a verb with a particle is another act than the verb alone: "checked out", "checked in")
  // ("out" the parser hangs on the noun after it is the verb's particle all the same); a verb with no
  // subject of its own ("having checked out", "after checking in") may be another act of whoever the
  // sentence is about, so it tells the event only with a subject: "the church burned", "Iran was hit"
  const particle = kids[p].some((c) => rel(tokens[c]) === 'compound' && tokens[c].deprel.endsWith('prt')) || (p + 1 < tokens.length && PARTICLE.test(tokens[p + 1].text));
  const subject = argumentsOf(tokens, kids, p).some(([, r]) => r === 'nsubj' || r === 'nsubj:pass');
  if (other || particle || !subject || !verbsOf(event).has(tokens[p].lemma.toLowerCase()) || another(tokens, kids, p, true)) return false;
  // a verb of the event whose act names no one ("a man was arrested on Monday") is the story's
  // event only in a sentence that names the event by its noun too; else it may be any act of the
  // kind, which anonymous acts compare only between sentences that state one fact (conflicts.ts)
  return argumentsOf(tokens, kids, p).some(([c, r]) => EVENT_ARGUMENT.has(r) && (tokens[c].upos === 'PROPN' || PRONOUN.test(tokens[c].text))) || namesEvent(s, event);
}

/**
 * "investigating a June 20 shooting", "a second quake hit on Monday", "an earlier attack": a noun
 * of the event with an indefinite article or a word that sets it beside another names another
 * happening of the kind, not the story's ("A powerful earthquake hit southern Iran on Sunday" is
 * the story's: an argument of the dated verb may be indefinite, a noun the time dates may not).
 */
function another(tokens: readonly SyntaxToken[], kids: number[][], n: number, dated = false): boolean {
  return kids[n].some((c) => {
    const w = tokens[c].text.toLowerCase();
    return (rel(tokens[c]) === 'det' && (w === 'another' || (dated && (w === 'a' || w === 'an')))) || ((rel(tokens[c]) === 'amod' || rel(tokens[c]) === 'advmod') && OTHER_ONE.test(w));
  });
}
const PRONOUN = /^(?:he|she|they|him|her|them|who)$/i;
const PARTICLE = /^(?:out|off|up|down|in|back|over|away)$/i;
/** Words that set a happening beside another of its kind. */
const OTHER_ONE = /^(?:another|other|earlier|previous|prior|second|third|first|new|latest|last|separate|similar|recent|former|subsequent|later)$/;

/**
 * The happenings a time's verb names by a noun as its subject, object or agent ("an aftershock
 * shook": aftershock), by the event lexicon: two dated verbs whose nouns name different happenings
 * tell two of them, however alike their sentences.
 */
export function argumentEvents(s: Sent, t: ResolvedTime): Set<string> {
  const out = new Set<string>();
  const tokens = parseOf(s.art);
  if (!tokens) return out;
  const kids = kidsOf(tokens);
  const p = datedPredicate(tokens, kids, t);
  if (p === null) return out;
  for (const [c, r] of argumentsOf(tokens, kids, p)) {
    if (tokens[c].upos !== 'NOUN' || !EVENT_ARGUMENT.has(r)) continue;
    const ev = eventOfNoun(tokens[c].lemma);
    if (ev) out.add(ev);
  }
  return out;
}

/**
 * The dependents of the verb at `p` with their relations, and the noun it hangs on when the parser
 * read the verb as a reduced clause ("A strong earthquake struck the province on Tuesday" parsed
 * with "struck" on "earthquake"): that noun is its subject, or its passive subject for a participle.
 */
function argumentsOf(tokens: readonly SyntaxToken[], kids: number[][], p: number): [number, string][] {
  const out: [number, string][] = kids[p].map((c) => [c, tokens[c].deprel]);
  const h = tokens[p].head;
  if (rel(tokens[p]) === 'acl' && h >= 0 && tokens[h].upos === 'NOUN') out.push([h, tokens[p].xpos === 'VBN' ? 'nsubj:pass' : 'nsubj']);
  return out;
}

/** Whether sentence `s` names the event `event` by a noun ("On Sunday an earthquake destroyed ...", however the parse dates it). */
export function namesEvent(s: Sent, event: string): boolean {
  const tokens = parseOf(s.art);
  if (!tokens) return false;
  const [lo, hi] = spanTokens(tokens, s.span);
  for (let i = lo; i < hi; i++) if (tokens[i].upos === 'NOUN' && eventOfNoun(tokens[i].lemma) === event) return true;
  return false;
}

interface LeadWords {
  nouns: Map<string, Set<string>>;
  verbs: Map<string, Set<string>>;
}
const LEAD_WORDS = new WeakMap<StoryView, LeadWords>();
/**
 * The nouns and verbs the story's leads use, by lower-cased lemma, each with the articles whose
 * leads use it; read once per story for the story's event and its own things ("rescue teams": a
 * noun that modifies another names nothing of the story).
 */
function leadWords(story: StoryView): LeadWords {
  let out = LEAD_WORDS.get(story);
  if (out) return out;
  out = { nouns: new Map(), verbs: new Map() };
  for (const s of story.sentences) {
    const tokens = inLead(s) ? parseOf(s.art) : null;
    if (!tokens) continue;
    const [lo, hi] = spanTokens(tokens, s.span);
    for (let i = lo; i < hi; i++) {
      const tk = tokens[i];
      const words = tk.deprel === 'compound' ? null : tk.upos === 'NOUN' ? out.nouns : tk.upos === 'VERB' ? out.verbs : null;
      if (!words) continue;
      const lemma = tk.lemma.toLowerCase();
      (words.get(lemma) ?? words.set(lemma, new Set()).get(lemma)!).add(s.art.id);
    }
  }
  LEAD_WORDS.set(story, out);
  return out;
}

/**
 * Whether a duration's thing (its slot's noun: "talks" for a meeting, talks or a summit, slots.ts
 * durationThing) is the story's own in sentence `s`: as for the story's event, the leads of at least
 * two and EVENT_SHARE of the story's independent sources name it (whatever words the outlets chose
 * for it), and `s` does not set it beside another of its kind ("another meeting", "an earlier round
 * of talks"). Two durations of the story's own talks are of one happening, whoever each sentence
 * names ("the two leaders ... after four hours of talks" / "Putin and Xi ... after seven-hour-long talks").
 */
export function storysOwnThing(story: StoryView, thing: string, s: Sent): boolean {
  if (!thingOfMostLeads(story, thing)) return false;
  const tokens = parseOf(s.art);
  if (!tokens) return true;
  const kids = kidsOf(tokens);
  const [lo, hi] = spanTokens(tokens, s.span);
  for (let i = lo; i < hi; i++) if (tokens[i].upos === 'NOUN' && durationThing(tokens[i].lemma) === thing && another(tokens, kids, i)) return false;
  return true;
}

/**
 * Whether the leads of most independent sources name the thing, by any of its nouns; read once per
 * story and thing (a conflict's second check asks it for each pair of sides, and each asking read
 * every noun of the story's leads).
 */
const OWN_THINGS = new WeakMap<StoryView, Map<string, boolean>>();
function thingOfMostLeads(story: StoryView, thing: string): boolean {
  const known = OWN_THINGS.get(story) ?? OWN_THINGS.set(story, new Map()).get(story)!;
  let most = known.get(thing);
  if (most === undefined) {
    const ids = new Set<string>();
    for (const [lemma, arts] of leadWords(story).nouns) if (durationThing(lemma) === thing) for (const id of arts) ids.add(id);
    known.set(thing, (most = namedByMost(story, story.independent([...ids]))));
  }
  return most;
}

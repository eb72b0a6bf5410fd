/**
 * Counts of a story's things told outside the lead's acts ("N <noun>", with or without a verb): "the
 * blaze needed eight crews" against "six crews fought the fire", "roughly 30,000 people marched"
 * against "20,000 marched". The noun alone does not say the figures count the same set, so such a
 * count is compared only between sentences that state one fact (Slot.aligned), keyed by the noun's
 * lemma, the class of the act it is an argument of (or none), and the restrictive words that make it
 * a subset ("12 foreign tourists" is not "40 tourists"). A count that is told as not final (an
 * interim or earlier figure: "so far", "initially", "at least 3 by Tuesday") or of another event
 * ("last year's", a year) is not compared: an evolving figure is not a disagreement.
 */
import type { Quantity, SyntaxToken } from '../model/types.js';
import { actClass } from './act-classes.js';
import type { Sent } from './prepare.js';
import type { Slot } from './slots.js';
import { figureTokens, gaplessClause, kidsOf, parseOf, relOf } from './syntax.js';
import { cmp, key } from './text.js';
import { spelledNumber } from '../text/numbers.js';
import { frameOf, HAPPENED_TO_PEOPLE } from './quantity-frames.js';

/**
 * Adjectives that pick a part of a set of people or things (general English: origin, state,
 * role, sex, age, order, novelty): "N foreign tourists" counts some of "the tourists". A proper
 * adjective ("British tourists") does the same and is read from its capital.
 */
const SUBSET_ADJECTIVES = new Set(
  'foreign local domestic international national regional other remaining surviving injured wounded dead missing hurt killed new former original first last final initial young old elderly adult female male armed unarmed civilian military private public senior junior fellow additional extra further'.split(' '),
);

/**
 * Words that say a count is not the final one: an interim figure ("so far", "as of", "at least three
 * by Tuesday"), an early one ("initially", "at first", "early reports", "preliminary"), or another
 * event's ("last year's", "the previous", "in 2004"). Read in the figure's sentence.
 */
const INTERIM = /\b(?:so far|thus far|as of|until now|up to now|to date|at first|initial(?:ly)?|early reports?|preliminary)\b/i;
const OTHER_TIME = /\b(?:earlier|previous(?:ly)?|last year|this year|a year ago|(?:19|20)\d\d)\b/i;
/** "at least three by Tuesday", "by late afternoon": a count up to a time, not the total. */
const BY_A_TIME = /\bby\s+(?:(?:late|early|mid)\b|noon|midnight|nightfall|dawn|morning|afternoon|evening|night|then|the time|mon|tue|wed|thu|fri|sat|sun|\d)/i;

/** "28 of 41", "seven of the past eight": the word before "of" that makes the figure a ratio's whole. */
const RATIO_WHOLE = /(\S+)\s+(?:of|out of)\s+(?:(?:the|its|their|his|her)\s+)?(?:(?:past|last|previous|first|next)\s+)?$/i;
/**
 * A part of a set told elsewhere, read in the words around the figure: "including three children",
 * "among them two guards", "of whom six", "three of them"; an increment, "another six", "a further
 * four", "two more", "five other". figure-parts.ts `partOf` reads the same forms from the parse and the
 * words; this second reading keeps a count of things from resting on that one guard.
 */
const PART_BEFORE = /\b(?:including|includ(?:es|ed)|among\s+(?:them|those|whom|the\s+\S+)|of\s+(?:whom|which)|another|additional|further|extra)\s+(?:(?:at\s+least|about|around|some|nearly|almost|over|more\s+than)\s+)?$/i;
/** The word after the number ("two more cables", "five other ships"), read from the figure's start. */
const PART_NEXT = /^\S+[\s-]+(?:more|other|others|additional|extra)\b/i;
/** "two other rifles": the one form of PART_NEXT that an item of a list of different things may take. */
const OTHER_NEXT = /^\S+[\s-]+other\b/i;
/** After a bare number: "three of them", "five of the cables". */
const PART_OF = /^\s+of\s+(?:them|those|these|whom|which|the|its|their)\b/i;
/** "Among them were three children": the sentence opens on the set its figures are part of. */
const AMONG_THEM = /^\W*(?:among|of)\s+(?:them|those|these|the\s+(?:dead|injured|victims|wounded))\b/i;

/** "the past eight contests", "his last five games": a count of a window of recent things, not of the story's. */
const WINDOW = /\b(?:past|last|previous|first|next)\s+$/i;

/** Nouns that measure or order rather than count things of the event (spans, rates, ranks, scores). */
const NOT_THINGS = new Set(
  'time year month week day hour minute second percent per cent point pt yard yd mile mi metre meter foot feet ft kilometre kilometer km inch pound lb dollar game season round quarter half period inning set lap place grade floor storey story mark'.split(' '),
);

/** Whether a noun counts things of the event, not spans, rates, ranks or scores ("a record of 2,116 points"). */
export function countsThings(noun: string): boolean {
  return !NOT_THINGS.has(noun) && !NOT_THINGS.has(noun.replace(/s$/, ''));
}

/** A counted noun as a count's key holds it: its key, a hyphen inside the word left out ("co-worker" and "coworker" are one noun as outlets spell it). */
export function countedNounKey(noun: string): string {
  return key(noun.replace(/(?<=\p{L})-(?=\p{L})/gu, ''));
}

/**
 * The aligned slot of a count of a noun, or null. `verb` is the act the noun is an argument of
 * (its lemma), when the parse gives one; `listed`: an item of a list of different things
 * (listed-things.ts), where "N other <noun>" sets a kind apart and is no increment.
 */
export function countOfThings(s: Sent, q: Quantity, noun: string, verb: string | null, ofPeople: boolean, listed = false): Slot | null {
  if (!countsThings(noun)) return null;
  // ("people" alone says nothing of which people: only with the act they are an argument of)
  if (ofPeople && !verb) return null;
  const parsed = parsedFigure(s, q);
  const subset = comparableCount(s, q, verb, parsed, listed);
  if (subset === null) return null;
  verb ??= verbRightBefore(s, parsed);
  const { act, rest } = countAct(s, q, verb, subset, parsed);
  const label = `number of ${noun}${rest.length ? ` (${rest.join(' ')})` : ''}${verb ? ` (${verb})` : ''}`;
  return { key: `count|${countedNounKey(noun)}|${act}|${rest.join('+')}`, label, unit: q.unit, factor: 1, aligned: true };
}

/**
 * What a count's key names as its act, and the subset words left: what happened to the things
 * counted when the verb or a word on the noun tells it (quantity-frames.ts: "killing three bank
 * workers", "three bank workers died" and "left three bank workers dead" are one toll, `deaths`;
 * "two injured guards were taken to hospital" counts the injured), else the verb's act class, else
 * "-". The word on the noun is a subset word of it (subsetWords) or, however the parse attaches it,
 * the word right after the noun ("left five miners dead"). A word on the noun of another frame than
 * the verb's stays a subset ("three injured workers died": the dead among the injured).
 */
export function countAct(
  s: Sent,
  q: Pick<Quantity, 'span'>,
  verb: string | null,
  subset: readonly string[],
  parsed = parsedFigure(s, q),
): { act: string; rest: string[] } {
  const byVerb = verb ? happenedFrame(verb) : undefined;
  const next = parsed && parsed.fig.noun !== parsed.fig.num ? parsed.tokens[parsed.fig.noun + 1] : undefined;
  const after = next && next.start < s.span.end ? key(next.text.toLowerCase()) : undefined;
  const state = [...subset, ...(after ? [after] : [])].find((w) => stateFrame(w) !== undefined && (!byVerb || stateFrame(w) === byVerb));
  const act = byVerb ?? (state === undefined ? undefined : stateFrame(state));
  if (act) return { act, rest: subset.filter((w) => w !== state) };
  return { act: verb ? actClass(verb) : '-', rest: [...subset] };
}

/** The frame of what happened to people a verb's lemma tells, by its listed forms ("kill", "die"; "wound" as "wounded", "evacuate" as "evacuated"). */
function happenedFrame(lemma: string): string | undefined {
  const frame = [lemma, `${lemma}ed`, `${lemma}d`].map((w) => frameOf(w)).find((f) => f !== undefined);
  return frame && HAPPENED_TO_PEOPLE.has(frame) ? frame : undefined;
}

/** Subset adjectives (by their key, as subsetWords gives them) that tell what happened to the things counted: "dead", "injured", "missing"; read on first use. */
let stateFrames: ReadonlyMap<string, string> | null = null;
function stateFrame(word: string): string | undefined {
  stateFrames ??= new Map(
    [...SUBSET_ADJECTIVES].flatMap((w) => {
      const f = frameOf(w);
      return f && HAPPENED_TO_PEOPLE.has(f) ? [[key(w), f] as const] : [];
    }),
  );
  return stateFrames.get(word);
}

/**
 * A figure told as not yet final: "so far", "initially", "as of", "at least three by Tuesday". An
 * evolving count (a toll, the arrested) told at two moments is not a disagreement; slots.ts also
 * asks it of the event's tolls, whose words of another time (a year, "earlier") say too little there.
 */
export function toldAsInterim(s: Sent, q: Pick<Quantity, 'span'>): boolean {
  return INTERIM.test(s.art.text.slice(s.span.start, s.span.end)) || BY_A_TIME.test(s.art.text.slice(q.span.end, s.span.end));
}

/** A figure's tokens in its article's parse (the number and the noun it counts), read once per count; null without a parse. */
interface ParsedFigure {
  tokens: readonly SyntaxToken[];
  fig: { num: number; noun: number };
}
function parsedFigure(s: Sent, q: Pick<Quantity, 'span'>): ParsedFigure | null {
  const tokens = parseOf(s.art);
  const fig = tokens && figureTokens(tokens, q);
  return tokens && fig ? { tokens, fig } : null;
}

/**
 * Whether a count of a noun may be compared as the story's count of it, and under which subset
 * words (sorted; empty: the whole set): null when it is told as not final or of another event, is a
 * part or the whole of a ratio ("28 of 41 passes"), is a person's own figure ("Roe caught eight
 * passes"), or its noun carries a clause that can make any subset. `verb`: the act the noun is an
 * argument of, when known.
 */
export function comparableCount(s: Sent, q: Quantity, verb: string | null, parsed = parsedFigure(s, q), listed = false): string[] | null {
  // things are counted whole: "7.2 rebounds" is an average, "2.5 goals" a rate, not a count of the story's things
  if (!Number.isInteger(q.value)) return null;
  const text = s.art.text.slice(s.span.start, s.span.end);
  if (toldAsInterim(s, q) || OTHER_TIME.test(text)) return null;
  // "completed 28 of 41 passes": a part and the whole it is counted against, not the count
  // ("won seven of the past eight contests": a window of the last few, also without the part)
  const before = s.art.text.slice(Math.max(s.span.start, q.span.start - 40), q.span.start);
  const ratio = RATIO_WHOLE.exec(before);
  if ((ratio && (/\d/.test(ratio[1]) || spelledNumber(ratio[1].toLowerCase()) !== null)) || WINDOW.test(before)) return null;
  if (isPartOfASet(s, q, text, listed)) return null;
  if (/^\S*\s+(?:of|out of)\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?(?:\d|(?:past|last)\b)/i.test(s.art.text.slice(q.span.end, q.span.end + 24))) return null;
  // "Roe caught eight passes": a person's own figure (game-figures.ts, holdings.ts), not a count of the story's things
  if (verb && personIsSubject(s, parsed)) return null;
  return subsetWords(s, parsed);
}

/** A part or an increment of a set told elsewhere (PART_BEFORE, PART_NEXT, PART_OF after a bare number, AMONG_THEM); a list's "N other <noun>" is its own kind (`listed`). */
function isPartOfASet(s: Sent, q: Quantity, sentence: string, listed: boolean): boolean {
  const text = s.art.text;
  const bare = /^[\d.,]+$|^\p{L}+$/u.test(text.slice(q.span.start, q.span.end));
  const next = text.slice(q.span.start, Math.min(s.span.end, q.span.end + 16));
  return (
    PART_BEFORE.test(text.slice(Math.max(s.span.start, q.span.start - 32), q.span.start)) ||
    (PART_NEXT.test(next) && !(listed && OTHER_NEXT.test(next))) ||
    (bare && PART_OF.test(text.slice(q.span.end, Math.min(s.span.end, q.span.end + 16)))) ||
    AMONG_THEM.test(sentence)
  );
}

/**
 * The restrictive words on the counted noun, by the parse: subset adjectives and proper adjectives
 * ("foreign", "British"), sorted; null when the noun carries a relative clause or a participle
 * ("tourists who were injured", "people trapped inside"), which can make any subset, or when the
 * article has no parse.
 */
function subsetWords(s: Sent, parsed: ParsedFigure | null): string[] | null {
  if (!parsed || parsed.fig.noun === parsed.fig.num) return null;
  const { tokens, fig } = parsed;
  const out = new Set<string>();
  for (const k of kidsOf(tokens)[fig.noun]) {
    const t: SyntaxToken = tokens[k];
    const rel = relOf(t);
    if ((rel === 'acl' || rel === 'relcl' || t.deprel.startsWith('acl')) && !gaplessClause(tokens, k)) return null;
    if (k === fig.num || (rel !== 'amod' && rel !== 'compound' && rel !== 'nmod')) continue;
    const w = t.text.toLowerCase();
    // (a capitalised compound names a kind, "Internet cables", not a part of the set)
    if (rel !== 'nmod' && (SUBSET_ADJECTIVES.has(w) || (rel === 'amod' && /^\p{Lu}/u.test(t.text) && t.start > s.span.start))) out.add(key(w));
  }
  return [...out].sort();
}

/** Whether the verb the counted noun is an argument of has a person for its subject (a name or "he"/"she"), by the parse. */
function personIsSubject(s: Sent, parsed: ParsedFigure | null): boolean {
  if (!parsed) return false;
  const { tokens, fig } = parsed;
  let verb = tokens[fig.noun].head;
  if (verb < 0) return false;
  // ("Roe rushed for 404 yards, caught 52 passes": the subject of the first of coordinated verbs)
  for (let n = 0; n < 4 && relOf(tokens[verb]) === 'conj' && tokens[verb].head >= 0; n++) {
    if (kidsOf(tokens)[verb].some((k) => relOf(tokens[k]) === 'nsubj')) break;
    verb = tokens[verb].head;
  }
  return kidsOf(tokens)[verb].some((k) => {
    const t = tokens[k];
    if (relOf(t) !== 'nsubj') return false;
    if (/^(?:he|she)$/i.test(t.text)) return true;
    return s.entities.some((e) => e.type === 'PER' && e.span.start <= t.start && t.end <= e.span.end);
  });
}

interface CountMention {
  sent: Sent;
  q: Pick<Quantity, 'span' | 'value' | 'qualifier'>;
  slot: string;
  label: string;
  aligned?: boolean;
}

/**
 * A figure whose slot says less than another article's takes that figure's slot when their sentences
 * state one fact: a duration no noun names ("they met for four hours", `h|act|`) the named duration of
 * the same statement ("the talks lasted three hours"), a count with no act ("three submarine cables",
 * `count|<noun>|-|`) the count another article gives the same noun with its act ("two sub-sea cables
 * went down"). `loose`: the mentions to join; `firm`: those that give their slot, the first in
 * sentence order that `fits` and states one fact (`oneFact`) in another article. Else a mention keeps
 * its own slot. `group`, when given, holds the part of the slot `fits` compares (two mentions of
 * different groups never fit): a mention meets only its group's firm mentions, not every one (a
 * story of a thousand articles has thousands of counts).
 */
export function joinByFact<M extends CountMention>(
  mentions: M[],
  loose: (m: M) => boolean,
  firm: (o: M) => boolean,
  fits: (m: M, o: M) => boolean,
  oneFact: (a: Sent, b: Sent) => boolean,
  group: (m: M) => string = () => '',
): void {
  const firms = mentions.filter(firm).sort((a, b) => cmp(a.sent.id, b.sent.id) || a.q.span.start - b.q.span.start);
  if (!firms.length) return;
  // (each group's list keeps the sentence order, so the first that fits is the same as in the whole list)
  const byGroup = new Map<string, M[]>();
  for (const o of firms) {
    const g = group(o);
    const list = byGroup.get(g);
    if (list) list.push(o);
    else byGroup.set(g, [o]);
  }
  for (const m of mentions) {
    if (!loose(m)) continue;
    const other = byGroup.get(group(m))?.find((o) => o.sent.art.id !== m.sent.art.id && fits(m, o) && oneFact(m.sent, o.sent));
    if (other) {
      m.slot = other.slot;
      m.label = other.label;
      m.aligned = other.aligned;
    }
  }
}

/** "three submarine cables" / "three cables were damaged": a count with no act joins a count of its noun (and subset) with an act (joinByFact), of those `firmOk` takes. */
export function joinCountsToActs<M extends CountMention>(mentions: M[], oneFact: (a: Sent, b: Sent) => boolean, firmOk: (m: M) => boolean = () => true): void {
  // (a slot is split once, not once per pair of mentions compared)
  const split = new Map<string, string[]>();
  const parts = (m: M) => {
    let p = split.get(m.slot);
    if (!p) split.set(m.slot, (p = m.slot.split('|')));
    return p;
  };
  const counted = (m: M, withAct: boolean) => m.slot.startsWith('count|') && (parts(m)[2] !== '-') === withAct;
  joinByFact(
    mentions,
    (m) => counted(m, false),
    (o) => counted(o, true) && firmOk(o),
    (m, o) => parts(o)[1] === parts(m)[1] && (parts(o)[3] ?? '') === (parts(m)[3] ?? ''),
    oneFact,
    // (the noun and the subset: what fits compares)
    (m) => `${parts(m)[1]}\u0000${parts(m)[3] ?? ''}`,
  );
}

/**
 * "Thousands lost power after two power lines suffered severe damage. ... Engineers said that two
 * lines went down outside the town": an article that repeats its own count of a noun,
 * the same figure, told with no act or with a verb the act classes do not list, restates the count
 * it gives with a listed act (the first such in the article), however unlike the story's other
 * sentences its wording is. Returns each such mention with the one whose slot it takes, to be set
 * after the slots are split by fact (splitByFact): a restatement keeps its count's side, and being
 * the same figure of the same article it can add no disagreement, only its sentence to a side.
 */
export function repeatedCounts<M extends CountMention>(mentions: M[]): Map<M, M> {
  const parts = (m: M) => m.slot.split('|');
  const listed = (m: M) => m.slot.startsWith('count|') && /^\p{Lu}/u.test(parts(m)[2] ?? '');
  const byArticle = new Map<string, M[]>();
  for (const m of mentions) if (listed(m)) (byArticle.get(m.sent.art.id) ?? byArticle.set(m.sent.art.id, []).get(m.sent.art.id)!).push(m);
  const out = new Map<M, M>();
  for (const m of mentions) {
    if (!m.slot.startsWith('count|') || listed(m)) continue;
    const [, noun, , subset] = parts(m);
    const own = (byArticle.get(m.sent.art.id) ?? [])
      .filter((o) => parts(o)[1] === noun && (parts(o)[3] ?? '') === (subset ?? '') && o.q.value === m.q.value && o.q.qualifier === m.q.qualifier)
      .sort((a, b) => a.sent.index - b.sent.index || a.q.span.start - b.q.span.start);
    if (own.length) out.set(m, own[0]);
  }
  return out;
}

/**
 * "who allegedly shot three co-workers" when the tagger reads "shot" as a noun: the word the counted
 * noun is the subject or object of, whatever its tag, else the verb right before the figure (its
 * lemma), or null.
 */
function verbRightBefore(s: Sent, parsed: ParsedFigure | null): string | null {
  if (!parsed) return null;
  const { tokens, fig } = parsed;
  const head = tokens[tokens[fig.noun].head];
  if (head && ['nsubj', 'obj'].includes(relOf(tokens[fig.noun])) && /^\p{L}+$/u.test(head.text)) return head.lemma.toLowerCase();
  let i = fig.num - 1;
  while (i >= 0 && tokens[i].upos === 'DET') i--;
  const t = tokens[i];
  return t && t.start >= s.span.start && (t.upos === 'VERB' || /^VB[DNGZP]?$/.test(t.xpos)) && !/^(?:be|have|do)$/.test(t.lemma.toLowerCase()) ? t.lemma.toLowerCase() : null;
}

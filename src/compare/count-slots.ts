/**
 * What a count counts: people by what happened to them, read from the nearest frame word around the
 * figure ("killing at least 10", "10 people had been killed": the death toll; quantity-frames.tsv,
 * FrameNet), with the parse's agreement; a parent's children; an increment of one act ("another 12
 * trucks"); the things an act of the lead hit ("three undersea cables were cut"). A total followed
 * by the list of its members ("three people, a man and two women") is read after the list.
 */
import type { Quantity } from '../model/types.js';
import { wordTable } from '../text/word-table.js';
import { spelledNumber } from '../text/numbers.js';
import { actClass, phrasalAct, verbOfActNoun } from './act-classes.js';
import type { Sent } from './prepare.js';
import { caseOfCountedNoun, countedArgument, countedNoun, figureVerb, figureVerbIndex, frameGovernsFigure, lemmaAt, parseOf, particleOf } from './syntax.js';
import { comparableCount, countAct, countedNounKey, countOfThings, countsThings } from './counts.js';
import { frameOf, HAPPENED_TO_PEOPLE } from './quantity-frames.js';
import { inLead } from './background.js';
import { modelOf } from './listed-things.js';
import type { Slot } from './slots.js';

/** Labels of people frames as readers see them (any other frame reads "number <frame>"). */
const FRAME_LABEL: Readonly<Record<string, string>> = wordTable({
  deaths: 'death toll',
  injured: 'number injured',
  population: 'population',
  children: 'number of children',
  protesters: 'number of protesters',
});
/** Frames whose figures are compared only between sentences that state one fact (see Slot.aligned). */
const ALIGNED_FRAMES = new Set(['protesters']);
/** Nouns that say "people" without saying what happened to them: the governing word decides. */
const PEOPLE_NOUNS = new Set('people persons victims civilians villagers passengers children adults men women others individuals'.split(' '));
/** A parent's children, counted after "her", "his", "their". */
const OFFSPRING = new Set(['children', 'kids', 'sons', 'daughters']);
/** Frame nouns that name the act, not the people in it or its value: a count of them counts acts (protests, robberies). */
const EVENT_OF_FRAME = new Set('protest protests demonstration demonstrations rally rallies march marches robbery robberies heist heists theft thefts'.split(' '));
/** How many words before and after a figure its frame word may stand (frameWordNear), within its clause. */
const WINDOW_BEFORE = 4;
const WINDOW_AFTER = 5;

/** A count of people by the frame of its own noun or of the word that governs it, or a parent's children; null when it counts acts. */
export function peopleCount(s: Sent, q: Quantity): Slot | null {
  const counted = q.counted?.toLowerCase() ?? null;
  // "one of her 12 children", "his four kids": a parent's count of children (Kinship, as "a mother of 12")
  if (counted && OFFSPRING.has(counted) && possessedFigure(s, q))
    return { key: 'people|children', label: FRAME_LABEL.children, unit: 'people', factor: 1 };
  // "two separate demonstrations" counts the protests, not the protesters: a noun that names the act itself counts acts
  if (counted && EVENT_OF_FRAME.has(counted)) return null;
  const ownFrame = counted ? frameOf(counted) : undefined;
  // "3,000 residents were evacuated": residents named by where they live, counted for what happened to them
  const happened = ownFrame === 'population' ? governingFrame(s, q) : undefined;
  const named = happened && HAPPENED_TO_PEOPLE.has(happened) ? happened : ownFrame;
  const frame = named ?? (counted === null || PEOPLE_NOUNS.has(counted) ? governingFrame(s, q) : undefined);
  // a crowd is counted in each city and at each hour: only figures of sentences stating one fact are compared
  if (frame) return { key: `people|${frame}`, label: FRAME_LABEL[frame] ?? `number ${frame}`, unit: 'people', factor: 1, aligned: ALIGNED_FRAMES.has(frame) };
  return null;
}

/**
 * "called in an additional six engines" against "called a further four appliances": an increment
 * ("another", "additional", "further" before the figure) adds to a figure told before it, so it is
 * no total; but two outlets telling one increment of one act tell the same addition. Keyed by the
 * act the figure hangs on (its class: act-classes.ts), by the parse, not by the noun (outlets name
 * the added things many ways), and compared only between sentences that state one fact
 * (Slot.aligned): a story adds to a total many times ("another 20 bodies were found").
 */
export function increment(s: Sent, q: Quantity): Slot | null {
  // (counts of things and people only: "another $20,000", "another 201 yards" add to a sum or a measure)
  const noun = countedNoun(s, q) ?? q.counted?.toLowerCase();
  if ((q.unit !== 'count' && q.unit !== 'people') || (noun && !countsThings(noun))) return null;
  // (the parse's own lemma: "called in" is the act of adding here, not the naming syntax.ts reads no act in)
  const tokens = parseOf(s.art);
  const i = figureVerbIndex(s, q);
  const lemma = tokens && i >= 0 ? tokens[i].lemma.toLowerCase() : 'be';
  if (lemma === 'be') return null;
  const verb = phrasalAct(lemma, particleOf(s, i));
  return { key: `more|${actClass(verb)}`, label: `how many more (${verb})`, unit: q.unit === 'people' ? 'people' : 'count', factor: 1, aligned: !inLead(s) };
}

/**
 * "three undersea cables were cut" against "two undersea cables were cut": a count of things (not
 * people) told in the lead of an article, where the event is told, is the event's count of that
 * noun for that act. Later sentences count the same noun for other reasons ("the four cables
 * running across the Mediterranean"), so only the lead's are compared, and only between sentences
 * that state one fact (Slot.aligned). The noun is the one the parse makes the figure count ("two
 * sub-sea cables": cable); the act is the verb it is the subject or object of by the parse, or, when
 * the parse hangs the noun elsewhere ("disrupted after three cables were damaged" read with the
 * cables on "disrupted"), the verb right after the noun phrase ("cables were damaged") if the act
 * class lexicon lists it, or else the verb the figure's phrase hangs on by the parse when the lexicon
 * lists it. Verbs of one class (act-classes.ts: "damaged", "cut", "severed") count
 * the same things; "killed two co-workers" is not "shot three co-workers".
 */
export function countedThings(s: Sent, q: Quantity): Slot | null {
  if (q.unit !== 'count' && q.unit !== 'people') return null;
  const arg = countedArgument(s, q);
  const noun = arg?.noun ?? countedNoun(s, q);
  // (points, yards, games: a score, a distance or a span counted, not the event's things: "broke the record of 2,116 points")
  if (!noun || !countsThings(noun)) return null;
  // (people of no named kind, "people", "victims", are counted by the frame of what happened to them, or by their act between sentences of one fact)
  const ofPeople = PEOPLE_NOUNS.has(noun) || PEOPLE_NOUNS.has(`${noun}s`) || PEOPLE_NOUNS.has(q.counted?.toLowerCase() ?? '');
  // "more than 2,000 booths in the country, while there are 27 overseas": two counts of one noun in one sentence are two sets
  if (s.quantities.some((o) => o !== q && (o.counted === q.counted || ((o.unit === 'count' || o.unit === 'people') && countedNoun(s, o) === noun)))) return null;
  if (ofPeople) return countOfThings(s, q, noun, arg?.verb ?? listedFigureVerb(s, q), true);
  // "eight RPG-7 grenade launchers" and "9 RPG 7 launchers" count one model, whatever head noun follows it (listed-things.ts);
  // only told with its act: a count with no act joins another article's count of its noun (counts.ts joinCountsToActs),
  // and "six RPG-7 launchers" of another seizure met "eight RPG-7s" so in the stress set's intruders
  const bodyVerb = arg?.verb ?? listedFigureVerb(s, q);
  const verb = inLead(s) ? (arg?.verb ?? verbAfterNoun(s, q) ?? listedFigureVerb(s, q)) : null;
  const kind = (verb ?? bodyVerb ? modelOf(s, q) : null) ?? noun;
  // elsewhere, or with no act in the lead: a count of the noun compared between sentences of one fact (counts.ts)
  if (!verb) return countOfThings(s, q, kind, bodyVerb, false);
  // what a listed act did to things a lead counts is told once per story ("three cables were damaged" /
  // "two cables suffered severe damage", however else the leads are worded); things counted inside
  // another noun's phrase ("homes in five villages were damaged") only between sentences of one fact
  const marker = caseOfCountedNoun(s, q);
  const storyWide = actClass(verb) !== verb && (!marker || CLAUSE_OPENERS.has(marker));
  // not an interim or another event's count, a ratio's part, a person's figure; a subset of the things ("two foreign ships") is its own slot
  const subset = comparableCount(s, q, verb);
  if (subset === null) return null;
  const { act, rest } = countAct(s, q, verb, subset);
  return { key: `count|${countedNounKey(kind)}|${act}|${rest.join('+')}`, label: `number of ${kind}${rest.length ? ` (${rest.join(' ')})` : ''} (${verb})`, unit: q.unit, factor: 1, aligned: !storyWide };
}
/** Words a parser marks as a noun's preposition that open a clause of their own ("after three cables were damaged"). */
const CLAUSE_OPENERS = new Set(['after', 'before', 'when', 'as', 'since', 'until', 'because', 'while', 'once']);

/** "blocked after three cables at the bottom of the sea were damaged": the verb the figure's phrase hangs on by the parse, when the act class lexicon lists it. */
function listedFigureVerb(s: Sent, q: Quantity): string | null {
  const verb = figureVerb(s, q);
  return verb && actClass(verb) !== verb ? verb : null;
}

/** "three undersea cables were severed": the verb after a figure's noun phrase, past auxiliaries, when the act class lexicon lists it. */
function verbAfterNoun(s: Sent, q: Quantity): string | null {
  const at = s.tokens.findIndex((t) => t.start >= q.span.end);
  if (at < 0) return null;
  let i = at;
  // the rest of the noun phrase ("undersea cables") and the auxiliaries of a passive ("were", "had been")
  while (i < s.tokens.length && i - at < 4 && !AUXILIARY.test(s.tokens[i].text) && /^\p{L}[\p{L}-]*$/u.test(s.tokens[i].text) && !s.tokens[i].text.endsWith('ed')) i++;
  while (i < s.tokens.length && AUXILIARY.test(s.tokens[i].text)) i++;
  const t = s.tokens[i];
  if (!t) return null;
  const lemma = lemmaAt(s.art, t.start) ?? t.text.toLowerCase();
  if (actClass(lemma) !== lemma) return lemma;
  return PATIENT_SUPPORT.has(lemma) ? actOfSupportedNoun(s, i + 1) : null;
}
const AUXILIARY = /^(?:was|were|is|are|had|has|have|been|be)$/i;

/**
 * Support verbs whose subject undergoes the act their object names ("two cables suffered severe
 * damage": the cables were damaged), as FrameNet annotates support verbs (Supp) of event nouns
 * (Ruppenhofer et al., "FrameNet II: Extended Theory and Practice", on support verbs). General English only.
 */
const PATIENT_SUPPORT = new Set(['suffer', 'sustain', 'undergo']);

/** The verb of the act a support verb's object names, within three words after it ("suffered severe damage" → damage), when the act class lexicon lists it. */
function actOfSupportedNoun(s: Sent, from: number): string | null {
  for (let i = from; i < Math.min(s.tokens.length, from + 3); i++) {
    const w = (lemmaAt(s.art, s.tokens[i].start) ?? s.tokens[i].text).toLowerCase();
    const verb = verbOfActNoun(w) ?? w;
    if (actClass(verb) !== verb) return verb;
  }
  return null;
}

/** "a man and two women": the count of each member phrase ("a", "one", a number word or digits before a word), or null when a part is not one. */
function memberCount(part: string): number | null {
  const m = /^(a|an|one|\d+|[a-z]+(?:-[a-z]+)?)\s+\p{L}/iu.exec(part.trim());
  if (!m) return null;
  const w = m[1].toLowerCase();
  return w === 'a' || w === 'an' ? 1 : /^\d+$/.test(w) ? Number(w) : spelledNumber(w);
}

/** Where the member list after a total ends (`listsItsMembers`), or null when the figure lists none. */
export function membersEnd(s: Sent, q: Quantity): number | null {
  const after = s.art.text.slice(q.span.end, Math.min(s.span.end, q.span.end + 90));
  const m = /^(?:[\s-]*\p{L}+){0,3}?\s*(?:,|\(|–|—|-(?=\p{L}))\s*([^,;()–—]+?)\s*(?:[,;()–—.]|-(?=\p{L})|$)/u.exec(after);
  if (!m) return null;
  const parts = m[1].split(/\s*,\s*|\s+and\s+/);
  if (parts.length < 2) return null;
  const counts = parts.map(memberCount);
  const total = counts.every((c) => c !== null && c > 0) && counts.reduce((t: number, c) => t + (c ?? 0), 0) === q.value;
  return total ? q.span.end + m.index + m[0].length : null;
}

/**
 * The figure a parenthesised figure converts ("85 million euros ($108 million)", "600 metres (2,000
 * feet)"), of the units `kind` accepts, or undefined: the conversion measures what that figure does.
 */
export function convertedFigure(s: Sent, q: Quantity, kind: (p: Quantity) => boolean = () => true): Quantity | undefined {
  const text = s.art.text;
  return s.quantities.find((p) => p !== q && kind(p) && p.span.end <= q.span.start && /^\s*\(\s*$/.test(text.slice(p.span.end, q.span.start)));
}

/** A possessive right before the figure ("her 12 children", "his 4 kids", "her 12-year-old daughter"): the figure belongs to someone's kin or things. */
export function possessedFigure(s: Sent, q: Quantity): boolean {
  return /\b(?:her|his|their|its|my|our|your)\s+$/i.test(s.art.text.slice(Math.max(s.span.start, q.span.start - 8), q.span.start));
}

/** The frame of the nearest frame word around the figure in its clause (before: "killing at least 10"; after: "10 people were killed"). */
export function governingFrame(s: Sent, q: Quantity): string | undefined {
  const found = frameWordNear(s, q);
  if (!found) return undefined;
  // what happened to people: the parse, when there is one, must agree that the word governs the
  // figure ("the two men accused of killing a mother" are not the dead)
  const ofPeople = q.unit === 'people' || q.unit === 'count';
  return !ofPeople || frameGovernsFigure(s, found.q, found.at) !== false ? found.frame : undefined;
}

/** The nearest frame word around the figure in its clause, by words (the surface window). */
export function frameWordNear(s: Sent, q: Quantity): { frame: string; at: number; q: Quantity } | undefined {
  // "85 million euros ($108 million)": a conversion in parentheses measures what the figure before it does
  const prev = convertedFigure(s, q);
  if (prev) return frameWordNear(s, prev);
  const toks = s.tokens;
  const first = toks.findIndex((t) => t.start >= q.span.start);
  if (first < 0) return undefined;
  let last = first;
  while (last + 1 < toks.length && toks[last + 1].end <= q.span.end) last++;
  const text = s.art.text;
  const boundary = (a: number, b: number) => /[,;:()—–]|\s-+\s/.test(text.slice(toks[a].end, toks[b].start));
  let best: { frame: string; d: number; at: number } | null = null;
  // "three people, a man and two women, were killed": after a total, the words after its member list
  const members = q.unit === 'people' || q.unit === 'count' ? membersEnd(s, q) : null;
  if (members !== null) {
    const next = toks.findIndex((t) => t.start >= members);
    if (next > 0) last = next - 1;
  }
  for (let i = last + 1; i < toks.length && i <= last + WINDOW_AFTER; i++) {
    if (boundary(i - 1, i) && !(members !== null && i === last + 1)) break;
    const f = frameOf(toks[i].text, toks[i + 1]?.text);
    if (f) {
      best = { frame: f, d: i - last, at: toks[i].start };
      break;
    }
  }
  for (let i = first - 1; i >= 0 && first - i <= WINDOW_BEFORE; i--) {
    if (boundary(i, i + 1)) break;
    const f = frameOf(toks[i].text, toks[i + 1]?.text);
    if (f && (!best || first - i < best.d)) {
      best = { frame: f, d: first - i, at: toks[i].start };
      break;
    }
  }
  return best ? { frame: best.frame, at: best.at, q } : undefined;
}

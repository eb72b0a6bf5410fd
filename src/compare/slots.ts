/**
 * The slot of a reported figure: what it measures, so that only figures about the same thing are
 * compared. "killing at least 10 people" and "a total of 10 people had been killed" are the death
 * toll; "at least 50 injured" and "As many as 80 people were also wounded" the injured; a
 * "6.1-magnitude quake" and a "magnitude-5.9 earthquake" the main shock's magnitude, not an
 * aftershock's; "1,500 kilometers south of Tehran" a distance from that place. A figure that is
 * part of another ("30 of the 80 wounded"), an increment ("two more victims", "another 2,000") or
 * about a past event ("killed more than 26,000 people in Bam in December 2003") has no slot.
 */
import type { Quantity, SyntaxToken } from '../model/types.js';
import { MONTH_NAME_PATTERN, MONTHS, WEEKDAY_PATTERN, WEEKDAYS } from '../text/calendar.js';
import { wordTable } from '../text/word-table.js';
import { actClass, phrasalAct, verbOfActNoun } from './act-classes.js';
import { canonicalName, type EntityRef, type Sent, type StoryView } from './prepare.js';
import { antecedent } from './dated-acts.js';
import { caseOfCountedNoun, coordinatedFigure, countedArgument, countedNoun, describedNoun, figureTokens, figureVerb, figureVerbIndex, frameGovernsFigure, kidsOf, lemmaAt, parseOf, particleOf, participantVerbs, relOf, spanTokens, verbLemma, verbSubject } from './syntax.js';
import { spelledNumber } from '../text/numbers.js';
import { tokenAt } from '../text/tokenize.js';
import { key } from './text.js';
import { heldAtTheEnd, holdingOf } from './holdings.js';
import { gameFigureOf } from './game-figures.js';
import { servedBy } from './time-served.js';
import { listedAge } from './listed-ages.js';
import { shareOf } from './shares.js';
import { reportsTheGame } from './scores.js';
import { comparableCount, countAct, countOfThings, countsThings, toldAsInterim } from './counts.js';
import { frameOf } from './quantity-frames.js';
import { ambiguousMeasures, measureNoun, measureOf } from './measures.js';

export interface Slot {
  /** Comparable key: two figures are about the same thing only when their keys are equal. */
  key: string;
  /** What the figure measures, for people ("death toll", "magnitude of the quake"). */
  label: string;
  /** Unit the value is compared in (miles become kilometres). */
  unit: string;
  /** Factor from the quantity's unit to `unit`. */
  factor: number;
  /** About one named person (their age, how far they fell): the same whatever day the sentence is about. */
  personal?: boolean;
  /**
   * A sum agreed, not measured (a price or an offer, a fine, bail): written as agreed ("$184
   * million"), compared exact as a count is (conflicts.ts interval), not with a measure's 5 % for
   * rounding; a round figure near another stays a minor difference.
   */
  stated?: boolean;
  /** The person's name as written there, canonical ("mary ellen hartley roe"), for person slots. */
  person?: string;
  /** The acts the person takes part in there, by the parse (lemmas: "arrest", "charge"), for ages. */
  verbs?: string[];
  /** An age of someone named only by a role ("a 60-year-old woman"): compared once joined to a named person. */
  role?: boolean;
  /** Where the role's word is (its character offset), for a figure of someone named only by a role: the age that role carries is written there (role-ages.ts). */
  roleAt?: number;
  /**
   * The slot's word alone does not say the figures count the same thing ("three cables" may be the
   * ones cut or the ones laid): its figures are compared only between sentences that state the same
   * fact (aligned) and do not name different places.
   */
  aligned?: boolean;
  /**
   * A casualty figure or magnitude told after an article's lead, in a story whose leads tell none:
   * an article may list several events there (a column on an agency's record: "three people were
   * killed", "the nine people who were killed", "kill 49 people"), so its figures are compared
   * with other articles' only, never within their own article.
   */
  bodyOnly?: boolean;
}

/** How a sentence relates to the article's event: its own, another day's, or the past's. */
export type Background = 'none' | 'other-day' | 'past';

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
const OFFSPRING = new Set(['children', 'kids', 'sons', 'daughters']);
/** Frame nouns that name the act, not the people in it or its value: a count of them counts acts (protests, robberies). */
const EVENT_OF_FRAME = new Set('protest protests demonstration demonstrations rally rallies march marches robbery robberies heist heists theft thefts'.split(' '));
/** Nouns of the same seismic event (an aftershock is another event). */
const SHOCK_CLASS: Readonly<Record<string, string>> = wordTable({ quake: 'quake', earthquake: 'quake', temblor: 'quake', tremor: 'quake', shock: 'quake', aftershock: 'aftershock', aftershocks: 'aftershock', foreshock: 'foreshock' });
/** Meetings of any name are one kind of event for their duration ("talks", "meeting", "negotiations"). */
const MEETING_NOUNS = new Set(
  ['talk', 'talks', 'meeting', 'discussion', 'negotiation', 'summit', 'session', 'conversation', 'call', 'consultation', 'hearing', 'debate', 'interview'].map((w) => key(w)),
);
/** The thing a duration's noun names, as its slot keys it: a meeting, talks, a summit are one ("talks"), any other noun its own key. */
export function durationThing(noun: string): string {
  return MEETING_NOUNS.has(key(noun)) ? 'talks' : key(noun);
}


/** "The talks lasted three hours": what a duration measures when it follows the verb. */
function countedBefore(text: string, sentStart: number, at: number): string | null {
  const before = text.slice(Math.max(sentStart, at - 60), at);
  const m = LASTED.exec(before);
  // (a day between the noun and its verb is when it lasted, not what: "the blaze on Wednesday lasted")
  return m && !WHEN_WORD.test(m[1]) ? m[1].toLowerCase() : null;
}
const WHEN_WORD = new RegExp(`^(?:${[...WEEKDAYS, ...MONTHS].join('|')}|today|yesterday|tonight|morning|afternoon|evening|night|week|weekend)$`, 'i');
const LASTED = new RegExp(
  `\\b([a-z][a-z-]+)\\s+(?:(?:on\\s+|last\\s+|this\\s+)?(?:${WEEKDAYS.join('|')}|today|yesterday)(?:\\s+(?:morning|afternoon|evening|night))?\\s+)?` +
    '(?:had\\s+|have\\s+)?(?:lasted|last|lasts|took|takes|ran|runs|went on|continued|stretched)\\s+(?:for\\s+|nearly\\s+|about\\s+|over\\s+|more than\\s+|almost\\s+)*$',
  'i',
);

/** After a sum: the period it is paid for ("per season", "a year", "annually": a rate, not a total). */
const PER_PERIOD = /^\s*(?:(?:per|a|an|each)\s+(year|season|month|week|day|game|hour)\b|annually|-a-year)/i;
const DISTANCE: Readonly<Record<string, number>> = wordTable({ km: 1, mi: 1.609344, nmi: 1.852, m: 0.001, ft: 0.0003048 });
/** Hours in a span's unit (the analyser gives spans in hours, months or years; a month is a twelfth of a Julian year). */
const hoursPer = (unit: string): number => (unit === 'h' ? 1 : unit === 'month' ? 730.5 : 8766);
const WEIGHT: Readonly<Record<string, number>> = wordTable({ kg: 1, lb: 0.45359237 });
const MONEY_FRAMES = new Set(['value', 'price', 'fine', 'bail']);
/** Slots of the event itself (as opposed to a person's or a place's), and how far the lead goes. */
const EVENT_FRAMES = /^(?:people\|(?:deaths|injured|missing|arrested|evacuated|homeless|rescued)|magnitude\|)/;
const LEAD_SENTENCES = 4;
/** Shorter lines (menus, bylines, captions, datelines left in a body) are not the lead. */
const LEAD_MIN_WORDS = 8;
const LEADS = new WeakMap<Sent['art'], Set<number>>();

/** Whether `s` is one of the first sentences of its article that read as prose: where the event is told. */
export function inLead(s: Sent): boolean {
  let lead = LEADS.get(s.art);
  if (!lead) {
    lead = new Set(s.art.sentences.filter((x) => x.tokens.length >= LEAD_MIN_WORDS).slice(0, LEAD_SENTENCES).map((x) => x.index));
    LEADS.set(s.art, lead);
  }
  return lead.has(s.index);
}
const WINDOW_BEFORE = 4;
const WINDOW_AFTER = 5;

/** The slot of `q` in sentence `s`, or null when the figure cannot be compared safely. */
export function slotOf(s: Sent, q: Quantity, background: Background): Slot | null {
  // "Carter had 12 points and four assists": a player's figures in the game are a list, not parts of a total
  const game = gameFigure(s, q);
  if (game) return background === 'none' && !isHedged(s, q) ? game : null;
  if (isHedged(s, q)) return null;
  const part = partOf(s, q);
  if (part) return part === 'another N' && background === 'none' ? increment(s, q) : null;
  // "married two weeks ago": how long ago an act was; its own "ago" marks the sentence's past
  const since = sinceAct(s, q);
  if (since) return background === 'other-day' || pastBeyond(s, q) ? null : since;
  const served = timeServed(s, q);
  if (served) return served;
  const term = termOfAct(s, q);
  if (term) return background === 'other-day' ? null : term;
  const slot = slotOfFigure(s, q) ?? heldTotal(s, q) ?? (background === 'none' ? countedThings(s, q) : null) ?? measureSlot(s, q);
  // a sentence about the past tells another event's figures, but a parent's children are counted
  // alike whatever year the sentence is about ("killing Jane Roe, a mother of 12, in 2011"), and a
  // total held now is told in the present tense ("now has 2,129 points, 13 more than Roe, 1995-99")
  if (background === 'past' && slot?.key !== 'people|children' && !slot?.key.startsWith('held:')) return null;
  // the event's own casualties and magnitude are told in the lead; later they are often another event's
  if (slot && EVENT_FRAMES.test(slot.key) && !inLead(s) && background !== 'none') return null;
  // a toll told as not yet final ("so far", "initially", "three by Tuesday") may have grown by the next article
  if (slot && slot.key.startsWith('people|') && EVENT_FRAMES.test(slot.key) && toldAsInterim(s, q)) return null;
  // a figure of another day than the lead's is another event's, unless it is a named person's (their age, their fall)
  if (!slot || (background === 'other-day' && !slot.personal)) return null;
  return slot;
}

/**
 * "called in an additional six engines" against "called a further four appliances": an increment
 * ("another", "additional", "further" before the figure) adds to a figure told before it, so it is
 * no total; but two outlets telling one increment of one act tell the same addition. Keyed by the
 * act the figure hangs on (its class: act-classes.ts), by the parse, not by the noun (outlets name
 * the added things many ways), and compared only between sentences that state one fact
 * (Slot.aligned): a story adds to a total many times ("another 20 bodies were found").
 */
function increment(s: Sent, q: Quantity): Slot | null {
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

/** The slot a figure would have were it not a part (`partOf`) nor in a background sentence: the funnel (scripts/dump-slots.ts) counts them. */
export function slotIgnoringParts(s: Sent, q: Quantity): Slot | null {
  return gameFigure(s, q) ?? slotOfFigure(s, q) ?? heldTotal(s, q) ?? countedThings(s, q) ?? measureSlot(s, q);
}

/** Where nothing else says what a figure measures: the thing its measure modifies or the act it is an argument of, and whose (measures.ts). */
function measureSlot(s: Sent, q: Quantity): Slot | null {
  const m = measureOf(s, q, measureDimension(s));
  const u = m && measureUnit(s, q);
  return m && u ? { key: m.key, label: m.label, unit: u.unit, factor: u.factor, aligned: true } : null;
}

/** The dimension measures.ts keys a sentence's figures by (see measureUnit); the funnel (scripts/dump-slots.ts) reads it too. */
export const measureDimension = (s: Sent) => (q: Quantity) => measureUnit(s, q)?.dimension ?? null;

/**
 * What a measure is compared in: distances in km, spans in hours, money in its currency; a count of
 * a measure noun ("61 yards", "a 20-point lead") in that noun, exact as a count (a play's yards and
 * a score are stated, not rounded).
 */
function measureUnit(s: Sent, q: Quantity): { dimension: string; unit: string; factor: number } | null {
  if (DISTANCE[q.unit] !== undefined) return { dimension: 'km', unit: 'km', factor: DISTANCE[q.unit] };
  if (q.unit === 'h' || q.unit === 'month' || q.unit === 'year') return { dimension: 'h', unit: 'h', factor: hoursPer(q.unit) };
  if (/^[A-Z]{3}$/.test(q.unit)) return { dimension: q.unit, unit: q.unit, factor: 1 };
  const noun = q.unit === 'count' ? measureNoun(s, q) : null;
  return noun ? { dimension: key(UNIT_WORD[noun] ?? noun), unit: 'count', factor: 1 } : null;
}
/** Abbreviations of measure nouns, as sports and local copy write them ("a 61-yd run"). */
const UNIT_WORD: Readonly<Record<string, string>> = wordTable({ yd: 'yard', yds: 'yard', pt: 'point', pts: 'point', ft: 'foot', mi: 'mile', km: 'kilometre' });

/** "Carter scored 14 points": a named player's figure in the game told (game-figures.ts), between sentences of one fact. */
function gameFigure(s: Sent, q: Quantity): Slot | null {
  const part = partOf(s, q);
  if (part && part !== 'N x and M y' && part !== 'x and N y' && part !== 'coordinated by the parse') return null;
  const g = gameFigureOf(s, q, personKey);
  return g ? { key: g.key, label: g.label, unit: 'count', factor: 1, personal: true, person: g.person, aligned: true } : null;
}

/** "Roe now has 2,301 career points": a named person's running total of a noun (holdings.ts), a person slot. */
function heldTotal(s: Sent, q: Quantity): Slot | null {
  const h = holdingOf(s, q, personKey);
  return h ? { key: h.key, label: h.label, unit: 'count', factor: 1, personal: true, person: h.person } : null;
}

function slotOfFigure(s: Sent, q: Quantity): Slot | null {
  const text = s.art.text;
  if (q.unit === 'magnitude') {
    const shock = SHOCK_CLASS[q.counted ?? ''] ?? (/aftershock/i.test(text.slice(s.span.start, s.span.end)) ? null : 'quake');
    return shock ? { key: `magnitude|${shock}`, label: `magnitude of the ${shock}`, unit: 'magnitude', factor: 1 } : null;
  }
  if (q.unit === 'age') {
    // "Roe, then 15,", "the then-15-year-old": an age at an earlier time, not the person's age now
    if (/\bthen[\s-]*$/i.test(text.slice(Math.max(s.span.start, q.span.start - 8), q.span.start))) return null;
    const who = personNextTo(s, q);
    if (!who) {
      // "the women killed, who were 61 and 48 years old": a group's ages, compared by rank (listed-ages.ts)
      const listed = listedAge(s, q);
      return listed ? { ...listed, unit: 'years', factor: 1 } : roleAge(s, q);
    }
    const verbs = [...participantVerbs(s, who.span.start, who.span.end)];
    return { key: `age|${personKey(who.key)}`, label: `age of ${who.name}`, unit: 'years', factor: 1, personal: true, person: who.key, verbs };
  }
  if (DISTANCE[q.unit] !== undefined) {
    // "about 600 metres (2,000 feet)": a conversion in parentheses repeats the figure before it (which is compared)
    if (conversionOf(s, q)) return null;
    const from = placeAfter(s, q);
    if (from) return { key: `distance|${from.key}`, label: `distance from ${from.name}`, unit: 'km', factor: DISTANCE[q.unit] };
    // "Robert Roe fell about 600 metres": how far a named person went, by the verb before the figure
    const moved = verbAndSubjectBefore(s, q);
    // (by the person alone: parses lemmatise "fell" as "fell" or "fall", and a story tells one distance of a person's)
    if (moved) return { key: `distance|person|${moved.key}`, label: `how far ${moved.name} ${moved.word}`, unit: 'km', factor: DISTANCE[q.unit], personal: true, person: canonicalName(moved.name) };
    // "the man fell around 2000ft": someone named by a role, compared once the story joins them to a named person (joinRoles)
    const role = roleBefore(s, q);
    return role ? { key: `distance|role|${s.id}|${q.span.start}`, label: `how far the ${role.noun} ${role.word}`, unit: 'km', factor: DISTANCE[q.unit], personal: true, role: true, verbs: [], roleAt: role.at } : null;
  }
  if (WEIGHT[q.unit] !== undefined) {
    // a person's weight, as a description gives it ("Roe is 5-foot-8, 135 pounds"; "He is 5-feet-8 inches tall, weighing 130 pounds")
    const who = describedPerson(s);
    return who ? { key: `weight|${personKey(who)}`, label: `weight of ${who}`, unit: 'kg', factor: WEIGHT[q.unit], personal: true, person: who } : null;
  }
  if (/^[A-Z]{3}$/.test(q.unit)) {
    // the organisation that pays, asks or offers, named before the sum in its sentence: two bidders'
    // offers are two sums ("the Rovers offered … $150 million", "the Wanderers offered … $184 million")
    const named = s.entities.filter((e) => (e.type === 'ORG' || e.type === 'MISC') && e.span.end <= q.span.start).pop();
    const { frame, of } = moneyFrame(s, q, !!named);
    // (a sum its predicate tells, "it was $184 million", is the payer's its subject's noun names, "the Red Sox offer")
    const org = of ? payerOf(s, of) : named;
    if (!frame || !MONEY_FRAMES.has(frame)) return null;
    // "$23 million per season" is a rate, not the deal's total: a slot of its own per period
    const per = PER_PERIOD.exec(text.slice(q.span.end, Math.min(s.span.end, q.span.end + 20)));
    const period = per ? `|per ${(per[1] ?? 'year').toLowerCase()}` : '';
    const by = org ? `|by ${org.key}` : '';
    return { key: `money|${q.unit}|${frame}${period}${by}`, label: `${frame}${period.replace('|', ' ')}${org ? ` (${org.name})` : ''} (${q.unit})`, unit: q.unit, factor: 1, stated: frame !== 'value' };
  }
  if (q.unit === 'h') {
    if (toldByAspectualVerb(s, q)) return null;
    if (COUNTDOWN.test(`${q.counted ?? ''} ${text.slice(q.span.end, s.span.end)}`)) return clockReading(s, q);
    const what = q.counted ?? countedBefore(text, s.span.start, q.span.start);
    if (!what) return spanOfAct(s, q);
    const cls = durationThing(what);
    return { key: `h|${cls}`, label: `duration of the ${cls === 'talks' ? 'talks' : what}`, unit: 'h', factor: 1 };
  }
  if (q.unit === '%') {
    // "up to 70 per cent of web services in Egypt": a share of one thing in one place (shares.ts)
    const share = shareOf(s, q);
    return share ? { ...share, unit: '%', factor: 1 } : null;
  }
  if (q.unit !== 'people' && q.unit !== 'count') return null;
  const counted = q.counted?.toLowerCase() ?? null;
  if (counted === 'block') return streetBlock(s, q);
  // "one of her 12 children", "his four kids": a parent's count of children (Kinship, as "a mother of 12")
  if (counted && OFFSPRING.has(counted) && /\b(?:her|his|their)\s+$/i.test(text.slice(Math.max(s.span.start, q.span.start - 8), q.span.start)))
    return { key: 'people|children', label: FRAME_LABEL.children, unit: 'people', factor: 1 };
  // "two separate demonstrations" counts the protests, not the protesters: a noun that names the act itself counts acts
  if (counted && EVENT_OF_FRAME.has(counted)) return null;
  const named = counted ? frameOf(counted) : undefined;
  const frame = named ?? (counted === null || PEOPLE_NOUNS.has(counted) ? governingFrame(s, q) : undefined);
  // a crowd is counted in each city and at each hour: only figures of sentences stating one fact are compared
  if (frame) return { key: `people|${frame}`, label: FRAME_LABEL[frame] ?? `number ${frame}`, unit: 'people', factor: 1, aligned: ALIGNED_FRAMES.has(frame) };
  return null;
}

/**
 * What a sum is (its value, a price, a fine, bail): the noun the figure's own words count ("a $200
 * million offer"), as a count's noun names its frame, else the nearest frame word. The worth of a
 * thing an organisation deals in ("the Rovers offered a deal worth $184 million": the word before
 * "worth" a common noun, by the parse, and an organisation named before the sum, `payer`) is the
 * sum it pays or asks, its price: that meets "the Rovers made a $200 million offer". The worth of the
 * organisation itself ("Acme, valued at $4 billion") stays a value.
 */
function moneyFrame(s: Sent, q: Quantity, payer: boolean): { frame?: string; of?: number } {
  const own = q.counted ? frameOf(q.counted) : undefined;
  if (own) return { frame: own };
  const found = frameWordNear(s, q);
  // (a frame word of another kind nearby, "eight years and $184 million": the predicate may say what the sum is)
  if (!found || !MONEY_FRAMES.has(found.frame)) return predicateFrame(s, q) ?? { frame: found?.frame };
  if (found.frame !== 'value' || !payer) return { frame: found.frame };
  const tokens = parseOf(s.art);
  const at = tokens ? tokenAt(tokens, found.at) : -1;
  return { frame: at > 0 && tokens![at - 1].upos === 'NOUN' && tokens![at].start === found.at ? 'price' : 'value' };
}

/** The organisation named in the phrase of the noun at parse index `noun` ("the Red Sox offer"), in its own sentence; undefined when none. */
function payerOf(s: Sent, noun: number): EntityRef | undefined {
  const tokens = parseOf(s.art)!;
  const kids = kidsOf(tokens);
  const sent = s.art.sentences.find((x) => x.span.start <= tokens[noun].start && tokens[noun].start < x.span.end) ?? s;
  const within = (e: EntityRef) => kids[noun].some((c) => OWNER.has(relOf(tokens[c])) && e.span.start <= tokens[c].start && tokens[c].end <= e.span.end);
  return sent.entities.find((e) => (e.type === 'ORG' || e.type === 'MISC') && within(e));
}
/** Relations by which a noun's phrase names who it belongs to ("the Red Sox offer", "Boston's offer", "the offer of the Red Sox"). */
const OWNER = new Set(['compound', 'nmod', 'amod']);

/**
 * "WCVB-TV claims it was eight years and $184 million": a sum that is the predicate of a copula (by
 * the parse, its phrase, or the predicate it is coordinated with or completes, has a copula and a
 * subject) measures that subject, by the subject noun's frame; a subject "it", "this" or "that" stands
 * for the last noun before it that names a frame, in its sentence or else the sentence before
 * ("Reports of the Red Sox offer varied, though WCVB-TV claims it was ...": the offer).
 */
function predicateFrame(s: Sent, q: Quantity): { frame: string; of?: number } | undefined {
  const tokens = parseOf(s.art);
  const fig = tokens && figureTokens(tokens, q);
  if (!tokens || !fig) return undefined;
  const kids = kidsOf(tokens);
  const amount = (i: number) => tokens[i].upos === 'NUM' || tokens[i].upos === 'SYM';
  let head = fig.num;
  while (tokens[head].head >= 0 && amount(tokens[head].head)) head = tokens[head].head;
  const predicates = [head];
  if (tokens[head].head >= 0 && COMPLETES.has(relOf(tokens[head]))) predicates.push(tokens[head].head);
  const p = predicates.find((i) => kids[i].some((c) => relOf(tokens[c]) === 'cop'));
  // (the subject nearest the predicate: a parse may hang a clause's subject before it there too, "Reports ... varied, though ... it was")
  const subject = p === undefined ? undefined : kids[p].filter((c) => relOf(tokens[c]) === 'nsubj').pop();
  if (subject === undefined) return undefined;
  const told = (i: number) => {
    const frame = tokens[i].upos === 'NOUN' ? frameOf(tokens[i].text) : undefined;
    return frame ? { frame, of: i } : undefined;
  };
  if (!STANDS_FOR.test(tokens[subject].text)) return told(subject);
  // the noun "it" stands for: the last before it that names a frame, in its sentence, else the one before
  const [lo] = spanTokens(tokens, s.span);
  const before = s.index > 0 ? spanTokens(tokens, s.art.sentences[s.index - 1].span) : [lo, lo];
  for (const [from, to] of [[lo, subject], before])
    for (let i = to - 1; i >= from; i--) {
      const frame = told(i);
      if (frame) return frame;
    }
  return undefined;
}
/** Relations by which a sum is part of the predicate it hangs on ("eight years and $184 million"). */
const COMPLETES = new Set(['conj', 'obj', 'appos']);
const STANDS_FOR = /^(?:it|this|that)$/i;

/**
 * "has just finished 30 days' worth of treatment", "completed 30 days of rehab": a span an aspectual
 * verb (act class Activity_finish / Activity_start) tells is the part of the activity done, not its
 * length, whether a noun names the activity or not.
 */
const ASPECTUAL = /^Activity_(?:finish|start)$/;
function toldByAspectualVerb(s: Sent, q: Quantity): boolean {
  const verb = figureVerb(s, q);
  return !!verb && ASPECTUAL.test(actClass(verb));
}

/** After a duration: a countdown clock ("with 12 seconds left", "four minutes remaining", "7:41 to go", "10:00 to play"). */
const COUNTDOWN = /^[\s-]*(?:left|remaining|to go|to play)\b/i;

/**
 * "with 12 seconds left, Garrard dropped back" and "a touchdown with four minutes left": a countdown
 * clock's reading is the moment of one act of the event (a play, a goal), not a length; a match or a
 * race is told as many such moments, so two readings are the same slot only when they time the same
 * act: between sentences that state one fact (aligned), per the act the clause tells (the verb the
 * figure hangs on by the parse, unless it is the countdown's own "left"/"remain").
 */
function clockReading(s: Sent, q: Quantity): Slot {
  const verb = figureVerb(s, q);
  const act = verb && !/^(?:leave|left|remain|go|play)$/.test(verb) ? actClass(verb) : '';
  // "with 6:00 remaining in the third quarter" and "with 10 minutes left in the fourth quarter": each
  // period of play has its own clock, so readings in two named periods are two moments
  const period = CLOCK_PERIOD.exec(s.art.text.slice(q.span.start, s.span.end))?.[1].toLowerCase().replace(/\s+/g, ' ') ?? '';
  const label = `time left on the clock${period ? ` in the ${period}` : ''}${verb && act ? ` (${verb})` : ''}`;
  return { key: `clock|${act}|${period}`, label, unit: 'h', factor: 1, aligned: true };
}
const CLOCK_PERIOD = /^[^,;]*?\b(?:left|remaining|to go|to play)\s+in\s+(?:the\s+)?((?:first|second|third|fourth|fifth|final|last|1st|2nd|3rd|4th)\s+(?:quarter|half|period|inning|set|round|frame)|overtime|extra time)\b/i;

/**
 * "it would take 12 days to repair the cable" against "take 10 days": a duration no noun names is
 * how long the act its phrase hangs on lasted (the verb by the parse, by its act class), or, with
 * "after", "before", "into" or "later" after it, how far that act lies from another ("arrested 12
 * days after the shooting"): a slot per act and reference word, compared only between sentences
 * that state one fact (Slot.aligned), since one verb measures many spans.
 */
function spanOfAct(s: Sent, q: Quantity): Slot | null {
  const verb = figureVerb(s, q);
  if (!verb) return null;
  const ref = /^[\s-]*(after|before|into|later|earlier|prior|remaining)\b/i.exec(s.art.text.slice(q.span.end, s.span.end))?.[1].toLowerCase() ?? '';
  const cls = actClass(verb);
  return { key: `h|act|${cls}|${ref}`, label: `how long (${verb}${ref ? ` ${ref}` : ''})`, unit: 'h', factor: 1, aligned: true };
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
function countedThings(s: Sent, q: Quantity): Slot | null {
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
  const verb = inLead(s) ? (arg?.verb ?? verbAfterNoun(s, q) ?? listedFigureVerb(s, q)) : null;
  // elsewhere, or with no act in the lead: a count of the noun compared between sentences of one fact (counts.ts)
  if (!verb) return countOfThings(s, q, noun, arg?.verb ?? listedFigureVerb(s, q), false);
  // what a listed act did to things a lead counts is told once per story ("three cables were damaged" /
  // "two cables suffered severe damage", however else the leads are worded); things counted inside
  // another noun's phrase ("homes in five villages were damaged") only between sentences of one fact
  const marker = caseOfCountedNoun(s, q);
  const storyWide = actClass(verb) !== verb && (!marker || CLAUSE_OPENERS.has(marker));
  // not an interim or another event's count, a ratio's part, a person's figure; a subset of the things ("two foreign ships") is its own slot
  const subset = comparableCount(s, q, verb);
  if (subset === null) return null;
  const { act, rest } = countAct(s, q, verb, subset);
  return { key: `count|${key(noun)}|${act}${rest.length ? `|${rest.join('+')}` : ''}`, label: `number of ${noun}${rest.length ? ` (${rest.join(' ')})` : ''} (${verb})`, unit: q.unit, factor: 1, aligned: !storyWide };
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

/** After a duration: it dates an act back from the time of writing or of the event ("ago", "before", "earlier"). */
const BACK_FROM = /^[\s-]*(?:ago|before|earlier)\b/i;

/**
 * "He was married about two weeks ago" against "who married him three weeks before he was
 * killed": how long before the story's time an act was, by the act's class (act-classes.ts; the
 * verb the figure's clause hangs on, by the parse). Acts of a class the lexicon names are compared
 * across the story; other verbs ("moved", "worked") only between sentences that state one fact
 * (aligned). "two weeks after" counts forward from another act: no slot.
 */
function sinceAct(s: Sent, q: Quantity): Slot | null {
  if (q.unit !== 'h' && q.unit !== 'month' && q.unit !== 'year') return null;
  if (q.counted && q.counted !== 'ago' && actClass(q.counted) === q.counted.toLowerCase()) return null;
  const after = s.art.text.slice(q.counted === 'ago' ? q.span.end - 3 : q.span.end, s.span.end);
  if (!BACK_FROM.test(after)) return null;
  const verb = actOfFigure(s, q);
  if (!verb) return null;
  const cls = actClass(verb);
  // an act the class lexicon names (a wedding, an arrest, a release) is told once per story;
  // any other verb only between sentences that state one fact
  return { key: `since|${cls}`, label: `how long ago (${verb})`, unit: 'h', factor: hoursPer(q.unit), aligned: cls === verb };
}

/**
 * "He was sentenced to 2 years" against "He was sentenced to 2 1/2 years": how long an act of a
 * class the lexicon names lasts or holds (a sentence, a contract, a ban), by the verb the figure
 * hangs on. A person is sentenced, hired or banned more than once in a story's background, so only
 * sentences that state one fact are compared (aligned), whatever year they are about.
 */
function termOfAct(s: Sent, q: Quantity): Slot | null {
  if (q.unit !== 'h' && q.unit !== 'month' && q.unit !== 'year') return null;
  // "after over seven-hour-long talks, they signed": a duration of something it names is that thing's (slotOfFigure)
  if (q.counted && actClass(q.counted) === q.counted.toLowerCase()) return null;
  // "for the past three years", "two weeks after": a span up to now or counted from another act
  if (/^[\s-]*(?:after|later)\b/i.test(s.art.text.slice(q.span.end, s.span.end)) || /\b(?:past|last)\s+$/i.test(s.art.text.slice(Math.max(s.span.start, q.span.start - 6), q.span.start))) return null;
  const verb = termAct(s, q);
  if (!verb) return null;
  return { key: `term|${actClass(verb)}`, label: `how long (${verb})`, unit: 'h', factor: hoursPer(q.unit), aligned: true };
}

/** The act a term measures: the verb the figure hangs on, or the noun it measures when that noun names the act ("given a 2-1/2 year sentence"), when the class lexicon lists it; else undefined. */
export function termAct(s: Sent, q: Quantity): string | undefined {
  return [figureVerb(s, q), q.counted?.toLowerCase()].find((w): w is string => !!w && actClass(w) !== w);
}

/** "LaRue served four and a half months in prison": a named person's time served (time-served.ts), a person slot whatever day the sentence is about. */
function timeServed(s: Sent, q: Quantity): Slot | null {
  const who = servedBy(s, q);
  if (!who) return null;
  return { key: `served|${personKey(who.person)}`, label: `time ${who.name} served`, unit: 'h', factor: hoursPer(q.unit), personal: true, person: who.person };
}

/** The verb a figure hangs on by the parse, a phrasal verb read as the verb it stands for ("moved back" → return). */
function actOfFigure(s: Sent, q: Quantity): string | null {
  const i = figureVerbIndex(s, q);
  const verb = verbLemma(s, i);
  return verb && phrasalAct(verb, particleOf(s, i));
}

/**
 * Another mark of the past in the sentence than the figure's own "ago" ("in 2005", "last year"): the
 * act is dated from another time. Another "N ago" on another verb dates that verb's act, not this one
 * ("moved there four years ago, but returned 12 weeks ago").
 */
function pastBeyond(s: Sent, q: Quantity): boolean {
  const text = s.art.text;
  const blank = (t: string, from: number, to: number) => t.slice(0, from - s.span.start) + ' '.repeat(to - from) + t.slice(to - s.span.start);
  let rest = blank(text.slice(s.span.start, s.span.end), q.span.start, Math.min(s.span.end, q.span.end + 4));
  const verb = figureVerbIndex(s, q);
  // the other figures and relative times told back from now ("four years ago": a time, not a figure)
  const others = [...s.quantities.filter((o) => o !== q), ...s.times.filter((t) => t.kind === 'relative' && /\bago$/i.test(text.slice(t.span.start, t.span.end)))];
  for (const o of others) {
    if (verb < 0 || (o.span.start < q.span.end && q.span.start < o.span.end)) continue;
    const end = /\bago$/i.test(text.slice(o.span.start, o.span.end)) ? o.span.end - 3 : o.span.end;
    if (!BACK_FROM.test(text.slice(end, s.span.end))) continue;
    const other = figureVerbIndex(s, o);
    if (other >= 0 && other !== verb) rest = blank(rest, o.span.start, Math.min(s.span.end, o.span.end + 4));
  }
  return PAST_MARK.test(rest);
}

/**
 * "the 12000 block of East 223rd Street": where on a street something happened, as police and
 * local news give addresses (the hundred-block). Compared by the street, its direction word left
 * out ("East 223rd Street" and "223rd Street" are one street); the number is the value.
 */
function streetBlock(s: Sent, q: Quantity): Slot | null {
  const m = STREET_AFTER_BLOCK.exec(s.art.text.slice(q.span.end, s.span.end));
  if (!m || q.value < 100 || q.value % 100 !== 0) return null;
  const street = `${m[1]} ${m[2]}`.replace(/\s+/g, ' ');
  return { key: `block|${street.toLowerCase()}`, label: `block of ${street}`, unit: 'block', factor: 1 };
}
/** After "N block": "of [East|West|North|South] <name words> <street type>". */
const STREET_AFTER_BLOCK =
  /^\s+of\s+(?:(?:East|West|North|South|E\.|W\.|N\.|S\.)\s+)?((?:[A-Z0-9][\w'-]*\s+){1,3}?)(Street|St\.|Avenue|Ave\.|Boulevard|Blvd\.|Road|Rd\.|Drive|Dr\.|Lane|Way|Place|Court|Parkway|Highway)\b/;

/** "A magnitude 6 quake can cause severe damage": a figure in a modal clause states no fact. */
export function isHedged(s: Sent, q: Quantity): boolean {
  const after = s.art.text.slice(q.span.end, Math.min(s.span.end, q.span.end + 40));
  return /^(?:\s+[\w-]+){0,3}\s+(?:can|could|may|might|would)\b/i.test(after);
}

/** "30 of the 80", "two more victims", "two other victims", "another 2,000", "the other 70": part of, or added to, another figure. */
export function isPart(s: Sent, q: Quantity): boolean {
  return partOf(s, q) !== null;
}

/** Which form makes the figure a part or an increment (`isPart`), or null; the funnel (scripts/dump-slots.ts) counts them. */
export function partOf(s: Sent, q: Quantity): string | null {
  const text = s.art.text;
  const after = text.slice(q.span.end, Math.min(s.span.end, q.span.end + 12));
  // (12 characters: "an additional six engines" must see the whole word "additional")
  const before = text.slice(Math.max(s.span.start, q.span.start - 12), q.span.start);
  if (/^\s+of\s+(?:the|them|whom|those|these|which|her|his|their)\b/i.test(after)) return 'N of the';
  if (/\b(?:another|additional|further)\s+$/i.test(before)) return 'another N';
  if (/\b(?:call(?:ed|ing|s)?|dial(?:l?ed|l?ing|s)?)\s+$/i.test(before)) return 'called N'; // "called 911": a number, not a count
  // the word right after the number: "two more victims", "50 others"
  const next = text.slice(q.span.start, Math.min(s.span.end, q.span.end + 12)).split(/\s+/)[1] ?? '';
  if (/^(?:more|additional|other|others)$/i.test(next) && !othersOfAnotherFrame(s, q)) return 'N more/other';
  if (q.unit !== 'people' && q.unit !== 'count') return null;
  if (listsItsMembers(s, q)) return null;
  // "two women and a man", "two women and one man": one counted phrase of a coordination (also
  // when the parse reads the coordination otherwise); not when the figure's own predicate comes
  // before the "and" ("left two women dead and a third employee wounded": two predicates, each
  // figure its own frame's count)
  const rest = text.slice(q.span.end, Math.min(s.span.end, q.span.end + 40));
  // ("leaving six dead and 30 injured", "one dead and 12 injured": a figure whose own word is a frame's,
  // quantity-frames.tsv, counts that frame, each conjunct its own)
  const ownFrame = !!q.counted && frameOf(q.counted) !== undefined;
  const ownPredicate = frameBeforeAnd(rest) || ownFrame;
  if (!ownPredicate && /^[\s-]*(?:\p{L}+\s+)?and\s+(?:a|an|one|two|three|four|five|\d+)\s+(?!half\b)\p{L}+/iu.test(rest)) return 'N x and M y';
  // "a man and two women": the figure as the later conjunct, in the words too (the parse may read
  // its noun as the verb's subject, "... a man and two women died")
  if (!ownFrame && /\b(?:a|an|one)\s+(?!half\b)\p{L}+\s+and\s+$/iu.test(text.slice(Math.max(s.span.start, q.span.start - 32), q.span.start))) return 'x and N y';
  return !ownPredicate && coordinatedFigure(s, q) ? 'coordinated by the parse' : null;
}

/** A frame word (quantity-frames.tsv: "dead", "wounded") among the words before the first "and" of `rest`. */
function frameBeforeAnd(rest: string): boolean {
  const m = /^(.*?)\band\b/is.exec(rest);
  return !!m && m[1].split(/[^\p{L}-]+/u).some((w, i, ws) => w && frameOf(w, ws[i + 1]) !== undefined);
}

/**
 * "killing two people and injuring five others", "three professors dead and three other employees
 * wounded": "other" after a figure of another frame in the sentence sets these people apart from
 * those (the hurt from the dead); the figure is its own frame's count, not an increment of it.
 * With no such figure before it ("two more victims were found", "two other victims") it adds to
 * a count told elsewhere.
 */
function othersOfAnotherFrame(s: Sent, q: Quantity): boolean {
  if (/^\s*more\b/i.test(s.art.text.slice(q.span.end, s.span.end))) return false;
  const own = governingFrame(s, q);
  if (!own) return false;
  return s.quantities.some((p) => p !== q && p.span.end <= q.span.start && (p.unit === 'people' || p.unit === 'count') && (governingFrame(s, p) ?? own) !== own);
}

/** "a man and two women": the count of each member phrase ("a", "one", a number word or digits before a word), or null when a part is not one. */
function memberCount(part: string): number | null {
  const m = /^(a|an|one|\d+|[a-z]+(?:-[a-z]+)?)\s+\p{L}/iu.exec(part.trim());
  if (!m) return null;
  const w = m[1].toLowerCase();
  return w === 'a' || w === 'an' ? 1 : /^\d+$/.test(w) ? Number(w) : spelledNumber(w);
}

/**
 * "at least three people, a man and two women, were killed", "the three bank workers-two women and
 * a man-were killed": a figure followed, within three words, by a list of member phrases whose
 * counts add up to it is the total they make up, not a part of a coordination.
 */
function listsItsMembers(s: Sent, q: Quantity): boolean {
  return membersEnd(s, q) !== null;
}

/** Where the member list after a total ends (`listsItsMembers`), or null when the figure lists none. */
function membersEnd(s: Sent, q: Quantity): number | null {
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
 * Marks of the past. "previous" marks one only when it points to one earlier event or time ("the
 * previous quake", "a previous attack", "the previous day"): a bare plural ("whom he knew from
 * previous altercations", "previous convictions") describes someone's history, not what the
 * sentence reports.
 */
const PAST_MARK =
  /\b(?:ago|previously|(?:the|a|an|its|his|her|their) previous|previous (?:day|night|week|month|year|decade|weekend|morning|evening|afternoon)|earlier this (?:year|month)|last (?:year|month|decade|century)|in the past|(?:years?|months?|decades?) (?:after|before|earlier)|(?:1[89]|20)\d\d)\b/i;
const WEEKDAY = new RegExp(`\\b(?:${WEEKDAY_PATTERN})\\b`);
const MONTH = new RegExp(`\\b(?:${MONTH_NAME_PATTERN})\\b`);
/** A mark of the past or a month name, every one in a text (`matchAll` reads a copy; newPastMark resets what it reads). */
const PAST_OR_MONTH = new RegExp(`${PAST_MARK.source}|${MONTH.source}`, 'gi');
/** Per article (its sentences) and event day: the background, read once (slots, dates and clock times ask for it). */
const BACKGROUND = new WeakMap<Sent[], Map<string | undefined, Map<number, Background>>>();

/**
 * Sentences of an article about something other than the reported event: a year, a month or a
 * marker of the past ("ago", "previous", "last year") that the article's lead does not share, and a
 * sentence that goes on from one with a pronoun ("It killed 612 people"). Their figures are
 * background (an earlier quake's toll), not the event's.
 */
export function backgroundSentences(sents: Sent[], eventDay?: string): ReadonlyMap<number, Background> {
  let byDay = BACKGROUND.get(sents);
  if (!byDay) BACKGROUND.set(sents, (byDay = new Map()));
  let out = byDay.get(eventDay);
  if (!out) byDay.set(eventDay, (out = readBackground(sents, eventDay)));
  return out;
}

function readBackground(sents: Sent[], eventDay?: string): Map<number, Background> {
  const out = new Map<number, Background>();
  if (!sents.length) return out;
  const text = sents[0].art.text;
  const lead = leadText(sents);
  const leadDay = WEEKDAY.exec(lead)?.[0];
  const leadMarks = new Set([...lead.matchAll(PAST_OR_MONTH)].map((m) => m[0].toLowerCase()));
  sents.forEach((s, i) => {
    if (i < 2) return;
    const t = text.slice(s.span.start, s.span.end);
    if (newPastMark(s, t, leadMarks)) out.set(i, 'past');
    // another day than the lead's ("On Saturday, a dozen people were killed by a quake in China")
    // (an article whose lead tells a later day, "rescuers handed out tents Monday", goes back to the
    // story's own day: "the quake that struck on Sunday" is not another day's)
    else if (leadDay && otherDay(WEEKDAY.exec(t)?.[0], leadDay, eventDay)) out.set(i, 'other-day');
    else if (out.get(i - 1) === 'past' && /^\W*(?:It|That|This|They|The (?:quake|earthquake|attack|disaster|blast|storm|fire))\b/.test(t)) out.set(i, 'past');
  });
  return out;
}

const otherDay = (day: string | undefined, leadDay: string, eventDay: string | undefined) => !!day && day !== leadDay && day !== eventDay;

/**
 * Whether the sentence (its text `t`) writes a mark of the past or a month its article's lead does
 * not ("on Tuesday, December 9, 2008": a date that names its weekday is recent, since outlets name
 * the weekday of days within a week of writing, so its month and year mark no past event). Read
 * mark by mark up to the first new one (PAST_OR_MONTH's own state, reset before the return: no
 * copy of the pattern per sentence).
 */
function newPastMark(s: Sent, t: string, leadMarks: Set<string>): boolean {
  let recent: { start: number; end: number }[] | null = null;
  PAST_OR_MONTH.lastIndex = 0;
  for (let m = PAST_OR_MONTH.exec(t); m; m = PAST_OR_MONTH.exec(t)) {
    const at = s.span.start + m.index;
    recent ??= s.times.filter((x) => WEEKDAY.test(x.text)).map((x) => x.span);
    if (recent.some((r) => r.start <= at && at < r.end) || leadMarks.has(m[0].toLowerCase())) continue;
    PAST_OR_MONTH.lastIndex = 0;
    return true;
  }
  return false;
}

/** The first two sentences of an article: where its own event is dated. */
function leadText(sents: Sent[]): string {
  return sents
    .slice(0, 2)
    .map((s) => s.art.text.slice(s.span.start, s.span.end))
    .join(' ');
}

/**
 * Every figure of the story with the slot the cross-check compares it in (null: not compared):
 * the story's event day decides which sentences are background, and a magnitude of another day's
 * shock has no slot. A casualty figure or a magnitude later in an article of a story whose leads
 * tell none of that slot is marked `bodyOnly` (see Slot).
 */
export function figureSlots(story: StoryView): { sent: Sent; q: Quantity; slot: Slot | null }[] {
  // read once per story: the quantity conflicts and the record guard (records.ts) both ask
  let known = FIGURE_SLOTS.get(story);
  if (!known) FIGURE_SLOTS.set(story, (known = readFigureSlots(story)));
  return known;
}
const FIGURE_SLOTS = new WeakMap<StoryView, { sent: Sent; q: Quantity; slot: Slot | null }[]>();

function readFigureSlots(story: StoryView): { sent: Sent; q: Quantity; slot: Slot | null }[] {
  const eventDay = storyEventDay(story.articles);
  const out: { sent: Sent; q: Quantity; slot: Slot | null }[] = [];
  for (const a of story.articles) {
    const background = backgroundSentences(a.sentences, eventDay);
    for (const s of a.sentences)
      for (const q of s.quantities) {
        const slot = slotOf(s, q, background.get(s.index) ?? 'none');
        out.push({ sent: s, q, slot: slot && !(slot.unit === 'magnitude' && anotherDaysShock(s, eventDay)) ? slot : null });
      }
  }
  // a player's figure in the game only from articles that write the game's score (scores.ts): a round-up tells other games
  for (const x of out) if (x.slot?.key.startsWith('game:') && !reportsTheGame(story, x.sent.art)) x.slot = null;
  // a measure one article gives its holder twice, with two values, is two measures (measures.ts)
  const ambiguous = ambiguousMeasures(out.filter((x) => x.slot).map((x) => ({ article: x.sent.art.id, key: x.slot!.key, value: x.q.value * x.slot!.factor })));
  for (const x of out) if (x.slot && ambiguous.has(x.slot.key)) x.slot = null;
  const toldInLeads = new Set(out.filter((x) => x.slot && inLead(x.sent)).map((x) => x.slot!.key));
  for (const x of out) if (x.slot && EVENT_FRAMES.test(x.slot.key) && !inLead(x.sent) && !toldInLeads.has(x.slot.key)) x.slot = { ...x.slot, bodyOnly: true };
  joinTotalsAtTheEnd(out);
  return out;
}

/**
 * "Roe ended the game with 2,129 points" beside another article's "Roe now has 2,129 points": a
 * figure held at the end of an occasion (holdings.ts heldAtTheEnd) with no slot of its own takes
 * the holding of the same holder and noun when another article holds that very value now. It
 * restates that total, so it adds its sentence to that side and can open no disagreement; with
 * another value it may be the occasion's own figure, and stays without a slot.
 */
function joinTotalsAtTheEnd(out: { sent: Sent; q: Quantity; slot: Slot | null }[]): void {
  const held = out.filter((x) => x.slot?.key.startsWith('held:'));
  if (!held.length) return;
  for (const x of out) {
    // (a measure slot, measures.ts, is only the figure's own measure: the held total is what it restates)
    if ((x.slot && !x.slot.key.startsWith('measure|')) || x.q.unit !== 'count') continue;
    const h = heldAtTheEnd(x.sent, x.q, personKey);
    // (one name or the full one: "Roe" holds what "Jane Roe" holds, as resolveOneNameSlots joins them)
    const holder = (k: string) => k === h?.key || k.startsWith(`${h?.key}|`) || h?.key.startsWith(`${k}|`);
    const same = h && held.find((o) => holder(o.slot!.key) && o.sent.art.id !== x.sent.art.id && o.q.value === x.q.value && o.q.qualifier === x.q.qualifier);
    if (same) x.slot = { ...same.slot! };
  }
}

/**
 * The weekday of the story's event: the weekday the leads of most independent sources name (more
 * than half of those that name one), or undefined.
 */
export function storyEventDay(articles: { sentences: Sent[]; group: string }[]): string | undefined {
  const dayOfGroup = new Map<string, string | undefined>();
  for (const a of articles) {
    const day = WEEKDAY.exec(leadText(a.sentences))?.[0];
    if (day && !dayOfGroup.has(a.group)) dayOfGroup.set(a.group, day);
  }
  const counts = new Map<string, number>();
  for (const d of dayOfGroup.values()) if (d) counts.set(d, (counts.get(d) ?? 0) + 1);
  const best = [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0];
  return best && best[1] * 2 > dayOfGroup.size ? best[0] : undefined;
}

/**
 * A magnitude told by an article whose own lead dates its quake on another day than the story's
 * ("the quake on Tuesday was the second in two days"), in a sentence that does not name
 * the story's day: another shock's magnitude, not a disagreement about the story's quake.
 */
export function anotherDaysShock(s: Sent, eventDay: string | undefined): boolean {
  if (!eventDay) return false;
  const ownDay = s.art.sentences
    .filter(inLead)
    .map((x) => WEEKDAY.exec(s.art.text.slice(x.span.start, x.span.end))?.[0])
    .find(Boolean);
  return !!ownDay && ownDay !== eventDay && !s.art.text.slice(s.span.start, s.span.end).includes(eventDay);
}

/** The frame of the nearest frame word around the figure in its clause (before: "killing at least 10"; after: "10 people were killed"). */
function governingFrame(s: Sent, q: Quantity): string | undefined {
  const found = frameWordNear(s, q);
  if (!found) return undefined;
  // what happened to people: the parse, when there is one, must agree that the word governs the
  // figure ("the two men accused of killing a mother" are not the dead)
  const ofPeople = q.unit === 'people' || q.unit === 'count';
  return !ofPeople || frameGovernsFigure(s, found.q, found.at) !== false ? found.frame : undefined;
}

/** The nearest frame word around the figure in its clause, by words (the surface window). */
function frameWordNear(s: Sent, q: Quantity): { frame: string; at: number; q: Quantity } | undefined {
  // "85 million euros ($108 million)": a conversion in parentheses measures what the figure before it does
  const text0 = s.art.text;
  const prev = s.quantities.find((p) => p !== q && p.span.end <= q.span.start && /^\s*\(\s*$/.test(text0.slice(p.span.end, q.span.start)));
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

/**
 * How a first name sounds, roughly: consonants only, c as k, ph as f ("Caitlin", "Kaitlyn" and
 * "Katelyn" → ktln). Outlets spell a first name several ways; the surname is compared as written.
 */
export function nameSound(name: string): string {
  const s = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ph/g, 'f').replace(/c/g, 'k');
  return s[0] + s.slice(1).replace(/[aeiouyhw]/g, '').replace(/(.)\1+/g, '$1');
}

/** A person's key for person slots: "surname|sound of the first name", or the one name written ("Roe", "Jane"). */
export function personKey(canonical: string): string {
  const parts = canonical.split(' ').filter((w) => /^\p{L}/u.test(w));
  if (parts.length < 2) return canonical;
  return `${parts[parts.length - 1]}|${nameSound(parts[0])}`;
}

/**
 * Person slots named by one name only ("Roe, 35", "Jane, 61") join the slot of the one person of
 * the story with that surname or that first name; with none or several, they stay on their own.
 * A name that is the end of the one longer name of the story ending so ("Ellen Hartley Roe",
 * where the tagger left out "Mary" of "Mary Ellen Hartley Roe") joins that person's slot.
 */
export function resolveOneNameSlots<T extends { slot: string; person?: string; verbs?: string[]; role?: boolean }>(mentions: T[]): void {
  joinSpellings(mentions);
  // (a holding's or a game figure's prefix names its counted noun: "held:point|", see holdings.ts, game-figures.ts)
  const held = new Set(mentions.map((m) => /^(?:held|game):[^|]+\|/.exec(m.slot)?.[0]).filter((p): p is string => !!p));
  for (const prefix of [...PERSON_SLOTS, ...[...held].sort()]) {
    const full = new Set(mentions.filter((m) => m.slot.startsWith(prefix) && m.slot.slice(prefix.length).includes('|')).map((m) => m.slot));
    for (const m of mentions) {
      const one = m.slot.startsWith(prefix) ? m.slot.slice(prefix.length) : '';
      if (!one || one.includes('|') || one.includes(' ')) continue;
      const matches = [...full].filter((k) => {
        const [surname, first] = k.slice(prefix.length).split('|');
        return surname === one || first === nameSound(one);
      });
      if (matches.length === 1) m.slot = matches[0];
    }
    for (const m of mentions) {
      if (!m.person?.includes(' ') || !m.slot.startsWith(prefix)) continue;
      const longer = new Set(mentions.filter((o) => o.slot.startsWith(prefix) && o.slot !== m.slot && o.person?.endsWith(` ${m.person}`)).map((o) => o.slot));
      if (longer.size === 1) m.slot = [...longer][0];
    }
  }
  // a role-named age joins the one named person of the story who takes part in one of its acts
  // ("a 60-year-old woman charged with killing" and "charged Jane Roe, age 61"); else it stays alone
  // (the same act from the same side: the one who struck is not the one struck; a patient and an
  // oblique are one side, as parses often read "charged Jane Roe, age 61, with …" one way or the other)
  const side = (v: string) => v.replace(/:(?:patient|oblique)$/, ':undergoes');
  for (const m of mentions) {
    if (!m.role) continue;
    const acts = new Set(m.verbs?.map(side));
    const named = new Set(mentions.filter((o) => !o.role && o.slot.startsWith('age|') && o.verbs?.some((v) => acts.has(side(v)))).map((o) => o.slot));
    if (named.size === 1) m.slot = [...named][0];
  }
}
/**
 * "Helen Varga" and "Helen Vargas": one person whose surname outlets spell two ways (one letter
 * apart, the first name sounding alike). Their person slots are one, under the spelling most
 * mentions use (ties: the first in order), so that a spelling is not a second person of the same
 * age or the same fall.
 */
function joinSpellings<T extends { slot: string }>(mentions: T[]): void {
  for (const prefix of PERSON_SLOTS) {
    const count = new Map<string, number>();
    for (const m of mentions) if (m.slot.startsWith(prefix) && m.slot.slice(prefix.length).includes('|')) count.set(m.slot, (count.get(m.slot) ?? 0) + 1);
    const keys = [...count.keys()].sort((a, b) => count.get(b)! - count.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
    const to = new Map<string, string>();
    for (const k of keys) {
      if (to.has(k)) continue;
      const [surname, first] = k.slice(prefix.length).split('|');
      for (const o of keys) {
        const [os, of] = o.slice(prefix.length).split('|');
        if (o !== k && !to.has(o) && of === first && os !== surname && surnameSpelledTwoWays(surname, os)) to.set(o, k);
      }
    }
    for (const m of mentions) m.slot = to.get(m.slot) ?? m.slot;
  }
}

/** Whether two different surnames can be one name spelled two ways: one letter added, dropped or changed ("Varga", "Vargas"), in names of four letters or more. */
export function surnameSpelledTwoWays(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 4 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(i + (a.length >= b.length ? 1 : 0)) === b.slice(i + (b.length >= a.length ? 1 : 0));
}

/** Slot key prefixes followed by a person's key (see personKey). */
const PERSON_SLOTS = ['age|', 'distance|person|', 'weight|', 'residence|', 'record|', 'surpassed|', 'served|'];

const SUBJECT_PRONOUN = /^(?:he|she)$/i;
/**
 * The one person a sentence describes: the one person it names, or, when it names nobody and
 * its first word is "He" or "She", the one person the sentence before names (the usual antecedent
 * of a sentence-initial pronoun in news). Canonical name, or null.
 */
function describedPerson(s: Sent): string | null {
  const named = (x: Sent | undefined) => [...new Set((x?.entities ?? []).filter((e) => e.type === 'PER').map((e) => canonicalName(x!.art.text.slice(e.span.start, e.span.end))))];
  const here = named(s);
  if (here.length) return here.length === 1 ? here[0] : null;
  if (!SUBJECT_PRONOUN.test(s.tokens[0]?.text ?? '')) return null;
  const before = named(s.art.sentences[s.index - 1]);
  return before.length === 1 ? before[0] : null;
}

/** The person an age belongs to: named right before ("Jane Roe, 33,") or within a few words after ("the 33-year-old actress Jane Roe"). */
function personNextTo(s: Sent, q: Quantity): { key: string; name: string; span: { start: number; end: number } } | null {
  const text = s.art.text;
  const people = s.entities.filter((e) => e.type === 'PER');
  // "Jane Roe, 33," — an appositive right after the name
  const before = people.find((e) => e.span.end <= q.span.start && /^,\s+$/.test(text.slice(e.span.end, q.span.start)));
  // "33-year-old Jane Roe", "the 33-year-old actress Jane Roe" — at most one common noun between
  const after = people.find((e) => e.span.start >= q.span.end && /^\s+(?:[\p{L}-]+\s+)?$/u.test(text.slice(q.span.end, e.span.start)));
  const e = before ?? after;
  // the name as written here, not as cross-article linking widened it (two people may share a surname)
  const named = e ? text.slice(e.span.start, e.span.end) : '';
  return e ? { key: canonicalName(named), name: named, span: e.span } : null;
}

/** Relatives and partners: "her 12-year-old daughter" is someone else than the person the story names. */
const KIN = new Set('daughter son child kid mother father mom dad wife husband sister brother girlfriend boyfriend grandson granddaughter grandmother grandfather niece nephew cousin stepdaughter stepson partner fiance fiancee'.split(' '));

/**
 * "A 60-year-old woman charged with killing …": an age of someone the sentence names only by a
 * role noun, with the acts the parse makes them take part in. It is compared only once the story
 * resolves it to the one named person who takes part in one of those acts (resolveOneNameSlots);
 * a sentence that names a person, a relative ("her 12-year-old daughter") or an act-less role gives none.
 */
function roleAge(s: Sent, q: Quantity): Slot | null {
  if (s.entities.some((e) => e.type === 'PER')) return null;
  const d = describedNoun(s, q);
  if (!d) return null;
  const noun = d.tokens[d.noun];
  if (KIN.has(noun.lemma.toLowerCase()) || /\b(?:her|his|their|its|my|our|your)\s+$/i.test(s.art.text.slice(Math.max(s.span.start, q.span.start - 8), q.span.start))) return null;
  const verbs = [...participantVerbs(s, noun.start, noun.end)];
  if (!verbs.length) return null;
  return { key: `age|role|${s.id}|${q.span.start}`, label: `age of the ${noun.text.toLowerCase()}`, unit: 'years', factor: 1, personal: true, verbs, role: true };
}

const STATIVE = /^(?:is|was|are|were|be|been|being|stands?|stood|measures?|measured|weighs?|weighed|weighing)$/i;

/**
 * The verb right before a figure (past adverbs and qualifiers) and the person named before it in
 * the clause: "Robert Roe, 32, fell about 2,000 feet" → fell, Robert Roe. The verb is compared by
 * its lemma when the article has a parse, else by its stem.
 */
function verbAndSubjectBefore(s: Sent, q: Quantity): { verb: string; word: string; key: string; name: string } | null {
  const toks = s.tokens;
  let i = toks.findIndex((t) => t.start >= q.span.start) - 1;
  while (i >= 0 && /^(?:about|around|some|nearly|almost|approximately|roughly|over|more|than|just|at|least|an|estimated)$/i.test(toks[i].text)) i--;
  if (i < 0 || !/^\p{Ll}+$/u.test(toks[i].text) || s.entities.some((e) => e.span.start <= toks[i].start && toks[i].end <= e.span.end)) return null;
  const verbTok = toks[i];
  // "Roe is 5-foot-8", "stands 6 feet": a height, not how far the person went
  if (STATIVE.test(verbTok.text)) return null;
  const text = s.art.text;
  // the person is the verb's subject: nothing but an age, an adverb or an auxiliary between ("Robert Roe, 32, has fallen")
  const between = /^(?:\s*,\s*\d{1,3}\s*,)?\s*(?:(?:\p{Ll}+ly|has|had|have|was|were|is)\s+)*$/u;
  const people = s.entities.filter((e) => e.type === 'PER');
  // or, by the parse, the subject of the verb or of the verb it continues ("Jane Roe died after slipping and falling 60 metres")
  const subject = verbSubject(s, verbTok.start);
  const who =
    people.filter((e) => e.span.end <= verbTok.start && between.test(text.slice(e.span.end, verbTok.start))).pop() ??
    subject.map((at) => people.find((e) => e.span.start <= at && at < e.span.end) ?? pronounFor(s, at)).find(Boolean);
  if (!who) return null;
  const named = text.slice(who.span.start, who.span.end);
  return { verb: lemmaAt(s.art, verbTok.start) ?? verbTok.key, word: verbTok.text, key: personKey(canonicalName(named)), name: named };
}

/**
 * The person a relative "who" at `at` stands for: the person named right before it ("Jane Roe, who
 * lived half a mile away"; dated-acts.ts). Not "he" or "she": the person named last before them
 * is often another (a friend quoted in between), and nothing here knows a name's gender.
 */
function pronounFor(s: Sent, at: number): EntityRef | undefined {
  const word = s.tokens.find((t) => t.start === at)?.text ?? '';
  const who = /^who$/i.test(word) ? antecedent(s, at) : null;
  return who?.type === 'PER' ? who : undefined;
}

/** The figure of one kind a parenthesised figure converts ("600 metres (2,000 feet)" → 600 metres), or null. */
function conversionOf(s: Sent, q: Quantity): Quantity | null {
  const text = s.art.text;
  return s.quantities.find((p) => p !== q && p.unit in DISTANCE && p.span.end <= q.span.start && /^\s*\(\s*$/.test(text.slice(p.span.end, q.span.start))) ?? null;
}

/**
 * "The man fell about 600m", "the man aged in his early 30s fell about 600m": the verb before a
 * figure (as verbAndSubjectBefore reads it) whose subject, by the parse, is a common noun, not a
 * relative ("her son"); null when there is no such subject.
 * Its slot is compared only once joined to a named person's (conflicts.ts joinRolesByArticle).
 */
function roleBefore(s: Sent, q: Quantity): { noun: string; word: string; at: number } | null {
  const toks = s.tokens;
  let i = toks.findIndex((t) => t.start >= q.span.start) - 1;
  while (i >= 0 && /^(?:about|around|some|nearly|almost|approximately|roughly|over|more|than|just|at|least|an|estimated)$/i.test(toks[i].text)) i--;
  if (i < 0 || !/^\p{Ll}+$/u.test(toks[i].text) || STATIVE.test(toks[i].text)) return null;
  const tokens = parseOf(s.art);
  if (!tokens) return null;
  for (const at of verbSubject(s, toks[i].start)) {
    const t = tokens[tokenAt(tokens, at)];
    if (t?.upos === 'NOUN' && !KIN.has(t.lemma.toLowerCase())) return { noun: t.lemma.toLowerCase(), word: toks[i].text, at: t.start };
    // "The 36-year-old, who lived in Perth, slipped and fell": an age standing for the person
    if (t && AGE_AS_NOUN.test(t.text)) return { noun: 'person', word: toks[i].text, at: t.start };
    // "A 36-year-old man died after he slipped and fell": "he" with no one named before it is the role of the clause above
    if (t && SUBJECT_PRONOUN.test(t.text) && !s.entities.some((e) => e.type === 'PER' && e.span.end <= t.start)) {
      const noun = subjectAbove(tokens, tokenAt(tokens, at));
      if (noun) return { noun: noun.lemma, word: toks[i].text, at: noun.at };
    }
  }
  return null;
}
const AGE_AS_NOUN = /^(?:\d+-)?years?-old$/i;

/** The common-noun subject (not a relative) of the nearest clause above the one whose subject is token `p`, at most four steps up; null when that subject is anything else. */
function subjectAbove(tokens: readonly SyntaxToken[], p: number): { lemma: string; at: number } | null {
  const kids = kidsOf(tokens);
  let v = tokens[p].head;
  for (let step = 0; step < 4 && v >= 0 && tokens[v].head >= 0; step++) {
    v = tokens[v].head;
    const subj = kids[v].find((c) => tokens[c].deprel === 'nsubj' || tokens[c].deprel === 'nsubj:pass');
    if (subj === undefined) continue;
    const t = tokens[subj];
    return t.upos === 'NOUN' && !KIN.has(t.lemma.toLowerCase()) ? { lemma: t.lemma.toLowerCase(), at: t.start } : null;
  }
  return null;
}

/** "1,500 kilometers south of Tehran", "58km south-west of Bandar Abbas": the place measured from. */
function placeAfter(s: Sent, q: Quantity): { key: string; name: string } | null {
  const text = s.art.text;
  const m = /^\s*(?:\([^)]*\)\s*)?(?:(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)(?:ern)?\s+)?(?:of|from)\s+/i.exec(text.slice(q.span.end, s.span.end));
  if (!m) return null;
  const at = q.span.end + m[0].length;
  const e = s.entities.find((x) => x.span.start >= at && x.span.start - at <= 4);
  // the place as named here, not as cross-article linking widened it ("Tehran" is not "Tehran University")
  const named = s.art.text.slice(e?.span.start ?? 0, e?.span.end ?? 0);
  return e ? { key: canonicalName(named), name: named } : null;
}


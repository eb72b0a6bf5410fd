/**
 * Whether two sides of one slot dispute one figure of one event, or tell two things: two events
 * grouped as one story (their articles dispute other figures five times apart and agree on none),
 * two people's acts, two happenings (other places, other weekdays, nothing shared), one article
 * against itself only on one fact in its own voice, and figures written at two times (an age a year
 * later, a running total another day). Each guard is asked by conflicts.ts slotConflict per pair of sides.
 */
import { pairTiming, type TimedSide } from './evolving.js';
import { countryList, regionList } from '../text/places.js';
import { statesOneFact as oneFact, type Alignment } from './facts.js';
import { type ArticleView, canonicalName, type Sent } from './prepare.js';
import { apart, namesOthers, placesOf, shares } from './sides.js';
import { actorKeys, actReading, dayOf } from './date-conflicts.js';
import { apartFivefold, compareIntervals, type QMention } from './figure-values.js';

/** A side's value interval (its first figure's) and its articles' publication days. */
export function timedSide(members: QMention[]): TimedSide {
  return { low: members[0].low, high: members[0].high, days: members.map((m) => m.sent.art.published) };
}

/** Each article's figures by their final slot (what one agency said, `|by|`, is a copy of its slot's figure and left out). */
export type FiguresByArticle = Map<string, Map<string, QMention[]>>;
export function figuresByArticle(mentions: QMention[]): FiguresByArticle {
  const out: FiguresByArticle = new Map();
  for (const m of mentions) {
    if (m.slot.includes('|by|')) continue;
    const art = out.get(m.sent.art.id) ?? out.set(m.sent.art.id, new Map()).get(m.sent.art.id)!;
    (art.get(m.slot) ?? art.set(m.slot, []).get(m.slot)!).push(m);
  }
  return out;
}

/**
 * Two sides told by the articles of two events grouped as one story (two quakes on one island, a
 * magnitude-5.6 that hurt five and a 5.9 that killed ten and hurt 70): the articles of one side and
 * those of the other dispute another figure of the story too, agree on none, and one of the two
 * disputes is five times apart or more (five hurt, 70 hurt). Within one event, outlets that
 * dispute one figure share others or dispute them by a margin ("Buckley, 32" and "31" beside a
 * fall of 600 m and of 700 m: two disputes of one event, kept); a figure several times another
 * beside a second dispute is another event's. Figures of other slots told at other times of
 * writing (an age, a running count) are not read as disagreeing.
 */
export function otherEventsFigures(sa: { rep: QMention; members: QMention[] }, sb: { rep: QMention; members: QMention[] }, figures: FiguresByArticle): boolean {
  const [a, b] = [sa.members, sb.members];
  const slot = a[0].slot.split('|by|')[0];
  const artsA = new Set(a.map((m) => m.sent.art.id));
  const artsB = new Set(b.map((m) => m.sent.art.id));
  if ([...artsA].some((id) => artsB.has(id))) return false;
  const bySlot = (arts: Set<string>) => {
    const out = new Map<string, QMention[]>();
    for (const id of arts) for (const [k, ms] of figures.get(id) ?? []) if (k !== slot) (out.get(k) ?? out.set(k, []).get(k)!).push(...ms);
    return out;
  };
  const [fa, fb] = [bySlot(artsA), bySlot(artsB)];
  let disagree = 0;
  let far = apartFivefold(sa.rep, sb.rep);
  for (const [k, xs] of fa) {
    const ys = fb.get(k);
    if (!ys) continue;
    if (xs.some((x) => ys.some((y) => compareIntervals(x, y) !== 'conflict'))) return false;
    if (!sameTimeOfWriting(xs, ys)) continue;
    disagree++;
    far ||= xs.every((x) => ys.every((y) => apartFivefold(x, y)));
  }
  return disagree > 0 && far;
}

/**
 * "Odum returning an interception 32 yards" and "Varga intercepted a pass and returned it 35
 * yards": a count of an act is one act's only between sentences that name its people alike. When
 * every sentence of one side and every sentence of the other (of other articles) each name people
 * and share none, they tell two people's acts (two plays of a game, two games), not one disputed.
 * Who a figure is attributed to ("Gov. Roe said 50 were injured") is the source, not a participant:
 * the speakers of the article's quotes are left out.
 */
export function actsOfOtherPeople(a: QMention[], b: QMention[]): boolean {
  const people = (m: QMention) => {
    const speakers = m.sent.art.quotes.map((q) => q.quote.speakerSpan).filter((x): x is { start: number; end: number } => !!x);
    return new Set(m.sent.entities.filter((e) => e.type === 'PER' && !speakers.some((x) => x.start <= e.span.start && e.span.end <= x.end)).map((e) => e.key));
  };
  const pa = a.map(people);
  const pb = b.map(people);
  let pairs = 0;
  for (let i = 0; i < a.length; i++)
    for (let j = 0; j < b.length; j++) {
      if (a[i].sent.art.id === b[j].sent.art.id) continue;
      if (!pa[i].size || !pb[j].size || [...pa[i]].some((k) => pb[j].has(k))) return false;
      pairs++;
    }
  return pairs > 0;
}

/**
 * Figures of one happening: counts of what it hit or took part in, its things (`count|`) and its people by frame
 * (`people|`), not a parent's children (childrenByParent); and a shock's magnitude (`magnitude|`: two quakes told
 * on other days or in other towns are two shocks, not one measured two ways).
 */
export const countOfAHappening = (slot: string) => /^(?:count|people|magnitude)\|/.test(slot) && !slot.startsWith('people|children');

/**
 * A count's second check (issue 15: no count conflict rests on one guard). The slot's key says the
 * counted noun and the act's class, or the casualty frame, and an aligned slot that the sentences
 * state one fact; this asks the sentences of the two sides themselves: some sentence of one and
 * some sentence of the other, in two articles, name no different people, places or weekdays, and
 * share something of the happening: a participant (a person or an organisation), a place, the
 * weekday, or one fact. A lead that recalls another shooting's "killed three" names its own place;
 * "two were arrested" on another day names another weekday; two leads' counts of one act class
 * that share nothing else may be two happenings.
 */
export function tellOneHappening(a: QMention[], b: QMention[], al: Alignment): boolean {
  return a.some((x) => b.some((y) => x.sent.art.id !== y.sent.art.id && oneHappening(x.sent, y.sent, al)));
}

function oneHappening(x: Sent, y: Sent, al: Alignment): boolean {
  if (namesOthers(x, y)) return false;
  // (a country or a world region holds the other's town: "northern Chile" and "Marel island" are not two places)
  const [px, py] = [placesOf(x), placesOf(y)];
  const [nx, ny] = [[...px].filter((p) => !widePlaces().has(p)), [...py].filter((p) => !widePlaces().has(p))];
  if (nx.length && ny.length && !nx.some((p) => py.has(p))) return false;
  const [dx, dy] = [weekdaysOf(x), weekdaysOf(y)];
  if (apart(dx, dy)) return false;
  return shares(px, py) || shares(actorKeys(x), actorKeys(y)) || shares(dx, dy) || oneFact(al, x, y);
}

/** Countries (names and aliases) and world regions, as entity keys: places that hold the towns a story names. */
let WIDE_PLACES: Set<string> | null = null;
function widePlaces(): Set<string> {
  WIDE_PLACES ??= new Set([...countryList().flatMap((c) => [c.name, ...c.aliases]), ...regionList()].map((n) => canonicalName(n)));
  return WIDE_PLACES;
}

/** The weekdays a sentence dates its acts on (weekdays and full dates, by their day), not the day of a statement ("officials said on Wednesday": the report's). */
function weekdaysOf(s: Sent): Set<string> {
  const out = new Set<string>();
  for (const t of s.times) if ((t.kind === 'weekday' || t.kind === 'date' || t.kind === 'datetime') && actReading(s, t).act?.cls !== 'statement') {
    const day = dayOf(t)?.weekday;
    if (day) out.add(day);
  }
  return out;
}

/**
 * One article against itself: two figures of one slot contradict each other only when their
 * sentences state one fact (one fact cluster, or close wording) and one of them is in the article's
 * own voice. An article that gives two figures for one slot in sentences about different things
 * tells of two things (two payments, another person's age); two figures inside quotations are what
 * its speakers said ("the memorized 25-second speech" and, later, "the 30-second speech"), which
 * the article reports rather than states.
 */
export function contradictsItself(a: QMention[], b: QMention[], al: Alignment): boolean {
  return a.some((x) =>
    b.some((y) => {
      if (quoted(x) && quoted(y)) return false;
      return x.sent.id === y.sent.id || oneFact(al, x.sent, y.sent);
    }),
  );
}

/** Whether a figure lies inside a direct or partial quotation of its article (analyse's quotes). */
function quoted(m: QMention): boolean {
  const at = m.q.span.start;
  return m.sent.art.quotes.some((q) => q.quote.kind !== 'indirect' && (q.quote.parts ?? [q.quote.span]).some((p) => p.start <= at && at < p.end));
}

/**
 * An age is the person's age when the article was written: "Roe, 27" in articles of 2005 and
 * "Roe, 29" in articles of 2007 are one man two years apart, not a disagreement. Two sides of
 * an age are not compared when their dated articles were all published more than half a year
 * apart (the side's undated articles are taken to be of its dated ones' time); with no dated
 * article on a side they are (the reader sees both sentences).
 */
export function sameTimeOfWriting(a: QMention[], b: QMention[]): boolean {
  // (a running total or a game's figure, held:/game:, changes with each game: articles a day apart at most)
  // (a count of the story's things told a day or more apart may have grown: compared only when it did,
  // then shown as an evolving figure, evolving.ts; a lower count days later may be of another event)
  if (a[0]?.slot.startsWith('count|') && pairTiming(timedSide(a), timedSide(b)) === 'rises') return true;
  const span = a[0]?.unit === 'years' ? AGE_SPAN_DAYS : /^(?:held|game):|^count\|/.test(a[0]?.slot ?? '') ? 1 : 0;
  if (!span) return true;
  // (publication days: "YYYY-MM-DD", see stories/facts.ts publicationDay)
  const days = (ms: QMention[]) => ms.map((m) => m.sent.art.published).filter((d): d is string => !!d).map((d) => Date.parse(d) / 86_400_000);
  const da = days(a);
  const db = days(b);
  if (!da.length || !db.length) return true;
  return da.some((x) => db.some((y) => Math.abs(x - y) <= span));
}
const AGE_SPAN_DAYS = 183;

/**
 * An age's second check of the time of writing (issue 15: "Orozco, 27" in the articles of the
 * shooting and "Orozco, 29" in those of the trial were held apart by publication days alone): the
 * latest year an article writes (a date, a month or a year, in its words) is a lower bound on when
 * it was written. When every article of the younger side that writes a year writes none after Y,
 * every article of the older side that writes one writes a year Y' > Y, and the ages differ by no
 * more than Y' - Y (plus one, for a birthday), the sides were written at two times, dated or not.
 * So were they when one article is on both sides: an article that gives one person two ages tells
 * of two times (then and now), whatever word marks the earlier one ("then 15", "who was 15 when").
 */
export function agedBetweenWritings(a: QMention[], b: QMention[]): boolean {
  if (a[0]?.unit !== 'years') return false;
  // an article that gives the person both ages tells two times itself ("then-15-year-old Roe" and "Roe, now 16")
  const arts = new Set(a.map((m) => m.sent.art.id));
  if (b.some((m) => arts.has(m.sent.art.id))) return true;
  const [younger, older] = a[0].q.value <= b[0].q.value ? [a, b] : [b, a];
  const latest = (ms: QMention[]) => [...new Set(ms.map((m) => m.sent.art))].map(latestYearWritten).filter((y): y is number => y !== null);
  const [ly, lo] = [latest(younger), latest(older)];
  if (!ly.length || !lo.length) return false;
  const [y, later] = [Math.max(...ly), Math.min(...lo)];
  return later > y && older[0].q.value - younger[0].q.value <= later - y + 1;
}

/** The latest year an article's times write in figures ("in 2005", "June 24, 2005"), or null. */
const LATEST_YEAR = new WeakMap<ArticleView, number | null>();
function latestYearWritten(art: ArticleView): number | null {
  if (LATEST_YEAR.has(art)) return LATEST_YEAR.get(art)!;
  let out: number | null = null;
  for (const s of art.sentences)
    for (const t of s.times) {
      if (!t.resolved || !/^\d{4}/.test(t.resolved) || !/\b\d{4}\b/.test(t.text)) continue;
      const year = Number(t.resolved.slice(0, 4));
      if (out === null || year > out) out = year;
    }
  LATEST_YEAR.set(art, out);
  return out;
}

/**
 * The figures a slot's conflict gathers onto its sides once it is reported (sides.ts gatherSides):
 * every other figure of the story that writes one of the disputed values about the same thing (the
 * same number, unit, qualifier and measure or counted noun), linked to a side by its holder or by
 * one fact. Gathering adds mentions to sides only, never a conflict.
 */
import { statesOneFact as oneFact, type Alignment } from './facts.js';
import type { StoryView } from './prepare.js';
import { gatherSides, namesHolder, namesOtherPlaces, namesOthers, sharedHolders } from './sides.js';
import { isHedged, isPart } from './figure-parts.js';
import { figureSlots, measureDimension } from './slots.js';
import { cmp } from './text.js';
import type { QMention } from './figure-values.js';
import { modelOf } from './listed-things.js';

/**
 * The figures a slot's conflict may gather (sides.ts gatherSides): every figure of the story under
 * another slot (not what one agency said, a copy) and every figure with none that is no part or
 * increment of another and not hedged ("another six engines", "could cost $5 million"), in story order.
 */
export function looseFigures(story: StoryView, mentions: QMention[]): QMention[] {
  const slotted = new Set(mentions.map((m) => m.q));
  const unslotted = figureSlots(story)
    .filter(({ sent, q, slot }) => !slot && !slotted.has(q) && !isPart(sent, q) && !isHedged(sent, q))
    .map(({ sent, q }): QMention => ({ sent, q, slot: '', label: '', low: q.value, high: q.value, unit: q.unit }));
  return [...mentions.filter((m) => !m.slot.includes('|by|')), ...unslotted].sort((a, b) => cmp(a.sent.id, b.sent.id) || a.q.span.start - b.q.span.start);
}

/**
 * Every figure that states one of a conflict's disputed values about the same thing joins that
 * value's side (issue 15): the same number in the same unit and qualifier and, for a count, the same
 * measure noun ("86 yards" and "an 86-yard run", not 86 points) or, with none, the same counted noun.
 * It is linked to a member by compatible participants (no different people, no different places;
 * when the sides name whose figure they dispute, sharedHolders, one of them named) and by one fact or
 * that holder named; then to a figure gathered so by one fact or by its own slot ("Katherine Gomes,
 * 61" in other articles, once one of her 61s states one fact with "the women killed, who were 61 and
 * 48"). A figure of this slot that the sides left out (another fact, another shock) stays out.
 */
export function gatherFigures(sides: { rep: QMention; members: QMention[] }[], ms: QMention[], loose: (values: Set<string>) => QMention[], al: Alignment): void {
  const slot = ms[0].slot;
  const base = slot.replace(/\|\d+$/, '');
  const members = new Set(ms);
  // (bounded time: only figures that write one of the sides' numbers are read further)
  const values = new Set(ms.map(written));
  const candidates = loose(values).filter((c) => !members.has(c) && (!c.slot || (c.slot !== slot && c.slot.replace(/\|\d+$/, '') !== base)));
  if (!candidates.length) return;
  const holders = sharedHolders(sides.map((x) => x.members));
  // (a count's measure noun, else its counted noun: "13 shots" states no "mother of 13"'s children)
  const dimensions = new Map<QMention, string>();
  const dimension = (m: QMention) => {
    let d = dimensions.get(m);
    // ("eight RPG-7s" and "eight RPG-7 launchers" count one model: listed-things.ts modelOf)
    if (d === undefined) dimensions.set(m, (d = m.q.unit === 'count' || m.q.unit === 'people' ? (measureDimension(m.sent)(m.q) ?? `n:${(modelOf(m.sent, m.q) ?? m.q.counted ?? '').toLowerCase().replace(/s$/, '')}`) : m.q.unit));
    return d;
  };
  const sameValue = (c: QMention, m: QMention) => written(c) === written(m) && dimension(c) === dimension(m);
  // (when the sides name whose figure they dispute, a sentence that names none of them may give another's:
  // "His 14 points bettered his career high" beside "Richard Carter scored 14 points")
  const whose = (c: QMention) => !holders.size || namesHolder(c.sent, holders);
  const compatible = (c: QMention, m: QMention) => whose(c) && !namesOthers(c.sent, m.sent) && !namesOtherPlaces(c.sent, m.sent);
  // (the holder first: read once per figure, where one fact compares two sentences)
  const linked = (c: QMention, m: QMention) => compatible(c, m) && (namesHolder(c.sent, holders) || oneFact(al, c.sent, m.sent));
  // (then through a gathered figure: one fact, or its own slot, which already says the two are one thing)
  const again = (c: QMention, g: QMention) => compatible(c, g) && ((!!c.slot && c.slot === g.slot) || oneFact(al, c.sent, g.sent));
  gatherSides(sides.map((x) => x.members), candidates, sameValue, linked, again);
}

/** A figure's value as it is written: number, unit and qualifier (what gathering matches on). */
const written = (m: QMention) => `${m.q.value}|${m.q.unit}|${m.q.qualifier}`;
/** A figure's number and unit: what its written value keeps when a bare restatement is read as a bound (evolving.ts readBareAsBound changes only the qualifier). */
const numberOf = (m: QMention) => `${m.q.value}|${m.q.unit}`;

/** The loose figures in story order, and their places in it by number and unit. */
export interface LooseFigures {
  list: QMention[];
  at: Map<string, number[]>;
}
export function byNumber(list: QMention[]): LooseFigures {
  const at = new Map<string, number[]>();
  list.forEach((m, i) => {
    const k = numberOf(m);
    const l = at.get(k);
    if (l) l.push(i);
    else at.set(k, [i]);
  });
  return { list, at };
}

/**
 * The loose figures that write one of `values` (written), in story order: read through their
 * number and unit, not by a scan of every loose figure of the story for each conflict.
 */
export function figuresWriting(loose: LooseFigures, values: Set<string>): QMention[] {
  const places: number[] = [];
  const numbers = new Set<string>();
  for (const v of values) numbers.add(v.slice(0, v.lastIndexOf('|')));
  for (const k of numbers) for (const i of loose.at.get(k) ?? []) if (values.has(written(loose.list[i]))) places.push(i);
  return places.sort((a, b) => a - b).map((i) => loose.list[i]);
}

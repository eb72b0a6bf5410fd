/**
 * Figure pairs: two figures of one unit, in sentences of two independent sources that the alignment
 * relates (one fact cluster, or close wording), with different values, described by features a
 * learned decision reads (scripts/train-figure-pairs.ts). No feature names a word of a story: each is
 * a reading of the parse, the slots, the alignment or the values.
 */
import type { Quantity } from '../src/model/types.js';
import { actClass } from '../src/compare/act-classes.js';
import type { Alignment } from '../src/compare/facts.js';
import { figureHolder, otherHolder } from '../src/compare/figure-holders.js';
import type { Sent, StoryView } from '../src/compare/prepare.js';
import { namesOthers } from '../src/compare/sides.js';
import { backgroundSentences, inLead, storyEventDay } from '../src/compare/background.js';
import { isHedged, partOf } from '../src/compare/figure-parts.js';
import { figureSlots, type Slot } from '../src/compare/slots.js';
import { countedNoun, figureTokens, figureVerb, parseOf, relOf } from '../src/compare/syntax.js';

/** One figure of the story with the slot the cross-check gives it (null: not compared). */
export interface PairFigure {
  sent: Sent;
  q: Quantity;
  slot: Slot | null;
}

export interface FigurePair {
  a: PairFigure;
  b: PairFigure;
  /** Feature name → value (0/1 flags and a few real values). */
  x: Record<string, number>;
}

/** Sentences less alike than this are not read as telling one thing (below the alignment's own "close wording"). */
export const PAIR_MIN_SIM = 0.1;
/** Words on each side of the figure whose lemmas describe what it measures. */
const CONTEXT = 4;

/** Figures of the story and, per article, the values it gives in each unit (to see whether it also tells the other value). */
function figuresOf(story: StoryView): { figures: PairFigure[]; valuesOf: Map<string, Set<string>> } {
  const figures = figureSlots(story).filter((f) => f.q.value > 0);
  const valuesOf = new Map<string, Set<string>>();
  for (const f of figures) {
    const k = `${f.sent.art.id}|${f.q.unit}`;
    if (!valuesOf.has(k)) valuesOf.set(k, new Set());
    valuesOf.get(k)!.add(String(f.q.value));
  }
  return { figures, valuesOf };
}

/** Every candidate pair of the story, with its features, in a deterministic order. */
export function figurePairs(story: StoryView, al: Alignment, minSim = PAIR_MIN_SIM): FigurePair[] {
  const { figures, valuesOf } = figuresOf(story);
  const eventDay = storyEventDay(story.articles);
  const background = new Map(story.articles.map((a) => [a.id, backgroundSentences(a.sentences, eventDay)]));
  const told = (f: PairFigure) => (background.get(f.sent.art.id)?.get(f.sent.index) ?? 'none') !== 'none';
  // how many articles tell each value of a unit: a disputed figure is told by several on each side
  const articlesOf = new Map<string, Set<string>>();
  for (const f of figures) {
    const k = `${f.q.unit}|${f.q.value}`;
    if (!articlesOf.has(k)) articlesOf.set(k, new Set());
    articlesOf.get(k)!.add(f.sent.art.id);
  }
  const spread = (f: PairFigure) => Math.min(3, articlesOf.get(`${f.q.unit}|${f.q.value}`)?.size ?? 1) / 3;
  const byUnit = new Map<string, PairFigure[]>();
  for (const f of figures) {
    if (!byUnit.has(f.q.unit)) byUnit.set(f.q.unit, []);
    byUnit.get(f.q.unit)!.push(f);
  }
  const out: FigurePair[] = [];
  const simCache = new Map<string, number>();
  for (const list of byUnit.values())
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = list[i].sent.art.id < list[j].sent.art.id ? [list[i], list[j]] : [list[j], list[i]];
        if (a.sent.art.group === b.sent.art.group || a.q.value === b.q.value) continue;
        const key = `${a.sent.id}|${b.sent.id}`;
        let sim = simCache.get(key);
        if (sim === undefined) simCache.set(key, (sim = al.sim(a.sent, b.sent)));
        const cluster = al.clusterOf.get(a.sent.id);
        const sameCluster = cluster !== undefined && cluster === al.clusterOf.get(b.sent.id);
        if (sim < minSim && !sameCluster) continue;
        const x = pairFeatures(a, b, sim, sameCluster, sameClaimFact(al, cluster, a.sent, b.sent), valuesOf);
        x.background = told(a) || told(b) ? 1 : 0;
        x.spread = Math.min(spread(a), spread(b));
        out.push({ a, b, x });
      }
  return out;
}

function sameClaimFact(al: Alignment, cluster: number | undefined, a: Sent, b: Sent): boolean {
  if (cluster === undefined) return false;
  return al.clusters[cluster].facts.some((f) => f.members.includes(a) && f.members.includes(b));
}

/** The noun a figure counts or measures: by the parse, else analyse's counted word. */
export const figureNoun = (f: PairFigure): string | null => countedNoun(f.sent, f.q) ?? f.q.counted?.toLowerCase() ?? null;

/** How one figure reads: its noun, verb and the verb's class, its relation, the lemmas around it. */
function reading(f: PairFigure) {
  const tokens = parseOf(f.sent.art);
  const noun = figureNoun(f);
  const verb = figureVerb(f.sent, f.q);
  const fig = tokens && figureTokens(tokens, f.q);
  const context = new Set<string>();
  let rel: string | null = null;
  if (tokens && fig) {
    rel = relOf(tokens[fig.noun]);
    for (let k = Math.max(0, fig.num - CONTEXT); k <= Math.min(tokens.length - 1, fig.num + CONTEXT); k++) {
      const t = tokens[k];
      if (t.sentence !== tokens[fig.num].sentence || k === fig.num) continue;
      if (['NOUN', 'VERB', 'ADJ', 'PROPN'].includes(t.upos)) context.add(t.lemma.toLowerCase());
    }
  }
  return { noun, verb, cls: verb ? actClass(verb) : null, rel, context };
}

const QUALIFIED_BOUND = new Set(['more-than', 'at-least', 'less-than', 'at-most']);

function pairFeatures(a: PairFigure, b: PairFigure, sim: number, sameCluster: boolean, sameFact: boolean, valuesOf: Map<string, Set<string>>): Record<string, number> {
  const ra = reading(a);
  const rb = reading(b);
  const flag = (v: boolean) => (v ? 1 : 0);
  const lo = Math.min(a.q.value, b.q.value);
  const hi = Math.max(a.q.value, b.q.value);
  const inter = [...ra.context].filter((w) => rb.context.has(w)).length;
  const union = new Set([...ra.context, ...rb.context]).size;
  const unit = a.q.unit;
  const toldBoth = (f: PairFigure, other: PairFigure) => valuesOf.get(`${f.sent.art.id}|${unit}`)?.has(String(other.q.value)) ?? false;
  return {
    bias: 1,
    sim,
    sameCluster: flag(sameCluster),
    sameFact: flag(sameFact),
    bothLead: flag(inLead(a.sent) && inLead(b.sent)),
    oneLead: flag(inLead(a.sent) !== inLead(b.sent)),
    logRatio: Math.min(3, Math.log(hi / lo)),
    tenApart: flag(hi > 10 * lo),
    bound: flag(QUALIFIED_BOUND.has(a.q.qualifier) || QUALIFIED_BOUND.has(b.q.qualifier)),
    approx: flag(a.q.qualifier !== 'exact' || b.q.qualifier !== 'exact'),
    unitPeople: flag(unit === 'people'),
    unitCount: flag(unit === 'count'),
    unitMoney: flag(/^[A-Z]{3}$/.test(unit)),
    unitDuration: flag(unit === 'h'),
    unitOther: flag(!['people', 'count', 'h'].includes(unit) && !/^[A-Z]{3}$/.test(unit)),
    nounSame: flag(!!ra.noun && ra.noun === rb.noun),
    nounNone: flag(!ra.noun || !rb.noun),
    verbSame: flag(!!ra.verb && ra.verb === rb.verb),
    classSame: flag(!!ra.cls && ra.cls === rb.cls),
    verbNone: flag(!ra.verb || !rb.verb),
    relSame: flag(!!ra.rel && ra.rel === rb.rel),
    context: union ? inter / union : 0,
    slotBoth: flag(!!a.slot && !!b.slot),
    slotOne: flag(!!a.slot !== !!b.slot),
    slotSame: flag(!!a.slot && a.slot.key === b.slot?.key),
    slotApart: flag(!!a.slot && !!b.slot && a.slot.key !== b.slot.key),
    part: flag(partOf(a.sent, a.q) !== null || partOf(b.sent, b.q) !== null),
    hedged: flag(isHedged(a.sent, a.q) || isHedged(b.sent, b.q)),
    toldBoth: flag(toldBoth(a, b) || toldBoth(b, a)),
    holderApart: flag(otherHolder(figureHolder(a.sent, a.q), figureHolder(b.sent, b.q))),
    namesOthers: flag(namesOthers(a.sent, b.sent)),
    manyFigures: Math.min(4, a.sent.quantities.length + b.sent.quantities.length - 2) / 4,
  };
}

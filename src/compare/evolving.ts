/**
 * Evolving figures (issue 15): a total that can only grow while an event unfolds, told higher in
 * articles published on later days, is a sequence with times ("3 dead" on Tuesday, "9 dead" on
 * Wednesday), not a disagreement. `conflicts.ts` asks here, for each slot whose sides disagree,
 * whether the slot is such a total and how its sides stand in time:
 * - every disagreeing pair rises (the lower value's articles all published on earlier days than the
 *   higher value's): an `EvolvingFigure`, instead of a conflict;
 * - a pair falls (a lower value in a later article): the conflict stays, noted;
 * - a pair has an undated article: the conflict stays, noted (it may be an update);
 * - a pair's values were published on one day: the conflict stays.
 * Which totals grow is read from the slot's key (the frame of what happened to people, a count of
 * the story's things, an estimated value), never from a story's words.
 */
import type { Quantity } from '../model/types.js';
import { shortHash } from '../util/hash.js';
import type { Sent, StoryView } from './prepare.js';
import { cmp } from './text.js';
import type { ConflictSide, EvolvingFigure, EvolvingStep } from './types.js';

/**
 * Slots of totals that only grow while an event unfolds (keys from slots.ts and counts.ts):
 * - `people|<frame>` for what happened to people that is counted up as it is found out: deaths,
 *   injured, missing, arrested, evacuated, homeless, rescued (not protesters, a crowd counted at one
 *   time and place; not a population or a parent's children, which do not change with the news);
 * - `count|<noun>|…`: a count of the things an act of the story hit (cables cut, homes destroyed);
 * - `money|<currency>|value…`: an estimated value (damage, a haul), not a price, fine or bail (one
 *   sum agreed), nor a rate (`|per year`).
 */
const GROWING = /^(?:people\|(?:deaths|injured|missing|arrested|evacuated|homeless|rescued)(?:\||$)|count\||money\|[A-Z]{3}\|value(?!\|per )(?:\||$))/;

export function growsWhileUnfolding(slot: string): boolean {
  return GROWING.test(slot);
}

/**
 * A running total an article gives as a lower bound and then bare ("killing at least three people",
 * then "three people killed") is one bound told twice: the bare figure restates the article's own
 * hedge (the count so far), not an exact count that a higher total elsewhere would contradict. Each
 * such bare figure of a growing slot takes the bound's qualifier and interval, in a copy of the mention
 * (the slot's reading elsewhere is left as it is). Another article's bare figure keeps its own.
 */
export function readBareAsBound<M extends { sent: { art: { id: string } }; q: Quantity; low: number; high: number }>(ms: M[]): M[] {
  const bounds = new Map<string, { low: number; high: number }>();
  for (const m of ms) if (m.q.qualifier === 'at-least') bounds.set(`${m.sent.art.id}|${m.q.value}|${m.q.unit}`, { low: m.low, high: m.high });
  if (!bounds.size) return ms;
  return ms.map((m) => {
    const bound = m.q.qualifier === 'exact' ? bounds.get(`${m.sent.art.id}|${m.q.value}|${m.q.unit}`) : undefined;
    return bound ? { ...m, q: { ...m.q, qualifier: 'at-least' }, low: bound.low, high: bound.high } : m;
  });
}

/** A side of a slot as its timing is read: the interval its value allows, its articles' publication days (YYYY-MM-DD or null). */
export interface TimedSide {
  low: number;
  high: number;
  days: (string | null)[];
}

/** How two disagreeing sides stand in time; null when their values overlap (nothing to order). */
export type Timing = 'rises' | 'falls' | 'same-day' | 'undated';

export function pairTiming(a: TimedSide, b: TimedSide): Timing | null {
  const [lower, higher] = a.high < b.low ? [a, b] : b.high < a.low ? [b, a] : [null, null];
  if (!lower || !higher) return null;
  if (lower.days.some((d) => !d) || higher.days.some((d) => !d)) return 'undated';
  const lo = lower.days as string[];
  const hi = higher.days as string[];
  // (days as YYYY-MM-DD compare as strings)
  if (lo.some((x) => hi.some((y) => x > y))) return 'falls';
  if (lo.some((x) => hi.includes(x))) return 'same-day';
  return 'rises';
}

const TIMING_NOTE: Partial<Record<Timing, string>> = {
  falls: 'lower in a later article',
  undated: 'publication times unknown: may be an update',
};

/**
 * The timing of a growing slot's disagreeing pairs: `rises` when every one rises and no two sides
 * fall (also among pairs the slot does not compare: the sequence must not go down), else the notes
 * the conflict carries (a fall first, then unknown times; a same-day difference needs none).
 */
export function slotTiming(sides: TimedSide[], pairs: { a: number; b: number; severity: string }[]): { rises: boolean; notes: string[] } {
  const timings = new Set(pairs.filter((p) => p.severity === 'conflict').map((p) => pairTiming(sides[p.a], sides[p.b])));
  const falls = sides.some((x, i) => sides.some((y, j) => j > i && pairTiming(x, y) === 'falls'));
  if (falls) timings.add('falls');
  const rises = timings.size === 1 && timings.has('rises');
  const notes = (['falls', 'undated'] as const).filter((t) => timings.has(t)).map((t) => TIMING_NOTE[t]!);
  return { rises, notes };
}

/**
 * The evolving figure of a slot from its sides (as a conflict would show them): one step per side,
 * in order of first publication day, then value. The id hashes the slot and the steps (values,
 * days, article ids), so it does not depend on the articles' order.
 */
export function evolvingFigure(story: StoryView, slot: string, label: string, kind: EvolvingFigure['kind'], sides: ConflictSide[]): EvolvingFigure {
  const steps: EvolvingStep[] = sides.map((side) => ({
    value: side.value,
    normalized: side.normalized,
    published: side.articles.map((id) => story.byId.get(id)?.published ?? '').sort(cmp)[0] ?? '',
    wordings: side.wordings,
    articles: side.articles,
    outlets: side.outlets,
    evidence: side.evidence,
  }));
  steps.sort((x, y) => cmp(x.published, y.published) || (x.normalized.value ?? 0) - (y.normalized.value ?? 0) || cmp(x.articles.join(), y.articles.join()));
  const id = `E${shortHash([slot, ...steps.map((s) => `${s.published} ${s.value} ${s.articles.join(',')}`)].join('\n'))}`;
  return { id, kind, slot, label, steps };
}

/** Evolving figures in a stable order: by what they measure, then id. */
export function sortEvolving(figures: EvolvingFigure[]): EvolvingFigure[] {
  return figures.sort((a, b) => cmp(a.label, b.label) || cmp(a.id, b.id));
}

/**
 * A fact whose sentences give different steps of one evolving figure ("Nine people were killed" on
 * Wednesday, "Fourteen people were killed" on Thursday, aligned as one statement) is split by step:
 * the sentences of the central sentence's step (and those giving no step) stay, each other step's
 * sentences are a fact of their own. Otherwise "nine people were killed" would read as stated by
 * both outlets. `sentOf` finds the sentence a piece of evidence quotes.
 */
export function splitFactsBySteps<D extends { sents: Sent[]; central: Sent; cluster: number | null }>(drafts: D[], figures: EvolvingFigure[], sentOf: (e: EvolvingStep['evidence'][number]) => Sent | undefined): D[] {
  if (!figures.length) return drafts;
  const stepOf = new Map<Sent, Map<string, number>>();
  for (const f of figures)
    f.steps.forEach((step, i) => {
      for (const e of step.evidence) {
        const s = sentOf(e);
        if (s) (stepOf.get(s) ?? stepOf.set(s, new Map()).get(s)!).set(f.id, i);
      }
    });
  const out: D[] = [];
  for (const d of drafts) {
    const figure = d.sents.length > 1 ? figures.find((f) => new Set(d.sents.map((s) => stepOf.get(s)?.get(f.id)).filter((i) => i !== undefined)).size > 1) : undefined;
    if (!figure) {
      out.push(d);
      continue;
    }
    const own = stepOf.get(d.central)?.get(figure.id);
    const parts = new Map<number | undefined, Sent[]>();
    for (const s of d.sents) {
      const i = stepOf.get(s)?.get(figure.id);
      const k = i === undefined ? own : i;
      (parts.get(k) ?? parts.set(k, []).get(k)!).push(s);
    }
    for (const [k, sents] of parts) out.push(k === own ? { ...d, sents } : { ...d, sents, central: sents[0], cluster: null });
  }
  return out;
}

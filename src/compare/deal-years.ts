/**
 * The year of one deal told by its price: "sold the mill for a reported $12 million in 1961" in one
 * outlet, "the mill, which the family sold for $12 million in 1971" in another. One verb with one
 * price is one deal, whoever each outlet names as its party (the son, "the family", a passive "it"
 * naming no one); two independent outlets that date it in two years disagree about a date.
 *
 * The dated-act slots miss these: the parser hangs the year on "reported" or "estimated" in "for a
 * reported $12 million in 1961" (a participle modifying the price, which dated-acts.ts takes for an
 * act of saying), and a deal told in the past with no person named as its party is in no act slot.
 * So the reading is on the words: "VERB ... for [a|an] [one word] PRICE in YEAR", the price a sum
 * of money analyse read, the year one it read right after it, the verb the one the words put
 * before "for" in its clause (dated-acts.ts verbBefore), stating a fact (no modal, no negation).
 *
 * Held apart: two sentences that name people and share none (two players each "signed for $1
 * million", in two years); one article that gives one deal two years (two deals at one price).
 */
import { notFact, verbBefore } from './dated-acts.js';
import type { StoryView } from './prepare.js';
import { MAX_PER_SLOT } from './sides.js';
import { kidsOf, parseOf } from './syntax.js';
import { clean, cmp } from './text.js';
import type { Conflict } from './types.js';
import { yearConflict, type YearMention } from './work-years.js';

interface DealYear extends YearMention {
  /** The verb's lemma and the price, exactly as read ("sell|USD:12000000"). */
  slot: string;
  price: string;
  /** The people its sentence names (entity keys). */
  people: ReadonlySet<string>;
}

/** "for", an article and one word ("a reported", "an estimated") before the price. */
const FOR_BEFORE = /\bfor\s+(?:(?:a|an)\s+)?(?:[a-z]+\s+)?$/;
const IN_AFTER = /^\s+in\s+/;
/** Words walked back from "for" to its verb ("sold one of the family's three old sawmills for"). */
const VERB_REACH = 12;
/** A sum of money: analyse writes its unit as a currency code (USD, EUR). */
const isMoney = (unit: string) => /^[A-Z]{3}$/.test(unit);

function dealYears(story: StoryView): DealYear[] {
  const out: DealYear[] = [];
  for (const s of story.sentences) {
    const tokens = parseOf(s.art);
    if (!tokens || !s.quantities.length || !s.times.length) continue;
    const text = s.art.text;
    // (the years by where they start: each price looks up the one right after its "in", linear in the sentence)
    let people: Set<string> | undefined;
    const yearAt = new Map(s.times.filter((x) => x.kind === 'year' && /^\d{4}$/.test(x.text)).map((x) => [x.span.start, x] as const));
    for (const q of s.quantities) {
      if (!isMoney(q.unit)) continue;
      const before = FOR_BEFORE.exec(text.slice(Math.max(s.span.start, q.span.start - 30), q.span.start));
      const gap = IN_AFTER.exec(text.slice(q.span.end, Math.min(s.span.end, q.span.end + 8)));
      const t = gap ? yearAt.get(q.span.end + gap[0].length) : undefined;
      if (!before || !t) continue;
      const v = verbBefore(tokens, q.span.start - before[0].length, VERB_REACH);
      if (v < 0 || notFact(tokens, kidsOf(tokens), v)) continue;
      people ??= new Set(s.entities.filter((e) => e.type === 'PER').map((e) => e.key));
      out.push({ sent: s, slot: `${tokens[v].lemma.toLowerCase()}|${q.unit}:${q.value}`, price: clean(q.text), year: t.text, span: { ...t.span }, people });
    }
  }
  return out;
}

/** Two mentions that name people and share none tell two deals. */
const otherPeople = (a: DealYear, b: DealYear) => a.people.size > 0 && b.people.size > 0 && ![...a.people].some((k) => b.people.has(k));

/** Conflicts over the year of one deal (one verb, one price), between independent outlets. */
export function dealYearConflicts(story: StoryView): Conflict[] {
  const bySlot = new Map<string, DealYear[]>();
  for (const m of dealYears(story)) (bySlot.get(m.slot) ?? bySlot.set(m.slot, []).get(m.slot)!).push(m);
  const out: Conflict[] = [];
  for (const slot of [...bySlot.keys()].sort(cmp)) {
    // (at most MAX_PER_SLOT mentions of one deal, the first in story order, are compared pairwise for their people)
    const ms = bySlot.get(slot)!.sort((a, b) => cmp(a.sent.id, b.sent.id) || a.span.start - b.span.start).slice(0, MAX_PER_SLOT);
    if (ms.some((m) => ms.some((o) => o.year !== m.year && otherPeople(m, o)))) continue;
    const c = yearConflict(story, ms, `year of the act "${slot.split('|')[0]}" for ${ms[0].price}`, 'one deal at one price');
    if (c) out.push(c);
  }
  return out;
}

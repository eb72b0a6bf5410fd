/**
 * Debugging aid: every figure of a fixture story with the slot the cross-check gives it (or why
 * none). `node --import tsx scripts/dump-slots.ts <fixture-folder-name>`; `--dates`, `--clock` and
 * `--acts` list the leads' dated acts, the clock times, and the dated acts read from the parse.
 * `--funnel [--split dev|heldout]` counts, over the ECB+ fixtures, where annotated conflicts and the
 * story's figures and times are lost, stage by stage (counts only: safe on the held-out split).
 * `--funnel --split dev --list` also prints, per side figure and per pair of dated acts that share
 * no key, the fixture, the conflict and the words (dev only: it shows text).
 */
import type { Quantity } from '../src/model/types.js';
import { crossCheckStory } from '../src/compare/index.js';
import { alignFacts, statesOneFact } from '../src/compare/facts.js';
import { HAPPENED_TO_PEOPLE } from '../src/compare/quantity-frames.js';
import { prepareStory, type Sent, sentText } from '../src/compare/prepare.js';
import { actAt, actorKeys } from '../src/compare/date-conflicts.js';
import { inLead } from '../src/compare/background.js';
import { isHedged, partOf } from '../src/compare/figure-parts.js';
import { figureSlots, measureDimension, slotIgnoringParts, slotOf } from '../src/compare/slots.js';
import { measureStage } from '../src/compare/measures.js';
import { countedArgument, countedNoun } from '../src/compare/syntax.js';
import { actClass } from '../src/compare/act-classes.js';
import { MAYBE_NUMBER } from '../src/text/numbers.js';
import { actOfTime, actSlots, datedActs } from '../src/compare/dated-acts.js';
import { datesEvent, storyEvent, storyEventWhy } from '../src/compare/story-event.js';
import { loadFixtures, loadStory, scoreStory } from './eval-crosscheck.js';
import { conflictHolds, type MatchContext } from './conflict-match.js';

const name = process.argv[2] ?? '';
const MODES = ['--dates', '--clock', '--acts', '--funnel'];
for (const f of loadFixtures().filter((g) => g.name === name && !MODES.some((m) => process.argv.includes(m)))) {
  const { articles } = loadStory(f);
  const story = prepareStory({ articles, copies: [] });
  // as the cross-check reads them
  for (const { sent: s, q, slot } of figureSlots(story)) {
    const text = s.art.text.slice(Math.max(s.span.start, q.span.start - 40), Math.min(s.span.end, q.span.end + 40)).replace(/\s+/g, ' ');
    console.log(`${s.art.id}\t${q.value}\t${q.unit}\t${q.qualifier}\t${q.counted}\t${slot ? slot.key : '-'}\t${text}`);
  }
}

// dates: `... dump-slots.ts <fixture> --dates` lists every dated act of the leads
if (process.argv.includes('--dates'))
  for (const f of loadFixtures().filter((g) => g.name === name)) {
    const { articles } = loadStory(f);
    const story = prepareStory({ articles, copies: [] });
    for (const s of story.sentences)
      for (const t of s.times) {
        const act = actAt(s, t);
        const text = s.art.text.slice(Math.max(s.span.start, t.span.start - 50), Math.min(s.span.end, t.span.end + 30)).replace(/\s+/g, ' ');
        console.log(`${s.art.id.slice(0, 8)}\t${s.index}\t${inLead(s) ? 'lead' : ''}\t${t.kind}\t${t.resolved}\t${act?.cls ?? '-'}\t${[...actorKeys(s, t)].join(',')}\t${text}`);
      }
  }

// times of day: `... dump-slots.ts <fixture> --clock` lists every clock time with its actors and the verb it modifies
if (process.argv.includes('--clock'))
  for (const f of loadFixtures().filter((g) => g.name === name)) {
    const { articles } = loadStory(f);
    const story = prepareStory({ articles, copies: [] });
    for (const s of story.sentences)
      for (const t of s.times) {
        if (t.kind !== 'time' && t.kind !== 'datetime') continue;
        const text = s.art.text.slice(Math.max(s.span.start, t.span.start - 60), Math.min(s.span.end, t.span.end + 30)).replace(/\s+/g, ' ');
        console.log(`${s.art.id.slice(0, 8)}\t${s.index}\t${t.resolved}\t${[...actorKeys(s, t)].join(',')}\t${text}`);
      }
  }

// dated acts by the parse: `... dump-slots.ts <fixture> --acts` lists every time with the act it
// dates (lemma, whether a fact, agents, patients) and the slot keys it is compared under
if (process.argv.includes('--acts'))
  for (const f of loadFixtures().filter((g) => g.name === name)) {
    const { articles } = loadStory(f);
    const story = prepareStory({ articles, copies: [] });
    for (const s of story.sentences)
      for (const t of s.times) {
        const a = actOfTime(s, t);
        const slots = datedActs(s, inLead(s)).filter((x) => x.t === t).flatMap(actSlots);
        const text = s.art.text.slice(Math.max(s.span.start, t.span.start - 60), Math.min(s.span.end, t.span.end + 30)).replace(/\s+/g, ' ');
        const act = a ? `${a.lemma}${a.fact ? '' : ' (not a fact)'}${a.byNoun ? ' (by its noun)' : ''}\t${[...a.agents].join(',')}\t${[...a.patients].join(',')}` : '-\t\t';
        console.log(`${s.art.id.slice(0, 8)}\t${s.index}\t${inLead(s) ? 'lead' : ''}\t${t.kind}\t${t.resolved}\t${act}\t${slots.join(';')}\t${text}`);
      }
  }

// ---- funnel: `... dump-slots.ts --funnel [--split dev|heldout]` ---------------------------------
// Where the cross-check loses the annotated conflicts, stage by stage, as counts only (no text, so
// the held-out split can be measured without reading it). Two funnels:
// - gold: per annotated conflict (by kind), whether its sides' sentences are found, hold a value the
//   cross-check reads (a figure, a time), give it a slot, and whether two sides share a slot key;
// - system: every figure and time of the stories, by slot family: read, given a slot, slot keys
//   held by two or more independent sources, and the conflicts reported, by kind.
if (process.argv.includes('--funnel')) funnel();

function bump(m: Map<string, number>, k: string, n = 1) {
  m.set(k, (m.get(k) ?? 0) + n);
}

/** The slot family of a figure's key ("people|deaths" → "people|deaths", "age|roe" → "age"). */
function family(key: string): string {
  const [a, b] = key.split('|');
  return a === 'people' || a === 'count' || a === 'money' || a === 'since' || a === 'term' ? `${a}|${a === 'count' || a === 'money' ? (a === 'count' ? '*' : b) : b}` : a;
}

/**
 * How two figure keys of two sides differ, as a shape (no words of the story): their families when those differ
 * ("count|* / people|protesters", "h / measure"); for two counts (`count|noun|act|subset`) which parts differ and
 * whether an act is a frame of what happened to people; for two people slots their frames; else "same family, other
 * holder or part"; and whether the two sentences state one fact (what a join by fact needs).
 */
function keyPairShape(a: { key: string; sent: Sent }, b: { key: string; sent: Sent }, al: ReturnType<typeof alignFacts>): string {
  const [fa, fb] = [family(a.key), family(b.key)];
  const fact = a.sent.art.id === b.sent.art.id ? 'one article' : statesOneFact(al, a.sent, b.sent) ? 'one fact' : 'not one fact';
  if (fa !== fb) return `${[fa, fb].sort().join(' / ')} (${fact})`;
  const [pa, pb] = [a.key.split('|'), b.key.split('|')];
  if (pa[0] === 'count') {
    const parts = (['noun', 'act', 'subset'] as const).filter((_, i) => (pa[i + 1] ?? '') !== (pb[i + 1] ?? ''));
    const frames = [pa[2], pb[2]].filter((x) => HAPPENED_TO_PEOPLE.has(x ?? '')).length;
    const acts = [pa[2], pb[2]].filter((x) => x === '-').length;
    return `count|*: other ${parts.join('+') || 'nothing'}${frames ? `, ${frames} a people frame` : ''}${acts ? `, ${acts} with no act` : ''} (${fact})`;
  }
  if (pa[0] === 'people') return `people: ${pa[1] === pb[1] ? 'same frame, other rest' : 'other frames'} (${fact})`;
  return `${fa}: same family, other holder or part (${fact})`;
}

/** The shapes of every pair of two sides' figure keys, sorted and unique (keyPairShape). */
function keyPairShapes(sides: { key: string; sent: Sent }[][], al: ReturnType<typeof alignFacts>): string[] {
  const out = new Set<string>();
  for (let i = 0; i < sides.length; i++) for (let j = i + 1; j < sides.length; j++) for (const a of sides[i]) for (const b of sides[j]) out.add(keyPairShape(a, b, al));
  return out.size ? [...out].sort() : ['no figure key on two sides (times)'];
}

/** Why a figure has no slot: a part or increment, hedged, a background sentence, or no word saying what it measures. */
function noSlotWhy(s: Sent, q: Quantity, withSlot: boolean): string {
  if (withSlot) return 'slot';
  const part = partOf(s, q);
  const unparted = slotIgnoringParts(s, q);
  if (part) return `no slot: part/increment (${part}), else ${unparted ? family(unparted.key) : `none${q.unit === 'people' || q.unit === 'count' ? ` (${countParse(s, q)})` : ''}`}`;
  if (isHedged(s, q)) return 'no slot: hedged';
  if (slotOf(s, q, 'none')) return 'no slot: background/other day';
  // a measure (src/compare/measures.ts): what it modifies or is an argument of, and whether a holder is named
  const measure = measureStage(s, q, measureDimension(s));
  if (q.unit !== 'people' && q.unit !== 'count') return `no slot: nothing says what it measures (${q.unit}; ${measure})`;
  if (measure !== 'not a measure') return `no slot: nothing says what it measures (count; ${measure})`;
  // a count: how far the parse gets (the counted noun, the verb it is an argument of, whether the act class lexicon lists it)
  return `no slot: nothing says what it measures (count; ${countParse(s, q)})`;
}

/** How far the parse gets for a count: lead or body, the counted noun, the verb it is an argument of, whether the act class lexicon lists it. */
function countParse(s: Sent, q: Quantity): string {
  const arg = countedArgument(s, q);
  const parse = arg ? `noun+verb${actClass(arg.verb) !== arg.verb ? ' (listed act)' : ''}` : countedNoun(s, q) ? 'noun, no verb' : 'no counted noun';
  return `${inLead(s) ? 'lead' : 'body'}; ${parse}`;
}

/** The form of an annotated value the analysers read no figure or time in: digits, a number word, an ordinal, or none of these. */
function snippetShape(snip: string): string {
  if (/\d/.test(snip)) return `digits: ${digitShape(snip)}`;
  if (/\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b/i.test(snip)) return 'ordinal';
  if (MAYBE_NUMBER.test(snip) || /\b(?:a|an)\s+(?:dozen|couple|pair|score)\b/i.test(snip)) return 'number word';
  return 'no number';
}

/** The form of digits no figure is read in (counts only): a year, a clock time, a record or score ("45-1"), digits joined to letters ("F-16s", "9th"), or plain digits. */
function digitShape(snip: string): string {
  if (/\b\d{1,2}:\d\d\b/.test(snip)) return 'clock';
  if (/\b\d+\s*[-–]\s*\d+\b/.test(snip)) return 'N-N';
  if (/\d(?:st|nd|rd|th)\b/i.test(snip)) return 'ordinal digits';
  if (/\p{L}-?\d|\d\p{L}/u.test(snip)) return 'digits joined to letters';
  if (/\b(?:1[89]|20)\d\d\b/.test(snip)) return 'year';
  if (/[$€£¥₹]|\d\s*%/.test(snip)) return 'money or percent';
  return 'plain';
}

/** The article's first prose sentence, and whether a sentence names one day (as conflicts.ts oneFactInLeads reads them). */
function first(s: Sent): boolean {
  return s.art.sentences.find(inLead) === s;
}
function oneDay(s: Sent): boolean {
  return s.times.filter((t) => t.kind === 'weekday' || t.kind === 'date' || t.kind === 'datetime' || (t.kind === 'relative' && /^day:/.test(t.anchor ?? ''))).length === 1;
}

/** Why a time dates no act that is a slot: no act by the parse, not a fact, an act of saying, or no one named. */
/** Two values under one key that differ: figures (in the slot's unit) not equal; times neither of which is the other at a coarser grain ("2005" and "2005-05-30" agree). */
function valuesApart(x: string, y: string): boolean {
  const [a, b] = [Number(x), Number(y)];
  if (Number.isFinite(a) && Number.isFinite(b) && !/^\d{4}-/.test(x) && !/^\d{4}-/.test(y)) return Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a));
  return !x.startsWith(y) && !y.startsWith(x);
}

function actWhy(a: ReturnType<typeof actOfTime>): string {
  return !a ? 'no act by parse' : !a.fact ? 'not a fact' : a.speech ? 'saying' : a.agents.size || a.patients.size ? 'in the body, no one named' : 'no one named';
}

function funnel() {
  const split = process.argv.includes('--split') ? process.argv[process.argv.indexOf('--split') + 1] : '';
  // listing shows the held-out text: dev only
  const list = process.argv.includes('--list');
  if (list && split !== 'dev') throw new Error('--list shows text: use it with --split dev only');
  const gold = new Map<string, number>();
  const sys = new Map<string, number>();
  const reported = new Map<string, number>();
  // per missed conflict, the furthest stage its sides reach (kind x stage: the stage table in src/compare/NOTES.md)
  const missedAt = new Map<string, number>();
  // per missed conflict stuck at stage 2, the causes of all its sides together: a side that gains a slot
  // completes nothing while its partner has none (conj29), so a next step should pick a pair of causes
  const missedPairs = new Map<string, number>();
  // per missed conflict at stage 3 with no key shared, how the sides' figure keys differ (pair by pair): the shape a
  // join of two keys would have to take, counts only (safe on held-out)
  const missedKeyPairs = new Map<string, number>();
  for (const f of loadFixtures().filter((g) => g.name.startsWith('ecb-') && (!split || g.split === split))) {
    const { articles, idOf } = loadStory(f);
    const story = prepareStory({ articles, copies: [] });
    const al = alignFacts(story);
    const slots = figureSlots(story);
    const slotOfQ = new Map(slots.map((x) => [x.q, x.slot]));
    const x = crossCheckStory({ storyId: f.storyId, articles, copies: f.copies.map((g) => g.map((k) => idOf.get(k) ?? k)) });
    const texts = new Map(articles.map((a) => [a.article.docId, a.article.text]));
    const ctx: MatchContext = { idOf, textOf: (id) => texts.get(id) ?? '' };
    // the story's own event (story-event.ts), whose lead dates are one slot whatever verb tells them
    const event = storyEvent(story);
    // (none: no happening named by enough sources' leads, or two tied: storyEvent's tie-break reads datesEvent)
    const noEvent = storyEventWhy(story) === 'tie' ? 'story has none (a tie)' : 'story has none (named by too few)';
    bump(sys, `story event: ${event ? 'found' : noEvent.replace('story has ', '')}`);
    for (const c of x.conflicts) bump(reported, `${c.severity} ${c.kind}`);
    const missed = new Set(scoreStory(f, x, articles, idOf).missed.map((m) => m.replace(/ \(touched; lacks .*$/, '')));
    // system funnel, figures
    const keyArts = new Map<string, Set<string>>();
    for (const { sent, q, slot } of slots) {
      const fam = slot ? family(slot.key) : noSlotWhy(sent, q, false);
      bump(sys, `figures ${slot ? `slot ${fam}` : fam}`);
      if (slot) (keyArts.get(slot.key) ?? keyArts.set(slot.key, new Set()).get(slot.key)!).add(sent.art.id);
    }
    for (const [k, arts] of keyArts) if (story.independent([...arts]) >= 2) bump(sys, `slot keys in >=2 sources ${family(k)}`);
    // system funnel, times
    const actKeys = new Map<string, Set<string>>();
    for (const s of story.sentences)
      for (const t of s.times) {
        bump(sys, `times ${t.kind}`);
        if (t.kind === 'weekday' || t.kind === 'date' || t.kind === 'datetime') {
          const lead = inLead(s);
          const act = actAt(s, t);
          bump(sys, `dates: ${lead ? 'lead' : 'body'} ${act ? 'act class near' : 'no act word near'}${lead && act && actorKeys(s, t).size ? ', actors' : ''}`);
        }
        const parsed = actOfTime(s, t);
        bump(sys, `times by parse: ${!parsed ? 'no act' : !parsed.fact ? 'not a fact' : parsed.speech ? 'saying' : parsed.agents.size || parsed.patients.size ? 'act with participants' : 'act, no one named'}`);
      }
    for (const s of story.sentences) for (const a of datedActs(s, inLead(s))) for (const k of actSlots(a)) (actKeys.get(k) ?? actKeys.set(k, new Set()).get(k)!).add(s.art.id);
    for (const [k, arts] of actKeys) if (story.independent([...arts]) >= 2) bump(sys, `dated-act keys in >=2 sources ${k.split('|')[0] === 'event' ? 'event' : k.split('|')[1]}`);
    // gold funnel
    for (const exp of f.expected.conflicts) {
      const kind = exp.kind ?? 'unmarked';
      bump(gold, `${kind}: conflicts`);
      const sideKeys: Set<string>[] = [];
      // per side, the values it gives under each key (a figure in the slot's unit, a time as resolved)
      const sideValues: Map<string, string[]>[] = [];
      const sideActs: ReturnType<typeof datedActs>[] = [];
      // per side, its figure keys with their sentences (for stage 3's key pairs)
      const sideSlots: { key: string; sent: Sent }[][] = [];
      // per side, its figures with a slot: key, value in the slot's unit, qualifier
      const sideFigures: { key: string; value: number; qualifier: string }[][] = [];
      const stages = new Map<string, number>();
      // per side, why it has no key (or 'slot'): its first figure's or time's reason
      const sideCauses: string[] = [];
      for (const side of exp.sides) {
        const id = idOf.get(side.article);
        const snip = side.contains.toLowerCase();
        const s = story.sentences.find((y) => y.art.id === id && sentText(y).toLowerCase().includes(snip));
        if (!s) {
          bump(stages, 'side sentence not found');
          sideCauses.push('sentence not found');
          continue;
        }
        const at = s.span.start + sentText(s).toLowerCase().indexOf(snip);
        const within = (sp: { start: number; end: number }) => sp.start < at + snip.length && at < sp.end;
        const keys = new Set<string>();
        const values = new Map<string, string[]>();
        const give = (k: string, v: string) => {
          keys.add(k);
          (values.get(k) ?? values.set(k, []).get(k)!).push(v);
        };
        const figures: { key: string; value: number; qualifier: string }[] = [];
        sideFigures.push(figures);
        const slotted: { key: string; sent: Sent }[] = [];
        sideSlots.push(slotted);
        const qs = s.quantities.filter((q) => within(q.span));
        const ts = s.times.filter((t) => within(t.span));
        if (!qs.length && !ts.length) bump(stages, `side: no figure or time read in its words (${snippetShape(side.contains)})`);
        if (list && !qs.length && !ts.length) console.log(`NOREAD\t${f.name}\t${exp.what.slice(0, 60)}\t${snippetShape(side.contains)}\t${side.contains}\t${sentText(s).slice(0, 240)}`);
        for (const q of qs) {
          const slot = slotOfQ.get(q) ?? null;
          bump(stages, `side figure: ${noSlotWhy(s, q, !!slot)}${slot ? ` ${family(slot.key)}` : ''}`);
          if (list) console.log(`FIGURE\t${f.name}\t${exp.what.slice(0, 60)}\t${side.contains}\t${q.value} ${q.unit} ${q.qualifier}\t${slot ? slot.key : noSlotWhy(s, q, false)}`);
          if (slot) give(`q:${slot.key}`, String(q.value * slot.factor));
          if (slot) figures.push({ key: slot.key, value: q.value * slot.factor, qualifier: q.qualifier });
          if (slot) slotted.push({ key: slot.key, sent: s });
        }
        for (const t of ts) {
          const lead = inLead(s);
          const act = actAt(s, t);
          const dated = datedActs(s, lead).filter((a) => a.t === t);
          const clock = t.kind === 'time' || t.kind === 'datetime';
          if (list) console.log(`TIME\t${f.name}\t${exp.what.slice(0, 60)}\t${side.contains}\t${t.kind} ${t.resolved}\t${dated.length ? 'dated act by parse' : `no dated act (${actWhy(actOfTime(s, t))}) ${actOfTime(s, t)?.lemma ?? ''}`}`);
          bump(stages, `side time (${t.kind}): ${dated.length ? 'dated act by parse' : `no dated act (${actWhy(actOfTime(s, t))})`}; ${lead ? (act ? 'lead act class' : 'lead, no act word') : 'not lead'}${clock ? '; clock' : ''}`);
          const when = t.resolved ?? t.text.toLowerCase();
          for (const a of dated) for (const k of actSlots(a)) give(`d:${k}`, when);
          if (dated.length) sideActs.push(dated);
          if (lead && act && actorKeys(s, t).size) give(`l:${act.cls}`, when);
          if (clock) give('clock', when);
          const day = t.kind === 'weekday' || t.kind === 'date' || t.kind === 'datetime' || (t.kind === 'relative' && /^day:/.test(t.anchor ?? ''));
          const dates = !!event && lead && day && datesEvent(s, t, event);
          if (dates) give('story-event', when);
          if (list && event && day && lead && !dates) console.log(`EVENT\t${f.name}\t${event}\t${exp.what.slice(0, 50)}\t${actOfTime(s, t)?.lemma ?? '-'}\t${sentText(s).slice(0, 160)}`);
          bump(stages, `side time, story event: ${!event ? noEvent : !day ? 'not a day' : !lead ? 'a day, not lead' : dates ? 'dates it (lead)' : 'lead day, dates another act'}`);
        }
        sideKeys.push(keys);
        sideValues.push(values);
        const q0 = qs.find((q) => !slotOfQ.get(q));
        sideCauses.push(keys.size ? 'slot' : q0 ? noSlotWhy(s, q0, false).replace(/^no slot: /, '') : ts.length ? `time: ${actWhy(actOfTime(s, ts[0]))}` : 'no figure or time read');
        if (list) console.log(`KEYS\t${f.name}\t${exp.what.slice(0, 60)}\t${side.article}\t${[...keys].join(' ')}`);
      }
      // dated acts of two sides: whether they share a key, and if so what the date check sees
      // (one fact by the alignment, values apart, objects); else the act class or the participants differ
      for (let i = 0; i < sideActs.length; i++)
        for (let j = i + 1; j < sideActs.length; j++)
          for (const a of sideActs[i])
            for (const b of sideActs[j]) {
              const sameClass = actClass(a.lemma) === actClass(b.lemma);
              const shared = actSlots(a).some((k) => actSlots(b).includes(k));
              const anyShared = [...a.agents, ...a.patients].some((k) => b.agents.has(k) || b.patients.has(k));
              const cluster = al.clusterOf.get(a.sent.id);
              const oneFact = a.sent.art.id !== b.sent.art.id && ((cluster !== undefined && cluster === al.clusterOf.get(b.sent.id)) || al.sim(a.sent, b.sent) >= 0.25);
              const grain = Math.min(a.t.resolved?.length ?? 0, b.t.resolved?.length ?? 0);
              const apart = !a.t.resolved || !b.t.resolved ? 'a value unresolved' : a.t.resolved.slice(0, grain) === b.t.resolved.slice(0, grain) ? 'same value at the coarser grain' : 'values apart';
              const objects = a.object && b.object ? (a.object === b.object ? 'same object' : 'other objects') : 'no object on one';
              const acts = (x: typeof a) => `${x.lemma}[${[...x.agents].join(',')}/${[...x.patients].join(',')}] ${x.t.kind}:${x.t.resolved}`;
              if (list && !shared) console.log(`ACTS\t${f.name}\t${exp.what.slice(0, 60)}\t${acts(a)} | ${acts(b)}\tone fact: ${oneFact}`);
              bump(
                stages,
                `pair of dated acts: ${shared ? `share a key (${a.t.kind}/${b.t.kind}; ${oneFact ? 'one fact' : 'not one fact'}; ${apart}; ${objects})` : `${sameClass ? 'same act class' : 'other act classes'}, ${anyShared ? 'a participant shared in another role' : 'no participant shared'}${a.agents.size + a.patients.size && b.agents.size + b.patients.size ? '' : ' (one names no one)'}; ${oneFact ? 'one fact' : 'not one fact'}; ${inLead(a.sent) && inLead(b.sent) ? (first(a.sent) && first(b.sent) ? `both first sentences${oneDay(a.sent) && oneDay(b.sent) ? ', one day each' : ''}` : 'both lead') : 'not both lead'}`}`,
              );
            }
      for (const k of stages.keys()) bump(gold, `${kind}:   ${k}`, stages.get(k)!);
      const withKey = sideKeys.filter((k) => k.size).length;
      const shared = sideKeys.some((a, i) => sideKeys.some((b, j) => j > i && [...a].some((k) => b.has(k))));
      // a key two sides share with values apart: what the conflict decision is asked about (sides
      // that share a key only with a side of their own value leave the dissenting side unread)
      const sharedApart = sideValues.some((a, i) => sideValues.some((b, j) => j > i && [...a].some(([k, xs]) => b.get(k)?.some((y) => xs.some((x) => valuesApart(x, y))))));
      bump(gold, `${kind}: >=2 sides with a slot`, withKey >= 2 ? 1 : 0);
      bump(gold, `${kind}: 2 sides share a slot key`, shared ? 1 : 0);
      if (missed.has(`conflict: ${exp.what}`)) {
        // the same match as eval-crosscheck's any-article recall: two sides' values read in the gold's words
        const touched = x.conflicts.some((c) => c.severity === 'conflict' && conflictHolds(c, exp, false, ctx));
        const read = [...stages.keys()].some((k) => k.startsWith('side figure') || k.startsWith('side time'));
        const stage = touched ? '5 reported, not every side' : sharedApart ? '4 a key shared, values apart, no conflict reported' : shared ? '3 a key shared only by sides of one value' : withKey >= 2 ? '3 two sides with a slot, no key shared' : read ? '2 a value read, under two sides with a slot' : '1 no value read (words, ordinals, N-N)';
        bump(missedAt, `${kind}\t${stage}`);
        if (stage.startsWith('2 ')) bump(missedPairs, `${kind}\t${[...sideCauses].sort().join(' + ')}`);
        if (stage.startsWith('3 two sides')) bump(missedKeyPairs, `${kind}\t${keyPairShapes(sideSlots, al).join(' + ')}`);
        if (list) console.log(`MISSED\t${f.name}\t${kind}\t${stage}\t${exp.what.slice(0, 90)}`);
      }
      if (shared) {
        const fam = [...new Set(sideKeys.flatMap((a, i) => [...a].filter((k) => sideKeys.some((b, j) => j !== i && b.has(k)))))].map((k) => (k.startsWith('q:') ? family(k.slice(2)) : k.split('|')[0]));
        // what the cross-check made of those values: a conflict (any severity) holding two sides' values
        const held = x.conflicts.filter((c) => conflictHolds(c, exp, false, ctx));
        bump(gold, `${kind}:   shared key ${fam.join('+')}: ${held.length ? `reported as ${held.map((c) => c.severity).join('+')}` : 'nothing reported on two sides'}`);
        // figures of two sides under one key: are the values apart at all, with which qualifiers
        for (let i = 0; i < sideFigures.length; i++)
          for (let j = i + 1; j < sideFigures.length; j++)
            for (const a of sideFigures[i])
              for (const b of sideFigures[j])
                if (a.key === b.key) bump(gold, `${kind}:   figures under one key: ${Math.abs(a.value - b.value) <= 1e-9 * Math.max(1, Math.abs(a.value)) ? 'equal values' : `values apart (${[a.qualifier, b.qualifier].sort().join('/')})`}${held.length ? '' : ', not reported'}`);
      }
    }
  }
  const print = (title: string, m: Map<string, number>) => {
    console.log(`\n${title}`);
    for (const k of [...m.keys()].sort()) console.log(`${String(m.get(k)).padStart(6)}  ${k}`);
  };
  print(`gold conflicts (${split || 'all'}): sides by stage`, gold);
  print(`system (${split || 'all'}): figures and times by stage`, sys);
  print(`reported (${split || 'all'})`, reported);
  print(`missed conflicts (${split || 'all'}): kind, furthest stage`, missedAt);
  print(`missed conflicts at stage 2 (${split || 'all'}): kind, the causes of all its sides ('slot': that side has one)`, missedPairs);
  print(`missed conflicts at stage 3, two sides with a slot and no key shared (${split || 'all'}): kind, how each pair of the sides' figure keys differs`, missedKeyPairs);
}

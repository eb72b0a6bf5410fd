/**
 * The probe suite (test/compare/probes/): invented short stories told by 2-4 outlets, run through the
 * real pipeline (analyse + crossCheckStory, as eval-crosscheck does), scored with the fixtures' matcher
 * (conflict-match.ts). Prints recall (strict: every gold side held; any: two), precision and trap hits,
 * overall and by the probe's kind, then each miss with the stage where it dies and each false conflict.
 * `node --import tsx scripts/probe-conflicts.ts [--only ID-PREFIX] [--json]`.
 *
 * Stages of a miss (as dump-slots.ts --funnel names them): 1 no value read in a side's words; 2 a value
 * read but no slot says what it measures (why: part, hedged, background, nothing); 3 sides with slots
 * but no key shared (the keys are printed); 4 a key shared, no conflict reported; 5 reported, not
 * every side. Dates and places are shown by their reading only (times and dates belong to date-conflicts).
 */
import { pathToFileURL } from 'node:url';
import { analyseArticle } from '../src/analyse/index.js';
import { crossCheckStory, type StoryCrossCheck } from '../src/compare/index.js';
import { isHedged, partOf } from '../src/compare/figure-parts.js';
import { prepareStory, type Sent, sentText } from '../src/compare/prepare.js';
import { figureSlots, slotOf } from '../src/compare/slots.js';
import type { AnnotatedArticle } from '../src/model/types.js';
import { bareArticle } from '../test/helpers.js';
import { PROBES, type Probe, type ProbeConflict } from '../test/compare/probes/index.js';
import { conflictHolds, type MatchContext } from './conflict-match.js';

export interface ProbeScore {
  id: string;
  kind: string;
  gold: number;
  strict: number;
  any: number;
  predicted: number;
  truePredicted: number;
  traps: number;
  trapHits: number;
  misses: string[];
  falses: string[];
}

const KEYS = 'ABCD';

/** The probe's articles analysed, with its letters → docIds. */
export function loadProbe(p: Probe): { articles: AnnotatedArticle[]; idOf: Map<string, string> } {
  const idOf = new Map<string, string>();
  const articles = p.articles.map((a, i) => {
    const docId = `${p.id}-${KEYS[i]}`;
    idOf.set(KEYS[i], docId);
    return analyseArticle(bareArticle(docId, a.text, { outlet: a.outlet, published: { iso: a.published, precision: 'day', source: 'input' } }));
  });
  return { articles, idOf };
}

const gold = (c: ProbeConflict) => ({ sides: c.sides.map(([article, contains]) => ({ article, contains })) });

/** Where a missed conflict's sides die: each side's reading (figure and slot, or time), then the furthest stage. */
function missStage(p: Probe, c: ProbeConflict, articles: AnnotatedArticle[], idOf: Map<string, string>, x: StoryCrossCheck, ctx: MatchContext): string {
  const story = prepareStory({ articles, copies: [] });
  const slotOfQ = new Map(figureSlots(story).map((f) => [f.q, f.slot]));
  const readings: string[] = [];
  const keys: Set<string>[] = [];
  let read = 0;
  for (const [article, contains] of c.sides) {
    const id = idOf.get(article);
    const snip = contains.toLowerCase();
    const s: Sent | undefined = story.sentences.find((y) => y.art.id === id && sentText(y).toLowerCase().includes(snip));
    if (!s) {
      readings.push(`${article}:"${contains}" sentence not found`);
      keys.push(new Set());
      continue;
    }
    const at = s.span.start + sentText(s).toLowerCase().indexOf(snip);
    const within = (sp: { start: number; end: number }) => sp.start < at + snip.length && at < sp.end;
    const qs = s.quantities.filter((q) => within(q.span));
    const ts = s.times.filter((t) => within(t.span));
    const own = new Set<string>();
    const parts: string[] = [];
    for (const q of qs) {
      const slot = slotOfQ.get(q);
      if (slot) own.add(slot.key);
      const part = partOf(s, q);
      const why = slot ? slot.key : part ? `no slot: part (${part})` : isHedged(s, q) ? 'no slot: hedged' : slotOf(s, q, 'none') ? 'no slot: background' : 'no slot: nothing says what it measures';
      parts.push(`${q.value} ${q.unit}${q.qualifier ? ` ${q.qualifier}` : ''} -> ${why}`);
    }
    for (const t of ts) parts.push(`time ${t.kind} ${t.resolved ?? t.text}`);
    if (qs.length || ts.length) read++;
    readings.push(`${article}:"${contains}" ${parts.length ? parts.join('; ') : 'nothing read'}`);
    keys.push(own);
  }
  const shared = keys.some((k, i) => keys.some((l, j) => j > i && [...k].some((key) => l.has(key))));
  const touched = x.conflicts.some((k) => k.severity === 'conflict' && conflictHolds(k, gold(c), false, ctx));
  const withKey = keys.filter((k) => k.size).length;
  const stage = touched ? '5 reported, not every side' : shared ? '4 a key shared, no conflict' : withKey >= 2 ? '3 slots, no key shared' : read >= 2 ? '2 read, under two sides with a slot' : '1 a side read nothing';
  return `${p.id} [${p.kind}] ${c.what}: stage ${stage}\n      ${readings.join('\n      ')}`;
}

/** One probe scored as eval-crosscheck scores a fixture: conflicts of severity `conflict` only. */
export function scoreProbe(p: Probe, withStages = false): ProbeScore {
  const { articles, idOf } = loadProbe(p);
  const x = crossCheckStory({ storyId: p.id, articles, copies: [] });
  const texts = new Map(articles.map((a) => [a.article.docId, a.article.text]));
  const ctx: MatchContext = { idOf, textOf: (id) => texts.get(id) ?? '' };
  const pred = x.conflicts.filter((c) => c.severity === 'conflict');
  const score: ProbeScore = { id: p.id, kind: p.kind, gold: p.conflicts.length, strict: 0, any: 0, predicted: pred.length, truePredicted: 0, traps: p.traps.length, trapHits: 0, misses: [], falses: [] };
  for (const c of p.conflicts) {
    if (pred.some((k) => conflictHolds(k, gold(c), true, ctx))) score.strict++;
    if (pred.some((k) => conflictHolds(k, gold(c), false, ctx))) score.any++;
    else score.misses.push(withStages ? missStage(p, c, articles, idOf, x, ctx) : `${p.id} [${p.kind}] ${c.what}`);
  }
  for (const k of pred) {
    if (p.conflicts.some((c) => conflictHolds(k, gold(c), false, ctx))) {
      score.truePredicted++;
      continue;
    }
    const trap = p.traps.find((t) => conflictHolds(k, gold(t), false, ctx));
    if (trap) score.trapHits++;
    score.falses.push(`${p.id} [${p.kind}] ${trap ? `TRAP (${trap.what}) ` : ''}${k.kind} ${k.slot}: ${k.sides.map((s) => s.value).join(' vs ')}`);
  }
  return score;
}

/** Totals over scores: recall (strict, any), precision, trap hits. */
export function totals(scores: ProbeScore[]) {
  const sum = (f: (s: ProbeScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const gold = sum((s) => s.gold);
  const predicted = sum((s) => s.predicted);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    probes: scores.length,
    gold,
    strict: sum((s) => s.strict),
    any: sum((s) => s.any),
    recall: gold ? round(sum((s) => s.strict) / gold) : 0,
    recallAny: gold ? round(sum((s) => s.any) / gold) : 0,
    predicted,
    precision: predicted ? round(sum((s) => s.truePredicted) / predicted) : 1,
    traps: sum((s) => s.traps),
    trapHits: sum((s) => s.trapHits),
    falseConflicts: predicted - sum((s) => s.truePredicted),
  };
}

function main() {
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : '';
  const scores = PROBES.filter((p) => p.id.startsWith(only)).map((p) => scoreProbe(p, true));
  const kinds = [...new Set(scores.map((s) => s.kind))].sort();
  console.log('kind\tprobes\tgold\tstrict\tany\tpredicted\tprecision\ttrap hits/traps');
  for (const k of [...kinds, 'all']) {
    const t = totals(scores.filter((s) => k === 'all' || s.kind === k));
    console.log(`${k}\t${t.probes}\t${t.gold}\t${t.strict}\t${t.any}\t${t.predicted}\t${t.precision}\t${t.trapHits}/${t.traps}`);
  }
  const misses = scores.flatMap((s) => s.misses);
  if (misses.length) console.log(`\nMISSED (${misses.length})\n  ${misses.join('\n  ')}`);
  const falses = scores.flatMap((s) => s.falses);
  if (falses.length) console.log(`\nFALSE (${falses.length})\n  ${falses.join('\n  ')}`);
  console.log(JSON.stringify(totals(scores)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();

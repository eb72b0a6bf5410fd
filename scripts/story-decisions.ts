/**
 * Which grouping decision makes the B-cubed loss (issue 17): every article placement of the batch
 * grouping is traced with the step that made it (`traceDecisions` in story-index.ts: the pass's
 * join, found, copy, wake, a step's second look, settle's merges, refine, attach), and each wrong
 * pair of the final stories is charged to the step that last changed it:
 *
 * - a pair of two events in one story (precision loss) to the step that put them together;
 * - a pair of one event in two stories (recall loss) to the step that took them apart, or, when
 *   they were never together, to the first placement of the later one ("never together: found" —
 *   it founded a story of its own — or "never together: join", it joined another story) and no
 *   settle merge repaired it.
 *
 * B-cubed precision loss is (1/N) Σ_i Σ_{j in story(i), other event} 1/|story(i)|, recall loss the
 * same over the event's articles outside the story; both are sums over pairs, so the table's rows
 * add up to 1 − P and 1 − R exactly. Each is split by whether both articles carry a publication day.
 *
 *   node --import tsx scripts/story-decisions.ts [--uci] [--fractions 0,0.3,0.5] [--draws 5] [--list STEP] [--merges] [--gaps] [--date-other G]
 *
 * --merges: each of settle's merges that put two events in one story, with both sides' make-up.
 *
 * --gaps (with --fractions 0): the gold pairs of one event left in two stories by publication gap
 * (same week, month, over a month, over a year) and the step charged, with their events.
 *
 * Runs on the ECB+ development half (odd topics) with the publication day dropped from a seeded
 * fraction of its dated articles as bench/stories/cv.ts `datesDropped` does (same seeds), and with
 * --uci on UCI half A. Nothing of the held-out halves is read. The features are cached in
 * $STORY_DECISIONS_CACHE (default /tmp/story-decisions-cache.json).
 */
import { groupStories, type StoryFeatures } from '../src/stories/index.js';
import { scoreClusters } from '../src/stories/metrics.js';
import { traceDecisions } from '../src/stories/story-index.js';
import type { GroupOptions } from '../src/stories/types.js';
import { cmpStr } from '../src/util/cmp.js';
import { dayOfWeek, storyWeekday } from '../src/stories/weekday.js';
import type { Split } from '../bench/stories/quality.js';
import { dropDates, loadSplits } from '../bench/stories/dev-cache.js';

/** Placements of one grouping: each article's stories over time, and the step of each change of a pair. */
class Tracker {
  readonly storyOf = new Map<string, string>();
  readonly members = new Map<string, Set<string>>();
  /** Last step that put a pair together or took it apart (key: the two ids in order). */
  readonly pairStep = new Map<string, string>();
  readonly firstStep = new Map<string, string>();
  readonly firstSeq = new Map<string, number>();
  /** Settle's merges (`--merges`): both stories' members as they stood, in the order merged. */
  readonly merges: { step: string; from: string; to: string; moved: string[]; into: string[] }[] = [];
  private seq = 0;

  place(doc: string, story: string, step: string): void {
    if (!this.firstStep.has(doc)) {
      this.firstStep.set(doc, step);
      this.firstSeq.set(doc, this.seq++);
    }
    const old = this.storyOf.get(doc);
    if (old === story) return;
    // (restore rebuilds a story as it was, perhaps under another id: no decision)
    const record = step !== 'restore';
    // (a merge moves a story's members one at a time: its first move records both stories whole)
    const last = this.merges.at(-1);
    if (old !== undefined && step.startsWith('merge') && !(last?.step === step && last.from === old && last.to === story))
      this.merges.push({ step, from: old, to: story, moved: [...this.members.get(old)!], into: [...(this.members.get(story) ?? [])] });
    if (old !== undefined) {
      const m = this.members.get(old)!;
      m.delete(doc);
      if (record) for (const x of m) this.pairStep.set(pairKey(doc, x), step);
    }
    let m = this.members.get(story);
    if (!m) this.members.set(story, (m = new Set()));
    if (record) for (const x of m) this.pairStep.set(pairKey(doc, x), step);
    m.add(doc);
    this.storyOf.set(doc, story);
  }
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

interface Loss {
  p: [number, number];
  r: [number, number];
}

/** B-cubed loss by the step charged with each wrong pair; index 0 both dated, 1 either undated. */
function attribute(split: Split, features: StoryFeatures[], options: GroupOptions = {}): { losses: Map<string, Loss>; p: number; r: number; checked: boolean } {
  const tracker = new Tracker();
  traceDecisions((doc, story, step) => tracker.place(doc, story, step));
  let groups;
  try {
    groups = groupStories(features, options);
  } finally {
    traceDecisions(null);
  }
  const storyOf = new Map<string, number>();
  groups.forEach((g, i) => g.members.forEach((m) => storyOf.set(m, i)));
  // the traced placements must give the grouping's stories
  const checked = split.ids.every((a) => split.ids.every((b) => a >= b || (storyOf.get(a) === storyOf.get(b)) === (tracker.storyOf.get(a) === tracker.storyOf.get(b))));
  const dated = new Map(features.map((f) => [f.id, f.day !== null]));
  const byEvent = new Map<string, string[]>();
  for (const id of split.ids) {
    const g = split.gold.get(id)!;
    byEvent.set(g, [...(byEvent.get(g) ?? []), id]);
  }
  const losses = new Map<string, Loss>();
  const charge = (step: string, side: 'p' | 'r', a: string, b: string, x: number) => {
    let l = losses.get(step);
    if (!l) losses.set(step, (l = { p: [0, 0], r: [0, 0] }));
    l[side][dated.get(a) && dated.get(b) ? 0 : 1] += x / split.ids.length;
  };
  for (const g of groups)
    for (const a of g.members)
      for (const b of g.members) if (a !== b && split.gold.get(a) !== split.gold.get(b)) charge(tracker.pairStep.get(pairKey(a, b)) ?? '?', 'p', a, b, 1 / g.members.length);
  for (const ids of byEvent.values())
    for (const a of ids)
      for (const b of ids) {
        if (a === b || storyOf.get(a) === storyOf.get(b)) continue;
        const later = tracker.firstSeq.get(a)! > tracker.firstSeq.get(b)! ? a : b;
        const step = tracker.pairStep.get(pairKey(a, b)) ?? `never together: ${tracker.firstStep.get(later)}`;
        charge(step, 'r', a, b, 1 / ids.length);
        if (gapTable && a < b) gapTable.add(features, a, b, step, split.gold.get(a)!);
      }
  const b3 = scoreClusters(split.gold, groups.map((g) => g.members)).bcubed;
  if (listStep) listMisplaced(split, features, groups.map((g) => g.members), tracker, dated, listStep);
  if (argv.includes('--merges')) listWrongMerges(split, tracker, dated);
  return { losses, p: b3.precision, r: b3.recall, checked };
}

/**
 * --list STEP: each article whose first placement was STEP and that ends outside the story holding
 * most of its event, with the two stories' make-up (event: dated + undated members) and weekday.
 */
function listMisplaced(split: Split, features: StoryFeatures[], groups: string[][], tracker: Tracker, dated: Map<string, boolean>, step: string): void {
  const storyOf = new Map<string, number>();
  groups.forEach((g, i) => g.forEach((m) => storyOf.set(m, i)));
  const byId = new Map(features.map((f) => [f.id, f]));
  const makeUp = (g: string[]) => storyMakeUp(split, dated, g);
  const weekday = (g: string[]) => storyWeekday(g.map((m) => byId.get(m)!).map((f) => (dated.get(f.id) && f.eventDay !== null ? dayOfWeek(f.eventDay) : f.weekday)), g.length);
  for (const id of split.ids) {
    if (tracker.firstStep.get(id) !== step) continue;
    const event = split.gold.get(id)!;
    const home = groups.map((g, i) => [i, g.filter((m) => split.gold.get(m) === event).length] as const).sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
    const own = groups[storyOf.get(id)!];
    if (storyOf.get(id) === home) continue;
    console.log(`  ${id} (${event}, ${dated.get(id) ? 'dated' : 'undated'}, weekday ${byId.get(id)!.weekday}) in [${makeUp(own)}] (weekday ${weekday(own)}); its event's story [${makeUp(groups[home])}] (weekday ${weekday(groups[home])})`);
  }
}

/** A story's make-up: per gold event, its dated + undated members ("9-ecbplus:6+2 9-ecb:0+10"). */
function storyMakeUp(split: Split, dated: Map<string, boolean>, g: string[]): string {
  const c = new Map<string, [number, number]>();
  for (const m of g) {
    const x = c.get(split.gold.get(m)!) ?? [0, 0];
    x[dated.get(m) ? 0 : 1]++;
    c.set(split.gold.get(m)!, x);
  }
  return [...c.entries()].sort((a, b) => cmpStr(a[0], b[0])).map(([e, [d, u]]) => `${e}:${d}+${u}`).join(' ');
}

/**
 * --merges: each settle merge that put two events together (a pair across its two stories of two
 * gold events), with both stories' make-up and the pairs of two events it made.
 */
function listWrongMerges(split: Split, tracker: Tracker, dated: Map<string, boolean>): void {
  for (const { step, moved, into } of tracker.merges) {
    let wrong = 0;
    for (const a of moved) for (const b of into) if (split.gold.get(a) !== split.gold.get(b)) wrong++;
    if (wrong > 0) console.log(`  ${step}: [${storyMakeUp(split, dated, moved)}] into [${storyMakeUp(split, dated, into)}], ${wrong} pairs of two events`);
  }
}

/** Publication-gap classes of a pair of one event: same week, same month, over a month, over a year, undated side. */
function gapClass(fa: StoryFeatures, fb: StoryFeatures): string {
  if (fa.day === null || fb.day === null) return 'undated side';
  const gap = Math.abs(fa.day - fb.day);
  return gap <= 7 ? '≤ 7 days' : gap <= 31 ? '8–31 days' : gap <= 365 ? '32–365 days' : '> 365 days';
}

const GAP_CLASSES = ['≤ 7 days', '8–31 days', '32–365 days', '> 365 days', 'undated side'];

/**
 * --gaps: the gold pairs of one event left in two stories (each unordered pair once), by their
 * publication gap and the step charged, with the events they belong to.
 */
class GapTable {
  readonly cells = new Map<string, number>();
  readonly events = new Map<string, Set<string>>();
  readonly all = new Map<string, number>();
  add(features: StoryFeatures[], a: string, b: string, step: string, event: string): void {
    const byId = this.byId(features);
    const key = `${step}\u0000${gapClass(byId.get(a)!, byId.get(b)!)}`;
    this.cells.set(key, (this.cells.get(key) ?? 0) + 1);
    const e = this.events.get(key) ?? new Set<string>();
    e.add(event);
    this.events.set(key, e);
  }
  /** All gold pairs of one event by gap class, split or not. */
  countAll(split: Split, features: StoryFeatures[]): void {
    const byId = this.byId(features);
    for (const a of split.ids)
      for (const b of split.ids)
        if (a < b && split.gold.get(a) === split.gold.get(b)) {
          const k = gapClass(byId.get(a)!, byId.get(b)!);
          this.all.set(k, (this.all.get(k) ?? 0) + 1);
        }
  }
  private cache: { features: StoryFeatures[]; map: Map<string, StoryFeatures> } | null = null;
  private byId(features: StoryFeatures[]): Map<string, StoryFeatures> {
    if (this.cache?.features !== features) this.cache = { features, map: new Map(features.map((f) => [f.id, f])) };
    return this.cache.map;
  }
  print(): void {
    const steps = [...new Set([...this.cells.keys()].map((k) => k.split('\u0000')[0]))].sort(cmpStr);
    console.log(`\nGold pairs of one event in two stories, by publication gap (columns) and step charged:`);
    console.log(`| step charged | ${GAP_CLASSES.join(' | ')} |`);
    console.log(`| --- |${GAP_CLASSES.map(() => ' --- |').join('')}`);
    for (const s of steps) console.log(`| ${s} | ${GAP_CLASSES.map((g) => this.cell(`${s}\u0000${g}`)).join(' | ')} |`);
    console.log(`| all gold pairs | ${GAP_CLASSES.map((g) => this.all.get(g) ?? 0).join(' | ')} |`);
  }
  private cell(key: string): string {
    const n = this.cells.get(key);
    return n ? `${n} (${[...this.events.get(key)!].sort(cmpStr).join(', ')})` : '0';
  }
}

/**
 * --date-other G: a precision test for follow-ups months apart. Each ECB+ topic holds two similar
 * events, one told by dated reports (ecbplus), the other by undated ones (ecb); this gives each
 * undated article of a topic's other event a publication day G days before the first day of the
 * topic's dated event (G < 0: after it), spread over four days by id, as if both were reported
 * in time. Its event day, read from the text, is kept.
 */
function dateOtherEvent(split: Split, gap: number): StoryFeatures[] {
  const topic = (id: string) => split.gold.get(id)!.split('-')[0];
  const first = new Map<string, number>();
  for (const f of split.features) if (f.day !== null) first.set(topic(f.id), Math.min(first.get(topic(f.id)) ?? f.day, f.day));
  const datedEvents = new Set(split.features.filter((f) => f.day !== null).map((f) => split.gold.get(f.id)!));
  return split.features.map((f) => {
    const d = first.get(topic(f.id));
    if (f.day !== null || d === undefined || datedEvents.has(split.gold.get(f.id)!)) return f;
    let h = 0;
    for (const c of f.id) h = (h * 31 + c.charCodeAt(0)) % 1009;
    const day = d - gap + (h % 4);
    return { ...f, day, published: new Date(day * 86_400_000).toISOString().slice(0, 10) };
  });
}

function printLosses(title: string, runs: { losses: Map<string, Loss>; p: number; r: number; checked: boolean }[]): void {
  const total = new Map<string, Loss>();
  for (const run of runs)
    for (const [k, l] of run.losses) {
      const t = total.get(k) ?? { p: [0, 0], r: [0, 0] };
      for (const s of ['p', 'r'] as const) for (const i of [0, 1]) t[s][i] += l[s][i] / runs.length;
      total.set(k, t);
    }
  const p = runs.reduce((a, x) => a + x.p, 0) / runs.length;
  const r = runs.reduce((a, x) => a + x.r, 0) / runs.length;
  console.log(`\n${title}: B-cubed P ${p.toFixed(4)} R ${r.toFixed(4)} (mean of ${runs.length}; traced = grouped: ${runs.every((x) => x.checked)})`);
  console.log('| step charged | P loss, both dated | P loss, undated side | R loss, both dated | R loss, undated side |');
  console.log('| --- | --- | --- | --- | --- |');
  const rows = [...total.entries()].sort((a, b) => b[1].p[0] + b[1].p[1] + b[1].r[0] + b[1].r[1] - (a[1].p[0] + a[1].p[1] + a[1].r[0] + a[1].r[1]) || (a[0] < b[0] ? -1 : 1));
  for (const [k, l] of rows) console.log(`| ${k} | ${l.p[0].toFixed(4)} | ${l.p[1].toFixed(4)} | ${l.r[0].toFixed(4)} | ${l.r[1].toFixed(4)} |`);
}

const argv = process.argv.slice(2);
const arg = (name: string, d: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : d);
const fractions = arg('--fractions', '0,0.3,0.5').split(',').map(Number);
const draws = Number(arg('--draws', '5'));
const listStep = argv.includes('--list') ? arg('--list', '') : null;
const gapTable = argv.includes('--gaps') ? new GapTable() : null;
const splits = loadSplits(argv.includes('--uci'));
if (argv.includes('--date-other')) splits[0] = { ...splits[0], features: dateOtherEvent(splits[0], Number(arg('--date-other', '365'))) };
if (gapTable) gapTable.countAll(splits[0], splits[0].features);
for (const fraction of fractions) {
  const runs = fraction === 0 ? [attribute(splits[0], splits[0].features)] : Array.from({ length: draws }, (_, i) => attribute(splits[0], dropDates(splits[0], fraction, i + 1)));
  printLosses(`${splits[0].name}, publication day dropped from ${fraction * 100} %`, runs);
}
gapTable?.print();
if (splits[1]) printLosses(splits[1].name, [attribute(splits[1], splits[1].features)]);


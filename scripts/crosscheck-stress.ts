/**
 * A precision stress set whose truth needs no annotation (issue 15): every ECB+ topic holds two
 * similar but different events (`1-ecb` and `1-ecbplus`: two celebrities entering rehab, two
 * earthquakes), so a story made of both events' articles is a grouping error a reader may meet, and
 * any conflict that pits a value of one event against a value of the other is false by
 * construction (two events forced into one slot).
 *
 *   node --import tsx scripts/crosscheck-stress.ts [--list] [--only topics|intruders|polnear] [--topic N] [--check]
 *
 * Three kinds of story, dev data only (held-out topics are never read):
 * - `topics`: for each dev topic, one story of both events' articles (the dev fixtures' articles).
 * - `intruders`: each dev event with one article of the other event at a time. ECB records carry no
 *   url and the ECB+ records' hosts never recur across a topic's two events, so no intruder shares an
 *   outlet with its host event; one article at a time is what a grouping error brings in, and it
 *   leaves the story's own date, lead weekday and game score (which guards read) the host event's.
 * - `polnear`: the PolNeAR stories of `test/fixtures/stories/polnear-stories.json` and the looser
 *   ones grouped at threshold 0.1 (`polnear-loose-stories.json`, `scripts/polnear-stories.ts`):
 *   every conflict there has been false so far (polnear-judgments.jsonl), so all are counted.
 *
 * A conflict is cross-event when one of its pairs judged `conflict` has no event on both sides; it
 * is counted by mechanism (the slot's kind: its key before the first `|` or `:`, and the conflict
 * kind). The conflicts of each event, restricted to that event's evidence, are scored against the
 * event's fixture as eval:crosscheck scores them (precision, trap hits). Ends with one JSON line.
 * Each story's brief is checked as eval:crosscheck checks it (`briefSupport`: a line's values against
 * the sentences it cites, and a quote line's speaker named near them; no gold needed). `--list` prints every cross-event conflict and every false
 * within-event one with its sides' sentences, and every unsupported brief line with its cited
 * sentences, to read; `--topic N` runs one dev topic; `--check` exits with 1 when a figure (unsupported
 * brief lines and unnamed quote speakers among them) is above its floor in test/baselines.json (`crosscheck.stress`;
 * test/compare/crosscheck-stress.test.ts checks the topic stories, the script the intruders and
 * PolNeAR, too slow for the test suite).
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { crossCheckStory, type StoryCrossCheck } from '../src/compare/index.js';
import type { AnnotatedArticle } from '../src/model/types.js';
import { briefSupport, FIXTURES, loadFixtures, loadStory, ROOT, scoreStory, type StoryFixture } from './eval-crosscheck.js';

type Conflict = StoryCrossCheck['conflicts'][number];

interface Loaded {
  fixture: StoryFixture;
  articles: AnnotatedArticle[];
  idOf: Map<string, string>;
}

export interface Tally {
  stories: number;
  conflicts: number;
  crossEvent: number;
  crossEventMinor: number;
  byMechanism: Record<string, number>;
  /** Within-event conflicts scored against the event's fixture. */
  withinPredicted: number;
  withinFalse: number;
  withinTraps: number;
  /** Brief lines of the stories, those with a checkable value, and those their cited sentences hold (eval:crosscheck's `briefSupport`). */
  briefLines: number;
  briefChecked: number;
  briefSupported: number;
  /** Quote lines whose speaker was checked, and those whose cited sentences name the speaker (`briefSupport`). */
  speakersChecked: number;
  speakersSupported: number;
}

const emptyTally = (): Tally => ({ stories: 0, conflicts: 0, crossEvent: 0, crossEventMinor: 0, byMechanism: {}, withinPredicted: 0, withinFalse: 0, withinTraps: 0, briefLines: 0, briefChecked: 0, briefSupported: 0, speakersChecked: 0, speakersSupported: 0 });

/** The mechanism a conflict comes from: its kind and the slot's key up to its first separator. */
export function mechanismOf(c: Pick<Conflict, 'kind' | 'slot'>): string {
  return `${c.kind}:${c.slot.split(/[|:]/)[0]!.replace(/ of .*$/, '').trim()}`;
}

/** Events of each side of a conflict (by the articles of its evidence). */
function sideEvents(c: Conflict, eventOf: Map<string, string>): Set<string>[] {
  return c.sides.map((s) => new Set(s.evidence.map((e) => eventOf.get(e.articleId) ?? '?')));
}

/** Whether some pair of the given severity has no event on both of its sides. */
export function crossesEvents(c: Conflict, eventOf: Map<string, string>, severity: 'conflict' | 'minor'): boolean {
  const ev = sideEvents(c, eventOf);
  return c.pairs.some((p) => p.severity === severity && ![...ev[p.a]!].some((e) => ev[p.b]!.has(e)));
}

/** The conflict as one event's articles tell it: evidence of other events dropped, pairs whose sides remain kept; null when no pair is left. */
export function restrictTo(c: Conflict, event: string, eventOf: Map<string, string>): Conflict | null {
  const keep = c.sides.map((s) => s.evidence.some((e) => eventOf.get(e.articleId) === event));
  const index = new Map<number, number>();
  keep.forEach((k, i) => k && index.set(i, index.size));
  const pairs = c.pairs.filter((p) => keep[p.a] && keep[p.b]).map((p) => ({ ...p, a: index.get(p.a)!, b: index.get(p.b)! }));
  if (!pairs.length) return null;
  const sides = c.sides.filter((_, i) => keep[i]).map((s) => ({ ...s, evidence: s.evidence.filter((e) => eventOf.get(e.articleId) === event) }));
  return { ...c, sides, pairs, severity: pairs.some((p) => p.severity === 'conflict') ? 'conflict' : 'minor' };
}

function texts(articles: AnnotatedArticle[]): Map<string, string> {
  return new Map(articles.map((a) => [a.article.docId, a.article.text]));
}

function printConflict(label: string, c: Conflict, text: Map<string, string>, eventOf: Map<string, string>): void {
  console.log(`\n[${label}] ${c.kind} ${c.severity} slot=${c.slot} (${mechanismOf(c)})`);
  for (const s of c.sides) {
    console.log(`  side "${s.value}"`);
    for (const e of s.evidence) console.log(`    - ${eventOf.get(e.articleId) ?? '?'}: ${(text.get(e.articleId) ?? '').slice(e.sentence.start, e.sentence.end).replace(/\s+/g, ' ')}`);
  }
}

/**
 * Adds the brief's support to the tally (no gold needed: a line's values against the sentences it
 * cites); `list` prints each unsupported line with its cited sentences.
 */
function tallyBrief(name: string, x: StoryCrossCheck, text: Map<string, string>, tally: Tally, list: boolean): void {
  const s = briefSupport(x, text);
  tally.briefLines += s.lines;
  tally.briefChecked += s.checked;
  tally.briefSupported += s.supported;
  tally.speakersChecked += s.speakersChecked;
  tally.speakersSupported += s.speakersSupported;
  if (!list || (s.supported === s.checked && s.speakersSupported === s.speakersChecked)) return;
  for (const line of x.brief) {
    const one = briefSupport({ ...x, brief: [line] }, text);
    if (!one.unsupported.length && !one.speakersUnsupported.length) continue;
    console.log(`\n[${name}] brief ${line.kind}${one.speakersUnsupported.length ? ' (speaker not named)' : ''}: ${line.text}`);
    for (const e of line.citations) console.log(`    - ${e.articleId}: ${(text.get(e.articleId) ?? '').slice(e.sentence.start, e.sentence.end).replace(/\s+/g, ' ')}`);
  }
}

/** Cross-checks one mixed ECB+ story and adds what it reports to the tally. */
function stressStory(name: string, parts: Loaded[], members: AnnotatedArticle[], tally: Tally, list: boolean): void {
  const eventOf = new Map<string, string>();
  for (const p of parts) for (const id of p.idOf.values()) eventOf.set(id, p.fixture.name);
  const x = crossCheckStory({ storyId: `stress-${name}`, articles: members, copies: [] });
  tally.stories++;
  tally.conflicts += x.conflicts.length;
  const text = texts(members);
  tallyBrief(name, x, text, tally, list);
  for (const c of x.conflicts) {
    if (crossesEvents(c, eventOf, 'conflict')) {
      tally.crossEvent++;
      const m = mechanismOf(c);
      tally.byMechanism[m] = (tally.byMechanism[m] ?? 0) + 1;
      if (list) printConflict(name, c, text, eventOf);
    } else if (crossesEvents(c, eventOf, 'minor')) tally.crossEventMinor++;
  }
  for (const p of parts) {
    const present = new Set(members.map((a) => a.article.docId));
    const ids = new Map([...p.idOf].filter(([, id]) => present.has(id)));
    const own = x.conflicts.map((c) => restrictTo(c, p.fixture.name, eventOf)).filter((c): c is Conflict => c !== null);
    const fixture = { ...p.fixture, expected: { ...p.fixture.expected, corroborated: [], quoteGroups: [] } };
    const s = scoreStory(fixture, { ...x, conflicts: own, facts: [], quoteLedger: [], brief: [] }, members, ids);
    tally.withinPredicted += s.conflicts.predicted;
    tally.withinFalse += s.falseConflicts;
    tally.withinTraps += s.trapHits;
    if (!list) continue;
    // (a trap hit is listed as "TRAP (what) conflict: …": match the end)
    for (const c of own) if (s.falsePositives.some((fp) => fp.endsWith(`conflict: ${c.slot} (${c.sides.map((d) => d.value).join(' vs ')})`))) printConflict(`${name}, false within ${p.fixture.name}`, c, text, eventOf);
  }
}

/** Each story of a PolNeAR selection: every conflict counts (none has been judged real). */
function stressPolnear(file: string, tally: Tally, list: boolean): void {
  const stories = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as StoryFixture[];
  for (const s of stories) {
    const f: StoryFixture = { ...s, expected: { conflicts: [], corroborated: [], quoteGroups: [] } };
    const { articles, idOf } = loadStory(f);
    const copies = (s.copies ?? []).map((g) => g.map((k) => idOf.get(k) ?? k));
    const x = crossCheckStory({ storyId: s.storyId, articles, copies });
    tally.stories++;
    tally.conflicts += x.conflicts.length;
    const eventOf = new Map(articles.map((a) => [a.article.docId, a.article.docId]));
    const text = texts(articles);
    tallyBrief(s.name, x, text, tally, list);
    for (const c of x.conflicts) {
      if (c.severity !== 'conflict') {
        tally.crossEventMinor++;
        continue;
      }
      tally.crossEvent++;
      const m = mechanismOf(c);
      tally.byMechanism[m] = (tally.byMechanism[m] ?? 0) + 1;
      if (list) printConflict(s.name, c, text, eventOf);
    }
  }
}

function report(name: string, t: Tally): void {
  const mech = Object.entries(t.byMechanism).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  console.log(`${name.padEnd(10)} stories ${t.stories}, conflicts ${t.conflicts}, cross-event ${t.crossEvent} (minor ${t.crossEventMinor}); within-event ${t.withinPredicted} predicted, ${t.withinFalse} false, ${t.withinTraps} traps; brief ${t.briefLines} lines, ${t.briefChecked} checked, ${t.briefSupported} supported; quote speakers ${t.speakersSupported}/${t.speakersChecked} named`);
  for (const [m, n] of mech) console.log(`           ${String(n).padStart(4)}  ${m}`);
}

/** The stress tallies of the dev data: `only` one kind of story (`topics`, `intruders`, `polnear`), `topic` one dev topic. */
export function runStress({ only, topic, list = false }: { only?: string; topic?: string; list?: boolean } = {}): Record<string, Tally> {
  const dev = loadFixtures().filter((f) => f.split === 'dev' && f.name.startsWith('ecb-'));
  const byName = new Map(dev.map((f) => [f.name, f]));
  const loaded = new Map<string, Loaded>();
  const load = (f: StoryFixture): Loaded => {
    if (!loaded.has(f.name)) loaded.set(f.name, { fixture: f, ...loadStory(f) });
    return loaded.get(f.name)!;
  };
  const topics = [...new Set(dev.map((f) => f.name.replace(/^ecb-(\d+)-.*$/, '$1')))].sort((a, b) => Number(a) - Number(b));
  const tallies: Record<string, Tally> = { topics: emptyTally(), intruders: emptyTally(), polnear: emptyTally() };
  for (const t of topics.filter((n) => !topic || topic === n)) {
    const a = byName.get(`ecb-${t}-ecb`);
    const b = byName.get(`ecb-${t}-ecbplus`);
    if (!a || !b || (only && only !== 'topics' && only !== 'intruders')) continue;
    const [la, lb] = [load(a), load(b)];
    if (!only || only === 'topics') stressStory(`topic-${t}`, [la, lb], [...la.articles, ...lb.articles], tallies.topics!, list);
    if (only && only !== 'intruders') continue;
    for (const [host, guest] of [
      [la, lb],
      [lb, la],
    ] as const) {
      for (const intruder of guest.articles) {
        stressStory(`${host.fixture.name}+${intruder.article.docId}`, [host, guest], [...host.articles, intruder], tallies.intruders!, list);
      }
    }
  }
  if (!only || only === 'polnear') {
    stressPolnear('polnear-stories.json', tallies.polnear!, list);
    stressPolnear('polnear-loose-stories.json', tallies.polnear!, list);
  }
  return tallies;
}

function main(): void {
  const args = process.argv.slice(2);
  const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const tallies = runStress({ only: arg('--only'), topic: arg('--topic'), list: args.includes('--list') });
  for (const [k, t] of Object.entries(tallies)) report(k, t);
  const summary = Object.fromEntries(Object.entries(tallies).map(([k, t]) => [k, { stories: t.stories, conflicts: t.conflicts, crossEvent: t.crossEvent, crossEventMinor: t.crossEventMinor, withinFalse: t.withinFalse, withinTraps: t.withinTraps, brief: { lines: t.briefLines, checked: t.briefChecked, supported: t.briefSupported, speakersChecked: t.speakersChecked, speakersSupported: t.speakersSupported } }]));
  const crossEvent = Object.values(tallies).reduce((n, t) => n + t.crossEvent, 0);
  console.log(JSON.stringify({ crossEvent, ...summary }));
  if (args.includes('--check')) {
    const over = overFloors(tallies);
    if (over.length) {
      console.error(`above the floors of test/baselines.json crosscheck.stress: ${over.join('; ')}`);
      process.exitCode = 1;
    }
  }
}

/** What exceeds the floors of `crosscheck.stress` in test/baselines.json, for the kinds of story run. */
export function overFloors(tallies: Record<string, Tally>): string[] {
  const floor = (JSON.parse(readFileSync(join(ROOT, 'test/baselines.json'), 'utf8')) as Record<string, Record<string, number>>)['crosscheck.stress']!;
  const checks: [string, number, number][] = [];
  const { topics, intruders, polnear } = tallies;
  if (topics?.stories) checks.push(['cross-event (topics)', topics.crossEvent, floor.maxCrossEventTopics!], ['false within (topics)', topics.withinFalse, floor.maxWithinFalseTopics!]);
  if (intruders?.stories) checks.push(['cross-event (intruders)', intruders.crossEvent, floor.maxCrossEventIntruders!], ['false within (intruders)', intruders.withinFalse, floor.maxWithinFalseIntruders!]);
  if (polnear?.stories) checks.push(['PolNeAR conflicts', polnear.conflicts, floor.maxConflictsPolnear!]);
  // (no gold needed: a checked brief line its cited sentences do not hold, on any kind of story)
  for (const [kind, t] of Object.entries(tallies)) {
    if (!t.stories) continue;
    checks.push([`unsupported brief lines (${kind})`, t.briefChecked - t.briefSupported, floor.maxBriefUnsupported!]);
    checks.push([`quote lines whose speaker the cited sentences do not name (${kind})`, t.speakersChecked - t.speakersSupported, floor.maxQuoteSpeakersUnnamed!]);
  }
  return checks.filter(([, n, max]) => n > max).map(([what, n, max]) => `${what} ${n} > ${max}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();

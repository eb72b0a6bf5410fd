/**
 * Which dev traps each cross-check guard alone holds back (issue 15): a trap caught by one guard
 * only is one unseen wording away from being reported. For each guard below, a copy of the tree is
 * made under the system's temp folder with that guard's lines turned off (a textual patch of the
 * copy: runtime code reads no flag), eval:crosscheck runs there on the dev split (`-v`, dev only),
 * and the traps and false conflicts that come back are counted against the unpatched tree.
 *
 *   node --import tsx scripts/guard-ablation.ts [--only name,name] [--jobs 2] [--list] [--analysed file] [--slow]
 *
 * A patch whose text is not found exactly once in its file fails the run (a guard that moved must be
 * re-pointed, not silently skipped). Held-out fixtures are never scored (`--split dev`).
 * The dev fixtures are read and analysed once, by the unpatched tree (the guards are all in compare),
 * and written as JSON beside the copies; each copy cross-checks and scores that JSON with its own
 * compare code (`--score <file>`), the lines eval:crosscheck `-v` prints (`--slow` runs eval:crosscheck
 * in each copy instead, to check that both give the same lines).
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { crossCheckStory } from '../src/compare/index.js';
import type { AnnotatedArticle } from '../src/model/types.js';
import { loadFixtures, loadStory, overall, scoreStory, type StoryScore } from './eval-crosscheck.js';

const ROOT = resolve(import.meta.dirname, '..');
const run = promisify(execFile);

interface Guard {
  name: string;
  file: string;
  find: string;
  replace: string;
}

const C = 'src/compare/conflicts.ts';
const D = 'src/compare/date-conflicts.ts';
const S = 'src/compare/slots.ts';
const K = 'src/compare/counts.ts';
const T = 'src/compare/two-checks.ts';
/** Each guard and the patch that turns it off (the `find` text must occur once in `file`). */
export const GUARDS: Guard[] = [
  // quantities
  { name: 'q.tenfold', file: C, find: 'if (apartTenfold(sides[a].rep, sides[b].rep)) continue;', replace: '' },
  { name: 'q.timeOfWriting', file: C, find: 'sameTimeOfWriting(sides[a].members, sides[b].members) &&', replace: 'true &&' },
  { name: 'q.writtenYears', file: C, find: '!agedBetweenWritings(sides[a].members, sides[b].members) &&', replace: 'true &&' },
  { name: 'q.ageAndRecord', file: C, find: "!(ms[0].slot.startsWith('age|') && toldAtTwoTimes(", replace: "!(false && toldAtTwoTimes(" },
  { name: 'q.windowToWriting', file: C, find: "if (!slot || (slot.unit === 'h' && notALength(sent, q))) continue;", replace: 'if (!slot) continue;' },
  { name: 'q.factPlaces', file: C, find: 'return a.art.id !== b.art.id && !namesOtherPlaces(a, b) && oneFact(al, a, b);', replace: 'return a.art.id !== b.art.id && oneFact(al, a, b);' },
  { name: 'q.alignedOneFact', file: C, find: ' && oneFact(al, a, b);\n    });\n    ms.forEach', replace: ';\n    });\n    ms.forEach' },
  { name: 'q.spanPlaces', file: C, find: '() => true, (a, b) => !namesOtherPlaces(a, b) && oneFact(al, a, b));', replace: '() => true, (a, b) => oneFact(al, a, b));' },
  { name: 'q.spanOneFact', file: C, find: '() => true, (a, b) => !namesOtherPlaces(a, b) && oneFact(al, a, b));', replace: '() => true, (a, b) => !namesOtherPlaces(a, b));' },
  { name: 't.joinNoun', file: C, find: "!span(o) && measuresNoun(o), () => true", replace: '!span(o), () => true' },
  { name: 'q.magnitudeMode', file: C, find: 'pool = ms.filter((m) => Math.abs(m.q.value - mode) <= 1);', replace: 'pool = ms;' },
  { name: 'q.otherAges', file: C, find: "if (named.some((o) => compareIntervals(o, m) !== 'same') || !namesPerson(m.sent.art, m.slot)) m.slot = own;", replace: '' },
  { name: 'q.childrenByParent', file: C, find: 'const group = linkedGroups(ms.length, (i, j) => [...people[i]]', replace: 'const group = linkedGroups(ms.length, (i, j) => true || [...people[i]]' },
  { name: 'q.roundedMinor', file: C, find: "return gap / scale <= 0.05 && (rounded(a) || rounded(b)) ? 'minor' : 'conflict';", replace: "return 'conflict';" },
  { name: 'q.selfQuoted', file: C, find: 'if (quoted(x) && quoted(y)) return false;', replace: '' },
  { name: 'q.selfOneFact', file: C, find: 'return x.sent.id === y.sent.id || oneFact(al, x.sent, y.sent);', replace: 'return true;' },
  { name: 'q.bodyOnly', file: C, find: '!ms.some((m) => m.bodyOnly) && ', replace: '' },
  { name: 's.part', file: S, find: 'if (isPart(s, q) || isHedged(s, q)) return null;', replace: 'if (isHedged(s, q)) return null;' },
  { name: 's.hedged', file: S, find: 'if (isPart(s, q) || isHedged(s, q)) return null;', replace: 'if (isPart(s, q)) return null;' },
  { name: 's.pastSentence', file: S, find: "if (background === 'past' && slot?.key !== 'people|children' && !slot?.key.startsWith('held:')) return null;", replace: '' },
  { name: 's.eventFramesLead', file: S, find: "if (slot && EVENT_FRAMES.test(slot.key) && !inLead(s) && background !== 'none') return null;", replace: '' },
  { name: 's.otherDay', file: S, find: "if (!slot || (background === 'other-day' && !slot.personal)) return null;", replace: 'if (!slot) return null;' },
  { name: 's.thenAge', file: S, find: 'if (/\\bthen[\\s-]*$/i.test(', replace: 'if (false && /\\bthen[\\s-]*$/i.test(' },
  { name: 's.conversion', file: S, find: 'if (conversionOf(s, q)) return null;', replace: '' },
  { name: 's.aspectual', file: S, find: 'if (toldByAspectualVerb(s, q)) return null;', replace: '' },
  { name: 's.eventNoun', file: S, find: 'if (counted && EVENT_OF_FRAME.has(counted)) return null;', replace: '' },
  { name: 's.sincePast', file: S, find: "return background === 'other-day' || pastBeyond(s, q) ? null : since;", replace: 'return since;' },
  { name: 's.termOtherDay', file: S, find: "return background === 'other-day' ? null : term;", replace: 'return term;' },
  // counts of things (counts.ts and the lead's counts in slots.ts)
  { name: 'c.notFinal', file: K, find: 'if (toldAsInterim(s, q) || OTHER_TIME.test(text)) return null;', replace: '' },
  { name: 'c.interimToll', file: S, find: "if (slot && slot.key.startsWith('people|') && EVENT_FRAMES.test(slot.key) && toldAsInterim(s, q)) return null;", replace: '' },
  { name: 'c.ratio', file: K, find: '|| WINDOW.test(before)) return null;', replace: '|| WINDOW.test(before)) void 0;' },
  { name: 'c.ratioAfter', file: K, find: 'i.test(s.art.text.slice(q.span.end, q.span.end + 24))) return null;', replace: 'i.test(s.art.text.slice(q.span.end, q.span.end + 24))) void 0;' },
  { name: 'c.personSubject', file: K, find: 'if (verb && personIsSubject(s, parsed)) return null;', replace: '' },
  { name: 'c.clauseOnNoun', file: K, find: "if (rel === 'acl' || rel === 'relcl' || t.deprel.startsWith('acl')) return null;", replace: '' },
  { name: 'c.subsetWords', file: K, find: 'out.add(key(w));', replace: 'out.has(key(w));' },
  { name: 'c.notThings', file: K, find: 'return !NOT_THINGS.has(noun) && !NOT_THINGS.has(noun.replace(/s$/, \'\'));', replace: 'return true;' },
  { name: 'c.twoInSentence', file: S, find: "if (s.quantities.some((o) => o !== q && (o.counted === q.counted || ((o.unit === 'count' || o.unit === 'people') && countedNoun(s, o) === noun)))) return null;", replace: '' },
  { name: 'c.dayApart', file: C, find: '/^(?:held|game):|^count\\|/.test(', replace: '/^(?:held|game):/.test(' },
  { name: 'c.namesOthers', file: C, find: "if (ms[i].slot.startsWith('count|') && namesOthers(a, b)) return false;", replace: '' },
  { name: 'c.partOfASet', file: K, find: 'if (isPartOfASet(s, q, text, listed)) return null;', replace: '' },
  { name: 'c.restated', file: C, find: 'for (const [m, own] of restated) [m.slot, m.label] = [own.slot, own.label];', replace: '' },
  { name: 'c.wholeNumber', file: K, find: 'if (!Number.isInteger(q.value)) return null;', replace: '' },
  { name: 'c.oneHappening', file: C, find: '!(countOfAHappening(ms[0].slot) && !tellOneHappening(', replace: '!(false && !tellOneHappening(' },
  { name: 'c.joinOneFact', file: C, find: 'joinCountsToActs(mentions, (a, b) => oneFact(al, a, b) && !namesOtherPlaces(a, b));', replace: 'joinCountsToActs(mentions, () => true);' },
  // dates in the lead
  { name: 'd.recurring', file: D, find: 'if (recurringDay(s, t)) continue;', replace: '' },
  { name: 'd.datesItsNoun', file: D, find: 'if (!found || datesItsNoun(s, t, found.at)) continue;', replace: 'if (!found) continue;' },
  { name: 'd.toldTodayLead', file: D, find: "if (act === 'statement' && toldToday(s, t)) continue;", replace: '' },
  { name: 'd.dayOfWriting', file: D, find: "if (a.act === 'statement' && a.value !== b.value && toldOnDayOfWriting(a) && toldOnDayOfWriting(b)) return false;", replace: '' },
  { name: 'd.parsedFact', file: D, find: 'if (parsed && !parsed.fact) continue;', replace: '' },
  { name: 'd.subjects', file: D, find: 'if (![...a.subjects].some((x) => b.subjects.has(x))) return false;', replace: '' },
  { name: 'd.patients', file: D, find: 'if (a.patients?.size && b.patients?.size && ![...a.patients].some((x) => b.patients!.has(x))) return false;', replace: '' },
  { name: 'd.sameArticle', file: D, find: 'if (a.sent.art.id === b.sent.art.id) return false; // one article', replace: '// one article' },
  { name: 'd.leadWording', file: D, find: 'return sim >= 0.25 || (sharedSubjects >= 2 && sim >= 0.12);', replace: 'return true;' },
  { name: 'd.guessedDay', file: D, find: 'const ms = all.filter((m) => !guessedDay(m));', replace: 'const ms = all;' },
  { name: 'd.asWritten', file: D, find: 'if (a.t.resolvedInferred || b.t.resolvedInferred) return sameAsWritten(a, b);', replace: '' },
  // dated acts of the parse
  { name: 'a.pastSentence', file: D, find: 'if (past && !coarse && !pastDay) continue;', replace: '' },
  { name: 'a.coarseNoActors', file: D, find: 'if ((coarse || pastDay) && !(act.agents.size || act.patients.size)) continue;', replace: '' },
  { name: 'a.toldToday', file: D, find: "if (newsActKind(act.lemma, false) === 'statement' && toldToday(s, act.t)) continue;", replace: '' },
  { name: 'a.nounOutsideLead', file: D, find: 'if (act.byNoun && !inLead(s)) continue;', replace: '' },
  { name: 'a.nounOneFact', file: D, find: "if (!actors.size || [...actors].every((k) => k.startsWith('N:'))) {", replace: 'if (!actors.size) {' },
  { name: 'r.ageAndRecord', file: 'src/compare/records.ts', find: ' && !(surname && toldAtTwoTimes(story, sides[p.a], sides[p.b], surname))', replace: '' },
  { name: 'a.anonymousNamesOthers', file: D, find: ' || namesOthers(a.sent, b.sent)) return false;', replace: ') return false;' },
  { name: 'a.anonymousOneFact', file: D, find: 'return oneFact(al, a.sent, b.sent);\n  });\n  const out', replace: 'return true;\n  });\n  const out' },
  { name: 'a.byObject', file: D, find: '  splitByObject(bySlot);\n', replace: '\n' },
  // second checks of durations and distances (two-checks.ts)
  { name: 't.noun', file: T, find: 'measuresNoun(x) && measuresNoun(y) && ', replace: '' },
  { name: 't.participants', file: T, find: '  if (facts.otherPlaces(a, b)) return false;\n  if (facts.oneFact(a, b)) return true;\n', replace: '  return true;\n' },
  { name: 't.spanKind', file: T, find: 'return a === b;', replace: 'return true || a === b;' },
  { name: 't.termVerb', file: T, find: 'return !a || !b || actClass(a) === actClass(b);', replace: 'return true;' },
  { name: 't.clockAct', file: T, find: 'return [...x].some((v) => y.has(v));', replace: 'return true;' },
  { name: 't.all', file: C, find: 'twoChecksHold(ms[0].slot, sides[a]', replace: '((..._: unknown[]) => true)(ms[0].slot, sides[a]' },
  { name: 'a.doneTwice', file: D, find: '  for (const [k, ms] of bySlot) if (doneTwice(ms) || repeated(k)) bySlot.set(k, ms.filter((m) => !COARSE.test(m.value) && !m.pastDay));\n', replace: '\n' },
  { name: 'a.otherZone', file: D, find: '  if (open < s.span.start || close < 0 || close > s.span.end', replace: '  if (true || open < s.span.start || close < 0 || close > s.span.end' },
  { name: 'a.coarseOneFact', file: D, find: 'for (const [k, ms] of bySlot) bySlot.set(k, ms.filter((m) => (!COARSE.test(m.value) && !m.pastDay) || ms.some((o) => pastActPair(m, o) && (statesOneFact(m, o, al) || oneLifeAct(k, m, o)))));', replace: '' },
];

interface Outcome {
  traps: string[];
  falseConflicts: string[];
  summary: { conflicts: { tp: number; fp: number }; trapHits: number };
}

/** One dev fixture as analysed once: its articles and its key -> docId map. */
interface AnalysedStory {
  name: string;
  articles: AnnotatedArticle[];
  idOf: [string, string][];
}

/** Reads and analyses the dev fixtures (the unpatched tree's analysis) into `file`. */
function writeAnalysed(file: string): void {
  const out: AnalysedStory[] = loadFixtures()
    .filter((f) => f.split === 'dev')
    .map((f) => {
      const { articles, idOf } = loadStory(f);
      return { name: f.name, articles, idOf: [...idOf] };
    });
  writeFileSync(file, JSON.stringify(out));
}

/** `--score <file>`: cross-checks and scores the analysed dev fixtures with this tree's compare code; prints eval:crosscheck's `-v` rows, spurious lines and JSON line. */
function scoreAnalysed(file: string): void {
  const stories = JSON.parse(readFileSync(file, 'utf8')) as AnalysedStory[];
  const fixtures = new Map(loadFixtures().map((f) => [f.name, f]));
  const scores: StoryScore[] = [];
  for (const s of stories) {
    const f = fixtures.get(s.name)!;
    const idOf = new Map(s.idOf);
    const copies = f.copies.map((g) => g.map((k) => idOf.get(k) ?? k));
    const x = crossCheckStory({ storyId: f.storyId, articles: s.articles, copies });
    const score = { ...scoreStory(f, x, s.articles, idOf), ms: 0, split: f.split };
    scores.push(score);
    console.log(`${s.name} | ${score.conflicts.tp}/${score.conflicts.predicted}`);
    for (const m of score.falsePositives) console.log(`    spurious ${m}`);
  }
  console.log(JSON.stringify(overall(scores)));
}

/** Runs the dev eval in `root` (the analysed JSON `analysed`, or the whole eval:crosscheck when null) and reads its spurious conflicts (traps marked) and summary. */
async function evalDev(root: string, analysed: string | null): Promise<Outcome> {
  const argv = analysed ? ['--import', 'tsx', 'scripts/guard-ablation.ts', '--score', analysed] : ['--import', 'tsx', 'scripts/eval-crosscheck.ts', '--split', 'dev', '-v'];
  const { stdout } = await run(process.execPath, argv, { cwd: root, maxBuffer: 64 << 20 });
  const lines = stdout.split('\n');
  let story = '';
  const spurious: string[] = [];
  for (const l of lines) {
    const row = /^(\S+)\s+\|/.exec(l);
    if (row && !l.startsWith('story')) story = row[1]!;
    const sp = /^\s+spurious (.*conflict: .*)$/.exec(l);
    if (sp) spurious.push(`${story}: ${sp[1]}`);
  }
  const summary = JSON.parse(lines.filter((l) => l.startsWith('{')).pop()!) as Outcome['summary'];
  return { traps: spurious.filter((s) => s.includes('TRAP (')), falseConflicts: spurious.filter((s) => !s.includes('TRAP (')), summary };
}

/**
 * Where the copies go: a fresh temp folder with a link to the folders beside the tree, since the
 * fixtures name their articles relative to the tree ("../shared/data/stories/…").
 */
function ablationHome(): string {
  const home = mkdtempSync(join(tmpdir(), 'guard-ablation-'));
  const shared = resolve(ROOT, '..', 'shared');
  if (existsSync(shared)) symlinkSync(shared, join(home, 'shared'));
  return home;
}

/** A copy of the tree with one guard turned off: src and scripts copied (a script's imports resolve from its real path), src patched, the rest linked. */
function patchedTree(home: string, g: Guard): string {
  const dir = join(home, g.name);
  mkdirSync(dir);
  cpSync(join(ROOT, 'src'), join(dir, 'src'), { recursive: true });
  cpSync(join(ROOT, 'scripts'), join(dir, 'scripts'), { recursive: true });
  for (const d of ['data', 'models', 'test', 'node_modules', 'package.json', 'tsconfig.json']) symlinkSync(join(ROOT, d), join(dir, d));
  const path = join(dir, g.file);
  const text = readFileSync(path, 'utf8');
  const n = text.split(g.find).length - 1;
  if (n !== 1) throw new Error(`guard ${g.name}: patch text found ${n} times in ${g.file}`);
  writeFileSync(path, text.replace(g.find, () => g.replace));
  return dir;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const scoreFile = arg('--score');
  if (scoreFile) return scoreAnalysed(scoreFile);
  const only = arg('--only')?.split(',');
  const jobs = Number(arg('--jobs') ?? 2);
  const guards = GUARDS.filter((g) => !only || only.includes(g.name));
  const home = ablationHome();
  const dirs = guards.map((g) => patchedTree(home, g));
  // (`--analysed <file>`: a file this script wrote before, read again instead of analysing anew)
  const analysed = args.includes('--slow') ? null : (arg('--analysed') ?? join(home, 'analysed-dev.json'));
  if (analysed && !existsSync(analysed)) writeAnalysed(analysed);
  const base = await evalDev(ROOT, analysed);
  console.log(`base: ${base.summary.conflicts.tp} true, ${base.summary.conflicts.fp} false, ${base.traps.length} traps`);
  const results: (Outcome | null)[] = guards.map(() => null);
  let next = 0;
  const worker = async () => {
    while (next < guards.length) {
      const i = next++;
      results[i] = await evalDev(dirs[i]!, analysed);
      const r = results[i]!;
      const gained = (xs: string[], was: string[]) => xs.filter((x) => !was.includes(x));
      const traps = gained(r.traps, base.traps);
      const other = gained(r.falseConflicts, base.falseConflicts);
      console.log(`${guards[i]!.name.padEnd(24)} traps +${traps.length}  other false +${other.length}  true ${r.summary.conflicts.tp - base.summary.conflicts.tp >= 0 ? '+' : ''}${r.summary.conflicts.tp - base.summary.conflicts.tp}`);
      if (args.includes('--list')) for (const x of [...traps, ...other]) console.log(`    ${x}`);
      rmSync(dirs[i]!, { recursive: true, force: true });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));
  rmSync(home, { recursive: true, force: true });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });

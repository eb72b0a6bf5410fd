/**
 * Cross-checks the PolNeAR stories `scripts/polnear-stories.ts` selected, each as one story, and
 * prints what a reader needs to judge the output by hand (as crosscheck-events.ts does for ECB+):
 * every reported conflict with its sides' full sentences, and every brief line with the sentences
 * it cites.
 *
 *   node --import tsx scripts/crosscheck-polnear.ts [polnear-03 ...] [--stories file.json] [--json] [--summary]
 *
 * With no names, every story of the file (default `test/fixtures/stories/polnear-stories.json`).
 * `--json` prints one JSON line per conflict and per brief line (story, values, sentences), the
 * shape of `test/fixtures/stories/polnear-judgments.jsonl` before a verdict is added by reading.
 * `--summary` prints one line per story (articles, conflicts, brief lines) and the totals, and,
 * when the judgments file exists, how many of the conflicts reported now were judged real, arguable
 * or false (matched by story, slot-free: the sorted values and the article keys of each side), and
 * how many are new (not judged); and how the brief lines that cite two outlets or more (fact and
 * quote lines) were judged: supported (every cited sentence states the line) or partly (a cited
 * sentence states another fact or another subject), matched by story, text and the cited sentences,
 * so a line whose citations change is new until someone reads it (`--new` prints those lines only,
 * in the `--json` shape, to be judged).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { crossCheckStory, type Evidence, type StoryCrossCheck } from '../src/compare/index.js';
import { FIXTURES, loadStory, ROOT, type StoryFixture } from './eval-crosscheck.js';

const JUDGMENTS = join(FIXTURES, 'polnear-judgments.jsonl');

interface Judgment {
  story: string;
  item: 'conflict' | 'brief';
  values: string[];
  sentences: string[][];
  verdict: string;
  class?: string;
}

/** What identifies a reported conflict across code changes: its story, its values and the articles of each side. */
export function conflictKey(story: string, sides: { value: string; sentences: string[] }[]): string {
  const parts = sides.map((s) => `${s.value}@${[...new Set(s.sentences.map((x) => x.slice(0, x.indexOf(':'))))].sort().join(',')}`).sort();
  return `${story}|${parts.join('|')}`;
}

/** What identifies a brief line across code changes: its story, its text and the sentences it cites (in any order). */
export function briefKey(story: string, text: string, sentences: string[]): string {
  return `${story}|${text}|${[...sentences].sort().join('\n')}`;
}

function loadJudgments(): { conflicts: Map<string, Judgment>; brief: Map<string, Judgment> } {
  const conflicts = new Map<string, Judgment>();
  const brief = new Map<string, Judgment>();
  if (!existsSync(JUDGMENTS)) return { conflicts, brief };
  for (const line of readFileSync(JUDGMENTS, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const j = JSON.parse(line) as Judgment;
    if (j.item === 'brief') brief.set(briefKey(j.story, j.values[0] ?? '', j.sentences[0] ?? []), j);
    else conflicts.set(conflictKey(j.story, j.values.map((value, i) => ({ value, sentences: j.sentences[i] ?? [] }))), j);
  }
  return { conflicts, brief };
}

/** The outlets a brief line cites (the cited sentences' article keys start with the outlet's code). */
const outletsCited = (cites: string[]) => new Set(cites.map((c) => c.slice(0, c.indexOf('_')))).size;

function main(): void {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const summary = args.includes('--summary');
  const onlyNew = args.includes('--new');
  const si = args.indexOf('--stories');
  const file = resolve(ROOT, si >= 0 ? args[si + 1]! : join(FIXTURES, 'polnear-stories.json'));
  const names = args.filter((a, i) => !a.startsWith('--') && (si < 0 || i !== si + 1));
  const stories = (JSON.parse(readFileSync(file, 'utf8')) as (StoryFixture & { title?: string | null })[]).filter((s) => !names.length || names.includes(s.name));
  const { conflicts: judged, brief: judgedBrief } = loadJudgments();
  const tally = new Map<string, number>();
  const briefTally = new Map<string, number>();
  let totalConflicts = 0;
  let totalBrief = 0;
  for (const s of stories) {
    const f: StoryFixture = { ...s, expected: { conflicts: [], corroborated: [], quoteGroups: [] } };
    const { articles, keyOf, idOf } = loadStory(f);
    const texts = new Map(articles.map((a) => [a.article.docId, a.article.text]));
    const copies = s.copies.map((c) => c.map((k) => idOf.get(k)!));
    const x: StoryCrossCheck = crossCheckStory({ storyId: s.storyId, articles, copies });
    const sentence = (e: Evidence) => (texts.get(e.articleId) ?? '').slice(e.sentence.start, e.sentence.end).replace(/\s+/g, ' ');
    const cite = (e: Evidence) => `${keyOf.get(e.articleId) ?? e.articleId}: ${sentence(e)}`;
    const conflicts = x.conflicts.filter((c) => c.severity === 'conflict');
    totalConflicts += conflicts.length;
    totalBrief += x.brief.length;
    const multiOutlet = x.brief.filter((line) => (line.kind === 'fact' || line.kind === 'quote') && outletsCited(line.citations.map(cite)) >= 2);
    const briefVerdicts = multiOutlet.map((line) => judgedBrief.get(briefKey(s.name, line.text, line.citations.map(cite)))?.verdict ?? 'new');
    for (const v of briefVerdicts) briefTally.set(v, (briefTally.get(v) ?? 0) + 1);
    if (onlyNew) {
      multiOutlet.forEach((line, i) => {
        if (briefVerdicts[i] === 'new') console.log(JSON.stringify({ story: s.name, item: 'brief', kind: line.kind, values: [line.text], sentences: [line.citations.map(cite)] }));
      });
      continue;
    }
    if (summary) {
      const verdicts = conflicts.map((c) => judged.get(conflictKey(s.name, c.sides.map((side) => ({ value: side.value, sentences: side.evidence.map(cite) }))))?.verdict ?? 'new');
      for (const v of verdicts) tally.set(v, (tally.get(v) ?? 0) + 1);
      console.log(`${s.name}: ${articles.length} articles, ${conflicts.length} conflicts (${verdicts.join(', ') || '-'}), ${x.brief.length} brief lines (of two outlets or more: ${briefVerdicts.join(', ') || '-'})`);
      continue;
    }
    if (!json) console.log(`\n=== ${s.name} (${s.title}): ${articles.length} articles, ${x.conflicts.length} conflicts, ${x.brief.length} brief lines`);
    for (const c of x.conflicts) {
      if (json) {
        if (c.severity !== 'conflict') continue;
        const sides = c.sides.map((side) => ({ value: side.value, sentences: side.evidence.map(cite) }));
        console.log(JSON.stringify({ story: s.name, item: 'conflict', kind: c.kind, slot: c.slot, values: sides.map((v) => v.value), sentences: sides.map((v) => v.sentences) }));
        continue;
      }
      console.log(`\n[${c.id}] ${c.kind} ${c.severity} slot=${c.slot}${c.withinArticle ? ' (within one article)' : ''}`);
      for (const side of c.sides) {
        console.log(`  side "${side.value}" (${side.wordings.join(' | ')})`);
        for (const e of side.evidence) console.log(`    - ${cite(e)}`);
      }
    }
    if (!json) console.log(`\n--- brief`);
    for (const [i, line] of x.brief.entries()) {
      if (json) {
        console.log(JSON.stringify({ story: s.name, item: 'brief', kind: line.kind, values: [line.text], sentences: [line.citations.map(cite)] }));
        continue;
      }
      console.log(`\n(${i + 1}) [${line.kind}/${line.standing}] ${line.text}`);
      for (const e of line.citations) console.log(`    - ${cite(e)}`);
    }
  }
  const counts = (t: Map<string, number>) => [...t].sort().map(([k, v]) => `${k} ${v}`).join(', ');
  if (summary) {
    const lines = [...briefTally.values()].reduce((a, b) => a + b, 0);
    const supported = briefTally.get('supported') ?? 0;
    console.log(`total: ${stories.length} stories, ${totalConflicts} conflicts (${counts(tally)}), ${totalBrief} brief lines`);
    console.log(`brief lines citing two outlets or more: ${lines} (${counts(briefTally)}); supported ${supported}/${lines - (briefTally.get('new') ?? 0)} judged`);
  }
}

main();

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
 * how many are new (not judged).
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

function loadJudgments(): Map<string, Judgment> {
  const out = new Map<string, Judgment>();
  if (!existsSync(JUDGMENTS)) return out;
  for (const line of readFileSync(JUDGMENTS, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const j = JSON.parse(line) as Judgment;
    if (j.item !== 'conflict') continue;
    out.set(conflictKey(j.story, j.values.map((value, i) => ({ value, sentences: j.sentences[i] ?? [] }))), j);
  }
  return out;
}

function main(): void {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const summary = args.includes('--summary');
  const si = args.indexOf('--stories');
  const file = resolve(ROOT, si >= 0 ? args[si + 1]! : join(FIXTURES, 'polnear-stories.json'));
  const names = args.filter((a, i) => !a.startsWith('--') && (si < 0 || i !== si + 1));
  const stories = (JSON.parse(readFileSync(file, 'utf8')) as (StoryFixture & { title?: string | null })[]).filter((s) => !names.length || names.includes(s.name));
  const judged = loadJudgments();
  const tally = new Map<string, number>();
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
    if (summary) {
      const verdicts = conflicts.map((c) => judged.get(conflictKey(s.name, c.sides.map((side) => ({ value: side.value, sentences: side.evidence.map(cite) }))))?.verdict ?? 'new');
      for (const v of verdicts) tally.set(v, (tally.get(v) ?? 0) + 1);
      console.log(`${s.name}: ${articles.length} articles, ${conflicts.length} conflicts (${verdicts.join(', ') || '-'}), ${x.brief.length} brief lines`);
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
  if (summary) console.log(`total: ${stories.length} stories, ${totalConflicts} conflicts (${[...tally].sort().map(([k, v]) => `${k} ${v}`).join(', ')}), ${totalBrief} brief lines`);
}

main();

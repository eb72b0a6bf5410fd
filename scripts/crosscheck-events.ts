/**
 * Cross-checks ECB+ events that have no fixture, one event as one story, and prints what a reader
 * needs to judge the output by hand: every reported conflict with its sides' full sentences, and
 * every brief line with the sentences it cites.
 *
 *   node --import tsx scripts/crosscheck-events.ts 27-ecb 31-ecbplus [--data path.jsonl] [--json]
 *
 * The articles are the records of `../shared/data/stories/ecbplus-dev.jsonl` whose `event` is one of
 * the ids, read through the same loader as eval:crosscheck (outlet: the url's host name, as
 * ANNOTATION.md prescribes for fixtures). `--json` prints one JSON line per conflict instead (for
 * writing judgments: event, kind, slot, values and sentences). Held-out events are refused so they
 * stay unseen. test/fixtures/stories/unannotated-judgments.jsonl holds a reader's verdicts on its output
 * for the nine ECB+ events without a fixture (4-ecb, 27, 28, 29, 31: both events each), made by reading
 * the sentences and articles: each conflict (real, arguable or false, and the trap class) and each
 * brief line (are its values in the sentences it cites).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { crossCheckStory, type Evidence } from '../src/compare/index.js';
import { loadFixtures, loadStory, ROOT, type StoryFixture } from './eval-crosscheck.js';

interface EventRecord {
  id: string;
  event: string;
  url?: string;
}

/** Events of held-out fixtures (ANNOTATION.md): never printed, so nobody tunes on them by accident. */
function heldOutEvents(): Set<string> {
  return new Set(loadFixtures().filter((f) => f.split === 'heldout').map((f) => f.name.replace(/^ecb-/, '')));
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

function eventStory(dataPath: string, relPath: string, event: string): StoryFixture {
  const records = readFileSync(dataPath, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EventRecord)
    .filter((r) => r.event === event);
  return {
    name: event,
    storyId: `event-${event}`,
    articles: records.map((r) => ({ key: r.id, path: relPath, record: r.id, outlet: hostOf(r.url) })),
    copies: [],
    expected: { conflicts: [], corroborated: [], quoteGroups: [] },
  };
}

function main(): void {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const di = args.indexOf('--data');
  const relPath = di >= 0 ? args[di + 1]! : '../shared/data/stories/ecbplus-dev.jsonl';
  const events = args.filter((a, i) => !a.startsWith('--') && (di < 0 || i !== di + 1));
  const held = heldOutEvents();
  for (const event of events) {
    if (held.has(event)) {
      console.error(`${event}: held out, not run`);
      continue;
    }
    const f = eventStory(resolve(ROOT, relPath), relPath, event);
    if (!f.articles.length) {
      console.error(`${event}: no records`);
      continue;
    }
    const { articles, keyOf } = loadStory(f);
    const texts = new Map(articles.map((a) => [a.article.docId, a.article.text]));
    const x = crossCheckStory({ storyId: f.storyId, articles, copies: [] });
    const sentence = (e: Evidence) => (texts.get(e.articleId) ?? '').slice(e.sentence.start, e.sentence.end).replace(/\s+/g, ' ');
    const cite = (e: Evidence) => `${keyOf.get(e.articleId) ?? e.articleId}: ${sentence(e)}`;
    if (!json) console.log(`\n=== ${event}: ${articles.length} articles, ${x.conflicts.length} conflicts, ${x.brief.length} brief lines`);
    for (const c of x.conflicts) {
      if (json) {
        const sides = c.sides.map((s) => ({ value: s.value, sentences: s.evidence.map(cite) }));
        console.log(JSON.stringify({ event, id: c.id, kind: c.kind, slot: c.slot, severity: c.severity, sides }));
        continue;
      }
      console.log(`\n[${c.id}] ${c.kind} ${c.severity} slot=${c.slot}${c.withinArticle ? ' (within one article)' : ''}`);
      for (const s of c.sides) {
        console.log(`  side "${s.value}" (${s.wordings.join(' | ')})`);
        for (const e of s.evidence) console.log(`    - ${cite(e)}`);
      }
    }
    if (json) continue;
    console.log(`\n--- brief`);
    for (const [i, line] of x.brief.entries()) {
      console.log(`\n(${i + 1}) [${line.kind}/${line.standing}] ${line.text}`);
      for (const e of line.citations) console.log(`    - ${cite(e)}`);
    }
  }
}

main();

/**
 * How often a sentence copied into several articles is reported as several one-article facts rather
 * than one fact of its copies: one-article facts whose statement has the same words (case, spacing
 * and punctuation set aside) as another one-article fact of the story, on the fixtures of a split and
 * on the bench's near-copies story (`bench/crosscheck-stories.ts`).
 *
 *   node --import tsx scripts/copied-facts.ts [--split dev] [--copies 1000 --db PATH] [--mixed 923]
 *
 * Prints per story with any such facts the facts, the one-article facts, the copied sentences (groups
 * of such facts with one statement) and the facts in those groups; then the totals.
 */
import { parseArgs } from 'node:util';
import { polnearPool, storyOf } from '../bench/crosscheck-stories.js';
import { crossCheckStory, type StoryCrossCheck } from '../src/compare/index.js';
import { loadFixtures, loadStory } from './eval-crosscheck.js';

const { values } = parseArgs({ options: { split: { type: 'string' }, copies: { type: 'string' }, mixed: { type: 'string' }, db: { type: 'string' } } });

const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ');

interface Count { facts: number; single: number; copied: number; copiedFacts: number; multi: number; }

function countOf(x: StoryCrossCheck): Count {
  const single = x.facts.filter((f) => f.articles.length === 1);
  const byWords = new Map<string, number>();
  for (const f of single) byWords.set(words(f.statement), (byWords.get(words(f.statement)) ?? 0) + 1);
  const groups = [...byWords.values()].filter((n) => n >= 2);
  return { facts: x.facts.length, single: single.length, copied: groups.length, copiedFacts: groups.reduce((a, b) => a + b, 0), multi: x.facts.length - single.length };
}

const total: Count = { facts: 0, single: 0, copied: 0, copiedFacts: 0, multi: 0 };
function report(name: string, c: Count): void {
  for (const k of Object.keys(total) as (keyof Count)[]) total[k] += c[k];
  if (c.copied) console.log(`${name}: facts ${c.facts} (several articles ${c.multi}), one-article ${c.single}, copied sentences ${c.copied} in ${c.copiedFacts} one-article facts`);
}

if (values.split !== undefined) {
  for (const f of loadFixtures().filter((g) => g.split === values.split)) {
    const { articles, idOf } = loadStory(f);
    report(f.name, countOf(crossCheckStory({ storyId: f.storyId, articles, copies: f.copies.map((g) => g.map((k) => idOf.get(k) ?? k)) })));
  }
}
for (const kind of ['copies', 'mixed'] as const) {
  const n = values[kind];
  if (!n) continue;
  if (!values.db) throw new Error('--db PATH: the analysed PolNeAR store (a private copy)');
  const pool = await polnearPool(values.db);
  report(`${kind} ${n}`, countOf(crossCheckStory({ storyId: 'bench', articles: storyOf(kind, pool, Number(n)), copies: [] })));
}
console.log(`total: facts ${total.facts} (several articles ${total.multi}), one-article ${total.single}, copied sentences ${total.copied} in ${total.copiedFacts} one-article facts`);

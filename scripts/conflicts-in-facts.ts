/**
 * Where the missed annotated conflicts sit in the report's facts (dev split only): for each conflict
 * the cross-check misses, whether two of its sides (sentences giving different values) are members of
 * one fact (ONE-FACT: the alignment already calls them one statement, so comparing the values inside
 * a fact could find it), of two multi-article facts (facts), or of none (-). Prints one line per
 * missed conflict and the counts. An upper bound: the fixtures' sides carry no value of their own, so
 * two sides of one fact may be two articles giving the same value of a conflict of three sides. Facts
 * are loose (sentences that share words): pairing the figures of a fact's members by unit and counted
 * noun alone found 1 of these against 181 false pairs (session 23); the figure's role in the claim is needed.
 *
 *   node --import tsx scripts/conflicts-in-facts.ts
 */
import { crossCheckStory } from '../src/compare/index.js';
import type { Evidence } from '../src/compare/types.js';
import { conflictHolds } from './conflict-match.js';
import { loadFixtures, loadStory } from './eval-crosscheck.js';

let missed = 0;
let inOneFact = 0;
let inFacts = 0;
for (const f of loadFixtures().filter((g) => g.split === 'dev')) {
  const { articles, idOf } = loadStory(f);
  const texts = new Map(articles.map((a) => [a.article.docId, a.article.text]));
  const x = crossCheckStory({ storyId: f.storyId, articles, copies: f.copies.map((g) => g.map((k) => idOf.get(k) ?? k)) });
  const ctx = { idOf, textOf: (id: string) => texts.get(id) ?? '' };
  const sideIn = (ev: Evidence[], s: { article: string; contains: string }) =>
    ev.some((e) => e.articleId === idOf.get(s.article) && (texts.get(e.articleId) ?? '').slice(e.sentence.start, e.sentence.end).toLowerCase().includes(s.contains.toLowerCase()));
  for (const exp of f.expected.conflicts) {
    if (x.conflicts.some((c) => c.severity === 'conflict' && conflictHolds(c, exp, true, ctx))) continue;
    missed++;
    const one = x.facts.some((fact) => exp.sides.filter((s) => sideIn(fact.evidence, s)).length >= 2);
    const some = exp.sides.filter((s) => x.facts.some((fact) => fact.evidence.length > 1 && sideIn(fact.evidence, s))).length >= 2;
    if (one) inOneFact++;
    else if (some) inFacts++;
    console.log(`${f.name}\t${one ? 'ONE-FACT' : some ? 'facts' : '-'}\t${exp.what.slice(0, 90)}`);
  }
}
console.log(JSON.stringify({ missed, sidesInOneFact: inOneFact, sidesInTwoFacts: inFacts }));
